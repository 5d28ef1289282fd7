//! The tamper-evident record on SQLite and (when configured) PostgreSQL: an edit made behind
//! candor's back through SQL is caught and named, corrections are new entries, legacy rows are
//! sealed once, and export → import keeps and checks the chain.

use candor_app::{App, AppError, ClientInput, RecordInput};
use candor_testkit::{TestDb, backends};

async fn open(db: &TestDb) -> App {
    let mut app = App::open(&db.url).await.expect("open");
    app.set_today("2026-11-25".parse().unwrap());
    app
}

async fn sql(app: &App, statement: &str) {
    let mut tx = app.store().begin().await.unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(statement.to_owned()))
        .execute(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn seeded(db: &TestDb) -> (App, Vec<i64>) {
    let app = open(db).await;
    for (name, domain) in [("Acme", "acme.nl"), ("Fjordlys", "fjordlys.no")] {
        app.add_client(&ClientInput {
            name: name.into(),
            language: "nl".into(),
            country: "NL".into(),
            time_zone: "Europe/Amsterdam".into(),
            domains: vec![domain.into()],
            ..Default::default()
        })
        .await
        .unwrap();
    }
    let mut ids = Vec::new();
    for (client, subject) in [
        ("Acme", "één"),
        ("Fjordlys", "x"),
        ("Acme", "twee"),
        ("Acme", "drie"),
    ] {
        let e = app.add_record(&rec(client, subject)).await.unwrap();
        ids.push(e.id);
    }
    (app, ids)
}

fn rec(client: &str, subject: &str) -> RecordInput {
    RecordInput {
        client: client.into(),
        kind: "call".into(),
        at: Some("2026-11-20T15:00:00Z".into()),
        author: "Maya".into(),
        participants: vec!["Maya".into(), "Sanne".into()],
        subject: subject.into(),
        body: "Besproken: planning\n\"citaat\"".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn chain_links_each_clients_entries_and_verifies() {
    for db in backends() {
        let (app, ids) = seeded(&db).await;
        let first = app.record_entry(ids[0]).await.unwrap();
        let second = app.record_entry(ids[2]).await.unwrap();
        assert_eq!(first.prev_hash, "0".repeat(64), "{}", db.backend);
        assert_eq!(second.prev_hash, first.hash, "{}", db.backend);
        let other = app.record_entry(ids[1]).await.unwrap();
        assert_eq!(other.prev_hash, "0".repeat(64), "per-client chains");
        let chains = app.verify_records(None).await.unwrap();
        assert_eq!(chains.len(), 2);
        assert!(chains.iter().all(|c| c.broken.is_none()), "{chains:?}");
        let acme = app.verify_records(Some("Acme")).await.unwrap();
        assert_eq!(acme[0].entries, 3);
        let third = app.record_entry(ids[3]).await.unwrap();
        assert_eq!(acme[0].head, third.hash);
    }
}

#[tokio::test]
async fn an_sql_edit_is_caught_and_named() {
    for db in backends() {
        let (app, ids) = seeded(&db).await;
        sql(
            &app,
            &format!(
                "UPDATE record_entries SET body = 'Nothing was said' WHERE id = {}",
                ids[2]
            ),
        )
        .await;
        let chains = app.verify_records(Some("Acme")).await.unwrap();
        let b = chains[0].broken.as_ref().expect("edit caught");
        assert_eq!(b.entry_id, ids[2], "{}", db.backend);
        assert!(
            b.reason.contains("changed after it was written"),
            "{}",
            b.reason
        );
        // The other client's chain is untouched.
        let other = app.verify_records(Some("Fjordlys")).await.unwrap();
        assert!(other[0].broken.is_none());
    }
}

#[tokio::test]
async fn a_deleted_middle_entry_and_a_resealed_entry_are_caught() {
    for db in backends() {
        let (app, ids) = seeded(&db).await;
        sql(
            &app,
            &format!("DELETE FROM record_entries WHERE id = {}", ids[2]),
        )
        .await;
        let b = app.verify_records(Some("Acme")).await.unwrap()[0]
            .broken
            .clone()
            .unwrap();
        assert_eq!(b.entry_id, ids[3], "{}", db.backend);
        assert!(b.reason.contains("removed"), "{}", b.reason);

        let db2 = db_again(&db);
        let (app, ids) = seeded(&db2).await;
        // Re-hashing an edited entry alone still breaks the next link.
        let edited = app.record_entry(ids[0]).await.unwrap();
        sql(
            &app,
            &format!(
                "UPDATE record_entries SET hash = '{}' WHERE id = {}",
                "f".repeat(64),
                edited.entry.id
            ),
        )
        .await;
        let b = app.verify_records(Some("Acme")).await.unwrap()[0]
            .broken
            .clone()
            .unwrap();
        assert_eq!(b.entry_id, ids[0]);
    }
}

fn db_again(db: &TestDb) -> TestDb {
    if db.backend == "sqlite" {
        candor_testkit::sqlite()
    } else {
        candor_testkit::postgres().expect("postgres configured")
    }
}

#[tokio::test]
async fn corrections_are_new_entries_that_name_the_old_one() {
    for db in backends() {
        let (app, ids) = seeded(&db).await;
        let before = app.record_entry(ids[2]).await.unwrap();
        let mut fix = rec("Acme", "twee (correctie)");
        fix.body = "De datum was 3 december, niet 2 december.".into();
        let c = app.add_correction(ids[2], &fix).await.unwrap();
        assert_eq!(c.corrects, Some(ids[2]));
        assert!(c.entry.id > ids[3]);
        assert_eq!(
            app.record_entry(ids[2]).await.unwrap(),
            before,
            "old entry unchanged"
        );
        assert!(
            app.verify_records(None)
                .await
                .unwrap()
                .iter()
                .all(|s| s.broken.is_none())
        );
        let cross = app
            .add_correction(ids[1], &rec("Acme", "wrong client"))
            .await
            .unwrap_err();
        assert!(matches!(cross, AppError::Conflict(_)), "{cross}");
        let missing = app
            .add_correction(9999, &rec("Acme", "nothing"))
            .await
            .unwrap_err();
        assert!(matches!(missing, AppError::NotFound { .. }), "{missing}");
    }
}

#[tokio::test]
async fn legacy_rows_are_sealed_once_on_open() {
    for db in backends() {
        let (app, ids) = seeded(&db).await;
        let sealed = app.record_entry(ids[3]).await.unwrap();
        // Pretend these rows predate migration 0008: no hashes, and the marker row it leaves.
        sql(&app, "UPDATE record_entries SET prev_hash = '', hash = ''").await;
        sql(
            &app,
            "INSERT INTO record_seal_backfill (pending) VALUES (1)",
        )
        .await;
        app.close().await;
        let app = open(&db).await;
        assert_eq!(
            app.record_entry(ids[3]).await.unwrap(),
            sealed,
            "{}",
            db.backend
        );
        // The marker is gone: blanking a hash later is reported, not silently re-sealed.
        sql(
            &app,
            &format!("UPDATE record_entries SET hash = '' WHERE id = {}", ids[1]),
        )
        .await;
        app.close().await;
        let app = open(&db).await;
        let b = app.verify_records(Some("Fjordlys")).await.unwrap()[0]
            .broken
            .clone()
            .unwrap();
        assert_eq!(b.entry_id, ids[1]);
    }
}

#[tokio::test]
async fn export_carries_the_chain_and_import_checks_it() {
    for db in backends() {
        let (app, ids) = seeded(&db).await;
        app.add_correction(ids[0], &rec("Acme", "fix"))
            .await
            .unwrap();
        let text = app.export_json().await.unwrap();
        let head = app.record_entry(ids[3]).await.unwrap().hash;
        assert!(
            text.contains(&format!("\"hash\": \"{head}\"")),
            "hashes exported"
        );
        assert!(text.contains(&format!("\"corrects\": {}", ids[0])));
        let target_db = candor_testkit::sqlite();
        let target = open(&target_db).await;
        target.import_json(&text, "export.json").await.unwrap();
        assert_eq!(target.export_json().await.unwrap(), text);
        let tampered = text.replacen("\"subject\": \"twee\"", "\"subject\": \"twee!\"", 1);
        assert_ne!(tampered, text);
        let fresh_db = candor_testkit::sqlite();
        let fresh = open(&fresh_db).await;
        let e = fresh
            .import_json(&tampered, "tampered.json")
            .await
            .unwrap_err();
        assert_eq!(e.exit_code(), 2, "{e}");
        let msg = e.to_string();
        assert!(
            msg.contains("tampered.json") && msg.contains(&format!("entry {}", ids[2])),
            "{msg}"
        );
        assert!(
            fresh.clients().await.unwrap().is_empty(),
            "nothing restored"
        );
    }
}
