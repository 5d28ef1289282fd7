//! `candor record verify` through the real binary: 0 on the demo workspace, 1 naming the entry
//! after a row is edited through SQL, and corrections that leave the chain intact.

use candor_testkit::backends;
use predicates::str::contains;

mod common;
use common::candor;

fn tamper(url: &str, sql: &str) {
    let (url, sql) = (url.to_owned(), sql.to_owned());
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async {
                let app = candor_app::App::open(&url).await.unwrap();
                let mut tx = app.store().begin().await.unwrap();
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                    .execute(tx.conn())
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
                app.close().await;
            });
    })
    .join()
    .unwrap();
}

#[test]
fn verify_passes_then_names_the_edited_entry() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        candor(&db)
            .args(["record", "verify"])
            .assert()
            .code(0)
            .stdout(contains("intact"));
        let out = candor(&db)
            .args([
                "record", "add", "--client", "1", "--kind", "note", "--author", "Maya",
            ])
            .args([
                "--subject",
                "Typo",
                "--body",
                "The call was on Tuesday.",
                "--corrects",
                "2",
            ])
            .args(["--json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["corrects"], 2, "{}", db.backend);
        assert_eq!(v["hash"].as_str().unwrap().len(), 64);
        candor(&db)
            .args(["record", "verify", "--client", "1"])
            .assert()
            .code(0);
        tamper(
            &db.url,
            "UPDATE record_entries SET subject = 'Quietly changed' WHERE id = 2",
        );
        let out = candor(&db)
            .args(["record", "verify", "--json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", db.backend);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let broken: Vec<&serde_json::Value> = v
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| !c["broken"].is_null())
            .collect();
        assert_eq!(broken.len(), 1, "{v}");
        assert_eq!(broken[0]["broken"]["entry_id"], 2);
        candor(&db)
            .args(["record", "verify"])
            .assert()
            .code(1)
            .stderr(contains("first broken entry is 2"));
    }
}
