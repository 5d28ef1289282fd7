//! The settings page's message templates (every type in every language, an override marked as
//! such, a template's source shown escaped) and the outbox pages (a composed draft is listed,
//! discarding works, a viewer may not write), on SQLite and (when CANDOR_TEST_POSTGRES_URL is
//! set) PostgreSQL.

#[expect(
    dead_code,
    reason = "this test starts its server with start_with, not start"
)]
mod support;

use candor_app::ComposeRequest;
use candor_testkit::TestDb;
use support::Server;

/// A running server whose workspace has a templates folder overriding `nl/delay_email`.
struct Fixture {
    server: Server,
    templates_folder: tempfile::TempDir,
}

impl std::ops::Deref for Fixture {
    type Target = Server;

    fn deref(&self) -> &Server {
        &self.server
    }
}

async fn start(db: TestDb) -> Fixture {
    let templates = tempfile::tempdir().unwrap();
    let folder = templates.path().to_owned();
    let server = support::start_with(db, false, |app| {
        let builtin = app.message_template("nl", "delay_email").unwrap();
        assert!(!builtin.overridden);
        let dir = folder.join("nl/templates");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("delay_email.j2"),
            format!(
                "{{# house style <script>alert(1)</script> #}}\n{}",
                builtin.source
            ),
        )
        .unwrap();
        app.set_templates_dir(Some(folder.clone()));
    })
    .await;
    Fixture {
        server,
        templates_folder: templates,
    }
}

impl Fixture {
    async fn page(&self, c: &reqwest::Client, path: &str) -> String {
        let r = c.get(self.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 200, "GET {path}");
        r.text().await.unwrap()
    }
}

const TYPES: [&str; 10] = [
    "call_request",
    "call_script",
    "voicemail",
    "delay_email",
    "mistake_email",
    "walk_back_email",
    "follow_up_summary",
    "transition_checkin",
    "weekly_checkin",
    "retrospective_doc",
];

async fn templates_for(db: TestDb) {
    let s = start(db).await;
    for who in ["viewer@test.example", "member@test.example"] {
        let (c, _) = s.login(who).await;
        let html = s.page(&c, "/settings").await;
        for t in TYPES {
            for l in ["en", "nl", "nb", "bn"] {
                let want = if (l, t) == ("nl", "delay_email") {
                    "override"
                } else {
                    "builtin"
                };
                let cell = format!(r#"data-template="{l}/{t}" data-source="{want}""#);
                assert!(html.contains(&cell), "{who}: {cell} on the settings page");
            }
        }
        assert_eq!(html.matches("data-template=").count(), 40);
        assert!(html.contains("your own"), "the override is named as such");
    }
    let (c, _) = s.login("viewer@test.example").await;
    let own = s.page(&c, "/settings/templates/nl/delay_email").await;
    assert!(own.contains("house style"));
    assert!(own.contains("your own"));
    assert!(
        own.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "escaped: {own}"
    );
    assert!(
        !own.contains("<script>alert(1)"),
        "the source is not live markup"
    );
    let builtin = s.page(&c, "/settings/templates/en/delay_email").await;
    // minijinja escapes `/` in values as `&#x2f;`.
    assert!(builtin.contains("lang&#x2f;en&#x2f;templates&#x2f;delay_email.j2"));
    assert!(!builtin.contains("house style"));
    let r = c
        .get(s.url("/settings/templates/xx/delay_email"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422, "an unknown language is refused");
    // A folder the composer cannot use is reported; the rest of the settings page still works.
    std::fs::create_dir_all(s.templates_folder.path().join("xx/templates")).unwrap();
    let html = s.page(&c, "/settings").await;
    assert!(
        html.contains("The templates folder cannot be used"),
        "{html}"
    );
    assert!(html.contains("Test viewer"), "the page still shows you");
    std::fs::remove_dir_all(s.templates_folder.path().join("xx")).unwrap();
    // The web composer uses the same folder: a Dutch delay email now comes from the override.
    assert!(
        s.app
            .message_templates()
            .unwrap()
            .iter()
            .filter(|m| m.overridden)
            .map(|m| (m.lang, m.message_type))
            .eq([("nl", "delay_email")])
    );
}

async fn outbox_for(db: TestDb) {
    let s = start(db).await;
    let out = s
        .app
        .compose(&ComposeRequest {
            message_type: "weekly_checkin".into(),
            project: Some("Bookingløsning".into()),
            save: true,
            ..Default::default()
        })
        .await
        .unwrap();
    let m = out.outbox.expect("a saved email goes to the outbox");
    let (viewer, viewer_csrf) = s.login("viewer@test.example").await;
    let list = s.page(&viewer, "/outbox").await;
    assert!(
        list.contains(&format!(r#"href="/outbox/{}""#, m.id)),
        "{list}"
    );
    let drafts = s.page(&viewer, "/outbox?status=draft").await;
    assert!(drafts.contains(&format!(r#"id="outbox-{}""#, m.id)));
    let shown = s.page(&viewer, &format!("/outbox/{}", m.id)).await;
    assert!(shown.contains("Message-ID: &lt;") || shown.contains("Message-ID:"));
    assert!(shown.contains(&m.recipients[0]));
    assert!(
        !shown.contains(&format!(r#"action="/outbox/{}/send""#, m.id)),
        "a viewer gets no send button"
    );
    for action in ["send", "discard"] {
        let r = viewer
            .post(s.url(&format!("/outbox/{}/{action}", m.id)))
            .form(&[("csrf", viewer_csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "viewer {action}");
    }
    assert_eq!(s.app.outbox_message(m.id).await.unwrap().status, "draft");

    let (member, csrf) = s.login("member@test.example").await;
    let shown = s.page(&member, &format!("/outbox/{}", m.id)).await;
    assert!(shown.contains(&format!(r#"action="/outbox/{}/discard""#, m.id)));
    let r = member
        .post(s.url(&format!("/outbox/{}/discard", m.id)))
        .form(&[("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "discard needs the CSRF token");
    let r = member
        .post(s.url(&format!("/outbox/{}/discard", m.id)))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        s.app.outbox_message(m.id).await.unwrap().status,
        "discarded"
    );
    let shown = s.page(&member, &format!("/outbox/{}", m.id)).await;
    assert!(shown.contains("The draft was discarded."));
    assert!(!shown.contains(&format!(r#"action="/outbox/{}/send""#, m.id)));
    let drafts = s.page(&member, "/outbox?status=draft").await;
    assert!(!drafts.contains(&format!(r#"id="outbox-{}""#, m.id)));
    let discarded = s.page(&member, "/outbox?status=discarded").await;
    assert!(discarded.contains(&format!(r#"id="outbox-{}""#, m.id)));
}

/// Sending with no SMTP server configured keeps the draft and says why on the message page.
async fn send_failure_for(db: TestDb) {
    let s = start(db).await;
    let m = s
        .app
        .outbox_add(&candor_app::OutboxInput {
            client: s.app.clients().await.unwrap()[0].id.to_string(),
            to: vec!["someone@client.example".into()],
            subject: "Not today".into(),
            body: "Hello.".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let (member, csrf) = s.login("member@test.example").await;
    let r = member
        .post(s.url(&format!("/outbox/{}/send", m.id)))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let shown = s.page(&member, &format!("/outbox/{}", m.id)).await;
    assert!(shown.contains("The message was not sent."), "{shown}");
    assert!(shown.contains("CANDOR_SMTP_HOST"), "the reason is shown");
    assert_eq!(s.app.outbox_message(m.id).await.unwrap().status, "draft");
}

#[tokio::test]
async fn templates_sqlite() {
    templates_for(candor_testkit::sqlite()).await;
}

#[tokio::test]
async fn templates_postgres() {
    // Runs only when CANDOR_TEST_POSTGRES_URL names a server.
    if let Some(db) = candor_testkit::postgres() {
        templates_for(db).await;
    }
}

#[tokio::test]
async fn outbox_sqlite() {
    outbox_for(candor_testkit::sqlite()).await;
}

#[tokio::test]
async fn outbox_postgres() {
    if let Some(db) = candor_testkit::postgres() {
        outbox_for(db).await;
    }
}

#[tokio::test]
async fn send_failure_keeps_the_draft_sqlite() {
    send_failure_for(candor_testkit::sqlite()).await;
}

#[tokio::test]
async fn send_failure_keeps_the_draft_postgres() {
    if let Some(db) = candor_testkit::postgres() {
        send_failure_for(db).await;
    }
}
