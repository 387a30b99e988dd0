//! The output formats of the command line, shared by `clean` and `batch`.

use ocrmend::{Document, Provenance};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The JSON contract `ocrmend/1`.
    Json,
    /// The clean reading text.
    Text,
    /// Headings, numbered paragraphs and footnotes as Markdown.
    Markdown,
    /// Ground truth in the yardstick's gold format, to correct by hand.
    Gold,
    /// Akoma Ntoso 3.0 XML in the UN profile AKN4UN.
    Akn,
}

impl Format {
    /// `doc` written out in this format, ending in a newline; `provenance` says whether
    /// the Akoma Ntoso rendering keeps corrections and warnings (the JSON always does).
    pub fn render(self, doc: &Document, provenance: Provenance) -> String {
        match self {
            Format::Json => {
                serde_json::to_string_pretty(doc).expect("the document serialises") + "\n"
            }
            Format::Text => doc.to_text(),
            Format::Markdown => doc.to_markdown(),
            Format::Gold => doc.to_gold(),
            Format::Akn => doc.to_akn(provenance),
        }
    }

    /// The file extension of an output in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Gold => "gold.txt",
            Format::Akn => "akn.xml",
        }
    }

    /// The key under which a JSON Lines record carries this rendering; none for the
    /// JSON, whose fields the record carries itself.
    pub fn record_key(self) -> Option<&'static str> {
        match self {
            Format::Json => None,
            Format::Text => Some("text"),
            Format::Markdown => Some("markdown"),
            Format::Gold => Some("gold"),
            Format::Akn => Some("akn"),
        }
    }
}
