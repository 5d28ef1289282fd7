//! Lists every anti-pattern finding of `candor check --lang en` on the bodies of the first 1,000
//! ham messages of the SpamAssassin corpus (`../shared/data/spamassassin/`, real mailing-list mail
//! that is no bad-news message at all), so that false positives on ordinary English prose can be
//! audited by hand. Run: `cargo run --release -p candor-text --example ham_findings`; add
//! `-- --lang-dir lang` to load the packs from disk instead of the built-in ones, and
//! `-- --summary` to print only the counts per rule. `-- --dev FILE.jsonl` checks the development
//! items of a labelled set instead (`seen_while_writing_rules`; held-out items are skipped unread),
//! to see which rules a change would take from them.
//! Prints one block per finding: body index, rule id, the matched text and its sentence.

use candor_text::CheckerConfig;
use std::path::Path;

#[path = "common/findings.rs"]
mod findings;

#[path = "../benches/common/ham.rs"]
mod ham;
use ham::{MESSAGES, ham_bodies};

/// The id and text of every development item (`seen_while_writing_rules`) of a labelled set.
fn dev_items(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("the labelled set is readable");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("one JSON item a line"))
        .filter(|v| v["seen_while_writing_rules"].as_bool() == Some(true))
        .map(|v| {
            let id = v["id"].as_str().unwrap_or_default().to_owned();
            (id, v["text"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<(String, String)> = match args.iter().position(|a| a == "--dev") {
        Some(i) => dev_items(Path::new(&args[i + 1])),
        None => ham_bodies(MESSAGES)
            .into_iter()
            .enumerate()
            .map(|(i, b)| (i.to_string(), b))
            .collect(),
    };
    let config = CheckerConfig {
        roster: vec!["Jared Lee".into()],
        internal_terms: vec![],
    };
    findings::print_findings(&texts, &args, &config);
}
