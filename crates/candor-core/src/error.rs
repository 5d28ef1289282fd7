//! The one validation error of the domain: it always names the field and the offending value.

use std::fmt;

/// A rejected input: which field, what value, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationError {
    /// The field as the user knows it (a CLI flag name without dashes, a JSON key).
    pub field: String,
    /// The value that was given, verbatim.
    pub value: String,
    /// Why the value was rejected.
    pub reason: String,
}

impl ValidationError {
    /// Builds an error for `field` holding `value`.
    pub fn new(field: &str, value: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            value: value.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid {}: {:?}: {}",
            self.field, self.value, self.reason
        )
    }
}
