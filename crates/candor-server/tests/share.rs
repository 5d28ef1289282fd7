//! The client share page shows the project's milestones, dates and latest check-ins, and never
//! anything internal: private notes, incident causes, commitments, other clients, the team.

#[expect(dead_code, reason = "this file uses part of the shared support")]
mod support;

use candor_app::{IncidentSetInput, OpenIncidentInput, RecordInput};
use support::{client, start};

#[tokio::test]
async fn share_page_never_shows_internal_data() {
    let s = start(candor_testkit::sqlite(), false).await;
    let clients = s.app.clients().await.unwrap();
    let (ours, other) = (&clients[0], &clients[1]);
    let project = s
        .app
        .projects(Some(&ours.name))
        .await
        .unwrap()
        .remove(0)
        .project;
    let note = |kind: &str, direction: &str, subject: &str, body: &str| RecordInput {
        client: ours.name.clone(),
        project: Some(project.name.clone()),
        kind: kind.into(),
        direction: Some(direction.into()),
        author: "Internal Author Xq".into(),
        subject: subject.into(),
        body: body.into(),
        ..Default::default()
    };
    s.app
        .add_record(&note(
            "note",
            "internal",
            "PRIVATE-NOTE-SUBJECT",
            "private note body",
        ))
        .await
        .unwrap();
    s.app
        .add_record(&note("email", "in", "CLIENT-WROTE-IN", "their words"))
        .await
        .unwrap();
    s.app
        .add_record(&note(
            "email",
            "out",
            "Weekly update for you",
            "OUTBOUND-BODY-TEXT",
        ))
        .await
        .unwrap();
    let inc = s
        .app
        .open_incident(&OpenIncidentInput {
            kind: "delay".into(),
            client: ours.name.clone(),
            project: Some(project.name.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    s.app
        .set_incident(
            inc.id,
            &IncidentSetInput {
                cause: Some("SECRET-INTERNAL-CAUSE".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let link = s
        .app
        .create_share_link(&project.id.to_string(), "tester")
        .await
        .unwrap();
    assert!(link.token.len() >= 64, "256 random bits");

    let page = client()
        .get(s.url(&format!("/share/{}", link.token)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&project.name) && html.contains("Weekly update for you"),
        "{html:.2000}"
    );
    let view = s
        .app
        .project_view(&project.id.to_string(), None)
        .await
        .unwrap();
    for m in &view.milestones {
        assert!(html.contains(&m.title), "milestone {} shown", m.title);
    }
    let mut secrets: Vec<String> = vec![
        "PRIVATE-NOTE-SUBJECT".into(),
        "private note body".into(),
        "CLIENT-WROTE-IN".into(),
        "OUTBOUND-BODY-TEXT".into(),
        "SECRET-INTERNAL-CAUSE".into(),
        "Internal Author Xq".into(),
        other.name.clone(),
        "tester".into(),
        "csrf".into(),
        "/settings".into(),
    ];
    secrets.extend(s.app.team().await.unwrap().into_iter().map(|m| m.name));
    secrets.extend(
        s.app
            .commitments(Some(&ours.name))
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.text),
    );
    secrets.extend(
        s.app
            .contacts(Some(&ours.name))
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.name),
    );
    for secret in &secrets {
        assert!(
            !html.contains(secret.as_str()),
            "share page leaks {secret:?}"
        );
    }

    // Revoked: gone at once; a guessed token never worked.
    s.app.revoke_share_link(link.link.id).await.unwrap();
    assert_eq!(
        client()
            .get(s.url(&format!("/share/{}", link.token)))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        client()
            .get(s.url(&format!("/share/{}", "0".repeat(64))))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}
