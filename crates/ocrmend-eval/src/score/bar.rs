//! Bars for CI: `ocrmend score --fail-under fix_rate=0.9 --fail-over damage_rate=0.01`
//! fails when a metric is on the wrong side of its bar.

use std::collections::BTreeMap;

/// Which side of its bar a metric fails on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fails {
    /// Under it: metrics where higher is better (`fix_rate`, `paragraphs_f1`).
    Under,
    /// Over it: metrics where lower is better (`damage_rate`, `aligned_cer`).
    Over,
}

/// A value a metric must not fall under, or rise over.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub metric: String,
    pub value: f64,
    pub fails: Fails,
}

impl Bar {
    /// `METRIC=VALUE`, as the command line gives it.
    pub fn parse(text: &str, fails: Fails) -> Result<Bar, String> {
        let (metric, value) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}`: expected METRIC=VALUE, such as fix_rate=0.9"))?;
        let value = value
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("`{text}`: `{value}` is not a number"))?;
        Ok(Bar {
            metric: metric.trim().to_owned(),
            value,
            fails,
        })
    }

    fn missed_by(&self, value: f64) -> bool {
        match self.fails {
            Fails::Under => value < self.value,
            Fails::Over => value > self.value,
        }
    }
}

/// The bars that `scores` miss, each said as `fix_rate 0.8512 is under the bar 0.9`; an
/// error listing the metrics there are when a bar names one the scores do not have
/// (a typo, or `fix_rate` without the OCR input).
pub fn missed(bars: &[Bar], scores: &BTreeMap<&str, f64>) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for bar in bars {
        let Some(&value) = scores.get(bar.metric.as_str()) else {
            let known: Vec<&str> = scores.keys().copied().collect();
            return Err(format!(
                "no metric `{}` in these scores; they have: {}",
                bar.metric,
                known.join(", ")
            ));
        };
        if bar.missed_by(value) {
            let side = match bar.fails {
                Fails::Under => "under",
                Fails::Over => "over",
            };
            out.push(format!(
                "{} {value:.4} is {side} the bar {}",
                bar.metric, bar.value
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_parse_and_fail_on_their_side() {
        let floor = Bar::parse("fix_rate=0.9", Fails::Under).unwrap();
        let ceiling = Bar::parse("damage_rate = 0.01", Fails::Over).unwrap();
        assert_eq!(ceiling.metric, "damage_rate");
        let scores = BTreeMap::from([("fix_rate", 0.85), ("damage_rate", 0.01)]);
        assert_eq!(
            missed(&[floor.clone(), ceiling], &scores).unwrap(),
            ["fix_rate 0.8500 is under the bar 0.9"],
            "a value on the bar clears it"
        );
        let unknown = Bar::parse("fix=0.9", Fails::Under).unwrap();
        let err = missed(&[unknown], &scores).unwrap_err();
        assert!(err.contains("no metric `fix`") && err.contains("damage_rate, fix_rate"));
        assert!(Bar::parse("fix_rate", Fails::Under).is_err());
        assert!(Bar::parse("fix_rate=high", Fails::Under).is_err());
        assert!(Bar::parse("fix_rate=NaN", Fails::Under).is_err());
    }
}
