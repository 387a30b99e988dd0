//! Compiles the word-frequency lexicons `dictionaries/{fr,es,en}.tsv.gz` (the committed
//! source, written by `dictionaries/build.py`) into finite-state maps in OUT_DIR, which
//! `src/lexicon.rs` embeds: the binary then looks words up without parsing anything at
//! start-up.

use std::io::{BufRead, BufReader};
use std::path::Path;

const LANGS: [&str; 3] = ["fr", "es", "en"];

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in LANGS {
        let source = format!("dictionaries/{lang}.tsv.gz");
        println!("cargo:rerun-if-changed={source}");
        let entries = read_tsv_gz(Path::new(&source));
        let fst = build_map(entries)
            .unwrap_or_else(|e| panic!("{source}: {e} (rebuild it with dictionaries/build.py)"));
        let target = Path::new(&out_dir).join(format!("{lang}.fst"));
        std::fs::write(&target, fst)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
    }
}

/// `word<TAB>freq` lines, sorted by the bytes of the word as the map requires.
fn read_tsv_gz(path: &Path) -> Vec<(String, u64)> {
    let file =
        std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    let mut entries: Vec<(String, u64)> = BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(|line| {
            let line = line.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let (word, freq) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{}: line without a tab: {line:?}", path.display()));
            let freq = freq
                .parse()
                .unwrap_or_else(|e| panic!("{}: bad frequency in {line:?}: {e}", path.display()));
            (word.to_owned(), freq)
        })
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    if let Some(twice) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
        panic!("{}: {:?} is listed twice", path.display(), twice[0].0);
    }
    entries
}

fn build_map(entries: Vec<(String, u64)>) -> Result<Vec<u8>, fst::Error> {
    let mut builder = fst::MapBuilder::memory();
    for (word, freq) in entries {
        builder.insert(word, freq)?;
    }
    builder.into_inner()
}
