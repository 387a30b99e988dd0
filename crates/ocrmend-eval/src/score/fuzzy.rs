//! The edit distances and similarity ratios of `rapidfuzz` that the yardstick uses,
//! with its conventions (ratios 0–100, the alignment it picks among equal ones).

use std::collections::{HashMap, HashSet};

use rapidfuzz::distance::{indel, levenshtein};

/// Levenshtein distance between two character sequences.
pub fn char_distance(a: &str, b: &str) -> usize {
    levenshtein::distance(a.chars(), b.chars())
}

/// Words as numbers, so that word sequences can be compared like strings.
#[derive(Default)]
struct Words<'a> {
    ids: HashMap<&'a str, u32>,
}

impl<'a> Words<'a> {
    fn ids(&mut self, words: &[&'a str]) -> Vec<u32> {
        words
            .iter()
            .map(|w| {
                let next = self.ids.len() as u32;
                *self.ids.entry(w).or_insert(next)
            })
            .collect()
    }
}

/// Levenshtein distance between two word sequences.
pub fn word_distance(a: &[&str], b: &[&str]) -> usize {
    let mut words = Words::default();
    levenshtein::distance(words.ids(a), words.ids(b))
}

/// `fuzz.ratio`: normalized Indel similarity, 0–100.
pub fn ratio(a: &str, b: &str) -> f64 {
    100.0 * indel::normalized_similarity(a.chars(), b.chars())
}

/// `fuzz.partial_ratio`: the best `ratio` of the shorter string against every window
/// of the longer one as long as itself, and against the longer one's shorter prefixes
/// and suffixes.
pub fn partial_ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 100.0;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let mut best = best_window(short, long);
    if best < 1.0 && a.len() == b.len() {
        best = best.max(best_window(long, short));
    }
    100.0 * best
}

/// The best normalized similarity of `short` against the windows of `long`.
fn best_window(short: &[char], long: &[char]) -> f64 {
    let (n, m) = (short.len(), long.len());
    if n == 0 {
        return 0.0;
    }
    let chars: HashSet<char> = short.iter().copied().collect();
    let scorer = indel::BatchComparator::new(short.iter().copied());
    let mut best = 0.0f64;
    // Windows that cannot start or end on a shared character are skipped, as rapidfuzz
    // does; they cannot beat the window next to them.
    let windows = (1..n)
        .filter(|&i| chars.contains(&long[i - 1]))
        .map(|i| 0..i)
        .chain(
            (0..m - n)
                .filter(|&i| chars.contains(&long[i + n - 1]))
                .map(|i| i..i + n),
        )
        .chain(
            (m - n..m)
                .filter(|&i| chars.contains(&long[i]))
                .map(|i| i..m),
        );
    for w in windows {
        let score = scorer.normalized_similarity(long[w].iter().copied());
        if score > best {
            best = score;
            if best == 1.0 {
                break;
            }
        }
    }
    best
}

/// For each word of `reference`: is it reproduced exactly in `hypothesis`, by the
/// Levenshtein alignment rapidfuzz's `opcodes` gives (common prefix and suffix first,
/// then the backtrace that prefers deleting, then inserting, then the diagonal).
pub fn aligned_words(reference: &[&str], hypothesis: &[&str]) -> Vec<bool> {
    let mut words = Words::default();
    let s1 = words.ids(reference);
    let s2 = words.ids(hypothesis);
    let mut ok = vec![false; s1.len()];
    let prefix = s1.iter().zip(&s2).take_while(|(a, b)| a == b).count();
    let suffix = s1[prefix..]
        .iter()
        .rev()
        .zip(s2[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    ok[..prefix].fill(true);
    ok[s1.len() - suffix..].fill(true);
    let a = &s1[prefix..s1.len() - suffix];
    let b = &s2[prefix..s2.len() - suffix];
    // d[j][i]: distance between a[..i] and b[..j].
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; n + 1]; m + 1];
    for (i, cell) in d[0].iter_mut().enumerate() {
        *cell = i;
    }
    for j in 1..=m {
        d[j][0] = j;
        for i in 1..=n {
            let diagonal = d[j - 1][i - 1] + usize::from(a[i - 1] != b[j - 1]);
            d[j][i] = diagonal.min(d[j - 1][i] + 1).min(d[j][i - 1] + 1);
        }
    }
    let (mut col, mut row) = (n, m);
    while row != 0 && col != 0 {
        if d[row][col] == d[row][col - 1] + 1 {
            col -= 1; // deletion
        } else {
            row -= 1;
            if row != 0 && d[row][col] + 1 == d[row][col - 1] {
                // insertion (the vertical delta at the new row is -1)
            } else {
                col -= 1;
                if a[col] == b[row] {
                    ok[prefix + col] = true;
                }
            }
        }
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_rapidfuzz() {
        // Figures from rapidfuzz 3.14.
        assert!((ratio("this is a test", "this is a test!") - 96.551724).abs() < 1e-4);
        assert_eq!(partial_ratio("this is a test", "this is a test!"), 100.0);
        assert!((partial_ratio("cetain", "a certain string") - 83.333333).abs() < 1e-4);
        assert_eq!(ratio("", ""), 100.0);
    }

    #[test]
    fn distances() {
        assert_eq!(char_distance("kitten", "sitting"), 3);
        assert_eq!(word_distance(&["a", "b", "c"], &["a", "c"]), 1);
    }

    #[test]
    fn aligned_words_marks_reproduced_words() {
        assert_eq!(
            aligned_words(&["a", "b", "c"], &["a", "x", "c"]),
            [true, false, true]
        );
        // Where alignments tie, rapidfuzz's choice (checked against rapidfuzz 3.14).
        assert_eq!(aligned_words(&["x", "a"], &["a", "y"]), [false, false]);
        let chars = |s: &'static str| s.split("").filter(|c| !c.is_empty()).collect::<Vec<_>>();
        assert_eq!(
            aligned_words(&chars("abcd"), &chars("bcda")),
            [false, true, true, true]
        );
        assert_eq!(
            aligned_words(&chars("qabxcd"), &chars("abycdf")),
            [false, true, true, false, true, true]
        );
        assert_eq!(aligned_words(&["a"], &[]), [false]);
    }
}
