//! Team members in the store.

use crate::{Result, StoreError, Tx, row};
use candor_core::{NewTeamMember, TeamMember};
use sqlx::any::AnyRow;

fn member(r: &AnyRow) -> Result<TeamMember> {
    Ok(TeamMember {
        id: row::int(r, "id")?,
        name: row::text(r, "name")?,
        email: row::text(r, "email")?,
        role: row::text(r, "role")?,
    })
}

impl Tx {
    /// Adds a team member; a second member with the same email is a conflict.
    pub async fn insert_team_member(&mut self, m: &NewTeamMember) -> Result<TeamMember> {
        let r = sqlx::query(
            "INSERT INTO team_members (name, email, role) VALUES ($1, $2, $3)
             RETURNING id, name, email, role",
        )
        .bind(&m.name)
        .bind(&m.email)
        .bind(&m.role)
        .fetch_one(self.conn())
        .await
        .map_err(|e| {
            StoreError::conflict_or(e, || {
                format!("a team member with email {} exists already", m.email)
            })
        })?;
        member(&r)
    }

    /// Every team member, by id.
    pub async fn team_members(&mut self) -> Result<Vec<TeamMember>> {
        let rows = sqlx::query("SELECT id, name, email, role FROM team_members ORDER BY id")
            .fetch_all(self.conn())
            .await?;
        rows.iter().map(member).collect()
    }
}
