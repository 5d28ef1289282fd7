//! Evaluation of the detector on real Enron sentences labelled by others (lin-coling2020) or
//! by the team before the detector was run on them (email-intent test split), and on the
//! team's hand-written nl/nb/bn fixtures. Prints precision/recall/F1; the asserted floors are
//! regression guards set just under the measured figures (see `eval/promises/README.md`).
//!
//! Label mapping (neither corpus labels "commitment" directly):
//! - lin-coling2020: each annotated action verb carries a label (`Task`, `Non Task`, `Purpose`,
//!   `Courtesy`). Gold commitment = the sentence is not a question (no final "?", no leading
//!   "can/will/should … I/we/you"), and for some verb labelled exactly `Task`, at some place its
//!   form occurs, the nearest subject pronoun before it is "I" or "we", with no wish, need,
//!   obligation or hypothetical word between them ("want", "need", "have to", "must", "would",
//!   "could", "might", "should", "suggest", …) — a wish word's reach ends at a coordinated
//!   "and will/can …" with its own auxiliary.
//! - email-intent: `Yes` means "request or proposal" (plus some dated commitments), so it does
//!   not map onto commitments; the test split was labelled for commitment by the team
//!   (`eval/promises/email-intent-test-commitments.tsv`).
//!
//! Held-out rule: a lin-coling2020 email is in the test split when the FNV-1a 64-bit hash of its
//! `email_no` is divisible by 5; email-intent uses its own `test.txt`. Only the development
//! split is ever dumped (`CANDOR_EVAL_DUMP=1`). With `CANDOR_EVAL_DEV_ONLY=1` no held-out
//! figure is computed, printed or asserted (lin-coling2020 held-out split, email-intent test
//! split), so that rules can be worked on without seeing them.

mod stats;

use super::PromiseDetector;
use regex::Regex;
use stats::{Counts, report};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn data(rel: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("test data {}: {e}", p.display()))
}

fn eval_file(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../eval/promises")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("eval file {}: {e}", p.display()))
}

/// FNV-1a, 64 bits: the split rule must not depend on the standard library's hasher.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether held-out figures are to stay unseen (`CANDOR_EVAL_DEV_ONLY` set).
fn dev_only() -> bool {
    std::env::var_os("CANDOR_EVAL_DEV_ONLY").is_some()
}

fn held_out(email_no: &str) -> bool {
    fnv1a(email_no).is_multiple_of(5)
}

/// The lin-coling2020 mapping described in the module docs.
struct LinGold {
    subject: Regex,
    wish: Regex,
    question_start: Regex,
    new_predicate: Regex,
    wish_verb: Regex,
    proposal: Regex,
}

impl LinGold {
    fn new() -> Self {
        Self {
            subject: Regex::new(r"(?i)\b(i|we|you|he|she|they|it|someone|everyone)\b").unwrap(),
            wish: Regex::new(
                r"(?i)\b(need|needs|want|wants|like|love|hope|wish|ask|asked|suggest|propose|recommend|prefer|appreciate|have to|has to|had to|must|would|could|might|may|should)\b|'d\b",
            )
            .unwrap(),
            question_start: Regex::new(
                r"(?i)^\W*(can|could|should|shall|will|would|may|do|did|must)\s+(i|we|you)\b",
            )
            .unwrap(),
            // "I appreciate your help and will keep you posted": a coordinated predicate with
            // its own auxiliary is outside the wish word's scope
            new_predicate: Regex::new(
                r"(?i)\b(and|but)\s+(will|shall|can|am going to|are going to)\b",
            )
            .unwrap(),
            // "I need two analysts", "I want your input": the `Task` verb is itself a need or
            // wish
            wish_verb: Regex::new(
                r"(?i)^(need|needs|want|wants|like|love|hope|wish|prefer|appreciate)$",
            )
            .unwrap(),
            // "I propose we just keep AOL", "I would suggest that we discuss": a proposal
            // governs the subject from before it
            proposal: Regex::new(
                r"(?i)\b(suggest|suggested|propose|proposed|recommend|recommended)\s+(that\s+)?$",
            )
            .unwrap(),
        }
    }

    fn is_commitment(&self, sentence: &str, verbs: &str, labels: &str) -> bool {
        let question = sentence
            .trim_end()
            .trim_end_matches(['"', '\'', ' '])
            .ends_with('?');
        if question || self.question_start.is_match(sentence) {
            return false;
        }
        let norm = |s: &str| s.replace(['-', '='], "").replace('’', "'");
        let text = norm(sentence);
        let labels: Vec<&str> = labels.split(',').map(str::trim).collect();
        verbs
            .split(',')
            .map(str::trim)
            .enumerate()
            .any(|(i, verb)| {
                if verb.is_empty()
                    || labels.get(i) != Some(&"Task")
                    || self.wish_verb.is_match(&norm(verb))
                {
                    return false;
                }
                let Ok(v) = Regex::new(&format!(r"(?i)\b{}\b", regex::escape(&norm(verb)))) else {
                    return false;
                };
                // the data does not say where the verb is: when its form occurs more than once
                // ("If he doesn't call by the end of the day I will call him"), any occurrence
                // whose subject is the writer counts
                v.find_iter(&text)
                    .any(|at| self.writers(&text[..at.start()]))
            })
    }

    /// Whether the verb after `before` has "I"/"we" as its nearest subject, with no wish word
    /// between them.
    fn writers(&self, before: &str) -> bool {
        let Some(last) = self.subject.find_iter(before).last() else {
            return false;
        };
        let who = last.as_str().to_lowercase();
        if self.proposal.is_match(&before[..last.start()]) {
            return false;
        }
        let between = &before[last.end()..];
        let between = self
            .new_predicate
            .find_iter(between)
            .last()
            .map_or(between, |m| &between[m.start()..]);
        (who == "i" || who == "we") && !self.wish.is_match(between)
    }
}

/// The development fold (0..5) of an email: other bits of the same hash as the split rule, so
/// that a rule change can be checked fold by fold before the held-out split is looked at.
fn dev_fold(email_no: &str) -> u64 {
    (fnv1a(email_no) / 5) % 5
}

#[test]
fn lin_coling2020_commitments_held_out() {
    let d = PromiseDetector::new().unwrap();
    let gold = LinGold::new();
    let dump = std::env::var_os("CANDOR_EVAL_DUMP").is_some();
    // per email: (held out, counts)
    let mut emails: BTreeMap<&str, (bool, Counts)> = BTreeMap::new();
    let source = data("lin-coling2020/emails.tsv");
    for line in source.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (email, sentence, verbs, labels) = (f[0], f[2], f[4], f[5]);
        let g = gold.is_commitment(sentence, verbs, labels);
        let found = d.is_commitment(sentence, "en");
        let held = held_out(email);
        if !held && g != found && dump {
            let class = if g { "FN" } else { "FP" };
            println!("{class}\tfold {}\t{sentence}", dev_fold(email));
        }
        emails
            .entry(email)
            .or_insert((held, Counts::default()))
            .1
            .add(g, found);
    }
    let split = |held: bool| -> (Counts, Vec<Counts>) {
        let groups: Vec<Counts> = emails
            .iter()
            .filter(|(_, (h, _))| *h == held)
            .map(|(_, (_, c))| *c)
            .collect();
        let mut total = Counts::default();
        groups.iter().for_each(|c| total.plus(*c));
        (total, groups)
    };
    let (dev, dev_groups) = split(false);
    let dev_f = dev.prf().2;
    println!(
        "lin-coling2020 development split: {}",
        report(dev, &dev_groups)
    );
    let folds: Vec<String> = (0..5)
        .map(|k| {
            let mut c = Counts::default();
            emails
                .iter()
                .filter(|(e, (h, _))| !*h && dev_fold(e) == k)
                .for_each(|(_, (_, x))| c.plus(*x));
            format!("{:.3}", c.prf().2)
        })
        .collect();
    println!("lin-coling2020 development folds F1: {}", folds.join(" "));
    assert!(dev_f >= 0.83, "development F1 fell to {dev_f:.3}");
    if dev_only() {
        println!("lin-coling2020 held-out split: not computed (CANDOR_EVAL_DEV_ONLY)");
        return;
    }
    let (test, test_groups) = split(true);
    let f = test.prf().2;
    println!(
        "lin-coling2020 held-out test split: {}",
        report(test, &test_groups)
    );
    assert!(f >= 0.72, "held-out F1 fell to {f:.3}");
}

#[test]
fn email_intent_test_split_commitments() {
    if dev_only() {
        println!("email-intent test split: not computed (CANDOR_EVAL_DEV_ONLY)");
        return;
    }
    let d = PromiseDetector::new().unwrap();
    let source = data("email-intent/test.txt");
    let sentences: Vec<&str> = source.split('\n').collect();
    let mut c = Counts::default();
    let mut groups: Vec<Counts> = Vec::new();
    let (mut gold_n, mut gold_yes) = (0u32, 0u32);
    for line in eval_file("email-intent-test-commitments.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let f: Vec<&str> = line.splitn(3, '\t').collect();
        let n: usize = f[0].parse().expect("line number");
        let (label, sentence) = sentences[n - 1].split_once('\t').expect("label<TAB>text");
        assert!(
            sentence.starts_with(f[2].trim_end()),
            "line {n} of email-intent/test.txt no longer starts with {:?}",
            f[2]
        );
        let gold = f[1] == "1";
        gold_n += u32::from(gold);
        gold_yes += u32::from(gold && label == "Yes");
        let mut one = Counts::default();
        one.add(gold, d.is_commitment(sentence, "en"));
        c.plus(one);
        groups.push(one);
    }
    let f = c.prf().2;
    println!(
        "email-intent test split, team commitment labels: {gold_n} commitments ({gold_yes} of them labelled Yes by the dataset), {}",
        report(c, &groups)
    );
    assert!(gold_n > 100, "labels file lost lines");
    assert!(f >= 0.83, "held-out F1 fell to {f:.3}");
}

/// The email-intent training split has no commitment labels; with `CANDOR_EVAL_DUMP=1` its
/// first-person sentences are printed with the detector's verdict (`+` found, `-` not found) so
/// that they can be read. Nothing is asserted: there is no gold to score against.
#[test]
fn email_intent_train_dump() {
    if std::env::var_os("CANDOR_EVAL_DUMP").is_none() {
        return;
    }
    let d = PromiseDetector::new().unwrap();
    let first_person = Regex::new(r"(?i)\b(i|we|i'll|we'll|let me)\b|^\W*will\b").unwrap();
    for line in data("email-intent/train.txt").lines() {
        let Some((_, sentence)) = line.split_once('\t') else {
            continue;
        };
        if first_person.is_match(sentence) {
            let found = d.is_commitment(sentence, "en");
            println!("TRAIN{}\t{sentence}", if found { '+' } else { '-' });
        }
    }
}

#[test]
fn hand_written_fixtures_nl_nb_bn() {
    let d = PromiseDetector::new().unwrap();
    for lang in ["nl", "nb", "bn"] {
        let mut c = Counts::default();
        for line in eval_file(&format!("fixtures/{lang}.tsv"))
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let (label, sentence) = line.split_once('\t').expect("label<TAB>sentence");
            c.add(label == "1", d.is_commitment(sentence, lang));
        }
        let (p, r, f) = c.prf();
        println!("{lang} fixtures (hand-written): {c:?}, P {p:.3} R {r:.3} F1 {f:.3}");
        assert!(f >= 0.8, "{lang}: F1 {f:.3}");
    }
}

#[test]
fn split_rule_is_stable() {
    // Pinned so that a change of the rule (which would move sentences between the splits)
    // cannot go unnoticed.
    assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    let held: Vec<u32> = (1..=20).filter(|n| held_out(&n.to_string())).collect();
    assert!(!held.is_empty() && held.len() < 10, "{held:?}");
}

#[test]
fn lin_mapping_wish_scope() {
    let g = LinGold::new();
    // a wish word does not reach over "and will …", which has its own auxiliary
    assert!(g.is_commitment(
        "I appreciate your previous help and will keep you posted.",
        "keep",
        "Task"
    ));
    // but it does reach over a bare "and …" that shares it
    assert!(!g.is_commitment("I would like to refine this and try again.", "try", "Task"));
    // a verb form that occurs twice: the writer's occurrence counts
    assert!(g.is_commitment(
        "If he doesn't call by the end of the day I will call him.",
        "call",
        "Task"
    ));
    assert!(!g.is_commitment(
        "If I don't hear from him, he will call you.",
        "call",
        "Task"
    ));
    // a need or a proposal is no undertaking, also when it is the annotated verb or governs the
    // subject from before it
    assert!(!g.is_commitment("I need two analysts for the desk.", "need", "Task"));
    assert!(!g.is_commitment("I propose we just keep AOL", "keep", "Task"));
    assert!(g.is_commitment("I will ask Sue to send it.", "ask", "Task"));
    assert!(g.is_commitment("I will send the draft Friday.", "send", "Task"));
    assert!(!g.is_commitment("I will send the draft Friday.", "send", "Non Task"));
}
