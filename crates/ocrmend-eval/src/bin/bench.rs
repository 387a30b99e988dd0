//! Throughput of ocrmend over many copies of the fixtures: MB/s of the pipeline on one
//! thread and on all cores, then the command line end to end against `wc -w` over the
//! same folder, the start-up of one small file, and the batch's peak memory.
//!
//!     cargo build --release && target/release/bench [COPIES]     (default 50)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rayon::prelude::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

fn main() {
    let copies: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 50,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: bench [COPIES]  (a positive number of copies of the fixtures)");
            std::process::exit(2);
        }
    };
    let folder = std::env::temp_dir().join(format!("ocrmend-bench-{}", std::process::id()));
    let files = lay_out(&folder, copies);
    let inputs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| {
            (
                p.to_string_lossy().into_owned(),
                std::fs::read(p).expect("just written"),
            )
        })
        .collect();
    let mb = inputs.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{} files, {mb:.1} MB ({copies} copies of the fixtures)",
        inputs.len()
    );

    let one = in_process(&inputs, 1);
    let all = in_process(&inputs, cores);
    println!("pipeline, 1 thread:    {:6.2} MB/s", mb / one.as_secs_f64());
    println!(
        "pipeline, {cores} threads:   {:6.2} MB/s  ({:.2}x)",
        mb / all.as_secs_f64(),
        one.as_secs_f64() / all.as_secs_f64()
    );

    let ocrmend = sibling("ocrmend");
    let (input, out) = (folder.join("in"), folder.join("out"));
    let batch_args = [
        "batch",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--force",
    ];
    let batch = best_of(3, || run(Command::new(&ocrmend).args(batch_args)));
    let wc = best_of(3, || run(Command::new("wc").arg("-w").args(&files)));
    println!(
        "ocrmend batch (all cores): {:.3} s; wc -w: {:.3} s; ratio {:.1}",
        batch.as_secs_f64(),
        wc.as_secs_f64(),
        batch.as_secs_f64() / wc.as_secs_f64()
    );

    let small = Path::new(FIXTURES).join("en-dev1.ocr.txt");
    let runs = 20;
    let started = Instant::now();
    let fastest = (0..runs)
        .map(|_| run(Command::new(&ocrmend).arg("clean").arg(&small)))
        .min()
        .unwrap();
    println!(
        "start to exit, one small file (16 kB): mean {:.1} ms, best {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3 / runs as f64,
        fastest.as_secs_f64() * 1e3
    );

    match peak_memory_kb(&ocrmend, &batch_args) {
        Some(kb) => println!("peak memory of the batch: {:.0} MB", kb as f64 / 1024.0),
        None => println!("peak memory: /usr/bin/time not found (apt-get install time)"),
    }
    std::fs::remove_dir_all(&folder).expect("the bench folder can be removed");
}

/// `copies` copies of each fixture under `folder/in/copyN/`; their paths.
fn lay_out(folder: &Path, copies: usize) -> Vec<PathBuf> {
    // The OCR fixtures (fixtures/clean/ holds clean text for the tests).
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("the fixtures folder")
        .map(|e| e.expect("a fixture").path())
        .filter(|p| p.to_string_lossy().ends_with(".ocr.txt"))
        .collect();
    fixtures.sort();
    let mut files = Vec::new();
    for copy in 0..copies {
        let dir = folder.join("in").join(format!("copy{copy}"));
        std::fs::create_dir_all(&dir).expect("the bench folder can be written");
        for fixture in &fixtures {
            let file = dir.join(fixture.file_name().expect("a file name"));
            std::fs::copy(fixture, &file).expect("the bench folder can be written");
            files.push(file);
        }
    }
    files
}

/// Wall time of the pipeline over `inputs` on `threads` threads.
fn in_process(inputs: &[(String, Vec<u8>)], threads: usize) -> Duration {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("threads");
    let started = Instant::now();
    let blocks: usize = pool.install(|| {
        inputs
            .par_iter()
            .map(|(_, bytes)| {
                ocrmend::clean(bytes, &ocrmend::Options::default())
                    .map_or(0, |c| c.document.blocks.len())
            })
            .sum()
    });
    assert!(blocks > 0);
    started.elapsed()
}

fn best_of(n: usize, mut f: impl FnMut() -> Duration) -> Duration {
    (0..n).map(|_| f()).min().expect("n > 0")
}

/// Wall time of a command that must succeed, its output discarded.
fn run(command: &mut Command) -> Duration {
    let started = Instant::now();
    let out = command.output().expect("the command starts");
    assert!(
        out.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    started.elapsed()
}

/// A binary built beside this one.
fn sibling(name: &str) -> PathBuf {
    let me = std::env::current_exe().expect("own path");
    let path = me.with_file_name(name);
    assert!(
        path.exists(),
        "{} is missing: cargo build --release",
        path.display()
    );
    path
}

/// Maximum resident set size of the command, from GNU time's `%M`.
fn peak_memory_kb(program: &Path, args: &[&str]) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr.lines().last()?.trim().parse().ok()
}
