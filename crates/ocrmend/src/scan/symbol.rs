//! The UN document symbol (`A/75/371`, `E/CN.6/2020/3`, `CEDAW/C/FRA/7`) and the job
//! number (`20-12800`), with nom: what the running headers and footers print and what
//! the masthead names, read by one grammar.

use nom::bytes::complete::{take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, satisfy, space0};
use nom::combinator::{all_consuming, opt, recognize};
use nom::multi::many1;
use nom::sequence::preceded;
use nom::{IResult, Parser};

type Res<'a, O> = IResult<&'a str, O>;

/// The `/`-separated parts of a symbol after its organ's capitals (`A/75/371`: 2), when
/// `symbol` is one: each part opens with a capital or a digit (`L.12`, `CN.6`,
/// `Add.1`), and a number stands somewhere.
pub fn symbol_parts(symbol: &str) -> Option<usize> {
    fn part(input: &str) -> Res<'_, &str> {
        recognize((
            satisfy(|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
            take_while(|c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-'),
        ))
        .parse(input)
    }
    let organ = take_while1(|c: char| c.is_ascii_uppercase());
    let parsed: Res<'_, (&str, Vec<&str>)> =
        all_consuming((organ, many1(preceded(char('/'), part)))).parse(symbol);
    let (_, (_, parts)) = parsed.ok()?;
    symbol
        .contains(|c: char| c.is_ascii_digit())
        .then_some(parts.len())
}

/// A well-formed document symbol.
pub fn is_symbol(symbol: &str) -> bool {
    symbol_parts(symbol).is_some()
}

/// The digits of a job number, `NN-NNNNN`.
pub fn job_digits(input: &str) -> Res<'_, &str> {
    let digits = |n| take_while_m_n(n, n, |c: char| c.is_ascii_digit());
    recognize((digits(2), char('-'), digits(5))).parse(input)
}

/// The job number a footer token is (`20-12800`, `20-12800(F)`, the language letter
/// of the translation in brackets).
pub fn job_number(token: &str) -> Option<&str> {
    let language = (
        space0,
        char('('),
        satisfy(|c| c.is_ascii_uppercase()),
        char(')'),
    );
    let parsed: Res<'_, _> = all_consuming((job_digits, opt(language))).parse(token);
    parsed.ok().map(|(_, (job, _))| job)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols() {
        for (symbol, parts) in [
            ("A/75/371", 2),
            ("S/2020/123", 2),
            ("E/CN.6/2020/3", 3),
            ("A/HRC/45/1", 3),
            ("A/75/371/Add.1", 3),
            ("A/72/L.12", 2),
            ("CEDAW/C/FRA/7", 3),
            ("S/PRST/2011/15", 3),
        ] {
            assert_eq!(symbol_parts(symbol), Some(parts), "{symbol}");
        }
        for not in [
            "A/HRC/INF",
            "a/75/371",
            "A/75/",
            "A75",
            "A/75/371 ",
            "/75/371",
            "A/.5/3",
        ] {
            assert!(!is_symbol(not), "{not}");
        }
    }

    #[test]
    fn job_numbers() {
        assert_eq!(job_number("20-12800"), Some("20-12800"));
        assert_eq!(job_number("25-14327(F)"), Some("25-14327"));
        for not in ["20-1280", "2012800", "20-12800(f)", "20-12800x", "(F)"] {
            assert_eq!(job_number(not), None, "{not}");
        }
    }
}
