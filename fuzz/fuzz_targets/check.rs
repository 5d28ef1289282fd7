//! Fuzzes the message checker on arbitrary UTF-8: it must not panic, and every finding and
//! element span must lie inside the text, on char boundaries, with start ≤ end, and a finding's
//! line and column must be those of its start. Run from the repository root:
//! `cargo +nightly fuzz run check`.
#![no_main]

use candor_text::report::position;
use candor_text::{CheckOptions, Checker, CheckerConfig};
use libfuzzer_sys::fuzz_target;
use std::ops::Range;
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let config = CheckerConfig {
            roster: vec!["Ola Nordmann".into(), "Jan de Vries".into(), "রহিম".into()],
            internal_terms: vec!["Jira".into(), "staging-db".into()],
        };
        Checker::builtin(&config).expect("built-in packs compile")
    })
}

fn assert_inside(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // None = detect the language; the rest force each pack over any text.
    for lang in [None, Some("en"), Some("nl"), Some("nb"), Some("bn")] {
        for message_type in [None, Some("delay_email")] {
            let opts = CheckOptions {
                lang: lang.map(str::to_owned),
                message_type: message_type.map(str::to_owned),
            };
            let report = match checker().check(text, &opts) {
                Ok(r) => r,
                // Only detection may fail: a forced language and a known type always check.
                Err(e) => {
                    assert!(lang.is_none(), "{lang:?}/{message_type:?}: {e}");
                    continue;
                }
            };
            for f in &report.findings {
                assert_inside(text, &f.span, &f.rule);
                if !f.rule.starts_with("missing:") {
                    assert_eq!(
                        (f.line, f.column),
                        position(text, f.span.start),
                        "{}",
                        f.rule
                    );
                }
            }
            for (element, span) in &report.elements {
                if let Some(span) = span {
                    assert_inside(text, span, &element.to_string());
                }
            }
        }
    }
});
