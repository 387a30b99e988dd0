//! Whole documents through the pipeline: snapshot, schema, provenance.

use crate::common::{assert_valid, clean, fixture, FIXTURES};
use ocrmend::BlockKind;

#[test]
fn seed_report_snapshot() {
    let doc = clean(&fixture("A-75-371-fr.ocr.txt"), "A-75-371-fr.ocr.txt").document;
    insta::assert_json_snapshot!("A-75-371-fr", doc);
}

#[test]
fn every_fixture_matches_the_schema_and_accounts_for_every_character() {
    for name in FIXTURES {
        let bytes = fixture(name);
        let cleaned = clean(&bytes, name);
        let (doc, input) = (cleaned.document, cleaned.input);
        assert_valid(&doc);
        let missing = doc.unaccounted(&input);
        assert!(
            missing.is_empty(),
            "{name}: {} characters in no span, first at {:?}",
            missing.len(),
            &missing[..missing.len().min(5)]
        );
    }
}

#[test]
fn seed_report_structure() {
    let doc = clean(&fixture("A-75-371-fr.ocr.txt"), "seed").document;
    let numbers: Vec<u32> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph { number: Some(n) } => n.parse().ok(),
            _ => None,
        })
        .collect();
    assert_eq!(
        numbers,
        (1..=91).collect::<Vec<_>>(),
        "paragraphs run 1 to 91 with none lost or repeated"
    );
    let m = &doc.metadata;
    assert_eq!(m.symbol.as_deref(), Some("A/75/371"));
    assert_eq!(m.job.as_deref(), Some("20-12800"));
    assert_eq!(m.date_iso.as_deref(), Some("2020-09-30"));
    assert_eq!(m.title.as_deref(), Some("État de la coopération Sud-Sud"));
    assert_eq!(m.agenda.as_deref(), Some("Point 25 b) de l’ordre du jour"));
    // Headings the OCR lost the numeral of come back from the sequence.
    let heads: Vec<(u8, Option<&str>)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, number } => Some((*level, number.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        &heads[..5],
        &[
            (1, None),
            (1, Some("I")),
            (1, Some("II")),
            (2, Some("A")),
            (2, Some("B"))
        ]
    );
    // Footnote 1 is called from paragraph 7, after `(CEPALC)`.
    let p7 = doc
        .blocks
        .iter()
        .find(|b| {
            b.kind
                == BlockKind::Paragraph {
                    number: Some("7".into()),
                }
        })
        .unwrap();
    let call = &p7.notes[0];
    assert_eq!(call.number, "1");
    assert!(p7.text[..p7.text.char_indices().nth(call.offset).unwrap().0].ends_with("(CEPALC)"));
    assert!(doc.footnotes.iter().any(|f| f.number == "*"));
    assert!(doc.removed.iter().any(|r| r.reason == "link-target"));
    assert!(doc
        .removed
        .iter()
        .any(|r| r.reason == "page-footer" && r.text.contains("20-12800")));
}

#[test]
fn crlf_and_lf_give_the_same_blocks() {
    let lf = fixture("fr-dev1.ocr.txt");
    let crlf = String::from_utf8(lf.clone()).unwrap().replace('\n', "\r\n");
    let a = clean(&lf, "x").document;
    let b = clean(crlf.as_bytes(), "x").document;
    let texts = |d: &ocrmend::Document| {
        d.blocks
            .iter()
            .map(|b| (b.kind.clone(), b.text.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&a), texts(&b));
}

#[test]
fn preamble_clauses_are_paragraphs_of_their_own() {
    let text = "The General Assembly,\n\nRecalling its resolution 74/1 of 2 October 2019 on the situation in the region,\n\nNoting with appreciation the work done by the Secretary-General and his Special Envoy,\n\n1. Decides to keep the matter under review.\n";
    let doc = clean(text.as_bytes(), "preamble").document;
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The General Assembly,",
            "Recalling its resolution 74/1 of 2 October 2019 on the situation in the region,",
            "Noting with appreciation the work done by the Secretary-General and his Special Envoy,",
            "Decides to keep the matter under review."
        ]
    );
}

#[test]
fn scanner_streaks_shaped_like_headings_are_noise() {
    let text = "I. Introduction of the report\n\n1. The Committee met twice during the period under review.\n\nSh UU NN\n\nI so eee\n\n2. The Committee adopted its report.\n";
    let doc = clean(text.as_bytes(), "streaks").document;
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Introduction of the report",
            "The Committee met twice during the period under review.",
            "The Committee adopted its report."
        ]
    );
    let noise: Vec<&str> = doc
        .removed
        .iter()
        .filter(|r| r.reason == "noise")
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(noise, ["Sh UU NN", "I so eee"]);
}
