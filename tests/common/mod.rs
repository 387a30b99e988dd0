//! Shared checks for the integration tests.
#![allow(dead_code)] // each test binary uses its own part of this module

use ocrmend::document::Document;

/// The fixture documents: the seed report and three synthetic scans (fr, es, en).
pub const FIXTURES: [&str; 4] = [
    "A-75-371-fr.ocr.txt",
    "fr-dev1.ocr.txt",
    "es-dev1.ocr.txt",
    "en-dev1.ocr.txt",
];

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture exists")
}

/// Validate a document against the published JSON Schema; panics with the errors.
pub fn assert_valid(doc: &Document) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/schema/ocrmend-1.schema.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
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
