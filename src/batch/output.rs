//! Writing results so that an interrupted batch can resume: each output appears whole
//! or not at all, and one newer than its input is left alone.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Whether `output` exists and was written no earlier than `input` was last changed.
pub fn is_up_to_date(input: &Path, output: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified());
    match (modified(input), modified(output)) {
        (Ok(input), Ok(output)) => output >= input,
        _ => false,
    }
}

/// Writes `bytes` to a hidden temporary file beside `path`, then renames it into place,
/// so a reader (or a resumed run) never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = folder.join(format!(".{name}.tmp"));
    File::create(&temporary)?.write_all(bytes)?;
    std::fs::rename(&temporary, path)
}

/// `_errors.jsonl` in the output folder: one `{"path", "reason"}` line per refused or
/// failed input of this run, written as they happen; absent when all succeeded.
pub struct ErrorLog {
    path: PathBuf,
    file: Mutex<Option<File>>,
}

impl ErrorLog {
    pub const NAME: &'static str = "_errors.jsonl";

    /// Starts the log of a run in `out`, removing the previous run's.
    pub fn start(out: &Path) -> io::Result<ErrorLog> {
        let path = out.join(Self::NAME);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        Ok(ErrorLog {
            path,
            file: Mutex::new(None),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn record(&self, input: &Path, reason: &str) -> io::Result<()> {
        let line = serde_json::json!({"path": input.to_string_lossy(), "reason": reason});
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if file.is_none() {
            *file = Some(File::create(&self.path)?);
        }
        let file = file.as_mut().expect("opened above");
        writeln!(file, "{line}")
    }
}
