//! Word lists with frequencies, one per language, built by `dictionaries/build.py`,
//! compiled into finite-state maps by `build.rs` and embedded in the binary (see
//! dictionaries/README.md for sources and licences). Nothing is parsed at start-up: a
//! look-up walks the embedded bytes.

use std::sync::OnceLock;

use fst::raw::{Fst, Node, Output};

use crate::language::Lang;

/// What the spelling dictionary says of a word form: whether it is right as written
/// (or only as a capitalised name) and, where the dictionary tells (French), its parts
/// of speech. The bits are those of `dictionaries/build.py`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tags(u16);

impl Tags {
    pub const VALID: Tags = Tags(1 << 0);
    pub const PROPER: Tags = Tags(1 << 1);
    pub const NOUN: Tags = Tags(1 << 2);
    pub const ADJECTIVE: Tags = Tags(1 << 3);
    pub const ADVERB: Tags = Tags(1 << 4);
    pub const INFINITIVE: Tags = Tags(1 << 5);
    pub const PAST_PARTICIPLE: Tags = Tags(1 << 6);
    pub const FINITE_VERB: Tags = Tags(1 << 7);
    pub const DETERMINER: Tags = Tags(1 << 8);
    pub const PREPOSITION: Tags = Tags(1 << 9);
    pub const PRONOUN: Tags = Tags(1 << 10);
    pub const SUBJECT_PRONOUN: Tags = Tags(1 << 11);
    pub const CONJUNCTION: Tags = Tags(1 << 12);

    /// Has every bit of `other`.
    pub fn has(self, other: Tags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Has any bit of `other`.
    pub fn any(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }

    /// No part of speech but those of `other`.
    pub fn only(self, other: Tags) -> bool {
        let parts = self.0 & !(Tags::VALID.0 | Tags::PROPER.0);
        parts != 0 && parts & !other.0 == 0
    }
}

impl std::ops::BitOr for Tags {
    type Output = Tags;
    fn bitor(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
    }
}

/// A word form's frequency and tags.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    freq: u16,
    tags: Tags,
}

impl Entry {
    /// build.rs packs the u16 frequency and the u16 tags of the TSV files.
    fn of(value: u64) -> Entry {
        Entry {
            freq: (value & 0xFFFF) as u16,
            tags: Tags((value >> 16) as u16),
        }
    }
}

/// What a spelling may have in place of a substring (`seen`, `meant`), at a cost.
pub type Substitution<'a> = (&'a str, &'a str, u8);

/// Lower-case word forms, each with its frequency on the Zipf scale ×100 (700 = once
/// per ten thousand words) in the low 16 bits of its value and its [`Tags`] above.
pub struct Lexicon {
    entries: fst::Map<&'static [u8]>,
}

/// Words longer than this (in bytes, once lower-cased) are folded on the heap.
const FOLD_BUFFER: usize = 128;

impl Lexicon {
    /// The lexicon of `lang` (for [`crate::language::Language::of`]: stages get theirs
    /// from the document's language).
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
            entries: fst::Map::new(bytes).expect("build.rs writes valid maps"),
        }
    }

    /// Frequency of `word` (any case; ’ counts as '), 0 when unknown.
    pub fn freq(&self, word: &str) -> u16 {
        self.entry(word).freq
    }

    pub fn contains(&self, word: &str) -> bool {
        self.freq(word) > 0
    }

    /// Tags of `word` (any case); empty when unknown.
    pub fn tags(&self, word: &str) -> Tags {
        self.entry(word).tags
    }

    /// Whether `text` holds a word of the language, or one shaped like a word the OCR
    /// damaged (`Introduccion`: four letters or more, lower case after the first, a
    /// vowel among them). The scanner's streaks and specks (`Sh UU NN`, `I so eee`,
    /// `OPWNFR`, `SR HY PR wR`) hold neither.
    pub fn holds_a_word(&self, text: &str) -> bool {
        const SHORTEST_TELLING_WORD: usize = 3;
        const SHORTEST_UNKNOWN_WORD: usize = 4;
        let word_shaped = |w: &str| {
            w.chars().count() >= SHORTEST_UNKNOWN_WORD
                && w.chars().skip(1).all(char::is_lowercase)
                && w.chars()
                    .any(|c| "aeiouy".contains(crate::scan::base_letter(c)))
        };
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= SHORTEST_TELLING_WORD)
            .any(|w| self.is_spelled_right(w) || word_shaped(w))
    }

    /// The spelling dictionary accepts `word` as written: in lower case, or, when it
    /// has a capital initial, as a name.
    pub fn is_spelled_right(&self, word: &str) -> bool {
        let tags = self.tags(word);
        tags.has(Tags::VALID)
            || tags.has(Tags::PROPER) && word.chars().next().is_some_and(char::is_uppercase)
    }

    fn entry(&self, word: &str) -> Entry {
        if let Some(e) = self.lookup(word.as_bytes()) {
            return e;
        }
        let mut buffer = [0u8; FOLD_BUFFER];
        match fold(word, &mut buffer) {
            Folded::Unchanged => Entry::default(),
            Folded::Inline(len) => self.lookup(&buffer[..len]).unwrap_or_default(),
            Folded::Heap(folded) => self.lookup(folded.as_bytes()).unwrap_or_default(),
        }
    }

    fn lookup(&self, key: &[u8]) -> Option<Entry> {
        self.entries.get(key).map(Entry::of)
    }

    /// Calls `found` with every word of the lexicon that `word` (lower case) becomes
    /// when up to `changes` of its substrings are replaced as `table` allows, at a
    /// total cost of at most `max_cost` (`word` itself included when it is a word):
    /// the spelling, its cost, frequency and tags. A `seen` starting with `^` only
    /// replaces a word's start; a `meant` ending with `’` is an elision, only at the
    /// start, and the frequency and tags are then those of the word after it
    /// (`Purgence` → `l’urgence`). One walk of the map that drops a
    /// spelling as soon as no word starts with it: far cheaper than looking up every
    /// spelling, which are mostly not words.
    pub fn variants(
        &self,
        word: &str,
        table: &[Substitution],
        changes: usize,
        max_cost: u8,
        found: &mut dyn FnMut(&str, u8, u16, Tags),
    ) {
        let fst = self.entries.as_fst();
        let mut walk = Walk {
            fst,
            table,
            max_cost,
            spelling: String::with_capacity(word.len() + 8),
            found,
        };
        walk.from(fst.root(), Output::zero(), word, changes, 0);
    }
}

/// The state of [`Lexicon::variants`]: the spelling so far and where it leads.
struct Walk<'a, 'f> {
    fst: &'a Fst<&'static [u8]>,
    table: &'a [Substitution<'a>],
    max_cost: u8,
    spelling: String,
    found: &'f mut dyn FnMut(&str, u8, u16, Tags),
}

impl Walk<'_, '_> {
    /// Spells `rest` from `node` (reached with `output`), up to `changes` more
    /// replacements, `cost` spent so far.
    fn from(&mut self, node: Node, output: Output, rest: &str, changes: usize, cost: u8) {
        let Some(first) = rest.chars().next() else {
            if node.is_final() {
                let value = output.cat(node.final_output()).value();
                let entry = Entry::of(value);
                (self.found)(&self.spelling, cost, entry.freq, entry.tags);
            }
            return;
        };
        if changes > 0 {
            let at_start = self.spelling.is_empty();
            for &(seen, meant, step) in self.table {
                let (seen, initial) = match seen.strip_prefix('^') {
                    Some(seen) => (seen, true),
                    None => (seen, false),
                };
                // A byte loop: `strip_prefix` calls memcmp, slow for one or two bytes.
                let matches =
                    seen.len() <= rest.len() && seen.bytes().zip(rest.bytes()).all(|(a, b)| a == b);
                if !matches || cost + step > self.max_cost || initial && !at_start {
                    continue;
                }
                let rest = &rest[seen.len()..];
                if meant.ends_with('’') {
                    // An elision (`l’`) opens a word, which is a word of its own: the
                    // walk starts over from the root after it.
                    if at_start {
                        self.spelling.push_str(meant);
                        self.from(
                            self.fst.root(),
                            Output::zero(),
                            rest,
                            changes - 1,
                            cost + step,
                        );
                        self.spelling.clear();
                    }
                    continue;
                }
                self.then(node, output, meant, meant, rest, changes - 1, cost + step);
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
            cost,
        );
    }

    /// Goes on with `text` written and `key` followed in the map, if any word has it.
    #[allow(clippy::too_many_arguments)]
    fn then(
        &mut self,
        node: Node,
        output: Output,
        text: &str,
        key: &str,
        rest: &str,
        changes: usize,
        cost: u8,
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
        self.from(node, output, rest, changes, cost);
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
    fn tsv(lang: Lang) -> Vec<(String, u16, u16)> {
        let path = format!(
            "{}/../../dictionaries/{}.tsv.gz",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        let mut text = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
            .read_to_string(&mut text)
            .unwrap();
        text.lines()
            .map(|l| {
                let mut fields = l.split('\t');
                let word = fields.next().unwrap().to_owned();
                let freq = fields.next().unwrap().parse().unwrap();
                (word, freq, fields.next().map_or(0, |t| t.parse().unwrap()))
            })
            .collect()
    }

    #[test]
    fn every_word_has_the_frequency_and_tags_of_the_tsv() {
        for lang in [Lang::Fr, Lang::Es, Lang::En] {
            let lexicon = Lexicon::get(lang);
            let entries = tsv(lang);
            assert_eq!(
                lexicon.entries.len(),
                entries.len(),
                "{lang:?}: no word added"
            );
            for (word, freq, tags) in entries {
                assert_eq!(lexicon.freq(&word), freq, "{lang:?} {word}");
                assert_eq!(lexicon.tags(&word), Tags(tags), "{lang:?} {word}");
            }
        }
    }

    #[test]
    fn spelling_and_parts_of_speech() {
        let fr = Lexicon::get(Lang::Fr);
        assert!(fr.is_spelled_right("système") && !fr.is_spelled_right("systéme"));
        assert!(fr.is_spelled_right("Paris"));
        assert!(fr.tags("été").has(Tags::PAST_PARTICIPLE));
        assert!(fr.tags("partir").has(Tags::INFINITIVE));
        assert!(fr.tags("la").has(Tags::DETERMINER));
        assert!(fr.tags("il").has(Tags::SUBJECT_PRONOUN));
        assert!(fr.tags("notamment").only(Tags::ADVERB));
        assert!(!Lexicon::get(Lang::Es).is_spelled_right("resolucion"));
        assert!(Lexicon::get(Lang::En).is_spelled_right("programme"));
    }

    #[test]
    fn case_and_apostrophe_fold_as_to_lowercase_does() {
        let fr = Lexicon::get(Lang::Fr);
        let old = |w: &str| {
            fr.lookup(w.to_lowercase().replace('’', "'").as_bytes())
                .map(|e| e.freq)
        };
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
