//! Fuzzes the MIME parsing path of the importer (charsets, encoded words, HTML sanitising,
//! attachment hashing): arbitrary bytes as one message must never panic.
#![no_main]

use candor_mail::{Location, RawMessage, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = RawMessage {
        location: Location::File("fuzz.eml".into()),
        bytes: data.to_vec(),
        fallback_date: None,
    };
    if let Ok(m) = parse(&raw) {
        assert!(!m.dedupe_key.is_empty());
    }
});
