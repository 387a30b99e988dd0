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

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

use crate::format::Format;
use inputs::{Extensions, Input};
use ocrmend::Document;
use output::ErrorLog;
use progress::{Progress, Tally};

pub const EXIT_OK: u8 = 0;
pub const EXIT_SOME_FAILED: u8 = 1;
pub const EXIT_COULD_NOT_RUN: u8 = 2;

#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// Files, folders (their *.txt files at any depth, see --ext) or glob patterns such
    /// as 'scans/**/*.txt'.
    #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
    pub inputs: Vec<String>,
    /// Folder for the results: one file per input, sub-folders mirrored; NAME.txt gives
    /// NAME.json, NAME.clean.txt, NAME.md, NAME.gold.txt or NAME.akn.xml. Never an input's own path.
    #[arg(long, required_unless_present = "jsonl", conflicts_with = "jsonl")]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Which files of a folder are inputs: extensions, comma-separated, any case.
    #[arg(long, default_value = "txt", conflicts_with = "jsonl")]
    pub ext: String,
    /// Worker threads [default: all cores].
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Clean inputs again even when their output is up to date (made by this version
    /// from the same input bytes, as its stamp `.NAME.ocrmend` records).
    #[arg(long, conflicts_with = "jsonl")]
    pub force: bool,
    #[command(flatten)]
    pub pipeline: crate::pipeline::PipelineArgs,
    /// With --format akn: leave ocrmend's corrections and warnings out of the XML.
    #[arg(long)]
    pub no_provenance: bool,
    /// Read JSON Lines {"id": …, "text": …} on stdin, write one result per line on
    /// stdout, in input order, carrying its id.
    #[arg(long)]
    pub jsonl: bool,
}

impl BatchArgs {
    /// Whether an Akoma Ntoso output keeps ocrmend's provenance.
    pub fn provenance(&self) -> ocrmend::Provenance {
        crate::provenance(self.no_provenance)
    }

    /// The flags that change an output beyond its format, as its stamp records them.
    fn output_options(&self) -> Vec<String> {
        let mut flags = self.pipeline.shaping_flags();
        if self.format == Format::Akn && self.no_provenance {
            flags.push("--no-provenance".to_owned());
        }
        flags
    }

    /// The pipeline's options these arguments ask for.
    fn options(&self) -> ocrmend::Options {
        self.pipeline.options()
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

/// The extension of a batch output in `format`, in place of its input's: text outputs
/// are `NAME.clean.txt`, never the input's own `NAME.txt`.
pub fn output_extension(format: Format) -> &'static str {
    match format {
        Format::Text => "clean.txt",
        other => other.extension(),
    }
}

/// The batch over files: lists, cleans in parallel, summarises.
fn files(args: &BatchArgs) -> u8 {
    let out = args
        .out
        .as_deref()
        .expect("clap requires --out without --jsonl");
    let started = Extensions::parse(&args.ext)
        .and_then(|exts| {
            std::fs::create_dir_all(out)
                .map_err(|e| format!("cannot create {}: {e}", out.display()))?;
            inputs::list(&args.inputs, out, output_extension(args.format), &exts, out)
        })
        .and_then(|listing| {
            if listing.inputs.is_empty() && listing.skipped.is_empty() {
                return Err(format!(
                    "no input found in {} (files ending in .{}; the --out folder is not searched)",
                    args.inputs.join(" "),
                    args.ext.replace(',', ", .")
                ));
            }
            let log = ErrorLog::start(out);
            refuse_overwriting_inputs(&listing.inputs, &log)?;
            output::probe(out).map_err(|e| format!("cannot write in {}: {e}", out.display()))?;
            Ok((listing, log))
        });
    let (listing, log) = match started {
        Ok(started) => started,
        Err(message) => {
            crate::say(&format!("ocrmend batch: {message}"));
            return EXIT_COULD_NOT_RUN;
        }
    };
    let inputs = listing.inputs;
    let progress = Progress::start(inputs.len(), inputs.iter().map(|i| i.len).sum());
    let fail = |path: &std::path::Path, reason: &str| {
        progress.say(&format!("ocrmend batch: {}: {reason}", path.display()));
        if let Err(e) = log.record(path, reason) {
            progress.say(&format!(
                "ocrmend batch: cannot write {}: {e}",
                log.path().display()
            ));
        }
        Tally {
            failed: 1,
            ..Tally::default()
        }
    };
    let skipped = listing
        .skipped
        .iter()
        .map(|(path, reason)| fail(path, reason))
        .fold(Tally::default(), |a, b| a + b);
    let tally = inputs
        .par_iter()
        .map(|input| {
            let tally = match clean_file(input, args) {
                Ok(tally) => tally,
                Err(reason) => fail(&input.path, &reason),
            };
            progress.advance(input.len);
            tally
        })
        .reduce(Tally::default, |a, b| a + b);
    let tally = tally + skipped;
    progress.finish(tally);
    if tally.failed > 0 {
        crate::say(&format!(
            "ocrmend batch: failed inputs are listed in {} (run {})",
            log.path().display(),
            log.run()
        ));
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

/// Err when a file the batch would write (an output, its stamp, the error log) is one
/// of its inputs under another name (same device and inode): the batch never writes
/// over its own inputs.
fn refuse_overwriting_inputs(inputs: &[Input], log: &ErrorLog) -> Result<(), String> {
    let by_id: HashMap<inputs::FileId, &Input> = inputs.iter().map(|i| (i.id, i)).collect();
    let written = inputs
        .iter()
        .flat_map(|i| [i.output.clone(), output::stamp_path(&i.output)])
        .chain([log.path().to_owned()]);
    for path in written {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if let Some(input) = by_id.get(&inputs::file_id(&meta)) {
            return Err(format!(
                "{} would be written over the input {}: choose another --out folder",
                path.display(),
                input.path.display()
            ));
        }
    }
    Ok(())
}

/// Cleans one input to its output file, unless that is up to date; Err is the reason
/// the input failed.
fn clean_file(input: &Input, args: &BatchArgs) -> Result<Tally, String> {
    let up_to_date = Tally {
        skipped: 1,
        ..Tally::default()
    };
    let flags = args.output_options();
    // Listed as a file, it may have been replaced since (by a FIFO that would block).
    let meta = std::fs::metadata(&input.path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(inputs::NOT_A_REGULAR_FILE.to_owned());
    }
    if let Err(too_large) = args.options().admit(meta.len()) {
        // Not read whole, but an output of this very input is kept all the same.
        let digested = output::digest_file(&input.path).map_err(|e| format!("cannot read: {e}"))?;
        if !args.force && output::is_up_to_date(&digested, &input.output, &flags) {
            return Ok(up_to_date);
        }
        return Err(too_large.to_string());
    }
    let bytes = std::fs::read(&input.path).map_err(|e| format!("cannot read: {e}"))?;
    let digested = output::digest(&bytes);
    if !args.force && output::is_up_to_date(&digested, &input.output, &flags) {
        return Ok(up_to_date);
    }
    args.options()
        .admit(bytes.len() as u64)
        .map_err(|e| e.to_string())?;
    let name = input.path.to_string_lossy();
    let doc = clean_guarded(&bytes, &name, &args.options())?;
    output::write_with_stamp(
        &input.output,
        args.format.render(&doc, args.provenance()).as_bytes(),
        &digested,
        &flags,
    )
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
