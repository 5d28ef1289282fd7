//! Record entries: the per-client running folder of every email, call, meeting and document.

use crate::{Id, ValidationError, field};
use serde::{Deserialize, Serialize};

/// What kind of thing a record entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// An email.
    Email,
    /// A phone call.
    Call,
    /// A voicemail left or received.
    Voicemail,
    /// A meeting.
    Meeting,
    /// An internal note.
    Note,
    /// A document (contract, proposal, report).
    Document,
}

impl RecordKind {
    /// Every kind.
    pub const ALL: [RecordKind; 6] = [
        Self::Email,
        Self::Call,
        Self::Voicemail,
        Self::Meeting,
        Self::Note,
        Self::Document,
    ];

    /// Stable ID.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Call => "call",
            Self::Voicemail => "voicemail",
            Self::Meeting => "meeting",
            Self::Note => "note",
            Self::Document => "document",
        }
    }

    /// Parses a kind ID.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        let options: Vec<(&str, Self)> = Self::ALL.iter().map(|s| (s.as_str(), *s)).collect();
        field::one_of(field_name, value, &options)
    }
}

/// Which way a record entry went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// From the client to us.
    In,
    /// From us to the client.
    Out,
    /// Inside the team only.
    Internal,
}

impl Direction {
    /// Stable ID.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Out => "out",
            Self::Internal => "internal",
        }
    }

    /// Parses a direction ID.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        field::one_of(
            field_name,
            value,
            &[
                ("in", Self::In),
                ("out", Self::Out),
                ("internal", Self::Internal),
            ],
        )
    }
}

/// A stored record entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RecordEntry {
    /// Database id.
    pub id: Id,
    /// Client.
    pub client_id: Id,
    /// Project, if any.
    pub project_id: Option<Id>,
    /// Incident, if any.
    pub incident_id: Option<Id>,
    /// Kind.
    pub kind: RecordKind,
    /// Direction.
    pub direction: Direction,
    /// When it happened.
    #[schemars(with = "crate::schema::Timestamp")]
    pub at: jiff::Timestamp,
    /// Who wrote or held it.
    pub author: String,
    /// Everyone involved.
    pub participants: Vec<String>,
    /// Subject or title.
    pub subject: String,
    /// Body text.
    pub body: String,
    /// Where it came from (a file, a Message-ID, "cli").
    pub source: String,
}

/// A validated record entry ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecordEntry {
    /// Client.
    pub client_id: Id,
    /// Project.
    pub project_id: Option<Id>,
    /// Incident.
    pub incident_id: Option<Id>,
    /// Kind.
    pub kind: RecordKind,
    /// Direction.
    pub direction: Direction,
    /// When.
    pub at: jiff::Timestamp,
    /// Author.
    pub author: String,
    /// Participants.
    pub participants: Vec<String>,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// Source.
    pub source: String,
}

impl NewRecordEntry {
    /// Checks that an entry says something: a subject or a body, and an author.
    pub fn validate(mut self) -> Result<Self, ValidationError> {
        self.author = field::non_empty("author", &self.author)?;
        self.subject = self.subject.trim().to_owned();
        if self.subject.is_empty() && self.body.trim().is_empty() {
            return Err(ValidationError::new(
                "subject",
                "",
                "a record entry needs a subject or a body",
            ));
        }
        self.participants = self
            .participants
            .iter()
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        Ok(self)
    }
}
