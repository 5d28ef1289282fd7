//! Remedies: what we offer a client to make up for the trouble, or how else we help them.

use super::{IncidentKind, ascii_digits};
use crate::{ValidationError, field};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The size of a discount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "unit", rename_all = "snake_case")]
pub enum Discount {
    /// A share of the price, 1–100 %.
    Percent {
        /// Whole percent.
        percent: u8,
    },
    /// A fixed amount.
    Amount {
        /// In minor units (cents).
        minor: i64,
        /// ISO 4217 code, upper-case.
        currency: String,
    },
}

/// What we offer (seed 000 "Minimaliseer de schade", 001, 002 §2, §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Remedy {
    /// A discount on this project, or on a future one.
    Discount {
        /// How much.
        discount: Discount,
        /// On a future project rather than this one.
        future_project: bool,
    },
    /// Hours of work at no charge.
    FreeHours {
        /// Hours.
        hours: u32,
    },
    /// Extra items or services at no charge.
    FreeExtras {
        /// What.
        what: String,
    },
    /// A substitute or alternative for what was promised (broken promise only).
    Substitute {
        /// What.
        what: String,
    },
    /// Nothing concrete: why, and how we help the client reach their goals instead.
    None {
        /// Why nothing concrete can be offered.
        reason: String,
        /// How we help them reach their goals another way.
        goals_route: String,
    },
}

impl Remedy {
    /// Stable type ID (`discount`, `free_hours`, `free_extras`, `substitute`, `none`).
    pub fn type_id(&self) -> &'static str {
        match self {
            Self::Discount { .. } => "discount",
            Self::FreeHours { .. } => "free_hours",
            Self::FreeExtras { .. } => "free_extras",
            Self::Substitute { .. } => "substitute",
            Self::None { .. } => "none",
        }
    }

    /// Parses the CLI form: `discount:10%`, `discount:250.00 EUR`, `future-discount:…`,
    /// `hours:8`, `extras:TEXT`, `substitute:TEXT`, or `none` (with `reason` and `goals_route`).
    /// Bengali digits are accepted.
    pub fn parse(
        spec: &str,
        reason: Option<&str>,
        goals_route: Option<&str>,
    ) -> Result<Remedy, ValidationError> {
        let spec_t = spec.trim();
        let (kind, rest) = spec_t.split_once(':').unwrap_or((spec_t, ""));
        let rest = rest.trim();
        let remedy = match kind.trim().to_lowercase().replace('_', "-").as_str() {
            "discount" => Self::Discount {
                discount: parse_discount(rest)?,
                future_project: false,
            },
            "future-discount" => Self::Discount {
                discount: parse_discount(rest)?,
                future_project: true,
            },
            "hours" | "free-hours" => Self::FreeHours {
                hours: parse_hours(rest)?,
            },
            "extras" | "free-extras" => Self::FreeExtras {
                what: field::non_empty("remedy", rest)?,
            },
            "substitute" | "alternative" => Self::Substitute {
                what: field::non_empty("remedy", rest)?,
            },
            "none" => Self::None {
                reason: field::non_empty("remedy-reason", reason.unwrap_or_default())?,
                goals_route: field::non_empty("goals-route", goals_route.unwrap_or_default())?,
            },
            _ => {
                return Err(ValidationError::new(
                    "remedy",
                    spec,
                    "expected discount:10%, discount:250 EUR, future-discount:…, hours:8, \
                     extras:TEXT, substitute:TEXT or none",
                ));
            }
        };
        if !matches!(remedy, Self::None { .. }) && (reason.is_some() || goals_route.is_some()) {
            return Err(ValidationError::new(
                "remedy-reason",
                reason.or(goals_route).unwrap_or_default(),
                "a reason and a goals route go with --remedy none only",
            ));
        }
        Ok(remedy)
    }

    /// Checks that the remedy fits the kind: a substitute replaces a promise, so it belongs to a
    /// broken promise.
    pub fn check_kind(&self, kind: IncidentKind) -> Result<(), ValidationError> {
        if matches!(self, Self::Substitute { .. }) && kind != IncidentKind::BrokenPromise {
            return Err(ValidationError::new(
                "remedy",
                "substitute",
                format!(
                    "a substitute replaces a broken promise; for a {kind} offer a discount, hours or extras"
                ),
            ));
        }
        Ok(())
    }
}

impl fmt::Display for Remedy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Discount {
                discount,
                future_project,
            } => {
                match discount {
                    Discount::Percent { percent } => write!(f, "discount {percent}%")?,
                    Discount::Amount { minor, currency } => {
                        write!(f, "discount {}.{:02} {currency}", minor / 100, minor % 100)?;
                    }
                }
                if *future_project {
                    f.write_str(" on a future project")?;
                }
                Ok(())
            }
            Self::FreeHours { hours } => write!(f, "{hours} free hours"),
            Self::FreeExtras { what } => write!(f, "free extras: {what}"),
            Self::Substitute { what } => write!(f, "alternative: {what}"),
            Self::None { goals_route, .. } => write!(f, "none; instead: {goals_route}"),
        }
    }
}

fn parse_hours(value: &str) -> Result<u32, ValidationError> {
    let hours = field::count("remedy", &ascii_digits(value)).map_err(|_| {
        ValidationError::new(
            "remedy",
            value,
            "expected hours:N with N a whole number of hours, e.g. hours:8",
        )
    })?;
    if hours == 0 {
        return Err(ValidationError::new(
            "remedy",
            value,
            "zero free hours is no remedy",
        ));
    }
    Ok(hours)
}

fn parse_discount(value: &str) -> Result<Discount, ValidationError> {
    let v = ascii_digits(value);
    let v = v.trim();
    if let Some(p) = v.strip_suffix('%') {
        let percent: u8 = p.trim().parse().map_err(|_| {
            ValidationError::new("remedy", value, "expected a whole percentage such as 10%")
        })?;
        if !(1..=100).contains(&percent) {
            return Err(ValidationError::new(
                "remedy",
                value,
                "a discount is between 1% and 100%",
            ));
        }
        return Ok(Discount::Percent { percent });
    }
    let bad = || {
        ValidationError::new(
            "remedy",
            value,
            "expected 10% or an amount with a currency, e.g. 250.00 EUR",
        )
    };
    let (amount, currency) = v.rsplit_once(' ').ok_or_else(bad)?;
    let currency = currency.trim().to_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(bad());
    }
    let minor = parse_minor(amount.trim()).ok_or_else(bad)?;
    if minor <= 0 {
        return Err(ValidationError::new(
            "remedy",
            value,
            "a discount amount must be more than zero",
        ));
    }
    Ok(Discount::Amount { minor, currency })
}

/// Parses `250`, `250.5` or `250.50` (also with a decimal comma) into minor units.
fn parse_minor(amount: &str) -> Option<i64> {
    let amount = amount.replace(',', ".");
    let (whole, frac) = amount.split_once('.').unwrap_or((&amount, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !(whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = format!("{frac:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(frac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discounts_parse() {
        assert_eq!(
            Remedy::parse("discount:10%", None, None).unwrap(),
            Remedy::Discount {
                discount: Discount::Percent { percent: 10 },
                future_project: false
            }
        );
        assert_eq!(
            Remedy::parse("future-discount:250,5 eur", None, None).unwrap(),
            Remedy::Discount {
                discount: Discount::Amount {
                    minor: 25050,
                    currency: "EUR".into()
                },
                future_project: true
            }
        );
        assert_eq!(
            Remedy::parse("discount:১৫%", None, None)
                .unwrap()
                .to_string(),
            "discount 15%"
        );
        assert!(Remedy::parse("discount:0%", None, None).is_err());
        assert!(Remedy::parse("discount:101%", None, None).is_err());
        assert!(Remedy::parse("discount:12.345 EUR", None, None).is_err());
        assert!(Remedy::parse("discount:lots", None, None).is_err());
    }

    #[test]
    fn none_needs_reason_and_goals_route() {
        let e = Remedy::parse("none", Some("nothing fits"), None).unwrap_err();
        assert_eq!(e.field, "goals-route");
        let r = Remedy::parse(
            "none",
            Some("nothing fits"),
            Some("weekly workshop on their launch goals"),
        )
        .unwrap();
        assert_eq!(r.type_id(), "none");
        assert_eq!(
            Remedy::parse("hours:8", Some("x"), None).unwrap_err().field,
            "remedy-reason"
        );
    }

    #[test]
    fn substitute_only_for_broken_promise() {
        let r = Remedy::parse("substitute:access to the reporting module", None, None).unwrap();
        assert!(r.check_kind(IncidentKind::BrokenPromise).is_ok());
        assert_eq!(
            r.check_kind(IncidentKind::Delay).unwrap_err().field,
            "remedy"
        );
        assert_eq!(
            Remedy::parse("hours:০", None, None).unwrap_err().field,
            "remedy"
        );
        assert_eq!(
            Remedy::parse("gift", None, None).unwrap_err().field,
            "remedy"
        );
    }
}
