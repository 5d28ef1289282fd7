//! The stable PLAYBOOK IDs the checker speaks in: message elements and anti-patterns.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a good client message contains (PLAYBOOK "Message elements").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    /// A plain, sincere apology.
    Apology,
    /// The client's concrete inconvenience.
    Impact,
    /// We have found the problem and have it in hand.
    Ownership,
    /// A concrete new completion date.
    NewDate,
    /// What we will do to get back on track.
    Plan,
    /// Compensation or an alternative.
    Remedy,
    /// Acknowledges the client's feelings.
    Empathy,
    /// Proposes the next contact.
    NextStep,
    /// Thanks the client for their patience.
    Thanks,
}

/// What a good client message avoids (PLAYBOOK "Anti-patterns").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AntiPattern {
    /// Points at a teammate.
    BlamesColleague,
    /// Puts the fault on the client.
    BlamesClient,
    /// Pretends the promise never existed.
    DeniesPromise,
    /// Excuses instead of ownership.
    Deflects,
    /// Conditional or passive apology.
    NonApology,
    /// "Soon" or "ASAP" without a date.
    VagueTimeline,
    /// Guarantees we cannot back.
    Overpromise,
    /// Internal details the client does not need.
    InternalDetail,
}

impl Element {
    /// All nine elements in PLAYBOOK order.
    pub const ALL: [Element; 9] = [
        Element::Apology,
        Element::Impact,
        Element::Ownership,
        Element::NewDate,
        Element::Plan,
        Element::Remedy,
        Element::Empathy,
        Element::NextStep,
        Element::Thanks,
    ];

    /// The PLAYBOOK id, e.g. `new_date`.
    pub fn id(self) -> &'static str {
        match self {
            Element::Apology => "apology",
            Element::Impact => "impact",
            Element::Ownership => "ownership",
            Element::NewDate => "new_date",
            Element::Plan => "plan",
            Element::Remedy => "remedy",
            Element::Empathy => "empathy",
            Element::NextStep => "next_step",
            Element::Thanks => "thanks",
        }
    }
}

impl AntiPattern {
    /// All eight anti-patterns in PLAYBOOK order.
    pub const ALL: [AntiPattern; 8] = [
        AntiPattern::BlamesColleague,
        AntiPattern::BlamesClient,
        AntiPattern::DeniesPromise,
        AntiPattern::Deflects,
        AntiPattern::NonApology,
        AntiPattern::VagueTimeline,
        AntiPattern::Overpromise,
        AntiPattern::InternalDetail,
    ];

    /// The PLAYBOOK id, e.g. `blames_colleague`.
    pub fn id(self) -> &'static str {
        match self {
            AntiPattern::BlamesColleague => "blames_colleague",
            AntiPattern::BlamesClient => "blames_client",
            AntiPattern::DeniesPromise => "denies_promise",
            AntiPattern::Deflects => "deflects",
            AntiPattern::NonApology => "non_apology",
            AntiPattern::VagueTimeline => "vague_timeline",
            AntiPattern::Overpromise => "overpromise",
            AntiPattern::InternalDetail => "internal_detail",
        }
    }
}

/// What a rule looks for: an element to credit or an anti-pattern to flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// The rule shows a message element.
    Element(Element),
    /// The rule flags an anti-pattern.
    AntiPattern(AntiPattern),
}

impl Target {
    /// The PLAYBOOK id of the element or anti-pattern.
    pub fn id(self) -> &'static str {
        match self {
            Target::Element(e) => e.id(),
            Target::AntiPattern(a) => a.id(),
        }
    }
}

/// An id that is neither an element nor an anti-pattern.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown id {0:?}: expected a PLAYBOOK element or anti-pattern id")]
pub struct UnknownId(pub String);

impl FromStr for Element {
    type Err = UnknownId;
    fn from_str(s: &str) -> Result<Self, UnknownId> {
        Element::ALL
            .into_iter()
            .find(|e| e.id() == s)
            .ok_or_else(|| UnknownId(s.to_owned()))
    }
}

impl FromStr for AntiPattern {
    type Err = UnknownId;
    fn from_str(s: &str) -> Result<Self, UnknownId> {
        AntiPattern::ALL
            .into_iter()
            .find(|a| a.id() == s)
            .ok_or_else(|| UnknownId(s.to_owned()))
    }
}

impl FromStr for Target {
    type Err = UnknownId;
    fn from_str(s: &str) -> Result<Self, UnknownId> {
        s.parse::<Element>()
            .map(Target::Element)
            .or_else(|_| s.parse::<AntiPattern>().map(Target::AntiPattern))
    }
}

impl fmt::Display for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl fmt::Display for AntiPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_from_str() {
        for e in Element::ALL {
            assert_eq!(e.id().parse::<Element>(), Ok(e));
            assert_eq!(
                serde_json::to_string(&e).unwrap(),
                format!("\"{}\"", e.id())
            );
        }
        for a in AntiPattern::ALL {
            assert_eq!(a.id().parse::<Target>(), Ok(Target::AntiPattern(a)));
        }
        assert!("apologie".parse::<Target>().is_err());
    }
}
