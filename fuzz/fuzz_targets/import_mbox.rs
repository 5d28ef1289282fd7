//! Fuzzes the mbox splitter and the message parser together: arbitrary bytes as an mbox stream
//! must never panic; every message must either parse or fail with a reason; offsets must rise
//! and stay inside the input; and no message may be bigger than the limit.
#![no_main]

use candor_mail::{Location, MboxReader, RawMessage, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A small limit as well as a large one, so the oversize path is reached too.
    for limit in [256, 64 * 1024] {
        let mut last: Option<u64> = None;
        for item in MboxReader::new(data, limit) {
            let m = match item {
                Ok(m) => m,
                Err(e) => {
                    assert!(!e.error.trim().is_empty(), "a skip without a reason");
                    assert!((e.offset as usize) <= data.len());
                    continue;
                }
            };
            assert!(
                (m.offset as usize) < data.len(),
                "offset {} past the input",
                m.offset
            );
            assert!(
                data[m.offset as usize..].starts_with(b"From "),
                "offset {} is not a From line",
                m.offset
            );
            assert!(
                last.is_none_or(|l| m.offset > l),
                "offsets go back: {last:?} then {}",
                m.offset
            );
            last = Some(m.offset);
            assert!(
                m.bytes.len() <= limit,
                "{} bytes over the {limit} limit",
                m.bytes.len()
            );
            let raw = RawMessage {
                location: Location::Mbox {
                    file: "fuzz".into(),
                    offset: m.offset,
                },
                bytes: m.bytes,
                fallback_date: m.envelope_date,
            };
            if let Err(reason) = parse(&raw) {
                assert!(!reason.trim().is_empty(), "a failure without a reason");
            }
        }
    }
});
