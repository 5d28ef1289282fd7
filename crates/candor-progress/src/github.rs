//! GitHub Issues: issue JSON to work items, and a small REST client that follows `Link`
//! pagination, waits out rate limits instead of failing, and re-syncs with `If-None-Match`.
//!
//! Issues are listed with `sort=updated&direction=desc`, so any change to any issue moves it to
//! the top of page 1: an unchanged page 1 (HTTP 304, which does not count against the rate
//! limit) means nothing changed, and one stored ETag is enough for a conditional re-sync.

use crate::{ItemState, MilestoneFrom, ProgressError, Skipped, Source, WorkItem, Zones};
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;

/// The public API root.
pub const API: &str = "https://api.github.com";

#[derive(Deserialize)]
struct Issue {
    number: u64,
    title: String,
    state: String,
    #[serde(default)]
    state_reason: Option<String>,
    created_at: String,
    #[serde(default)]
    closed_at: Option<String>,
    #[serde(default)]
    labels: Vec<Label>,
    #[serde(default)]
    milestone: Option<Milestone>,
    #[serde(default)]
    pull_request: Option<serde_json::Value>,
    #[serde(default)]
    repository_url: Option<String>,
    #[serde(default)]
    html_url: Option<String>,
}

#[derive(Deserialize)]
struct Label {
    name: String,
}

#[derive(Deserialize)]
struct Milestone {
    title: String,
    #[serde(default)]
    due_on: Option<String>,
}

/// `owner/repo` of an issue, from its API or web URL.
fn repo_of(issue: &Issue) -> Option<String> {
    let from_api = issue
        .repository_url
        .as_deref()
        .and_then(|u| u.split_once("/repos/"))
        .map(|(_, r)| r.to_owned());
    from_api.or_else(|| {
        let url = issue.html_url.as_deref()?;
        let path = url.split_once("github.com/")?.1;
        let mut parts = path.split('/');
        Some(format!("{}/{}", parts.next()?, parts.next()?))
    })
}

fn check_from(from: Option<MilestoneFrom>) -> Result<(), ProgressError> {
    match from {
        Some(MilestoneFrom::Epic | MilestoneFrom::Column) => Err(ProgressError::Format(
            "GitHub issues have no epic or column field; use --milestone-from milestone or label"
                .into(),
        )),
        _ => Ok(()),
    }
}

fn item(issue: Issue, zones: &Zones, from: Option<MilestoneFrom>) -> Result<WorkItem, String> {
    let repo = repo_of(&issue).ok_or("has no repository_url or html_url")?;
    let created = zones
        .day(&issue.created_at)
        .map_err(|e| format!("created_at: {e}"))?;
    let finished = match &issue.closed_at {
        Some(c) => Some(zones.day(c).map_err(|e| format!("closed_at: {e}"))?),
        None => None,
    };
    let state = match (issue.state.as_str(), issue.state_reason.as_deref()) {
        ("open", _) => ItemState::Open,
        ("closed", Some("not_planned" | "duplicate")) => ItemState::Dropped,
        ("closed", _) => ItemState::Done,
        (other, _) => return Err(format!("state {other:?} is neither open nor closed")),
    };
    let (group, group_due) = match from {
        Some(MilestoneFrom::Label) => (issue.labels.into_iter().next().map(|l| l.name), None),
        Some(MilestoneFrom::Milestone) => match issue.milestone {
            Some(m) => {
                let due = m.due_on.as_deref().and_then(|d| zones.day(d).ok());
                (Some(m.title), due)
            }
            None => (None, None),
        },
        _ => (None, None),
    };
    Ok(WorkItem {
        source: Source::Github,
        key: format!("{repo}#{}", issue.number),
        title: issue.title,
        state,
        created,
        started: None,
        finished: if state == ItemState::Open {
            None
        } else {
            finished
        },
        group,
        group_due,
    })
}

/// Work items from issue objects (pull requests are skipped); a bad element is reported with
/// its 1-based position in the list.
pub fn items(
    values: Vec<serde_json::Value>,
    zones: &Zones,
    from: Option<MilestoneFrom>,
) -> Result<(Vec<WorkItem>, Vec<Skipped>), ProgressError> {
    check_from(from)?;
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for (i, v) in values.into_iter().enumerate() {
        let line = i as u64 + 1;
        let read = serde_json::from_value::<Issue>(v)
            .map_err(|e| e.to_string())
            .and_then(|issue| match issue.pull_request {
                Some(_) => Ok(None),
                None => item(issue, zones, from).map(Some),
            });
        match read {
            Ok(Some(item)) => out.push(item),
            Ok(None) => {}
            Err(error) => skipped.push(Skipped { line, error }),
        }
    }
    Ok((out, skipped))
}

/// Work items from a saved `GET /repos/{owner}/{repo}/issues` response (a JSON array).
pub fn parse_issues(
    bytes: &[u8],
    zones: &Zones,
    from: Option<MilestoneFrom>,
) -> Result<(Vec<WorkItem>, Vec<Skipped>), ProgressError> {
    let values: Vec<serde_json::Value> = serde_json::from_slice(bytes)?;
    items(values, zones, from)
}

/// The `rel="next"` target of a `Link` header.
pub fn next_link(link: &str) -> Option<String> {
    link.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        let is_next = params
            .split(';')
            .any(|p| p.trim().replace(' ', "") == "rel=\"next\"");
        is_next.then(|| {
            url.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_owned()
        })
    })
}

/// What a sync fetched.
#[derive(Debug)]
pub enum Fetch {
    /// Page 1 answered 304 to the stored ETag: nothing changed.
    NotModified,
    /// Every issue, and the ETag of page 1 to send next time.
    Issues {
        /// Issue objects from all pages.
        issues: Vec<serde_json::Value>,
        /// ETag of page 1.
        etag: Option<String>,
        /// Pages fetched.
        pages: u32,
    },
}

/// A sleeping function (the real one, or a recorder in tests).
pub type Sleeper = Arc<dyn Fn(Duration) + Send + Sync>;

/// A GitHub REST client for one API root.
pub struct Client {
    pub(crate) agent: ureq::Agent,
    base: String,
    pub(crate) token: Option<String>,
    pub(crate) sleep: Sleeper,
    /// Longest single wait for a rate limit before giving up.
    pub max_wait: Duration,
}

impl Client {
    /// A client for `base` (normally [`API`]) with an optional token.
    pub fn new(base: &str, token: Option<String>) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .user_agent("candor")
            .build()
            .into();
        Client {
            agent,
            base: base.trim_end_matches('/').to_owned(),
            token: token.filter(|t| !t.trim().is_empty()),
            sleep: Arc::new(std::thread::sleep),
            max_wait: Duration::from_secs(3600),
        }
    }

    /// Replaces how the client waits (tests record instead of sleeping).
    pub fn with_sleeper(mut self, sleep: Sleeper) -> Client {
        self.sleep = sleep;
        self
    }

    /// Every issue of `owner/repo`, or `NotModified` when `etag` still matches page 1.
    pub fn fetch_issues(&self, repo: &str, etag: Option<&str>) -> Result<Fetch, ProgressError> {
        let mut url = Some(format!(
            "{}/repos/{repo}/issues?state=all&sort=updated&direction=desc&per_page=100",
            self.base
        ));
        let mut issues = Vec::new();
        let (mut first_etag, mut pages) = (None, 0u32);
        while let Some(u) = url.take() {
            let conditional = if pages == 0 { etag } else { None };
            let page = self.get(&u, conditional)?;
            let Some(page) = page else {
                return Ok(Fetch::NotModified);
            };
            if pages == 0 {
                first_etag = page.etag;
            }
            pages += 1;
            let values: Vec<serde_json::Value> = serde_json::from_str(&page.body)?;
            issues.extend(values);
            url = page.next;
            if url.is_some() {
                self.pace(&page.limit)?;
            }
        }
        Ok(Fetch::Issues {
            issues,
            etag: first_etag,
            pages,
        })
    }
}
