//! The calendar feed over HTTP, on SQLite and PostgreSQL: a live token answers 200 with
//! `text/calendar` that an independent parser (the `ical` crate) reads, a client feed holds only
//! that client, and a revoked, unknown or malformed token answers 404.

#[expect(dead_code, reason = "this file uses part of the shared support")]
mod support;

use support::{client, start};

async fn feed_for(db: candor_testkit::TestDb) {
    let backend = db.backend;
    let s = start(db, false).await;
    let c = client();
    let all = s.app.create_calendar_feed("phone", None).await.unwrap();
    let fjord = s
        .app
        .create_calendar_feed("Fjordlys", Some("Fjordlys AS"))
        .await
        .unwrap();
    let get = |path: String| {
        let c = c.clone();
        let url = s.url(&path);
        async move { c.get(url).send().await.unwrap() }
    };
    let resp = get(format!("/calendar/{}.ics", all.token)).await;
    assert_eq!(resp.status(), 200, "{backend}");
    assert_eq!(
        resp.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let body = resp.text().await.unwrap();
    let cal = ical::IcalParser::new(std::io::BufReader::new(body.as_bytes()))
        .next()
        .expect("a calendar")
        .expect("valid iCalendar");
    let summaries: Vec<String> = cal
        .events
        .iter()
        .flat_map(|e| &e.properties)
        .filter(|p| p.name == "SUMMARY")
        .filter_map(|p| p.value.clone())
        .collect();
    let open = s
        .app
        .follow_ups(None)
        .await
        .unwrap()
        .iter()
        .filter(|f| f.follow_up.status == "open")
        .count();
    let follow_ups = summaries
        .iter()
        .filter(|t| t.starts_with("Follow up:"))
        .count();
    assert_eq!(follow_ups, open, "{backend}: {summaries:?}");
    assert!(summaries.iter().any(|t| t.starts_with("Weekly check-in:")));
    // A client's feed holds only that client.
    let body = get(format!("/calendar/{}.ics", fjord.token))
        .await
        .text()
        .await
        .unwrap();
    let cal = ical::IcalParser::new(std::io::BufReader::new(body.as_bytes()))
        .next()
        .unwrap()
        .unwrap();
    assert!(!cal.events.is_empty());
    for e in &cal.events {
        let summary = e.properties.iter().find(|p| p.name == "SUMMARY").unwrap();
        assert!(summary.value.as_deref().unwrap().contains("Fjordlys AS"));
    }
    // Revoked, unknown and malformed tokens: 404.
    s.app.revoke_calendar_feed(all.feed.id).await.unwrap();
    let unknown = "0".repeat(64);
    for path in [
        format!("/calendar/{}.ics", all.token),
        format!("/calendar/{unknown}.ics"),
        format!("/calendar/{}", fjord.token),
    ] {
        let resp = get(path.clone()).await;
        assert_eq!(resp.status(), 404, "{backend} {path}");
        let text = resp.text().await.unwrap();
        assert!(!text.contains("BEGIN:VCALENDAR"), "{path}");
    }
}

#[tokio::test]
async fn calendar_feed_sqlite() {
    feed_for(candor_testkit::sqlite()).await;
}

#[tokio::test]
async fn calendar_feed_postgres() {
    // Runs only when CANDOR_TEST_POSTGRES_URL names a server.
    if let Some(db) = candor_testkit::postgres() {
        feed_for(db).await;
    }
}
