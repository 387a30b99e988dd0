//! The workspace's fixture documents, for the library's tests and the command line's.
#![allow(dead_code)] // each test binary uses its own part

use std::path::PathBuf;

/// The fixture documents: the seed report and three synthetic scans (fr, es, en).
pub const FIXTURES: [&str; 4] = [
    "A-75-371-fr.ocr.txt",
    "fr-dev1.ocr.txt",
    "es-dev1.ocr.txt",
    "en-dev1.ocr.txt",
];

/// The workspace's root folder (fixtures, schema, dictionaries): where Cargo.lock is,
/// from any of its packages.
pub fn root() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("Cargo.lock").is_file())
        .expect("the tests run inside the workspace")
        .to_path_buf()
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("fixtures").join(name)).expect("fixture exists")
}
