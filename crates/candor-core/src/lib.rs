//! candor's domain model and its rules, kept free of I/O so every adapter shares one truth.

pub mod client;
pub mod commitment;
pub mod error;
pub mod field;
pub mod playbook;
pub mod project;
pub mod record;
pub mod schema;
pub mod team;

pub use client::{Client, Contact, KeyDate, Language, NewClient, NewContact, PreferredChannel};
pub use commitment::{Commitment, CommitmentStatus, NewCommitment, SourceRef};
pub use error::ValidationError;
pub use project::{
    Milestone, NewMilestone, NewProgress, NewProject, ProgressEntry, Project, ProjectStatus,
};
pub use record::{Direction, NewRecordEntry, RecordEntry, RecordKind};
pub use team::{NewTeamMember, TeamMember};

/// Database identifier of any stored domain object.
pub type Id = i64;
