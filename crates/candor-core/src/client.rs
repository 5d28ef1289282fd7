//! Clients and their contacts: who we answer to, in which language, and what matters to them.

use crate::{Id, ValidationError, field};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A language candor writes and checks messages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    En,
    /// Dutch.
    Nl,
    /// Norwegian Bokmål.
    Nb,
    /// Bengali.
    Bn,
}

impl Language {
    /// Every supported language, in a stable order.
    pub const ALL: [Language; 4] = [Language::En, Language::Nl, Language::Nb, Language::Bn];

    /// The ISO 639-1 code used everywhere (`en`, `nl`, `nb`, `bn`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Nl => "nl",
            Language::Nb => "nb",
            Language::Bn => "bn",
        }
    }

    /// Parses a code, naming `field` when it is not a supported language.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        let options: Vec<(&str, Language)> = Self::ALL.iter().map(|l| (l.code(), *l)).collect();
        field::one_of(field_name, value, &options)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A date that matters to the client, such as "annual shareholders' meeting" on 2027-03-15.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct KeyDate {
    /// What happens on that date, in the client's words.
    pub label: String,
    /// The date.
    #[schemars(with = "crate::schema::Date")]
    pub date: Date,
}

impl KeyDate {
    /// Parses `LABEL=YYYY-MM-DD` (the CLI form) into a key date.
    pub fn parse(value: &str) -> Result<Self, ValidationError> {
        let (label, date) = value.rsplit_once('=').ok_or_else(|| {
            ValidationError::new(
                "key-date",
                value,
                "expected LABEL=YYYY-MM-DD, e.g. \"annual shareholders' meeting=2027-03-15\"",
            )
        })?;
        Ok(Self {
            label: field::non_empty("key-date", label)?,
            date: field::date("key-date", date)?,
        })
    }
}

/// A stored client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Client {
    /// Database id.
    pub id: Id,
    /// Unique name.
    pub name: String,
    /// Language we write to this client in (a contact may override it).
    pub language: Language,
    /// ISO 3166 country code (for holidays and formatting).
    pub country: String,
    /// IANA time zone.
    pub time_zone: String,
    /// The client's goals, in their words.
    pub goals: String,
    /// Dates that matter to the client.
    pub key_dates: Vec<KeyDate>,
    /// Email domains that identify the client's mail.
    pub email_domains: Vec<String>,
}

/// A validated client ready to store (also the result of an edit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClient {
    /// Unique name.
    pub name: String,
    /// Language.
    pub language: Language,
    /// Country code.
    pub country: String,
    /// Time zone.
    pub time_zone: String,
    /// Goals.
    pub goals: String,
    /// Key dates.
    pub key_dates: Vec<KeyDate>,
    /// Email domains.
    pub email_domains: Vec<String>,
}

impl NewClient {
    /// Checks the whole client: non-empty name, valid country, zone and domains, unique domains.
    pub fn validate(mut self) -> Result<Self, ValidationError> {
        self.name = field::non_empty("name", &self.name)?;
        self.country = field::country("country", &self.country)?;
        self.time_zone = field::time_zone("time-zone", &self.time_zone)?;
        let mut domains = Vec::new();
        for d in &self.email_domains {
            let d = field::domain_name("domain", d)?;
            if !domains.contains(&d) {
                domains.push(d);
            }
        }
        self.email_domains = domains;
        self.goals = self.goals.trim().to_owned();
        self.key_dates
            .sort_by(|a, b| a.date.cmp(&b.date).then(a.label.cmp(&b.label)));
        Ok(self)
    }
}

impl From<Client> for NewClient {
    fn from(c: Client) -> Self {
        Self {
            name: c.name,
            language: c.language,
            country: c.country,
            time_zone: c.time_zone,
            goals: c.goals,
            key_dates: c.key_dates,
            email_domains: c.email_domains,
        }
    }
}

/// How a contact prefers to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PreferredChannel {
    /// A phone call.
    Call,
    /// Email.
    Email,
    /// Meeting in person.
    InPerson,
}

impl PreferredChannel {
    /// Stable ID.
    pub fn as_str(self) -> &'static str {
        match self {
            PreferredChannel::Call => "call",
            PreferredChannel::Email => "email",
            PreferredChannel::InPerson => "in_person",
        }
    }

    /// Parses a channel ID.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        field::one_of(
            field_name,
            value,
            &[
                ("call", Self::Call),
                ("email", Self::Email),
                ("in_person", Self::InPerson),
            ],
        )
    }
}

/// A stored contact person at a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Contact {
    /// Database id.
    pub id: Id,
    /// The client this person works for.
    pub client_id: Id,
    /// Full name.
    pub name: String,
    /// Email address, if known.
    pub email: Option<String>,
    /// Phone number, if known.
    pub phone: Option<String>,
    /// How they like to be reached.
    pub preferred_channel: PreferredChannel,
    /// Overrides the client's language for this person.
    pub language: Option<Language>,
}

/// A validated contact ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContact {
    /// Client id.
    pub client_id: Id,
    /// Name.
    pub name: String,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Preferred channel.
    pub preferred_channel: PreferredChannel,
    /// Language override.
    pub language: Option<Language>,
}

impl NewContact {
    /// Validates raw contact input; a phone number may hold digits, spaces, `+ - ( ) .`.
    pub fn parse(
        client_id: Id,
        name: &str,
        email: Option<&str>,
        phone: Option<&str>,
        channel: Option<&str>,
        language: Option<&str>,
    ) -> Result<Self, ValidationError> {
        let phone = match phone.map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => {
                let ok = p.chars().any(|c| c.is_ascii_digit())
                    && p.chars()
                        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
                if !ok {
                    return Err(ValidationError::new(
                        "phone",
                        p,
                        "expected a phone number such as +31 20 123 4567",
                    ));
                }
                Some(p.to_owned())
            }
            None => None,
        };
        Ok(Self {
            client_id,
            name: field::non_empty("name", name)?,
            email: email.map(|e| field::email("email", e)).transpose()?,
            phone,
            preferred_channel: channel
                .map(|c| PreferredChannel::parse("channel", c))
                .transpose()?
                .unwrap_or(PreferredChannel::Call),
            language: language
                .map(|l| Language::parse("language", l))
                .transpose()?,
        })
    }
}
