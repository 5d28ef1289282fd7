//! Projects, their milestones and the progress log that forecasting reads.

use crate::{Id, ValidationError, field};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Where a project stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// Work is ongoing.
    Active,
    /// Paused by agreement.
    OnHold,
    /// Delivered.
    Done,
    /// Stopped.
    Cancelled,
}

impl ProjectStatus {
    /// Stable ID.
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Active => "active",
            ProjectStatus::OnHold => "on_hold",
            ProjectStatus::Done => "done",
            ProjectStatus::Cancelled => "cancelled",
        }
    }

    /// Parses a status ID.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        field::one_of(
            field_name,
            value,
            &[
                ("active", Self::Active),
                ("on_hold", Self::OnHold),
                ("done", Self::Done),
                ("cancelled", Self::Cancelled),
            ],
        )
    }
}

/// A stored project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Project {
    /// Database id.
    pub id: Id,
    /// Client the work is for.
    pub client_id: Id,
    /// Name, unique per client.
    pub name: String,
    /// First day of work.
    #[schemars(with = "crate::schema::Date")]
    pub start: Date,
    /// The date promised to the client.
    #[schemars(with = "crate::schema::Date")]
    pub deadline: Date,
    /// Status.
    pub status: ProjectStatus,
}

/// A validated project ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProject {
    /// Client id.
    pub client_id: Id,
    /// Name.
    pub name: String,
    /// Start date.
    pub start: Date,
    /// Deadline, never before the start.
    pub deadline: Date,
    /// Status.
    pub status: ProjectStatus,
}

impl NewProject {
    /// Validates raw input; the deadline may not fall before the start.
    pub fn parse(
        client_id: Id,
        name: &str,
        start: &str,
        deadline: &str,
        status: Option<&str>,
    ) -> Result<Self, ValidationError> {
        let name = field::non_empty("name", name)?;
        let start = field::date("start", start)?;
        let deadline_date = field::date("deadline", deadline)?;
        if deadline_date < start {
            return Err(ValidationError::new(
                "deadline",
                deadline,
                format!("the deadline falls before the start ({start})"),
            ));
        }
        Ok(Self {
            client_id,
            name,
            start,
            deadline: deadline_date,
            status: status
                .map(|s| ProjectStatus::parse("status", s))
                .transpose()?
                .unwrap_or(ProjectStatus::Active),
        })
    }
}

/// A stored milestone: a dated slice of a project's scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Milestone {
    /// Database id.
    pub id: Id,
    /// Project it belongs to.
    pub project_id: Id,
    /// Title, unique per project.
    pub title: String,
    /// Due date.
    #[schemars(with = "crate::schema::Date")]
    pub due: Date,
    /// Scope in work items.
    pub scope: u32,
}

/// A validated milestone ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMilestone {
    /// Project id.
    pub project_id: Id,
    /// Title.
    pub title: String,
    /// Due date.
    pub due: Date,
    /// Scope in items.
    pub scope: u32,
}

impl NewMilestone {
    /// Validates raw input against its project: due no earlier than the project's start.
    pub fn parse(
        project: &Project,
        title: &str,
        due: &str,
        scope: &str,
    ) -> Result<Self, ValidationError> {
        let title = field::non_empty("title", title)?;
        let due_date = field::date("due", due)?;
        if due_date < project.start {
            return Err(ValidationError::new(
                "due",
                due,
                format!("falls before the project's start ({})", project.start),
            ));
        }
        Ok(Self {
            project_id: project.id,
            title,
            due: due_date,
            scope: field::count("scope", scope)?,
        })
    }
}

/// A stored progress entry: what got done (and what got added) on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProgressEntry {
    /// Database id.
    pub id: Id,
    /// Project.
    pub project_id: Id,
    /// Milestone the work counted toward, if any.
    pub milestone_id: Option<Id>,
    /// Day the work was done.
    #[schemars(with = "crate::schema::Date")]
    pub date: Date,
    /// Items finished that day.
    pub done: u32,
    /// Items added to the scope that day (scope growth).
    pub added: u32,
}

/// A validated progress entry ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProgress {
    /// Project.
    pub project_id: Id,
    /// Milestone.
    pub milestone_id: Option<Id>,
    /// Day.
    pub date: Date,
    /// Items done.
    pub done: u32,
    /// Items added.
    pub added: u32,
}

impl NewProgress {
    /// Validates raw input: a date within the project and not after `today`.
    pub fn parse(
        project: &Project,
        milestone_id: Option<Id>,
        date: &str,
        done: &str,
        added: &str,
        today: Date,
    ) -> Result<Self, ValidationError> {
        let d = field::date("date", date)?;
        if d > today {
            return Err(ValidationError::new(
                "date",
                date,
                format!("lies in the future (today is {today}); log work once it is done"),
            ));
        }
        if d < project.start {
            return Err(ValidationError::new(
                "date",
                date,
                format!("falls before the project's start ({})", project.start),
            ));
        }
        Ok(Self {
            project_id: project.id,
            milestone_id,
            date: d,
            done: field::count("done", done)?,
            added: field::count("added", added)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadline_before_start_is_rejected() {
        let e = NewProject::parse(1, "Site", "2026-05-01", "2026-04-01", None).unwrap_err();
        assert_eq!(e.field, "deadline");
        assert!(e.reason.contains("2026-05-01"));
    }

    #[test]
    fn impossible_deadline_names_field() {
        let e = NewProject::parse(1, "Site", "2026-01-01", "2026-02-30", None).unwrap_err();
        assert_eq!(e.field, "deadline");
        assert_eq!(e.value, "2026-02-30");
    }

    #[test]
    fn empty_name_is_rejected() {
        let e = NewProject::parse(1, "  ", "2026-01-01", "2026-02-01", None).unwrap_err();
        assert_eq!(e.field, "name");
    }

    #[test]
    fn progress_in_future_is_rejected() {
        let p = Project {
            id: 1,
            client_id: 1,
            name: "x".into(),
            start: "2026-01-01".parse().unwrap(),
            deadline: "2026-06-01".parse().unwrap(),
            status: ProjectStatus::Active,
        };
        let today = "2026-03-01".parse().unwrap();
        assert!(NewProgress::parse(&p, None, "2026-03-02", "1", "0", today).is_err());
        assert!(NewProgress::parse(&p, None, "2025-12-31", "1", "0", today).is_err());
        assert!(NewProgress::parse(&p, None, "2026-03-01", "-1", "0", today).is_err());
        assert_eq!(
            NewProgress::parse(&p, None, "2026-03-01", "3", "1", today)
                .unwrap()
                .done,
            3
        );
    }
}
