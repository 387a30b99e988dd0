//! Stage 1, decode: input bytes to text, or the reason they are not text.
//!
//! Two texts come out of it:
//! - [`Decoded::input`], the bytes as any standard decoder reads them (the WHATWG
//!   rules that encoding_rs, Python's `errors="replace"` and browsers follow: one
//!   U+FFFD per maximal invalid subsequence). Every offset of the JSON contract counts
//!   its characters, so a consumer can reproduce them;
//! - [`Decoded::text`], what the later stages read: `input` in NFC, without NUL runs,
//!   control codes and invisible characters (each listed in [`Decoded::removed`]), and
//!   with a lone byte of a legacy encoding inside UTF-8 read as windows-1252.
//!   [`Offsets`] maps each of its bytes back to a character of `input`.
//!
//! Which encoding, in this order:
//! - a byte-order mark says it (UTF-8, UTF-16LE, UTF-16BE) and is dropped;
//! - the magic number of a scan or a document format (PDF, PNG, JPEG, TIFF, ZIP…), or
//!   bytes mostly control codes: binary, refused with a reason;
//! - UTF-16 without a mark, in any script, when that reading is text with spaces or
//!   line breaks (no other reading can give those);
//! - UTF-8 whenever the bytes hold valid multi-byte sequences (at least one for ten
//!   invalid ones), or no invalid byte;
//! - else a legacy encoding, guessed by chardetng and reported with a warning and
//!   its confidence.

use std::ops::Range;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::diagnostics::{RemovalReason, WarningCode, WarningDraft};
use crate::document::Removed;

/// The decoded input: what the contract's offsets count, and what the stages read.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The input as a standard decoder gives it, a byte-order mark dropped.
    pub input: String,
    /// What the stages read, when it differs from `input`.
    normalised: Option<String>,
    /// `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`… (lower-case WHATWG names).
    pub encoding: String,
    /// Bytes of [`Decoded::text`] to characters of `input`.
    pub offsets: Offsets,
    /// Characters of `input` left out of [`Decoded::text`].
    pub removed: Vec<Removed>,
    /// Bytes replaced or read as another encoding, an encoding guessed.
    pub warnings: Vec<WarningDraft>,
}

impl Decoded {
    /// The text the stages read; every byte offset of a later stage indexes it.
    pub fn text(&self) -> &str {
        self.normalised.as_deref().unwrap_or(&self.input)
    }

    /// Whether [`Decoded::text`] differs from the input (normalised, characters removed
    /// or read).
    pub fn text_differs(&self) -> bool {
        self.normalised.is_some()
    }
}

/// Byte offsets of [`Decoded::text`] to character offsets of [`Decoded::input`].
#[derive(Debug, Clone)]
pub struct Offsets {
    /// The input character at the start of every byte. A byte inside a character gets
    /// the end of the input it came from, so an exclusive end lands right.
    at_byte: Vec<u32>,
    /// Text bytes before which input characters were left out, with how many: a span
    /// ending there ends before them (few, so kept apart and searched).
    gaps: Vec<(usize, u32)>,
}

impl Offsets {
    /// Offsets of a text that is its own input.
    fn identity(text: &str) -> Offsets {
        let mut at_byte = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for c in text.chars() {
            at_byte.push(chars);
            chars += 1;
            at_byte.extend(std::iter::repeat_n(chars, c.len_utf8() - 1));
        }
        at_byte.push(chars);
        Offsets {
            at_byte,
            gaps: Vec::new(),
        }
    }

    /// The input character at byte `byte` of the text.
    pub fn chars(&self, byte: usize) -> usize {
        self.at_byte[byte.min(self.at_byte.len() - 1)] as usize
    }

    /// A byte range of the text as a character span of the input; a span that ends
    /// where characters were left out ends before them.
    pub fn span(&self, r: &Range<usize>) -> [usize; 2] {
        let start = self.chars(r.start);
        let gap = match self.gaps.binary_search_by_key(&r.end, |g| g.0) {
            Ok(k) if r.end > r.start => self.gaps[k].1 as usize,
            _ => 0,
        };
        [start, (self.chars(r.end) - gap).max(start)]
    }
}

/// Why the input is not text, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub String);

/// Decode `bytes` (see the module documentation for the rules).
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let read = if encoding == encoding_rs::UTF_8 {
            utf8(&bytes[bom..])
        } else {
            with(encoding, &bytes[bom..])
        };
        return Ok(finish(read, None));
    }
    refuse_formats(bytes)?;
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(finish(with(encoding, bytes), None));
    }
    refuse_control_codes(bytes)?;
    let read = utf8(bytes);
    // A legacy file holds a valid multi-byte sequence only by chance (`Ã` before
    // `©`): UTF-8 it is when they are a tenth of the invalid ones or more.
    if read.multibyte * 10 >= read.invalid.len() {
        return Ok(finish(read, None));
    }
    let (encoding, confidence) = guess_legacy(bytes);
    Ok(finish(with(encoding, bytes), Some(confidence)))
}

/// Bytes read in one encoding, before the stages' text is made.
struct Read {
    text: String,
    encoding: &'static Encoding,
    /// Byte ranges of `text` where U+FFFD stands for invalid bytes, one a maximal
    /// invalid subsequence, each with its bytes.
    invalid: Vec<(Range<usize>, Vec<u8>)>,
    /// Valid multi-byte sequences (UTF-8 only).
    multibyte: usize,
}

/// UTF-8, each maximal invalid subsequence one U+FFFD (what `from_utf8_lossy` does).
fn utf8(bytes: &[u8]) -> Read {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = Vec::new();
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
                let at = text.len();
                text.push(char::REPLACEMENT_CHARACTER);
                invalid.push((at..text.len(), after[..bad].to_vec()));
                rest = &after[bad..];
            }
        }
    }
    let multibyte = text.chars().filter(|c| !c.is_ascii()).count() - invalid.len();
    Read {
        text,
        encoding: encoding_rs::UTF_8,
        invalid,
        multibyte,
    }
}

/// `bytes` in a single-byte encoding or UTF-16, bad sequences replaced.
fn with(encoding: &'static Encoding, bytes: &[u8]) -> Read {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    // Single-byte encodings map every byte; UTF-16 can hold lone surrogates and an
    // odd last byte.
    let invalid = if had_errors {
        text.match_indices(char::REPLACEMENT_CHARACTER)
            .map(|(at, s)| (at..at + s.len(), Vec::new()))
            .collect()
    } else {
        Vec::new()
    };
    Read {
        text,
        encoding,
        invalid,
        multibyte: 0,
    }
}

/// The decoded input with the stages' text, its offsets and the warnings.
fn finish(read: Read, guessed: Option<f64>) -> Decoded {
    let encoding = read.encoding.name().to_ascii_lowercase();
    let mut warnings = Vec::new();
    if let Some(confidence) = guessed {
        warnings.push(WarningDraft {
            code: WarningCode::EncodingGuessed,
            message: format!(
                "not UTF-8 (no valid multi-byte sequence): decoded as {encoding}, a guess \
                 (confidence {confidence:.2}); give the encoding by converting the file \
                 to UTF-8 if it is wrong"
            ),
            source: None,
        });
    }
    let lone = legacy_bytes(&read);
    let normalised = normalise(&read.text, &lone);
    let (offsets, removed, text) = match normalised {
        Some(n) => (n.offsets, n.removed, Some(n.text)),
        None => (Offsets::identity(&read.text), Vec::new(), None),
    };
    // Each replaced sequence where the stages' text has it, the first hundred.
    const LISTED: usize = 100;
    let stages_text = text.as_deref().unwrap_or(&read.text);
    let (mut input_byte, mut input_chars) = (0usize, 0u32);
    for (at, bytes) in read.invalid.iter().take(LISTED) {
        input_chars += read.text[input_byte..at.start].chars().count() as u32;
        input_byte = at.start;
        // The first byte of the text read from that input character (a byte inside
        // the character before may carry the same offset).
        let mut start = offsets.at_byte.partition_point(|&c| c < input_chars);
        while !stages_text.is_char_boundary(start) {
            start += 1;
        }
        let len = stages_text[start..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02X}")).collect();
        let read_as = lone
            .binary_search_by_key(&at.start, |l| l.0)
            .map(|k| lone[k].1);
        let message = match read_as {
            Ok(c) => format!(
                "byte {} not valid in {encoding}: U+FFFD in the input, read as windows-1252 ‘{c}’",
                hex.join(" ")
            ),
            Err(_) if hex.is_empty() => {
                format!("bytes not valid in {encoding} replaced by U+FFFD")
            }
            Err(_) => format!(
                "bytes {} not valid in {encoding} replaced by U+FFFD",
                hex.join(" ")
            ),
        };
        warnings.push(WarningDraft {
            code: WarningCode::InvalidBytes,
            message,
            source: Some(start..start + len),
        });
    }
    if read.invalid.len() > LISTED {
        warnings.push(WarningDraft {
            code: WarningCode::InvalidBytes,
            message: format!(
                "{} more invalid sequences replaced by U+FFFD",
                read.invalid.len() - LISTED
            ),
            source: None,
        });
    }
    Decoded {
        input: read.text,
        normalised: text,
        encoding,
        offsets,
        removed,
        warnings,
    }
}

/// Runs of invalid bytes in UTF-8 longer than this are damage, not a legacy
/// encoding's letters: Latin-script words never hold four accented letters in a row.
const LEGACY_RUN: usize = 3;

/// The invalid bytes of UTF-8 that are a legacy encoding's characters (part of a file
/// saved as Latin-1), each with its windows-1252 reading: runs of up to
/// [`LEGACY_RUN`] single bytes at 0x80 or above beside ASCII text, read as printable
/// characters. Everything else stays U+FFFD.
fn legacy_bytes(read: &Read) -> Vec<(usize, char)> {
    let mut read_as = Vec::new();
    let mut k = 0;
    while k < read.invalid.len() {
        let run_end = (k..read.invalid.len())
            .take_while(|&j| {
                read.invalid[j].1.len() == 1
                    && (j == k || read.invalid[j - 1].0.end == read.invalid[j].0.start)
            })
            .count()
            + k;
        if run_end == k {
            k += 1;
            continue;
        }
        let (start, end) = (read.invalid[k].0.start, read.invalid[run_end - 1].0.end);
        let ascii_beside = read.text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_ascii())
            || read.text[end..].chars().next().is_none_or(|c| c.is_ascii());
        if run_end - k <= LEGACY_RUN && ascii_beside {
            for (at, bytes) in &read.invalid[k..run_end] {
                let (c, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                let c = c.chars().next().expect("windows-1252 maps every byte");
                // A no-break space is read only inside a line's text: at its edge the
                // stages would trim it, and its U+FFFD in the input would be in no span.
                // A neighbour that normalisation removes (a NUL, a control code) leaves
                // it at the edge too.
                let visible = |c: char, after: &str| {
                    !c.is_whitespace() && matches!(fate(c, after), Fate::Kept)
                };
                let inside = || {
                    let before = read.text[..at.start].chars().next_back();
                    let rest = &read.text[at.end..];
                    let after = rest.chars().next();
                    before.is_some_and(|b| visible(b, &read.text[at.start..]))
                        && after.is_some_and(|a| visible(a, &rest[a.len_utf8()..]))
                };
                if bytes[0] >= 0x80 && !c.is_control() && (!c.is_whitespace() || inside()) {
                    read_as.push((at.start, c));
                }
            }
        }
        k = run_end;
    }
    read_as
}

/// Non-ASCII punctuation that prose prints.
const TYPOGRAPHIC: &str = "’‘“”«»–—…°€£§";

/// The stages' text built from `input`.
struct Normalised {
    text: String,
    offsets: Offsets,
    removed: Vec<Removed>,
}

/// What becomes of one input character in the stages' text.
enum Fate {
    Kept,
    Removed(RemovalReason),
    Read(char),
}

/// The fate of `c`, followed by `after`.
fn fate(c: char, after: &str) -> Fate {
    match c {
        '\0' => Fate::Removed(RemovalReason::Nul),
        '\t' | '\n' | '\x0B' | '\x0C' | '\r' => Fate::Kept,
        // A soft hyphen at a line end is where the word was broken: the layout stage
        // rejoins it as it does a printed hyphen.
        '\u{AD}' if after.starts_with('\n') || after.starts_with("\r\n") => Fate::Read('-'),
        // Zero-width space, soft hyphen, word joiner, a byte-order mark inside the text.
        // (The zero-width joiners stay: Arabic and Persian spell with them.)
        '\u{200B}' | '\u{AD}' | '\u{2060}' | '\u{FEFF}' => Fate::Removed(RemovalReason::Invisible),
        c if c.is_control() => Fate::Removed(RemovalReason::ControlCode),
        _ => Fate::Kept,
    }
}

/// Whether a normalisation segment may start at `c`: a starter that never composes
/// with what is before it.
fn starts_segment(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) == 0
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// The stages' text, or `None` when it is `input` itself (the usual case).
fn normalise(input: &str, lone: &[(usize, char)]) -> Option<Normalised> {
    let untouched = lone.is_empty()
        && input
            .char_indices()
            .all(|(at, c)| matches!(fate(c, &input[at + c.len_utf8()..]), Fate::Kept))
        && is_nfc_quick(input.chars()) == IsNormalized::Yes;
    if untouched {
        return None;
    }
    let mut out = Builder {
        text: String::with_capacity(input.len()),
        at_byte: Vec::with_capacity(input.len() + 1),
        gaps: Vec::new(),
        removed: Vec::new(),
    };
    let mut lone = lone.iter().peekable();
    // The segment being gathered for NFC: its input bytes and first character.
    let mut segment = 0..0;
    let mut segment_char = 0u32;
    let mut chars = 0u32;
    for (at, c) in input.char_indices() {
        let fate = match lone.peek() {
            Some(&&(b, read)) if b == at => {
                lone.next();
                Fate::Read(read)
            }
            _ => fate(c, &input[at + c.len_utf8()..]),
        };
        match fate {
            Fate::Kept if !segment.is_empty() && !starts_segment(c) => {}
            Fate::Kept => {
                out.push_segment(&input[segment.clone()], segment_char, chars);
                segment = at..at;
                segment_char = chars;
            }
            Fate::Removed(reason) => {
                out.push_segment(&input[segment.clone()], segment_char, chars);
                out.remove(c, chars, reason);
                segment = at + c.len_utf8()..at + c.len_utf8();
                segment_char = chars + 1;
            }
            Fate::Read(read) => {
                out.push_segment(&input[segment.clone()], segment_char, chars);
                let mut utf8 = [0; 4];
                out.push(read.encode_utf8(&mut utf8), chars, chars + 1);
                segment = at + c.len_utf8()..at + c.len_utf8();
                segment_char = chars + 1;
            }
        }
        segment.end = at + c.len_utf8();
        chars += 1;
    }
    out.push_segment(&input[segment], segment_char, chars);
    out.at_byte.push(chars);
    Some(Normalised {
        text: out.text,
        offsets: Offsets {
            at_byte: out.at_byte,
            gaps: out.gaps,
        },
        removed: out.removed,
    })
}

/// The stages' text as it is built.
struct Builder {
    text: String,
    at_byte: Vec<u32>,
    gaps: Vec<(usize, u32)>,
    removed: Vec<Removed>,
}

impl Builder {
    /// Append `segment`, input characters `from..to`, in NFC.
    fn push_segment(&mut self, segment: &str, from: u32, to: u32) {
        if segment.is_empty() {
            return;
        }
        if is_nfc_quick(segment.chars()) == IsNormalized::Yes {
            self.push(segment, from, to);
        } else {
            let nfc: String = segment.nfc().collect();
            self.push(&nfc, from, to);
        }
    }

    /// Append `out`, read from input characters `from..to`: character k of `out`
    /// starts at input character k (the last ones share the last), the last ends at
    /// `to`.
    fn push(&mut self, out: &str, from: u32, to: u32) {
        let last_in = to - from - 1;
        let mut chars = out.chars().peekable();
        let mut k = 0u32;
        while let Some(c) = chars.next() {
            let start = from + k.min(last_in);
            let end = if chars.peek().is_some() {
                from + (k + 1).min(last_in)
            } else {
                to
            };
            self.at_byte.push(start);
            self.at_byte
                .extend(std::iter::repeat_n(end, c.len_utf8() - 1));
            self.text.push(c);
            k += 1;
        }
    }

    /// Leave input character `c`, at `at`, out; a run of one reason is one entry.
    fn remove(&mut self, c: char, at: u32, reason: RemovalReason) {
        match self.gaps.last_mut() {
            Some(gap) if gap.0 == self.text.len() => gap.1 += 1,
            _ => self.gaps.push((self.text.len(), 1)),
        }
        let at = at as usize;
        // NULs are not written back: JSON stores (PostgreSQL's jsonb) refuse `\u0000`.
        let mut utf8 = [0; 4];
        let shown = if c == '\0' {
            ""
        } else {
            c.encode_utf8(&mut utf8)
        };
        match self.removed.last_mut() {
            Some(last) if last.span[1] == at && last.reason == reason.as_str() => {
                last.span[1] = at + 1;
                last.text.push_str(shown);
            }
            _ => self.removed.push(Removed {
                span: [at, at + 1],
                reason: reason.as_str().to_owned(),
                text: shown.to_owned(),
            }),
        }
    }
}

/// What a file format's first bytes say it is.
const MAGIC_NUMBERS: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF"),
    (b"\x89PNG\r\n\x1A\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"\x00\x00\x00\x0CjP  \r\n", "a JPEG 2000 image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"AT&TFORM", "a DjVu document"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, ODT, EPUB…)"),
    (b"\x1F\x8B", "a gzip archive"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an OLE document (DOC, XLS)",
    ),
    (b"\x7FELF", "a program"),
];

/// Refuse a scan or a document format, told by its magic number.
fn refuse_formats(bytes: &[u8]) -> Result<(), NotText> {
    match MAGIC_NUMBERS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        Some((_, what)) => Err(NotText(format!(
            "binary: {what}; give the OCR text (for a scan, run OCR first)"
        ))),
        None => Ok(()),
    }
}

/// Refuse bytes most of which are control codes (NUL included).
fn refuse_control_codes(bytes: &[u8]) -> Result<(), NotText> {
    let control = bytes.iter().filter(|&&b| is_control(b)).count();
    if control * 2 > bytes.len() {
        return Err(NotText(format!(
            "binary: {control} of {} bytes are control codes; give the OCR text",
            bytes.len()
        )));
    }
    Ok(())
}

/// Control codes other than the tab, line feed, vertical tab, form feed (page break)
/// and carriage return.
fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')) || b == 0x7F
}

/// UTF-16 that lost its mark, in either byte order and any script. Its spaces and
/// line breaks are a zero byte beside an ASCII one, which no reading of UTF-8 or a
/// legacy encoding as UTF-16 gives.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    // Without a zero byte no reading has the spaces `reads_as_text` asks for: UTF-8
    // and legacy files are told so without being decoded twice more.
    if bytes.len() < 4 || !bytes.contains(&0) {
        return None;
    }
    let even = &bytes[..bytes.len() & !1];
    [UTF_16LE, UTF_16BE]
        .into_iter()
        .find(|encoding| reads_as_text(encoding, even))
}

/// Whether `bytes` in `encoding` are text: no lone surrogate, at least one character
/// in a hundred ASCII white space, at most one in twenty a control code, private use
/// or a format character.
fn reads_as_text(encoding: &'static Encoding, bytes: &[u8]) -> bool {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return false;
    }
    let (mut all, mut white, mut odd) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        all += 1;
        if matches!(c, ' ' | '\n' | '\r' | '\t' | '\x0C') {
            white += 1;
        } else if c.is_control()
            || ('\u{E000}'..='\u{F8FF}').contains(&c)
            || ('\u{2060}'..='\u{206F}').contains(&c)
            || ('\u{FFF0}'..='\u{FFFF}').contains(&c)
        {
            odd += 1;
        }
    }
    white * 100 >= all && odd * 20 <= all
}

/// The legacy encoding of bytes that are not UTF-8, and how sure the guess is.
/// chardetng's guess is taken when it reads the text better than windows-1252,
/// the encoding of most Latin-script OCR exports.
fn guess_legacy(bytes: &[u8]) -> (&'static Encoding, f64) {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    // ISO-2022-JP is 7-bit and never what a Latin-script OCR export is.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    let latin = plausibility(&WINDOWS_1252.decode_without_bom_handling(bytes).0);
    if guess == WINDOWS_1252 {
        return (WINDOWS_1252, latin);
    }
    let guessed = plausibility(&guess.decode_without_bom_handling(bytes).0);
    if guessed > latin {
        (guess, guessed)
    } else {
        (WINDOWS_1252, latin)
    }
}

/// How much a decoding looks like prose, 0 to 1: the share of its non-ASCII
/// characters that are letters beside a letter, or typographic punctuation, times the
/// share of its non-ASCII letters in their commonest script (a wrong encoding
/// scatters the letters over several). Latin-script prose spells most letters in
/// ASCII: when over a third of the letters are accented Latin ones, another script was
/// read as Latin-1 and the score falls in proportion.
fn plausibility(text: &str) -> f64 {
    let chars: Vec<char> = text.chars().collect();
    let (mut non_ascii, mut plausible, mut ascii_letters) = (0usize, 0usize, 0usize);
    let mut scripts: std::collections::HashMap<u32, usize> = Default::default();
    let is_letter = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|n| n.is_alphabetic())
    };
    for (k, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            ascii_letters += usize::from(c.is_ascii_alphabetic());
            continue;
        }
        non_ascii += 1;
        if c.is_alphabetic() {
            *scripts.entry(script_of(c)).or_default() += 1;
            if is_letter(k.checked_sub(1)) || is_letter(Some(k + 1)) {
                plausible += 1;
            }
        } else if TYPOGRAPHIC.contains(c) {
            plausible += 1;
        }
    }
    if non_ascii == 0 {
        return 1.0;
    }
    let letters: usize = scripts.values().sum();
    let (script, dominant) = scripts
        .iter()
        .max_by_key(|&(script, n)| (n, std::cmp::Reverse(*script)))
        .map_or((0, 0), |(&s, &n)| (s, n));
    let mut score = plausible as f64 / non_ascii as f64;
    if letters > 0 {
        score *= dominant as f64 / letters as f64;
    }
    let accented = dominant as f64 / (dominant + ascii_letters).max(1) as f64;
    if script == LATIN && accented > 1.0 / 3.0 {
        score *= 1.0 / 3.0 / accented;
    }
    (score * 100.0).round() / 100.0
}

/// The script [`script_of`] gives the Latin letters.
const LATIN: u32 = 0;

/// A rough script of a letter: the Latin letters of Latin-1 and the Latin extensions
/// are one, any other letter is told by its 256-character block (Cyrillic, Arabic…).
fn script_of(c: char) -> u32 {
    match c {
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => LATIN,
        _ => c as u32 >> 8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, String) {
        let d = decode(bytes).unwrap();
        (d.text().to_owned(), d.encoding)
    }

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(
            text("\u{FEFF}État".as_bytes()),
            ("État".into(), "utf-8".into())
        );
    }

    #[test]
    fn utf16_with_and_without_its_mark_in_any_script() {
        let le = utf16("\u{FEFF}Système à l’été", false);
        assert_eq!(text(&le), ("Système à l’été".into(), "utf-16le".into()));
        let be = utf16("\u{FEFF}Año", true);
        assert_eq!(text(&be), ("Año".into(), "utf-16be".into()));
        for (s, big_endian) in [
            ("Les États Membres\n", false),
            (
                "Генеральная Ассамблея\nДоклад Генерального секретаря\n",
                false,
            ),
            ("الجمعية العامة\nتقرير الأمين العام\n", true),
            ("大会\n秘书长的报告\n第七十五届会议 议程项目 25\n", false),
            ("大会\n秘书长的报告\n第七十五届会议 议程项目 25\n", true),
        ] {
            let name = if big_endian { "utf-16be" } else { "utf-16le" };
            assert_eq!(text(&utf16(s, big_endian)), (s.into(), name.into()), "{s}");
        }
    }

    #[test]
    fn utf8_and_latin_text_are_not_read_as_utf16() {
        for s in [
            "大会\n秘书长的报告\n",
            "Генеральная Ассамблея\n",
            "Le système est là.\n",
        ] {
            assert_eq!(text(s.as_bytes()).1, "utf-8");
        }
        assert_eq!(text(b"Le syst\xE8me est l\xE0.\n").1, "windows-1252");
    }

    #[test]
    fn legacy_text_is_guessed_and_reported() {
        let d = decode(b"Le syst\xE8me des Nations Unies et l\x92\xE9t\xE9 du c\x9Cur").unwrap();
        assert_eq!(d.text(), "Le système des Nations Unies et l’été du cœur");
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].code, WarningCode::EncodingGuessed);
        assert!(
            d.warnings[0].message.contains("confidence 1.00"),
            "{}",
            d.warnings[0].message
        );
        let russian = "Генеральная Ассамблея, доклад Генерального секретаря о положении";
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(russian);
        let d = decode(&cp1251).unwrap();
        assert_eq!((d.text(), d.encoding.as_str()), (russian, "windows-1251"));
    }

    #[test]
    fn each_maximal_invalid_subsequence_is_one_replacement() {
        // The WHATWG examples: F0 80 80 is three subsequences; F0 9F 98 one truncated one.
        let bytes = b"caf\xC3\xA9 \xF0\x80\x80 x\xF0\x9F\x98 y\xFF\xFE";
        let d = decode(bytes).unwrap();
        assert_eq!(d.input, String::from_utf8_lossy(bytes));
        assert_eq!(
            d.input,
            encoding_rs::UTF_8.decode_without_bom_handling(bytes).0
        );
        assert_eq!(d.input.matches('\u{FFFD}').count(), 6);
        assert_eq!(d.warnings.len(), 6);
        assert!(d
            .warnings
            .iter()
            .all(|w| w.code == WarningCode::InvalidBytes));
    }

    #[test]
    fn utf8_with_latin1_bytes_stays_utf8_and_reads_them() {
        let bytes = "Le Comité a décidé. "
            .as_bytes()
            .iter()
            .copied()
            .chain(b"Le Comit\xE9 a d\xE9cid\xE9.".iter().copied())
            .collect::<Vec<u8>>();
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(
            d.input,
            "Le Comité a décidé. Le Comit\u{FFFD} a d\u{FFFD}cid\u{FFFD}."
        );
        assert_eq!(d.text(), "Le Comité a décidé. Le Comité a décidé.");
        assert_eq!(d.input.chars().count(), d.text().chars().count());
        assert!(d.warnings[0].message.contains("read as windows-1252 ‘é’"));
        // The warning points at the character that was read.
        let span = d.offsets.span(d.warnings[0].source.as_ref().unwrap());
        assert_eq!(d.input.chars().nth(span[0]), Some('\u{FFFD}'));
    }

    #[test]
    fn a_lone_no_break_space_is_read_only_between_visible_characters() {
        let read = |bytes: &[u8]| decode(bytes).unwrap().text().to_string();
        assert_eq!(
            read(b"Le Comit\xE9 a 12\xA0000 membres."),
            "Le Comité a 12\u{A0}000 membres."
        );
        // Between control codes the stages would find it at a line's edge and trim it.
        assert!(read(b"\x00\x0E\xA0\x0E\x00 \xC2\x80").contains('\u{FFFD}'));
    }

    #[test]
    fn nfd_is_composed_and_spans_index_the_input() {
        let input = "Comite\u{301} ge\u{301}ne\u{301}rale";
        let d = decode(input.as_bytes()).unwrap();
        assert_eq!(d.input, input);
        assert_eq!(d.text(), "Comité générale");
        // `é` of `Comité`, bytes 5..7 of the text, is input characters 5..7.
        assert_eq!(d.offsets.span(&(5..7)), [5, 7]);
        // `générale`: text bytes 8..18, input characters 9..20.
        assert_eq!(d.offsets.span(&(8..18)), [8, 18]);
        assert_eq!(d.offsets.chars(d.text().len()), input.chars().count());
    }

    #[test]
    fn nul_runs_controls_and_invisible_characters_are_removed_and_listed() {
        let mut bytes = "Les\u{200B} États\u{AD}membres, envi\u{AD}\nronnement\u{7}"
            .as_bytes()
            .to_vec();
        bytes.extend(std::iter::repeat_n(0u8, 31));
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text(), "Les Étatsmembres, envi-\nronnement");
        let listed: Vec<(&str, [usize; 2], &str)> = d
            .removed
            .iter()
            .map(|r| (r.reason.as_str(), r.span, r.text.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                ("invisible", [3, 4], "\u{200B}"),
                ("invisible", [10, 11], "\u{AD}"),
                ("control-code", [35, 36], "\u{7}"),
                ("nul", [36, 67], ""),
            ]
        );
    }

    #[test]
    fn a_span_ends_before_the_characters_left_out_after_it() {
        let d = decode("né\u{200B}\u{200B} x\0\0".as_bytes()).unwrap();
        assert_eq!(d.text(), "né x");
        assert_eq!(
            d.offsets.span(&(0..3)),
            [0, 2],
            "`né` without the spaces after it"
        );
        assert_eq!(d.offsets.span(&(4..5)), [5, 6], "`x` without the NULs");
        assert_eq!(
            d.offsets.span(&(3..3)),
            [4, 4],
            "an empty span takes the start"
        );
        assert_eq!(d.offsets.span(&(3..4)), [4, 5], "the space after them");
    }

    #[test]
    fn offsets_of_an_untouched_text_count_characters() {
        let o = Offsets::identity("aé’b");
        assert_eq!(o.chars(0), 0);
        assert_eq!(o.chars(1), 1);
        assert_eq!(o.chars(3), 2);
        assert_eq!(o.chars(6), 3);
        assert_eq!(o.span(&(1..6)), [1, 3]);
    }

    #[test]
    fn binary_is_refused_by_magic_number_or_control_codes() {
        for bytes in [
            &b"%PDF-1.4\n\x00\x01\x00\x00"[..],
            b"\x89PNG\r\n\x1A\n\x00\x00",
            b"PK\x03\x04\x14\x00",
            b"\xFF\xD8\xFF\xE0",
        ] {
            assert!(decode(bytes).unwrap_err().0.starts_with("binary"));
        }
        assert!(decode(b"\x1B\x1B\x02\x03ab")
            .unwrap_err()
            .0
            .contains("control codes"));
        assert!(decode(b"").is_ok());
        let mut padded = "texte ".repeat(500).into_bytes();
        padded.extend(std::iter::repeat_n(0u8, 81));
        assert!(decode(&padded).is_ok(), "NUL padding is not binary");
    }
}
