//! The `ocrmend` command line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
mod batch;
mod format;
mod review;

use batch::BatchArgs;
use format::Format;
use ocrmend_eval::score::report;

#[derive(Parser)]
#[command(
    name = "ocrmend",
    version,
    about = "Turns the raw OCR text of UN reports into clean, structured JSON"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Clean one document and write it to stdout (or -o FILE).
    Clean {
        /// The OCR text file, or - for standard input.
        input: String,
        /// Write the result here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, default_value_t = ocrmend::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// Clean many files in parallel into a folder, or a JSON Lines stream (--jsonl).
    ///
    /// Exit status: 0 all inputs cleaned or up to date; 1 some refused or failed (on
    /// stderr, and in OUT/_errors.jsonl or as {"id", "error"} lines); 2 could not run.
    Batch(BatchArgs),
    /// What a parser change did: blocks added, removed or renumbered, word changes,
    /// notes, calls, corrections and warnings gained or lost. OLD and NEW are results
    /// in the JSON contract, or insta snapshots of them (.snap, .snap.new).
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// Print the changes as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a self-contained HTML page to check a run by eye: clean blocks beside
    /// their OCR, every correction marked, removed lines greyed, warnings listed.
    Review {
        /// The OCR text file, or - for standard input.
        input: String,
        /// Write the page here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, default_value_t = ocrmend::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// Measure results against ground truth, with the metrics of the yardstick
    /// (../shared/eval/score.py): one document, or every one of a gold folder.
    Score {
        /// The gold file (../shared/eval/GOLD_FORMAT.md).
        #[arg(required_unless_present = "gold_dir")]
        gold: Option<PathBuf>,
        /// The result in the JSON contract (or plain text, with --text).
        #[arg(required_unless_present = "gold_dir")]
        result: Option<PathBuf>,
        /// RESULT is plain text (say, `clean --format text`): text metrics only.
        #[arg(long)]
        text: bool,
        /// The OCR input the result came from: adds the OCR's error rates and the
        /// words fixed or damaged.
        #[arg(long)]
        ocr: Option<PathBuf>,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// Score every document of this folder (<id>.gold.txt or <id>/gold.txt),
        /// with micro and macro averages.
        #[arg(long, requires = "result_dir", conflicts_with_all = ["gold", "result", "ocr", "text"])]
        gold_dir: Option<PathBuf>,
        /// Where the results of --gold-dir are: <id>.json or <id>/result.json.
        #[arg(long, requires = "gold_dir")]
        result_dir: Option<PathBuf>,
        /// Where the OCR inputs of --gold-dir are: <id>.ocr.txt or <id>/ocr.txt.
        #[arg(long, requires = "gold_dir")]
        ocr_dir: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let done = match cli.command {
        Command::Clean {
            input,
            output,
            format,
            max_bytes,
        } => run_clean(&input, output, format, max_bytes),
        Command::Batch(args) => return batch::main(args),
        Command::Review {
            input,
            output,
            max_bytes,
        } => run_review(&input, output, max_bytes),
        Command::Diff { old, new, json } => run_diff(&old, &new, json),
        Command::Score {
            gold,
            result,
            ocr,
            text,
            json,
            gold_dir,
            result_dir,
            ocr_dir,
        } => match (gold, result, gold_dir, result_dir) {
            (_, _, Some(gold_dir), Some(result_dir)) => {
                run_score_dirs(&gold_dir, &result_dir, ocr_dir.as_deref(), json)
            }
            (Some(gold), Some(result), _, _) => {
                run_score(&gold, &result, text, ocr.as_deref(), json)
            }
            _ => unreachable!("clap requires GOLD and RESULT, or --gold-dir and --result-dir"),
        },
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("ocrmend: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// The exit status when standard output is a closed pipe (`ocrmend clean big.txt | head
/// -1`): the process stops quietly with what a shell reports for one ended by SIGPIPE
/// (128 + 13), never a panic. Rust ignores SIGPIPE, so the write fails with EPIPE instead.
pub(crate) const EXIT_BROKEN_PIPE: u8 = 141;

/// Writes `line` on stderr. A failure (stderr a closed pipe, a full disk) is ignored:
/// `eprintln!` would panic there, turning a message into exit status 101.
pub(crate) fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn run_score(
    gold: &Path,
    result: &Path,
    text: bool,
    ocr: Option<&Path>,
    json: bool,
) -> Result<(), String> {
    let scores = report::score_files(gold, result, text, ocr)?;
    if json {
        print_json(&scores.to_json())
    } else {
        write_stdout(&report::listing(&scores))
    }
}

fn run_score_dirs(
    gold_dir: &Path,
    result_dir: &Path,
    ocr_dir: Option<&Path>,
    json: bool,
) -> Result<(), String> {
    let docs = report::score_dirs(gold_dir, result_dir, ocr_dir)?;
    if json {
        print_json(&report::json(&docs))
    } else {
        write_stdout(&report::table(&docs))
    }
}

fn run_diff(old: &Path, new: &Path, json: bool) -> Result<(), String> {
    let read = |path: &Path| {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        ocrmend_eval::diff::read_document(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let changes = ocrmend_eval::diff::diff(&read(old)?, &read(new)?);
    if json {
        print_json(&serde_json::to_value(&changes).expect("the diff serialises"))
    } else {
        write_stdout(&ocrmend_eval::diff::render(&changes))
    }
}

fn print_json(value: &serde_json::Value) -> Result<(), String> {
    write_stdout(&(serde_json::to_string_pretty(value).expect("JSON serialises") + "\n"))
}

/// Writes `text` on stdout. When stdout is a closed pipe (the reader has all it wants)
/// the process ends there, quietly, with [`EXIT_BROKEN_PIPE`]: nothing is left to do.
fn write_stdout(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            std::process::exit(EXIT_BROKEN_PIPE.into())
        }
        Err(e) => Err(format!("cannot write to stdout: {e}")),
    }
}

/// The bytes of `input` (a path, or - for standard input), refused when larger than
/// `max_bytes`.
fn read_input(input: &str, max_bytes: u64) -> Result<Vec<u8>, String> {
    // Stdin has no size to check first: read one byte over the limit to know.
    let (bytes, len) = if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        let len = buf.len() as u64;
        (buf, len)
    } else {
        let meta = std::fs::metadata(input).map_err(|e| format!("cannot read {input}: {e}"))?;
        if meta.is_dir() {
            return Err(format!(
                "{input} is a folder: use `ocrmend batch {input} --out OUT` to clean the files in it"
            ));
        }
        let len = meta.len();
        if len > max_bytes {
            (Vec::new(), len)
        } else {
            let bytes = std::fs::read(input).map_err(|e| format!("cannot read {input}: {e}"))?;
            let len = bytes.len() as u64;
            (bytes, len)
        }
    };
    options(max_bytes)
        .admit(len)
        .map(|()| bytes)
        .map_err(|e| format!("{input}: {e}"))
}

fn write_output(output: Option<PathBuf>, rendered: &str) -> Result<(), String> {
    match output {
        Some(path) => std::fs::write(&path, rendered)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => write_stdout(rendered),
    }
}

fn run_clean(
    input: &str,
    output: Option<PathBuf>,
    format: Format,
    max_bytes: u64,
) -> Result<(), String> {
    let cleaned = clean(&read_input(input, max_bytes)?, input, &options(max_bytes))
        .map_err(|refused| format!("{input}: {refused}"))?;
    write_output(output, &format.render(&cleaned.document))
}

fn run_review(input: &str, output: Option<PathBuf>, max_bytes: u64) -> Result<(), String> {
    let bytes = read_input(input, max_bytes)?;
    let cleaned = clean(&bytes, input, &options(max_bytes))
        .map_err(|refused| format!("{input}: {refused}"))?;
    write_output(output, &review::page(&cleaned.input, &cleaned.document))
}

/// The pipeline's options for a size limit.
fn options(max_bytes: u64) -> ocrmend::Options {
    ocrmend::Options {
        max_bytes,
        ..ocrmend::Options::default()
    }
}

/// The library's `clean`, the result named `name` in `source.path`.
fn clean(
    bytes: &[u8],
    name: &str,
    options: &ocrmend::Options,
) -> Result<ocrmend::Cleaned, ocrmend::Error> {
    let mut cleaned = ocrmend::clean(bytes, options)?;
    cleaned.document.source.path = name.to_owned();
    Ok(cleaned)
}
