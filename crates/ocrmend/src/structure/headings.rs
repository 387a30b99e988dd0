//! Heading levels and numerals. Chapters (level 1) run I, II, III…; sections
//! (level 2) run A, B, C… inside each chapter; level 3 is unnumbered. A numeral the
//! OCR garbled (`Il.`, `G.` for C) is read through the sequence, and a heading that
//! lost its numeral is placed by what surrounds it:
//! - the heading over paragraph 1 is chapter I;
//! - a heading followed at once by another heading opens a chapter;
//! - a heading right after a chapter heading opens its first section;
//! - a heading worded like the chapter's sections (`Thirtieth Meeting`, `Thirty-third Meeting`) is one;
//! - a wrapped heading is matched by its line width with the document's numbered headings;
//! - otherwise it is a level-3 sub-heading.
//!
//! An unnumbered heading before paragraph 1 with unnumbered text under it (a summary) stays
//! an unnumbered level-1 heading.

use super::units::{roman, ColumnNumber};
use super::{Unit, UnitKind};
use crate::diagnostics::WarningCode;
use crate::diagnostics::WarningDraft;

pub fn number_headings(units: &mut [Unit], body_width: usize, warnings: &mut Vec<WarningDraft>) {
    let widths = LevelWidths::of(units, body_width);
    let first_numbered = units
        .iter()
        .position(|u| u.kind == UnitKind::Paragraph && u.number.is_some());
    let mut chapter = 0u32;
    let mut section = 0u8; // 0: none yet in this chapter
    let mut section_words: Vec<String> = Vec::new();
    for i in 0..units.len() {
        let UnitKind::Heading {
            numeral,
            widest_line,
            lines,
            ..
        } = units[i].kind.clone()
        else {
            continue;
        };
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
        let before_text = first_numbered.is_none_or(|f| i < f);
        let level = match numeral {
            Some(ColumnNumber::Roman(_)) => 1,
            Some(ColumnNumber::Letter(_)) => 2,
            Some(ColumnNumber::Paragraph(_)) => 3,
            None if before_text
                && first_numbered.is_some_and(|f| f > i + 1 && units[i + 1].number.is_none()) =>
            {
                set_heading(&mut units[i], 1, None);
                continue;
            }
            None if before_text || next_is_heading => 1,
            None if after_chapter => 2,
            None if section > 0 && shares_wording(units[i].text.as_str(), &section_words) => 2,
            None if lines > 1 => widths.level_of(widest_line),
            None => 3,
        };
        let number = match level {
            1 => {
                chapter += 1;
                section = 0;
                section_words.clear();
                if let Some(ColumnNumber::Roman(n)) = numeral {
                    if n != chapter {
                        warn(
                            warnings,
                            &units[i],
                            WarningCode::HeadingNumeralCorrected,
                            format!(
                                "chapter numeral read as {} taken as {}",
                                roman(n),
                                roman(chapter)
                            ),
                        );
                    }
                } else {
                    warn(
                        warnings,
                        &units[i],
                        WarningCode::HeadingNumeralInferred,
                        format!("chapter {} inferred from the sequence", roman(chapter)),
                    );
                }
                Some(roman(chapter))
            }
            2 => {
                section += 1;
                let letter = (b'A' + section - 1) as char;
                section_words.push(wording_key(units[i].text.as_str()));
                if let Some(ColumnNumber::Letter(c)) = numeral {
                    if c != letter {
                        warn(
                            warnings,
                            &units[i],
                            WarningCode::HeadingNumeralCorrected,
                            format!("section letter read as {c} taken as {letter}"),
                        );
                    }
                } else {
                    warn(
                        warnings,
                        &units[i],
                        WarningCode::HeadingNumeralInferred,
                        format!("section {letter} inferred from the sequence"),
                    );
                }
                Some(letter.to_string())
            }
            _ => None,
        };
        set_heading(&mut units[i], level, number);
    }
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
