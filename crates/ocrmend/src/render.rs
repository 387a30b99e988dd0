//! A [`Document`] written out for people and other tools: reading text, Markdown, and
//! ground truth in the gold format. These read only the contract, never the pipeline.

use crate::document::{Block, BlockKind, Document, NoteRef};

/// A stretch of a block's text, or a note call where it stood.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment<'a> {
    /// Text between calls.
    Text(&'a str),
    /// The call of a note; it stood right after the text before it.
    Call(&'a NoteRef),
}

impl Block {
    /// The block's text cut at its note calls, in reading order.
    ///
    /// ```
    /// # let doc = ocrmend::clean_str("1. Voir le rapport.\n", &Default::default()).unwrap().document;
    /// let block = &doc.blocks[0];
    /// let text: String = block.segments().iter().map(|s| match s {
    ///     ocrmend::Segment::Text(t) => t.to_string(),
    ///     ocrmend::Segment::Call(n) => format!("[^{}]", n.number),
    /// }).collect();
    /// assert_eq!(text, block.text);
    /// ```
    pub fn segments(&self) -> Vec<Segment<'_>> {
        let mut out = Vec::with_capacity(2 * self.notes.len() + 1);
        let mut rest = self.text.as_str();
        let mut pos = 0;
        for n in &self.notes {
            let cut = rest
                .char_indices()
                .nth(n.offset.saturating_sub(pos))
                .map_or(rest.len(), |(i, _)| i);
            out.push(Segment::Text(&rest[..cut]));
            rest = &rest[cut..];
            pos = pos.max(n.offset);
            out.push(Segment::Call(n));
        }
        out.push(Segment::Text(rest));
        out
    }

    /// The block's text with `[^n]` where its note calls stood.
    fn with_calls(&self) -> String {
        self.segments()
            .iter()
            .map(|s| match s {
                Segment::Text(t) => (*t).to_owned(),
                Segment::Call(n) => format!("[^{}]", n.number),
            })
            .collect()
    }
}

impl Document {
    /// The clean reading text: headings, paragraphs and items, then the footnotes.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            match &b.kind {
                BlockKind::Heading {
                    number: Some(n), ..
                }
                | BlockKind::Paragraph { number: Some(n) } => {
                    out.push_str(&format!("{n}. {}\n\n", b.text))
                }
                BlockKind::Item { label, .. } => out.push_str(&format!("{label}) {}\n\n", b.text)),
                _ => out.push_str(&format!("{}\n\n", b.text)),
            }
        }
        for f in &self.footnotes {
            out.push_str(&format!("{} {}\n", f.number, f.text));
        }
        out
    }

    /// Markdown: headings as `#`, numbered paragraphs, items, footnotes as `[^n]`.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.metadata.title {
            out.push_str(&format!("# {title}\n\n"));
        }
        for b in &self.blocks {
            let text = b.with_calls();
            match &b.kind {
                BlockKind::Heading { level, number } => {
                    let hashes = "#".repeat(*level as usize + 1);
                    match number {
                        Some(n) => out.push_str(&format!("{hashes} {n}. {text}\n\n")),
                        None => out.push_str(&format!("{hashes} {text}\n\n")),
                    }
                }
                BlockKind::Paragraph { number: Some(n) } => {
                    out.push_str(&format!("{n}\\. {text}\n\n"))
                }
                BlockKind::Paragraph { number: None } => out.push_str(&format!("{text}\n\n")),
                BlockKind::Item { label, .. } => out.push_str(&format!("   {label}) {text}\n\n")),
            }
        }
        for f in &self.footnotes {
            out.push_str(&format!("[^{}]: {}\n", f.number, f.text));
        }
        out
    }

    /// Ground truth in the gold format (`docs/GOLD_FORMAT.md`): what a corrected result
    /// becomes to serve as the reference for later runs.
    pub fn to_gold(&self) -> String {
        let m = &self.metadata;
        let mut out = String::new();
        for (key, value) in [
            ("symbol", &m.symbol),
            ("language", &m.language),
            ("organ", &m.organ),
            ("distribution", &m.distribution),
            ("date", &m.date),
            ("original", &m.original),
            ("session", &m.session),
            ("agenda", &m.agenda),
            ("agenda_title", &m.agenda_title),
            ("title", &m.title),
            ("subtitle", &m.subtitle),
            ("job", &m.job),
        ] {
            if let Some(value) = value {
                out.push_str(&format!("%{key} {value}\n"));
            }
        }
        out.push('\n');
        for b in &self.blocks {
            let text = b.with_calls();
            match &b.kind {
                BlockKind::Heading { level, number } => {
                    let hashes = "#".repeat((*level).clamp(1, 3) as usize);
                    match number {
                        Some(n) => out.push_str(&format!("{hashes} {n}. {text}\n")),
                        None => out.push_str(&format!("{hashes} {text}\n")),
                    }
                }
                BlockKind::Paragraph { number: Some(n) } => out.push_str(&format!("{n}. {text}\n")),
                BlockKind::Paragraph { number: None } => out.push_str(&format!("> {text}\n")),
                BlockKind::Item { label, .. } => out.push_str(&format!("{label}) {text}\n")),
            }
        }
        out.push('\n');
        for f in &self.footnotes {
            out.push_str(&format!("[^{}]: {}\n", f.number, f.text));
        }
        out
    }
}
