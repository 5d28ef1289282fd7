//! Fresh, isolated databases for tests: a temporary SQLite file, or a new PostgreSQL database
//! on the server named by `CANDOR_TEST_POSTGRES_URL` (dropped again when the guard drops).

pub mod language;
pub mod smtp;

use std::sync::atomic::{AtomicU32, Ordering};

/// The environment variable that enables the PostgreSQL half of the suite.
pub const POSTGRES_ENV: &str = "CANDOR_TEST_POSTGRES_URL";

/// A database that exists for the lifetime of this value.
pub struct TestDb {
    /// URL to pass to `--db` or `Store::open`.
    pub url: String,
    /// Backend name for messages ("sqlite" or "postgres").
    pub backend: &'static str,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

/// A fresh SQLite database in a temporary folder.
pub fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("candor.db").display());
    TestDb {
        url,
        backend: "sqlite",
        _dir: Some(dir),
        pg: None,
    }
}

/// Runs an async block to completion on a private runtime in its own thread, so it works
/// both inside and outside another Tokio runtime.
fn blocking<T: Send + 'static>(f: impl Future<Output = T> + Send + 'static) -> T {
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime")
            .block_on(f)
    })
    .join()
    .expect("database helper thread")
}

/// Replaces the database name (the URL path) of a PostgreSQL URL.
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    let mut out = format!("{}/{db}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A fresh PostgreSQL database, or `None` when `CANDOR_TEST_POSTGRES_URL` is not set.
pub fn postgres() -> Option<TestDb> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let admin = std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty())?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let name = format!(
        "candor_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        nanos
    );
    let (a, n) = (admin.clone(), name.clone());
    blocking(async move {
        use sqlx::Connection;
        let mut c = sqlx::PgConnection::connect(&a)
            .await
            .unwrap_or_else(|e| panic!("{POSTGRES_ENV}={a} does not answer: {e}"));
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {n}")))
            .execute(&mut c)
            .await
            .expect("create test database");
    });
    Some(TestDb {
        url: with_database(&admin, &name),
        backend: "postgres",
        _dir: None,
        pg: Some((admin, name)),
    })
}

/// SQLite always, plus PostgreSQL when configured: the backends a conformance test runs on.
pub fn backends() -> Vec<TestDb> {
    let mut v = vec![sqlite()];
    v.extend(postgres());
    v
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.pg.take() {
            blocking(async move {
                use sqlx::Connection;
                if let Ok(mut c) = sqlx::PgConnection::connect(&admin).await {
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&mut c)
                    .await;
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_database_name() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u@h/db?sslmode=disable", "y"),
            "postgres://u@h/y?sslmode=disable"
        );
        assert_eq!(with_database("postgres://u@h", "z"), "postgres://u@h/z");
    }
}
