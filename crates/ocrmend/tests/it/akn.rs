//! The Akoma Ntoso rendering read back: its text and structure are the JSON's. (That it
//! validates against the OASIS schema is checked in CI by `tests/akn/validate.py`, which
//! needs the schema from PyPI.)

use ocrmend::{BlockKind, Document, Metadata, Provenance};
use roxmltree::Node;

use crate::common::{clean, fixture, FIXTURES};

/// What a block is, its text and its calls (number, offset), as either side gives them.
type BlockReading = (BlockKind, String, Vec<(String, usize)>);

/// The contract's content as the AKN gives it back.
#[derive(Debug, Default, PartialEq)]
struct Reading {
    metadata: Metadata,
    blocks: Vec<BlockReading>,
    /// Number and text, in the order the notes stand.
    footnotes: Vec<(String, String)>,
}

/// `text` as XML 1.0 can carry it: characters outside its `Char` production (controls
/// other than tab and line breaks, U+FFFE, U+FFFF) as U+FFFD.
fn xml_safe(text: &str) -> String {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (' '..'\u{FFFE}').contains(&c) || c > '\u{FFFF}'
    };
    text.chars()
        .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
        .collect()
}

impl Reading {
    /// What the JSON says, in the terms the AKN can say it. Footnotes are compared as
    /// a set: the AKN places each at its call, the JSON lists them in number order.
    fn of(doc: &Document) -> Reading {
        let blocks = doc
            .blocks
            .iter()
            .map(|b| {
                let calls = b.notes.iter().map(|n| (n.number.clone(), n.offset));
                (b.kind.clone(), xml_safe(&b.text), calls.collect())
            })
            .collect();
        let mut footnotes: Vec<_> = doc
            .footnotes
            .iter()
            .map(|f| (f.number.clone(), xml_safe(&f.text)))
            .collect();
        footnotes.sort();
        Reading {
            metadata: doc.metadata.clone(),
            blocks,
            footnotes,
        }
    }
}

fn named<'a>(node: Node<'a, 'a>, tag: &str) -> Option<Node<'a, 'a>> {
    node.descendants().find(|n| n.has_tag_name(tag))
}

fn children<'a>(node: Node<'a, 'a>) -> impl Iterator<Item = Node<'a, 'a>> {
    node.children().filter(|n| n.is_element())
}

/// The text of inline content, cut at its notes: calls where they stand, notes taken.
fn inline(
    node: Node,
    calls: &mut Vec<(String, usize)>,
    notes: &mut Vec<(String, String)>,
) -> String {
    let mut text = String::new();
    for child in node.children() {
        if child.is_text() {
            text.push_str(child.text().unwrap_or_default());
            continue;
        }
        let marker = child.attribute("marker").unwrap_or_default().to_owned();
        match child.tag_name().name() {
            "authorialNote" => {
                let p = named(child, "p").expect("a note holds a p");
                let note = inline(p, &mut Vec::new(), notes);
                notes.push((marker.clone(), note));
                calls.push((marker, text.chars().count()));
            }
            "noteRef" => calls.push((marker, text.chars().count())),
            _ => text.push_str(&inline(child, calls, notes)),
        }
    }
    text
}

/// `I.` → `I`, `a)` → `a`.
fn num(node: Node, end: char) -> Option<String> {
    let n = children(node).find(|n| n.has_tag_name("num"))?;
    let text = n.text().unwrap_or_default();
    Some(text.strip_suffix(end).expect("numbers end so").to_owned())
}

/// The blocks of a hierarchy, in reading order. An item's parent is, as the contract
/// defines it, the last numbered paragraph before it (`last_numbered`).
fn body(node: Node, last_numbered: &mut Option<String>, out: &mut Reading) {
    for child in children(node) {
        let tag = child.tag_name().name();
        let heading_level = match (tag, child.attribute("name")) {
            ("chapter", _) => Some(1),
            ("section", _) => Some(2),
            ("hcontainer", Some("subheading")) => Some(3),
            _ => None,
        };
        if let Some(level) = heading_level {
            let heading = children(child).find(|n| n.has_tag_name("heading")).unwrap();
            let mut calls = Vec::new();
            let text = inline(heading, &mut calls, &mut out.footnotes);
            let number = num(child, '.');
            out.blocks
                .push((BlockKind::Heading { level, number }, text, calls));
            body(child, last_numbered, out);
            continue;
        }
        match tag {
            "paragraph" => {
                let number = num(child, '.');
                let wrapper = children(child)
                    .find(|n| n.has_tag_name("content") || n.has_tag_name("intro"))
                    .unwrap();
                let mut calls = Vec::new();
                let p = named(wrapper, "p").unwrap();
                let text = inline(p, &mut calls, &mut out.footnotes);
                if number.is_some() {
                    last_numbered.clone_from(&number);
                }
                out.blocks
                    .push((BlockKind::Paragraph { number }, text, calls));
                body(child, last_numbered, out);
            }
            "list" => {
                for point in children(child) {
                    let label = num(point, ')').unwrap();
                    let mut calls = Vec::new();
                    let p = named(point, "p").unwrap();
                    let text = inline(p, &mut calls, &mut out.footnotes);
                    let kind = BlockKind::Item {
                        label,
                        parent: last_numbered.clone(),
                    };
                    out.blocks.push((kind, text, calls));
                }
            }
            "hcontainer" => {
                // Notes no call placed.
                let p = named(child, "p").unwrap();
                inline(p, &mut Vec::new(), &mut out.footnotes);
            }
            _ => {}
        }
    }
}

/// The AKN read back into the contract's terms.
fn read(xml: &str) -> Reading {
    let tree = roxmltree::Document::parse(xml).expect("well-formed XML");
    let root = tree.root_element();
    let mut out = Reading::default();
    let field = |name: &str| {
        root.descendants()
            .find(|n| n.has_tag_name("container") && n.attribute("name") == Some(name))
            .map(|c| {
                let p = named(c, "p").unwrap().descendants();
                p.filter(|t| t.is_text()).filter_map(|t| t.text()).collect()
            })
    };
    let m = &mut out.metadata;
    m.symbol = field("symbol");
    m.organ = field("organ");
    m.distribution = field("distribution");
    m.date = field("date");
    m.date_iso = named(root, "docDate").map(|d| d.attribute("date").unwrap().to_owned());
    m.original = field("original");
    m.session = field("session");
    m.agenda = field("agenda");
    m.agenda_title = field("agendaTitle");
    m.job = field("job");
    m.subtitle = field("subtitle");
    // ISO 639-2 back to the contract's ISO 639-1, for the six UN languages.
    let language = named(root, "FRBRlanguage").unwrap().attribute("language");
    m.language = match language.unwrap() {
        "und" => None,
        "ara" => Some("ar".into()),
        "eng" => Some("en".into()),
        "fra" => Some("fr".into()),
        "rus" => Some("ru".into()),
        "spa" => Some("es".into()),
        "zho" => Some("zh".into()),
        other => panic!("language {other}"),
    };
    if let Some(title) = named(root, "docTitle") {
        m.title = Some(inline(title, &mut Vec::new(), &mut out.footnotes));
    }
    body(named(root, "mainBody").unwrap(), &mut None, &mut out);
    out.footnotes.sort();
    out
}

/// The first difference between two readings, said briefly.
fn assert_same(read: &Reading, expected: &Reading) {
    assert_eq!(read.metadata, expected.metadata);
    for (i, (a, b)) in read.blocks.iter().zip(&expected.blocks).enumerate() {
        assert_eq!(a, b, "block {i}");
    }
    assert_eq!(read.blocks.len(), expected.blocks.len(), "blocks");
    assert_eq!(read.footnotes, expected.footnotes);
}

/// The AKN of `doc`, both ways, reads back as the JSON; provenance only when kept.
pub fn assert_round_trip(doc: &Document) {
    let kept = doc.to_akn(Provenance::Kept);
    let expected = Reading::of(doc);
    assert_same(&read(&kept), &expected);
    let tree = roxmltree::Document::parse(&kept).unwrap();
    let corrections = tree.descendants().filter(|n| n.has_tag_name("correction"));
    assert_eq!(corrections.count(), doc.corrections.len());
    let dropped = doc.to_akn(Provenance::Dropped);
    assert!(!dropped.contains("proprietary"));
    assert_same(&read(&dropped), &expected);
}

#[test]
fn every_fixture_reads_back_from_its_akn() {
    for name in FIXTURES {
        let doc = clean(&fixture(name), name).document;
        assert!(!doc.blocks.is_empty(), "{name} has blocks");
        assert_round_trip(&doc);
    }
}

#[test]
fn the_seed_report_has_its_chapters_paragraphs_and_notes_in_akn() {
    let name = "A-75-371-fr.ocr.txt";
    let akn = clean(&fixture(name), name)
        .document
        .to_akn(Provenance::Kept);
    for expected in [
        r#"<FRBRlanguage language="fra"/>"#,
        r#"<docNumber>A/75/371</docNumber>"#,
        r#"<chapter eId="chp_I">"#,
        r#"<num>I.</num>"#,
        r#"<paragraph eId="para_12">"#,
        r#"placement="bottom" eId="para_"#,
    ] {
        assert!(akn.contains(expected), "{expected} missing");
    }
}
