//! `ocrmend score`: a result scored against its own gold rendering is perfect, and the
//! scores agree with the yardstick's score.py on the dev documents when it is here.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::fixtures::{fixture, FIXTURES};

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
