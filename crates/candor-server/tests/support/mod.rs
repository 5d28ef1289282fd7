//! Test support: a workspace with the demo data, one user per role, and the server running
//! in-process on a random port.

use candor_app::App;
use candor_app::accounts::UserInput;
use candor_testkit::TestDb;
use reqwest::redirect::Policy;

/// The password every test user gets.
pub const PASSWORD: &str = "correct horse battery";

/// A running server over a demo workspace.
pub struct Server {
    /// Base URL, e.g. `http://127.0.0.1:41234`.
    pub base: String,
    /// The workspace (for direct setup).
    pub app: App,
    _db: TestDb,
}

/// Starts the server on `db` with the demo workspace and users admin@, member@, viewer@.
pub async fn start(db: TestDb, secure_cookies: bool) -> Server {
    start_with(db, secure_cookies, |_| {}).await
}

/// As [`start`], with `setup` applied to the workspace's `App` before the server gets it.
pub async fn start_with(db: TestDb, secure_cookies: bool, setup: impl FnOnce(&mut App)) -> Server {
    let mut app = App::open(&db.url).await.expect("open");
    app.set_today("2026-11-25".parse().unwrap());
    app.demo().await.expect("demo");
    setup(&mut app);
    for role in ["admin", "member", "viewer"] {
        app.add_user(&UserInput {
            email: format!("{role}@test.example"),
            name: format!("Test {role}"),
            password: PASSWORD.into(),
            role: Some(role.into()),
            language: Some("en".into()),
        })
        .await
        .expect("user");
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = candor_server::Config { secure_cookies };
    let served = app.clone();
    tokio::spawn(async move { candor_server::serve(listener, served, &config).await });
    Server { base, app, _db: db }
}

/// A browser-like client: keeps cookies, does not follow redirects.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

/// The CSRF token in a page's first form.
pub fn csrf_of(html: &str) -> String {
    let at = html.find(r#"name="csrf" value=""#).expect("a csrf field");
    let rest = &html[at + 19..];
    rest[..rest.find('"').unwrap()].to_owned()
}

impl Server {
    /// A URL on the server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Signs `email` in on a fresh client; returns it with its CSRF token.
    pub async fn login(&self, email: &str) -> (reqwest::Client, String) {
        let c = client();
        let page = c
            .get(self.url("/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = csrf_of(&page);
        let r = c
            .post(self.url("/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", email),
                ("password", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "login of {email}");
        let home = c.get(self.url("/")).send().await.unwrap();
        assert_eq!(home.status(), 200, "dashboard after login of {email}");
        let csrf = csrf_of(&home.text().await.unwrap());
        (c, csrf)
    }
}
