//! Numbers printed apart from their text. OCR often reads a page's column of
//! paragraph numbers (and heading numerals) as a run of lone lines, before the
//! page's text or after it. A run gives its numbers to the units of its page that
//! have none: to the units after it, counted from the first, when there are such
//! units; otherwise to the units before it — paragraph numbers counted back from the
//! last paragraph, heading numerals from the first heading. A gap in the run (`8.`,
//! then `10.`: 9 was lost) skips a unit.

use super::{Unit, UnitKind};
use crate::scan::opening::ColumnNumber;

/// A number standing alone, and where it stood among the units being read.
#[derive(Debug, Clone)]
pub struct Detached {
    pub number: ColumnNumber,
    pub chunk: usize,
    pub page: u32,
    /// How many units had been read when the number was seen.
    pub units_before: usize,
}

/// Give detached numbers to the units they belong to; returns the chunks of the
/// numbers that found no unit.
pub fn assign(units: &mut [Unit], detached: Vec<Detached>) -> Vec<usize> {
    let mut unused = Vec::new();
    for run in runs(detached) {
        let (paragraphs, numerals): (Vec<Detached>, Vec<Detached>) = run
            .into_iter()
            .partition(|d| matches!(d.number, ColumnNumber::Paragraph(_)));
        unused.extend(assign_run(units, paragraphs, Target::Paragraph));
        unused.extend(assign_run(units, numerals, Target::Heading));
    }
    unused
}

#[derive(Clone, Copy, PartialEq)]
enum Target {
    Paragraph,
    Heading,
}

/// Consecutive detached numbers with no unit between them, on one page.
fn runs(detached: Vec<Detached>) -> Vec<Vec<Detached>> {
    let mut runs: Vec<Vec<Detached>> = Vec::new();
    for d in detached {
        match runs.last_mut() {
            Some(run) if run[0].page == d.page && run[0].units_before == d.units_before => {
                run.push(d)
            }
            _ => runs.push(vec![d]),
        }
    }
    runs
}

fn wants(unit: &Unit, target: Target) -> bool {
    match (&unit.kind, target) {
        (UnitKind::Paragraph, Target::Paragraph) => unit.printed.is_none(),
        (UnitKind::Heading { numeral: None, .. }, Target::Heading) => true,
        _ => false,
    }
}

fn assign_run(units: &mut [Unit], run: Vec<Detached>, target: Target) -> Vec<usize> {
    let Some(first) = run.first() else {
        return Vec::new();
    };
    let (page, at) = (first.page, first.units_before);
    let on_page = |i: &usize| units[*i].page == page && wants(&units[*i], target);
    let after: Vec<usize> = (at..units.len()).filter(on_page).collect();
    let before: Vec<usize> = (0..at).filter(on_page).collect();
    let (targets, forward) = match (after.is_empty(), target) {
        (false, _) => (after, true),
        // Numerals name the page's first headings (sub-headings have none), so they
        // count from the first heading even when printed after them.
        (true, Target::Heading) => (before, true),
        (true, Target::Paragraph) => (before, false),
    };
    let slots = slots(&run, targets.len(), forward);
    let mut unused = Vec::new();
    for (d, slot) in run.into_iter().zip(slots) {
        let Some(slot) = slot else {
            unused.push(d.chunk);
            continue;
        };
        let unit = &mut units[targets[slot]];
        match (&mut unit.kind, d.number) {
            (UnitKind::Heading { numeral, .. }, n) => *numeral = Some(n),
            (_, ColumnNumber::Paragraph(n)) => unit.printed = Some(n),
            _ => {}
        }
        unit.chunks.push(d.chunk);
    }
    unused
}

/// Which of `n` targets each number of the run goes to. Paragraph numbers keep
/// their distances (a lost number skips a target); numerals go one to a target.
fn slots(run: &[Detached], n: usize, forward: bool) -> Vec<Option<usize>> {
    let step = |a: &Detached, b: &Detached| match (&a.number, &b.number) {
        (ColumnNumber::Paragraph(x), ColumnNumber::Paragraph(y)) => {
            (y > x).then(|| (y - x) as usize)
        }
        _ => Some(1),
    };
    let mut out = vec![None; run.len()];
    if n == 0 {
        return out;
    }
    if forward {
        let mut pos = 0usize;
        let mut prev: Option<usize> = None;
        for (k, d) in run.iter().enumerate() {
            let here = match prev {
                None => Some(0),
                Some(p) => step(&run[p], d).map(|s| pos + s),
            };
            if let Some(h) = here.filter(|&h| h < n) {
                out[k] = Some(h);
                pos = h;
                prev = Some(k);
            }
        }
    } else {
        let mut pos = n - 1;
        let mut next: Option<usize> = None;
        for k in (0..run.len()).rev() {
            let here = match next {
                None => Some(n - 1),
                Some(q) => step(&run[k], &run[q]).and_then(|s| pos.checked_sub(s)),
            };
            if let Some(h) = here {
                out[k] = Some(h);
                pos = h;
                next = Some(k);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(numbers: &[u32]) -> Vec<Detached> {
        numbers
            .iter()
            .map(|&n| Detached {
                number: ColumnNumber::Paragraph(n),
                chunk: 0,
                page: 1,
                units_before: 0,
            })
            .collect()
    }

    #[test]
    fn a_column_before_the_text_counts_from_the_first_unit() {
        assert_eq!(
            slots(&run(&[10, 11, 12]), 4, true),
            vec![Some(0), Some(1), Some(2)]
        );
        // A garbled entry that goes backwards is left out.
        assert_eq!(
            slots(&run(&[14, 15, 6]), 3, true),
            vec![Some(0), Some(1), None]
        );
    }

    #[test]
    fn a_column_after_the_text_counts_back_from_the_last_unit() {
        // 7 and 9 were lost: 8 goes to the second of six units.
        assert_eq!(
            slots(&run(&[8, 10, 11, 12]), 6, false),
            vec![Some(1), Some(3), Some(4), Some(5)]
        );
    }

    #[test]
    fn a_gap_skips_units() {
        assert_eq!(slots(&run(&[3, 6]), 7, true), vec![Some(0), Some(3)]);
    }
}
