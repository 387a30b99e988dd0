//! Invariants on any input: no panic, every input character accounted for, and the
//! Akoma Ntoso rendering reads back as the JSON.

use crate::common::fixture;
use proptest::prelude::*;

/// Lines in the shapes OCR gives: prose, numbers, headings, notes, furniture, noise.
fn ocr_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zéèàç’ ]{0,90}",
        "[0-9]{1,3}[.,;]? [A-Z][a-z ]{0,60}",
        "[IVXl]{1,4}\\. [A-Z][a-z ]{0,40}",
        "[a-f]\\) [a-z ;]{0,50}",
        "[©®%=~*’'-]{1,3}",
        "A/[0-9]{2}/[0-9]{3}",
        "[0-9]{2}-[0-9]{5} [0-9]{1,2}/[0-9]{2}",
        " [A-Z][a-z -]{0,80}",
        "\u{c}",
        "",
        ".{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_is_cleaned_without_loss(lines in prop::collection::vec(ocr_line(), 0..60)) {
        let raw = lines.join("\n");
        // `.{0,40}` may draw control codes: binary is refused, and that is all.
        let cleaned = ocrmend::clean(raw.as_bytes(), &Default::default());
        prop_assume!(cleaned.is_ok());
        let cleaned = cleaned.expect("text");
        // Offsets index the decoded text (a leading BOM dropped).
        let missing = cleaned.document.unaccounted(&cleaned.input);
        prop_assert!(missing.is_empty(), "characters in no span: {:?}", missing);
        crate::akn::assert_round_trip(&cleaned.document);
    }

    #[test]
    fn any_bytes_are_cleaned_without_panic_or_loss(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        // Binary is refused with a reason; whatever decodes loses nothing.
        if let Ok(cleaned) = ocrmend::clean(&bytes, &Default::default()) {
            prop_assert!(cleaned.document.unaccounted(&cleaned.input).is_empty());
            crate::akn::assert_round_trip(&cleaned.document);
        }
    }

    #[test]
    fn cut_fixtures_are_cleaned_without_loss(start in 0usize..60_000, len in 0usize..8_000) {
        let seed = String::from_utf8(fixture("A-75-371-fr.ocr.txt")).unwrap();
        let chars: Vec<char> = seed.chars().collect();
        let start = start.min(chars.len());
        let input: String = chars[start..(start + len).min(chars.len())].iter().collect();
        let doc = ocrmend::clean_str(&input, &Default::default()).expect("text").document;
        prop_assert!(doc.unaccounted(&input).is_empty());
        crate::akn::assert_round_trip(&doc);
    }
}
