//! Stage 1, decode: input bytes to text.
//!
//! UTF-8 (a BOM is dropped), else Windows-1252 (which also covers Latin-1 text).
//! Offsets everywhere downstream index the text this stage returns.

/// The decoded input.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// `utf-8` or `windows-1252`.
    pub encoding: &'static str,
}

/// Decode `bytes`: UTF-8 when valid (BOM dropped), Windows-1252 otherwise.
pub fn decode(bytes: &[u8]) -> Decoded {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            encoding: "utf-8",
        },
        Err(_) => Decoded {
            text: body.iter().map(|&b| windows_1252(b)).collect(),
            encoding: "windows-1252",
        },
    }
}

/// Windows-1252 to Unicode: Latin-1 except the 0x80–0x9F block of typographic signs.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode("\u{FEFF}État".as_bytes());
        assert_eq!(d.text, "État");
        assert_eq!(d.encoding, "utf-8");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let d = decode(b"syst\xE8me \x92 \x9C");
        assert_eq!(d.text, "système ’ œ");
        assert_eq!(d.encoding, "windows-1252");
    }
}
