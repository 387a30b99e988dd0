//! The output document: the JSON contract `ocrmend/1` (see README and
//! `schema/ocrmend-1.schema.json`). Offsets here are in characters of the decoded
//! input (BOM dropped), never bytes. It reads back (`Deserialize`) for the tools that
//! compare results.

use serde::{Deserialize, Serialize};

/// One input document, cleaned and structured.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    pub source: Source,
    pub metadata: Metadata,
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    pub removed: Vec<Removed>,
    pub corrections: Vec<Correction>,
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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub chars: usize,
    pub sha256: String,
    pub encoding: String,
}

/// Front-matter of a UN report (the masthead). Every field is optional: a value
/// the masthead does not show is left out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_iso: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
}

/// What a block is, with the fields that only that kind has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum BlockKind {
    /// `level` 1 (roman numeral), 2 (capital letter) or 3 (unnumbered).
    Heading { level: u8, number: Option<String> },
    /// `number` is null for an unnumbered paragraph (summary, notes).
    Paragraph { number: Option<String> },
    /// A sub-item on its own line: `label` such as `a` or `iv`, `parent` the
    /// number of its paragraph.
    Item {
        label: String,
        parent: Option<String>,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Block {
    #[serde(flatten)]
    pub kind: BlockKind,
    pub text: String,
    pub page: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteRef>,
    pub spans: Vec<[usize; 2]>,
}

/// A footnote reference inside a block's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteRef {
    pub number: String,
    /// Character offset in the block's `text`: the marker stood just before it.
    pub offset: usize,
    /// The glyphs the OCR made of the superscript, as they stood in the input.
    pub marker: String,
    /// Where the marker stood in the input, `[start, end)` characters.
    pub span: [usize; 2],
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Footnote {
    pub number: String,
    pub text: String,
    pub page: u32,
    pub spans: Vec<[usize; 2]>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Removed {
    pub span: [usize; 2],
    pub reason: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Correction {
    pub span: [usize; 2],
    pub before: String,
    pub after: String,
    pub stage: String,
    pub rule: String,
    pub confidence: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
}
