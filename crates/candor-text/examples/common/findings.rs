//! The audit loop the `ham_findings` and `enron_findings` examples share: every anti-pattern
//! finding of `--lang en` on a list of texts, with its sentence, and the counts per rule.

use candor_text::pack::embedded_packs;
use candor_text::{CheckOptions, Checker, CheckerConfig, SentenceSplitter};
use std::collections::BTreeMap;
use std::path::Path;

/// One line: whitespace runs (line breaks included) folded to a single space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks each `(id, text)` with `--lang en` and prints one block per anti-pattern finding (text
/// id, rule id, the matched text and its sentence), then the counts per rule. `args` are the
/// example's own: `--lang-dir DIR` loads the packs from disk, `--summary` prints only the counts.
pub fn print_findings(texts: &[(String, String)], args: &[String], config: &CheckerConfig) {
    let summary = args.iter().any(|a| a == "--summary");
    let checker = match args.iter().position(|a| a == "--lang-dir") {
        Some(i) => Checker::with_override_dir(Path::new(&args[i + 1]), config),
        None => Checker::builtin(config),
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
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut total = 0;
    for (id, body) in texts {
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
