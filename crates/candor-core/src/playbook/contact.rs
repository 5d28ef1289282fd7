//! Contact attempts and the channel order call → voicemail → email (seeds 000, 001, 002 §3–4).

use crate::{Id, ValidationError, field};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What happened when we tried to reach the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// We called and they picked up.
    CallAnswered,
    /// We called and nobody answered.
    CallNotAnswered,
    /// We left a voicemail.
    VoicemailLeft,
    /// We met (in person or by video).
    MeetingHeld,
    /// We sent the news by email.
    EmailSent,
    /// We sent a short email asking for a call (seed 002 §3); it does not tell the news.
    CallRequest,
}

impl ContactKind {
    /// Every kind.
    pub const ALL: [ContactKind; 6] = [
        Self::CallAnswered,
        Self::CallNotAnswered,
        Self::VoicemailLeft,
        Self::MeetingHeld,
        Self::EmailSent,
        Self::CallRequest,
    ];

    /// Stable ID.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CallAnswered => "call_answered",
            Self::CallNotAnswered => "call_not_answered",
            Self::VoicemailLeft => "voicemail_left",
            Self::MeetingHeld => "meeting_held",
            Self::EmailSent => "email_sent",
            Self::CallRequest => "call_request",
        }
    }

    /// Parses a stored ID.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        let options: Vec<(&str, Self)> = Self::ALL.iter().map(|k| (k.as_str(), *k)).collect();
        field::one_of(field_name, value, &options)
    }

    /// Maps the CLI form (`call|voicemail|email|meeting` plus flags) to a kind.
    pub fn from_channel(
        channel: &str,
        no_answer: bool,
        call_request: bool,
    ) -> Result<Self, ValidationError> {
        let kind = match channel.trim().to_lowercase().as_str() {
            "call" if no_answer => Self::CallNotAnswered,
            "call" => Self::CallAnswered,
            "voicemail" => Self::VoicemailLeft,
            "meeting" => Self::MeetingHeld,
            "email" if call_request => Self::CallRequest,
            "email" => Self::EmailSent,
            _ => {
                return Err(ValidationError::new(
                    "channel",
                    channel,
                    "expected one of call, voicemail, email, meeting",
                ));
            }
        };
        if no_answer && kind != Self::CallNotAnswered {
            return Err(ValidationError::new(
                "no-answer",
                channel,
                "only a call can go unanswered",
            ));
        }
        if call_request && kind != Self::CallRequest {
            return Err(ValidationError::new(
                "call-request",
                channel,
                "only an email can ask for a call",
            ));
        }
        Ok(kind)
    }

    /// The record kind this attempt is stored as (`call`, `voicemail`, `meeting`, `email`).
    pub fn record_kind(self) -> crate::RecordKind {
        match self {
            Self::CallAnswered | Self::CallNotAnswered => crate::RecordKind::Call,
            Self::VoicemailLeft => crate::RecordKind::Voicemail,
            Self::MeetingHeld => crate::RecordKind::Meeting,
            Self::EmailSent | Self::CallRequest => crate::RecordKind::Email,
        }
    }

    /// The client heard the news through this attempt.
    pub fn tells_client(self) -> bool {
        matches!(
            self,
            Self::CallAnswered | Self::MeetingHeld | Self::EmailSent
        )
    }

    /// We spoke with the client (phone or in person).
    pub fn is_conversation(self) -> bool {
        matches!(self, Self::CallAnswered | Self::MeetingHeld)
    }

    /// A short email asking for a call.
    pub fn is_call_request(self) -> bool {
        self == Self::CallRequest
    }

    /// We tried the phone or met (what must come before a news email).
    pub fn is_voice_attempt(self) -> bool {
        matches!(
            self,
            Self::CallAnswered | Self::CallNotAnswered | Self::VoicemailLeft | Self::MeetingHeld
        )
    }
}

/// A contact attempt as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ContactAttempt {
    /// The record entry that holds it (set once stored).
    pub record_id: Option<Id>,
    /// What happened.
    pub kind: ContactKind,
    /// When.
    #[schemars(with = "crate::schema::Timestamp")]
    pub at: Timestamp,
    /// What came of it, in our words.
    pub outcome: String,
    /// Why an email went before any call (required then).
    pub email_first_reason: Option<String>,
    /// The follow-up call planned after an email-first (required then).
    #[schemars(with = "Option<crate::schema::Date>")]
    pub call_planned_on: Option<Date>,
}

/// A contact attempt as entered, before the channel-order rule is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContactAttempt {
    /// What happened.
    pub kind: ContactKind,
    /// When (defaults to now at the CLI).
    pub at: Timestamp,
    /// What came of it.
    pub outcome: String,
    /// Why email goes first, when it does.
    pub reason: Option<String>,
    /// When the follow-up call is planned, when email goes first.
    pub call_on: Option<Date>,
}

impl NewContactAttempt {
    /// Applies the channel order against earlier attempts: an email with the news that no call,
    /// voicemail or meeting preceded needs a reason and a planned follow-up call on or after
    /// `today`.
    pub fn validate(
        self,
        earlier: &[ContactAttempt],
        today: Date,
    ) -> Result<ContactAttempt, ValidationError> {
        let outcome = field::non_empty("outcome", &self.outcome)?;
        let reason = self
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        let email_first = self.kind == ContactKind::EmailSent
            && !earlier
                .iter()
                .any(|c| c.kind.is_voice_attempt() && c.at <= self.at);
        if !email_first {
            if reason.is_some() || self.call_on.is_some() {
                let f = if reason.is_some() {
                    "reason"
                } else {
                    "call-on"
                };
                return Err(ValidationError::new(
                    f,
                    reason.unwrap_or_default(),
                    "only an email sent before any call needs a reason and a planned call",
                ));
            }
            return Ok(self.stored(outcome, None, None));
        }
        let reason = reason.ok_or_else(|| {
            ValidationError::new(
                "reason",
                "",
                "the channel order is call → voicemail → email; an email before any call needs \
                 --reason (e.g. \"the client asked for email\") and --call-on DATE for the \
                 follow-up call",
            )
        })?;
        let call_on = self.call_on.ok_or_else(|| {
            ValidationError::new(
                "call-on",
                "",
                "an email before any call must plan the follow-up call: give --call-on YYYY-MM-DD",
            )
        })?;
        if call_on < today {
            return Err(ValidationError::new(
                "call-on",
                call_on.to_string(),
                format!("the follow-up call cannot be planned in the past (today is {today})"),
            ));
        }
        let reason = reason.to_owned();
        Ok(self.stored(outcome, Some(reason), Some(call_on)))
    }

    fn stored(
        self,
        outcome: String,
        reason: Option<String>,
        call_on: Option<Date>,
    ) -> ContactAttempt {
        ContactAttempt {
            record_id: None,
            kind: self.kind,
            at: self.at,
            outcome,
            email_first_reason: reason,
            call_planned_on: call_on,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn attempt(kind: ContactKind, t: &str) -> NewContactAttempt {
        NewContactAttempt {
            kind,
            at: at(t),
            outcome: "ok".into(),
            reason: None,
            call_on: None,
        }
    }

    #[test]
    fn email_first_needs_reason_and_call() {
        let today: Date = "2026-11-25".parse().unwrap();
        let e = attempt(ContactKind::EmailSent, "2026-11-25T10:00:00Z")
            .validate(&[], today)
            .unwrap_err();
        assert_eq!(e.field, "reason");
        let mut a = attempt(ContactKind::EmailSent, "2026-11-25T10:00:00Z");
        a.reason = Some("client asked for email".into());
        assert_eq!(a.clone().validate(&[], today).unwrap_err().field, "call-on");
        a.call_on = Some("2026-11-24".parse().unwrap());
        assert_eq!(a.clone().validate(&[], today).unwrap_err().field, "call-on");
        a.call_on = Some("2026-11-26".parse().unwrap());
        let ok = a.validate(&[], today).unwrap();
        assert_eq!(
            ok.email_first_reason.as_deref(),
            Some("client asked for email")
        );
    }

    #[test]
    fn email_after_voicemail_needs_no_reason() {
        let today: Date = "2026-11-25".parse().unwrap();
        let vm = attempt(ContactKind::VoicemailLeft, "2026-11-25T09:00:00Z")
            .validate(&[], today)
            .unwrap();
        let email = attempt(ContactKind::EmailSent, "2026-11-25T10:00:00Z")
            .validate(std::slice::from_ref(&vm), today);
        assert!(email.is_ok());
        // A call logged later than the email does not excuse the email.
        let late_call = attempt(ContactKind::CallNotAnswered, "2026-11-25T11:00:00Z")
            .validate(&[], today)
            .unwrap();
        let e =
            attempt(ContactKind::EmailSent, "2026-11-25T10:00:00Z").validate(&[late_call], today);
        assert_eq!(e.unwrap_err().field, "reason");
        let mut with_reason = attempt(ContactKind::CallAnswered, "2026-11-25T10:00:00Z");
        with_reason.reason = Some("x".into());
        assert_eq!(
            with_reason.validate(&[vm], today).unwrap_err().field,
            "reason"
        );
    }

    #[test]
    fn cli_channels_map_to_kinds() {
        assert_eq!(
            ContactKind::from_channel("call", true, false).unwrap(),
            ContactKind::CallNotAnswered
        );
        assert_eq!(
            ContactKind::from_channel("email", false, true).unwrap(),
            ContactKind::CallRequest
        );
        assert!(ContactKind::from_channel("fax", false, false).is_err());
        assert_eq!(
            ContactKind::from_channel("email", true, false)
                .unwrap_err()
                .field,
            "no-answer"
        );
        assert!(!ContactKind::CallRequest.tells_client());
        assert!(ContactKind::EmailSent.tells_client());
    }
}
