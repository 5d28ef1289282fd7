//! Use cases for the team roster, clients and contacts.

use crate::{App, Result, resolve};
use candor_core::{
    Client, Contact, KeyDate, Language, NewClient, NewContact, NewTeamMember, Project, TeamMember,
    field,
};
use serde::{Deserialize, Serialize};

/// Raw input for a new team member.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct TeamInput {
    /// Name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Role.
    pub role: String,
}

/// Raw input for a new client.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct ClientInput {
    /// Name.
    pub name: String,
    /// Language code.
    pub language: String,
    /// Country code.
    pub country: String,
    /// IANA time zone.
    pub time_zone: String,
    /// Goals.
    pub goals: String,
    /// Key dates as `LABEL=YYYY-MM-DD`.
    pub key_dates: Vec<String>,
    /// Email domains.
    pub domains: Vec<String>,
}

/// Raw changes to a client: `None` keeps a field; key dates and domains are added or removed.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct ClientEdit {
    /// New name.
    pub name: Option<String>,
    /// New language.
    pub language: Option<String>,
    /// New country.
    pub country: Option<String>,
    /// New time zone.
    pub time_zone: Option<String>,
    /// New goals.
    pub goals: Option<String>,
    /// Key dates to add (`LABEL=YYYY-MM-DD`).
    pub add_key_dates: Vec<String>,
    /// Key date labels to remove.
    pub remove_key_dates: Vec<String>,
    /// Domains to add.
    pub add_domains: Vec<String>,
    /// Domains to remove.
    pub remove_domains: Vec<String>,
}

/// Raw input for a new contact.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct ContactInput {
    /// Client name or id.
    pub client: String,
    /// Name.
    pub name: String,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Preferred channel.
    pub channel: Option<String>,
    /// Language override.
    pub language: Option<String>,
}

/// A client with everything around it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ClientView {
    /// The client.
    #[serde(flatten)]
    pub client: Client,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Projects.
    pub projects: Vec<Project>,
}

impl App {
    /// Adds a team member.
    pub async fn add_team_member(&self, input: &TeamInput) -> Result<TeamMember> {
        let m = NewTeamMember::parse(&input.name, &input.email, &input.role)?;
        let mut tx = self.begin().await?;
        let stored = tx.insert_team_member(&m).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// The team roster.
    pub async fn team(&self) -> Result<Vec<TeamMember>> {
        Ok(self.begin().await?.team_members().await?)
    }

    /// Adds a client.
    pub async fn add_client(&self, input: &ClientInput) -> Result<Client> {
        let key_dates = input
            .key_dates
            .iter()
            .map(|k| KeyDate::parse(k))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let c = NewClient {
            name: input.name.clone(),
            language: Language::parse("language", &input.language)?,
            country: input.country.clone(),
            time_zone: input.time_zone.clone(),
            goals: input.goals.clone(),
            key_dates,
            email_domains: input.domains.clone(),
        }
        .validate()?;
        let mut tx = self.begin().await?;
        let stored = tx.insert_client(&c).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Changes a client.
    pub async fn edit_client(&self, key: &str, edit: &ClientEdit) -> Result<Client> {
        let mut tx = self.begin().await?;
        let current = resolve::client(&mut tx, key).await?;
        let id = current.id;
        let mut c = NewClient::from(current);
        if let Some(n) = &edit.name {
            c.name = field::non_empty("name", n)?;
        }
        if let Some(l) = &edit.language {
            c.language = Language::parse("language", l)?;
        }
        if let Some(v) = &edit.country {
            c.country = v.clone();
        }
        if let Some(v) = &edit.time_zone {
            c.time_zone = v.clone();
        }
        if let Some(v) = &edit.goals {
            c.goals = v.clone();
        }
        for label in &edit.remove_key_dates {
            let before = c.key_dates.len();
            c.key_dates
                .retain(|k| !k.label.eq_ignore_ascii_case(label.trim()));
            if c.key_dates.len() == before {
                return Err(candor_core::ValidationError::new(
                    "remove-key-date",
                    label.as_str(),
                    "the client has no key date with this label",
                )
                .into());
            }
        }
        for k in &edit.add_key_dates {
            c.key_dates.push(KeyDate::parse(k)?);
        }
        for d in &edit.remove_domains {
            let d = field::domain_name("remove-domain", d)?;
            c.email_domains.retain(|x| *x != d);
        }
        c.email_domains.extend(edit.add_domains.iter().cloned());
        let c = c.validate()?;
        let stored = tx.update_client(id, &c).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Every client.
    pub async fn clients(&self) -> Result<Vec<Client>> {
        Ok(self.begin().await?.clients().await?)
    }

    /// One client with contacts and projects.
    pub async fn client_view(&self, key: &str) -> Result<ClientView> {
        let mut tx = self.begin().await?;
        let client = resolve::client(&mut tx, key).await?;
        let contacts = tx.contacts(Some(client.id)).await?;
        let projects = tx.projects(Some(client.id)).await?;
        Ok(ClientView {
            client,
            contacts,
            projects,
        })
    }

    /// Adds a contact to a client.
    pub async fn add_contact(&self, input: &ContactInput) -> Result<Contact> {
        let mut tx = self.begin().await?;
        let client = resolve::client(&mut tx, &input.client).await?;
        let c = NewContact::parse(
            client.id,
            &input.name,
            input.email.as_deref(),
            input.phone.as_deref(),
            input.channel.as_deref(),
            input.language.as_deref(),
        )?;
        let stored = tx.insert_contact(&c).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Contacts, of one client when given.
    pub async fn contacts(&self, client: Option<&str>) -> Result<Vec<Contact>> {
        let mut tx = self.begin().await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        Ok(tx.contacts(client_id).await?)
    }
}
