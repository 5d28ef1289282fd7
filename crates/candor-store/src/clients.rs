//! Clients (with key dates and email domains) and their contacts in the store.

use crate::{Result, StoreError, Tx, row};
use candor_core::{
    Client, Contact, Id, KeyDate, Language, NewClient, NewContact, PreferredChannel,
};
use sqlx::any::AnyRow;

const CLIENT_COLS: &str = "id, name, language, country, time_zone, goals";

fn client_base(r: &AnyRow) -> Result<Client> {
    Ok(Client {
        id: row::int(r, "id")?,
        name: row::text(r, "name")?,
        language: row::parsed(r, "language", Language::parse)?,
        country: row::text(r, "country")?,
        time_zone: row::text(r, "time_zone")?,
        goals: row::text(r, "goals")?,
        key_dates: Vec::new(),
        email_domains: Vec::new(),
    })
}

fn contact(r: &AnyRow) -> Result<Contact> {
    Ok(Contact {
        id: row::int(r, "id")?,
        client_id: row::int(r, "client_id")?,
        name: row::text(r, "name")?,
        email: row::opt_text(r, "email")?,
        phone: row::opt_text(r, "phone")?,
        preferred_channel: row::parsed(r, "preferred_channel", PreferredChannel::parse)?,
        language: row::opt_text(r, "language")?
            .map(|l| Language::parse("language", &l))
            .transpose()
            .map_err(|e| StoreError::Corrupt {
                what: "language",
                reason: e.to_string(),
            })?,
    })
}

impl Tx {
    /// Adds a client with its key dates and domains.
    pub async fn insert_client(&mut self, c: &NewClient) -> Result<Client> {
        let r = sqlx::query(
            "INSERT INTO clients (name, language, country, time_zone, goals)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&c.name)
        .bind(c.language.code())
        .bind(&c.country)
        .bind(&c.time_zone)
        .bind(&c.goals)
        .fetch_one(self.conn())
        .await
        .map_err(|e| {
            StoreError::conflict_or(e, || format!("a client named {:?} exists already", c.name))
        })?;
        let id = row::int(&r, "id")?;
        self.write_client_children(id, c).await?;
        self.client(id).await
    }

    /// Replaces a client's fields, key dates and domains.
    pub async fn update_client(&mut self, id: Id, c: &NewClient) -> Result<Client> {
        let done = sqlx::query(
            "UPDATE clients SET name = $1, language = $2, country = $3, time_zone = $4, goals = $5
             WHERE id = $6",
        )
        .bind(&c.name)
        .bind(c.language.code())
        .bind(&c.country)
        .bind(&c.time_zone)
        .bind(&c.goals)
        .bind(id)
        .execute(self.conn())
        .await
        .map_err(|e| {
            StoreError::conflict_or(e, || format!("a client named {:?} exists already", c.name))
        })?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "client",
                key: id.to_string(),
            });
        }
        for table in ["client_key_dates", "client_domains"] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE client_id = $1"
            )))
            .bind(id)
            .execute(self.conn())
            .await?;
        }
        self.write_client_children(id, c).await?;
        self.client(id).await
    }

    async fn write_client_children(&mut self, id: Id, c: &NewClient) -> Result<()> {
        for k in &c.key_dates {
            sqlx::query(
                "INSERT INTO client_key_dates (client_id, label, date) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(&k.label)
            .bind(k.date.to_string())
            .execute(self.conn())
            .await?;
        }
        for d in &c.email_domains {
            sqlx::query("INSERT INTO client_domains (client_id, domain) VALUES ($1, $2)")
                .bind(id)
                .bind(d)
                .execute(self.conn())
                .await
                .map_err(|e| {
                    StoreError::conflict_or(e, || {
                        format!("the domain {d} belongs to another client")
                    })
                })?;
        }
        Ok(())
    }

    async fn fill_client(&mut self, mut c: Client) -> Result<Client> {
        let rows = sqlx::query(
            "SELECT label, date FROM client_key_dates WHERE client_id = $1 ORDER BY date, label, id",
        )
        .bind(c.id)
        .fetch_all(self.conn())
        .await?;
        for r in &rows {
            c.key_dates.push(KeyDate {
                label: row::text(r, "label")?,
                date: row::date(r, "date")?,
            });
        }
        let rows =
            sqlx::query("SELECT domain FROM client_domains WHERE client_id = $1 ORDER BY id")
                .bind(c.id)
                .fetch_all(self.conn())
                .await?;
        for r in &rows {
            c.email_domains.push(row::text(r, "domain")?);
        }
        Ok(c)
    }

    /// The client with this id.
    pub async fn client(&mut self, id: Id) -> Result<Client> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CLIENT_COLS} FROM clients WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "client",
            key: id.to_string(),
        })?;
        let c = client_base(&r)?;
        self.fill_client(c).await
    }

    /// The client with this name (case-insensitive).
    pub async fn client_by_name(&mut self, name: &str) -> Result<Client> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CLIENT_COLS} FROM clients WHERE lower(name) = lower($1)"
        )))
        .bind(name.trim())
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "client",
            key: name.to_owned(),
        })?;
        let c = client_base(&r)?;
        self.fill_client(c).await
    }

    /// Every client, by id.
    pub async fn clients(&mut self) -> Result<Vec<Client>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CLIENT_COLS} FROM clients ORDER BY id"
        )))
        .fetch_all(self.conn())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let c = client_base(r)?;
            out.push(self.fill_client(c).await?);
        }
        Ok(out)
    }

    /// Adds a contact.
    pub async fn insert_contact(&mut self, c: &NewContact) -> Result<Contact> {
        let r = sqlx::query(
            "INSERT INTO contacts (client_id, name, email, phone, preferred_channel, language)
             VALUES ($1, $2, $3, $4, $5, $6)
             RETURNING id, client_id, name, email, phone, preferred_channel, language",
        )
        .bind(c.client_id)
        .bind(&c.name)
        .bind(&c.email)
        .bind(&c.phone)
        .bind(c.preferred_channel.as_str())
        .bind(c.language.map(|l| l.code()))
        .fetch_one(self.conn())
        .await?;
        contact(&r)
    }

    /// Contacts of one client (or all, with `None`), by id.
    pub async fn contacts(&mut self, client_id: Option<Id>) -> Result<Vec<Contact>> {
        let rows = sqlx::query(
            "SELECT id, client_id, name, email, phone, preferred_channel, language FROM contacts
             WHERE ($1 IS NULL OR client_id = $1) ORDER BY id",
        )
        .bind(client_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(contact).collect()
    }
}
