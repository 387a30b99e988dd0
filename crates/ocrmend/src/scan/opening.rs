//! How a printed paragraph opens: with a heading numeral, a paragraph number, an item
//! label, a lone number of the number column, or plain text. One grammar, read by the
//! layout (where lines break) and the structure (what each chunk is).

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

/// `I. Introduction`, `Il. Examen`, `IL. Examen`, with scanner dirt before the title as
/// for a section letter (`I. _ Principales`); a lone `L.` is a section letter.
static HEADING_ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([IVXl1|]{1,5}|[IVXLl1|]{2,5})\.[\s_]+([\p{Lu}\p{Lo}])").unwrap()
});
/// A chapter numeral whose point the OCR lost or read as a dash: `L Introducción`,
/// `L — División de Apoyo`, `IV Conclusions`; read as one only before a heading's title.
/// Without a point, an `L` ending a longer numeral is the point (`IL Actividades` is I).
static HEADING_ROMAN_BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXLl|]{1,5})(?:\s+[-–—])?\s+(\p{Lu})").unwrap());
/// `A. Prise en…`; the point read as a comma, semicolon or colon (`C; Regional`) or
/// doubled (`B.. Date`), the letter doubled in lower case (`Cc. Recommandations`: no
/// word of any language) or read in lower case where its shape is the capital's
/// (`c. Fédération`, [`super::SIZE_ONLY_CAPITALS`]), and scanner dirt before the title
/// (`B. _Situación`).
static HEADING_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    let lower = super::SIZE_ONLY_CAPITALS.to_lowercase();
    Regex::new(&format!(
        r"^([A-Z]|[{lower}])(?:[a-z])?[.,;:]{{1,2}}[\s_]+([\p{{Lu}}\p{{Lo}}])"
    ))
    .unwrap()
});
/// `12. Text`, `12; Text` (a misread dot), Arabic `12 - نص`, Chinese `12．文本`.
/// The point read as a colon only before a capital (`5: Entre`): `3: the` is no number.
static PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3})(?:(?:[.,;]\s+|．\s*|\s+[-–]\s+)(\S)|:\s+(\p{Lu}))").unwrap()
});
/// A chapter of a Chinese report: `一. 导言`, `十二、结论`.
static HEADING_CHINESE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([一二三四五六七八九十]{1,3})\s*[.．、]\s*(\S)").unwrap());
/// A chapter or section of an Arabic report: `أولا - مقدمة`, `ألف - ...`.
static HEADING_ARABIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([\p{Arabic}\p{Mn}]+)\s*[-–]\s+(\S)").unwrap());
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?([a-z]|[ivx]{1,4}|©|¢)\)\s+(\S)").unwrap());
static COLUMN_PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})[.,;:]?$").unwrap());
static COLUMN_ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXl1|]{1,5})\.$").unwrap());
static COLUMN_LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Z])\.$").unwrap());

/// Reads a heading numeral as printed into its numeral and level.
type NumeralReader = fn(&str) -> Option<(String, u8)>;

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
    if super::is_marker(t) || !t.contains(' ') && t.chars().count() <= 3 {
        return Opening::Noise;
    }
    // Specks before a heading's numeral (`- B. Introduction`) hide it.
    let lead = super::speck::core(t).as_ptr() as usize - t.as_ptr() as usize;
    if lead > 0 {
        if let Opening::Heading {
            numeral,
            level,
            text_at,
        } = opening(&t[lead..])
        {
            return Opening::Heading {
                numeral,
                level,
                text_at: lead + text_at,
            };
        }
    }
    // Chapter and section numerals: roman (`I.`), Chinese (`一.`), Arabic (`أولا -`).
    let numerals: [(&Regex, NumeralReader); 3] = [
        (&HEADING_ROMAN, |s| roman_value(s).map(|n| (roman(n), 1))),
        (&HEADING_CHINESE, |s| {
            chinese_value(s).map(|n| (roman(n), 1))
        }),
        (&HEADING_ARABIC, arabic_numeral),
    ];
    if let Some(c) = HEADING_ROMAN_BARE.captures(t) {
        let title = &t[c.get(2).unwrap().start()..];
        let numeral = &c[1];
        let numeral = match numeral.strip_suffix('L') {
            Some(before) if !before.is_empty() => before,
            _ => numeral,
        };
        if let Some(n) = roman_value(numeral).filter(|_| heading_shaped(title)) {
            return Opening::Heading {
                numeral: roman(n),
                level: 1,
                text_at: c.get(2).unwrap().start(),
            };
        }
    }
    for (re, value) in numerals {
        if let Some(c) = re.captures(t) {
            if let Some((numeral, level)) = value(&c[1]) {
                return Opening::Heading {
                    numeral,
                    level,
                    text_at: c.get(2).unwrap().start(),
                };
            }
        }
    }
    if let Some(c) = HEADING_LETTER
        .captures(t)
        .filter(|c| doubled_or_alone(&c[0][..c.get(2).unwrap().start()]))
    {
        // `A. Prise…` is a heading; `M. Ban Ki-moon a…` is a paragraph opening with a title.
        if heading_shaped(&t[c.get(2).unwrap().start()..]) {
            return Opening::Heading {
                numeral: c[1].to_uppercase(),
                level: 2,
                text_at: c.get(2).unwrap().start(),
            };
        }
    }
    if let Some(c) = PARAGRAPH.captures(t) {
        return Opening::Paragraph {
            number: c[1].parse().unwrap_or(0),
            text_at: c.get(2).or(c.get(3)).unwrap().start(),
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

/// A section letter as printed, point aside: alone (`C`), or doubled in lower case
/// (`Cc`); `Mr. Smith` and `St. Lucia` open no section.
fn doubled_or_alone(numeral: &str) -> bool {
    let mut letters = numeral.chars().filter(char::is_ascii_alphabetic);
    match (letters.next(), letters.next()) {
        (Some(_), None) => true,
        (Some(upper), Some(lower)) => upper.to_ascii_lowercase() == lower,
        _ => false,
    }
}

/// A heading's title: short, no sentence end, no line of running prose, opening with
/// a capital (or a letter of a script without case: Arabic, Chinese).
pub fn heading_shaped(text: &str) -> bool {
    let t = text.trim_end();
    let words = t.split_whitespace().count();
    let caseless = |c: char| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase();
    words > 0
        && words <= 40
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || caseless(c) || c == '«' || c == '“')
        && !t.ends_with(['.', ';', ',', ':', '?', '!', '。'])
}

/// The value of a Chinese numeral from 1 to 99 (`三`, `十二`, `二十一`).
fn chinese_value(s: &str) -> Option<u32> {
    const DIGITS: &str = "一二三四五六七八九";
    let digit = |c: char| DIGITS.chars().position(|d| d == c).map(|k| k as u32 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars[..] {
        ['十'] => Some(10),
        [d] => digit(d),
        ['十', u] => Some(10 + digit(u)?),
        [t, '十'] => Some(10 * digit(t)?),
        [t, '十', u] => Some(10 * digit(t)? + digit(u)?),
        _ => None,
    }
}

/// The chapter ordinals of the UN's Arabic reports, first to tenth (`أولا`: firstly).
const ARABIC_ORDINALS: [&str; 10] = [
    "اولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
];
/// The section letters of the UN's Arabic reports, the letters' names in abjad order
/// standing for A, B, C…
const ARABIC_LETTERS: [&str; 22] = [
    "الف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم",
    "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء",
];

/// An Arabic heading numeral as `(numeral, level)`: a chapter ordinal as its roman
/// numeral, a section letter as its Latin letter. Vowel marks and the hamza on the alif
/// are ignored (`أولاً` is `اولا`).
fn arabic_numeral(word: &str) -> Option<(String, u8)> {
    let key: String = word
        .chars()
        .filter(|c| !('\u{64B}'..='\u{652}').contains(c))
        .map(|c| {
            if matches!(c, 'أ' | 'إ' | 'آ') {
                'ا'
            } else {
                c
            }
        })
        .collect();
    if let Some(k) = ARABIC_ORDINALS.iter().position(|&o| o == key) {
        return Some((roman(k as u32 + 1), 1));
    }
    let k = ARABIC_LETTERS.iter().position(|&l| l == key)?;
    Some((char::from(b'A' + k as u8).to_string(), 2))
}

/// Value of a roman numeral as OCR prints it (`Il.`, `IL.` and `Ill.` for II and III;
/// [`super::ROMAN_ONE_LOOKALIKES`]).
pub fn roman_value(s: &str) -> Option<u32> {
    // `1.` and `11.` are paragraph numbers; a numeral has a real I, V, X (or an `L`,
    // which no digit looks like) in it.
    if !s.contains(['I', 'V', 'X', 'L']) {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            c if super::ROMAN_ONE_LOOKALIKES.contains(&c) => 1,
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
        assert_eq!(
            opening("I. _ Principales novedades"),
            Opening::Heading {
                numeral: "I".into(),
                level: 1,
                text_at: 5
            },
            "scanner dirt before the title hides no chapter"
        );
        assert!(matches!(
            opening("A. Prise en considération"),
            Opening::Heading { level: 2, .. }
        ));
        assert_eq!(opening("M. Ban Ki-moon a dit que la paix."), Opening::Text);
        assert_eq!(opening("Mr. Smith Went To Washington"), Opening::Text);
        for line in [
            "C; Regional and international developments",
            "B. _Situación política",
            "D, Financial services",
            "Cc. Recommandations",
            "B.. Date et lieu de la Conférence",
        ] {
            assert!(
                matches!(opening(line), Opening::Heading { level: 2, .. }),
                "{line}"
            );
        }
        // A `c` is the capital's shape, read in lower case; an `a` or a `d` is not.
        assert!(matches!(
            opening("c. Fédération de Russie"),
            Opening::Heading { numeral, level: 2, .. } if numeral == "C"
        ));
        assert_eq!(opening("d. Fédération de Russie"), Opening::Text);
    }

    #[test]
    fn chapter_numerals_the_ocr_misread() {
        let chapter = |line: &str| match opening(line) {
            Opening::Heading {
                numeral, level: 1, ..
            } => Some(numeral),
            _ => None,
        };
        // The point lost or read as a dash; `L` for I; a final `L` standing for the point.
        assert_eq!(chapter("L Introducción").as_deref(), Some("I"));
        assert_eq!(
            chapter("L — División de Apoyo a la Misión").as_deref(),
            Some("I")
        );
        assert_eq!(
            chapter("IL Actividades de los institutos").as_deref(),
            Some("I")
        );
        assert_eq!(chapter("IV Conclusions").as_deref(), Some("IV"));
        // With its point, `IL.` is II (the second I read as L).
        assert_eq!(chapter("IL. Examen").as_deref(), Some("II"));
        // A lone `L.` stays a section letter; prose or a digit is no chapter.
        assert!(matches!(
            opening("L. Autres questions"),
            Opening::Heading { level: 2, .. }
        ));
        assert_eq!(
            chapter("L Assemblée générale a décidé de reporter l’examen."),
            None
        );
        assert_eq!(chapter("I would like to thank"), None);
        assert_eq!(chapter("1 The Group of Non-Aligned States"), None);
    }

    #[test]
    fn arabic_and_chinese_numbering() {
        // The title (or text) starts where `rest` does.
        let heading = |line: &str, numeral: &str, level: u8, rest: &str| {
            assert_eq!(
                opening(line),
                Opening::Heading {
                    numeral: numeral.into(),
                    level,
                    text_at: line.find(rest).unwrap(),
                },
                "{line}"
            )
        };
        heading("أولاً - مقدمة", "I", 1, "مقدمة");
        heading("ثالثا - الاستنتاجات", "III", 1, "الاستنتاجات");
        heading("باء - الأنشطة", "B", 2, "الأنشطة");
        heading("一. 导言", "I", 1, "导言");
        heading("十二、结论", "XII", 1, "结论");
        heading("十. 结论", "X", 1, "结论");
        for (line, number, rest) in [
            ("12 - يقدم هذا التقرير", 12, "يقدم"),
            ("3．大会不妨注意到本报告。", 3, "大会"),
        ] {
            let text_at = line.find(rest).unwrap();
            assert_eq!(opening(line), Opening::Paragraph { number, text_at });
        }
        assert!(matches!(
            opening("A. 导言"),
            Opening::Heading { level: 2, .. }
        ));
        // A word before a dash that is no numeral is text.
        assert_eq!(opening("التقرير - نص"), Opening::Text);
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
            opening("5: Entre 2007 et 2013"),
            Opening::Paragraph {
                number: 5,
                text_at: 3
            }
        );
        assert_eq!(opening("70: taking stock of"), Opening::Text);
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
