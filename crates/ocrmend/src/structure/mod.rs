//! Stage 5, structure: from the chunks of the layout to the report's parts —
//! masthead metadata, headings, numbered paragraphs, sub-items, footnotes, and the
//! references that link them.
//!
//! Numbers are read where the OCR left them and checked against the sequences a
//! report follows (paragraphs 1, 2, 3…; chapters I, II…; sections A, B… in each
//! chapter; footnotes 1, 2, 3…). Where a number was lost or garbled the sequence
//! supplies it, and a warning says so.

pub mod columns;
pub mod footnotes;
pub mod headings;
pub mod numbering;
pub mod references;

use crate::diagnostics::{Diagnostics, RemovalReason};
use crate::document::{BlockKind, Metadata};
use crate::layout::{Chunk, LastLine, Layout, Zone};
use crate::lexicon::Lexicon;
use crate::pages::Pages;
use crate::scan::opening::{self as units, ColumnNumber, Opening};
use crate::tracked::Tracked;

/// A block before it is written out: its text still tracked to the input.
#[derive(Debug, Clone)]
pub struct BlockDraft {
    pub kind: BlockKind,
    pub text: Tracked,
    pub page: u32,
    /// Chunks the block was made of (their lines are its spans).
    pub chunks: Vec<usize>,
    /// Input offsets where those chunks (printed paragraphs) open: sentence starts to
    /// the repair stage.
    pub openings: Vec<usize>,
    pub notes: Vec<NoteDraft>,
}

/// A footnote reference found in a block: the marker was cut out of the text where
/// its mark `mark` stands ([`Tracked::marked`]).
#[derive(Debug, Clone, PartialEq)]
pub struct NoteDraft {
    pub number: NoteNumber,
    pub mark: usize,
    pub marker: String,
    pub source: std::ops::Range<usize>,
}

/// A footnote's number: the title's asterisk note, or one of the sequence 1, 2, 3…
/// (the order is the order of the notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoteNumber {
    Star,
    Number(u32),
}

impl std::fmt::Display for NoteNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            NoteNumber::Star => f.write_str("*"),
            NoteNumber::Number(n) => write!(f, "{n}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct FootnoteDraft {
    pub number: NoteNumber,
    pub text: Tracked,
    pub page: u32,
    /// Lines the note was made of (indices into `Pages::lines`): its spans.
    pub lines: Vec<usize>,
}

/// The structure of one report.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub metadata: Metadata,
    pub blocks: Vec<BlockDraft>,
    pub footnotes: Vec<FootnoteDraft>,
    /// Chunks that are in no block or footnote, with why.
    pub dropped: Vec<(usize, RemovalReason)>,
    /// Lines (indices into `Pages::lines`) read as the masthead.
    pub masthead_lines: Vec<usize>,
}

/// Read the structure of a laid-out report.
pub fn structure(
    input: &str,
    pages: &Pages,
    layout: &Layout,
    masthead: crate::masthead::Masthead,
    lexicon: Option<&Lexicon>,
    diagnostics: &mut Diagnostics,
) -> Structure {
    let mut out = Structure::default();
    let masthead_end = masthead.body_start();
    let title_marker = masthead.title_note_marker;
    out.metadata = masthead.metadata;
    out.masthead_lines = masthead.lines;
    let consumed: std::collections::HashSet<usize> = out.masthead_lines.iter().copied().collect();

    let mut body = Vec::new();
    let mut notes = Vec::new();
    for (i, chunk) in layout.chunks.iter().enumerate() {
        if chunk.lines[0] < masthead_end
            && chunk.lines.iter().filter(|l| consumed.contains(l)).count() * 2 >= chunk.lines.len()
        {
            out.dropped.push((i, RemovalReason::Masthead));
            continue;
        }
        match chunk.zone {
            Zone::Body => body.push(i),
            Zone::Footnotes => notes.push(i),
        }
    }
    let mut units = read_units(layout, &body, lexicon, &mut out);
    numbering::number_paragraphs(
        &mut units,
        &layout.chunks,
        &layout.joiner,
        &mut diagnostics.warnings,
    );
    headings::number_headings(&mut units, layout.body_width, &mut diagnostics.warnings);
    out.blocks = units.into_iter().map(Unit::into_draft).collect();
    for block in &mut out.blocks {
        block.openings = block
            .chunks
            .iter()
            .map(|&c| layout.chunks[c].text.source_at(0))
            .collect();
    }
    let candidates = references::candidates(&out.blocks, lexicon);
    let sure_calls = references::sure_calls(&candidates);
    out.footnotes = footnotes::read_footnotes(
        input,
        pages,
        layout,
        footnotes::Zones {
            chunks: &notes,
            sure_calls: &sure_calls,
        },
        title_marker.is_some(),
        &mut out.dropped,
        &mut diagnostics.warnings,
    );
    references::link(
        &candidates,
        &mut out.blocks,
        &out.footnotes,
        &mut diagnostics.warnings,
    );
    out
}

/// A heading, paragraph or item being assembled from chunks.
#[derive(Debug, Clone)]
pub struct Unit {
    pub kind: UnitKind,
    pub text: Tracked,
    pub chunks: Vec<usize>,
    pub page: u32,
    /// The number the OCR printed (inline or in the number column).
    pub printed: Option<u32>,
    /// Paragraph number once the sequence is settled.
    pub number: Option<u32>,
    /// The unit opens a page region: it may be the continuation of the paragraph before.
    pub page_initial: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum UnitKind {
    Heading {
        numeral: Option<ColumnNumber>,
        level: Option<u8>,
        number: Option<String>,
        widest_line: usize,
        lines: usize,
    },
    Paragraph,
    Item {
        label: String,
        parent: Option<u32>,
    },
}

impl Unit {
    fn into_draft(self) -> BlockDraft {
        let kind = match self.kind {
            UnitKind::Heading { level, number, .. } => BlockKind::Heading {
                level: level.unwrap_or(3),
                number,
            },
            UnitKind::Paragraph => BlockKind::Paragraph {
                number: self.number.map(|n| n.to_string()),
            },
            UnitKind::Item { label, parent } => BlockKind::Item {
                label,
                parent: parent.map(|n| n.to_string()),
            },
        };
        BlockDraft {
            kind,
            text: self.text,
            page: self.page,
            chunks: self.chunks,
            openings: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// First pass over the body: what each chunk is, continuations merged.
fn read_units(
    layout: &Layout,
    body: &[usize],
    lexicon: Option<&Lexicon>,
    out: &mut Structure,
) -> Vec<Unit> {
    let (chunks, body_width, joiner) = (&layout.chunks, layout.body_width, &layout.joiner);
    let mut units: Vec<Unit> = Vec::new();
    let mut detached: Vec<columns::Detached> = Vec::new();
    let mut last_page = 0;
    // The paragraph numbers of the units read so far (`read` of them).
    let (mut sequence, mut read) = (numbering::Sequence::default(), 0);
    for (k, &i) in body.iter().enumerate() {
        for u in units[read..]
            .iter()
            .filter(|u| u.kind == UnitKind::Paragraph)
        {
            sequence.read(u.printed);
        }
        read = units.len();
        let chunk = &chunks[i];
        let next_chunk = body.get(k + 1).map(|&n| &chunks[n]);
        let page_initial = chunk.page != last_page || chunk.region_start;
        last_page = chunk.page;
        let text = chunk.text.as_str();
        let tail = |at: usize| {
            let mut t = chunk.text.clone();
            t.replace(0..at, "");
            t
        };
        let new = |kind, text, printed| Unit {
            kind,
            text,
            chunks: vec![i],
            page: chunk.page,
            printed,
            number: None,
            page_initial,
        };
        match units::opening(text) {
            Opening::Number(number) => detached.push(columns::Detached {
                number,
                chunk: i,
                page: chunk.page,
                units_before: units.len(),
            }),
            Opening::Noise => out.dropped.push((i, RemovalReason::Noise)),
            Opening::Heading {
                numeral,
                level,
                text_at,
            } => {
                let numeral = if level == 1 {
                    units::roman_value(&numeral).map(ColumnNumber::Roman)
                } else {
                    numeral.chars().next().map(ColumnNumber::Letter)
                };
                units.push(new(heading_kind(numeral, chunk), tail(text_at), None));
            }
            Opening::Paragraph { number, text_at }
                if plausible_paragraph_number(&sequence, number) =>
            {
                units.push(new(UnitKind::Paragraph, tail(text_at), Some(number)));
            }
            Opening::Item { label, text_at }
                if units.iter().any(|u| u.kind == UnitKind::Paragraph) =>
            {
                units.push(new(
                    UnitKind::Item {
                        label,
                        parent: None,
                    },
                    tail(text_at),
                    None,
                ));
            }
            _ => {
                if continues_previous(&units, chunks, chunk, body_width, lexicon) {
                    let prev = units.last_mut().unwrap();
                    joiner.join(&mut prev.text, &chunk.text);
                    prev.chunks.push(i);
                } else if shaped_like_heading(chunk, body_width) {
                    // A cut phrase (`… de`, `aso-`), or a full line the next chunk
                    // carries on in lower case, is a paragraph the OCR broke with a
                    // blank line.
                    let carried_on = chunk.last_line == LastLine::RunsOn
                        && next_chunk.is_some_and(|next| {
                            crate::scan::opens_in_lower_case(next.text.as_str())
                                && !heading_tail(next, body_width)
                        });
                    if lexicon.is_some_and(|lexicon| !lexicon.holds_a_word(text)) {
                        out.dropped.push((i, RemovalReason::Noise));
                    } else if crate::scan::stops_mid_phrase(text) || carried_on {
                        units.push(new(UnitKind::Paragraph, chunk.text.clone(), None));
                    } else {
                        units.push(new(heading_kind(None, chunk), chunk.text.clone(), None));
                    }
                } else {
                    units.push(new(UnitKind::Paragraph, chunk.text.clone(), None));
                }
            }
        }
    }
    for chunk in columns::assign(&mut units, detached) {
        out.dropped.push((chunk, RemovalReason::StrayNumber));
    }
    units
}

fn heading_kind(numeral: Option<ColumnNumber>, chunk: &Chunk) -> UnitKind {
    UnitKind::Heading {
        numeral,
        level: None,
        number: None,
        widest_line: widest_line(chunk),
        lines: chunk.lines.len(),
    }
}

fn widest_line(chunk: &Chunk) -> usize {
    chunk.line_widths.iter().copied().max().unwrap_or(0)
}

/// An inline number is a paragraph number only if it moves the sequence of anchors
/// forward (`COVID-` / `19. Ces projets…` inside paragraph 55 is not paragraph 19).
/// Measured from the last anchor, not the last number printed: after a misread `8.`
/// for paragraph 3, `4.` still opens paragraph 4.
fn plausible_paragraph_number(sequence: &numbering::Sequence, number: u32) -> bool {
    let last = sequence.last();
    number > last && number <= last + 30
}

/// Does a plain-text chunk carry on the paragraph (or item) before it? Yes when it
/// starts in lower case, or when the text before stopped mid-sentence on a full line.
/// A clause that ends with a comma before a capital is a preamble's or an
/// enumeration's paragraph (`Recalling …,` / `Noting …`), on the same page or across
/// a page break; so is a capital after a last line that stopped short of the margin
/// (a paragraph that ends without a point, `… (11 juin 2004 ; 26 février 2015)`).
fn continues_previous(
    units: &[Unit],
    chunks: &[Chunk],
    chunk: &Chunk,
    body_width: usize,
    lexicon: Option<&Lexicon>,
) -> bool {
    let Some(prev) = units.last() else {
        return false;
    };
    if matches!(prev.kind, UnitKind::Heading { .. }) {
        return heading_tail(chunk, body_width);
    }
    // How the text before ends is read without the specks at its margin (`humanité.
    // _ oe`), as the layout reads line ends.
    let before = crate::scan::speck::core(prev.text.as_str());
    if crate::scan::opens_in_lower_case(chunk.text.as_str()) {
        // A scrap that is no word before a capital (`xq Please…`), or one of
        // [`WORD_LIKE_NUMBER_SCRAP`] letters even if it spells a word (`i Question de
        // Chypre` for `I.`, `de En el portal…` for `5.`, `aa Reafirmando…`), is a
        // garbled number or a speck: the chunk is read from the capital after it, as
        // one that opens with a capital (a new block after a sentence or a clause end,
        // the rest of a sentence cut on a full line). No sentence carries on with such
        // a word before a capital. A longer scrap that is a word (`the`, after `e.g.`)
        // cannot be told from text: the chunk carries on.
        let scrap_before_capital = || {
            let mut words = chunk.text.as_str().split(' ');
            let (Some(scrap), Some(next)) = (words.next(), words.next()) else {
                return false;
            };
            scrap.chars().count() <= 3
                && next.starts_with(char::is_uppercase)
                && (scrap.chars().count() <= WORD_LIKE_NUMBER_SCRAP
                    || lexicon.is_some_and(|l| !l.is_spelled_right(scrap)))
        };
        if !scrap_before_capital() {
            return true;
        }
    }
    let prev_chunk = &chunks[*prev.chunks.last().unwrap()];
    // A capitalised word before a page break, or before a line that the layout split
    // off with no blank line between, may be a name the break cut (`… de las
    // Naciones` / `Unidas …`, `the Human` / `Rights Council`).
    let name_goes_on = || {
        (prev_chunk.page != chunk.page || prev_chunk.last_line == LastLine::ShortBeforeLine)
            && before.rsplit(' ').next().is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            })
    };
    // A quotation carries on a sentence (`appelée` / `« ecstasy », et…`).
    let quoted_lower_case = || {
        crate::scan::opens_in_lower_case(
            chunk.text.as_str().trim_start_matches(['«', '“', '"', ' ']),
        )
    };
    !crate::scan::ends_sentence(before)
        && !crate::scan::ends_clause(before)
        && (prev_chunk.last_line == LastLine::RunsOn || quoted_lower_case() || name_goes_on())
}

/// How long a scrap that spells a word may be and still be read past, as a garbled
/// number or a speck, before a capital (`i`, `ae`, `de`): on train one letter split 10
/// documents' merged blocks and two 5 more, none joined wrongly; three changed nothing
/// more and would take `the` after `e.g.`.
const WORD_LIKE_NUMBER_SCRAP: usize = 2;

/// The rest of a heading wrapped across a blank line or a page break (`IV. Favoriser …
/// Sud-Sud` / `et de la coopération triangulaire`): a line or two in lower case, shorter
/// than the body's, no sentence end.
fn heading_tail(chunk: &Chunk, body_width: usize) -> bool {
    let text = chunk.text.as_str();
    // A lone letter is a speck (`i Le travail…`), not the word a heading goes on with.
    let first_word = text.split(' ').next().unwrap_or("");
    chunk.lines.len() <= 2
        && widest_line(chunk) * 100 < body_width * 85
        && first_word.chars().count() >= 2
        && crate::scan::opens_in_lower_case(text)
        && !crate::scan::ends_sentence(text)
}

/// Shaped like an unnumbered heading: a short chunk with no sentence end and no full
/// line of prose.
fn shaped_like_heading(chunk: &Chunk, body_width: usize) -> bool {
    chunk.lines.len() <= 5
        && units::heading_shaped(chunk.text.as_str())
        && chunk.text.as_str().chars().count() <= 400
        && (chunk.lines.len() == 1 || widest_line(chunk) * 100 <= body_width * 97)
}
