//! The line grammars of the masthead (`nom` parsers): header fields, dates, the
//! session, agenda and subtitle lines, the first page's job slug, and the matching
//! that is blind to case, accents and l/I confusions.

use crate::language::Lang;
use crate::scan::symbol::{is_symbol, job_digits, mend_symbol};
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, one_of, space0, space1};
use nom::combinator::{
    all_consuming, consumed, eof, map, map_opt, map_res, opt, recognize, verify,
};
use nom::error::{Error, ErrorKind};
use nom::multi::{many0, many1, many_till, separated_list1};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use super::vocabulary::*;

/// One value read off a header line.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Field<'a> {
    UnName(Lang),
    /// As printed; damaged when not well formed.
    Symbol(&'a str),
    /// As the vocabulary spells it.
    Organ(&'static str, Lang),
    Distribution(&'a str),
    Date(Date),
    LanguageName(Lang),
    Original(&'a str),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Date {
    /// As printed, with the month's name spelled right (`21 aofit 2022` → `21 août
    /// 2022`): the month was read from a closed set, so its spelling is known.
    pub(super) spelled: String,
    pub(super) iso: String,
    pub(super) lang: Lang,
}

pub(super) type Res<'a, O> = IResult<&'a str, O>;

pub(super) fn sp0(input: &str) -> Res<'_, &str> {
    space0(input)
}

pub(super) fn sp1(input: &str) -> Res<'_, &str> {
    space1(input)
}

pub(super) fn word(input: &str) -> Res<'_, &str> {
    take_while1(|c: char| !c.is_whitespace()).parse(input)
}

pub(super) fn letters(input: &str) -> Res<'_, &str> {
    take_while1(char::is_alphabetic).parse(input)
}

pub(super) fn no_match<O>(input: &str) -> Res<'_, O> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Alt)))
}

/// Matches `expected` word for word, blind to case, accents and l/I confusions
/// (`Assemblee generale`, `Conseil des droits de I’homme`); yields the words as printed.
pub(super) fn phrase<'a>(expected: &'static str) -> impl FnMut(&'a str) -> Res<'a, &'a str> {
    move |input| {
        let mut rest = input;
        for (n, want) in expected.split(' ').enumerate() {
            if n > 0 {
                rest = sp1(rest)?.0;
            }
            rest = verify(word, |printed: &str| {
                same_word(printed, want) || misread_glyph(printed, want)
            })
            .parse(rest)?
            .0;
        }
        Ok((rest, &input[..input.len() - rest.len()]))
    }
}

/// The first phrase of `vocabulary` found at the input: its name as the vocabulary
/// spells it (a closed set's spelling is known, whatever the OCR made of it), and its
/// tag.
pub(super) fn tagged_phrase<'a, T: Copy>(
    vocabulary: &'static [(&'static str, T)],
) -> impl FnMut(&'a str) -> Res<'a, (&'static str, T)> {
    move |input| {
        vocabulary
            .iter()
            .find_map(|&(name, tag)| {
                phrase(name)(input)
                    .ok()
                    .map(|(rest, _)| (rest, (name, tag)))
            })
            .map_or_else(|| no_match(input), Ok)
    }
}

pub(super) fn any_phrase<'a>(
    names: &'static [&'static str],
) -> impl FnMut(&'a str) -> Res<'a, &'a str> {
    move |input| {
        names
            .iter()
            .find_map(|&name| phrase(name)(input).ok())
            .map_or_else(|| no_match(input), Ok)
    }
}

/// A header line: one or more fields and nothing else.
pub(super) fn field_line<'a>(line: &'a str) -> Option<Vec<Field<'a>>> {
    let parse = |text| {
        let fields = preceded(specks, many1(terminated(field, (sp0, specks))));
        all_consuming(fields)
            .parse(text)
            .ok()
            .map(|(_, fields)| fields)
    };
    // A speck the OCR read off the page's edge after the fields (`Original: English 7`).
    let without_edge_speck = |text: &'a str| {
        let (fields, speck) = text.trim_end().rsplit_once(' ')?;
        (speck.chars().count() <= EDGE_SPECK_CHARS).then_some(fields)
    };
    let mut text = line;
    let mut emblem_specks = 0;
    loop {
        if let Some(fields) = parse(text).or_else(|| without_edge_speck(text).and_then(parse)) {
            return Some(fields);
        }
        // A speck the OCR read off the emblem beside the fields (`A Pte Distr. générale`).
        let (speck, rest) = text.trim_start().split_once(' ')?;
        if speck.chars().count() > 3 {
            return None;
        }
        if speck.chars().any(char::is_alphanumeric) {
            emblem_specks += 1;
            if emblem_specks > MAX_EMBLEM_SPECKS {
                return None;
            }
        }
        text = rest;
    }
}

/// Scanner specks between and after a line's fields (`Distr. General -`, `Security
/// Council _ | | 11 June 2020`): tokens with no letter or digit. An opening bracket
/// stays, for a field may open with one.
fn specks(input: &str) -> Res<'_, ()> {
    let speck = take_while1(|c: char| !c.is_alphanumeric() && !c.is_whitespace() && c != '(');
    map(many0(terminated(speck, alt((space1, eof)))), |_| ()).parse(input)
}

pub(super) fn field(input: &str) -> Res<'_, Field<'_>> {
    let un_name = map(tagged_phrase(UN_NAMES), |(_, lang)| Field::UnName(lang));
    // Before the damaged symbol, which would take a lone `E` or `A` for one.
    let symbol = map(verify(word, |s: &str| is_symbol(s)), Field::Symbol);
    // A symbol whose last part the OCR set off after its point (`A/79/555/Add. 1`).
    let spaced_symbol = map(
        verify(
            recognize((verify(word, |w: &str| w.ends_with('.')), sp1, digit1)),
            |s: &str| mend_symbol(s).is_some(),
        ),
        Field::Symbol,
    );
    alt((
        un_name,
        organ,
        distribution,
        original,
        map(date, Field::Date),
        spaced_symbol,
        symbol,
        language_name,
        map(damaged_symbol, Field::Symbol),
    ))
    .parse(input)
}

/// An organ's name, as the vocabulary spells it.
fn organ(input: &str) -> Res<'_, Field<'_>> {
    map(tagged_phrase(ORGANS), |(name, lang)| {
        Field::Organ(name, lang)
    })
    .parse(input)
}

/// An organ's line whose other field the OCR damaged past reading (`Conseil de sécurité
/// plier gs 2022`, `Asamblea General 23 de palta de 2021`): the organ, then at most
/// [`MAX_DAMAGED_FIELD_WORDS`] words that no field reads.
pub(super) fn organ_before_damage(line: &str) -> Option<Field<'_>> {
    let (rest, organ) = preceded(specks, organ).parse(line).ok()?;
    let words = rest.split_whitespace();
    let damage = words
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    (rest.starts_with(' ') && damage <= MAX_DAMAGED_FIELD_WORDS).then_some(organ)
}

/// `Distr. générale`, `Distr.: General`, `Distr. limitada`: the word is the value. A
/// label the OCR damaged (`Dit.`, `Disw.`, `Disir.`: a capital D, at most two edits
/// from `Distr`, and its point) counts only before one of the [`DISTRIBUTIONS`].
pub(super) fn distribution(input: &str) -> Res<'_, Field<'_>> {
    let after_label = || (sp0, opt(one_of(":;")), sp0);
    let label = (tag_no_case("Distr"), opt(one_of(".,")), after_label());
    let damaged_label = (
        verify(letters, |l: &str| {
            l.starts_with('D') && edits(l, "distr") <= DAMAGED_LABEL_EDITS
        }),
        one_of(".,"),
        after_label(),
    );
    let known_value = verify(letters, |value: &str| {
        DISTRIBUTIONS
            .iter()
            .any(|&(name, _)| edits(value, name) <= DAMAGED_LABEL_EDITS)
    });
    alt((
        map(preceded(label, letters), Field::Distribution),
        map(preceded(damaged_label, known_value), Field::Distribution),
    ))
    .parse(input)
}

/// How many edits a damaged `Distr` label (`Dit` and `Disw` are two), and the value
/// after it, may be off.
const DAMAGED_LABEL_EDITS: usize = 2;

/// The distribution as the masthead's language spells it when the printed word is near
/// one of its [`DISTRIBUTIONS`] (`generale`, `général` → `générale`); a word it does
/// not know stays as printed.
pub(super) fn spell_distribution(printed: &str, lang: Option<Lang>) -> String {
    let names = DISTRIBUTIONS
        .iter()
        .filter(|&&(_, l)| lang.is_none_or(|lang| lang == l))
        .map(|&(name, _)| (name, name));
    closest(printed, names).unwrap_or(printed).to_string()
}

/// `Original : anglais`, `Original: English`, `Original: inglés`.
pub(super) fn original(input: &str) -> Res<'_, Field<'_>> {
    // The colon may be lost (`Original angtars`): the word after it still names a language.
    let label = (tag_no_case("Original"), sp0, opt(one_of(":;")), sp0);
    let languages = take_while1(|c: char| c.is_alphabetic() || c == '/');
    map(preceded(label, languages), Field::Original).parse(input)
}

/// The languages an `Original` line names (`espanol`, `anglais/francais`), each
/// spelled as the masthead's vocabulary spells it in the masthead's language (`arabe`
/// is French, `árabe` Spanish) when it is near one of its names (an accent or a glyph
/// misread: `espafiol`); a name it does not know stays as printed.
pub(super) fn spell_original(printed: &str, lang: Option<Lang>) -> String {
    let names = || {
        ORIGINAL_LANGUAGES
            .iter()
            .filter(move |&&(l, _)| lang.is_none_or(|lang| lang == l))
            .flat_map(|(_, names)| names.iter().map(|&n| (n, n)))
    };
    printed
        .split('/')
        .map(|name| closest(name, names()).unwrap_or(name))
        .collect::<Vec<_>>()
        .join("/")
}

/// The document's own language, as the language line names it (`Frangais`, `Espaiiol`).
pub(super) fn language_name(input: &str) -> Res<'_, Field<'_>> {
    map_opt(letters, |printed| {
        closest(printed, LANGUAGE_NAMES.iter().copied())
    })
    .map(Field::LanguageName)
    .parse(input)
}

/// `30 septembre 2020`, `1er août 2021`, `22 de julio de 2024`, `26 August 2025`.
pub(super) fn date(input: &str) -> Res<'_, Date> {
    let spanish_de = || opt(terminated(tag_no_case("de"), sp1));
    map(
        consumed((
            consumed(day),
            sp1,
            spanish_de(),
            consumed(month),
            sp1,
            spanish_de(),
            year,
        )),
        |(printed, ((day_printed, day), _, _, (month_printed, (month, lang)), _, _, year))| {
            let name = month_name(month, lang);
            let rest = &printed[day_printed.len()..];
            Date {
                spelled: spell_day(day_printed, day) + &rest.replacen(month_printed, name, 1),
                iso: format!("{year:04}-{month:02}-{day:02}"),
                lang,
            }
        },
    )
    .parse(input)
}

pub(super) fn day(input: &str) -> Res<'_, u32> {
    let number = map_opt(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        |digits: &str| digits.parse().ok().filter(|day| (1..=31).contains(day)),
    );
    // `1er` with its digit read as a letter (`ler`, `Ier`, `|er`).
    let first = map((one_of("lI|"), tag("er")), |_| 1);
    alt((terminated(number, opt(tag("er"))), first)).parse(input)
}

/// The day as the masthead prints it: `1er` for a first whose digit the OCR misread.
fn spell_day(printed: &str, day: u32) -> String {
    if printed.ends_with("er") {
        format!("{day}er")
    } else {
        printed.to_string()
    }
}

/// A month's name in any of the three languages, its number and language. An accent
/// lost or misread (`aofit`, `fevrier`) still names the month.
pub(super) fn month(input: &str) -> Res<'_, (u32, Lang)> {
    map_opt(letters, |printed| closest(printed, month_names())).parse(input)
}

/// The name of month `number` (1 to 12) in `lang`.
fn month_name(number: u32, lang: Lang) -> &'static str {
    month_names()
        .find(|&(_, (n, l))| n == number && l == lang)
        .map_or("", |(name, _)| name)
}

/// Every month's name with its number and language.
pub(super) fn month_names() -> impl Iterator<Item = (&'static str, (u32, Lang))> {
    MONTHS.iter().flat_map(|&(lang, names)| {
        names
            .into_iter()
            .zip(1..)
            .map(move |(name, number)| (name, (number, lang)))
    })
}

pub(super) fn year(input: &str) -> Res<'_, u32> {
    map_res(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(input)
}

/// A symbol the OCR broke up (`Al 80/ 297`, `Al 79I 2 14`): pieces made of a symbol's
/// glyphs and their look-alikes that mend into a well-formed symbol.
pub(super) fn damaged_symbol(input: &str) -> Res<'_, &str> {
    let glyph = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || "/.-|l!".contains(c);
    let pieces = recognize(separated_list1(sp1, take_while1(glyph)));
    verify(pieces, |printed: &str| mend_symbol(printed).is_some()).parse(input)
}

/// The masthead's own symbol when it is well formed; else the hint from the running
/// headers, which the OCR saw several times; else the masthead's symbol mended.
pub(super) fn resolve_symbol(printed: Option<&str>, hint: Option<&str>) -> Option<String> {
    match printed {
        Some(symbol) if is_symbol(symbol) => Some(symbol.to_string()),
        _ => hint
            .map(str::to_string)
            .or_else(|| printed.and_then(mend_symbol)),
    }
}

/// `Soixante-quinzième session`, `Eightieth session`, `Septuagésimo noveno período de
/// sesiones`, `Session de 2020`, `Período de sesiones de 2020`, `2020 session`.
pub(super) fn is_session_line(line: &str) -> bool {
    let session_noun = || any_phrase(SESSION_NOUNS);
    let qualified = many_till(terminated(word, sp1), (session_noun(), eof)).parse(line);
    if let Ok((_, (qualifiers, _))) = qualified {
        return qualifiers.len() <= MAX_SESSION_QUALIFIERS;
    }
    let noun_then_year = (session_noun(), sp1, phrase("de"), sp1, year, eof).parse(line);
    let year_then_noun = (year, sp1, session_noun(), eof).parse(line);
    noun_then_year.is_ok() || year_then_noun.is_ok()
}

/// The session line with its session noun as the vocabulary spells it: the OCR's
/// `periodo de sesiones` (an `í` read as `i`) is the masthead's `período de sesiones`;
/// the qualifiers (`Octogésimo`) stay as printed, for the repair stage.
pub(super) fn spelled_session(line: &str) -> String {
    let words: Vec<&str> = line.split(' ').collect();
    for noun in SESSION_NOUNS {
        let wanted: Vec<&str> = noun.split(' ').collect();
        let found = words.windows(wanted.len()).position(|window| {
            window
                .iter()
                .zip(&wanted)
                .all(|(printed, want)| same_word(printed, want))
        });
        if let Some(at) = found {
            // The printed capital stays (`Período de sesiones de 2024`).
            let spelled = if words[at].starts_with(char::is_uppercase) {
                let mut letters = noun.chars();
                let first = letters.next().map(|c| c.to_uppercase().collect::<String>());
                format!("{}{}", first.unwrap_or_default(), letters.as_str())
            } else {
                noun.to_string()
            };
            let mut out = words[..at].to_vec();
            out.push(&spelled);
            out.extend(&words[at + wanted.len()..]);
            return out.join(" ");
        }
    }
    line.to_owned()
}

/// `Point 25 b) de l’ordre du jour`, `Item 76 (a) of the provisional agenda`,
/// `Tema 18 f) de la lista preliminar`, `Agenda item 3`: the wording's language. A
/// keyword the OCR damaged (`Ttem`, `ftem` for `Item`) counts when the line names the
/// agenda in the keyword's language.
pub(super) fn agenda_line(line: &str) -> Option<Lang> {
    agenda_keyword(line).map(|(_, lang)| lang)
}

/// The agenda line's keyword as the vocabulary spells it, and its language.
fn agenda_keyword(line: &str) -> Option<(&'static str, Lang)> {
    let folded = fold(line);
    let noun_lang = AGENDA_NOUNS
        .iter()
        .find(|(noun, _)| folded.contains(noun))
        .map(|&(_, lang)| lang)?;
    let keyword = alt((
        tagged_phrase(AGENDA_KEYWORDS),
        map_opt(letters, |printed| {
            damaged_agenda_keyword(printed, noun_lang)
        }),
    ));
    let (_, (keyword, _, _)) = (keyword, sp1, digit1).parse(line).ok()?;
    Some(keyword)
}

/// The one-word agenda keyword of `lang` (of four letters or more: a shorter word is
/// too near others) that `printed` is at most two edits from.
fn damaged_agenda_keyword(printed: &str, lang: Lang) -> Option<(&'static str, Lang)> {
    let keywords = AGENDA_KEYWORDS
        .iter()
        .filter(|&&(k, l)| l == lang && !k.contains(' ') && k.chars().count() >= 4)
        .map(|&(k, lang)| (k, (k, lang)));
    closest(printed, keywords)
}

/// The agenda line with a damaged keyword spelled as the vocabulary spells it (`Ttem 45
/// (f) of the agenda` → `Item 45 (f) of the agenda`); any other line as it is.
pub(super) fn spell_agenda_keyword(line: &str) -> String {
    if tagged_phrase(AGENDA_KEYWORDS).parse(line).is_ok() {
        return line.to_string();
    }
    match agenda_keyword(line) {
        Some((keyword, _)) => {
            let rest = line.split_once(' ').map_or("", |(_, rest)| rest);
            format!("{keyword} {rest}")
        }
        None => line.to_string(),
    }
}

pub(super) fn is_subtitle_start(line: &str) -> bool {
    (
        any_phrase(SUBTITLE_NOUNS),
        sp1,
        any_phrase(SUBTITLE_LINKS),
        sp1,
    )
        .parse(line)
        .is_ok()
}

/// The subtitle with its author spelled as [`SUBTITLE_AUTHORS`] spell it (`Nota de la
/// Secretaria` → `Secretaría`: the words match blind to case and accents) and the
/// specks the OCR read after the author dropped (`… Secretario General ©`). A subtitle
/// whose author the vocabulary does not know, or that goes on past it in words
/// (`… Secretary-General on the work of the Organization`), keeps its words.
pub(super) fn spell_subtitle(subtitle: &str) -> String {
    let words: Vec<&str> = subtitle.split(' ').collect();
    let found = (1..words.len()).find_map(|at| {
        SUBTITLE_AUTHORS.iter().find_map(|&author| {
            let len = author.split(' ').count();
            let printed = words.get(at..at + len)?;
            let matches = printed
                .iter()
                .zip(author.split(' '))
                .all(|(p, a)| same_word(p, a));
            matches.then_some((at, len, author))
        })
    });
    let Some((at, len, author)) = found else {
        return subtitle.to_string();
    };
    let rest = &words[at + len..];
    let specks_only = rest.iter().all(|w| letter_count(w) < MIN_WORD_LETTERS);
    let mut out: Vec<&str> = words[..at].to_vec();
    out.push(author);
    if !specks_only {
        out.extend(rest);
    }
    out.join(" ")
}

/// Fewer letters than this make a speck, not a word, after a subtitle's author.
const MIN_WORD_LETTERS: usize = 3;

/// The job number from the first page's footer slug (`25-14327(F) 090925 110925`,
/// `25-13562 (E) 270825 290825`) or a line with the job number alone.
pub(super) fn job_slug(line: &str) -> Option<&str> {
    let digits = |n| take_while_m_n(n, n, |c: char| c.is_ascii_digit());
    let language_code = (sp0, char('('), letters, char(')'));
    let print_dates = (sp1, digits(6));
    let slug = (job_digits, opt(language_code), many0(print_dates), sp0);
    all_consuming(slug)
        .parse(line)
        .ok()
        .map(|(_, (job, ..))| job)
}

// Text helpers

pub(super) fn letter_count(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

pub(super) fn fold_spaces(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case, accents off, every apostrophe as `'`.
pub(super) fn fold_char(c: char) -> char {
    match crate::scan::lower_letter(c) {
        '’' | '‘' | '`' | '´' => '\'',
        other => crate::scan::base_letter(other),
    }
}

pub(super) fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Same word but for case, accents and the OCR's l/I/1/| confusion.
pub(super) fn same_word(printed: &str, expected: &str) -> bool {
    let key = |c: char| match fold_char(c) {
        'i' | '1' | '|' | '!' => 'l',
        other => other,
    };
    printed.chars().map(key).eq(expected.chars().map(key))
}

/// A long word of the vocabulary with one letter misread (`Econémico` for
/// `Económico`): a shorter word one letter off is as likely another word.
fn misread_glyph(printed: &str, expected: &str) -> bool {
    let (printed, expected) = (fold(printed), fold(expected));
    expected.chars().count() >= MISREAD_WORD_LETTERS
        && printed.chars().count() == expected.chars().count()
        && printed
            .chars()
            .zip(expected.chars())
            .filter(|(a, b)| a != b)
            .count()
            == 1
}

/// How long a vocabulary word must be for one misread letter to still name it.
const MISREAD_WORD_LETTERS: usize = 6;

/// How many edits apart two words are, blind to case, accents and apostrophe shapes.
fn edits(printed: &str, name: &str) -> usize {
    rapidfuzz::distance::levenshtein::distance(fold(printed).chars(), fold(name).chars())
}

/// The candidate whose folded name is nearest `printed` (at most two edits, which
/// covers an accent read as two glyphs, `aofit` for `août`), if no other is as near.
pub(super) fn closest<T>(
    printed: &str,
    candidates: impl Iterator<Item = (&'static str, T)>,
) -> Option<T> {
    const MAX_EDITS: usize = 2;
    let mut best: Option<(usize, T)> = None;
    let mut tied = false;
    for (name, value) in candidates {
        let distance = edits(printed, name);
        match &best {
            Some((nearest, _)) if distance > *nearest => {}
            Some((nearest, _)) if distance == *nearest => tied = true,
            _ => {
                best = Some((distance, value));
                tied = false;
            }
        }
    }
    best.filter(|(distance, _)| *distance <= MAX_EDITS && !tied)
        .map(|(_, value)| value)
}
