//! Sealing many record entries at once (a mail import makes one per matched message): a few
//! statements for a whole list instead of five round trips per entry, same chain as
//! [`Tx::insert_record`] makes one at a time.

use crate::chain::{GENESIS, Sealable};
use crate::sql::{placeholders, update_by_id, value_rows_in};
use crate::{Backend, Result, StoreError, Tx, row};
use candor_core::{Id, NewRecordEntry};
use std::collections::HashMap;

/// Entries per multi-row insert or update (at most 15 bound values each; see
/// `MAILS_PER_INSERT` in `mail.rs` for why statements stay small on SQLite).
const ENTRIES_PER_STATEMENT: usize = 16;

/// Marks a row inserted but not sealed yet; the index tells which entry got which id.
const PENDING: &str = "pending:";

impl Tx {
    /// Adds entries (none a correction) at the ends of their clients' chains, like
    /// [`Tx::insert_record`] once per entry; returns their ids in the order given.
    pub async fn insert_records(&mut self, entries: &[NewRecordEntry]) -> Result<Vec<Id>> {
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let mut clients: Vec<Id> = entries.iter().map(|e| e.client_id).collect();
        clients.sort_unstable();
        clients.dedup();
        let mut heads = self.chain_heads(&clients).await?;
        let participants = entries
            .iter()
            .map(|e| {
                serde_json::to_string(&e.participants).map_err(|err| StoreError::Corrupt {
                    what: "participants",
                    reason: err.to_string(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let ats: Vec<String> = entries.iter().map(|e| row::ts_text(e.at)).collect();
        let mut ids: Vec<Id> = Vec::with_capacity(entries.len());
        for (c, chunk) in entries.chunks(ENTRIES_PER_STATEMENT).enumerate() {
            let start = c * ENTRIES_PER_STATEMENT;
            let sql = format!(
                "INSERT INTO record_entries
                 (client_id, project_id, incident_id, kind, direction, at, author, participants,
                  subject, body, source, prev_hash, hash)
                 VALUES {} RETURNING id, prev_hash",
                value_rows_in(self.backend(), chunk.len(), 12, ", ''")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (i, e) in chunk.iter().enumerate() {
                q = q
                    .bind(e.client_id)
                    .bind(e.project_id)
                    .bind(e.incident_id)
                    .bind(e.kind.as_str())
                    .bind(e.direction.as_str())
                    .bind(&ats[start + i])
                    .bind(&e.author)
                    .bind(&participants[start + i])
                    .bind(&e.subject)
                    .bind(&e.body)
                    .bind(&e.source)
                    .bind(format!("{PENDING}{}", start + i));
            }
            ids.resize(start + chunk.len(), 0);
            for r in q.fetch_all(self.conn()).await? {
                let slot = row::text(&r, "prev_hash")?
                    .strip_prefix(PENDING)
                    .and_then(|i| i.parse::<usize>().ok())
                    .filter(|i| (start..start + chunk.len()).contains(i))
                    .ok_or_else(|| StoreError::Corrupt {
                        what: "record_entries",
                        reason: "an inserted entry came back without its marker".into(),
                    })?;
                ids[slot] = row::int(&r, "id")?;
            }
        }
        // A client's chain runs in id order, whatever order the ids were given out in.
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by_key(|&i| ids[i]);
        let mut seals = Vec::with_capacity(entries.len());
        for i in order {
            let e = &entries[i];
            let prev = heads
                .remove(&e.client_id)
                .unwrap_or_else(|| GENESIS.to_owned());
            let hash = Sealable {
                id: ids[i],
                client_id: e.client_id,
                project_id: e.project_id,
                incident_id: e.incident_id,
                corrects: None,
                kind: e.kind.as_str(),
                direction: e.direction.as_str(),
                at: &ats[i],
                author: &e.author,
                participants: &participants[i],
                subject: &e.subject,
                body: &e.body,
                source: &e.source,
                prev_hash: &prev,
            }
            .hash();
            heads.insert(e.client_id, hash.clone());
            seals.push((ids[i], prev, hash));
        }
        self.seal(&seals).await?;
        Ok(ids)
    }

    /// The hashes of these clients' newest entries (absent: no entry yet), holding a lock on
    /// the client rows on PostgreSQL, taken in id order, as [`Tx::chain_head`] does for one.
    async fn chain_heads(&mut self, clients: &[Id]) -> Result<HashMap<Id, String>> {
        let list = format!("({})", placeholders(1, clients.len()));
        if self.backend() == Backend::Postgres {
            let sql = format!("SELECT id FROM clients WHERE id IN {list} ORDER BY id FOR UPDATE");
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for c in clients {
                q = q.bind(*c);
            }
            q.fetch_all(self.conn()).await?;
        }
        let sql = format!(
            "SELECT client_id, hash FROM record_entries WHERE id IN
             (SELECT MAX(id) FROM record_entries WHERE client_id IN {list} GROUP BY client_id)"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for c in clients {
            q = q.bind(*c);
        }
        let mut heads = HashMap::new();
        for r in q.fetch_all(self.conn()).await? {
            heads.insert(row::int(&r, "client_id")?, row::text(&r, "hash")?);
        }
        Ok(heads)
    }

    /// Writes `(id, prev_hash, hash)` into entries inserted unsealed.
    async fn seal(&mut self, seals: &[(Id, String, String)]) -> Result<()> {
        for chunk in seals.chunks(ENTRIES_PER_STATEMENT) {
            let sql = update_by_id("record_entries", &["prev_hash", "hash"], chunk.len());
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (id, prev, hash) in chunk {
                q = q.bind(*id).bind(prev).bind(hash);
            }
            q.execute(self.conn()).await?;
        }
        Ok(())
    }
}
