//! The output document: the JSON contract `ocrmend/1` (`docs/CONTRACT.md` and
//! `schema/ocrmend-1.schema.json`). Offsets here are in characters of the decoded
//! input (BOM dropped), never bytes. It reads back (`Deserialize`) for the tools that
//! compare results.

use serde::{Deserialize, Serialize};

/// One input document, cleaned and structured.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Always `ocrmend/1`.
    pub schema: String,
    /// Which input this is.
    pub source: Source,
    /// What the masthead says.
    pub metadata: Metadata,
    /// Headings, paragraphs and items in reading order.
    pub blocks: Vec<Block>,
    /// The footnotes in number order (`*` first).
    pub footnotes: Vec<Footnote>,
    /// Every non-blank stretch of input in no block or footnote, with why.
    pub removed: Vec<Removed>,
    /// Every word changed, with where it was.
    pub corrections: Vec<Correction>,
    /// Numbers inferred, notes split, calls not found, corrections withheld…
    pub warnings: Vec<Warning>,
}

impl Document {
    /// The character offsets of the input's non-space characters that lie in no block
    /// span, footnote span or removed span: empty when nothing was lost (the invariant
    /// every output keeps; `input` is the decoded text).
    pub fn unaccounted(&self, input: &str) -> Vec<usize> {
        let n = input.chars().count();
        let mut covered = vec![false; n];
        let spans = self
            .blocks
            .iter()
            .flat_map(|b| b.spans.iter())
            .chain(self.footnotes.iter().flat_map(|f| f.spans.iter()))
            .chain(self.removed.iter().map(|r| &r.span));
        for &[start, end] in spans {
            for c in covered.iter_mut().take(end.min(n)).skip(start) {
                *c = true;
            }
        }
        input
            .chars()
            .enumerate()
            .filter(|&(i, c)| !c.is_whitespace() && !covered[i])
            .map(|(i, _)| i)
            .collect()
    }
}

/// The input a document was cleaned from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    /// How the caller named the input (a path, a record id).
    pub path: String,
    /// Length of the decoded input in characters.
    pub chars: usize,
    /// SHA-256 of the input bytes, in hex.
    pub sha256: String,
    /// The encoding it was decoded from (`utf-8`, `utf-16le`, `windows-1252`…).
    pub encoding: String,
}

/// Front-matter of a UN report (the masthead). Every field is optional: a value
/// the masthead does not show is left out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The document symbol, `A/75/371`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// ISO 639-1 code of the document's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// `Assemblée générale`, `Consejo Económico y Social`…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ: Option<String>,
    /// `générale`, `limitada`…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
    /// The date as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date as `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_iso: Option<String>,
    /// The original language, as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// The session, as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// The agenda item line (`Point 25 b) de l’ordre du jour`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda: Option<String>,
    /// The agenda item's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_title: Option<String>,
    /// The report's title, its note call removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `Rapport du Secrétaire général`…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The job number, `20-12800`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
}

/// What a block is, with the fields that only that kind has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum BlockKind {
    /// `level` 1 (roman numeral), 2 (capital letter) or 3 (unnumbered).
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// `I`, `A`, or none.
        number: Option<String>,
    },
    /// `number` is null for an unnumbered paragraph (summary, notes).
    Paragraph {
        /// The paragraph number, or none.
        number: Option<String>,
    },
    /// A sub-item on its own line: `label` such as `a` or `iv`, `parent` the
    /// number of its paragraph.
    Item {
        /// `a`, `iv`…
        label: String,
        /// The number of the paragraph it belongs to.
        parent: Option<String>,
    },
}

/// A heading, paragraph or item.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Block {
    /// What it is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// Clean text: no line breaks, no note calls.
    pub text: String,
    /// The page it starts on, from 1.
    pub page: u32,
    /// The note calls in `text`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteRef>,
    /// The input ranges `[start, end)` it came from, in characters.
    pub spans: Vec<[usize; 2]>,
}

/// A footnote reference inside a block's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteRef {
    /// The footnote's number (`*` for the asterisk note).
    pub number: String,
    /// Character offset in the block's `text`: the marker stood just before it.
    pub offset: usize,
    /// The glyphs the OCR made of the superscript, as they stood in the input.
    pub marker: String,
    /// Where the marker stood in the input, `[start, end)` characters.
    pub span: [usize; 2],
}

/// A footnote, joined across pages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Footnote {
    /// `1`, `2`… or `*`.
    pub number: String,
    /// Clean text.
    pub text: String,
    /// The page it starts on.
    pub page: u32,
    /// The input ranges it came from, in characters.
    pub spans: Vec<[usize; 2]>,
}

/// A stretch of input that is not content.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Removed {
    /// Where, `[start, end)` in characters.
    pub span: [usize; 2],
    /// One of [`crate::RemovalReason`]: `page-header`, `page-footer`, `nul`…
    pub reason: String,
    /// The input text removed.
    pub text: String,
}

/// A word changed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Correction {
    /// Where it stood in the input, in characters.
    pub span: [usize; 2],
    /// The text as the OCR printed it.
    pub before: String,
    /// The text now.
    pub after: String,
    /// `glyphs`, `spelling` or `context`.
    pub stage: String,
    /// The rule that made it (`elided-l`, `lexicon`…).
    pub rule: String,
    /// How sure the change is, 0 to 1.
    pub confidence: f64,
}

/// `x` to three decimals, as every output writes a confidence: more digits than that
/// are float noise (`0.8119999999999999`), not information.
pub(crate) fn three_decimals(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Something the reader should check.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Warning {
    /// `footnote-number-inferred`, `correction-withheld`…
    pub code: String,
    /// What happened, for people.
    pub message: String,
    /// Where, in characters of the input, when it has a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
}
