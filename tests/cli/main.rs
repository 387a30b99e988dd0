//! The command line end to end, one test binary: clean, score, diff and review
//! (`cli`), batch and streams (`batch`), scoring against ground truth (`score`).

#[path = "../../crates/ocrmend/tests/it/fixtures.rs"]
mod fixtures;

use std::io::Write;
use std::process::{Command, Stdio};

mod batch;
mod cli;
mod score;

/// What one run of `ocrmend` gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `ocrmend args` (from the package's folder, as cargo runs tests) with `stdin` on its
/// standard input.
pub fn run(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ocrmend"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || pipe.write_all(&stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}
