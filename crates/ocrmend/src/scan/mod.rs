//! Glyph classes and small scanners shared by every stage: one definition each, so
//! that the stage that reads structure and the stage that repairs words agree on
//! what OCR makes of a glyph.

pub mod opening;
pub mod speck;
pub mod symbol;

/// What OCR prints for the `l` of an elided `l’` (`1’horizon`, `I’appui`, `|’OMS`,
/// `[’ONU`): glyphs of the same narrow upright shape.
pub const L_LOOKALIKES: &str = "1I|[]!";

/// What OCR prints for the I of a roman numeral: `Il.` and `IL.` for II, `L` for I.
/// No chapter runs to L (50), so an `L` among them is always an I.
pub const ROMAN_ONE_LOOKALIKES: &[char] = &['I', 'l', '1', '|', 'L'];

/// `word` without its diacritics (`Développement` → `Developpement`): what OCR that lost
/// them prints.
pub fn without_accents(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// `c` in lower case, one letter for one (`É` → `é`; of a lower case longer than one
/// letter, `İ` → `i̇`, its first).
pub fn lower_letter(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The base letter of `c` (`é` → `e`, `Ç` → `C`, `ő` → `o`; `œ` stays).
pub fn base_letter(c: char) -> char {
    use unicode_normalization::UnicodeNormalization;
    // Most letters are ASCII, their own base: decomposing them is the cost of a hot loop.
    if c.is_ascii() {
        return c;
    }
    std::iter::once(c).nfd().next().unwrap_or(c)
}

/// What OCR prints for a superscript note number, by where it stands. The three
/// places show different glyphs (measured on the factory's validation split: giving
/// every place the union of the three loses footnotes), so each has its class.
pub mod superscript {
    /// At the start of a footnote (`© Voir…`, `%2 Voir…`, `’ The…`, `? Resolución…`,
    /// `> See…`, `§ Voir…`, `=~` for a smudge): a regex character class. (`+` is left
    /// out: on train it took headings behind a `+` speck for notes.)
    pub const AT_NOTE_START: &str = r#"[©®™%°"“”‘’'=~?!>§#]"#;
    /// Glued to the word or punctuation that calls the note (`l’OMS®`, `santé »*2`,
    /// `Bureau®!`, `(CEPALC)?`, superscript digits kept as such): a regex character class.
    pub const AFTER_A_WORD: &str = r#"[®©™°’‘'!?*%Z¹²³⁴⁵⁶⁷⁸⁹⁰“”"]"#;
    /// After the report's title, for its `*` note (`Sud-Sud+`, `internationales”`).
    pub const AFTER_THE_TITLE: &[char] =
        &['*', '+', '’', '\'', '”', '"', '‘', '`', '°', '®', '^', '~'];
}

/// Noise glyphs OCR prints for a lower-case letter (`¢` for c, é or è): the repair
/// stage reads them back, and a text opening with one opens in lower case.
pub const LOWER_CASE_NOISE: &str = "¢€";

/// Whether `text` opens with a lower-case letter, or the noise OCR prints for one, or
/// an elided `l’` printed with a look-alike (`I’environnement`): text that carries on
/// a sentence cut by a line or page break.
pub fn opens_in_lower_case(text: &str) -> bool {
    let first = text.chars().next();
    let elided_l = || {
        let mut rest = text.chars().skip(1);
        first.is_some_and(|c| L_LOOKALIKES.contains(c))
            && rest.next().is_some_and(|c| "’'".contains(c))
            && rest.take(4).filter(|c| c.is_lowercase()).count() == 4
    };
    first.is_some_and(|c| c.is_lowercase() || LOWER_CASE_NOISE.contains(c)) || elided_l()
}

/// Text without the call glyphs and closing quotes at its end.
fn without_trailing_calls(text: &str) -> &str {
    text.trim_end()
        .trim_end_matches(|c: char| "»”\"’')]®©°*%".contains(c) || c.is_ascii_digit())
}

/// Whether text ends a sentence (footnote markers and closing quotes aside).
pub fn ends_sentence(text: &str) -> bool {
    // `?` and `!` end questions and exclamations, except a `?` glued to a bracket,
    // which is a call (`(CEPALC)?`).
    let mut t = without_trailing_calls(text);
    if let Some(rest) = t.strip_suffix('?').filter(|r| r.ends_with([')', ']'])) {
        t = without_trailing_calls(rest);
    }
    t.ends_with(['.', ':', ';', '!', '?', '…'])
}

/// Whether text ends with a comma (call glyphs and closing quotes aside): the end of
/// a clause that a list or a preamble carries on in the next paragraph.
pub fn ends_clause(text: &str) -> bool {
    without_trailing_calls(text).ends_with(',')
}

/// The hyphens a line may end with.
pub const HYPHENS: [char; 3] = ['-', '‐', '–'];

/// The length in letters of the longest run of letters in `text` (`l’Assemblée`: 9):
/// how much of a word a scrap holds.
pub fn longest_letter_run(text: &str) -> usize {
    text.split(|c: char| !c.is_alphabetic())
        .map(|run| run.chars().count())
        .max()
        .unwrap_or(0)
}

/// Whether text stops where no sentence, heading or masthead field ends: on a
/// line-break hyphen (`dévelop-`) or a function word (`… de`, `… of the`).
pub fn stops_mid_phrase(text: &str) -> bool {
    let last_word = text.rsplit(' ').next().unwrap_or("");
    let short = last_word.chars().count() <= 2 && last_word.chars().all(char::is_lowercase);
    // A dash after a space (`… de la mujer -`) is a speck or a dash, no word cut.
    let cut_word = text
        .strip_suffix(HYPHENS)
        .is_some_and(|rest| rest.ends_with(char::is_alphanumeric));
    cut_word || short || THREE_LETTER_FUNCTION_WORDS.contains(&last_word)
}

/// The articles, prepositions and conjunctions of three letters in the languages with
/// case: a content word of three letters (`mer`, `paz`, `law`, `hoy`) may end a
/// heading, these never do. Shorter words (`de`, `la`, `of`) never do either.
const THREE_LETTER_FUNCTION_WORDS: &[&str] = &[
    "les", "des", "aux", "une", "sur", "par", "the", "and", "for", "del", "los", "las", "una",
    "por", "con", "que", "qui",
];

/// Whether the quotation mark `mark` after `before` closes a quotation that `before`
/// opened (then it is no note call): more opening than closing double quotes or
/// guillemets, an odd count of straight ones, a `‘` for a `’`, a word opened by `'`
/// for a `'`.
pub fn closes_a_quote(before: &str, mark: char) -> bool {
    let count = |glyphs: &[char]| before.chars().filter(|c| glyphs.contains(c)).count();
    match mark {
        '”' | '"' | '»' => count(&['“', '«']) > count(&['”', '»']) || count(&['"']) % 2 == 1,
        '’' => count(&['‘']) > 0,
        '\'' => before.split_whitespace().any(|word| word.starts_with('\'')),
        _ => false,
    }
}

/// The words French elides before a vowel (`l’`, `qu’`, `jusqu’`).
pub const ELISION_STEMS: &[&str] = &[
    "d", "l", "s", "n", "j", "m", "c", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Glyphs the OCR reads for the `/` of a document symbol (`Al 79I 2 14` for
/// `A/79/214`).
pub const SLASH_LOOKALIKES: &[char] = &['l', 'I', '|', '!'];

/// Glyphs OCR reads for one another in the capitals and digits of a document symbol,
/// a class each (`/` for `I`, `5`, `8` or `$` for `S`, `0` for `O`, `F` for `E`).
const SYMBOL_LOOKALIKES: [&str; 7] = ["/lI|!1", "S5$", "S8", "B8", "O0D", "EF", "Z2"];

/// Whether OCR may print `a` for `b` (or `b` for `a`) in a document symbol.
pub fn look_alike(a: char, b: char) -> bool {
    SYMBOL_LOOKALIKES
        .iter()
        .any(|class| class.contains(a) && class.contains(b))
}

/// Capitals whose lower-case glyph differs from them only in size, which OCR reads in
/// lower case where nothing beside them shows the size (`c. Fédération de Russie` for
/// section C).
pub const SIZE_ONLY_CAPITALS: &str = "COSVWXZ";

/// Capitals OCR reads for one another in a section letter, a class each: shapes one
/// stroke apart.
const SECTION_LETTER_LOOKALIKES: [&str; 5] = ["CG", "ODQ", "EF", "BDR", "PR"];

/// Whether OCR may have printed heading numeral `printed` (`G`, `II`) for `meant`
/// (`C`, `III`): section letters one stroke apart, roman numerals one I added or lost.
/// A numeral out of its sequence that resembles the expected one is a misread of it;
/// one that does not (`V.` where I was due) was printed so.
pub fn numeral_look_alike(printed: &str, meant: &str) -> bool {
    let one_i_more = |long: &str, short: &str| {
        long.char_indices()
            .any(|(k, c)| c == 'I' && long[..k].to_owned() + &long[k + 1..] == short)
    };
    let mut pair = [printed.chars(), meant.chars()].map(|mut c| (c.next(), c.next()));
    let letters = match &mut pair {
        [(Some(a), None), (Some(b), None)] => Some((*a, *b)),
        _ => None,
    };
    letters.is_some_and(|(a, b)| {
        SECTION_LETTER_LOOKALIKES
            .iter()
            .any(|class| class.contains(a) && class.contains(b))
    }) || one_i_more(printed, meant)
        || one_i_more(meant, printed)
}

/// Whether the word that ends right before byte `at` of `text` is what an apostrophe
/// after it elides, never a note call: one letter, an l look-alike (`1’`), or an
/// elision stem (`qu’ ils`).
pub fn elision_before(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    let Some(last) = before.next() else {
        return false;
    };
    let letter = |c: char| c.is_alphabetic() || L_LOOKALIKES.contains(c);
    if letter(last)
        && !before
            .next()
            .is_some_and(|c| c.is_alphanumeric() || letter(c))
    {
        return true;
    }
    let word = text[..at]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ELISION_STEMS.contains(&word.to_lowercase().as_str())
}

/// A line that is only a mangled number or a glyph: `1`, `©`, `=~`, `11;`.
pub fn is_marker(text: &str) -> bool {
    let n = text.chars().filter(|c| !c.is_whitespace()).count();
    n > 0 && n <= 4 && text.chars().filter(|c| c.is_alphabetic()).count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_numerals_look_alike_by_a_stroke() {
        for (printed, meant) in [
            ("G", "C"),
            ("D", "B"),
            ("II", "III"),
            ("III", "II"),
            ("I", "II"),
            ("V", "IV"),
            ("XI", "X"),
        ] {
            assert!(numeral_look_alike(printed, meant), "{printed} for {meant}");
        }
        for (printed, meant) in [
            ("M", "B"),
            ("V", "I"),
            ("XII", "I"),
            ("II", "IV"),
            ("E", "A"),
            ("III", "V"),
        ] {
            assert!(!numeral_look_alike(printed, meant), "{printed} for {meant}");
        }
    }

    #[test]
    fn markers() {
        assert!(is_marker("©"));
        assert!(is_marker("11;"));
        assert!(is_marker("=~"));
        assert!(!is_marker("Voir"));
    }

    #[test]
    fn elided_words_and_their_look_alikes() {
        for text in ["de l", "vers 1", "et I", "(|", "d", "Outre qu", "jusqu"] {
            assert!(elision_before(text, text.len()), "{text}");
        }
        for text in ["le", "en 2019", "x1", "", "de ", "States"] {
            assert!(!elision_before(text, text.len()), "{text}");
        }
    }

    #[test]
    fn sentence_ends_past_calls_and_quotes() {
        assert!(ends_sentence("les partenariats?®."));
        assert!(ends_sentence("la santé »*2."));
        assert!(ends_sentence("¿cómo podemos enfrentar el desafío?"));
        assert!(!ends_sentence("la coopération Sud-Sud et"));
        assert!(
            !ends_sentence("les Caraibes (CEPALC)?"),
            "a call after a bracket, not a question"
        );
    }

    #[test]
    fn quotes_that_close() {
        assert!(closes_a_quote("des “oceans", '”'));
        assert!(closes_a_quote("le « thème", '»'));
        assert!(closes_a_quote("the \"Leave", '"'));
        assert!(closes_a_quote("“Leave no one ‘behind", '’'));
        assert!(!closes_a_quote("des océans", '”'));
        assert!(!closes_a_quote("« un » et deux", '»'));
    }

    #[test]
    fn accents_folded() {
        assert_eq!(
            without_accents("Développement à Bogotá"),
            "Developpement a Bogota"
        );
        assert_eq!(without_accents("e\u{301}te\u{301}"), "ete");
        assert_eq!(base_letter('Ç'), 'C');
        assert_eq!(base_letter('ő'), 'o');
        assert_eq!(base_letter('œ'), 'œ');
    }

    #[test]
    fn phrases_cut_mid_way() {
        assert!(stops_mid_phrase("prises par la") && stops_mid_phrase("dévelop-"));
        assert!(stops_mid_phrase("sur les") && stops_mid_phrase("the Office of the"));
        assert!(
            !stops_mid_phrase("Rapport du Secrétaire général") && !stops_mid_phrase("(UNISFA)")
        );
        assert!(
            !stops_mid_phrase("Donde nos encontramos hoy") && !stops_mid_phrase("droit de la mer")
        );
    }

    #[test]
    fn lower_case_openings() {
        assert!(opens_in_lower_case("de la") && opens_in_lower_case("¢) la situación"));
        assert!(opens_in_lower_case("I’environnement") && opens_in_lower_case("1'ensemble"));
        // English `I’ll` opens a sentence.
        assert!(!opens_in_lower_case("I’ll") && !opens_in_lower_case("I’m sure"));
        assert!(
            !opens_in_lower_case("La")
                && !opens_in_lower_case("© Voir")
                && !opens_in_lower_case("")
        );
    }
}
