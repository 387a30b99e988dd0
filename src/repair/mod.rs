//! Stage 4, repair: undo OCR glyph confusions in the chunk texts. This stage makes
//! only the fixes that are unambiguous from the glyphs and the language:
//! - `1’`, `I’`, `[’`, `|’`, `]’`, `!’` before a word → `l’` (French: no other word elides so);
//! - `11 est`, `IIs ont` at the start of a sentence → `Il est`, `Ils ont` (French);
//! - `¢` and `€` glued inside a word (scanner noise on `é`, `è`, `c`) → the lexicon word;
//! - a capital `E` that lost its accent (`Etats` → `États`), in French, where the
//!   lexicon knows the accented form as clearly the more frequent;
//! - a lost or changed accent (`systéme`, `progres`, `Situacion`) where the lexicon
//!   knows one variant as far more frequent ([`accents`]); words that are right both
//!   ways (`a`/`à`, `continue`/`continué`) are left for context.
//!
//! Every change is recorded with its input span, rule and confidence.

pub mod accents;

use std::sync::LazyLock;

use regex::Regex;

use crate::layout::Layout;
use crate::lexicon::{Lang, Lexicon};
use crate::tracked::Tracked;

/// One repaired word, before its span is converted to characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Repair {
    pub source: std::ops::Range<usize>,
    /// `glyphs` or `accents`.
    pub stage: &'static str,
    pub before: String,
    pub after: String,
    pub rule: &'static str,
    pub confidence: f64,
}

static ELIDED_L: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s(«“\[])([1I|\[\]!]’ ?)\p{L}").unwrap());
static CAPITAL_IL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.!?»]\s+)((?:11|I1|1l|lI|II)(s?)) (?:est|a|ont|s’|n’|ne|se|y|sera|serait|était|sont|avait|avaient|convient|faut|importe|reste|existe|semble|peut|peuvent|doit|doivent|devrait|pourrait)\b").unwrap()
});
static CAPITAL_E: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bE\p{Ll}+\b").unwrap());
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}]+").unwrap());
static NOISE_IN_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}*[¢€]\p{L}*").unwrap());

/// Repair every chunk of the layout in place; returns what was changed.
pub fn repair(layout: &mut Layout, lang: Option<Lang>) -> Vec<Repair> {
    let mut repairs = Vec::new();
    for chunk in &mut layout.chunks {
        repair_text(&mut chunk.text, lang, &mut repairs);
    }
    repairs
}

/// Repair one text in place, adding what was changed to `repairs`.
pub fn repair_text(text: &mut Tracked, lang: Option<Lang>, repairs: &mut Vec<Repair>) {
    let lexicon = lang.map(Lexicon::get);
    if lang == Some(Lang::Fr) {
        fix_all(
            text,
            &ELIDED_L,
            |_| Some("l’".to_owned()),
            "elided-l",
            0.98,
            repairs,
        );
        fix_all(
            text,
            &CAPITAL_IL,
            |m| Some(if m.ends_with('s') { "Ils" } else { "Il" }.to_owned()),
            "capital-il",
            0.95,
            repairs,
        );
        if let Some(lexicon) = lexicon {
            fix_all(
                text,
                &CAPITAL_E,
                |w| accented_capital(w, lexicon),
                "capital-accent",
                0.9,
                repairs,
            );
        }
    }
    if let (Some(lang), Some(lexicon)) = (lang, lexicon) {
        restore_accents(text, lang, lexicon, accents::SURE_MARGIN, repairs);
    }
    if let Some(lexicon) = lexicon {
        fix_all(
            text,
            &NOISE_IN_WORD,
            |w| noise_free(w, lexicon),
            "glyph-noise",
            0.9,
            repairs,
        );
    }
}

/// Restore the accents of the words of `text` whose lexicon variant beats them by
/// `margin`. Words inside a link or a document symbol (`www.undp.org`, `A/74/336`)
/// are not words of the language and stay.
pub fn restore_accents(
    text: &mut Tracked,
    lang: Lang,
    lexicon: &Lexicon,
    margin: u16,
    repairs: &mut Vec<Repair>,
) {
    let words: Vec<regex::Match> = WORD.find_iter(text.as_str()).collect();
    let foreign = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| foreign_word(w.as_str(), lang, lexicon))
    };
    let found: Vec<(std::ops::Range<usize>, String)> = words
        .iter()
        .enumerate()
        .filter(|(_, m)| !in_link_or_symbol(text.as_str(), m.range()))
        .filter_map(|(k, m)| {
            let after = accents::restore(m.as_str(), lang, lexicon, margin)?;
            // A word of another language among words of that language is a quotation
            // (`South-South and triangular cooperation` in French text).
            let quoted =
                known_elsewhere(m.as_str(), lang) && (k > 0 && foreign(k - 1) || foreign(k + 1));
            (!quoted).then(|| (m.range(), after))
        })
        .collect();
    for (range, after) in found.into_iter().rev() {
        let before = text.as_str()[range.clone()].to_owned();
        let confidence = accents::confidence(lexicon.freq(&before), lexicon.freq(&after));
        repairs.push(Repair {
            source: text.source_range(range.clone()),
            stage: "accents",
            before,
            after: after.clone(),
            rule: "lexicon",
            confidence,
        });
        text.replace(range, &after);
    }
}

/// Frequency (Zipf ×100) from which a word counts as a word of a language.
const COMMON: u16 = 300;

/// The other languages with a lexicon.
fn others(lang: Lang) -> impl Iterator<Item = &'static Lexicon> {
    [Lang::Fr, Lang::Es, Lang::En]
        .into_iter()
        .filter(move |&l| l != lang)
        .map(Lexicon::get)
}

/// A common word of another language.
fn known_elsewhere(word: &str, lang: Lang) -> bool {
    others(lang).any(|l| l.freq(word) >= COMMON)
}

/// A word far more at home in another language than in the document's.
fn foreign_word(word: &str, lang: Lang, lexicon: &Lexicon) -> bool {
    let own = lexicon.freq(word);
    others(lang).any(|l| {
        let f = l.freq(word);
        f >= COMMON && f >= own + 100
    })
}

/// A token glued to `/`, `.`, `@`, `_`, `:`, `=` or digits on either side (no space
/// between) is part of a link, an address or a symbol.
fn in_link_or_symbol(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = &text[range.end..];
    let glued = |c: char| "/@_=\\".contains(c) || c.is_ascii_digit();
    before.is_some_and(|c| {
        glued(c) || c == '.' || c == ':' || c == '-' && text[..range.start].ends_with("--")
    }) || after.starts_with(|c: char| glued(c))
        || after.len() > 1
            && after.starts_with(['.', ':'])
            && after[1..].starts_with(|c: char| c.is_alphanumeric())
}

/// Repair a metadata value (its changes are not listed: the masthead is in `removed`).
pub fn repair_value(value: &str, lang: Option<Lang>) -> String {
    let mut text = Tracked::new();
    text.push_input(value, 0..value.len());
    repair_text(&mut text, lang, &mut Vec::new());
    text.as_str().to_owned()
}

/// `Etats` → `États` when the lexicon has the accented form far more often
/// (French sets accents on capitals; OCR drops them).
fn accented_capital(word: &str, lexicon: &Lexicon) -> Option<String> {
    let accented = format!("É{}", &word[1..]);
    let (plain, with_accent) = (lexicon.freq(word), lexicon.freq(&accented));
    (with_accent >= plain + 20).then_some(accented)
}

/// Apply `fix` to capture group 1 (or the whole match) of every match of `re`.
fn fix_all(
    text: &mut Tracked,
    re: &Regex,
    fix: impl Fn(&str) -> Option<String>,
    rule: &'static str,
    confidence: f64,
    repairs: &mut Vec<Repair>,
) {
    let mut at = 0;
    while let Some(caps) = re.captures_at(text.as_str(), at) {
        let m = caps.get(1).unwrap_or_else(|| caps.get(0).unwrap());
        let range = m.range();
        let before = m.as_str().to_owned();
        at = range.end.max(at + 1);
        let Some(after) = fix(&before).filter(|a| *a != before) else {
            continue;
        };
        repairs.push(Repair {
            source: text.source_range(range.clone()),
            stage: "glyphs",
            before,
            after: after.clone(),
            rule,
            confidence,
        });
        at = range.start + after.len();
        text.replace(range, &after);
    }
}

/// The lexicon word a noise glyph hides: the glyph dropped or read as é, è, c.
fn noise_free(word: &str, lexicon: &Lexicon) -> Option<String> {
    let mut candidates = vec![String::new()];
    for c in word.chars() {
        let options: &[&str] = if c == '¢' || c == '€' {
            &["", "é", "è", "c"]
        } else {
            &[]
        };
        candidates = if options.is_empty() {
            candidates
                .into_iter()
                .map(|mut s| {
                    s.push(c);
                    s
                })
                .collect()
        } else {
            candidates
                .into_iter()
                .flat_map(|s| options.iter().map(move |o| format!("{s}{o}")))
                .collect()
        };
        if candidates.len() > 64 {
            return None;
        }
    }
    candidates
        .into_iter()
        .filter(|w| !w.is_empty())
        .max_by_key(|w| lexicon.freq(w))
        .filter(|w| lexicon.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, lang: Lang) -> (String, Vec<Repair>) {
        let pages = crate::pages::paginate(text);
        let mut layout = crate::layout::lay_out(text, &pages, Some(Lexicon::get(lang)));
        let repairs = repair(&mut layout, Some(lang));
        (layout.chunks[0].text.as_str().to_owned(), repairs)
    }

    #[test]
    fn elided_l() {
        let (t, r) = run(
            "a 1’horizon 2030 et I’appui de [’OMS et 1’ objectif",
            Lang::Fr,
        );
        assert_eq!(t, "a l’horizon 2030 et l’appui de l’OMS et l’objectif");
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].source, 2..6);
    }

    #[test]
    fn capital_il_only_before_a_verb_at_a_sentence_start() {
        let (t, _) = run(
            "Fin. 11 est essentiel. IIs ont dit. Et 11 millions de dollars.",
            Lang::Fr,
        );
        assert_eq!(
            t,
            "Fin. Il est essentiel. Ils ont dit. Et 11 millions de dollars."
        );
    }

    #[test]
    fn noise_glyphs_inside_words() {
        let (t, _) = run(
            "la capacité¢ du systéme et les projets lié¢s a la paralléle financi¢re",
            Lang::Fr,
        );
        assert_eq!(
            t,
            "la capacité du système et les projets liés a la parallèle financière"
        );
    }

    #[test]
    fn capital_e_gets_its_accent_back() {
        let (t, _) = run(
            "Les Etats Membres et les Emirats arabes unis en Europe",
            Lang::Fr,
        );
        assert_eq!(t, "Les États Membres et les Émirats arabes unis en Europe");
    }

    #[test]
    fn accents_come_back_but_not_in_quoted_english() {
        let (t, r) = run("le systéme et les progres de la « South-South and triangular cooperation: selected studies »", Lang::Fr);
        assert_eq!(t, "le système et les progrès de la « South-South and triangular cooperation: selected studies »");
        assert_eq!(r.iter().filter(|r| r.stage == "accents").count(), 2);
    }

    #[test]
    fn links_and_symbols_are_not_words() {
        let (t, _) = run(
            "voir www.undp.org/content/systeme/progres et A/74/336.",
            Lang::Fr,
        );
        assert_eq!(t, "voir www.undp.org/content/systeme/progres et A/74/336.");
    }

    #[test]
    fn english_i_is_left_alone() {
        let (t, r) = run("I’m sure I’ll go.", Lang::En);
        assert_eq!(t, "I’m sure I’ll go.");
        assert!(r.is_empty());
    }
}
