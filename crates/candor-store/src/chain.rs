//! The tamper-evident record: each entry's SHA-256 over a precisely defined canonical form that
//! includes the previous entry's hash for the same client, so editing or removing any stored
//! entry breaks the chain at a place `verify` can name.
//!
//! # Canonical form (version `candor-record-v1`)
//!
//! The canonical form of an entry is the compact JSON text (as written by `serde_json`: no
//! whitespace, strings UTF-8 with only `"`, `\` and U+0000–U+001F escaped) of this 15-element
//! array, built from the values exactly as they are stored in `record_entries`:
//!
//! ```text
//! ["candor-record-v1", id, client_id, project_id|null, incident_id|null, corrects|null,
//!  kind, direction, at, author, participants, subject, body, source, prev_hash]
//! ```
//!
//! * ids are JSON integers; `kind` and `direction` are their stable IDs (`call`, `out`, …);
//! * `at` is the stored RFC 3339 text in UTC with whole seconds (`2026-11-20T15:00:00Z`);
//! * `participants` is the stored JSON text of the participant list, as a JSON *string*;
//! * `prev_hash` is the `hash` of the same client's entry with the next-lower id, or 64 `0`s
//!   for a client's first entry.
//!
//! `hash` is the lowercase hex SHA-256 of those bytes. The chain of a client is its entries in
//! id order. What it proves: no stored entry was changed, reordered or removed from the middle
//! without recomputing every later hash. Removing a client's newest entries is only caught by
//! comparing the head hash `verify` prints with one noted earlier.

use candor_core::Id;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The `prev_hash` of a client's first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The tag that starts every canonical form; a new form gets a new tag.
pub const CANONICAL_TAG: &str = "candor-record-v1";

/// The stored values of one entry that its hash covers.
#[derive(Debug, Clone, Serialize)]
pub struct Sealable<'a> {
    /// Entry id.
    pub id: Id,
    /// Client id.
    pub client_id: Id,
    /// Project id.
    pub project_id: Option<Id>,
    /// Incident id.
    pub incident_id: Option<Id>,
    /// The entry this one corrects.
    pub corrects: Option<Id>,
    /// Kind ID.
    pub kind: &'a str,
    /// Direction ID.
    pub direction: &'a str,
    /// Stored timestamp text.
    pub at: &'a str,
    /// Author.
    pub author: &'a str,
    /// Stored participants JSON text.
    pub participants: &'a str,
    /// Subject.
    pub subject: &'a str,
    /// Body.
    pub body: &'a str,
    /// Source.
    pub source: &'a str,
    /// The previous entry's hash for this client.
    pub prev_hash: &'a str,
}

impl Sealable<'_> {
    /// The canonical bytes defined in the module documentation.
    pub fn canonical(&self) -> Vec<u8> {
        let v = (
            CANONICAL_TAG,
            self.id,
            self.client_id,
            self.project_id,
            self.incident_id,
            self.corrects,
            self.kind,
            self.direction,
            self.at,
            self.author,
            self.participants,
            self.subject,
            self.body,
            self.source,
            self.prev_hash,
        );
        // A tuple of integers, options and strings always serialises.
        serde_json::to_vec(&v).unwrap_or_default()
    }

    /// The lowercase hex SHA-256 of the canonical form.
    pub fn hash(&self) -> String {
        hex(&Sha256::digest(self.canonical()))
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sealable<'static> {
        Sealable {
            id: 7,
            client_id: 2,
            project_id: None,
            incident_id: Some(3),
            corrects: None,
            kind: "call",
            direction: "out",
            at: "2026-11-20T15:00:00Z",
            author: "Maya",
            participants: "[\"Maya\",\"Ingrid\"]",
            subject: "Ukentlig samtale",
            body: "Linje én\n\"sitat\"",
            source: "cli",
            prev_hash: GENESIS,
        }
    }

    #[test]
    fn canonical_form_is_exactly_as_documented() {
        let text = String::from_utf8(sample().canonical()).unwrap();
        assert_eq!(
            text,
            "[\"candor-record-v1\",7,2,null,3,null,\"call\",\"out\",\"2026-11-20T15:00:00Z\",\
             \"Maya\",\"[\\\"Maya\\\",\\\"Ingrid\\\"]\",\"Ukentlig samtale\",\
             \"Linje én\\n\\\"sitat\\\"\",\"cli\",\"0000000000000000000000000000000000000000000000000000000000000000\"]"
        );
    }

    #[test]
    fn hash_is_sha256_of_the_canonical_form_and_sees_every_field() {
        let s = sample();
        // Independent check: the known SHA-256 of the empty string proves the hex encoding.
        assert_eq!(
            hex(&Sha256::digest(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let h = s.hash();
        assert_eq!(h.len(), 64);
        let mut changed = s.clone();
        changed.body = "Linje én";
        assert_ne!(changed.hash(), h);
        let mut relinked = s.clone();
        relinked.prev_hash = "1";
        assert_ne!(relinked.hash(), h);
        let mut corrected = s;
        corrected.corrects = Some(1);
        assert_ne!(corrected.hash(), h);
    }
}
