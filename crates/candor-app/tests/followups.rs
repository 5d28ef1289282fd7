//! Follow-ups on SQLite and (when configured) PostgreSQL: business-day due dates over holidays,
//! `due` with lateness, the playbook's call-back and call-summary follow-ups, and a promised
//! update in a sent email.

use candor_app::followups::sync_incident;
use candor_app::{App, ClientInput, FollowUpInput, OpenIncidentInput, RecordInput};
use candor_core::playbook::{ContactAttempt, ContactKind};
use candor_testkit::{TestDb, backends};

async fn open(db: &TestDb, today: &str) -> App {
    let mut app = App::open(&db.url).await.expect("open");
    app.set_today(today.parse().unwrap());
    app.add_client(&ClientInput {
        name: "Acme".into(),
        language: "en".into(),
        country: "NL".into(),
        time_zone: "Europe/Amsterdam".into(),
        domains: vec!["acme.nl".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    app
}

fn manual(title: &str, due: Option<&str>, n: Option<u32>) -> FollowUpInput {
    FollowUpInput {
        client: "Acme".into(),
        title: title.into(),
        due: due.map(Into::into),
        in_business_days: n,
        ..Default::default()
    }
}

#[tokio::test]
async fn business_days_skip_christmas_and_the_weekend() {
    for db in backends() {
        // Thursday 24 December 2026: 25 and 26 are Dutch holidays, 26–27 the weekend.
        let app = open(&db, "2026-12-24").await;
        let f = app
            .add_follow_up(&manual("Send plan", None, Some(1)))
            .await
            .unwrap();
        assert_eq!(f.due.to_string(), "2026-12-28", "{}", db.backend);
        let bad = app
            .add_follow_up(&manual("x", None, None))
            .await
            .unwrap_err();
        assert_eq!(bad.exit_code(), 2);
    }
}

#[tokio::test]
async fn due_lists_overdue_with_lateness_and_the_week() {
    for db in backends() {
        let app = open(&db, "2026-12-24").await;
        let late = app
            .add_follow_up(&manual("Late", Some("2026-12-21"), None))
            .await
            .unwrap();
        app.add_follow_up(&manual("Sunday", Some("2026-12-27"), None))
            .await
            .unwrap();
        app.add_follow_up(&manual("Next year", Some("2027-01-05"), None))
            .await
            .unwrap();
        let today = app.due(false).await.unwrap();
        assert_eq!(today.items.len(), 1, "{}", db.backend);
        assert_eq!(today.items[0].state, "overdue");
        // 22, 23 and 24 December are business days after the due date.
        assert_eq!(today.items[0].business_days_late, 3);
        let week = app.due(true).await.unwrap();
        assert_eq!(week.until.to_string(), "2026-12-27");
        let titles: Vec<&str> = week
            .items
            .iter()
            .map(|i| i.follow_up.title.as_str())
            .collect();
        assert_eq!(titles, ["Late", "Sunday"]);
        let done = app
            .complete_follow_up(late.id, Some("2026-12-23"))
            .await
            .unwrap();
        assert_eq!(done.status, "done");
        let all = app.follow_ups(None).await.unwrap();
        let item = all.iter().find(|i| i.follow_up.id == late.id).unwrap();
        assert_eq!(
            (item.state.as_str(), item.business_days_late),
            ("done_late", 2)
        );
        let again = app.complete_follow_up(late.id, None).await.unwrap_err();
        assert_eq!(again.exit_code(), 2, "{again}");
    }
}

fn attempt(kind: ContactKind, at: &str, record_id: i64) -> ContactAttempt {
    ContactAttempt {
        record_id: Some(record_id),
        kind,
        at: at.parse().unwrap(),
        outcome: "noted".into(),
        email_first_reason: None,
        call_planned_on: None,
    }
}

/// Feeds contacts to the incident one by one, as the incident use cases do after each save
/// (the playbook's gates before the contact step are the playbook's own tests' business).
async fn log(app: &App, id: i64, contacts: &[ContactAttempt]) {
    let mut tx = app.store().begin().await.unwrap();
    let mut i = tx.incident(id).await.unwrap();
    i.contacts.extend_from_slice(contacts);
    sync_incident(&mut tx, &i, app.today()).await.unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn playbook_contacts_create_and_close_follow_ups() {
    for db in backends() {
        let app = open(&db, "2026-11-27").await;
        let i = app
            .open_incident(&OpenIncidentInput {
                kind: "delay".into(),
                client: "Acme".into(),
                ..Default::default()
            })
            .await
            .unwrap();
        // Friday: a voicemail means calling back on Monday.
        let voicemail = attempt(ContactKind::VoicemailLeft, "2026-11-27T10:00:00Z", 1);
        log(&app, i.id, std::slice::from_ref(&voicemail)).await;
        let due = app.due(false).await.unwrap();
        assert!(due.items.is_empty(), "Monday is next week: {:?}", due.items);
        let all = app.follow_ups(None).await.unwrap();
        assert_eq!(all.len(), 1, "{}", db.backend);
        assert_eq!(all[0].follow_up.kind, "callback");
        assert_eq!(all[0].follow_up.due.to_string(), "2026-11-30");
        // Logging the same state again creates nothing new.
        log(&app, i.id, std::slice::from_ref(&voicemail)).await;
        assert_eq!(app.follow_ups(None).await.unwrap().len(), 1);
        // They pick up on Tuesday: the call-back was a business day late; the summary is due
        // the same day and the email that evening does it.
        let call = attempt(ContactKind::CallAnswered, "2026-12-01T09:00:00Z", 2);
        log(&app, i.id, &[voicemail.clone(), call.clone()]).await;
        let email = attempt(ContactKind::EmailSent, "2026-12-01T16:00:00Z", 3);
        log(&app, i.id, &[voicemail, call, email]).await;
        let all = app.follow_ups(None).await.unwrap();
        let kinds: Vec<(&str, &str, u32)> = all
            .iter()
            .map(|i| {
                (
                    i.follow_up.kind.as_str(),
                    i.state.as_str(),
                    i.business_days_late,
                )
            })
            .collect();
        // Told on Tuesday 1 December: the first transition check-in is due three business days
        // later (Friday 4 December); the email that evening does not count (same day).
        assert_eq!(
            kinds,
            [
                ("callback", "done_late", 1),
                ("call_summary", "done", 0),
                ("transition_checkin", "upcoming", 0)
            ],
            "{}",
            db.backend
        );
        let lateness = app.incident_lateness(i.id).await.unwrap();
        assert_eq!(
            (
                lateness.follow_ups,
                lateness.late,
                lateness.business_days_late
            ),
            (3, 1, 1)
        );
        assert_eq!(all[2].follow_up.due.to_string(), "2026-12-04");
    }
}

#[tokio::test]
async fn a_sent_email_promising_an_update_creates_the_follow_up() {
    for db in backends() {
        let app = open(&db, "2026-11-25").await;
        app.add_record(&RecordInput {
            client: "Acme".into(),
            kind: "email".into(),
            direction: Some("out".into()),
            at: Some("2026-11-25T10:00:00Z".into()),
            author: "Maya".into(),
            subject: "Status".into(),
            body: "Hello Sanne,\n\nWe will send you the next update on 4 December.\n\nMaya".into(),
            ..Default::default()
        })
        .await
        .unwrap();
        let all = app.follow_ups(Some("Acme")).await.unwrap();
        assert_eq!(all.len(), 1, "{}", db.backend);
        assert_eq!(all[0].follow_up.kind, "promised_update");
        assert_eq!(all[0].follow_up.due.to_string(), "2026-12-04");
        assert!(
            all[0].follow_up.title.contains("next update"),
            "{}",
            all[0].follow_up.title
        );
    }
}
