//! Inputs that are not OCR text, refused with a reason before the pipeline sees them.

/// Inputs over this size are refused unless `--max-bytes` says otherwise: a UN report's
/// text is well under a megabyte, and the pipeline holds about 35 times its input in
/// memory, so this keeps a two-core batch under 300 MB.
pub const DEFAULT_MAX_BYTES: u64 = 2 * 1024 * 1024;

/// Why `bytes` cannot be OCR text, or None when they can.
pub fn refuse_reason(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Some("UTF-16 text: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)".into());
    }
    if bytes.contains(&0) {
        return Some("binary: it has NUL bytes; give the OCR text, not a PDF or image".into());
    }
    let control = bytes.iter().filter(|&&b| is_control(b)).count();
    // OCR text has next to none; one in ten is far beyond any text encoding.
    if control * 10 > bytes.len() {
        return Some(format!(
            "binary: {control} of {} bytes are control codes; give the OCR text",
            bytes.len()
        ));
    }
    None
}

/// The reason a file of `len` bytes is refused as too large, or None.
pub fn too_large(len: u64, max_bytes: u64) -> Option<String> {
    (len > max_bytes).then(|| {
        format!(
            "too large: {len} bytes, over --max-bytes {max_bytes}; raise it if this is one report"
        )
    })
}

/// Control codes other than the tab, line feed, form feed (page break) and carriage return.
fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r')) || b == 0x7F
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_any_encoding_passes() {
        assert_eq!(refuse_reason("État\tdes lieux\r\n\x0C".as_bytes()), None);
        assert_eq!(refuse_reason(b"syst\xE8me \x92"), None);
        assert_eq!(refuse_reason(b""), None);
    }

    #[test]
    fn binary_and_utf16_are_refused() {
        assert!(refuse_reason(b"%PDF-1.4\n\x00\x01")
            .unwrap()
            .starts_with("binary"));
        assert!(refuse_reason(b"\x1B\x1B\x02abc")
            .unwrap()
            .contains("control codes"));
        assert!(refuse_reason(b"\xFF\xFEa\x00")
            .unwrap()
            .starts_with("UTF-16"));
        assert!(too_large(11, 10).unwrap().contains("--max-bytes 10"));
        assert_eq!(too_large(10, 10), None);
    }
}
