//! `ocrmend score`: a result scored against its own gold rendering is perfect, and the
//! scores agree with the yardstick's score.py on the dev documents when it is here.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::fixtures::{fixture, FIXTURES};
use crate::run;

#[test]
fn a_result_scores_perfectly_against_its_own_gold() {
    for name in FIXTURES {
        let doc = ocrmend::clean(&fixture(name), &Default::default())
            .expect("text")
            .document;
        let gold = doc.to_gold();
        let json = serde_json::to_string(&doc).unwrap();
        let s = ocrmend_eval::score::score(&gold, ocrmend_eval::score::Output::Json(&json), None)
            .unwrap();
        for (metric, m) in &s.measures {
            let want = if metric.ends_with("cer") || metric.ends_with("wer") {
                0.0
            } else {
                1.0
            };
            assert_eq!(m.value(), want, "{name}: {metric}");
        }
    }
}

#[test]
fn bars_fail_the_run_under_or_over_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    for id in ["en-dev1", "es-dev1"] {
        let input = format!("fixtures/{id}.ocr.txt");
        let json = run(&["clean", &input, "-o", &path(&format!("{id}.json"))], b"");
        let gold = run(&["clean", &input, "--format", "gold"], b"");
        assert_eq!((json.code, gold.code), (0, 0));
        std::fs::write(path(&format!("{id}.gold.txt")), gold.stdout).unwrap();
    }
    let (gold, result) = (path("en-dev1.gold.txt"), path("en-dev1.json"));
    // `bars`: the --fail-under and --fail-over arguments, one string.
    let score = |result: &str, bars: &str| {
        let args = ["score", &gold, result, "--ocr", "fixtures/en-dev1.ocr.txt"];
        let bars: Vec<&str> = bars.split_whitespace().collect();
        run(&[&args[..], &bars].concat(), b"")
    };
    let cleared = score(
        &result,
        "--fail-under fix_rate=0.9 --fail-under paragraphs_f1=0.95 --fail-over damage_rate=0.01",
    );
    assert_eq!(cleared.code, 0, "{}", cleared.stderr);
    assert!(cleared.stdout.contains("paragraphs_f1"), "scores printed");

    // The Spanish result against the English gold: its paragraphs are all wrong.
    let missed = score(
        &path("es-dev1.json"),
        "--fail-under paragraphs_f1=0.95 --fail-over cer=0.05",
    );
    assert_eq!(missed.code, 1, "{}", missed.stderr);
    let said: Vec<&str> = missed.stderr.lines().collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].starts_with("ocrmend: paragraphs_f1 0.") && said[0].ends_with("under the bar 0.95")
    );
    assert!(said[1].starts_with("ocrmend: cer ") && said[1].ends_with("over the bar 0.05"));
    assert!(missed.stdout.contains("paragraphs_f1"), "scores printed");

    let unknown = score(&result, "--fail-under fix=0.9");
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("no metric `fix`") && unknown.stderr.contains("fix_rate"),
        "{}",
        unknown.stderr
    );
    assert!(
        unknown.stdout.is_empty(),
        "nothing printed for a run that cannot answer"
    );
    assert_eq!(
        score(&result, "--fail-under fix_rate").code,
        2,
        "not METRIC=VALUE"
    );

    // A folder: the bars hold the macro average.
    let dir = dir.path().to_str().unwrap();
    let bars = [
        "--fail-under",
        "paragraphs_f1=1",
        "--fail-over",
        "aligned_cer=0",
    ];
    let folders = ["score", "--gold-dir", dir, "--result-dir", dir];
    let folder = run(&[&folders[..], &bars].concat(), b"");
    assert_eq!(folder.code, 0, "{}", folder.stderr);
}

/// Say why a test did not run, past the test harness's capture of `eprintln!`.
fn skip(why: &str) {
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
}

/// The yardstick beside the checkout, and Python with rapidfuzz to run it.
fn yardstick() -> Option<&'static Path> {
    let eval = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval"));
    if !eval.join("score.py").is_file() {
        skip("no yardstick at ../shared/eval (score.py and dev/ are not bundled)");
        return None;
    }
    let python = Command::new("python3")
        .args(["-c", "import rapidfuzz"])
        .status();
    if !python.is_ok_and(|s| s.success()) {
        skip("score.py needs python3 with rapidfuzz (pip install rapidfuzz)");
        return None;
    }
    Some(eval)
}

#[test]
fn agrees_with_the_yardstick_on_every_dev_document() {
    let Some(eval) = yardstick() else { return };
    let out = Command::new("python3")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("tests/yardstick/agree.py")
        .arg(env!("CARGO_BIN_EXE_ocrmend"))
        .arg(eval)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!("{report}");
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
