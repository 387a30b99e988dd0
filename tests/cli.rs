//! The command line, end to end.

use std::process::Command;

fn ocrmend(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ocrmend"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn clean_writes_json_text_and_markdown() {
    let (ok, json, _) = ocrmend(&["clean", "fixtures/A-75-371-fr.ocr.txt"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "ocrmend/1");
    assert_eq!(v["metadata"]["symbol"], "A/75/371");

    let (ok, text, _) = ocrmend(&["clean", "--format", "text", "fixtures/A-75-371-fr.ocr.txt"]);
    assert!(ok);
    assert!(text.contains("1. Les États Membres"));
    assert!(
        !text.contains("20-12800"),
        "furniture stays out of the text"
    );

    let (ok, md, _) = ocrmend(&[
        "clean",
        "--format",
        "markdown",
        "fixtures/A-75-371-fr.ocr.txt",
    ]);
    assert!(ok);
    assert!(md.contains("## I. Introduction"));
    assert!(md.contains("(CEPALC)[^1]"));
    assert!(md.contains("[^1]: Voir LC/SES.37/8/Corr.1."));
}

#[test]
fn output_file_and_missing_input() {
    let out = std::env::temp_dir().join("ocrmend-cli-test.json");
    let (ok, stdout, _) = ocrmend(&[
        "clean",
        "fixtures/en-dev1.ocr.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(ok && stdout.is_empty());
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("\"General Assembly\""));
    let (ok, _, err) = ocrmend(&["clean", "no/such/file.txt"]);
    assert!(!ok);
    assert!(err.contains("cannot read no/such/file.txt"));
}
