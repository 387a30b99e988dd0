//! Whole documents through the pipeline: snapshot, schema, provenance.

use crate::common::{assert_valid, block_texts, clean, clean_as, fixture, FIXTURES};
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
    let texts = block_texts(&doc);
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
    let texts = block_texts(&doc);
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

#[test]
fn a_short_last_line_ends_a_paragraph_without_a_point() {
    // Paragraph 2 ends on a bracket, not a point: its short last line and the capital
    // after the blank line end it. A full line that stops mid-sentence goes on, and
    // so does a name cut by the page break.
    let long = "The Committee considered the reports of the Secretary-General on the work";
    let text = format!(
        "I. Introduction\n\n1. The Committee met twice during the period under review and adopted\nits programme of work for the session.\n\n\
         Sudan and South Sudan (11 June 2004; 26 February 2015)\n\n\
         Adoption of the agenda. The Committee adopted its agenda without a vote and\nproceeded to the items before it.\n\n\
         {long}\n\nof the Organization and took note of them with appreciation.\n"
    );
    let doc = clean(text.as_bytes(), "short-lines").document;
    let texts = block_texts(&doc);
    assert_eq!(
        texts,
        [
            "Introduction",
            "The Committee met twice during the period under review and adopted its programme of work for the session.",
            "Sudan and South Sudan (11 June 2004; 26 February 2015)",
            "Adoption of the agenda. The Committee adopted its agenda without a vote and proceeded to the items before it.",
            &format!("{long} of the Organization and took note of them with appreciation."),
        ]
    );
}

#[test]
fn a_line_cut_on_a_function_word_is_no_heading() {
    let text = "1. The Committee met twice during the period under review and adopted\nits programme of work for the session.\n\n\
                Noting the report of the Secretary-General on the situation in the\n\n\
                region and the recommendations made in it,\n\n2. The Committee adopted its report.\n";
    let doc = clean(text.as_bytes(), "cut-line").document;
    assert!(
        doc.blocks
            .iter()
            .all(|b| !matches!(b.kind, BlockKind::Heading { .. })),
        "{:?}",
        doc.blocks
    );
}

#[test]
fn a_heading_right_after_a_chapter_opens_its_first_section() {
    // `A.` was lost: the heading under chapter I is its first section even though
    // another heading (section B) follows it at once.
    let text = "I. Introduction\n\nMandate and methods of work\n\nB. Scope of the report\n\n1. The Committee met twice during the period under review.\n";
    let doc = clean(text.as_bytes(), "lost-section-letter").document;
    let headings: Vec<(u8, Option<&str>, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, number } => {
                Some((*level, number.as_deref(), b.text.as_str()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            (1, Some("I"), "Introduction"),
            (2, Some("A"), "Mandate and methods of work"),
            (2, Some("B"), "Scope of the report")
        ]
    );
}

#[test]
fn a_scrap_before_a_capital_after_a_sentence_end_opens_a_paragraph() {
    // `7.` read as `xq`: no word, before a capital, after a full stop.
    let text = "6. Therefore, quarterly payments towards the outstanding awards will resume\nin 2016, as the Governing Council decided.\n\n\
                xq Please provide information on the complaints of cases of discrimination\nagainst women.\n\n\
                of the Council, which took note of them.\n";
    let doc = clean_as(ocrmend::Lang::En, text);
    let texts = block_texts(&doc);
    assert_eq!(
        texts,
        [
            "Therefore, quarterly payments towards the outstanding awards will resume in 2016, as the Governing Council decided.",
            "xq Please provide information on the complaints of cases of discrimination against women. of the Council, which took note of them."
        ]
    );
}

#[test]
fn a_one_or_two_letter_scrap_before_a_capital_after_a_sentence_end_opens_a_block() {
    // `I.` read as `i` (a word to the French lexicon, as roman one): the heading is
    // no continuation of the paragraph before it.
    let text = "Malgré les efforts consentis au fil des ans, des allégations continuent d’être\n\
                signalées et le groupe de travail définira le mandat du fonds.\n\n\
                i Question de Chypre\n\n\
                1. Le rapport contient des informations sur le nombre et le type d’allégations\n\
                reçues en 2014 et l’état d’avancement des enquêtes menées.\n";
    let doc = clean_as(ocrmend::Lang::Fr, text);
    let texts = block_texts(&doc);
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[0].ends_with("du fonds."), "{texts:?}");
    // Two letters the same (`ae` for `2.`).
    let text = "1. The work requires complete cooperation with the Red Crescent, the primary\n\
                partner for such work throughout the country.\n\n\
                ae For example, in December 2014, food assistance was delivered to the\n\
                people of the eastern districts.\n";
    let doc = clean_as(ocrmend::Lang::En, text);
    assert_eq!(block_texts(&doc).len(), 2, "{:?}", block_texts(&doc));
    // After a clause's comma too (`aa` a speck before a preamble's next clause).
    let text = "Recordando su resolución 70/1, de 25 de septiembre de 2015, y todas sus\n\
                resoluciones posteriores sobre la cuestión,\n\n\
                aa Reafirmando los propósitos y principios de la Carta de las Naciones Unidas,\n";
    let doc = clean_as(ocrmend::Lang::Es, text);
    assert_eq!(block_texts(&doc).len(), 2, "{:?}", block_texts(&doc));
}

#[test]
fn a_misread_paragraph_number_does_not_hide_the_next_one() {
    // `8.` printed for 3: `4.` after it still opens paragraph 4, and the misread one
    // is paragraph 3 (not a continuation of paragraph 2).
    let text = "2. The Committee met twice during the period under review.\n\n\
                8. The Board adopted its report at the same meeting.\n\n\
                4. The Secretariat provided the documentation in good time.\n\n\
                5. The next session will take place in New York.\n";
    let doc = clean(text.as_bytes(), "misread-number").document;
    let numbers: Vec<Option<&str>> = doc
        .blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Paragraph { number } => number.as_deref(),
            _ => Some("not a paragraph"),
        })
        .collect();
    assert_eq!(numbers, [Some("2"), Some("3"), Some("4"), Some("5")]);
    assert!(block_texts(&doc)[2].starts_with("The Secretariat"));
}

#[test]
fn specks_after_a_sentence_end_do_not_carry_a_paragraph_on() {
    // `_ oe` at the margin after `humanité.`: the chunk after the blank line is a
    // paragraph of its own, not the rest of this one.
    let text = "Le Conseil a fermement condamné l’attaque du 3 janvier contre la localité, qui a\n\
                donné lieu à des massacres à grande échelle relevant du crime contre l’humanité. _ oe\n\n\
                L’Organisation est fondée sur le principe de l’égalité souveraine de tous ses\n\
                membres et sur le règlement des différends internationaux par des moyens\n\
                pacifiques, et elle ne peut être réformée au détriment de ces principes.\n";
    let doc = clean(text.as_bytes(), "specks-after-sentence").document;
    assert_eq!(block_texts(&doc).len(), 2, "{:?}", block_texts(&doc));
}
