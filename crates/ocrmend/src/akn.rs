//! A [`Document`] as Akoma Ntoso 3.0 XML in the shape of the UN profile AKN4UN: a
//! `<doc name="report">` whose cover page holds the masthead, whose preface holds the
//! title, whose main body nests paragraphs in chapters, sections and subheadings, and
//! whose footnotes stand as `<authorialNote>` where they are called. Like the other
//! renderings it reads only the contract, never the pipeline; it validates against the
//! OASIS schema `akomantoso30.xsd` (checked in CI, see `tests/akn/`).
//!
//! Element identifiers follow the Akoma Ntoso naming convention: `chp_I`,
//! `chp_I__sec_A`, `para_12`, `para_12__list_1__point_a`, `para_12__authorialNote_9`.
//! Numbered paragraphs are named by their number alone (a UN report numbers them
//! through the whole document); unnumbered ones by their rank, `para_u3`, and so are
//! chapters and sections without a number (`chp_u1`, a summary). An
//! identifier the document would give twice (a number the OCR printed twice) gets a
//! suffix, `para_12-2`, so every one stays unique, as the schema requires.

use std::collections::{HashMap, HashSet};

use crate::document::{three_decimals, Block, BlockKind, Document, Footnote};
use crate::render::Segment;

/// The Akoma Ntoso 3.0 namespace.
const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// The namespace of what only ocrmend says (corrections, warnings, the source), kept in
/// `<proprietary>`, where the schema lets any other namespace stand.
const OCRMEND_NAMESPACE: &str = "urn:ocrmend:akn:1";
/// `FRBRdate` is required: a document whose masthead gave no date says so with this
/// placeholder and the date name `unknown`.
const UNKNOWN_DATE: &str = "0001-01-01";

/// Whether an Akoma Ntoso rendering carries ocrmend's own record of what it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Provenance {
    /// Corrections, warnings and the source in `<meta><proprietary>`.
    #[default]
    Kept,
    /// The legal document alone.
    Dropped,
}

/// ISO 639-1 (the contract's `language`) to ISO 639-2, which Akoma Ntoso names
/// expressions by: the six UN languages.
const LANGUAGE_CODES: [(&str, &str); 6] = [
    ("ar", "ara"),
    ("en", "eng"),
    ("es", "spa"),
    ("fr", "fra"),
    ("ru", "rus"),
    ("zh", "zho"),
];

/// The ISO 639-2 code of an ISO 639-1 one; `und` (undetermined) when none is known.
fn language_alpha3(alpha2: Option<&str>) -> &str {
    match alpha2 {
        None => "und",
        Some(code) => LANGUAGE_CODES
            .iter()
            .find(|(two, _)| *two == code)
            .map_or(code, |(_, three)| three),
    }
}

impl Document {
    /// Akoma Ntoso 3.0 XML (AKN4UN), with or without ocrmend's provenance.
    ///
    /// ```
    /// # let doc = ocrmend::clean_str("1. Voir le rapport.\n", &Default::default()).unwrap().document;
    /// let akn = doc.to_akn(ocrmend::Provenance::Dropped);
    /// assert!(akn.contains(r#"<paragraph eId="para_1">"#));
    /// assert!(akn.contains("<p>Voir le rapport.</p>"));
    /// ```
    pub fn to_akn(&self, provenance: Provenance) -> String {
        let mut xml = Xml::default();
        xml.out
            .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let mut root = vec![("xmlns", AKN_NAMESPACE)];
        if provenance == Provenance::Kept {
            root.push(("xmlns:ocrmend", OCRMEND_NAMESPACE));
        }
        xml.open("akomaNtoso", &root);
        xml.open("doc", &[("name", "report")]);
        let mut notes = Notes::new(&self.footnotes);
        self.meta(&mut xml, provenance);
        self.cover_page(&mut xml);
        self.preface(&mut xml, &mut notes);
        self.main_body(&mut xml, &mut notes);
        xml.close("doc");
        xml.close("akomaNtoso");
        xml.out
    }

    fn meta(&self, xml: &mut Xml, provenance: Provenance) {
        let m = &self.metadata;
        let (date, date_name) = match &m.date_iso {
            Some(iso) => (iso.as_str(), "publication"),
            None => (UNKNOWN_DATE, "unknown"),
        };
        let number = m.symbol.as_deref().map_or("nn".to_owned(), iri_part);
        let work = format!("/akn/un/doc/report/{date}/{number}");
        let expression = format!("{work}/{}@", language_alpha3(m.language.as_deref()));
        xml.open("meta", &[]);
        xml.open("identification", &[("source", "#ocrmend")]);
        for (level, this, uri, author) in [
            ("FRBRWork", format!("{work}/!main"), work.clone(), "#author"),
            (
                "FRBRExpression",
                format!("{expression}/!main"),
                expression.clone(),
                "#author",
            ),
            (
                "FRBRManifestation",
                format!("{expression}/!main.xml"),
                format!("{expression}.akn"),
                "#ocrmend",
            ),
        ] {
            xml.open(level, &[]);
            xml.empty("FRBRthis", &[("value", &this)]);
            xml.empty("FRBRuri", &[("value", &uri)]);
            xml.empty("FRBRdate", &[("date", date), ("name", date_name)]);
            xml.empty("FRBRauthor", &[("href", author)]);
            match level {
                "FRBRWork" => {
                    xml.empty("FRBRcountry", &[("value", "un")]);
                    if let Some(symbol) = &m.symbol {
                        xml.empty("FRBRnumber", &[("value", symbol)]);
                    }
                }
                "FRBRExpression" => {
                    let language = language_alpha3(m.language.as_deref());
                    xml.empty("FRBRlanguage", &[("language", language)]);
                }
                _ => {}
            }
            xml.close(level);
        }
        xml.close("identification");
        xml.open("references", &[("source", "#ocrmend")]);
        let organ = m.organ.as_deref().unwrap_or("United Nations");
        let organ_iri = match &m.organ {
            Some(organ) => format!("/ontology/organization/un/{}", iri_part(organ)),
            None => "/ontology/organization/un".to_owned(),
        };
        xml.empty(
            "TLCOrganization",
            &[("eId", "author"), ("href", &organ_iri), ("showAs", organ)],
        );
        let tool = concat!("ocrmend ", env!("CARGO_PKG_VERSION"));
        xml.empty(
            "TLCOrganization",
            &[
                ("eId", "ocrmend"),
                ("href", "/ontology/organization/ocrmend"),
                ("showAs", tool),
            ],
        );
        xml.close("references");
        if provenance == Provenance::Kept {
            self.proprietary(xml);
        }
        xml.close("meta");
    }

    /// What ocrmend did, in its own namespace: the source, every correction and warning.
    fn proprietary(&self, xml: &mut Xml) {
        xml.open("proprietary", &[("source", "#ocrmend")]);
        let s = &self.source;
        xml.empty(
            "ocrmend:source",
            &[
                ("path", &s.path),
                ("chars", &s.chars.to_string()),
                ("sha256", &s.sha256),
                ("encoding", &s.encoding),
            ],
        );
        xml.open("ocrmend:corrections", &[]);
        for c in &self.corrections {
            xml.empty(
                "ocrmend:correction",
                &[
                    ("start", &c.span[0].to_string()),
                    ("end", &c.span[1].to_string()),
                    ("before", &c.before),
                    ("after", &c.after),
                    ("stage", &c.stage),
                    ("rule", &c.rule),
                    ("confidence", &three_decimals(c.confidence).to_string()),
                ],
            );
        }
        xml.close("ocrmend:corrections");
        xml.open("ocrmend:warnings", &[]);
        for w in &self.warnings {
            let span = w.span.map(|[a, b]| (a.to_string(), b.to_string()));
            let mut attrs = vec![("code", w.code.as_str())];
            if let Some((start, end)) = &span {
                attrs.push(("start", start));
                attrs.push(("end", end));
            }
            xml.inline("ocrmend:warning", &attrs, |out| escape(&w.message, out));
        }
        xml.close("ocrmend:warnings");
        xml.close("proprietary");
    }

    /// The masthead, one container a field, in the order a UN masthead prints them.
    fn cover_page(&self, xml: &mut Xml) {
        let m = &self.metadata;
        let date_tag = if m.date_iso.is_some() {
            "docDate"
        } else {
            "inline"
        };
        let fields = [
            ("organ", "docProponent", &m.organ),
            ("symbol", "docNumber", &m.symbol),
            ("distribution", "docStatus", &m.distribution),
            ("date", date_tag, &m.date),
            ("original", "inline", &m.original),
            ("session", "session", &m.session),
            ("agenda", "inline", &m.agenda),
            ("agendaTitle", "inline", &m.agenda_title),
            ("job", "inline", &m.job),
        ];
        if fields.iter().all(|(_, _, value)| value.is_none()) {
            return;
        }
        xml.open("coverPage", &[]);
        for (name, tag, value) in fields {
            let Some(value) = value else { continue };
            let eid = format!("container_{name}");
            xml.open("container", &[("name", name), ("eId", &eid)]);
            let mut attrs = Vec::new();
            match tag {
                "inline" => attrs.push(("name", name)),
                "docDate" => attrs.push(("date", m.date_iso.as_deref().unwrap_or_default())),
                _ => {}
            }
            xml.inline("p", &[], |out| {
                element(out, tag, &attrs, |out| escape(value, out));
            });
            xml.close("container");
        }
        xml.close("coverPage");
    }

    /// The title, with the `*` note it carries, and the subtitle.
    fn preface(&self, xml: &mut Xml, notes: &mut Notes) {
        let m = &self.metadata;
        if m.title.is_none() && m.subtitle.is_none() {
            return;
        }
        xml.open("preface", &[]);
        if let Some(title) = &m.title {
            // The `*` note is the title's unless a block calls it.
            let called_in_body = self
                .blocks
                .iter()
                .any(|b| b.notes.iter().any(|n| n.number == "*"));
            xml.open("longTitle", &[("eId", "longTitle")]);
            xml.inline("p", &[], |out| {
                element(out, "docTitle", &[], |out| {
                    escape(title, out);
                    if !called_in_body {
                        notes.call(out, "longTitle", "*");
                    }
                });
            });
            xml.close("longTitle");
        }
        if let Some(subtitle) = &m.subtitle {
            xml.open(
                "container",
                &[("name", "subtitle"), ("eId", "container_subtitle")],
            );
            xml.inline("p", &[], |out| escape(subtitle, out));
            xml.close("container");
        }
        xml.close("preface");
    }

    /// The blocks nested by heading level; notes no call placed, at the end.
    fn main_body(&self, xml: &mut Xml, notes: &mut Notes) {
        xml.open("mainBody", &[]);
        let mut ids = Identifiers::default();
        let mut open: Vec<(u8, &'static str, String)> = Vec::new();
        let mut wrote_any = false;
        let mut i = 0;
        while i < self.blocks.len() {
            let block = &self.blocks[i];
            let parent = open.last().map(|(_, _, eid)| eid.as_str());
            match &block.kind {
                BlockKind::Heading { level, number } => {
                    while open.last().is_some_and(|(l, _, _)| l >= level) {
                        let (_, tag, _) = open.pop().expect("checked");
                        xml.close(tag);
                    }
                    let parent = open.last().map(|(_, _, eid)| eid.as_str());
                    let (tag, short) = match level {
                        1 => ("chapter", "chp"),
                        2 => ("section", "sec"),
                        _ => ("hcontainer", "hcontainer"),
                    };
                    let eid = ids.child(parent, short, number.as_deref());
                    let mut attrs = vec![("eId", eid.as_str())];
                    if tag == "hcontainer" {
                        attrs.insert(0, ("name", "subheading"));
                    }
                    xml.open(tag, &attrs);
                    if let Some(n) = number {
                        xml.num(n, '.');
                    }
                    xml.inline("heading", &[], |out| notes.text(out, &eid, block));
                    open.push((*level, tag, eid));
                    i += 1;
                }
                BlockKind::Paragraph { number } => {
                    let eid = match number {
                        Some(n) => ids.unique(format!("para_{}", id_part(n))),
                        None => ids.unnumbered_paragraph(),
                    };
                    let items = self.blocks[i + 1..]
                        .iter()
                        .take_while(|b| matches!(b.kind, BlockKind::Item { .. }))
                        .count();
                    xml.open("paragraph", &[("eId", &eid)]);
                    if let Some(n) = number {
                        xml.num(n, '.');
                    }
                    let wrapper = if items == 0 { "content" } else { "intro" };
                    xml.open(wrapper, &[]);
                    xml.inline("p", &[], |out| notes.text(out, &eid, block));
                    xml.close(wrapper);
                    if items > 0 {
                        let list = ids.child(Some(&eid), "list", None);
                        list_of(xml, &mut ids, notes, &list, &self.blocks[i + 1..=i + items]);
                    }
                    xml.close("paragraph");
                    i += 1 + items;
                }
                BlockKind::Item { .. } => {
                    // Items under a heading or at the start: a list of their own.
                    let items = self.blocks[i..]
                        .iter()
                        .take_while(|b| matches!(b.kind, BlockKind::Item { .. }))
                        .count();
                    let list = ids.child(parent, "list", None);
                    list_of(xml, &mut ids, notes, &list, &self.blocks[i..i + items]);
                    i += items;
                }
            }
            wrote_any = true;
        }
        while let Some((_, tag, _)) = open.pop() {
            xml.close(tag);
        }
        let uncalled: Vec<usize> = notes.unplaced().collect();
        if !uncalled.is_empty() {
            // A note whose call was not found still belongs to the document.
            let eid = "hcontainer_uncalledNotes";
            xml.open("hcontainer", &[("name", "uncalledNotes"), ("eId", eid)]);
            xml.open("content", &[]);
            xml.inline("p", &[], |out| {
                for note in uncalled {
                    notes.place(out, eid, note);
                }
            });
            xml.close("content");
            xml.close("hcontainer");
        } else if !wrote_any {
            // The schema wants something in the main body.
            xml.empty("p", &[]);
        }
        xml.close("mainBody");
    }
}

/// A run of items as a `<list>` of `<point>`s.
fn list_of(xml: &mut Xml, ids: &mut Identifiers, notes: &mut Notes, eid: &str, items: &[Block]) {
    xml.open("list", &[("eId", eid)]);
    for item in items {
        let BlockKind::Item { label, .. } = &item.kind else {
            unreachable!("only items are listed")
        };
        let point = ids.child(Some(eid), "point", Some(label));
        xml.open("point", &[("eId", &point)]);
        xml.num(label, ')');
        xml.open("content", &[]);
        xml.inline("p", &[], |out| notes.text(out, &point, item));
        xml.close("content");
        xml.close("point");
    }
    xml.close("list");
}

/// The footnotes, placed once each at their first call; later calls refer back.
struct Notes<'a> {
    /// The notes by number; a number given twice keeps its first note here (the second
    /// is placed with the uncalled ones).
    by_number: HashMap<&'a str, usize>,
    all: &'a [Footnote],
    /// Where each placed note stands, by number.
    placed: HashMap<&'a str, String>,
    /// Notes placed, by position in `all`.
    done: HashSet<usize>,
    ids: Identifiers,
}

impl<'a> Notes<'a> {
    fn new(all: &'a [Footnote]) -> Self {
        let mut by_number = HashMap::new();
        for (i, f) in all.iter().enumerate() {
            by_number.entry(f.number.as_str()).or_insert(i);
        }
        Notes {
            by_number,
            all,
            placed: HashMap::new(),
            done: HashSet::new(),
            ids: Identifiers::default(),
        }
    }

    /// A block's text with its notes where they are called.
    fn text(&mut self, out: &mut String, eid: &str, block: &Block) {
        for segment in block.segments() {
            match segment {
                Segment::Text(t) => escape(t, out),
                Segment::Call(n) => self.call(out, eid, &n.number),
            }
        }
    }

    /// The call of note `number` inside the element `eid`: the note itself the first
    /// time, a reference to it after; a call whose note was not found points where the
    /// note would stand.
    fn call(&mut self, out: &mut String, eid: &str, number: &str) {
        let href = match self.placed.get(number) {
            Some(placed) => format!("#{placed}"),
            None => match self.by_number.get(number) {
                Some(&note) => return self.place(out, eid, note),
                None => format!("#{eid}__authorialNote_{}", id_part(number)),
            },
        };
        let attrs = [("marker", number), ("href", href.as_str())];
        element(out, "noteRef", &attrs, |_| {});
    }

    /// The note at position `note` of the document's as an `<authorialNote>` inside
    /// the element `eid`.
    fn place(&mut self, out: &mut String, eid: &str, note: usize) {
        self.done.insert(note);
        let note = &self.all[note];
        let id = self
            .ids
            .unique(format!("{eid}__authorialNote_{}", id_part(&note.number)));
        self.placed
            .entry(note.number.as_str())
            .or_insert(id.clone());
        let attrs = [
            ("marker", note.number.as_str()),
            ("placement", "bottom"),
            ("eId", id.as_str()),
        ];
        element(out, "authorialNote", &attrs, |out| {
            element(out, "p", &[], |out| escape(&note.text, out));
        });
    }

    /// The positions of the notes no call placed, in their order.
    fn unplaced(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.all.len()).filter(|i| !self.done.contains(i))
    }
}

/// The identifiers given so far, so each is given once.
#[derive(Default)]
struct Identifiers {
    used: HashSet<String>,
    /// Unnumbered children so far, by parent and kind: their rank names them.
    ranks: HashMap<String, usize>,
    unnumbered_paragraphs: usize,
}

impl Identifiers {
    /// `eid`, or `eid-2`, `eid-3`… when it is taken.
    fn unique(&mut self, eid: String) -> String {
        let mut candidate = eid.clone();
        let mut k = 1;
        while self.used.contains(&candidate) {
            k += 1;
            candidate = format!("{eid}-{k}");
        }
        self.used.insert(candidate.clone());
        candidate
    }

    /// A child `short_number` of `parent`, by its number, else by its rank among its
    /// unnumbered siblings of that kind; the rank of a chapter or section, which
    /// UN reports number, is marked `u` (`chp_u1`) so it never reads as a number.
    fn child(&mut self, parent: Option<&str>, short: &str, number: Option<&str>) -> String {
        let prefix = parent.map_or(String::new(), |p| format!("{p}__"));
        let name = match number {
            Some(n) => id_part(n),
            None => {
                let rank = self.ranks.entry(format!("{prefix}{short}")).or_insert(0);
                *rank += 1;
                let mark = if matches!(short, "chp" | "sec") {
                    "u"
                } else {
                    ""
                };
                format!("{mark}{rank}")
            }
        };
        self.unique(format!("{prefix}{short}_{name}"))
    }

    /// `para_u1`, `para_u2`…: unnumbered paragraphs in document order.
    fn unnumbered_paragraph(&mut self) -> String {
        self.unnumbered_paragraphs += 1;
        let eid = format!("para_u{}", self.unnumbered_paragraphs);
        self.unique(eid)
    }
}

/// A number or label as an identifier's part: letters and digits kept, `*` spelled
/// `star`, anything else `-` (identifiers take no spaces).
fn id_part(number: &str) -> String {
    let mut out = String::new();
    for c in number.chars() {
        match c {
            c if c.is_alphanumeric() => out.push(c),
            '*' => out.push_str("star"),
            _ => out.push('-'),
        }
    }
    if out.is_empty() {
        out.push_str("nn");
    }
    out
}

/// A symbol or name as one segment of an IRI: ASCII letters, digits, `.` and `-`
/// (`A/75/371` → `A-75-371`, `Assemblée générale` → `Assemblee-generale`).
fn iri_part(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in text.nfd() {
        if c.is_ascii_alphanumeric() || c == '.' {
            out.push(c);
        } else if !unicode_normalization::char::is_combining_mark(c)
            && !out.is_empty()
            && !out.ends_with('-')
        {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "nn".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// XML written with indentation between elements, never inside mixed content (where
/// it would become text).
#[derive(Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.indent();
        start_tag(&mut self.out, tag, attrs);
        self.out.push('\n');
        self.depth += 1;
    }

    fn close(&mut self, tag: &str) {
        self.depth -= 1;
        self.indent();
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push_str(">\n");
    }

    fn empty(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.indent();
        element(&mut self.out, tag, attrs, |_| {});
        self.out.push('\n');
    }

    /// `<num>` with the number as printed: `12` and `.` give `12.`.
    fn num(&mut self, number: &str, end: char) {
        self.inline("num", &[], |out| {
            escape(number, out);
            out.push(end);
        });
    }

    /// An element on one line whose content `body` writes (text and inline elements).
    fn inline(&mut self, tag: &str, attrs: &[(&str, &str)], body: impl FnOnce(&mut String)) {
        self.indent();
        element(&mut self.out, tag, attrs, body);
        self.out.push('\n');
    }
}

fn start_tag(out: &mut String, tag: &str, attrs: &[(&str, &str)]) {
    out.push('<');
    out.push_str(tag);
    for (name, value) in attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape(value, out);
        out.push('"');
    }
    out.push('>');
}

/// `<tag attrs>body</tag>`, or `<tag attrs/>` when `body` writes nothing.
fn element(out: &mut String, tag: &str, attrs: &[(&str, &str)], body: impl FnOnce(&mut String)) {
    start_tag(out, tag, attrs);
    let opened = out.len();
    body(out);
    if out.len() == opened {
        out.pop();
        out.push_str("/>");
    } else {
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
    }
}

/// `text` as XML character data or attribute value. Tab and line breaks are written as
/// character references, which a parser keeps as they are (it would turn a raw `\r`
/// into `\n`, and either into a space in an attribute). Characters XML 1.0 cannot
/// carry at all (other controls, U+FFFE, U+FFFF) become U+FFFD, so the output is
/// well-formed whatever the input held.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_take_no_spaces_and_spell_the_asterisk() {
        assert_eq!(id_part("12"), "12");
        assert_eq!(id_part("*"), "star");
        assert_eq!(id_part("1 bis"), "1-bis");
        assert_eq!(id_part(""), "nn");
    }

    #[test]
    fn iri_parts_are_ascii() {
        assert_eq!(iri_part("A/75/371"), "A-75-371");
        assert_eq!(iri_part("S/RES/1440 (2002)"), "S-RES-1440-2002");
        assert_eq!(iri_part("Assemblée générale"), "Assemblee-generale");
        assert_eq!(iri_part("//"), "nn");
    }

    #[test]
    fn an_identifier_given_twice_gets_a_suffix() {
        let mut ids = Identifiers::default();
        assert_eq!(ids.unique("para_12".into()), "para_12");
        assert_eq!(ids.unique("para_12".into()), "para_12-2");
        assert_eq!(
            ids.child(Some("chp_I"), "hcontainer", None),
            "chp_I__hcontainer_1"
        );
        assert_eq!(
            ids.child(Some("chp_I"), "hcontainer", None),
            "chp_I__hcontainer_2"
        );
        assert_eq!(
            ids.child(Some("chp_II"), "hcontainer", None),
            "chp_II__hcontainer_1"
        );
        assert_eq!(ids.child(None, "chp", None), "chp_u1");
        assert_eq!(ids.child(None, "chp", Some("I")), "chp_I");
    }

    #[test]
    fn text_xml_cannot_carry_is_replaced_and_markup_escaped() {
        let mut out = String::new();
        escape("a<b & \"c\"\u{1}\u{FFFF}\r", &mut out);
        assert_eq!(out, "a&lt;b &amp; &quot;c&quot;\u{FFFD}\u{FFFD}&#13;");
    }

    #[test]
    fn languages_are_named_by_three_letters() {
        assert_eq!(language_alpha3(Some("fr")), "fra");
        assert_eq!(language_alpha3(None), "und");
        assert_eq!(language_alpha3(Some("de")), "de");
    }

    #[test]
    fn an_empty_element_closes_itself() {
        let mut out = String::new();
        element(&mut out, "p", &[("a", "1")], |_| {});
        assert_eq!(out, r#"<p a="1"/>"#);
    }
}
