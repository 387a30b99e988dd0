//! Heading levels and numerals. Chapters (level 1) run I, II, III…; sections
//! (level 2) run A, B, C… inside each chapter; level 3 is unnumbered.
//!
//! A printed numeral is kept and the count follows it when it moves its sequence on by
//! one, or leaps up to [`LEAP`] ahead (headings the OCR lost or read as text); when it
//! goes back to a value the count reached on inferred numerals only (above the last
//! printed one: a heading without a numeral was taken for one of this level); and, for
//! a section letter, when it goes back at all (a lost chapter heading restarts the
//! letters). Any other numeral is read through the sequence when it resembles the one
//! due ([`crate::scan::numeral_look_alike`]: `II.` for III, `G.` for C), and kept when it
//! does not (`V.` where I was due is what was printed). On train, of 56 numerals out of
//! sequence, 27 were right as printed and 22 were the count's. A heading that lost its
//! numeral is placed by what surrounds it:
//! - the heading of the report's summary (`Summary`, `Résumé`, `Resumen`, with no
//!   chapter numeral printed before it: [`summary_heading`], which the paragraph count
//!   reads too) is an unnumbered level-1 heading, as UN reports set it;
//! - the first unit of the body, over unnumbered text before paragraph 1, is an
//!   unnumbered level-1 heading (a summary);
//! - a heading where the next printed numeral leaves a gap fills it (`A.`, ?, `C.`);
//! - the first heading before paragraph 1 of a document with no chapter yet is chapter I;
//! - a heading right after a chapter heading opens its first section (even when
//!   another heading follows it: on train, 15 of 16 such headings were sections);
//! - a heading followed at once by another heading opens a chapter;
//! - a heading worded like the chapter's sections (`Thirtieth Meeting`, `Thirty-third Meeting`) is one;
//! - a wrapped heading is matched by its line width with the document's numbered headings;
//! - otherwise it is a level-3 sub-heading;
//! - but a chapter has no lone section A: after an A with no letter printed after it,
//!   a heading read as a new chapter, or the chapter's last numeral-less heading read
//!   as a sub-heading, is section B.

use super::{Unit, UnitKind};
use crate::diagnostics::WarningCode;
use crate::diagnostics::WarningDraft;
use crate::scan::opening::{roman, ColumnNumber};

/// How many headings of one sequence the OCR may have lost before a printed numeral
/// for a heading without one to be given the numeral that fills the gap.
const LOST_HEADINGS: u32 = 1;

/// How many headings past the next one a printed numeral may leap and still be read as
/// printed: chosen on train (headings_f1 0.6698 at 2, 0.6716 at 3, 0.6712 at 4).
const LEAP: u32 = 3;

pub fn number_headings(units: &mut [Unit], body_width: usize, warnings: &mut Vec<WarningDraft>) {
    let widths = LevelWidths::of(units, body_width);
    let first_numbered = units
        .iter()
        .position(|u| u.kind == UnitKind::Paragraph && u.number.is_some());
    let summary = summary_heading(units);
    let mut chapter = Count::default();
    let mut section = Count::default(); // 0: none yet in this chapter
    let mut section_words: Vec<String> = Vec::new();
    for i in 0..units.len() {
        let UnitKind::Heading { numeral, .. } = units[i].kind.clone() else {
            continue;
        };
        let before_text = first_numbered.is_none_or(|f| i < f);
        let level = match numeral {
            Some(ColumnNumber::Roman(_)) => 1,
            Some(ColumnNumber::Letter(_)) => 2,
            Some(ColumnNumber::Paragraph(_)) => 3,
            None if summary == Some(i) => {
                set_heading(&mut units[i], 1, None);
                continue;
            }
            None if i == 0
                && before_text
                && first_numbered.is_some_and(|f| {
                    f > 1 && units[1].kind == UnitKind::Paragraph && units[1].number.is_none()
                }) =>
            {
                set_heading(&mut units[i], 1, None);
                continue;
            }
            None => match gap_before_next_numeral(units, i, chapter.current, section.current) {
                Some(level) => level,
                None => level_the_sequence_allows(
                    unnumbered_level(
                        units,
                        i,
                        before_text && chapter.current == 0,
                        &section_words,
                        &widths,
                    ),
                    &section_place(units, i),
                    section.current,
                ),
            },
        };
        let number = match level {
            1 => {
                let printed = match numeral {
                    Some(ColumnNumber::Roman(n)) => Some(n),
                    _ => None,
                };
                chapter.follow(
                    printed,
                    warnings,
                    &units[i],
                    roman,
                    ("chapter", "chapter numeral"),
                    false,
                );
                section = Count::default();
                section_words.clear();
                Some(roman(chapter.current))
            }
            2 => {
                let printed = match numeral {
                    Some(ColumnNumber::Letter(c)) => Some(letter_rank(c)),
                    _ => None,
                };
                section.follow(
                    printed,
                    warnings,
                    &units[i],
                    letter,
                    ("section", "section letter"),
                    true,
                );
                section_words.push(wording_key(units[i].text.as_str()));
                Some(letter(section.current))
            }
            _ => None,
        };
        set_heading(&mut units[i], level, number);
    }
}

/// The heading of the report's summary, which the UN sets unnumbered above chapter I:
/// the first heading printed without a numeral and worded as one ([`is_summary`]), with
/// no chapter numeral printed before it.
pub(super) fn summary_heading(units: &[Unit]) -> Option<usize> {
    let at = units.iter().position(|u| match &u.kind {
        UnitKind::Heading { numeral, .. } => numeral.is_none() && is_summary(u.text.as_str()),
        _ => false,
    })?;
    let chapter_before = units[..at].iter().any(|u| {
        matches!(
            u.kind,
            UnitKind::Heading {
                numeral: Some(ColumnNumber::Roman(_)),
                ..
            }
        )
    });
    (!chapter_before).then_some(at)
}

/// A summary's wording: `Summary`, `Résumé`, `Resumen`, perhaps with a speck or a call
/// after it.
fn is_summary(text: &str) -> bool {
    let word = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphabetic());
    text.split_whitespace().count() <= 2 && ["Summary", "Résumé", "Resumen"].contains(&word)
}

/// Where a sequence of headings (chapters, or one chapter's sections) stands: the
/// value of its last heading, and the last value a printed numeral gave it.
#[derive(Default)]
struct Count {
    current: u32,
    printed: u32,
}

impl Count {
    /// Move on to the next heading: to the printed value when it fits (ahead by one,
    /// or by up to [`LEAP`] more; back to a value the count ran past on headings whose
    /// numeral was inferred, above the last printed one, or anywhere back when the
    /// sequence `restarts` under a heading the OCR may have lost), or when it does not
    /// resemble the value due; else to `current + 1`. With a warning unless the printed
    /// value was simply the next.
    fn follow(
        &mut self,
        printed: Option<u32>,
        warnings: &mut Vec<WarningDraft>,
        unit: &Unit,
        show: fn(u32) -> String,
        (what, numeral): (&str, &str),
        restarts: bool,
    ) {
        let (current, next) = (self.current, self.current + 1);
        let value = match printed {
            Some(n) if n == next => next,
            Some(n) if n > next && n <= next + LEAP => {
                warn(
                    warnings,
                    unit,
                    WarningCode::HeadingMissing,
                    format!(
                        "{numeral} {} follows {}: a heading between them was not found",
                        show(n),
                        if current == 0 {
                            "none".to_owned()
                        } else {
                            show(current)
                        }
                    ),
                );
                n
            }
            Some(n) if (restarts || n > self.printed) && n <= current => {
                warn(
                    warnings,
                    unit,
                    WarningCode::HeadingNumeralCorrected,
                    format!(
                        "{numeral} {} printed where the count stood at {}: the count follows it",
                        show(n),
                        show(current)
                    ),
                );
                n
            }
            Some(n) if crate::scan::numeral_look_alike(&show(n), &show(next)) => {
                warn(
                    warnings,
                    unit,
                    WarningCode::HeadingNumeralCorrected,
                    format!("{numeral} read as {} taken as {}", show(n), show(next)),
                );
                next
            }
            Some(n) => {
                warn(
                    warnings,
                    unit,
                    WarningCode::HeadingMissing,
                    format!(
                        "{numeral} {} printed where {} was due, and no misreading of it: kept",
                        show(n),
                        show(next)
                    ),
                );
                n
            }
            None => {
                warn(
                    warnings,
                    unit,
                    WarningCode::HeadingNumeralInferred,
                    format!("{what} {} inferred from the sequence", show(next)),
                );
                next
            }
        };
        if printed == Some(value) {
            self.printed = value;
        }
        self.current = value;
    }
}

/// The level a numeral-less heading at `i` must have for the next heading's printed
/// numeral to follow on without a gap: `A.`, (this), `C.` makes it section B. Only the
/// next heading counts: with other numeral-less headings between, which of them lost
/// the numeral is not told (and a numeral the column assigned to the wrong heading
/// would make a chapter of a section).
fn gap_before_next_numeral(units: &[Unit], i: usize, chapter: u32, section: u32) -> Option<u8> {
    let next = units[i + 1..].iter().find_map(|u| match &u.kind {
        UnitKind::Heading { numeral, .. } => Some(numeral.clone()),
        _ => None,
    })??;
    let leaves_gap = |printed: u32, current: u32| {
        printed > current + 1 && printed <= current + 1 + LOST_HEADINGS
    };
    match next {
        ColumnNumber::Roman(n) if leaves_gap(n, chapter) => Some(1),
        ColumnNumber::Letter(c) if leaves_gap(letter_rank(c), section) => Some(2),
        _ => None,
    }
}

/// Where a numeral-less heading stands in its chapter's section sequence.
struct SectionPlace {
    /// A section letter is printed after it, before the next printed chapter numeral.
    letter_follows: bool,
    /// Numeral-less headings from it to the next printed chapter numeral, it included.
    numeral_less_after: usize,
    /// Text stands between it and the heading before it.
    after_text: bool,
}

fn section_place(units: &[Unit], i: usize) -> SectionPlace {
    let mut place = SectionPlace {
        letter_follows: false,
        numeral_less_after: 0,
        after_text: i > 0 && !matches!(units[i - 1].kind, UnitKind::Heading { .. }),
    };
    for unit in &units[i..] {
        match &unit.kind {
            UnitKind::Heading {
                numeral: Some(ColumnNumber::Roman(_)),
                ..
            } => break,
            UnitKind::Heading {
                numeral: Some(ColumnNumber::Letter(_)),
                ..
            } => place.letter_follows = true,
            UnitKind::Heading { numeral: None, .. } => place.numeral_less_after += 1,
            _ => {}
        }
    }
    place
}

/// The `level` read from a numeral-less heading's place, unless the section sequence
/// forbids it: a chapter has no lone section A, so when A is its only section so far,
/// text follows it and no letter is printed after it, the heading is section B that
/// lost its letter where the place reads as a new chapter (on train, headings_f1
/// +0.008) or as a sub-heading with no other numeral-less heading left before the next
/// printed chapter numeral (+0.011). (A chapter
/// whose numeral the next printed one takes, I, ?, II, reads as a section no better:
/// it was tried and not kept.)
fn level_the_sequence_allows(level: u8, place: &SectionPlace, section: u32) -> u8 {
    let lone_section = section == 1 && !place.letter_follows && place.after_text;
    match level {
        1 if lone_section => 2,
        3 if lone_section && place.numeral_less_after == 1 => 2,
        _ => level,
    }
}

/// The level of a heading with no numeral and no gap in the sequence to fill;
/// `section_words` are the wordings of the chapter's sections so far.
fn unnumbered_level(
    units: &[Unit],
    i: usize,
    opens_first_chapter: bool,
    section_words: &[String],
    widths: &LevelWidths,
) -> u8 {
    let next_is_heading = matches!(
        units.get(i + 1).map(|u| &u.kind),
        Some(UnitKind::Heading { .. })
    );
    let after_chapter = i > 0
        && matches!(
            &units[i - 1].kind,
            UnitKind::Heading {
                level: Some(1),
                number: Some(_),
                ..
            }
        );
    let wrapped_width = match units[i].kind {
        UnitKind::Heading {
            lines, widest_line, ..
        } if lines > 1 => Some(widest_line),
        _ => None,
    };
    if after_chapter && !opens_first_chapter {
        2
    } else if opens_first_chapter || next_is_heading {
        1
    } else if shares_wording(units[i].text.as_str(), section_words) {
        2
    } else if let Some(width) = wrapped_width {
        widths.level_of(width)
    } else {
        3
    }
}

/// A section letter's place in the sequence: A is 1.
fn letter_rank(c: char) -> u32 {
    (c as u32).saturating_sub('A' as u32) + 1
}

fn letter(rank: u32) -> String {
    char::from_u32('A' as u32 + rank - 1).map_or_else(String::new, String::from)
}

fn set_heading(unit: &mut Unit, new_level: u8, new_number: Option<String>) {
    if let UnitKind::Heading { level, number, .. } = &mut unit.kind {
        *level = Some(new_level);
        *number = new_number;
    }
}

fn warn(warnings: &mut Vec<WarningDraft>, unit: &Unit, code: WarningCode, message: String) {
    let at = unit.text.source_at(0);
    warnings.push(WarningDraft {
        code,
        message,
        source: Some(at..at),
    });
}

/// The last word of a heading, the part sibling headings share (`… Meeting`).
fn wording_key(text: &str) -> String {
    text.split_whitespace().last().unwrap_or("").to_lowercase()
}

fn shares_wording(text: &str, siblings: &[String]) -> bool {
    let key = wording_key(text);
    key.chars().count() > 3 && siblings.contains(&key)
}

/// How wide the lines of wrapped chapter and section headings run in this
/// document: a heading line wider than any chapter line cannot be a chapter's, one
/// wider than any section line is a sub-heading's.
struct LevelWidths {
    chapter: usize,
    section: usize,
}

impl LevelWidths {
    fn of(units: &[Unit], body_width: usize) -> LevelWidths {
        let widest = |level: u8, default: usize| {
            let ws: Vec<usize> = units
                .iter()
                .filter_map(|u| match &u.kind {
                    UnitKind::Heading {
                        numeral: Some(n),
                        widest_line,
                        lines,
                        ..
                    } if *lines > 1 && level_of_numeral(n) == level => Some(*widest_line),
                    _ => None,
                })
                .collect();
            ws.into_iter().max().unwrap_or(default)
        };
        LevelWidths {
            chapter: widest(1, body_width * 70 / 100),
            section: widest(2, body_width * 82 / 100),
        }
    }

    fn level_of(&self, width: usize) -> u8 {
        const SLACK: usize = 2;
        if width <= self.chapter + SLACK {
            1
        } else if width <= self.section + SLACK {
            2
        } else {
            3
        }
    }
}

fn level_of_numeral(n: &ColumnNumber) -> u8 {
    match n {
        ColumnNumber::Roman(_) => 1,
        ColumnNumber::Letter(_) => 2,
        ColumnNumber::Paragraph(_) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracked::Tracked;

    fn unit(kind: UnitKind, number: Option<u32>) -> Unit {
        // Each heading worded apart, so no two share a closing word.
        static WORDS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let k = WORDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut text = Tracked::new();
        text.push_synthetic(&format!("Titre{k}"), 0);
        Unit {
            kind,
            text,
            chunks: vec![],
            page: 1,
            printed: number,
            number,
            page_initial: false,
        }
    }

    fn heading(numeral: Option<ColumnNumber>) -> Unit {
        unit(
            UnitKind::Heading {
                numeral,
                level: None,
                number: None,
                widest_line: 20,
                lines: 1,
            },
            None,
        )
    }

    fn chapter(n: u32) -> Unit {
        heading(Some(ColumnNumber::Roman(n)))
    }

    fn section(c: char) -> Unit {
        heading(Some(ColumnNumber::Letter(c)))
    }

    fn para(n: Option<u32>) -> Unit {
        unit(UnitKind::Paragraph, n)
    }

    /// `level number` of each heading, `.` for a paragraph.
    fn read(mut units: Vec<Unit>) -> (Vec<String>, Vec<WarningCode>) {
        let mut warnings = Vec::new();
        number_headings(&mut units, 80, &mut warnings);
        let shown = units
            .iter()
            .map(|u| match &u.kind {
                UnitKind::Heading { level, number, .. } => {
                    format!("{}{}", level.unwrap(), number.as_deref().unwrap_or(""))
                }
                _ => ".".to_owned(),
            })
            .collect();
        (shown, warnings.into_iter().map(|w| w.code).collect())
    }

    #[test]
    fn a_lone_section_a_gets_its_b_from_the_heading_that_lost_its_letter() {
        // Chapter I, section A and its paragraph 1, then `rest`.
        let under_a = |rest: Vec<Unit>| {
            let mut units = vec![chapter(1), section('A'), para(Some(1))];
            units.extend(rest);
            read(units).0[3..].to_vec()
        };
        // The chapter's last numeral-less heading, which alone would be a sub-heading.
        let shown = under_a(vec![heading(None), para(Some(2)), chapter(2)]);
        assert_eq!(shown, ["2B", ".", "1II"]);
        // A place that reads as a new chapter (another heading follows at once).
        let shown = under_a(vec![heading(None), heading(None), para(Some(2))]);
        assert_eq!(shown, ["2B", "3", "."]);
        // Of two numeral-less headings, the last of the chapter takes the letter.
        let shown = under_a(vec![heading(None), para(Some(2)), heading(None)]);
        assert_eq!(shown, ["3", ".", "2B"]);
        // Once B is printed, a numeral-less heading is a sub-heading.
        let shown = under_a(vec![heading(None), para(Some(2)), section('B')]);
        assert_eq!(shown, ["3", ".", "2B"]);
    }

    #[test]
    fn a_printed_numeral_that_skips_a_lost_heading_is_kept() {
        let (shown, warnings) = read(vec![chapter(1), para(Some(1)), chapter(3), para(Some(2))]);
        assert_eq!(shown, ["1I", ".", "1III", "."]);
        assert_eq!(warnings, [WarningCode::HeadingMissing]);
    }

    #[test]
    fn a_numeral_out_of_sequence_is_read_through_it_only_when_it_resembles_the_one_due() {
        let (shown, warnings) = read(vec![
            chapter(1),
            para(Some(1)),
            chapter(1), // II with a stroke lost
            section('A'),
            section('B'),
            section('G'), // C read G
            para(Some(2)),
        ]);
        assert_eq!(shown, ["1I", ".", "1II", "2A", "2B", "2C", "."]);
        assert_eq!(warnings, [WarningCode::HeadingNumeralCorrected; 2]);
        // `V.` where II was due, `M.` where B was: nothing OCR makes of them; kept.
        let (shown, warnings) = read(vec![
            chapter(1),
            para(Some(1)),
            chapter(5),
            section('A'),
            section('M'),
        ]);
        assert_eq!(shown, ["1I", ".", "1V", "2A", "2M"]);
        assert_eq!(warnings, [WarningCode::HeadingMissing; 2]);
    }

    #[test]
    fn a_numeral_leaping_over_lost_headings_is_kept() {
        let (shown, warnings) = read(vec![chapter(1), section('A'), section('D'), chapter(4)]);
        assert_eq!(shown, ["1I", "2A", "2D", "1IV"]);
        assert_eq!(warnings, [WarningCode::HeadingMissing; 2]);
    }

    #[test]
    fn a_section_letter_going_back_restarts_the_letters() {
        // A chapter heading between the two was lost; a chapter numeral repeated is
        // still read through the sequence (a stroke lost).
        let (shown, _) = read(vec![
            chapter(1),
            section('A'),
            section('B'),
            section('A'),
            chapter(2),
            chapter(2),
        ]);
        assert_eq!(shown, ["1I", "2A", "2B", "2A", "1II", "1III"]);
    }

    #[test]
    fn a_printed_numeral_the_count_ran_past_on_inferred_ones_is_kept() {
        // The numeral-less heading over `A.` was taken for chapter II; the printed `II.`
        // after it is chapter II all the same, and the count goes on from it.
        let (shown, warnings) = read(vec![
            chapter(1),
            para(Some(1)),
            heading(None),
            section('A'),
            para(Some(2)),
            chapter(2),
            para(Some(3)),
            chapter(3),
        ]);
        assert_eq!(shown, ["1I", ".", "1II", "2A", ".", "1II", ".", "1III"]);
        assert_eq!(
            warnings,
            [
                WarningCode::HeadingNumeralInferred,
                WarningCode::HeadingNumeralCorrected
            ]
        );
        // A numeral at or below the last printed one is still a misread.
        let (shown, _) = read(vec![chapter(2), para(Some(1)), chapter(2), para(Some(2))]);
        assert_eq!(shown, ["1II", ".", "1III", "."]);
    }

    #[test]
    fn a_heading_that_lost_its_letter_fills_the_gap_before_the_next() {
        let (shown, _) = read(vec![
            chapter(1),
            section('A'),
            para(Some(1)),
            heading(None),
            para(Some(2)),
            heading(None),
            para(Some(3)),
            section('C'),
            para(Some(4)),
        ]);
        // Only the heading right before `C.` can be the lost B.
        assert_eq!(shown, ["1I", "2A", ".", "3", ".", "2B", ".", "2C", "."]);
    }

    #[test]
    fn the_summary_heading_is_unnumbered_above_chapter_one() {
        let summary = |word: &str| {
            let mut h = heading(None);
            h.text = Tracked::new();
            h.text.push_synthetic(word, 0);
            h
        };
        // The summary's paragraph was given a number by the count: still no chapter.
        let (shown, _) = read(vec![
            summary("Résumé"),
            para(Some(4)),
            chapter(1),
            para(Some(5)),
        ]);
        assert_eq!(shown, ["1", ".", "1I", "."]);
        let (shown, _) = read(vec![
            chapter(1),
            para(Some(1)),
            summary("Summary"),
            para(Some(2)),
        ]);
        assert_eq!(shown[2], "3", "past chapter I it is an ordinary heading");
    }

    #[test]
    fn a_sub_heading_before_paragraph_one_is_no_chapter() {
        let (shown, _) = read(vec![chapter(1), section('A'), heading(None), para(Some(1))]);
        assert_eq!(shown, ["1I", "2A", "3", "."]);
    }

    #[test]
    fn a_first_heading_over_paragraph_one_is_chapter_one_and_over_a_summary_unnumbered() {
        let (shown, warnings) = read(vec![heading(None), para(Some(1))]);
        assert_eq!(shown, ["1I", "."]);
        assert_eq!(warnings, [WarningCode::HeadingNumeralInferred]);
        let (shown, _) = read(vec![heading(None), para(None), chapter(1), para(Some(1))]);
        assert_eq!(shown, ["1", ".", "1I", "."]);
    }
}
