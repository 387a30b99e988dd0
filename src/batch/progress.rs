//! What a batch tells the person running it: a progress bar on a terminal's stderr,
//! each failed input as it fails, and a summary at the end.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Counts of a run, added up over inputs in any order.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub done: usize,
    pub skipped: usize,
    pub failed: usize,
    /// Bytes of the inputs cleaned (skipped ones not counted).
    pub bytes: u64,
    pub corrections: usize,
    pub warnings: usize,
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, o: Tally) -> Tally {
        Tally {
            done: self.done + o.done,
            skipped: self.skipped + o.skipped,
            failed: self.failed + o.failed,
            bytes: self.bytes + o.bytes,
            corrections: self.corrections + o.corrections,
            warnings: self.warnings + o.warnings,
        }
    }
}

pub struct Progress {
    bar: ProgressBar,
    files: usize,
    finished: AtomicUsize,
    started: Instant,
}

impl Progress {
    /// A bar over `files` inputs of `bytes` in all, drawn only when stderr is a terminal.
    pub fn start(files: usize, bytes: u64) -> Progress {
        let bar = if std::io::stderr().is_terminal() {
            let style = ProgressStyle::with_template(
                "{bar:20} {msg} files {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}",
            )
            .expect("the template is valid");
            let bar = ProgressBar::new(bytes).with_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        } else {
            ProgressBar::hidden()
        };
        bar.set_message(format!("0/{files}"));
        Progress {
            bar,
            files,
            finished: AtomicUsize::new(0),
            started: Instant::now(),
        }
    }

    /// One more input finished (cleaned, skipped or failed).
    pub fn advance(&self, bytes: u64) {
        self.bar.inc(bytes);
        let done = self.finished.fetch_add(1, Ordering::Relaxed) + 1;
        self.bar.set_message(format!("{done}/{}", self.files));
    }

    /// Prints a line on stderr without tearing the bar.
    pub fn say(&self, line: &str) {
        self.bar.suspend(|| crate::say(line));
    }

    /// Clears the bar and prints the summary of the run.
    pub fn finish(self, tally: Tally) {
        self.bar.finish_and_clear();
        let seconds = self.started.elapsed().as_secs_f64();
        let mb = tally.bytes as f64 / 1e6;
        crate::say(&format!(
            "ocrmend batch: {} files cleaned, {} up to date, {} failed; {mb:.2} MB in {seconds:.2} s ({:.2} MB/s); {} corrections, {} warnings",
            tally.done,
            tally.skipped,
            tally.failed,
            mb / seconds.max(1e-9),
            tally.corrections,
            tally.warnings,
        ));
    }
}
