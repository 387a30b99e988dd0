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

/// Lower-case word forms and their frequency on the Zipf scale ×100 (700 = once per
/// ten thousand words).
pub struct Lexicon {
    freq: HashMap<String, u16>,
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
        let freq = tsv
            .lines()
            .filter_map(|l| {
                let (w, f) = l.split_once('\t')?;
                Some((w.to_owned(), f.parse().ok()?))
            })
            .collect();
        Lexicon { freq }
    }

    /// Frequency of `word` (any case), 0 when unknown.
    pub fn freq(&self, word: &str) -> u16 {
        if let Some(&f) = self.freq.get(word) {
            return f;
        }
        self.freq
            .get(&word.to_lowercase().replace('’', "'"))
            .copied()
            .unwrap_or(0)
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
}
