//! The `ocrmend` command line.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ocrmend::batch::{refuse, BatchArgs};
use ocrmend::format::Format;

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
        #[arg(long, default_value_t = refuse::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// Clean many files in parallel into a folder, or a JSON Lines stream (--jsonl).
    ///
    /// Exit status: 0 all inputs cleaned or up to date; 1 some refused or failed (on
    /// stderr, and in OUT/_errors.jsonl or as {"id", "error"} lines); 2 could not run.
    Batch(BatchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Clean {
            input,
            output,
            format,
            max_bytes,
        } => match run_clean(&input, output, format, max_bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("ocrmend: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Batch(args) => ocrmend::batch::main(args),
    }
}

fn run_clean(
    input: &str,
    output: Option<PathBuf>,
    format: Format,
    max_bytes: u64,
) -> Result<(), String> {
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
        let len = std::fs::metadata(input)
            .map_err(|e| format!("cannot read {input}: {e}"))?
            .len();
        if len > max_bytes {
            (Vec::new(), len)
        } else {
            let bytes = std::fs::read(input).map_err(|e| format!("cannot read {input}: {e}"))?;
            let len = bytes.len() as u64;
            (bytes, len)
        }
    };
    if let Some(reason) = refuse::too_large(len, max_bytes) {
        return Err(format!("{input}: {reason}"));
    }
    let name = if input == "-" { "-" } else { input };
    let doc = ocrmend::clean(&bytes, name);
    let rendered = format.render(&doc);
    match output {
        Some(path) => std::fs::write(&path, rendered)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => std::io::stdout()
            .write_all(rendered.as_bytes())
            .map_err(|e| format!("cannot write to stdout: {e}")),
    }
}
