//! Stage 2, pages: split the text into lines and pages, and strip page furniture.
//!
//! Furniture is learnt from the document itself: the running-header symbol is the
//! symbol-shaped line that repeats across pages, the job number the `NN-NNNNN` token of
//! the footers. A line made only of such tokens (with page numbers `17/21`, job
//! suffixes `(F) 090925`, a barcode `*2012800*`) is furniture, and so is a page number
//! between dashes (`- 2 -`), a job number beside one short token (its page number as
//! the OCR damaged it: `eis`), and a leaked link target (`file:///…`). The job number
//! and the barcode made of it are furniture even one digit off (`9323537`, `2114683°`
//! for 21-14683). Every removal is recorded with its reason.
//!
//! Page breaks: a form feed; a cluster of furniture lines; and, in text that has no
//! form feed, a line indented by exactly one space (how some OCR exports mark the start
//! of a page region).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostics::RemovalReason;
use crate::scan::speck;
use crate::scan::symbol::{self, symbol_parts};

/// One line of input. `span` is its content, without the line end.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub span: Range<usize>,
    pub page: u32,
    /// Nothing but white space.
    pub blank: bool,
    /// The line opens a page region (form feed before it, or the one-space indent).
    pub region_start: bool,
}

/// A stretch of input dropped as not being content.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    pub span: Range<usize>,
    pub reason: RemovalReason,
}

/// The document as pages of content lines, furniture taken out.
#[derive(Debug, Clone)]
pub struct Pages {
    /// Content lines (blank ones included, as paragraph separators), in input order.
    pub lines: Vec<Line>,
    pub removed: Vec<Removal>,
    /// The running-header symbol, e.g. `A/75/371`, when it repeats.
    pub symbol: Option<String>,
    /// The job number of the footers, e.g. `20-12800`.
    pub job: Option<String>,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,4}/\d{1,4}$").unwrap());
/// A page number set between dashes (`- 2 -`, `-2-`): never content, with or without
/// the job number beside it.
static DASHED_PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-–—]\s*\d{1,4}\s*[-–—]$").unwrap());
/// What a page number beside the job number may look like once OCR damaged it (`2`,
/// `eis`, `-4`): one short token; a footer holds nothing else.
const DAMAGED_PAGE_NUMBER_CHARS: usize = 4;
static DATE_CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{6}$").unwrap());
static BARCODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\*\d{6,}\*$").unwrap());
static JOB_SUFFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\([A-Z]\)$").unwrap());

/// Split `text` into lines and pages and take the furniture out.
pub fn paginate(text: &str) -> Pages {
    let raw = split_lines(text);
    let symbol = running_symbol(text, &raw);
    let job = footer_job(text, &raw);
    let has_form_feed = text.contains('\u{c}');
    let readings: Vec<Reading> = raw
        .iter()
        .map(|r| Reading::of(&text[r.span.clone()], symbol.as_deref(), job.as_deref()))
        .collect();
    let dirty_margin = has_dirty_margin(&readings);

    let mut lines = Vec::with_capacity(raw.len());
    let mut removed = Vec::new();
    let mut page = 1u32;
    let mut break_pending = false;
    let mut seen_content = false;
    // Header and footer lines come in clusters, with stray short lines (a numeral,
    // a number) among them: one cluster is one page break, until a line of text.
    let mut in_cluster = false;
    for (r, reading) in raw.into_iter().zip(readings) {
        let content = &text[r.span.clone()];
        let trimmed = content.trim();
        if r.after_form_feed {
            break_pending = true;
        }
        if let Some(reason) = reading.furniture {
            removed.push(Removal {
                span: trimmed_span(text, &r.span),
                reason,
            });
            break_pending |= !in_cluster;
            continue;
        }
        let mut span = r.span.clone();
        if dirty_margin && !trimmed.is_empty() {
            let Some(kept) = reading.kept else {
                removed.push(Removal {
                    span: trimmed_span(text, &r.span),
                    reason: RemovalReason::Noise,
                });
                continue;
            };
            let kept = r.span.start + kept.start..r.span.start + kept.end;
            // Each cut runs up to the kept text but for ASCII spaces: other space
            // between them may stand for input no other span covers (a stray Latin-1
            // no-break space is U+FFFD there).
            let line = trimmed_span(text, &r.span);
            let is_space = |c: char| c.is_ascii_whitespace();
            let before = text[line.start..kept.start]
                .trim_end_matches(is_space)
                .len();
            let after = text[kept.end..line.end].trim_start_matches(is_space).len();
            for cut in [line.start..line.start + before, line.end - after..line.end] {
                if cut.start < cut.end {
                    removed.push(Removal {
                        span: cut,
                        reason: RemovalReason::Noise,
                    });
                }
            }
            span = kept;
        }
        let blank = trimmed.is_empty();
        let one_space_indent =
            !has_form_feed && content.starts_with(' ') && !content.starts_with("  ") && !blank;
        let region_start = !blank && (one_space_indent || break_pending && seen_content);
        if !blank && (break_pending || one_space_indent) && seen_content {
            page += 1;
            in_cluster = true;
        }
        if !blank {
            break_pending = false;
            seen_content = true;
            in_cluster &= trimmed.chars().count() <= SHORT_LINE;
        }
        lines.push(Line {
            span,
            page,
            blank,
            region_start,
        });
    }
    Pages {
        lines,
        removed,
        symbol,
        job,
    }
}

/// What one raw line is, read once for the margin test and the pass that cuts.
struct Reading {
    furniture: Option<RemovalReason>,
    /// The line without the debris at its edges ([`speck::debris`]); `None` when it is
    /// all debris.
    kept: Option<Range<usize>>,
    /// Some debris was found at an edge of this (non-blank, non-furniture) line.
    specked: bool,
    /// The line is content: neither blank nor furniture.
    content: bool,
}

impl Reading {
    fn of(line: &str, symbol: Option<&str>, job: Option<&str>) -> Reading {
        let trimmed = line.trim();
        let furniture = furniture(trimmed, symbol, job);
        let content = !trimmed.is_empty() && furniture.is_none();
        let kept = if content { speck::debris(line) } else { None };
        Reading {
            furniture,
            specked: content && kept.as_ref().is_none_or(|k| k.len() < trimmed.len()),
            kept,
            content,
        }
    }
}

/// Whether the scan left debris at the edges of enough lines ([`DIRTY_MARGIN_SHARE`])
/// for the pages stage to cut it out of every line: a clean scan's few edge marks are
/// more likely punctuation set apart than specks.
fn has_dirty_margin(readings: &[Reading]) -> bool {
    let content = readings.iter().filter(|r| r.content).count();
    let specked = readings.iter().filter(|r| r.specked).count();
    specked * 100 >= content.max(1) * DIRTY_MARGIN_SHARE
}

/// The share of lines (in %) with debris at an edge that marks a dirty margin: clean
/// scans of the factory's train split stay under 1.5 %, speckled ones run from 2 % to
/// over 50 %.
const DIRTY_MARGIN_SHARE: usize = 2;

/// Lines this short between header and footer lines are strays in the cluster.
const SHORT_LINE: usize = 12;

struct RawLine {
    span: Range<usize>,
    after_form_feed: bool,
}

/// Lines end at `\n`, `\r\n` or a form feed; the terminator is not in the span.
fn split_lines(text: &str) -> Vec<RawLine> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut after_form_feed = false;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\u{c}' {
            let end = if c == '\n' && text[..i].ends_with('\r') {
                i - 1
            } else {
                i
            };
            out.push(RawLine {
                span: start..end,
                after_form_feed,
            });
            after_form_feed = c == '\u{c}';
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(RawLine {
            span: start..text.len(),
            after_form_feed,
        });
    }
    out
}

/// The running header's symbol: the symbol-shaped line that stands alone at least
/// twice; else a symbol-shaped line standing alone once below the masthead that the
/// masthead prints too (in its first [`MASTHEAD_LINES`]), however damaged there
/// (`S/ 202 1/ 658`, `$/2024/ 664`: [`symbol::resembles`]); else one that opens a
/// page after a form feed.
fn running_symbol(text: &str, lines: &[RawLine]) -> Option<String> {
    let trimmed = || {
        lines
            .iter()
            .map(|l| symbol::line_core(&text[l.span.clone()]))
    };
    let shaped = |t: &&str| symbol_parts(t).is_some_and(|n| (2..=5).contains(&n));
    most_frequent(trimmed().filter(shaped), 2).or_else(|| {
        let masthead: Vec<&str> = trimmed().take(MASTHEAD_LINES).collect();
        let in_masthead = |symbol: &str| {
            masthead.iter().any(|line| {
                let tokens: Vec<&str> = line.split_whitespace().collect();
                (0..tokens.len()).any(|from| {
                    (from + 1..=tokens.len().min(from + MAX_SYMBOL_PIECES))
                        .any(|to| symbol::resembles(&tokens[from..to].concat(), symbol))
                })
            })
        };
        trimmed()
            .skip(MASTHEAD_LINES)
            .filter(shaped)
            .find(|t| in_masthead(t))
            .or_else(|| {
                // The header stands where a page opens even when the masthead's copy
                // is past reading (`E E 2022 il 43`).
                lines
                    .iter()
                    .filter(|l| l.after_form_feed)
                    .map(|l| text[l.span.clone()].trim())
                    .find(shaped)
            })
            .map(str::to_owned)
    })
}

/// How many pieces the OCR may break a masthead's symbol into (`S/ 202 1/ 658`).
const MAX_SYMBOL_PIECES: usize = 5;

/// How far down the masthead prints the document's symbol.
const MASTHEAD_LINES: usize = 12;

/// The job number: the `NN-NNNNN` token of footer lines.
fn footer_job(text: &str, lines: &[RawLine]) -> Option<String> {
    let tokens = lines
        .iter()
        .flat_map(|l| text[l.span.clone()].split_whitespace())
        .filter_map(|t| {
            let t = t.split('(').next().unwrap_or(t);
            symbol::job_number(t)
        });
    most_frequent(tokens, 1)
}

fn most_frequent<'a>(items: impl Iterator<Item = &'a str>, at_least: usize) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= at_least)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(s, _)| s.to_owned())
}

/// Whether `token` is the document's job number as OCR damaged it: its digits, six to
/// eight of them, are the job's but for one digit dropped, added or misread, inside at
/// most [`JOB_WRAPPING`] other glyphs (`2114683°` and `+2210364*` for the barcode of
/// 21-14683 and 22-10364, `9323537` for 23-23537). A body number so close to the job's
/// on a line of its own is unlikely.
fn resembles_job(token: &str, job: &str) -> bool {
    // Counted before any distance: this runs on every token of every line.
    let digits = || token.chars().filter(char::is_ascii_digit);
    let count = digits().count();
    (6..=8).contains(&count)
        && token.chars().count() - count <= JOB_WRAPPING
        && rapidfuzz::distance::levenshtein::distance(
            digits(),
            job.chars().filter(char::is_ascii_digit),
        ) <= 1
}

/// How many glyphs besides its digits a damaged job number or barcode may carry.
const JOB_WRAPPING: usize = 3;

/// Why a (trimmed) line is page furniture, if it is.
fn furniture(line: &str, symbol: Option<&str>, job: Option<&str>) -> Option<RemovalReason> {
    if line.starts_with("file:///") {
        return Some(RemovalReason::LinkTarget);
    }
    if line.is_empty() {
        return None;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let damaged_job = |t: &str| job.is_some_and(|job| resembles_job(t, job));
    let has_job = tokens.iter().any(|t| {
        symbol::job_number(t)
            .or_else(|| symbol::job_number(t.split('(').next().unwrap_or(t)))
            .is_some()
            || damaged_job(t)
    });
    let is_symbol = |t: &str| symbol.is_some_and(|s| symbol::resembles(t, s));
    if is_symbol(symbol::line_core(line)) {
        return Some(RemovalReason::PageHeader);
    }
    // The first page's job dates on a line of their own (`120724 130724`): the OCR
    // cut the footer's line after the job number.
    if tokens.len() == 2 && tokens.iter().all(|t| date_code(t)) {
        return Some(RemovalReason::PageFooter);
    }
    let furniture_token = |t: &&str| {
        is_symbol(t)
            || PAGE_NUMBER.is_match(t)
            || BARCODE.is_match(t)
            || symbol::job_number(t).is_some()
            || symbol::job_number(t.split('(').next().unwrap_or(t)).is_some() && t.ends_with(')')
            || damaged_job(t)
            || has_job
                && (DATE_CODE.is_match(t)
                    || JOB_SUFFIX.is_match(t)
                    || damaged_date_code(t)
                    || t.chars().all(|c| !c.is_alphanumeric()))
    };
    let rest: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| !furniture_token(t))
        .collect();
    if !rest.is_empty() {
        let rest = rest.join(" ");
        let page_number_beside_job =
            has_job && !rest.contains(' ') && rest.chars().count() <= DAMAGED_PAGE_NUMBER_CHARS;
        return (DASHED_PAGE_NUMBER.is_match(&rest) || page_number_beside_job)
            .then_some(RemovalReason::PageFooter);
    }
    Some(if tokens.iter().any(|t| is_symbol(t)) {
        RemovalReason::PageHeader
    } else if tokens.iter().any(|t| BARCODE.is_match(t)) {
        RemovalReason::Barcode
    } else {
        RemovalReason::PageFooter
    })
}

/// A job's date code as OCR damaged it beside the job number (`25062)`, `051221.`,
/// `18072)`): five or six digits and one other glyph at most.
fn damaged_date_code(token: &str) -> bool {
    let digits = token.chars().filter(char::is_ascii_digit).count();
    (5..=6).contains(&digits) && token.chars().count() - digits <= 1
}

/// A job's date code, `ddmmyy` (`120724`): six digits that read as a day and a month.
fn date_code(token: &str) -> bool {
    let day_month = |at: usize| token.get(at..at + 2).and_then(|d| d.parse::<u32>().ok());
    DATE_CODE.is_match(token)
        && day_month(0).is_some_and(|d| (1..=31).contains(&d))
        && day_month(2).is_some_and(|m| (1..=12).contains(&m))
}

/// The span of `span` without its surrounding white space.
pub fn trimmed_span(text: &str, span: &Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(text: &str, p: &Pages) -> Vec<(u32, String)> {
        p.lines
            .iter()
            .filter(|l| !l.blank)
            .map(|l| (l.page, text[l.span.clone()].trim().to_owned()))
            .collect()
    }

    #[test]
    fn learns_symbol_and_job_and_strips_them() {
        let text = "A/75/371\nBody one.\n20-12800 17/21\nA/75/371\n18/21\nBody two.\n";
        let p = paginate(text);
        assert_eq!(p.symbol.as_deref(), Some("A/75/371"));
        assert_eq!(p.job.as_deref(), Some("20-12800"));
        assert_eq!(
            content(text, &p),
            vec![(1, "Body one.".into()), (2, "Body two.".into())]
        );
        assert_eq!(p.removed.len(), 4);
    }

    #[test]
    fn job_line_with_language_and_dates_is_a_footer() {
        let text = "Text.\n25-14327(F) 090925 110925\n*2514327*\nMore.";
        let p = paginate(text);
        let reasons: Vec<_> = p.removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            vec![RemovalReason::PageFooter, RemovalReason::Barcode]
        );
    }

    #[test]
    fn damaged_dates_and_specks_beside_the_job_are_a_footer() {
        for footer in [
            "21-12392 (F) 230621 25062)",
            "\" 21-19476(S) 051221. 091221",
            "22-09405 (F) 090822 130822 ; . |",
        ] {
            let text = format!("Text one.\n{footer}\nText two.");
            let reasons: Vec<_> = paginate(&text).removed.iter().map(|r| r.reason).collect();
            assert_eq!(reasons, vec![RemovalReason::PageFooter], "{footer}");
        }
    }

    #[test]
    fn a_header_is_read_without_the_specks_and_points_at_its_edges() {
        // Learnt from two copies that differ only at their edges, and matched so.
        let text = "Body one.\n| A/79/637/Add.1\nBody two.\nA/79/637/Add.1,\nBody three.";
        let p = paginate(text);
        assert_eq!(p.symbol.as_deref(), Some("A/79/637/Add.1"));
        assert_eq!(p.removed.len(), 2);
        // The star note citing the agenda is no header.
        let text = "A/79/82\nBody.\nA/79/82\n* A/79/2.\nMore.";
        let p = paginate(text);
        assert_eq!(p.removed.len(), 2);
    }

    #[test]
    fn job_dates_on_a_line_of_their_own_are_a_footer() {
        let p = paginate("Text.\n24-00789 (F)\n120724 130724\nMore.");
        let reasons: Vec<_> = p.removed.iter().map(|r| r.reason).collect();
        assert_eq!(reasons, vec![RemovalReason::PageFooter; 2]);
        // Six-digit numbers that are no dates stay.
        let p = paginate("Text.\n994500 330000\nMore.");
        assert!(p.removed.is_empty());
    }

    #[test]
    fn dashed_and_damaged_page_numbers_are_footers() {
        for footer in [
            "23-19691 -2-",
            "- 4 -",
            "23-19691 eis",
            "-3- 23-19691",
            "23-19691 5",
        ] {
            let text = format!("Text one.\n{footer}\nText two.");
            let p = paginate(&text);
            let reasons: Vec<_> = p.removed.iter().map(|r| r.reason).collect();
            assert_eq!(reasons, vec![RemovalReason::PageFooter], "{footer}");
        }
        // Beside the job number, more than one short token is text.
        for line in ["23-19691 is the job of", "- 2 - 3", "Voir le 2 -"] {
            let text = format!("Text one.\n{line}\nText two.");
            assert!(paginate(&text).removed.is_empty(), "{line}");
        }
    }

    #[test]
    fn a_symbol_seen_once_in_text_is_not_furniture() {
        let text = "Voir\nA/74/336\npour plus.";
        assert!(paginate(text).removed.is_empty());
    }

    #[test]
    fn the_masthead_symbol_teaches_a_header_printed_once_or_damaged() {
        let text = "Nations Unies A/HRC/ 54 /43\nDistr. générale\nTexte.\n\n\n\n\n\n\n\n\n\n\
                    Suite.\nA/HRC/54/43\nFin.\nA/HRC/S4/43\nVoir\nA/HRC/54/42\n";
        let p = paginate(text);
        assert_eq!(p.symbol.as_deref(), Some("A/HRC/54/43"));
        // The headers go, the damaged one too; another document's symbol, a digit
        // apart, stays.
        let removed: Vec<&str> = p.removed.iter().map(|r| &text[r.span.clone()]).collect();
        assert_eq!(removed, ["A/HRC/54/43", "A/HRC/S4/43"]);
    }

    #[test]
    fn a_symbol_opening_a_page_is_the_header_when_the_masthead_lost_it() {
        let text =
            "Naciones Unidas E E 2022 il 43\nTexto.\n\u{c}E/2022/43\n\nSigue.\nVéase E/2022/44.";
        let p = paginate(text);
        assert_eq!(p.symbol.as_deref(), Some("E/2022/43"));
        let removed: Vec<&str> = p.removed.iter().map(|r| &text[r.span.clone()]).collect();
        assert_eq!(removed, ["E/2022/43"]);
        // A symbol inside a page is no header.
        assert_eq!(paginate("Texto.\nE/2022/43\nSigue.").symbol, None);
    }

    #[test]
    fn a_dirty_margin_is_cut_out_of_every_line_and_recorded() {
        let text = "| Le texte commence\n; et continue ici _\nsans tache\n. :\nfin du texte\n";
        let p = paginate(text);
        assert_eq!(
            content(text, &p),
            [
                (1, "Le texte commence".into()),
                (1, "et continue ici".into()),
                (1, "sans tache".into()),
                (1, "fin du texte".into())
            ]
        );
        let removed: Vec<(&str, RemovalReason)> = p
            .removed
            .iter()
            .map(|r| (&text[r.span.clone()], r.reason))
            .collect();
        assert_eq!(
            removed,
            [
                ("|", RemovalReason::Noise),
                (";", RemovalReason::Noise),
                ("_", RemovalReason::Noise),
                (". :", RemovalReason::Noise)
            ]
        );
    }

    #[test]
    fn a_clean_scan_keeps_its_edge_marks() {
        let mut text = String::from(", Distr. générale\n");
        for _ in 0..60 {
            text.push_str("une ligne de texte propre\n");
        }
        let p = paginate(&text);
        assert!(p.removed.is_empty());
        assert_eq!(content(&text, &p)[0], (1, ", Distr. générale".into()));
    }

    #[test]
    fn link_targets_are_removed() {
        let p = paginate("a\nfile:///C:/MSWDocs/x.org/\nb");
        assert_eq!(p.removed[0].reason, RemovalReason::LinkTarget);
    }

    #[test]
    fn form_feed_and_one_space_indent_break_pages() {
        let text = "one\n\u{c}two\n";
        assert_eq!(
            content(text, &paginate(text)),
            vec![(1, "one".into()), (2, "two".into())]
        );
        let text = "one\n two\n";
        assert_eq!(
            content(text, &paginate(text)),
            vec![(1, "one".into()), (2, "two".into())]
        );
    }

    #[test]
    fn a_cluster_of_furniture_is_one_page_break() {
        let text = "Body one.\n25-14327\n\nA/80/318\n\nIl.\n\n2/6\n\nExamen\nA/80/318\n";
        let p = paginate(text);
        assert_eq!(
            content(text, &p),
            vec![
                (1, "Body one.".into()),
                (2, "Il.".into()),
                (2, "Examen".into())
            ]
        );
    }

    #[test]
    fn the_job_number_damaged_by_one_digit_is_furniture_and_a_page_break() {
        let text = "The body of page one.\n23-23537 (E) 120724\n\u{c}The body of page two.\nES) 9323537\nThe body of page three.\n2114683°\n+2323537*\nThe body of page four, 2323 and 1234567.\n";
        let p = paginate(text);
        assert_eq!(
            content(text, &p),
            vec![
                (1, "The body of page one.".into()),
                (2, "The body of page two.".into()),
                (3, "The body of page three.".into()),
                (3, "2114683°".into()),
                (4, "The body of page four, 2323 and 1234567.".into()),
            ],
            "one digit off the job's is furniture; two off, or inside a sentence, is not"
        );
        assert!(resembles_job("#2323537*", "23-23537"));
        assert!(!resembles_job("23235", "23-23537"), "too few digits");
        assert!(
            !resembles_job("(F)2323537(E)", "23-23537"),
            "too much around it"
        );
    }

    #[test]
    fn crlf_is_not_content() {
        let text = "a\r\nb\r\n";
        let p = paginate(text);
        assert_eq!(&text[p.lines[0].span.clone()], "a");
    }
}
