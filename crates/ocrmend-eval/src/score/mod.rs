//! `ocrmend score`: a result measured against hand-made ground truth, with the metrics
//! of the yardstick `../shared/eval/score.py` (same names, same definitions), and
//! their micro and macro averages over many documents.
//!
//! [`content`] reads gold files and results, [`structure`] matches blocks, footnotes,
//! references and metadata, [`align`] gives the lines of a text to gold units for the
//! move-insensitive error rates, [`fuzzy`] has the distances and ratios, [`bar`] says
//! which metrics miss the bars CI sets.

pub mod align;
pub mod bar;
pub mod content;
pub mod fuzzy;
pub mod measure;
pub mod report;
pub mod structure;
pub mod text;

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use content::{cut_lines, cut_to_scope, parse_gold, parse_result, scope_end, Content, Kind};
use fuzzy::{char_distance, word_distance};
use measure::Measure;
use text::{char_count, lines, norm, words};

/// The scores of one document, or pooled over several.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub measures: BTreeMap<&'static str, Measure>,
    /// How many headings, paragraphs, items, footnotes and note references the gold has.
    pub counts: BTreeMap<&'static str, usize>,
}

impl Scores {
    pub fn value(&self, name: &str) -> Option<f64> {
        self.measures.get(name).map(Measure::value)
    }

    /// Every metric's value by name.
    pub fn values(&self) -> BTreeMap<&'static str, f64> {
        self.measures.iter().map(|(&k, m)| (k, m.value())).collect()
    }

    /// The yardstick's JSON: every metric by name, counts as integers.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        for (name, m) in &self.measures {
            out.insert(
                (*name).to_owned(),
                match m {
                    Measure::Count(n) => json!(*n as u64),
                    _ => json!(m.value()),
                },
            );
        }
        if !self.counts.is_empty() {
            out.insert("counts".to_owned(), json!(self.counts));
        }
        Value::Object(out)
    }

    /// Add another document's counts to these (micro average).
    pub fn pool(&mut self, other: &Scores) {
        for (name, m) in &other.measures {
            match self.measures.get_mut(name) {
                Some(mine) => *mine += *m,
                None => {
                    self.measures.insert(name, *m);
                }
            }
        }
        for (name, n) in &other.counts {
            *self.counts.entry(name).or_default() += n;
        }
    }
}

/// The mean of each metric over the documents that have it (macro average).
pub fn macro_average<'a>(
    docs: impl IntoIterator<Item = &'a Scores>,
) -> BTreeMap<&'static str, f64> {
    let mut sums: BTreeMap<&'static str, (f64, usize)> = BTreeMap::new();
    for d in docs {
        for (name, m) in &d.measures {
            let s = sums.entry(name).or_default();
            s.0 += m.value();
            s.1 += 1;
        }
    }
    sums.into_iter()
        .map(|(k, (s, n))| (k, s / n as f64))
        .collect()
}

/// Body lines and footnote lines as the yardstick renders them for the error rates.
fn render(c: &Content) -> (String, String) {
    let body: Vec<String> = c.blocks.iter().map(unit_line).collect();
    (norm(&body.join("\n")), norm(&note_lines(c).join("\n")))
}

fn unit_line(b: &content::Unit) -> String {
    let number = match &b.kind {
        Kind::Item { label, .. } => return format!("{label}) {}", b.text),
        Kind::Heading { number, .. } | Kind::Paragraph { number } => number,
    };
    match number.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => format!("{n}. {}", b.text),
        None => b.text.clone(),
    }
}

/// Footnotes as `N text`, `*` first, then by number, others last in their order.
fn note_lines(c: &Content) -> Vec<String> {
    let mut notes: Vec<&(String, String)> = c.notes.iter().collect();
    notes.sort_by_key(|(n, _)| match n.as_str() {
        "*" => (0, 0),
        n if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (1, n.parse::<u128>().unwrap_or(u128::MAX))
        }
        _ => (2, 0),
    });
    notes.iter().map(|(n, t)| format!("{n} {t}")).collect()
}

/// One unit per block and footnote, normalised: what lines are aligned to.
fn units(c: &Content) -> Vec<String> {
    c.blocks
        .iter()
        .map(unit_line)
        .chain(note_lines(c))
        .map(|u| norm(&u))
        .collect()
}

fn cer(hyp: &str, reference: &str) -> Measure {
    Measure::rate(char_distance(hyp, reference), char_count(reference))
}

fn wer(hyp: &str, reference: &str) -> Measure {
    let r = words(reference);
    Measure::rate(word_distance(&words(hyp), &r), r.len())
}

/// What is scored: a result in the JSON contract, or plain text (for tools that emit
/// no structure: only the text metrics then).
#[derive(Debug, Clone, Copy)]
pub enum Output<'a> {
    Json(&'a str),
    Text(&'a str),
}

/// Score an output against a gold file; with the OCR input, also the OCR's own error
/// rates and the words the output fixed or damaged.
pub fn score(gold_text: &str, output: Output, ocr: Option<&str>) -> Result<Scores, String> {
    let gold = parse_gold(gold_text).map_err(|e| format!("gold: {e}"))?;
    let end = scope_end(&gold);
    let (gold_body, gold_foot) = render(&gold);
    let gold_all = norm(&format!("{gold_body} {gold_foot}"));
    let gold_units = units(&gold);

    let mut s = Scores::default();
    let m = &mut s.measures;
    // The output's lines, to be given to gold units; a result's are its units.
    let (out_all, out_lines): (String, Vec<String>) = match output {
        Output::Json(json) => {
            let out = cut_to_scope(
                parse_result(json).map_err(|e| format!("result: {e}"))?,
                end,
                &gold,
            );
            let (out_body, out_foot) = render(&out);
            m.insert("body_cer", cer(&out_body, &gold_body));
            m.insert("body_wer", wer(&out_body, &gold_body));
            m.insert("notes_cer", cer(&out_foot, &gold_foot));
            structure::structure(&gold, &out, m, &mut s.counts);
            (norm(&format!("{out_body} {out_foot}")), units(&out))
        }
        Output::Text(text) => {
            let kept = cut_lines(lines(text), end);
            (
                norm(&kept.join("\n")),
                kept.into_iter().map(str::to_owned).collect(),
            )
        }
    };
    m.insert("cer", cer(&out_all, &gold_all));
    m.insert("wer", wer(&out_all, &gold_all));

    let out_lines: Vec<&str> = out_lines.iter().map(String::as_str).collect();
    let out_aligned = align::aligned(&gold_units, &align::segments(&out_lines, &gold_units));
    let aligned_cer = (out_aligned.edits as f64, out_aligned.total as f64);
    m.insert(
        "aligned_cer",
        Measure::rate(out_aligned.edits, out_aligned.total),
    );

    if let Some(ocr) = ocr {
        // The OCR as the yardstick reads it: universal newlines, cut to the scope.
        let ocr_raw = cut_lines(lines(ocr), end).join("\n");
        let ocr_all = norm(&ocr_raw);
        m.insert("ocr_cer", cer(&ocr_all, &gold_all));
        m.insert("ocr_wer", wer(&ocr_all, &gold_all));
        let ocr_aligned =
            align::aligned(&gold_units, &align::segments(&lines(&ocr_raw), &gold_units));
        m.insert(
            "ocr_aligned_cer",
            Measure::rate(ocr_aligned.edits, ocr_aligned.total),
        );
        m.insert(
            "aligned_cer_reduction",
            Measure::Reduction {
                after: aligned_cer,
                before: (ocr_aligned.edits as f64, ocr_aligned.total as f64),
            },
        );
        let (mut fixed, mut unfixed, mut damaged, mut kept) = (0, 0, 0, 0);
        for (was_ok, is_ok) in ocr_aligned.words_ok.iter().zip(&out_aligned.words_ok) {
            match (was_ok, is_ok) {
                (false, true) => fixed += 1,
                (false, false) => unfixed += 1,
                (true, false) => damaged += 1,
                (true, true) => kept += 1,
            }
        }
        m.insert(
            "words_wrong_in_ocr",
            Measure::Count((fixed + unfixed) as f64),
        );
        m.insert(
            "words_right_in_ocr",
            Measure::Count((kept + damaged) as f64),
        );
        m.insert("fix_rate", Measure::rate(fixed, fixed + unfixed));
        m.insert("damage_rate", Measure::rate(damaged, kept + damaged));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "%symbol A/1\n%title Un titre\n# I. Introduction\n1. Le texte[^1] est ici.\na) premier\n2. Deuxième paragraphe.\n[^1]: Une note.\n";

    fn result(p1: &str, note_offset: usize) -> String {
        json!({
            "metadata": {"symbol": "A/1", "title": "Un titre"},
            "blocks": [
                {"kind": "heading", "level": 1, "number": "I", "text": "Introduction"},
                {"kind": "paragraph", "number": "1", "text": p1,
                 "notes": [{"number": "1", "offset": note_offset}]},
                {"kind": "item", "label": "a", "text": "premier"},
                {"kind": "paragraph", "number": "2", "text": "Deuxième paragraphe."}
            ],
            "footnotes": [{"number": "1", "text": "Une note."}]
        })
        .to_string()
    }

    #[test]
    fn a_perfect_result_scores_perfectly() {
        let s = score(GOLD, Output::Json(&result("Le texte est ici.", 8)), None).unwrap();
        for name in ["cer", "wer", "body_cer", "notes_cer", "aligned_cer"] {
            assert_eq!(s.value(name), Some(0.0), "{name}");
        }
        for name in [
            "headings_f1",
            "paragraphs_f1",
            "paragraphs_exact",
            "items_f1",
            "footnotes_f1",
            "note_refs_f1",
            "note_refs_placed",
            "metadata_exact",
        ] {
            assert_eq!(s.value(name), Some(1.0), "{name}");
        }
        assert_eq!(s.counts["paragraphs"], 2);
    }

    #[test]
    fn one_wrong_word_and_a_misplaced_call() {
        let s = score(GOLD, Output::Json(&result("Le texle est ici.", 2)), None).unwrap();
        assert_eq!(s.value("paragraphs_exact"), Some(0.5));
        assert_eq!(s.value("note_refs_f1"), Some(1.0));
        assert_eq!(s.value("note_refs_placed"), Some(0.0));
        let gold_len = char_count(
            "I. Introduction 1. Le texte est ici. a) premier 2. Deuxième paragraphe. 1 Une note.",
        );
        assert_eq!(s.value("cer"), Some(1.0 / gold_len as f64));
    }

    #[test]
    fn fixes_and_damage_against_the_ocr() {
        let ocr = "A/1\nI. Introduction\n1. Le texle est ici.\na) prernier\n2. Deuxième paragraphe.\n1 Une note.\n";
        let s = score(
            GOLD,
            Output::Json(&result("Le texte est ici.", 8)),
            Some(ocr),
        )
        .unwrap();
        // Figures from score.py on the same three files.
        assert_eq!(s.value("words_wrong_in_ocr"), Some(3.0));
        assert_eq!(s.value("words_right_in_ocr"), Some(12.0));
        assert_eq!(s.value("fix_rate"), Some(1.0));
        assert_eq!(s.value("damage_rate"), Some(0.0));
    }

    #[test]
    fn plain_text_gets_the_text_metrics_only() {
        let text = "I. Introduction\n\n1. Le texte est ici.\n\na) premier\n\n2. Deuxième paragraphe.\n\n1 Une note.\n";
        let s = score(GOLD, Output::Text(text), None).unwrap();
        assert_eq!(s.value("cer"), Some(0.0));
        assert_eq!(s.value("aligned_cer"), Some(0.0));
        assert_eq!(s.value("paragraphs_f1"), None);
        assert!(s.counts.is_empty());
    }

    #[test]
    fn micro_pools_counts_macro_averages_values() {
        let a = score(GOLD, Output::Json(&result("Le texte est ici.", 8)), None).unwrap();
        let b = score(GOLD, Output::Json(&result("Le texle est ici.", 8)), None).unwrap();
        let mut pooled = a.clone();
        pooled.pool(&b);
        assert_eq!(pooled.value("paragraphs_exact"), Some(0.75));
        assert_eq!(macro_average([&a, &b])["paragraphs_exact"], 0.75);
        assert_eq!(pooled.counts["paragraphs"], 4);
    }
}
