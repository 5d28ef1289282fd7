//! Message types and the elements each requires — product data read from
//! `data/message_types.toml`, not a table in code.

use crate::ids::{AntiPattern, Element};
use serde::Deserialize;
use std::collections::BTreeMap;

static MESSAGE_TYPES: &str = include_str!("../data/message_types.toml");

/// One message type's requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageType {
    /// Stable id such as `delay_email`.
    pub id: String,
    /// What the type is for.
    pub description: String,
    /// Elements it must contain.
    pub required: Vec<Element>,
    /// Anti-patterns that do not apply to it.
    pub skip: Vec<AntiPattern>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawType {
    description: String,
    required: Vec<Element>,
    #[serde(default)]
    skip: Vec<AntiPattern>,
}

/// The message-type table, keyed by id.
#[derive(Debug, Clone)]
pub struct MessageTypes(BTreeMap<String, MessageType>);

impl MessageTypes {
    /// The table built into the crate.
    pub fn builtin() -> Self {
        Self::parse(MESSAGE_TYPES).expect("the built-in message type table is valid (tested)")
    }

    /// Parses a table in the `message_types.toml` format.
    pub fn parse(text: &str) -> Result<Self, toml::de::Error> {
        let raw: BTreeMap<String, RawType> = toml::from_str(text)?;
        Ok(Self(
            raw.into_iter()
                .map(|(id, r)| {
                    let t = MessageType {
                        id: id.clone(),
                        description: r.description,
                        required: r.required,
                        skip: r.skip,
                    };
                    (id, t)
                })
                .collect(),
        ))
    }

    /// The type with this id.
    pub fn get(&self, id: &str) -> Option<&MessageType> {
        self.0.get(id)
    }

    /// All ids, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_has_the_ten_types() {
        let t = MessageTypes::builtin();
        assert_eq!(t.ids().count(), 10);
        let delay = t.get("delay_email").unwrap();
        assert!(delay.required.contains(&Element::NewDate));
        assert!(
            t.get("retrospective_doc")
                .unwrap()
                .skip
                .contains(&AntiPattern::InternalDetail)
        );
        assert!(MessageTypes::parse("[x]\ndescription='d'\nrequired=['apologyy']").is_err());
    }
}
