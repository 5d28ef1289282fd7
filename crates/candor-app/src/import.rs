//! Importing mail archives: every message read, parsed, deduplicated, matched to a client,
//! stored with its record entry and scanned for promises, in batches that each commit once.
//!
//! Crash safety: a batch is one transaction and duplicates are skipped by key, so a run killed
//! at any point and run again ends in exactly the state of one clean run.

use crate::{App, AppError, Result, resolve};
use candor_core::{Direction, Id, NewRecordEntry, RecordKind};
use candor_mail::{Archive, Mailbox, ParsedMessage, RawMessage};
use candor_store::{NewMail, Tx};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Messages per transaction: large enough to be fast, small enough that a crash loses little.
const BATCH: usize = 500;

/// What an import did, as `--json` prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Messages (or files) read.
    pub read: u64,
    /// Newly stored.
    pub imported: u64,
    /// Already stored (same Message-ID or content hash).
    pub duplicates: u64,
    /// Messages that could not be read or parsed, with where they are.
    pub failed: Vec<ImportFailure>,
}

/// One message that did not go in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportFailure {
    /// File and byte offset, or file name.
    pub source: String,
    /// What is wrong.
    pub error: String,
}

/// Who is who, loaded once per import so matching costs no queries.
pub(crate) struct Directory {
    team: HashSet<String>,
    contacts: HashMap<String, Id>,
    domains: HashMap<String, Id>,
    forced: Option<Id>,
}

impl Directory {
    pub(crate) async fn load(tx: &mut Tx, forced: Option<Id>) -> Result<Self> {
        let team = tx
            .team_members()
            .await?
            .into_iter()
            .map(|m| m.email.to_lowercase())
            .collect();
        let contacts = tx
            .contacts(None)
            .await?
            .into_iter()
            .filter_map(|c| c.email.map(|e| (e.trim().to_lowercase(), c.client_id)))
            .collect();
        let mut domains = HashMap::new();
        for c in tx.clients().await? {
            for d in c.email_domains {
                domains.insert(d.trim().trim_start_matches('@').to_lowercase(), c.id);
            }
        }
        Ok(Self {
            team,
            contacts,
            domains,
            forced,
        })
    }

    fn client_of(&self, m: &Mailbox) -> Option<Id> {
        self.contacts
            .get(&m.address)
            .or_else(|| m.domain().and_then(|d| self.domains.get(d)))
            .copied()
    }

    /// Direction and client: mail from a team member is outgoing (internal when every
    /// recipient is on the team too) and belongs to the first recipient's client.
    pub(crate) fn classify(&self, p: &ParsedMessage) -> (Direction, Option<Id>) {
        let from_team = p
            .from
            .as_ref()
            .is_some_and(|f| self.team.contains(&f.address));
        let recipients: Vec<&Mailbox> = p.to.iter().chain(&p.cc).collect();
        let direction = match from_team {
            true if recipients.iter().all(|r| self.team.contains(&r.address)) => {
                Direction::Internal
            }
            true => Direction::Out,
            false => Direction::In,
        };
        let client = self.forced.or_else(|| match from_team {
            true => recipients.iter().find_map(|r| self.client_of(r)),
            false => p.from.as_ref().and_then(|f| self.client_of(f)),
        });
        (direction, client)
    }
}

impl App {
    /// Imports the mail at `paths`, keeping the search index in `index_dir` in step;
    /// `on_progress` is called with the running summary after every batch.
    pub async fn import_mail(
        &self,
        paths: &[PathBuf],
        client: Option<&str>,
        index_dir: &Path,
        on_progress: &mut dyn FnMut(&ImportSummary),
    ) -> Result<ImportSummary> {
        let archive = Archive::open(paths)
            .map_err(|e| candor_core::ValidationError::new("path", "", e.to_string()))?;
        let mut tx = self.begin().await?;
        let forced = resolve::client_id(&mut tx, client).await?;
        let dir = Directory::load(&mut tx, forced).await?;
        drop(tx);
        let mut summary = ImportSummary::default();
        let mut batch: Vec<RawMessage> = Vec::with_capacity(BATCH);
        for item in archive {
            summary.read += 1;
            match item {
                Ok(raw) => batch.push(raw),
                Err(f) => summary.failed.push(ImportFailure {
                    source: f.location.to_string(),
                    error: f.error,
                }),
            }
            if batch.len() == BATCH {
                self.store_batch(&dir, std::mem::take(&mut batch), &mut summary)
                    .await?;
                self.sync_search(index_dir).await?;
                on_progress(&summary);
            }
        }
        self.store_batch(&dir, batch, &mut summary).await?;
        self.sync_search(index_dir).await?;
        on_progress(&summary);
        Ok(summary)
    }

    /// Parses and stores one batch in one transaction.
    async fn store_batch(
        &self,
        dir: &Directory,
        batch: Vec<RawMessage>,
        s: &mut ImportSummary,
    ) -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin().await?;
        for raw in batch {
            let source = raw.location.to_string();
            let parsed = candor_mail::parse(&raw).and_then(|p| match p.date {
                Some(_) => Ok(p),
                None => Err("no Date header and no envelope date".to_owned()),
            });
            match parsed {
                Ok(p) => match store_one(&mut tx, dir, &p, &source).await? {
                    true => s.imported += 1,
                    false => s.duplicates += 1,
                },
                Err(error) => s.failed.push(ImportFailure { source, error }),
            }
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Stores one parsed message; false when it was already there.
async fn store_one(tx: &mut Tx, dir: &Directory, p: &ParsedMessage, source: &str) -> Result<bool> {
    if tx.mail_exists(&p.dedupe_key).await? {
        return Ok(false);
    }
    let (direction, client_id) = dir.classify(p);
    let at = p
        .date
        .ok_or_else(|| AppError::Conflict("message without a date".into()))?;
    let language = detect(p);
    let record_id = match client_id {
        Some(client_id) => Some(
            tx.insert_record(&record_entry(p, client_id, direction, at, source)?)
                .await?
                .id,
        ),
        None => None,
    };
    let thread_id = thread_of(tx, p).await?;
    let mail = NewMail {
        dedupe_key: p.dedupe_key.clone(),
        message_id: p.message_id.clone(),
        record_id,
        client_id,
        thread_id,
        in_reply_to: p.in_reply_to.clone(),
        refs: json(&p.references),
        from_name: p.from.as_ref().and_then(|f| f.name.clone()),
        from_addr: p
            .from
            .as_ref()
            .map(|f| f.address.clone())
            .unwrap_or_default(),
        to_addrs: json(&p.to),
        cc_addrs: json(&p.cc),
        sent_at: at,
        subject: p.subject.clone(),
        body: p.text.clone(),
        html: p.html.clone(),
        language: language.clone(),
        direction: direction.as_str().to_owned(),
        attachments: json(&p.attachments),
        source: source.to_owned(),
    };
    let Some(mail_id) = tx.insert_mail(&mail).await? else {
        return Ok(false);
    };
    if direction == Direction::Out {
        crate::promises::scan_into(tx, mail_id, &p.text, &language, at).await?;
    }
    Ok(true)
}

fn json<T: Serialize>(value: &T) -> String {
    // Serialising plain strings and structs of strings cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

fn detect(p: &ParsedMessage) -> String {
    let sample = format!("{}\n{}", p.subject, p.text);
    candor_text::detect_language(&sample)
        .map(|d| d.code)
        .unwrap_or_default()
}

/// The thread root: the first Reference, else the parent's thread, else the message itself.
async fn thread_of(tx: &mut Tx, p: &ParsedMessage) -> Result<String> {
    if let Some(root) = p.references.first() {
        return Ok(root.clone());
    }
    if let Some(parent) = &p.in_reply_to {
        return Ok(tx
            .mail_thread_of(parent)
            .await?
            .unwrap_or_else(|| parent.clone()));
    }
    Ok(p.message_id.clone().unwrap_or_else(|| p.dedupe_key.clone()))
}

pub(crate) fn record_entry(
    p: &ParsedMessage,
    client_id: Id,
    direction: Direction,
    at: jiff::Timestamp,
    source: &str,
) -> Result<NewRecordEntry> {
    let author = p
        .from
        .as_ref()
        .map(|f| f.name.clone().unwrap_or_else(|| f.address.clone()))
        .unwrap_or_else(|| "unknown sender".to_owned());
    let subject = if p.subject.is_empty() {
        "(no subject)".to_owned()
    } else {
        p.subject.clone()
    };
    let source = match &p.message_id {
        Some(id) => format!("message-id:<{id}>"),
        None => source.to_owned(),
    };
    Ok(NewRecordEntry {
        client_id,
        project_id: None,
        incident_id: None,
        kind: RecordKind::Email,
        direction,
        at,
        author,
        participants: p
            .to
            .iter()
            .chain(&p.cc)
            .map(|m| m.address.clone())
            .collect(),
        subject,
        body: p.text.clone(),
        source,
    }
    .validate()?)
}

/// An unassigned message, for listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnassignedMail {
    /// Mail id (what `--assign` takes).
    pub mail_id: Id,
    /// When it was sent.
    pub date: String,
    /// Sender address.
    pub from: String,
    /// Subject.
    pub subject: String,
}

impl App {
    /// Mail that matched no client, oldest first.
    pub async fn unassigned_mail(&self, limit: i64) -> Result<Vec<UnassignedMail>> {
        let mut tx = self.begin().await?;
        let rows = tx.mails_of(None, limit).await?;
        Ok(rows
            .into_iter()
            .map(|r| UnassignedMail {
                mail_id: r.id,
                date: r.mail.sent_at.to_string(),
                from: r.mail.from_addr,
                subject: r.mail.subject,
            })
            .collect())
    }

    /// Assigns an unassigned message to a client, making its record entry.
    pub async fn assign_mail(&self, mail_id: Id, client: &str) -> Result<candor_core::RecordEntry> {
        let mut tx = self.begin().await?;
        let c = resolve::client(&mut tx, client).await?;
        let row = tx.mail(mail_id).await?;
        if let Some(owner) = row.mail.client_id {
            return Err(AppError::Conflict(format!(
                "mail {mail_id} already belongs to client {owner}"
            )));
        }
        let m = &row.mail;
        let direction = Direction::parse("direction", &m.direction)?;
        #[derive(serde::Deserialize)]
        struct Addr {
            address: String,
        }
        let to: Vec<Addr> = serde_json::from_str(&m.to_addrs).unwrap_or_default();
        let cc: Vec<Addr> = serde_json::from_str(&m.cc_addrs).unwrap_or_default();
        let entry = NewRecordEntry {
            client_id: c.id,
            project_id: None,
            incident_id: None,
            kind: RecordKind::Email,
            direction,
            at: m.sent_at,
            author: m.from_name.clone().unwrap_or_else(|| m.from_addr.clone()),
            participants: to.into_iter().chain(cc).map(|a| a.address).collect(),
            subject: if m.subject.is_empty() {
                "(no subject)".into()
            } else {
                m.subject.clone()
            },
            body: m.body.clone(),
            source: match &m.message_id {
                Some(id) => format!("message-id:<{id}>"),
                None => m.source.clone(),
            },
        }
        .validate()?;
        let stored = tx.insert_record(&entry).await?;
        tx.assign_mail(mail_id, c.id, stored.id).await?;
        tx.commit().await?;
        Ok(stored)
    }
}
