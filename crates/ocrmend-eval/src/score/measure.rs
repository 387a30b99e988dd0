//! A metric kept as the counts it is made of, so that documents can be pooled
//! (micro average) as well as averaged (macro average).

use std::ops::AddAssign;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measure {
    /// `part / max(1, whole)`: error and exactness rates.
    Rate { part: f64, whole: f64 },
    /// F1 of `hits` among `gold` expected and `out` produced.
    F1 { hits: f64, gold: f64, out: f64 },
    /// How much `after` lowered the rate `before` had: `1 - after / before`.
    Reduction {
        after: (f64, f64),
        before: (f64, f64),
    },
    /// A plain count.
    Count(f64),
}

fn rate(part: f64, whole: f64) -> f64 {
    part / whole.max(1.0)
}

impl Measure {
    pub fn rate(part: usize, whole: usize) -> Measure {
        Measure::Rate {
            part: part as f64,
            whole: whole as f64,
        }
    }

    pub fn f1(hits: usize, gold: usize, out: usize) -> Measure {
        Measure::F1 {
            hits: hits as f64,
            gold: gold as f64,
            out: out as f64,
        }
    }

    pub fn value(&self) -> f64 {
        match *self {
            Measure::Rate { part, whole } => rate(part, whole),
            Measure::F1 { hits, gold, out } => {
                let precision = if out > 0.0 {
                    hits / out
                } else if gold > 0.0 {
                    0.0
                } else {
                    1.0
                };
                let recall = if gold > 0.0 { hits / gold } else { 1.0 };
                if precision + recall == 0.0 {
                    0.0
                } else {
                    2.0 * precision * recall / (precision + recall)
                }
            }
            Measure::Reduction { after, before } => {
                let before = rate(before.0, before.1);
                if before == 0.0 {
                    0.0
                } else {
                    1.0 - rate(after.0, after.1) / before
                }
            }
            Measure::Count(n) => n,
        }
    }
}

/// Pooling: the counts of two documents added (the measures must be of one kind).
impl AddAssign for Measure {
    fn add_assign(&mut self, other: Measure) {
        use Measure::*;
        *self = match (*self, other) {
            (Rate { part, whole }, Rate { part: p, whole: w }) => Rate {
                part: part + p,
                whole: whole + w,
            },
            (
                F1 { hits, gold, out },
                F1 {
                    hits: h,
                    gold: g,
                    out: o,
                },
            ) => F1 {
                hits: hits + h,
                gold: gold + g,
                out: out + o,
            },
            (
                Reduction { after, before },
                Reduction {
                    after: a,
                    before: b,
                },
            ) => Reduction {
                after: (after.0 + a.0, after.1 + a.1),
                before: (before.0 + b.0, before.1 + b.1),
            },
            (Count(n), Count(m)) => Count(n + m),
            (mine, theirs) => unreachable!("pooling {mine:?} with {theirs:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_conventions() {
        assert_eq!(Measure::f1(0, 0, 0).value(), 1.0);
        assert_eq!(Measure::f1(0, 3, 0).value(), 0.0);
        assert_eq!(Measure::f1(0, 0, 2).value(), 0.0);
        assert!((Measure::f1(2, 4, 2).value() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn pooled_rates_weigh_by_size() {
        let mut m = Measure::rate(1, 10);
        m += Measure::rate(9, 10);
        assert_eq!(m.value(), 0.5);
        assert_eq!(Measure::rate(3, 0).value(), 3.0);
    }
}
