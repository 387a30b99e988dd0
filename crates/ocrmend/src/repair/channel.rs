//! What this document's OCR does with accented letters, read off the document itself:
//! for each accented letter, how often the OCR kept it in words that cannot be spelled
//! without it (`información`: kept), and what it printed instead in words the
//! dictionary rejects whose likeliest reading differs only there (`informacion`: `o`
//! for `ó`; `informacién`: `é` for `ó`). An English OCR model run on Spanish prints
//! `i` for nearly every `í`; a Spanish one keeps them; a French one prints `é` for `è`
//! but never `e`.
//!
//! The spelling pass weighs a word right both ways (`periodo`/`período`) with it: the
//! accented reading's odds are its frequency times the chance this document's OCR
//! printed what it printed for that accent, so a document that prints `i` for every
//! `í` gets `período`, and one full of correct `í` keeps `periodo`.

use std::collections::HashMap;

use crate::language::Language;
use crate::repair::{context, spelling};
use crate::scan::{base_letter, lower_letter};

/// How many observations of one letter weigh as much as the document's rate over all
/// its accented letters: a letter seen in a few words only leans on the others.
const LETTER_PRIOR_WEIGHT: f64 = 5.0;

/// The most an accent on a word's last vowel is taken to be lost, whatever the document.
const VERB_FORM_LOSS: f64 = 0.25;

/// How many words that lost their accents tell a text without any: fewer is a text
/// too short to say.
const ACCENTLESS_MIN_LOST: u32 = 3;

/// The share of French `à` among the words `a` and `à` (with their capitals) in UN
/// prose: 3,328 of 4,672 in the train split's gold.
const GRAVE_A_SHARE: f64 = 0.712;

/// How many words `a`/`à` weigh as much as the even odds assumed without evidence.
const GRAVE_A_PRIOR_WEIGHT: f64 = 2.0;

/// The accent channel of one document: per accented letter, the words that kept it,
/// and per letter printed instead, the words that lost it so.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Channel {
    kept: Vec<(char, u32)>,
    /// (meant, printed) → words.
    lost: Vec<((char, char), u32)>,
    /// The words `à`/`À` and `a`/`A` printed (French: which of the two a word `a` is,
    /// no spelling tells).
    grave_a: u32,
    plain_a: u32,
}

fn add<K: PartialEq>(counts: &mut Vec<(K, u32)>, key: K, times: u32) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += times,
        None => counts.push((key, times)),
    }
}

impl Channel {
    /// The channel of a document whose texts are `texts`, read before any repair.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>, language: &Language) -> Channel {
        // Each distinct word is weighed once, its evidence counted as often as it occurs.
        let mut distinct: HashMap<&str, u32> = HashMap::new();
        let mut channel = Channel::default();
        for text in texts {
            for word in context::words(text) {
                let w = word.text;
                match w {
                    "à" | "À" => channel.grave_a += 1,
                    "a" | "A" => channel.plain_a += 1,
                    _ => {}
                }
                if w.chars().nth(2).is_some() && !w.chars().any(|c| c.is_ascii_digit()) {
                    *distinct.entry(w).or_default() += 1;
                }
            }
        }
        for (w, n) in distinct {
            spelling::evidence(w, language.lang, language.lexicon, &mut |meant, printed| {
                match printed {
                    None => add(&mut channel.kept, meant, n),
                    Some(printed) => add(&mut channel.lost, (meant, printed), n),
                }
            });
        }
        channel
    }

    /// The chance that this document's OCR printed `printed` for the accented letter
    /// `meant` (lower case): its own counts, leaning on the document's rate over all
    /// letters of printing a plain letter (or another glyph) for an accented one, itself
    /// 1/2 with no evidence.
    pub fn loss(&self, meant: char, printed: char) -> f64 {
        let plain = |m: char, p: char| base_letter(m) == p;
        let kind = plain(meant, printed);
        let total: u32 = self.kept.iter().map(|(_, n)| n).sum::<u32>()
            + self.lost.iter().map(|(_, n)| n).sum::<u32>();
        let of_kind: u32 = self
            .lost
            .iter()
            .filter(|((m, p), _)| plain(*m, *p) == kind)
            .map(|(_, n)| n)
            .sum();
        let overall = (f64::from(of_kind) + 1.0) / (f64::from(total) + 2.0);
        let own_total: u32 = self
            .kept
            .iter()
            .filter(|(m, _)| *m == meant)
            .map(|(_, n)| n)
            .chain(
                self.lost
                    .iter()
                    .filter(|((m, _), _)| *m == meant)
                    .map(|(_, n)| n),
            )
            .sum();
        let own = self
            .lost
            .iter()
            .find(|(key, _)| *key == (meant, printed))
            .map_or(0, |(_, n)| *n);
        (f64::from(own) + LETTER_PRIOR_WEIGHT * overall)
            / (f64::from(own_total) + LETTER_PRIOR_WEIGHT)
    }

    /// Whether the document's text has no accents at all: not one word kept an accent
    /// it cannot be spelled without, and some lost theirs (text typed without accents;
    /// no OCR model of the factory's splits prints that: each keeps some).
    pub fn accentless(&self) -> bool {
        let lost: u32 = self.lost.iter().map(|(_, n)| n).sum();
        self.kept.iter().all(|(_, n)| *n == 0) && lost >= ACCENTLESS_MIN_LOST
    }

    /// The chance that this document's OCR printed the French word `à` as `a`: the
    /// share of the `à` it should print (by [`GRAVE_A_SHARE`] of its words `a` and `à`)
    /// that it did not, leaning on even odds when it prints few. A document that prints
    /// no `à` lost them all; one that prints as many as UN prose has lost none, and its
    /// `a` is the verb.
    pub fn grave_a_loss(&self) -> f64 {
        let expected = GRAVE_A_SHARE * f64::from(self.grave_a + self.plain_a);
        let lost = (expected - f64::from(self.grave_a)).max(0.0);
        (lost + GRAVE_A_PRIOR_WEIGHT * 0.5) / (expected + GRAVE_A_PRIOR_WEIGHT)
    }

    /// 100 × log10 of the chance that the OCR printed `seen` where the page had
    /// `meant`, two spellings of one word that differ in accented letters of `meant`
    /// (the scale of the lexicon's Zipf ×100 frequencies, so the two add up).
    ///
    /// An accent on the last vowel of a word (`verb_forms`: `meant` is no name only)
    /// tells two verb forms apart as often as not (`adoptara`/`adoptará`,
    /// `logro`/`logró`, `organise`/`organisé`), which the OCR's habits cannot decide: it
    /// weighs at most [`VERB_FORM_LOSS`]. A name has no such twin (`Sudan`/`Sudán`).
    pub fn cost(&self, seen: &str, meant: &str, verb_forms: bool) -> i32 {
        let last_vowel = meant
            .char_indices()
            .rev()
            .find(|(_, c)| "aeiouy".contains(base_letter(lower_letter(*c))))
            .map(|(at, _)| at);
        let chance: f64 = seen
            .chars()
            .zip(meant.char_indices())
            .filter(|(s, (_, m))| s != m && is_accented(*m))
            .map(|(s, (at, m))| {
                let loss = self.loss(lower_letter(m), lower_letter(s));
                if verb_forms && Some(at) == last_vowel {
                    loss.min(VERB_FORM_LOSS)
                } else {
                    loss
                }
            })
            .product();
        (100.0 * chance.log10()).round() as i32
    }
}

/// A letter with a diacritic that OCR can lose (`é`, `ñ`, `ç`; not `œ`).
pub(crate) fn is_accented(c: char) -> bool {
    c.is_alphabetic() && base_letter(c) != c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Lang;

    fn es() -> &'static Language {
        Language::of(Lang::Es)
    }

    fn fr() -> &'static Language {
        Language::of(Lang::Fr)
    }

    #[test]
    fn a_text_is_accentless_when_no_word_kept_an_accent() {
        let fr = Language::of(crate::language::Lang::Fr);
        let typed = "La resolution du Comite sur la securite et le developpement economique.";
        assert!(Channel::of([typed], fr).accentless());
        let kept = "La resolution du Comité sur la sécurité et le developpement economique.";
        assert!(!Channel::of([kept], fr).accentless());
        assert!(
            !Channel::of(["La resolution."], fr).accentless(),
            "too short to tell"
        );
    }

    #[test]
    fn a_document_that_prints_the_plain_letter_lost_the_accent() {
        let text = "la informacion y la educacion, la situacion del periodo";
        let channel = Channel::of([text], es());
        assert!(channel.loss('ó', 'o') > 0.8, "{channel:?}");
        assert!(channel.cost("periodo", "período", true) > -15);
    }

    #[test]
    fn a_document_that_prints_it_kept_it() {
        let text = "la información y la educación, la situación del período, según él";
        let channel = Channel::of([text], es());
        assert!(channel.loss('ó', 'o') < 0.2, "{channel:?}");
        assert!(channel.cost("periodo", "período", true) < -50);
    }

    #[test]
    fn what_the_ocr_prints_instead_matters() {
        // French OCR reads `è` as `é`: that says nothing of `e` for `è`.
        let text = "le systéme, le probléme, les priorités, la premiére, le critére";
        let channel = Channel::of([text], fr());
        assert!(channel.loss('è', 'é') > 0.8, "{channel:?}");
        assert!(channel.loss('è', 'e') < 0.2, "{channel:?}");
    }

    #[test]
    fn no_evidence_is_even_odds() {
        let channel = Channel::of(["sin palabras con acentos"], es());
        assert_eq!(channel.cost("periodo", "período", true), -30);
    }

    #[test]
    fn an_accent_on_the_last_vowel_stays_unlikely() {
        let text = "la informacion y la educacion, la situacion del pais";
        let channel = Channel::of([text], es());
        assert!(channel.cost("periodo", "período", true) > -15);
        assert_eq!(channel.cost("adoptara", "adoptará", true), -60);
        assert_eq!(channel.cost("logro", "logró", true), -60);
        // A name has no verb form for a twin.
        assert!(channel.cost("Sudan", "Sudán", false) > -15);
    }

    #[test]
    fn a_document_that_prints_a_grave_kept_it() {
        let kept = "Il a renvoyé à plus tard la réponse à la lettre adressée à la Commission. ";
        assert!(Channel::of([kept.repeat(4).as_str()], fr()).grave_a_loss() < 0.1);
        let lost = "Il a renvoye a plus tard la reponse a la lettre adressee a la Commission. ";
        assert!(Channel::of([lost.repeat(4).as_str()], fr()).grave_a_loss() > 0.9);
        assert_eq!(Channel::of(["sans le mot"], fr()).grave_a_loss(), 0.5);
    }

    #[test]
    fn a_letter_seen_little_leans_on_the_others() {
        let text = "la informacion, la educacion, la situacion, la resolucion";
        let channel = Channel::of([text], es());
        assert!(channel.loss('í', 'i') > 0.6, "{channel:?}");
    }
}
