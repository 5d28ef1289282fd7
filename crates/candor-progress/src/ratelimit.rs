//! One GitHub request with its rate-limit handling: a 403/429 that says the limit is spent is
//! waited out (until `X-RateLimit-Reset`, or for `Retry-After` seconds) and retried; a
//! successful response that leaves no requests makes the next page wait for the reset.

use crate::ProgressError;
use crate::github::{Client, next_link};
use std::time::Duration;

/// Rate-limit headers of a response.
#[derive(Debug, Default, Clone)]
pub(crate) struct Limit {
    remaining: Option<u64>,
    reset: Option<i64>,
    retry_after: Option<u64>,
}

/// One successful page.
pub(crate) struct Page {
    pub body: String,
    pub etag: Option<String>,
    pub next: Option<String>,
    pub limit: Limit,
}

/// How often one URL is retried after rate-limit answers before giving up.
const ATTEMPTS: u32 = 5;

fn header(resp: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn limit_of(resp: &ureq::http::Response<ureq::Body>) -> Limit {
    Limit {
        remaining: header(resp, "x-ratelimit-remaining").and_then(|v| v.parse().ok()),
        reset: header(resp, "x-ratelimit-reset").and_then(|v| v.parse().ok()),
        retry_after: header(resp, "retry-after").and_then(|v| v.parse().ok()),
    }
}

impl Limit {
    /// How long to wait before the next request, if at all.
    fn wait(&self, now: i64) -> Option<Duration> {
        if let Some(secs) = self.retry_after {
            return Some(Duration::from_secs(secs));
        }
        if self.remaining == Some(0) {
            let until = self.reset.unwrap_or(now + 60);
            // One second past the reset, so the window has surely rolled over.
            return Some(Duration::from_secs(
                until.saturating_sub(now).max(0) as u64 + 1,
            ));
        }
        None
    }
}

impl Client {
    /// GETs one URL: `Ok(None)` on 304, retrying after rate-limit answers.
    pub(crate) fn get(&self, url: &str, etag: Option<&str>) -> Result<Option<Page>, ProgressError> {
        for _ in 0..ATTEMPTS {
            let mut req = self
                .agent
                .get(url)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28");
            if let Some(t) = &self.token {
                req = req.header("Authorization", &format!("Bearer {t}"));
            }
            if let Some(e) = etag {
                req = req.header("If-None-Match", e);
            }
            let mut resp = req
                .call()
                .map_err(|e| ProgressError::Github(format!("{url}: {e}")))?;
            let status = resp.status().as_u16();
            let limit = limit_of(&resp);
            match status {
                304 => return Ok(None),
                200..=299 => {
                    let etag = header(&resp, "etag");
                    let next = header(&resp, "link").and_then(|l| next_link(&l));
                    let body = resp
                        .body_mut()
                        .with_config()
                        .limit(64 * 1024 * 1024)
                        .read_to_string()
                        .map_err(|e| ProgressError::Github(format!("{url}: {e}")))?;
                    return Ok(Some(Page {
                        body,
                        etag,
                        next,
                        limit,
                    }));
                }
                403 | 429 if limit.wait(now()).is_some() => self.wait(&limit)?,
                _ => {
                    let body = resp.body_mut().read_to_string().unwrap_or_default();
                    return Err(ProgressError::Github(format!(
                        "{url} answered {status}: {}",
                        message(&body)
                    )));
                }
            }
        }
        Err(ProgressError::Github(format!(
            "{url} was still rate-limited after {ATTEMPTS} waits"
        )))
    }

    /// Waits before the next page when the last response left no requests.
    pub(crate) fn pace(&self, limit: &Limit) -> Result<(), ProgressError> {
        if limit.remaining == Some(0) {
            self.wait(limit)?;
        }
        Ok(())
    }

    fn wait(&self, limit: &Limit) -> Result<(), ProgressError> {
        let Some(d) = limit.wait(now()) else {
            return Ok(());
        };
        if d > self.max_wait {
            return Err(ProgressError::Github(format!(
                "the rate limit resets in {} s, longer than the {} s candor waits",
                d.as_secs(),
                self.max_wait.as_secs()
            )));
        }
        (self.sleep)(d);
        Ok(())
    }
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// The `message` of a GitHub error body, or the body itself.
fn message(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("message")?.as_str().map(str::to_owned))
        .unwrap_or_else(|| body.chars().take(200).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_until_one_second_past_the_reset() {
        let l = Limit {
            remaining: Some(0),
            reset: Some(1_000_030),
            retry_after: None,
        };
        assert_eq!(l.wait(1_000_000), Some(Duration::from_secs(31)));
        let spent_long_ago = Limit {
            reset: Some(5),
            ..l.clone()
        };
        assert_eq!(spent_long_ago.wait(1_000_000), Some(Duration::from_secs(1)));
        let fine = Limit {
            remaining: Some(4918),
            ..l
        };
        assert_eq!(fine.wait(1_000_000), None);
        let secondary = Limit {
            retry_after: Some(60),
            ..Limit::default()
        };
        assert_eq!(secondary.wait(0), Some(Duration::from_secs(60)));
    }

    #[test]
    fn error_messages_come_from_the_body() {
        assert_eq!(
            message(r#"{"message":"Not Found","documentation_url":"x"}"#),
            "Not Found"
        );
        assert_eq!(message("plain"), "plain");
    }
}
