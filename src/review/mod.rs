//! `ocrmend review`: one self-contained HTML page to check a run by eye — each clean
//! block beside the OCR text it came from, every correction marked in place with its
//! rule and confidence, removed furniture greyed, note calls linked to their notes,
//! the warnings listed, and a filter for low-confidence corrections. No network: the
//! style and script are embedded.

use std::collections::HashMap;
use std::fmt::Write;

use ocrmend::{Block, BlockKind, Correction, Document, Segment};

const STYLE: &str = include_str!("review.css");
const SCRIPT: &str = include_str!("review.js");

/// Corrections under this confidence are marked low when the page opens.
const LOW_CONFIDENCE: f64 = 0.9;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The input's text by character spans, with the corrections inside them marked.
struct Source<'a> {
    input: &'a str,
    /// Byte offset of every character, and of the end.
    byte_at: Vec<usize>,
    corrections: &'a [Correction],
    placed: Vec<bool>,
}

impl<'a> Source<'a> {
    fn new(input: &'a str, corrections: &'a [Correction]) -> Source<'a> {
        let byte_at = input
            .char_indices()
            .map(|(i, _)| i)
            .chain([input.len()])
            .collect();
        Source {
            input,
            byte_at,
            corrections,
            placed: vec![false; corrections.len()],
        }
    }

    fn text(&self, from: usize, to: usize) -> &'a str {
        let last = self.byte_at.len() - 1;
        &self.input[self.byte_at[from.min(last)]..self.byte_at[to.min(last)]]
    }

    /// The OCR text of a span, each correction inside it (not yet shown elsewhere,
    /// not overlapping one shown) wrapped in its element.
    fn render(&mut self, [start, end]: [usize; 2]) -> String {
        let mut out = String::new();
        let mut pos = start;
        for (i, c) in self.corrections.iter().enumerate() {
            let [cs, ce] = c.span;
            if self.placed[i] || cs < pos || ce > end || cs >= end {
                continue;
            }
            out.push_str(&escape(self.text(pos, cs)));
            out.push_str(&correction(c));
            self.placed[i] = true;
            pos = ce;
        }
        out.push_str(&escape(self.text(pos, end)));
        out
    }

    fn render_spans(&mut self, spans: &[[usize; 2]]) -> String {
        let parts: Vec<String> = spans.iter().map(|&s| self.render(s)).collect();
        parts.join("\n<span class=\"page-break\">⋯</span>\n")
    }

    fn unplaced(&self) -> impl Iterator<Item = &'a Correction> + '_ {
        self.corrections
            .iter()
            .zip(&self.placed)
            .filter(|(_, placed)| !**placed)
            .map(|(c, _)| c)
    }
}

fn correction(c: &Correction) -> String {
    format!(
        "<span class=\"correction\" data-before=\"{b}\" data-after=\"{a}\" data-rule=\"{r}\" \
         data-stage=\"{s}\" data-confidence=\"{c}\" style=\"--confidence:{c}\" \
         title=\"{b} → {a} ({s} {r}, confidence {c})\"><del>{b}</del><ins>{a}</ins></span>",
        b = escape(&c.before),
        a = escape(&c.after),
        r = escape(&c.rule),
        s = escape(&c.stage),
        c = c.confidence,
    )
}

/// A row of the page: where it starts in the input, its class, id and cells.
struct Row {
    start: usize,
    end: usize,
    class: String,
    id: String,
    clean: String,
    spans: Vec<[usize; 2]>,
}

fn block_label(b: &Block) -> String {
    match &b.kind {
        BlockKind::Heading {
            number: Some(n), ..
        } => format!("{n}."),
        BlockKind::Paragraph { number: Some(n) } => format!("{n}."),
        BlockKind::Item { label, .. } => format!("{label})"),
        _ => String::new(),
    }
}

fn block_class(b: &Block) -> String {
    match &b.kind {
        BlockKind::Heading { level, .. } => format!("block heading level-{level}"),
        BlockKind::Paragraph { .. } => "block paragraph".to_owned(),
        BlockKind::Item { .. } => "block item".to_owned(),
    }
}

/// The block's clean text, each note call a link to its note.
fn clean_text(b: &Block) -> String {
    let mut out = String::new();
    for segment in b.segments() {
        match segment {
            Segment::Text(text) => out.push_str(&escape(text)),
            Segment::Call(n) => {
                let number = escape(&n.number);
                let _ = write!(
                    out,
                    "<sup class=\"note-ref\"><a href=\"#note-{number}\" title=\"note {number}\">{number}</a></sup>"
                );
            }
        }
    }
    out
}

fn rows(doc: &Document) -> Vec<Row> {
    let first = |spans: &[[usize; 2]]| spans.iter().map(|s| s[0]).min().unwrap_or(usize::MAX);
    let last = |spans: &[[usize; 2]]| spans.iter().map(|s| s[1]).max().unwrap_or(usize::MAX);
    // The first block that calls each note, for the note's link back.
    let mut caller: HashMap<&str, usize> = HashMap::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        for n in &b.notes {
            caller.entry(n.number.as_str()).or_insert(i);
        }
    }
    let mut rows: Vec<Row> = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let label = block_label(b);
        rows.push(Row {
            start: first(&b.spans),
            end: last(&b.spans),
            class: block_class(b),
            id: format!("block-{i}"),
            clean: format!(
                "<span class=\"page\">p.&nbsp;{}</span><span class=\"label\">{}</span>{}",
                b.page,
                escape(&label),
                clean_text(b)
            ),
            spans: b.spans.clone(),
        });
    }
    for f in &doc.footnotes {
        let back = caller.get(f.number.as_str()).map_or(String::new(), |i| {
            format!(" <a class=\"backref\" href=\"#block-{i}\" title=\"where it is called\">↩</a>")
        });
        rows.push(Row {
            start: first(&f.spans),
            end: last(&f.spans),
            class: "note".to_owned(),
            id: format!("note-{}", escape(&f.number)),
            clean: format!(
                "<span class=\"page\">p.&nbsp;{}</span><span class=\"label\">note {}</span>{}{back}",
                f.page,
                escape(&f.number),
                escape(&f.text)
            ),
            spans: f.spans.clone(),
        });
    }
    for (i, r) in doc.removed.iter().enumerate() {
        rows.push(Row {
            start: r.span[0],
            end: r.span[1],
            class: "removed".to_owned(),
            id: format!("removed-{i}"),
            clean: format!(
                "<span class=\"reason\">removed: {}</span>",
                escape(&r.reason)
            ),
            spans: vec![r.span],
        });
    }
    rows.sort_by_key(|r| r.start);
    rows
}

/// The review page of a document; `input` is the decoded text it was cleaned from.
pub fn page(input: &str, doc: &Document) -> String {
    let rows = rows(doc);
    let mut source = Source::new(input, &doc.corrections);
    let mut body = String::new();
    for r in &rows {
        let ocr = source.render_spans(&r.spans);
        let _ = writeln!(
            body,
            "<tr id=\"{}\" class=\"{}\"><td class=\"clean\">{}</td><td class=\"ocr\"><pre>{ocr}</pre></td></tr>",
            r.id, r.class, r.clean
        );
    }
    let unplaced: Vec<String> = source.unplaced().map(correction).collect();
    let unplaced = if unplaced.is_empty() {
        String::new()
    } else {
        format!(
            "<section id=\"unplaced\"><h2>Corrections outside every block, note and removed line ({})</h2><p>{}</p></section>\n",
            unplaced.len(),
            unplaced.join(" ")
        )
    };

    let mut warnings = String::new();
    for w in &doc.warnings {
        let at = w
            .span
            .and_then(|[s, _]| rows.iter().find(|r| r.start <= s && s <= r.end))
            .map_or(String::new(), |r| format!(" <a href=\"#{}\">see</a>", r.id));
        let _ = writeln!(
            warnings,
            "<li class=\"warning\" data-code=\"{code}\"><code>{code}</code> {}{at}</li>",
            escape(&w.message),
            code = escape(&w.code)
        );
    }

    let m = &doc.metadata;
    let title = escape(m.title.as_deref().unwrap_or(&doc.source.path));
    let symbol = escape(m.symbol.as_deref().unwrap_or(""));
    let low = doc
        .corrections
        .iter()
        .filter(|c| c.confidence < LOW_CONFIDENCE)
        .count();
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: {title} {symbol}</title>
<style>
{STYLE}</style>
</head>
<body data-corrections="{corrections}" data-notes="{notes}">
<header>
<h1>{title} <small>{symbol} · {path}</small></h1>
<p class="summary">{blocks} blocks · {notes} footnotes · {corrections} corrections ({low} under {LOW_CONFIDENCE}) · {removed} removed lines · {n_warnings} warnings</p>
<form id="filter" onsubmit="return false">
<label>Mark corrections with confidence under <input type="range" id="threshold" min="0.5" max="1" step="0.01" value="{LOW_CONFIDENCE}"> <output id="threshold-value">{LOW_CONFIDENCE:.2}</output></label>
<label><input type="checkbox" id="only-low"> show only rows with such corrections</label>
</form>
<p class="legend">Left: the clean text. Right: the OCR it came from; each correction shows <del>before</del><ins>after</ins>, green when sure, red when not; greyed rows were removed as page furniture.</p>
</header>
<details id="warnings" open><summary>Warnings ({n_warnings})</summary>
<ul>
{warnings}</ul>
</details>
{unplaced}<table id="review">
<thead><tr><th>clean</th><th>OCR</th></tr></thead>
<tbody>
{body}</tbody>
</table>
<script>
{SCRIPT}</script>
</body>
</html>
"#,
        lang = escape(m.language.as_deref().unwrap_or("und")),
        path = escape(&doc.source.path),
        blocks = doc.blocks.len(),
        notes = doc.footnotes.len(),
        corrections = doc.corrections.len(),
        removed = doc.removed.len(),
        n_warnings = doc.warnings.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> (String, Document) {
        let bytes = include_bytes!("../../fixtures/A-75-371-fr.ocr.txt");
        let cleaned =
            crate::clean(bytes, "A-75-371-fr.ocr.txt", &Default::default()).expect("text");
        (cleaned.input, cleaned.document)
    }

    #[test]
    fn every_correction_and_note_is_on_the_page() {
        let (input, doc) = seed();
        let html = page(&input, &doc);
        assert_eq!(
            html.matches("class=\"correction\"").count(),
            doc.corrections.len()
        );
        assert_eq!(html.matches("<tr id=\"note-").count(), doc.footnotes.len());
        assert!(
            !html.contains("id=\"unplaced\""),
            "every seed correction lies in a row"
        );
        let calls: usize = doc.blocks.iter().map(|b| b.notes.len()).sum();
        assert_eq!(html.matches("class=\"note-ref\"").count(), calls);
        // The report cites web addresses as text; the page loads nothing.
        assert!(
            !html.contains("src=\"http") && !html.contains("href=\"http"),
            "no network"
        );
    }

    #[test]
    fn corrections_outside_every_span_are_still_listed() {
        let (input, mut doc) = seed();
        // The masthead's first word is in no block: a correction there has no row.
        let mut outside = doc.corrections[0].clone();
        outside.span = [0, 7];
        doc.corrections.insert(0, outside);
        doc.removed.clear();
        let html = page(&input, &doc);
        assert!(html.contains("id=\"unplaced\""));
        assert_eq!(
            html.matches("class=\"correction\"").count(),
            doc.corrections.len()
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
