//! Commitment detection: finds the sentences in which the writer promises something ("I'll
//! send the draft Friday", "wij zorgen dat…", "vi skal levere…", "আমরা … পাঠাব"), with the due
//! date when one is stated, skipping quoted replies and signatures.
//!
//! The patterns are data (`rules/<code>.toml`, embedded); English also has a small grammar of
//! commitment frames (`english.rs`) whose word lists are in the same file. Sentence splitting
//! and date finding reuse the checker's per-language [`SentenceSplitter`] and [`DateFinder`].

mod body;
mod english;

use crate::dates::DateFinder;
use crate::pack::embedded_packs;
use crate::sentence::SentenceSplitter;
use jiff::civil::Date;
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Pattern files, one per language.
const RULES: [(&str, &str); 4] = [
    ("en", include_str!("rules/en.toml")),
    ("nl", include_str!("rules/nl.toml")),
    ("nb", include_str!("rules/nb.toml")),
    ("bn", include_str!("rules/bn.toml")),
];

/// One promise found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Promise {
    /// The sentence.
    pub text: String,
    /// Byte offset where it starts in the scanned text.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// The due date stated in it, resolved against the message date.
    pub due: Option<Date>,
}

/// Why the detector could not be built (a broken pattern file).
#[derive(Debug, thiserror::Error)]
pub enum PromiseError {
    /// A pattern file is not valid TOML of the expected shape.
    #[error("promise rules for {lang}: {reason}")]
    Rules {
        /// Language code.
        lang: String,
        /// What is wrong.
        reason: String,
    },
}

#[derive(Deserialize)]
struct RuleFile {
    commit: Vec<String>,
    exclude: Vec<String>,
    quote_headers: Vec<String>,
    #[serde(default)]
    sign_offs: Vec<String>,
    #[serde(default)]
    frames: Option<english::FrameWords>,
}

struct LangRules {
    splitter: SentenceSplitter,
    dates: DateFinder,
    commit: Vec<Regex>,
    exclude: Vec<Regex>,
    quote_headers: Vec<Regex>,
    sign_offs: Vec<Regex>,
    frames: Option<english::Frames>,
}

/// The detector for every supported language; build once, scan many texts.
pub struct PromiseDetector {
    langs: BTreeMap<String, LangRules>,
}

fn compile(lang: &str, patterns: &[String]) -> Result<Vec<Regex>, PromiseError> {
    patterns
        .iter()
        .map(|p| {
            RegexBuilder::new(p)
                .case_insensitive(true)
                .multi_line(false)
                .build()
                .map_err(|e| PromiseError::Rules {
                    lang: lang.into(),
                    reason: format!("pattern {p:?}: {e}"),
                })
        })
        .collect()
}

impl PromiseDetector {
    /// Builds the detector from the embedded rules and language packs.
    pub fn new() -> Result<Self, PromiseError> {
        let packs = embedded_packs().map_err(|e| PromiseError::Rules {
            lang: "*".into(),
            reason: e.to_string(),
        })?;
        let mut langs = BTreeMap::new();
        for (code, text) in RULES {
            let err = |reason: String| PromiseError::Rules {
                lang: code.into(),
                reason,
            };
            let file: RuleFile = toml::from_str(text).map_err(|e| err(e.to_string()))?;
            let pack = packs
                .iter()
                .find(|p| p.language.code == code)
                .ok_or_else(|| err("no language pack".into()))?;
            langs.insert(
                code.to_owned(),
                LangRules {
                    splitter: SentenceSplitter::new(&pack.language),
                    dates: DateFinder::new(&pack.language).map_err(|e| err(e.to_string()))?,
                    commit: compile(code, &file.commit)?,
                    exclude: compile(code, &file.exclude)?,
                    quote_headers: compile(code, &file.quote_headers)?,
                    sign_offs: compile(code, &file.sign_offs)?,
                    frames: file.frames.map(english::Frames::new),
                },
            );
        }
        Ok(Self { langs })
    }

    /// The languages with rules.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.langs.keys().map(String::as_str)
    }

    /// Whether one sentence reads as a commitment in `lang` (English when unknown).
    pub fn is_commitment(&self, sentence: &str, lang: &str) -> bool {
        let rules = self.rules(lang);
        (rules.commit.iter().any(|r| r.is_match(sentence))
            || rules.frames.as_ref().is_some_and(|f| f.commits(sentence)))
            && !rules.exclude.iter().any(|r| r.is_match(sentence))
    }

    fn rules(&self, lang: &str) -> &LangRules {
        let code = if lang == "nn" || lang == "no" {
            "nb"
        } else {
            lang
        };
        self.langs
            .get(code)
            .or_else(|| self.langs.get("en"))
            .expect("en rules are embedded")
    }

    /// Every promise in `text` (the writer's own part only), due dates seen from `sent`.
    pub fn scan(&self, text: &str, lang: &str, sent: Date) -> Vec<Promise> {
        let rules = self.rules(lang);
        let mut out = Vec::new();
        for region in body::own_regions(text, &rules.quote_headers, &rules.sign_offs) {
            let part = &text[region.clone()];
            for range in rules.splitter.split(part) {
                let sentence = &part[range.clone()];
                if !self.is_commitment(sentence, lang) {
                    continue;
                }
                let due = rules
                    .dates
                    .find(sentence)
                    .iter()
                    .find_map(|m| m.resolve(sent));
                out.push(Promise {
                    text: sentence.to_owned(),
                    start: region.start + range.start,
                    end: region.start + range.end,
                    due,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod eval;
#[cfg(test)]
mod tests;
