//! Accounts over HTTP: first-run setup link, login rate limiting, cookie flags, API bearer
//! tokens and the JSON error envelope.

#[expect(dead_code, reason = "this file uses part of the shared support")]
mod support;

use support::{PASSWORD, client, csrf_of, start};

#[tokio::test]
async fn setup_link_creates_the_first_admin_once() {
    let db = candor_testkit::sqlite();
    let app = candor_app::App::open(&db.url).await.unwrap();
    assert!(app.needs_setup().await.unwrap());
    let token = app.create_setup_token().await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let served = app.clone();
    tokio::spawn(async move {
        candor_server::serve(
            listener,
            served,
            &candor_server::Config {
                secure_cookies: false,
            },
        )
        .await
    });
    let c = client();
    let r = c.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(r.status(), 303, "anonymous visitors are sent to sign in");
    let page = c.get(format!("{base}/setup/{token}")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csrf = csrf_of(&page.text().await.unwrap());
    let form = [
        ("csrf", csrf.as_str()),
        ("email", "first@test.example"),
        ("name", "First Admin"),
        ("password", PASSWORD),
        ("language", "nl"),
    ];
    let r = c
        .post(format!("{base}/setup/{token}"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let home = c
        .get(format!("{base}/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        home.contains(r#"lang="nl""#) && home.contains("Overzicht"),
        "the admin's language is used"
    );
    let users = app.users().await.unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].role.as_str(), "admin");
    // The link is spent.
    assert_eq!(
        client()
            .get(format!("{base}/setup/{token}"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert!(app.create_setup_token().await.is_err());
}

#[tokio::test]
async fn logins_are_rate_limited_and_cookies_are_locked_down() {
    let s = start(candor_testkit::sqlite(), true).await;
    let c = client();
    let page = c.get(s.url("/login")).send().await.unwrap();
    let cookie = page
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    for flag in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(flag), "{flag} in {cookie}");
    }
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );
    let csrf = csrf_of(&page.text().await.unwrap());
    // A Secure cookie is not sent back over plain HTTP, so post with the session by hand.
    let session = cookie.split(';').next().unwrap().to_owned();
    let post = |pw: &'static str| {
        c.post(s.url("/login"))
            .header("cookie", session.clone())
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", "member@test.example"),
                ("password", pw),
            ])
            .send()
    };
    for _ in 0..candor_app::accounts::LOGIN_LIMIT {
        assert_eq!(post("wrong password!").await.unwrap().status(), 401);
    }
    let blocked = post(PASSWORD).await.unwrap();
    assert_eq!(
        blocked.status(),
        429,
        "the right password is refused while limited"
    );
    assert!(
        blocked
            .text()
            .await
            .unwrap()
            .contains("Too many failed attempts")
    );
    // Another login name is not affected.
    let other = c
        .post(s.url("/login"))
        .header("cookie", session.clone())
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "viewer@test.example"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 303);
}

#[tokio::test]
async fn bearer_tokens_use_the_api_with_their_owners_role() {
    let s = start(candor_testkit::sqlite(), false).await;
    let users = s.app.users().await.unwrap();
    let viewer = users
        .iter()
        .find(|u| u.email.starts_with("viewer"))
        .unwrap();
    let token = s.app.create_api_token(viewer.id, "script").await.unwrap();
    let c = client();
    let me: serde_json::Value = c
        .get(s.url("/api/v1/me"))
        .bearer_auth(&token.secret)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["role"], "viewer");
    let clients: Vec<serde_json::Value> = c
        .get(s.url("/api/v1/clients"))
        .bearer_auth(&token.secret)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(clients.len() >= 4, "the demo clients");
    let body = serde_json::json!({"name": "Nope BV", "language": "nl", "country": "NL", "time_zone": "Europe/Amsterdam", "goals": "", "key_dates": [], "domains": []});
    let r = c
        .post(s.url("/api/v1/clients"))
        .bearer_auth(&token.secret)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "forbidden");
    // A member may write; bad input gets the envelope with the field named.
    let member = users
        .iter()
        .find(|u| u.email.starts_with("member"))
        .unwrap();
    let mt = s.app.create_api_token(member.id, "script").await.unwrap();
    let r = c
        .post(s.url("/api/v1/clients"))
        .bearer_auth(&mt.secret)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let bad = serde_json::json!({"name": "Bad BV", "language": "fr", "country": "NL", "time_zone": "Europe/Amsterdam", "goals": "", "key_dates": [], "domains": []});
    let r = c
        .post(s.url("/api/v1/clients"))
        .bearer_auth(&mt.secret)
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "invalid_input");
    assert_eq!(v["error"]["field"], "language");
    let r = c
        .get(s.url("/api/v1/clients/No%20Such%20Client"))
        .bearer_auth(&mt.secret)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["error"]["code"],
        "not_found"
    );
    // A revoked token stops working.
    s.app
        .revoke_api_token(member.id, mt.token.id)
        .await
        .unwrap();
    let r = c
        .get(s.url("/api/v1/me"))
        .bearer_auth(&mt.secret)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}
