//! `ocrmend batch`: many inputs in parallel, each to its own output file, resumable;
//! or, with `--jsonl`, a stream of JSON Lines records from stdin to stdout.
//!
//! Exit status: [`EXIT_OK`] when every input was cleaned or already up to date,
//! [`EXIT_SOME_FAILED`] when some were refused or failed (listed on stderr and in
//! `_errors.jsonl`, or as `error` records with `--jsonl`), [`EXIT_COULD_NOT_RUN`] when the
//! batch could not start or run (bad arguments, no inputs, output folder not writable,
//! standard input or output failing).

pub mod inputs;
pub mod jsonl;
pub mod output;
pub mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

use crate::format::Format;
use inputs::Input;
use ocrmend::Document;
use output::ErrorLog;
use progress::{Progress, Tally};

pub const EXIT_OK: u8 = 0;
pub const EXIT_SOME_FAILED: u8 = 1;
pub const EXIT_COULD_NOT_RUN: u8 = 2;

#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// Files, folders (their *.txt files at any depth) or glob patterns such as 'scans/**/*.txt'.
    #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
    pub inputs: Vec<String>,
    /// Folder for the results: one file per input, sub-folders mirrored.
    #[arg(long, required_unless_present = "jsonl", conflicts_with = "jsonl")]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Worker threads [default: all cores].
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Clean inputs again even when their output is newer than they are.
    #[arg(long, conflicts_with = "jsonl")]
    pub force: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = ocrmend::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Read JSON Lines {"id": …, "text": …} on stdin, write one result per line on
    /// stdout, in input order, carrying its id.
    #[arg(long)]
    pub jsonl: bool,
}

impl BatchArgs {
    /// The pipeline's options these arguments ask for.
    fn options(&self) -> ocrmend::Options {
        ocrmend::Options {
            max_bytes: self.max_bytes,
            ..ocrmend::Options::default()
        }
    }
}

/// Runs `ocrmend batch`; the exit status is documented on this module.
pub fn main(args: BatchArgs) -> ExitCode {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = args.jobs {
        pool = pool.num_threads(jobs);
    }
    let pool = match pool.build() {
        Ok(pool) => pool,
        Err(e) => {
            crate::say(&format!("ocrmend batch: cannot start worker threads: {e}"));
            return ExitCode::from(EXIT_COULD_NOT_RUN);
        }
    };
    let status = pool.install(|| {
        if args.jsonl {
            jsonl::main(&args)
        } else {
            files(&args)
        }
    });
    ExitCode::from(status)
}

/// The batch over files: lists, cleans in parallel, summarises.
fn files(args: &BatchArgs) -> u8 {
    let out = args
        .out
        .as_deref()
        .expect("clap requires --out without --jsonl");
    let started = std::fs::create_dir_all(out)
        .map_err(|e| format!("cannot create {}: {e}", out.display()))
        .and_then(|()| inputs::list(&args.inputs, out, args.format.extension(), out))
        .and_then(|inputs| {
            let log = ErrorLog::start(out)
                .map_err(|e| format!("cannot write in {}: {e}", out.display()))?;
            Ok((inputs, log))
        });
    let (inputs, log) = match started {
        Ok(started) => started,
        Err(message) => {
            crate::say(&format!("ocrmend batch: {message}"));
            return EXIT_COULD_NOT_RUN;
        }
    };
    let progress = Progress::start(inputs.len(), inputs.iter().map(|i| i.len).sum());
    let tally = inputs
        .par_iter()
        .map(|input| {
            let tally = match clean_file(input, args) {
                Ok(tally) => tally,
                Err(reason) => {
                    progress.say(&format!(
                        "ocrmend batch: {}: {reason}",
                        input.path.display()
                    ));
                    if let Err(e) = log.record(&input.path, &reason) {
                        progress.say(&format!(
                            "ocrmend batch: cannot write {}: {e}",
                            log.path().display()
                        ));
                    }
                    Tally {
                        failed: 1,
                        ..Tally::default()
                    }
                }
            };
            progress.advance(input.len);
            tally
        })
        .reduce(Tally::default, |a, b| a + b);
    progress.finish(tally);
    if tally.failed > 0 {
        crate::say(&format!(
            "ocrmend batch: failed inputs are listed in {}",
            log.path().display()
        ));
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

/// Cleans one input to its output file, unless that is up to date; Err is the reason
/// the input failed.
fn clean_file(input: &Input, args: &BatchArgs) -> Result<Tally, String> {
    if !args.force && output::is_up_to_date(&input.path, &input.output) {
        return Ok(Tally {
            skipped: 1,
            ..Tally::default()
        });
    }
    args.options().admit(input.len).map_err(|e| e.to_string())?;
    let bytes = std::fs::read(&input.path).map_err(|e| format!("cannot read: {e}"))?;
    let name = input.path.to_string_lossy();
    let doc = clean_guarded(&bytes, &name, &args.options())?;
    output::write_atomically(&input.output, args.format.render(&doc).as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", input.output.display()))?;
    Ok(Tally {
        done: 1,
        bytes: bytes.len() as u64,
        corrections: doc.corrections.len(),
        warnings: doc.warnings.len(),
        ..Tally::default()
    })
}

/// The pipeline on one input, refusing what is not text and turning a panic (a bug)
/// into that input's failure rather than the batch's.
fn clean_guarded(bytes: &[u8], name: &str, options: &ocrmend::Options) -> Result<Document, String> {
    let cleaned =
        std::panic::catch_unwind(|| crate::clean(bytes, name, options)).map_err(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            format!("internal error, please report it with this input: {what}")
        })?;
    cleaned
        .map(|c| c.document)
        .map_err(|refused| refused.to_string())
}
