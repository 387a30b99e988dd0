//! The options every command that cleans takes (`clean`, `review`, `batch`).

/// The document's language as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// From the masthead (`Français`), else the text's function words; when neither
    /// tells, words stay as printed and a `language-not-repaired` warning says so.
    Auto,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// English.
    En,
}

/// How the pipeline runs.
#[derive(Debug, Clone, clap::Args)]
pub struct PipelineArgs {
    /// The document's language.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = ocrmend::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Report each correction's confidence as its rule scores it, before the
    /// calibration fitted on the factory's train split (`corpus/calibration` refits it
    /// from these).
    #[arg(long)]
    pub uncalibrated: bool,
}

impl PipelineArgs {
    /// The library's options these arguments ask for.
    pub fn options(&self) -> ocrmend::Options {
        let lang = match self.lang {
            LangArg::Auto => None,
            LangArg::Fr => Some(ocrmend::Lang::Fr),
            LangArg::Es => Some(ocrmend::Lang::Es),
            LangArg::En => Some(ocrmend::Lang::En),
        };
        ocrmend::Options {
            lang,
            max_bytes: self.max_bytes,
            calibrated: !self.uncalibrated,
            ..ocrmend::Options::default()
        }
    }

    /// The flags among these that shape an output, as a batch stamp records them.
    pub fn shaping_flags(&self) -> Vec<String> {
        let mut flags = Vec::new();
        if let Some(lang) = self.options().lang {
            flags.push(format!("--lang={}", lang.code()));
        }
        if self.uncalibrated {
            flags.push("--uncalibrated".to_owned());
        }
        flags
    }
}
