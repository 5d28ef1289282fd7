//! Fuzzes the MIME parsing path of the importer (charsets, encoded words, HTML sanitising,
//! attachment hashing): arbitrary bytes as one message must never panic, and must either parse
//! or fail with a reason. A parsed message keeps the promises the store relies on: a dedupe
//! key, no NUL characters in any text field, and no empty addresses.
#![no_main]

use candor_mail::{Location, RawMessage, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = RawMessage {
        location: Location::File("fuzz.eml".into()),
        bytes: data.to_vec(),
        fallback_date: None,
    };
    match parse(&raw) {
        Err(reason) => assert!(!reason.trim().is_empty(), "a failure without a reason"),
        Ok(m) => {
            assert!(m.dedupe_key.len() > 4, "dedupe key {:?}", m.dedupe_key);
            let mut texts = vec![&m.subject, &m.text, &m.dedupe_key];
            texts.extend(m.html.as_ref());
            texts.extend(m.message_id.as_ref());
            texts.extend(m.in_reply_to.as_ref());
            texts.extend(&m.references);
            for t in texts {
                assert!(!t.contains('\0'), "NUL kept in {t:?}");
            }
            for mb in m.from.iter().chain(&m.to).chain(&m.cc) {
                assert!(
                    !mb.address.is_empty() && !mb.address.contains('\0'),
                    "{mb:?}"
                );
            }
            for a in &m.attachments {
                assert_eq!(a.sha256.len(), 64, "{a:?}");
            }
        }
    }
});
