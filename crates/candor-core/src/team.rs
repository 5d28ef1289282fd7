//! Team members: the people on our side who make promises and talk to clients.

use crate::{Id, ValidationError, field};
use serde::{Deserialize, Serialize};

/// A stored team member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TeamMember {
    /// Database id.
    pub id: Id,
    /// Full name as colleagues and clients know it.
    pub name: String,
    /// Work email address (lower-cased domain); used to tell outgoing mail.
    pub email: String,
    /// Free-text role such as "account manager".
    pub role: String,
}

/// A validated team member ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTeamMember {
    /// Full name.
    pub name: String,
    /// Email address.
    pub email: String,
    /// Role.
    pub role: String,
}

impl NewTeamMember {
    /// Validates raw input: a name, an email address, and a role (may be empty).
    pub fn parse(name: &str, email: &str, role: &str) -> Result<Self, ValidationError> {
        Ok(Self {
            name: field::non_empty("name", name)?,
            email: field::email("email", email)?,
            role: role.trim().to_owned(),
        })
    }
}
