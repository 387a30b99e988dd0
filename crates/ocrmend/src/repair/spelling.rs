//! Words the spelling dictionary rejects (`systéme`, `resolucion`, `adaptacidn`,
//! `rdle`, `Purgence`) and the right word each most likely was: its variants under
//! the language's confusion table, each with a cost, that the dictionary accepts.
//! Adding a language is adding a table.

use std::cell::RefCell;
use std::collections::HashMap;

use std::sync::LazyLock;

use crate::language::Lang;
use crate::lexicon::{Lexicon, Substitution, Tags};
use crate::repair::channel::Channel;

/// What OCR printed (`seen`) for what the page had (`meant`), and how unlikely the
/// confusion is. A `seen` starting with `^` only applies at the start of a word.
#[derive(Clone, Copy)]
struct Confusion {
    seen: &'static str,
    meant: &'static str,
    cost: u8,
}

const fn c(seen: &'static str, meant: &'static str, cost: u8) -> Confusion {
    Confusion { seen, meant, cost }
}

/// Lost accents cost 1; a glyph read as another shape costs 2 or 3.
const FR: &[Confusion] = &[
    // French OCR keeps é: a plain e was more likely è or ê than é.
    c("e", "é", 2),
    c("e", "è", 1),
    c("e", "ê", 1),
    c("e", "ë", 1),
    // OCR keeps é, reads è and ê as é, and reads ô as é or d.
    c("é", "è", 1),
    c("é", "ê", 1),
    c("é", "ô", 2),
    c("a", "à", 1),
    c("a", "â", 1),
    c("i", "î", 1),
    c("i", "ï", 1),
    c("o", "ô", 1),
    c("u", "ù", 1),
    c("u", "û", 1),
    c("c", "ç", 1),
    c("g", "ç", 2),
    c("ce", "œ", 1),
    c("oe", "œ", 1),
    c("d", "ô", 2),
    c("od", "ô", 2),
    c("fi", "û", 2),
    c("i", "â", 2),
    c("&d", "â", 2),
    c("&", "à", 2),
    c("g", "q", 2),
    c("i", "ù", 2),
    // `l’` read as a capital P (`Purgence`, `P’action`).
    c("^p’", "l’", 2),
    c("^p", "l’", 2),
    // A capital I read as l (`lnde`, `lan`).
    c("^l", "I", 2),
];
const ES: &[Confusion] = &[
    c("a", "á", 1),
    c("e", "é", 1),
    c("i", "í", 1),
    c("o", "ó", 1),
    c("u", "ú", 1),
    c("u", "ü", 1),
    c("n", "ñ", 1),
    c("6", "ó", 1),
    c("é", "ó", 2),
    c("é", "á", 2),
    c("d", "ó", 2),
    c("d", "á", 2),
    c("t", "ú", 2),
    c("ti", "ú", 2),
    c("i", "ú", 2),
    c("ii", "ñ", 2),
    c("fi", "ñ", 2),
    // `¿` read as g (`gc6mo`).
    c("^g", "¿", 2),
    c("^l", "I", 2),
];
const EN: &[Confusion] = &[
    c("e", "é", 1),
    c("a", "á", 1),
    c("o", "ó", 1),
    c("^l", "I", 2),
];

fn confusions(lang: Lang) -> &'static [Confusion] {
    match lang {
        Lang::Fr => FR,
        Lang::Es => ES,
        Lang::En => EN,
    }
}

/// At most this many confusions are undone in one word, at most this total cost.
const MAX_CHANGES: usize = 2;
const MAX_COST: u8 = 4;

/// The odds (100 × log10, as the lexicon's Zipf ×100 frequencies) by which an accented
/// variant must beat a word the dictionary also accepts (`periodo`/`período`): the
/// variant's frequency, times the chance the document's OCR lost its accents
/// ([`Channel::cost`]), against the word's own frequency. Even odds suffice: web text's
/// lost accents already inflate the plain form's count. Chosen on the factory's train
/// split (0 against 10, 15, 30: most words fixed, damage no higher).
pub const ACCENT_ODDS: i32 = 0;

/// A word to write instead of what OCR printed, and how sure that is (0–1).
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub word: String,
    pub confidence: f64,
    /// A second candidate about as likely (the correction is then withheld).
    pub rival: Option<String>,
}

/// What the lexicon says of one word, whatever the document: remembered per thread.
#[derive(Debug, Clone)]
enum Reading {
    /// The dictionary rejects it; its likeliest right spelling.
    Rejected(Option<Verdict>),
    /// The dictionary accepts it; its frequency, its accent variants that are words,
    /// with theirs, and its accented letters (lower case) it cannot be spelled without.
    Accepted {
        own: u16,
        variants: Vec<(String, u16)>,
        needs: Vec<char>,
    },
}

/// Calls `then` with what the lexicon says of `word`, worked out once per thread and
/// word (the answer depends on nothing else, so output does not).
fn with_reading<T>(
    word: &str,
    lang: Lang,
    lexicon: &Lexicon,
    then: impl FnOnce(&Reading) -> T,
) -> T {
    thread_local! {
        static MEMO: RefCell<[HashMap<String, Reading>; 3]> = RefCell::default();
    }
    const MEMO_WORDS: usize = 200_000;
    let slot = lang as usize;
    let mut then = Some(then);
    if let Some(known) =
        MEMO.with_borrow(|memo| memo[slot].get(word).map(|r| then.take().unwrap()(r)))
    {
        return known;
    }
    let answer = if lexicon.is_spelled_right(word) {
        let variants = if is_ordinary_word(word) {
            accent_variants(word, lang, lexicon)
                .into_iter()
                .map(|v| {
                    let f = lexicon.freq(&v);
                    (v, f)
                })
                .collect()
        } else {
            Vec::new()
        };
        let needs = word
            .char_indices()
            .filter(|(_, c)| super::channel::is_accented(*c))
            .filter(|&(at, letter)| {
                let plain = format!(
                    "{}{}{}",
                    &word[..at],
                    crate::scan::base_letter(letter),
                    &word[at + letter.len_utf8()..]
                );
                !lexicon.is_spelled_right(&plain)
            })
            .map(|(_, letter)| letter.to_lowercase().next().unwrap_or(letter))
            .collect();
        Reading::Accepted {
            own: lexicon.freq(word),
            variants,
            needs,
        }
    } else {
        Reading::Rejected(correct_uncached(word, lang, lexicon))
    };
    let result = then.take().unwrap()(&answer);
    MEMO.with_borrow_mut(|memo| {
        let memo = &mut memo[slot];
        if memo.len() >= MEMO_WORDS {
            memo.clear();
        }
        memo.insert(word.to_owned(), answer);
    });
    result
}

/// Calls `seen` with each accented letter (lower case) that `word` tells of, and what
/// the OCR printed for it: `None` (kept) when the dictionary accepts the word and
/// rejects it without that accent (`información`); the letter printed instead when it
/// rejects the word and its likeliest reading differs only in accented letters
/// (`informacion`: `o`; `informacién`: `é`).
pub fn evidence(
    word: &str,
    lang: Lang,
    lexicon: &Lexicon,
    seen: &mut dyn FnMut(char, Option<char>),
) {
    let accented = super::channel::is_accented;
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    with_reading(word, lang, lexicon, |reading| match reading {
        Reading::Accepted { needs, .. } => needs.iter().for_each(|&letter| seen(letter, None)),
        Reading::Rejected(Some(verdict)) if verdict.rival.is_none() => {
            if verdict.word.chars().count() == word.chars().count() {
                for (printed, meant) in word.chars().zip(verdict.word.chars()) {
                    if printed != meant && accented(meant) {
                        seen(lower(meant), Some(lower(printed)));
                    }
                }
            }
        }
        Reading::Rejected(_) => {}
    });
}

/// What to write for `word`: for a word the dictionary rejects, its likeliest right
/// spelling; for a word it accepts, the accent variant whose odds beat it by `odds`
/// ([`Channel::cost`]; with no channel, frequency alone).
pub fn verdict(
    word: &str,
    lang: Lang,
    lexicon: &Lexicon,
    channel: Option<&Channel>,
    odds: i32,
) -> Option<Verdict> {
    with_reading(word, lang, lexicon, |reading| match reading {
        Reading::Rejected(verdict) => verdict.clone(),
        Reading::Accepted { own, variants, .. } => {
            let odds_of = |(v, f): &(String, u16)| {
                i32::from(*f) - i32::from(*own) + channel.map_or(0, |c| c.cost(word, v))
            };
            let best = variants.iter().max_by_key(|v| odds_of(v))?;
            let margin = odds_of(best) - odds;
            (margin >= 0).then(|| Verdict {
                word: best.0.clone(),
                confidence: (0.6 + f64::from(margin) / 500.0).min(0.95),
                rival: None,
            })
        }
    })
}

/// The most likely right spelling of a `word` the dictionary rejects. All-capital
/// words (acronyms) and numbers are left alone.
fn correct_uncached(word: &str, lang: Lang, lexicon: &Lexicon) -> Option<Verdict> {
    if !is_ordinary_word(word) {
        return None;
    }
    let mut ranked = candidates(word, lang, lexicon);
    ranked.sort_by(|a, b| a.cost.cmp(&b.cost).then(b.freq.cmp(&a.freq)));
    let best = ranked.first()?;
    let rival = ranked
        .get(1)
        .filter(|r| r.cost == best.cost && r.freq + 60 > best.freq);
    let mut confidence = match best.cost {
        1 => 0.95,
        2 => 0.85,
        _ => 0.7,
    };
    if best.freq < 250 {
        confidence -= 0.15;
    }
    if rival.is_some() {
        confidence -= 0.4;
    }
    Some(Verdict {
        word: with_case_of(word, &best.word),
        confidence,
        rival: rival.map(|r| with_case_of(word, &r.word)),
    })
}

/// The variants of `word`, in its case, that differ from it only by accents (at a
/// cost of at most 2: one accent) and that the dictionary accepts as common words.
pub fn accent_variants(word: &str, lang: Lang, lexicon: &Lexicon) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut out = Vec::new();
    lexicon.variants(
        &lower,
        accent_table(lang),
        MAX_CHANGES,
        2,
        &mut |variant, cost, _, tags| {
            if cost > 0 && tags.has(Tags::VALID) && variant != lower {
                out.push(with_case_of(word, variant));
            }
        },
    );
    out
}

/// The confusions of `lang` that only change accents (`e` → `é`, `é` → `è`).
fn accent_table(lang: Lang) -> &'static [Substitution<'static>] {
    static TABLES: LazyLock<[Vec<Substitution<'static>>; 3]> = LazyLock::new(|| {
        [Lang::Fr, Lang::Es, Lang::En].map(|lang| {
            confusions(lang)
                .iter()
                .filter(|c| {
                    !c.seen.starts_with('^')
                        && crate::scan::without_accents(c.meant)
                            == crate::scan::without_accents(c.seen)
                })
                .map(|c| (c.seen, c.meant, c.cost))
                .collect()
        })
    });
    &TABLES[match lang {
        Lang::Fr => 0,
        Lang::Es => 1,
        Lang::En => 2,
    }]
}

/// Letters (and the glyphs OCR puts for letters), not all capitals.
fn is_ordinary_word(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    letters >= 2
        && capitals <= 1
        && !word.chars().any(|c| c.is_ascii_digit() && c != '6')
        && !word.ends_with('’')
}

struct Candidate {
    word: String,
    cost: u8,
    freq: u16,
}

/// The variants of `word` under the language's confusion table that the dictionary
/// accepts.
fn candidates(word: &str, lang: Lang, lexicon: &Lexicon) -> Vec<Candidate> {
    let table = confusions(lang);
    let lower = word.to_lowercase();
    let mut variants = Vec::new();
    vary(
        &lower,
        true,
        MAX_CHANGES,
        0,
        String::new(),
        table,
        &mut variants,
    );
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    variants
        .into_iter()
        .filter(|(v, cost)| *cost > 0 && *v != lower)
        .filter_map(|(v, cost)| {
            // `l’urgence`: the word after the elision must be right and start as
            // elided words do.
            let (name_allowed, checked) = match v.rsplit_once('’') {
                Some((_, tail)) => (false, tail),
                None => (
                    capital || v.starts_with(char::is_uppercase),
                    v.trim_start_matches('¿'),
                ),
            };
            if v.contains('’') && !tail_can_be_elided(checked) {
                return None;
            }
            let tags = lexicon.tags(checked);
            let right = tags.has(Tags::VALID) || name_allowed && tags.has(Tags::PROPER);
            let freq = lexicon.freq(checked);
            (right && freq > 0).then_some(Candidate {
                word: v,
                cost,
                freq,
            })
        })
        .collect()
}

fn tail_can_be_elided(word: &str) -> bool {
    word.starts_with(|c: char| "aeiouhâàéèêîôûœ".contains(c))
}

/// All spellings of `rest` with up to `changes` confusions undone, after `done`.
fn vary(
    rest: &str,
    at_start: bool,
    changes: usize,
    cost: u8,
    done: String,
    table: &[Confusion],
    out: &mut Vec<(String, u8)>,
) {
    const MAX_VARIANTS: usize = 1024;
    if out.len() >= MAX_VARIANTS {
        return;
    }
    let Some(first) = rest.chars().next() else {
        out.push((done, cost));
        return;
    };
    if changes > 0 {
        for confusion in table {
            let (seen, initial) = match confusion.seen.strip_prefix('^') {
                Some(seen) => (seen, true),
                None => (confusion.seen, false),
            };
            if initial && !at_start || cost + confusion.cost > MAX_COST {
                continue;
            }
            if let Some(tail) = rest.strip_prefix(seen) {
                vary(
                    tail,
                    false,
                    changes - 1,
                    cost + confusion.cost,
                    format!("{done}{}", confusion.meant),
                    table,
                    out,
                );
            }
        }
    }
    let tail = &rest[first.len_utf8()..];
    vary(
        tail,
        false,
        changes,
        cost,
        format!("{done}{first}"),
        table,
        out,
    );
}

/// `variant` with the capital initial of `word` (not when the capital was a glyph for
/// an elision: `Purgence` → `l’urgence`).
pub fn with_case_of(word: &str, variant: &str) -> String {
    if word.chars().next().is_some_and(|c| c.is_uppercase()) && !variant.contains('’') {
        let mut chars = variant.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        variant.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn correct(word: &str, lang: Lang, lexicon: &Lexicon) -> Option<Verdict> {
        // Odds no variant reaches: the dictionary's verdict on rejected words only.
        verdict(word, lang, lexicon, None, 10_000)
    }

    fn fix(word: &str, lang: Lang) -> Option<String> {
        correct(word, lang, Lexicon::get(lang))
            .filter(|v| v.rival.is_none())
            .map(|v| v.word)
    }

    #[test]
    fn lost_accents() {
        assert_eq!(fix("systéme", Lang::Fr).as_deref(), Some("système"));
        assert_eq!(fix("progres", Lang::Fr).as_deref(), Some("progrès"));
        assert_eq!(fix("Etats", Lang::Fr).as_deref(), Some("États"));
        assert_eq!(fix("Caraibes", Lang::Fr).as_deref(), Some("Caraïbes"));
        assert_eq!(fix("accroitre", Lang::Fr).as_deref(), Some("accroître"));
        assert_eq!(fix("resolucion", Lang::Es).as_deref(), Some("resolución"));
        assert_eq!(fix("Situacion", Lang::Es).as_deref(), Some("Situación"));
    }

    #[test]
    fn ligatures_and_cedillas() {
        assert_eq!(fix("ceuvre", Lang::Fr).as_deref(), Some("œuvre"));
        assert_eq!(fix("coeur", Lang::Fr).as_deref(), Some("cœur"));
        assert_eq!(fix("regoivent", Lang::Fr).as_deref(), Some("reçoivent"));
    }

    #[test]
    fn glyphs_read_as_other_shapes() {
        assert_eq!(fix("rdle", Lang::Fr).as_deref(), Some("rôle"));
        assert_eq!(fix("réle", Lang::Fr).as_deref(), Some("rôle"));
        assert_eq!(fix("cing", Lang::Fr).as_deref(), Some("cinq"));
        assert_eq!(fix("&dgées", Lang::Fr).as_deref(), Some("âgées"));
        assert_eq!(fix("Purgence", Lang::Fr).as_deref(), Some("l’urgence"));
        assert_eq!(fix("adaptacidn", Lang::Es).as_deref(), Some("adaptación"));
        assert_eq!(fix("educaci6n", Lang::Es).as_deref(), Some("educación"));
        assert_eq!(fix("tltimos", Lang::Es).as_deref(), Some("últimos"));
        assert_eq!(fix("gc6mo", Lang::Es).as_deref(), Some("¿cómo"));
        assert_eq!(fix("oi", Lang::Fr).as_deref(), Some("où"));
        assert_eq!(fix("lan", Lang::Fr).as_deref(), Some("Ian"));
        assert_eq!(fix("lnde", Lang::Fr).as_deref(), Some("Inde"));
    }

    #[test]
    fn french_ocr_reads_grave_as_acute() {
        assert_eq!(fix("intégre", Lang::Fr).as_deref(), Some("intègre"));
        assert_eq!(fix("opére", Lang::Fr).as_deref(), Some("opère"));
    }

    #[test]
    fn two_likely_readings_are_a_rival() {
        let v = correct("gene", Lang::Fr, Lexicon::get(Lang::Fr)).unwrap();
        assert_eq!(v.rival.as_deref(), Some("gène"), "{v:?}");
        assert!(v.confidence < super::super::MIN_CONFIDENCE);
    }

    #[test]
    fn right_words_acronyms_and_names_stay() {
        for word in [
            "développement",
            "continue",
            "a",
            "OMS",
            "Guterres",
            "veillé",
        ] {
            assert_eq!(fix(word, Lang::Fr), None, "{word}");
        }
        assert_eq!(fix("él", Lang::Es), None);
        assert_eq!(fix("programme", Lang::En), None);
    }

    #[test]
    fn right_both_ways_needs_the_odds() {
        let es = Lexicon::get(Lang::Es);
        let no_evidence = Channel::default();
        let odds = |w| verdict(w, Lang::Es, es, Some(&no_evidence), ACCENT_ODDS).map(|v| v.word);
        assert_eq!(odds("titulo").as_deref(), Some("título"));
        assert_eq!(odds("esta"), None);
        assert_eq!(odds("periodo"), None);
        let fr = Lexicon::get(Lang::Fr);
        assert_eq!(
            verdict("continue", Lang::Fr, fr, Some(&no_evidence), ACCENT_ODDS),
            None
        );
    }

    #[test]
    fn a_document_that_lost_its_accents_gets_them_back() {
        let language = crate::language::Language::of(Lang::Es);
        let lost = Channel::of(
            ["la informacion, la educacion y la situacion del pais"],
            language,
        );
        let kept = Channel::of(
            ["la información, la educación y la situación del país"],
            language,
        );
        let es = language.lexicon;
        let odds = |c| verdict("periodo", Lang::Es, es, Some(c), ACCENT_ODDS).map(|v| v.word);
        assert_eq!(odds(&lost).as_deref(), Some("período"));
        assert_eq!(odds(&kept), None);
    }
}
