//! Fuzzes the promise scanner (`candor promises scan`) on arbitrary UTF-8 in every language:
//! no panic, and each promise's start/end lie inside the text on char boundaries, with its
//! `text` exactly the slice they name.
#![no_main]

use candor_text::promise::PromiseDetector;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn detector() -> &'static PromiseDetector {
    static DETECTOR: OnceLock<PromiseDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| PromiseDetector::new().expect("embedded rules compile"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let sent = jiff::civil::date(2026, 2, 28);
    let detected = candor_text::detect_language(text).map(|d| d.code);
    let langs = ["en", "nl", "nb", "bn", "xx"];
    for lang in detected.as_deref().into_iter().chain(langs) {
        let mut last_end = 0;
        for p in detector().scan(text, lang, sent) {
            assert!(
                p.start <= p.end && p.end <= text.len(),
                "{lang}: {}..{} outside {} bytes",
                p.start,
                p.end,
                text.len()
            );
            assert!(
                text.is_char_boundary(p.start) && text.is_char_boundary(p.end),
                "{lang}: {}..{}",
                p.start,
                p.end
            );
            assert_eq!(p.text, text[p.start..p.end], "{lang}");
            assert!(
                p.start >= last_end,
                "{lang}: promises overlap at {}",
                p.start
            );
            last_end = p.end;
        }
    }
});
