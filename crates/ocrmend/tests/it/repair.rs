//! The repair stage end to end: clean text passes through untouched, and the seed's
//! damage of each class is repaired.

use crate::common;
use ocrmend::Document;

/// A file of the workspace (`fixtures/…`), cleaned.
fn clean(path: &str) -> Document {
    let bytes = std::fs::read(common::root().join(path)).expect("fixture");
    common::clean(&bytes, path).document
}

#[test]
fn clean_text_in_each_language_gets_no_correction() {
    for (file, lang) in [
        ("fixtures/clean/fr.txt", "fr"),
        ("fixtures/clean/es.txt", "es"),
        ("fixtures/clean/en.txt", "en"),
    ] {
        let doc = clean(file);
        assert_eq!(doc.metadata.language.as_deref(), Some(lang), "{file}");
        let changes: Vec<_> = doc
            .corrections
            .iter()
            .map(|c| format!("{} -> {} ({})", c.before, c.after, c.rule))
            .collect();
        assert!(changes.is_empty(), "{file}: {changes:?}");
        assert!(
            doc.warnings.iter().all(|w| w.code != "correction-withheld"),
            "{file}"
        );
    }
}

/// The hand-made ground truth of the dev documents, where the yardstick is beside
/// the checkout: its text, stripped of the gold markup, is clean text too.
#[test]
fn dev_ground_truth_gets_almost_no_correction() {
    let dev = common::root().join("../shared/eval/dev");
    let Ok(entries) = std::fs::read_dir(&dev) else {
        eprintln!("skipped: no {}", dev.display());
        return;
    };
    let note_call = regex::Regex::new(r"\[\^[^\]]*\](: )?").unwrap();
    for entry in entries.flatten() {
        let Ok(gold) = std::fs::read_to_string(entry.path().join("gold.txt")) else {
            continue;
        };
        let text: String = gold
            .lines()
            .filter(|l| !l.starts_with('%'))
            .map(|l| note_call.replace_all(l.trim_start_matches('#').trim_start(), "") + "\n")
            .collect();
        let doc = common::clean(text.as_bytes(), "gold").document;
        let words = text.split_whitespace().count();
        let rate = doc.corrections.len() as f64 / words as f64;
        assert!(
            rate <= 0.002,
            "{}: {} corrections in {words} words of clean text",
            entry.path().display(),
            doc.corrections.len()
        );
    }
}

/// `(before, after)` pairs of a document's corrections.
fn changed(doc: &Document) -> Vec<(&str, &str)> {
    doc.corrections
        .iter()
        .map(|c| (c.before.as_str(), c.after.as_str()))
        .collect()
}

#[test]
fn the_seed_damage_classes_are_repaired() {
    let doc = clean("fixtures/A-75-371-fr.ocr.txt");
    let changes = changed(&doc);
    for expected in [
        ("systéme", "système"),     // è read as é
        ("Etats", "États"),         // capital accent lost
        ("ceuvre", "œuvre"),        // œ read as ce
        ("regoivent", "reçoivent"), // ç read as g
        ("grace", "grâce"),         // circumflex lost
        ("Caraibes", "Caraïbes"),   // diaeresis lost
        ("a", "à"),                 // the preposition, told by context
        ("A", "À"),                 // at a sentence start
        ("&", "à"),                 // a glyph for à
        ("1’", "l’"),               // l read as 1
        ("’", "l’"),                // the l of an elision lost
        ("cing", "cinq"),           // q read as g
    ] {
        assert!(
            changes.contains(&expected),
            "{expected:?} not among the corrections"
        );
    }
    // `a` stays where it is the verb: before a participle or after its subject.
    let text: String = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(text.contains("OIM a contribué à accroître"));
    assert!(doc.corrections.iter().all(|c| c.confidence >= 0.6));
}

#[test]
fn the_spanish_damage_classes_are_repaired() {
    let doc = clean("fixtures/es-dev1.ocr.txt");
    let changes = changed(&doc);
    for expected in [
        ("resolucion", "resolución"), // accent lost
        ("adaptacidn", "adaptación"), // ó read as d
        ("nifios", "niños"),          // ñ read as fi
        ("estd", "está"),             // á read as d
        ("mas", "más"),               // context: not after a comma
        ("0", "o"),                   // the conjunction read as a digit
        ("EI", "El"),                 // l read as I
    ] {
        assert!(
            changes.contains(&expected),
            "{expected:?} not among the corrections"
        );
    }
}

#[test]
fn a_passage_in_another_language_is_left_alone() {
    let text = "1. Le rapport du Secrétaire général sur le système des Nations Unies pour le \
        développement rend compte des progrès accomplis par les États Membres dans la mise en \
        œuvre du programme et des activités de coopération dans la région.\n\n\
        2. Le rapport cite la déclaration suivante : « The General Assembly decided to continue \
        its work and to create a new programme for the development of the region », puis conclut \
        que les États Membres doivent agir a la fois pour la paix et pour le développement.\n";
    let doc = common::clean(text.as_bytes(), "mixed").document;
    assert_eq!(doc.metadata.language.as_deref(), Some("fr"));
    assert_eq!(changed(&doc), [("a", "à")], "only the French `a la fois`");
}

#[test]
fn the_masthead_names_the_language_when_the_text_is_too_short_to_tell() {
    // The seed's masthead down to its subtitle: too few function words to tell.
    let seed = String::from_utf8(common::fixture("A-75-371-fr.ocr.txt")).unwrap();
    let masthead: String = seed.lines().take(23).map(|l| format!("{l}\n")).collect();
    let text = format!("{masthead}\n1. Le systéme.\n");
    let doc = common::clean(text.as_bytes(), "short").document;
    assert_eq!(doc.metadata.language.as_deref(), Some("fr"));
    assert!(changed(&doc).contains(&("systéme", "système")));
    // Without the masthead the text alone is too short to tell.
    let alone = common::clean("1. Le systéme.\n".as_bytes(), "alone").document;
    assert!(alone.corrections.is_empty());
}
