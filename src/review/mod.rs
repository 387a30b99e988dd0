//! `ocrmend review`: one self-contained HTML page to check a run by eye — each clean
//! block beside the OCR text it came from, every correction marked in place as
//! before → after with its rule and confidence, a legend of the rules, removed
//! furniture greyed, note calls linked to their notes, the warnings listed and flagged
//! on their rows, filters (confidence, rule, warning code) with a count and
//! next/previous, and a print style. No network: the style and script are embedded.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::fmt::Write;

use ocrmend::{Block, BlockKind, Correction, Document, Rule, Segment, WarningCode};

const STYLE: &str = include_str!("review.css");
const SCRIPT: &str = include_str!("review.js");

/// Corrections under this confidence are marked low when the page opens.
const LOW_CONFIDENCE: f64 = 0.9;

/// Characters of input shown on each side of a correction that lies in no row: enough
/// to read the phrase, short enough to stay on one line.
const CONTEXT_CHARS: usize = 60;

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

/// A one-line description with its `backticked` spans as code.
fn description_html(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
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

    fn chars(&self) -> usize {
        self.byte_at.len() - 1
    }

    fn text(&self, from: usize, to: usize) -> &'a str {
        let last = self.chars();
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

    /// A correction no row holds, within its line of input (at most [`CONTEXT_CHARS`]
    /// each side, `…` where the line goes on).
    fn in_context(&self, c: &Correction) -> String {
        let [cs, ce] = c.span;
        let (cs, ce) = (cs.min(self.chars()), ce.min(self.chars()).max(cs));
        let line_start = |from: usize| {
            (from.saturating_sub(CONTEXT_CHARS)..from)
                .rev()
                .find(|&i| self.text(i, i + 1) == "\n")
                .map_or(from.saturating_sub(CONTEXT_CHARS), |i| i + 1)
        };
        let line_end = |from: usize| {
            (from..(from + CONTEXT_CHARS).min(self.chars()))
                .find(|&i| self.text(i, i + 1) == "\n")
                .unwrap_or((from + CONTEXT_CHARS).min(self.chars()))
        };
        let (before, after) = (line_start(cs), line_end(ce));
        let cut = |cut: bool| if cut { "…" } else { "" };
        format!(
            "{}{}{}{}{}",
            cut(before > 0 && self.text(before - 1, before) != "\n"),
            escape(self.text(before, cs)),
            correction(c),
            escape(self.text(ce, after)),
            cut(after < self.chars() && self.text(after, after + 1) != "\n"),
        )
    }
}

/// A correction in place: what the OCR had, struck, an arrow, what replaced it, and
/// the rule and confidence as a visible tag.
fn correction(c: &Correction) -> String {
    format!(
        "<span class=\"correction\" data-before=\"{b}\" data-after=\"{a}\" data-rule=\"{r}\" \
         data-stage=\"{s}\" data-confidence=\"{c}\" style=\"--confidence:{c}\" \
         title=\"{b} → {a} ({s} {r}, confidence {c})\"><del>{b}</del>\
         <span class=\"to\">→</span><ins>{a}</ins><small class=\"why\">{r} {c}</small></span>",
        b = escape(&c.before),
        a = escape(&c.after),
        r = escape(&c.rule),
        s = escape(&c.stage),
        c = c.confidence,
    )
}

/// A row of the page: where it starts and ends in the input, its class, id and cells,
/// and the codes of the warnings that point into it.
struct Row {
    start: usize,
    end: usize,
    class: &'static str,
    id: String,
    clean: String,
    ocr: String,
    warnings: Vec<String>,
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

fn block_class(b: &Block) -> &'static str {
    match &b.kind {
        BlockKind::Heading { level: 1, .. } => "block heading level-1",
        BlockKind::Heading { level: 2, .. } => "block heading level-2",
        BlockKind::Heading { .. } => "block heading level-3",
        BlockKind::Paragraph { .. } => "block paragraph",
        BlockKind::Item { .. } => "block item",
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

/// Every row in input order: blocks, notes, removed lines, and the corrections none
/// of them holds, each with its context.
fn rows(input: &str, doc: &Document) -> Vec<Row> {
    let mut source = Source::new(input, &doc.corrections);
    // The first block that calls each note, for the note's link back.
    let mut caller: HashMap<&str, usize> = HashMap::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        for n in &b.notes {
            caller.entry(n.number.as_str()).or_insert(i);
        }
    }
    let mut rows: Vec<Row> = Vec::new();
    let row = |class, id, clean, spans: &[[usize; 2]], source: &mut Source| Row {
        start: spans.iter().map(|s| s[0]).min().unwrap_or(usize::MAX),
        end: spans.iter().map(|s| s[1]).max().unwrap_or(usize::MAX),
        class,
        id,
        clean,
        ocr: source.render_spans(spans),
        warnings: Vec::new(),
    };
    for (i, b) in doc.blocks.iter().enumerate() {
        let clean = format!(
            "<span class=\"page\">p.&nbsp;{}</span><span class=\"label\">{}</span>{}",
            b.page,
            escape(&block_label(b)),
            clean_text(b)
        );
        rows.push(row(
            block_class(b),
            format!("block-{i}"),
            clean,
            &b.spans,
            &mut source,
        ));
    }
    for f in &doc.footnotes {
        let back = caller.get(f.number.as_str()).map_or(String::new(), |i| {
            format!(" <a class=\"backref\" href=\"#block-{i}\" title=\"where it is called\">↩</a>")
        });
        let clean = format!(
            "<span class=\"page\">p.&nbsp;{}</span><span class=\"label\">note {}</span>{}{back}",
            f.page,
            escape(&f.number),
            escape(&f.text)
        );
        let id = format!("note-{}", escape(&f.number));
        rows.push(row("note", id, clean, &f.spans, &mut source));
    }
    for (i, r) in doc.removed.iter().enumerate() {
        let clean = format!(
            "<span class=\"reason\">removed: {}</span>",
            escape(&r.reason)
        );
        rows.push(row(
            "removed",
            format!("removed-{i}"),
            clean,
            &[r.span],
            &mut source,
        ));
    }
    let outside: Vec<Row> = source
        .corrections
        .iter()
        .zip(&source.placed)
        .filter(|(_, placed)| !**placed)
        .enumerate()
        .map(|(i, (c, _))| Row {
            start: c.span[0],
            end: c.span[1],
            class: "outside",
            id: format!("outside-{i}"),
            clean: "<span class=\"reason\">a correction outside every block, note and \
                    removed line, in its context</span>"
                .to_owned(),
            ocr: source.in_context(c),
            warnings: Vec::new(),
        })
        .collect();
    rows.extend(outside);
    rows.sort_by_key(|r| r.start);
    for w in &doc.warnings {
        if let Some(r) = w
            .span
            .and_then(|[s, _]| rows.iter_mut().find(|r| r.start <= s && s <= r.end))
        {
            r.warnings.push(w.code.clone());
        }
    }
    rows
}

/// A legend row's sort key: unknown rules last, then the Rule enum's order (the order
/// the stages run their rules), then stage and rule as printed.
type LegendKey<'a> = (bool, Option<Rule>, &'a str, &'a str);

/// The legend of the rules the document's corrections used: stage, what the rule does,
/// how many corrections it made and its lowest confidence; each name picks the rule
/// in the filter.
fn rule_legend(corrections: &[Correction]) -> String {
    let mut by_rule: BTreeMap<LegendKey, (usize, f64)> = BTreeMap::new();
    for c in corrections {
        let known = Rule::parse(&c.rule);
        let entry = by_rule
            .entry((known.is_none(), known, c.stage.as_str(), c.rule.as_str()))
            .or_insert((0, f64::INFINITY));
        entry.0 += 1;
        entry.1 = entry.1.min(c.confidence);
    }
    let mut out = String::new();
    for ((_, known, stage, rule), (count, lowest)) in by_rule {
        let what = known.map_or(String::new(), |r| description_html(r.description()));
        let _ = writeln!(
            out,
            "<tr><td><button type=\"button\" class=\"pick-rule\" data-rule=\"{r}\">{r}</button></td>\
             <td>{s}</td><td>{what}</td><td class=\"count\">{count}</td><td class=\"count\">{lowest}</td></tr>",
            r = escape(rule),
            s = escape(stage),
        );
    }
    out
}

/// `<option>`s for each distinct value, with its count, and a description as title.
fn options<'a>(
    values: impl Iterator<Item = &'a str>,
    describe: impl Fn(&str) -> &'static str,
) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let mut out = String::new();
    for (value, count) in counts {
        let _ = write!(
            out,
            "<option value=\"{v}\" title=\"{t}\">{v} ({count})</option>",
            v = escape(value),
            t = escape(describe(value)),
        );
    }
    out
}

/// The review page of a document; `input` is the decoded text it was cleaned from.
pub fn page(input: &str, doc: &Document) -> String {
    let rows = rows(input, doc);
    let mut body = String::new();
    for r in &rows {
        let flags: String = r
            .warnings
            .iter()
            .map(|code| {
                format!(
                    "<span class=\"flag\" title=\"warning\">⚠ {}</span>",
                    escape(code)
                )
            })
            .collect();
        let _ = writeln!(
            body,
            "<tr id=\"{}\" class=\"{}\" data-warnings=\"{}\"><td class=\"clean\">{flags}{}</td><td class=\"ocr\"><pre>{}</pre></td></tr>",
            r.id,
            r.class,
            escape(&r.warnings.join(" ")),
            r.clean,
            r.ocr
        );
    }
    let outside = rows.iter().filter(|r| r.class == "outside").count();

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
    let rule_options = options(doc.corrections.iter().map(|c| c.rule.as_str()), |r| {
        Rule::parse(r).map_or("", Rule::description)
    });
    let code_options = options(doc.warnings.iter().map(|w| w.code.as_str()), |c| {
        WarningCode::parse(c).map_or("", WarningCode::description)
    });

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
<body data-corrections="{corrections}" data-notes="{notes}" data-outside="{outside}">
<header>
<h1>{title} <small>{symbol} · {path}</small></h1>
<p class="summary">{blocks} blocks · {notes} footnotes · {corrections} corrections ({low} under {LOW_CONFIDENCE}, {outside} outside every block) · {removed} removed lines · {n_warnings} warnings</p>
<form id="filter" onsubmit="return false">
<label>Mark corrections under <input type="range" id="threshold" min="0.5" max="1" step="0.01" value="{LOW_CONFIDENCE}"> <output id="threshold-value">{LOW_CONFIDENCE:.2}</output></label>
<label><input type="checkbox" id="only-low"> only marked ones</label>
<label>Rule <select id="rule"><option value="">any rule</option>{rule_options}</select></label>
<label>Warning <select id="code"><option value="">any or none</option>{code_options}</select></label>
<label><input type="checkbox" id="hide-others"> hide rows that do not match</label>
<span class="nav"><button type="button" id="previous" title="previous matching row (p)">◀ previous</button>
<output id="match-count"></output>
<button type="button" id="next" title="next matching row (n)">next ▶</button></span>
<label><input type="checkbox" id="show-why" checked> show rule and confidence</label>
<button type="button" id="print" title="the rows shown, as they are filtered">print</button>
</form>
<p id="print-filter"></p>
<p class="legend">Left: the clean text. Right: the OCR it came from; each correction reads <span class="correction sample" style="--confidence:1"><del>before</del><span class="to">→</span><ins>after</ins><small class="why">rule confidence</small></span>, green when sure, red when not, outlined when marked; greyed rows were removed as page furniture; ⚠ flags a row a warning points to. A row matches when it holds a correction that passes the confidence and rule filters and a warning of the chosen code (with no filter, any correction or warning); <kbd>n</kbd> and <kbd>p</kbd> step through the matches.</p>
</header>
<details id="rules" open><summary>Rules ({n_rules})</summary>
<table id="legend">
<thead><tr><th>rule</th><th>stage</th><th>what it does</th><th>corrections</th><th>lowest confidence</th></tr></thead>
<tbody>
{legend}</tbody>
</table>
</details>
<details id="warnings" open><summary>Warnings ({n_warnings})</summary>
<ul>
{warnings}</ul>
</details>
<table id="review">
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
        legend = rule_legend(&doc.corrections),
        n_rules = rule_options.matches("<option").count(),
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
            !html.contains("class=\"outside\""),
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
    fn a_correction_shows_before_arrow_after_and_its_rule_and_confidence() {
        let c = Correction {
            span: [0, 3],
            before: "Etats".into(),
            after: "États".into(),
            stage: "spelling".into(),
            rule: "lexicon".into(),
            confidence: 0.85,
        };
        let html = correction(&c);
        assert!(
            html.ends_with(
                "<del>Etats</del><span class=\"to\">→</span><ins>États</ins>\
                 <small class=\"why\">lexicon 0.85</small></span>"
            ),
            "{html}"
        );
    }

    #[test]
    fn corrections_outside_every_span_are_shown_in_their_context() {
        let (input, mut doc) = seed();
        // The masthead's first word is in no block: a correction there has no row.
        let mut outside = doc.corrections[0].clone();
        outside.span = [0, 7];
        doc.corrections.insert(0, outside);
        doc.removed.clear();
        let html = page(&input, &doc);
        let row = html
            .lines()
            .find(|l| l.starts_with("<tr id=\"outside-0\" class=\"outside\""))
            .expect("a row of its own");
        assert!(input.starts_with("Nations Unies"));
        assert!(row.contains("</span> Unies"), "the rest of its line: {row}");
        assert_eq!(
            html.matches("class=\"correction\"").count(),
            doc.corrections.len()
        );
    }

    #[test]
    fn context_is_the_line_cut_to_its_limit() {
        let long = "x".repeat(CONTEXT_CHARS + 10);
        let input = format!("first line\nthe wrd here\n{long}wrd{long}\nlast");
        let wrd = |at: usize| Correction {
            span: [at, at + 3],
            before: "wrd".into(),
            after: "word".into(),
            stage: "spelling".into(),
            rule: "lexicon".into(),
            confidence: 0.9,
        };
        let corrections = [wrd(15), wrd(24 + long.len())];
        let source = Source::new(&input, &corrections);
        let short = source.in_context(&corrections[0]);
        assert!(
            short.starts_with("the <span") && short.ends_with("</span> here"),
            "{short}"
        );
        let cut = source.in_context(&corrections[1]);
        let side = "x".repeat(CONTEXT_CHARS);
        assert!(cut.starts_with(&format!("…{side}<span")), "{cut}");
        assert!(cut.ends_with(&format!("</span>{side}…")), "{cut}");
    }

    #[test]
    fn the_legend_lists_each_rule_used_with_its_count_and_meaning() {
        let (_, doc) = seed();
        let legend = rule_legend(&doc.corrections);
        let lexicon = doc
            .corrections
            .iter()
            .filter(|c| c.rule == "lexicon")
            .count();
        let line = legend
            .lines()
            .find(|l| l.contains("data-rule=\"lexicon\""))
            .expect("lexicon is used on the seed");
        assert!(
            line.contains(&format!("<td class=\"count\">{lexicon}</td>")),
            "{line}"
        );
        assert!(line.contains("The dictionary"), "{line}");
        let rules: std::collections::HashSet<&str> =
            doc.corrections.iter().map(|c| c.rule.as_str()).collect();
        assert_eq!(legend.lines().count(), rules.len());
        // In the order the stages run: the glyph rules before the dictionary's.
        assert!(legend.find("elided-l") < legend.find("lexicon"));
    }

    #[test]
    fn each_warning_flags_the_row_it_points_to() {
        let (input, doc) = seed();
        let html = page(&input, &doc);
        let placed = doc.warnings.iter().filter(|w| w.span.is_some()).count();
        assert!(placed > 0);
        assert_eq!(html.matches("<span class=\"flag\"").count(), placed);
        let code = &doc.warnings.iter().find(|w| w.span.is_some()).unwrap().code;
        assert!(html.contains(&format!("data-warnings=\"{code}")));
        assert!(html.contains(&format!("<option value=\"{code}\"")));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            description_html("`n®` → `<`."),
            "<code>n®</code> → <code>&lt;</code>."
        );
    }
}
