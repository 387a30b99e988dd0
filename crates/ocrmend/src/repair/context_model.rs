//! Which words stand beside which: the accent context model that `dictionaries/context.py`
//! counted in clean French running text from Debian's packages, compiled by `build.rs`
//! into a finite-state map embedded in the binary.
//!
//! A word right both ways (`traite`/`traité`, `ou`/`où`, `necessite`/`nécessité`) is
//! told apart by its neighbours: each reading *v* weighs P(left | focus(v)) P(right |
//! focus(v)), against those neighbours' chance beside any word. The focus is the word
//! itself when the text had it often enough, else its class (its parts of speech, or its
//! last letter where the lexicon has none); a neighbour is read as a text that lost its
//! accents shows it (`neighbour_key`), so the model asks the same of a damaged text as
//! of the clean text it was counted in. Keys are those of `dictionaries/context.py`, its
//! one other definition.

use std::sync::OnceLock;

use crate::language::Lang;
use crate::lexicon::{Lexicon, Tags};
use crate::scan::without_accents;

use super::context::Word;
use super::spelling;

/// The share of a focus's neighbour chances taken from their chance beside any word
/// (interpolated smoothing): a neighbour never counted beside a focus is then as unlikely
/// beside any other, however often each was counted, so that readings met in unlike
/// numbers compare fairly (a focus's own counts of one in five is the usual weight of
/// such interpolation; not fitted, as [`CONTEXT_WEIGHT`]).
const BACKGROUND_SHARE: f64 = 0.2;

/// The weight of the context's log-odds against the words' frequencies: the counts come
/// from manuals and help pages, not UN prose, and a class's neighbours are not each of
/// its words'. Not fitted: the model is asked only of texts without any accent, which
/// the factory's splits do not hold; half the log-odds is the cautious choice.
pub const CONTEXT_WEIGHT: f64 = 0.5;

/// The part-of-speech names of the lexicon's bits 2–12, as `dictionaries/context.py`
/// writes them.
const POS: [(Tags, &str); 11] = [
    (Tags::NOUN, "N"),
    (Tags::ADJECTIVE, "ADJ"),
    (Tags::ADVERB, "ADV"),
    (Tags::INFINITIVE, "INF"),
    (Tags::PAST_PARTICIPLE, "PP"),
    (Tags::FINITE_VERB, "FV"),
    (Tags::DETERMINER, "DET"),
    (Tags::PREPOSITION, "PREP"),
    (Tags::PRONOUN, "PRO"),
    (Tags::SUBJECT_PRONOUN, "SUBJ"),
    (Tags::CONJUNCTION, "CONJ"),
];

/// Which side of the word a neighbour stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

impl Side {
    fn key(self) -> &'static str {
        match self {
            Side::Left => "L",
            Side::Right => "R",
        }
    }
}

/// The counts of one language.
pub struct ContextModel {
    map: &'static fst::Map<&'static [u8]>,
    /// Its code is the first field of every key.
    language: Lang,
}

/// A word's two neighbours, as the model reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbours {
    left: String,
    right: String,
}

impl ContextModel {
    /// The model of `lang`, if one is used (French; English has no accents to tell).
    pub fn of(lang: Lang) -> Option<ContextModel> {
        static MAP: OnceLock<fst::Map<&'static [u8]>> = OnceLock::new();
        let map = MAP.get_or_init(|| {
            fst::Map::new(&include_bytes!(concat!(env!("OUT_DIR"), "/context.fst"))[..])
                .expect("build.rs writes a valid map")
        });
        match lang {
            Lang::Fr => Some(ContextModel {
                map,
                language: lang,
            }),
            // Spanish was counted too, but without parts of speech its classes are only
            // last letters, and Spain's manuals print `periodo` where UN Spanish has
            // `período`: on train and on UN sentences it made more wrong than right.
            Lang::Es | Lang::En => None,
        }
    }

    fn count(&self, focus: &str, side: &str, neighbour: &str) -> f64 {
        let key = format!("{}\t{focus}\t{side}\t{neighbour}", self.language.code());
        self.map.get(key).unwrap_or(0) as f64
    }

    /// The neighbours of word `k` of `words`: `#` at a sentence or clause boundary (`.
    /// ; : ( ) ! ?` between, or the text's edge), `9` for a number, else each word's key
    /// ([`ContextModel::neighbour_key`]).
    pub fn neighbours(
        &self,
        words: &[Word],
        k: usize,
        text: &str,
        lexicon: &Lexicon,
    ) -> Neighbours {
        let boundary = |gap: &str| gap.contains(['.', ';', ':', '(', ')', '!', '?']);
        let key = |at: Option<&Word>, gap: &str| match at {
            Some(w) if !boundary(gap) => self.neighbour_key(w.text, lexicon),
            _ => "#".to_owned(),
        };
        let after = match words.get(k + 1) {
            Some(next) => next.gap_before,
            None => &text[words[k].range.end..],
        };
        Neighbours {
            left: key(k.checked_sub(1).map(|j| &words[j]), words[k].gap_before),
            right: key(words.get(k + 1), after),
        }
    }

    /// A neighbour as a text that may have lost its accents shows it: its lower-case
    /// form without accents when the counted text held that often (`w:a` for both `a`
    /// and `à`), else the parts of speech of every word so spelled and its last two
    /// letters (`=ADJ.PP.FV:de` for `decide`), else `?`.
    fn neighbour_key(&self, word: &str, lexicon: &Lexicon) -> String {
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return "9".to_owned();
        }
        let plain = without_accents(&word.to_lowercase());
        let own = format!("w:{plain}");
        if self.count("*", "N", &own) > 0.0 {
            return own;
        }
        let mut tags = lexicon.tags(&plain);
        let mut valid = tags.has(Tags::VALID);
        for (_, _, variant) in spelling::accent_variants(&plain, self.language, lexicon) {
            if variant.has(Tags::VALID) {
                tags = tags | variant;
                valid = true;
            }
        }
        if !valid {
            return "?".to_owned();
        }
        let tail: String = last_chars(&plain, 2);
        format!("={}:{tail}", pos_names(tags))
    }

    /// The focus of a reading (lower case): itself when the counted text held it often
    /// enough, else its parts of speech where the lexicon tells them (French: `=ADJ.PP`;
    /// a last letter would split a class by gender, `comité` among the `-té` nouns),
    /// else its last letter (`=:é`).
    fn focus(&self, reading: &str, lexicon: &Lexicon) -> String {
        if self.count(reading, "L", "*") > 0.0 {
            return reading.to_owned();
        }
        match pos_names(lexicon.tags(reading)) {
            pos if pos.is_empty() => format!("=:{}", last_chars(reading, 1)),
            pos => format!("={pos}"),
        }
    }

    /// How much likelier the neighbours make `reading` than they make any word, in
    /// hundredths of log10 (the lexicon's unit), weighted by [`CONTEXT_WEIGHT`].
    pub fn odds(&self, reading: &str, neighbours: &Neighbours, lexicon: &Lexicon) -> i32 {
        let focus = self.focus(&reading.to_lowercase(), lexicon);
        let log_ratio = |side: Side, neighbour: &str| {
            let side = side.key();
            let all = self.count("*", side, "*");
            let beside_any = (self.count("*", side, neighbour) + 1.0) / (all + 1000.0);
            let total = self.count(&focus, side, "*");
            let own = if total > 0.0 {
                self.count(&focus, side, neighbour) / total
            } else {
                beside_any
            };
            let beside_focus = (1.0 - BACKGROUND_SHARE) * own + BACKGROUND_SHARE * beside_any;
            (beside_focus / beside_any).log10()
        };
        let log_odds =
            log_ratio(Side::Left, &neighbours.left) + log_ratio(Side::Right, &neighbours.right);
        (100.0 * CONTEXT_WEIGHT * log_odds).round() as i32
    }
}

fn pos_names(tags: Tags) -> String {
    POS.iter()
        .filter(|(bit, _)| tags.has(*bit))
        .map(|(_, name)| *name)
        .collect::<Vec<_>>()
        .join(".")
}

fn last_chars(word: &str, n: usize) -> String {
    let count = word.chars().count();
    word.chars().skip(count.saturating_sub(n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::context::words;

    fn odds_of(text: &str, k: usize, readings: &[&str]) -> Vec<i32> {
        let lexicon = Lexicon::get(Lang::Fr);
        let model = ContextModel::of(Lang::Fr).unwrap();
        let words = words(text);
        let around = model.neighbours(&words, k, text, lexicon);
        readings
            .iter()
            .map(|r| model.odds(r, &around, lexicon))
            .collect()
    }

    #[test]
    fn neighbours_are_read_without_accents() {
        let lexicon = Lexicon::get(Lang::Fr);
        let model = ContextModel::of(Lang::Fr).unwrap();
        assert_eq!(model.neighbour_key("à", lexicon), "w:a");
        assert_eq!(model.neighbour_key("2020", lexicon), "9");
        assert_eq!(model.neighbour_key("xqzw", lexicon), "?");
        let text = "Le groupe (armes) a";
        let around = model.neighbours(&words(text), 2, text, lexicon);
        assert_eq!((around.left.as_str(), around.right.as_str()), ("#", "#"));
    }

    #[test]
    fn a_participle_follows_the_auxiliary() {
        // `a decide`: the verb a, then a participle; `à` is not followed by a finite verb.
        let [participle, finite] = odds_of("Le Conseil a decide de", 3, &["décidé", "décide"])[..]
        else {
            panic!()
        };
        assert!(participle > finite, "{participle} vs {finite}");
        let [verb, preposition] = odds_of("Le Conseil a decide de", 2, &["a", "à"])[..] else {
            panic!()
        };
        assert!(verb > preposition, "{verb} vs {preposition}");
    }

    #[test]
    fn a_determiner_follows_the_preposition() {
        let [verb, preposition] = odds_of("il participe a la réunion", 2, &["a", "à"])[..] else {
            panic!()
        };
        assert!(preposition > verb, "{verb} vs {preposition}");
    }

    #[test]
    fn english_has_no_model() {
        assert!(ContextModel::of(Lang::En).is_none());
    }
}
