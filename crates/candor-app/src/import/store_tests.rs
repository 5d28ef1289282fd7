//! The race between our dedupe check and our insert, played in that order on both backends.

use super::*;
use crate::ClientInput;
use candor_mail::{Location, RawMessage};

fn ready(message_id: &str, client_id: Id) -> Ready {
    let text = format!(
        "From: Ann <ann@acme.example>\r\nTo: us@team.example\r\nSubject: About {message_id}\r\n\
         Date: Tue, 3 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{message_id}@acme.example>\r\n\r\n\
         Where are we with the launch?\r\n"
    );
    let raw = RawMessage {
        location: Location::File(format!("{message_id}.eml").into()),
        bytes: text.into_bytes(),
        fallback_date: None,
    };
    Ready {
        source: format!("{message_id}.eml"),
        parsed: candor_mail::parse(&raw).expect("parses"),
        language: "en".into(),
        direction: Direction::In,
        client_id: Some(client_id),
    }
}

#[tokio::test]
async fn a_message_another_writer_stored_meanwhile_leaves_no_orphan_record_entry() {
    for db in candor_testkit::backends() {
        let app = App::open(&db.url).await.unwrap();
        let client = app
            .add_client(&ClientInput {
                name: "Acme".into(),
                language: "en".into(),
                country: "US".into(),
                time_zone: "America/New_York".into(),
                domains: vec!["acme.example".into()],
                ..Default::default()
            })
            .await
            .unwrap();
        let batch = ["race", "calm-1", "calm-2"]
            .map(|m| Prepared::Message(Box::new(ready(m, client.id))))
            .into();
        let mut s = ImportSummary::default();
        let mut tx = app.begin().await.unwrap();
        let fresh = dedupe(&mut tx, batch, &mut s).await.unwrap();
        assert_eq!(fresh.len(), 3, "{}: nothing stored yet", db.backend);
        // Another writer stores the first message now, after our check, before our insert.
        let (_, theirs) = new_mail(ready("race", client.id), &HashMap::new()).unwrap();
        let their_id = tx.insert_mail(&theirs).await.unwrap().unwrap();
        let rows = write_fresh(&mut tx, fresh, &mut s).await.unwrap();
        tx.commit().await.unwrap();

        assert_eq!((s.imported, s.duplicates), (2, 1), "{}", db.backend);
        let records = app.records(Some("Acme"), None, None).await.unwrap();
        assert_eq!(
            records.len(),
            2,
            "{}: one entry per stored message",
            db.backend
        );
        let mut tx = app.begin().await.unwrap();
        let mails = tx.mails_of(Some(client.id), 10).await.unwrap();
        let linked: Vec<Option<Id>> = mails
            .iter()
            .filter(|m| m.id != their_id)
            .map(|m| m.mail.record_id)
            .collect();
        let mut entry_ids: Vec<Option<Id>> = records.iter().map(|r| Some(r.id)).collect();
        entry_ids.sort();
        assert_eq!(
            linked, entry_ids,
            "{}: every entry has its message",
            db.backend
        );
        for r in &rows {
            let stored = tx.mail(r.id).await.unwrap();
            assert_eq!(stored.mail.record_id, r.mail.record_id, "{}", db.backend);
            let entry = tx.record(r.mail.record_id.unwrap()).await.unwrap();
            assert_eq!(entry.subject, stored.mail.subject, "{}", db.backend);
        }
        let chains = tx.verify_chains(Some(client.id)).await.unwrap();
        assert_eq!(chains.len(), 1, "{}", db.backend);
        assert_eq!(chains[0].entries, 2, "{}", db.backend);
        assert_eq!(chains[0].broken, None, "{}", db.backend);
        drop(tx);
        app.close().await;
    }
}

async fn client(app: &App, name: &str) -> Id {
    let input = ClientInput {
        name: name.into(),
        language: "en".into(),
        country: "US".into(),
        time_zone: "America/New_York".into(),
        ..Default::default()
    };
    app.add_client(&input).await.unwrap().id
}

#[tokio::test]
async fn entries_sealed_in_batches_chain_like_entries_sealed_one_by_one() {
    for db in candor_testkit::backends() {
        let app = App::open(&db.url).await.unwrap();
        let (a, b) = (client(&app, "A").await, client(&app, "B").await);
        let entry = |client_id: Id, i: usize| {
            let p = ready(&format!("m{i}"), client_id).parsed;
            record_entry(&p, client_id, Direction::In, p.date.unwrap(), "test").unwrap()
        };
        let mut tx = app.begin().await.unwrap();
        // A's chain already has an entry; B's starts in the batch.
        let first = tx.insert_record(&entry(a, 0)).await.unwrap().id;
        // More than two statements' worth, the clients interleaved.
        let batch: Vec<NewRecordEntry> = (1..=40)
            .map(|i| entry(if i % 3 == 0 { b } else { a }, i))
            .collect();
        let ids = tx.insert_records(&batch).await.unwrap();
        let last = tx.insert_record(&entry(b, 41)).await.unwrap().id;
        assert_eq!(ids.len(), batch.len(), "{}", db.backend);
        assert!(
            ids.iter().all(|&id| first < id && id < last),
            "{}",
            db.backend
        );
        for (e, id) in batch.iter().zip(&ids) {
            let stored = tx.record(*id).await.unwrap();
            assert_eq!(
                (stored.client_id, &stored.subject),
                (e.client_id, &e.subject)
            );
        }
        let chains = tx.verify_chains(None).await.unwrap();
        let counts: Vec<(Id, u64, bool)> = chains
            .iter()
            .map(|c| (c.client_id, c.entries, c.broken.is_none()))
            .collect();
        assert_eq!(counts, [(a, 28, true), (b, 14, true)], "{}", db.backend);
        drop(tx);
        app.close().await;
    }
}
