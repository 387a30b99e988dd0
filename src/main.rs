//! The `ocrmend` command line.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The JSON contract `ocrmend/1`.
    Json,
    /// The clean reading text.
    Text,
    /// Headings, numbered paragraphs and footnotes as Markdown.
    Markdown,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Clean {
            input,
            output,
            format,
        } => match run_clean(&input, output, format) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("ocrmend: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

fn run_clean(input: &str, output: Option<PathBuf>, format: Format) -> Result<(), String> {
    let bytes = if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(input).map_err(|e| format!("cannot read {input}: {e}"))?
    };
    let name = if input == "-" { "-" } else { input };
    let doc = ocrmend::clean(&bytes, name);
    let rendered = match format {
        Format::Json => serde_json::to_string_pretty(&doc).expect("the document serialises") + "\n",
        Format::Text => ocrmend::emit::text(&doc),
        Format::Markdown => ocrmend::emit::markdown(&doc),
    };
    match output {
        Some(path) => std::fs::write(&path, rendered)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => std::io::stdout()
            .write_all(rendered.as_bytes())
            .map_err(|e| format!("cannot write to stdout: {e}")),
    }
}
