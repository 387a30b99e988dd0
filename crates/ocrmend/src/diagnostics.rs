//! The closed sets a result's diagnostics are drawn from: why input was removed, which
//! stage and rule changed a word, what a warning is about. Each serialises to the
//! kebab-case string of the JSON contract ([`RemovalReason::as_str`] and the like), so
//! a caller can match `removed[].reason`, `corrections[].stage`, `corrections[].rule`
//! and `warnings[].code` against them.

/// An enum of unit variants, each with the string the contract writes for it.
macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident => $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[doc = $vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The string the JSON contract writes.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value whose contract string is `text`.
            pub fn parse(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == text)
            }

            /// What it means, in one line: the variant's documentation (the review
            /// page's legend shows it).
            pub fn description(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($($vdoc),*).trim_ascii(),)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

closed_set! {
    /// Why a stretch of input is in `removed`.
    RemovalReason {
        /// The running header: the document symbol.
        PageHeader => "page-header",
        /// The running footer: job number, page number.
        PageFooter => "page-footer",
        /// The first page's barcode line (`*2012800*`).
        Barcode => "barcode",
        /// A link target the export leaked (`file:///…`).
        LinkTarget => "link-target",
        /// A masthead line, now in `metadata`.
        Masthead => "masthead",
        /// A scanner speck or a lone glyph.
        Noise => "noise",
        /// A number of the number column that no paragraph took.
        StrayNumber => "stray-number",
        /// A run of NUL bytes (padding); its `text` is empty, as JSON stores refuse `\u0000`.
        Nul => "nul",
        /// A control code other than tab, line and page breaks.
        ControlCode => "control-code",
        /// A zero-width space, word joiner, stray byte-order mark or soft hyphen.
        Invisible => "invisible",
    }
}

closed_set! {
    /// Which pass of the repair stage changed a word.
    Stage {
        /// Glyph shapes and elisions.
        Glyphs => "glyphs",
        /// The dictionary and the confusion model.
        Spelling => "spelling",
        /// The word's neighbours.
        Context => "context",
    }
}

closed_set! {
    /// The rule that made a correction.
    Rule {
        /// `1’`, `I’`, `|’` before a word → `l’`.
        ElidedL => "elided-l",
        /// An elision's lost letter or stray space (`’adoption`, `s ’offrait`), or a
        /// whole elided article lost after `de` (`de Organisation`).
        Elision => "elision",
        /// `11 est` at a sentence start → `Il est`.
        CapitalIl => "capital-il",
        /// `EI` → `El`.
        CapitalEl => "capital-el",
        /// The document's own apostrophe inside words.
        Apostrophe => "apostrophe",
        /// `¢`, `€` noise inside a word.
        GlyphNoise => "glyph-noise",
        /// `n®` → `n°`.
        Numero => "numero",
        /// A doubled dot inside a document symbol.
        Symbol => "symbol",
        /// The dictionary's likeliest reading of a word.
        Lexicon => "lexicon",
        /// French `a`/`à` by context.
        ContextA => "context-a",
        /// A participle after an auxiliary.
        ContextParticiple => "context-participle",
        /// A word right both ways, told by its neighbours (`mas`/`más`).
        ContextAccent => "context-accent",
    }
}

closed_set! {
    /// What a warning is about.
    WarningCode {
        /// Bytes not valid in the encoding, replaced by U+FFFD.
        InvalidBytes => "invalid-bytes",
        /// The input is not UTF-8: its legacy encoding was guessed.
        EncodingGuessed => "encoding-guessed",
        /// The language is not one ocrmend repairs, or could not be told: words left as printed.
        LanguageNotRepaired => "language-not-repaired",
        /// A correction not sure enough to make.
        CorrectionWithheld => "correction-withheld",
        /// A footnote number taken from the sequence.
        FootnoteNumberInferred => "footnote-number-inferred",
        /// A footnote whose call was not found in the text.
        FootnoteReferenceNotFound => "footnote-reference-not-found",
        /// Two notes printed as one, told apart.
        FootnoteSplit => "footnote-split",
        /// A note opening with no number where the printed numbers left no room for
        /// one: read as the rest of the note before.
        FootnoteJoined => "footnote-joined",
        /// A heading numeral the OCR garbled, corrected from the sequence.
        HeadingNumeralCorrected => "heading-numeral-corrected",
        /// A heading numeral the OCR lost, supplied by the sequence.
        HeadingNumeralInferred => "heading-numeral-inferred",
        /// A printed heading numeral skips one: the heading between was not found.
        HeadingMissing => "heading-missing",
        /// A paragraph number taken from the sequence.
        ParagraphNumberInferred => "paragraph-number-inferred",
        /// No printed paragraph number survived to anchor the sequence.
        ParagraphNumbersMissing => "paragraph-numbers-missing",
    }
}

/// What the stages find worth telling, gathered in one place as they run, in the
/// order the JSON lists it: warnings, the words changed and the changes withheld.
/// Spans are byte ranges of the decoded input until `emit` turns them into characters.
#[derive(Debug, Clone, Default)]
pub(crate) struct Diagnostics {
    pub warnings: Vec<WarningDraft>,
    pub corrections: Vec<Repair>,
    pub withheld: Vec<Withheld>,
}

/// A warning before its span is converted to characters.
#[derive(Debug, Clone)]
pub(crate) struct WarningDraft {
    pub code: WarningCode,
    pub message: String,
    pub source: Option<std::ops::Range<usize>>,
}

/// One repaired word, before its span is converted to characters.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Repair {
    pub source: std::ops::Range<usize>,
    /// `glyphs`, `spelling` or `context`.
    pub stage: Stage,
    pub before: String,
    pub after: String,
    pub rule: Rule,
    pub confidence: f64,
}

/// A change not made because it was not sure enough: the warning that says so.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Withheld {
    pub source: std::ops::Range<usize>,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_its_own_kebab_case_string() {
        let mut seen = std::collections::HashSet::new();
        let all = RemovalReason::ALL
            .iter()
            .map(|v| v.as_str())
            .chain(Stage::ALL.iter().map(|v| v.as_str()))
            .chain(Rule::ALL.iter().map(|v| v.as_str()))
            .chain(WarningCode::ALL.iter().map(|v| v.as_str()));
        for s in all {
            assert!(
                s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{s}"
            );
            // `context` is both a stage and the prefix of rules, never a rule itself.
            assert!(seen.insert(s), "{s} twice");
        }
    }

    #[test]
    fn every_value_parses_back_and_says_what_it_means() {
        for &rule in Rule::ALL {
            assert_eq!(Rule::parse(rule.as_str()), Some(rule));
            assert!(rule.description().len() > 10, "{rule}");
        }
        for &code in WarningCode::ALL {
            assert_eq!(WarningCode::parse(code.as_str()), Some(code));
            assert!(code.description().ends_with('.'), "{code}");
        }
        assert_eq!(Rule::parse("no-such-rule"), None);
        assert_eq!(
            Rule::Numero.description(),
            "`n®` → `n°`.",
            "the doc comment, without its leading space"
        );
    }
}
