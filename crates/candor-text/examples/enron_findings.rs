//! Lists every anti-pattern finding of `candor check --lang en` on real business email, so that
//! false alarms on ordinary office mail can be audited by hand (`eval/checker/enron-audit.md`).
//! The texts: the 1,000 Enron e-mails of `../shared/data/lin-coling2020/emails.tsv` (each e-mail
//! rebuilt from its sentences, one a line), then the 3,656 sentences of
//! `../shared/data/email-intent/train.txt`; neither is part of the checker's evaluation set.
//! Run: `cargo run --release -p candor-text --example enron_findings`; add `-- --lang-dir lang`
//! to load the packs from disk instead of the built-in ones, and `-- --summary` to print only the
//! counts per rule. Prints one block per finding: text id (`e<email_no>` or `i<line>`), rule id,
//! the matched text, and its sentence.

use candor_text::CheckerConfig;
use std::path::Path;

#[path = "common/findings.rs"]
mod findings;

/// How many sentences of the EmailIntent set are checked after the Enron e-mails.
const INTENT_SENTENCES: usize = 3_656;

/// The Enron e-mails of the Lin et al. set, in file order: id and body (one sentence a line).
fn lin_emails(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("emails.tsv is readable");
    let mut emails: Vec<(String, String)> = Vec::new();
    for line in text.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(no), Some(_), Some(sentence)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let id = format!("e{no}");
        match emails.last_mut() {
            Some((last, body)) if *last == id => {
                body.push('\n');
                body.push_str(sentence);
            }
            _ => emails.push((id, sentence.to_owned())),
        }
    }
    emails
}

/// The first `n` sentences of the EmailIntent set (label, tab, sentence): id and sentence.
fn intent_sentences(path: &Path, n: usize) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("the EmailIntent set is readable");
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| Some((format!("i{}", i + 1), l.split_once('\t')?.1.to_owned())))
        .take(n)
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let mut texts = lin_emails(&data.join("lin-coling2020/emails.tsv"));
    texts.extend(intent_sentences(
        &data.join("email-intent/train.txt"),
        INTENT_SENTENCES,
    ));
    findings::print_findings(&texts, &args, &CheckerConfig::default());
}
