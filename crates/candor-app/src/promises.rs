//! The promise register: candidates found in outgoing mail wait for a person to confirm them
//! into commitments or reject them; `evidence` assembles the dispute pack as a timeline.

use crate::{App, AppError, Result, resolve};
use candor_core::{Commitment, Id, NewCommitment};
use candor_store::Tx;
use candor_text::promise::{Promise, PromiseDetector};
use jiff::civil::Date;
use serde::Serialize;
use std::path::Path;
use std::sync::OnceLock;

/// The detector, built once per process (it compiles a few dozen patterns).
pub fn detector() -> Result<&'static PromiseDetector> {
    static DETECTOR: OnceLock<std::result::Result<PromiseDetector, String>> = OnceLock::new();
    DETECTOR
        .get_or_init(|| PromiseDetector::new().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| AppError::Check(e.clone()))
}

pub use candor_store::PromiseCandidate;

/// Scans any text (the `promises scan` command). `lang` None = detect it; `date` (the day
/// the text was written, for "Friday") defaults to `CANDOR_TODAY` or today.
pub fn scan_text(text: &str, lang: Option<&str>, date: Option<&str>) -> Result<Vec<Promise>> {
    let sent: Date = match date
        .map(str::to_owned)
        .or_else(|| std::env::var("CANDOR_TODAY").ok())
    {
        Some(d) => candor_core::field::date("date", &d)?,
        None => jiff::ZonedDateTime::now().date(),
    };
    let lang = match lang {
        Some(l) => l.to_owned(),
        None => candor_text::detect_language(text)
            .map(|d| d.code)
            .unwrap_or_else(|| "en".into()),
    };
    Ok(detector()?.scan(text, &lang, sent))
}

/// Stores the promises found in one outgoing message as pending candidates.
pub(crate) async fn scan_into(
    tx: &mut Tx,
    mail_id: Id,
    text: &str,
    lang: &str,
    at: jiff::Timestamp,
) -> Result<()> {
    let sent = at.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    for p in detector()?.scan(text, lang, sent) {
        tx.insert_promise_candidate(mail_id, &p.text, p.start as i64, p.end as i64, p.due)
            .await?;
    }
    Ok(())
}

/// One line of a dispute pack's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceItem {
    /// When (RFC 3339 for messages, a date for commitments).
    pub when: String,
    /// `commitment`, `promise` (a candidate from mail) or `message`.
    pub kind: String,
    /// Who said it.
    pub who: String,
    /// What was said (the sentence, the commitment, or the subject and snippet).
    pub what: String,
    /// Where to check it: `record:ID`, `message-id:<…>`, `commitment:ID`.
    pub source: String,
}

/// A dispute pack: everything said about a topic to one client, in time order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The client.
    pub client: String,
    /// The topic searched for.
    pub topic: String,
    /// The timeline.
    pub items: Vec<EvidenceItem>,
}

impl App {
    /// Candidates of a client (or all), optionally only one status.
    pub async fn promise_candidates(
        &self,
        client: Option<&str>,
        status: Option<&str>,
    ) -> Result<Vec<PromiseCandidate>> {
        if let Some(s) = status.filter(|s| !["pending", "confirmed", "rejected"].contains(s)) {
            return Err(candor_core::ValidationError::new(
                "status",
                s,
                "expected pending, confirmed or rejected",
            )
            .into());
        }
        let mut tx = self.begin().await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        Ok(tx.promise_candidates(client_id, status).await?)
    }

    /// Confirms a candidate into the commitments (its client must be known).
    pub async fn confirm_promise(&self, id: Id) -> Result<Commitment> {
        let mut tx = self.begin().await?;
        let c = tx.promise_candidate(id).await?;
        if c.status != "pending" {
            return Err(AppError::Conflict(format!(
                "promise candidate {id} is already {}",
                c.status
            )));
        }
        let client_id = c.client_id.ok_or_else(|| {
            AppError::Conflict(format!(
                "promise candidate {id} comes from unassigned mail {}; assign it first (candor import --assign {} --client …)",
                c.mail_id, c.mail_id
            ))
        })?;
        let made_at = c
            .made_at
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()
            .to_string();
        let source = match (&c.record_id, &c.message_id) {
            (Some(r), _) => format!("record:{r}"),
            (None, Some(m)) => format!("message-id:<{m}>"),
            (None, None) => String::new(),
        };
        let due = c.due.map(|d| d.to_string());
        let new = NewCommitment::parse(
            client_id,
            None,
            &c.text,
            &c.made_by,
            &made_at,
            &source,
            due.as_deref(),
            None,
        )?;
        let stored = tx.insert_commitment(&new).await?;
        tx.set_promise_status(id, "confirmed", Some(stored.id))
            .await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Rejects a candidate (it was not a promise).
    pub async fn reject_promise(&self, id: Id) -> Result<()> {
        let mut tx = self.begin().await?;
        let c = tx.promise_candidate(id).await?;
        if c.status != "pending" {
            return Err(AppError::Conflict(format!(
                "promise candidate {id} is already {}",
                c.status
            )));
        }
        tx.set_promise_status(id, "rejected", None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The dispute pack for `topic` with one client: commitments and promise candidates whose
    /// text mentions every word of the topic, and the client's messages the search finds.
    pub async fn evidence(&self, index_dir: &Path, client: &str, topic: &str) -> Result<Evidence> {
        let mut tx = self.begin().await?;
        let c = resolve::client(&mut tx, client).await?;
        let words: Vec<String> = topic.split_whitespace().map(str::to_lowercase).collect();
        let mentions = |t: &str| {
            let t = t.to_lowercase();
            words.iter().all(|w| t.contains(w.as_str()))
        };
        let mut items = Vec::new();
        for k in tx
            .commitments(Some(c.id))
            .await?
            .into_iter()
            .filter(|k| mentions(&k.text))
        {
            items.push(EvidenceItem {
                when: k.made_at.to_string(),
                kind: "commitment".into(),
                who: k.made_by.clone(),
                what: match k.due {
                    Some(d) => format!("{} (due {d}, {})", k.text, k.status.as_str()),
                    None => format!("{} ({})", k.text, k.status.as_str()),
                },
                source: format!("commitment:{}", k.id),
            });
        }
        for p in tx
            .promise_candidates(Some(c.id), None)
            .await?
            .into_iter()
            .filter(|p| mentions(&p.text))
        {
            if p.status == "rejected" {
                continue;
            }
            items.push(EvidenceItem {
                when: p.made_at.to_string(),
                kind: "promise".into(),
                who: p.made_by.clone(),
                what: format!("{} [{}]", p.text, p.status),
                source: p
                    .record_id
                    .map(|r| format!("record:{r}"))
                    .unwrap_or_default(),
            });
        }
        drop(tx);
        let query = format!("\"{}\"", topic.replace('"', " "));
        for h in self
            .search_mail(index_dir, &query, Some(&c.id.to_string()), 200)
            .await?
        {
            items.push(EvidenceItem {
                when: h.date.clone(),
                kind: "message".into(),
                who: h.from.clone(),
                what: format!("{}: {}", h.subject, h.snippet),
                source: match h.record_id {
                    Some(r) => format!("record:{r}"),
                    None => format!("message-id:<{}>", h.message_id),
                },
            });
        }
        items.sort_by(|a, b| a.when.cmp(&b.when).then(a.kind.cmp(&b.kind)));
        Ok(Evidence {
            client: c.name,
            topic: topic.to_owned(),
            items,
        })
    }
}

impl Evidence {
    /// The pack as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut s = format!("# Evidence: \"{}\" with {}\n\n", self.topic, self.client);
        if self.items.is_empty() {
            s.push_str("Nothing found.\n");
        }
        for i in &self.items {
            s.push_str(&format!(
                "- **{}** · {} · {}: {} ({})\n",
                i.when,
                i.kind,
                i.who,
                i.what.replace('\n', " "),
                i.source
            ));
        }
        s
    }

    /// The pack as a standalone HTML page.
    pub fn to_html(&self) -> String {
        let e = escape;
        let mut s = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence: {} with {}</title></head>\n<body><h1>Evidence: “{}” with {}</h1>\n<ol>\n",
            e(&self.topic),
            e(&self.client),
            e(&self.topic),
            e(&self.client)
        );
        for i in &self.items {
            s.push_str(&format!(
                "<li><time>{}</time> <strong>{}</strong> {}: {} <small>{}</small></li>\n",
                e(&i.when),
                e(&i.kind),
                e(&i.who),
                e(&i.what),
                e(&i.source)
            ));
        }
        s.push_str("</ol></body></html>\n");
        s
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
