//! ocrmend: the raw OCR text of a scanned UN report in, clean structured JSON out.
//!
//! ```
//! // Too short to tell its language: say it.
//! let ocr = "1. Les Etats Membres ont décidé de renforcer le systéme.\n";
//! let options = ocrmend::Options { lang: Some(ocrmend::Lang::Fr), ..Default::default() };
//! let doc = ocrmend::clean_str(ocr, &options).unwrap().document;
//! assert_eq!(doc.blocks[0].text, "Les États Membres ont décidé de renforcer le système.");
//! assert_eq!(doc.metadata.language.as_deref(), Some("fr"));
//! assert_eq!(doc.corrections.len(), 2);
//! ```
//!
//! The pipeline runs one stage a module, each with a typed input and output, in this
//! order (no stage calls an earlier one):
//!
//! | stage | in → out |
//! |---|---|
//! | decode | bytes → text (encodings, bad bytes, binary refused) |
//! | pages | text → lines and pages, furniture removed |
//! | masthead | first lines → metadata as printed |
//! | layout | lines → chunks, footnote zones, lines joined |
//! | repair | chunks → chunks with OCR damage undone |
//! | structure | chunks → blocks, footnotes, references |
//! | emit | all of it → [`Document`] (the JSON contract) |
//!
//! [`clean`] runs them; the [`Document`] it returns is the contract `ocrmend/1`
//! (`schema/ocrmend-1.schema.json`), and renders itself as reading text, Markdown or
//! ground truth ([`Document::to_text`], [`Document::to_markdown`], [`Document::to_gold`]),
//! and as Akoma Ntoso 3.0 XML in the UN profile AKN4UN ([`Document::to_akn`]).
//! Every offset in it counts characters of [`Cleaned::input`], the decoded text.
#![warn(missing_docs)]

mod akn;
mod decode;
mod diagnostics;
mod document;
mod emit;
mod language;
mod layout;
mod lexicon;
mod masthead;
mod pages;
mod render;
mod repair;
mod scan;
mod structure;
mod tracked;

pub use akn::Provenance;
pub use diagnostics::{RemovalReason, Rule, Stage, WarningCode};
pub use document::{
    Block, BlockKind, Correction, Document, Footnote, Metadata, NoteRef, Removed, Source, Warning,
};
pub use language::Lang;
pub use render::Segment;

use sha2::{Digest, Sha256};

/// Inputs over this many bytes are refused unless [`Options::max_bytes`] says otherwise:
/// a UN report's text is well under a megabyte, and the pipeline holds about 40 times
/// its input in memory, so this keeps a two-core batch under 200 MB.
pub const DEFAULT_MAX_BYTES: u64 = 2 * 1024 * 1024;

/// Peak memory per input byte, measured (the speed-and-memory issue brings it down):
/// said when an input is refused as too large.
const MEMORY_PER_BYTE: u64 = 40;

/// How to clean a document. `Options::default()` is what the command line does.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The document's language; `None` reads it from the masthead (`Français`), else
    /// from the text's function words.
    pub lang: Option<Lang>,
    /// A word correction less sure than this is not made: the word stays and a
    /// `correction-withheld` warning says why.
    pub min_confidence: f64,
    /// Inputs larger than this are refused with [`ErrorKind::TooLarge`].
    pub max_bytes: u64,
    /// Repair the words OCR damaged; `false` keeps every word as printed (structure,
    /// furniture and hyphenation are still handled).
    pub repair: bool,
    /// Report each correction's confidence calibrated on the factory's train split (the
    /// share of such corrections that were right); `false` gives the rules' own scores.
    pub calibrated: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            lang: None,
            min_confidence: repair::MIN_CONFIDENCE,
            max_bytes: DEFAULT_MAX_BYTES,
            repair: true,
            calibrated: true,
        }
    }
}

impl Options {
    /// `Ok` when an input of `len` bytes is within [`Options::max_bytes`]; callers that
    /// read files check the size before reading.
    pub fn admit(&self, len: u64) -> Result<(), Error> {
        if len > self.max_bytes {
            return Err(Error {
                kind: ErrorKind::TooLarge,
                message: format!(
                    "too large: {len} bytes, over --max-bytes {}; raise it if this is one \
                     report (cleaning takes about {MEMORY_PER_BYTE} times the input in \
                     memory, here {} MB)",
                    self.max_bytes,
                    len.saturating_mul(MEMORY_PER_BYTE) / 1_000_000
                ),
            });
        }
        Ok(())
    }
}

/// What kind of input was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not text: a PDF, an image, or mostly control codes.
    NotText,
    /// The input is larger than [`Options::max_bytes`].
    TooLarge,
}

/// Why an input was refused, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// The kind of refusal.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// A cleaned document and the text it was cleaned from.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The result, in the JSON contract. `source.path` is empty: name it yourself.
    pub document: Document,
    /// The input as decoded (a byte-order mark dropped): every span of the document
    /// counts characters of this text.
    pub input: String,
}

/// Clean one document from its raw bytes (any encoding [`Cleaned::input`]'s
/// `source.encoding` can name). Fails only when the input is refused.
///
/// ```
/// let cleaned = ocrmend::clean(b"Voir le rapport.\n", &ocrmend::Options::default()).unwrap();
/// assert_eq!(cleaned.document.source.encoding, "utf-8");
/// let err = ocrmend::clean(b"%PDF-1.4\x00\x00\x01", &Default::default()).unwrap_err();
/// assert_eq!(err.kind(), ocrmend::ErrorKind::NotText);
/// ```
pub fn clean(bytes: &[u8], options: &Options) -> Result<Cleaned, Error> {
    options.admit(bytes.len() as u64)?;
    let decoded = decode::decode(bytes).map_err(|not_text| Error {
        kind: ErrorKind::NotText,
        message: not_text.0,
    })?;
    let source = document::Source {
        path: String::new(),
        chars: decoded.input.chars().count(),
        sha256: format!("{:x}", Sha256::digest(bytes)),
        encoding: decoded.encoding.clone(),
    };
    let document = pipeline(&decoded, source, options);
    Ok(Cleaned {
        document,
        input: decoded.input,
    })
}

/// Clean one document already decoded.
pub fn clean_str(text: &str, options: &Options) -> Result<Cleaned, Error> {
    clean(text.as_bytes(), options)
}

/// The stages after decoding.
fn pipeline(decoded: &decode::Decoded, source: Source, options: &Options) -> Document {
    let input = decoded.text();
    let pages = pages::paginate(input);
    let masthead = masthead::read(input, &pages);
    // The language asked for; else a script of the UN's other languages (structured,
    // not repaired); else the one the masthead names (`Français`); else the text's
    // function words.
    let unrepaired = options
        .lang
        .is_none()
        .then(|| language::Unrepaired::of_script(input))
        .flatten();
    let lang = options.lang.or_else(|| {
        if unrepaired.is_some() {
            return None;
        }
        masthead
            .metadata
            .language
            .as_deref()
            .and_then(Lang::from_code)
            .or_else(|| language::detect(input))
    });
    let language = lang.map(language::Language::of);
    let lexicon = language.map(|l| l.lexicon);
    let layout = layout::lay_out(input, &pages, masthead.body_start(), lexicon);
    let mut diagnostics = diagnostics::Diagnostics {
        warnings: decoded.warnings.clone(),
        ..Default::default()
    };
    let mut structure =
        structure::structure(input, &pages, &layout, masthead, lexicon, &mut diagnostics);
    if structure.metadata.language.is_none() || options.lang.is_some() || unrepaired.is_some() {
        structure.metadata.language = lang
            .map(Lang::code)
            .or(unrepaired.map(language::Unrepaired::code))
            .map(str::to_owned);
    }
    if options.repair && lang.is_none() {
        let message = match unrepaired {
            Some(other) => format!(
                "the text is {} ({}): ocrmend repairs French, Spanish and English only, \
                 so its words are left as printed; structure and furniture are still read",
                other.name(),
                other.code()
            ),
            None => "the language could not be told (too few French, Spanish or English \
                     function words): words are left as printed; name the language to repair them"
                .to_owned(),
        };
        diagnostics.warnings.push(diagnostics::WarningDraft {
            code: WarningCode::LanguageNotRepaired,
            message,
            source: None,
        });
    }
    if options.repair {
        repair::repair(
            &mut structure,
            language,
            options.min_confidence,
            options.calibrated,
            &mut diagnostics,
        );
    }
    emit::document(emit::Parts {
        input,
        decoded,
        source,
        pages: &pages,
        layout: &layout,
        structure,
        diagnostics,
    })
}

#[cfg(test)]
mod tests {
    /// The stages in the order `clean` runs them: no stage's module names a later one.
    #[test]
    fn no_stage_imports_a_later_one() {
        const STAGES: [&str; 7] = [
            "decode",
            "pages",
            "masthead",
            "layout",
            "structure",
            "repair",
            "emit",
        ];
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for (k, stage) in STAGES.iter().enumerate() {
            let folder = src.join(stage);
            let files: Vec<std::path::PathBuf> = if folder.is_dir() {
                std::fs::read_dir(&folder)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect()
            } else {
                vec![src.join(format!("{stage}.rs"))]
            };
            assert!(!files.is_empty(), "{stage}");
            for file in files {
                let code = std::fs::read_to_string(&file).unwrap();
                for later in &STAGES[k + 1..] {
                    assert!(
                        !code.contains(&format!("crate::{later}")),
                        "{} names the later stage {later}",
                        file.display()
                    );
                }
            }
        }
    }
}
