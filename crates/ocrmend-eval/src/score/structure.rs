//! Structure metrics: headings, numbered paragraphs, items, footnotes, note
//! references and metadata, each matched as the yardstick matches them.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::content::{get, Content, Kind, Unit};
use super::fuzzy::ratio;
use super::measure::Measure;
use super::text::{norm, prefix, word_before};

/// `x or None`: an empty number counts as none.
fn some(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.is_empty())
}

fn numbered_paragraph(b: &Unit) -> Option<&str> {
    match &b.kind {
        Kind::Paragraph { number } => some(number),
        _ => None,
    }
}

fn headings(blocks: &[Unit]) -> Vec<(&Unit, i64, Option<&str>)> {
    blocks
        .iter()
        .filter_map(|b| match &b.kind {
            Kind::Heading { level, number } => Some((b, *level, some(number))),
            _ => None,
        })
        .collect()
}

/// Which block cites which footnote → the word the call follows.
fn note_calls(blocks: &[Unit]) -> HashMap<(String, String), String> {
    let mut out = HashMap::new();
    for b in blocks {
        let key = match &b.kind {
            Kind::Heading { number, .. } => {
                format!("h{}", some(number).unwrap_or_else(|| prefix(&b.text, 20)))
            }
            Kind::Paragraph { number } => {
                format!("p{}", some(number).unwrap_or_else(|| prefix(&b.text, 20)))
            }
            Kind::Item { label, parent } => {
                format!("i{}{label}", parent.as_deref().unwrap_or("None"))
            }
        };
        for (n, offset) in &b.calls {
            out.insert((key.clone(), n.clone()), word_before(&b.text, *offset));
        }
    }
    out
}

pub fn structure(
    gold: &Content,
    out: &Content,
    scores: &mut BTreeMap<&'static str, Measure>,
    counts: &mut BTreeMap<&'static str, usize>,
) {
    // Headings: same level and number, text at least 90% alike.
    let gh = headings(&gold.blocks);
    let oh = headings(&out.blocks);
    let mut used = HashSet::new();
    let (mut hits, mut exact) = (0, 0);
    for (g, level, number) in &gh {
        let g_text = norm(&g.text);
        let found = oh.iter().enumerate().find(|(i, (o, l, n))| {
            !used.contains(i) && l == level && n == number && ratio(&norm(&o.text), &g_text) >= 90.0
        });
        if let Some((i, (o, _, _))) = found {
            used.insert(i);
            hits += 1;
            exact += usize::from(norm(&o.text) == g_text);
        }
    }
    scores.insert("headings_f1", Measure::f1(hits, gh.len(), oh.len()));
    scores.insert("headings_exact", Measure::rate(exact, gh.len()));

    // Numbered paragraphs: the gold's last of a number, the output's first.
    let gp: HashMap<&str, &Unit> = gold
        .blocks
        .iter()
        .filter_map(|b| Some((numbered_paragraph(b)?, b)))
        .collect();
    let mut op: HashMap<&str, &Unit> = HashMap::new();
    let mut n_out = 0;
    for b in &out.blocks {
        if let Some(n) = numbered_paragraph(b) {
            n_out += 1;
            op.entry(n).or_insert(b);
        }
    }
    let shared = gp.keys().filter(|n| op.contains_key(*n)).count();
    let exact = gp
        .iter()
        .filter(|(n, g)| op.get(*n).is_some_and(|o| norm(&o.text) == norm(&g.text)))
        .count();
    scores.insert("paragraphs_f1", Measure::f1(shared, gp.len(), n_out));
    scores.insert("paragraphs_exact", Measure::rate(exact, gp.len()));

    // Sub-items, keyed by parent paragraph and label.
    let items = |c: &Content| -> Vec<(Option<String>, String)> {
        c.blocks
            .iter()
            .filter_map(|b| match &b.kind {
                Kind::Item { label, parent } => Some((parent.clone(), label.clone())),
                _ => None,
            })
            .collect()
    };
    let gi: HashSet<_> = items(gold).into_iter().collect();
    let oi = items(out);
    let oi_set: HashSet<_> = oi.iter().cloned().collect();
    scores.insert(
        "items_f1",
        Measure::f1(gi.intersection(&oi_set).count(), gi.len(), oi.len()),
    );

    // Footnotes.
    let shared = gold
        .notes
        .iter()
        .filter(|(n, _)| get(&out.notes, n).is_some())
        .count();
    let exact = gold
        .notes
        .iter()
        .filter(|(n, t)| get(&out.notes, n).is_some_and(|o| norm(o) == norm(t)))
        .count();
    scores.insert(
        "footnotes_f1",
        Measure::f1(shared, gold.notes.len(), out.notes.len()),
    );
    scores.insert("footnotes_exact", Measure::rate(exact, gold.notes.len()));

    // Note references: which block cites which footnote, and after which word.
    let gr = note_calls(&gold.blocks);
    let or = note_calls(&out.blocks);
    let shared: Vec<_> = gr.keys().filter(|k| or.contains_key(*k)).collect();
    let placed = shared.iter().filter(|k| gr[**k] == or[**k]).count();
    scores.insert(
        "note_refs_f1",
        Measure::f1(shared.len(), gr.len(), or.len()),
    );
    scores.insert("note_refs_placed", Measure::rate(placed, gr.len()));

    // Metadata, compared without case.
    let keys: Vec<&(String, String)> = gold.meta.iter().filter(|(k, _)| k != "scope").collect();
    let same = keys
        .iter()
        .filter(|(k, v)| {
            norm(get(&out.meta, k).unwrap_or("")).to_lowercase() == norm(v).to_lowercase()
        })
        .count();
    scores.insert("metadata_exact", Measure::rate(same, keys.len()));

    counts.insert("headings", gh.len());
    counts.insert("paragraphs", gp.len());
    counts.insert("items", gi.len());
    counts.insert("footnotes", gold.notes.len());
    counts.insert("note_refs", gr.len());
}
