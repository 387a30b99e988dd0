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
    // One U+FFFD for each maximal invalid subsequence, as every standard decoder does.
    assert_eq!(warnings.len(), 2);
    assert!(warnings.iter().all(|w| w.span.is_some()));
}

/// Every text a document carries: blocks, footnotes, metadata values.
fn every_text(doc: &ocrmend::Document) -> String {
    let mut all = blocks(doc).join("\n");
    for f in &doc.footnotes {
        all.push_str(&f.text);
    }
    all.push_str(&serde_json::to_string(&doc.metadata).unwrap());
    all
}

/// The text `span` of `input` points at, in characters.
fn at(input: &str, span: [usize; 2]) -> String {
    input
        .chars()
        .skip(span[0])
        .take(span[1] - span[0])
        .collect()
}

#[test]
fn utf8_with_a_few_bad_bytes_or_a_latin1_half_stays_utf8() {
    let seed = String::from_utf8(fixture("fr-dev1.ocr.txt")).unwrap();
    // One bad byte in a file with few accents: still UTF-8, not windows-1252 mojibake.
    let mut bytes = b"Rapport du Comit\xC3\xA9 sur la situation.\n".to_vec();
    bytes.extend_from_slice(b"Les travaux se poursuivent \xFF selon le plan.\n");
    let doc = clean(&bytes);
    assert_eq!(doc.source.encoding, "utf-8");
    assert!(every_text(&doc).contains("Comité"), "{}", every_text(&doc));
    // The first half UTF-8, the second Latin-1: both halves read right.
    let (first, second) =
        seed.split_at(seed.char_indices().nth(seed.chars().count() / 2).unwrap().0);
    let mut mixed = first.as_bytes().to_vec();
    let latin: String = second.chars().filter(|&c| (c as u32) < 0x100).collect();
    mixed.extend(encoding_rs::WINDOWS_1252.encode(&latin).0.iter());
    let doc = clean(&mixed);
    assert_eq!(doc.source.encoding, "utf-8");
    let text = every_text(&doc);
    assert!(
        !text.contains('\u{FFFD}') && !text.contains("Ã"),
        "no mojibake"
    );
    let reference = clean(format!("{first}{latin}").as_bytes());
    assert_eq!(blocks(&doc), blocks(&reference));
}

#[test]
fn offsets_follow_the_standard_decoder_one_replacement_per_invalid_subsequence() {
    // Adjacent invalid sequences (`F0 80 80` is three, `FF FE` two) early in the seed:
    // every later correction must still point at its word.
    let mut bytes = b"\xF0\x80\x80\xFF\xFE\xED\xA0\x80\n".to_vec();
    bytes.extend(fixture("A-75-371-fr.ocr.txt"));
    let options = ocrmend::Options::default();
    let cleaned = ocrmend::clean(&bytes, &options).unwrap();
    assert_eq!(cleaned.input, String::from_utf8_lossy(&bytes));
    assert_eq!(
        cleaned.input,
        encoding_rs::UTF_8.decode_without_bom_handling(&bytes).0
    );
    assert!(cleaned.input.starts_with(&"\u{FFFD}".repeat(8)));
    let doc = &cleaned.document;
    assert_eq!(doc.source.chars, cleaned.input.chars().count());
    assert!(doc.corrections.len() > 100);
    for c in &doc.corrections {
        assert_eq!(at(&cleaned.input, c.span), c.before, "{c:?}");
    }
    for r in &doc.removed {
        assert_eq!(at(&cleaned.input, r.span), r.text, "{r:?}");
    }
}

#[test]
fn a_warning_span_ends_before_the_nuls_after_its_byte() {
    // Found by the decode fuzz target: a Latin-1 byte read as `å`, then a NUL left
    // out; the warning's span took the NUL too.
    let bytes = b"\xE5\0m\0o\0i\0s\0 \0d\0\x19 a\0v\0r\0\xE6\x9C\xAC\xE6\x8A\xA5\xE5\x91\x8A\n";
    let cleaned = ocrmend::clean(bytes, &Default::default()).unwrap();
    let invalid: Vec<_> = cleaned
        .document
        .warnings
        .iter()
        .filter(|w| w.code == "invalid-bytes")
        .collect();
    assert!(!invalid.is_empty());
    for w in invalid {
        assert_eq!(at(&cleaned.input, w.span.unwrap()), "\u{FFFD}", "{w:?}");
    }
}

#[test]
fn removed_text_holds_no_nul() {
    // Found by the decode fuzz target: a UTF-16 masthead line holding a NUL code unit
    // was quoted into `removed` with it.
    let text = "Nations Unies A/80/318\n\nDistr.\0 générale\n\nle climat\0 change\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let cleaned = ocrmend::clean(&bytes, &Default::default()).unwrap();
    assert_eq!(cleaned.document.source.encoding, "utf-16le");
    let json = serde_json::to_string(&cleaned.document).unwrap();
    assert!(!json.contains("\\u0000"), "{json}");
    assert!(cleaned.document.removed.iter().any(|r| r.reason == "nul"));
}

#[test]
fn nfd_text_comes_out_as_its_nfc_twin() {
    use unicode_normalization::UnicodeNormalization;
    let seed = String::from_utf8(fixture("A-75-371-fr.ocr.txt")).unwrap();
    let nfd: String = seed.nfd().collect();
    assert_ne!(nfd, seed);
    let doc = clean(nfd.as_bytes());
    let reference = clean(seed.as_bytes());
    assert_eq!(blocks(&doc), blocks(&reference));
    assert_eq!(doc.footnotes.len(), reference.footnotes.len());
    assert_eq!(doc.corrections.len(), reference.corrections.len());
    assert!(
        !every_text(&doc).contains('\u{301}'),
        "no combining accent left"
    );
    // Spans index the NFD input: each correction's word, composed, is its `before`.
    for c in &doc.corrections {
        assert_eq!(at(&nfd, c.span).nfc().collect::<String>(), c.before);
    }
}

#[test]
fn nul_padding_invisible_characters_and_controls_leave_the_text() {
    let seed = String::from_utf8(fixture("fr-dev1.ocr.txt")).unwrap();
    let reference = clean(seed.as_bytes());
    // 81 NULs padding the report, zero-width spaces and soft hyphens inside words,
    // a bell: the blocks are those of the clean file.
    let mut dirty = seed.replacen("Conseil", "Con\u{AD}seil", 3);
    dirty = dirty
        .replacen(" de ", " de\u{200B} ", 5)
        .replacen("\n\n", "\n\u{7}\n", 2);
    let mut bytes = dirty.into_bytes();
    bytes.extend(std::iter::repeat_n(0u8, 81));
    let options = ocrmend::Options::default();
    let cleaned = ocrmend::clean(&bytes, &options).expect("NUL padding is not binary");
    let doc = &cleaned.document;
    assert!(doc.unaccounted(&cleaned.input).is_empty());
    assert_eq!(blocks(doc), blocks(&reference));
    let json = serde_json::to_string(doc).unwrap();
    assert!(!json.contains("\\u0000"), "no NUL anywhere in the JSON");
    let reasons: Vec<&str> = doc.removed.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons.iter().filter(|&&r| r == "invisible").count(), 8);
    assert_eq!(reasons.iter().filter(|&&r| r == "control-code").count(), 2);
    let nul = doc.removed.iter().find(|r| r.reason == "nul").unwrap();
    assert_eq!(nul.span[1] - nul.span[0], 81);
}

#[test]
fn utf16_without_a_mark_is_read_in_any_script() {
    let russian = "Генеральная Ассамблея\nДоклад Генерального секретаря\n\n1. Настоящий доклад представляется во исполнение резолюции.\n";
    let chinese = "大会\n秘书长的报告\n\n1. 本报告是根据大会第74/1号决议提交的。\n";
    for (text, paragraph) in [(russian, "Настоящий доклад"), (chinese, "本报告")]
    {
        for big_endian in [false, true] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| {
                    if big_endian {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect();
            let doc = clean(&bytes);
            assert_eq!(
                doc.source.encoding,
                if big_endian { "utf-16be" } else { "utf-16le" }
            );
            assert_eq!(doc.source.chars, text.chars().count());
            assert!(every_text(&doc).contains(paragraph));
        }
    }
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

#[test]
fn too_large_says_what_memory_raising_the_limit_takes() {
    let options = ocrmend::Options {
        max_bytes: 1000,
        ..Default::default()
    };
    let err = ocrmend::clean(&[b'a'; 100_000], &options).unwrap_err();
    assert_eq!(err.kind(), ocrmend::ErrorKind::TooLarge);
    let message = err.to_string();
    assert!(message.contains("over --max-bytes 1000"), "{message}");
    assert!(
        message.contains("times the input in memory, here 4 MB"),
        "{message}"
    );
}
