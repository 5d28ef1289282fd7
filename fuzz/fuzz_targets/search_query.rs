//! Fuzzes mail search on arbitrary UTF-8: the query parser (`candor search QUERY`) must never
//! panic and either parse or say what is wrong; a parsed query must run against an index
//! without panicking and return at most `limit` hits; and the Bengali-aware tokenizer must
//! yield words inside the text, on char boundaries, in order. The input is also indexed text's
//! stand-in: the tokenizer sees it as a message body would be seen.
#![no_main]

use candor_search::{MailDoc, Query, SearchIndex, WordTokenizer};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tantivy::tokenizer::{TokenStream, Tokenizer};

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = SearchIndex::in_memory().expect("in-memory index");
        let docs = [
            (
                "en",
                "Delay of the mobile app",
                "We will deliver the mobile app by 1 May. Sorry for the delay.",
            ),
            (
                "nl",
                "Vertraging",
                "Wij zorgen dat de levering vrijdag binnen is. Excuses voor het ongemak.",
            ),
            (
                "nb",
                "Forsinkelse",
                "Vi skal levere appen innen fredag. Beklager forsinkelsen.",
            ),
            ("bn", "বিলম্ব", "আমরা শুক্রবারের মধ্যে খসড়া পাঠাব। দেরির জন্য দুঃখিত।"),
        ];
        let mut batch = index.batch_single_thread().expect("batch");
        for (i, (lang, subject, body)) in docs.into_iter().enumerate() {
            let doc = MailDoc {
                mail_id: i as u64 + 1,
                record_id: Some(i as u64 + 1),
                message_id: format!("m{i}@example.com"),
                date: jiff::Timestamp::from_second(1_700_000_000 + i as i64 * 86_400).unwrap(),
                client_id: (i % 2 == 0).then_some(7),
                from: format!("Ola Nordmann <ola{i}@example.com>"),
                to: "Kari <kari@client.example>".into(),
                subject: subject.into(),
                body: body.into(),
                lang: lang.into(),
            };
            batch.add_new(&doc).expect("add");
        }
        batch.commit(1).expect("commit");
        batch.finish().expect("finish");
        index
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut tokenizer = WordTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    let mut last_end = 0;
    while stream.advance() {
        let t = stream.token();
        assert!(
            t.offset_from >= last_end && t.offset_from < t.offset_to && t.offset_to <= text.len()
        );
        assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
        last_end = t.offset_to;
    }
    match Query::parse(text) {
        Err(e) => assert!(!e.reason.trim().is_empty(), "an error without a reason"),
        Ok(q) => {
            for client in [None, Some(7)] {
                let hits = index().search(&q, client, 3).expect("a parsed query runs");
                assert!(hits.len() <= 3, "{} hits over the limit", hits.len());
            }
        }
    }
});
