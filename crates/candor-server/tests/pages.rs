//! The composer, search and promises pages over HTTP, on SQLite and (when
//! CANDOR_TEST_POSTGRES_URL is set) PostgreSQL: a delay incident opened and prepared in the
//! web app gets a clean Dutch email, the live checker marks a bad sentence (htmx partial and
//! no-JavaScript page alike), imported mail is found, and a promise in it is confirmed.

mod support;

use candor_testkit::TestDb;
use support::{Server, start};

/// The text of a page, with its status.
async fn get(c: &reqwest::Client, s: &Server, path: &str) -> (u16, String) {
    let r = c.get(s.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// Posts a form; returns status, `Location` and body.
async fn post(
    c: &reqwest::Client,
    s: &Server,
    path: &str,
    form: &[(&str, &str)],
    htmx: bool,
) -> (u16, String, String) {
    let mut req = c.post(s.url(path)).form(form);
    if htmx {
        req = req.header("hx-request", "true");
    }
    let r = req.send().await.unwrap();
    let loc = r
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (r.status().as_u16(), loc, r.text().await.unwrap())
}

/// The text inside the first `<textarea id="{id}" …>…</textarea>`, unescaped enough for tests.
fn textarea(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("<textarea id=\"{id}\""))
        .expect("the textarea");
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest.find("</textarea>").unwrap();
    rest[start..end]
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn composer_for(db: TestDb) {
    let backend = db.backend;
    let s = start(db, false).await;
    let (c, csrf) = s.login("member@test.example").await;
    let client = s
        .app
        .clients()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Bakkerij Van Dijk")
        .unwrap();
    let project = s.app.projects(Some("Bakkerij Van Dijk")).await.unwrap()[0]
        .project
        .id;
    let (st, _) = get(&c, &s, "/incidents").await;
    assert_eq!(st, 200);
    let (st, loc, body) = post(
        &c,
        &s,
        "/incidents",
        &[
            ("csrf", &csrf),
            ("kind", "delay"),
            ("client", &client.id.to_string()),
            ("project", &project.to_string()),
            ("deadline", ""),
        ],
        false,
    )
    .await;
    assert_eq!(st, 303, "{backend}: {body}");
    let id: i64 = loc.trim_start_matches("/incidents/").parse().unwrap();
    let page = format!("/incidents/{id}");
    let (_, html) = get(&c, &s, &page).await;
    assert!(html.contains("Incident opened"), "{backend}: flash");
    assert!(
        html.contains("id=\"composer\""),
        "{backend}: composer section"
    );

    // Investigate, then prepare, through the incident form and the advance button.
    let set = |fields: Vec<(&'static str, &'static str)>| {
        let mut f = vec![("csrf", csrf.as_str())];
        f.extend(fields);
        f
    };
    let (st, _, _) = post(
        &c,
        &s,
        &format!("{page}/set"),
        &set(vec![(
            "cause",
            "The POS vendor changed its API without notice.",
        )]),
        false,
    )
    .await;
    assert_eq!(st, 303);
    post(&c, &s, &format!("{page}/advance"), &set(vec![]), false).await;
    let step = |d: candor_app::IncidentDetail| d.step.as_str().to_owned();
    assert_eq!(
        step(s.app.incident(id, candor_core::Language::En).await.unwrap()),
        "prepare",
        "{backend}"
    );
    let (st, _, body) = post(
        &c,
        &s,
        &format!("{page}/set"),
        &set(vec![
            ("new_date", "2027-01-15"),
            (
                "plan",
                "Een tweede ontwikkelaar werkt mee aan de koppeling.\nElke vrijdag sturen we een korte voortgangsupdate.",
            ),
            ("remedy", "future-discount:10%"),
            ("team", "Lisa de Boer, Tom Okafor"),
        ]),
        false,
    )
    .await;
    assert_eq!(st, 303, "{backend}: {body}");
    post(&c, &s, &format!("{page}/advance"), &set(vec![]), false).await;
    assert_eq!(
        step(s.app.incident(id, candor_core::Language::En).await.unwrap()),
        "contact",
        "{backend}"
    );

    let (_, html) = get(&c, &s, &page).await;
    assert!(
        html.contains("10% discount on a future project"),
        "{backend}: the remedy reads as words"
    );

    // The Dutch delay email, checked as it is written: no findings.
    let (st, html) = get(&c, &s, &format!("{page}/compose?type=delay_email&lang=nl")).await;
    assert_eq!(st, 200, "{backend}: {html:.500}");
    let draft = textarea(&html, "cp-text");
    assert!(
        draft.contains("tweede ontwikkelaar") && draft.contains("15 januari 2027"),
        "{backend}: a Dutch draft with the plan: {draft}"
    );
    assert!(
        html.contains("No findings. The message reads well."),
        "{backend}: {html}"
    );
    assert!(html.contains(r#"name="draft_lang" value="nl""#));

    // Typing a sentence that blames a colleague: htmx gets only the findings, marked.
    let bad = format!("{draft}\n\nTom vergat de koppeling te testen. <script>alert(1)</script>");
    let form = |text: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("type", "delay_email".to_owned()),
            ("lang", "nl".to_owned()),
            ("draft_lang", "nl".to_owned()),
            ("subject", "Vertraging".to_owned()),
            ("text", text.to_owned()),
        ]
    };
    let partial = c
        .post(s.url(&format!("{page}/check")))
        .header("hx-request", "true")
        .form(&form(&bad))
        .send()
        .await
        .unwrap();
    assert_eq!(partial.status(), 200);
    let partial = partial.text().await.unwrap();
    assert!(
        partial.starts_with("<section id=\"findings\""),
        "{partial:.200}"
    );
    assert!(!partial.contains("<html"), "a fragment, not a page");
    assert!(partial.contains("<mark class="), "{backend}: {partial}");
    let marked = &partial[partial.find("<mark").unwrap()..];
    let marked = &marked[marked.find('>').unwrap() + 1..marked.find("</mark>").unwrap()];
    assert!(
        marked.contains("Tom"),
        "{backend}: the blame is marked: {marked}"
    );
    assert!(partial.contains("&lt;script&gt;") && !partial.contains("<script>"));

    // Without JavaScript the same form returns the whole page with the text kept.
    let full = c
        .post(s.url(&format!("{page}/check")))
        .form(&form(&bad))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(full.starts_with("<!doctype html>"));
    assert!(full.contains("<mark class=") && full.contains("id=\"cp-text\""));
    assert!(textarea(&full, "cp-text").contains("Tom vergat"));
    let clean = c
        .post(s.url(&format!("{page}/check")))
        .header("hx-request", "true")
        .form(&form(&draft))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(clean.contains("No findings") && !clean.contains("<mark"));

    // A message type the composer does not know is explained in the composer, not as an error page.
    let (st, html) = get(&c, &s, &format!("{page}/compose?type=memo")).await;
    assert_eq!(st, 200);
    assert!(
        html.contains("class=\"error\" role=\"alert\"") && html.contains("delay_email"),
        "{backend}"
    );

    // Keeping the draft files the text as edited in the box in the client's record, with the
    // edited subject: the save button belongs to the editor's form.
    let (_, html) = get(&c, &s, &format!("{page}/compose?type=delay_email&lang=nl")).await;
    assert!(
        html.contains(&format!(
            r#"formaction="/incidents/{id}/compose" formmethod="post""#
        )),
        "{backend}: the save button submits the editor's text"
    );
    let before = s
        .app
        .records(Some("Bakkerij Van Dijk"), None, None)
        .await
        .unwrap()
        .len();
    let edited = format!("{draft}\n\nIk bel u morgen om 10 uur om dit door te nemen.");
    let (st, loc, _) = post(
        &c,
        &s,
        &format!("{page}/compose"),
        &[
            ("csrf", &csrf),
            ("type", "delay_email"),
            ("lang", "nl"),
            ("subject", "Webwinkel: nieuwe opleverdatum 15 januari"),
            ("text", &edited),
        ],
        false,
    )
    .await;
    assert_eq!((st, loc.as_str()), (303, page.as_str()));
    let records = s
        .app
        .records(Some("Bakkerij Van Dijk"), None, None)
        .await
        .unwrap();
    assert_eq!(records.len(), before + 1, "{backend}");
    let kept = records
        .iter()
        .find(|r| r.incident_id == Some(id) && r.body.contains("tweede ontwikkelaar"))
        .expect("the kept draft");
    assert_eq!(kept.body, edited, "{backend}: the edited text is kept");
    assert_eq!(kept.subject, "Webwinkel: nieuwe opleverdatum 15 januari");
    // An empty text is refused and nothing is filed.
    let (st, _, _) = post(
        &c,
        &s,
        &format!("{page}/compose"),
        &[("csrf", &csrf), ("type", "delay_email"), ("text", "  ")],
        false,
    )
    .await;
    assert_ne!(st, 303, "{backend}: an empty text is not kept");
    let after = s.app.records(Some("Bakkerij Van Dijk"), None, None).await;
    assert_eq!(after.unwrap().len(), before + 1, "{backend}");

    // Logging the call.
    let (st, _, _) = post(
        &c,
        &s,
        &format!("{page}/log"),
        &[
            ("csrf", &csrf),
            ("channel", "call"),
            (
                "outcome",
                "Sanne begreep het en gaat akkoord met de nieuwe datum.",
            ),
        ],
        false,
    )
    .await;
    assert_eq!(st, 303);
    let d = s.app.incident(id, candor_core::Language::En).await.unwrap();
    assert_eq!(d.contacts.len(), 1, "{backend}");

    // An amount reads as one too.
    let (st, _, body) = post(
        &c,
        &s,
        &format!("{page}/set"),
        &[("csrf", &csrf), ("remedy", "discount:250.05 EUR")],
        false,
    )
    .await;
    assert_eq!(st, 303, "{backend}: {body}");
    let (_, html) = get(&c, &s, &page).await;
    assert!(html.contains("250.05 EUR discount"), "{backend}");
}

#[tokio::test]
async fn composer_with_live_checker_sqlite() {
    composer_for(candor_testkit::sqlite()).await;
}

#[tokio::test]
async fn composer_with_live_checker_postgres() {
    if let Some(db) = candor_testkit::postgres() {
        composer_for(db).await;
    }
}

const OUTGOING: &str = "From: Maya Jensen <maya@brightlane.example>\n\
To: Ingrid Hansen <ingrid.hansen@fjordlys.no>\nSubject: Mobile app\n\
Date: Tue, 14 Apr 2026 10:00:00 +0200\nMessage-ID: <out-1@brightlane.example>\n\n\
Hi Ingrid,\n\nWe will deliver the mobile app by 1 May. Could you send the logo?\n";
const INCOMING: &str = "From: Ingrid Hansen <ingrid.hansen@fjordlys.no>\n\
To: Maya Jensen <maya@brightlane.example>\nSubject: Logo\n\
Date: Wed, 15 Apr 2026 09:00:00 +0200\nMessage-ID: <in-1@fjordlys.no>\n\n\
Here is the logo for the mobile app.\n";

async fn search_and_promises_for(db: TestDb) {
    let backend = db.backend;
    let s = start(db, false).await;
    let tmp = tempfile::tempdir().unwrap();
    for (name, text) in [("cur/1.a:2,S", OUTGOING), ("cur/2.a:2,S", INCOMING)] {
        let p = tmp.path().join("Maildir").join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    // Start from an empty index: a PostgreSQL test database's index lives in the temp folder.
    let _ = std::fs::remove_dir_all(s.app.search_dir());
    let sum = s
        .app
        .import_mail(
            &[tmp.path().join("Maildir")],
            None,
            s.app.search_dir(),
            &mut |_| {},
        )
        .await
        .unwrap();
    assert_eq!(sum.imported, 2, "{backend}");
    let fjordlys = s
        .app
        .clients()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Fjordlys AS")
        .unwrap()
        .id;
    let (c, csrf) = s.login("viewer@test.example").await;

    let (st, html) = get(&c, &s, "/search").await;
    assert_eq!(st, 200);
    assert!(html.contains("role=\"search\"") && !html.contains("class=\"hits"));
    let (_, html) = get(&c, &s, "/search?q=%22mobile+app%22&client=&limit=20").await;
    assert!(html.contains("2 messages"), "{backend}: {html}");
    assert!(html.contains("Mobile app") && html.contains("Logo"));
    let (_, html) = get(&c, &s, "/search?q=mobile+from%3Amaya%40brightlane.example").await;
    assert!(html.contains("One message") && html.contains("out-1@brightlane.example"));
    let other = s.app.clients().await.unwrap()[0].id;
    assert_ne!(other, fjordlys);
    let (_, html) = get(&c, &s, &format!("/search?q=mobile&client={other}")).await;
    assert!(html.contains("Nothing found."), "{backend}: client filter");
    let (_, html) = get(
        &c,
        &s,
        &format!("/search?q=mobile&client={fjordlys}&limit=50"),
    )
    .await;
    assert!(html.contains("2 messages") && html.contains("<option value=\"50\" selected>"));
    let (st, html) = get(&c, &s, "/search?q=before%3Anot-a-date").await;
    assert_eq!(st, 200);
    assert!(
        html.contains("role=\"alert\""),
        "{backend}: a bad query is explained"
    );

    // Promises: the sentence from the outgoing mail waits for review.
    let (st, html) = get(&c, &s, "/promises").await;
    assert_eq!(st, 200);
    assert!(
        html.contains("We will deliver the mobile app by 1 May."),
        "{backend}: {html}"
    );
    assert!(!html.contains("/confirm\""), "a viewer gets no buttons");
    let id = s
        .app
        .promise_candidates(None, Some("pending"))
        .await
        .unwrap()[0]
        .id;
    let (st, _, _) = post(
        &c,
        &s,
        &format!("/promises/{id}/confirm"),
        &[("csrf", &csrf)],
        false,
    )
    .await;
    assert_eq!(st, 403, "{backend}: viewers cannot confirm");

    let (m, mcsrf) = s.login("member@test.example").await;
    let (_, html) = get(&m, &s, "/promises").await;
    assert!(html.contains(&format!("/promises/{id}/confirm\"")));
    let (st, loc, _) = post(
        &m,
        &s,
        &format!("/promises/{id}/confirm"),
        &[("csrf", &mcsrf)],
        false,
    )
    .await;
    assert_eq!((st, loc.as_str()), (303, "/promises"));
    let commitments = s.app.commitments(Some("Fjordlys AS")).await.unwrap();
    assert!(
        commitments
            .iter()
            .any(|k| k.text.contains("deliver the mobile app")),
        "{backend}"
    );
    let (_, html) = get(&m, &s, "/promises").await;
    assert!(html.contains("Confirmed: the promise is now one of the commitments."));
    assert!(
        html.contains("No promises here."),
        "{backend}: none pending"
    );
    let (_, html) = get(&m, &s, "/promises?status=confirmed&client=").await;
    assert!(html.contains("deliver the mobile app") && html.contains("commitment "));
    // Already confirmed: a conflict, and rejecting it is one too.
    let (st, _, _) = post(
        &m,
        &s,
        &format!("/promises/{id}/reject"),
        &[("csrf", &mcsrf)],
        false,
    )
    .await;
    assert_eq!(st, 409, "{backend}");
    let (st, html) = get(&m, &s, "/promises?status=bogus").await;
    assert_eq!(st, 422, "{backend}: {html:.300}");
}

#[tokio::test]
async fn search_and_promises_sqlite() {
    search_and_promises_for(candor_testkit::sqlite()).await;
}

#[tokio::test]
async fn search_and_promises_postgres() {
    if let Some(db) = candor_testkit::postgres() {
        search_and_promises_for(db).await;
    }
}
