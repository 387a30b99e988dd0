//! Stage 1, decode: input bytes to text, or the reason they are not text.
//!
//! - a byte-order mark says the encoding (UTF-8, UTF-16LE, UTF-16BE) and is dropped;
//! - UTF-16 without a mark is told by its NUL bytes on every other position;
//! - bytes with NULs or many control codes otherwise are binary (a PDF, an image):
//!   refused with a reason;
//! - valid UTF-8 is UTF-8; UTF-8 with a few bad bytes stays UTF-8, each bad run
//!   replaced by U+FFFD and reported;
//! - anything else is a legacy single-byte text, its encoding guessed by chardetng
//!   (Windows-1252 for Latin-1 and its kin).
//!
//! Offsets everywhere downstream index the text this stage returns.

use std::ops::Range;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// The decoded input.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`… (lower-case WHATWG names).
    pub encoding: String,
    /// Byte ranges of `text` where U+FFFD stands for bytes that were not valid in
    /// the encoding, one range per run.
    pub replaced: Vec<Range<usize>>,
}

/// Why the input is not text, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub String);

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotText {}

/// Decode `bytes` (see the module documentation for the rules).
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok(with(encoding, &bytes[bom..]));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(with(encoding, bytes));
    }
    refuse_binary(bytes)?;
    // UTF-8 with a few bad bytes is still UTF-8: its valid multi-byte characters
    // outnumber its bad bytes ten to one.
    let (utf8, bad) = lossy_utf8(bytes);
    if bad == 0 || multibyte_chars(&utf8) >= 10 * bad {
        return Ok(utf8);
    }
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    // ISO-2022-JP is 7-bit and never what a Latin-script OCR export is.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    Ok(with(detector.guess(None, Utf8Detection::Deny), bytes))
}

/// The multi-byte characters of decoded UTF-8, not counting the U+FFFD put for bad
/// bytes.
fn multibyte_chars(utf8: &Decoded) -> usize {
    utf8.text.chars().filter(|c| !c.is_ascii()).count() - utf8.replaced.len()
}

/// `bytes` decoded as `encoding`, bad sequences replaced.
fn with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    if encoding == encoding_rs::UTF_8 {
        return lossy_utf8(bytes).0;
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    // Single-byte encodings map every byte; UTF-16 can hold lone surrogates.
    let replaced = if had_errors {
        runs_of(&text, |c| c == char::REPLACEMENT_CHARACTER)
    } else {
        Vec::new()
    };
    Decoded {
        text,
        encoding: encoding.name().to_ascii_lowercase(),
        replaced,
    }
}

/// UTF-8 with each run of bad bytes replaced by one U+FFFD, and how many bytes were bad.
fn lossy_utf8(bytes: &[u8]) -> (Decoded, usize) {
    let mut text = String::with_capacity(bytes.len());
    let mut replaced: Vec<Range<usize>> = Vec::new();
    let mut bad_bytes = 0;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                text.push_str(std::str::from_utf8(valid).expect("valid up to here"));
                let bad = e.error_len().unwrap_or(after.len());
                bad_bytes += bad;
                // Bad bytes right after bad bytes go on the run: one U+FFFD covers it.
                let run_goes_on =
                    valid.is_empty() && replaced.last().is_some_and(|r| r.end == text.len());
                if !run_goes_on {
                    let at = text.len();
                    text.push(char::REPLACEMENT_CHARACTER);
                    replaced.push(at..text.len());
                }
                rest = &after[bad..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    let decoded = Decoded {
        text,
        encoding: "utf-8".to_owned(),
        replaced,
    };
    (decoded, bad_bytes)
}

/// Byte ranges of the runs of characters matching `is` in `text`.
fn runs_of(text: &str, is: impl Fn(char) -> bool) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (at, c) in text.char_indices().filter(|&(_, c)| is(c)) {
        match runs.last_mut() {
            Some(run) if run.end == at => run.end = at + c.len_utf8(),
            _ => runs.push(at..at + c.len_utf8()),
        }
    }
    runs
}

/// UTF-16 that lost its mark: text in the Latin scripts has a NUL for the high byte of
/// nearly every character, on the odd positions (little-endian) or the even ones.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let nul_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    if odd * 10 >= pairs * 7 && even * 20 < pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Refuse bytes that are not text: NUL bytes (more than one in a thousand: a stray
/// one is scanner noise) or control codes (one in ten).
fn refuse_binary(bytes: &[u8]) -> Result<(), NotText> {
    let nul = bytes.iter().filter(|&&b| b == 0).count();
    if nul > 0 && nul * 1000 > bytes.len() {
        return Err(NotText(format!(
            "binary: {nul} NUL bytes in {}; give the OCR text, not a PDF or an image",
            bytes.len()
        )));
    }
    let control = bytes.iter().filter(|&&b| is_control(b)).count();
    if control * 10 > bytes.len() {
        return Err(NotText(format!(
            "binary: {control} of {} bytes are control codes; give the OCR text",
            bytes.len()
        )));
    }
    Ok(())
}

/// Control codes other than the tab, line feed, form feed (page break) and carriage return.
fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r')) || b == 0x7F
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, String) {
        let d = decode(bytes).unwrap();
        (d.text, d.encoding)
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(
            text("\u{FEFF}État".as_bytes()),
            ("État".into(), "utf-8".into())
        );
    }

    #[test]
    fn utf16_with_and_without_its_mark() {
        let le: Vec<u8> = "\u{FEFF}Système à l’été"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(text(&le), ("Système à l’été".into(), "utf-16le".into()));
        let be: Vec<u8> = "\u{FEFF}Año"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(text(&be), ("Año".into(), "utf-16be".into()));
        let bare: Vec<u8> = "Les États Membres"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(text(&bare), ("Les États Membres".into(), "utf-16le".into()));
    }

    #[test]
    fn latin_text_is_detected() {
        let (t, encoding) = text(b"Le syst\xE8me des Nations Unies et l\x92\xE9t\xE9 \x9C");
        assert_eq!(t, "Le système des Nations Unies et l’été œ");
        assert_eq!(encoding, "windows-1252");
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_are_replaced_and_reported() {
        let mut bytes = "Le système économique, la coopération, l’été "
            .repeat(10)
            .into_bytes();
        bytes.extend_from_slice(b"x\xFF\xFEy \xC3");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.ends_with("x\u{FFFD}y \u{FFFD}"));
        assert_eq!(d.replaced.len(), 2, "one per run of bad bytes");
        assert_eq!(&d.text[d.replaced[0].clone()], "\u{FFFD}");
    }

    #[test]
    fn binary_is_refused_with_a_reason() {
        assert!(decode(b"%PDF-1.4\n\x00\x01\x00\x00")
            .unwrap_err()
            .0
            .starts_with("binary"));
        assert!(decode(b"\x1B\x1B\x02abc")
            .unwrap_err()
            .0
            .contains("control codes"));
        assert!(decode(b"").is_ok());
        let mut stray = "texte ".repeat(500).into_bytes();
        stray.push(0);
        assert!(decode(&stray).is_ok(), "a stray NUL is noise, not binary");
    }
}
