//! The files a batch reads, from the command line's files, folders and glob patterns,
//! each with the path of its output under `--out` (sub-folders mirrored).
//!
//! Listing never stops on one bad entry: a FIFO, socket, device or dangling symlink
//! with an input's name, or a folder that cannot be read, is set aside in
//! [`Listing::skipped`] with its reason (logged in `_errors.jsonl`, exit status 1).
//! Folders are told apart by (device, inode), so a symlink loop is walked once. A file
//! with a batch's stamp beside it (`.NAME.ocrmend`, see [`super::output`]) is an
//! output, not an input, and is left out of folder walks.

use std::collections::{HashMap, HashSet};
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

/// The reason logged for an entry that has an input's name but is no file to read.
pub const NOT_A_REGULAR_FILE: &str = "not a regular file";

/// One input file and where its result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// Size when listed, for the progress bar and the size limit.
    pub len: u64,
    /// `--out` joined with the input's path below what was named, extension replaced.
    pub output: PathBuf,
    /// (device, inode) of the input when listed.
    pub id: FileId,
}

/// What identifies a file whatever its path: (device, inode).
pub type FileId = (u64, u64);

pub fn file_id(meta: &std::fs::Metadata) -> FileId {
    (meta.dev(), meta.ino())
}

/// The inputs of a batch, and the entries set aside with the reason why.
#[derive(Debug, Default)]
pub struct Listing {
    pub inputs: Vec<Input>,
    pub skipped: Vec<(PathBuf, String)>,
}

/// Which files of a folder are inputs: those whose name ends in `.EXT` for one of the
/// extensions, compared without regard to case (`a.TXT` is found by `txt`).
#[derive(Debug, Clone)]
pub struct Extensions(Vec<String>);

impl Extensions {
    /// From `--ext`'s list, `txt,text` (leading dots allowed, empty entries ignored).
    pub fn parse(list: &str) -> Result<Extensions, String> {
        let exts: Vec<String> = list
            .split(',')
            .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        if exts.is_empty() {
            return Err(format!("--ext {list:?} names no extension"));
        }
        Ok(Extensions(exts))
    }

    pub fn matches(&self, path: &Path) -> bool {
        let Some(name) = path.file_name() else {
            return false;
        };
        let name = name.to_string_lossy().to_ascii_lowercase();
        self.0.iter().any(|e| {
            name.len() > e.len() + 1
                && name.ends_with(e.as_str())
                && name.as_bytes()[name.len() - e.len() - 1] == b'.'
        })
    }
}

/// The inputs named by `args`: a file as it is, a folder's files with one of `exts` at
/// any depth, a glob pattern's matches (folders among them walked likewise). `skip`
/// (the output folder) is never walked into. `extension` replaces each input's own in
/// its output's name. Sorted by output path, each output written once.
pub fn list(
    args: &[String],
    out: &Path,
    extension: &str,
    exts: &Extensions,
    skip: &Path,
) -> Result<Listing, String> {
    let mut walk = Walk {
        exts,
        skip: std::fs::metadata(skip).ok().map(|m| file_id(&m)),
        visited: HashSet::new(),
        found: Vec::new(),
        skipped: Vec::new(),
    };
    for arg in args {
        let path = Path::new(arg);
        // A dangling symlink exists as a name: it is skipped, not "no such file".
        if std::fs::symlink_metadata(path).is_ok() {
            let base = if path.is_dir() {
                path
            } else {
                path.parent().unwrap_or(path)
            };
            walk.add(path, base);
        } else if arg.contains(['*', '?', '[']) {
            let matches = glob::glob(arg).map_err(|e| format!("bad pattern {arg}: {e}"))?;
            let before = walk.found.len() + walk.skipped.len();
            let base = literal_prefix(path);
            for m in matches {
                match m {
                    Ok(m) => walk.add(&m, &base),
                    Err(e) => walk
                        .skipped
                        .push((e.path().to_owned(), format!("cannot read: {}", e.error()))),
                }
            }
            if walk.found.len() + walk.skipped.len() == before {
                return Err(format!("no file matches {arg}"));
            }
        } else {
            return Err(format!("no such file, folder or pattern: {arg}"));
        }
    }
    let mut inputs = Vec::with_capacity(walk.found.len());
    let mut seen: HashMap<PathBuf, (PathBuf, FileId)> = HashMap::new();
    for (path, relative, len, id) in walk.found {
        let output = out.join(&relative).with_extension(extension);
        match seen.get(&output) {
            Some((_, first)) if *first == id => continue,
            Some((first, _)) => {
                return Err(format!(
                    "{} and {} would both write {}: give them in separate batches or --out folders",
                    first.display(),
                    path.display(),
                    output.display()
                ))
            }
            None => {
                seen.insert(output.clone(), (path.clone(), id));
                inputs.push(Input {
                    path,
                    len,
                    output,
                    id,
                });
            }
        }
    }
    inputs.sort_by(|a, b| a.output.cmp(&b.output));
    Ok(Listing {
        inputs,
        skipped: walk.skipped,
    })
}

struct Walk<'a> {
    exts: &'a Extensions,
    skip: Option<FileId>,
    /// Folders walked so far, by (device, inode): a symlink loop is walked once.
    visited: HashSet<FileId>,
    found: Vec<(PathBuf, PathBuf, u64, FileId)>,
    skipped: Vec<(PathBuf, String)>,
}

impl Walk<'_> {
    /// Adds `path` (a file, or a folder's files with one of the extensions) named
    /// relative to `base`; what cannot be read is set aside.
    fn add(&mut self, path: &Path, base: &Path) {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            // A dangling symlink, or a symlink loop.
            Err(_) if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) => {
                self.skipped
                    .push((path.to_owned(), NOT_A_REGULAR_FILE.to_owned()));
                return;
            }
            Err(e) => {
                self.skipped
                    .push((path.to_owned(), format!("cannot read: {e}")));
                return;
            }
        };
        if meta.is_file() {
            let relative = path
                .strip_prefix(base)
                .ok()
                .filter(|r| !r.as_os_str().is_empty())
                .unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())));
            self.found.push((
                path.to_owned(),
                relative.to_owned(),
                meta.len(),
                file_id(&meta),
            ));
            return;
        }
        if !meta.is_dir() {
            // A FIFO (reading it would wait for a writer), a socket, a device.
            self.skipped
                .push((path.to_owned(), NOT_A_REGULAR_FILE.to_owned()));
            return;
        }
        let id = file_id(&meta);
        if Some(id) == self.skip || !self.visited.insert(id) {
            return;
        }
        let entries: Result<Vec<PathBuf>, _> = std::fs::read_dir(path)
            .and_then(|entries| entries.map(|e| e.map(|e| e.path())).collect());
        let mut entries = match entries {
            Ok(entries) => entries,
            Err(e) => {
                self.skipped
                    .push((path.to_owned(), format!("cannot read folder: {e}")));
                return;
            }
        };
        entries.sort();
        for entry in entries {
            // An output of an earlier batch (it has its stamp): not an OCR input.
            if self.exts.matches(&entry) && super::output::stamp_path(&entry).exists() {
                continue;
            }
            if entry.is_dir() || self.exts.matches(&entry) {
                self.add(&entry, base);
            }
        }
    }
}

/// The folders of `pattern` before its first wildcard: what its matches are named from.
fn literal_prefix(pattern: &Path) -> PathBuf {
    pattern
        .components()
        .take_while(
            |c| !matches!(c, Component::Normal(s) if s.to_string_lossy().contains(['*', '?', '['])),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_names_its_matches_from_its_literal_folders() {
        assert_eq!(
            literal_prefix(Path::new("scans/2020/*/a?.txt")),
            Path::new("scans/2020")
        );
        assert_eq!(literal_prefix(Path::new("*.txt")), Path::new(""));
    }

    #[test]
    fn extensions_match_without_regard_to_case() {
        let exts = Extensions::parse("txt, .Text").unwrap();
        assert!(exts.matches(Path::new("a/b.TXT")));
        assert!(exts.matches(Path::new("b.ocr.txt")));
        assert!(exts.matches(Path::new("b.text")));
        assert!(!exts.matches(Path::new("b.ttxt")));
        assert!(!exts.matches(Path::new(".txt")));
        assert!(!exts.matches(Path::new("b.txt.gz")));
        assert!(Extensions::parse(" , ").is_err());
    }
}
