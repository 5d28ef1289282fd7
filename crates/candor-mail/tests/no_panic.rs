//! Property tests (the stable-toolchain companion of the cargo-fuzz targets in `fuzz/`):
//! arbitrary bytes, as an mbox or as one message, never panic the importer, and mbox offsets
//! always point at a `From ` line of the input.

use candor_mail::{Location, MboxReader, RawMessage, parse};
use proptest::prelude::*;

fn mailish() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just(b"From a@b Mon Jan  1 00:00:00 2001\n".to_vec()),
            Just(b">From x\n".to_vec()),
            Just(b"Subject: =?UTF-8?B?4Kas4Kao4KeN4Kan4KeB?=\n".to_vec()),
            Just(b"Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n".to_vec()),
            Just(b"Content-Transfer-Encoding: base64\n\n".to_vec()),
            Just(b"<html><script>x</script></html>\n".to_vec()),
            Just(b"\n".to_vec()),
            prop::collection::vec(any::<u8>(), 0..64),
        ],
        0..24,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn mbox_stream_never_panics(data in mailish()) {
        for item in MboxReader::new(&data[..], 4096) {
            let offset = match &item { Ok(m) => m.offset, Err(e) => e.offset };
            if let Ok(m) = item {
                prop_assert!(data[offset as usize..].starts_with(b"From "));
                let raw = RawMessage {
                    location: Location::Mbox { file: "p".into(), offset },
                    bytes: m.bytes,
                    fallback_date: m.envelope_date,
                };
                let _ = parse(&raw);
            }
        }
    }

    #[test]
    fn one_message_never_panics(data in mailish()) {
        let raw = RawMessage { location: Location::File("p.eml".into()), bytes: data, fallback_date: None };
        if let Ok(m) = parse(&raw) {
            prop_assert!(!m.dedupe_key.is_empty());
        }
    }
}
