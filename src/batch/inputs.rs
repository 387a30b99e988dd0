//! The files a batch reads, from the command line's files, folders and glob patterns,
//! each with the path of its output under `--out` (sub-folders mirrored).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// One input file and where its result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// Size when listed, for the progress bar and the size limit.
    pub len: u64,
    /// `--out` joined with the input's path below what was named, extension replaced.
    pub output: PathBuf,
}

/// The inputs named by `args`: a file as it is, a folder's `*.txt` files at any depth,
/// a glob pattern's matches (folders among them walked likewise). `skip` (the output
/// folder) is never walked into. Sorted by output path, each output written once.
pub fn list(
    args: &[String],
    out: &Path,
    extension: &str,
    skip: &Path,
) -> Result<Vec<Input>, String> {
    let mut found = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if path.exists() {
            let base = if path.is_dir() {
                path
            } else {
                path.parent().unwrap_or(path)
            };
            add(path, base, skip, &mut found)?;
        } else if arg.contains(['*', '?', '[']) {
            let matches = glob::glob(arg).map_err(|e| format!("bad pattern {arg}: {e}"))?;
            let before = found.len();
            let base = literal_prefix(path);
            for m in matches {
                let m =
                    m.map_err(|e| format!("cannot read {}: {}", e.path().display(), e.error()))?;
                add(&m, &base, skip, &mut found)?;
            }
            if found.len() == before {
                return Err(format!("no file matches {arg}"));
            }
        } else {
            return Err(format!("no such file, folder or pattern: {arg}"));
        }
    }
    let mut inputs = Vec::with_capacity(found.len());
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::new();
    for (path, relative, len) in found {
        let output = out.join(&relative).with_extension(extension);
        match seen.get(&output) {
            Some(first) if same_file(first, &path) => continue,
            Some(first) => {
                return Err(format!(
                    "{} and {} would both write {}: give them in separate batches or --out folders",
                    first.display(),
                    path.display(),
                    output.display()
                ))
            }
            None => {
                seen.insert(output.clone(), path.clone());
                inputs.push(Input { path, len, output });
            }
        }
    }
    inputs.sort_by(|a, b| a.output.cmp(&b.output));
    Ok(inputs)
}

/// Adds `path` (a file, or a folder's `*.txt` files) named relative to `base`.
fn add(
    path: &Path,
    base: &Path,
    skip: &Path,
    found: &mut Vec<(PathBuf, PathBuf, u64)>,
) -> Result<(), String> {
    let meta =
        std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if meta.is_file() {
        let relative = path
            .strip_prefix(base)
            .ok()
            .filter(|r| !r.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())));
        found.push((path.to_owned(), relative.to_owned(), meta.len()));
        return Ok(());
    }
    if same_file(path, skip) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("cannot read folder {}: {e}", path.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| format!("cannot read folder {}: {e}", path.display()))?;
    entries.sort();
    for entry in entries {
        let wanted = entry.is_dir() || entry.extension().is_some_and(|e| e == "txt");
        if wanted {
            add(&entry, base, skip, found)?;
        }
    }
    Ok(())
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

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
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
}
