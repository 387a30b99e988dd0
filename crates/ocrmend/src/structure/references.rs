//! Footnote references. Superscript note calls come out of OCR as glyphs glued to a
//! word (`l’OMS®`, `(CEPALC)?`, `santé »*2`, `Bureau®!`, `2022-2025%`). Every such
//! glyph run is a candidate, scored by how surely it is a call and not punctuation.
//! Calls come in the order of their notes, and a call stands on the page of its note
//! (or the page before), so the candidates are aligned with the footnotes by dynamic
//! programming: the increasing assignment with the best total score wins. Chosen
//! calls are cut out of the text and recorded with their offset.

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
        r#"[\p{{L}}\p{{N}})\]»”"’'%.,]({glyphs}{{1,3}}\d{{0,2}}|\d{{1,2}})(?:[\s.,;:)»”]|$)"#
    ))
    .unwrap()
});

#[derive(Debug, Clone)]
struct Candidate {
    block: usize,
    /// Byte range of the glyphs in the block's text.
    range: std::ops::Range<usize>,
    /// Input offset of the glyphs.
    source: usize,
    score: f64,
}

pub fn link(
    lexicon: Option<&Lexicon>,
    blocks: &mut [BlockDraft],
    footnotes: &[FootnoteDraft],
    warnings: &mut Vec<WarningDraft>,
) {
    let candidates = candidates(blocks, lexicon);
    let numbered: Vec<&FootnoteDraft> = footnotes
        .iter()
        .filter(|f| f.number != NoteNumber::Star)
        .collect();
    let windows = windows(&numbered, footnotes);
    let chosen = align(&candidates, &windows);
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

/// Input offsets of the candidates that are surely calls, in order: what the
/// footnote reader counts against the notes of each zone.
pub fn sure_calls(blocks: &[BlockDraft], lexicon: Option<&Lexicon>) -> Vec<usize> {
    const SURE: f64 = 1.8;
    candidates(blocks, lexicon)
        .into_iter()
        .filter(|c| c.score >= SURE)
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

fn candidates(blocks: &[BlockDraft], lexicon: Option<&Lexicon>) -> Vec<Candidate> {
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

/// How surely the glyphs at `at` are a note call.
fn call_score(text: &str, at: usize, glyphs: &str, lexicon: Option<&Lexicon>) -> f64 {
    let before = text[..at].chars().next_back().unwrap_or(' ');
    let after = &text[at + glyphs.len()..];
    let next_word_capital = after
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
        && after.starts_with(' ');
    let digits_only = glyphs.chars().all(|c| c.is_ascii_digit());
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
    if digits_only {
        // Plain digits are a call only glued to a lower-case word (`mondial6`):
        // after digits they are a number (`2022-2025`), after capitals a name (`ODS6`, `G20`).
        let word_is_lower =
            word_before.chars().count() >= 3 && word_before.chars().all(|c| c.is_lowercase());
        // A word the dictionary rejects as written lost a letter to the digit
        // (`coordin6` for `coordinó`, `result6`): the repair stage's, not a call.
        let word_is_whole = lexicon.is_none_or(|l| l.is_spelled_right(word_before));
        return if word_is_lower && word_is_whole {
            1.0
        } else {
            0.0
        };
    }
    if glyphs.contains(['®', '©', '™', '°', '*', '¹', '²', '³'])
        || glyphs.chars().any(|c| c.is_ascii_digit())
    {
        return 3.0;
    }
    if glyphs.chars().count() > 1 {
        return 2.5;
    }
    match glyphs {
        // A question before a capital or at the end; `80%` a percentage (but `2021%` is a year's call).
        "?" if next_word_capital || after.trim().is_empty() => 0.0,
        "?" | "!" => 2.0,
        "%" if before.is_ascii_digit() && !after_year(text, at) => 0.0,
        "%" if before.is_ascii_digit() => 1.5,
        "%" => 2.0,
        "Z" if before.is_uppercase() => 1.0,
        "”" | "\""
            if crate::scan::closes_a_quote(&text[..at], glyphs.chars().next().unwrap_or('"')) =>
        {
            0.0
        }
        "’" | "‘" | "'" | "”" | "\"" | "“" if after.starts_with(' ') && !next_word_capital => {
            0.8
        }
        "’" | "‘" | "'" | "”" | "\"" | "“" => 1.8,
        _ => 0.0,
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
        assert_eq!(score("un programa mundial6 de", "6"), 1.0);
    }

    #[test]
    fn calls_and_punctuation() {
        assert!(score("de l’OMS® pour", "®") >= 3.0);
        assert!(score("(CEPALC)? et la", "?") >= 2.0);
        assert!(
            score("internationales? C’est", "?") < 1.0,
            "a question before a capital"
        );
        assert_eq!(score("dont 80% de la", "%"), 0.0, "a percentage");
        assert!(score("avril 2021%, les", "%") > 1.0, "a call after a year");
        assert_eq!(score("durable n® 2, le", "®"), 0.0, "the numero sign");
        assert_eq!(score("des “oceans” sont", "”"), 0.0, "a closing quote");
        assert_eq!(score("de l’ Assemblée", "’"), 0.0, "an elision");
        assert_eq!(
            score("de una vez por todas?", "?"),
            0.0,
            "a question ending the text"
        );
        assert_eq!(
            score("sostenible 6 (ODS6) en", "6"),
            0.0,
            "a digit in a name"
        );
        assert!(score("las Naciones Unidas‘, puse", "‘") > 1.0);
        assert!(score("desarrollo sostenible™*.", "™*") > 2.0);
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
