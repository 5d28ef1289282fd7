//! The message checker: finds elements and anti-patterns with their spans, and the elements a
//! message type requires but lacks. Finding only; printing lives in `print`.

use crate::compile::{CheckerConfig, CompiledPack, CompiledRule};
use crate::dates::{DateKind, DateMention};
use crate::detect::detect_language;
use crate::ids::{AntiPattern, Element, Target};
use crate::pack::{PackError, PackSpec, Scope, embedded_packs, packs_from_dir};
use crate::report::{Finding, Report, Severity, position};
use crate::sentence::LazySentences;
use crate::types::MessageTypes;
use crate::words::{has_key, words};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// A check that cannot be run as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// `--lang` names a language without a pack.
    #[error("no rule pack for language {code:?}; available: {available}")]
    UnknownLanguage {
        /// The code asked for.
        code: String,
        /// Codes with a pack.
        available: String,
    },
    /// Detection found a language without a pack.
    #[error(
        "the message looks like {name} ({code}), which has no rule pack; pass --lang with one of: {available}"
    )]
    UnsupportedLanguage {
        /// Detected code.
        code: String,
        /// Detected language name.
        name: String,
        /// Codes with a pack.
        available: String,
    },
    /// There is nothing to detect a language from.
    #[error(
        "cannot detect the language of a message without words; pass --lang with one of: {available}"
    )]
    Undetectable {
        /// Codes with a pack.
        available: String,
    },
    /// `--type` names an unknown message type.
    #[error("unknown message type {id:?}; expected one of: {valid}")]
    UnknownType {
        /// The id asked for.
        id: String,
        /// Valid ids.
        valid: String,
    },
}

/// What to check a message as.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Language code, or `None` to detect it.
    pub lang: Option<String>,
    /// Message type id whose required elements are checked.
    pub message_type: Option<String>,
}

/// A ready checker: compiled packs plus the message-type table. Build once, check many.
#[derive(Debug, Clone)]
pub struct Checker {
    packs: BTreeMap<String, CompiledPack>,
    types: MessageTypes,
}

/// One raw rule match.
#[derive(Debug, Clone)]
struct Hit {
    rule: usize,
    span: Range<usize>,
}

impl Checker {
    /// A checker over the built-in packs.
    pub fn builtin(config: &CheckerConfig) -> Result<Self, PackError> {
        Self::from_specs(embedded_packs()?, config)
    }

    /// A checker over the built-in packs, with packs found in `dir` (layout `dir/<code>/checker/`)
    /// replacing or adding languages.
    pub fn with_override_dir(dir: &Path, config: &CheckerConfig) -> Result<Self, PackError> {
        let mut specs = embedded_packs()?;
        for spec in packs_from_dir(dir)? {
            specs.retain(|s| s.language.code != spec.language.code);
            specs.push(spec);
        }
        Self::from_specs(specs, config)
    }

    /// A checker over the given packs.
    pub fn from_specs(specs: Vec<PackSpec>, config: &CheckerConfig) -> Result<Self, PackError> {
        let packs = specs
            .iter()
            .map(|s| CompiledPack::build(s, config).map(|p| (p.code.clone(), p)))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            packs,
            types: MessageTypes::builtin(),
        })
    }

    /// Language codes with a pack.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.packs.keys().map(String::as_str)
    }

    /// The message-type table.
    pub fn message_types(&self) -> &MessageTypes {
        &self.types
    }

    fn available(&self) -> String {
        self.languages().collect::<Vec<_>>().join(", ")
    }

    /// Picks the pack: the asked language, or the detected one.
    pub fn resolve_language(&self, text: &str, lang: Option<&str>) -> Result<&str, CheckError> {
        let code = match lang {
            Some(code) => code.to_owned(),
            None => {
                let d = detect_language(text).ok_or_else(|| CheckError::Undetectable {
                    available: self.available(),
                })?;
                if !self.packs.contains_key(&d.code) {
                    return Err(CheckError::UnsupportedLanguage {
                        code: d.code,
                        name: d.name,
                        available: self.available(),
                    });
                }
                d.code
            }
        };
        self.packs
            .get_key_value(&code)
            .map(|(k, _)| k.as_str())
            .ok_or(CheckError::UnknownLanguage {
                code,
                available: self.available(),
            })
    }

    /// Checks one message.
    pub fn check(&self, text: &str, opts: &CheckOptions) -> Result<Report, CheckError> {
        let message_type = match &opts.message_type {
            None => None,
            Some(id) => Some(self.types.get(id).ok_or_else(|| CheckError::UnknownType {
                id: id.clone(),
                valid: self.types.ids().collect::<Vec<_>>().join(", "),
            })?),
        };
        let code = self.resolve_language(text, opts.lang.as_deref())?;
        let pack = &self.packs[code];
        // Quoted lines are blanked out before any rule runs: their words are someone else's, so
        // no rule may match, nor a negation cancel a match, there; and nothing scans them.
        let (own_text, own) = without_quoted_lines(text);
        let hits = find_hits(pack, &own_text, &own);
        let (elements, mut findings) = judge(pack, &own_text, &hits);
        if let Some(t) = message_type {
            findings.retain(|f| !t.skip.iter().any(|a| f.rule == a.id()));
            for &element in &t.required {
                if elements.get(&element).is_some_and(Option::is_none) {
                    let (message, suggestion) = pack.missing[&element].clone();
                    findings.push(Finding {
                        rule: format!("missing:{element}"),
                        rule_id: format!("{code}.missing.{element}"),
                        severity: Severity::Warning,
                        span: 0..0,
                        line: 1,
                        column: 1,
                        message,
                        suggestion,
                    });
                }
            }
        }
        findings.sort_by_key(|f| (f.span.start, f.span.end));
        Ok(Report {
            lang: code.to_owned(),
            message_type: opts.message_type.clone(),
            elements,
            findings,
        })
    }
}

/// Runs every rule the prefilter lets through (each regex once over the whole message) and keeps
/// matches that lie within one sentence (for sentence rules) and survive negation, name and date
/// conditions. `own` are the stretches of the message between quoted lines (which `text` has
/// blanked out). Sentences are split only in the blocks where a match lies.
fn find_hits(pack: &CompiledPack, text: &str, own: &[Range<usize>]) -> Vec<Hit> {
    let mut candidates = Vec::new();
    let whole_text = 0..text.len();
    let whole = std::slice::from_ref(&whole_text);
    for pf in &pack.prefilter {
        // A sentence rule's match never crosses a quoted line (the blanked line ends the
        // sentence), so only the stretches between them need looking at.
        let stretches: &[Range<usize>] = match pf.scope {
            Scope::Sentence => own,
            Scope::Message => whole,
        };
        for stretch in stretches {
            let m = pf.set.matches(&text[stretch.clone()]);
            candidates.extend(m.iter().map(|i| pf.rules[i]));
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    if candidates.is_empty() {
        return Vec::new();
    }
    // Sentences, split block by block where a match lies.
    let mut sentences = LazySentences::new(&pack.splitter, text);
    // Dates, found block by block where a rule that needs one matches.
    let mut dates: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
    let mut hits = Vec::new();
    for idx in candidates {
        let rule = &pack.rules[idx];
        let found: Vec<(Range<usize>, Option<&str>)> = if rule.wants_person {
            rule.regex
                .captures_iter(text)
                .map(|c| {
                    let m = c.get(0).expect("group 0 always exists");
                    (m.range(), c.name("person").map(|p| p.as_str()))
                })
                .collect()
        } else {
            rule.regex
                .find_iter(text)
                .map(|m| (m.range(), None))
                .collect()
        };
        if found.is_empty() {
            continue;
        }
        for (span, person) in found {
            let sentence = sentences.at(span.start);
            if rule.scope == Scope::Sentence && span.end > sentence.end {
                continue;
            }
            // A rule that needs a date cannot hit where its block has none.
            let block = rule
                .requires_date
                .then(|| sentences.block_of(span.start))
                .flatten();
            let dates: &[Range<usize>] = match block {
                Some(block) => {
                    let i = match dates.iter().position(|(b, _)| *b == block) {
                        Some(i) => i,
                        None => {
                            dates.push((block.clone(), block_dates(pack, text, &block)));
                            dates.len() - 1
                        }
                    };
                    &dates[i].1
                }
                _ => &[],
            };
            if rule.requires_date && dates.is_empty() {
                continue;
            }
            if let Some(span) = accept(pack, rule, text, &sentence, span, person, dates) {
                hits.push(Hit { rule: idx, span });
            }
        }
    }
    if pack.any_yields && !hits.is_empty() {
        drop_yielding(pack, text, &mut sentences, hits)
    } else {
        hits
    }
}

/// The dates in one block of the text (offsets into `text`), without relative dates that name a
/// thing ("today's maintenance"). A sentence never crosses a block, so its dates are all here.
fn block_dates(pack: &CompiledPack, text: &str, block: &Range<usize>) -> Vec<Range<usize>> {
    pack.dates
        .find(&text[block.clone()])
        .into_iter()
        .map(|d| DateMention {
            span: block.start + d.span.start..block.start + d.span.end,
            ..d
        })
        .filter(|d| !names_a_thing(pack, text, d))
        .map(|d| d.span)
        .collect()
}

/// Drops the hits of rules that yield to a target (`yields_to`) when a hit of that target lies in
/// the same clause: "we will update you tomorrow" is the next contact's date, not a new one, while
/// in "we will send it on Friday; let us know if …" the date keeps counting.
fn drop_yielding(
    pack: &CompiledPack,
    text: &str,
    sentences: &mut LazySentences<'_>,
    hits: Vec<Hit>,
) -> Vec<Hit> {
    let keep: Vec<bool> = hits
        .iter()
        .map(|h| {
            let yields_to = &pack.rules[h.rule].yields_to;
            if yields_to.is_empty() {
                return true;
            }
            let sentence = sentences.at(h.span.start);
            !hits.iter().any(|o| {
                yields_to.contains(&pack.rules[o.rule].target)
                    && sentence.contains(&o.span.start)
                    && same_clause(text, &h.span, &o.span)
            })
        })
        .collect();
    hits.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// Characters that end a clause within a sentence.
const CLAUSE: &[char] = &[',', ';', ':', '—', '–', '(', ')', '"'];

/// Whether no clause mark stands between two spans (overlapping spans share their clause).
fn same_clause(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (gap_start, gap_end) = (a.end.min(b.end), a.start.max(b.start));
    gap_start >= gap_end
        || text
            .get(gap_start..gap_end)
            .is_none_or(|between| !between.contains(CLAUSE))
}

/// Whether a relative date is the modifier of a noun ("today's maintenance", "tomorrow's
/// release"): followed at once by one of the pack's `date_modifier_after` endings.
fn names_a_thing(pack: &CompiledPack, text: &str, date: &DateMention) -> bool {
    if date.kind != DateKind::Relative {
        return false;
    }
    let end = date.span.end;
    let after = text[end..text.floor_char_boundary(end + 16).max(end)].to_lowercase();
    pack.date_modifier_after.iter().any(|end| {
        after
            .strip_prefix(end.as_str())
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// The message with the lines quoted from an earlier message ("> …" in mail and issue replies)
/// turned into spaces, so byte offsets, lines and columns stay those of `text`, and the
/// stretches of the message's own lines between them. The words there are someone else's:
/// nothing in them counts for or against this message.
fn without_quoted_lines(text: &str) -> (Cow<'_, str>, Vec<Range<usize>>) {
    if !text.contains('>') {
        return (
            Cow::Borrowed(text),
            std::iter::once(0..text.len()).collect(),
        );
    }
    let mut blanked: Option<Vec<u8>> = None;
    let mut own: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if line.trim_start().starts_with('>') {
            let bytes = blanked.get_or_insert_with(|| text.as_bytes().to_vec());
            let body = line.strip_suffix('\n').unwrap_or(line);
            bytes[start..start + body.len()].fill(b' ');
        } else {
            match own.last_mut() {
                Some(last) if last.end == start => last.end = end,
                _ => own.push(start..end),
            }
        }
        start = end;
    }
    let text = match blanked {
        // Whole lines became ASCII spaces, so the rest is still the UTF-8 it was.
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).expect("only whole lines were blanked")),
        None => Cow::Borrowed(text),
    };
    (text, own)
}

/// The span to record for a match, or `None` when a condition rejects it.
fn accept(
    pack: &CompiledPack,
    rule: &CompiledRule,
    text: &str,
    sentence: &Range<usize>,
    span: Range<usize>,
    person: Option<&str>,
    dates: &[Range<usize>],
) -> Option<Range<usize>> {
    if span.is_empty() || person.is_some_and(|p| pack.not_names.contains(&p.to_lowercase())) {
        return None;
    }
    if rule.negatable
        && (negated(pack, text, sentence, &span)
            || (rule.negation_inside && negated_inside(pack, rule, text, &span)))
    {
        return None;
    }
    if let Some(after) = &rule.not_followed_by {
        // Only a short stretch after the match matters; bounding it keeps long texts linear.
        let end = text
            .floor_char_boundary((span.end + 120).min(text.len()))
            .max(span.end);
        if after.is_match(&text[span.end..end]) {
            return None;
        }
    }
    if rule.past_cancels && told_in_the_past(pack, text, sentence, &span) {
        return None;
    }
    if rule.requires_date {
        // The date in the same sentence closest to the cue, unless that date is itself negated
        // ("not ready on Friday").
        let distance = |d: &Range<usize>| {
            if d.start >= span.end {
                d.start - span.end
            } else {
                span.start.saturating_sub(d.end)
            }
        };
        // Dates are in text order: only those from the sentence's start on are looked at.
        let first = dates.partition_point(|d| d.start < sentence.start);
        return dates[first..]
            .iter()
            .take_while(|d| d.start < sentence.end)
            .filter(|d| d.end <= sentence.end)
            .filter(|d| !negated_with(pack, text, sentence, d, pack.negation_before + 2, 0))
            .filter(|d| !in_the_past(pack, text, sentence, d))
            .min_by_key(|d| distance(d))
            .cloned();
    }
    Some(span)
}

/// Whether a negation word sits within the pack's window before (or after) the match, in the
/// same clause.
fn negated(pack: &CompiledPack, text: &str, sentence: &Range<usize>, span: &Range<usize>) -> bool {
    negated_with(
        pack,
        text,
        sentence,
        span,
        pack.negation_before,
        pack.negation_after,
    )
}

/// Whether a negation word the rule does not spell itself stands inside the match, where a
/// pattern's gap let it in: "vi vil ikke jobbe med dem" is no plan, "we can't deliver by
/// Friday" no new date; "it will not happen again" keeps its own "not".
fn negated_inside(
    pack: &CompiledPack,
    rule: &CompiledRule,
    text: &str,
    span: &Range<usize>,
) -> bool {
    words(&text[span.clone()])
        .any(|(_, w)| has_key(&pack.negations, w) && !has_key(&rule.own_negations, w))
}

/// `negated` with explicit word windows. After the match, tensed words of the pack
/// (`past_tense`, `non_past_tense`) do not use up the window: in "দোষ ছিল না" ("was not the
/// fault") the "না" negates "দোষ" across the copula "ছিল"; a negation right before a tensed word
/// negates that word instead ("শেষ হবে না হলে": "will be done, otherwise").
fn negated_with(
    pack: &CompiledPack,
    text: &str,
    sentence: &Range<usize>,
    span: &Range<usize>,
    window_before: usize,
    window_after: usize,
) -> bool {
    let start = span.start.clamp(sentence.start, sentence.end);
    let end = span.end.clamp(start, sentence.end);
    // Only a short stretch of the match's clause matters; bounding it keeps long sentences linear.
    let (from, to) = clause_around(text, sentence, start, end, (160, 80));
    let (before, after) = (&text[from..start], &text[end..to]);
    let is_neg = |w: &str| has_key(&pack.negations, w);
    // A copula or auxiliary between the match and its negation ("ছিল", "was") is passed over; a
    // tensed word that is itself a negation ("wasn't") still counts as one.
    let passed_over = |w: &str| {
        !has_key(&pack.negations, w)
            && (has_key(&pack.past_tense, w) || has_key(&pack.non_past_tense, w))
    };
    let words_before: Vec<&str> = words(before).map(|(_, w)| w).collect();
    let from = words_before.len().saturating_sub(window_before);
    if words_before[from..].iter().any(|w| is_neg(w)) {
        return true;
    }
    // A negation right before a tensed word is that word's own ("না হলে": if not, otherwise),
    // not the match's.
    let words_after: Vec<&str> = words(after).map(|(_, w)| w).collect();
    words_after
        .iter()
        .enumerate()
        .filter(|(_, w)| !passed_over(w))
        .take(window_after)
        .any(|(i, w)| is_neg(w) && !words_after.get(i + 1).is_some_and(|next| passed_over(next)))
}

/// Whether the word right before a date ("last Friday") or right after it ("two weeks ago")
/// puts the date in the past, which makes it no new date.
fn in_the_past(
    pack: &CompiledPack,
    text: &str,
    sentence: &Range<usize>,
    date: &Range<usize>,
) -> bool {
    let word = |(_, w): (Range<usize>, &str)| w.to_lowercase();
    let start = date.start.clamp(sentence.start, sentence.end);
    let end = date.end.clamp(start, sentence.end);
    let before =
        &text[text.floor_char_boundary(start.saturating_sub(40).max(sentence.start))..start];
    let after = &text[end..text
        .floor_char_boundary((end + 40).min(sentence.end))
        .max(end)];
    let first_in_date = words(&text[start..end]).next().map(word);
    let last_before = words(before).last().map(word);
    let first_after = words(after).next().map(word);
    [first_in_date, last_before]
        .iter()
        .flatten()
        .any(|w| pack.past_before.contains(w))
        || first_after.is_some_and(|w| pack.past_after.contains(&w))
}

/// Whether the tensed word nearest the match in its clause (words inside it first) is a past form
/// of the pack's `past_tense` rather than one of `non_past_tense`: "it took a while", "it was soon
/// fixed" tell what happened. On a tie the present or future wins, so the match keeps counting.
fn told_in_the_past(
    pack: &CompiledPack,
    text: &str,
    sentence: &Range<usize>,
    span: &Range<usize>,
) -> bool {
    if pack.past_tense.is_empty() {
        return false;
    }
    let start = span.start.clamp(sentence.start, sentence.end);
    let end = span.end.clamp(start, sentence.end);
    // A bounded stretch around the match keeps long sentences linear. The match's own clause
    // tells its tense ("we were slow, and it will take a while longer": "were" is another
    // clause's past); a clause without a tensed word of its own ("At some point, the status
    // wasn't set") takes it from the clauses after it, never from those before it ("damage was
    // caused by digging, no ETA yet").
    let (from, to) = clause_around(text, sentence, start, end, (160, 160));
    let rest = text
        .floor_char_boundary((end + 160).min(sentence.end))
        .max(to);
    nearest_tense(pack, text, from..to, start, end)
        .or_else(|| nearest_tense(pack, text, to..rest, start, end))
        .is_some_and(|past| past)
}

/// Whether the tensed word in `within` nearest `start..end` (words inside it first) is past;
/// `None` when `within` has no tensed word. On a tie the present or future wins.
fn nearest_tense(
    pack: &CompiledPack,
    text: &str,
    within: Range<usize>,
    start: usize,
    end: usize,
) -> Option<bool> {
    let mut nearest: Option<(usize, bool)> = None;
    for (range, word) in words(&text[within.clone()]) {
        let (ws, we) = (within.start + range.start, within.start + range.end);
        let past = has_key(&pack.past_tense, word);
        if !past && !has_key(&pack.non_past_tense, word) {
            continue;
        }
        // Words inside the match are at distance 0.
        let distance = if we <= start {
            start - we
        } else {
            ws.saturating_sub(end)
        };
        let better = match nearest {
            None => true,
            Some((d, was_past)) => distance < d || (distance == d && was_past && !past),
        };
        if better {
            nearest = Some((distance, past));
        }
    }
    nearest.map(|(_, past)| past)
}

/// The byte range of the clause around `start..end` within the sentence: from just after the
/// last clause mark before `start` to the first clause mark after `end`, at most `reach.0` bytes
/// before the match and `reach.1` after it. Marks inside the match do not split it.
fn clause_around(
    text: &str,
    sentence: &Range<usize>,
    start: usize,
    end: usize,
    reach: (usize, usize),
) -> (usize, usize) {
    let from = text.floor_char_boundary(start.saturating_sub(reach.0).max(sentence.start));
    let to = text
        .floor_char_boundary((end + reach.1).min(sentence.end))
        .max(end);
    let from = text[from..start]
        .char_indices()
        .rfind(|(_, c)| CLAUSE.contains(c))
        .map_or(from, |(p, c)| from + p + c.len_utf8());
    let to = text[end..to].find(CLAUSE).map_or(to, |p| end + p);
    (from, to)
}

/// Turns hits into the element map and anti-pattern findings, applying `suppressed_by` and
/// `unless`. An element rule's `unless` is read against the element hits of rules without an
/// `unless` of their own and against the anti-pattern hits, so the order of rules never matters
/// ("we will send it on Friday" is no plan in a message that denies the promise).
fn judge(
    pack: &CompiledPack,
    text: &str,
    hits: &[Hit],
) -> (BTreeMap<Element, Option<Range<usize>>>, Vec<Finding>) {
    let anti_hits = |a: AntiPattern| {
        hits.iter()
            .filter(move |h| pack.rules[h.rule].target == Target::AntiPattern(a))
    };
    let overlaps = |x: &Range<usize>, y: &Range<usize>| x.start < y.end && y.start < x.end;
    let kept: Vec<&Hit> = hits
        .iter()
        .filter(|h| {
            let rule = &pack.rules[h.rule];
            !rule
                .suppressed_by
                .iter()
                .any(|&a| anti_hits(a).any(|o| o.rule != h.rule && overlaps(&o.span, &h.span)))
        })
        .collect();
    // What is there before any element rule's own `unless` is applied.
    let present_unconditionally = |t: &Target| {
        kept.iter().any(|h| {
            let rule = &pack.rules[h.rule];
            rule.target == *t && (matches!(t, Target::AntiPattern(_)) || rule.unless.is_empty())
        })
    };
    let mut elements: BTreeMap<Element, Option<Range<usize>>> =
        Element::ALL.iter().map(|&e| (e, None)).collect();
    for h in &kept {
        let rule = &pack.rules[h.rule];
        if let Target::Element(e) = rule.target {
            if rule.unless.iter().any(present_unconditionally) {
                continue;
            }
            let slot = elements.entry(e).or_default();
            if slot.as_ref().is_none_or(|s| h.span.start < s.start) {
                *slot = Some(h.span.clone());
            }
        }
    }
    let present = |t: &Target| match t {
        Target::Element(e) => elements[e].is_some(),
        Target::AntiPattern(a) => kept
            .iter()
            .any(|h| pack.rules[h.rule].target == Target::AntiPattern(*a)),
    };
    let mut findings: Vec<Finding> = Vec::new();
    for h in &kept {
        let rule = &pack.rules[h.rule];
        let Target::AntiPattern(a) = rule.target else {
            continue;
        };
        if rule.unless.iter().any(present) {
            continue;
        }
        if findings
            .iter()
            .any(|f| f.rule == a.id() && overlaps(&f.span, &h.span))
        {
            continue;
        }
        let (line, column) = position(text, h.span.start);
        findings.push(Finding {
            rule: a.id().to_owned(),
            rule_id: format!("{}.{}", pack.code, rule.id),
            severity: Severity::Error,
            span: h.span.clone(),
            line,
            column,
            message: rule.message.clone(),
            suggestion: rule.suggestion.clone(),
        });
    }
    (elements, findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::RuleSpec;

    /// A checker whose English pack has only the given `[[rule]]` tables (with the English
    /// language facts: clause marks, tense words, dates).
    fn english_with(rules: &str) -> Checker {
        #[derive(serde::Deserialize)]
        struct File {
            rule: Vec<RuleSpec>,
        }
        let mut spec = embedded_packs()
            .expect("embedded packs parse")
            .into_iter()
            .find(|p| p.language.code == "en")
            .expect("an English pack");
        spec.rules = toml::from_str::<File>(rules)
            .expect("test rules parse")
            .rule;
        Checker::from_specs(vec![spec], &CheckerConfig::default()).expect("test pack compiles")
    }

    fn report(c: &Checker, text: &str) -> Report {
        let opts = CheckOptions {
            lang: Some("en".into()),
            message_type: None,
        };
        c.check(text, &opts).expect("English pack")
    }

    #[test]
    fn an_element_rule_with_unless_is_dropped_when_the_target_is_present() {
        let c = english_with(
            r#"
            [[rule]]
            id = "plan.send"
            target = "plan"
            kind = "lexicon"
            terms = ["we will send"]
            unless = ["denies_promise"]
            [[rule]]
            id = "denies.never"
            target = "denies_promise"
            kind = "lexicon"
            terms = ["we never promised"]
            negatable = false
            message = "m"
            suggestion = "s"
            [[rule]]
            id = "next.call"
            target = "next_step"
            kind = "lexicon"
            terms = ["call you"]
            unless = ["plan"]
            "#,
        );
        assert!(report(&c, "We will send the files.").has(Element::Plan));
        let r = report(&c, "We never promised that. We will send the files.");
        assert!(!r.has(Element::Plan), "the plan gives way to the denial");
        assert!(r.findings.iter().any(|f| f.rule == "denies_promise"));
        // An element's `unless` reads other rules' unconditional hits: this plan hit has an
        // `unless` of its own, so it does not cancel the call, whatever the rule order.
        let r = report(&c, "We will send the files and call you.");
        assert!(r.has(Element::Plan) && r.has(Element::NextStep));
    }

    #[test]
    fn past_cancels_reads_only_the_match_clause() {
        let c = english_with(
            r#"
            [[rule]]
            id = "vague.while"
            target = "vague_timeline"
            kind = "lexicon"
            terms = ["a while longer", "no eta"]
            past_cancels = true
            negatable = false
            message = "m"
            suggestion = "s"
            "#,
        );
        let flagged = |t: &str| {
            report(&c, t)
                .findings
                .iter()
                .any(|f| f.rule == "vague_timeline")
        };
        assert!(!flagged("It took a while longer than we hoped."));
        assert!(flagged(
            "We were slow, and it is going to be a while longer."
        ));
        assert!(flagged(
            "Damage was caused by digging works, no ETA on the fix yet."
        ));
        assert!(!flagged("There was no ETA on the fix yet."));
        // A clause without a tense of its own takes the next clause's.
        assert!(!flagged("For a while longer, the page was down."));
        assert!(flagged("For a while longer, the page will be down."));
    }

    #[test]
    fn an_element_rule_yields_to_another_element_in_its_clause() {
        let c = english_with(
            r#"
            [[rule]]
            id = "plan.update"
            target = "plan"
            kind = "lexicon"
            terms = ["we will update"]
            yields_to = ["next_step"]
            [[rule]]
            id = "next.update_you"
            target = "next_step"
            kind = "lexicon"
            terms = ["update you"]
            "#,
        );
        let r = report(&c, "We will update you tomorrow.");
        assert!(r.has(Element::NextStep) && !r.has(Element::Plan));
        let r = report(&c, "We will update the driver, and then we update you.");
        assert!(r.has(Element::NextStep) && r.has(Element::Plan));
        assert!(report(&c, "We will update the driver.").has(Element::Plan));
    }
}
