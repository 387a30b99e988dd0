//! Text helpers with the yardstick's exact definitions (`score.py`): what counts as a
//! space, a line, a word. Python's string semantics are mirrored where they differ
//! from Rust's, so that both scorers see the same characters.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Python's `str.isspace` plus the zero-width space the yardstick folds too.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}' | '\u{200b}')
}

/// NFC, every kind of space folded to one plain space, trimmed.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfc() {
        if is_space(c) {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Words as Python's `str.split()` cuts them.
pub fn words(s: &str) -> Vec<&str> {
    s.split(is_space).filter(|w| !w.is_empty()).collect()
}

/// Lines as Python's `str.splitlines()` cuts them: a form feed (page break in OCR
/// exports) ends a line too.
pub fn lines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let ends = matches!(
            c,
            '\n' | '\r'
                | '\u{b}'
                | '\u{c}'
                | '\u{1c}'
                | '\u{1d}'
                | '\u{1e}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if ends {
            out.push(&s[start..i]);
            start = i + c.len_utf8();
            if c == '\r' && iter.peek().map(|&(_, n)| n) == Some('\n') {
                iter.next();
                start += 1;
            }
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The first `n` characters of `s` (Python's `s[:n]`).
pub fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

pub fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// Lower-cased, accents dropped, runs of `[a-z0-9]` of three or more: the words
/// that index gold units for line assignment.
pub fn fold_words(s: &str) -> Vec<String> {
    let folded: String = s
        .to_lowercase()
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .collect();
    folded
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| w.len() >= 3)
        .map(str::to_owned)
        .collect()
}

/// The last word before character `offset`, lower-cased: where a note call stands.
pub fn word_before(text: &str, offset: usize) -> String {
    // `\w[\w’'-]*` as Python reads it (`\w`: letters, numbers, underscore).
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_][\p{L}\p{N}_’'-]*").expect("valid"));
    WORD.find_iter(prefix(text, offset))
        .last()
        .map_or_else(String::new, |m| m.as_str().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_spaces_and_composes() {
        assert_eq!(norm("  a\u{a0}\u{202f} b\n"), "a b");
        assert_eq!(norm("e\u{301}t\u{e9}"), "\u{e9}t\u{e9}");
    }

    #[test]
    fn lines_split_like_python() {
        assert_eq!(lines("a\r\nb\x0cc\rd\n"), ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n\nb"), ["a", "", "b"]);
    }

    #[test]
    fn words_before_calls() {
        assert_eq!(word_before("la (CEPALC) et", 11), "cepalc");
        assert_eq!(word_before("l’État, ", 8), "l’état");
        assert_eq!(word_before("Sud-Sud", 7), "sud-sud");
        assert_eq!(word_before("1 143 --", 8), "143");
        assert_eq!(word_before("...", 3), "");
    }

    #[test]
    fn fold_words_drops_accents_and_short_words() {
        assert_eq!(
            fold_words("État de la coopération"),
            ["etat", "cooperation"]
        );
    }
}
