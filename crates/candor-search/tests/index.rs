//! The index end to end: hand-written messages in en, nl, nb and bn (written by the team,
//! not real mail), every query operator, the sequence-number payload, and reopening.

use candor_search::{MailDoc, Query, SearchIndex};

fn doc(
    id: u64,
    date: &str,
    client: Option<u64>,
    from: &str,
    subject: &str,
    body: &str,
    lang: &str,
) -> MailDoc {
    MailDoc {
        mail_id: id,
        record_id: client.map(|_| id + 100),
        message_id: format!("m{id}@example.com"),
        date: date.parse().unwrap(),
        client_id: client,
        from: from.into(),
        to: "Team <team@studio.example>".into(),
        subject: subject.into(),
        body: body.into(),
        lang: lang.into(),
    }
}

fn fixtures() -> Vec<MailDoc> {
    vec![
        doc(
            1,
            "2026-01-10T09:00:00Z",
            Some(7),
            "Joost <joost@klant.nl>",
            "Planning",
            "Wij zorgen dat de leveringen op tijd komen. Tot morgen in het café.",
            "nl",
        ),
        doc(
            2,
            "2026-02-03T09:00:00Z",
            Some(7),
            "Ana <ana@studio.example>",
            "Mobile app",
            "We will deliver the mobile app by 1 May. Delivering is our job.",
            "en",
        ),
        doc(
            3,
            "2026-03-01T09:00:00Z",
            Some(8),
            "Kari <kari@kunde.no>",
            "Leveranse",
            "Vi skal levere leveransene innen fredag.",
            "nb",
        ),
        doc(
            4,
            "2026-03-05T09:00:00Z",
            None,
            "রহিম <rahim@example.com.bd>",
            "বন্ধু",
            "আমরা আগামী সপ্তাহে খসড়া পাঠাব।",
            "bn",
        ),
    ]
}

fn ids(index: &SearchIndex, q: &str, client: Option<u64>) -> Vec<u64> {
    let mut v: Vec<u64> = index
        .search(&Query::parse(q).unwrap(), client, 10)
        .unwrap()
        .iter()
        .map(|h| h.mail_id)
        .collect();
    v.sort();
    v
}

fn filled() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    let mut batch = index.batch().unwrap();
    for d in fixtures() {
        batch.upsert(&d).unwrap();
    }
    batch.commit(4).unwrap();
    index
}

#[test]
fn stemming_follows_each_message_language() {
    let index = filled();
    assert_eq!(ids(&index, "delivered", None), [2]);
    assert_eq!(ids(&index, "levering", None), [1]);
    assert_eq!(ids(&index, "leveranse", None), [3]);
}

#[test]
fn bengali_words_are_found_whole_and_not_by_fragments() {
    let index = filled();
    assert_eq!(ids(&index, "পাঠাব", None), [4]);
    assert_eq!(ids(&index, "বন্ধু", None), [4]);
    // The fragment a stock tokeniser would produce must not match.
    assert!(ids(&index, "বন", None).is_empty());
    // NFC: a decomposed query finds composed text (and the other way round).
    assert_eq!(ids(&index, "cafe\u{301}", None), [1]);
}

#[test]
fn operators_filter() {
    let index = filled();
    assert_eq!(ids(&index, "from:joost@klant.nl", None), [1]);
    assert_eq!(ids(&index, "from:kari", None), [3]);
    assert_eq!(ids(&index, "to:team@studio.example", None), [1, 2, 3, 4]);
    assert_eq!(
        ids(&index, "after:2026-02-01 before:2026-03-02", None),
        [2, 3]
    );
    assert_eq!(ids(&index, "", Some(7)), [1, 2]);
    assert_eq!(ids(&index, "", Some(0)), [4], "unassigned mail is client 0");
    assert!(
        ids(&index, "\"app mobile\"", None).is_empty(),
        "phrases keep their order"
    );
    let hits = index
        .search(&Query::parse("deliver").unwrap(), None, 10)
        .unwrap();
    assert!(hits[0].snippet.contains("deliver"), "{:?}", hits[0]);
    assert_eq!(hits[0].subject, "Mobile app");
    assert!(hits[0].score > 0.0);
}

#[test]
fn sequence_number_survives_reopen_and_upsert_replaces() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(index.indexed_seq().unwrap(), 0);
        let mut batch = index.batch().unwrap();
        for d in fixtures() {
            batch.upsert(&d).unwrap();
        }
        batch.commit(42).unwrap();
    }
    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.indexed_seq().unwrap(), 42);
    assert_eq!(index.len(), 4);
    let mut moved = fixtures().remove(3);
    moved.client_id = Some(9);
    let mut batch = index.batch().unwrap();
    batch.upsert(&moved).unwrap();
    batch.commit(43).unwrap();
    assert_eq!(index.len(), 4);
    assert_eq!(ids(&index, "", Some(9)), [4]);
    assert!(ids(&index, "", Some(0)).is_empty());
}

#[test]
fn hits_carry_the_record_id_only_when_assigned() {
    let index = filled();
    let hits = index.search(&Query::parse("").unwrap(), None, 10).unwrap();
    assert_eq!(hits.len(), 4);
    assert_eq!(hits[0].mail_id, 4, "filter-only queries list newest first");
    assert_eq!(hits[0].record_id, None);
    assert_eq!(hits[1].record_id, Some(103));
}
