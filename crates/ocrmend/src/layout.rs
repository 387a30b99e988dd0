//! Stage 3, layout: group the lines of each page into chunks (the printed paragraphs),
//! tell the footnote zone at the bottom of each page from the body, and join the
//! lines of each chunk into one text, undoing line-break hyphenation.
//!
//! The footnote zone is the run of chunks that ends a page and looks like notes:
//! chunks that open with a note number or a mangled one (`5 Voir…`, `* Le…`, `© Voir…`),
//! lines wider than the body's (notes are set in a smaller font), lone marker lines,
//! and short complete sentences. Which notes they are is for the structure stage.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::Lexicon;
use crate::pages::{Line, Pages};
use crate::scan::superscript::AT_NOTE_START as MANGLED_NUMBER;
use crate::tracked::Tracked;

/// Where on the page a chunk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Body,
    Footnotes,
}

/// How a chunk's last line ends: where the lines of a paragraph run to the margin, a
/// short last line ends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastLine {
    /// It runs to the margin, or stops where no paragraph ends (a line-break hyphen,
    /// a function word): see [`stops_short`].
    RunsOn,
    /// It stops short, and a blank line (or the end of the page) follows.
    ShortBeforeBlank,
    /// It stops short, and the next line follows with no blank line between.
    ShortBeforeLine,
}

/// A printed paragraph: consecutive lines with no blank line between them.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// Indices into `Pages::lines`.
    pub lines: Vec<usize>,
    pub page: u32,
    pub zone: Zone,
    /// The lines joined, hyphenation undone, white space folded.
    pub text: Tracked,
    /// The chunk opens a page region (see `pages`).
    pub region_start: bool,
    /// Every line is wider than the body text's lines: set in a smaller font.
    pub wide: bool,
    /// Length in characters of each line.
    pub line_widths: Vec<usize>,
    /// How the chunk's last line ends.
    pub last_line: LastLine,
    /// Scanner streaks (`SR HY PR wR`): letters but no word of the language (nor one
    /// shaped like a damaged word), no digit, more than a marker. Only known with a
    /// lexicon.
    pub noise: bool,
}

pub struct Layout {
    pub chunks: Vec<Chunk>,
    /// Typical length in characters of a full body line.
    pub body_width: usize,
    /// Joins texts cut by a line or page break, as the chunks' lines were joined.
    pub joiner: Joiner,
}

/// The opening of a note: a star, a number, or a mangled number before a capital.
static NOTE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^(?:\*\s*\S|\d{{1,3}}\s+-?[\p{{Lu}}«“"(\[]|\d{{1,3}}\s+[a-z]+\.|{MANGLED_NUMBER}+(?:(?:\d+\s*|\s+)["'‘’“”]?|["'’”]\s*)\p{{Lu}}|-\p{{Lu}})"#
    ))
    .unwrap()
});
/// A lone paragraph number or heading numeral with its point (`12.`, `11;`, `IV.`,
/// `B.`): the number column of the body, never a footnote's number (notes print
/// theirs bare).
static COLUMN_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,3}[.,;:]|[IVXl]{1,5}\.|[A-Z]\.)$").unwrap());
/// A paragraph number opening a line, its point perhaps read as `,` `;` or, before a
/// capital, `:` (as [`crate::scan::opening`] reads it).
static PARAGRAPH_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}(?:[.,;]\s+\S|:\s+\p{Lu})").unwrap());
/// A number and a capital opening a line: a paragraph number that lost its point, or a
/// note's.
static POINTLESS_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}\s+\p{Lu}").unwrap());
static ITEM_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?(?:[a-z]|[ivx]{1,4})\)\s").unwrap());
/// An item label inside a line: an enumeration run on in the text.
static INLINE_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s\(?(?:[a-z]|[ivx]{1,4}|¢|©)\)\s").unwrap());

/// How much wider than the body's, in percent, a chunk's full lines run on average
/// when it is set in the notes' smaller font.
const NOTE_FONT_WIDTH: usize = 105;

/// Group the lines of `pages` into chunks and mark each page's footnote zone.
/// `body_start` is the first line after the masthead (0 without one): a chunk never
/// holds masthead and body lines both, even when the OCR printed no blank line
/// between them.
pub fn lay_out(
    input: &str,
    pages: &Pages,
    body_start: usize,
    lexicon: Option<&'static Lexicon>,
) -> Layout {
    let views: Vec<LineView> = pages.lines.iter().map(|l| LineView::of(input, l)).collect();
    let body_width = body_width(&views);
    let joiner = Joiner {
        lexicon,
        vocabulary: Vocabulary::of(input),
    };
    let groups = split_overlong(
        group_lines(&pages.lines, &views, body_start, body_width),
        &views,
        body_width,
    );
    let mut chunks: Vec<Chunk> = groups
        .into_iter()
        .map(|lines| {
            let first = &pages.lines[lines[0]];
            let widths: Vec<usize> = lines.iter().map(|&i| views[i].width).collect();
            let full = &widths[..widths.len().saturating_sub(1)];
            let wide = !full.is_empty() && !narrower_than_notes(full, body_width)
                || widths.iter().any(|&w| w * 100 > body_width * 110);
            let text = joiner.join_lines(input, &pages.lines, &lines);
            let last = *lines.last().unwrap();
            let last_line = match pages.lines.get(last + 1) {
                _ if !stops_short(&views[last], body_width) => LastLine::RunsOn,
                Some(next) if !next.blank && next.page == pages.lines[last].page => {
                    LastLine::ShortBeforeLine
                }
                _ => LastLine::ShortBeforeBlank,
            };
            let t = text.as_str();
            // The lexicon lookups last: most chunks hold a digit or are markers.
            let noise = !t.contains(|c: char| c.is_ascii_digit())
                && !crate::scan::is_marker(t)
                && lexicon.is_some_and(|l| !l.holds_a_word(t));
            Chunk {
                text,
                noise,
                line_widths: widths,
                last_line,
                page: first.page,
                region_start: first.region_start,
                zone: Zone::Body,
                wide,
                lines,
            }
        })
        .collect();
    mark_footnote_zones(&mut chunks, body_width);
    Layout {
        chunks,
        body_width,
        joiner,
    }
}

/// A line as the layout reads where lines break, worked out once per line: its text
/// without the specks at its edges ([`core`]) and that text's length in characters.
struct LineView<'a> {
    text: &'a str,
    width: usize,
}

impl<'a> LineView<'a> {
    fn of(input: &'a str, line: &Line) -> Self {
        let text = core(input, line);
        LineView {
            text,
            width: text.chars().count(),
        }
    }
}

/// A line's text without the scanner specks at its edges ([`crate::scan::speck::core`]):
/// they would hide how the line starts and ends and widen it. The chunk's text keeps
/// what the pages stage left; only where lines break is read off this.
fn core<'a>(input: &'a str, line: &Line) -> &'a str {
    crate::scan::speck::core(&input[line.span.clone()])
}

/// The length of a full line of body text: the upper quartile of line lengths.
fn body_width(views: &[LineView]) -> usize {
    let mut lens: Vec<usize> = views.iter().map(|v| v.width).filter(|&n| n >= 20).collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[lens.len() * 3 / 4]
}

/// Split the lines into chunks at blank lines, page changes and region starts, and
/// after a short line that ends a sentence when the next opens a new one (two
/// paragraphs the OCR printed without a blank line between them).
fn group_lines(
    lines: &[Line],
    views: &[LineView],
    body_start: usize,
    body_width: usize,
) -> Vec<Vec<usize>> {
    let note_tails = note_tail_starts(lines, views, body_width);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    // The number of the last chunk that opened with a paragraph number.
    let mut last_number: Option<u32> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.blank {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            continue;
        }
        let number = paragraph_number(views[i].text);
        if let Some(&prev) = current.last() {
            let prev_line = &lines[prev];
            if line.page != prev_line.page
                || line.region_start
                || i == body_start
                || note_tails.contains(&i)
                || ends_paragraph(views, &current, &views[i], body_width)
                    && opens_paragraph(views[i].text)
                || numbered_paragraph_follows(&views[prev], &views[i])
                || number.is_some_and(|(n, pointed)| {
                    next_in_sequence(last_number, n)
                        && (pointed || crate::scan::ends_sentence(views[prev].text))
                })
                || item_follows(views, &current, &views[i])
                || heading_follows(views, &current, &views[i])
                || lone_number(views[i].text)
                || lone_number(views[prev].text)
            {
                groups.push(std::mem::take(&mut current));
            }
        }
        if current.is_empty() && number.is_some() {
            last_number = number.map(|(n, _)| n);
        }
        current.push(i);
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// How many times the document's typical chunk (in lines) a chunk must run to be read
/// as paragraphs the OCR printed without a blank line or a short last line between.
const OVERLONG: usize = 3;
/// Fewer lines than this are never overlong, whatever the document's chunks.
const OVERLONG_MIN_LINES: usize = 12;

/// Split chunks that run far longer than the document's typical one at each line that
/// ends a sentence with a full stop short of the margin before a line that opens one:
/// the paragraphs of a scan whose margins the OCR read with specks, glued into one
/// chunk.
fn split_overlong(
    groups: Vec<Vec<usize>>,
    views: &[LineView],
    body_width: usize,
) -> Vec<Vec<usize>> {
    let mut sizes: Vec<usize> = groups.iter().map(Vec::len).filter(|&n| n >= 2).collect();
    if sizes.is_empty() {
        return groups;
    }
    sizes.sort_unstable();
    let limit = (sizes[sizes.len() / 2] * OVERLONG).max(OVERLONG_MIN_LINES);
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        if group.len() <= limit {
            out.push(group);
            continue;
        }
        let mut current = Vec::new();
        for (k, &i) in group.iter().enumerate() {
            current.push(i);
            let Some(&next) = group.get(k + 1) else { break };
            let line = &views[i];
            // A full stop: `;` and `:` end the clauses of an enumeration inside one.
            if crate::scan::ends_sentence(line.text)
                && !line.text.ends_with([';', ':'])
                && line.width * 100 < body_width * 95
                && opens_paragraph(views[next].text)
            {
                out.push(std::mem::take(&mut current));
            }
        }
        out.push(current);
    }
    out
}

/// The lines that open the notes at the foot of a page when no blank line sets them
/// off the body or each other: the note openings of the page's last run of lines that
/// each open a note, end one (short), or run wider than the body (notes are set
/// smaller).
fn note_tail_starts(lines: &[Line], views: &[LineView], body_width: usize) -> HashSet<usize> {
    let mut starts = HashSet::new();
    // Walking up from each page's last line: the note openings met so far, and
    // whether a line of body text closed the page's run.
    let (mut openings, mut closed) = (Vec::new(), false);
    for i in (0..lines.len()).rev() {
        let line = &lines[i];
        if lines.get(i + 1).is_none_or(|next| next.page != line.page) {
            starts.extend(openings.drain(..));
            closed = false;
        }
        if line.blank || closed {
            continue;
        }
        let width = views[i].width * 100;
        if NOTE_START.is_match(views[i].text) {
            openings.push(i);
        } else if (body_width * 85..=body_width * 103).contains(&width) {
            closed = true;
        }
    }
    starts.extend(openings);
    starts
}

/// A sentence ends at the end of a line and the next opens with a paragraph number
/// (`12. The…`): a new paragraph, however long the line before it.
fn numbered_paragraph_follows(last: &LineView, next: &LineView) -> bool {
    PARAGRAPH_START.is_match(next.text) && crate::scan::ends_sentence(last.text)
}

/// The paragraph number a line opens with, and whether its point was printed: `12.
/// The…` (true), or `3 L’Organisation…` (false: a point the OCR lost, or a note's
/// number, which only the sequence tells apart).
fn paragraph_number(line: &str) -> Option<(u32, bool)> {
    let pointed = PARAGRAPH_START.is_match(line);
    if !pointed && !POINTLESS_NUMBER.is_match(line) {
        return None;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line[..digits].parse().ok().map(|n| (n, pointed))
}

/// A line opens with the paragraph number that follows the last one printed (or with
/// 1 before any): a new paragraph, however the line before it ends (a heading run on
/// without a blank line, a point the OCR lost, a speck at the margin such as `a` or
/// `os`). On train, 108 of 110 such lines after a line that ends no sentence opened a
/// paragraph, and the two others were garbled text. A number without its point opens
/// one only after a sentence end.
fn next_in_sequence(last: Option<u32>, number: u32) -> bool {
    number == last.map_or(1, |n| n + 1)
}

/// A clause or sentence ends at the end of a line and the next opens with an item
/// label (`…evaluation 2013;` / `(d) Decides…`): a new sub-item, however long the line
/// before it; unless the chunk runs an enumeration inline (`…; (c) Environment
/// oversight;` / `(d) Lack of…`), which the label carries on.
fn item_follows(views: &[LineView], chunk: &[usize], next: &LineView) -> bool {
    let last = views[*chunk.last().unwrap()].text;
    ITEM_START.is_match(next.text)
        && (crate::scan::ends_sentence(last) || crate::scan::ends_clause(last))
        && !chunk.iter().any(|&k| INLINE_ITEM.is_match(views[k].text))
}

/// A heading runs on no further than its own numeral allows: a line that opens with a
/// heading numeral (`A. Aprobado…`) after a chunk that opened with one (`I. Actividades…`)
/// or after a sentence end is the next heading, however wide the line before it (a
/// long title runs near the margin), unless that line cuts a word or stops on a
/// function word.
fn heading_follows(views: &[LineView], chunk: &[usize], next: &LineView) -> bool {
    use crate::scan::opening::{opening, Opening};
    let is_heading = |text: &str| matches!(opening(text), Opening::Heading { .. });
    let last = views[*chunk.last().unwrap()].text;
    is_heading(next.text)
        && may_end_here(last)
        && (is_heading(views[chunk[0]].text) || crate::scan::ends_sentence(last))
}

/// A line that is only a short number (`3`, `11;`): a number column entry or a
/// footnote number, never part of a paragraph's text.
fn lone_number(line: &str) -> bool {
    let t = line.trim().trim_end_matches(['.', ',', ';', ':']);
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the printed paragraph (or heading) of `chunk` ends before `next`, which
/// opens with a capital, a digit or an item label: a paragraph's lines run to the
/// margin, so a short last line ends it, unless it breaks a word (`dévelop-`), stops
/// on a function word (`la résolution 74/239 de` / `l’Assemblée`), cuts a name that a
/// short line carries on (`des Nations` / `Unies pour…` in a wrapped heading), or is
/// one of a run of short lines (a wrapped heading) that the next short line continues.
fn ends_paragraph(views: &[LineView], chunk: &[usize], next: &LineView, body_width: usize) -> bool {
    let last = &views[*chunk.last().unwrap()];
    let short = |line: &LineView| is_short(line, body_width);
    if !short(last) {
        return false;
    }
    let text = last.text;
    if crate::scan::ends_sentence(text) || crate::scan::ends_clause(text) {
        return true;
    }
    let last_word = text.rsplit(' ').next().unwrap_or("");
    // A line that opens with a heading numeral (`A. Sudáfrica`) carries on no name and
    // no wrapped heading: it is the next heading. Read last, only when it decides.
    let next_is_heading = || {
        matches!(
            crate::scan::opening::opening(next.text),
            crate::scan::opening::Opening::Heading { .. }
        )
    };
    let name_goes_on = last_word.chars().next().is_some_and(char::is_uppercase)
        && next.text.starts_with(char::is_uppercase)
        && short(next)
        && !next_is_heading();
    // Two short lines and a third: a heading wrapped on short lines goes on.
    let heading_goes_on = !name_goes_on
        && chunk.len() >= 2
        && short(next)
        && chunk.iter().all(|&i| short(&views[i]))
        && !next_is_heading();
    may_end_here(text) && !name_goes_on && !heading_goes_on
}

/// A line shorter than a full line of body text.
fn is_short(line: &LineView, body_width: usize) -> bool {
    line.width * 100 < body_width * 85
}

/// Whether a line stops short of the margin at a point where a paragraph can end:
/// it breaks no word (`dévelop-`) and stops on no function word (`la résolution
/// 74/239 de` / `l’Assemblée`).
fn stops_short(line: &LineView, body_width: usize) -> bool {
    let text = line.text;
    is_short(line, body_width)
        && (crate::scan::ends_sentence(text)
            || crate::scan::ends_clause(text)
            || may_end_here(text))
}

/// A line with no sentence end may still end its paragraph: it breaks no word and stops
/// on no function word. A hyphen after a space may cut a word too (`col -` / `lective`).
fn may_end_here(text: &str) -> bool {
    !text.ends_with(crate::scan::HYPHENS) && !crate::scan::stops_mid_phrase(text)
}

fn opens_paragraph(line: &str) -> bool {
    let t = line.trim_start();
    ITEM_START.is_match(t)
        || t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "«“\"(".contains(c))
}

/// Joins lines: a line-break hyphen is dropped when the joined word is a word (of
/// the lexicon or of this document) and kept when both halves are words or the
/// second half starts with a capital or a digit (`Sud-Sud`, `COVID-19`).
pub struct Joiner {
    lexicon: Option<&'static Lexicon>,
    vocabulary: Vocabulary,
}

impl Joiner {
    fn join_lines(&self, input: &str, lines: &[Line], chunk: &[usize]) -> Tracked {
        let mut text = Tracked::new();
        for &i in chunk {
            let mut line = Tracked::new();
            line.push_input(input, crate::pages::trimmed_span(input, &lines[i].span));
            self.join(&mut text, &line);
        }
        text.fold_spaces();
        text.trim();
        text
    }

    /// Append `next` to `text` across a line or page break.
    pub fn join(&self, text: &mut Tracked, next: &Tracked) {
        if text.is_empty() {
            text.push_tracked(next);
            return;
        }
        let prev = text.as_str();
        // A link or pair cut after its slash (`GBSessions/` `GB338`, `OMS/` `UNICEF`)
        // and a range cut after its hyphen (`2020-` `2022`) join with nothing between.
        let glued = prev.ends_with('/') && !prev.ends_with(" /")
            || prev.ends_with('-')
                && prev[..prev.len() - 1].ends_with(|c: char| c.is_ascii_digit())
                && next.as_str().starts_with(|c: char| c.is_ascii_digit());
        if glued {
            text.push_tracked(next);
            return;
        }
        match line_break_hyphen(prev) {
            Some(cut) => {
                let left = last_word(&prev[..cut]);
                let right = first_word(next.as_str());
                let keep =
                    hyphen_verdict(left, right, self.lexicon, &self.vocabulary) == Hyphen::Keep;
                let len = text.len();
                text.replace(cut..len, if keep { "-" } else { "" });
            }
            None => text.push_synthetic(" ", next.source_at(0)),
        }
        text.push_tracked(next);
    }
}

/// Where a line-break hyphen starts, when `text` ends with one after a letter
/// (`dévelop-`, or `col -` with the OCR's space before it).
fn line_break_hyphen(text: &str) -> Option<usize> {
    let stem = text.strip_suffix('-')?;
    let stem_trimmed = stem.trim_end_matches(' ');
    if stem.len() - stem_trimmed.len() > 1 {
        return None;
    }
    let last = stem_trimmed.chars().last()?;
    (last.is_alphabetic() && !stem_trimmed.ends_with("--")).then_some(stem_trimmed.len())
}

fn last_word(s: &str) -> &str {
    let start = s
        .rfind(|c: char| !c.is_alphanumeric() && c != '-')
        .map_or(0, |i| i + s[i..].chars().next().unwrap().len_utf8());
    &s[start..]
}

fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

#[derive(Debug, PartialEq)]
enum Hyphen {
    Drop,
    Keep,
}

fn hyphen_verdict(
    left: &str,
    right: &str,
    lexicon: Option<&Lexicon>,
    vocabulary: &Vocabulary,
) -> Hyphen {
    if right
        .chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return Hyphen::Keep;
    }
    // `left` may hold earlier hyphens (`Asie-Pacifi-`): judge the last part.
    let left_part = left.rsplit('-').next().unwrap_or(left);
    let joined = format!("{left_part}{right}");
    let hyphenated = format!("{left_part}-{right}");
    if vocabulary.has(&hyphenated) {
        return Hyphen::Keep;
    }
    let known = |w: &str| vocabulary.has(w) || lexicon.is_some_and(|l| l.contains(w));
    if known(&joined) {
        return Hyphen::Drop;
    }
    // Both halves right words on their own (`Sud-Sud`, `socio-économique`): a
    // compound. OCR fragments (`educa-`, `cién`) are not spelled right.
    let spelled = |w: &str| vocabulary.has(w) || lexicon.is_some_and(|l| l.is_spelled_right(w));
    if lexicon.is_some_and(|l| l.contains(&hyphenated))
        || (left_part.chars().count() > 1 && spelled(left_part) && spelled(right))
    {
        return Hyphen::Keep;
    }
    Hyphen::Drop
}

/// The words a document itself writes whole on one line, lower-cased: its own
/// evidence for joining or keeping hyphens.
struct Vocabulary(HashSet<String>);

impl Vocabulary {
    fn of(input: &str) -> Vocabulary {
        let mut words = HashSet::new();
        for line in input.lines() {
            let line = line.trim_end();
            let mut tokens = line
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .peekable();
            // A line opening in lower case may open with the rest of a word cut by
            // a hyphen, maybe beyond a page break: not evidence either.
            if line.starts_with(char::is_lowercase) {
                tokens.next();
            }
            while let Some(token) = tokens.next() {
                // The last token of a line may be cut by a hyphen: not evidence.
                if tokens.peek().is_none() && line.ends_with('-') {
                    break;
                }
                let token = token.trim_matches('-');
                if token.chars().count() > 2 {
                    words.insert(token.to_lowercase());
                }
            }
        }
        Vocabulary(words)
    }

    fn has(&self, word: &str) -> bool {
        self.0.contains(&word.to_lowercase())
    }
}

/// Mark the chunks that end each page and look like footnotes.
fn mark_footnote_zones(chunks: &mut [Chunk], body_width: usize) {
    let mut page_start = 0;
    while page_start < chunks.len() {
        let page = chunks[page_start].page;
        let page_end = chunks[page_start..]
            .iter()
            .position(|c| c.page != page)
            .map_or(chunks.len(), |n| page_start + n);
        let mut zone_start = page_end;
        while zone_start > page_start && in_zone(chunks, page_start, zone_start - 1, body_width) {
            zone_start -= 1;
        }
        // A note that opens with its number claims the rest of the page, unless it
        // reads as body text itself (a numbered paragraph whose hyphenated line runs a
        // little wide, or one set in the body's font) or body text comes after it: a
        // numbered paragraph, an item, or a chunk set in the body's font before the
        // page's last (the last note of a page may run its few lines as wide as the
        // body's; a paragraph the OCR put at the page foot, behind a speck read as `*`,
        // does not end it).
        if let Some(k) = (page_start + 1..zone_start).find(|&k| {
            opens_note(&chunks[k])
                && note_like(&chunks[k], body_width) == NoteLike::Yes
                && chunks[k + 1..page_end]
                    .iter()
                    .rev()
                    .skip(1)
                    .all(|c| !set_in_the_body_font(c, body_width))
                && chunks[k + 1..page_end].iter().all(|c| {
                    !PARAGRAPH_START.is_match(c.text.as_str())
                        && !ITEM_START.is_match(c.text.as_str())
                })
        }) {
            zone_start = k;
            while zone_start > page_start && in_zone(chunks, page_start, zone_start - 1, body_width)
            {
                zone_start -= 1;
            }
        }
        // A zone made only of marker lines is a column of paragraph numbers or noise.
        let has_text = chunks[zone_start..page_end]
            .iter()
            .any(|c| note_like(c, body_width) != NoteLike::Marker);
        // The first page region of the document is its masthead, never a footnote zone.
        if has_text && zone_start < page_end && zone_start != 0 {
            for c in &mut chunks[zone_start..page_end] {
                c.zone = Zone::Footnotes;
            }
        }
        page_start = page_end;
    }
}

/// Whether chunk `k` can belong to a footnote zone: it looks like a note, or it
/// carries on (in lower case) the note-like chunk before it.
fn in_zone(chunks: &[Chunk], page_start: usize, k: usize, body_width: usize) -> bool {
    match note_like(&chunks[k], body_width) {
        NoteLike::No => {
            let starts_lower = crate::scan::opens_in_lower_case(chunks[k].text.as_str());
            starts_lower && k > page_start && note_like(&chunks[k - 1], body_width) == NoteLike::Yes
        }
        _ => true,
    }
}

#[derive(Debug, PartialEq)]
enum NoteLike {
    No,
    Marker,
    Yes,
}

fn note_like(chunk: &Chunk, body_width: usize) -> NoteLike {
    let text = chunk.text.as_str();
    if COLUMN_NUMBER.is_match(text) {
        return NoteLike::No;
    }
    // Streaks at a page foot stand among the notes without breaking their zone.
    if crate::scan::is_marker(text) || chunk.noise {
        return NoteLike::Marker;
    }
    if PARAGRAPH_START.is_match(text) || ITEM_START.is_match(text) {
        return NoteLike::No;
    }
    if set_in_the_body_font(chunk, body_width) {
        return NoteLike::No;
    }
    if opens_note(chunk) {
        return NoteLike::Yes;
    }
    // A short complete sentence: a note such as `Voir A/64/350.`.
    let short = chunk.lines.len() <= 2
        && text.chars().count() <= body_width * 2
        && (text.split_whitespace().nth(1).is_some() || text.chars().count() >= 8);
    let sentence = text.chars().next().is_some_and(|c| c.is_uppercase())
        && text
            .trim_end_matches(|c: char| "»”\"’')".contains(c))
            .ends_with('.');
    if short && sentence {
        NoteLike::Yes
    } else {
        NoteLike::No
    }
}

/// Whether a chunk of three lines or more runs its full lines narrower on average than
/// the notes' ([`NOTE_FONT_WIDTH`]): set in the body's font, not the notes' smaller
/// one, whatever number it opens with (`1 En la Plataforma…`, a paragraph whose point
/// the OCR lost). Such a chunk neither opens a footnote zone nor stands in one (on train
/// this kept 5 % of the damage out; a short chunk's width says too little).
fn set_in_the_body_font(chunk: &Chunk, body_width: usize) -> bool {
    let full = &chunk.line_widths[..chunk.line_widths.len().saturating_sub(1)];
    full.len() >= 2 && narrower_than_notes(full, body_width)
}

/// Whether full lines of these widths run narrower on average than [`NOTE_FONT_WIDTH`]
/// makes the notes' lines.
fn narrower_than_notes(full: &[usize], body_width: usize) -> bool {
    full.iter().sum::<usize>() * 100 < full.len() * body_width * NOTE_FONT_WIDTH
}

/// A chunk that opens with a note number (plain or mangled) or is set in the notes' font.
fn opens_note(chunk: &Chunk) -> bool {
    NOTE_START.is_match(chunk.text.as_str()) || chunk.wide
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::paginate;

    fn layout(text: &str) -> Layout {
        lay_out(
            text,
            &paginate(text),
            0,
            Some(Lexicon::get(crate::language::Lang::Fr)),
        )
    }

    #[test]
    fn hyphenation_is_undone_with_the_lexicon() {
        let l = layout("le dévelop-\npement durable");
        assert_eq!(l.chunks[0].text.as_str(), "le développement durable");
    }

    #[test]
    fn real_hyphens_stay() {
        let l =
            layout("coopération Sud-\nSud et la COVID-\n19 et les alliances public-\nprivé ici");
        assert_eq!(
            l.chunks[0].text.as_str(),
            "coopération Sud-Sud et la COVID-19 et les alliances public-privé ici"
        );
    }

    #[test]
    fn links_and_ranges_cut_at_a_line_end_join_whole() {
        let l = layout("voir www.ilo.org/gb/\nGB338/index.htm (OMS/\nUNICEF) en 2020-\n2022 ici");
        assert_eq!(
            l.chunks[0].text.as_str(),
            "voir www.ilo.org/gb/GB338/index.htm (OMS/UNICEF) en 2020-2022 ici"
        );
    }

    #[test]
    fn an_item_label_after_a_clause_end_opens_a_chunk() {
        let full = "Critique and recommendations on the annual report on evaluation 2013;";
        let l = layout(&format!(
            "{full}\n(d) Decides to redesignate the Technical Committee;"
        ));
        assert_eq!(l.chunks.len(), 2);
        // An enumeration run inline carries on past a label at a line start.
        let l = layout(
            "Notes: (a) In country teams; (b) National policy; (c) Environment audit;\n\
             (d) Lack of participation in the country team process.",
        );
        assert_eq!(l.chunks.len(), 1);
        let l = layout(
            "régionales ; b) meilleure coordination ; ¢) partenariats régionaux ; d) soutien de\n\
             tous les acteurs aux initiatives en matière de collecte d’information et de données ;\n\
             e) facilitation de la reproduction des solutions",
        );
        assert_eq!(l.chunks.len(), 1);
    }

    #[test]
    fn hyphen_with_a_space_before_it() {
        let l = layout("une action col -\nlective");
        assert_eq!(l.chunks[0].text.as_str(), "une action collective");
    }

    #[test]
    fn the_document_own_spelling_decides() {
        let l = layout("la région Asie-Pacifique et\nla région Asie-\nPacifique; le multi-\nacteurs et multi-acteurs");
        assert!(l.chunks[0].text.as_str().contains("le multi-acteurs"));
    }

    #[test]
    fn blank_lines_separate_chunks_and_lines_join_with_a_space() {
        let l = layout("un deux\ntrois\n\nquatre");
        let texts: Vec<_> = l.chunks.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, vec!["un deux trois", "quatre"]);
    }

    #[test]
    fn short_sentence_end_then_capital_starts_a_new_chunk() {
        let long = "x".repeat(90);
        let text = format!("{long}\n{long}\nfin du paragraphe.\nLe suivant commence ici.\n");
        let l = layout(&text);
        assert_eq!(l.chunks.len(), 2);
    }

    /// Texts of the chunks of `lines`, between paragraphs of 90-character lines.
    fn chunk_texts(lines: &[&str]) -> Vec<String> {
        let long = "x".repeat(90);
        let text = format!("{long}\n{long}.\n\n{}\n\n{long}\n", lines.join("\n"));
        let l = layout(&text);
        let texts = l.chunks.iter().map(|c| c.text.as_str().to_string());
        texts.skip(1).take(l.chunks.len() - 2).collect()
    }

    #[test]
    fn a_heading_without_a_blank_line_ends_before_the_prose() {
        let prose =
            "Le Conseil a examiné la question à sa séance du 3 mars et a adopté une décision ici";
        let texts = chunk_texts(&["I. Questions de fond", prose]);
        assert_eq!(texts, ["I. Questions de fond", prose]);
    }

    #[test]
    fn a_heading_numeral_after_a_heading_opens_the_next_one_however_wide_the_line() {
        // The chapter title runs to 95% of the body's width.
        let chapter = format!(
            "I. {}",
            "Actividades de los institutos ".repeat(3).trim_end()
        );
        let section = "A. Aprobado por la 131ª Asamblea de la Unión Interparlamentaria";
        assert_eq!(
            chunk_texts(&[&chapter, section]),
            [chapter.as_str(), section]
        );
        // A title cut on a function word goes on.
        let cut = format!(
            "I. {} de",
            "Actividades de los institutos ".repeat(3).trim_end()
        );
        assert_eq!(chunk_texts(&[&cut, "B. Bolivia"]).len(), 1);
    }

    #[test]
    fn a_heading_numeral_after_a_short_line_opens_the_next_heading() {
        // No blank line between a chapter heading and its first section's.
        assert_eq!(
            chunk_texts(&["L Introducción", "A. Sudáfrica: proyecto de resolución"]),
            ["L Introducción", "A. Sudáfrica: proyecto de resolución"]
        );
        // A name wrapped on a short line still goes on.
        assert_eq!(
            chunk_texts(&["Programme des Nations", "Unies pour le développement"]),
            ["Programme des Nations Unies pour le développement"]
        );
    }

    #[test]
    fn a_clause_ending_with_a_comma_ends_a_printed_paragraph() {
        let texts = chunk_texts(&["Rappelant sa résolution 74/1,", "Notant avec satisfaction"]);
        assert_eq!(
            texts,
            ["Rappelant sa résolution 74/1,", "Notant avec satisfaction"]
        );
    }

    #[test]
    fn wrapped_names_function_words_and_hyphens_hold_lines_together() {
        for lines in [
            &[
                "A. Mesures prises par le système des Nations",
                "Unies pour le développement",
            ][..],
            &[
                "en application de la résolution 74/239 de",
                "I’Assemblée générale",
            ],
            &["le renforcement du dévelop-", "Pement durable"],
            &[
                "Accélération des efforts menés par le système des Nations",
                "Unies pour le développement en faveur de la coopération",
                "Sud-Sud et de la coopération triangulaire",
            ],
        ] {
            assert_eq!(chunk_texts(lines).len(), 1, "{lines:?}");
        }
    }

    #[test]
    fn a_paragraph_number_after_a_full_sentence_line_opens_a_paragraph() {
        let line =
            "Le Bureau a publié 191 rapports concernant les opérations de maintien de la paix.";
        let texts = chunk_texts(&[line, "4. La figure III montre depuis combien de mois"]);
        assert_eq!(texts.len(), 2, "{texts:?}");
    }

    #[test]
    fn notes_printed_under_the_body_without_a_blank_line_are_chunks_of_their_own() {
        let body =
            "Le texte du corps qui occupe toute la largeur de la ligne et qui continue en-\n"
                .repeat(6);
        let text = format!(
            "{body}1 Documents officiels de l’Assemblée générale, soixante-dixième session, Supplément n° 8\n(E/C.12/2017/1).\n2 Voir A/69/585.\n\u{c}suite du texte."
        );
        let l = layout(&text);
        let zones: Vec<_> = l.chunks.iter().map(|c| (c.lines.len(), c.zone)).collect();
        assert_eq!(
            zones,
            [
                (6, Zone::Body),
                (2, Zone::Footnotes),
                (1, Zone::Footnotes),
                (1, Zone::Body)
            ]
        );
    }

    #[test]
    fn margin_specks_do_not_hide_how_a_line_starts_or_ends() {
        for (printed, seen) in [
            (
                ": - . oe 12. Le Conseil a décidé. oo",
                "12. Le Conseil a décidé.",
            ),
            (
                "a _ Pays mais l’autonomisation",
                "a _ Pays mais l’autonomisation",
            ),
            ("une action col -", "une action col -"),
            ("« Le texte » _ |", "« Le texte »"),
        ] {
            let pages = paginate(printed);
            assert_eq!(core(printed, &pages.lines[0]), seen, "{printed}");
        }
    }

    #[test]
    fn the_masthead_end_starts_a_chunk() {
        let text = "Rapport du Secrétaire général\nRésumé\nLe texte suit ici.";
        let l = lay_out(text, &paginate(text), 1, None);
        assert_eq!(l.chunks[0].lines, vec![0]);
    }

    #[test]
    fn the_next_paragraph_number_opens_a_chunk_however_the_line_before_ends() {
        let full =
            "Le texte du corps qui occupe toute la largeur de la ligne et qui continue encore";
        let starts = |text: &str| -> Vec<String> {
            layout(text)
                .chunks
                .iter()
                .map(|c| c.text.as_str().chars().take(3).collect())
                .collect()
        };
        // After a heading run on, a speck, a clause: 1 and then 2 open paragraphs.
        assert_eq!(
            starts(&format!(
                "A. Otras cuestiones\n1. {full}\nfin,\n2. {full} ici , a\n3. {full}"
            )),
            ["A. ", "1. ", "2. ", "3. "]
        );
        // Out of sequence, the number is the text's.
        assert_eq!(starts(&format!("4. {full},\n7. {full}")), ["4. "]);
        // A number that lost its point opens a paragraph after a sentence end only.
        assert_eq!(
            starts(&format!("2. {full}.\n3 Le {full}\n4 Le {full}\n{full}")),
            ["2. ", "3 L"]
        );
    }

    #[test]
    fn a_chunk_far_longer_than_the_document_s_is_split_at_its_sentence_ends() {
        let full =
            "Le texte du corps qui occupe toute la largeur de la ligne et qui continue encore";
        // Short paragraphs of three lines, then one run of 16 lines whose paragraph ends
        // the margin specks hid: its lines that end a sentence a little short of the
        // margin, before a capital, part it.
        let short = format!("{full}\n{full}\nfin.\n\n").repeat(4);
        let near_full = "Le texte du corps qui occupe la largeur de la ligne et qui finit ici.";
        let run = format!("{full}\n{full}\n{full}\n{near_full}\n").repeat(4);
        let chunks = layout(&format!("{short}{run}")).chunks;
        assert_eq!(
            chunks.len(),
            4 + 4,
            "{:?}",
            chunks.iter().map(|c| c.lines.len()).collect::<Vec<_>>()
        );
        // In a document of long paragraphs the same run is one paragraph.
        let chunks = layout(&run).chunks;
        assert_eq!(chunks.len(), 1);
    }

    #[test]
    fn an_item_after_a_short_line_ending_with_a_semicolon_starts_a_chunk() {
        let long = "x".repeat(90);
        let text = format!(
            "{long}\na) todavia existen problemas;\nb) hemos recorrido un largo camino; y\n"
        );
        let l = layout(&text);
        assert_eq!(l.chunks.len(), 2);
        assert!(l.chunks[1].text.as_str().starts_with("b) hemos"));
    }

    #[test]
    fn notes_at_the_foot_of_a_page_form_its_footnote_zone() {
        let body = "Le texte du corps qui occupe toute la largeur de la ligne et qui continue encore un peu.\n".repeat(6);
        let text = format!("Titre\n\n{body}\n5 Voir http://example.org/.\n\u{c}{body}");
        let l = layout(&text);
        let zones: Vec<_> = l.chunks.iter().map(|c| c.zone).collect();
        assert_eq!(
            zones,
            vec![Zone::Body, Zone::Body, Zone::Footnotes, Zone::Body]
        );
    }

    #[test]
    fn a_paragraph_in_the_body_font_is_no_note_whatever_it_opens_with() {
        let line = "Le texte du corps qui occupe toute la largeur de la ligne et qui continue encore un peu.\n";
        let body = line.repeat(6);
        // `1 En…`: a paragraph whose point the OCR lost, at the page foot.
        let text = format!("Titre\n\n{body}\n1 {}\n\u{c}{body}", line.repeat(3));
        let zones: Vec<_> = layout(&text).chunks.iter().map(|c| c.zone).collect();
        assert_eq!(zones, vec![Zone::Body; 4]);
        // Behind a note that opens a zone, a paragraph in the body font before the
        // page's last chunk ends the claim; the page's last note may be as wide.
        let note = "5 Voir http://example.org/.\n";
        let text = format!(
            "Titre\n\n{body}\n{note}\n{}\nVoir A/64/350.\n\u{c}{body}",
            line.repeat(3)
        );
        let zones: Vec<_> = layout(&text).chunks.iter().map(|c| c.zone).collect();
        assert_eq!(zones[2..4], [Zone::Body, Zone::Body], "{zones:?}");
        let text = format!("Titre\n\n{body}\n{note}\n{}\u{c}{body}", line.repeat(3));
        let zones: Vec<_> = layout(&text).chunks.iter().map(|c| c.zone).collect();
        assert_eq!(zones[2..4], [Zone::Footnotes, Zone::Footnotes], "{zones:?}");
    }

    #[test]
    fn a_numbered_paragraph_a_little_wide_claims_no_page_foot() {
        let line = "Le texte du corps qui occupe toute la largeur de la ligne et qui continue encore un peu.\n";
        let body = line.repeat(6);
        // Its hyphenated first line runs past the body's: it is still paragraph 6.
        let text = format!(
            "Titre\n\n{body}\n6. Le texte du corps qui occupe toute la largeur de la ligne et qui continue encore un peu plus dé-\nveloppe\n\n4 Voir A/64/350.\n\u{c}{body}"
        );
        let zones: Vec<_> = layout(&text).chunks.iter().map(|c| c.zone).collect();
        assert_eq!(zones[2..4], [Zone::Body, Zone::Footnotes], "{zones:?}");
    }

    #[test]
    fn scanner_streaks_under_the_notes_do_not_break_their_zone() {
        let body = "Le texte du corps qui occupe toute la largeur de la ligne et qui continue encore un peu.\n".repeat(6);
        let text = format!("Titre\n\n{body}\nVoir A/64/350.\n\nVoir la résolution 70/1.\n\nSR HY PR wR\n\u{c}{body}");
        let l = layout(&text);
        let zones: Vec<_> = l.chunks.iter().map(|c| (c.zone, c.noise)).collect();
        let (body, note) = ((Zone::Body, false), (Zone::Footnotes, false));
        assert_eq!(
            zones,
            vec![body, body, note, note, (Zone::Footnotes, true), body]
        );
    }

    #[test]
    fn mangled_note_numbers_open_notes() {
        for start in [
            "© ‘The International Day",
            "™ Adopted as",
            "%2 Voir www",
            "4 -Véase la",
            "-Véase la",
            "* Le rapport",
        ] {
            assert!(NOTE_START.is_match(start), "{start}");
        }
        for body in ["“See also the text", "12. En préparation", "Le texte"] {
            assert!(!NOTE_START.is_match(body), "{body}");
        }
    }

    #[test]
    fn a_note_carried_over_opens_the_next_page_zone() {
        let body = "Le texte du corps qui occupe toute la largeur de la ligne et qui continue encore un peu.\n".repeat(6);
        let wide = "suite de la note sur une ligne plus large que celles du corps du texte, en petits caracteres ici";
        let text = format!(
            "Titre\n\n{body}\n5 Voir une note qui commence sur cette page et continue\n\u{c}{wide}\n{wide}.\n\n™ Adopted as resolution 72/72.\n\n© ‘The International Day was observed.\n"
        );
        let l = layout(&text);
        let zones: Vec<_> = l.chunks.iter().map(|c| c.zone).collect();
        assert_eq!(
            zones[zones.len() - 3..],
            [Zone::Footnotes, Zone::Footnotes, Zone::Footnotes]
        );
    }
}
