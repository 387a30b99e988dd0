//! `ocrmend batch --jsonl`: JSON Lines records `{"id": …, "text": …}` on stdin, one
//! result per record on stdout carrying its `id`, in input order: the form that
//! Spark's `RDD.pipe`, Hadoop Streaming and GNU parallel `--pipe` feed and read.
//!
//! Records are read a chunk at a time, cleaned in parallel and written in order before
//! the next chunk is read, so memory is bounded by the chunk, not the stream.

use std::io::{self, BufRead, BufWriter, Read, Write};

use rayon::prelude::*;
use serde_json::Value;

use super::{clean_guarded, BatchArgs, EXIT_COULD_NOT_RUN, EXIT_OK, EXIT_SOME_FAILED};
use crate::format::Format;
use ocrmend::Document;

/// A chunk ends at this many bytes of input records…
const CHUNK_BYTES: usize = 8 * 1024 * 1024;
/// …or at this many records per worker thread, whichever comes first.
const RECORDS_PER_THREAD: usize = 8;

/// Streams stdin to stdout; the exit status is documented on [`super`].
pub fn main(args: &BatchArgs) -> u8 {
    let stdin = io::stdin().lock();
    let stdout = BufWriter::new(io::stdout().lock());
    match stream(stdin, stdout, args) {
        Ok(0) => EXIT_OK,
        Ok(_) => EXIT_SOME_FAILED,
        // The reader stopped reading: end quietly, as a process ended by SIGPIPE.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => crate::EXIT_BROKEN_PIPE,
        Err(e) => {
            crate::say(&format!("ocrmend batch --jsonl: {e}"));
            EXIT_COULD_NOT_RUN
        }
    }
}

/// One line of input: a record's bytes, or the length of a line over the limit.
type Line = Result<Vec<u8>, usize>;

/// Cleans every record of `input` onto `output`; returns how many failed.
fn stream(mut input: impl BufRead, mut output: impl Write, args: &BatchArgs) -> io::Result<usize> {
    // A record holds its text JSON-escaped: allow for escapes and the id around it.
    let limit = usize::try_from(args.max_bytes.saturating_mul(2))
        .unwrap_or(usize::MAX)
        .saturating_add(64 * 1024);
    let max_records = rayon::current_num_threads() * RECORDS_PER_THREAD;
    let mut failed = 0;
    loop {
        let mut chunk: Vec<Line> = Vec::new();
        let mut size = 0;
        let mut at_end = false;
        while chunk.len() < max_records && size < CHUNK_BYTES {
            match read_line(&mut input, limit)? {
                None => {
                    at_end = true;
                    break;
                }
                Some(Ok(bytes)) if bytes.iter().all(u8::is_ascii_whitespace) => {}
                Some(line) => {
                    size += line.as_ref().map_or(0, Vec::len);
                    chunk.push(line);
                }
            }
        }
        let answers: Vec<Result<String, String>> = chunk
            .into_par_iter()
            .map(|line| answer(line, args))
            .collect();
        for answer in answers {
            let line = answer.unwrap_or_else(|error_line| {
                failed += 1;
                error_line
            });
            output.write_all(line.as_bytes())?;
            output.write_all(b"\n")?;
        }
        // Consumers such as RDD.pipe read as we go: hand each chunk over.
        output.flush()?;
        if at_end {
            return Ok(failed);
        }
    }
}

/// The next line without its line ending, None at the end of input. A line longer than
/// `limit` is skipped to its end and reported by its length.
fn read_line(input: &mut impl BufRead, limit: usize) -> io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let read = Read::take(&mut *input, limit as u64 + 1).read_until(b'\n', &mut bytes)?;
    if read == 0 {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') || read <= limit {
        while bytes.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            bytes.pop();
        }
        return Ok(Some(Ok(bytes)));
    }
    let mut skipped = read;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            break;
        }
        let (used, found) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (buffer.len(), false),
        };
        input.consume(used);
        skipped += used;
        if found {
            break;
        }
    }
    Ok(Some(Err(skipped)))
}

/// The output line for one input line: Ok the result, Err an `{"id", "error"}` line
/// (the reason also goes to stderr).
fn answer(line: Line, args: &BatchArgs) -> Result<String, String> {
    let mut id = Value::Null;
    let result = match line {
        Err(len) => Err(format!(
            "a line of {len} bytes is over the limit set by --max-bytes {}",
            args.max_bytes
        )),
        Ok(bytes) => {
            let (record_id, text) = parse(&bytes);
            id = record_id;
            text.and_then(|text| clean_record(&id, &text, args))
        }
    };
    result.map_err(|reason| {
        crate::say(&format!("ocrmend batch --jsonl: record {id}: {reason}"));
        let failed = Failed {
            id: &id,
            error: &reason,
        };
        serde_json::to_string(&failed).expect("an error line serialises")
    })
}

/// The output line of a record that failed.
#[derive(serde::Serialize)]
struct Failed<'a> {
    id: &'a Value,
    error: &'a str,
}

/// The id of a record (null when absent or unreadable) and its text.
fn parse(bytes: &[u8]) -> (Value, Result<String, String>) {
    let not_a_record = |why: &str| {
        Err(format!(
            "{why}; each line must be {{\"id\": …, \"text\": \"…\"}}"
        ))
    };
    let Ok(Value::Object(mut record)) = serde_json::from_slice::<Value>(bytes) else {
        return (Value::Null, not_a_record("not a JSON object"));
    };
    let id = record.remove("id").unwrap_or(Value::Null);
    match record.remove("text") {
        Some(Value::String(text)) => (id, Ok(text)),
        _ => (id, not_a_record("no \"text\" string")),
    }
}

/// The result line of a record: its document (or rendering) with its id.
fn clean_record(id: &Value, text: &str, args: &BatchArgs) -> Result<String, String> {
    // The id names the source, as a path does for files.
    let name = match id {
        Value::String(s) => s.clone(),
        Value::Null => "-".to_owned(),
        other => other.to_string(),
    };
    let doc = clean_guarded(text.as_bytes(), &name, &args.options())?;
    Ok(match args.format {
        Format::Json => {
            #[derive(serde::Serialize)]
            struct WithId<'a> {
                id: &'a Value,
                #[serde(flatten)]
                doc: &'a Document,
            }
            serde_json::to_string(&WithId { id, doc: &doc }).expect("the document serialises")
        }
        Format::Text => serde_json::json!({"id": id, "text": args.format.render(&doc)}).to_string(),
        Format::Markdown => {
            serde_json::json!({"id": id, "markdown": args.format.render(&doc)}).to_string()
        }
        Format::Gold => serde_json::json!({"id": id, "gold": args.format.render(&doc)}).to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_newlines_crlf_or_the_input_and_long_ones_are_skipped_whole() {
        let mut input = io::BufReader::with_capacity(4, &b"ab\r\n0123456789\nxy\nlast"[..]);
        let mut lines = Vec::new();
        while let Some(line) = read_line(&mut input, 5).unwrap() {
            lines.push(line);
        }
        assert_eq!(
            lines,
            vec![
                Ok(b"ab".to_vec()),
                Err(11),
                Ok(b"xy".to_vec()),
                Ok(b"last".to_vec())
            ]
        );
    }
}
