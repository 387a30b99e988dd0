//! Hostile input: other encodings, binary, huge and structureless text. Nothing
//! panics, nothing is lost, and what is refused says why.

use crate::common::fixture;

fn clean(bytes: &[u8]) -> ocrmend::Document {
    let options = ocrmend::Options {
        max_bytes: u64::MAX,
        ..Default::default()
    };
    let cleaned = ocrmend::clean(bytes, &options).expect("text");
    let doc = cleaned.document;
    assert!(
        doc.unaccounted(&cleaned.input).is_empty(),
        "every character accounted for"
    );
    doc
}

/// The seed as text of every block, for comparing runs.
fn blocks(doc: &ocrmend::Document) -> Vec<String> {
    doc.blocks.iter().map(|b| b.text.clone()).collect()
}

#[test]
fn the_seed_in_utf16_and_windows_1252_gives_the_same_blocks() {
    let utf8 = String::from_utf8(fixture("A-75-371-fr.ocr.txt")).unwrap();
    let reference = clean(utf8.as_bytes());

    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend(utf8.encode_utf16().flat_map(u16::to_le_bytes));
    let doc = clean(&utf16);
    assert_eq!(doc.source.encoding, "utf-16le");
    assert_eq!(blocks(&doc), blocks(&reference));

    // The seed has characters Windows-1252 cannot hold; its Latin text can.
    let latin: String = utf8
        .chars()
        .filter(|&c| (c as u32) < 0x100 || c == '’' || c == 'œ')
        .collect();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&latin);
    assert!(!unmappable);
    let doc = clean(&bytes);
    assert_eq!(doc.source.encoding, "windows-1252");
    assert_eq!(blocks(&doc), blocks(&clean(latin.as_bytes())));
}

#[test]
fn bad_bytes_are_replaced_and_reported_with_their_span() {
    let mut bytes = fixture("fr-dev1.ocr.txt");
    let at = bytes.len() / 2;
    bytes.splice(at..at, [0xFF, 0xFE]);
    let doc = clean(&bytes);
    assert_eq!(doc.source.encoding, "utf-8");
    let warnings: Vec<_> = doc
        .warnings
        .iter()
        .filter(|w| w.code == "invalid-bytes")
        .collect();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].span.is_some());
}

#[test]
fn text_with_no_structure_comes_out_as_unnumbered_paragraphs() {
    let prose =
        "Le développement durable exige une coopération renforcée entre les pays. ".repeat(40);
    let table = (1..200)
        .map(|n| format!("{n} {} {}\n", n * 7, n * 13))
        .collect::<String>();
    for text in [prose, table] {
        let doc = clean(text.as_bytes());
        assert!(!doc.blocks.is_empty());
        use ocrmend::BlockKind;
        assert!(
            doc.blocks
                .iter()
                .all(|b| matches!(b.kind, BlockKind::Paragraph { number: None })),
            "unnumbered paragraphs only"
        );
    }
}

#[test]
fn huge_and_absurd_inputs_run_in_linear_time() {
    // A 4 MB line, 10,000 pages, 10,000 notes, absurd numbers: all must finish (a
    // quadratic step would take hours here) and lose nothing.
    let line = "le système a contribué à la coopération ".repeat(100_000);
    clean(line.as_bytes());
    let pages: String = (1..=10_000)
        .map(|p| format!("A/75/371\n\n{p}. Le système a contribué.\n\n20-12800 {p}/10000\x0c"))
        .collect();
    clean(pages.as_bytes());
    let body = "Les États Membres ont renforcé la coopération Sud-Sud et triangulaire dans\n\
                les domaines de la santé, de l’éducation et de l’agriculture durable, selon\n\
                les rapports reçus des entités du système des Nations Unies pour le\n";
    // Printed note numbers have at most three digits: they run 1–999 and again.
    let notes: String = (1..=10_000)
        .map(|n| {
            let printed = n % 1000;
            format!("{n}. {body}développement durable{printed}.\n\n{printed} Voir la résolution {n}/2020.\n\x0c")
        })
        .collect();
    let doc = clean(notes.as_bytes());
    assert_eq!(doc.footnotes.len(), 10_000);
    let absurd = "99999999999999999999. Texte.\n\n1. Texte.\n\n4294967296. Texte.\n\nI. Titre\n\nMMMMMMMMMM. Titre\n";
    clean(absurd.as_bytes());
}
