//! Word lists with frequencies, one per language, built by `dictionaries/build.py`,
//! compiled into finite-state maps by `build.rs` and embedded in the binary (see
//! dictionaries/README.md for sources and licences). Nothing is parsed at start-up: a
//! look-up walks the embedded bytes.

use std::sync::OnceLock;

use fst::raw::{Fst, Node, Output};

/// Languages with a lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    Es,
    En,
}

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::En => "en",
        }
    }
}

/// Lower-case word forms and their frequency on the Zipf scale ×100 (700 = once per
/// ten thousand words).
pub struct Lexicon {
    freq: fst::Map<&'static [u8]>,
}

/// Words longer than this (in bytes, once lower-cased) are folded on the heap.
const FOLD_BUFFER: usize = 128;

impl Lexicon {
    /// The lexicon of `lang`.
    pub fn get(lang: Lang) -> &'static Lexicon {
        static FR: OnceLock<Lexicon> = OnceLock::new();
        static ES: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        match lang {
            Lang::Fr => FR.get_or_init(|| {
                Lexicon::embedded(include_bytes!(concat!(env!("OUT_DIR"), "/fr.fst")))
            }),
            Lang::Es => ES.get_or_init(|| {
                Lexicon::embedded(include_bytes!(concat!(env!("OUT_DIR"), "/es.fst")))
            }),
            Lang::En => EN.get_or_init(|| {
                Lexicon::embedded(include_bytes!(concat!(env!("OUT_DIR"), "/en.fst")))
            }),
        }
    }

    fn embedded(bytes: &'static [u8]) -> Lexicon {
        Lexicon {
            freq: fst::Map::new(bytes).expect("build.rs writes valid maps"),
        }
    }

    /// Frequency of `word` (any case; ’ counts as '), 0 when unknown.
    pub fn freq(&self, word: &str) -> u16 {
        if let Some(f) = self.lookup(word.as_bytes()) {
            return f;
        }
        let mut buffer = [0u8; FOLD_BUFFER];
        match fold(word, &mut buffer) {
            Folded::Unchanged => 0,
            Folded::Inline(len) => self.lookup(&buffer[..len]).unwrap_or(0),
            Folded::Heap(folded) => self.lookup(folded.as_bytes()).unwrap_or(0),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.freq(word) > 0
    }

    /// Calls `found` with every word of the lexicon that `word` (lower case) becomes
    /// when up to `changes` of its substrings are replaced as `table` allows (what OCR
    /// reads → what it may stand for), and its frequency; `word` itself included when
    /// it is a word. One walk of the map that drops a spelling as soon as no word starts
    /// with it: far cheaper than looking up every spelling, which are mostly not words.
    pub fn spellings(
        &self,
        word: &str,
        table: &[(&str, &[&str])],
        changes: usize,
        found: &mut dyn FnMut(&str, u16),
    ) {
        let fst = self.freq.as_fst();
        let mut walk = Walk {
            fst,
            table,
            spelling: String::with_capacity(word.len() + 8),
            found,
        };
        walk.from(fst.root(), Output::zero(), word, changes);
    }

    fn lookup(&self, key: &[u8]) -> Option<u16> {
        // build.rs stores the u16 frequencies of the TSV files, so this never truncates.
        self.freq.get(key).map(|f| f as u16)
    }
}

/// The state of [`Lexicon::spellings`]: the spelling so far and where it leads.
struct Walk<'a, 'f> {
    fst: &'a Fst<&'static [u8]>,
    table: &'a [(&'a str, &'a [&'a str])],
    spelling: String,
    found: &'f mut dyn FnMut(&str, u16),
}

impl Walk<'_, '_> {
    /// Spells `rest` from `node` (reached with `output`), up to `changes` replacements.
    fn from(&mut self, node: Node, output: Output, rest: &str, changes: usize) {
        let Some(first) = rest.chars().next() else {
            if node.is_final() {
                let freq = output.cat(node.final_output()).value();
                (self.found)(&self.spelling, freq as u16);
            }
            return;
        };
        if changes > 0 {
            for &(from, tos) in self.table {
                // A byte loop: `strip_prefix` calls memcmp, slow for one or two bytes.
                let matches =
                    from.len() <= rest.len() && from.bytes().zip(rest.bytes()).all(|(a, b)| a == b);
                if matches {
                    for to in tos {
                        self.then(node, output, to, to, &rest[from.len()..], changes - 1);
                    }
                }
            }
        }
        let mut utf8 = [0; 4];
        let letter = &*first.encode_utf8(&mut utf8);
        // The lexicons spell apostrophes '.
        let key = if first == '’' { "'" } else { letter };
        self.then(
            node,
            output,
            letter,
            key,
            &rest[first.len_utf8()..],
            changes,
        );
    }

    /// Goes on with `text` written and `key` followed in the map, if any word has it.
    fn then(
        &mut self,
        node: Node,
        output: Output,
        text: &str,
        key: &str,
        rest: &str,
        changes: usize,
    ) {
        let (mut node, mut output) = (node, output);
        for &byte in key.as_bytes() {
            let Some(i) = node.find_input(byte) else {
                return;
            };
            let transition = node.transition(i);
            output = output.cat(transition.out);
            node = self.fst.node(transition.addr);
        }
        let len = self.spelling.len();
        self.spelling.push_str(text);
        self.from(node, output, rest, changes);
        self.spelling.truncate(len);
    }
}

/// `word` lower-cased with ’ as ', the form the lexicons store.
enum Folded {
    /// Already in that form: nothing more to look up.
    Unchanged,
    /// Written to the first `len` bytes of the caller's buffer.
    Inline(usize),
    /// Too long for the buffer, or needing `str::to_lowercase`'s context rules.
    Heap(String),
}

fn fold(word: &str, buffer: &mut [u8; FOLD_BUFFER]) -> Folded {
    // Σ lower-cases by its context (final ς), which only the whole-string call knows.
    if word.contains('Σ') {
        return Folded::Heap(word.to_lowercase().replace('’', "'"));
    }
    let mut len = 0;
    let mut changed = false;
    for c in word.chars() {
        let mut push = |l: char| {
            changed |= l != c;
            let end = len + l.len_utf8();
            if end <= FOLD_BUFFER {
                l.encode_utf8(&mut buffer[len..end]);
            }
            len = end;
        };
        // Most letters are ASCII: skip the Unicode case tables for them.
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else if c == '’' {
            push('\'');
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    match (changed, len <= FOLD_BUFFER) {
        (false, _) => Folded::Unchanged,
        (true, true) => Folded::Inline(len),
        (true, false) => Folded::Heap(word.to_lowercase().replace('’', "'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn knows_accented_words_in_any_case() {
        let fr = Lexicon::get(Lang::Fr);
        assert!(fr.contains("système"));
        assert!(fr.contains("Développement"));
        assert!(
            fr.freq("systéme") + 200 < fr.freq("système"),
            "OCR misspellings are rare if present"
        );
        assert!(Lexicon::get(Lang::Es).contains("está"));
        assert!(Lexicon::get(Lang::En).freq("the") > 700);
    }

    /// The committed TSV files, as the lexicon read them before it was compiled.
    fn tsv(lang: Lang) -> Vec<(String, u16)> {
        let path = format!(
            "{}/dictionaries/{}.tsv.gz",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        let mut text = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
            .read_to_string(&mut text)
            .unwrap();
        text.lines()
            .map(|l| {
                let (w, f) = l.split_once('\t').unwrap();
                (w.to_owned(), f.parse().unwrap())
            })
            .collect()
    }

    #[test]
    fn every_word_has_the_frequency_of_the_tsv() {
        for lang in [Lang::Fr, Lang::Es, Lang::En] {
            let lexicon = Lexicon::get(lang);
            let entries = tsv(lang);
            assert_eq!(lexicon.freq.len(), entries.len(), "{lang:?}: no word added");
            for (word, freq) in entries {
                assert_eq!(lexicon.freq(&word), freq, "{lang:?} {word}");
            }
        }
    }

    #[test]
    fn spellings_are_the_words_among_all_replacements() {
        const TABLE: &[(&str, &[&str])] = &[
            ("e", &["é", "è", "ê"]),
            ("a", &["à", "â"]),
            ("ce", &["œ"]),
            ("g", &["ç"]),
        ];
        /// Every spelling, word or not: what `spellings` must match once filtered.
        fn all(rest: &str, changes: usize, done: String, out: &mut Vec<String>) {
            let Some(first) = rest.chars().next() else {
                return out.push(done);
            };
            for (from, tos) in TABLE.iter().filter(|_| changes > 0) {
                if let Some(tail) = rest.strip_prefix(from) {
                    for to in *tos {
                        all(tail, changes - 1, format!("{done}{to}"), out);
                    }
                }
            }
            all(
                &rest[first.len_utf8()..],
                changes,
                format!("{done}{first}"),
                out,
            );
        }
        let fr = Lexicon::get(Lang::Fr);
        for word in [
            "systeme",
            "ceuvre",
            "regoivent",
            "developpement",
            "aujourd’hui",
            "a",
            "zzq",
        ] {
            let mut brute = Vec::new();
            all(word, 2, String::new(), &mut brute);
            let mut want: Vec<(String, u16)> = brute
                .into_iter()
                .map(|s| {
                    let f = fr.freq(&s);
                    (s, f)
                })
                .filter(|&(_, f)| f > 0)
                .collect();
            let mut got = Vec::new();
            fr.spellings(word, TABLE, 2, &mut |s, f| got.push((s.to_owned(), f)));
            want.sort();
            want.dedup();
            got.sort();
            assert_eq!(got, want, "{word}");
        }
        let mut restored = Vec::new();
        fr.spellings("ceuvre", TABLE, 2, &mut |s, _| restored.push(s.to_owned()));
        assert!(restored.contains(&"œuvre".to_owned()));
    }

    #[test]
    fn case_and_apostrophe_fold_as_to_lowercase_does() {
        let fr = Lexicon::get(Lang::Fr);
        let old = |w: &str| fr.lookup(w.to_lowercase().replace('’', "'").as_bytes());
        for word in [
            "AUJOURD’HUI",
            "Aujourd’hui",
            "ÉTATS",
            "État",
            "İstanbul",
            "ΣΟΦΊΑΣ",
            "Straße",
            &"DÉVELOPPEMENT".repeat(20),
        ] {
            assert_eq!(fr.freq(word), old(word).unwrap_or(0), "{word}");
        }
        assert!(fr.freq("AUJOURD’HUI") > 500);
        assert_eq!(fr.freq("qwxzq"), 0);
    }
}
