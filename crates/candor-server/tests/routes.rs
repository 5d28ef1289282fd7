//! Every route × every role (admin, member, viewer, anonymous, share token, API bearer token):
//! the access each route declares is the access it enforces, on SQLite and (when
//! CANDOR_TEST_POSTGRES_URL is set) PostgreSQL. Also: every form needs its CSRF token.

mod support;

use candor_server::{Access, RouteInfo, route_table};
use support::{Server, start};

/// Real ids for the path parameters of each route.
struct Ids {
    client: i64,
    project: i64,
    commitment: i64,
    incident: i64,
    share_link: i64,
    viewer: i64,
    promise: i64,
    outbox: i64,
    share_token: String,
}

async fn ids(s: &Server) -> Ids {
    let clients = s.app.clients().await.unwrap();
    let client = clients[0].id;
    let project = s.app.projects(None).await.unwrap()[0].project.id;
    let commitment = s.app.commitments(None).await.unwrap()[0].id;
    let incident = s
        .app
        .open_incident(&candor_app::OpenIncidentInput {
            kind: "delay".into(),
            client: client.to_string(),
            project: Some(project.to_string()),
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    let viewer = s
        .app
        .users()
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.email.starts_with("viewer"))
        .unwrap()
        .id;
    let shown = s
        .app
        .create_share_link(&project.to_string(), "test")
        .await
        .unwrap();
    let spare = s
        .app
        .create_share_link(&project.to_string(), "test")
        .await
        .unwrap();
    let promise = promise_candidate(s).await;
    let outbox = s
        .app
        .outbox_add(&candor_app::OutboxInput {
            client: client.to_string(),
            to: vec!["someone@client.example".into()],
            subject: "Route table".into(),
            body: "A draft for the route table.".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    Ids {
        client,
        project,
        commitment,
        incident,
        share_link: spare.link.id,
        viewer,
        promise,
        outbox,
        share_token: shown.token,
    }
}

/// Imports one outgoing message with a promise in it; returns the candidate's id.
async fn promise_candidate(s: &Server) -> i64 {
    let tmp = tempfile::tempdir().unwrap();
    let mail = tmp.path().join("Maildir/cur/1.a:2,S");
    std::fs::create_dir_all(mail.parent().unwrap()).unwrap();
    std::fs::write(
        &mail,
        "From: Maya Jensen <maya@brightlane.example>\nTo: ingrid.hansen@fjordlys.no\n\
         Subject: App\nDate: Tue, 14 Apr 2026 10:00:00 +0200\nMessage-ID: <p-1@brightlane.example>\n\n\
         We will deliver the mobile app by 1 May.\n",
    )
    .unwrap();
    let _ = std::fs::remove_dir_all(s.app.search_dir());
    s.app
        .import_mail(
            &[tmp.path().join("Maildir")],
            None,
            s.app.search_dir(),
            &mut |_| {},
        )
        .await
        .unwrap();
    s.app
        .promise_candidates(None, Some("pending"))
        .await
        .unwrap()[0]
        .id
}

fn path(r: &RouteInfo, ids: &Ids) -> String {
    if r.path.starts_with("/settings/templates/") {
        return "/settings/templates/nl/delay_email".into();
    }
    let id = if r.path.starts_with("/clients/") {
        ids.client.to_string()
    } else if r.path.starts_with("/projects/") || r.path.starts_with("/api/v1/projects/") {
        ids.project.to_string()
    } else if r.path.starts_with("/commitments/") {
        ids.commitment.to_string()
    } else if r.path.contains("/incidents/") {
        ids.incident.to_string()
    } else if r.path.starts_with("/promises/") {
        ids.promise.to_string()
    } else if r.path.starts_with("/outbox/") {
        ids.outbox.to_string()
    } else if r.path.starts_with("/share-links/") {
        ids.share_link.to_string()
    } else if r.path.starts_with("/settings/users/") {
        ids.viewer.to_string()
    } else if r.path.starts_with("/share/") {
        ids.share_token.clone()
    } else if r.path.starts_with("/setup/") {
        "not-a-setup-token".into()
    } else {
        ids.client.to_string()
    };
    let mut out = String::new();
    for seg in r.path.split('/').skip(1) {
        out.push('/');
        if seg.starts_with('{') {
            out.push_str(&id)
        } else {
            out.push_str(seg)
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Admin,
    Member,
    Viewer,
    Anonymous,
    ShareToken,
    Bearer,
}

fn allowed(access: Access, who: Who) -> bool {
    match who {
        Who::Admin => true,
        Who::Member | Who::Bearer => access != Access::Admin,
        Who::Viewer => matches!(access, Access::Public | Access::Viewer),
        Who::Anonymous | Who::ShareToken => access == Access::Public,
    }
}

/// Sends one request the way `who` would; writes carry a valid CSRF token but no fields.
async fn send(
    s: &Server,
    c: &reqwest::Client,
    csrf: &str,
    r: &RouteInfo,
    ids: &Ids,
    who: Who,
    bearer: &str,
) -> (u16, String, String) {
    let url = s.url(&path(r, ids));
    let mut req = if r.method == "GET" {
        c.get(&url)
    } else {
        c.post(&url)
    };
    if who == Who::Bearer {
        req = req.bearer_auth(bearer);
    }
    if who == Who::ShareToken && r.is_api() {
        req = req.bearer_auth(&ids.share_token);
    }
    if r.method == "POST" {
        req = if r.is_api() {
            req.header("x-csrf-token", csrf)
                .header("content-type", "application/json")
                .body("{}")
        } else {
            req.form(&[("csrf", csrf)])
        };
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let location = resp
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, resp.text().await.unwrap_or_default())
}

async fn table_for(db: candor_testkit::TestDb) {
    let backend = db.backend;
    let s = start(db, false).await;
    let ids = ids(&s).await;
    let mut routes = route_table();
    // Signing out last keeps the session for the other routes.
    routes.sort_by_key(|r| r.path == "/logout");
    let member_id = s
        .app
        .users()
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.email.starts_with("member"))
        .unwrap()
        .id;
    let bearer = s
        .app
        .create_api_token(member_id, "test")
        .await
        .unwrap()
        .secret;
    assert!(routes.len() > 50, "{} routes", routes.len());
    for who in [
        Who::Admin,
        Who::Member,
        Who::Viewer,
        Who::Anonymous,
        Who::ShareToken,
        Who::Bearer,
    ] {
        let (c, csrf) = match who {
            Who::Admin => s.login("admin@test.example").await,
            Who::Member => s.login("member@test.example").await,
            Who::Viewer => s.login("viewer@test.example").await,
            _ => {
                let c = support::client();
                let page = c
                    .get(s.url("/login"))
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                let csrf = support::csrf_of(&page);
                (c, csrf)
            }
        };
        for r in &routes {
            if who == Who::Bearer && !r.is_api() {
                continue;
            }
            let (status, location, body) = send(&s, &c, &csrf, r, &ids, who, &bearer).await;
            let what = format!(
                "{backend} {who:?} {} {} -> {status} {location}",
                r.method, r.path
            );
            let to_login = status == 303 && location == "/login";
            let denied_anon = status == 401 || (to_login && r.path != "/logout");
            if allowed(r.access, who) {
                assert!(
                    status != 401 && status != 403 && !denied_anon && status < 500,
                    "{what}: {body:.300}"
                );
            } else if matches!(who, Who::Anonymous | Who::ShareToken) {
                assert!(status == 401 || to_login, "{what}");
            } else {
                assert_eq!(status, 403, "{what}");
            }
            if r.is_api() && status >= 400 {
                let v: serde_json::Value = serde_json::from_str(&body)
                    .unwrap_or_else(|_| panic!("{what}: not JSON: {body:.200}"));
                assert!(v["error"]["code"].is_string(), "{what}: {body}");
            }
        }
    }
}

#[tokio::test]
async fn every_route_for_every_role_sqlite() {
    table_for(candor_testkit::sqlite()).await;
}

#[tokio::test]
async fn every_route_for_every_role_postgres() {
    // Runs only when CANDOR_TEST_POSTGRES_URL names a server.
    if let Some(db) = candor_testkit::postgres() {
        table_for(db).await;
    }
}

#[tokio::test]
async fn every_form_needs_its_csrf_token() {
    let s = start(candor_testkit::sqlite(), false).await;
    let ids = ids(&s).await;
    let (c, _) = s.login("admin@test.example").await;
    let mut checked = 0;
    for r in route_table().iter().filter(|r| r.method == "POST") {
        let url = s.url(&path(r, &ids));
        let resp = if r.is_api() {
            c.post(&url)
                .header("content-type", "application/json")
                .body("{}")
                .send()
                .await
                .unwrap()
        } else {
            c.post(&url)
                .form(&[("csrf", "forged")])
                .send()
                .await
                .unwrap()
        };
        assert_eq!(
            resp.status(),
            403,
            "{} {} without a valid token",
            r.method,
            r.path
        );
        checked += 1;
    }
    assert!(checked > 20, "{checked}");
    // Nothing was written: the viewer is still a viewer, the share link still live.
    let viewer = s.app.user(ids.viewer).await.unwrap();
    assert_eq!(viewer.role.as_str(), "viewer");
    assert!(s.app.shared_project(&ids.share_token).await.is_ok());
}

#[tokio::test]
async fn openapi_document_lists_exactly_the_api_routes() {
    let s = start(candor_testkit::sqlite(), false).await;
    let doc: serde_json::Value = reqwest::get(s.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut documented: Vec<(String, String)> = Vec::new();
    for (p, ops) in doc["paths"].as_object().unwrap() {
        for (m, op) in ops.as_object().unwrap() {
            documented.push((m.to_uppercase(), p.clone()));
            for param in p.split('/').filter(|s| s.starts_with('{')) {
                let name = param.trim_matches(['{', '}']);
                assert!(
                    op["parameters"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|x| x["name"] == name && x["in"] == "path"),
                    "{m} {p} documents {name}"
                );
            }
            assert!(
                op["responses"]["default"].is_object(),
                "{m} {p} documents the error envelope"
            );
        }
    }
    let mut real: Vec<(String, String)> = route_table()
        .into_iter()
        .filter(RouteInfo::is_api)
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .collect();
    documented.sort();
    real.sort();
    assert_eq!(documented, real);
    // Every documented GET without path parameters answers for a signed-in user.
    let (c, _) = s.login("viewer@test.example").await;
    for (m, p) in &real {
        let access = route_table()
            .into_iter()
            .find(|r| r.method == m && r.path == p)
            .unwrap()
            .access;
        if m == "GET" && !p.contains('{') && access != Access::Admin {
            let st = c.get(s.url(p)).send().await.unwrap().status();
            assert_eq!(st, 200, "GET {p}");
        }
    }
}
