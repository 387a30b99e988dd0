//! Writing results so that an interrupted batch can resume: each output appears whole
//! or not at all, and one made by this version of the tool from the very same input
//! bytes is left alone.
//!
//! **Resume by content.** Beside each output `NAME` the batch writes a small hidden
//! stamp `.NAME.ocrmend` (the same for every format):
//! `{"tool": "ocrmend 0.1.0", "input_sha256", "input_bytes", "output_sha256", "options"}`.
//! An output is up to date only when its stamp parses, names this version of the tool
//! and the options that shape the output (`--no-provenance`), the input's size and
//! SHA-256 are the recorded ones, and the output's own SHA-256 is
//! the recorded one (so a truncated, edited or unparsable output is redone). Times are
//! never compared: an input replaced by an older file (`cp -p`) is redone. The stamp
//! is written after its output; a run stopped between the two redoes that input.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

/// The tool and its version, as stamps record it.
pub const TOOL: &str = concat!("ocrmend ", env!("CARGO_PKG_VERSION"));

/// What an output was made from, kept in its stamp.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub tool: String,
    pub input_sha256: String,
    pub input_bytes: u64,
    pub output_sha256: String,
    /// The flags that changed the output beyond its format (a stamp from before there
    /// were any reads as none).
    #[serde(default)]
    pub options: Vec<String>,
}

/// The SHA-256 of some bytes and their count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digested {
    pub sha256: String,
    pub bytes: u64,
}

pub fn digest(bytes: &[u8]) -> Digested {
    Digested {
        sha256: hex(&Sha256::digest(bytes)),
        bytes: bytes.len() as u64,
    }
}

/// The digest of a file read as a stream (for one too large to hold).
pub fn digest_file(path: &Path) -> io::Result<Digested> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0; 1 << 16];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    Ok(Digested {
        sha256: hex(&hasher.finalize()),
        bytes,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where the stamp of `output` is: `.NAME.ocrmend` beside it.
pub fn stamp_path(output: &Path) -> PathBuf {
    let name = output.file_name().unwrap_or_default().to_string_lossy();
    output.with_file_name(format!(".{name}.ocrmend"))
}

/// Whether `output` exists, whole, made by this tool with `options` from an input with
/// `input`'s content (see the module's doc).
pub fn is_up_to_date(input: &Digested, output: &Path, options: &[String]) -> bool {
    let Ok(stamp) = std::fs::read(stamp_path(output)) else {
        return false;
    };
    let Ok(stamp) = serde_json::from_slice::<Stamp>(&stamp) else {
        return false;
    };
    if stamp.tool != TOOL
        || stamp.input_sha256 != input.sha256
        || stamp.input_bytes != input.bytes
        || stamp.options != options
    {
        return false;
    }
    match std::fs::read(output) {
        Ok(written) => digest(&written).sha256 == stamp.output_sha256,
        Err(_) => false,
    }
}

/// Writes `bytes` to `output`, then its stamp, each atomically.
pub fn write_with_stamp(
    output: &Path,
    bytes: &[u8],
    input: &Digested,
    options: &[String],
) -> io::Result<()> {
    write_atomically(output, bytes)?;
    let stamp = Stamp {
        tool: TOOL.to_owned(),
        input_sha256: input.sha256.clone(),
        input_bytes: input.bytes,
        output_sha256: digest(bytes).sha256,
        options: options.to_vec(),
    };
    let stamp = serde_json::to_string(&stamp).expect("a stamp serialises") + "\n";
    write_atomically(&stamp_path(output), stamp.as_bytes())
}

/// Temporary files made by this process, numbered so that no two threads share one.
static TEMPORARIES: AtomicU64 = AtomicU64::new(0);

/// A temporary file, removed when dropped unless it was renamed into place.
struct Temporary<'a> {
    path: &'a Path,
    kept: bool,
}

impl Drop for Temporary<'_> {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(self.path);
        }
    }
}

/// Writes `bytes` to a hidden temporary file beside `path`, named
/// `.NAME.<pid>.<n>.tmp` (so two batches into one folder never share one) and made
/// new (never an existing file), syncs it to disk, then renames it into place, so a
/// reader (or a resumed run) never sees half a file. On any failure (write error, full
/// disk, failed rename) the temporary file is removed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let pid = std::process::id();
    let (temporary, mut file) = loop {
        let n = TEMPORARIES.fetch_add(1, Ordering::Relaxed);
        let temporary = folder.join(format!(".{name}.{pid}.{n}.tmp"));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => break (temporary, file),
            // Left by an earlier process of the same pid: take the next number.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };
    let mut guard = Temporary {
        path: &temporary,
        kept: false,
    };
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, path)?;
    guard.kept = true;
    // The rename itself on disk; a folder that cannot be synced is no failure.
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Whether files can be made in `folder`: a temporary file made and removed.
pub fn probe(folder: &Path) -> io::Result<()> {
    let n = TEMPORARIES.fetch_add(1, Ordering::Relaxed);
    let path = folder.join(format!(".ocrmend.{}.{n}.tmp", std::process::id()));
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    std::fs::remove_file(&path)
}

/// `_errors.jsonl` in the output folder: one `{"run", "path", "reason"}` line per
/// refused or failed input, written as they happen, appended to what earlier runs
/// logged (never truncated); absent while no run has failed. `run` is
/// `<unix time>-<pid>`. Each line is one `write` to a file opened with `O_APPEND`, so
/// the lines of concurrent batches interleave whole, never overwrite each other.
pub struct ErrorLog {
    path: PathBuf,
    run: String,
    file: Mutex<Option<File>>,
}

impl ErrorLog {
    pub const NAME: &'static str = "_errors.jsonl";

    /// The log of a new run in `out`.
    pub fn start(out: &Path) -> ErrorLog {
        let since_epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        ErrorLog {
            path: out.join(Self::NAME),
            run: format!("{since_epoch}-{}", std::process::id()),
            file: Mutex::new(None),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// This run's id in the log.
    pub fn run(&self) -> &str {
        &self.run
    }

    pub fn record(&self, input: &Path, reason: &str) -> io::Result<()> {
        let line = serde_json::json!({
            "run": self.run,
            "path": input.to_string_lossy(),
            "reason": reason,
        })
        .to_string()
            + "\n";
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if file.is_none() {
            *file = Some(
                OpenOptions::new()
                    .append(true)
                    .create(true)
                    .open(&self.path)?,
            );
        }
        let file = file.as_mut().expect("opened above");
        // One write for the line: a short write (full disk) is an error, not a retry
        // that could split the line around another process's.
        let written = file.write(line.as_bytes())?;
        if written < line.len() {
            return Err(io::Error::new(
                io::ErrorKind::WriteZero,
                format!("only {written} of {} bytes written", line.len()),
            ));
        }
        Ok(())
    }
}
