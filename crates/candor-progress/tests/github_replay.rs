//! The GitHub client against a real recorded exchange (octokit/fixtures `paginate-issues`,
//! five pages of three issues) replayed by a local server: pagination through `Link`, the
//! conditional re-sync with `If-None-Match`, and rate limits waited out.

use candor_progress::github::{Client, Fetch, Sleeper};
use candor_progress::replay::{self, Recorded};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn pages() -> Vec<Recorded> {
    replay::load_pages(&format!(
        "{}/tests/fixtures/github/paginate-issues.json",
        env!("CARGO_MANIFEST_DIR")
    ))
}

/// Answers like GitHub: the recorded page, or 304 when page 1's ETag is sent back.
fn github_like(pages: Vec<Recorded>) -> impl Fn(&replay::Request) -> Recorded {
    move |req| {
        let page = &pages[replay::page_of(&req.path) - 1];
        match &req.if_none_match {
            Some(tag) if Some(tag) == page.headers.get("ETag") => Recorded {
                status: 304,
                body: serde_json::Value::Null,
                ..page.clone()
            },
            _ => page.clone(),
        }
    }
}

fn recorder() -> (Sleeper, Arc<Mutex<Vec<Duration>>>) {
    let waits = Arc::new(Mutex::new(Vec::new()));
    let w = waits.clone();
    (Arc::new(move |d| w.lock().unwrap().push(d)), waits)
}

#[test]
fn follows_link_pages_then_resyncs_conditionally() {
    let server = replay::start(github_like(pages()));
    let client = Client::new(&server.base, Some("t0ken".into()));
    let Fetch::Issues {
        issues,
        etag,
        pages,
    } = client.fetch_issues("octokit-fixture-org/x", None).unwrap()
    else {
        panic!("expected issues");
    };
    assert_eq!(pages, 5);
    assert_eq!(issues.len(), 13);
    assert_eq!(issues[0]["number"], 13);
    assert_eq!(issues[12]["number"], 1);
    let etag = etag.expect("page 1 ETag");
    assert!(etag.starts_with("\"518062e2"), "{etag}");
    {
        let seen = server.requests.lock().unwrap();
        assert!(
            seen[0]
                .path
                .starts_with("/repos/octokit-fixture-org/x/issues?state=all&sort=updated")
        );
        assert_eq!(
            seen[1].path,
            "/repositories/364461870/issues?per_page=3&page=2"
        );
        assert_eq!(seen[0].authorization.as_deref(), Some("Bearer t0ken"));
        assert!(seen.iter().all(|r| r.if_none_match.is_none()));
    }
    let again = client
        .fetch_issues("octokit-fixture-org/x", Some(&etag))
        .unwrap();
    assert!(matches!(again, Fetch::NotModified), "{again:?}");
    assert_eq!(
        server.requests.lock().unwrap().len(),
        6,
        "a 304 needs one request"
    );
}

#[test]
fn waits_for_the_rate_limit_reset_instead_of_failing() {
    let recorded = pages();
    let reset = jiff::Timestamp::now().as_second() + 30;
    let served = Arc::new(Mutex::new(0usize));
    let count = served.clone();
    // Hand-written after GitHub's documented answer: 403, remaining 0, reset in 30 s.
    let server = replay::start(move |req| {
        let mut n = count.lock().unwrap();
        *n += 1;
        match *n {
            1 => Recorded {
                status: 403,
                headers: BTreeMap::from([
                    ("X-RateLimit-Limit".into(), "60".into()),
                    ("X-RateLimit-Remaining".into(), "0".into()),
                    ("X-RateLimit-Reset".into(), reset.to_string()),
                    ("X-RateLimit-Resource".into(), "core".into()),
                ]),
                body: serde_json::json!({
                    "message": "API rate limit exceeded for 127.0.0.1.",
                    "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"
                }),
            },
            3 => Recorded {
                status: 429,
                headers: BTreeMap::from([("Retry-After".into(), "7".into())]),
                body: serde_json::json!({"message": "You have exceeded a secondary rate limit."}),
            },
            _ => recorded[replay::page_of(&req.path) - 1].clone(),
        }
    });
    let (sleep, waits) = recorder();
    let client = Client::new(&server.base, None).with_sleeper(sleep);
    let Fetch::Issues { issues, .. } = client.fetch_issues("o/r", None).unwrap() else {
        panic!("expected issues");
    };
    assert_eq!(issues.len(), 13);
    let waits = waits.lock().unwrap();
    assert_eq!(waits.len(), 2, "{waits:?}");
    assert!((29..=32).contains(&waits[0].as_secs()), "{waits:?}");
    assert_eq!(waits[1], Duration::from_secs(7));
}

#[test]
fn a_real_error_is_reported_with_its_message() {
    let server = replay::start(|_| Recorded {
        status: 404,
        headers: BTreeMap::new(),
        body: serde_json::json!({"message": "Not Found"}),
    });
    let e = Client::new(&server.base, None)
        .fetch_issues("no/such", None)
        .unwrap_err();
    assert!(e.to_string().contains("404: Not Found"), "{e}");
}
