//! What a score compares, read from a gold file (`GOLD_FORMAT.md`) or from a result in
//! the JSON contract, and cut to the gold's `%scope`.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::text::lines;

/// Metadata, blocks and footnotes of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Content {
    /// Key → value, in first-seen order (a later line replaces the value).
    pub meta: Vec<(String, String)>,
    pub blocks: Vec<Unit>,
    /// Footnote number → text, in first-seen order.
    pub notes: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Heading {
        level: i64,
        number: Option<String>,
    },
    Paragraph {
        number: Option<String>,
    },
    Item {
        label: String,
        parent: Option<String>,
    },
}

/// A block: its kind, clean text and note calls `(note number, char offset)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub kind: Kind,
    pub text: String,
    pub calls: Vec<(String, usize)>,
}

/// Insert or replace, keeping the first position (a Python dict's order).
pub fn set(map: &mut Vec<(String, String)>, key: String, value: String) {
    match map.iter_mut().find(|(k, _)| *k == key) {
        Some(entry) => entry.1 = value,
        None => map.push((key, value)),
    }
}

pub fn get<'a>(map: &'a [(String, String)], key: &str) -> Option<&'a str> {
    map.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a valid pattern")
}

static NOTE_CALL: LazyLock<Regex> = LazyLock::new(|| regex(r"\[\^([0-9]+|\*)\]"));
static NOTE_LINE: LazyLock<Regex> = LazyLock::new(|| regex(r"^\[\^([0-9]+|\*)\]:\s*(.*)$"));
static HEADING: LazyLock<Regex> = LazyLock::new(|| regex(r"^(#{1,3}) (.*)$"));
static HEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| regex(r"^([IVXLC]+|[A-Z])\. (.*)$"));
static PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| regex(r"^(\d+)\. (.*)$"));
static ITEM: LazyLock<Regex> = LazyLock::new(|| regex(r"^([a-z]|[ivx]+)\) (.*)$"));

/// Remove `[^N]` calls; the clean text and each call's character offset in it.
pub fn strip_calls(text: &str) -> (String, Vec<(String, usize)>) {
    let mut out = String::new();
    let mut calls = Vec::new();
    let mut pos = 0;
    for m in NOTE_CALL.captures_iter(text) {
        let whole = m.get(0).expect("match");
        out.push_str(&text[pos..whole.start()]);
        calls.push((m[1].to_owned(), out.chars().count()));
        pos = whole.end();
    }
    out.push_str(&text[pos..]);
    (out, calls)
}

/// Read a gold file; an unreadable line is an error naming it.
pub fn parse_gold(text: &str) -> Result<Content, String> {
    let mut gold = Content::default();
    let mut last_paragraph = None;
    for raw in lines(text) {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('%') {
            let (key, value) = rest.split_once(' ').unwrap_or((rest, ""));
            set(&mut gold.meta, key.to_owned(), strip_calls(value).0);
        } else if let Some(m) = NOTE_LINE.captures(line) {
            set(&mut gold.notes, m[1].to_owned(), strip_calls(&m[2]).0);
        } else if let Some(m) = HEADING.captures(line) {
            let (number, rest) = match HEADING_NUMBER.captures(&m[2]) {
                Some(h) => (Some(h[1].to_owned()), h[2].to_owned()),
                None => (None, m[2].to_owned()),
            };
            let (text, calls) = strip_calls(&rest);
            let level = m[1].len() as i64;
            gold.blocks.push(Unit {
                kind: Kind::Heading { level, number },
                text,
                calls,
            });
        } else if let Some(m) = PARAGRAPH.captures(line) {
            let (text, calls) = strip_calls(&m[2]);
            last_paragraph = Some(m[1].to_owned());
            gold.blocks.push(Unit {
                kind: Kind::Paragraph {
                    number: last_paragraph.clone(),
                },
                text,
                calls,
            });
        } else if let Some(m) = ITEM.captures(line) {
            let (text, calls) = strip_calls(&m[2]);
            gold.blocks.push(Unit {
                kind: Kind::Item {
                    label: m[1].to_owned(),
                    parent: last_paragraph.clone(),
                },
                text,
                calls,
            });
        } else if let Some(rest) = line.strip_prefix("> ") {
            let (text, calls) = strip_calls(rest);
            gold.blocks.push(Unit {
                kind: Kind::Paragraph { number: None },
                text,
                calls,
            });
        } else {
            let head: String = line.chars().take(80).collect();
            return Err(format!(
                "cannot read gold line: {head} (see GOLD_FORMAT.md for the line kinds)"
            ));
        }
    }
    Ok(gold)
}

/// Python's `str(value)` for the scalars a result may hold.
fn python_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        other => other.to_string(),
    }
}

/// A non-empty string field, else `None` (Python's `x or None`).
fn optional(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        other => Some(python_str(other)),
    }
}

/// Read a result in the JSON contract (one document, or a list holding one). Fields
/// are read leniently, as the yardstick does, so that other tools' output scores too.
pub fn parse_result(json: &str) -> Result<Content, String> {
    let mut doc: Value =
        serde_json::from_str(json).map_err(|e| format!("not a JSON document: {e}"))?;
    if let Value::Array(list) = doc {
        if list.len() != 1 {
            return Err(format!("expected one document, found {}", list.len()));
        }
        doc = list.into_iter().next().expect("one");
    }
    let mut out = Content::default();
    if let Some(meta) = doc["metadata"].as_object() {
        for (k, v) in meta {
            if let Some(s) = v.as_str() {
                set(&mut out.meta, k.clone(), s.to_owned());
            }
        }
    }
    let mut last_paragraph: Option<String> = None;
    for b in doc["blocks"].as_array().into_iter().flatten() {
        let calls = b["notes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| {
                (
                    python_str(&n["number"]),
                    n["offset"].as_u64().unwrap_or(0) as usize,
                )
            })
            .collect();
        let text = b["text"].as_str().unwrap_or_default().to_owned();
        let kind = match b["kind"].as_str() {
            Some("heading") => Kind::Heading {
                level: b["level"].as_i64().unwrap_or(0),
                number: optional(&b["number"]),
            },
            Some("paragraph") => {
                if !b["number"].is_null() {
                    last_paragraph = Some(python_str(&b["number"]));
                }
                Kind::Paragraph {
                    number: optional(&b["number"]),
                }
            }
            Some("item") => Kind::Item {
                label: python_str(&b["label"]),
                parent: optional(&b["parent"]).or_else(|| last_paragraph.clone()),
            },
            _ => continue,
        };
        out.blocks.push(Unit { kind, text, calls });
    }
    for f in doc["footnotes"].as_array().into_iter().flatten() {
        let text = f["text"].as_str().unwrap_or_default().to_owned();
        set(&mut out.notes, python_str(&f["number"]), text);
    }
    Ok(out)
}

/// The last paragraph a gold covers, from `%scope 1-47`.
pub fn scope_end(gold: &Content) -> Option<u64> {
    static SCOPE: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*\d+\s*-\s*(\d+)"));
    SCOPE.captures(get(&gold.meta, "scope")?)?[1].parse().ok()
}

fn as_number(s: &str) -> Option<u64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Cut a result to a gold that covers paragraphs up to `end`: stop where a paragraph
/// past it begins (dropping the headings that open that part), and drop footnotes past
/// the gold's last.
pub fn cut_to_scope(mut result: Content, end: Option<u64>, gold: &Content) -> Content {
    let Some(end) = end else { return result };
    let past = result.blocks.iter().position(|b| {
        matches!(&b.kind, Kind::Paragraph { number: Some(n) } if as_number(n).is_some_and(|n| n > end))
    });
    if let Some(past) = past {
        result.blocks.truncate(past);
        while matches!(
            result.blocks.last(),
            Some(Unit {
                kind: Kind::Heading { .. },
                ..
            })
        ) {
            result.blocks.pop();
        }
    }
    let last = gold
        .notes
        .iter()
        .filter_map(|(n, _)| as_number(n))
        .max()
        .unwrap_or(0);
    result
        .notes
        .retain(|(n, _)| as_number(n).is_none_or(|n| n <= last));
    result
}

/// The lines of a text up to the one that opens paragraph `end + 1`.
pub fn cut_lines(lines: Vec<&str>, end: Option<u64>) -> Vec<&str> {
    let Some(end) = end else { return lines };
    let opener = regex(&format!(r"^\s*{}\. ", end + 1));
    match lines.iter().position(|l| opener.is_match(l)) {
        Some(i) => lines[..i].to_vec(),
        None => lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_lines_of_every_kind() {
        let gold = parse_gold(
            "%scope 1-2\n%title T[^*]\n# I. Intro\n> Résumé[^*].\n1. Un[^1] deux.\n a) item\n## A. Sub\n### Plain\n[^1]: Note.\n",
        )
        .unwrap();
        assert_eq!(get(&gold.meta, "title"), Some("T"));
        assert_eq!(scope_end(&gold), Some(2));
        assert_eq!(gold.blocks.len(), 6);
        assert_eq!(gold.blocks[2].calls, [("1".to_owned(), 2)]);
        assert_eq!(
            gold.blocks[3].kind,
            Kind::Item {
                label: "a".into(),
                parent: Some("1".into())
            }
        );
        assert_eq!(
            gold.blocks[5].kind,
            Kind::Heading {
                level: 3,
                number: None
            }
        );
        assert!(parse_gold("what is this\n").is_err());
    }

    #[test]
    fn results_are_cut_to_the_scope() {
        let gold = parse_gold("%scope 1-1\n1. a\n[^1]: n\n").unwrap();
        let result = parse_result(
            r#"{"blocks":[{"kind":"paragraph","number":"1","text":"a"},
                {"kind":"heading","level":1,"number":"II","text":"h"},
                {"kind":"paragraph","number":"2","text":"b"}],
               "footnotes":[{"number":"1","text":"n"},{"number":"2","text":"m"}]}"#,
        )
        .unwrap();
        let cut = cut_to_scope(result, scope_end(&gold), &gold);
        assert_eq!(cut.blocks.len(), 1);
        assert_eq!(cut.notes.len(), 1);
        assert_eq!(
            cut_lines(vec!["1. a", "x", " 2. b"], Some(1)),
            ["1. a", "x"]
        );
    }
}
