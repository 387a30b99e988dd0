//! The whole pipeline on any bytes: no panic, and whatever decodes loses nothing
//! (every non-space character in a block, a footnote or `removed`), with the same
//! output on a second run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ocrmend::Options::default();
    let Ok(cleaned) = ocrmend::clean(data, &options) else {
        return;
    };
    assert!(cleaned.document.unaccounted(&cleaned.input).is_empty(), "characters lost");
    let again = ocrmend::clean(data, &options).expect("it decoded once");
    assert_eq!(
        serde_json::to_string(&cleaned.document).unwrap(),
        serde_json::to_string(&again.document).unwrap(),
        "the same input gives the same output"
    );
});
