//! Evaluation of the detector on real, independently labelled Enron sentences, and on the
//! team's hand-written nl/nb/bn fixtures. Prints precision/recall/F1; the asserted floors are
//! regression guards set just under the measured figures (see `eval/promises/README.md`).
//!
//! Label mapping (neither corpus labels "commitment" directly):
//! - lin-coling2020: `Task` marks requests and commitments alike, with the action verbs
//!   annotated. Gold commitment = a `Task` sentence, not a question, in which the nearest
//!   subject pronoun before an annotated action verb is "I" or "we" and no wish/need verb
//!   ("need", "want", "would like", "hope", "wish", "ask") stands between them.
//! - email-intent: `Yes` is mainly requests and proposals; a commitment is `Yes` only when it
//!   carries a date. So only the precision of dated detections against `Yes` is measurable.

use super::PromiseDetector;
use jiff::civil::Date;
use regex::Regex;
use std::path::PathBuf;

fn data(rel: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("test data {}: {e}", p.display()))
}

fn fixtures(lang: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../eval/promises/fixtures/{lang}.tsv"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("fixture {}: {e}", p.display()))
}

#[derive(Default, Debug)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn add(&mut self, gold: bool, found: bool) {
        match (gold, found) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = f64::from(self.tp) / f64::from((self.tp + self.fp).max(1));
        let r = f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1));
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// The lin-coling2020 mapping described in the module docs.
fn lin_gold(sentence: &str, verbs: &str, label: &str) -> bool {
    if !label.contains("Task") || sentence.trim_end().ends_with('?') {
        return false;
    }
    let subject = Regex::new(r"(?i)\b(i|we|you|he|she|they|it|someone|everyone)\b").unwrap();
    let wish =
        Regex::new(r"(?i)\b(need|needs|want|wants|would like|'d like|hope|wish|ask|asked)\b")
            .unwrap();
    verbs
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .any(|verb| {
            let Ok(v) = Regex::new(&format!(r"(?i)\b{}\b", regex::escape(verb))) else {
                return false;
            };
            let Some(at) = v.find(sentence) else {
                return false;
            };
            let before = &sentence[..at.start()];
            let Some(last) = subject.find_iter(before).last() else {
                return false;
            };
            let who = last.as_str().to_lowercase();
            (who == "i" || who == "we") && !wish.is_match(&before[last.end()..])
        })
}

#[test]
fn lin_coling2020_commitments() {
    let d = PromiseDetector::new().unwrap();
    let mut c = Counts::default();
    let mut gold_n = 0;
    for line in data("lin-coling2020/emails.tsv").lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (sentence, verbs, label) = (f[2], f[4], f[5]);
        let gold = lin_gold(sentence, verbs, label);
        gold_n += u32::from(gold);
        let found = d.is_commitment(sentence, "en");
        if gold != found && std::env::var_os("CANDOR_EVAL_DUMP").is_some() {
            println!("{}\t{sentence}", if gold { "FN" } else { "FP" });
        }
        c.add(gold, found);
    }
    let (p, r, f) = c.prf();
    println!("lin-coling2020: gold commitments {gold_n}, {c:?}, P {p:.3} R {r:.3} F1 {f:.3}");
    assert!(f >= 0.55, "F1 fell to {f:.3}");
}

#[test]
fn email_intent_dated_detections_are_intents() {
    let d = PromiseDetector::new().unwrap();
    let today = Date::new(2001, 5, 1).unwrap();
    let (mut dated, mut dated_yes, mut found, mut found_yes) = (0u32, 0u32, 0u32, 0u32);
    for file in ["email-intent/train.txt", "email-intent/test.txt"] {
        for line in data(file).lines() {
            let Some((label, sentence)) = line.split_once('\t') else {
                continue;
            };
            let yes = label == "Yes";
            let hits = d.scan(sentence, "en", today);
            if hits.is_empty() {
                continue;
            }
            found += 1;
            found_yes += u32::from(yes);
            if hits.iter().any(|h| h.due.is_some()) {
                dated += 1;
                dated_yes += u32::from(yes);
            }
        }
    }
    let p_dated = f64::from(dated_yes) / f64::from(dated.max(1));
    println!(
        "email-intent: {found} detections ({found_yes} labelled Yes); dated {dated}, of which Yes {dated_yes}: precision {p_dated:.3}"
    );
    assert!(
        dated > 20 && p_dated >= 0.58,
        "dated precision {p_dated:.3} over {dated}"
    );
}

#[test]
fn hand_written_fixtures_nl_nb_bn() {
    let d = PromiseDetector::new().unwrap();
    for lang in ["nl", "nb", "bn"] {
        let mut c = Counts::default();
        for line in fixtures(lang)
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
