//! Writing one prepared batch of an import: dedupe, mail rows, then record entries for the
//! rows really inserted, promise candidates and the change log, in one transaction.
//!
//! Order matters: the record entries come after the mail insert, which skips a message another
//! writer stored between our dedupe check and our insert. An entry made before it would stay
//! in the client's record with no message behind it (an orphan in the tamper-evident chain).

use super::{ImportSummary, Prepared, Ready};
use crate::{App, AppError, Result};
use candor_core::{Direction, Id, NewRecordEntry, RecordKind};
use candor_mail::ParsedMessage;
use candor_store::{MailRow, NewMail, Tx};
use serde::Serialize;
use std::collections::HashMap;

impl App {
    /// Stores one prepared batch in one transaction; returns the newly stored messages.
    pub(super) async fn store_batch(
        &self,
        batch: Vec<Prepared>,
        s: &mut ImportSummary,
    ) -> Result<Vec<MailRow>> {
        s.read += batch.len() as u64;
        let mut tx = self.begin().await?;
        let fresh = dedupe(&mut tx, batch, s).await?;
        let rows = write_fresh(&mut tx, fresh, s).await?;
        let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
        tx.log_mail_changes(&ids).await?;
        tx.commit().await?;
        Ok(rows)
    }
}

/// The messages of `batch` not stored yet (by dedupe key, in the database or earlier in the
/// batch); failures and duplicates are counted in `s`.
async fn dedupe(tx: &mut Tx, batch: Vec<Prepared>, s: &mut ImportSummary) -> Result<Vec<Ready>> {
    let keys: Vec<&str> = batch
        .iter()
        .filter_map(|p| match p {
            Prepared::Message(m) => Some(m.parsed.dedupe_key.as_str()),
            Prepared::Failed(_) => None,
        })
        .collect();
    let mut stored = tx.stored_mail_keys(&keys).await?;
    let mut fresh = Vec::with_capacity(keys.len());
    for p in batch {
        match p {
            Prepared::Failed(f) => s.failed.push(f),
            Prepared::Message(m) if !stored.insert(m.parsed.dedupe_key.clone()) => {
                s.duplicates += 1
            }
            Prepared::Message(m) => fresh.push(*m),
        }
    }
    Ok(fresh)
}

/// Inserts the messages, then makes record entries for those that really went in and links
/// them; a message another writer stored meanwhile counts as a duplicate and gets no entry.
async fn write_fresh(
    tx: &mut Tx,
    fresh: Vec<Ready>,
    s: &mut ImportSummary,
) -> Result<Vec<MailRow>> {
    // Threads of the parents stored before this batch, in one query.
    let parents: Vec<&str> = fresh
        .iter()
        .filter(|m| m.parsed.references.is_empty())
        .filter_map(|m| m.parsed.in_reply_to.as_deref())
        .collect();
    let mut threads = tx.mail_threads_of(&parents).await?;
    let mut mails = Vec::with_capacity(fresh.len());
    let mut entries = Vec::with_capacity(fresh.len());
    for m in fresh {
        let (entry, mail) = new_mail(m, &threads)?;
        // A later message of this batch may reply to this one.
        if let Some(id) = &mail.message_id {
            threads.insert(id.clone(), mail.thread_id.clone());
        }
        mails.push(mail);
        entries.push(entry);
    }
    let ids = tx.insert_mails_unlogged(&mails).await?;
    let mut rows = Vec::with_capacity(mails.len());
    let (mut new_entries, mut owners) = (Vec::new(), Vec::new());
    for ((mail, entry), id) in mails.into_iter().zip(entries).zip(ids) {
        // None: another writer stored the same key meanwhile.
        let Some(id) = id else {
            s.duplicates += 1;
            continue;
        };
        if let Some(entry) = entry {
            owners.push(rows.len());
            new_entries.push(entry);
        }
        rows.push(MailRow { id, mail });
    }
    let record_ids = tx.insert_records(&new_entries).await?;
    let mut links = Vec::with_capacity(owners.len());
    for (i, record) in owners.into_iter().zip(record_ids) {
        rows[i].mail.record_id = Some(record);
        links.push((rows[i].id, record));
    }
    tx.link_mail_records(&links).await?;
    for r in &rows {
        let m = &r.mail;
        if m.direction == Direction::Out.as_str() {
            crate::promises::scan_into(tx, r.id, &m.body, &m.language, m.sent_at).await?;
        }
    }
    s.imported += rows.len() as u64;
    Ok(rows)
}

/// The row to store for one new message, and the record entry to make for it when it
/// belongs to a client; `threads` maps Message-IDs stored before it to their threads.
fn new_mail(
    m: Ready,
    threads: &HashMap<String, String>,
) -> Result<(Option<NewRecordEntry>, NewMail)> {
    let Ready {
        source,
        parsed: p,
        language,
        direction,
        client_id,
    } = m;
    let at = p
        .date
        .ok_or_else(|| AppError::Conflict("message without a date".into()))?;
    let entry = match client_id {
        Some(client_id) => Some(record_entry(&p, client_id, direction, at, &source)?),
        None => None,
    };
    let thread_id = thread_of(&p, threads);
    let mail = NewMail {
        refs: json(&p.references),
        to_addrs: json(&p.to),
        cc_addrs: json(&p.cc),
        attachments: json(&p.attachments),
        from_name: p.from.as_ref().and_then(|f| f.name.clone()),
        from_addr: p.from.map(|f| f.address).unwrap_or_default(),
        dedupe_key: p.dedupe_key,
        message_id: p.message_id,
        record_id: None,
        client_id,
        thread_id,
        in_reply_to: p.in_reply_to,
        sent_at: at,
        subject: p.subject,
        body: p.text,
        html: p.html,
        language,
        direction: direction.as_str().to_owned(),
        source,
    };
    Ok((entry, mail))
}

fn json<T: Serialize>(value: &T) -> String {
    // Serialising plain strings and structs of strings cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

/// The thread root: the first Reference, else the parent's thread (`threads` maps stored
/// Message-IDs to threads), else the parent, else the message itself.
fn thread_of(p: &ParsedMessage, threads: &HashMap<String, String>) -> String {
    if let Some(root) = p.references.first() {
        return root.clone();
    }
    if let Some(parent) = &p.in_reply_to {
        return threads.get(parent).unwrap_or(parent).clone();
    }
    p.message_id.clone().unwrap_or_else(|| p.dedupe_key.clone())
}

/// The record entry of a message of `client_id`.
fn record_entry(
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

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
