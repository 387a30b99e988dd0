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

/// One line of input: a record's bytes, or the length of a line over the limit and
/// the record's id (null when it has none or it could not be read).
type Line = Result<Vec<u8>, (usize, Value)>;

/// Cleans every record of `input` onto `output`; returns how many failed.
fn stream(mut input: impl BufRead, mut output: impl Write, args: &BatchArgs) -> io::Result<usize> {
    // A record holds its text JSON-escaped: allow for escapes and the id around it.
    let limit = usize::try_from(args.pipeline.max_bytes.saturating_mul(2))
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
/// `limit` is skipped to its end and reported by its length, with the record's id
/// found on the way (the text skipped over, never held).
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
    let mut ids = IdScanner::default();
    ids.feed(&bytes);
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            break;
        }
        let (used, found) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (buffer.len(), false),
        };
        ids.feed(&buffer[..used]);
        input.consume(used);
        skipped += used;
        if found {
            break;
        }
    }
    Ok(Some(Err((skipped, ids.id()))))
}

/// The `id` of a record read a piece at a time, without holding its text or needing
/// it to be valid: the top-level object's members are walked, strings, arrays and
/// objects skipped, and the raw value of `"id"` kept (up to [`IdScanner::MAX_ID`]
/// bytes). So an error line keeps the id of a record too large, not UTF-8, or with a
/// lone surrogate escape (`"\ud800"`, which Python's json.dumps writes).
#[derive(Default)]
struct IdScanner {
    state: Scan,
    /// The key being read (raw, escapes kept).
    key: Vec<u8>,
    /// The raw value of `id`, while it is read and once it is.
    raw: Vec<u8>,
    capturing: bool,
    /// Depth of arrays and objects within a member's value.
    depth: usize,
    in_string: bool,
    escaped: bool,
    found: bool,
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Scan {
    #[default]
    Start,
    BeforeKey,
    Key,
    BeforeColon,
    BeforeValue,
    /// In a string, array or object value (`depth`, `in_string` say where).
    Nested,
    /// In a number, `true`, `false` or `null`.
    Scalar,
    AfterValue,
    /// The id is found, the object ended, or the line is not an object.
    Stop,
}

impl IdScanner {
    const MAX_ID: usize = 4096;

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.state == Scan::Stop {
                return;
            }
            self.byte(b);
        }
    }

    fn byte(&mut self, b: u8) {
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        match self.state {
            Scan::Start if space => {}
            Scan::Start if b == b'{' => self.state = Scan::BeforeKey,
            Scan::BeforeKey if space || b == b',' => {}
            Scan::BeforeKey if b == b'"' => {
                self.key.clear();
                self.escaped = false;
                self.state = Scan::Key;
            }
            Scan::Key => {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.state = Scan::BeforeColon;
                    return;
                }
                if self.key.len() < 16 {
                    self.key.push(b);
                }
            }
            Scan::BeforeColon if space => {}
            Scan::BeforeColon if b == b':' => self.state = Scan::BeforeValue,
            Scan::BeforeValue if space => {}
            Scan::BeforeValue => {
                self.capturing = self.key == b"id";
                self.keep(b);
                self.depth = 0;
                self.escaped = false;
                self.in_string = b == b'"';
                self.state = match b {
                    b'"' => Scan::Nested,
                    b'{' | b'[' => {
                        self.depth = 1;
                        Scan::Nested
                    }
                    _ => Scan::Scalar,
                };
            }
            Scan::Nested => {
                self.keep(b);
                if self.in_string {
                    if self.escaped {
                        self.escaped = false;
                    } else if b == b'\\' {
                        self.escaped = true;
                    } else if b == b'"' {
                        self.in_string = false;
                        if self.depth == 0 {
                            self.end_value();
                        }
                    }
                } else {
                    match b {
                        b'"' => self.in_string = true,
                        b'{' | b'[' => self.depth += 1,
                        b'}' | b']' => {
                            self.depth -= 1;
                            if self.depth == 0 {
                                self.end_value();
                            }
                        }
                        _ => {}
                    }
                }
            }
            Scan::Scalar if space || b == b',' || b == b'}' => {
                self.end_value();
                if self.state == Scan::AfterValue {
                    self.byte(b);
                }
            }
            Scan::Scalar => self.keep(b),
            Scan::AfterValue if space || b == b',' => self.state = Scan::BeforeKey,
            _ => self.state = Scan::Stop,
        }
    }

    fn keep(&mut self, b: u8) {
        if self.capturing {
            if self.raw.len() < Self::MAX_ID {
                self.raw.push(b);
            } else {
                self.capturing = false;
                self.raw.clear();
            }
        }
    }

    fn end_value(&mut self) {
        if self.capturing {
            self.found = true;
            self.state = Scan::Stop;
        } else {
            self.state = Scan::AfterValue;
        }
    }

    /// The id found, null when none was.
    fn id(&self) -> Value {
        if !self.found {
            return Value::Null;
        }
        serde_json::from_slice(&self.raw)
            .or_else(|_| serde_json::from_str(&String::from_utf8_lossy(&self.raw)))
            .unwrap_or(Value::Null)
    }
}

/// The output line for one input line: Ok the result, Err an `{"id", "error"}` line
/// (the reason also goes to stderr).
fn answer(line: Line, args: &BatchArgs) -> Result<String, String> {
    let id;
    let result = match line {
        Err((len, record_id)) => {
            id = record_id;
            Err(format!(
                "a line of {len} bytes is over the limit set by --max-bytes {}",
                args.pipeline.max_bytes
            ))
        }
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
    let mut record = match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(record)) => record,
        Ok(_) => return (Value::Null, not_a_record("not a JSON object")),
        // Bytes not UTF-8, a lone surrogate escape, broken JSON: the id, if any, is
        // still that of the record.
        Err(e) => {
            let mut ids = IdScanner::default();
            ids.feed(bytes);
            let why = if std::str::from_utf8(bytes).is_err() {
                "not UTF-8".to_owned()
            } else {
                format!("not a JSON object ({e})")
            };
            return (ids.id(), not_a_record(&why));
        }
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
    Ok(match args.format.record_key() {
        None => {
            #[derive(serde::Serialize)]
            struct WithId<'a> {
                id: &'a Value,
                #[serde(flatten)]
                doc: &'a Document,
            }
            serde_json::to_string(&WithId { id, doc: &doc }).expect("the document serialises")
        }
        Some(key) => {
            let rendering = args.format.render(&doc, args.provenance());
            serde_json::json!({"id": id, key: rendering}).to_string()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_of(line: &[u8]) -> Value {
        let mut ids = IdScanner::default();
        // A byte at a time: the scanner resumes wherever a piece ends.
        for b in line {
            ids.feed(std::slice::from_ref(b));
        }
        ids.id()
    }

    #[test]
    fn the_id_is_found_before_or_after_a_bad_text() {
        assert_eq!(id_of(br#"{"id": "a", "text": "\ud800"}"#), "a");
        assert_eq!(
            id_of(b"{\"text\": \"\xff\\\"}\", \"n\": [1, {\"id\": 2}], \"id\" : 7}"),
            7
        );
        assert_eq!(
            id_of(br#"{"meta": {"x": "}"}, "id": {"k": [1, "]"]}, "text": "#),
            serde_json::json!({"k": [1, "]"]})
        );
        assert_eq!(id_of(br#"{"id": null}"#), Value::Null);
        assert_eq!(id_of(br#"{"id": -1.5e3,"text":""}"#), -1500.0);
        assert_eq!(id_of(br#"["id", 1]"#), Value::Null);
        assert_eq!(id_of(br#"{"text": "x"}"#), Value::Null);
    }

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
                Err((11, Value::Null)),
                Ok(b"xy".to_vec()),
                Ok(b"last".to_vec())
            ]
        );
    }
}
