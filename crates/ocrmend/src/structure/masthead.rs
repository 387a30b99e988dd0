//! The masthead (front matter) of a UN report, read from raw OCR lines.
//!
//! A masthead runs, top to bottom:
//!
//! ```text
//! Nations Unies                          A/80/318        header fields: the two columns
//! Assemblée générale                     Distr. générale   come out of the OCR paired on
//!                                        8 septembre 2025  one line in any order, so a
//!                                        Français          header line is read as a
//!                                        Original : anglais  sequence of fields
//! Quatre-vingtième session                               session
//! Point 20 de l’ordre du jour provisoire                 agenda item
//! Développement durable                                  agenda title (glued to the item)
//!
//! Les changements climatiques et leurs répercussions     title, ending with the `*` call
//! sur la paix et la sécurité internationales*              of the title's note
//!
//! Rapport du Secrétaire général                          subtitle
//! ```
//!
//! The first page's footer carries the job number (`25-14327(F) 090925 110925`).
//! Scanner specks (`VAN`, `NS~`, `4 4 r`) may sit anywhere among these lines.
//! Line grammars are `nom` parsers; values are kept as printed (white space folded),
//! since accent and l/I repairs belong to a later stage.

use crate::document::Metadata;
use crate::language::Lang;
use crate::scan::symbol::{is_symbol, job_digits};
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

/// What the masthead told, and which input lines it used.
#[derive(Debug, Clone, Default)]
pub struct Masthead {
    /// Values as printed (white space folded, title's note marker removed); accents
    /// and l/I confusions are left for the repair stage, which runs on them later.
    pub metadata: Metadata,
    /// Index (into the `lines` given) of every line that belongs to the masthead,
    /// noise lines between masthead lines included.
    pub lines: Vec<usize>,
    /// The glyphs that stood for the title's `*` note call, if any (e.g. "+").
    pub title_note_marker: Option<String>,
    /// Index of the first line after the masthead (the line after the subtitle).
    pub end: usize,
}

/// `lines`: the document's first lines, in order, without line ends (blank lines included, as "").
/// `symbol_hint` / `job_hint`: the document symbol (e.g. "A/80/297") and job number
/// (e.g. "25-13562") learnt from the running headers and footers of later pages, when known;
/// use them when the masthead's own copy is damaged or missing.
///
/// Input without a masthead (no symbol, organ, `Distr.` or `Original` near the top)
/// gives an empty `Masthead`, hints unused.
pub fn parse(lines: &[&str], symbol_hint: Option<&str>, job_hint: Option<&str>) -> Masthead {
    let lines: Vec<String> = lines.iter().map(|line| fold_spaces(line)).collect();
    let Some(header) = read_header(&lines) else {
        return Masthead::default();
    };
    let text = read_text(&lines, &header);
    let (title, title_note_marker) = match &text.title {
        Some(title) => {
            let (body, marker) = split_note_call(title);
            (Some(body.to_string()), marker.map(str::to_string))
        }
        None => (None, None),
    };
    let date = header.date();
    let metadata = Metadata {
        symbol: resolve_symbol(header.printed_symbol(), symbol_hint),
        language: header.language().map(|lang| lang.code().to_string()),
        organ: header.organ().map(str::to_string),
        distribution: header.distribution().map(str::to_string),
        date: date.map(|date| date.printed.to_string()),
        date_iso: date.map(|date| date.iso.clone()),
        original: header.original().map(str::to_string),
        session: header.session.map(str::to_string),
        agenda: header.agenda.map(|(line, _)| line.to_string()),
        agenda_title: text.agenda_title,
        title,
        subtitle: text.subtitle,
        job: lines[text.end..]
            .iter()
            .find_map(|line| job_slug(line))
            .or(job_hint)
            .map(str::to_string),
    };
    Masthead {
        metadata,
        lines: (header.start..text.end)
            .filter(|&k| !lines[k].is_empty())
            .collect(),
        title_note_marker,
        end: text.end,
    }
}

// ---------------------------------------------------------------------------
// Standard masthead vocabulary

const UN_NAMES: &[(&str, Lang)] = &[
    ("Nations Unies", Lang::Fr),
    ("Naciones Unidas", Lang::Es),
    ("United Nations", Lang::En),
];

const ORGANS: &[(&str, Lang)] = &[
    ("Assemblée générale", Lang::Fr),
    ("Conseil de sécurité", Lang::Fr),
    ("Conseil économique et social", Lang::Fr),
    ("Conseil des droits de l’homme", Lang::Fr),
    ("Conseil de tutelle", Lang::Fr),
    ("Asamblea General", Lang::Es),
    ("Consejo de Seguridad", Lang::Es),
    ("Consejo Económico y Social", Lang::Es),
    ("Consejo de Derechos Humanos", Lang::Es),
    ("Consejo de Administración Fiduciaria", Lang::Es),
    ("General Assembly", Lang::En),
    ("Security Council", Lang::En),
    ("Economic and Social Council", Lang::En),
    ("Human Rights Council", Lang::En),
    ("Trusteeship Council", Lang::En),
];

/// The language line names the document's own language.
const LANGUAGE_NAMES: &[(&str, Lang)] = &[
    ("Français", Lang::Fr),
    ("Español", Lang::Es),
    ("English", Lang::En),
];

#[rustfmt::skip]
const MONTHS: &[(Lang, [&str; 12])] = &[
    (
        Lang::Fr,
        [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre",
        ],
    ),
    (
        Lang::Es,
        [
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre",
        ],
    ),
    (
        Lang::En,
        [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ],
    ),
];

const SESSION_NOUNS: &[&str] = &["período de sesiones", "session"];

/// At most this many words (ordinals, "Resumed", "Reprise de la") before the session noun.
const MAX_SESSION_QUALIFIERS: usize = 6;

/// Words that open an agenda line, before the item number.
const AGENDA_KEYWORDS: &[(&str, Lang)] = &[
    ("Agenda items", Lang::En),
    ("Agenda item", Lang::En),
    ("Items", Lang::En),
    ("Item", Lang::En),
    ("Points", Lang::Fr),
    ("Point", Lang::Fr),
    ("Temas", Lang::Es),
    ("Tema", Lang::Es),
];

/// One of these (folded) must occur on an agenda line: it tells `Item 5 of the agenda`
/// from a line that merely starts with `Point 5`.
const AGENDA_NOUNS: &[&str] = &[
    "agenda",
    "ordre du jour",
    "programa",
    "orden del dia",
    "lista",
];

/// A subtitle opens with one of these nouns followed by one of the links:
/// `Rapport du`, `Report of the`, `Note by the`, `Informe del`, `Nota de la`.
const SUBTITLE_NOUNS: &[&str] = &["Report", "Rapport", "Informe", "Note", "Nota"];
const SUBTITLE_LINKS: &[&str] = &["of", "by", "du", "de", "des", "del"];

/// Glyphs the OCR makes of the superscript `*` that calls the title's note.
const NOTE_CALL_GLYPHS: &[char] = &['*', '+', '’', '\'', '”', '"', '‘', '`', '°', '®', '^', '~'];

/// Glyphs the OCR reads for a `/` of the symbol (`Al 79I 2 14` for `A/79/214`).
const SLASH_LOOKALIKES: &[char] = &['l', 'I', '|', '!'];

/// How many non-blank lines past an unrecognised line the header may still go on: a
/// damaged field (`Disir. générale`) or a speck must not cut the masthead short.
const HEADER_LOOKAHEAD: usize = 3;

/// A title without a subtitle after it is taken only if it is no longer than this;
/// a longer block is the text itself.
const MAX_TITLE_LINES: usize = 6;

// ---------------------------------------------------------------------------
// Header: the field lines down to the agenda line

/// One value read off a header line.
#[derive(Debug, Clone, PartialEq)]
enum Field<'a> {
    UnName(Lang),
    /// As printed; damaged when not well formed.
    Symbol(&'a str),
    Organ(&'a str, Lang),
    Distribution(&'a str),
    Date(Date<'a>),
    LanguageName(Lang),
    Original(&'a str),
}

#[derive(Debug, Clone, PartialEq)]
struct Date<'a> {
    printed: &'a str,
    iso: String,
    lang: Lang,
}

/// What a line in the header holds.
enum HeaderLine<'a> {
    Fields(Vec<Field<'a>>),
    Session,
    Agenda(Lang),
    Other,
}

/// The header as read: its fields and where it lies in the input.
#[derive(Debug, Default)]
struct Header<'a> {
    fields: Vec<Field<'a>>,
    session: Option<&'a str>,
    agenda: Option<(&'a str, Lang)>,
    /// First line of the masthead.
    start: usize,
    /// First line after the header.
    end: usize,
}

impl<'a> Header<'a> {
    /// Only these fields show that the lines are a masthead and not text that
    /// happens to start with a date or "United Nations".
    fn names_a_document(&self) -> bool {
        self.fields.iter().any(|field| {
            matches!(
                field,
                Field::Symbol(_) | Field::Organ(..) | Field::Distribution(_) | Field::Original(_)
            )
        })
    }

    fn printed_symbol(&self) -> Option<&'a str> {
        self.fields.iter().find_map(|field| match field {
            Field::Symbol(symbol) => Some(*symbol),
            _ => None,
        })
    }

    fn organ(&self) -> Option<&'a str> {
        self.fields.iter().find_map(|field| match field {
            Field::Organ(organ, _) => Some(*organ),
            _ => None,
        })
    }

    fn distribution(&self) -> Option<&'a str> {
        self.fields.iter().find_map(|field| match field {
            Field::Distribution(distribution) => Some(*distribution),
            _ => None,
        })
    }

    fn original(&self) -> Option<&'a str> {
        self.fields.iter().find_map(|field| match field {
            Field::Original(original) => Some(*original),
            _ => None,
        })
    }

    fn date(&self) -> Option<&Date<'a>> {
        self.fields.iter().find_map(|field| match field {
            Field::Date(date) => Some(date),
            _ => None,
        })
    }

    /// The surest sign a field gives, else the agenda line's wording.
    fn language(&self) -> Option<Lang> {
        let signs = self.fields.iter().filter_map(language_sign);
        signs
            .min_by_key(|&(rank, _)| rank)
            .map(|(_, lang)| lang)
            .or(self.agenda.map(|(_, lang)| lang))
    }
}

/// The language a field tells, ranked by how sure a sign it is (lower is surer): the
/// organ's name, the language line, the Organization's name, the month's name.
fn language_sign(field: &Field) -> Option<(u8, Lang)> {
    match field {
        Field::Organ(_, lang) => Some((0, *lang)),
        Field::LanguageName(lang) => Some((1, *lang)),
        Field::UnName(lang) => Some((2, *lang)),
        Field::Date(date) => Some((3, date.lang)),
        _ => None,
    }
}

/// Reads the header from the top of `lines`; `None` when the top is not a masthead.
fn read_header(lines: &[String]) -> Option<Header<'_>> {
    let mut header = Header::default();
    let mut start = None;
    let mut k = 0;
    while k < lines.len() {
        let line = lines[k].as_str();
        if line.is_empty() {
            k += 1;
            continue;
        }
        let kind = classify_header_line(line);
        if matches!(kind, HeaderLine::Other) && !header_line_follows(lines, k + 1) {
            break;
        }
        start.get_or_insert(k);
        k += 1;
        match kind {
            HeaderLine::Fields(fields) => header.fields.extend(fields),
            HeaderLine::Session => header.session = header.session.or(Some(line)),
            // The agenda title is glued under the agenda line: the header stops here.
            HeaderLine::Agenda(lang) => {
                header.agenda = Some((line, lang));
                break;
            }
            HeaderLine::Other => {}
        }
    }
    header.start = start?;
    header.end = k;
    header.names_a_document().then_some(header)
}

fn classify_header_line(line: &str) -> HeaderLine<'_> {
    if let Some(fields) = field_line(line) {
        HeaderLine::Fields(fields)
    } else if is_session_line(line) {
        HeaderLine::Session
    } else if let Some(lang) = agenda_line(line) {
        HeaderLine::Agenda(lang)
    } else {
        HeaderLine::Other
    }
}

/// Whether one of the next few non-blank lines from `from` is a header line.
fn header_line_follows(lines: &[String], from: usize) -> bool {
    lines[from.min(lines.len())..]
        .iter()
        .filter(|line| !line.is_empty())
        .take(HEADER_LOOKAHEAD)
        .any(|line| !matches!(classify_header_line(line), HeaderLine::Other))
}

// ---------------------------------------------------------------------------
// Text: agenda title, title and subtitle, in blank-separated blocks

/// Agenda title, title and subtitle, and the first line after them.
struct Text {
    agenda_title: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    end: usize,
}

/// The blocks after the header: `[agenda title], title…, subtitle`. The title is the
/// block(s) just before the subtitle; the agenda title, the block glued to the agenda
/// line. Without a subtitle, the block after the agenda title is taken as the title
/// if it is short enough to be one.
fn read_text(lines: &[String], header: &Header) -> Text {
    let has_agenda = header.agenda.is_some();
    let first_title_block = usize::from(has_agenda);
    // The subtitle needs a title before it; the title may come in two blocks when the
    // OCR saw a blank line inside it.
    let first_subtitle_block = first_title_block + 1;
    let blocks = read_blocks(lines, header.end, first_subtitle_block + 2);

    let agenda_title: &[usize] = if has_agenda {
        blocks.first().map_or(&[], Vec::as_slice)
    } else {
        &[]
    };
    let subtitle_at =
        (first_subtitle_block..blocks.len()).find(|&b| is_subtitle_start(&lines[blocks[b][0]]));
    let (title_blocks, subtitle) = match subtitle_at {
        Some(b) => (
            &blocks[first_title_block..b],
            subtitle_lines(lines, &blocks[b]),
        ),
        None => {
            let title = blocks
                .get(first_title_block)
                .filter(|block| block.len() <= MAX_TITLE_LINES);
            (title.map_or(&[][..], std::slice::from_ref), Vec::new())
        }
    };
    let title = title_blocks.concat();
    let last_line = [subtitle.as_slice(), &title, agenda_title]
        .into_iter()
        .find_map(|block| block.last().copied());
    let text_of = |block: &[usize]| {
        (!block.is_empty()).then(|| join_wrapped(block.iter().map(|&k| lines[k].as_str())))
    };
    Text {
        agenda_title: text_of(agenda_title),
        title: text_of(&title),
        subtitle: text_of(&subtitle),
        end: last_line.map_or(header.end, |k| k + 1),
    }
}

/// Up to `max` blocks from line `from` on, standalone specks skipped. A block is a run
/// of non-blank lines, given as the indices of its text lines (specks left out).
fn read_blocks(lines: &[String], from: usize, max: usize) -> Vec<Vec<usize>> {
    let mut blocks = Vec::new();
    let mut k = from;
    while blocks.len() < max {
        while k < lines.len() && (lines[k].is_empty() || is_noise(&lines[k])) {
            k += 1;
        }
        if k >= lines.len() {
            break;
        }
        let mut block = vec![k];
        k += 1;
        while k < lines.len() && !lines[k].is_empty() {
            if !is_speck(&lines[k]) {
                block.push(k);
            }
            k += 1;
        }
        blocks.push(block);
    }
    blocks
}

/// The subtitle's lines in its block: a heading the OCR glued under it (`Introduction`)
/// is not part of it, a wrapped continuation is.
fn subtitle_lines(lines: &[String], block: &[usize]) -> Vec<usize> {
    let mut taken = vec![block[0]];
    for pair in block.windows(2) {
        if !continues(&lines[pair[0]], &lines[pair[1]]) {
            break;
        }
        taken.push(pair[1]);
    }
    taken
}

/// Whether `next` goes on the sentence that `previous` left open.
fn continues(previous: &str, next: &str) -> bool {
    previous.ends_with([',', ':', '-', '–']) || next.starts_with(char::is_lowercase)
}

/// Joins wrapped lines with a space; a line ending in a hyphen is joined without one,
/// which keeps real hyphens (`Sud-/Sud`) and leaves line-break ones for the repair stage.
fn join_wrapped<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for line in lines {
        if !text.is_empty() && !text.ends_with('-') {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// Splits the title's note call (`Sud-Sud+` → `Sud-Sud`, `+`) off its end. A closing
/// quote that answers an opening one in the title is punctuation, not a note call.
fn split_note_call(title: &str) -> (&str, Option<&str>) {
    let body = title.trim_end_matches(NOTE_CALL_GLYPHS);
    let marker = &title[body.len()..];
    if marker.is_empty() || body.trim_end().is_empty() || closes_a_quote(body, marker) {
        return (title, None);
    }
    (body.trim_end(), Some(marker))
}

fn closes_a_quote(body: &str, marker: &str) -> bool {
    let count = |glyph: char| body.chars().filter(|&c| c == glyph).count();
    match marker.chars().next() {
        Some('”') => count('“') > count('”'),
        Some('’') => count('‘') > 0,
        Some('"') => count('"') % 2 == 1,
        Some('\'') => body.split_whitespace().any(|word| word.starts_with('\'')),
        _ => false,
    }
}

/// Scanner specks read as text (`VAN`, `NS~`, `4 4 r`, `Il.`): no word of four letters
/// and few letters in all.
fn is_noise(line: &str) -> bool {
    let longest_word = line
        .split(|c: char| !c.is_alphabetic())
        .map(|word| word.chars().count())
        .max()
        .unwrap_or(0);
    longest_word < 4 && letter_count(line) < 8
}

/// Inside a block, where a short line may end a wrapped title (`the Sea’`), only a
/// speck of one or two letters and no digit is noise.
fn is_speck(line: &str) -> bool {
    letter_count(line) < 3 && !line.contains(|c: char| c.is_ascii_digit())
}

fn letter_count(line: &str) -> usize {
    line.chars().filter(|c| c.is_alphabetic()).count()
}

// ---------------------------------------------------------------------------
// Line grammars

type Res<'a, O> = IResult<&'a str, O>;

fn sp0(input: &str) -> Res<'_, &str> {
    space0(input)
}

fn sp1(input: &str) -> Res<'_, &str> {
    space1(input)
}

fn word(input: &str) -> Res<'_, &str> {
    take_while1(|c: char| !c.is_whitespace()).parse(input)
}

fn letters(input: &str) -> Res<'_, &str> {
    take_while1(char::is_alphabetic).parse(input)
}

fn no_match<O>(input: &str) -> Res<'_, O> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Alt)))
}

/// Matches `expected` word for word, blind to case, accents and l/I confusions
/// (`Assemblee generale`, `Conseil des droits de I’homme`); yields the words as printed.
fn phrase<'a>(expected: &'static str) -> impl FnMut(&'a str) -> Res<'a, &'a str> {
    move |input| {
        let mut rest = input;
        for (n, want) in expected.split(' ').enumerate() {
            if n > 0 {
                rest = sp1(rest)?.0;
            }
            rest = verify(word, |printed: &str| same_word(printed, want))
                .parse(rest)?
                .0;
        }
        Ok((rest, &input[..input.len() - rest.len()]))
    }
}

/// The first phrase of `vocabulary` found at the input, with its tag.
fn tagged_phrase<'a, T: Copy>(
    vocabulary: &'static [(&'static str, T)],
) -> impl FnMut(&'a str) -> Res<'a, (&'a str, T)> {
    move |input| {
        vocabulary
            .iter()
            .find_map(|&(name, tag)| {
                phrase(name)(input)
                    .ok()
                    .map(|(rest, printed)| (rest, (printed, tag)))
            })
            .map_or_else(|| no_match(input), Ok)
    }
}

fn any_phrase<'a>(names: &'static [&'static str]) -> impl FnMut(&'a str) -> Res<'a, &'a str> {
    move |input| {
        names
            .iter()
            .find_map(|&name| phrase(name)(input).ok())
            .map_or_else(|| no_match(input), Ok)
    }
}

/// A header line: one or more fields and nothing else.
fn field_line(line: &str) -> Option<Vec<Field<'_>>> {
    all_consuming(many1(terminated(field, sp0)))
        .parse(line)
        .ok()
        .map(|(_, fields)| fields)
}

fn field(input: &str) -> Res<'_, Field<'_>> {
    let un_name = map(tagged_phrase(UN_NAMES), |(_, lang)| Field::UnName(lang));
    let organ = map(tagged_phrase(ORGANS), |(printed, lang)| {
        Field::Organ(printed, lang)
    });
    // Before the damaged symbol, which would take a lone `E` or `A` for one.
    let symbol = map(verify(word, |s: &str| is_symbol(s)), Field::Symbol);
    alt((
        un_name,
        organ,
        distribution,
        original,
        map(date, Field::Date),
        symbol,
        language_name,
        map(damaged_symbol, Field::Symbol),
    ))
    .parse(input)
}

/// `Distr. générale`, `Distr.: General`, `Distr. limitada`: the word is the value.
fn distribution(input: &str) -> Res<'_, Field<'_>> {
    let label = (
        tag_no_case("Distr"),
        opt(one_of(".,")),
        sp0,
        opt(one_of(":;")),
        sp0,
    );
    map(preceded(label, letters), Field::Distribution).parse(input)
}

/// `Original : anglais`, `Original: English`, `Original: inglés`.
fn original(input: &str) -> Res<'_, Field<'_>> {
    let label = (tag_no_case("Original"), sp0, one_of(":;"), sp0);
    let languages = take_while1(|c: char| c.is_alphabetic() || c == '/');
    map(preceded(label, languages), Field::Original).parse(input)
}

/// The document's own language, as the language line names it (`Frangais`, `Espaiiol`).
fn language_name(input: &str) -> Res<'_, Field<'_>> {
    map_opt(letters, |printed| {
        closest(printed, LANGUAGE_NAMES.iter().copied())
    })
    .map(Field::LanguageName)
    .parse(input)
}

/// `30 septembre 2020`, `1er août 2021`, `22 de julio de 2024`, `26 August 2025`.
fn date(input: &str) -> Res<'_, Date<'_>> {
    let spanish_de = || opt(terminated(tag_no_case("de"), sp1));
    map(
        consumed((day, sp1, spanish_de(), month, sp1, spanish_de(), year)),
        |(printed, (day, _, _, (month, lang), _, _, year))| Date {
            printed,
            iso: format!("{year:04}-{month:02}-{day:02}"),
            lang,
        },
    )
    .parse(input)
}

fn day(input: &str) -> Res<'_, u32> {
    let number = map_opt(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        |digits: &str| digits.parse().ok().filter(|day| (1..=31).contains(day)),
    );
    terminated(number, opt(tag("er"))).parse(input)
}

/// A month's name in any of the three languages, its number and language. An accent
/// lost or misread (`aofit`, `fevrier`) still names the month.
fn month(input: &str) -> Res<'_, (u32, Lang)> {
    map_opt(letters, |printed| closest(printed, month_names())).parse(input)
}

/// Every month's name with its number and language.
fn month_names() -> impl Iterator<Item = (&'static str, (u32, Lang))> {
    MONTHS.iter().flat_map(|&(lang, names)| {
        names
            .into_iter()
            .zip(1..)
            .map(move |(name, number)| (name, (number, lang)))
    })
}

fn year(input: &str) -> Res<'_, u32> {
    map_res(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(input)
}

/// A symbol the OCR broke up (`Al 80/ 297`, `Al 79I 2 14`): pieces made of a symbol's
/// glyphs and their look-alikes that mend into a well-formed symbol.
fn damaged_symbol(input: &str) -> Res<'_, &str> {
    let glyph = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || "/.-|l!".contains(c);
    let pieces = recognize(separated_list1(sp1, take_while1(glyph)));
    verify(pieces, |printed: &str| mend_symbol(printed).is_some()).parse(input)
}

/// Drops the spaces and reads a look-alike next to a digit as `/`.
fn mend_symbol(printed: &str) -> Option<String> {
    let glyphs: Vec<char> = printed.chars().filter(|c| !c.is_whitespace()).collect();
    let next_to_digit = |k: usize| {
        (k > 0 && glyphs[k - 1].is_ascii_digit())
            || glyphs.get(k + 1).is_some_and(|c| c.is_ascii_digit())
    };
    let mended: String = glyphs
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            if SLASH_LOOKALIKES.contains(&c) && next_to_digit(k) {
                '/'
            } else {
                c
            }
        })
        .collect();
    is_symbol(&mended).then_some(mended)
}

/// The masthead's own symbol when it is well formed; else the hint from the running
/// headers, which the OCR saw several times; else the masthead's symbol mended.
fn resolve_symbol(printed: Option<&str>, hint: Option<&str>) -> Option<String> {
    match printed {
        Some(symbol) if is_symbol(symbol) => Some(symbol.to_string()),
        _ => hint
            .map(str::to_string)
            .or_else(|| printed.and_then(mend_symbol)),
    }
}

/// `Soixante-quinzième session`, `Eightieth session`, `Septuagésimo noveno período de
/// sesiones`, `Session de 2020`, `Período de sesiones de 2020`, `2020 session`.
fn is_session_line(line: &str) -> bool {
    let session_noun = || any_phrase(SESSION_NOUNS);
    let qualified = many_till(terminated(word, sp1), (session_noun(), eof)).parse(line);
    if let Ok((_, (qualifiers, _))) = qualified {
        return qualifiers.len() <= MAX_SESSION_QUALIFIERS;
    }
    let noun_then_year = (session_noun(), sp1, phrase("de"), sp1, year, eof).parse(line);
    let year_then_noun = (year, sp1, session_noun(), eof).parse(line);
    noun_then_year.is_ok() || year_then_noun.is_ok()
}

/// `Point 25 b) de l’ordre du jour`, `Item 76 (a) of the provisional agenda`,
/// `Tema 18 f) de la lista preliminar`, `Agenda item 3`: the wording's language.
fn agenda_line(line: &str) -> Option<Lang> {
    let (_, ((_, lang), _, _)) = (tagged_phrase(AGENDA_KEYWORDS), sp1, digit1)
        .parse(line)
        .ok()?;
    let folded = fold(line);
    AGENDA_NOUNS
        .iter()
        .any(|noun| folded.contains(noun))
        .then_some(lang)
}

fn is_subtitle_start(line: &str) -> bool {
    (
        any_phrase(SUBTITLE_NOUNS),
        sp1,
        any_phrase(SUBTITLE_LINKS),
        sp1,
    )
        .parse(line)
        .is_ok()
}

/// The job number from the first page's footer slug (`25-14327(F) 090925 110925`,
/// `25-13562 (E) 270825 290825`) or a line with the job number alone.
fn job_slug(line: &str) -> Option<&str> {
    let digits = |n| take_while_m_n(n, n, |c: char| c.is_ascii_digit());
    let language_code = (sp0, char('('), letters, char(')'));
    let print_dates = (sp1, digits(6));
    let slug = (job_digits, opt(language_code), many0(print_dates), sp0);
    all_consuming(slug)
        .parse(line)
        .ok()
        .map(|(_, (job, ..))| job)
}

// ---------------------------------------------------------------------------
// Text helpers

fn fold_spaces(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case, accents off, every apostrophe as `'`.
fn fold_char(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        '’' | '‘' | '`' | '´' => '\'',
        other => other,
    }
}

fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Same word but for case, accents and the OCR's l/I/1/| confusion.
fn same_word(printed: &str, expected: &str) -> bool {
    let key = |c: char| match fold_char(c) {
        'i' | '1' | '|' | '!' => 'l',
        other => other,
    };
    printed.chars().map(key).eq(expected.chars().map(key))
}

/// The candidate whose folded name is nearest `printed` (at most two edits, which
/// covers an accent read as two glyphs, `aofit` for `août`), if no other is as near.
fn closest<T>(printed: &str, candidates: impl Iterator<Item = (&'static str, T)>) -> Option<T> {
    const MAX_EDITS: usize = 2;
    let printed = fold(printed);
    let mut best: Option<(usize, T)> = None;
    let mut tied = false;
    for (name, value) in candidates {
        let distance = edit_distance(&printed, &fold(name));
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

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(value: &str) -> Option<String> {
        Some(value.to_string())
    }

    fn parse_text(text: &str, symbol_hint: Option<&str>, job_hint: Option<&str>) -> Masthead {
        let lines: Vec<&str> = text.lines().collect();
        parse(&lines, symbol_hint, job_hint)
    }

    fn iso_date(printed: &str) -> Option<String> {
        all_consuming(date)
            .parse(printed)
            .ok()
            .map(|(_, date)| date.iso)
    }

    // Real mastheads. Expected values are the gold `%` lines, except where the gold
    // repairs what the OCR printed (accents, `l’`): there the value as printed.

    /// The first 30 lines of `dev/a75371-fr/ocr.txt` (its first-page footer has no job number).
    const A75371_FR: &str = r#"Nations Unies

A/75/371

VAN
NS~

4 4 r
Assemblée générale Distr. générale
30 septembre 2020
Frangais
Original : anglais

Soixante-quinziéme session

Point 25 b) de I’ordre du jour

Activités opérationnelles de développement :
coopération Sud-Sud pour le développement

Etat de la coopération Sud-Sud+

Rapport du Secrétaire général

Résume

Le présent rapport est soumis en application de la résolution 74/239 de
I’Assemblée générale, dans laquelle celle-ci a prié le Secrétaire général de lui
présenter a sa soixante-quinziéme session un rapport d’ensemble sur 1’état de la
coopération Sud-Sud. Il porte essentiellement sur les mesures concrétes prises par le
"#;

    /// The first 30 lines of `dev/fr-dev1/ocr.txt`, then the page-1 footer (its lines 56–57).
    const FR_DEV1: &str = r#"Nations Unies A/80/318

Distr. générale

Assemblée générale 8 septembre 2025

Frangais
Original : anglais

Quatre-vingtiéme session
Point 20 de l’ordre du jour provisoire
Développement durable

Les changements climatiques et leurs répercussions
sur la paix et la sécurité internationales”

Rapport du Secrétaire général

Introduction

its

Le Secrétaire général a dit des conclusions formulées dans le sixiéme rapport d’évaluation
du Groupe d’experts intergouvernemental sur ]’évolution du climat (aofit 2021)', a savoir
que le monde fait face a des risques sans précédent qui découlent des changements clima-
tiques et qu’aucune région n’est épargnée, qu’elles sonnaient le tocsin pour I’humanité.
Inévitablement, étant donné la gravité de Purgence climatique, ses effets en cascade
dépassent la sphére environnementale pour s’étendre au domaine social et politique. S’il
est vrai que les changements climatiques ne sont que rarement — voire jamais — la princi-
pale cause des conflits, ils peuvent néanmoins accentuer les risques, en exacerbant les vul-
25-14327(F) 090925 110925
*2514327*
"#;

    /// The first 30 lines of `dev/es-dev1/ocr.txt`, then the page-1 footer (its lines 65–66).
    const ES_DEV1: &str = r#"Naciones Unidas Al 79I 2 14

Distr. general

Asamblea General 22 de julio de 2024

Espaiiol
Original: inglés

Septuagésimo noveno periodo de sesiones
Tema 18 f) de la lista preliminar
Desarrollo sostenible: el agua y el saneamiento

Acceso al agua y al saneamiento y cooperacion
internacional en la esfera del agua’

Informe del Secretario General

Introduccion

1.

El agua estd en el epicentro del desarrollo sostenible y es fundamental para el desarrollo
socioeconémico, la energia, la produccién de alimentos, los ecosistemas y para la superviven-
cia de los seres humanos. El agua también forma parte crucial de la adaptacidn al cambio cli-
matico', y es un decisivo vinculo entre la sociedad y el medioambiente.

El agua es, ademas, una cuestién de derechos”. A medida que crece la poblacién mundial se
genera una necesidad creciente de conciliar la competencia entre las demandas comerciales de
los recursos hidricos para que las comunidades tengan lo suficiente para satisfacer sus necesi-
24-13275(S) 230724 250724
*2413275*
"#;

    /// The first 30 lines of `dev/en-dev1/ocr.txt`, then the page-1 footer (its lines 65–66).
    const EN_DEV1: &str = r#"United Nations Al 80/ 297

Distr.: General

General Assembly 26 August 2025

Original: English

Eightieth session
Item 76 (a) of the provisional agenda
Oceans and the law of the sea

Il.

Oceans and the law of the sea: work of the bodies
established under the United Nations Convention on
the Law of the Sea’

Report of the Secretary-General

Introduction

1,

Often known as the “constitution of the oceans”, the landmark Convention was adopted on 10
December 1982 and entered into force on 16 November 1994". Its 320 articles and nine annexes
govern all aspects of ocean space and maritime issues, from navigational rights, maritime limits
and marine scientific research to the management of resources, protection of the marine
environment and settlement of disputes.

25-13562 (E) 270825 290825
*2513562*
"#;

    /// Specks among the header lines (`VAN`, `NS~`, `4 4 r`), organ and `Distr.` on one
    /// line, a two-line agenda title, `+` for the note call, job number from the hint.
    #[test]
    fn a75371_fr_masthead() {
        let masthead = parse_text(A75371_FR, None, Some("20-12800"));
        let expected = Metadata {
            symbol: some("A/75/371"),
            language: some("fr"),
            organ: some("Assemblée générale"),
            distribution: some("générale"),
            date: some("30 septembre 2020"),
            date_iso: some("2020-09-30"),
            original: some("anglais"),
            session: some("Soixante-quinziéme session"), // gold: quinzième
            agenda: some("Point 25 b) de I’ordre du jour"), // gold: l’ordre
            agenda_title: some(
                "Activités opérationnelles de développement : coopération Sud-Sud pour le développement",
            ),
            title: some("Etat de la coopération Sud-Sud"), // gold: État
            subtitle: some("Rapport du Secrétaire général"),
            job: some("20-12800"),
        };
        assert_eq!(masthead.metadata, expected);
        assert_eq!(masthead.title_note_marker.as_deref(), Some("+"));
        assert_eq!(
            masthead.lines,
            [0, 2, 4, 5, 7, 8, 9, 10, 11, 13, 15, 17, 18, 20, 22]
        );
        assert_eq!(masthead.end, 23);
    }

    /// Symbol on the Organization's line, organ and date on one line, `Frangais`,
    /// the agenda title glued to the agenda line, `”` for the note call, job number
    /// from the first page's footer slug.
    #[test]
    fn fr_dev1_masthead() {
        let masthead = parse_text(FR_DEV1, None, None);
        let expected = Metadata {
            symbol: some("A/80/318"),
            language: some("fr"),
            organ: some("Assemblée générale"),
            distribution: some("générale"),
            date: some("8 septembre 2025"),
            date_iso: some("2025-09-08"),
            original: some("anglais"),
            session: some("Quatre-vingtiéme session"), // gold: vingtième
            agenda: some("Point 20 de l’ordre du jour provisoire"),
            agenda_title: some("Développement durable"),
            title: some(
                "Les changements climatiques et leurs répercussions sur la paix et la sécurité internationales",
            ),
            subtitle: some("Rapport du Secrétaire général"),
            job: some("25-14327"),
        };
        assert_eq!(masthead.metadata, expected);
        assert_eq!(masthead.title_note_marker.as_deref(), Some("”"));
        assert_eq!(masthead.lines, [0, 2, 4, 6, 7, 9, 10, 11, 13, 14, 16]);
        assert_eq!(masthead.end, 17);
    }

    /// `Al 79I 2 14` mended to A/79/214 without a hint, Spanish date with `de`,
    /// `Espaiiol`, `Original:` without a space.
    #[test]
    fn es_dev1_masthead() {
        let masthead = parse_text(ES_DEV1, None, None);
        let expected = Metadata {
            symbol: some("A/79/214"),
            language: some("es"),
            organ: some("Asamblea General"),
            distribution: some("general"),
            date: some("22 de julio de 2024"),
            date_iso: some("2024-07-22"),
            original: some("inglés"),
            session: some("Septuagésimo noveno periodo de sesiones"), // gold: período
            agenda: some("Tema 18 f) de la lista preliminar"),
            agenda_title: some("Desarrollo sostenible: el agua y el saneamiento"),
            title: some(
                "Acceso al agua y al saneamiento y cooperacion internacional en la esfera del agua",
            ), // gold: cooperación
            subtitle: some("Informe del Secretario General"),
            job: some("24-13275"),
        };
        assert_eq!(masthead.metadata, expected);
        assert_eq!(masthead.title_note_marker.as_deref(), Some("’"));
        assert_eq!(masthead.lines, [0, 2, 4, 6, 7, 9, 10, 11, 13, 14, 16]);
        assert_eq!(masthead.end, 17);
    }

    /// `Al 80/ 297` mended, `Distr.: General`, no language line, the speck `Il.`
    /// between agenda title and title, a three-line title, `’` for the note call.
    #[test]
    fn en_dev1_masthead() {
        let masthead = parse_text(EN_DEV1, None, None);
        let expected = Metadata {
            symbol: some("A/80/297"),
            language: some("en"),
            organ: some("General Assembly"),
            distribution: some("General"),
            date: some("26 August 2025"),
            date_iso: some("2025-08-26"),
            original: some("English"),
            session: some("Eightieth session"),
            agenda: some("Item 76 (a) of the provisional agenda"),
            agenda_title: some("Oceans and the law of the sea"),
            title: some(
                "Oceans and the law of the sea: work of the bodies established under the United Nations Convention on the Law of the Sea",
            ),
            subtitle: some("Report of the Secretary-General"),
            job: some("25-13562"),
        };
        assert_eq!(masthead.metadata, expected);
        assert_eq!(masthead.title_note_marker.as_deref(), Some("’"));
        assert_eq!(masthead.lines, [0, 2, 4, 6, 8, 9, 10, 12, 14, 15, 16, 18]);
        assert_eq!(masthead.end, 19);
    }

    #[test]
    fn french_dates() {
        assert_eq!(iso_date("30 septembre 2020"), some("2020-09-30"));
        assert_eq!(iso_date("1er août 2021"), some("2021-08-01"));
        // Accents lost or misread by the OCR.
        assert_eq!(iso_date("5 aofit 2021"), some("2021-08-05"));
        assert_eq!(iso_date("5 aout 2021"), some("2021-08-05"));
        assert_eq!(iso_date("14 fevrier 2019"), some("2019-02-14"));
        assert_eq!(iso_date("3 decembre 2018"), some("2018-12-03"));
    }

    #[test]
    fn spanish_dates() {
        assert_eq!(iso_date("22 de julio de 2024"), some("2024-07-22"));
        assert_eq!(iso_date("9 de septiembre de 2025"), some("2025-09-09"));
        assert_eq!(iso_date("31 de diciembre de 2019"), some("2019-12-31"));
    }

    #[test]
    fn english_dates() {
        assert_eq!(iso_date("26 August 2025"), some("2025-08-26"));
        assert_eq!(iso_date("2 May 2022"), some("2022-05-02"));
    }

    #[test]
    fn not_dates() {
        assert_eq!(iso_date("32 août 2021"), None);
        assert_eq!(iso_date("12 mois 2021"), None);
        assert_eq!(iso_date("12 August 21"), None);
    }

    const DAMAGED_SYMBOL: &str = "United Nations Al 80/ 297\n\nDistr.: General\n";

    #[test]
    fn damaged_symbol_prefers_the_hint() {
        let masthead = parse_text(DAMAGED_SYMBOL, Some("A/80/279"), None);
        assert_eq!(masthead.metadata.symbol, some("A/80/279"));
    }

    #[test]
    fn damaged_symbol_is_mended_without_a_hint() {
        let masthead = parse_text(DAMAGED_SYMBOL, None, None);
        assert_eq!(masthead.metadata.symbol, some("A/80/297"));
    }

    #[test]
    fn well_formed_symbol_beats_the_hint() {
        let masthead = parse_text(
            "Nations Unies S/2020/123\nDistr. générale\n",
            Some("S/2020/132"),
            None,
        );
        assert_eq!(masthead.metadata.symbol, some("S/2020/123"));
    }

    #[test]
    fn missing_symbol_and_job_come_from_the_hints() {
        let masthead = parse_text(
            "General Assembly Distr.: General\n",
            Some("A/80/297"),
            Some("25-13562"),
        );
        assert_eq!(masthead.metadata.symbol, some("A/80/297"));
        assert_eq!(masthead.metadata.job, some("25-13562"));
    }

    /// No session, no agenda: the block before the subtitle is the title; a glued
    /// heading under the subtitle is not part of it.
    #[test]
    fn security_council_masthead() {
        let text = "Nations Unies S/2020/1234\n\nConseil de sécurité Distr. générale\n\
                    15 décembre 2020\nFrançais\nOriginal : anglais\n\n\
                    Situation au Soudan du Sud*\n\nRapport du Secrétaire général\nIntroduction\n\n\
                    1. Le présent rapport est soumis en application de la résolution 2514 (2020).\n";
        let masthead = parse_text(text, None, None);
        let metadata = &masthead.metadata;
        assert_eq!(metadata.organ, some("Conseil de sécurité"));
        assert_eq!(metadata.language, some("fr"));
        assert_eq!(metadata.date_iso, some("2020-12-15"));
        assert_eq!(metadata.session, None);
        assert_eq!(metadata.agenda, None);
        assert_eq!(metadata.agenda_title, None);
        assert_eq!(metadata.title, some("Situation au Soudan du Sud"));
        assert_eq!(masthead.title_note_marker.as_deref(), Some("*"));
        assert_eq!(metadata.subtitle, some("Rapport du Secrétaire général"));
        assert_eq!(masthead.end, 10);
    }

    #[test]
    fn closing_quote_of_the_title_is_not_a_note_call() {
        assert_eq!(
            split_note_call("Le thème « Agir » et “Leave no one behind”"),
            ("Le thème « Agir » et “Leave no one behind”", None)
        );
        assert_eq!(
            split_note_call("State of South-South cooperation *"),
            ("State of South-South cooperation", Some("*"))
        );
    }

    #[test]
    fn prose_has_no_masthead() {
        let text = "The General Assembly adopted the resolution on 30 September 2020.\n\n\
                    Original drafts were circulated to Member States in advance.\n\
                    Report of the Working Group on the subject.\n";
        let masthead = parse_text(text, Some("A/80/297"), Some("25-13562"));
        assert_eq!(masthead.metadata, Metadata::default());
        assert!(masthead.lines.is_empty());
        assert_eq!(masthead.end, 0);
        assert_eq!(masthead.title_note_marker, None);
    }

    #[test]
    fn empty_input_has_no_masthead() {
        for lines in [&[][..], &[""][..], &["", "  ", "\u{c}"][..]] {
            let masthead = parse(lines, None, None);
            assert_eq!(masthead.metadata, Metadata::default());
            assert!(masthead.lines.is_empty());
            assert_eq!(masthead.end, 0);
        }
    }
}
