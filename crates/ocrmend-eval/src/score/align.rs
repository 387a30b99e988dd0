//! Move-insensitive alignment: each line of a text is given to the gold unit (block
//! or footnote) it belongs to, so that text the OCR moved (notes at page feet, say)
//! is still compared with its unit.

use std::collections::HashMap;

use super::fuzzy::{aligned_words, char_distance, partial_ratio, ratio};
use super::text::{char_count, fold_words, norm, words};

/// For each line, the index of its unit, or `None` for noise.
fn assign_lines(lines: &[String], units: &[String]) -> Vec<Option<usize>> {
    let mut out = vec![None; lines.len()];
    let keep: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].chars().filter(|c| c.is_alphanumeric()).count() >= 4)
        .collect();
    if keep.is_empty() || units.is_empty() {
        return out;
    }
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    let mut exact: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, u) in units.iter().enumerate() {
        let mut seen: Vec<String> = fold_words(u);
        seen.sort();
        seen.dedup();
        for w in seen {
            index.entry(w).or_default().push(j);
        }
        exact.entry(u.as_str()).or_default().push(j);
    }
    let mut prev = 0usize;
    for i in keep {
        let line = lines[i].as_str();
        if let Some(same) = exact.get(line) {
            // Prefer the first copy at or after the last unit, then the nearest.
            let j = *same
                .iter()
                .min_by_key(|&&j| (j < prev, j.abs_diff(prev)))
                .expect("non-empty");
            out[i] = Some(j);
            prev = j;
            continue;
        }
        let mut line_words = fold_words(line);
        line_words.sort();
        line_words.dedup();
        let mut hits: HashMap<usize, f64> = HashMap::new();
        for w in &line_words {
            if let Some(js) = index.get(w) {
                for &j in js {
                    *hits.entry(j).or_default() += 1.0 / js.len() as f64;
                }
            }
        }
        // The eight units sharing most (and rarest) words; rounding as the yardstick
        // does keeps float noise from reordering ties.
        let mut short: Vec<usize> = hits.keys().copied().collect();
        short.sort_by_key(|j| (-((hits[j] * 1e9).round() as i64), *j));
        short.truncate(8);
        let line_len = char_count(line);
        let scored: Vec<(f64, usize)> = short
            .iter()
            .map(|&j| {
                let u = &units[j];
                let s = if line_len <= char_count(u) {
                    partial_ratio(line, u)
                } else {
                    ratio(line, u)
                };
                (s, j)
            })
            .collect();
        let Some(best) = scored.iter().map(|&(s, _)| s).reduce(f64::max) else {
            continue;
        };
        if best < 70.0 {
            continue;
        }
        let pick = scored
            .iter()
            .filter(|&&(s, _)| s >= best - 3.0)
            .map(|&(_, j)| j)
            .min_by_key(|&j| (j.abs_diff(prev), j))
            .expect("the best is near itself");
        out[i] = Some(pick);
        prev = pick;
    }
    out
}

/// The text gathered per unit, and the noise no unit took.
pub struct Segments {
    pub per_unit: Vec<String>,
    pub noise: String,
}

pub fn segments(text_lines: &[&str], units: &[String]) -> Segments {
    let lines: Vec<String> = text_lines.iter().map(|l| norm(l)).collect();
    let mut per_unit: Vec<Vec<&str>> = vec![Vec::new(); units.len()];
    let mut noise = Vec::new();
    for (line, unit) in lines.iter().zip(assign_lines(&lines, units)) {
        match unit {
            Some(j) => per_unit[j].push(line),
            None => noise.push(line.as_str()),
        }
    }
    Segments {
        per_unit: per_unit.into_iter().map(|s| s.join(" ")).collect(),
        noise: noise.join(" "),
    }
}

/// Edits needed to turn the segments into their units (noise counts as edits), the
/// units' total length, and for each unit word whether the segment reproduces it.
pub struct Aligned {
    pub edits: usize,
    pub total: usize,
    pub words_ok: Vec<bool>,
}

pub fn aligned(units: &[String], segs: &Segments) -> Aligned {
    let mut edits = char_count(&norm(&segs.noise));
    let mut words_ok = Vec::new();
    for (s, u) in segs.per_unit.iter().zip(units) {
        edits += char_distance(s, u);
        words_ok.extend(aligned_words(&words(u), &words(s)));
    }
    Aligned {
        edits,
        total: units.iter().map(|u| char_count(u)).sum(),
        words_ok,
    }
}
