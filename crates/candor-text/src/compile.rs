//! Turns a pack's rule specs into regexes once — lexicons, patterns and sequences all become
//! one case-insensitive regex each, with the team roster and internal terms filled in.

use crate::dates::DateFinder;
use crate::ids::{AntiPattern, Element, Target};
use crate::pack::{LanguageSpec, MissingSpec, PackError, PackSpec, RuleKind, RuleSpec, Scope};
use crate::sentence::SentenceSplitter;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use rustc_hash::FxHashSet;
use std::collections::{BTreeMap, HashSet};

/// Cache size of each rule regex's lazy DFA. The default (2 MiB) is too small for the longer
/// rules: the cache fills and is cleared again and again, and most of the checker's time then
/// goes to rebuilding DFA states. Measured with the checker bench.
pub(crate) const DFA_CACHE_BYTES: usize = 32 << 20;

/// Most rules per prefilter set. A set's cost is about the same per byte whatever its size, as
/// long as its lazy DFA's states fit its cache; when they do not, the cache is cleared again and
/// again and the set becomes the checker's main cost (with 100 rules in one set and a 32 MiB
/// cache a pass took 2x proselint's time). Measured with the checker bench (110 English rules,
/// one `--lang en` pass over the 1,000 ham bodies; instructions from `--one-pass` under callgrind,
/// time from `--candor-only`): sets of 32 with a 32 MiB cache 398M instructions, 64–72 ms; two
/// sets of 54 with 64 MiB 331M, 53–64 ms; one set with 64 MiB 9,431M (the cache cleared over and
/// over), with 128 MiB 290M, 47–51 ms, with 256 MiB the same. Sets of 80 rules thrash with
/// 32 MiB and not with 64 MiB. One set per scope up to 128 rules, with a 128 MiB cache; a larger
/// pack is spread evenly over the fewest such sets. Run the checker bench after adding rules.
const PREFILTER_MAX_RULES: usize = 128;

/// Lazy-DFA cache limit of each prefilter set (see `PREFILTER_MAX_RULES`). It grows only as far
/// as the messages checked need: the whole process stays near 260 MB in the bench with all four
/// packs, as with smaller sets.
const PREFILTER_DFA_BYTES: usize = 128 << 20;

/// Compiled-size limit of each prefilter set. The default (10 MiB) leaves a large pack
/// (the Dutch one is near it) no room for a workspace's roster and internal terms.
const PREFILTER_SIZE_BYTES: usize = 64 << 20;

/// Workspace facts the rules need: who is on the team, which words are internal.
#[derive(Debug, Clone, Default)]
pub struct CheckerConfig {
    /// Names of team members (full names; first names are derived).
    pub roster: Vec<String>,
    /// Internal tool, system or process names the client does not need to hear.
    pub internal_terms: Vec<String>,
}

/// One rule ready to run.
#[derive(Debug, Clone)]
pub(crate) struct CompiledRule {
    pub id: String,
    pub target: Target,
    pub regex: Regex,
    /// The regex names a `person` group (whose text is checked against `not_names`).
    pub wants_person: bool,
    pub scope: Scope,
    pub negatable: bool,
    pub requires_date: bool,
    pub unless: Vec<Target>,
    pub suppressed_by: Vec<AntiPattern>,
    pub yields_to: Vec<Target>,
    /// Anchored at the match's end: when it matches there, the match does not count.
    pub not_followed_by: Option<Regex>,
    pub past_cancels: bool,
    /// Whether a negation inside the match cancels it (`negation_inside`).
    pub negation_inside: bool,
    /// Negation words the rule spells itself ("will not happen again"): inside its own match
    /// they are part of what it says, not a negation of it.
    pub own_negations: FxHashSet<String>,
    pub message: String,
    pub suggestion: String,
}

/// One prefilter set: which of its rules can match at all.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    pub set: RegexSet,
    /// The pack's index of each pattern of the set.
    pub rules: Vec<usize>,
    /// The scope all these rules share: sentence rules are looked for in the message's own
    /// stretches between quoted lines only, since their matches cannot cross a quoted line.
    pub scope: Scope,
}

/// A language pack ready to run.
#[derive(Debug, Clone)]
pub(crate) struct CompiledPack {
    pub code: String,
    pub splitter: SentenceSplitter,
    pub dates: DateFinder,
    pub negations: FxHashSet<String>,
    pub negation_before: usize,
    pub negation_after: usize,
    pub not_names: FxHashSet<String>,
    pub past_before: FxHashSet<String>,
    pub past_after: FxHashSet<String>,
    pub date_modifier_after: Vec<String>,
    pub past_tense: FxHashSet<String>,
    pub non_past_tense: FxHashSet<String>,
    /// Some rule yields to another target (so hits are compared per sentence at the end).
    pub any_yields: bool,
    pub rules: Vec<CompiledRule>,
    /// Which rules can match at all: sets of at most `PREFILTER_MAX_RULES` rules of one scope.
    pub prefilter: Vec<Prefilter>,
    pub missing: BTreeMap<Element, (String, String)>,
}

impl CompiledPack {
    pub(crate) fn build(spec: &PackSpec, config: &CheckerConfig) -> Result<Self, PackError> {
        let lang = &spec.language;
        let err = |rule: &str, reason: String| PackError::Rule {
            lang: lang.code.clone(),
            rule: rule.to_owned(),
            reason,
        };
        let mut rules = Vec::new();
        let mut seen = HashSet::new();
        for r in &spec.rules {
            if !seen.insert(r.id.as_str()) {
                return Err(err(&r.id, "duplicate rule id".into()));
            }
            if let Some(mut rule) = compile_rule(r, config, lang.ascii_word_boundaries)
                .map_err(|reason| err(&r.id, reason))?
            {
                rule.own_negations = spelled_negations(r, &lang.negations);
                rules.push(rule);
            }
        }
        let mut prefilter = Vec::new();
        for scope in [Scope::Sentence, Scope::Message] {
            let of_scope: Vec<usize> = (0..rules.len())
                .filter(|&i| rules[i].scope == scope)
                .collect();
            let sets = of_scope.len().div_ceil(PREFILTER_MAX_RULES).max(1);
            for chunk in of_scope.chunks(of_scope.len().div_ceil(sets).max(1)) {
                let set = RegexSetBuilder::new(chunk.iter().map(|&i| rules[i].regex.as_str()))
                    .size_limit(PREFILTER_SIZE_BYTES)
                    .dfa_size_limit(PREFILTER_DFA_BYTES)
                    .build()
                    .map_err(|e| err("(all rules)", e.to_string()))?;
                prefilter.push(Prefilter {
                    set,
                    rules: chunk.to_vec(),
                    scope,
                });
            }
        }
        Ok(Self {
            code: lang.code.clone(),
            splitter: SentenceSplitter::new(lang),
            dates: DateFinder::new(lang).map_err(|e| err("(dates)", e.to_string()))?,
            negations: lower_words(&lang.negations),
            negation_before: lang.negation_before,
            negation_after: lang.negation_after,
            not_names: lang
                .not_names
                .iter()
                .chain(&config.internal_terms)
                .map(|n| n.to_lowercase())
                .collect(),
            past_before: lang.past_before.iter().map(|w| w.to_lowercase()).collect(),
            past_after: lang.past_after.iter().map(|w| w.to_lowercase()).collect(),
            date_modifier_after: lang
                .date_modifier_after
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            past_tense: lower_words(&lang.past_tense),
            non_past_tense: lower_words(&lang.non_past_tense),
            any_yields: rules.iter().any(|r| !r.yields_to.is_empty()),
            rules,
            prefilter,
            missing: missing_messages(lang).map_err(|reason| err("(missing)", reason))?,
        })
    }
}

/// A word in the form words are compared in: lower case, the typographic apostrophe written as
/// `'`, Bengali nukta letters folded.
pub(crate) fn word_key(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    fold_nukta(&word.to_lowercase().replace('’', "'"))
}

/// `word_key` of every word of a pack list.
fn lower_words(words: &[String]) -> FxHashSet<String> {
    words.iter().map(|w| word_key(w)).collect()
}

fn missing_messages(lang: &LanguageSpec) -> Result<BTreeMap<Element, (String, String)>, String> {
    let mut out = BTreeMap::new();
    for (
        id,
        MissingSpec {
            message,
            suggestion,
        },
    ) in &lang.missing
    {
        let element: Element = id.parse().map_err(|e| format!("{e}"))?;
        out.insert(element, (message.clone(), suggestion.clone()));
    }
    match Element::ALL.iter().find(|e| !out.contains_key(e)) {
        Some(e) => Err(format!("no message for missing element {e}")),
        None => Ok(out),
    }
}

/// Compiles one rule; `Ok(None)` when it needs workspace data that is absent (no internal terms).
fn compile_rule(
    r: &RuleSpec,
    config: &CheckerConfig,
    ascii_boundaries: bool,
) -> Result<Option<CompiledRule>, String> {
    let target: Target = r.target.parse().map_err(|e| format!("{e}"))?;
    if matches!(target, Target::AntiPattern(_)) && (r.message.is_empty() || r.suggestion.is_empty())
    {
        return Err("an anti-pattern rule needs a message and a suggestion".into());
    }
    let body = match r.kind {
        RuleKind::Lexicon if r.terms.is_empty() => return Err("a lexicon rule needs terms".into()),
        RuleKind::Lexicon => terms_alternation(&r.terms),
        RuleKind::Pattern => r.pattern.clone().ok_or("a pattern rule needs a pattern")?,
        RuleKind::Sequence if r.steps.len() < 2 => {
            return Err("a sequence rule needs two or more steps".into());
        }
        RuleKind::Sequence => {
            let gap = format!(r"\W+(?:[\w'’]+\W+){{0,{}}}?", r.window);
            r.steps
                .iter()
                .map(|s| terms_alternation(s))
                .collect::<Vec<_>>()
                .join(&gap)
        }
    };
    let Some(body) = fill_placeholders(&body, config) else {
        return Ok(None);
    };
    let body = boundaries(&body, ascii_boundaries);
    let regex = RegexBuilder::new(&format!(r"(?i)(?:{})", nukta_variants(&body)))
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build()
        .map_err(|e| format!("invalid regex: {e}"))?;
    let targets = |ids: &[String]| -> Result<Vec<Target>, String> {
        ids.iter()
            .map(|i| i.parse().map_err(|e| format!("{e}")))
            .collect()
    };
    let suppressed_by = r
        .suppressed_by
        .iter()
        .map(|i| i.parse().map_err(|e| format!("{e}")))
        .collect::<Result<_, _>>()?;
    let not_followed_by = match &r.not_followed_by {
        None => None,
        Some(p) => {
            let p = boundaries(p, ascii_boundaries);
            Some(
                RegexBuilder::new(&format!(r"(?i)^(?:{})", nukta_variants(&p)))
                    .build()
                    .map_err(|e| format!("invalid not_followed_by regex: {e}"))?,
            )
        }
    };
    let requires_date = match r.requires.as_deref() {
        None => false,
        Some("date") => true,
        Some(other) => return Err(format!("unknown requirement {other:?} (only \"date\")")),
    };
    Ok(Some(CompiledRule {
        id: r.id.clone(),
        target,
        wants_person: regex.capture_names().any(|n| n == Some("person")),
        regex,
        scope: r.scope,
        negatable: r.negatable,
        requires_date,
        unless: targets(&r.unless)?,
        suppressed_by,
        yields_to: targets(&r.yields_to)?,
        not_followed_by,
        past_cancels: r.past_cancels,
        negation_inside: r.negation_inside,
        own_negations: FxHashSet::default(),
        message: r.message.clone(),
        suggestion: r.suggestion.clone(),
    }))
}

/// The pack's negation words that the rule's own terms, pattern or steps contain as a word.
fn spelled_negations(r: &RuleSpec, negations: &[String]) -> FxHashSet<String> {
    let mut source = r.terms.join(" ");
    source.push(' ');
    source.push_str(r.pattern.as_deref().unwrap_or(""));
    for step in &r.steps {
        source.push(' ');
        source.push_str(&step.join(" "));
    }
    let source = fold_nukta(&source.to_lowercase());
    negations
        .iter()
        .map(|n| word_key(n))
        .filter(|n| {
            source.match_indices(n.as_str()).any(|(i, _)| {
                let before = source[..i].chars().next_back();
                let after = source[i + n.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .collect()
}

/// Bengali letters with nukta exist precomposed (য় U+09DF) and decomposed (য + ় ); NFC keeps
/// the decomposed form, so real text has both. Patterns accept either spelling. Character classes
/// are copied as they are: a class already lists each character it takes (a printed `\w` holds
/// both spellings' letters), and an alternation written into one would turn it into a class of
/// the alternation's punctuation, with ranges such as `)-য` that take "." and ",".
pub(crate) fn nukta_variants(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while !rest.is_empty() {
        let (plain, class) = split_at_class(rest);
        for c in fold_nukta(plain).chars() {
            match decomposed(c) {
                Some(d) => out.push_str(&format!("(?:{c}|{d})")),
                None => out.push(c),
            }
        }
        out.push_str(class);
        rest = &rest[plain.len() + class.len()..];
    }
    out
}

/// The pattern text before its first character class, and that class (with its brackets and any
/// nested classes); the class is empty when there is none. Escaped characters are skipped.
fn split_at_class(pattern: &str) -> (&str, &str) {
    let bytes = pattern.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'[' => return (&pattern[..i], &pattern[i..class_end(pattern, i)]),
            _ => i += 1,
        }
    }
    (pattern, "")
}

/// The byte just past the class that opens at `start` (or the pattern's end, if it never closes).
fn class_end(pattern: &str, start: usize) -> usize {
    let bytes = pattern.as_bytes();
    let (mut depth, mut i) = (0usize, start);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                i += 2;
                continue;
            }
            b'[' => {
                depth += 1;
                i += 1;
                // A "]" right after the opening bracket (or "[^") is a literal one.
                if bytes.get(i) == Some(&b'^') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b']') {
                    i += 1;
                }
                continue;
            }
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

const NUKTA_PAIRS: [(char, &str); 3] = [
    ('\u{09DF}', "\u{09AF}\u{09BC}"),
    ('\u{09DC}', "\u{09A1}\u{09BC}"),
    ('\u{09DD}', "\u{09A2}\u{09BC}"),
];

fn decomposed(c: char) -> Option<&'static str> {
    NUKTA_PAIRS.iter().find(|(p, _)| *p == c).map(|(_, d)| *d)
}

/// Rewrites decomposed nukta letters to their precomposed form (for comparing words).
pub(crate) fn fold_nukta(text: &str) -> String {
    let mut out = text.to_owned();
    for (p, d) in NUKTA_PAIRS {
        if out.contains(d) {
            out = out.replace(d, &p.to_string());
        }
    }
    out
}

/// `a|b c` with word boundaries where the term has word characters at its edges; spaces match
/// any run of whitespace.
fn terms_alternation(terms: &[String]) -> String {
    let mut sorted: Vec<&String> = terms.iter().collect();
    sorted.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let alts: Vec<String> = sorted
        .iter()
        .map(|t| {
            let escaped = t
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            // Boundaries only at ASCII edges: they then work in both boundary modes.
            let starts_word = t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
            let ends_word = t.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
            format!(
                "{}{escaped}{}",
                if starts_word { r"\b" } else { "" },
                if ends_word { r"\b" } else { "" }
            )
        })
        .collect();
    format!("(?:{})", alts.join("|"))
}

/// Fills `{person}` and `{internal}`; `None` when `{internal}` is used but no terms are configured.
/// A `{person}` outside the roster is a capitalised word with a lower-case second letter, so
/// acronyms of organisations ("NS", "KLM", "NRK") are not taken for a colleague's name.
fn fill_placeholders(body: &str, config: &CheckerConfig) -> Option<String> {
    let mut out = body.to_owned();
    if out.contains("{person}") {
        let mut names: Vec<String> = Vec::new();
        for full in &config.roster {
            names.push(full.trim().to_owned());
            if let Some(first) = full.split_whitespace().next() {
                names.push(first.to_owned());
            }
        }
        names.retain(|n| !n.is_empty());
        let roster = if names.is_empty() {
            String::new()
        } else {
            format!("|{}", terms_alternation(&names))
        };
        out = out.replacen(
            "{person}",
            &format!(r"(?P<person>(?-i:\p{{Lu}}[\p{{Ll}}\p{{M}}][\p{{L}}\p{{M}}]*){roster})"),
            1,
        );
        out = out.replace("{person}", r"(?-i:\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}]*)");
    }
    if out.contains("{roster}") {
        if config.roster.is_empty() {
            return None;
        }
        let names: Vec<String> = config
            .roster
            .iter()
            .flat_map(|f| {
                [
                    f.clone(),
                    f.split_whitespace().next().unwrap_or("").to_owned(),
                ]
            })
            .filter(|n| !n.is_empty())
            .collect();
        out = out.replace("{roster}", &terms_alternation(&names));
    }
    if out.contains("{internal}") {
        if config.internal_terms.is_empty() {
            return None;
        }
        out = out.replace("{internal}", &terms_alternation(&config.internal_terms));
    }
    Some(out)
}

/// A regex source with its `\b`s made ASCII word boundaries (see `boundary.rs`) for packs that
/// ask for them (`ascii_word_boundaries`), else as written.
pub(crate) fn boundaries(body: &str, ascii: bool) -> String {
    if ascii {
        crate::boundary::ascii_word_boundaries(body)
    } else {
        body.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nukta_variants_leave_character_classes_alone() {
        let yya = '\u{09DF}';
        // Outside a class both spellings are taken; inside, the class stays as written.
        let out = nukta_variants(&format!(r"আ{yya}[\w{yya}\]]+[^{yya}]x"));
        let decomposed = "\u{09AF}\u{09BC}";
        assert_eq!(
            out,
            format!("আ(?:{yya}|{decomposed})") + &format!(r"[\w{yya}\]]+[^{yya}]x")
        );
        // An English rule whose pattern was re-printed (it holds a non-ASCII character, so the
        // boundary rewrite prints `\w` as a class with Bengali nukta letters): `\w` must not
        // take punctuation.
        let rule: RuleSpec = toml::from_str(
            r#"
            id = "blames_client.never_sent"
            target = "blames_client"
            kind = "pattern"
            pattern = '\byou\s+never\s+\w+\s+sent\b|\bsent’s\b'
            message = "m"
            suggestion = "s"
            "#,
        )
        .unwrap();
        let compiled = compile_rule(&rule, &CheckerConfig::default(), true)
            .unwrap()
            .unwrap();
        assert!(compiled.regex.is_match("you never really sent it"));
        assert!(!compiled.regex.is_match("you never ) sent it"));
        assert!(!compiled.regex.is_match("you never . sent it"));
    }

    #[test]
    fn a_rule_spells_only_the_negations_it_names_as_whole_words() {
        let rule: RuleSpec = toml::from_str(
            r#"
            id = "ownership.never_again"
            target = "ownership"
            kind = "pattern"
            pattern = '\b(?:skal|vil)\s+ikke\s+skje\s+igjen\b|\bingenting\s+å\s+si\b'
            negation_inside = true
            "#,
        )
        .unwrap();
        let negations = ["ikke", "ingen", "aldri"].map(String::from);
        // "ingen" is only a part of "ingenting": not spelled.
        assert_eq!(
            spelled_negations(&rule, &negations),
            FxHashSet::from_iter(["ikke".to_owned()])
        );
    }
}
