//! `ocrmend batch`, end to end: resuming, atomic outputs, failures, exit codes, the
//! JSON Lines stream, and results that do not depend on the number of threads.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::fixtures::{fixture, FIXTURES};
use crate::run as ocrmend;

/// A folder `in/` holding the fixtures, the seed again in `in/sub/`, and `out/` beside.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    for name in FIXTURES {
        std::fs::write(input.join(name), fixture(name)).unwrap();
    }
    std::fs::write(input.join("sub").join(FIXTURES[0]), fixture(FIXTURES[0])).unwrap();
    let out = dir.path().join("out");
    (dir, input, out)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Output path of a fixture under `out`: `.ocr.txt` → `.ocr.json`.
fn json_of(out: &Path, name: &str) -> PathBuf {
    out.join(name.replace(".txt", ".json"))
}

#[test]
fn each_input_gives_what_clean_gives_with_sub_folders_mirrored() {
    let (_dir, input, out) = workspace();
    let run = ocrmend(&["batch", s(&input), "--out", s(&out)], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("5 files cleaned, 0 up to date, 0 failed"),
        "{}",
        run.stderr
    );
    for relative in FIXTURES
        .map(String::from)
        .into_iter()
        .chain([format!("sub/{}", FIXTURES[0])])
    {
        let source = input.join(&relative);
        let clean = ocrmend(&["clean", s(&source)], b"");
        let written = std::fs::read_to_string(json_of(&out, &relative)).unwrap();
        assert_eq!(written, clean.stdout, "{relative}");
    }
    assert!(!out.join("_errors.jsonl").exists());
}

#[test]
fn outputs_of_the_same_input_bytes_are_kept_unless_forced() {
    let (_dir, input, out) = workspace();
    let name = FIXTURES[1];
    assert_eq!(
        ocrmend(&["batch", s(&input), "--out", s(&out)], b"").code,
        0
    );
    let run = ocrmend(&["batch", s(&input), "--out", s(&out)], b"");
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("0 files cleaned, 5 up to date"),
        "{}",
        run.stderr
    );

    // An input written again with the same bytes (a newer time) is still up to date.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(input.join(name), fixture(name)).unwrap();
    let run = ocrmend(&["batch", s(&input), "--out", s(&out)], b"");
    assert!(
        run.stderr.contains("0 files cleaned, 5 up to date"),
        "{}",
        run.stderr
    );

    // An output changed since it was written is cleaned again, alone.
    let output = json_of(&out, name);
    std::fs::write(&output, "kept\n").unwrap();
    let run = ocrmend(&["batch", s(&input), "--out", s(&out)], b"");
    assert!(
        run.stderr.contains("1 files cleaned, 4 up to date"),
        "{}",
        run.stderr
    );
    assert!(std::fs::read_to_string(&output).unwrap().starts_with('{'));

    let run = ocrmend(&["batch", s(&input), "--out", s(&out), "--force"], b"");
    assert!(
        run.stderr.contains("5 files cleaned, 0 up to date"),
        "{}",
        run.stderr
    );
}

#[test]
fn outputs_are_replaced_whole_by_rename() {
    let (_dir, input, out) = workspace();
    assert_eq!(
        ocrmend(&["batch", s(&input), "--out", s(&out)], b"").code,
        0
    );
    let output = json_of(&out, FIXTURES[0]);
    let before = std::fs::metadata(&output).unwrap().ino();
    // A temporary file left by an interrupted run does not get in the way, and is not
    // the batch's to remove.
    let stale = format!(".{}.tmp", output.file_name().unwrap().to_str().unwrap());
    std::fs::write(out.join(&stale), "half").unwrap();
    assert_eq!(
        ocrmend(&["batch", s(&input), "--out", s(&out), "--force"], b"").code,
        0
    );
    // Written in place, the file would keep its inode; renamed over, it has a new one.
    assert_ne!(std::fs::metadata(&output).unwrap().ino(), before);
    let hidden: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.') && n.ends_with(".tmp") && *n != stale)
        .collect();
    assert!(hidden.is_empty(), "temporary files left: {hidden:?}");
    assert_eq!(std::fs::read_to_string(out.join(&stale)).unwrap(), "half");
}

#[test]
fn bad_inputs_are_logged_and_the_rest_cleaned() {
    let (_dir, input, out) = workspace();
    let binary = input.join("scan.txt");
    std::fs::write(&binary, b"%PDF-1.4\n\x00\x00\x01\x02 stream").unwrap();
    let run = ocrmend(
        &["batch", s(&input), "--out", s(&out), "--max-bytes", "50000"],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("scan.txt: binary"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("3 files cleaned, 0 up to date, 3 failed"),
        "{}",
        run.stderr
    );
    let log = std::fs::read_to_string(out.join("_errors.jsonl")).unwrap();
    let entries: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let reason_of = |path: &Path| {
        entries
            .iter()
            .find(|e| e["path"] == s(path))
            .map(|e| e["reason"].as_str().unwrap().to_owned())
    };
    assert_eq!(entries.len(), 3, "{log}");
    assert!(
        entries.iter().all(|e| e["run"] == entries[0]["run"]),
        "{log}"
    );
    assert!(reason_of(&binary).unwrap().starts_with("binary"));
    assert!(reason_of(&input.join(FIXTURES[0]))
        .unwrap()
        .starts_with("too large"));
    assert!(json_of(&out, FIXTURES[1]).exists() && !out.join("scan.json").exists());

    std::fs::remove_file(&binary).unwrap();
    let run = ocrmend(&["batch", s(&input), "--out", s(&out)], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("2 files cleaned, 3 up to date, 0 failed"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(out.join("_errors.jsonl")).unwrap(),
        log,
        "a run without failures adds nothing to the log"
    );
}

#[test]
fn a_batch_that_cannot_start_exits_2() {
    let (_dir, input, out) = workspace();
    let run = ocrmend(&["batch", s(&input.join("missing")), "--out", s(&out)], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no such file, folder or pattern"),
        "{}",
        run.stderr
    );
    let pattern = format!("{}/*.pdf", s(&input));
    assert_eq!(ocrmend(&["batch", &pattern, "--out", s(&out)], b"").code, 2);
    assert_eq!(
        ocrmend(&["batch", s(&input)], b"").code,
        2,
        "--out is required"
    );
}

#[test]
fn a_glob_names_outputs_below_its_literal_folder() {
    let (_dir, input, out) = workspace();
    let pattern = format!("{}/**/A-*.txt", s(&input));
    let run = ocrmend(
        &["batch", &pattern, "--out", s(&out), "--format", "markdown"],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    assert_eq!(md("A-75-371-fr.ocr.md"), md("sub/A-75-371-fr.ocr.md"));
    assert!(md("A-75-371-fr.ocr.md").contains("## I. Introduction"));
}

/// Every output file of a batch run with `jobs` threads, by path.
fn batch_outputs(jobs: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let (_dir, input, out) = workspace();
    for copy in 0..3 {
        let folder = input.join(format!("copy{copy}"));
        std::fs::create_dir_all(&folder).unwrap();
        for name in FIXTURES {
            std::fs::write(folder.join(name), fixture(name)).unwrap();
        }
    }
    // Run from the workspace so that source paths are the same in both runs.
    let run = Command::new(env!("CARGO_BIN_EXE_ocrmend"))
        .args(["batch", "in", "--out", "out", "--jobs", jobs])
        .current_dir(input.parent().unwrap())
        .output()
        .unwrap();
    assert!(run.status.success());
    let mut files = Vec::new();
    let mut folders = vec![out.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push((
                    path.strip_prefix(&out).unwrap().to_owned(),
                    std::fs::read(&path).unwrap(),
                ));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn outputs_do_not_depend_on_the_number_of_threads() {
    let one = batch_outputs("1");
    let visible = |files: &[(PathBuf, Vec<u8>)]| {
        files
            .iter()
            .filter(|(p, _)| !p.file_name().unwrap().to_str().unwrap().starts_with('.'))
            .count()
    };
    assert_eq!(visible(&one), 17);
    assert_eq!(one.len(), 34, "each output has its stamp");
    assert!(
        one == batch_outputs("2"),
        "outputs differ between --jobs 1 and --jobs 2"
    );
}

/// JSON Lines records of the fixtures, `rounds` times over, ids of several kinds.
fn records(rounds: usize) -> (Vec<serde_json::Value>, String) {
    let mut ids = Vec::new();
    let mut lines = String::new();
    for round in 0..rounds {
        for (i, name) in FIXTURES.iter().enumerate() {
            let id = if i % 2 == 0 {
                serde_json::json!(format!("fixtures/{name}"))
            } else {
                serde_json::json!(round * 10 + i)
            };
            let text = String::from_utf8(fixture(name)).unwrap();
            lines += &serde_json::json!({"text": text, "id": id}).to_string();
            lines += "\n";
            ids.push(id);
        }
    }
    (ids, lines)
}

#[test]
fn jsonl_gives_one_result_per_record_in_order_with_its_id() {
    let (mut ids, mut lines) = records(3);
    lines.insert_str(
        lines.find('\n').unwrap() + 1,
        "{\"id\": \"broken\", \"txt\": \"\"}\n\n",
    );
    ids.insert(1, serde_json::json!("broken"));
    let run = ocrmend(&["batch", "--jsonl", "--jobs", "2"], lines.as_bytes());
    assert_eq!(run.code, 1, "one record has no text");
    assert!(
        run.stderr.contains("record \"broken\": no \"text\" string"),
        "{}",
        run.stderr
    );
    let results: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        results.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(),
        ids
    );
    assert!(results[1]["error"].is_string());

    // Each document is the one `clean` gives, named by its id.
    let seed = &results[0];
    let clean = ocrmend(&["clean", "fixtures/A-75-371-fr.ocr.txt"], b"");
    let mut expected: serde_json::Value = serde_json::from_str(&clean.stdout).unwrap();
    expected
        .as_object_mut()
        .unwrap()
        .insert("id".into(), seed["id"].clone());
    assert_eq!(*seed, expected);
    assert_eq!(results[2]["source"]["path"], "1");
    assert_eq!(results[2]["metadata"]["language"], "fr");
}

#[test]
fn jsonl_output_does_not_depend_on_the_number_of_threads() {
    let (_, lines) = records(4);
    let one = ocrmend(&["batch", "--jsonl", "--jobs", "1"], lines.as_bytes());
    let two = ocrmend(&["batch", "--jsonl", "--jobs", "2"], lines.as_bytes());
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(one.stdout.lines().count(), 16);
    assert!(one.stdout == two.stdout);
}

#[test]
fn jsonl_refuses_an_oversized_record_and_goes_on() {
    let small = String::from_utf8(fixture(FIXTURES[3])).unwrap();
    let big = "x ".repeat(40_000);
    let lines = [("a", &small), ("big", &big), ("b", &small)]
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .concat();
    let run = ocrmend(
        &["batch", "--jsonl", "--max-bytes", "30000"],
        lines.as_bytes(),
    );
    assert_eq!(run.code, 1);
    let results: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["metadata"], results[2]["metadata"]);
    assert!(
        results[1]["error"]
            .as_str()
            .unwrap()
            .contains("--max-bytes"),
        "{}",
        results[1]
    );
}

/// A folder holding one OCR input `a.txt`, cleaned into that same folder.
fn one_input() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), fixture(FIXTURES[1])).unwrap();
    let input = dir.path().join("a.txt");
    (dir, input)
}

#[test]
fn text_outputs_are_name_clean_txt_and_never_overwrite_their_input() {
    let (dir, input) = one_input();
    let d = dir.path();
    for force in [true, false] {
        let mut args = vec!["batch", s(&input), "--out", s(d), "--format", "text"];
        if force {
            args.push("--force");
        }
        let run = ocrmend(&args, b"");
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(std::fs::read(&input).unwrap(), fixture(FIXTURES[1]));
    }
    let clean = ocrmend(&["clean", "--format", "text", s(&input)], b"");
    assert_eq!(
        std::fs::read_to_string(d.join("a.clean.txt")).unwrap(),
        clean.stdout
    );
    // The folder walked again: a.clean.txt is an output (it has its stamp), not an input.
    let run = ocrmend(&["batch", s(d), "--out", s(&d.join("again"))], b"");
    assert!(
        run.stderr.contains("1 files cleaned, 0 up to date"),
        "{}",
        run.stderr
    );

    // An output that would be an input, by its name or through a symlink: refused.
    let json = d.join("b.json");
    std::fs::write(&json, "{\"mine\": true}\n").unwrap();
    let run = ocrmend(&["batch", s(&json), "--out", s(d), "--force"], b"");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("would be written over the input"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&json).unwrap(),
        "{\"mine\": true}\n"
    );
    let out = d.join("out");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink(&input, out.join("a.json")).unwrap();
    let run = ocrmend(&["batch", s(&input), "--out", s(&out), "--force"], b"");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(std::fs::read(&input).unwrap(), fixture(FIXTURES[1]));
}

/// Hidden temporary files (`.…tmp`) anywhere below `folder`.
fn temporaries(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if path.is_dir() {
                folders.push(path);
            } else if name.starts_with('.') && name.ends_with(".tmp") {
                found.push(path);
            }
        }
    }
    found
}

#[test]
fn a_failed_write_leaves_no_temporary_file() {
    let (_dir, input, out) = workspace();
    // A folder where an output goes: the rename into place fails.
    let blocked = json_of(&out, FIXTURES[2]);
    std::fs::create_dir_all(blocked.join("x")).unwrap();
    let run = ocrmend(&["batch", s(&input), "--out", s(&out)], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("4 files cleaned, 0 up to date, 1 failed"),
        "{}",
        run.stderr
    );
    assert_eq!(temporaries(&out), Vec::<PathBuf>::new());
}

/// `count` copies of the fixtures in `copyN/` folders of `input`.
fn copies(input: &Path, count: usize) {
    for copy in 0..count {
        let folder = input.join(format!("copy{copy}"));
        std::fs::create_dir_all(&folder).unwrap();
        for name in FIXTURES {
            std::fs::write(folder.join(name), fixture(name)).unwrap();
        }
    }
}

#[test]
fn two_batches_into_one_folder_do_not_share_temporary_files() {
    let (_dir, input, out) = workspace();
    copies(&input, 8);
    // A temporary file of another batch still writing: under a name of its own, it is
    // neither truncated, nor renamed into place, nor removed by these two.
    let theirs = out.join("copy3").join(format!(
        ".{}.999999.0.tmp",
        json_of(&out, FIXTURES[0])
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
    ));
    let legacy = out.join("copy3").join(format!(
        ".{}.tmp",
        json_of(&out, FIXTURES[0])
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
    ));
    std::fs::create_dir_all(out.join("copy3")).unwrap();
    for path in [&theirs, &legacy] {
        std::fs::write(path, "theirs, half written").unwrap();
    }
    let batch = || {
        Command::new(env!("CARGO_BIN_EXE_ocrmend"))
            .args([
                "batch",
                s(&input),
                "--out",
                s(&out),
                "--force",
                "--jobs",
                "2",
            ])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (one, two) = (batch(), batch());
    for child in [one, two] {
        let run = child.wait_with_output().unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let mut left = temporaries(&out);
    left.sort();
    let mut expected = vec![theirs.clone(), legacy.clone()];
    expected.sort();
    assert_eq!(
        left, expected,
        "only the other batch's temporary files are left"
    );
    for path in [&theirs, &legacy] {
        assert_eq!(
            std::fs::read_to_string(path).unwrap(),
            "theirs, half written"
        );
    }
    let clean = ocrmend(&["clean", s(&input.join("copy3").join(FIXTURES[0]))], b"");
    assert_eq!(
        std::fs::read_to_string(json_of(&out.join("copy3"), FIXTURES[0])).unwrap(),
        clean.stdout
    );
}

#[test]
fn resume_goes_by_content_not_by_time() {
    let (_dir, input, out) = workspace();
    for format in ["json", "text", "gold"] {
        let args = ["batch", s(&input), "--out", s(&out), "--format", format];
        assert_eq!(ocrmend(&args, b"").code, 0);
        let run = ocrmend(&args, b"");
        assert!(
            run.stderr.contains("0 files cleaned, 5 up to date"),
            "{format}: {}",
            run.stderr
        );
    }
    // `cp -p` of another file: other bytes, an older time.
    let replaced = input.join(FIXTURES[1]);
    std::fs::write(&replaced, fixture(FIXTURES[2])).unwrap();
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&replaced)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let run = ocrmend(&["batch", s(&input), "--out", s(&out)], b"");
    assert!(
        run.stderr.contains("1 files cleaned, 4 up to date"),
        "{}",
        run.stderr
    );
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(json_of(&out, FIXTURES[1])).unwrap()).unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&ocrmend(&["clean", s(&replaced)], b"").stdout).unwrap();
    assert_eq!(written["source"]["sha256"], expected["source"]["sha256"]);

    // A truncated output, or one whose stamp is gone, is redone.
    let output = json_of(&out, FIXTURES[3]);
    let bytes = std::fs::read(&output).unwrap();
    std::fs::write(&output, &bytes[..bytes.len() / 2]).unwrap();
    let text = out.join(FIXTURES[0].replace(".txt", ".clean.txt"));
    std::fs::remove_file(out.join(format!(
        ".{}.ocrmend",
        text.file_name().unwrap().to_str().unwrap()
    )))
    .unwrap();
    let run = ocrmend(&["batch", s(&input), "--out", s(&out)], b"");
    assert!(
        run.stderr.contains("1 files cleaned, 4 up to date"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&output).unwrap(), bytes);
    let run = ocrmend(
        &["batch", s(&input), "--out", s(&out), "--format", "text"],
        b"",
    );
    assert!(
        run.stderr.contains("2 files cleaned, 3 up to date"),
        "{}",
        run.stderr
    );
}

fn log_entries(out: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(out.join("_errors.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn fifos_sockets_dangling_links_and_loops_are_skipped_and_logged() {
    let (_dir, input, out) = workspace();
    let fifo = input.join("fifo.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let socket = input.join("sub").join("socket.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let dangling = input.join("gone.txt");
    std::os::unix::fs::symlink(input.join("nowhere.txt"), &dangling).unwrap();
    std::os::unix::fs::symlink("..", input.join("sub").join("loop")).unwrap();
    std::fs::write(input.join("UPPER.TXT"), fixture(FIXTURES[0])).unwrap();
    let run = ocrmend(&["batch", s(&input), "--out", s(&out)], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("6 files cleaned, 0 up to date, 3 failed"),
        "{}",
        run.stderr
    );
    assert!(out.join("UPPER.json").exists());
    let entries = log_entries(&out);
    let mut skipped: Vec<_> = entries
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_owned(),
                e["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    skipped.sort();
    let why = "not a regular file".to_owned();
    let mut expected = vec![
        (s(&fifo).to_owned(), why.clone()),
        (s(&dangling).to_owned(), why.clone()),
        (s(&socket).to_owned(), why.clone()),
    ];
    expected.sort();
    assert_eq!(skipped, expected);
}

#[test]
fn ext_chooses_the_inputs_and_finding_none_exits_2() {
    let (_dir, input, out) = workspace();
    std::fs::write(input.join("notes.Text"), fixture(FIXTURES[0])).unwrap();
    let run = ocrmend(
        &["batch", s(&input), "--out", s(&out), "--ext", "txt,text"],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("6 files cleaned"), "{}", run.stderr);
    assert!(out.join("notes.json").exists());

    let empty = input.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let run = ocrmend(&["batch", s(&empty), "--out", s(&out)], b"");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no input found"), "{}", run.stderr);
    let run = ocrmend(&["batch", s(&input), "--out", s(&out), "--ext", "pdf"], b"");
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn the_error_log_keeps_every_run_even_concurrent_ones() {
    let (_dir, input, out) = workspace();
    copies(&input, 6);
    let batch = || {
        Command::new(env!("CARGO_BIN_EXE_ocrmend"))
            .args(["batch", s(&input), "--out", s(&out), "--max-bytes", "50000"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let runs: Vec<_> = [batch(), batch()]
        .into_iter()
        .map(|child| child.wait_with_output().unwrap())
        .collect();
    assert!(runs.iter().all(|r| r.status.code() == Some(1)));
    let run = ocrmend(
        &["batch", s(&input), "--out", s(&out), "--max-bytes", "50000"],
        b"",
    );
    assert_eq!(run.code, 1);
    let entries = log_entries(&out);
    // The seed is too large: in in/, in in/sub/ and in the 6 copies, in each of 3 runs.
    assert_eq!(entries.len(), 3 * 8);
    let mut ids: Vec<&str> = entries.iter().map(|e| e["run"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(run
        .stderr
        .contains(ids.iter().find(|id| run.stderr.contains(**id)).unwrap()));
}

#[test]
fn jsonl_error_lines_keep_the_record_id() {
    let small = String::from_utf8(fixture(FIXTURES[3])).unwrap();
    let good = serde_json::json!({"id": "ok", "text": small}).to_string();
    // The text before the id, as Python's json.dumps writes {"text": …, "id": …}.
    let big = format!(
        "{{\"text\": {}, \"id\": \"big\"}}",
        serde_json::json!("x ".repeat(40_000))
    );
    let mut lines = Vec::new();
    for line in [
        good.as_bytes(),
        big.as_bytes(),
        b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}",
        br#"{"id": 7, "text": "half a pair \ud800 here"}"#,
        br#"{"text": "\udfff", "id": ["a", 1]}"#,
        b"{\"text\": 3, \"id\": \"nan\"}",
    ] {
        lines.extend_from_slice(line);
        lines.push(b'\n');
    }
    let run = ocrmend(&["batch", "--jsonl", "--max-bytes", "30000"], &lines);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let results: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<_> = results.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            serde_json::json!("ok"),
            serde_json::json!("big"),
            serde_json::json!("latin1"),
            serde_json::json!(7),
            serde_json::json!(["a", 1]),
            serde_json::json!("nan"),
        ]
    );
    assert!(results[0]["error"].is_null() && results[0]["blocks"].is_array());
    assert!(results[1]["error"]
        .as_str()
        .unwrap()
        .contains("--max-bytes"));
    assert!(results[2]["error"].as_str().unwrap().contains("not UTF-8"));
    assert!(
        results[3]["error"].as_str().unwrap().contains("escape"),
        "{}",
        results[3]
    );
    assert!(run.stderr.contains("record 7: "), "{}", run.stderr);
}

#[test]
fn akn_outputs_are_redone_when_provenance_is_dropped_or_kept_again() {
    let (_dir, input, out) = workspace();
    let akn = out.join(FIXTURES[0].replace(".txt", ".akn.xml"));
    let batch = |extra: &[&str]| {
        let mut args = vec!["batch", s(&input), "--out", s(&out), "--format", "akn"];
        args.extend_from_slice(extra);
        ocrmend(&args, b"")
    };
    assert_eq!(batch(&[]).code, 0);
    let kept = std::fs::read_to_string(&akn).unwrap();
    assert!(kept.contains("<proprietary source=\"#ocrmend\">"));
    let clean = ocrmend(
        &["clean", s(&input.join(FIXTURES[0])), "--format", "akn"],
        b"",
    );
    assert_eq!(kept, clean.stdout);
    let run = batch(&["--no-provenance"]);
    assert!(
        run.stderr.contains("5 files cleaned, 0 up to date"),
        "{}",
        run.stderr
    );
    assert!(!std::fs::read_to_string(&akn)
        .unwrap()
        .contains("proprietary"));
    let run = batch(&["--no-provenance"]);
    assert!(
        run.stderr.contains("0 files cleaned, 5 up to date"),
        "{}",
        run.stderr
    );
    let run = batch(&[]);
    assert!(
        run.stderr.contains("5 files cleaned, 0 up to date"),
        "{}",
        run.stderr
    );
}

#[test]
fn jsonl_carries_akn_under_its_key() {
    let text = String::from_utf8(fixture(FIXTURES[0])).unwrap();
    let line = serde_json::json!({"id": "a", "text": text}).to_string() + "\n";
    let run = ocrmend(
        &["batch", "--jsonl", "--format", "akn", "--no-provenance"],
        line.as_bytes(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let record: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(record["id"], "a");
    let akn = record["akn"].as_str().unwrap();
    assert!(akn.starts_with("<?xml") && akn.contains("<docNumber>"));
    assert!(!akn.contains("proprietary"));
}
