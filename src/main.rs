//! The `ocrmend` command line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
mod batch;
mod format;
mod pipeline;
mod review;

use batch::{BatchArgs, EXIT_COULD_NOT_RUN};
use format::Format;
use ocrmend_eval::score::bar::{self, Bar, Fails};
use ocrmend_eval::score::{macro_average, report};
use pipeline::PipelineArgs;

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
    /// Print a shell completion script: `ocrmend completions bash > /etc/bash_completion.d/ocrmend`.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `ocrmend man > ocrmend.1 && man ./ocrmend.1`.
    Man,
    /// Clean one document and write it to stdout (or -o FILE).
    ///
    /// The JSON is the contract `ocrmend/1` (docs/CONTRACT.md in the repository,
    /// schema/ocrmend-1.schema.json).
    #[command(after_help = "Examples:
  ocrmend clean report.txt > report.json
  ocrmend clean report.txt --format markdown --lang fr
  ocrmend clean report.txt --format akn --no-provenance -o report.akn.xml
  ocrmend clean - < report.txt")]
    Clean {
        /// The OCR text file, or - for standard input.
        input: String,
        /// Write the result here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// With --format akn: leave ocrmend's corrections and warnings out of the XML.
        #[arg(long)]
        no_provenance: bool,
        #[command(flatten)]
        pipeline: PipelineArgs,
    },
    /// Clean many files in parallel into a folder, or a JSON Lines stream (--jsonl).
    ///
    /// Exit status: 0 all inputs cleaned or up to date; 1 some refused or failed (on
    /// stderr, and in OUT/_errors.jsonl or as {"id", "error"} lines); 2 could not run.
    #[command(after_help = "Examples:
  ocrmend batch scans/ --out clean/
  ocrmend batch 'scans/**/*.txt' --out clean/ --format markdown --jobs 4
  ocrmend batch --jsonl < records.jsonl > results.jsonl")]
    Batch(BatchArgs),
    /// What a parser change did: blocks added, removed or renumbered, word changes,
    /// notes, calls, corrections and warnings gained or lost. OLD and NEW are results
    /// in the JSON contract, or insta snapshots of them (.snap, .snap.new).
    ///
    /// Corrections and warnings are paired by what they are and the words around them,
    /// not by their offsets, so text inserted early moves none of them.
    ///
    /// Exit status: 0; with --exit-code, 0 when nothing changed and 1 when anything did;
    /// 2 when it could not run (a file unreadable or not a result).
    #[command(after_help = "Example:
  ocrmend clean report.txt > old.json   # then change the parser, rebuild
  ocrmend clean report.txt > new.json
  ocrmend diff old.json new.json")]
    Diff {
        /// The earlier result: JSON of the contract (docs/CONTRACT.md) or an insta snapshot.
        old: PathBuf,
        /// The later result, in the same forms.
        new: PathBuf,
        /// Print the changes as JSON.
        #[arg(long)]
        json: bool,
        /// Exit with status 1 when anything changed, 0 when nothing did (as `git diff
        /// --exit-code`), for CI.
        #[arg(long)]
        exit_code: bool,
    },
    /// Write a self-contained HTML page to check a run by eye: clean blocks beside
    /// their OCR, every correction marked, removed lines greyed, warnings listed.
    #[command(after_help = "Example:
  ocrmend review report.txt -o report.html   # open it in a browser")]
    Review {
        /// The OCR text file, or - for standard input.
        input: String,
        /// Write the page here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        pipeline: PipelineArgs,
    },
    /// Measure results against ground truth, with the metrics of the yardstick
    /// (../shared/eval/score.py): one document, or every one of a gold folder.
    ///
    /// Exit status: 0 when it ran and every --fail-under and --fail-over bar is cleared;
    /// 1 when a bar is missed (each one said on stderr); 2 when it could not run (a file
    /// unreadable or malformed, a bar naming a metric the scores do not have).
    #[command(after_help = "Examples:
  ocrmend clean report.txt --format gold > report.gold.txt   # correct it by hand
  ocrmend clean report.txt > report.json
  ocrmend score report.gold.txt report.json --ocr report.txt
  ocrmend score --gold-dir gold/ --result-dir results/ --fail-under paragraphs_f1=0.95")]
    Score {
        /// The ground truth: a gold file, the format of docs/GOLD_FORMAT.md in the
        /// repository (`clean --format gold` writes a draft to correct).
        #[arg(required_unless_present = "gold_dir")]
        gold: Option<PathBuf>,
        /// The result in the JSON contract, docs/CONTRACT.md (or plain text, with --text).
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
        /// Fail (status 1) when METRIC, named as the JSON names it, is under VALUE:
        /// `--fail-under fix_rate=0.9 --fail-under paragraphs_f1=0.95`. With --gold-dir
        /// the bar applies to the macro average.
        #[arg(long, value_name = "METRIC=VALUE", value_parser = floor)]
        fail_under: Vec<Bar>,
        /// Fail (status 1) when METRIC is over VALUE, for metrics where lower is better:
        /// `--fail-over damage_rate=0.01 --fail-over aligned_cer=0.05`.
        #[arg(long, value_name = "METRIC=VALUE", value_parser = ceiling)]
        fail_over: Vec<Bar>,
    },
}

/// The status of `diff --exit-code` when something changed, and of `score` when a bar
/// is missed: an answer, kept apart from "could not run" as diff(1) and `git diff` do.
const EXIT_CHANGED_OR_MISSED: u8 = 1;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // clean and review fail with 1, as they always have; diff and score keep 1 for
    // their answer.
    let (done, could_not_run) = match cli.command {
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "ocrmend", &mut script);
            let written = write_stdout(&String::from_utf8_lossy(&script));
            (written.map(|()| ExitCode::SUCCESS), ExitCode::FAILURE)
        }
        Command::Man => {
            let mut page = Vec::new();
            let rendered = clap_mangen::Man::new(Cli::command()).render(&mut page);
            let written = rendered
                .map_err(|e| format!("cannot render the manual: {e}"))
                .and_then(|()| write_stdout(&String::from_utf8_lossy(&page)));
            (written.map(|()| ExitCode::SUCCESS), ExitCode::FAILURE)
        }
        Command::Clean {
            input,
            output,
            format,
            no_provenance,
            pipeline,
        } => (
            run_clean(
                &input,
                output,
                (format, provenance(no_provenance)),
                &pipeline.options(),
            )
            .map(|()| ExitCode::SUCCESS),
            ExitCode::FAILURE,
        ),
        Command::Batch(args) => return batch::main(args),
        Command::Review {
            input,
            output,
            pipeline,
        } => (
            run_review(&input, output, &pipeline.options()).map(|()| ExitCode::SUCCESS),
            ExitCode::FAILURE,
        ),
        Command::Diff {
            old,
            new,
            json,
            exit_code,
        } => (
            run_diff(&old, &new, json, exit_code),
            ExitCode::from(EXIT_COULD_NOT_RUN),
        ),
        Command::Score {
            gold,
            result,
            ocr,
            text,
            json,
            gold_dir,
            result_dir,
            ocr_dir,
            fail_under,
            fail_over,
        } => {
            let bars: Vec<Bar> = fail_under.into_iter().chain(fail_over).collect();
            let done = match (gold, result, gold_dir, result_dir) {
                (_, _, Some(gold_dir), Some(result_dir)) => {
                    run_score_dirs(&gold_dir, &result_dir, ocr_dir.as_deref(), json, &bars)
                }
                (Some(gold), Some(result), _, _) => {
                    run_score(&gold, &result, text, ocr.as_deref(), json, &bars)
                }
                _ => unreachable!("clap requires GOLD and RESULT, or --gold-dir and --result-dir"),
            };
            (done, ExitCode::from(EXIT_COULD_NOT_RUN))
        }
    };
    match done {
        Ok(status) => status,
        Err(e) => {
            say(&format!("ocrmend: {e}"));
            could_not_run
        }
    }
}

/// `--fail-under METRIC=VALUE`.
fn floor(text: &str) -> Result<Bar, String> {
    Bar::parse(text, Fails::Under)
}

/// `--fail-over METRIC=VALUE`.
fn ceiling(text: &str) -> Result<Bar, String> {
    Bar::parse(text, Fails::Over)
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
    bars: &[Bar],
) -> Result<ExitCode, String> {
    let scores = report::score_files(gold, result, text, ocr)?;
    // An unknown metric is found before anything is printed.
    let missed = bar::missed(bars, &scores.values())?;
    if json {
        print_json(&scores.to_json())?;
    } else {
        write_stdout(&report::listing(&scores))?;
    }
    Ok(verdict(&missed))
}

fn run_score_dirs(
    gold_dir: &Path,
    result_dir: &Path,
    ocr_dir: Option<&Path>,
    json: bool,
    bars: &[Bar],
) -> Result<ExitCode, String> {
    let docs = report::score_dirs(gold_dir, result_dir, ocr_dir)?;
    let missed = bar::missed(bars, &macro_average(docs.iter().map(|(_, s)| s)))?;
    if json {
        print_json(&report::json(&docs))?;
    } else {
        write_stdout(&report::table(&docs))?;
    }
    Ok(verdict(&missed))
}

/// Each bar missed said on stderr, and the status that says whether there was one.
fn verdict(missed: &[String]) -> ExitCode {
    for m in missed {
        say(&format!("ocrmend: {m}"));
    }
    if missed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_CHANGED_OR_MISSED)
    }
}

fn run_diff(old: &Path, new: &Path, json: bool, exit_code: bool) -> Result<ExitCode, String> {
    let read = |path: &Path| {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        ocrmend_eval::diff::read_document(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let changes = ocrmend_eval::diff::diff(&read(old)?, &read(new)?);
    if json {
        print_json(&serde_json::to_value(&changes).expect("the diff serialises"))?;
    } else {
        write_stdout(&ocrmend_eval::diff::render(&changes))?;
    }
    Ok(if exit_code && !changes.is_empty() {
        ExitCode::from(EXIT_CHANGED_OR_MISSED)
    } else {
        ExitCode::SUCCESS
    })
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
/// `options` admit.
fn read_input(input: &str, options: &ocrmend::Options) -> Result<Vec<u8>, String> {
    let max_bytes = options.max_bytes;
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
    options
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
    (format, provenance): (Format, ocrmend::Provenance),
    options: &ocrmend::Options,
) -> Result<(), String> {
    let cleaned = clean(&read_input(input, options)?, input, options)
        .map_err(|refused| format!("{input}: {refused}"))?;
    write_output(output, &format.render(&cleaned.document, provenance))
}

/// What `--no-provenance` asks of an Akoma Ntoso output.
fn provenance(no_provenance: bool) -> ocrmend::Provenance {
    if no_provenance {
        ocrmend::Provenance::Dropped
    } else {
        ocrmend::Provenance::Kept
    }
}

fn run_review(
    input: &str,
    output: Option<PathBuf>,
    options: &ocrmend::Options,
) -> Result<(), String> {
    let bytes = read_input(input, options)?;
    let cleaned = clean(&bytes, input, options).map_err(|refused| format!("{input}: {refused}"))?;
    write_output(output, &review::page(&cleaned.input, &cleaned.document))
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
