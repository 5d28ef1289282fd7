//! Evaluates the checker on the labelled set in `eval/checker/<lang>.jsonl`: per language,
//! precision/recall/F1 per element and anti-pattern, macro-F1 on elements, precision on
//! anti-patterns, and language-detection accuracy. Run: `eval/checker/run.sh` (add `--misses` to
//! list the wrong labels of development items, never of held-out ones).

use candor_text::{AntiPattern, CheckOptions, Checker, CheckerConfig, Element, detect_language};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Item {
    id: String,
    text: String,
    real: bool,
    elements: Vec<Element>,
    anti_patterns: Vec<AntiPattern>,
    #[serde(default)]
    seen_while_writing_rules: bool,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn add(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    fn precision(self) -> Option<f64> {
        let d = self.tp + self.fp;
        (d > 0).then(|| f64::from(self.tp) / f64::from(d))
    }
    fn recall(self) -> Option<f64> {
        let d = self.tp + self.fn_;
        (d > 0).then(|| f64::from(self.tp) / f64::from(d))
    }
    /// F1; `None` when the label neither occurs nor is predicted (undefined, left out of macro).
    fn f1(self) -> Option<f64> {
        if self.tp + self.fp + self.fn_ == 0 {
            return None;
        }
        let d = 2 * self.tp + self.fp + self.fn_;
        Some(2.0 * f64::from(self.tp) / f64::from(d))
    }
}

fn fmt(x: Option<f64>) -> String {
    x.map_or_else(|| "   -".to_owned(), |v| format!("{v:.2}"))
}

fn evaluate(checker: &Checker, lang: &str, items: &[&Item]) -> (f64, Option<f64>, String) {
    let mut el: BTreeMap<Element, Counts> = BTreeMap::new();
    let mut ap: BTreeMap<AntiPattern, Counts> = BTreeMap::new();
    let mut out = String::new();
    for item in items {
        let opts = CheckOptions {
            lang: Some(lang.to_owned()),
            message_type: None,
        };
        let report = checker
            .check(&item.text, &opts)
            .expect("the set's language has a pack");
        for e in Element::ALL {
            el.entry(e)
                .or_default()
                .add(item.elements.contains(&e), report.has(e));
        }
        for a in AntiPattern::ALL {
            let predicted = report.findings.iter().any(|f| f.rule == a.id());
            ap.entry(a)
                .or_default()
                .add(item.anti_patterns.contains(&a), predicted);
        }
    }
    out.push_str("  label              n  pred     P     R    F1\n");
    let mut f1s = Vec::new();
    for (e, c) in &el {
        out.push_str(&format!(
            "  {:<16} {:>3} {:>5}  {}  {}  {}\n",
            e.id(),
            c.tp + c.fn_,
            c.tp + c.fp,
            fmt(c.precision()),
            fmt(c.recall()),
            fmt(c.f1())
        ));
        f1s.extend(c.f1());
    }
    let mut total = Counts::default();
    for (a, c) in &ap {
        out.push_str(&format!(
            "  {:<16} {:>3} {:>5}  {}  {}  {}\n",
            a.id(),
            c.tp + c.fn_,
            c.tp + c.fp,
            fmt(c.precision()),
            fmt(c.recall()),
            fmt(c.f1())
        ));
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn_ += c.fn_;
    }
    let macro_f1 = if f1s.is_empty() {
        0.0
    } else {
        f1s.iter().sum::<f64>() / f1s.len() as f64
    };
    (macro_f1, total.precision(), out)
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../eval/checker"),
            PathBuf::from,
        );
    let show_misses = std::env::args().any(|a| a == "--misses");
    let checker = Checker::builtin(&CheckerConfig::default()).expect("built-in packs compile");
    for lang in ["en", "nl", "nb", "bn"] {
        let path = dir.join(format!("{lang}.jsonl"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("{lang}: no file {}", path.display());
            continue;
        };
        let items: Vec<Item> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("{}: bad line {l:?}: {e}", path.display()))
            })
            .collect();
        let real = items.iter().filter(|i| i.real).count();
        let detected = items
            .iter()
            .filter(|i| detect_language(&i.text).is_some_and(|d| d.code == lang))
            .count();
        println!(
            "== {lang}: {} items ({real} real, {} hand-written), detection {detected}/{} correct",
            items.len(),
            items.len() - real,
            items.len()
        );
        let all: Vec<&Item> = items.iter().collect();
        let (macro_f1, ap_p, table) = evaluate(&checker, lang, &all);
        print!("{table}");
        println!(
            "  ALL   elements macro-F1 {macro_f1:.2}; anti-pattern precision {}",
            fmt(ap_p)
        );
        let clean: Vec<&Item> = items
            .iter()
            .filter(|i| i.real && !i.seen_while_writing_rules)
            .collect();
        let (m, p, _) = evaluate(&checker, lang, &clean);
        println!(
            "  CLEAN ({} real items not seen while writing rules): macro-F1 {m:.2}; anti-pattern precision {}",
            clean.len(),
            fmt(p)
        );
        if show_misses {
            print_misses(&checker, lang, &items);
        }
    }
}

/// Prints, for development items only (hand-written, or real and marked as seen while writing
/// rules), each label the checker got wrong. Held-out items stay unseen, so CLEAN stays honest.
fn print_misses(checker: &Checker, lang: &str, items: &[Item]) {
    let opts = CheckOptions {
        lang: Some(lang.to_owned()),
        message_type: None,
    };
    for item in items
        .iter()
        .filter(|i| !i.real || i.seen_while_writing_rules)
    {
        let report = checker.check(&item.text, &opts).expect("pack exists");
        let mut wrong = Vec::new();
        for e in Element::ALL {
            match (item.elements.contains(&e), report.has(e)) {
                (true, false) => wrong.push(format!("-{}", e.id())),
                (false, true) => wrong.push(format!("+{}", e.id())),
                _ => {}
            }
        }
        for a in AntiPattern::ALL {
            let predicted = report.findings.iter().any(|f| f.rule == a.id());
            match (item.anti_patterns.contains(&a), predicted) {
                (true, false) => wrong.push(format!("-{}", a.id())),
                (false, true) => wrong.push(format!("+{}", a.id())),
                _ => {}
            }
        }
        if !wrong.is_empty() {
            println!(
                "  miss {} [{}]: {}",
                item.id,
                wrong.join(" "),
                item.text.replace('\n', " ")
            );
        }
    }
}
