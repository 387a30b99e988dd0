//! Footnotes: the chunks of the footnote zones, numbered 1, 2, 3… through the report.
//! A number the OCR printed is kept when it fits the sequence; a number it dropped or
//! garbled (`©`, `%2`, `=~`, a lone `1`) is supplied by the sequence, with a warning.
//! A zone chunk that starts in lower case, or that has no number while the note
//! before it stopped mid-sentence, carries on that note (a note cut by a page break). The first note is the title's `*` note when it is printed with a
//! star, or when the title carries a call and the note has no number.

use std::sync::LazyLock;

use regex::Regex;

use super::{FootnoteDraft, WarningDraft};
use crate::layout::{is_marker, Layout};

/// A printed note number (digits, or a star) and what follows it.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\*|\d{1,3})\s+-?(\S)").unwrap());
/// A mangled note number: glyphs (and perhaps digits) before the text.
static MANGLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:{MANGLED_NUMBER}+\d*\s*)+|-)(\S)",
        MANGLED_NUMBER = crate::layout::MANGLED_NUMBER
    ))
    .unwrap()
});

pub fn read_footnotes(
    layout: &Layout,
    zone: &[usize],
    title_has_call: bool,
    dropped: &mut Vec<(usize, &'static str)>,
    warnings: &mut Vec<WarningDraft>,
) -> Vec<FootnoteDraft> {
    let (chunks, joiner) = (&layout.chunks, &layout.joiner);
    let mut notes: Vec<FootnoteDraft> = Vec::new();
    let mut next = 1u32;
    let mut markers: Vec<usize> = Vec::new();
    for &i in zone {
        let chunk = &chunks[i];
        let text = chunk.text.as_str();
        if is_marker(text) {
            markers.push(i);
            continue;
        }
        let starts_lower = text.chars().next().is_some_and(|c| c.is_lowercase());
        let unnumbered = !NUMBERED.is_match(text) && !MANGLED.is_match(text);
        let cut_short = notes
            .last()
            .is_some_and(|n| !super::ends_sentence(n.text.as_str()));
        if !notes.is_empty() && (starts_lower || unnumbered && cut_short) {
            let last = notes.last_mut().unwrap();
            joiner.join(&mut last.text, &chunk.text);
            last.chunks.push(i);
            continue;
        }
        let (printed, text_at) = match NUMBERED.captures(text) {
            Some(c) => (Some(c[1].to_owned()), c.get(2).unwrap().start()),
            None => match MANGLED.captures(text) {
                Some(c) => (None, c.get(1).unwrap().start()),
                None => (None, 0),
            },
        };
        let star_due = notes.is_empty()
            && (printed.as_deref() == Some("*") || (printed.is_none() && title_has_call));
        let number = if star_due {
            "*".to_owned()
        } else {
            let n = match printed.as_deref().and_then(|p| p.parse::<u32>().ok()) {
                Some(p) if fits(p, next) => p,
                _ => {
                    let at = chunk.text.source_at(0);
                    warnings.push(WarningDraft {
                        code: "footnote-number-inferred",
                        message: format!(
                            "footnote {next}: number {}; taken from the sequence",
                            printed
                                .as_deref()
                                .map_or("not printed".to_owned(), |p| format!("printed as {p:?}"))
                        ),
                        source: Some(at..at),
                    });
                    next
                }
            };
            next = n + 1;
            n.to_string()
        };
        let mut body = chunk.text.clone();
        body.replace(0..text_at, "");
        let mut used = std::mem::take(&mut markers);
        used.push(i);
        notes.push(FootnoteDraft {
            number,
            text: body,
            page: chunk.page,
            chunks: used,
        });
    }
    for i in markers {
        dropped.push((i, "noise"));
    }
    notes
}

/// A printed number fits when it is the next one, or a little ahead (notes lost).
fn fits(printed: u32, next: u32) -> bool {
    printed >= next && printed <= next + 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_numbers_fit_when_next_or_a_little_ahead() {
        assert!(fits(5, 5));
        assert!(fits(7, 5));
        assert!(!fits(2, 21), "a lost digit: the sequence decides");
        assert!(!fits(113, 16));
    }

    #[test]
    fn mangled_numbers_are_recognised() {
        assert!(MANGLED.is_match("%2 Voir www.unsouthsouth.org"));
        assert!(MANGLED.is_match("© Voir le communiqué"));
        assert!(NUMBERED.is_match("15 Un critére systématique"));
        assert!(NUMBERED.is_match("* Le rapport a été achevé"));
    }
}
