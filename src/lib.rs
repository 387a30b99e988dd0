//! ocrmend: raw OCR text of UN reports in, clean structured JSON out.
//!
//! The pipeline, one stage a module, each with typed input and output:
//!
//! | stage | module | in → out |
//! |---|---|---|
//! | decode | [`decode`] | bytes → text |
//! | pages | [`pages`] | text → lines and pages, furniture removed |
//! | layout | [`layout`] | lines → chunks, footnote zones, lines joined |
//! | repair | [`repair`] | chunks → chunks with glyph confusions fixed |
//! | structure | [`structure`] | chunks → metadata, blocks, footnotes, references |
//! | emit | [`emit`] | structure → [`document::Document`] (JSON), text, Markdown |
//!
//! [`clean`] runs them in that order.

pub mod batch;
pub mod decode;
pub mod diff;
pub mod document;
pub mod emit;
pub mod format;
pub mod language;
pub mod layout;
pub mod lexicon;
pub mod pages;
pub mod repair;
pub mod review;
pub mod score;
pub mod structure;
pub mod tracked;

use sha2::{Digest, Sha256};

/// Clean one document: `bytes` is the raw OCR text, `path` how to name it in `source`.
/// Fails only when the bytes are not text (binary), saying why.
pub fn clean(bytes: &[u8], path: &str) -> Result<document::Document, decode::NotText> {
    let decoded = decode::decode(bytes)?;
    let input = decoded.text.as_str();
    let pages = pages::paginate(input);
    let masthead = structure::read_masthead(input, &pages);
    // The language the masthead names (`Français`), else the text's function words.
    let lang = masthead
        .metadata
        .language
        .as_deref()
        .and_then(lexicon::Lang::from_code)
        .or_else(|| language::detect(input));
    let mut layout = layout::lay_out(input, &pages, lang.map(lexicon::Lexicon::get));
    let repairs = repair::repair(&mut layout, lang);
    let mut structure = structure::structure(input, &pages, &layout, lang, masthead);
    let m = &mut structure.metadata;
    if m.language.is_none() {
        m.language = lang.map(|l| l.code().to_owned());
    }
    for value in [
        &mut m.organ,
        &mut m.session,
        &mut m.agenda,
        &mut m.agenda_title,
        &mut m.title,
        &mut m.subtitle,
    ]
    .into_iter()
    .flatten()
    {
        *value = repair::repair_value(value, lang);
    }
    report_replaced_bytes(&decoded, &mut structure.warnings);
    let source = document::Source {
        path: path.to_owned(),
        chars: input.chars().count(),
        sha256: format!("{:x}", Sha256::digest(bytes)),
        encoding: decoded.encoding.to_owned(),
    };
    Ok(emit::document(emit::Parts {
        input,
        source,
        pages: &pages,
        layout: &layout,
        repairs,
        structure,
    }))
}

/// A warning for each run of bytes the decoder replaced (the first hundred, then how
/// many more).
fn report_replaced_bytes(decoded: &decode::Decoded, warnings: &mut Vec<structure::WarningDraft>) {
    const LISTED: usize = 100;
    for run in decoded.replaced.iter().take(LISTED) {
        warnings.push(structure::WarningDraft {
            code: "invalid-bytes",
            message: format!("bytes not valid in {} replaced by U+FFFD", decoded.encoding),
            source: Some(run.clone()),
        });
    }
    if decoded.replaced.len() > LISTED {
        warnings.push(structure::WarningDraft {
            code: "invalid-bytes",
            message: format!(
                "{} more runs of invalid bytes replaced by U+FFFD",
                decoded.replaced.len() - LISTED
            ),
            source: None,
        });
    }
}
