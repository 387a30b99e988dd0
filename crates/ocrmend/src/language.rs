//! The document's language: [`Lang`], the [`Language`] bundle of what the stages know
//! of it, and [`detect`], which tells it by the text's most common function words (the
//! words that no two of our languages share).

use std::sync::OnceLock;

use crate::lexicon::Lexicon;

/// The languages ocrmend reads and repairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// English.
    En,
}

impl Lang {
    /// The language of an ISO 639-1 code (`fr`, `es`, `en`).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::En => "en",
        }
    }
}

/// What the stages know of a language, built once and passed to each stage: its
/// lexicon, and the other languages' lexicons (a quoted passage in another language is
/// told by them).
pub struct Language {
    pub lang: Lang,
    pub lexicon: &'static Lexicon,
    pub others: [&'static Lexicon; 2],
}

impl Language {
    /// The bundle of `lang`.
    pub fn of(lang: Lang) -> &'static Language {
        static ALL: OnceLock<[Language; 3]> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            [Lang::Fr, Lang::Es, Lang::En].map(|lang| {
                let mut others = [Lang::Fr, Lang::Es, Lang::En]
                    .into_iter()
                    .filter(|&l| l != lang)
                    .map(Lexicon::get);
                Language {
                    lang,
                    lexicon: Lexicon::get(lang),
                    others: [others.next().unwrap(), others.next().unwrap()],
                }
            })
        });
        &all[lang as usize]
    }
}

/// The other official languages of the UN: their reports are structured, never
/// repaired (ocrmend has no lexicon or channel model for them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unrepaired {
    /// Russian, told by the Cyrillic script.
    Ru,
    /// Arabic, told by the Arabic script.
    Ar,
    /// Chinese, told by the Han script.
    Zh,
}

impl Unrepaired {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Unrepaired::Ru => "ru",
            Unrepaired::Ar => "ar",
            Unrepaired::Zh => "zh",
        }
    }

    /// The language's English name.
    pub fn name(self) -> &'static str {
        match self {
            Unrepaired::Ru => "Russian",
            Unrepaired::Ar => "Arabic",
            Unrepaired::Zh => "Chinese",
        }
    }

    /// The language of a text most of whose letters (over half of the first
    /// [`SCRIPT_SAMPLE`] characters) are Cyrillic, Arabic or Han.
    pub fn of_script(text: &str) -> Option<Unrepaired> {
        let (mut letters, mut counts) = (0usize, [0usize; 3]);
        for c in text
            .chars()
            .take(SCRIPT_SAMPLE)
            .filter(|c| c.is_alphabetic())
        {
            letters += 1;
            let script = match c {
                '\u{400}'..='\u{52F}' => Unrepaired::Ru,
                '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FEFF}' => {
                    Unrepaired::Ar
                }
                '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => {
                    Unrepaired::Zh
                }
                _ => continue,
            };
            counts[script as usize] += 1;
        }
        let (k, &n) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
        (n * 2 > letters).then_some([Unrepaired::Ru, Unrepaired::Ar, Unrepaired::Zh][k])
    }
}

/// Characters read to tell a script: a report's first pages are enough.
const SCRIPT_SAMPLE: usize = 100_000;

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

    #[test]
    fn tells_the_scripts_of_the_other_un_languages() {
        let of = Unrepaired::of_script;
        assert_eq!(
            of("A/75/371 Генеральная Ассамблея, доклад"),
            Some(Unrepaired::Ru)
        );
        assert_eq!(
            of("A/75/371 الجمعية العامة تقرير الأمين العام"),
            Some(Unrepaired::Ar)
        );
        assert_eq!(of("A/75/371 大会 秘书长的报告"), Some(Unrepaired::Zh));
        assert_eq!(of("Les États Membres (Организация)"), None);
        assert_eq!(of("12 34"), None);
    }
}
