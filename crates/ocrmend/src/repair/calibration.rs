//! What a correction's confidence means: the share of corrections the rules scored so
//! that were right on the factory's train split, as `corpus/calibration --write` fitted
//! it into `dictionaries/calibration.tsv` (scores binned, shares made monotone). Of the
//! corrections reported at 0.9, about nine in ten were right.

use std::sync::LazyLock;

use crate::diagnostics::Rule;

/// `rule<TAB>from<TAB>to<TAB>right<TAB>judged` per bin of the rules' scores (rule `*`:
/// all rules; a rule judged often enough has bins of its own), after a `#` header.
const TABLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../dictionaries/calibration.tsv"
));

/// A bin judged on fewer corrections than this keeps the rule's own score.
const MIN_JUDGED: u32 = 30;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Bin {
    /// `None`: the bins of all rules.
    rule: Option<Rule>,
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
            let [rule, from, to, right, judged] = fields[..] else {
                panic!("dictionaries/calibration.tsv: bad line {line:?}");
            };
            let number = |n: &str| -> f64 {
                n.parse()
                    .unwrap_or_else(|_| panic!("dictionaries/calibration.tsv: {n:?}"))
            };
            let rule =
                match rule {
                    "*" => None,
                    name => Some(Rule::parse(name).unwrap_or_else(|| {
                        panic!("dictionaries/calibration.tsv: no rule {name:?}")
                    })),
                };
            (number(judged) >= f64::from(MIN_JUDGED)).then(|| Bin {
                rule,
                from: number(from),
                to: number(to),
                right: number(right),
            })
        })
        .collect()
}

/// The calibrated confidence of a correction `rule` scored `score`: its own bins when
/// it has them, else those of all rules.
pub fn calibrated(rule: Rule, score: f64) -> f64 {
    static BINS: LazyLock<Vec<Bin>> = LazyLock::new(|| bins_of(TABLE));
    in_bins(&BINS, rule, score)
}

fn in_bins(bins: &[Bin], rule: Rule, score: f64) -> f64 {
    let of = |r: Option<Rule>| {
        bins.iter()
            .find(|b| b.rule == r && b.from <= score && score < b.to)
    };
    // Outputs write it to three decimals (`document::three_decimals`).
    of(Some(rule))
        .or_else(|| of(None))
        .map_or(score, |b| b.right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_takes_its_bins_share() {
        let bins = bins_of(
            "# h\n*\t0.6\t0.8\t0.9\t100\n*\t0.8\t1.01\t0.97\t500\n*\t0.5\t0.6\t0.2\t3\n\
             context-a\t0.8\t1.01\t0.94\t400\n",
        );
        assert_eq!(in_bins(&bins, Rule::Lexicon, 0.7), 0.9);
        assert_eq!(in_bins(&bins, Rule::Lexicon, 0.95), 0.97);
        assert_eq!(
            in_bins(&bins, Rule::ContextA, 0.95),
            0.94,
            "the rule's own bins"
        );
        assert_eq!(in_bins(&bins, Rule::ContextA, 0.7), 0.9, "else all rules'");
        assert_eq!(
            in_bins(&bins, Rule::Lexicon, 0.55),
            0.55,
            "too few judged: the score stays"
        );
    }

    #[test]
    fn the_fitted_table_is_monotone_and_read_whole() {
        let bins = bins_of(TABLE);
        for rule in [None, Some(Rule::Lexicon)] {
            let mine: Vec<&Bin> = bins.iter().filter(|b| b.rule == rule).collect();
            assert!(!mine.is_empty(), "{rule:?}");
            assert!(mine
                .windows(2)
                .all(|w| w[0].right <= w[1].right && w[0].to <= w[1].from + 1e-9));
        }
    }
}
