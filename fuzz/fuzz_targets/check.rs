//! Fuzzes the message checker on arbitrary UTF-8: it must not panic, and every finding and
//! element span must lie inside the text on char boundaries. Run from the repository root:
//! `cargo +nightly fuzz run check`.
#![no_main]

use candor_text::{CheckOptions, Checker, CheckerConfig};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let config = CheckerConfig { roster: vec!["Ola Nordmann".into(), "রহিম".into()], internal_terms: vec!["Jira".into()] };
        Checker::builtin(&config).expect("built-in packs compile")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in [None, Some("en"), Some("nl"), Some("nb"), Some("bn")] {
        let opts = CheckOptions { lang: lang.map(str::to_owned), message_type: Some("delay_email".into()) };
        let Ok(report) = checker().check(text, &opts) else { continue };
        for f in &report.findings {
            assert!(f.span.start <= f.span.end && f.span.end <= text.len());
            assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
        for span in report.elements.values().flatten() {
            assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
});
