//! What a correction's confidence means: the share of corrections the rules scored so
//! that were right on the factory's train split, as `corpus/calibration --write` fitted
//! it into `dictionaries/calibration.tsv` (scores binned, shares made monotone). Of the
//! corrections reported at 0.9, about nine in ten were right.

use std::sync::LazyLock;

/// `from<TAB>to<TAB>right<TAB>judged` per bin of the rules' scores, after a `#` header.
const TABLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../dictionaries/calibration.tsv"
));

/// A bin judged on fewer corrections than this keeps the rule's own score.
const MIN_JUDGED: u32 = 30;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Bin {
    from: f64,
    to: f64,
    right: f64,
}

fn bins_of(table: &str) -> Vec<Bin> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [from, to, right, judged] = fields[..] else {
                panic!("dictionaries/calibration.tsv: bad line {line:?}");
            };
            let number = |n: &str| -> f64 {
                n.parse()
                    .unwrap_or_else(|_| panic!("dictionaries/calibration.tsv: {n:?}"))
            };
            (number(judged) >= f64::from(MIN_JUDGED)).then(|| Bin {
                from: number(from),
                to: number(to),
                right: number(right),
            })
        })
        .collect()
}

/// The calibrated confidence of a correction its rule scored `score`.
pub fn calibrated(score: f64) -> f64 {
    static BINS: LazyLock<Vec<Bin>> = LazyLock::new(|| bins_of(TABLE));
    in_bins(&BINS, score)
}

fn in_bins(bins: &[Bin], score: f64) -> f64 {
    bins.iter()
        .find(|b| b.from <= score && score < b.to)
        .map_or(score, |b| (b.right * 1000.0).round() / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_takes_its_bins_share() {
        let bins = bins_of("# h\n0.6\t0.8\t0.9\t100\n0.8\t1.01\t0.97\t500\n0.5\t0.6\t0.2\t3\n");
        assert_eq!(in_bins(&bins, 0.7), 0.9);
        assert_eq!(in_bins(&bins, 0.95), 0.97);
        assert_eq!(
            in_bins(&bins, 0.55),
            0.55,
            "too few judged: the score stays"
        );
    }

    #[test]
    fn the_fitted_table_is_monotone_and_read_whole() {
        let bins = bins_of(TABLE);
        assert!(!bins.is_empty());
        assert!(bins
            .windows(2)
            .all(|w| w[0].right <= w[1].right && w[0].to <= w[1].from + 1e-9));
    }
}
