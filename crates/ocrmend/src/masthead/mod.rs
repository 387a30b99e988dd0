//! Stage 3, masthead: the front matter of a UN report, read from the first raw OCR
//! lines into metadata as printed (repair comes later).
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

mod grammar;
mod vocabulary;

use grammar::*;
use vocabulary::*;

use crate::document::Metadata;
use crate::language::Lang;
use crate::pages::Pages;

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

impl Masthead {
    /// The first line of the body: the line after the masthead, 0 without one.
    pub fn body_start(&self) -> usize {
        if self.lines.is_empty() {
            0
        } else {
            self.end
        }
    }
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
    // The `*` call may stand on any field of the masthead's text: the title, or the
    // agenda item, its title or the subtitle when the title has none.
    let mut title_note_marker = None;
    let title = without_note_call(text.title.as_deref(), &mut title_note_marker);
    let agenda = without_note_call(header.agenda.map(|(line, _)| line), &mut title_note_marker)
        .map(|agenda| spell_agenda_keyword(&agenda));
    let agenda_title = without_note_call(text.agenda_title.as_deref(), &mut title_note_marker);
    let subtitle = without_note_call(text.subtitle.as_deref(), &mut title_note_marker)
        .map(|subtitle| spell_subtitle(&subtitle));
    let date = header.date();
    let metadata = Metadata {
        symbol: resolve_symbol(header.printed_symbol(), symbol_hint),
        language: header.language().map(|lang| lang.code().to_string()),
        organ: header.organ().map(str::to_string),
        distribution: header
            .distribution()
            .map(|printed| spell_distribution(printed, header.language())),
        date: date.map(|date| date.spelled.clone()),
        date_iso: date.map(|date| date.iso.clone()),
        original: header
            .original()
            .map(|printed| spell_original(printed, header.language())),
        session: header.session.map(spelled_session),
        agenda,
        agenda_title,
        title,
        subtitle,
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

/// Parse the masthead from the document's first lines (its line indices are into
/// `Pages::lines`).
pub fn read(input: &str, pages: &Pages) -> Masthead {
    const MASTHEAD_LINES: usize = 80;
    let first = pages.lines.len().min(MASTHEAD_LINES);
    let texts: Vec<&str> = pages.lines[..first]
        .iter()
        .map(|l| input[l.span.clone()].trim())
        .collect();
    parse(&texts, pages.symbol.as_deref(), pages.job.as_deref())
}

// ---------------------------------------------------------------------------
// Header: the field lines down to the agenda line

/// What a line in the header holds.
enum HeaderLine<'a> {
    Fields(Vec<Field<'a>>),
    /// An organ's name before a field the OCR damaged: a header line only where the
    /// organ's line stands, after the first fields and before any organ.
    OrganBeforeDamage(Field<'a>),
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

    fn date(&self) -> Option<&Date> {
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
    let mut strays = 0;
    let mut k = 0;
    while k < lines.len() {
        let line = lines[k].as_str();
        if line.is_empty() {
            k += 1;
            continue;
        }
        let kind = match classify_header_line(line) {
            HeaderLine::OrganBeforeDamage(organ)
                if !header.fields.is_empty() && header.organ().is_none() =>
            {
                HeaderLine::Fields(vec![organ])
            }
            HeaderLine::OrganBeforeDamage(_) => HeaderLine::Other,
            kind => kind,
        };
        if matches!(kind, HeaderLine::Other) && !header_line_follows(lines, k + 1, &header) {
            // A stray above the first field line hides none of the fields below it.
            let stray = line.chars().count() <= STRAY_CHARS && strays < LEADING_STRAYS;
            if header.fields.is_empty() && header.session.is_none() && stray {
                strays += 1;
                start.get_or_insert(k);
                k += 1;
                continue;
            }
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
            HeaderLine::OrganBeforeDamage(_) | HeaderLine::Other => {}
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
    } else if let Some(organ) = organ_before_damage(line) {
        HeaderLine::OrganBeforeDamage(organ)
    } else {
        HeaderLine::Other
    }
}

/// Whether one of the next few non-blank lines from `from` is a header line that tells
/// something `header` lacks: a heading that names an organ (`Assemblée générale`)
/// under a header that has its organ does not carry the header on.
fn header_line_follows(lines: &[String], from: usize, header: &Header) -> bool {
    let lacks = |field: &Field| {
        let kind = std::mem::discriminant(field);
        !header
            .fields
            .iter()
            .any(|f| std::mem::discriminant(f) == kind)
    };
    lines[from.min(lines.len())..]
        .iter()
        .filter(|line| !line.is_empty())
        .take(HEADER_LOOKAHEAD)
        .any(|line| match classify_header_line(line) {
            HeaderLine::Fields(fields) => fields.iter().any(lacks),
            HeaderLine::OrganBeforeDamage(organ) => lacks(&organ),
            HeaderLine::Session => header.session.is_none(),
            HeaderLine::Agenda(_) => true,
            HeaderLine::Other => false,
        })
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
    // An OCR that printed no blank line between the first fields below the header
    // printed none between the others either: there every line that does not wrap the
    // one before opens one. (The header itself is no evidence: its first line is often
    // set off by a blank line when the rest runs on.)
    let blank_less = !lines[header.end..(header.end + FIELD_RUN).min(lines.len())]
        .iter()
        .any(String::is_empty);
    let blocks = read_blocks(lines, header.end, first_subtitle_block + 2, blank_less);

    // An agenda title longer than a title can be has the text after it glued on (an
    // OCR that printed no blank line): only its wrapped lines are the title.
    let agenda_title = match blocks.first() {
        Some(block) if has_agenda && block.len() > MAX_TITLE_LINES => wrapped_lines(lines, block),
        Some(block) if has_agenda => block.clone(),
        _ => Vec::new(),
    };
    let subtitle_at =
        (first_subtitle_block..blocks.len()).find(|&b| is_subtitle_start(&lines[blocks[b][0]]));
    let (title_blocks, subtitle) = match subtitle_at {
        Some(b) => (
            &blocks[first_title_block..b],
            wrapped_lines(lines, &blocks[b]),
        ),
        None => {
            let title = blocks
                .get(first_title_block)
                .filter(|block| block.len() <= MAX_TITLE_LINES);
            (title.map_or(&[][..], std::slice::from_ref), Vec::new())
        }
    };
    let title = title_blocks.concat();
    let last_line = [subtitle.as_slice(), &title, &agenda_title]
        .into_iter()
        .find_map(|block| block.last().copied());
    let text_of = |block: &[usize]| {
        (!block.is_empty()).then(|| {
            let text = join_wrapped(block.iter().map(|&k| lines[k].as_str()));
            without_edge_specks(&text).to_string()
        })
    };
    Text {
        agenda_title: text_of(&agenda_title),
        title: text_of(&title),
        subtitle: text_of(&subtitle),
        end: last_line.map_or(header.end, |k| k + 1),
    }
}

/// Up to `max` blocks from line `from` on, standalone specks skipped. A block is a run
/// of non-blank lines, given as the indices of its text lines (specks left out); an
/// agenda or subtitle line that does not carry on the line before opens a block of its
/// own even without a blank line before it; with `blank_less`, so does every line that
/// does not carry on the line before.
fn read_blocks(lines: &[String], from: usize, max: usize, blank_less: bool) -> Vec<Vec<usize>> {
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
            let previous = &lines[*block.last().unwrap()];
            if !continues(previous, &lines[k]) && (blank_less || opens_a_field(&lines[k])) {
                break;
            }
            if !is_speck(&lines[k]) {
                block.push(k);
            }
            k += 1;
        }
        // A field wrapped across a blank line (`… prises par la` / `Conférence …`,
        // `… sur les` / `établissements humains`) goes on in the next block. A
        // subtitle is never wrapped on, and a field of its own never carries one on.
        if let Some(last) = blocks.last_mut().filter(|last: &&mut Vec<usize>| {
            let previous = &lines[*last.last().unwrap()];
            let next = &lines[block[0]];
            worded(previous)
                && worded(next)
                && !is_subtitle_start(&lines[last[0]])
                && !opens_a_field(next)
                && (crate::scan::stops_mid_phrase(previous) || opens_with_a_lower_case_word(next))
        }) {
            last.extend(block);
            continue;
        }
        blocks.push(block);
    }
    blocks
}

/// A line with a word in it: specks (`co s s co`) carry no field on.
fn worded(line: &str) -> bool {
    line.split(' ')
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
}

/// A line that carries a wrapped field on: it opens with a lower-case word of three
/// letters or more, past an elision (a title may open `l’ Ambassadeur …`, and
/// `i. Déclaration` opens the body).
fn opens_with_a_lower_case_word(line: &str) -> bool {
    let after_elision = line
        .split_once(['’', '\''])
        .filter(|(stem, _)| stem.chars().count() <= 2)
        .map_or(line, |(_, rest)| rest.trim_start());
    let first_word = after_elision.split(' ').next().unwrap_or("");
    line.starts_with(char::is_lowercase)
        && first_word.chars().count() >= 3
        && first_word.chars().all(char::is_lowercase)
}

/// Whether `line` opens a masthead field of its own: an agenda item or a subtitle.
fn opens_a_field(line: &str) -> bool {
    agenda_line(line).is_some() || is_subtitle_start(line)
}

/// The first line of a block and the lines that wrap it: a heading the OCR glued under
/// a subtitle (`Introduction`) is not part of it, a wrapped continuation is.
fn wrapped_lines(lines: &[String], block: &[usize]) -> Vec<usize> {
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

/// A masthead field without the note call at its end; the first call found is the
/// `*` note's (`marker`).
fn without_note_call(field: Option<&str>, marker: &mut Option<String>) -> Option<String> {
    let (body, call) = split_note_call(field?);
    if marker.is_none() {
        *marker = call.map(str::to_string);
    }
    Some(body.to_string())
}

/// Splits the title's note call (`Sud-Sud+` → `Sud-Sud`, `+`) off its end. A closing
/// quote that answers an opening one in the title is punctuation, not a note call.
fn split_note_call(title: &str) -> (&str, Option<&str>) {
    let body = title.trim_end_matches(crate::scan::superscript::AFTER_THE_TITLE);
    let marker = &title[body.len()..];
    if marker.is_empty()
        || body.trim_end().is_empty()
        || marker
            .chars()
            .next()
            .is_some_and(|m| crate::scan::closes_a_quote(body, m))
    {
        return (title, None);
    }
    (body.trim_end(), Some(marker))
}

/// A field's text without the specks the OCR read at its ends (`- Fortalecimiento…`,
/// `Prévention . ;`): words made only of dashes, rules and points. Quotes, brackets and
/// the star stay (a title may end `« Agir »`, and its call is read later).
fn without_edge_specks(text: &str) -> &str {
    let speck = |word: &str| word.chars().all(|c| EDGE_SPECK_GLYPHS.contains(c));
    let words: Vec<&str> = text.split(' ').collect();
    let Some(first) = words.iter().position(|w| !speck(w)) else {
        return text;
    };
    let last = words.iter().rposition(|w| !speck(w)).unwrap();
    let start = words[..first].iter().map(|w| w.len() + 1).sum::<usize>();
    let end = text.len() - words[last + 1..].iter().map(|w| w.len() + 1).sum::<usize>();
    &text[start..end]
}

/// The glyphs of the specks [`without_edge_specks`] drops.
const EDGE_SPECK_GLYPHS: &str = "-–—_|.,;:~=";

/// Scanner specks read as text (`VAN`, `NS~`, `4 4 r`, `Il.`): no word of four letters
/// and few letters in all.
fn is_noise(line: &str) -> bool {
    crate::scan::longest_letter_run(line) < 4 && letter_count(line) < 8
}

/// Inside a block, where a short line may end a wrapped title (`the Sea’`), only a
/// speck of one or two letters and no digit is noise.
fn is_speck(line: &str) -> bool {
    letter_count(line) < 3 && !line.contains(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::Parser;

    fn some(value: &str) -> Option<String> {
        Some(value.to_string())
    }

    fn parse_text(text: &str, symbol_hint: Option<&str>, job_hint: Option<&str>) -> Masthead {
        let lines: Vec<&str> = text.lines().collect();
        parse(&lines, symbol_hint, job_hint)
    }

    fn iso_date(printed: &str) -> Option<String> {
        nom::combinator::all_consuming(date)
            .parse(printed)
            .ok()
            .map(|(_, date)| date.iso)
    }

    /// The real mastheads of `tests/data/mastheads/*.txt`, each file `key: value`
    /// lines (the expected metadata, note marker, masthead lines and end; the hints
    /// `hint_symbol` and `hint_job` for the parser; `#` comments), `---`, then the OCR.
    #[test]
    fn real_mastheads() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mastheads");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("the masthead data files")
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(
            files.len() >= 4,
            "{}: the four dev mastheads at least",
            dir.display()
        );
        for path in files {
            let data = std::fs::read_to_string(&path).unwrap();
            let (head, text) = data.split_once("\n---\n").expect("a --- line");
            let mut want: std::collections::HashMap<&str, &str> = Default::default();
            for line in head.lines().filter(|l| !l.starts_with('#')) {
                let (key, value) = line.split_once(": ").expect("key: value");
                want.insert(key, value.split("  #").next().unwrap());
            }
            let get = |key: &str| want.get(key).map(|v| v.to_string());
            let masthead = parse_text(
                text,
                want.get("hint_symbol").copied(),
                want.get("hint_job").copied(),
            );
            let expected = Metadata {
                symbol: get("symbol"),
                language: get("language"),
                organ: get("organ"),
                distribution: get("distribution"),
                date: get("date"),
                date_iso: get("date_iso"),
                original: get("original"),
                session: get("session"),
                agenda: get("agenda"),
                agenda_title: get("agenda_title"),
                title: get("title"),
                subtitle: get("subtitle"),
                job: get("job"),
            };
            let name = path.display();
            assert_eq!(masthead.metadata, expected, "{name}");
            assert_eq!(
                masthead.title_note_marker,
                get("title_note_marker"),
                "{name}"
            );
            let lines: Vec<usize> = want["lines"]
                .split(' ')
                .map(|n| n.parse().unwrap())
                .collect();
            assert_eq!(masthead.lines, lines, "{name}");
            assert_eq!(masthead.end.to_string(), want["end"], "{name}");
        }
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
    fn the_session_noun_is_spelled_as_the_vocabulary_spells_it() {
        assert_eq!(
            spelled_session("Octogésimo periodo de sesiones"),
            "Octogésimo período de sesiones"
        );
        assert_eq!(
            spelled_session("Periodo de sesiones de 2024"),
            "Período de sesiones de 2024"
        );
        assert_eq!(
            spelled_session("Quatre-vingtiéme session"),
            "Quatre-vingtiéme session"
        );
    }

    #[test]
    fn specks_between_and_after_fields() {
        let text = "United Nations S/2020/755\n\nDistr. General -\n\nSecurity Council _ | | 11 June 2020\n\n\
                    Original: Arabic\n\nReport of the Secretary-General\n";
        let metadata = parse_text(text, None, None).metadata;
        assert_eq!(metadata.distribution, some("General"));
        assert_eq!(metadata.organ, some("Security Council"));
        assert_eq!(metadata.date_iso, some("2020-06-11"));
        assert_eq!(metadata.original, some("Arabic"));
    }

    #[test]
    fn emblem_specks_and_a_damaged_distribution_label() {
        let distribution = |line: &str| {
            let text = format!("United Nations A/80/1\n{line}\nGeneral Assembly 1 June 2025\n");
            parse_text(&text, None, None).metadata.distribution
        };
        // Three short specks off the emblem, and specks with no letter or digit beside them.
        for line in [
            "A A 3 Distr. General",
            "A ‘. 5 Distr. General",
            "Dit. General",
        ] {
            assert_eq!(distribution(line), some("General"), "{line}");
        }
        // Four are too many, and a damaged label needs a value of the closed set.
        for line in ["A A 3 B Distr. General", "Dit. Generous"] {
            assert_eq!(distribution(line), None, "{line}");
        }
    }

    #[test]
    fn closed_sets_are_spelled_in_the_masthead_language() {
        let text = "Naciones Unidas A/80/1\nDistr. general\n\
                    Consejo Econémico y Social ler de junio de 2025\nOriginal: arabe\n\n\
                    Título del informe\n\nNota de la Secretaria ©\n";
        let metadata = parse_text(text, None, None).metadata;
        assert_eq!(metadata.organ, some("Consejo Económico y Social"));
        assert_eq!(metadata.date, some("1er de junio de 2025"));
        assert_eq!(metadata.original, some("árabe"));
        assert_eq!(metadata.subtitle, some("Nota de la Secretaría"));
        let text = "Nations Unies A/80/1\nDistr generale\n\
                    Assemblée générale 2 mai 2025\nOriginal espafiol\n";
        let metadata = parse_text(text, None, None).metadata;
        assert_eq!(metadata.distribution, some("générale"));
        assert_eq!(metadata.original, some("espagnol"));
        // A subtitle that goes on past its author in words keeps them.
        assert_eq!(
            spell_subtitle("Report of the Secretary-General on the work of the Organization"),
            "Report of the Secretary-General on the work of the Organization"
        );
    }

    #[test]
    fn an_organ_before_a_field_damaged_past_reading() {
        let text = "Naciones Unidas A/80/1\nDistr. general\n\
                    Asamblea General 23 de palta de 2021\nOriginal: inglés\n";
        let metadata = parse_text(text, None, None).metadata;
        assert_eq!(metadata.organ, some("Asamblea General"));
        assert_eq!(metadata.original, some("inglés"));
        // Only where the organ's line stands: a title that opens with an organ's name,
        // under a header that has its organ, is the title.
        let text = "United Nations S/2025/1\nSecurity Council Distr. General\n\
                    Original: English\n\nSecurity Council mission to Mali\n\n\
                    Report of the Secretary-General\n";
        let metadata = parse_text(text, None, None).metadata;
        assert_eq!(metadata.title, some("Security Council mission to Mali"));
    }

    #[test]
    fn an_agenda_keyword_damaged_on_a_line_that_names_the_agenda() {
        assert_eq!(agenda_line("Ttem 45 (f) of the agenda"), Some(Lang::En));
        assert_eq!(
            spell_agenda_keyword("trem 124 (a) of the provisional agenda"),
            "Item 124 (a) of the provisional agenda"
        );
        assert_eq!(spell_agenda_keyword("Agenda item 3"), "Agenda item 3");
        // Without the agenda's noun, a word near a keyword is no keyword.
        assert_eq!(agenda_line("Ttem 45 of the report"), None);
    }

    #[test]
    fn specks_at_the_ends_of_a_field_are_dropped() {
        assert_eq!(
            without_edge_specks("- Fortalecimiento de la coordinación"),
            "Fortalecimiento de la coordinación"
        );
        assert_eq!(without_edge_specks("Prévention . ;"), "Prévention");
        assert_eq!(
            without_edge_specks("Le thème « Agir »"),
            "Le thème « Agir »"
        );
        assert_eq!(
            without_edge_specks("Oceans and the law of the sea *"),
            "Oceans and the law of the sea *"
        );
        assert_eq!(without_edge_specks("- -"), "- -");
    }

    #[test]
    fn a_symbol_set_off_after_its_point_and_a_speck_at_the_edge() {
        let text = "United Nations A/79/555/Add. 1\nDistr. General\n\
                    General Assembly 2 May 2025\nOriginal: English 7\n";
        let metadata = parse_text(text, None, None).metadata;
        assert_eq!(metadata.symbol, some("A/79/555/Add.1"));
        assert_eq!(metadata.original, some("English"));
    }

    #[test]
    fn fields_run_on_without_blank_lines_under_a_header_that_has_one() {
        let text = "United Nations E/C.12/2025/6\n\nDistr.: Limited\n\
                    Economic and Social Council 18 April 2025\nOriginal: French\n2025 session\n\
                    Item 38 (f) of the provisional agenda\nPromotion and protection of human rights\n\
                    Statement by the President\nNote by the Secretariat\n\
                    I. All Conference documentation will be available on the website\n";
        let masthead = parse_text(text, None, None);
        let metadata = &masthead.metadata;
        assert_eq!(
            metadata.agenda_title,
            some("Promotion and protection of human rights")
        );
        assert_eq!(metadata.title, some("Statement by the President"));
        assert_eq!(metadata.subtitle, some("Note by the Secretariat"));
        assert_eq!(masthead.body_start(), 10);
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
