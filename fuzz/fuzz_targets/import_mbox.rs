//! Fuzzes the mbox splitter and the message parser together: arbitrary bytes as an mbox stream
//! must never panic, and every message must either parse or fail with a reason.
#![no_main]

use candor_mail::{Location, MboxReader, RawMessage, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for item in MboxReader::new(data, 64 * 1024) {
        let Ok(m) = item else { continue };
        let raw = RawMessage {
            location: Location::Mbox {
                file: "fuzz".into(),
                offset: m.offset,
            },
            bytes: m.bytes,
            fallback_date: m.envelope_date,
        };
        let _ = parse(&raw);
    }
});
