//! Decoding any bytes: no panic; valid UTF-8 decodes to itself, and every
//! `invalid-bytes` warning points at U+FFFD characters of the decoded text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ocrmend::Options { repair: false, ..Default::default() };
    let Ok(cleaned) = ocrmend::clean(data, &options) else {
        return;
    };
    if let Ok(text) = std::str::from_utf8(data) {
        if !text.starts_with('\u{feff}') && cleaned.document.source.encoding == "utf-8" {
            assert_eq!(cleaned.input, text);
        }
    }
    let chars: Vec<char> = cleaned.input.chars().collect();
    for w in cleaned.document.warnings.iter().filter(|w| w.code == "invalid-bytes") {
        if let Some([start, end]) = w.span {
            assert!(chars[start..end].iter().all(|&c| c == char::REPLACEMENT_CHARACTER));
        }
    }
});
