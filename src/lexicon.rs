//! Word lists with frequencies, one per language, built by `dictionaries/build.py`
//! and embedded in the binary (see dictionaries/README.md for sources and licences).

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

/// Languages with a lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    Es,
    En,
}

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::En => "en",
        }
    }
}

/// What the spelling dictionary says of a word form: whether it is right as written
/// (or only as a capitalised name) and, where the dictionary tells (French), its parts
/// of speech. The bits are those of `dictionaries/build.py`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tags(u16);

impl Tags {
    pub const VALID: Tags = Tags(1 << 0);
    pub const PROPER: Tags = Tags(1 << 1);
    pub const NOUN: Tags = Tags(1 << 2);
    pub const ADJECTIVE: Tags = Tags(1 << 3);
    pub const ADVERB: Tags = Tags(1 << 4);
    pub const INFINITIVE: Tags = Tags(1 << 5);
    pub const PAST_PARTICIPLE: Tags = Tags(1 << 6);
    pub const FINITE_VERB: Tags = Tags(1 << 7);
    pub const DETERMINER: Tags = Tags(1 << 8);
    pub const PREPOSITION: Tags = Tags(1 << 9);
    pub const PRONOUN: Tags = Tags(1 << 10);
    pub const SUBJECT_PRONOUN: Tags = Tags(1 << 11);
    pub const CONJUNCTION: Tags = Tags(1 << 12);

    /// Has every bit of `other`.
    pub fn has(self, other: Tags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Has any bit of `other`.
    pub fn any(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }

    /// No part of speech but those of `other`.
    pub fn only(self, other: Tags) -> bool {
        let parts = self.0 & !(Tags::VALID.0 | Tags::PROPER.0);
        parts != 0 && parts & !other.0 == 0
    }
}

impl std::ops::BitOr for Tags {
    type Output = Tags;
    fn bitor(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
    }
}

/// A word form's frequency on the Zipf scale ×100 (700 = once per ten thousand
/// words) and its tags.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    freq: u16,
    tags: Tags,
}

/// Lower-case word forms, their frequencies and tags.
pub struct Lexicon {
    entries: HashMap<String, Entry>,
}

impl Lexicon {
    /// The lexicon of `lang`, decoded on first use.
    pub fn get(lang: Lang) -> &'static Lexicon {
        static FR: OnceLock<Lexicon> = OnceLock::new();
        static ES: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        match lang {
            Lang::Fr => {
                FR.get_or_init(|| Lexicon::parse(include_bytes!("../dictionaries/fr.tsv.gz")))
            }
            Lang::Es => {
                ES.get_or_init(|| Lexicon::parse(include_bytes!("../dictionaries/es.tsv.gz")))
            }
            Lang::En => {
                EN.get_or_init(|| Lexicon::parse(include_bytes!("../dictionaries/en.tsv.gz")))
            }
        }
    }

    fn parse(gz: &[u8]) -> Lexicon {
        let mut tsv = String::new();
        flate2::read::GzDecoder::new(gz)
            .read_to_string(&mut tsv)
            .expect("embedded lexicon is valid gzip'd UTF-8 (rebuild with dictionaries/build.py)");
        let entries = tsv
            .lines()
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let word = fields.next()?;
                let freq = fields.next()?.parse().ok()?;
                let tags = Tags(fields.next().map_or(Some(0), |t| t.parse().ok())?);
                Some((word.to_owned(), Entry { freq, tags }))
            })
            .collect();
        Lexicon { entries }
    }

    fn entry(&self, word: &str) -> Entry {
        if let Some(&e) = self.entries.get(word) {
            return e;
        }
        self.entries
            .get(&word.to_lowercase().replace('’', "'"))
            .copied()
            .unwrap_or_default()
    }

    /// Frequency of `word` (any case), 0 when unknown.
    pub fn freq(&self, word: &str) -> u16 {
        self.entry(word).freq
    }

    /// Tags of `word` (any case); empty when unknown.
    pub fn tags(&self, word: &str) -> Tags {
        self.entry(word).tags
    }

    /// The spelling dictionary accepts `word` as written: in lower case, or, when it
    /// has a capital initial, as a name.
    pub fn is_spelled_right(&self, word: &str) -> bool {
        let tags = self.tags(word);
        tags.has(Tags::VALID)
            || tags.has(Tags::PROPER) && word.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.freq(word) > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_accented_words_in_any_case() {
        let fr = Lexicon::get(Lang::Fr);
        assert!(fr.contains("système"));
        assert!(fr.contains("Développement"));
        assert!(
            fr.freq("systéme") + 200 < fr.freq("système"),
            "OCR misspellings are rare if present"
        );
        assert!(Lexicon::get(Lang::Es).contains("está"));
        assert!(Lexicon::get(Lang::En).freq("the") > 700);
    }

    #[test]
    fn spelling_and_parts_of_speech() {
        let fr = Lexicon::get(Lang::Fr);
        assert!(fr.is_spelled_right("système") && !fr.is_spelled_right("systéme"));
        assert!(fr.is_spelled_right("Paris"));
        assert!(fr.tags("été").has(Tags::PAST_PARTICIPLE));
        assert!(fr.tags("partir").has(Tags::INFINITIVE));
        assert!(fr.tags("la").has(Tags::DETERMINER));
        assert!(fr.tags("il").has(Tags::SUBJECT_PRONOUN));
        assert!(fr.tags("notamment").only(Tags::ADVERB));
        assert!(!Lexicon::get(Lang::Es).is_spelled_right("resolucion"));
        assert!(Lexicon::get(Lang::En).is_spelled_right("programme"));
    }
}
