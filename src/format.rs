//! The output formats of the command line, shared by `clean` and `batch`.

use ocrmend::Document;

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
}

impl Format {
    /// `doc` written out in this format, ending in a newline.
    pub fn render(self, doc: &Document) -> String {
        match self {
            Format::Json => {
                serde_json::to_string_pretty(doc).expect("the document serialises") + "\n"
            }
            Format::Text => doc.to_text(),
            Format::Markdown => doc.to_markdown(),
            Format::Gold => doc.to_gold(),
        }
    }

    /// The file extension of an output in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Gold => "gold.txt",
        }
    }
}
