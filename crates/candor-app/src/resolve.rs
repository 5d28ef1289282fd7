//! Finding clients and projects by the names people type, with helpful "did you mean" errors.

use crate::{AppError, Result};
use candor_core::{Client, Id, Project};
use candor_store::{StoreError, Tx};

/// Looks a client up by name or numeric id; an unknown one lists the known names.
pub async fn client(tx: &mut Tx, key: &str) -> Result<Client> {
    let found = match key.trim().parse::<Id>() {
        Ok(id) => tx.client(id).await,
        Err(_) => tx.client_by_name(key).await,
    };
    match found {
        Ok(c) => Ok(c),
        Err(StoreError::NotFound { .. }) => {
            let names: Vec<String> = tx.clients().await?.into_iter().map(|c| c.name).collect();
            let hint = if names.is_empty() {
                "; there are no clients yet (candor client add …)".to_owned()
            } else {
                format!("; known clients: {}", names.join(", "))
            };
            Err(AppError::NotFound {
                what: "client",
                key: key.to_owned(),
                hint,
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// The id of the named client when a name is given; `None` passes through (no filter).
pub async fn client_id(tx: &mut Tx, key: Option<&str>) -> Result<Option<Id>> {
    match key {
        Some(k) => Ok(Some(client(tx, k).await?.id)),
        None => Ok(None),
    }
}

/// The id of the named project (within `client` when given) when a name is given.
pub async fn project_id(
    tx: &mut Tx,
    key: Option<&str>,
    client: Option<&str>,
) -> Result<Option<Id>> {
    match key {
        Some(k) => Ok(Some(project(tx, k, client).await?.id)),
        None => Ok(None),
    }
}

/// Looks a project up by id, or by name (optionally within a client); ambiguity is an error.
pub async fn project(tx: &mut Tx, key: &str, client: Option<&str>) -> Result<Project> {
    let client_id = match client {
        Some(c) => Some(self::client(tx, c).await?.id),
        None => None,
    };
    if let Ok(id) = key.trim().parse::<Id>() {
        return match tx.project(id).await {
            Ok(p) if client_id.is_none_or(|c| c == p.client_id) => Ok(p),
            Ok(_) | Err(StoreError::NotFound { .. }) => Err(unknown_project(tx, key).await?),
            Err(e) => Err(e.into()),
        };
    }
    let mut found = tx.projects_named(key, client_id).await?;
    match found.len() {
        0 => Err(unknown_project(tx, key).await?),
        1 => Ok(found.remove(0)),
        n => Err(AppError::Conflict(format!(
            "{n} clients have a project named {key:?}; add --client to say which"
        ))),
    }
}

async fn unknown_project(tx: &mut Tx, key: &str) -> Result<AppError> {
    let names: Vec<String> = tx
        .projects(None)
        .await?
        .into_iter()
        .map(|p| p.name)
        .collect();
    let hint = if names.is_empty() {
        "; there are no projects yet (candor project add …)".to_owned()
    } else {
        format!("; known projects: {}", names.join(", "))
    };
    Ok(AppError::NotFound {
        what: "project",
        key: key.to_owned(),
        hint,
    })
}
