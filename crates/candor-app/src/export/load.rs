//! Restoring export rows table by table, checking each value's type and every reference before
//! the database sees it, so a bad file is reported by table, row and field.

use super::format::{Row, Tables};
use candor_store::{Backend, EXPORTED_TABLES, IncidentFilter, StoreError, TableSchema, Tx};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Why a restore stopped (a sentence naming table, row and field).
type Failure = String;

/// How a message names a row: by its key when it has one, else by its place in the file.
fn row_name(schema: &TableSchema, row: &Row, index: usize) -> String {
    match schema.key.as_slice() {
        [k] => match row.get(k) {
            Some(v) if !v.is_null() => format!("row {k} {v}"),
            _ => format!("row {} (no {k})", index + 1),
        },
        _ => format!("row {}", index + 1),
    }
}

/// Inserts every row of `tables` with its ids, parents first, then rebuilds the search index's
/// change log and moves PostgreSQL's sequences past the restored ids.
pub(super) async fn restore(tx: &mut Tx, tables: &Tables) -> Result<(), Failure> {
    let store = |e: StoreError| format!("cannot restore: {e}");
    for t in &tables.0 {
        if !EXPORTED_TABLES.contains(&t.name.as_str()) {
            return Err(format!(
                "table {:?} is not a table candor exports (known: {})",
                t.name,
                EXPORTED_TABLES.join(", ")
            ));
        }
    }
    let mut schemas = HashMap::new();
    for name in EXPORTED_TABLES {
        schemas.insert(*name, tx.table_schema(name).await.map_err(store)?);
    }
    // The keys each table of the file brings, for checking references before inserting. A
    // table the file does not name at all (a version 1 file has no incidents) is not checked
    // here; declared foreign keys are still enforced by the database.
    let mut keys: HashMap<&str, HashSet<i64>> = HashMap::new();
    for name in EXPORTED_TABLES {
        if !tables.0.iter().any(|t| t.name == *name) {
            continue;
        }
        if let [k] = schemas[name].key.as_slice() {
            let ids = tables
                .rows(name)
                .iter()
                .filter_map(|r| r.get(k).and_then(Value::as_i64));
            keys.insert(name, ids.collect());
        }
    }
    for name in EXPORTED_TABLES {
        let schema = &schemas[name];
        for (i, row) in tables.rows(name).iter().enumerate() {
            let at = || format!("table {name}, {}", row_name(schema, row, i));
            let mut values = Vec::with_capacity(row.0.len());
            for (col, v) in &row.0 {
                let Some(c) = schema.column(col) else {
                    return Err(format!("{}: unknown field {col:?}", at()));
                };
                if !v.is_null() && !c.ty.accepts(v) {
                    return Err(format!(
                        "{}: field {col} must be {} or null, not {v}",
                        at(),
                        c.ty.as_str()
                    ));
                }
                if tx.backend() == Backend::Postgres && v.as_str().is_some_and(|t| t.contains('\0'))
                {
                    return Err(format!(
                        "{}: field {col} holds a NUL character, which PostgreSQL cannot store",
                        at()
                    ));
                }
                values.push((c, v));
            }
            for r in &schema.references {
                let (col, parent) = (&r.column, &r.parent);
                let Some(id) = row.get(col).and_then(Value::as_i64) else {
                    continue;
                };
                if let Some((k, want)) = &r.when
                    && row.get(k).and_then(Value::as_str) != Some(want.as_str())
                {
                    continue;
                }
                if keys
                    .get(parent.as_str())
                    .is_some_and(|ids| !ids.contains(&id))
                {
                    return Err(format!(
                        "{}: field {col} points at {parent} {id}, which the file does not hold",
                        at()
                    ));
                }
            }
            tx.insert_row(schema, &values)
                .await
                .map_err(|e| format!("{}: {e}", at()))?;
        }
    }
    tx.log_all_mail_changes().await.map_err(store)?;
    tx.reset_sequences(EXPORTED_TABLES).await.map_err(store)?;
    Ok(())
}

/// Names the table whose rows the store could not read.
fn bad(table: &'static str) -> impl Fn(StoreError) -> Failure {
    move |e| format!("table {table}: {e}")
}

/// Reads every restored table back through the store's own readers, so a value the application
/// cannot use (an unknown status, a malformed date) fails the import instead of a later command.
pub(super) async fn check_readable(tx: &mut Tx) -> Result<(), Failure> {
    tx.team_members().await.map_err(bad("team_members"))?;
    tx.clients().await.map_err(bad("clients"))?;
    tx.contacts(None).await.map_err(bad("contacts"))?;
    let projects = tx.projects(None).await.map_err(bad("projects"))?;
    tx.milestones(None).await.map_err(bad("milestones"))?;
    tx.progress(None).await.map_err(bad("progress_entries"))?;
    tx.commitments(None).await.map_err(bad("commitments"))?;
    tx.all_sealed_records()
        .await
        .map_err(bad("record_entries"))?;
    tx.incidents(IncidentFilter::default())
        .await
        .map_err(bad("incidents"))?;
    tx.company_days_off()
        .await
        .map_err(bad("company_days_off"))?;
    tx.mails_of(None, i64::MAX)
        .await
        .map_err(bad("mail_messages"))?;
    tx.promise_candidates(None, None)
        .await
        .map_err(bad("promise_candidates"))?;
    for u in tx.users().await.map_err(bad("users"))? {
        tx.api_tokens(u.id).await.map_err(bad("api_tokens"))?;
    }
    for p in &projects {
        tx.share_links(p.id).await.map_err(bad("share_links"))?;
        tx.work_items(p.id).await.map_err(bad("work_items"))?;
        tx.progress_sources(p.id)
            .await
            .map_err(bad("progress_sources"))?;
    }
    tx.drafts().await.map_err(bad("record_drafts"))?;
    tx.follow_ups(None, false)
        .await
        .map_err(bad("follow_ups"))?;
    tx.outbox(None).await.map_err(bad("outbox"))?;
    Ok(())
}
