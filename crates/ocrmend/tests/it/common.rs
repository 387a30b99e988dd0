//! Shared checks for the integration tests.

use ocrmend::{Cleaned, Document};

pub use crate::fixtures::{fixture, root, FIXTURES};

/// `bytes` cleaned with the default options and named `name`, as the command line does.
pub fn clean(bytes: &[u8], name: &str) -> Cleaned {
    let mut cleaned = ocrmend::clean(bytes, &ocrmend::Options::default()).expect("text");
    cleaned.document.source.path = name.to_owned();
    cleaned
}

/// `text` cleaned as language `lang` (the lexicon's rules need to know it).
pub fn clean_as(lang: ocrmend::Lang, text: &str) -> Document {
    let options = ocrmend::Options {
        lang: Some(lang),
        ..ocrmend::Options::default()
    };
    ocrmend::clean(text.as_bytes(), &options)
        .expect("text")
        .document
}

/// The text of each block of `doc`, in order.
pub fn block_texts(doc: &Document) -> Vec<&str> {
    doc.blocks.iter().map(|b| b.text.as_str()).collect()
}

/// Validate a document against the published JSON Schema; panics with the errors.
pub fn assert_valid(doc: &Document) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/ocrmend-1.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let instance = serde_json::to_value(doc).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
}
