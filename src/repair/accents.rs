//! Accents the OCR lost or changed (`systéme`, `progres`, `Situacion`, `ceuvre`),
//! restored from the lexicon: a word's variants under the language's confusion table
//! are looked up, and the most frequent replaces the word when it is more frequent by
//! the margin the caller asks for. Adding a language is adding a table.

use crate::lexicon::{Lang, Lexicon};

/// What OCR reads in place of a letter (left) and the letters it may stand for.
type Confusions = &'static [(&'static str, &'static [&'static str])];

const FR: Confusions = &[
    ("e", &["é", "è", "ê", "ë"]),
    // OCR keeps é and reads è and ê as é; it does not drop it (`veillé` stays).
    ("é", &["è", "ê"]),
    ("a", &["à", "â"]),
    ("i", &["î", "ï"]),
    ("o", &["ô"]),
    ("u", &["ù", "û"]),
    ("c", &["ç"]),
    ("g", &["ç"]),
    ("ce", &["œ"]),
];
const ES: Confusions = &[
    ("a", &["á"]),
    ("e", &["é"]),
    ("i", &["í"]),
    ("o", &["ó"]),
    ("é", &["ó"]),
    ("6", &["ó"]),
    ("u", &["ú", "ü"]),
    ("ti", &["ú"]),
    ("n", &["ñ"]),
    ("ii", &["ñ"]),
    ("fi", &["ñ"]),
];
const EN: Confusions = &[("e", &["é"]), ("a", &["á"]), ("o", &["ó"])];

fn confusions(lang: Lang) -> Confusions {
    match lang {
        Lang::Fr => FR,
        Lang::Es => ES,
        Lang::En => EN,
    }
}

/// The margin (Zipf ×100) by which a variant must beat the word as printed to
/// replace it with no context: 1.5 on the Zipf scale, thirty times as frequent.
pub const SURE_MARGIN: u16 = 150;

/// How sure a repair is, from the frequencies of the word before and after.
pub fn confidence(before: u16, after: u16) -> f64 {
    let lead = f64::from(after.saturating_sub(before));
    (0.5 + lead / 600.0).min(0.99)
}

/// At most this many letters are changed in one word.
const MAX_CHANGES: usize = 2;

/// The lexicon's most frequent variant of `word`, when it beats the word by `margin`
/// (Zipf ×100). All-capital words (acronyms) and words with digits other than the
/// confusable `6` are left alone.
pub fn restore(word: &str, lang: Lang, lexicon: &Lexicon, margin: u16) -> Option<String> {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || word.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return None;
    }
    if word.chars().any(|c| c.is_ascii_digit() && c != '6') {
        return None;
    }
    let lower = word.to_lowercase();
    let mut variants = Vec::new();
    vary(
        &lower,
        MAX_CHANGES,
        String::new(),
        confusions(lang),
        &mut variants,
    );
    let own = lexicon.freq(&lower);
    let (best, freq) = variants
        .into_iter()
        .filter(|v| *v != lower)
        .map(|v| {
            let f = lexicon.freq(&v);
            (v, f)
        })
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
    (freq > 0 && freq >= own.saturating_add(margin)).then(|| with_case_of(word, &best))
}

/// All spellings of `rest` with up to `changes` confusions undone, after `done`.
fn vary(rest: &str, changes: usize, done: String, table: Confusions, out: &mut Vec<String>) {
    const MAX_VARIANTS: usize = 512;
    if out.len() >= MAX_VARIANTS {
        return;
    }
    let Some(first) = rest.chars().next() else {
        out.push(done);
        return;
    };
    if changes > 0 {
        for (from, tos) in table {
            if let Some(tail) = rest.strip_prefix(from) {
                for to in *tos {
                    vary(tail, changes - 1, format!("{done}{to}"), table, out);
                }
            }
        }
    }
    let tail = &rest[first.len_utf8()..];
    vary(tail, changes, format!("{done}{first}"), table, out);
}

/// `variant` with the capital initial of `word`.
fn with_case_of(word: &str, variant: &str) -> String {
    if word.chars().next().is_some_and(|c| c.is_uppercase()) {
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

    const SAFE: u16 = SURE_MARGIN;

    fn fr(word: &str, margin: u16) -> Option<String> {
        restore(word, Lang::Fr, Lexicon::get(Lang::Fr), margin)
    }

    #[test]
    fn clear_cases_are_restored() {
        assert_eq!(fr("systéme", SAFE).as_deref(), Some("système"));
        assert_eq!(fr("progres", SAFE).as_deref(), Some("progrès"));
        assert_eq!(fr("ceuvre", SAFE).as_deref(), Some("œuvre"));
        assert_eq!(fr("regoivent", SAFE).as_deref(), Some("reçoivent"));
        assert_eq!(
            restore("Situacion", Lang::Es, Lexicon::get(Lang::Es), SAFE).as_deref(),
            Some("Situación")
        );
        assert_eq!(
            restore("educaci6n", Lang::Es, Lexicon::get(Lang::Es), SAFE).as_deref(),
            Some("educación")
        );
    }

    #[test]
    fn words_right_both_ways_need_a_small_margin_to_change() {
        assert_eq!(fr("a", SAFE), None);
        assert_eq!(fr("continue", SAFE), None);
        assert_eq!(fr("Résume", SAFE), None);
        assert_eq!(fr("Résume", 1).as_deref(), Some("Résumé"));
        assert_eq!(
            fr("veillé", SAFE),
            None,
            "a participle is not turned into a noun"
        );
        assert_eq!(restore("él", Lang::Es, Lexicon::get(Lang::Es), SAFE), None);
    }

    #[test]
    fn acronyms_and_right_words_stay() {
        assert_eq!(fr("OMS", 0), None);
        assert_eq!(fr("développement", SAFE), None);
        assert_eq!(fr("coopération", SAFE), None);
    }
}
