//! Words the spelling dictionary rejects (`systéme`, `resolucion`, `adaptacidn`,
//! `rdle`, `Purgence`) and the right word each most likely was: its variants under
//! the language's confusion table (learned from the factory's train split: see
//! [`CHANNEL_MODEL`]), each with a cost, that the dictionary accepts. Adding a language
//! is adding data.

use std::cell::RefCell;
use std::collections::HashMap;

use std::sync::LazyLock;

use crate::language::Lang;
use crate::lexicon::{Lexicon, Substitution, Tags};
use crate::repair::channel::Channel;

/// What OCR printed (`seen`) for what the page had (`meant`), and how unlikely the
/// confusion is. A `seen` starting with `^` only applies at the start of a word.
#[derive(Debug, Clone, PartialEq)]
struct Confusion {
    seen: String,
    meant: String,
    cost: u8,
}

/// The channel model, fitted by `dictionaries/channel.py` on the factory's train split:
/// `lang, family, seen, meant, count, occurrences of meant` per line.
const CHANNEL_MODEL: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../dictionaries/channel.tsv"
));

/// An edit enters a language's table when one OCR model family made it this often, and
/// this likely (of the times the page had `meant`): rarer ones are as often alignment
/// noise as OCR habits, and undoing them would make more wrong words than right.
const MIN_EDITS: u32 = 5;
const MIN_CHANCE: f64 = 0.005;

/// The model's family of text typed without accents or ligatures (`e` for `é`, `oe` for
/// `œ`): one row per such letter of the language, and no count.
const TYPED: &str = "typed";

/// Any accented letter or ligature of the language can lose its accent, at least this
/// likely: an OCR setting the train split lacks (a model that drops every accent, text
/// typed without them) is no rarer than the ones it has.
const LOST_ACCENT_CHANCE: f64 = 0.05;

/// The cost of an edit of `chance`: −10 × log10 of it (a tenth of a Zipf unit, as the
/// lexicon's frequencies are hundredths: a word ten times as frequent makes up for an
/// edit ten times less likely), at least 1.
fn cost_of(chance: f64) -> u8 {
    (-10.0 * chance.log10())
        .round()
        .clamp(1.0, f64::from(u8::MAX)) as u8
}

/// The confusion table of `lang` from the channel model: each edit at the highest
/// chance any OCR family gave it, a lost accent for each accented letter of the
/// language at least [`LOST_ACCENT_CHANCE`], less an edit at a word's start that the
/// same edit anywhere does as cheaply.
fn table_of(model: &str, lang: Lang) -> Vec<Confusion> {
    type Chances = Vec<((String, String), f64)>;
    let keep = |chances: &mut Chances, seen: &str, meant: &str, chance: f64| match chances
        .iter_mut()
        .find(|((s, m), _)| s == seen && m == meant)
    {
        Some((_, c)) => *c = c.max(chance),
        None => chances.push(((seen.to_owned(), meant.to_owned()), chance)),
    };
    let mut chances = Chances::new();
    for line in model.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [code, family, seen, meant, count, occurrences] = fields[..] else {
            panic!("dictionaries/channel.tsv: bad line {line:?}");
        };
        let number = |n: &str| n.parse::<u32>().expect("dictionaries/channel.tsv: counts");
        let (count, occurrences) = (number(count), number(occurrences));
        let chance = f64::from(count) / f64::from(occurrences.max(1));
        let letters = meant.chars().all(|c| c.is_alphabetic() || c == '’');
        if code != lang.code() || !letters {
            continue;
        }
        if family == TYPED {
            keep(&mut chances, seen, meant, LOST_ACCENT_CHANCE);
        } else if count >= MIN_EDITS && chance >= MIN_CHANCE {
            keep(&mut chances, seen, meant, chance);
        }
    }
    let mut table: Vec<Confusion> = chances
        .iter()
        .map(|((seen, meant), chance)| Confusion {
            seen: seen.clone(),
            meant: meant.clone(),
            cost: cost_of(*chance),
        })
        .collect();
    let anywhere = table.clone();
    table.retain(|c| {
        !c.seen.strip_prefix('^').is_some_and(|seen| {
            anywhere
                .iter()
                .any(|a| a.seen == seen && a.meant == c.meant && a.cost <= c.cost)
        })
    });
    table.sort_by(|a, b| (a.cost, &a.seen, &a.meant).cmp(&(b.cost, &b.seen, &b.meant)));
    table
}

fn confusions(lang: Lang) -> &'static [Confusion] {
    static TABLES: LazyLock<[Vec<Confusion>; 3]> =
        LazyLock::new(|| [Lang::Fr, Lang::Es, Lang::En].map(|l| table_of(CHANNEL_MODEL, l)));
    &TABLES[lang as usize]
}

/// The confusion table of `lang` as the lexicon's walk takes it.
fn table(lang: Lang) -> &'static [Substitution<'static>] {
    static TABLES: LazyLock<[Vec<Substitution<'static>>; 3]> = LazyLock::new(|| {
        [Lang::Fr, Lang::Es, Lang::En].map(|lang| {
            confusions(lang)
                .iter()
                .map(|c| (c.seen.as_str(), c.meant.as_str(), c.cost))
                .collect()
        })
    });
    &TABLES[lang as usize]
}

/// At most this many confusions are undone in one word, at most this total cost (two
/// edits each as likely as a lost accent with no other evidence).
const MAX_CHANGES: usize = 2;
const MAX_COST: u8 = 26;

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
        /// Each variant, its frequency, and whether it is a word (not a name only).
        variants: Vec<(String, u16, bool)>,
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
                .map(|(v, freq, tags)| (v, freq, tags.has(Tags::VALID)))
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
            .map(|(_, letter)| crate::scan::lower_letter(letter))
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
    let (accented, lower) = (super::channel::is_accented, crate::scan::lower_letter);
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
/// ([`Channel::cost`]; with no channel, frequency alone). `context` gives a reading's
/// odds by its neighbours ([`super::context_model::ContextModel::odds`]), which weigh
/// in among readings that differ only by accents.
pub fn verdict(
    word: &str,
    lang: Lang,
    lexicon: &Lexicon,
    channel: Option<&Channel>,
    odds: i32,
    context: Option<&dyn Fn(&str) -> i32>,
) -> Option<Verdict> {
    let in_context = |reading: &str| context.map_or(0, |odds_of| odds_of(reading));
    with_reading(word, lang, lexicon, |reading| match reading {
        Reading::Rejected(Some(verdict)) if context.is_some() => {
            Some(reranked(word, verdict, lang, lexicon, &in_context))
        }
        Reading::Rejected(verdict) => verdict.clone(),
        Reading::Accepted { variants, .. } if variants.is_empty() => None,
        Reading::Accepted { own, variants, .. } => {
            // The channel's cost is never positive: a variant that frequency and context
            // alone cannot carry is not weighed.
            let own_context = in_context(word);
            let lead =
                |v: &str, f: u16| i32::from(f) - i32::from(*own) + in_context(v) - own_context;
            let odds_of = |(v, f, word_form): &(String, u16, bool)| {
                lead(v, *f) + channel.map_or(0, |c| c.cost(word, v, *word_form))
            };
            let best = variants
                .iter()
                .filter(|(v, f, _)| lead(v, *f) >= odds)
                .max_by_key(|v| odds_of(v))?;
            let margin = odds_of(best) - odds;
            (margin >= 0).then(|| Verdict {
                word: best.0.clone(),
                confidence: (0.6 + f64::from(margin) / 500.0).min(0.95),
                rival: None,
            })
        }
    })
}

/// A rejected word's verdict, its reading chosen again among the spellings that differ
/// from it only by accents (`presente`: `présente` or `présenté`) by frequency and
/// context. A rival of the same letters that the context leaves [`RIVAL_ODDS`] behind
/// is no rival.
fn reranked(
    word: &str,
    verdict: &Verdict,
    lang: Lang,
    lexicon: &Lexicon,
    in_context: &dyn Fn(&str) -> i32,
) -> Verdict {
    let chosen = verdict.word.to_lowercase();
    let plain = crate::scan::without_accents(&chosen);
    let mut readings: Vec<(String, i32)> = accent_variants(&plain, lang, lexicon)
        .into_iter()
        .filter(|(_, _, tags)| tags.has(Tags::VALID))
        .map(|(v, freq, _)| (v, i32::from(freq)))
        .collect();
    if lexicon.tags(&plain).has(Tags::VALID) {
        readings.push((plain.clone(), i32::from(lexicon.freq(&plain))));
    }
    if readings.len() < 2 || !readings.iter().any(|(v, _)| *v == chosen) {
        return verdict.clone();
    }
    let mut scored: Vec<(i32, String)> = readings
        .into_iter()
        .map(|(v, freq)| (freq + in_context(&v), v))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let (best_score, best) = &scored[0];
    let rival_in_letters = verdict
        .rival
        .as_deref()
        .is_some_and(|r| crate::scan::without_accents(&r.to_lowercase()) == plain);
    let settled = scored
        .get(1)
        .is_none_or(|(second, _)| best_score - second >= RIVAL_ODDS);
    let mut out = verdict.clone();
    out.word = with_case_of(word, best);
    if rival_in_letters && settled {
        out.rival = None;
        out.confidence += RIVAL_PENALTY;
    }
    out
}

/// A second reading within these odds of the best (hundredths of log10: four times less
/// likely) makes the best a guess.
const RIVAL_ODDS: i32 = 60;

/// What a rival takes off a correction's confidence: enough to withhold it.
const RIVAL_PENALTY: f64 = 0.4;

/// The most likely right spelling of a `word` the dictionary rejects. All-capital
/// words (acronyms) and numbers are left alone.
fn correct_uncached(word: &str, lang: Lang, lexicon: &Lexicon) -> Option<Verdict> {
    if !is_ordinary_word(word) {
        return None;
    }
    // The posterior, in hundredths of log10: the word's frequency times the chance of
    // the edits that made what the OCR printed.
    let score = |c: &Candidate| i32::from(c.freq) - 10 * i32::from(c.cost);
    let mut ranked = candidates(word, lang, lexicon);
    ranked.sort_by_key(|c| (std::cmp::Reverse(score(c)), c.cost));
    let best = ranked.first()?;
    // A word the dictionary rejects that UN and web text print at least as often as its
    // correction is a name or a foreign word printed as meant (`Mandela`, not `Mándela`;
    // `Rumania`; English `The` in a French text): on train, 31 of 47 such corrections
    // were wrong and 5 right.
    if lexicon.freq(&word.to_lowercase()) >= best.freq {
        return None;
    }
    // The same word reached by other edits is no rival.
    let rival = ranked
        .iter()
        .find(|r| r.word != best.word)
        .filter(|r| score(r) + RIVAL_ODDS > score(best));
    let mut confidence = match best.cost {
        0..=5 => 0.95,
        6..=13 => 0.85,
        _ => 0.7,
    };
    if best.freq < 250 {
        confidence -= 0.15;
    }
    if rival.is_some() {
        confidence -= RIVAL_PENALTY;
    }
    Some(Verdict {
        word: with_case_of(word, &best.word),
        confidence,
        rival: rival.map(|r| with_case_of(word, &r.word)),
    })
}

/// The variants of `word`, in its case, that differ from it only by accents (or one
/// accented vowel for another) and that the dictionary accepts as common words, or as
/// names when `word` is capitalised (`Sudan` → `Sudán`); each with its frequency and
/// tags.
pub fn accent_variants(word: &str, lang: Lang, lexicon: &Lexicon) -> Vec<(String, u16, Tags)> {
    let lower = word.to_lowercase();
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    lexicon.variants(
        &lower,
        accent_table(lang),
        MAX_CHANGES,
        MAX_COST,
        &mut |variant, cost, freq, tags| {
            let name = capital && tags.has(Tags::PROPER);
            if cost > 0 && (tags.has(Tags::VALID) || name) && variant != lower {
                out.push((with_case_of(word, variant), freq, tags));
            }
        },
    );
    out
}

/// The confusions of `lang` that only change accents (`e` → `é`, `é` → `è`), or read
/// one accented vowel as another (`é` for `ó`: the English model's `aprobé`).
fn accent_table(lang: Lang) -> &'static [Substitution<'static>] {
    static TABLES: LazyLock<[Vec<Substitution<'static>>; 3]> = LazyLock::new(|| {
        let accented_vowel = |s: &str| {
            let mut chars = s.chars();
            matches!((chars.next(), chars.next()), (Some(c), None)
                if super::channel::is_accented(c) && "aeiou".contains(crate::scan::base_letter(c)))
        };
        [Lang::Fr, Lang::Es, Lang::En].map(|lang| {
            confusions(lang)
                .iter()
                .filter(|c| {
                    !c.seen.starts_with('^')
                        && (crate::scan::without_accents(&c.meant)
                            == crate::scan::without_accents(&c.seen)
                            || accented_vowel(&c.seen) && accented_vowel(&c.meant))
                })
                .map(|c| (c.seen.as_str(), c.meant.as_str(), c.cost))
                .collect()
        })
    });
    &TABLES[lang as usize]
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
/// accepts: one walk of the lexicon, which drops a spelling as soon as no word starts
/// with it.
fn candidates(word: &str, lang: Lang, lexicon: &Lexicon) -> Vec<Candidate> {
    let lower = word.to_lowercase();
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    lexicon.variants(
        &lower,
        table(lang),
        MAX_CHANGES,
        MAX_COST,
        &mut |variant, cost, freq, tags| {
            if cost == 0 || variant == lower {
                return;
            }
            // `l’urgence`: the word after the elision must start as elided words do;
            // a name may only stand capitalised, and not after an elision.
            let elided = variant.rsplit_once('’').map(|(_, tail)| tail);
            if elided.is_some_and(|tail| !tail_can_be_elided(tail)) {
                return;
            }
            let name_allowed = elided.is_none() && capital;
            let right = tags.has(Tags::VALID) || name_allowed && tags.has(Tags::PROPER);
            if right && freq > 0 {
                out.push(Candidate {
                    word: variant.to_owned(),
                    cost,
                    freq,
                });
            }
        },
    );
    out
}

fn tail_can_be_elided(word: &str) -> bool {
    word.starts_with(|c: char| "aeiouhâàéèêîôûœ".contains(c))
}

/// `variant` with the capital initial of `word` (not when the capital was a glyph for
/// an elision: `Purgence` → `l’urgence`).
pub fn with_case_of(word: &str, variant: &str) -> String {
    let initial = if word.chars().next().is_some_and(|c| c.is_uppercase()) && !variant.contains('’')
    {
        let mut chars = variant.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        variant.to_owned()
    };
    // The capital of a word after its elision keeps its place (`lOrganisation` →
    // `l’Organisation`), counted from the end, where the edit at the start leaves the
    // letters aligned. Capitals elsewhere are the OCR's glyphs (`negociaciOn`).
    let Some(apostrophe) = initial.rfind('’') else {
        return initial;
    };
    let after = initial[apostrophe + '’'.len_utf8()..].chars().count();
    match (word.chars().rev().nth(after.wrapping_sub(1)), after) {
        (Some(printed), 1..) if printed.is_uppercase() => {
            let (head, tail) = initial.split_at(apostrophe + '’'.len_utf8());
            let mut tail = tail.chars();
            let first = tail.next().map(|c| c.to_uppercase().collect::<String>());
            format!("{head}{}{}", first.unwrap_or_default(), tail.as_str())
        }
        _ => initial,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn correct(word: &str, lang: Lang, lexicon: &Lexicon) -> Option<Verdict> {
        // Odds no variant reaches: the dictionary's verdict on rejected words only.
        verdict(word, lang, lexicon, None, 10_000, None)
    }

    fn fix(word: &str, lang: Lang) -> Option<String> {
        correct(word, lang, Lexicon::get(lang))
            .filter(|v| v.rival.is_none())
            .map(|v| v.word)
    }

    #[test]
    fn a_rejected_word_printed_more_often_than_its_correction_is_kept() {
        assert_eq!(fix("Mandela", Lang::Es), None);
        assert_eq!(fix("Rumania", Lang::Es), None);
        assert_eq!(fix("The", Lang::Fr), None);
        // A web misspelling rarer than its correction is still mended.
        assert_eq!(fix("informacion", Lang::Es).as_deref(), Some("información"));
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
        assert_eq!(fix("Purgence", Lang::Fr).as_deref(), Some("l’urgence"));
        assert_eq!(
            fix("Vactualisation", Lang::Fr).as_deref(),
            Some("l’actualisation")
        );
        assert_eq!(fix("diment", Lang::Fr).as_deref(), Some("dûment"));
        assert_eq!(fix("adaptacidn", Lang::Es).as_deref(), Some("adaptación"));
        assert_eq!(fix("educaci6n", Lang::Es).as_deref(), Some("educación"));
        assert_eq!(fix("tltimos", Lang::Es).as_deref(), Some("últimos"));
        assert_eq!(fix("perfodo", Lang::Es).as_deref(), Some("período"));
        assert_eq!(fix("sefialar", Lang::Es).as_deref(), Some("señalar"));
    }

    #[test]
    fn a_capital_inside_keeps_its_place() {
        assert_eq!(
            fix("lOrganisation", Lang::Fr).as_deref(),
            Some("l’Organisation")
        );
        assert_eq!(with_case_of("Purgence", "l’urgence"), "l’urgence");
        assert_eq!(with_case_of("Etats", "états"), "États");
    }

    #[test]
    fn the_table_is_the_fitted_model() {
        let table = |lang| confusions(lang);
        let cost = |lang, seen: &str, meant: &str| {
            table(lang)
                .iter()
                .find(|c| c.seen == seen && c.meant == meant)
                .map(|c| c.cost)
        };
        // French OCR reads è as é far more often than it drops an accent.
        assert!(cost(Lang::Fr, "é", "è") < cost(Lang::Fr, "e", "è"));
        // Spanish: the English model's glyphs for ñ and í.
        assert!(cost(Lang::Es, "fi", "ñ").is_some());
        assert!(cost(Lang::Es, "f", "í").is_some());
        // Letters no OCR of the split dropped can still lose their accent (`typed`).
        assert!(cost(Lang::Es, "e", "é").is_some());
        assert!(cost(Lang::Fr, "oe", "œ").is_some());
        // An edit at a word's start that the same edit anywhere covers is left out.
        for lang in [Lang::Fr, Lang::Es] {
            for c in table(lang) {
                if let Some(seen) = c.seen.strip_prefix('^') {
                    assert!(
                        cost(lang, seen, &c.meant).is_none_or(|anywhere| anywhere > c.cost),
                        "{c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_model_line_is_read_by_its_fields() {
        let model =
            "# header\nfr\teng\tx\ty\t50\t100\nfr\teng\tq\tz\t1\t100\nfr\ttyped\te\té\t0\t9\n";
        let table = table_of(model, Lang::Fr);
        let find = |seen: &str| table.iter().find(|c| c.seen == seen).map(|c| c.cost);
        assert_eq!(find("x"), Some(cost_of(0.5)));
        assert_eq!(find("q"), None, "too rare");
        assert_eq!(find("e"), Some(cost_of(LOST_ACCENT_CHANCE)));
        assert!(table_of(model, Lang::Es).is_empty());
    }

    #[test]
    fn two_likely_readings_are_a_rival() {
        let v = correct("gene", Lang::Fr, Lexicon::get(Lang::Fr)).unwrap();
        let readings = [v.word.as_str(), v.rival.as_deref().unwrap_or("")];
        assert!(
            readings.contains(&"gène") && readings.contains(&"gêne"),
            "{v:?}"
        );
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
        let odds =
            |w| verdict(w, Lang::Es, es, Some(&no_evidence), ACCENT_ODDS, None).map(|v| v.word);
        assert_eq!(odds("titulo").as_deref(), Some("título"));
        assert_eq!(odds("esta"), None);
        assert_eq!(odds("periodo"), None);
        let fr = Lexicon::get(Lang::Fr);
        assert_eq!(
            verdict(
                "continue",
                Lang::Fr,
                fr,
                Some(&no_evidence),
                ACCENT_ODDS,
                None
            ),
            None
        );
    }

    #[test]
    fn a_vowel_read_as_another_comes_back_where_the_document_does_so() {
        let language = crate::language::Language::of(Lang::Es);
        let es = language.lexicon;
        let glyph = Channel::of(
            ["la informacién, la educacién, la situacién y la resolucién"],
            language,
        );
        // A document that prints its `ó` right, page after page.
        let pages = ["la información, la educación, la situación y la resolución"; 10];
        let kept = Channel::of(pages, language);
        let odds = |c| verdict("aprobé", Lang::Es, es, Some(c), ACCENT_ODDS, None).map(|v| v.word);
        assert_eq!(odds(&glyph).as_deref(), Some("aprobó"));
        assert_eq!(odds(&kept), None);
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
        let odds = |c| verdict("periodo", Lang::Es, es, Some(c), ACCENT_ODDS, None).map(|v| v.word);
        assert_eq!(odds(&lost).as_deref(), Some("período"));
        assert_eq!(odds(&kept), None);
    }
}
