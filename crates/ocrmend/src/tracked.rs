//! Text that remembers where each of its bytes came from in the input.
//!
//! Every stage that rewrites text (joining lines, undoing hyphenation, removing
//! footnote markers, repairing words) does it on a [`Tracked`], so that a block's
//! notes and corrections can always be traced back to input offsets.

use std::ops::Range;

/// A string and, for each of its bytes, the input byte it stands for. Inserted text
/// (the space that joins two lines, a replacement) stands for the input position it
/// was put at.
///
/// A position between characters can be marked ([`Tracked::mark`]): where a note call
/// was cut out, say. Replacements keep each mark where it was relative to the text
/// around it; the other edits (trimming, folding, splitting) are for text not marked
/// yet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tracked {
    text: String,
    src: Vec<usize>,
    marks: Vec<usize>,
}

impl Tracked {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Append the input text `input[range]`, byte for byte.
    pub fn push_input(&mut self, input: &str, range: Range<usize>) {
        self.text.push_str(&input[range.clone()]);
        self.src.extend(range);
    }

    /// Append text that is not in the input, standing for input offset `at`.
    pub fn push_synthetic(&mut self, s: &str, at: usize) {
        self.text.push_str(s);
        self.src.extend(std::iter::repeat_n(at, s.len()));
    }

    /// Append another tracked text.
    pub fn push_tracked(&mut self, other: &Tracked) {
        self.text.push_str(&other.text);
        self.src.extend_from_slice(&other.src);
    }

    /// Input offset that output byte `at` stands for (`at == len()` gives the end
    /// of the last byte's input).
    pub fn source_at(&self, at: usize) -> usize {
        match self.src.get(at) {
            Some(&s) => s,
            None => self.src.last().map_or(0, |&s| s + 1),
        }
    }

    /// The input range an output range came from.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self.source_at(range.start);
            return at..at;
        }
        let start = self.src[range.start];
        let end = self.src[range.start..range.end]
            .iter()
            .max()
            .map_or(start, |&m| m + 1);
        start..end
    }

    /// Replace the output range with `with`; the new text stands for the start of the
    /// range's input.
    pub fn replace(&mut self, range: Range<usize>, with: &str) {
        let at = self.source_at(range.start);
        self.shift_marks(std::slice::from_ref(&(range.clone(), with.len())));
        self.text.replace_range(range.clone(), with);
        self.src.splice(range, std::iter::repeat_n(at, with.len()));
    }

    /// Remember the position `at` (a byte offset between characters); the handle
    /// returned gives it back, moved with later replacements.
    pub fn mark(&mut self, at: usize) -> usize {
        self.marks.push(at);
        self.marks.len() - 1
    }

    /// Where mark `handle` stands now.
    pub fn marked(&self, handle: usize) -> usize {
        self.marks[handle]
    }

    /// Move the marks for replacements (sorted, not overlapping ranges, and the length
    /// of each new text): a mark after a range moves by the change in length; a mark
    /// inside one goes to the end of its new text; a mark at a range's start stays
    /// before it.
    fn shift_marks(&mut self, edits: &[(Range<usize>, usize)]) {
        for mark in &mut self.marks {
            *mark = moved(*mark, edits);
        }
    }

    /// Make every edit (output range, new text) at once, in time linear in the text:
    /// the ranges must be sorted and must not overlap. Each new text stands for the
    /// start of its range's input.
    pub fn replace_all(&mut self, edits: &[(Range<usize>, String)]) {
        if edits.is_empty() {
            return;
        }
        if !self.marks.is_empty() {
            let lengths: Vec<(Range<usize>, usize)> =
                edits.iter().map(|(r, w)| (r.clone(), w.len())).collect();
            self.shift_marks(&lengths);
        }
        let mut text = String::with_capacity(self.text.len());
        let mut src = Vec::with_capacity(self.src.len());
        let mut kept = 0;
        for (range, with) in edits {
            assert!(range.start >= kept, "edits are sorted and do not overlap");
            text.push_str(&self.text[kept..range.start]);
            src.extend_from_slice(&self.src[kept..range.start]);
            let at = self.source_at(range.start);
            text.push_str(with);
            src.extend(std::iter::repeat_n(at, with.len()));
            kept = range.end;
        }
        text.push_str(&self.text[kept..]);
        src.extend_from_slice(&self.src[kept..]);
        self.text = text;
        self.src = src;
    }

    /// Cut the output at `at`: `self` keeps the start, the rest is returned.
    pub fn split_off(&mut self, at: usize) -> Tracked {
        debug_assert!(self.marks.is_empty(), "marks are set after the last split");
        Tracked {
            text: self.text.split_off(at),
            src: self.src.split_off(at),
            marks: Vec::new(),
        }
    }

    /// Trim white space at both ends.
    pub fn trim(&mut self) {
        debug_assert!(self.marks.is_empty(), "marks are set after the last trim");
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        self.src.truncate(end);
        let start = self.text.len() - self.text.trim_start().len();
        self.text.drain(..start);
        self.src.drain(..start);
    }

    /// Fold every run of white space into one plain space.
    pub fn fold_spaces(&mut self) {
        debug_assert!(self.marks.is_empty(), "marks are set after the last fold");
        let mut text = String::with_capacity(self.text.len());
        let mut src = Vec::with_capacity(self.src.len());
        let mut in_space = false;
        for (i, c) in self.text.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    src.push(self.src[i]);
                }
                in_space = true;
            } else {
                in_space = false;
                text.push(c);
                src.extend_from_slice(&self.src[i..i + c.len_utf8()]);
            }
        }
        self.text = text;
        self.src = src;
    }
}

/// Where a mark at `old` stands after the replacements `edits` (see
/// [`Tracked::shift_marks`]).
fn moved(old: usize, edits: &[(Range<usize>, usize)]) -> usize {
    let mut delta: isize = 0;
    for (range, new_len) in edits {
        let before_mark = range.end <= old && !(range.is_empty() && range.start == old);
        if before_mark {
            delta += *new_len as isize - range.len() as isize;
        } else if range.start < old {
            return (range.start as isize + delta) as usize + new_len;
        } else {
            break;
        }
    }
    (old as isize + delta) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_keeps_the_input_positions_of_the_rest() {
        let input = "ab 1’horizon cd";
        let mut t = Tracked::new();
        t.push_input(input, 0..input.len());
        t.replace(3..4, "l");
        assert_eq!(t.as_str(), "ab l’horizon cd");
        let at = t.as_str().find("cd").unwrap();
        assert_eq!(t.source_range(at..at + 2), 15..17);
        assert_eq!(t.source_range(3..4), 3..4);
    }

    #[test]
    fn replace_all_is_replace_from_the_end() {
        let input = "a systéme a 1’horizon";
        let mut one_by_one = Tracked::new();
        one_by_one.push_input(input, 0..input.len());
        let mut at_once = one_by_one.clone();
        let edits = vec![
            (0..1, "à".to_owned()),
            (2..10, "système".to_owned()),
            (13..14, "l".to_owned()),
        ];
        for (range, with) in edits.iter().rev() {
            one_by_one.replace(range.clone(), with);
        }
        at_once.replace_all(&edits);
        assert_eq!(at_once, one_by_one);
        assert_eq!(at_once.as_str(), "à système a l’horizon");
    }

    #[test]
    fn marks_follow_replacements_around_them() {
        let input = "la systéme® de 1’ONU";
        let mut t = Tracked::new();
        t.push_input(input, 0..input.len());
        let call = input.find('®').unwrap();
        t.replace(call..call + '®'.len_utf8(), "");
        let after_word = t.mark(call);
        let at_start = t.mark(0);
        let end = t.mark(t.len());
        let systeme = input.find("systéme").unwrap();
        let one = t.as_str().find("1’").unwrap();
        t.replace_all(&[
            (0..2, "le".to_owned()),
            (systeme..call, "système".to_owned()),
            (one..one + 1, "l".to_owned()),
        ]);
        assert_eq!(t.as_str(), "le système de l’ONU");
        assert_eq!(&t.as_str()[..t.marked(after_word)], "le système");
        assert_eq!(
            t.marked(at_start),
            0,
            "a mark at an edit's start stays before it"
        );
        assert_eq!(t.marked(end), t.len());
        // A mark inside a replaced range goes to the end of the new text.
        let inside = t.mark(4);
        t.replace(3..10, "régime");
        assert_eq!(&t.as_str()[..t.marked(inside)], "le régime");
    }

    #[test]
    fn joined_lines_map_back_to_both_lines() {
        let input = "déve-\nloppement";
        let mut t = Tracked::new();
        t.push_input(input, 0..5);
        t.push_input(input, 7..input.len());
        assert_eq!(t.as_str(), "développement");
        assert_eq!(t.source_range(0..t.len()), 0..input.len());
    }

    #[test]
    fn fold_spaces_and_trim() {
        let input = "  a \t b  ";
        let mut t = Tracked::new();
        t.push_input(input, 0..input.len());
        t.fold_spaces();
        t.trim();
        assert_eq!(t.as_str(), "a b");
        assert_eq!(t.source_range(0..3), 2..7);
    }
}
