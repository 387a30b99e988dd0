//! Scoring files and folders of files, and the scores as a table or JSON.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{macro_average, score, Output, Scores};

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Score one result file (JSON, or plain text with `text`) against one gold file, with
/// the OCR input if given (read leniently, as OCR may hold bytes that are not UTF-8).
pub fn score_files(
    gold: &Path,
    result: &Path,
    text: bool,
    ocr: Option<&Path>,
) -> Result<Scores, String> {
    let ocr = match ocr {
        Some(p) => Some(
            String::from_utf8_lossy(
                &std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
            )
            .into_owned(),
        ),
        None => None,
    };
    let result = read_text(result)?;
    let output = if text {
        Output::Text(&result)
    } else {
        Output::Json(&result)
    };
    score(&read_text(gold)?, output, ocr.as_deref()).map_err(|e| format!("{}: {e}", gold.display()))
}

/// A document's file in a folder: `<id><suffix>`, or `<id>/<name>` (the yardstick's
/// layout, `dev/<id>/gold.txt`).
fn find(dir: &Path, id: &str, suffix: &str, name: &str) -> Option<PathBuf> {
    [dir.join(format!("{id}{suffix}")), dir.join(id).join(name)]
        .into_iter()
        .find(|p| p.is_file())
}

/// The documents of a gold folder: ids of `<id>.gold.txt` files and `<id>/gold.txt`.
fn gold_ids(dir: &Path) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            match name.strip_suffix(".gold.txt") {
                Some(id) => Some(id.to_owned()),
                None => e.path().join("gold.txt").is_file().then_some(name),
            }
        })
        .collect();
    ids.sort();
    if ids.is_empty() {
        return Err(format!(
            "no gold files in {}: expected <id>.gold.txt or <id>/gold.txt",
            dir.display()
        ));
    }
    Ok(ids)
}

/// Score every document of a gold folder against `<result_dir>/<id>.json`; the OCR,
/// when an OCR folder is given, is `<id>.ocr.txt` or `<id>/ocr.txt` there.
pub fn score_dirs(
    gold_dir: &Path,
    result_dir: &Path,
    ocr_dir: Option<&Path>,
) -> Result<Vec<(String, Scores)>, String> {
    gold_ids(gold_dir)?
        .into_iter()
        .map(|id| {
            let gold = find(gold_dir, &id, ".gold.txt", "gold.txt").expect("listed");
            let result = find(result_dir, &id, ".json", "result.json").ok_or_else(|| {
                format!(
                    "no result for {id}: expected {}",
                    result_dir.join(format!("{id}.json")).display()
                )
            })?;
            let ocr = match ocr_dir {
                Some(dir) => Some(find(dir, &id, ".ocr.txt", "ocr.txt").ok_or_else(|| {
                    format!(
                        "no OCR input for {id} in {}: expected {id}.ocr.txt or {id}/ocr.txt",
                        dir.display()
                    )
                })?),
                None => None,
            };
            Ok((id, score_files(&gold, &result, false, ocr.as_deref())?))
        })
        .collect()
}

/// One document's scores as `name value` lines, as the yardstick prints them.
pub fn listing(s: &Scores) -> String {
    let mut out = String::new();
    for (name, m) in &s.measures {
        match m {
            super::measure::Measure::Count(n) => out.push_str(&format!("{name:22} {n}\n")),
            _ => out.push_str(&format!("{name:22} {:.4}\n", m.value())),
        }
    }
    if !s.counts.is_empty() {
        let counts: Vec<String> = s.counts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        out.push_str(&format!("{:22} {}\n", "counts", counts.join(" ")));
    }
    out
}

/// The columns of the many-document table (the dev-set summary's).
const COLUMNS: [(&str, &str); 11] = [
    ("fix_rate", "fix"),
    ("damage_rate", "damage"),
    ("aligned_cer", "cer"),
    ("ocr_aligned_cer", "ocr_cer"),
    ("paragraphs_f1", "para"),
    ("headings_f1", "head"),
    ("items_f1", "items"),
    ("footnotes_f1", "notes"),
    ("note_refs_f1", "refs"),
    ("note_refs_placed", "placed"),
    ("metadata_exact", "meta"),
];

fn row(name: &str, value: impl Fn(&str) -> Option<f64>) -> String {
    let cells: String = COLUMNS
        .iter()
        .map(|(metric, _)| match value(metric) {
            Some(v) if *metric == "damage_rate" => format!("{v:8.4}"),
            Some(v) => format!("{v:8.3}"),
            None => format!("{:>8}", "-"),
        })
        .collect();
    format!("{name:26}{cells}\n")
}

/// Pool the documents' counts (micro average).
pub fn micro_average(docs: &[(String, Scores)]) -> Scores {
    let mut pooled = Scores::default();
    for (_, s) in docs {
        pooled.pool(s);
    }
    pooled
}

/// A line per document, then the micro average (counts pooled: big documents weigh
/// more) and the macro average (each document's figure weighs the same).
pub fn table(docs: &[(String, Scores)]) -> String {
    let mut out = format!(
        "{:26}{}\n",
        "document",
        COLUMNS
            .iter()
            .map(|(_, c)| format!("{c:>8}"))
            .collect::<String>()
    );
    for (id, s) in docs {
        out.push_str(&row(id, |m| s.value(m)));
    }
    let micro = micro_average(docs);
    let mean = macro_average(docs.iter().map(|(_, s)| s));
    out.push_str(&row("micro", |m| micro.value(m)));
    out.push_str(&row("macro", |m| mean.get(m).copied()));
    out
}

/// Every document's scores and both averages as JSON.
pub fn json(docs: &[(String, Scores)]) -> Value {
    let mean = macro_average(docs.iter().map(|(_, s)| s));
    json!({
        "documents": docs.iter().map(|(id, s)| (id.clone(), s.to_json())).collect::<serde_json::Map<_, _>>(),
        "micro": micro_average(docs).to_json(),
        "macro": mean,
    })
}
