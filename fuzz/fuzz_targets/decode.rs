//! Decoding any bytes: no panic; the decoded text is what a standard decoder gives
//! (encoding_rs, the WHATWG rules Python and browsers follow) for the encoding the
//! result names; every `invalid-bytes` warning points at U+FFFD characters of it, and
//! every `removed` text is the input it spans.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ocrmend::Options { repair: false, ..Default::default() };
    let Ok(cleaned) = ocrmend::clean(data, &options) else {
        return;
    };
    let encoding = &cleaned.document.source.encoding;
    let standard = encoding_rs::Encoding::for_label(encoding.as_bytes()).expect("a WHATWG name");
    // `decode` sniffs and drops a byte-order mark, as the contract says.
    let (expected, used, _) = standard.decode(data);
    if used == standard {
        assert_eq!(cleaned.input, expected, "decoded as {encoding}");
    }
    if encoding == "utf-8" {
        let bom = usize::from(data.starts_with(b"\xEF\xBB\xBF")) * 3;
        assert_eq!(cleaned.input, String::from_utf8_lossy(&data[bom..]));
    }
    let chars: Vec<char> = cleaned.input.chars().collect();
    assert_eq!(cleaned.document.source.chars, chars.len());
    for w in cleaned.document.warnings.iter().filter(|w| w.code == "invalid-bytes") {
        if let Some([start, end]) = w.span {
            assert!(chars[start..end].iter().all(|&c| c == char::REPLACEMENT_CHARACTER));
        }
    }
    for r in &cleaned.document.removed {
        let text: String = chars[r.span[0]..r.span[1]].iter().filter(|&&c| c != '\0').collect();
        assert_eq!(text, r.text);
    }
});
