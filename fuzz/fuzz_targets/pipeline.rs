//! The whole pipeline on any bytes: no panic, and whatever decodes loses nothing
//! (every non-space character in a block, a footnote or `removed`), with the same
//! output on a second run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = ocrmend::clean(data, "fuzz") else {
        return;
    };
    let input = ocrmend::decode::decode(data).expect("it decoded once").text;
    assert!(doc.unaccounted(&input).is_empty(), "characters lost");
    let again = ocrmend::clean(data, "fuzz").expect("it decoded once");
    assert_eq!(
        serde_json::to_string(&doc).unwrap(),
        serde_json::to_string(&again).unwrap(),
        "the same input gives the same output"
    );
});
