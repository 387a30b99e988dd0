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

/// Drops the spaces and reads a look-alike next to a digit as `/`.
pub fn mend_symbol(printed: &str) -> Option<String> {
    let glyphs: Vec<char> = printed.chars().filter(|c| !c.is_whitespace()).collect();
    let next_to_digit = |k: usize| {
        (k > 0 && glyphs[k - 1].is_ascii_digit())
            || glyphs.get(k + 1).is_some_and(|c| c.is_ascii_digit())
    };
    let mended: String = glyphs
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            if super::SLASH_LOOKALIKES.contains(&c) && next_to_digit(k) {
                '/'
            } else {
                c
            }
        })
        .collect();
    is_symbol(&mended).then_some(mended)
}

/// Whether `printed` is `symbol` as OCR may print it on a running header: spaces
/// dropped, and at most [`MAX_MISREAD_GLYPHS`] glyphs read as a look-alike
/// (`A/HRC/SS/11` for `A/HRC/58/11`, `AIC.5/75/L.1` for `A/C.5/75/L.1`) or one glyph
/// lost or doubled. Symbols shorter than [`MIN_RESEMBLED`] are matched exactly: a
/// short one is a near miss of too many other symbols.
pub fn resembles(printed: &str, symbol: &str) -> bool {
    // Called on every line and token by the furniture test: most differ in length by
    // more than one glyph and are told apart before anything is allocated.
    let glyphs = printed.chars().filter(|c| !c.is_whitespace()).count();
    if glyphs.abs_diff(symbol.chars().count()) > 1 {
        return false;
    }
    let p: Vec<char> = printed.chars().filter(|c| !c.is_whitespace()).collect();
    let s: Vec<char> = symbol.chars().collect();
    if p == s {
        return true;
    }
    if s.len() < MIN_RESEMBLED {
        return false;
    }
    if p.len() == s.len() {
        let misread = || p.iter().zip(&s).filter(|(a, b)| a != b);
        // Symbols differ from one another in their letters and digits, never in their
        // punctuation alone: a glyph read for a `/` or a `.` (`AJHRC`, `£/2021/4`,
        // `Add-3`) cannot make another document's symbol.
        let misread_for = |a: char, b: char| {
            super::look_alike(a, b) || !a.is_alphanumeric() || !b.is_alphanumeric()
        };
        return misread().count() <= MAX_MISREAD_GLYPHS
            && misread().all(|(&a, &b)| misread_for(a, b));
    }
    let (long, short) = if p.len() > s.len() {
        (&p, &s)
    } else {
        (&s, &p)
    };
    long.len() == short.len() + 1
        && (0..long.len()).any(|k| long[..k] == short[..k] && long[k + 1..] == short[k..])
}

/// A line as a symbol is read from it: without the specks and punctuation at its edges
/// (`| A/79/637/Add.1`, `A/HRC/56/5,`), which no symbol opens or ends with. A star
/// stays: `* E/2024/2.` is the `*` note citing the agenda, not a running header.
pub fn line_core(line: &str) -> &str {
    line.trim_matches(|c: char| !c.is_alphanumeric() && c != '*')
}

/// Glyphs of a running-header symbol the OCR may misread and still be matched.
const MAX_MISREAD_GLYPHS: usize = 2;
/// The shortest symbol matched loosely (`A/75/371` is 8 glyphs).
const MIN_RESEMBLED: usize = 7;

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
    fn damaged_symbols_resemble_theirs() {
        for (printed, symbol) in [
            ("A/HRC/SS/11", "A/HRC/58/11"),
            ("AIC.5/75/L.1", "A/C.5/75/L.1"),
            ("A/HRC/54 /43", "A/HRC/54/43"),
            ("A/75/3711", "A/75/371"),
            ("A/7/371", "A/75/371"),
            ("AJHRC/54/47", "A/HRC/54/47"),
            ("£/2021/76", "E/2021/76"),
            ("A/78/379/Add-3", "A/78/379/Add.3"),
        ] {
            assert!(resembles(printed, symbol), "{printed}");
        }
        for (printed, symbol) in [
            ("A/75/372", "A/75/371"),
            ("A/75/381", "A/75/351"),
            ("S/2020/1", "S/2020/7"),
            ("A/7S/3l1", "A/75/371"),
            ("S/l/1", "S/1/1"),
            ("CEDAW/C/LBR/Q/4", "CEDAW/C/LBN/Q/4"),
        ] {
            assert!(!resembles(printed, symbol), "{printed}");
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
