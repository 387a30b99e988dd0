//! Paragraph numbers: paragraphs run 1, 2, 3… through a report. The numbers the OCR
//! printed are anchors; between two anchors the paragraphs are counted, and a
//! paragraph that has no number of its own gets the one the count gives it. When
//! there are more unnumbered chunks than numbers between two anchors, the extra ones
//! that open a page are continuations of the paragraph before (cut at a sentence end
//! by the page break). A clause that ends with a comma (a preamble's `Recalling …,`,
//! an enumeration's) is never given a number by the count: only a printed one.

use super::{Unit, UnitKind};
use crate::diagnostics::WarningCode;
use crate::diagnostics::WarningDraft;
use crate::layout::{Chunk, Joiner};
use std::ops::Range;

/// Settle the number of every paragraph unit, and the parent of every item.
pub fn number_paragraphs(
    units: &mut Vec<Unit>,
    chunks: &[Chunk],
    joiner: &Joiner,
    warnings: &mut Vec<WarningDraft>,
) {
    let anchors = accepted_anchors(units);
    let summary = summary_text(units);
    if anchors.is_empty() {
        count_from_one(units, &summary, warnings);
    } else {
        count_from_anchors(units, chunks, joiner, &anchors, &summary, warnings);
    }
    mark_inferred(units, warnings);
    set_item_parents(units);
}

/// Number the paragraphs from the printed anchors: back to 1 before the first,
/// between each two, and on past the last; surplus page-initial chunks between two
/// anchors join the paragraph before them.
fn count_from_anchors(
    units: &mut Vec<Unit>,
    chunks: &[Chunk],
    joiner: &Joiner,
    anchors: &[usize],
    summary: &Range<usize>,
    warnings: &mut Vec<WarningDraft>,
) {
    back_fill(units, anchors[0], summary);
    let mut continuations = Vec::new();
    for pair in anchors.windows(2) {
        continuations.extend(fill_between(
            units, chunks, pair[0], pair[1], summary, warnings,
        ));
    }
    // Past the last anchor: count on.
    let last = *anchors.last().unwrap();
    let mut next = units[last].number.unwrap() + 1;
    for (i, u) in units.iter_mut().enumerate().skip(last + 1) {
        if counted(u, summary.contains(&i)) {
            u.number = Some(next);
            next += 1;
        }
    }
    for &i in continuations.iter().rev() {
        let cont = units.remove(i);
        let prev = &mut units[i - 1];
        joiner.join(&mut prev.text, &cont.text);
        prev.chunks.extend(cont.chunks);
    }
}

/// Units whose printed number belongs to the best chain of anchors ([`anchor_chain`]);
/// they keep it.
fn accepted_anchors(units: &mut [Unit]) -> Vec<usize> {
    // (unit index, paragraphs before it, printed number) of every printed paragraph.
    let mut printed = Vec::new();
    let mut paragraphs = 0;
    for (i, u) in units.iter().enumerate() {
        if u.kind != UnitKind::Paragraph {
            continue;
        }
        if let Some(n) = u.printed {
            printed.push((i, paragraphs, n));
        }
        paragraphs += 1;
    }
    let numbers: Vec<(usize, u32)> = printed.iter().map(|&(_, at, n)| (at, n)).collect();
    let chain = anchor_chain(&numbers);
    for &k in &chain {
        let (i, _, n) = printed[k];
        units[i].number = Some(n);
    }
    chain.into_iter().map(|k| printed[k].0).collect()
}

/// What each paragraph a chain of anchors says the OCR lost costs, against the one
/// point each anchor scores: a printed number that runs ahead of the count is a
/// misread (`8.` for `3.`) unless the numbers after it bear it out (`1.` `4.` `5.` with
/// two paragraphs lost to a faded patch). Fitted on train: 0.75 against 0.3, 0.5, 1.0
/// and 1.5 (1.0 and 1.5 number a little more, and place fewer note calls).
const LOST_PARAGRAPH_COST: f32 = 0.75;

/// How far back a chain looks for the anchor before each printed number: bounds the
/// work on a long volume (a misread run longer than this is no anchor chain anyway).
const CHAIN_LOOKBACK: usize = 200;

/// The anchors among printed numbers `(paragraphs before it, number)`, in reading
/// order: the rising chain that scores best, one point per anchor less
/// [`LOST_PARAGRAPH_COST`] for each paragraph the gap between two anchors leaves
/// unaccounted for. Returns indices into `numbers`.
fn anchor_chain(numbers: &[(usize, u32)]) -> Vec<usize> {
    let mut score = vec![0f32; numbers.len()];
    let mut before: Vec<Option<usize>> = vec![None; numbers.len()];
    for (b, &(at_b, n_b)) in numbers.iter().enumerate() {
        // A report's paragraphs count from 1: a chain that opens here lost the ones
        // before `n_b` that no paragraph before it accounts for.
        let lost_before = n_b.saturating_sub(1).saturating_sub(at_b as u32);
        score[b] = 1.0 - LOST_PARAGRAPH_COST * lost_before as f32;
        for a in b.saturating_sub(CHAIN_LOOKBACK)..b {
            let (at_a, n_a) = numbers[a];
            if n_a >= n_b {
                continue;
            }
            let between = (at_b - at_a - 1) as u32;
            let lost = (n_b - n_a - 1).saturating_sub(between);
            let s = score[a] + 1.0 - LOST_PARAGRAPH_COST * lost as f32;
            // On a tie, the longer chain: more printed numbers kept.
            if s >= score[b] {
                score[b] = s;
                before[b] = Some(a);
            }
        }
    }
    // The best chain's last anchor; on a tie, the earliest (the later one ran ahead).
    let Some(mut last) =
        (0..numbers.len()).reduce(|best, k| if score[k] > score[best] { k } else { best })
    else {
        return Vec::new();
    };
    let mut chain = vec![last];
    while let Some(a) = before[last] {
        chain.push(a);
        last = a;
    }
    chain.reverse();
    chain
}

/// The printed paragraph numbers read so far that rise with the count of paragraphs,
/// as the units are read (the whole document's anchors are chosen afterwards, by
/// [`anchor_chain`], which can look ahead). A number that runs ahead of the paragraphs
/// counted since the last anchor by more than [`LOST_PARAGRAPHS`] is a misread (`8.`
/// for `3.`, a garbled number column), not an anchor, and the sequence stays where it
/// was.
#[derive(Default)]
pub struct Sequence {
    last: Option<u32>,
    since_last: u32,
}

/// How many paragraphs the OCR may have lost between two anchors.
const LOST_PARAGRAPHS: u32 = 1;

impl Sequence {
    /// Read the next paragraph's printed number (if any); the number when it is an
    /// anchor.
    pub fn read(&mut self, printed: Option<u32>) -> Option<u32> {
        let fits = |n: u32| {
            self.last
                .is_none_or(|l| n > l && n - l <= self.since_last + 1 + LOST_PARAGRAPHS)
        };
        match printed.filter(|&n| fits(n)) {
            Some(n) => {
                self.last = Some(n);
                self.since_last = 0;
                Some(n)
            }
            None => {
                self.since_last += 1;
                None
            }
        }
    }

    /// The last anchor (0 before any).
    pub fn last(&self) -> u32 {
        self.last.unwrap_or(0)
    }
}

/// With no printed number left to anchor the count (a margin the OCR did not read),
/// the paragraphs of a report are counted from 1; a clause that ends with a comma (a
/// preamble's, an enumeration's) is no numbered paragraph and is skipped. A heading or
/// a sub-item shows the text is a report whose numbers were lost; prose with neither
/// (a letter, a note) stays unnumbered. One warning says so, besides each
/// paragraph's own.
fn count_from_one(units: &mut [Unit], summary: &Range<usize>, warnings: &mut Vec<WarningDraft>) {
    let structured = units
        .iter()
        .any(|u| matches!(u.kind, UnitKind::Heading { .. } | UnitKind::Item { .. }));
    if !structured {
        return;
    }
    let mut next = 1;
    for (i, u) in units.iter_mut().enumerate() {
        if counted(u, summary.contains(&i)) {
            u.number = Some(next);
            next += 1;
        }
    }
    if next > 1 {
        warnings.push(WarningDraft {
            code: WarningCode::ParagraphNumbersMissing,
            message: format!(
                "no paragraph number was printed or read: paragraphs 1–{} counted",
                next - 1
            ),
            source: None,
        });
    }
}

/// Paragraphs before the first anchor, counting down from it, back to paragraph 1.
/// (A summary before the first numbered paragraph stays unnumbered: the count stops
/// at 1.)
fn back_fill(units: &mut [Unit], first: usize, summary: &Range<usize>) {
    let mut n = units[first].number.unwrap();
    for (i, u) in units[..first].iter_mut().enumerate().rev() {
        if n <= 1 {
            break;
        }
        if counted(u, summary.contains(&i)) {
            n -= 1;
            u.number = Some(n);
        }
    }
}

/// A paragraph the count gives a number to: any but the summary's text, a clause
/// ending with a comma or a scrap with no word.
fn counted(u: &Unit, in_summary: bool) -> bool {
    let text = u.text.as_str();
    u.kind == UnitKind::Paragraph
        && !in_summary
        && !crate::scan::ends_clause(text)
        && !is_scrap(text)
}

/// The units under the summary's heading ([`super::headings::summary_heading`]), up to
/// the next heading or numbered paragraph and at most [`SUMMARY_UNITS`]: UN reports
/// number no paragraph of the summary.
fn summary_text(units: &[Unit]) -> Range<usize> {
    let Some(at) = super::headings::summary_heading(units) else {
        return 0..0;
    };
    // The summary ends at the next heading, or at a paragraph printed with a number
    // (the chapter heading may be lost or misread: `1 Conference…` for `I.`).
    let end = units[at + 1..]
        .iter()
        .position(|u| {
            matches!(u.kind, UnitKind::Heading { .. })
                || u.kind == UnitKind::Paragraph && u.printed.is_some()
        })
        .map_or(units.len(), |k| at + 1 + k);
    at + 1..end.min(at + 1 + SUMMARY_UNITS)
}

/// How many units the summary may hold at most: on train every summary held one or two
/// paragraphs, and past them a chapter heading the OCR lost would leave the report's
/// first paragraphs unnumbered (two beat one on train: paragraphs 0.9103 against
/// 0.9046).
const SUMMARY_UNITS: usize = 2;

/// No run of three letters: scraps of furniture and number runs (`#2722767`,
/// `£/2022/89`, `1701 (2006):`) are no numbered paragraph of their own.
fn is_scrap(text: &str) -> bool {
    crate::scan::longest_letter_run(text) < 3
}

/// Number the paragraphs between anchors `a` and `b`; returns the units found to be
/// continuations of the unit before them.
fn fill_between(
    units: &mut [Unit],
    chunks: &[Chunk],
    a: usize,
    b: usize,
    summary: &Range<usize>,
    warnings: &mut Vec<WarningDraft>,
) -> Vec<usize> {
    let (na, nb) = (units[a].number.unwrap(), units[b].number.unwrap());
    let needed = (nb - na - 1) as usize;
    let between: Vec<usize> = (a + 1..b)
        .filter(|&i| counted(&units[i], summary.contains(&i)))
        .collect();
    let mut surplus = between.len().saturating_sub(needed);
    let mut numbered = Vec::new();
    let mut continuations = Vec::new();
    for &i in &between {
        if surplus > 0 && units[i].page_initial && previous_is_text(units, i) {
            continuations.push(i);
            surplus -= 1;
        } else {
            numbered.push(i);
        }
    }
    for (k, &i) in numbered.iter().enumerate() {
        let n = na + 1 + k as u32;
        units[i].number = (n < nb).then_some(n);
    }
    if numbered.len() < needed {
        warnings.push(WarningDraft {
            code: WarningCode::ParagraphNumbersMissing,
            message: format!(
                "paragraphs {}–{} not all found: {} of {} between them",
                na,
                nb,
                numbered.len(),
                needed
            ),
            source: chunks
                .get(units[b].chunks[0])
                .map(|c| c.text.source_at(0)..c.text.source_at(0)),
        });
    }
    continuations
}

fn previous_is_text(units: &[Unit], i: usize) -> bool {
    i > 0
        && matches!(
            units[i - 1].kind,
            UnitKind::Paragraph | UnitKind::Item { .. }
        )
}

fn mark_inferred(units: &[Unit], warnings: &mut Vec<WarningDraft>) {
    for u in units {
        if let (UnitKind::Paragraph, Some(n), None) = (&u.kind, u.number, u.printed) {
            let at = u.text.source_at(0);
            warnings.push(WarningDraft {
                code: WarningCode::ParagraphNumberInferred,
                message: format!("paragraph {n}: number not printed, inferred from the sequence"),
                source: Some(at..at),
            });
        }
    }
}

fn set_item_parents(units: &mut [Unit]) {
    let mut parent = None;
    for u in units {
        match &mut u.kind {
            UnitKind::Paragraph if u.number.is_some() => parent = u.number,
            UnitKind::Item { parent: p, .. } => *p = parent,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracked::Tracked;

    #[test]
    fn scraps_of_furniture_are_not_counted() {
        for scrap in ["#2722767", "£/2022/89", "1701 (2006):", "a) b)"] {
            assert!(is_scrap(scrap), "{scrap}");
        }
        assert!(!is_scrap("Decides to keep the matter under review."));
    }

    fn para(printed: Option<u32>, page_initial: bool) -> Unit {
        let mut text = Tracked::new();
        text.push_synthetic("texte.", 0);
        Unit {
            kind: UnitKind::Paragraph,
            text,
            chunks: vec![],
            page: 1,
            printed,
            number: None,
            page_initial,
        }
    }

    /// A heading without a numeral, worded `text`.
    fn heading(text: &str) -> Unit {
        let mut u = para(None, false);
        u.kind = UnitKind::Heading {
            numeral: None,
            level: None,
            number: None,
            widest_line: 20,
            lines: 1,
        };
        u.text = Tracked::new();
        u.text.push_synthetic(text, 0);
        u
    }

    fn no_lexicon_joiner() -> Joiner {
        crate::layout::lay_out("", &crate::pages::paginate(""), 0, None).joiner
    }

    fn numbers(units: &[Unit]) -> Vec<Option<u32>> {
        units.iter().map(|u| u.number).collect()
    }

    #[test]
    fn counting_fills_the_gaps_between_printed_numbers() {
        let mut units = vec![
            para(None, false),
            para(Some(3), false),
            para(None, false),
            para(Some(5), false),
            para(None, false),
        ];
        number_paragraphs(&mut units, &[], &no_lexicon_joiner(), &mut Vec::new());
        assert_eq!(
            numbers(&units),
            vec![Some(2), Some(3), Some(4), Some(5), Some(6)]
        );
    }

    #[test]
    fn a_misread_leaves_the_sequence_where_it_was() {
        let mut sequence = Sequence::default();
        assert_eq!(sequence.read(Some(2)), Some(2));
        // `8.` for 3: no anchor; `4.` after it still is one.
        assert_eq!(sequence.read(Some(8)), None);
        assert_eq!(sequence.last(), 2);
        assert_eq!(sequence.read(Some(4)), Some(4));
        // One lost paragraph is allowed for, two are not.
        assert_eq!(sequence.read(Some(6)), Some(6));
        assert_eq!(sequence.read(Some(9)), None);
    }

    #[test]
    fn numbers_after_a_gap_bear_it_out() {
        // `1.` then `4.` `5.` (paragraphs 2 and 3 lost to a faded patch): anchors.
        assert_eq!(anchor_chain(&[(0, 1), (1, 4), (2, 5)]), [0, 1, 2]);
        // A lone number far ahead of the count is a misread, before or at the end.
        assert_eq!(
            anchor_chain(&[(0, 1), (1, 2), (2, 8), (3, 4), (4, 5)]),
            [0, 1, 3, 4]
        );
        assert_eq!(anchor_chain(&[(0, 1), (1, 2), (2, 3), (3, 9)]), [0, 1, 2]);
        assert!(anchor_chain(&[]).is_empty());
    }

    #[test]
    fn a_number_running_ahead_of_the_count_is_a_misread() {
        let mut units = vec![
            para(Some(3), false),
            para(Some(6), false),
            para(None, false),
            para(Some(6), false),
        ];
        number_paragraphs(&mut units, &[], &no_lexicon_joiner(), &mut Vec::new());
        assert_eq!(numbers(&units), vec![Some(3), Some(4), Some(5), Some(6)]);
    }

    #[test]
    fn with_no_printed_number_paragraphs_are_counted_from_one_past_clauses() {
        let mut clause = para(None, false);
        clause.text.push_synthetic(" Rappelant sa résolution,", 0);
        let mut prose = vec![clause, para(None, false), para(None, false)];
        let mut warnings = Vec::new();
        number_paragraphs(&mut prose, &[], &no_lexicon_joiner(), &mut warnings);
        assert_eq!(
            numbers(&prose),
            vec![None; 3],
            "prose with no heading stays unnumbered"
        );
        let mut units = [vec![heading("Titre")], prose].concat();
        number_paragraphs(&mut units, &[], &no_lexicon_joiner(), &mut warnings);
        assert_eq!(numbers(&units), vec![None, None, Some(1), Some(2)]);
        assert_eq!(warnings[0].code, WarningCode::ParagraphNumbersMissing);
        assert_eq!(warnings.len(), 3, "one for the document, one per paragraph");
    }

    #[test]
    fn the_summary_s_text_is_not_counted() {
        let numbered = |mut units: Vec<Unit>| {
            number_paragraphs(&mut units, &[], &no_lexicon_joiner(), &mut Vec::new());
            numbers(&units)
        };
        let (text, printed) = (|| para(None, false), |n| para(Some(n), false));
        assert_eq!(
            numbered(vec![
                heading("Summary"),
                text(),
                heading("Introduction"),
                text(),
                printed(2)
            ]),
            [None, None, None, Some(1), Some(2)]
        );
        // A summary holds two paragraphs at most: past them (a chapter heading the OCR
        // lost), the count goes on.
        assert_eq!(
            numbered(vec![heading("Resumen"), text(), text(), text(), printed(2)]),
            [None, None, None, Some(1), Some(2)]
        );
        // With no number printed, the count starts after the summary too.
        assert_eq!(
            numbered(vec![heading("Résumé"), text(), heading("Mandat"), text()]),
            [None, None, None, Some(1)]
        );
    }

    #[test]
    fn clauses_ending_with_a_comma_are_not_counted() {
        let clause = || {
            let mut u = para(None, false);
            u.text.push_synthetic(" Recalling its resolution 70/1,", 0);
            u
        };
        let mut units = vec![
            clause(),
            para(Some(2), false),
            clause(),
            para(None, false),
            para(Some(4), false),
            clause(),
            para(None, false),
        ];
        number_paragraphs(&mut units, &[], &no_lexicon_joiner(), &mut Vec::new());
        assert_eq!(
            numbers(&units),
            vec![None, Some(2), None, Some(3), Some(4), None, Some(5)]
        );
    }

    #[test]
    fn surplus_chunks_opening_a_page_are_continuations() {
        let mut units = vec![para(Some(1), false), para(None, true), para(Some(2), false)];
        number_paragraphs(&mut units, &[], &no_lexicon_joiner(), &mut Vec::new());
        assert_eq!(numbers(&units), vec![Some(1), Some(2)]);
        assert_eq!(units[0].text.as_str(), "texte. texte.");
    }
}
