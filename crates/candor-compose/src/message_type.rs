//! The ten message types the composer writes, with the stable IDs the checker's table uses.

use candor_core::{ValidationError, field};
use serde::Serialize;
use std::fmt;

/// A message the composer can draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageType {
    /// Short email asking for a call (broken promise, first contact).
    CallRequest,
    /// Talking points for the call.
    CallScript,
    /// Voicemail, under 30 seconds spoken.
    Voicemail,
    /// Thorough email about a delay.
    DelayEmail,
    /// Email owning a mistake.
    MistakeEmail,
    /// Thorough honest email walking back a promise when a call is impossible.
    WalkBackEmail,
    /// Written summary of what was agreed.
    FollowUpSummary,
    /// Check-in during the transition.
    TransitionCheckin,
    /// Weekly progress update with the up-to-date timeline.
    WeeklyCheckin,
    /// Blameless team review (internal).
    RetrospectiveDoc,
}

/// How a message reaches its reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    /// An email to the client.
    Email,
    /// Spoken (a call or a voicemail); the text is for the person speaking.
    Spoken,
    /// A document that stays inside the team.
    Internal,
}

impl MessageType {
    /// Every type, in a stable order.
    pub const ALL: [MessageType; 10] = [
        Self::CallRequest,
        Self::CallScript,
        Self::Voicemail,
        Self::DelayEmail,
        Self::MistakeEmail,
        Self::WalkBackEmail,
        Self::FollowUpSummary,
        Self::TransitionCheckin,
        Self::WeeklyCheckin,
        Self::RetrospectiveDoc,
    ];

    /// Stable ID, also the template file name.
    pub fn id(self) -> &'static str {
        match self {
            Self::CallRequest => "call_request",
            Self::CallScript => "call_script",
            Self::Voicemail => "voicemail",
            Self::DelayEmail => "delay_email",
            Self::MistakeEmail => "mistake_email",
            Self::WalkBackEmail => "walk_back_email",
            Self::FollowUpSummary => "follow_up_summary",
            Self::TransitionCheckin => "transition_checkin",
            Self::WeeklyCheckin => "weekly_checkin",
            Self::RetrospectiveDoc => "retrospective_doc",
        }
    }

    /// Parses a type ID, listing the valid ones when it is unknown.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        let options: Vec<(&str, Self)> = Self::ALL.iter().map(|t| (t.id(), *t)).collect();
        field::one_of(field_name, value, &options)
    }

    /// How the message reaches its reader.
    pub fn medium(self) -> Medium {
        match self {
            Self::CallScript | Self::Voicemail => Medium::Spoken,
            Self::RetrospectiveDoc => Medium::Internal,
            _ => Medium::Email,
        }
    }

    /// Whether the client reads or hears it (everything but the retrospective).
    pub fn client_facing(self) -> bool {
        self.medium() != Medium::Internal
    }

    /// Whether it is written for an incident (everything but the weekly check-in).
    pub fn needs_incident(self) -> bool {
        self != Self::WeeklyCheckin
    }
}

impl fmt::Display for MessageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_unknown_ids_list_the_valid_ones() {
        for t in MessageType::ALL {
            assert_eq!(MessageType::parse("type", t.id()).unwrap(), t);
        }
        let e = MessageType::parse("type", "delay_mail").unwrap_err();
        assert_eq!(e.field, "type");
        assert!(e.reason.contains("delay_email"), "{}", e.reason);
        assert!(!MessageType::RetrospectiveDoc.client_facing());
        assert_eq!(MessageType::Voicemail.medium(), Medium::Spoken);
    }
}
