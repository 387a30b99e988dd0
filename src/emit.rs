//! Stage 6, emit: the structure as the JSON contract's [`Document`], and the
//! document as reading text or Markdown.

use std::ops::Range;

use crate::document::*;
use crate::layout::Layout;
use crate::pages::Pages;
use crate::repair::Repairs;
use crate::structure::Structure;

/// Converts byte offsets of the decoded input to character offsets.
pub struct CharIndex {
    /// Character count at the start of every byte (a byte inside a character gets
    /// the count after that character, so an exclusive end lands right).
    at_byte: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut at_byte = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for (i, c) in text.char_indices() {
            at_byte.push(chars);
            chars += 1;
            at_byte.extend(std::iter::repeat_n(chars, c.len_utf8() - 1));
            debug_assert_eq!(at_byte.len(), i + c.len_utf8());
        }
        at_byte.push(chars);
        CharIndex { at_byte }
    }

    pub fn chars(&self, byte: usize) -> usize {
        self.at_byte[byte.min(self.at_byte.len() - 1)] as usize
    }

    pub fn span(&self, r: &Range<usize>) -> [usize; 2] {
        [self.chars(r.start), self.chars(r.end)]
    }
}

/// Everything the pipeline learnt about one input.
pub struct Parts<'a> {
    pub input: &'a str,
    pub source: Source,
    pub pages: &'a Pages,
    pub layout: &'a Layout,
    pub repairs: Repairs,
    pub structure: Structure,
}

pub fn document(parts: Parts) -> Document {
    let Parts {
        input,
        source,
        pages,
        layout,
        repairs,
        structure,
    } = parts;
    let index = CharIndex::new(input);
    let spans_of_lines = |lines: &mut dyn Iterator<Item = usize>| -> Vec<[usize; 2]> {
        let mut ranges: Vec<Range<usize>> = lines
            .map(|l| crate::pages::trimmed_span(input, &pages.lines[l].span))
            .collect();
        ranges.sort_by_key(|r| r.start);
        merge_spans(input, ranges)
            .iter()
            .map(|r| index.span(r))
            .collect()
    };
    let spans_of_chunks = |chunks: &[usize]| {
        spans_of_lines(
            &mut chunks
                .iter()
                .flat_map(|&c| layout.chunks[c].lines.iter().copied()),
        )
    };
    let blocks = structure
        .blocks
        .iter()
        .map(|b| Block {
            kind: b.kind.clone(),
            text: b.text.as_str().to_owned(),
            page: b.page,
            notes: b
                .notes
                .iter()
                .map(|n| NoteRef {
                    number: n.number.clone(),
                    offset: b.text.as_str()[..n.at].chars().count(),
                    marker: n.marker.clone(),
                    span: index.span(&n.source),
                })
                .collect(),
            spans: spans_of_chunks(&b.chunks),
        })
        .collect();
    let mut footnotes: Vec<Footnote> = structure
        .footnotes
        .iter()
        .map(|f| Footnote {
            number: f.number.clone(),
            text: f.text.as_str().to_owned(),
            page: f.page,
            spans: spans_of_lines(&mut f.lines.iter().copied()),
        })
        .collect();
    footnotes.sort_by_key(|f| {
        if f.number == "*" {
            0
        } else {
            f.number.parse::<u64>().map_or(u64::MAX, |n| n + 1)
        }
    });

    let mut removed: Vec<Removed> = pages
        .removed
        .iter()
        .map(|r| Removed {
            span: index.span(&r.span),
            reason: r.reason.to_owned(),
            text: input[r.span.clone()].to_owned(),
        })
        .collect();
    for &(chunk, reason) in &structure.dropped {
        for &l in &layout.chunks[chunk].lines {
            let span = crate::pages::trimmed_span(input, &pages.lines[l].span);
            removed.push(Removed {
                span: index.span(&span),
                reason: reason.to_owned(),
                text: input[span].to_owned(),
            });
        }
    }
    removed.sort_by_key(|r| r.span);

    let mut corrections: Vec<Correction> = repairs
        .made
        .into_iter()
        .chain(structure.repairs.made)
        .map(|r| Correction {
            span: index.span(&r.source),
            before: r.before,
            after: r.after,
            stage: r.stage.to_owned(),
            rule: r.rule.to_owned(),
            confidence: r.confidence,
        })
        .collect();
    corrections.sort_by_key(|c| c.span);
    let mut withheld: Vec<Warning> = repairs
        .withheld
        .into_iter()
        .chain(structure.repairs.withheld)
        .map(|w| Warning {
            code: "correction-withheld".to_owned(),
            message: w.message,
            span: Some(index.span(&w.source)),
        })
        .collect();
    // A word checked again after a page join is withheld again.
    withheld.sort_by_key(|w| w.span);
    withheld.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    Document {
        schema: "ocrmend/1".to_owned(),
        source,
        metadata: structure.metadata,
        blocks,
        footnotes,
        removed,
        corrections,
        warnings: structure
            .warnings
            .into_iter()
            .map(|w| Warning {
                code: w.code.to_owned(),
                message: w.message,
                span: w.source.map(|s| index.span(&s)),
            })
            .chain(withheld)
            .collect(),
    }
}

/// Merge ranges that only white space separates.
fn merge_spans(input: &str, ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start >= last.end && input[last.end..r.start].trim().is_empty() => {
                last.end = r.end.max(last.end)
            }
            _ => out.push(r),
        }
    }
    out
}

/// The clean reading text: headings, paragraphs and items, then the footnotes.
pub fn text(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
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
    for f in &doc.footnotes {
        out.push_str(&format!("{} {}\n", f.number, f.text));
    }
    out
}

/// Markdown: headings as `#`, numbered paragraphs, items, footnotes as `[^n]`.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &doc.metadata.title {
        out.push_str(&format!("# {title}\n\n"));
    }
    for b in &doc.blocks {
        let text = with_calls(b);
        match &b.kind {
            BlockKind::Heading { level, number } => {
                let hashes = "#".repeat(*level as usize + 1);
                match number {
                    Some(n) => out.push_str(&format!("{hashes} {n}. {text}\n\n")),
                    None => out.push_str(&format!("{hashes} {text}\n\n")),
                }
            }
            BlockKind::Paragraph { number: Some(n) } => out.push_str(&format!("{n}\\. {text}\n\n")),
            BlockKind::Paragraph { number: None } => out.push_str(&format!("{text}\n\n")),
            BlockKind::Item { label, .. } => out.push_str(&format!("   {label}) {text}\n\n")),
        }
    }
    for f in &doc.footnotes {
        out.push_str(&format!("[^{}]: {}\n", f.number, f.text));
    }
    out
}

/// A block's text with `[^n]` where its note calls stood.
fn with_calls(b: &Block) -> String {
    interleave_calls(
        b,
        |out, text| out.push_str(text),
        |out, n| out.push_str(&format!("[^{}]", n.number)),
    )
}

/// A block's text, piece by piece between its note calls: `piece` writes text, `call`
/// writes a call where it stood.
pub fn interleave_calls(
    b: &Block,
    mut piece: impl FnMut(&mut String, &str),
    mut call: impl FnMut(&mut String, &NoteRef),
) -> String {
    let mut out = String::new();
    let mut rest = b.text.as_str();
    let mut pos = 0;
    for n in &b.notes {
        let cut = rest
            .char_indices()
            .nth(n.offset.saturating_sub(pos))
            .map_or(rest.len(), |(i, _)| i);
        piece(&mut out, &rest[..cut]);
        rest = &rest[cut..];
        pos = pos.max(n.offset);
        call(&mut out, n);
    }
    piece(&mut out, rest);
    out
}

/// Ground truth in the yardstick's gold format (`GOLD_FORMAT.md`): what a corrected
/// result becomes to serve as the reference for later runs.
pub fn gold(doc: &Document) -> String {
    let m = &doc.metadata;
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
    for b in &doc.blocks {
        let text = with_calls(b);
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
    for f in &doc.footnotes {
        out.push_str(&format!("[^{}]: {}\n", f.number, f.text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_characters() {
        let idx = CharIndex::new("aé’b");
        assert_eq!(idx.chars(0), 0);
        assert_eq!(idx.chars(1), 1);
        assert_eq!(idx.chars(3), 2);
        assert_eq!(idx.chars(6), 3);
        assert_eq!(idx.span(&(1..6)), [1, 3]);
    }
}
