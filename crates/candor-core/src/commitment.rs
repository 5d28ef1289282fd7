//! Commitments: what we promised a client, who promised it, and where it is written down.

use crate::{Id, ValidationError, field};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Where a commitment can be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum SourceRef {
    /// A record entry by id.
    Record(Id),
    /// An email by its Message-ID.
    MessageId(String),
    /// A contract clause, e.g. "MSA §4.2".
    ContractClause(String),
    /// No source recorded.
    None,
}

impl SourceRef {
    /// Parses the CLI form: `record:12`, `message-id:<abc@x>`, `clause:MSA 4.2`, or empty.
    pub fn parse(value: &str) -> Result<Self, ValidationError> {
        let v = value.trim();
        if v.is_empty() {
            return Ok(Self::None);
        }
        let bad = || {
            ValidationError::new(
                "source",
                value,
                "expected record:ID, message-id:<ID> or clause:TEXT",
            )
        };
        let (kind, rest) = v.split_once(':').ok_or_else(bad)?;
        let rest = rest.trim();
        match kind.trim().to_lowercase().as_str() {
            "record" => rest.parse().map(Self::Record).map_err(|_| bad()),
            "message-id" | "message_id" | "mid" => {
                let id = rest.trim_start_matches('<').trim_end_matches('>');
                if id.is_empty() {
                    return Err(bad());
                }
                Ok(Self::MessageId(id.to_owned()))
            }
            "clause" => Ok(Self::ContractClause(field::non_empty("source", rest)?)),
            _ => Err(bad()),
        }
    }

    /// Splits into (kind, value) for storage.
    pub fn to_parts(&self) -> (&'static str, String) {
        match self {
            SourceRef::Record(id) => ("record", id.to_string()),
            SourceRef::MessageId(m) => ("message_id", m.clone()),
            SourceRef::ContractClause(c) => ("contract_clause", c.clone()),
            SourceRef::None => ("none", String::new()),
        }
    }

    /// Rebuilds from storage parts.
    pub fn from_parts(kind: &str, value: &str) -> Result<Self, ValidationError> {
        match kind {
            "record" => value
                .parse()
                .map(Self::Record)
                .map_err(|_| ValidationError::new("source", value, "bad record id")),
            "message_id" => Ok(Self::MessageId(value.to_owned())),
            "contract_clause" => Ok(Self::ContractClause(value.to_owned())),
            "none" => Ok(Self::None),
            _ => Err(ValidationError::new("source", kind, "unknown source kind")),
        }
    }
}

/// The life of a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    /// Still to be delivered.
    Open,
    /// Delivered as promised.
    Kept,
    /// Likely to be missed.
    AtRisk,
    /// Missed or cannot be delivered.
    Broken,
    /// Taken back with the client's knowledge.
    Withdrawn,
    /// Replaced by a new agreement.
    Renegotiated,
}

impl CommitmentStatus {
    /// Every status.
    pub const ALL: [CommitmentStatus; 6] = [
        Self::Open,
        Self::Kept,
        Self::AtRisk,
        Self::Broken,
        Self::Withdrawn,
        Self::Renegotiated,
    ];

    /// Stable ID.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Kept => "kept",
            Self::AtRisk => "at_risk",
            Self::Broken => "broken",
            Self::Withdrawn => "withdrawn",
            Self::Renegotiated => "renegotiated",
        }
    }

    /// Parses a status ID.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        let options: Vec<(&str, Self)> = Self::ALL.iter().map(|s| (s.as_str(), *s)).collect();
        field::one_of(field_name, value, &options)
    }
}

/// A stored commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Commitment {
    /// Database id.
    pub id: Id,
    /// Client it was made to.
    pub client_id: Id,
    /// Project, if it belongs to one.
    pub project_id: Option<Id>,
    /// What was promised.
    pub text: String,
    /// Who promised it.
    pub made_by: String,
    /// When it was promised.
    #[schemars(with = "crate::schema::Date")]
    pub made_at: Date,
    /// Where it is written down.
    pub source: SourceRef,
    /// When it is due, if stated.
    #[schemars(with = "Option<crate::schema::Date>")]
    pub due: Option<Date>,
    /// Status.
    pub status: CommitmentStatus,
}

/// A validated commitment ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCommitment {
    /// Client.
    pub client_id: Id,
    /// Project.
    pub project_id: Option<Id>,
    /// Text.
    pub text: String,
    /// Made by.
    pub made_by: String,
    /// Made at.
    pub made_at: Date,
    /// Source.
    pub source: SourceRef,
    /// Due.
    pub due: Option<Date>,
    /// Status.
    pub status: CommitmentStatus,
}

impl NewCommitment {
    /// Validates raw input; a due date may not fall before the day the promise was made.
    #[expect(
        clippy::too_many_arguments,
        reason = "one argument per user-facing field"
    )]
    pub fn parse(
        client_id: Id,
        project_id: Option<Id>,
        text: &str,
        made_by: &str,
        made_at: &str,
        source: &str,
        due: Option<&str>,
        status: Option<&str>,
    ) -> Result<Self, ValidationError> {
        let made_at = field::date("made-at", made_at)?;
        let due = match due {
            Some(d) => {
                let date = field::date("due", d)?;
                if date < made_at {
                    return Err(ValidationError::new(
                        "due",
                        d,
                        format!("falls before the promise was made ({made_at})"),
                    ));
                }
                Some(date)
            }
            None => None,
        };
        Ok(Self {
            client_id,
            project_id,
            text: field::non_empty("text", text)?,
            made_by: field::non_empty("made-by", made_by)?,
            made_at,
            source: SourceRef::parse(source)?,
            due,
            status: status
                .map(|s| CommitmentStatus::parse("status", s))
                .transpose()?
                .unwrap_or(CommitmentStatus::Open),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_refs_parse() {
        assert_eq!(SourceRef::parse("record:7").unwrap(), SourceRef::Record(7));
        assert_eq!(
            SourceRef::parse("message-id:<a@b>").unwrap(),
            SourceRef::MessageId("a@b".into())
        );
        assert!(SourceRef::parse("record:x").is_err());
        assert!(SourceRef::parse("phone:1").is_err());
        let s = SourceRef::ContractClause("MSA §4.2".into());
        let (k, v) = s.to_parts();
        assert_eq!(SourceRef::from_parts(k, &v).unwrap(), s);
    }

    #[test]
    fn unknown_status_lists_options() {
        let e = CommitmentStatus::parse("status", "maybe").unwrap_err();
        assert!(e.reason.contains("renegotiated"));
    }
}
