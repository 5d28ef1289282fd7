//! The outbox against a real SMTP conversation: a small SMTP server started by the test on a
//! random port records what arrives, and the test compares it byte for byte with the stored
//! `.eml`; a refused recipient keeps the draft and reports the server's answer.

use candor_app::{App, ClientInput, ContactInput, OutboxInput, Security, SmtpSettings, TeamInput};
use candor_testkit::smtp::sink;
use candor_testkit::{TestDb, backends};

fn smtp(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::None,
        user: None,
        password: None,
    }
}

async fn workspace(db: &TestDb) -> App {
    let mut app = App::open(&db.url).await.unwrap();
    app.set_today("2026-11-25".parse().unwrap());
    app.add_team_member(&TeamInput {
        name: "Maya Jensen".into(),
        email: "maya@studio.example".into(),
        role: "account manager".into(),
    })
    .await
    .unwrap();
    app.add_client(&ClientInput {
        name: "Fjordlys AS".into(),
        language: "nb".into(),
        country: "NO".into(),
        time_zone: "Europe/Oslo".into(),
        domains: vec!["fjordlys.no".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    app.add_contact(&ContactInput {
        client: "Fjordlys AS".into(),
        name: "Ingrid Haugen".into(),
        email: Some("ingrid@fjordlys.no".into()),
        ..Default::default()
    })
    .await
    .unwrap();
    app
}

fn draft() -> OutboxInput {
    OutboxInput {
        client: "Fjordlys AS".into(),
        subject: "Status på nettbutikken".into(),
        body: "Hei Ingrid,\n\nVi sender neste oppdatering 4. desember.\n.\nHilsen Maya".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_sent_draft_arrives_byte_for_byte_and_enters_the_record() {
    for db in backends() {
        let app = workspace(&db).await;
        let m = app.outbox_add(&draft()).await.unwrap();
        assert_eq!(m.recipients, ["ingrid@fjordlys.no"]);
        assert!(
            m.eml.contains("\r\nSubject: =?utf-8?"),
            "encoded subject: {}",
            m.eml
        );
        let (port, got) = sink(false);
        let sent = app.outbox_send(m.id, &smtp(port), false).await.unwrap();
        let got = got.lock().unwrap().clone();
        assert_eq!(got.len(), 1, "{}", db.backend);
        eprintln!(
            "the SMTP server received ({}):\n{}",
            db.backend,
            String::from_utf8_lossy(&got[0].data)
        );
        assert_eq!(got[0].data, m.eml.as_bytes(), "byte for byte");
        assert_eq!(got[0].mail_from, "<maya@studio.example>");
        assert_eq!(got[0].rcpt_to, ["<ingrid@fjordlys.no>"]);
        assert_eq!(sent.status, "sent");
        let rid = sent.record_id.expect("record entry");
        let e = app.record_entry(rid).await.unwrap();
        assert_eq!(
            (e.entry.kind.as_str(), e.entry.direction.as_str()),
            ("email", "out")
        );
        assert_eq!(e.entry.source, format!("message-id:<{}>", m.message_id));
        assert_eq!(e.entry.body, draft().body);
        assert!(
            app.verify_records(None)
                .await
                .unwrap()
                .iter()
                .all(|c| c.broken.is_none())
        );
        let again = app.outbox_send(m.id, &smtp(port), false).await.unwrap_err();
        assert_eq!(again.exit_code(), 2, "{again}");
    }
}

#[tokio::test]
async fn a_refused_send_keeps_the_draft_and_reports_the_answer() {
    for db in backends() {
        let app = workspace(&db).await;
        let m = app.outbox_add(&draft()).await.unwrap();
        let (port, got) = sink(true);
        let e = app.outbox_send(m.id, &smtp(port), false).await.unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("mailbox unavailable") && msg.contains("kept"),
            "{msg}"
        );
        assert!(got.lock().unwrap().is_empty());
        let kept = app.outbox_message(m.id).await.unwrap();
        assert_eq!(kept.status, "draft", "{}", db.backend);
        assert!(kept.last_error.unwrap().contains("mailbox unavailable"));
        assert!(app.records(None, None, None).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_draft_being_sent_is_not_sent_twice_and_an_interrupted_send_can_be_resumed() {
    for db in backends() {
        let app = workspace(&db).await;
        let m = app.outbox_add(&draft()).await.unwrap();
        let (port, got) = sink(false);
        // Another process claimed it and died before the database heard back.
        {
            let pool = candor_store::Store::open(&db.url).await.unwrap();
            let mut tx = pool.begin().await.unwrap();
            tx.claim_outbox(m.id, false).await.unwrap();
            tx.commit().await.unwrap();
            pool.close().await;
        }
        let e = app.outbox_send(m.id, &smtp(port), false).await.unwrap_err();
        assert_eq!(e.exit_code(), 2, "{e}");
        assert!(e.to_string().contains("--interrupted"), "{e}");
        assert!(got.lock().unwrap().is_empty(), "nothing went out twice");
        assert_eq!(app.outbox_list(Some("sending")).await.unwrap().len(), 1);
        // The user checked and resends it on purpose.
        let sent = app.outbox_send(m.id, &smtp(port), true).await.unwrap();
        assert_eq!(sent.status, "sent", "{}", db.backend);
        assert_eq!(got.lock().unwrap().len(), 1);
    }
}

#[test]
fn settings_come_from_variables_and_never_show_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pw");
    std::fs::write(&file, "s3cret-from-file\n").unwrap();
    let path = file.display().to_string();
    let vars = |k: &str| match k {
        "CANDOR_SMTP_HOST" => Some("smtp.example.net".to_owned()),
        "CANDOR_SMTP_SECURITY" => Some("tls".to_owned()),
        "CANDOR_SMTP_USER" => Some("maya".to_owned()),
        "CANDOR_SMTP_PASSWORD_FILE" => Some(path.clone()),
        _ => None,
    };
    let s = SmtpSettings::from_vars(vars).unwrap();
    assert_eq!((s.port, s.security), (465, Security::Tls));
    assert_eq!(s.password.as_deref(), Some("s3cret-from-file"));
    assert!(!format!("{s:?}").contains("s3cret"), "{s:?}");
    let bad = SmtpSettings::from_vars(|k| match k {
        "CANDOR_SMTP_HOST" => Some("h".into()),
        "CANDOR_SMTP_SECURITY" => Some("ssl3".into()),
        _ => None,
    })
    .unwrap_err();
    assert!(bad.to_string().contains("starttls, tls or none"), "{bad}");
}
