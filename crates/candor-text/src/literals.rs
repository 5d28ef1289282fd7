//! The pack-wide prefilter: from each rule's regex, a set of strings one of which every match
//! must contain, found once at build time; a message then runs only the rules whose strings
//! occur in it (one Aho-Corasick pass), instead of one large set of every rule's regex.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Most strings one set may hold: longer cross products are cut into shorter runs.
const MAX_SET: usize = 64;

/// Most strings the required set of a whole alternation may hold.
const MAX_UNION: usize = 1024;

/// Largest character class taken apart into its characters (`[\x27’]`, a case-folded letter).
const MAX_CLASS: usize = 6;

/// Fewest characters the shortest required string needs for its rule to be filtered; a rule
/// whose strings are shorter would pass almost every message, so it always runs.
const MIN_CHARS: usize = 3;

/// A set of strings, ASCII letters in lower case (the automaton ignores ASCII case; every
/// other character is kept as the regex has it, with each case variant a string of its own).
type Set = Vec<String>;

/// What a piece of a regex tells about its matches.
#[derive(Debug, Default)]
struct Info {
    /// Every string the piece can match, when there are few.
    exact: Option<Set>,
    /// Strings one of which every match of the piece contains (none empty).
    required: Option<Set>,
}

/// Which rules a message can match at all, decided by the strings they require.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    /// All required strings of all filtered rules; `None` when no rule is filtered.
    automaton: Option<AhoCorasick>,
    /// Per string of the automaton, the rules requiring it.
    rules_of: Vec<Vec<usize>>,
    /// Rules without a usable required set: they run on every message.
    always: Vec<usize>,
    /// Number of rules.
    len: usize,
}

impl Prefilter {
    /// Builds the prefilter over the rules' regex sources, in rule order.
    pub(crate) fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Self {
        let mut strings: Vec<String> = Vec::new();
        let mut rules_of: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        let mut len = 0;
        for (rule, pattern) in patterns.into_iter().enumerate() {
            len += 1;
            let Some(set) = required_strings(pattern) else {
                always.push(rule);
                continue;
            };
            for s in set {
                match strings.iter().position(|t| *t == s) {
                    Some(i) => rules_of[i].push(rule),
                    None => {
                        strings.push(s);
                        rules_of.push(vec![rule]);
                    }
                }
            }
        }
        let automaton = (!strings.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&strings)
                .or_else(|_| {
                    AhoCorasickBuilder::new()
                        .ascii_case_insensitive(true)
                        .build(&strings)
                })
                .expect("an automaton over plain strings builds")
        });
        Self {
            automaton,
            rules_of,
            always,
            len,
        }
    }

    /// Indices of the rules that can match `text`, ascending. Every rule with a match in
    /// `text` is among them; some listed rules may still find nothing.
    pub(crate) fn candidates(&self, text: &str) -> Vec<usize> {
        let mut on = vec![false; self.len];
        for &r in &self.always {
            on[r] = true;
        }
        if let Some(ac) = &self.automaton {
            let mut seen = vec![false; self.rules_of.len()];
            for m in ac.find_overlapping_iter(text) {
                let p = m.pattern().as_usize();
                if !std::mem::replace(&mut seen[p], true) {
                    for &r in &self.rules_of[p] {
                        on[r] = true;
                    }
                }
            }
        }
        on.iter()
            .enumerate()
            .filter_map(|(i, &o)| o.then_some(i))
            .collect()
    }
}

/// The strings one of which every match of `pattern` contains, or `None` when there is no
/// such set worth filtering by (too short, or the pattern does not parse here).
pub(crate) fn required_strings(pattern: &str) -> Option<Set> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let set = required(&analyze(&hir))?;
    (min_chars(&set) >= MIN_CHARS).then_some(set)
}

fn analyze(hir: &Hir) -> Info {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Info {
            exact: Some(vec![String::new()]),
            required: None,
        },
        HirKind::Literal(lit) => {
            let exact = std::str::from_utf8(&lit.0)
                .ok()
                .map(|s| vec![s.to_ascii_lowercase()]);
            Info {
                required: exact.clone().filter(|s| no_empty(s)),
                exact,
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            let count: usize = class
                .ranges()
                .iter()
                .map(|r| r.end() as usize - r.start() as usize + 1)
                .sum();
            if count > MAX_CLASS {
                return Info::default();
            }
            let mut set: Set = class
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .map(|c| c.to_ascii_lowercase().to_string())
                .collect();
            dedup(&mut set);
            Info {
                required: Some(set.clone()),
                exact: Some(set),
            }
        }
        HirKind::Class(Class::Bytes(_)) => Info::default(),
        HirKind::Capture(cap) => analyze(&cap.sub),
        HirKind::Repetition(rep) => {
            let sub = analyze(&rep.sub);
            let exact = match (rep.min, rep.max) {
                (0, Some(1)) => sub.exact.as_ref().and_then(|e| {
                    let mut set = e.clone();
                    set.push(String::new());
                    dedup(&mut set);
                    (set.len() <= MAX_SET).then_some(set)
                }),
                (n, Some(m)) if n == m && n <= 4 => sub
                    .exact
                    .as_ref()
                    .and_then(|e| (0..n).try_fold(vec![String::new()], |acc, _| cross(&acc, e))),
                _ => None,
            };
            let required = if rep.min >= 1 { required(&sub) } else { None };
            Info { exact, required }
        }
        HirKind::Concat(subs) => concat(&subs.iter().map(analyze).collect::<Vec<_>>()),
        HirKind::Alternation(subs) => {
            let infos: Vec<Info> = subs.iter().map(analyze).collect();
            let exact = union(infos.iter().map(|i| i.exact.as_ref()), MAX_SET);
            let required = union(
                infos
                    .iter()
                    .map(required)
                    .collect::<Vec<_>>()
                    .iter()
                    .map(Option::as_ref),
                MAX_UNION,
            );
            Info { exact, required }
        }
    }
}

/// A concatenation: exact when every part is; its required set is the best of each part's
/// and of each run of exact parts joined.
fn concat(infos: &[Info]) -> Info {
    let exact = infos
        .iter()
        .try_fold(vec![String::new()], |acc, i| cross(&acc, i.exact.as_ref()?));
    let mut best: Option<Set> = None;
    let mut consider = |set: Option<Set>| {
        if let Some(set) = set.filter(|s| no_empty(s))
            && best.as_ref().is_none_or(|b| better(&set, b))
        {
            best = Some(set);
        }
    };
    for info in infos {
        consider(required(info));
    }
    let mut run: Option<Set> = None;
    for info in infos {
        run = match (&info.exact, run.take()) {
            (None, prev) => {
                consider(prev);
                None
            }
            (Some(e), None) => Some(e.clone()),
            (Some(e), Some(prev)) => match cross(&prev, e) {
                Some(joined) => Some(joined),
                None => {
                    consider(Some(prev));
                    Some(e.clone())
                }
            },
        };
    }
    consider(run);
    Info {
        exact,
        required: best,
    }
}

/// The better of a piece's required set and its exact set (when that holds no empty string).
fn required(info: &Info) -> Option<Set> {
    let exact = info.exact.clone().filter(|e| no_empty(e));
    match (info.required.clone(), exact) {
        (Some(r), Some(e)) => Some(if better(&e, &r) { e } else { r }),
        (r, e) => r.or(e),
    }
}

/// Whether `a` filters better than `b`: longer shortest string, then fewer strings.
fn better(a: &Set, b: &Set) -> bool {
    (min_chars(a), std::cmp::Reverse(a.len())) > (min_chars(b), std::cmp::Reverse(b.len()))
}

fn min_chars(set: &Set) -> usize {
    set.iter().map(|s| s.chars().count()).min().unwrap_or(0)
}

fn no_empty(set: &Set) -> bool {
    !set.is_empty() && set.iter().all(|s| !s.is_empty())
}

/// Every string of `a` followed by every string of `b`; `None` above `MAX_SET`.
fn cross(a: &Set, b: &Set) -> Option<Set> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out: Set = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| format!("{x}{y}")))
        .collect();
    dedup(&mut out);
    Some(out)
}

/// The union of all sets; `None` when one is missing or the union exceeds `max`.
fn union<'a>(sets: impl Iterator<Item = Option<&'a Set>>, max: usize) -> Option<Set> {
    let mut out = Set::new();
    for set in sets {
        out.extend(set?.iter().cloned());
        if out.len() > max * 2 {
            dedup(&mut out);
            if out.len() > max {
                return None;
            }
        }
    }
    dedup(&mut out);
    (out.len() <= max).then_some(out)
}

fn dedup(set: &mut Set) {
    set.sort();
    set.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{CheckerConfig, CompiledPack};
    use crate::pack::embedded_packs;
    use proptest::prelude::*;

    fn set(pattern: &str) -> Option<Set> {
        required_strings(pattern)
    }

    #[test]
    fn case_insensitive_words_keep_their_unicode_case_variants() {
        // `(?i)s` also matches ſ (U+017F) and `(?i)k` the Kelvin sign (U+212A).
        assert_eq!(
            set(r"(?i)\bsorry\b"),
            Some(vec!["sorry".into(), "ſorry".into()])
        );
        let kick = set(r"(?i)kick").unwrap();
        assert!(kick.contains(&"kick".to_owned()) && kick.contains(&"\u{212A}ick".to_owned()));
    }

    #[test]
    fn word_skips_and_big_classes_are_stepped_over() {
        let got = set(r"(?i)\b(?:sorry|regret)\s+(?:\w+\s+){0,3}?(?:if|that you feel)\b").unwrap();
        assert!(
            got.iter().all(|s| s.starts_with("sorry")
                || s.starts_with("regret")
                || s.starts_with("ſorry")),
            "{got:?}"
        );
        assert_eq!(
            set(r"(?i)\w+\s+(?:\w+\s+){0,3}deadline"),
            Some(vec!["deadline".into()])
        );
    }

    #[test]
    fn rules_without_a_long_enough_required_string_always_run() {
        assert_eq!(set(r"\w+"), None);
        assert_eq!(set(r"(?i)\b(?:a|b)\w*"), None);
        assert_eq!(set(r"(?i)(?:sorry)?\s*\d+"), None);
        let p = Prefilter::new([r"(?i)\bsorry\b", r"\d+", r"(?i)late"]);
        assert_eq!(p.candidates("SORRY, 12"), [0, 1]);
        assert_eq!(p.candidates("nothing here"), [1]);
        assert_eq!(p.candidates("so LATE"), [1, 2]);
    }

    /// Every text of the evaluation set, in every language.
    fn eval_texts() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/checker");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).expect("eval/checker exists") {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                for line in std::fs::read_to_string(&path).unwrap().lines() {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                        out.push(v["text"].as_str().unwrap_or_default().to_owned());
                    }
                }
            }
        }
        assert!(out.len() > 100, "the evaluation set has texts");
        out
    }

    fn packs() -> Vec<CompiledPack> {
        let config = CheckerConfig {
            roster: vec!["Jared Lee".into(), "Ola Nordmann".into(), "রহিম".into()],
            internal_terms: vec!["Jira".into(), "staging-db".into()],
        };
        embedded_packs()
            .unwrap()
            .iter()
            .map(|s| CompiledPack::build(s, &config).unwrap())
            .collect()
    }

    /// The prefilter's one promise: a rule that matches a text is among its candidates.
    fn assert_keeps_matching_rules(pack: &CompiledPack, text: &str) -> usize {
        let candidates = pack.prefilter.candidates(text);
        let mut matching = 0;
        for (i, rule) in pack.rules.iter().enumerate() {
            if rule.regex.is_match(text) {
                matching += 1;
                assert!(
                    candidates.binary_search(&i).is_ok(),
                    "pack {} rule {} matches {text:?} but was filtered out",
                    pack.code,
                    rule.id
                );
            }
        }
        matching
    }

    #[test]
    fn no_pack_rule_that_matches_an_eval_text_is_filtered_out() {
        let texts = eval_texts();
        for pack in packs() {
            let matching: usize = texts
                .iter()
                .map(|t| assert_keeps_matching_rules(&pack, t))
                .sum();
            assert!(matching > 0, "pack {} matches some eval text", pack.code);
            let filtered = pack.rules.len() - pack.prefilter.always.len();
            assert!(
                filtered * 2 > pack.rules.len(),
                "pack {}: most rules are filtered",
                pack.code
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Slices of eval texts with their case flipped at random and some letters swapped for
        /// their Unicode case-fold twins (ſ for s, K for k) still keep every matching rule.
        #[test]
        fn case_changes_never_hide_a_matching_rule(
            pick in any::<prop::sample::Index>(),
            flips in prop::collection::vec(any::<u8>(), 64),
        ) {
            thread_local! {
                static DATA: (Vec<String>, Vec<CompiledPack>) = (eval_texts(), packs());
            }
            DATA.with(|(texts, packs)| {
                let text = pick.get(texts);
                let changed: String = text
                    .chars()
                    .enumerate()
                    .map(|(i, c)| match (flips[i % flips.len()] % 8, c) {
                        (0, 's') => 'ſ',
                        (0, 'k') => '\u{212A}',
                        (1 | 2, c) if c.is_lowercase() => c.to_uppercase().next().unwrap_or(c),
                        _ => c,
                    })
                    .collect();
                for pack in packs {
                    assert_keeps_matching_rules(pack, &changed);
                }
            });
        }
    }
}
