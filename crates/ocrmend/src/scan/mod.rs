//! Glyph classes and small scanners shared by every stage: one definition each, so
//! that the stage that reads structure and the stage that repairs words agree on
//! what OCR makes of a glyph.

pub mod symbol;

/// What OCR prints for the `l` of an elided `l’` (`1’horizon`, `I’appui`, `|’OMS`,
/// `[’ONU`): glyphs of the same narrow upright shape.
pub const L_LOOKALIKES: &str = "1I|[]!";

/// Noise glyphs OCR prints for a lower-case letter (`¢` for c, é or è): the repair
/// stage reads them back, and a text opening with one opens in lower case.
pub const LOWER_CASE_NOISE: &str = "¢€";

/// Whether `text` opens with a lower-case letter, or the noise OCR prints for one:
/// text that carries on a sentence cut by a line or page break.
pub fn opens_in_lower_case(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || LOWER_CASE_NOISE.contains(c))
}

/// The words French elides before a vowel (`l’`, `qu’`, `jusqu’`).
pub const ELISION_STEMS: &[&str] = &[
    "d", "l", "s", "n", "j", "m", "c", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Whether the word that ends right before byte `at` of `text` is what an apostrophe
/// after it elides, never a note call: one letter, an l look-alike (`1’`), or an
/// elision stem (`qu’ ils`).
pub fn elision_before(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    let Some(last) = before.next() else {
        return false;
    };
    let letter = |c: char| c.is_alphabetic() || L_LOOKALIKES.contains(c);
    if letter(last)
        && !before
            .next()
            .is_some_and(|c| c.is_alphanumeric() || letter(c))
    {
        return true;
    }
    let word = text[..at]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ELISION_STEMS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elided_words_and_their_look_alikes() {
        for text in ["de l", "vers 1", "et I", "(|", "d", "Outre qu", "jusqu"] {
            assert!(elision_before(text, text.len()), "{text}");
        }
        for text in ["le", "en 2019", "x1", "", "de ", "States"] {
            assert!(!elision_before(text, text.len()), "{text}");
        }
    }

    #[test]
    fn lower_case_openings() {
        assert!(opens_in_lower_case("de la") && opens_in_lower_case("¢) la situación"));
        assert!(
            !opens_in_lower_case("La")
                && !opens_in_lower_case("© Voir")
                && !opens_in_lower_case("")
        );
    }
}
