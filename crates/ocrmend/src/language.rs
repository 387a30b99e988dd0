//! Which language a document is in, told by its most common function words (the
//! words that no two of our languages share).

use crate::lexicon::Lang;

const MARKERS: [(Lang, &[&str]); 3] = [
    (
        Lang::Fr,
        &[
            "le", "les", "des", "et", "du", "pour", "dans", "une", "sur", "au", "est", "aux",
        ],
    ),
    (
        Lang::Es,
        &[
            "el", "los", "las", "y", "del", "para", "con", "por", "una", "se", "al", "es",
        ],
    ),
    (
        Lang::En,
        &[
            "the", "of", "and", "to", "for", "is", "that", "with", "on", "by", "was", "are",
        ],
    ),
];

/// The language whose function words are most frequent in `text`; `None` when
/// there are too few to tell.
pub fn detect(text: &str) -> Option<Lang> {
    let mut counts = [0usize; 3];
    for word in text.split(|c: char| !c.is_alphabetic()).take(20_000) {
        if word.is_empty() || word.len() > 4 {
            continue;
        }
        let lower = word.to_lowercase();
        for (k, (_, words)) in MARKERS.iter().enumerate() {
            if words.contains(&lower.as_str()) {
                counts[k] += 1;
            }
        }
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    (n >= 5).then_some(MARKERS[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_three_languages() {
        assert_eq!(detect("Les États Membres et le système des Nations Unies pour le développement durable dans une région"), Some(Lang::Fr));
        assert_eq!(
            detect("El agua y el saneamiento para los países con las personas por una vida"),
            Some(Lang::Es)
        );
        assert_eq!(
            detect(
                "The States parties to the Convention and the Tribunal of the Sea for the world"
            ),
            Some(Lang::En)
        );
        assert_eq!(detect("12 34"), None);
    }
}
