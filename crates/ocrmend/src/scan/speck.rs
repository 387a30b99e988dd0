//! Scanner specks at a line's edges: the marks a dark or dirty margin leaves (`oo`,
//! `: -`, `| `, `_`). Two readings of one glyph class:
//! - [`core`]: where a line's words start and end, to tell where lines break and how
//!   wide they run (generous: a dash or an `o` at the edge is taken as a speck);
//! - [`debris`]: what the pages stage cuts out of the text (strict: only marks that
//!   never open or close a line of prose, so a bullet dash, a Spanish `o` or an
//!   opening quote stays).

use std::ops::Range;

/// Letters a speck in the margin is read as (at most two of them: `oo`, `e`).
fn margin_letters(token: &str) -> bool {
    token.chars().count() <= 2 && token.chars().all(|c| "oOe".contains(c))
}

/// A token at a line's start that holds no word: specks, stray punctuation and
/// dashes, but not an opening quote or bracket or a note's `*`.
fn leading(token: &str) -> bool {
    margin_letters(token)
        || token
            .chars()
            .all(|c| !c.is_alphanumeric() && !"«»“”\"'(){}[]*".contains(c))
}

/// A token at a line's end that holds no word; not the punctuation that ends a
/// sentence or a hyphen that breaks a word.
fn trailing(token: &str) -> bool {
    margin_letters(token) || trailing_debris(token)
}

/// Marks no line of prose opens with as a word of their own.
const LEADING_DEBRIS: &str = "|:;.,_~^=‘’";
/// Marks no line of prose ends with as a word of their own (French sets `:` `;` `!`
/// `?` apart, so they are not among them).
const TRAILING_DEBRIS: &str = "_|=~^";

fn leading_debris(token: &str) -> bool {
    token.chars().all(|c| LEADING_DEBRIS.contains(c))
}

fn trailing_debris(token: &str) -> bool {
    token.chars().all(|c| TRAILING_DEBRIS.contains(c))
}

/// The byte range of `line` left when the tokens `first` and `last` accept are taken
/// off its start and its end (one token always stays), white space trimmed.
fn strip(line: &str, first: fn(&str) -> bool, last: fn(&str) -> bool) -> Range<usize> {
    let start = line.len() - line.trim_start().len();
    let mut text = line.trim();
    while let Some((token, rest)) = text.split_once(char::is_whitespace) {
        if !first(token) {
            break;
        }
        text = rest.trim_start();
    }
    while let Some((rest, token)) = text.rsplit_once(char::is_whitespace) {
        if !last(token) {
            break;
        }
        text = rest.trim_end();
    }
    let from = text.as_ptr() as usize - line.as_ptr() as usize;
    let from = if text.is_empty() { start } else { from };
    from..from + text.len()
}

/// `line` without the specks at its edges, for reading its shape.
pub fn core(line: &str) -> &str {
    let text = &line[strip(line, leading, trailing)];
    after_sentence_end(text)
}

/// Marks of one or two glyphs after a sentence's end are specks (`humanité. _ oe`,
/// `recommendations. ,`, `duP3 À oo. :`): no sentence ends and then opens a word of
/// that size at the margin.
fn after_sentence_end(text: &str) -> &str {
    let mut end = text.len();
    while let Some((rest, token)) = text[..end].trim_end().rsplit_once(char::is_whitespace) {
        let rest = rest.trim_end();
        let speck = token.chars().count() <= 2
            && !token
                .chars()
                .any(|c| c.is_ascii_digit() || c.is_uppercase());
        if !speck {
            break;
        }
        end = rest.len();
        if rest.ends_with(['.', '!', '?', ';', ':']) {
            return &text[..end];
        }
    }
    text
}

/// The byte range of `line` that stays when the debris at its edges is cut out;
/// `None` when the whole line is debris.
pub fn debris(line: &str) -> Option<Range<usize>> {
    let kept = strip(line, leading_debris, trailing_debris);
    let rest = &line[kept.clone()];
    let only_debris = leading_debris(rest) || trailing_debris(rest);
    (!rest.is_empty() && !only_debris).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_of_a_line_has_no_edge_specks() {
        assert_eq!(core("oo Le texte continue _ |"), "Le texte continue");
        assert_eq!(core(": - suite de la ligne"), "suite de la ligne");
        assert_eq!(core("« Citation » et suite"), "« Citation » et suite");
        assert_eq!(core("|"), "|");
    }

    #[test]
    fn marks_after_a_sentence_end_are_specks() {
        assert_eq!(core("contre humanité. _ oe"), "contre humanité.");
        assert_eq!(
            core("its prior recommendations. ,"),
            "its prior recommendations."
        );
        assert_eq!(core("membres duP3 À oo. :"), "membres duP3 À oo.");
        // Words of a new sentence, numbers and a phrase that goes on stay.
        assert_eq!(core("en 2015. Il a"), "en 2015. Il a");
        assert_eq!(core("voir le par. 12"), "voir le par. 12");
        assert_eq!(core("de la « paix » de"), "de la « paix » de");
    }

    #[test]
    fn debris_is_cut_but_dashes_quotes_and_words_stay() {
        let kept = |line: &str| debris(line).map(|r| line[r].to_owned());
        assert_eq!(
            kept("| ; les mesures prises _"),
            Some("les mesures prises".into())
        );
        assert_eq!(kept("‘ A/80/226"), Some("A/80/226".into()));
        assert_eq!(kept("– un tiret"), Some("– un tiret".into()));
        assert_eq!(kept("o bien la otra"), Some("o bien la otra".into()));
        assert_eq!(
            kept("les points suivants :"),
            Some("les points suivants :".into())
        );
        assert_eq!(kept("« Le thème »"), Some("« Le thème »".into()));
        assert_eq!(kept(". | :"), None);
        assert_eq!(kept("|"), None);
    }
}
