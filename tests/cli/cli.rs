//! The command line, end to end.

use std::process::Command;

use crate::run;

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
fn clean_writes_json_text_markdown_and_akn() {
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

    let (ok, akn, _) = ocrmend(&["clean", "--format", "akn", "fixtures/A-75-371-fr.ocr.txt"]);
    assert!(ok);
    assert!(akn.contains("<docNumber>A/75/371</docNumber>"));
    assert!(akn.contains(r#"<authorialNote marker="1" placement="bottom" eId="para_7__authorialNote_1"><p>Voir LC/SES.37/8/Corr.1.</p></authorialNote>"#));
    assert!(akn.contains("<ocrmend:correction "));
    let (ok, bare, _) = ocrmend(&[
        "clean",
        "--format",
        "akn",
        "--no-provenance",
        "fixtures/A-75-371-fr.ocr.txt",
    ]);
    assert!(ok && !bare.contains("ocrmend:correction") && bare.contains("<docNumber>"));
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

#[test]
fn score_one_document_and_a_folder() {
    let dir = std::env::temp_dir().join("ocrmend-cli-score");
    let (gold_dir, result_dir) = (dir.join("gold"), dir.join("results"));
    std::fs::create_dir_all(&gold_dir).unwrap();
    std::fs::create_dir_all(&result_dir).unwrap();
    for id in ["en-dev1", "es-dev1"] {
        let input = format!("fixtures/{id}.ocr.txt");
        let (ok, json, _) = ocrmend(&["clean", &input]);
        assert!(ok);
        std::fs::write(result_dir.join(format!("{id}.json")), json).unwrap();
        let (ok, gold, _) = ocrmend(&["clean", "--format", "gold", &input]);
        assert!(ok && gold.starts_with("%symbol "));
        std::fs::write(gold_dir.join(format!("{id}.gold.txt")), gold).unwrap();
    }
    let gold = gold_dir.join("en-dev1.gold.txt");
    let result = result_dir.join("en-dev1.json");
    let (ok, out, _) = ocrmend(&[
        "score",
        gold.to_str().unwrap(),
        result.to_str().unwrap(),
        "--ocr",
        "fixtures/en-dev1.ocr.txt",
        "--json",
    ]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["paragraphs_f1"], 1.0);
    assert_eq!(v["damage_rate"], 0.0);

    let (ok, table, _) = ocrmend(&[
        "score",
        "--gold-dir",
        gold_dir.to_str().unwrap(),
        "--result-dir",
        result_dir.to_str().unwrap(),
    ]);
    assert!(ok);
    assert!(table.contains("en-dev1") && table.contains("es-dev1"));
    assert!(table.contains("micro") && table.contains("macro"));

    let (ok, _, err) = ocrmend(&["score", gold.to_str().unwrap(), "no/such.json"]);
    assert!(!ok && err.contains("cannot read no/such.json"));
}

#[test]
fn review_writes_one_self_contained_page() {
    let (ok, html, _) = ocrmend(&["review", "fixtures/en-dev1.ocr.txt"]);
    assert!(ok);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<script>"));
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
    let (_, json, _) = ocrmend(&["clean", "fixtures/en-dev1.ocr.txt"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        html.matches("class=\"correction\"").count(),
        doc["corrections"].as_array().unwrap().len()
    );
}

#[test]
fn diff_reads_results_and_snapshots() {
    let snap = "crates/ocrmend/tests/it/snapshots/it__pipeline__A-75-371-fr.snap";
    let (ok, out, _) = ocrmend(&["diff", snap, snap]);
    assert!(ok);
    assert!(out.starts_with("blocks: 0 added, 0 removed, 0 changed"));
    let json = std::env::temp_dir().join("ocrmend-cli-diff.json");
    let (ok, _, _) = ocrmend(&[
        "clean",
        "fixtures/A-75-371-fr.ocr.txt",
        "-o",
        json.to_str().unwrap(),
    ]);
    assert!(ok);
    let (ok, out, _) = ocrmend(&["diff", snap, json.to_str().unwrap(), "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["blocks"].as_array().unwrap().len(),
        0,
        "the snapshot is current"
    );
    let (ok, _, err) = ocrmend(&["diff", "Cargo.toml", snap]);
    assert!(!ok && err.contains("Cargo.toml: not an ocrmend/1 document"));
}

#[test]
fn diff_exit_code_says_whether_anything_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.json"), dir.path().join("new.json"));
    let seed = std::fs::read_to_string("fixtures/A-75-371-fr.ocr.txt").unwrap();
    let moved = dir.path().join("moved.txt");
    // One word early in the report: every later span moves, no correction changes.
    std::fs::write(
        &moved,
        seed.replacen("Les Etats Membres n’ont", "Les Etats Membres x n’ont", 1),
    )
    .unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    assert_eq!(
        run(&["clean", "fixtures/A-75-371-fr.ocr.txt", "-o", old], b"").code,
        0
    );
    assert_eq!(
        run(&["clean", moved.to_str().unwrap(), "-o", new], b"").code,
        0
    );

    let same = run(&["diff", "--exit-code", old, old], b"");
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert_eq!(run(&["diff", old, new], b"").code, 0, "without --exit-code");
    let changed = run(&["diff", "--exit-code", "--json", old, new], b"");
    assert_eq!(changed.code, 1, "{}", changed.stderr);
    let v: serde_json::Value = serde_json::from_str(&changed.stdout).unwrap();
    assert_eq!(v["blocks"].as_array().unwrap().len(), 1);
    for list in ["gained", "lost", "changed"] {
        assert_eq!(v["corrections"][list], serde_json::json!([]), "{list}");
    }
    let missing = run(&["diff", "--exit-code", old, "no/such.json"], b"");
    assert_eq!(missing.code, 2, "could not run");
    assert!(missing.stderr.contains("cannot read no/such.json"));
}

#[test]
fn binary_is_refused_by_the_cli_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.txt");
    std::fs::write(&pdf, b"%PDF-1.4\n\x00\x01\x02\x00\x00\x00stream\x00\x00").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ocrmend"))
        .args(["clean", pdf.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("binary") && stderr.contains("give the OCR text"),
        "{stderr}"
    );
}

#[test]
fn clean_of_a_folder_points_to_batch() {
    let (ok, _, err) = ocrmend(&["clean", "fixtures"]);
    assert!(!ok);
    assert!(
        err.contains("fixtures is a folder: use `ocrmend batch fixtures --out OUT`"),
        "{err}"
    );
    let (ok, _, err) = ocrmend(&["review", "fixtures"]);
    assert!(!ok && err.contains("is a folder"), "{err}");
}

/// Runs `ocrmend args` with its stdout (or its stderr) a pipe whose reading end is
/// closed before `stdin` is written, so a command that reads its input from stdin
/// first gets EPIPE on every write to it; returns the status and the other stream.
fn with_a_closed_pipe(args: &[&str], stdin: &[u8], close_stdout: bool) -> (i32, String) {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ocrmend"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (stdout, stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let mut open: Box<dyn Read + Send> = if close_stdout {
        drop(stdout);
        Box::new(stderr)
    } else {
        drop(stderr);
        Box::new(stdout)
    };
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        open.read_to_end(&mut text).unwrap();
        text
    });
    let mut pipe = child.stdin.take().unwrap();
    let _ = std::io::Write::write_all(&mut pipe, stdin);
    drop(pipe);
    let status = child.wait().unwrap();
    let text = reader.join().unwrap();
    (
        status.code().unwrap(),
        String::from_utf8_lossy(&text).into_owned(),
    )
}

#[test]
fn a_closed_stdout_or_stderr_ends_quietly_not_in_a_panic() {
    // `ocrmend clean big.txt | head -1`: quiet, with the status of a SIGPIPE death.
    let ocr = std::fs::read("fixtures/en-dev1.ocr.txt").unwrap();
    let (code, stderr) = with_a_closed_pipe(&["clean", "-"], &ocr, true);
    assert_eq!(code, 141, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let (code, stderr) = with_a_closed_pipe(&["clean", "--format", "text", "-"], &ocr, true);
    assert_eq!((code, stderr.as_str()), (141, ""));
    let (code, stderr) = with_a_closed_pipe(&["review", "-"], &ocr, true);
    assert_eq!((code, stderr.as_str()), (141, ""));

    // A message for a closed stderr is dropped; the status stays the command's.
    let (code, _) = with_a_closed_pipe(&["clean", "-"], b"%PDF-1.4\n\x00\x01\x02\x00", false);
    assert_eq!(code, 1);
    let (code, stdout) = with_a_closed_pipe(&["clean", "-"], &ocr, false);
    assert_eq!(code, 0);
    assert!(stdout.starts_with('{'));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (code, _) = with_a_closed_pipe(
        &["batch", "fixtures", "--out", out.to_str().unwrap()],
        b"",
        false,
    );
    assert_eq!(code, 0, "the summary goes nowhere, the batch succeeds");
    let (code, _) = with_a_closed_pipe(
        &[
            "batch",
            "fixtures/missing.txt",
            "--out",
            out.to_str().unwrap(),
        ],
        b"",
        false,
    );
    assert_eq!(code, 2);

    // The stream: stops at the first result it cannot hand over.
    let record = serde_json::json!({"id": 1, "text": "General Assembly\n"}).to_string() + "\n";
    let (code, stderr) =
        with_a_closed_pipe(&["batch", "--jsonl"], record.repeat(50).as_bytes(), true);
    assert_eq!((code, stderr.as_str()), (141, ""));
    let (code, stdout) = with_a_closed_pipe(&["batch", "--jsonl"], b"not json\n", false);
    assert_eq!(code, 1);
    assert!(stdout.contains("\"error\""), "{stdout}");
}

#[test]
fn lang_names_the_language_of_a_text_too_short_to_tell() {
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("short.txt");
    std::fs::write(
        &short,
        "1. Les Etats Membres ont décidé de renforcer le systéme.\n",
    )
    .unwrap();
    let path = short.to_str().unwrap();
    let (ok, auto, _) = ocrmend(&["clean", path]);
    assert!(ok);
    let auto: serde_json::Value = serde_json::from_str(&auto).unwrap();
    assert!(auto["warnings"]
        .to_string()
        .contains("language-not-repaired"));
    assert_eq!(auto["corrections"].as_array().unwrap().len(), 0);
    let (ok, fr, _) = ocrmend(&["clean", path, "--lang", "fr", "--format", "text"]);
    assert!(ok);
    assert_eq!(
        fr,
        "1. Les États Membres ont décidé de renforcer le système.\n\n"
    );
    let (ok, _, err) = ocrmend(&["clean", path, "--lang", "de"]);
    assert!(
        !ok && err.contains("possible values: auto, fr, es, en"),
        "{err}"
    );
}

#[test]
fn completions_and_the_manual_page_are_printed() {
    for shell in ["bash", "zsh", "fish"] {
        let (ok, script, _) = ocrmend(&["completions", shell]);
        assert!(
            ok && script.contains("batch") && script.contains("lang"),
            "{shell}"
        );
    }
    let (ok, page, _) = ocrmend(&["man"]);
    assert!(ok && page.contains(".TH ocrmend 1") && page.contains("clean"));
}

#[test]
fn every_subcommand_shows_an_example_in_its_help() {
    for command in ["clean", "batch", "diff", "review", "score"] {
        let (ok, help, _) = ocrmend(&[command, "--help"]);
        assert!(ok, "{command}");
        let example = help.split("Example").nth(1).unwrap_or_default();
        assert!(
            example.contains(&format!("ocrmend {command}")),
            "{command}: {help}"
        );
    }
    let (_, help, _) = ocrmend(&["score", "--help"]);
    assert!(help.contains("docs/GOLD_FORMAT.md") && help.contains("docs/CONTRACT.md"));
}

#[test]
fn confidences_have_three_decimals_at_most() {
    let (ok, json, _) = ocrmend(&["clean", "fixtures/A-75-371-fr.ocr.txt"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let corrections = v["corrections"].as_array().unwrap();
    assert!(!corrections.is_empty());
    for c in corrections {
        let written = c["confidence"].to_string();
        let decimals = written.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 3, "{written}");
    }
}
