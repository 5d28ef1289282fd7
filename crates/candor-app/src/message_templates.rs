//! Which message template the composer uses for each type and language — the built-in one or a
//! user's override from the templates folder — with its source text, so the web app can show it.

use crate::{App, AppError, Result};
use candor_compose::MessageType;
use candor_core::Language;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One message template as the composer will use it.
#[derive(Debug, Clone, Serialize)]
pub struct MessageTemplate {
    /// Message type id (`delay_email`, …).
    pub message_type: &'static str,
    /// Language code.
    pub lang: &'static str,
    /// True when a file in the templates folder replaces the built-in template.
    pub overridden: bool,
    /// Where the source comes from: `lang/<code>/templates/<type>.j2` or the override's path.
    pub origin: String,
    /// The template's source text.
    pub source: String,
}

impl App {
    /// The folder whose templates and phrases replace the built-in ones (`CANDOR_TEMPLATES`).
    pub fn templates_dir(&self) -> Option<&Path> {
        self.templates_dir.as_deref()
    }

    /// Sets (or clears) the templates folder the composer uses when a request names none.
    pub fn set_templates_dir(&mut self, dir: Option<PathBuf>) {
        self.templates_dir = dir;
    }

    /// Every message type × language, in the composer's type order, each built in or overridden.
    pub fn message_templates(&self) -> Result<Vec<MessageTemplate>> {
        let overrides = match &self.templates_dir {
            Some(dir) => candor_compose::template_overrides(dir)?,
            None => Vec::new(),
        };
        let mut out = Vec::new();
        for t in MessageType::ALL {
            for lang in Language::ALL {
                let replaced = overrides.iter().find(|(l, ty, ..)| *l == lang && *ty == t);
                let (overridden, origin, source) = match replaced {
                    Some((_, _, origin, text)) => (true, origin.clone(), text.clone()),
                    None => {
                        let text = candor_compose::builtin_templates()
                            .find(|(c, id, _)| *c == lang.code() && *id == t.id())
                            .map(|(_, _, text)| text.to_owned())
                            .ok_or_else(|| {
                                AppError::Check(format!(
                                    "no built-in {} template for {}",
                                    t.id(),
                                    lang.code()
                                ))
                            })?;
                        let origin = format!("lang/{}/templates/{}.j2", lang.code(), t.id());
                        (false, origin, text)
                    }
                };
                out.push(MessageTemplate {
                    message_type: t.id(),
                    lang: lang.code(),
                    overridden,
                    origin,
                    source,
                });
            }
        }
        Ok(out)
    }

    /// The template of one type in one language.
    pub fn message_template(&self, lang: &str, message_type: &str) -> Result<MessageTemplate> {
        let lang = Language::parse("lang", lang)?;
        let t = MessageType::parse("type", message_type)?;
        self.message_templates()?
            .into_iter()
            .find(|m| m.lang == lang.code() && m.message_type == t.id())
            .ok_or_else(|| AppError::NotFound {
                what: "template",
                key: format!("{}/{}", lang.code(), t.id()),
                hint: String::new(),
            })
    }
}
