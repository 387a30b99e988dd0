//! Decoding any bytes: no panic; text that decodes reports its replaced bytes at
//! U+FFFD characters of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = ocrmend::decode::decode(data) {
        for run in &decoded.replaced {
            assert!(decoded.text[run.clone()].chars().all(|c| c == char::REPLACEMENT_CHARACTER));
        }
    }
});
