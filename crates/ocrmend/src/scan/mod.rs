//! Glyph classes and small scanners shared by every stage: one definition each, so
//! that the stage that reads structure and the stage that repairs words agree on
//! what OCR makes of a glyph.

pub mod symbol;

/// What OCR prints for the `l` of an elided `l’` (`1’horizon`, `I’appui`, `|’OMS`,
/// `[’ONU`): glyphs of the same narrow upright shape.
pub const L_LOOKALIKES: &str = "1I|[]!";

/// Whether the word that ends right before byte `at` of `text` is one letter (or one
/// l look-alike): what an apostrophe after it elides (`l’`, `d’`, `1’`), never a note
/// call.
pub fn one_letter_before(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    let Some(last) = before.next() else {
        return false;
    };
    let letter = |c: char| c.is_alphabetic() || L_LOOKALIKES.contains(c);
    letter(last)
        && !before
            .next()
            .is_some_and(|c| c.is_alphanumeric() || letter(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_words_and_their_look_alikes() {
        for (text, at) in [("de l", 4), ("vers 1", 6), ("et I", 4), ("(|", 2), ("d", 1)] {
            assert!(one_letter_before(text, at), "{text}");
        }
        for (text, at) in [("le", 2), ("en 2019", 7), ("x1", 2), ("", 0), ("de ", 3)] {
            assert!(!one_letter_before(text, at), "{text}");
        }
    }
}
