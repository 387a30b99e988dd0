//! Reading the body chunks as units: headings, numbered paragraphs, sub-items,
//! continuations of the paragraph before, and lone numbers standing in a column.

use std::sync::LazyLock;

use regex::Regex;

/// What a body chunk opens with.
#[derive(Debug, Clone, PartialEq)]
pub enum Opening {
    /// `I. Introduction`, `A. Prise en…`: numeral, level and where the title starts.
    Heading {
        numeral: String,
        level: u8,
        text_at: usize,
    },
    /// `12. En préparation…`: the number and where the text starts.
    Paragraph { number: u32, text_at: usize },
    /// `a) Mettre…`, `(iv) …`: label and where the text starts.
    Item { label: String, text_at: usize },
    /// A chunk that is only a number or a numeral: `10.`, `11;`, `IV.`, `B.`.
    Number(ColumnNumber),
    /// A lone glyph or mangled mark with no use as a number.
    Noise,
    /// Plain text: a new paragraph with no visible number, an unnumbered heading,
    /// or the continuation of the paragraph before.
    Text,
}

/// A number printed apart from its paragraph or heading (OCR reads the number column
/// of a page separately from the text).
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnNumber {
    Paragraph(u32),
    Roman(u32),
    Letter(char),
}

static HEADING_ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXl1|]{1,5})\.\s+(\p{Lu})").unwrap());
static HEADING_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z])\.\s+(\p{Lu})").unwrap());
static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})[.,;]\s+(\S)").unwrap());
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?([a-z]|[ivx]{1,4}|©|¢)\)\s+(\S)").unwrap());
static COLUMN_PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})[.,;:]?$").unwrap());
static COLUMN_ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXl1|]{1,5})\.$").unwrap());
static COLUMN_LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Z])\.$").unwrap());

/// Read how a body chunk opens.
pub fn opening(text: &str) -> Opening {
    let t = text.trim();
    if let Some(c) = COLUMN_PARAGRAPH.captures(t) {
        return Opening::Number(ColumnNumber::Paragraph(c[1].parse().unwrap_or(0)));
    }
    if let Some(c) = COLUMN_ROMAN.captures(t) {
        if let Some(n) = roman_value(&c[1]) {
            return Opening::Number(ColumnNumber::Roman(n));
        }
    }
    if let Some(c) = COLUMN_LETTER.captures(t) {
        return Opening::Number(ColumnNumber::Letter(c[1].chars().next().unwrap()));
    }
    // A lone scrap of three characters or fewer (`its`, `©`, `L`) is no text.
    if crate::layout::is_marker(t) || !t.contains(' ') && t.chars().count() <= 3 {
        return Opening::Noise;
    }
    if let Some(c) = HEADING_ROMAN.captures(t) {
        if let Some(n) = roman_value(&c[1]) {
            return Opening::Heading {
                numeral: roman(n),
                level: 1,
                text_at: c.get(2).unwrap().start(),
            };
        }
    }
    if let Some(c) = HEADING_LETTER.captures(t) {
        // `A. Prise…` is a heading; `M. Ban Ki-moon a…` is a paragraph opening with a title.
        if heading_shaped(&t[c.get(2).unwrap().start()..]) {
            return Opening::Heading {
                numeral: c[1].to_owned(),
                level: 2,
                text_at: c.get(2).unwrap().start(),
            };
        }
    }
    if let Some(c) = PARAGRAPH.captures(t) {
        return Opening::Paragraph {
            number: c[1].parse().unwrap_or(0),
            text_at: c.get(2).unwrap().start(),
        };
    }
    if let Some(c) = ITEM.captures(t) {
        let label = match &c[1] {
            "©" | "¢" => "c".to_owned(),
            l => l.to_owned(),
        };
        return Opening::Item {
            label,
            text_at: c.get(2).unwrap().start(),
        };
    }
    Opening::Text
}

/// A heading's title: short, no sentence end, no line of running prose.
pub fn heading_shaped(text: &str) -> bool {
    let t = text.trim_end();
    let words = t.split_whitespace().count();
    words > 0
        && words <= 40
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '«' || c == '“')
        && !t.ends_with(['.', ';', ',', ':', '?', '!'])
}

/// Value of a roman numeral as OCR prints it (`Il.` and `Ill.` for II and III).
pub fn roman_value(s: &str) -> Option<u32> {
    // `1.` and `11.` are paragraph numbers; a numeral has a real I, V or X in it.
    if !s.contains(['I', 'V', 'X']) {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' | 'l' | '1' | '|' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (1..=40).contains(&total).then_some(total)
}

pub fn roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            opening("I. Introduction"),
            Opening::Heading {
                numeral: "I".into(),
                level: 1,
                text_at: 3
            }
        );
        assert_eq!(
            opening("Il. Examen").clone(),
            Opening::Heading {
                numeral: "II".into(),
                level: 1,
                text_at: 4
            }
        );
        assert!(matches!(
            opening("A. Prise en considération"),
            Opening::Heading { level: 2, .. }
        ));
        assert_eq!(opening("M. Ban Ki-moon a dit que la paix."), Opening::Text);
    }

    #[test]
    fn paragraphs_and_items() {
        assert_eq!(
            opening("12. En préparation"),
            Opening::Paragraph {
                number: 12,
                text_at: 4
            }
        );
        assert_eq!(
            opening("11; Le texte"),
            Opening::Paragraph {
                number: 11,
                text_at: 4
            }
        );
        assert!(
            matches!(opening("a)  Mettre en place"), Opening::Item { ref label, .. } if label == "a")
        );
        assert!(
            matches!(opening("(©) decision 30/3"), Opening::Item { ref label, .. } if label == "c")
        );
    }

    #[test]
    fn column_numbers() {
        assert_eq!(opening("24,"), Opening::Number(ColumnNumber::Paragraph(24)));
        assert_eq!(opening("Ill."), Opening::Number(ColumnNumber::Roman(3)));
        assert_eq!(opening("IV."), Opening::Number(ColumnNumber::Roman(4)));
        assert_eq!(opening("B."), Opening::Number(ColumnNumber::Letter('B')));
        assert_eq!(opening("©"), Opening::Noise);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman_value("ABC"), None);
        assert_eq!(roman_value("11"), None);
        assert_eq!(
            opening("1. Les États"),
            Opening::Paragraph {
                number: 1,
                text_at: 3
            }
        );
    }
}
