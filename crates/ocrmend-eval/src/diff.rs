//! `ocrmend diff`: what a parser change did to a result — blocks added, removed or
//! renumbered, word-level text changes per block, footnotes and note calls changed,
//! corrections and warnings gained or lost, metadata changed.
//!
//! Blocks are matched by text (an LCS over the block texts); within a run of unmatched
//! blocks, an old and a new block that are at least 60% alike (`SAME_BLOCK`) are the
//! same block changed. Corrections and warnings are matched by what they are and the
//! words around them in the clean text, never by their spans, which all move when one
//! character of the input does (see [`twins`]).

use std::collections::BTreeSet;
use std::hash::Hash;
use std::io::IsTerminal;
use std::ops::Range;

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::score::fuzzy::ratio;
use crate::score::text::word_before;
use ocrmend::{Block, BlockKind, Correction, Document, NoteRef, Warning};

/// How alike (fuzz ratio, 0–100) an old and a new block must be to count as one.
const SAME_BLOCK: f64 = 60.0;
/// Words of context either side: shown around a text change, and part of what pairs an
/// old correction or warning with a new one.
const CONTEXT: usize = 3;

#[derive(Debug, Serialize)]
pub struct Diff {
    pub blocks: Vec<BlockChange>,
    pub footnotes: Vec<FootnoteChange>,
    pub corrections: CorrectionChanges,
    pub warnings: Gained<Warning>,
    pub metadata: Vec<FieldChange>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum BlockChange {
    Added {
        new: usize,
        label: String,
        text: String,
    },
    Removed {
        old: usize,
        label: String,
        text: String,
    },
    /// The same block, renumbered (label changed), reworded, or with other calls.
    Changed {
        old: usize,
        new: usize,
        old_label: String,
        new_label: String,
        words: Vec<WordEdit>,
        #[serde(skip_serializing_if = "Option::is_none")]
        calls: Option<CallChange>,
    },
}

/// Words `old` of the old text, from word `at`, became `new`.
#[derive(Debug, Serialize, PartialEq)]
pub struct WordEdit {
    pub at: usize,
    pub old: String,
    pub new: String,
    /// A few words either side, for reading.
    pub before: String,
    pub after: String,
}

/// A block's note calls, each as `N after «word»`, before and after.
#[derive(Debug, Serialize)]
pub struct CallChange {
    pub old: Vec<String>,
    pub new: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum FootnoteChange {
    Added {
        number: String,
        text: String,
    },
    Removed {
        number: String,
        text: String,
    },
    Changed {
        number: String,
        words: Vec<WordEdit>,
    },
}

#[derive(Debug, Serialize)]
pub struct Gained<T> {
    pub gained: Vec<T>,
    pub lost: Vec<T>,
}

/// Corrections of the new result with no twin in the old (gained), the other way
/// (lost), and twins whose confidence moved (changed).
#[derive(Debug, Serialize)]
pub struct CorrectionChanges {
    pub gained: Vec<Correction>,
    pub lost: Vec<Correction>,
    pub changed: Vec<ConfidenceChange>,
}

/// One correction in both results, made with another confidence.
#[derive(Debug, Serialize)]
pub struct ConfidenceChange {
    pub old: Correction,
    pub new: Correction,
}

#[derive(Debug, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A block as a reader names it: `¶12`, `I.` (heading), `50 a)` (item).
pub fn label(b: &Block) -> String {
    match &b.kind {
        BlockKind::Heading { level, number } => match number {
            Some(n) => format!("heading {n}."),
            None => format!("heading (level {level})"),
        },
        BlockKind::Paragraph { number: Some(n) } => format!("¶{n}"),
        BlockKind::Paragraph { number: None } => "¶ (unnumbered)".to_owned(),
        BlockKind::Item { label, parent } => {
            format!(
                "item {}{label})",
                parent.as_deref().map_or(String::new(), |p| format!("{p} "))
            )
        }
    }
}

fn calls(b: &Block) -> Vec<String> {
    b.notes
        .iter()
        .map(|n: &NoteRef| format!("{} after «{}»", n.number, word_before(&b.text, n.offset)))
        .collect()
}

/// Word-level edits turning `old` into `new`.
pub fn word_edits(old: &str, new: &str) -> Vec<WordEdit> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let join = |w: &[&str], r: Range<usize>| w[r].join(" ");
    capture_diff_slices(Algorithm::Myers, &a, &b)
        .iter()
        .map(|op| op.as_tag_tuple())
        .filter(|(tag, _, _)| *tag != DiffTag::Equal)
        .map(|(_, o, n)| WordEdit {
            at: o.start,
            before: join(&a, o.start.saturating_sub(CONTEXT)..o.start),
            after: join(&a, o.end..(o.end + CONTEXT).min(a.len())),
            old: join(&a, o),
            new: join(&b, n),
        })
        .collect()
}

fn changed(old: usize, new: usize, a: &Block, b: &Block) -> Option<BlockChange> {
    let (old_calls, new_calls) = (calls(a), calls(b));
    let words = word_edits(&a.text, &b.text);
    let (old_label, new_label) = (label(a), label(b));
    if words.is_empty() && old_calls == new_calls && old_label == new_label {
        return None;
    }
    Some(BlockChange::Changed {
        old,
        new,
        old_label,
        new_label,
        words,
        calls: (old_calls != new_calls).then_some(CallChange {
            old: old_calls,
            new: new_calls,
        }),
    })
}

fn diff_blocks(old: &[Block], new: &[Block]) -> Vec<BlockChange> {
    let a: Vec<&str> = old.iter().map(|b| b.text.as_str()).collect();
    let b: Vec<&str> = new.iter().map(|b| b.text.as_str()).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            out.extend(
                o.zip(n)
                    .filter_map(|(i, j)| changed(i, j, &old[i], &new[j])),
            );
            continue;
        }
        // Pair the run's blocks in order where they are alike enough.
        let mut next_new = n.start;
        for i in o {
            let twin = (next_new..n.end).find(|&j| ratio(&old[i].text, &new[j].text) >= SAME_BLOCK);
            match twin {
                Some(j) => {
                    out.extend((next_new..j).map(|j| added(j, &new[j])));
                    out.extend(changed(i, j, &old[i], &new[j]));
                    next_new = j + 1;
                }
                None => out.push(BlockChange::Removed {
                    old: i,
                    label: label(&old[i]),
                    text: old[i].text.clone(),
                }),
            }
        }
        out.extend((next_new..n.end).map(|j| added(j, &new[j])));
    }
    out
}

fn added(j: usize, b: &Block) -> BlockChange {
    BlockChange::Added {
        new: j,
        label: label(b),
        text: b.text.clone(),
    }
}

fn diff_footnotes(old: &Document, new: &Document) -> Vec<FootnoteChange> {
    let find = |d: &Document, n: &str| d.footnotes.iter().find(|f| f.number == n).cloned();
    let mut numbers: Vec<&str> = Vec::new();
    for f in old.footnotes.iter().chain(&new.footnotes) {
        if !numbers.contains(&f.number.as_str()) {
            numbers.push(&f.number);
        }
    }
    numbers
        .into_iter()
        .filter_map(|n| match (find(old, n), find(new, n)) {
            (Some(a), Some(b)) => {
                let words = word_edits(&a.text, &b.text);
                (!words.is_empty()).then(|| FootnoteChange::Changed {
                    number: n.to_owned(),
                    words,
                })
            }
            (Some(a), None) => Some(FootnoteChange::Removed {
                number: n.to_owned(),
                text: a.text,
            }),
            (None, Some(b)) => Some(FootnoteChange::Added {
                number: n.to_owned(),
                text: b.text,
            }),
            (None, None) => None,
        })
        .collect()
}

/// A correction or warning as it is paired: what it is, and the words around it.
#[derive(PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Keyed<W> {
    what: W,
    context: (String, String),
}

/// The `CONTEXT` words of the clean text either side of `word` where input offset `at`
/// lies: in the block or footnote whose spans hold it, at the occurrence of `word`
/// nearest to where `at` falls in its text (text and input differ by joined lines,
/// undone hyphens and corrections, so that place is an estimate). Empty when no block
/// or footnote holds `at` (a correction in the masthead).
fn context(doc: &Document, at: usize, word: &str) -> (String, String) {
    let texts = doc.blocks.iter().map(|b| (&b.text, &b.spans));
    let notes = doc.footnotes.iter().map(|f| (&f.text, &f.spans));
    let Some((text, estimate)) = texts.chain(notes).find_map(|(text, spans)| {
        let mut before = 0;
        for &[start, end] in spans {
            if (start..end).contains(&at) {
                return Some((text, before + at - start));
            }
            before += end - start;
        }
        None
    }) else {
        return Default::default();
    };
    let estimate = text
        .char_indices()
        .nth(estimate)
        .map_or(text.len(), |(i, _)| i);
    let (start, end) = text
        .match_indices(word)
        .map(|(i, _)| (i, i + word.len()))
        .min_by_key(|(i, _)| i.abs_diff(estimate))
        .unwrap_or((estimate, estimate));
    let mut before: Vec<&str> = text[..start]
        .split_whitespace()
        .rev()
        .take(CONTEXT)
        .collect();
    before.reverse();
    let after: Vec<&str> = text[end..].split_whitespace().take(CONTEXT).collect();
    (before.join(" "), after.join(" "))
}

/// Index pairs of `old` and `new` with equal keys, in order: a longest common
/// subsequence.
fn common<K: Hash + Eq + Ord>(old: &[K], new: &[K]) -> Vec<(usize, usize)> {
    capture_diff_slices(Algorithm::Myers, old, new)
        .iter()
        .map(|op| op.as_tag_tuple())
        .filter(|(tag, _, _)| *tag == DiffTag::Equal)
        .flat_map(|(_, o, n)| o.zip(n))
        .collect()
}

/// The old and new items (each list in span order) that are one: first by what they
/// are and their context, so that repeated identical items pair in order; then, within
/// each gap between those pairs, by what they are alone (the words around them changed).
fn twins<W: Hash + Eq + Ord>(old: &[Keyed<W>], new: &[Keyed<W>]) -> Vec<(usize, usize)> {
    fn what<W>(items: &[Keyed<W>]) -> Vec<&W> {
        items.iter().map(|k| &k.what).collect()
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    // The ends of both lists close the last gap.
    for (a, b) in common(old, new).into_iter().chain([(old.len(), new.len())]) {
        let in_gap = common(&what(&old[i..a]), &what(&new[j..b]));
        pairs.extend(in_gap.into_iter().map(|(x, y)| (i + x, j + y)));
        pairs.push((a, b));
        (i, j) = (a + 1, b + 1);
    }
    pairs.pop();
    pairs
}

/// The items of two results (each list in span order) and which of them are twins.
struct Matched<'a, T> {
    old: Vec<&'a T>,
    new: Vec<&'a T>,
    pairs: Vec<(usize, usize)>,
}

impl<T: Clone> Matched<'_, T> {
    /// The new items with no old twin.
    fn gained(&self) -> Vec<T> {
        unpaired(&self.new, self.pairs.iter().map(|p| p.1))
    }

    /// The old items with no new twin.
    fn lost(&self) -> Vec<T> {
        unpaired(&self.old, self.pairs.iter().map(|p| p.0))
    }
}

fn unpaired<T: Clone>(items: &[&T], paired: impl Iterator<Item = usize>) -> Vec<T> {
    let paired: BTreeSet<usize> = paired.collect();
    items
        .iter()
        .enumerate()
        .filter(|(i, _)| !paired.contains(i))
        .map(|(_, x)| (*x).clone())
        .collect()
}

/// Pairs the `items` of `old` and `new` ordered by `span`, each keyed by `key`.
fn matched<'a, T, S: Ord, W: Hash + Eq + Ord>(
    old: &'a Document,
    new: &'a Document,
    items: impl Fn(&'a Document) -> &'a [T],
    span: impl Fn(&T) -> S,
    key: impl Fn(&Document, &T) -> Keyed<W>,
) -> Matched<'a, T> {
    let sorted = |d: &'a Document| {
        let mut all: Vec<&T> = items(d).iter().collect();
        all.sort_by_key(|x| span(x));
        all
    };
    let (a, b) = (sorted(old), sorted(new));
    let keyed = |d: &Document, all: &[&T]| all.iter().map(|x| key(d, x)).collect::<Vec<_>>();
    let pairs = twins(&keyed(old, &a), &keyed(new, &b));
    Matched {
        old: a,
        new: b,
        pairs,
    }
}

fn diff_corrections(old: &Document, new: &Document) -> CorrectionChanges {
    let m = matched(
        old,
        new,
        |d| &d.corrections,
        |c| c.span,
        |d, c| Keyed {
            what: [&c.before, &c.after, &c.stage, &c.rule].map(String::clone),
            context: context(d, c.span[0], &c.after),
        },
    );
    CorrectionChanges {
        gained: m.gained(),
        lost: m.lost(),
        changed: m
            .pairs
            .iter()
            .map(|&(i, j)| (m.old[i], m.new[j]))
            .filter(|(a, b)| a.confidence != b.confidence)
            .map(|(a, b)| ConfidenceChange {
                old: a.clone(),
                new: b.clone(),
            })
            .collect(),
    }
}

fn diff_warnings(old: &Document, new: &Document) -> Gained<Warning> {
    let m = matched(
        old,
        new,
        |d| &d.warnings,
        |w| w.span,
        |d, w| Keyed {
            what: [&w.code, &w.message].map(String::clone),
            context: w
                .span
                .map_or_else(Default::default, |s| context(d, s[0], "")),
        },
    );
    Gained {
        gained: m.gained(),
        lost: m.lost(),
    }
}

fn diff_metadata(old: &Document, new: &Document) -> Vec<FieldChange> {
    let fields = |d: &Document| serde_json::to_value(&d.metadata).expect("metadata serialises");
    let (a, b) = (fields(old), fields(new));
    let mut names: BTreeSet<&String> = BTreeSet::new();
    names.extend(a.as_object().into_iter().flat_map(|m| m.keys()));
    names.extend(b.as_object().into_iter().flat_map(|m| m.keys()));
    names
        .into_iter()
        .filter(|k| a[k.as_str()] != b[k.as_str()])
        .map(|k| FieldChange {
            field: k.clone(),
            old: a[k.as_str()].as_str().map(str::to_owned),
            new: b[k.as_str()].as_str().map(str::to_owned),
        })
        .collect()
}

impl Diff {
    /// Nothing changed (what `--exit-code` reports as status 0).
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
            && self.footnotes.is_empty()
            && self.corrections.gained.is_empty()
            && self.corrections.lost.is_empty()
            && self.corrections.changed.is_empty()
            && self.warnings.gained.is_empty()
            && self.warnings.lost.is_empty()
            && self.metadata.is_empty()
    }
}

pub fn diff(old: &Document, new: &Document) -> Diff {
    Diff {
        blocks: diff_blocks(&old.blocks, &new.blocks),
        footnotes: diff_footnotes(old, new),
        corrections: diff_corrections(old, new),
        warnings: diff_warnings(old, new),
        metadata: diff_metadata(old, new),
    }
}

/// Read a result: the JSON contract, or an insta snapshot of it (`.snap`, whose
/// `---` header is skipped), so that a pending snapshot can be read against the
/// accepted one.
pub fn read_document(text: &str) -> Result<Document, String> {
    let body = match text.strip_prefix("---\n") {
        Some(rest) => rest.split_once("\n---\n").map_or(rest, |(_, body)| body),
        None => text,
    };
    serde_json::from_str(body).map_err(|e| format!("not an ocrmend/1 document: {e}"))
}

/// Styles for the terminal: colour only when writing to one.
struct Style {
    colour: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn removed(&self, s: &str) -> String {
        self.paint("31", &format!("[-{s}-]"))
    }
    fn added(&self, s: &str) -> String {
        self.paint("32", &format!("{{+{s}+}}"))
    }
}

fn short(text: &str) -> String {
    let head: String = text.chars().take(90).collect();
    if head.len() < text.len() {
        format!("{head}…")
    } else {
        head
    }
}

fn edits(out: &mut String, style: &Style, words: &[WordEdit]) {
    for w in words {
        let mut change = String::new();
        if !w.old.is_empty() {
            change.push_str(&style.removed(&w.old));
        }
        if !w.new.is_empty() {
            change.push_str(&style.added(&w.new));
        }
        let line: Vec<&str> = [w.before.as_str(), &change, w.after.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect();
        out.push_str(&format!("      … {} …\n", line.join(" ")));
    }
}

/// The diff for a terminal: `+` added, `-` removed, `~` changed; word changes as
/// `[-old-]{+new+}` with a few words of context.
pub fn render(d: &Diff) -> String {
    let style = Style {
        colour: std::io::stdout().is_terminal(),
    };
    let mut out = String::new();
    let count = |f: fn(&BlockChange) -> bool| d.blocks.iter().filter(|c| f(c)).count();
    let renumbered = count(
        |c| matches!(c, BlockChange::Changed { old_label, new_label, .. } if old_label != new_label),
    );
    out.push_str(&format!(
        "blocks: {} added, {} removed, {} changed ({renumbered} renumbered)\n",
        count(|c| matches!(c, BlockChange::Added { .. })),
        count(|c| matches!(c, BlockChange::Removed { .. })),
        count(|c| matches!(c, BlockChange::Changed { .. })),
    ));
    for c in &d.blocks {
        match c {
            BlockChange::Added { label, text, .. } => {
                out.push_str(&style.paint("32", &format!("  + {label}  {}\n", short(text))))
            }
            BlockChange::Removed { label, text, .. } => {
                out.push_str(&style.paint("31", &format!("  - {label}  {}\n", short(text))))
            }
            BlockChange::Changed {
                old_label,
                new_label,
                words,
                calls,
                ..
            } => {
                if old_label == new_label {
                    out.push_str(&format!("  ~ {old_label}\n"));
                } else {
                    out.push_str(&format!("  ~ {old_label} → {new_label} (renumbered)\n"));
                }
                edits(&mut out, &style, words);
                if let Some(calls) = calls {
                    out.push_str(&format!(
                        "      calls: [{}] → [{}]\n",
                        calls.old.join(", "),
                        calls.new.join(", ")
                    ));
                }
            }
        }
    }
    out.push_str(&format!("footnotes: {} changed\n", d.footnotes.len()));
    for f in &d.footnotes {
        match f {
            FootnoteChange::Added { number, text } => {
                out.push_str(&style.paint("32", &format!("  + note {number}  {}\n", short(text))))
            }
            FootnoteChange::Removed { number, text } => {
                out.push_str(&style.paint("31", &format!("  - note {number}  {}\n", short(text))))
            }
            FootnoteChange::Changed { number, words } => {
                out.push_str(&format!("  ~ note {number}\n"));
                edits(&mut out, &style, words);
            }
        }
    }
    out.push_str(&format!(
        "corrections: {} gained, {} lost, {} changed confidence\n",
        d.corrections.gained.len(),
        d.corrections.lost.len(),
        d.corrections.changed.len()
    ));
    let correction = |sign: &str, c: &Correction, confidence: &str| {
        format!(
            "  {sign} [{}, {}) {} → {}  ({} {}, {confidence})\n",
            c.span[0], c.span[1], c.before, c.after, c.stage, c.rule
        )
    };
    for c in &d.corrections.gained {
        out.push_str(&style.paint("32", &correction("+", c, &c.confidence.to_string())));
    }
    for c in &d.corrections.lost {
        out.push_str(&style.paint("31", &correction("-", c, &c.confidence.to_string())));
    }
    for c in &d.corrections.changed {
        let confidence = format!("{} → {}", c.old.confidence, c.new.confidence);
        out.push_str(&correction("~", &c.new, &confidence));
    }
    out.push_str(&format!(
        "warnings: {} gained, {} lost\n",
        d.warnings.gained.len(),
        d.warnings.lost.len()
    ));
    for (sign, code, list) in [
        ("+", "32", &d.warnings.gained),
        ("-", "31", &d.warnings.lost),
    ] {
        for w in list {
            out.push_str(&style.paint(code, &format!("  {sign} {}: {}\n", w.code, w.message)));
        }
    }
    if !d.metadata.is_empty() {
        out.push_str("metadata:\n");
        for f in &d.metadata {
            out.push_str(&format!(
                "  ~ {}: {:?} → {:?}\n",
                f.field,
                f.old.as_deref().unwrap_or("(none)"),
                f.new.as_deref().unwrap_or("(none)")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Document {
        ocrmend::clean(
            include_bytes!("../../../fixtures/A-75-371-fr.ocr.txt"),
            &ocrmend::Options::default(),
        )
        .expect("the seed is text")
        .document
    }

    #[test]
    fn a_document_against_itself_changes_nothing() {
        let doc = seed();
        assert!(diff(&doc, &doc).is_empty());
    }

    #[test]
    fn renumbering_rewording_and_removal_are_told_apart() {
        let old = seed();
        let mut new = old.clone();
        let p = new
            .blocks
            .iter()
            .position(|b| {
                b.kind
                    == BlockKind::Paragraph {
                        number: Some("7".into()),
                    }
            })
            .unwrap();
        new.blocks[p].kind = BlockKind::Paragraph {
            number: Some("70".into()),
        };
        new.blocks[p + 1].text = new.blocks[p + 1].text.replacen(' ', " nouveau ", 1);
        new.blocks.remove(p + 3);
        new.footnotes[0].text.push_str(" Ajout.");
        let lost = new.corrections.pop().unwrap();
        let d = diff(&old, &new);
        let changed: Vec<(&str, &str, usize)> = d
            .blocks
            .iter()
            .map(|c| match c {
                BlockChange::Changed {
                    old_label,
                    new_label,
                    words,
                    ..
                } => (old_label.as_str(), new_label.as_str(), words.len()),
                BlockChange::Removed { label, .. } => (label.as_str(), "", 0),
                BlockChange::Added { .. } => ("added", "", 0),
            })
            .collect();
        assert_eq!(changed.len(), 3, "{changed:?}");
        assert_eq!(changed[0], ("¶7", "¶70", 0));
        assert_eq!(changed[1].2, 1);
        assert_eq!(changed[2].1, "", "removed");
        assert!(
            matches!(&d.footnotes[0], FootnoteChange::Changed { words, .. } if words[0].new == "Ajout.")
        );
        assert_eq!(d.corrections.lost.len(), 1);
        assert_eq!(d.corrections.lost[0].span, lost.span);
    }

    /// The seed cleaned with its first occurrence of `from` replaced by `to`.
    fn seed_with(from: &str, to: &str) -> Document {
        let ocr = include_str!("../../../fixtures/A-75-371-fr.ocr.txt").replacen(from, to, 1);
        ocrmend::clean_str(&ocr, &ocrmend::Options::default())
            .expect("the seed is text")
            .document
    }

    fn french(text: &str) -> Document {
        let options = ocrmend::Options {
            lang: Some(ocrmend::Lang::Fr),
            ..Default::default()
        };
        ocrmend::clean_str(text, &options).expect("text").document
    }

    fn counts(c: &CorrectionChanges) -> (usize, usize, usize) {
        (c.gained.len(), c.lost.len(), c.changed.len())
    }

    #[test]
    fn a_character_inserted_early_moves_no_correction_or_warning() {
        let old = seed();
        let new = seed_with("Les Etats Membres n’ont", "Les Etats Membres x n’ont");
        let last = |d: &Document| d.corrections.last().unwrap().span;
        assert_eq!(last(&new)[0], last(&old)[0] + 2, "every later span moved");
        let d = diff(&old, &new);
        assert_eq!(counts(&d.corrections), (0, 0, 0));
        assert!(d.warnings.gained.is_empty() && d.warnings.lost.is_empty());
        assert_eq!(d.blocks.len(), 1, "the one paragraph reworded");
    }

    #[test]
    fn a_correction_made_of_other_letters_is_lost_and_gained() {
        let old = seed();
        let new = seed_with("sa soixante-quinziéme", "sa soixante-quinzieme");
        let d = diff(&old, &new);
        assert!(d.blocks.is_empty(), "the clean text is the same");
        assert_eq!(counts(&d.corrections), (1, 1, 0));
        assert_eq!(d.corrections.lost[0].before, "quinziéme");
        assert_eq!(d.corrections.gained[0].before, "quinzieme");
    }

    #[test]
    fn a_correction_with_another_confidence_is_changed() {
        let old = seed();
        let mut new = old.clone();
        new.corrections[20].confidence = 0.5;
        let d = diff(&old, &new);
        assert_eq!(counts(&d.corrections), (0, 0, 1));
        assert_eq!(d.corrections.changed[0].old.span, old.corrections[20].span);
        assert_eq!(d.corrections.changed[0].new.confidence, 0.5);
        assert!(!d.is_empty());
    }

    #[test]
    fn repeated_corrections_pair_in_order_by_the_words_around_them() {
        let old = french("1. Le pays a pris part a la réunion et a la conférence.\n");
        let new = french("1. Le pays a pris part à la réunion et a la conférence.\n");
        let a_to_à = |d: &Document| {
            d.corrections
                .iter()
                .filter(|c| (c.before.as_str(), c.after.as_str()) == ("a", "à"))
                .count()
        };
        assert_eq!((a_to_à(&old), a_to_à(&new)), (2, 1));
        let d = diff(&old, &new);
        assert_eq!(counts(&d.corrections), (0, 1, 0));
        assert_eq!(
            d.corrections.lost[0].span, old.corrections[0].span,
            "the first one is lost, not the second"
        );
    }

    #[test]
    fn word_edits_carry_context() {
        let e = word_edits("a b c d e f", "a b X d e f");
        assert_eq!(
            e,
            [WordEdit {
                at: 2,
                old: "c".into(),
                new: "X".into(),
                before: "a b".into(),
                after: "d e f".into()
            }]
        );
    }

    #[test]
    fn snapshots_read_like_results() {
        let doc = seed();
        let json = serde_json::to_string_pretty(&doc).unwrap();
        let snap = format!("---\nsource: tests/pipeline.rs\nexpression: doc\n---\n{json}\n");
        assert_eq!(read_document(&snap).unwrap().blocks.len(), doc.blocks.len());
        assert!(read_document("{").is_err());
    }
}
