//! Lists every anti-pattern finding of `candor check --lang en` on real business email, so that
//! false alarms on ordinary office mail can be audited by hand (`eval/checker/enron-audit.md`).
//! The texts: the 1,000 Enron e-mails of `../shared/data/lin-coling2020/emails.tsv` (each e-mail
//! rebuilt from its sentences, one a line), then the first 500 sentences of
//! `../shared/data/email-intent/train.txt`; neither is part of the checker's evaluation set.
//! Run: `cargo run --release -p candor-text --example enron_findings`; add `-- --lang-dir lang`
//! to load the packs from disk instead of the built-in ones, and `-- --summary` to print only the
//! counts per rule. Prints one block per finding: text id (`e<email_no>` or `i<line>`), rule id,
//! the matched text, and its sentence.

use candor_text::pack::embedded_packs;
use candor_text::{CheckOptions, Checker, CheckerConfig, SentenceSplitter};
use std::collections::BTreeMap;
use std::path::Path;

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

/// One line: whitespace runs (line breaks included) folded to a single space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let summary = args.iter().any(|a| a == "--summary");
    let config = CheckerConfig::default();
    let checker = match args.iter().position(|a| a == "--lang-dir") {
        Some(i) => Checker::with_override_dir(Path::new(&args[i + 1]), &config),
        None => Checker::builtin(&config),
    }
    .expect("packs compile");
    let en = embedded_packs()
        .expect("built-in packs parse")
        .into_iter()
        .find(|p| p.language.code == "en")
        .expect("an English pack");
    let splitter = SentenceSplitter::new(&en.language);
    let opts = CheckOptions {
        lang: Some("en".into()),
        message_type: None,
    };
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let mut texts = lin_emails(&data.join("lin-coling2020/emails.tsv"));
    texts.extend(intent_sentences(
        &data.join("email-intent/train.txt"),
        INTENT_SENTENCES,
    ));
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut total = 0;
    for (id, body) in &texts {
        if body.trim().is_empty() {
            continue;
        }
        let report = checker.check(body, &opts).expect("English is checked");
        let sentences = splitter.split(body);
        for f in report
            .findings
            .iter()
            .filter(|f| !f.rule.starts_with("missing:"))
        {
            total += 1;
            *per_rule.entry(f.rule_id.clone()).or_default() += 1;
            if summary {
                continue;
            }
            let sentence = sentences
                .iter()
                .find(|s| s.start <= f.span.start && f.span.start < s.end.max(s.start + 1))
                .map_or("", |s| &body[s.clone()]);
            println!("#{id} {}  [{}]", f.rule_id, one_line(&body[f.span.clone()]));
            println!("    {}", one_line(sentence));
        }
    }
    println!("\n{} texts, {total} anti-pattern findings", texts.len());
    for (rule, n) in &per_rule {
        println!("{n:>5}  {rule}");
    }
}
