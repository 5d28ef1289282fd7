//! The retrospective: blameless by construction, so it has no field for "who was at fault".

use super::ascii_digits;
use crate::{ValidationError, field};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One thing the team will do to prevent a repeat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ActionItem {
    /// What will be done.
    pub action: String,
    /// Who takes it on (an owner of the fix, not a culprit).
    pub owner: String,
    /// By when.
    #[schemars(with = "crate::schema::Date")]
    pub due: Date,
}

impl ActionItem {
    /// Parses the CLI form `TEXT | OWNER | YYYY-MM-DD`; the due date may not lie before `held_on`.
    pub fn parse(value: &str, held_on: Date) -> Result<ActionItem, ValidationError> {
        let mut parts = value.rsplitn(3, '|');
        let (due, owner, action) = match (parts.next(), parts.next(), parts.next()) {
            (Some(d), Some(o), Some(a)) => (d, o, a),
            _ => {
                return Err(ValidationError::new(
                    "action",
                    value,
                    "expected 'WHAT | OWNER | YYYY-MM-DD', e.g. 'Weekly update to every client | Ann | 2026-12-15'",
                ));
            }
        };
        let due = field::date("action", &ascii_digits(due))?;
        if due < held_on {
            return Err(ValidationError::new(
                "action",
                value,
                format!("the due date {due} lies before the review ({held_on})"),
            ));
        }
        Ok(ActionItem {
            action: field::non_empty("action", action)?,
            owner: field::non_empty("action", owner)?,
            due,
        })
    }
}

/// A team review without blame (PLAYBOOK `retrospective`; seeds 001, 002 §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Retrospective {
    /// The day of the review.
    #[schemars(with = "crate::schema::Date")]
    pub held_on: Date,
    /// What happened, as a sequence of events.
    pub what_happened: String,
    /// Contributing factors: how we work, support, what we sell, how we present it.
    pub factors: Vec<String>,
    /// What we will change, each with an owner and a due date.
    pub actions: Vec<ActionItem>,
}

impl Retrospective {
    /// Validates a review: what happened, at least one factor and at least one action item.
    pub fn parse(
        held_on: Date,
        what_happened: &str,
        factors: &[String],
        actions: &[String],
    ) -> Result<Retrospective, ValidationError> {
        let what_happened = field::non_empty("what-happened", what_happened)?;
        let factors: Vec<String> = factors
            .iter()
            .map(|f| f.trim().to_owned())
            .filter(|f| !f.is_empty())
            .collect();
        if factors.is_empty() {
            return Err(ValidationError::new(
                "factor",
                "",
                "name at least one contributing factor (how we work, support, what we sell)",
            ));
        }
        if actions.is_empty() {
            return Err(ValidationError::new(
                "action",
                "",
                "add at least one action item: --action 'WHAT | OWNER | YYYY-MM-DD'",
            ));
        }
        let actions = actions
            .iter()
            .map(|a| ActionItem::parse(a, held_on))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Retrospective {
            held_on,
            what_happened,
            factors,
            actions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_items_parse_from_the_right() {
        let held: Date = "2026-11-25".parse().unwrap();
        let a = ActionItem::parse("Check | split | tasks | Ann | 2026-12-01", held).unwrap();
        assert_eq!(a.action, "Check | split | tasks");
        assert_eq!(a.owner, "Ann");
        assert_eq!(
            ActionItem::parse("x | Ann | 2026-11-01", held)
                .unwrap_err()
                .field,
            "action"
        );
        assert!(ActionItem::parse("x | Ann", held).is_err());
        assert_eq!(
            ActionItem::parse("x | Ann | ২০২৬-১২-০১", held)
                .unwrap()
                .due
                .to_string(),
            "2026-12-01"
        );
    }

    #[test]
    fn review_needs_factor_and_action() {
        let held: Date = "2026-11-25".parse().unwrap();
        let e = Retrospective::parse(held, "late handover", &[], &["a | b | 2026-12-01".into()])
            .unwrap_err();
        assert_eq!(e.field, "factor");
        let e =
            Retrospective::parse(held, "late handover", &["no buffer".into()], &[]).unwrap_err();
        assert_eq!(e.field, "action");
        let r = Retrospective::parse(
            held,
            "late handover",
            &["no buffer".into()],
            &["Plan buffer | Team lead | 2026-12-01".into()],
        )
        .unwrap();
        assert_eq!(r.actions.len(), 1);
    }
}
