//! Footnote references. Superscript note calls come out of OCR as glyphs glued to a
//! word (`l’OMS®`, `(CEPALC)?`, `santé »*2`, `Bureau®!`, `weapons’ in`, `nacional.?`).
//! Every such glyph run is a candidate, scored by the log-odds that it is a call: the
//! share of calls among the candidates of its cell (its first glyph, the character it
//! is glued to, what follows) that `dictionaries/note_calls.py` counted on the
//! factory's train split, smoothed toward coarser classes. Fixed rules rule out what
//! no count should decide: an elision (`l’ Assemblée`), the numero sign (`n° 2`), a
//! quotation mark that closes a quotation, a question mark that ends a question.
//! Calls come in the order of their notes, and a call stands on the page of its note
//! (or the page before), so the candidates are aligned with the footnotes by dynamic
//! programming: the increasing assignment with the best total score wins. Chosen
//! calls are cut out of the text and recorded with their offset.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{BlockDraft, FootnoteDraft, NoteDraft, NoteNumber};
use crate::diagnostics::WarningCode;
use crate::diagnostics::WarningDraft;
use crate::lexicon::Lexicon;

/// A glyph run glued to the end of a word, a closing bracket or quote.
static CALL: LazyLock<Regex> = LazyLock::new(|| {
    let glyphs = crate::scan::superscript::AFTER_A_WORD;
    Regex::new(&format!(
        r#"[\p{{L}}\p{{N}})\]»”"’'%.,;:]({glyphs}{{1,3}}\d{{0,2}}|\d{{1,2}})(?:[\s.,;:)»”]|$)"#
    ))
    .unwrap()
});

#[derive(Debug, Clone)]
/// A glyph run that may be a note call: found once per report, before the footnotes
/// are read (they count the sure ones) and linked after. The blocks' text must not
/// change in between: the ranges point into it.
pub struct Candidate {
    block: usize,
    /// Byte range of the glyphs in the block's text.
    range: std::ops::Range<usize>,
    /// Input offset of the glyphs.
    source: usize,
    score: f64,
}

pub fn link(
    candidates: &[Candidate],
    blocks: &mut [BlockDraft],
    footnotes: &[FootnoteDraft],
    warnings: &mut Vec<WarningDraft>,
) {
    let numbered: Vec<&FootnoteDraft> = footnotes
        .iter()
        .filter(|f| f.number != NoteNumber::Star)
        .collect();
    let windows = windows(&numbered, footnotes);
    let chosen = align(candidates, &windows);
    let mut per_block: Vec<Vec<(usize, &FootnoteDraft)>> = vec![Vec::new(); blocks.len()];
    for (note, cand) in chosen.iter().enumerate() {
        match cand {
            Some(c) => per_block[candidates[*c].block].push((*c, numbered[note])),
            None => {
                let at = numbered[note].text.source_at(0);
                warnings.push(WarningDraft {
                    code: WarningCode::FootnoteReferenceNotFound,
                    message: format!(
                        "no call found in the text for footnote {}",
                        numbered[note].number
                    ),
                    source: Some(at..at),
                });
            }
        }
    }
    for (b, calls) in per_block.into_iter().enumerate() {
        cut_calls(
            &mut blocks[b],
            calls.iter().map(|&(c, f)| (&candidates[c], f)).collect(),
        );
    }
}

/// Input offsets of the candidates more likely calls than not, in order: what the
/// footnote reader counts against the notes of each zone (on train, counting those
/// above even odds splits the most run-together notes right; a stricter count splits
/// fewer).
pub fn sure_calls(candidates: &[Candidate]) -> Vec<usize> {
    candidates
        .iter()
        .filter(|c| c.score > FOUND)
        .map(|c| c.source)
        .collect()
}

/// Remove the chosen calls from a block's text and record them as notes.
fn cut_calls(block: &mut BlockDraft, mut calls: Vec<(&Candidate, &FootnoteDraft)>) {
    calls.sort_by_key(|(c, _)| c.range.start);
    let mut removed_before = 0;
    let mut notes = Vec::new();
    let mut cut_at = Vec::new();
    for (c, f) in &calls {
        cut_at.push(c.range.start - removed_before);
        notes.push(NoteDraft {
            number: f.number,
            mark: 0,
            marker: block.text.as_str()[c.range.clone()].to_owned(),
            source: block.text.source_range(c.range.clone()),
        });
        removed_before += c.range.len();
    }
    for (c, _) in calls.iter().rev() {
        block.text.replace(c.range.clone(), "");
    }
    // Marked once the text is final, so that word repairs keep each call in place.
    for (note, at) in notes.iter_mut().zip(cut_at) {
        note.mark = block.text.mark(at);
    }
    block.notes = notes;
}

/// Every call candidate of the blocks, in input order.
pub fn candidates(blocks: &[BlockDraft], lexicon: Option<&Lexicon>) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let text = block.text.as_str();
        let mut at = 0;
        while let Some(m) = CALL.captures_at(text, at) {
            let g = m.get(1).unwrap();
            let score = call_score(text, g.start(), g.as_str(), lexicon);
            // A rejected run may hide a call after its first character (`2020-22”`:
            // the digit `2` is no call, `”` is): search again from inside it.
            at = if score > 0.0 { g.end() } else { g.start() };
            if score > 0.0 {
                out.push(Candidate {
                    block: b,
                    range: g.range(),
                    source: block.text.source_at(g.start()),
                    score,
                });
            }
        }
    }
    out.sort_by_key(|c| c.source);
    out
}

/// How surely the glyphs at `at` are a note call: the log-odds that they are one, as
/// the note-call table says of their classes, plus [`FOUND`]; 0 or less when they
/// cannot be or are less likely a call than not.
fn call_score(text: &str, at: usize, glyphs: &str, lexicon: Option<&Lexicon>) -> f64 {
    let after = &text[at + glyphs.len()..];
    // An apostrophe after a one-letter word elides it (`l’ Assemblée`, `d’`, `1’ ONU`).
    if glyphs.starts_with(['’', '\'']) && crate::scan::elision_before(text, at) {
        return 0.0;
    }
    // `n° 2`, `N® 30822`: the numero sign, not a call.
    let word_before = text[..at]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if matches!(word_before, "n" | "N" | "no" | "No")
        && after.trim_start().starts_with(|c: char| c.is_ascii_digit())
    {
        return 0.0;
    }
    let mut chars = glyphs.chars();
    let (first, single) = (chars.next().unwrap_or(' '), chars.next().is_none());
    if single && crate::scan::closes_a_quote(&text[..at], first) {
        return 0.0;
    }
    // A question mark after a word and before a capital or at the end ends a question,
    // unless the words before stop mid-phrase (`Secretario General Adjunto de?
    // Asuntos`): the factory's sentences hold few questions, so its counts do not say
    // this. (After a full stop, `nacional.? Para`, it is a call.)
    let ends_or_capital = after.trim().is_empty()
        || after.starts_with(' ') && after.trim_start().starts_with(char::is_uppercase);
    if glyphs == "?"
        && text[..at].ends_with(char::is_alphabetic)
        && ends_or_capital
        && !crate::scan::stops_mid_phrase(&text[..at])
    {
        return 0.0;
    }
    if glyphs.chars().all(|c| c.is_ascii_digit()) {
        // Plain digits are a call only glued to a lower-case word (`mondial6`):
        // after digits they are a number (`2022-2025`), after capitals a name (`ODS6`, `G20`).
        // The factory's OCR never prints a call so, real scans do (the seed report):
        // the table has no counts for them, and such a call is taken when no likelier one
        // is in its window.
        let word_is_lower =
            word_before.chars().count() >= 3 && word_before.chars().all(|c| c.is_lowercase());
        // A word the dictionary rejects as written lost a letter to the digit
        // (`coordin6` for `coordinó`, `result6`): the repair stage's, not a call.
        let word_is_whole = lexicon.is_none_or(|l| l.is_spelled_right(word_before));
        return if word_is_lower && word_is_whole {
            DIGIT_CALL
        } else {
            0.0
        };
    }
    // The factory's OCR never prints `%` for a call after a year, real scans do (the
    // seed report's `avril 2021%`): the table's `%` (percentages, after other digits)
    // says nothing of it, so an even chance, as for plain digits.
    if glyphs == "%" && after_year(text, at) {
        return DIGIT_CALL;
    }
    let cell = Cell {
        run: GlyphRun {
            first: Glyph::of(first),
            single,
        },
        before: Before::of(text, at),
        after: After::of(after),
    };
    let p = CALL_TABLE.probability(cell);
    (p / (1.0 - p)).ln() + FOUND
}

/// What taking a candidate as its note's call gains over leaving the note uncalled,
/// besides the candidate's own log-odds: most notes have a call the OCR kept, so a
/// candidate less likely a call than not is still taken where its note has no likelier
/// one (fitted on train: note references rise up to 2 and stay flat beyond).
const FOUND: f64 = 2.0;

/// The score of plain digits glued to a lower-case word (`mondial6`) and of `%` after a
/// year: an even chance, taken where no likelier call stands in the note's window,
/// never counted as sure.
const DIGIT_CALL: f64 = FOUND;

/// The first glyph of a candidate run, by class: the classes of
/// `dictionaries/note_calls.py`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Glyph {
    /// ® © ™
    Registered,
    /// °
    Degree,
    /// ’ '
    Apostrophe,
    /// ‘
    OpeningSingle,
    /// ” "
    ClosingDouble,
    /// “
    OpeningDouble,
    /// !
    Exclamation,
    /// ?
    Question,
    /// *
    Star,
    /// %
    Percent,
    /// Z
    Z,
    /// A superscript digit.
    Superscript,
}

impl Glyph {
    const NAMES: [(&'static str, Glyph); 12] = [
        ("R", Glyph::Registered),
        ("deg", Glyph::Degree),
        ("apos", Glyph::Apostrophe),
        ("lsq", Glyph::OpeningSingle),
        ("dq", Glyph::ClosingDouble),
        ("ldq", Glyph::OpeningDouble),
        ("bang", Glyph::Exclamation),
        ("q", Glyph::Question),
        ("star", Glyph::Star),
        ("pct", Glyph::Percent),
        ("Z", Glyph::Z),
        ("sup", Glyph::Superscript),
    ];

    fn of(c: char) -> Glyph {
        match c {
            '®' | '©' | '™' => Glyph::Registered,
            '°' => Glyph::Degree,
            '’' | '\'' => Glyph::Apostrophe,
            '‘' => Glyph::OpeningSingle,
            '”' | '"' => Glyph::ClosingDouble,
            '“' => Glyph::OpeningDouble,
            '!' => Glyph::Exclamation,
            '?' => Glyph::Question,
            '*' => Glyph::Star,
            '%' => Glyph::Percent,
            'Z' => Glyph::Z,
            _ => Glyph::Superscript,
        }
    }
}

/// A candidate's glyph run: its first glyph and whether it is alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphRun {
    first: Glyph,
    single: bool,
}

impl GlyphRun {
    fn parse(name: &str) -> Option<GlyphRun> {
        let (first, single) = match name.strip_suffix('+') {
            Some(first) => (first, false),
            None => (name, true),
        };
        Some(GlyphRun {
            first: named(&Glyph::NAMES, first)?,
            single,
        })
    }
}

/// The character a candidate is glued to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Before {
    /// `s`, which ends plurals, and English possessives (`countries’ jurisdiction`).
    S,
    /// Any other lower-case letter.
    Lower,
    Upper,
    Digit,
    /// The last digit of a year, 19xx or 20xx (`2021%`).
    Year,
    /// ) ]
    Close,
    /// » ” " ’ '
    Quote,
    /// . ; :
    Stop,
    /// ,
    Comma,
    Other,
}

impl Before {
    const NAMES: [(&'static str, Before); 10] = [
        ("s", Before::S),
        ("lower", Before::Lower),
        ("upper", Before::Upper),
        ("digit", Before::Digit),
        ("year", Before::Year),
        ("close", Before::Close),
        ("quote", Before::Quote),
        ("stop", Before::Stop),
        ("comma", Before::Comma),
        ("other", Before::Other),
    ];

    fn of(text: &str, at: usize) -> Before {
        match text[..at].chars().next_back().unwrap_or(' ') {
            c if c.is_ascii_digit() && after_year(text, at) => Before::Year,
            c if c.is_ascii_digit() => Before::Digit,
            's' => Before::S,
            c if c.is_lowercase() => Before::Lower,
            c if c.is_uppercase() => Before::Upper,
            ')' | ']' => Before::Close,
            '»' | '”' | '"' | '’' | '\'' => Before::Quote,
            '.' | ';' | ':' => Before::Stop,
            ',' => Before::Comma,
            _ => Before::Other,
        }
    }
}

/// What follows a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum After {
    /// A space, then a lower-case letter.
    Lower,
    /// A space, then a capital.
    Upper,
    /// A space, then a digit.
    Digit,
    /// A space, then an opening bracket.
    Paren,
    /// A space, then anything else.
    Other,
    /// . , ; :
    Punctuation,
    /// ) » ”
    Close,
    /// The end of the block.
    End,
}

impl After {
    const NAMES: [(&'static str, After); 8] = [
        ("lower", After::Lower),
        ("upper", After::Upper),
        ("digit", After::Digit),
        ("paren", After::Paren),
        ("other", After::Other),
        ("punct", After::Punctuation),
        ("close", After::Close),
        ("end", After::End),
    ];

    fn of(after: &str) -> After {
        let Some(c) = after.chars().next() else {
            return After::End;
        };
        if c.is_whitespace() {
            return match after.trim_start().chars().next() {
                None => After::End,
                Some(d) if d.is_lowercase() => After::Lower,
                Some(d) if d.is_uppercase() => After::Upper,
                Some(d) if d.is_ascii_digit() => After::Digit,
                Some('(') => After::Paren,
                Some(_) => After::Other,
            };
        }
        if ".,;:".contains(c) {
            After::Punctuation
        } else {
            After::Close
        }
    }
}

/// The class the table names `name`.
fn named<T: Copy>(names: &[(&str, T)], name: &str) -> Option<T> {
    names
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, class)| class)
}

/// The classes of one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Cell {
    run: GlyphRun,
    before: Before,
    after: After,
}

/// `glyph<TAB>before<TAB>after<TAB>calls<TAB>candidates` per cell, after a `#` header:
/// how many candidates of each cell were calls on the factory's train split (in all
/// languages: counted per language, the cells were too thin to help).
const CALL_COUNTS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../dictionaries/note-calls.tsv"
));

/// How many candidates of a coarser class a cell's estimate weighs as: a cell seen a
/// few times leans on its glyph and the character before (fitted on train, held-out
/// likelihood flat between 4 and 8).
const SMOOTHING: f64 = 4.0;

static CALL_TABLE: LazyLock<CallTable> = LazyLock::new(|| CallTable::parse(CALL_COUNTS));

/// Counts of calls and candidates per cell and per coarser class.
struct CallTable {
    cells: HashMap<Cell, (f64, f64)>,
    runs_before: HashMap<(GlyphRun, Before), (f64, f64)>,
    runs: HashMap<GlyphRun, (f64, f64)>,
    all: (f64, f64),
}

impl CallTable {
    fn parse(table: &str) -> CallTable {
        let mut out = CallTable {
            cells: HashMap::new(),
            runs_before: HashMap::new(),
            runs: HashMap::new(),
            all: (0.0, 0.0),
        };
        let add = |to: &mut (f64, f64), calls: f64, seen: f64| {
            to.0 += calls;
            to.1 += seen;
        };
        for line in table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let bad = || panic!("dictionaries/note-calls.tsv: bad line {line:?}");
            let fields: Vec<&str> = line.split('\t').collect();
            let [run, before, after, calls, seen] = fields[..] else {
                bad()
            };
            let (Some(run), Some(before), Some(after), Ok(calls), Ok(seen)) = (
                GlyphRun::parse(run),
                named(&Before::NAMES, before),
                named(&After::NAMES, after),
                calls.parse::<f64>(),
                seen.parse::<f64>(),
            ) else {
                bad()
            };
            let cell = Cell { run, before, after };
            add(out.cells.entry(cell).or_default(), calls, seen);
            add(
                out.runs_before.entry((run, before)).or_default(),
                calls,
                seen,
            );
            add(out.runs.entry(run).or_default(), calls, seen);
            add(&mut out.all, calls, seen);
        }
        out
    }

    /// The probability that a candidate of `cell` is a call: each class's share,
    /// smoothed toward the coarser class's.
    fn probability(&self, cell: Cell) -> f64 {
        let lean = |counts: Option<&(f64, f64)>, prior: f64| {
            let (calls, seen) = counts.copied().unwrap_or((0.0, 0.0));
            (calls + SMOOTHING * prior) / (seen + SMOOTHING)
        };
        let all = (self.all.0 + 1.0) / (self.all.1 + 2.0);
        let run = lean(self.runs.get(&cell.run), all);
        let run_before = lean(self.runs_before.get(&(cell.run, cell.before)), run);
        lean(self.cells.get(&cell), run_before)
    }
}

/// Whether the digits before `at` are a year (19xx, 20xx).
fn after_year(text: &str, at: usize) -> bool {
    let digits = text[..at]
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap_or("");
    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
}

/// For each numbered footnote, the input range where its call may stand: after the
/// footnote zone two zones before it, before its own zone.
fn windows(numbered: &[&FootnoteDraft], all: &[FootnoteDraft]) -> Vec<std::ops::Range<usize>> {
    // Zones: runs of footnotes on one page.
    let zone_start = |f: &FootnoteDraft| f.text.source_at(0);
    let mut zones: Vec<(u32, usize)> = Vec::new(); // (page, start of zone)
    for f in all {
        if zones.last().is_none_or(|z| z.0 != f.page) {
            zones.push((f.page, zone_start(f)));
        }
    }
    numbered
        .iter()
        .map(|f| {
            let z = zones.iter().rposition(|z| z.0 == f.page).unwrap_or(0);
            let lower = if z >= 1 { zones[z - 1].1 } else { 0 };
            lower..zones[z].1
        })
        .collect()
}

/// The increasing assignment of candidates to notes with the best total score
/// (each note at most one candidate inside its window).
fn align(candidates: &[Candidate], windows: &[std::ops::Range<usize>]) -> Vec<Option<usize>> {
    struct Node {
        note: usize,
        candidate: usize,
        prev: Option<usize>,
    }
    let mut nodes: Vec<Node> = Vec::new();
    // best[c]: best score of a chain ending at candidate c, and its node.
    let mut best: Vec<Option<(f64, usize)>> = vec![None; candidates.len()];
    for (note, window) in windows.iter().enumerate() {
        let mut prefix: (f64, Option<usize>) = (0.0, None);
        let mut updates = Vec::new();
        for (c, cand) in candidates.iter().enumerate() {
            if window.contains(&cand.source) {
                updates.push((c, prefix.0 + cand.score, prefix.1));
            }
            if let Some((s, n)) = best[c] {
                if s > prefix.0 {
                    prefix = (s, Some(n));
                }
            }
        }
        for (c, score, prev) in updates {
            if best[c].is_none_or(|(s, _)| score > s) {
                nodes.push(Node {
                    note,
                    candidate: c,
                    prev,
                });
                best[c] = Some((score, nodes.len() - 1));
            }
        }
    }
    let mut out = vec![None; windows.len()];
    let top = best
        .iter()
        .flatten()
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|&(_, n)| n);
    let mut node = top;
    while let Some(n) = node {
        out[nodes[n].note] = Some(nodes[n].candidate);
        node = nodes[n].prev;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracked::Tracked;

    fn score(text: &str, glyphs: &str) -> f64 {
        call_score(text, text.find(glyphs).unwrap(), glyphs, None)
    }

    #[test]
    fn a_digit_for_a_letter_is_no_call() {
        let es = crate::language::Language::of(crate::language::Lang::Es).lexicon;
        let score = |text: &str, glyphs: &str| {
            call_score(text, text.find(glyphs).unwrap(), glyphs, Some(es))
        };
        assert_eq!(score("el Comité coordin6 la", "6"), 0.0);
        assert_eq!(score("un programa mundial6 de", "6"), DIGIT_CALL);
    }

    /// A call: likelier a call than not (what the footnote reader counts as sure).
    fn is_call(text: &str, glyphs: &str) -> bool {
        score(text, glyphs) > FOUND
    }

    /// No call: never taken, whatever the notes.
    fn is_no_call(text: &str, glyphs: &str) -> bool {
        score(text, glyphs) <= 0.0
    }

    #[test]
    fn calls_and_punctuation() {
        assert!(is_call("de l’OMS® pour", "®"));
        assert!(is_call("(CEPALC)? et la", "?"));
        assert!(is_call("des ressources nationales,’ cuando", "’"));
        assert!(is_call("del Código Penal nacional.? Para", "?"));
        assert!(
            is_call("por Daños Nucleares;' y el Protocolo", "'"),
            "after a semicolon"
        );
        assert_eq!(
            score("avril 2021%, les", "%"),
            DIGIT_CALL,
            "a call after a year"
        );
        assert!(is_call("las Naciones Unidas‘, puse", "‘"));
        assert!(is_call("desarrollo sostenible™*.", "™*"));
        assert!(is_no_call("dont 80% de la", "%"), "a percentage");
        assert!(is_no_call("durable n® 2, le", "®"), "the numero sign");
        assert!(is_no_call("des “oceans” sont", "”"), "a closing quote");
        assert!(is_no_call("de l’ Assemblée", "’"), "an elision");
        assert!(is_no_call("en su 52° período", "°"), "an ordinal");
        assert!(
            is_no_call("sostenible 6 (ODS6) en", "6"),
            "a digit in a name"
        );
    }

    #[test]
    fn a_question_mark_ends_a_question_unless_the_phrase_goes_on() {
        assert!(
            is_no_call("internationales? C’est", "?"),
            "before a capital"
        );
        assert!(is_no_call("de una vez por todas?", "?"), "ending the text");
        assert!(
            is_call("Secretario General Adjunto de? Asuntos", "?"),
            "in a name"
        );
    }

    #[test]
    fn an_english_possessive_is_less_likely_a_call() {
        let possessive = score("the limits of countries’ jurisdiction", "’");
        assert!(possessive < score("the limits of country’ jurisdiction", "’"));
    }

    #[test]
    fn every_cell_of_the_table_is_read() {
        let cells = CALL_COUNTS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .count();
        assert!(cells > 100, "the table holds {cells} cells");
        assert_eq!(CALL_TABLE.cells.len(), cells, "a cell named twice");
        assert!(
            CALL_TABLE.all.0 > 1000.0,
            "calls counted: {}",
            CALL_TABLE.all.0
        );
    }

    #[test]
    fn a_call_after_digits_is_found() {
        let text = "plan stratégique pour 2020-22”. Ces risques";
        let found: Vec<_> = CALL.captures_iter(text).map(|c| c[1].to_owned()).collect();
        assert_eq!(found, vec!["2"], "the first match is the digit");
        let mut block = Tracked::new();
        block.push_input(text, 0..text.len());
        let draft = BlockDraft {
            kind: crate::document::BlockKind::Paragraph { number: None },
            text: block,
            page: 1,
            chunks: vec![],
            openings: vec![],
            notes: vec![],
        };
        let c = candidates(&[draft], None);
        assert_eq!(c.len(), 1);
        assert_eq!(&text[c[0].range.clone()], "”");
    }

    #[test]
    fn alignment_is_increasing_and_respects_windows() {
        let cand = |source, score| Candidate {
            block: 0,
            range: 0..1,
            source,
            score,
        };
        let candidates = vec![cand(10, 3.0), cand(20, 0.5), cand(30, 3.0), cand(40, 3.0)];
        // Note 1 may be called before 25, note 2 before 35, note 3 before 50.
        let windows = vec![0..25, 0..35, 0..50];
        assert_eq!(
            align(&candidates, &windows),
            vec![Some(0), Some(2), Some(3)]
        );
        // A note with no candidate in its window gets none; the others still align.
        let windows = vec![0..5, 25..35, 0..50];
        assert_eq!(align(&candidates, &windows), vec![None, Some(2), Some(3)]);
    }
}
