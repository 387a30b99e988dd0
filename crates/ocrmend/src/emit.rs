//! The last stage, emit: everything the pipeline learnt as the JSON contract's
//! [`Document`], byte offsets of the stages' text turned into character offsets of
//! the decoded input.

use std::ops::Range;

use crate::decode::Decoded;
use crate::diagnostics::{Diagnostics, WarningCode};
use crate::document::*;
use crate::layout::Layout;
use crate::pages::Pages;
use crate::structure::{FootnoteDraft, Structure};

/// Everything the pipeline learnt about one input.
pub struct Parts<'a> {
    /// The text the stages read (`decoded.text()`).
    pub input: &'a str,
    pub decoded: &'a Decoded,
    pub source: Source,
    pub pages: &'a Pages,
    pub layout: &'a Layout,
    pub structure: Structure,
    pub diagnostics: Diagnostics,
}

pub fn document(parts: Parts) -> Document {
    let Parts {
        input,
        decoded,
        source,
        pages,
        layout,
        structure,
        diagnostics,
    } = parts;
    let index = &decoded.offsets;
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
                    number: n.number.to_string(),
                    offset: b.text.as_str()[..b.text.marked(n.mark)].chars().count(),
                    marker: n.marker.clone(),
                    span: index.span(&n.source),
                })
                .collect(),
            spans: spans_of_chunks(&b.chunks),
        })
        .collect();
    let mut notes: Vec<&FootnoteDraft> = structure.footnotes.iter().collect();
    notes.sort_by_key(|f| f.number);
    let footnotes: Vec<Footnote> = notes
        .into_iter()
        .map(|f| Footnote {
            number: f.number.to_string(),
            text: f.text.as_str().to_owned(),
            page: f.page,
            spans: spans_of_lines(&mut f.lines.iter().copied()),
        })
        .collect();

    // `removed` quotes the input; where the stages' text differs from it, by characters.
    let input_starts: Option<Vec<usize>> = decoded.text_differs().then(|| {
        let input = &decoded.input;
        input
            .char_indices()
            .map(|(at, _)| at)
            .chain([input.len()])
            .collect()
    });
    let quote = |bytes: &Range<usize>| match &input_starts {
        None => input[bytes.clone()].to_owned(),
        Some(starts) => {
            // NULs stay out of the JSON (stores such as jsonb refuse `\u0000`).
            let [start, end] = index.span(bytes);
            decoded.input[starts[start]..starts[end]].replace('\0', "")
        }
    };
    let mut removed: Vec<Removed> = pages
        .removed
        .iter()
        .map(|r| Removed {
            span: index.span(&r.span),
            reason: r.reason.as_str().to_owned(),
            text: quote(&r.span),
        })
        .collect();
    removed.extend(decoded.removed.iter().cloned());
    for &(chunk, reason) in &structure.dropped {
        for &l in &layout.chunks[chunk].lines {
            let span = crate::pages::trimmed_span(input, &pages.lines[l].span);
            removed.push(Removed {
                span: index.span(&span),
                reason: reason.as_str().to_owned(),
                text: quote(&span),
            });
        }
    }
    removed.sort_by_key(|r| r.span);

    let mut corrections: Vec<Correction> = diagnostics
        .corrections
        .into_iter()
        .map(|r| Correction {
            span: index.span(&r.source),
            before: r.before,
            after: r.after,
            stage: r.stage.as_str().to_owned(),
            rule: r.rule.as_str().to_owned(),
            confidence: crate::document::three_decimals(r.confidence),
        })
        .collect();
    corrections.sort_by_key(|c| c.span);
    let mut withheld: Vec<Warning> = diagnostics
        .withheld
        .into_iter()
        .map(|w| Warning {
            code: WarningCode::CorrectionWithheld.as_str().to_owned(),
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
        warnings: diagnostics
            .warnings
            .into_iter()
            .map(|w| Warning {
                code: w.code.as_str().to_owned(),
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
