//! The phrasing tests' one checker: built once per test binary, checking one sentence in a
//! given language, with shorthands for "has this element" and "raises this rule".
#![allow(dead_code)] // each phrasing test file uses a different part of this module

use candor_text::{CheckOptions, Checker, CheckerConfig, Element, Report};
use std::sync::OnceLock;

/// The report on `text` read as `lang`.
pub fn check(lang: &str, text: &str) -> Report {
    // Built once: compiling every pack for each sentence would make the tests slow.
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER
        .get_or_init(|| {
            Checker::builtin(&CheckerConfig::default()).expect("built-in packs compile")
        })
        .check(
            text,
            &CheckOptions {
                lang: Some(lang.into()),
                message_type: None,
            },
        )
        .expect("pack exists")
}

/// Whether `text` in `lang` shows `element`.
pub fn has(lang: &str, text: &str, element: Element) -> bool {
    check(lang, text).has(element)
}

/// Whether `text` in `lang` raises `rule`.
pub fn flags(lang: &str, text: &str, rule: &str) -> bool {
    check(lang, text).findings.iter().any(|f| f.rule == rule)
}

/// Asserts that every sentence in `yes` shows `element` in `lang` and none in `no` does.
pub fn shows_in(lang: &str, element: Element, yes: &[&str], no: &[&str]) {
    for text in yes {
        assert!(has(lang, text, element), "should show {element:?}: {text}");
    }
    for text in no {
        assert!(
            !has(lang, text, element),
            "should not show {element:?}: {text}"
        );
    }
}

/// Asserts that every sentence in `yes` raises `rule` in `lang` and none in `no` does.
pub fn raises_in(lang: &str, rule: &str, yes: &[&str], no: &[&str]) {
    for text in yes {
        assert!(flags(lang, text, rule), "should raise {rule}: {text}");
    }
    for text in no {
        assert!(!flags(lang, text, rule), "should not raise {rule}: {text}");
    }
}

/// The English shorthands the English phrasing files share.
pub mod en {
    use candor_text::Element;

    /// Asserts that every English sentence in `yes` shows `element` and none in `no` does.
    pub fn shows(element: Element, yes: &[&str], no: &[&str]) {
        super::shows_in("en", element, yes, no);
    }

    /// Asserts that every English sentence in `yes` raises `rule` and none in `no` does.
    pub fn raises(rule: &str, yes: &[&str], no: &[&str]) {
        super::raises_in("en", rule, yes, no);
    }
}
