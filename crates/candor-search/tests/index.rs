//! The index end to end: hand-written messages in en, nl, nb and bn (written by the team,
//! not real mail), every query operator, the sequence-number payload, and reopening.

use candor_search::{MailDoc, Query, STORED_BODY_BYTES, SearchIndex};

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

#[test]
fn long_bodies_are_found_in_full_and_snippets_come_from_their_start() {
    let index = SearchIndex::in_memory().unwrap();
    let filler = "Status of the weekly build and nothing else to say here. ".repeat(80);
    assert!(filler.len() > STORED_BODY_BYTES);
    let mut d = doc(
        1,
        "2026-01-10T09:00:00Z",
        None,
        "Ana <ana@studio.example>",
        "",
        &format!(
            "Early words. {} The invoices are due. {filler}The contract renewal comes late.",
            &filler[..1500]
        ),
        "en",
    );
    let mut batch = index.batch().unwrap();
    batch.upsert(&d).unwrap();
    d.mail_id = 2;
    d.body = format!("{filler}Nothing on renewals up front.");
    batch.upsert(&d).unwrap();
    batch.commit(2).unwrap();
    // A word past the stored start is still indexed; the snippet is the start of the body.
    let hits = index
        .search(&Query::parse("contract").unwrap(), None, 10)
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].snippet.starts_with("Early words. Status"),
        "{:?}",
        hits[0].snippet
    );
    // A word in the stored start is highlighted there, stemmed by the message's language
    // (an empty subject still tells which analyzer the body had).
    let hits = index
        .search(&Query::parse("invoice").unwrap(), None, 10)
        .unwrap();
    assert_eq!(hits.len(), 1);
    let snippet = &hits[0].snippet;
    assert!(
        snippet.contains("invoices are due") && !snippet.starts_with("Early"),
        "{snippet:?}"
    );
    assert_eq!(ids(&index, "renewal", None), [1, 2]);
}

#[test]
fn an_index_of_an_earlier_version_is_made_anew() {
    use tantivy::schema::{INDEXED, STORED, Schema, TEXT};
    let dir = tempfile::tempdir().unwrap();
    {
        let mut b = Schema::builder();
        b.add_u64_field("mail_id", INDEXED | STORED);
        b.add_i64_field("date", INDEXED | STORED);
        b.add_text_field("body_plain", TEXT | STORED);
        b.add_text_field("body_en", TEXT | STORED);
        let old = tantivy::Index::create_in_dir(dir.path(), b.build()).unwrap();
        let mut w: tantivy::IndexWriter = old.writer(15_000_000).unwrap();
        w.add_document(tantivy::doc!()).unwrap();
        let mut p = w.prepare_commit().unwrap();
        p.set_payload("7");
        p.commit().unwrap();
    }
    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.indexed_seq().unwrap(), 0, "caught up from the start");
    assert!(index.is_empty());
    let mut batch = index.batch().unwrap();
    for d in fixtures() {
        batch.upsert(&d).unwrap();
    }
    batch.commit(4).unwrap();
    assert_eq!(ids(&index, "delivered", None), [2]);
}

#[test]
fn a_batch_in_the_background_commits_in_order_and_finish_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    // A queue of one: the caller waits on every change, including while a commit runs.
    let mut batch = index
        .batch_single_thread()
        .unwrap()
        .in_background(1)
        .unwrap();
    let mut docs = fixtures().into_iter();
    batch.add_new(docs.next().unwrap()).unwrap();
    batch.add_new(docs.next().unwrap()).unwrap();
    batch.commit(2).unwrap();
    // An upsert replaces the earlier version of message 2.
    let mut again = fixtures().remove(1);
    again.body = "We will now ship the mobile app on 2 May.".into();
    batch.upsert(again).unwrap();
    for d in docs {
        batch.add_new(d).unwrap();
    }
    batch.commit(9).unwrap();
    // Queued after the last commit: dropped by finish, as with a batch on the caller's thread.
    batch
        .add_new(doc(
            5,
            "2026-04-01T09:00:00Z",
            None,
            "x@y.z",
            "late",
            "never seen",
            "en",
        ))
        .unwrap();
    batch.finish().unwrap();

    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.indexed_seq().unwrap(), 9);
    assert_eq!(index.len(), 4);
    assert_eq!(ids(&index, "ship", None), [2]);
    assert_eq!(
        ids(&index, "\"deliver the mobile app\"", None),
        Vec::<u64>::new()
    );
    assert_eq!(ids(&index, "পাঠাব", None), [4]);
    assert_eq!(ids(&index, "never", None), Vec::<u64>::new());
}

#[test]
fn a_failing_background_batch_reports_the_error_and_leaves_the_last_commit() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    let mut batch = index
        .batch_single_thread()
        .unwrap()
        .in_background(4)
        .unwrap();
    batch.add_new(fixtures().remove(0)).unwrap();
    batch.commit(1).unwrap();
    batch.finish().unwrap();
    // The index folder goes away under the next writer: its commit cannot be written.
    let mut batch = index
        .batch_single_thread()
        .unwrap()
        .in_background(4)
        .unwrap();
    batch.add_new(fixtures().remove(1)).unwrap();
    let moved = dir.path().with_extension("moved");
    std::fs::rename(dir.path(), &moved).unwrap();
    let mut failed = batch.commit(2).err();
    for d in fixtures() {
        if failed.is_some() {
            break;
        }
        failed = batch.add_new(d).err();
    }
    let error = match failed {
        Some(e) => e,
        None => batch
            .finish()
            .expect_err("the commit into a missing folder must fail"),
    };
    assert!(error.to_string().contains("search index at"), "{error}");
    std::fs::rename(&moved, dir.path()).unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.indexed_seq().unwrap(), 1, "the first commit stays");
    assert_eq!(index.len(), 1);
}
