//! candor's composer: the first draft of every playbook message, written from what the workspace
//! already knows, in the language of the person it goes to — so nobody faces a blank page when
//! the news is bad.
//!
//! Templates (`lang/<code>/templates/<type>.j2`, minijinja) hold the structure of each message;
//! Fluent files (`lang/<code>/composer.ftl`) hold the phrases they share (subjects, greetings,
//! remedy sentences); ICU4X formats dates and amounts. All three are data: a user folder with
//! the same layout replaces any template or phrase without rebuilding.

mod context;
mod eml;
pub mod inputs;
pub mod locale;
mod message_type;
mod missing;
pub mod strings;
mod templates;

pub use inputs::{IncidentFacts, Inputs, Recipient, Sender, TimelineItem, WeekProgress};
pub use message_type::{Medium, MessageType};
pub use missing::MissingInput;
pub use templates::{builtin as builtin_templates, overrides as template_overrides};

use candor_core::{Language, ValidationError, field};
use locale::LocaleFormat;
use minijinja::value::{Serde, Value};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use strings::{FtlSource, Strings};
use templates::Templates;

/// Why a draft could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComposeError {
    /// Bad input (unknown type, language or format).
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// The workspace lacks facts the message needs; each names the command that adds it.
    #[error("cannot write the draft yet; missing:\n{}", .0.iter().map(|m| format!("  - {m}")).collect::<Vec<_>>().join("\n"))]
    Missing(Vec<MissingInput>),
    /// A template does not parse or render.
    #[error("{file}{}: {reason}", .line.map(|l| format!(":{l}")).unwrap_or_default())]
    Template {
        /// The template file.
        file: String,
        /// Line in it, when known.
        line: Option<usize>,
        /// What went wrong.
        reason: String,
    },
    /// A Fluent file does not parse, or a phrase is missing.
    #[error("{origin}: {reason}")]
    Strings {
        /// The Fluent file.
        origin: String,
        /// What went wrong.
        reason: String,
    },
    /// Locale data could not be loaded.
    #[error("locale data: {0}")]
    Locale(String),
    /// The output format cannot be produced.
    #[error("{0}")]
    Format(String),
    /// An override folder cannot be read.
    #[error("{0}")]
    Io(String),
}

/// Output format of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Md,
    /// An RFC 5322 message (emails only).
    Eml,
}

impl Format {
    /// Stable ID.
    pub fn id(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Md => "md",
            Self::Eml => "eml",
        }
    }

    /// Parses `text`, `md` or `eml`.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        field::one_of(
            field_name,
            value,
            &[("text", Self::Text), ("md", Self::Md), ("eml", Self::Eml)],
        )
    }
}

/// A finished draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// Message type.
    pub message_type: MessageType,
    /// Language written in.
    pub lang: Language,
    /// Output format.
    pub format: Format,
    /// Subject (emails) or title (scripts, documents).
    pub subject: String,
    /// The message body as plain text or Markdown (what the checker reads).
    pub body: String,
    /// The whole output in the chosen format.
    pub output: String,
}

/// Drafts messages; build once, compose many.
#[derive(Debug)]
pub struct Composer {
    strings: Arc<Strings>,
    templates: Templates,
    locales: HashMap<Language, LocaleFormat>,
}

fn builtin_ftl() -> HashMap<Language, Vec<FtlSource>> {
    let mut out: HashMap<Language, Vec<FtlSource>> = HashMap::new();
    for (code, text) in templates::builtin_strings() {
        if let Ok(lang) = Language::parse("lang", code) {
            out.entry(lang).or_default().push(FtlSource {
                origin: format!("lang/{code}/composer.ftl"),
                text: text.to_owned(),
            });
        }
    }
    out
}

impl Composer {
    /// A composer over the built-in templates and phrases.
    pub fn builtin() -> Result<Self, ComposeError> {
        Self::build(builtin_ftl(), Vec::new())
    }

    /// A composer whose templates and phrases in `dir` (laid out as `<code>/templates/<type>.j2`
    /// and `<code>/composer.ftl`) replace the built-in ones.
    pub fn with_overrides(dir: &Path) -> Result<Self, ComposeError> {
        let mut ftl = builtin_ftl();
        for lang in Language::ALL {
            let path = dir.join(lang.code()).join("composer.ftl");
            if path.is_file() {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| ComposeError::Io(format!("{}: {e}", path.display())))?;
                ftl.entry(lang).or_default().push(FtlSource {
                    origin: path.display().to_string(),
                    text,
                });
            }
        }
        Self::build(ftl, templates::overrides(dir)?)
    }

    fn build(
        ftl: HashMap<Language, Vec<FtlSource>>,
        replaced: Vec<(Language, MessageType, String, String)>,
    ) -> Result<Self, ComposeError> {
        let strings = Arc::new(Strings::new(&ftl)?);
        let templates = Templates::new(Arc::clone(&strings), replaced)?;
        let locales = Language::ALL
            .iter()
            .map(|&l| LocaleFormat::new(l).map(|f| (l, f)))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            strings,
            templates,
            locales,
        })
    }

    /// The phrase bundles (for tests and the UI).
    pub fn strings(&self) -> &Strings {
        &self.strings
    }

    /// Inputs `t` needs that `inputs` lacks, each with the command that adds it.
    pub fn missing(&self, inputs: &Inputs, t: MessageType, format: Format) -> Vec<MissingInput> {
        missing::missing(inputs, t, format)
    }

    /// Writes a draft of `t` in `lang` (else the contact's language, else the client's).
    pub fn compose(
        &self,
        inputs: &Inputs,
        t: MessageType,
        lang: Option<Language>,
        format: Format,
    ) -> Result<Draft, ComposeError> {
        if format == Format::Eml && t.medium() != Medium::Email {
            return Err(ValidationError::new(
                "format",
                "eml",
                format!("{t} is not an email; use --format text or md"),
            )
            .into());
        }
        let gaps = missing::missing(inputs, t, format);
        if !gaps.is_empty() {
            return Err(ComposeError::Missing(gaps));
        }
        let lang = inputs.language(lang);
        let loc = &self.locales[&lang];
        let ctx = context::build(inputs, t, lang, format, loc, &self.strings)?;
        let body = tidy(&self.templates.render(lang, t, Value::from(Serde(&ctx)))?);
        let subject = self.subject(inputs, t, lang)?;
        let output = match format {
            Format::Text => format!(
                "{subject}\n{}\n\n{body}",
                "=".repeat(subject.chars().count())
            ),
            Format::Md => format!("# {subject}\n\n{body}"),
            Format::Eml => self.eml(inputs, t, lang, &subject, &body)?,
        };
        Ok(Draft {
            message_type: t,
            lang,
            format,
            subject,
            body,
            output,
        })
    }

    fn subject(
        &self,
        inputs: &Inputs,
        t: MessageType,
        lang: Language,
    ) -> Result<String, ComposeError> {
        let what = inputs
            .project
            .clone()
            .unwrap_or_else(|| inputs.client_name.clone());
        self.strings.get(
            lang,
            &format!("subject-{}", t.id().replace('_', "-")),
            &[("project", strings::Arg::Text(what))],
        )
    }

    fn eml(
        &self,
        inputs: &Inputs,
        t: MessageType,
        lang: Language,
        subject: &str,
        body: &str,
    ) -> Result<String, ComposeError> {
        let (Some(from), Some(to)) = (&inputs.sender, &inputs.recipient) else {
            return Err(ComposeError::Format(
                "an .eml needs a sender and a contact".into(),
            ));
        };
        let date = inputs
            .today
            .at(9, 0, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp().as_second())
            .map_err(|e| ComposeError::Format(e.to_string()))?;
        let id = format!(
            "candor.{}.{}.{}",
            t.id(),
            inputs.incident.as_ref().map_or(0, |i| i.id),
            inputs.today
        );
        eml::write(
            &eml::Envelope {
                from,
                to,
                subject,
                lang: lang.code(),
                date,
                id: &id,
            },
            body,
        )
    }
}

/// Trims trailing spaces and collapses runs of blank lines that template logic leaves behind.
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
