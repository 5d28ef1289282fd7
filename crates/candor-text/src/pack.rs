//! Language packs as data: the TOML files under `lang/<code>/checker/`, embedded at build time
//! and overridable from a folder, parsed into typed specs with errors that name file and rule.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/embedded_packs.rs"));

/// A pack that cannot be read or makes no sense.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// A file could not be read.
    #[error("cannot read language pack file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file is not valid TOML or has unknown or missing keys.
    #[error("language pack {lang}, file {file}: {reason}")]
    Parse {
        /// Language code.
        lang: String,
        /// File name.
        file: String,
        /// What is wrong.
        reason: String,
    },
    /// A rule is inconsistent (bad regex, unknown target, missing message).
    #[error("language pack {lang}, rule {rule}: {reason}")]
    Rule {
        /// Language code.
        lang: String,
        /// Rule id.
        rule: String,
        /// What is wrong.
        reason: String,
    },
}

/// `language.toml`: the language's own facts (abbreviations, negation, date words, messages).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageSpec {
    /// ISO 639-1 code (`en`, `nl`, `nb`, `bn`).
    pub code: String,
    /// English name of the language.
    pub name: String,
    /// Characters that end a sentence (besides newline paragraphs), e.g. `.`, `!`, `?`, `।`.
    pub sentence_terminators: Vec<String>,
    /// Abbreviations (lower case, without the final dot) after which a dot does not end a sentence.
    pub abbreviations: Vec<String>,
    /// Words that negate a nearby match (lower case).
    pub negations: Vec<String>,
    /// How many words before a match are searched for a negation.
    pub negation_before: usize,
    /// How many words after a match are searched for a negation (languages that negate after the verb).
    pub negation_after: usize,
    /// Capitalised words that are never a person's name (pronouns, articles), lower case.
    pub not_names: Vec<String>,
    /// Words right before a date that put it in the past ("last Friday", "since Monday"), lower
    /// case: such a date is no new date.
    #[serde(default)]
    pub past_before: Vec<String>,
    /// Words right after a date that put it in the past ("two weeks ago"), lower case.
    #[serde(default)]
    pub past_after: Vec<String>,
    /// Endings right after a relative date that make it the modifier of a noun ("today's
    /// maintenance", "tomorrow's release"), lower case: such a date names a thing, not a new date.
    #[serde(default)]
    pub date_modifier_after: Vec<String>,
    /// Verb forms that put a clause in the past ("was", "took"), lower case. A rule with
    /// `past_cancels` does not count when the tensed word nearest its match is one of these.
    /// Leave out forms that are also participles ("fixed", "made"): "will be fixed soon" is not past.
    #[serde(default)]
    pub past_tense: Vec<String>,
    /// Verb forms that put a clause in the present or future ("will", "is", "don't"), lower case:
    /// the other side of `past_tense` when the nearest tensed word is looked for.
    #[serde(default)]
    pub non_past_tense: Vec<String>,
    /// Treat `\b` as an ASCII word boundary (fast on any text; right for Latin-script packs
    /// whose rule words start and end with ASCII letters). Leave false for scripts such as Bengali.
    #[serde(default)]
    pub ascii_word_boundaries: bool,
    /// Words and patterns for dates.
    pub dates: DateSpec,
    /// Explanation and suggestion per missing element, keyed by element id.
    pub missing: BTreeMap<String, MissingSpec>,
}

/// Date vocabulary of one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateSpec {
    /// Twelve entries, January first; each lists the spellings of that month (lower case).
    pub months: Vec<Vec<String>>,
    /// Seven entries, Monday first; each lists the spellings of that weekday (lower case).
    pub weekdays: Vec<Vec<String>>,
    /// Regex fragment allowed right after a day number (e.g. `st|nd|rd|th`, `\.`, `ই|শে|তারিখ`).
    #[serde(default)]
    pub day_suffix: String,
    /// Regex fragment allowed right after a month or weekday name (e.g. Bengali genitive `ের`).
    #[serde(default)]
    pub name_suffix: String,
    /// Regex fragments for relative but concrete dates ("tomorrow", "within 3 days").
    #[serde(default)]
    pub relative: Vec<String>,
}

/// How to tell the writer that a required element is missing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingSpec {
    /// Explanation.
    pub message: String,
    /// A sentence they could add, owning the problem as "we".
    pub suggestion: String,
}

/// How a rule matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Any of `terms` as whole words (spaces match any whitespace).
    Lexicon,
    /// A regular expression in `pattern` (placeholders `{person}`, `{internal}`).
    Pattern,
    /// `steps` in order, each a list of alternative terms, at most `window` words apart.
    Sequence,
}

/// Where a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Within one sentence (the default).
    #[default]
    Sentence,
    /// Anywhere in the message.
    Message,
}

/// One rule of a pack (`[[rule]]` in any rules file).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Unique id within the pack, e.g. `apology.sorry`.
    pub id: String,
    /// The element or anti-pattern id this rule shows.
    pub target: String,
    /// How it matches.
    pub kind: RuleKind,
    /// Sentence (default) or message.
    #[serde(default)]
    pub scope: Scope,
    /// Lexicon terms.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Pattern regex (case-insensitive).
    #[serde(default)]
    pub pattern: Option<String>,
    /// Sequence steps.
    #[serde(default)]
    pub steps: Vec<Vec<String>>,
    /// Maximum words between sequence steps.
    #[serde(default = "default_window")]
    pub window: usize,
    /// Whether a nearby negation cancels the match (default true).
    #[serde(default = "default_true")]
    pub negatable: bool,
    /// `date`: the match counts only when its sentence holds a date (and the date is the span).
    #[serde(default)]
    pub requires: Option<String>,
    /// Element or anti-pattern ids whose presence in the message cancels this rule. On an
    /// element rule too ("we will send it on Friday" is no plan in a message that denies the
    /// promise): there, presence means a hit of an anti-pattern, or of an element rule that has no
    /// `unless` of its own.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Anti-pattern ids whose overlapping match cancels this one.
    #[serde(default)]
    pub suppressed_by: Vec<String>,
    /// Element or anti-pattern ids whose match in the same clause (no clause mark between the
    /// two) cancels this one: a date after "we will" in a clause that proposes the next call is
    /// that call's date, not a new delivery date. Works between any two targets, elements
    /// included ("we will update you": a plan rule's "update" yields to the next contact).
    #[serde(default)]
    pub yields_to: Vec<String>,
    /// A regex (case-insensitive) that, matching right after the match, cancels it: the
    /// look-ahead the regex dialect lacks ("sorry if" followed by "you experienced" is no
    /// conditional apology; "contact" followed by "the original author" is no next contact).
    #[serde(default)]
    pub not_followed_by: Option<String>,
    /// The match does not count when the tensed word nearest it in its own clause is in the past
    /// (the language's `past_tense`): "it took a while", "was soon fixed" tell what happened, not
    /// when it will; in "we were slow, and it will take a while longer" the "were" belongs to
    /// another clause.
    #[serde(default)]
    pub past_cancels: bool,
    /// A negation word inside the match that the rule does not spell itself cancels it too
    /// (default false): for rules whose gaps could let in a "not" that reverses them ("vi vil
    /// ikke jobbe med dem" is no plan). Off by default, since for impact or a vague time the
    /// negation inside is often what the rule describes ("you haven't been able to").
    #[serde(default)]
    pub negation_inside: bool,
    /// Explanation (required for anti-patterns).
    #[serde(default)]
    pub message: String,
    /// Suggested rewrite owning the problem as "we" (required for anti-patterns).
    #[serde(default)]
    pub suggestion: String,
}

fn default_window() -> usize {
    3
}

fn default_true() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

/// A whole language pack as read from its files.
#[derive(Debug, Clone)]
pub struct PackSpec {
    /// From `language.toml`.
    pub language: LanguageSpec,
    /// From every other `*.toml` file, in file-name order.
    pub rules: Vec<RuleSpec>,
}

/// Reads the packs built into the binary.
pub fn embedded_packs() -> Result<Vec<PackSpec>, PackError> {
    let mut by_lang: BTreeMap<&str, Vec<(String, String)>> = BTreeMap::new();
    for (code, file, text) in EMBEDDED {
        by_lang
            .entry(code)
            .or_default()
            .push(((*file).to_owned(), (*text).to_owned()));
    }
    by_lang
        .into_iter()
        .map(|(code, files)| parse_pack(code, &files))
        .collect()
}

/// Reads packs from `dir/<code>/checker/*.toml` (the layout of the repository's `lang/`).
pub fn packs_from_dir(dir: &Path) -> Result<Vec<PackSpec>, PackError> {
    let mut packs = Vec::new();
    let mut langs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("checker").is_dir())
        .collect();
    langs.sort();
    for lang_dir in langs {
        let code = lang_dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let checker = lang_dir.join("checker");
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&checker).map_err(io(&checker))? {
            let path = entry.map_err(io(&checker))?.path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).map_err(io(&path))?;
                let name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                files.push((name, text));
            }
        }
        files.sort();
        packs.push(parse_pack(&code, &files)?);
    }
    Ok(packs)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PackError + '_ {
    move |source| PackError::Io {
        path: path.to_owned(),
        source,
    }
}

fn parse_pack(code: &str, files: &[(String, String)]) -> Result<PackSpec, PackError> {
    let parse_err = |file: &str, reason: String| PackError::Parse {
        lang: code.to_owned(),
        file: file.to_owned(),
        reason,
    };
    let (_, lang_text) = files
        .iter()
        .find(|(name, _)| name == "language.toml")
        .ok_or_else(|| parse_err("language.toml", "file is missing".into()))?;
    let language: LanguageSpec =
        toml::from_str(lang_text).map_err(|e| parse_err("language.toml", e.to_string()))?;
    if language.code != code {
        return Err(parse_err(
            "language.toml",
            format!("code {:?} does not match folder {code:?}", language.code),
        ));
    }
    if language.dates.months.len() != 12 || language.dates.weekdays.len() != 7 {
        return Err(parse_err(
            "language.toml",
            "dates need 12 months and 7 weekdays".into(),
        ));
    }
    let mut rules = Vec::new();
    for (name, text) in files.iter().filter(|(name, _)| name != "language.toml") {
        let file: RulesFile = toml::from_str(text).map_err(|e| parse_err(name, e.to_string()))?;
        rules.extend(file.rule);
    }
    Ok(PackSpec { language, rules })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_packs_hold_the_four_product_languages() {
        let packs = embedded_packs().expect("embedded packs parse");
        let codes: Vec<&str> = packs.iter().map(|p| p.language.code.as_str()).collect();
        for code in ["bn", "en", "nb", "nl"] {
            assert!(codes.contains(&code), "{code} missing from {codes:?}");
        }
        assert!(
            packs.iter().all(|p| p.rules.len() >= 20),
            "every pack has real rules"
        );
    }

    #[test]
    fn a_wrong_code_is_named_in_the_error() {
        let files = vec![("language.toml".to_owned(), "code = \"xx\"".to_owned())];
        let err = parse_pack("en", &files).unwrap_err().to_string();
        assert!(err.contains("language.toml"), "{err}");
    }
}
