//! Footnotes: the chunks of the footnote zones, numbered 1, 2, 3… through the report.
//!
//! - The numbers the OCR printed are anchors when they rise through the report (a
//!   number may run ahead of the notes counted since the last anchor by a few lost
//!   notes, or fall one behind the count when a note was read that is none); a number it
//!   dropped or garbled (`©`, `%2`, `=~`, a lone `1`) is counted on from the anchor
//!   before, with a warning. A note with no number where the anchors leave no room for
//!   one carries on the note before, so one spurious note does not shift the rest.
//! - A number glued to its note's first word (`15See A/60/246`) is printed.
//! - A zone chunk that starts in lower case, or that has no number while the note before
//!   it stopped mid-sentence, carries on that note (a note cut by a page break).
//! - When the body above a zone holds more sure note calls than the zone has notes, two
//!   notes the OCR printed without a blank line between them are told apart at a line
//!   that ends a sentence and a line that opens one.
//! - The first note is the title's `*` note when it is printed with a star, or when it
//!   has no number and the title carries a call or the next note is printed 1.

use std::sync::LazyLock;

use regex::Regex;

use super::{FootnoteDraft, NoteNumber};
use crate::diagnostics::WarningDraft;
use crate::diagnostics::{RemovalReason, WarningCode};
use crate::layout::{Joiner, Layout};
use crate::pages::Pages;
use crate::scan::is_marker;
use crate::tracked::Tracked;

/// A printed note number (digits, or a star) and what follows it: after a space, or
/// glued to a capital (`15See`).
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\*|\d{1,3})(?:\s+-?(\S)|(\p{Lu}))").unwrap());
/// A mangled note number: glyphs (and perhaps digits) before the text.
static MANGLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:{MANGLED_NUMBER}+\d*\s*)+|-)(\S)",
        MANGLED_NUMBER = crate::scan::superscript::AT_NOTE_START
    ))
    .unwrap()
});

/// The notes' zones and what is known of the calls above them.
pub struct Zones<'a> {
    /// Footnote-zone chunks, in reading order.
    pub chunks: &'a [usize],
    /// Input offsets of the sure note calls in the body, in order.
    pub sure_calls: &'a [usize],
}

/// A note being read: its text, its lines, the number printed before it.
struct Piece {
    text: Tracked,
    lines: Vec<usize>,
    printed: Option<String>,
    page: u32,
}

pub fn read_footnotes(
    input: &str,
    pages: &Pages,
    layout: &Layout,
    zones: Zones,
    title_has_call: bool,
    dropped: &mut Vec<(usize, RemovalReason)>,
    warnings: &mut Vec<WarningDraft>,
) -> Vec<FootnoteDraft> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut markers: Vec<usize> = Vec::new();
    let mut previous_zone_end = 0;
    for zone in zone_runs(layout, zones.chunks) {
        let first_new = pieces.len();
        for &i in zone {
            if layout.chunks[i].noise {
                dropped.push((i, RemovalReason::Noise));
            } else {
                read_chunk(layout, i, &mut pieces, &mut markers);
            }
        }
        let zone_start = layout.chunks[zone[0]].text.source_at(0);
        let calls = zones
            .sure_calls
            .iter()
            .filter(|&&c| (previous_zone_end..zone_start).contains(&c))
            .count();
        let star = usize::from(first_new == 0 && title_has_call);
        split_run_together(input, pages, &mut pieces, first_new, calls + star, warnings);
        let last = &layout.chunks[*zone.last().unwrap()];
        previous_zone_end = last.text.source_at(last.text.len());
    }
    for i in markers {
        dropped.push((i, RemovalReason::Noise));
    }
    number(pieces, title_has_call, &layout.joiner, warnings)
}

/// Runs of zone chunks on one page.
fn zone_runs<'a>(layout: &Layout, chunks: &'a [usize]) -> Vec<&'a [usize]> {
    chunks
        .chunk_by(|&a, &b| layout.chunks[a].page == layout.chunks[b].page)
        .collect()
}

/// Add one zone chunk: a marker waits for the next note, a continuation joins the
/// note before, anything else opens a note.
fn read_chunk(layout: &Layout, i: usize, pieces: &mut Vec<Piece>, markers: &mut Vec<usize>) {
    let chunk = &layout.chunks[i];
    let text = chunk.text.as_str();
    if is_marker(text) {
        markers.push(i);
        return;
    }
    let starts_lower = crate::scan::opens_in_lower_case(text);
    let unnumbered = !NUMBERED.is_match(text) && !MANGLED.is_match(text);
    let cut_short = pieces
        .last()
        .is_some_and(|n| !crate::scan::ends_sentence(n.text.as_str()));
    if let Some(last) = pieces
        .last_mut()
        .filter(|_| starts_lower || unnumbered && cut_short)
    {
        layout.joiner.join(&mut last.text, &chunk.text);
        last.lines.extend(&chunk.lines);
        return;
    }
    let (printed, text_at) = match NUMBERED.captures(text) {
        Some(c) => (
            Some(c[1].to_owned()),
            c.get(2).or(c.get(3)).unwrap().start(),
        ),
        None => match MANGLED.captures(text) {
            Some(c) => (None, c.get(1).unwrap().start()),
            None => (None, 0),
        },
    };
    let mut body = chunk.text.clone();
    body.replace(0..text_at, "");
    let mut lines: Vec<usize> = markers
        .drain(..)
        .flat_map(|m| layout.chunks[m].lines.clone())
        .collect();
    lines.extend(&chunk.lines);
    pieces.push(Piece {
        text: body,
        lines,
        printed,
        page: chunk.page,
    });
}

/// While the zone's notes (from `first`) are fewer than the calls above them, cut a
/// note in two where one of its lines ends a sentence and the next opens one.
fn split_run_together(
    input: &str,
    pages: &Pages,
    pieces: &mut Vec<Piece>,
    first: usize,
    calls: usize,
    warnings: &mut Vec<WarningDraft>,
) {
    let mut k = first;
    while pieces.len() - first < calls && k < pieces.len() {
        match sentence_break(input, pages, &pieces[k]) {
            Some(at) => {
                let rest = split_piece(&mut pieces[k], at, pages);
                warnings.push(WarningDraft {
                    code: WarningCode::FootnoteSplit,
                    message: "two notes printed as one told apart by the calls in the text"
                        .to_owned(),
                    source: Some(at..at),
                });
                pieces.insert(k + 1, rest);
            }
            None => k += 1,
        }
    }
}

/// The input offset of the first line of `piece` that follows a line ending a
/// sentence and opens with a capital.
fn sentence_break(input: &str, pages: &Pages, piece: &Piece) -> Option<usize> {
    let line = |l: usize| input[pages.lines[l].span.clone()].trim();
    piece.lines.windows(2).find_map(|w| {
        let (a, b) = (line(w[0]), line(w[1]));
        let ends = crate::scan::ends_sentence(a) && !is_marker(a);
        let opens = b.chars().next().is_some_and(|c| c.is_uppercase());
        (ends && opens && piece.text.source_at(0) < pages.lines[w[1]].span.start)
            .then_some(pages.lines[w[1]].span.start)
    })
}

/// Cut `piece` where the input offset `at` starts; returns the second half.
fn split_piece(piece: &mut Piece, at: usize, pages: &Pages) -> Piece {
    let cut = (0..piece.text.len())
        .find(|&p| piece.text.as_str().is_char_boundary(p) && piece.text.source_at(p) >= at)
        .unwrap_or(piece.text.len());
    let mut rest = piece.text.split_off(cut);
    piece.text.trim();
    rest.trim();
    let (before, after): (Vec<usize>, Vec<usize>) = piece
        .lines
        .iter()
        .partition(|&&l| pages.lines[l].span.start < at);
    piece.lines = before;
    Piece {
        text: rest,
        lines: after,
        printed: None,
        page: piece.page,
    }
}

/// How many notes the OCR may lose between two printed numbers still read as printed.
const LOST_NOTES: u32 = 3;

/// Number the notes through the report: the printed anchors kept, the notes between
/// counted on, the notes that find no room joined to the note before.
fn number(
    mut pieces: Vec<Piece>,
    title_has_call: bool,
    joiner: &Joiner,
    warnings: &mut Vec<WarningDraft>,
) -> Vec<FootnoteDraft> {
    let printed = |p: &Piece| p.printed.as_deref().and_then(|n| n.parse::<u32>().ok());
    // A note printed before note 1 can only be the `*` note.
    let before_note_one = pieces.get(1).and_then(printed) == Some(1);
    let star = pieces.first().is_some_and(|p| {
        p.printed.as_deref() == Some("*")
            || p.printed.is_none() && (title_has_call || before_note_one)
    });
    let anchors = anchors(pieces.iter().skip(usize::from(star)).map(printed));
    let mut numbers: Vec<Option<NoteNumber>> = Vec::with_capacity(pieces.len());
    if star {
        numbers.push(Some(NoteNumber::Star));
    }
    let mut next = 1u32;
    for (k, anchor) in anchors.iter().enumerate() {
        let piece = &pieces[k + usize::from(star)];
        let n = match anchor {
            Some(n) => *n,
            None => {
                // Room for a counted note: below the next anchor.
                let ahead = anchors[k + 1..].iter().find_map(|a| *a);
                if ahead.is_some_and(|a| next >= a) && !numbers.is_empty() {
                    numbers.push(None);
                    continue;
                }
                let at = piece.text.source_at(0);
                warnings.push(WarningDraft {
                    code: WarningCode::FootnoteNumberInferred,
                    message: format!(
                        "footnote {next}: number {}; taken from the sequence",
                        piece
                            .printed
                            .as_deref()
                            .map_or("not printed".to_owned(), |p| format!("printed as {p:?}"))
                    ),
                    source: Some(at..at),
                });
                next
            }
        };
        next = n + 1;
        numbers.push(Some(NoteNumber::Number(n)));
    }
    // Join each note that found no number to the note before it, last first.
    for k in (1..pieces.len()).rev() {
        if numbers[k].is_none() {
            let piece = pieces.remove(k);
            numbers.remove(k);
            let at = piece.text.source_at(0);
            warnings.push(WarningDraft {
                code: WarningCode::FootnoteJoined,
                message: "a note opening with no number where the printed numbers leave no room: read as the rest of the note before".to_owned(),
                source: Some(at..at),
            });
            let before = &mut pieces[k - 1];
            joiner.join(&mut before.text, &piece.text);
            before.lines.extend(piece.lines);
        }
    }
    pieces
        .into_iter()
        .zip(numbers)
        .map(|(piece, number)| FootnoteDraft {
            number: number.expect("every note left has a number"),
            text: piece.text,
            page: piece.page,
            lines: piece.lines,
        })
        .collect()
}

/// Which printed numbers are anchors: those that rise from the last anchor by no more
/// than the notes counted since it plus [`LOST_NOTES`]. A number one behind the count
/// (a note was read that is none) is still an anchor if it rises; one further behind
/// has lost a digit (`2` for 12).
fn anchors(printed: impl Iterator<Item = Option<u32>>) -> Vec<Option<u32>> {
    let mut last = 0u32;
    let mut since = 0u32;
    printed
        .map(|p| {
            match p.filter(|&n| n > last && n >= last + since && n - last <= since + 1 + LOST_NOTES)
            {
                Some(n) => {
                    last = n;
                    since = 0;
                    Some(n)
                }
                None => {
                    since += 1;
                    None
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_numbers_anchor_when_they_rise_a_little() {
        let a = |printed: &[Option<u32>]| anchors(printed.iter().copied());
        assert_eq!(a(&[Some(1), None, Some(4)]), [Some(1), None, Some(4)]);
        assert_eq!(a(&[Some(1), Some(9)]), [Some(1), None], "too far ahead");
        assert_eq!(
            a(&[Some(20), Some(2)]),
            [None, Some(2)],
            "a lost digit: the sequence decides"
        );
        // One behind the count (a spurious note before it) but rising: an anchor.
        assert_eq!(a(&[Some(1), None, Some(2)]), [Some(1), None, Some(2)]);
        // Further behind: a lost digit (`2` for 12).
        assert_eq!(a(&[Some(1), None, None, None, Some(2)])[4], None);
    }

    #[test]
    fn mangled_numbers_are_recognised() {
        assert!(MANGLED.is_match("%2 Voir www.unsouthsouth.org"));
        assert!(MANGLED.is_match("© Voir le communiqué"));
        assert!(MANGLED.is_match("? Resolución 61/161 de la Asamblea General, anexo."));
        assert!(MANGLED.is_match("! See A/69/411."));
        assert!(MANGLED.is_match("§ Voir S/2016/917."));
        assert!(!MANGLED.is_match("+ Introduction"));
        assert!(NUMBERED.is_match("15 Un critére systématique"));
        assert_eq!(&NUMBERED.captures("15See A/60/246").unwrap()[1], "15");
        assert!(!NUMBERED.is_match("2015 est"));
        assert!(NUMBERED.is_match("* Le rapport a été achevé"));
    }

    fn notes_of(text: &str, sure_calls: &[usize]) -> Vec<(String, String)> {
        let pages = crate::pages::paginate(text);
        let layout = crate::layout::lay_out(text, &pages, 0, None);
        let zone: Vec<usize> = (0..layout.chunks.len())
            .filter(|&i| layout.chunks[i].zone == crate::layout::Zone::Footnotes)
            .collect();
        let zones = Zones {
            chunks: &zone,
            sure_calls,
        };
        read_footnotes(
            text,
            &pages,
            &layout,
            zones,
            false,
            &mut Vec::new(),
            &mut Vec::new(),
        )
        .into_iter()
        .map(|n| (n.number.to_string(), n.text.as_str().to_owned()))
        .collect()
    }

    const BODY: &str =
        "Le texte du corps qui occupe toute la largeur de la ligne et qui continue un peu ici.\n";

    #[test]
    fn two_notes_run_together_are_split_when_the_calls_say_so() {
        let body = BODY.repeat(6);
        let text = format!("Titre\n\n{body}\n5 Voir le rapport du Secrétaire général publié en avril sur la question traitée ici.\nNations Unies, Recueil des Traités, vol. 1771.\n\nVoir A/64/350.\n");
        let calls = [10, 20, 30];
        let notes = notes_of(&text, &calls);
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert_eq!(notes[1].1, "Nations Unies, Recueil des Traités, vol. 1771.");
        // Without the calls to say so, the two stay one.
        assert_eq!(notes_of(&text, &calls[..2]).len(), 2);
    }

    #[test]
    fn a_note_before_note_one_is_the_star_note() {
        let body = BODY.repeat(6);
        let text = format!("Titre\n\n{body}\nLe présent document n’a pas été revu par les services d’édition.\n\n1 Voir A/64/350.\n\n2 Voir A/64/351.\n");
        let numbers: Vec<String> = notes_of(&text, &[]).into_iter().map(|n| n.0).collect();
        assert_eq!(numbers, ["*", "1", "2"]);
    }

    #[test]
    fn a_note_with_no_room_between_printed_numbers_carries_on_the_one_before() {
        let body = BODY.repeat(6);
        let text = format!("Titre\n\n{body}\n1 Voir A/64/350.\n\nNations Unies, Recueil des Traités.\n\n2 Voir A/64/351.\n\n3 Voir A/64/352.\n");
        let notes = notes_of(&text, &[]);
        let numbers: Vec<&str> = notes.iter().map(|n| n.0.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3"], "{notes:?}");
        assert_eq!(
            notes[0].1,
            "Voir A/64/350. Nations Unies, Recueil des Traités."
        );
    }

    #[test]
    fn a_note_without_a_number_after_one_cut_mid_sentence_carries_it_on() {
        let body = BODY.repeat(6);
        let text = format!("Titre\n\n{body}\n5 Voir le Plan d’action adopté par la Conférence des Nations Unies sur le\n\nAgua (Mar del Plata), 1977.\n");
        let notes = notes_of(&text, &[]);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].1.ends_with("sur le Agua (Mar del Plata), 1977."));
    }
}
