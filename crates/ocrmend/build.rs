//! Compiles the word-frequency lexicons `dictionaries/{fr,es,en}.tsv.gz` (the committed
//! source, written by `dictionaries/build.py`) and the accent context model
//! `dictionaries/context.tsv.gz` (written by `dictionaries/context.py`) into finite-state
//! maps in OUT_DIR, which `src/lexicon.rs` and `src/repair/context_model.rs` embed: the
//! binary then looks them up without parsing anything at start-up.

use std::io::{BufRead, BufReader};
use std::path::Path;

const LANGS: [&str; 3] = ["fr", "es", "en"];

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // The lexicons are the workspace's data, shared with dictionaries/build.py.
    for lang in LANGS {
        compile(
            &format!("{lang}.tsv.gz"),
            read_tsv_gz,
            "build.py",
            &out_dir,
            lang,
        );
    }
    compile(
        "context.tsv.gz",
        read_context_gz,
        "context.py",
        &out_dir,
        "context",
    );
}

/// Compiles `dictionaries/{file}`, read by `read`, into `OUT_DIR/{map}.fst`; `script`
/// is the one that writes the file.
fn compile(
    file: &str,
    read: fn(&Path) -> Vec<(String, u64)>,
    script: &str,
    out_dir: &str,
    map: &str,
) {
    let source = format!("{}/../../dictionaries/{file}", env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed={source}");
    let fst = build_map(read(Path::new(&source)))
        .unwrap_or_else(|e| panic!("{source}: {e} (rebuild it with dictionaries/{script})"));
    let target = Path::new(out_dir).join(format!("{map}.fst"));
    std::fs::write(&target, fst)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

/// The lines of the gzip-compressed text file at `path`.
fn gz_lines(path: &Path) -> impl Iterator<Item = String> + '_ {
    let file =
        std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(move |line| line.unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// `entries` sorted by the bytes of their keys, as the map requires; a key listed twice
/// is an error in the file at `path`.
fn sorted_unique(mut entries: Vec<(String, u64)>, path: &Path) -> Vec<(String, u64)> {
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    if let Some(twice) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
        panic!("{}: {:?} is listed twice", path.display(), twice[0].0);
    }
    entries
}

/// `lang<TAB>focus<TAB>side<TAB>neighbour<TAB>count` lines after a `#` header: the key is
/// the first four fields as written (tabs included), the value the count.
fn read_context_gz(path: &Path) -> Vec<(String, u64)> {
    let entries = gz_lines(path)
        .filter(|line| !line.starts_with('#'))
        .map(|line| {
            let (key, count) = line
                .rsplit_once('\t')
                .unwrap_or_else(|| panic!("{}: no count in {line:?}", path.display()));
            let count = count
                .parse()
                .unwrap_or_else(|e| panic!("{}: bad count in {line:?}: {e}", path.display()));
            (key.to_owned(), count)
        })
        .collect();
    sorted_unique(entries, path)
}

/// `word<TAB>freq[<TAB>tags]` lines; each value packs the frequency (low 16 bits) and
/// the tags (next 16).
fn read_tsv_gz(path: &Path) -> Vec<(String, u64)> {
    let entries = gz_lines(path)
        .map(|line| {
            let mut fields = line.split('\t');
            let word = fields.next().unwrap_or_default();
            let number = |field: Option<&str>, what: &str| -> u64 {
                let value: u16 = field
                    .unwrap_or_else(|| panic!("{}: no {what} in {line:?}", path.display()))
                    .parse()
                    .unwrap_or_else(|e| panic!("{}: bad {what} in {line:?}: {e}", path.display()));
                u64::from(value)
            };
            let freq = number(fields.next(), "frequency");
            let tags = fields.next().map_or(0, |t| number(Some(t), "tags"));
            (word.to_owned(), freq | tags << 16)
        })
        .collect();
    sorted_unique(entries, path)
}

fn build_map(entries: Vec<(String, u64)>) -> Result<Vec<u8>, fst::Error> {
    let mut builder = fst::MapBuilder::memory();
    for (word, freq) in entries {
        builder.insert(word, freq)?;
    }
    builder.into_inner()
}
