//! The compose use case: gathers what the workspace knows (client, contact, project, milestones,
//! forecast, the incident's client-facing view) into composer inputs, writes the draft, and with
//! `save` keeps it in the client's record as an outgoing entry with status `draft` and, for an
//! email to the client, in the outbox as an `.eml` whose sending or discarding settles the draft.

use crate::checkin::week_of;
use crate::{App, AppError, Result, resolve};
use candor_compose::{
    ComposeError, Composer, Draft, Format, IncidentFacts, Inputs, Medium, MessageType, Recipient,
    Sender,
};
use candor_core::playbook::{Incident, PromiseLink};
use candor_core::{
    Client, Contact, Direction, Id, Language, NewRecordEntry, RecordEntry, RecordKind, TeamMember,
    ValidationError,
};
use candor_store::{DraftRow, OutboxMessage, Tx};
use jiff::civil::Date;
use serde::Serialize;
use std::path::PathBuf;

/// What to compose (the CLI's flags; every text field as typed).
#[derive(Debug, Clone, Default)]
pub struct ComposeRequest {
    /// Message type id.
    pub message_type: String,
    /// The incident the message is about.
    pub incident: Option<Id>,
    /// The project (weekly check-in), name or id.
    pub project: Option<String>,
    /// The client, when two clients have a project of that name.
    pub client: Option<String>,
    /// Force a language.
    pub lang: Option<String>,
    /// `text`, `md` or `eml` (default text).
    pub format: Option<String>,
    /// The contact to write to (name or id; default the client's first contact).
    pub contact: Option<String>,
    /// Who signs (team member name or email; default the first team member).
    pub from: Option<String>,
    /// A folder whose templates and phrases replace the built-in ones.
    pub templates: Option<PathBuf>,
    /// Keep the draft in the client's record (and an email in the outbox).
    pub save: bool,
    /// The week a weekly check-in covers (any day of it; default this week).
    pub week: Option<Date>,
    /// The text as a person edited it: saved (and sent) instead of candor's own draft.
    pub edited: Option<EditedText>,
}

/// A draft as a person edited it before keeping it.
#[derive(Debug, Clone, Default)]
pub struct EditedText {
    /// The subject line; `None` keeps candor's.
    pub subject: Option<String>,
    /// The body, as plain text.
    pub body: String,
}

impl EditedText {
    /// Puts the edited text into `draft` (plain text only: the output is the body itself).
    fn apply(&self, draft: &mut Draft) -> Result<()> {
        if draft.format != Format::Text {
            return Err(AppError::Invalid(ValidationError::new(
                "format",
                draft.format.id(),
                "an edited text is kept as plain text: leave the format at text",
            )));
        }
        if self.body.trim().is_empty() {
            return Err(AppError::Invalid(ValidationError::new(
                "text",
                "",
                "the edited text is empty: there is nothing to keep",
            )));
        }
        if let Some(s) = &self.subject {
            if s.trim().is_empty() || s.contains(['\r', '\n']) {
                return Err(AppError::Invalid(ValidationError::new(
                    "subject",
                    s.clone(),
                    "a subject is one non-empty line",
                )));
            }
            draft.subject = s.trim().to_owned();
        }
        draft.body = self.body.replace("\r\n", "\n");
        draft.output = draft.body.clone();
        Ok(())
    }
}

/// A written draft, and the record entry it was saved as.
#[derive(Debug, Clone, Serialize)]
pub struct ComposeOutcome {
    /// The draft.
    pub draft: Draft,
    /// The record entry holding it, with `save`.
    pub saved: Option<RecordEntry>,
    /// The outbox message to send it with, when saved as an email to a contact with an address.
    pub outbox: Option<OutboxMessage>,
    /// Why a saved email did not go into the outbox.
    pub not_in_outbox: Option<String>,
}

/// The message types written for an incident (every type but the project's weekly check-in),
/// in the composer's stable order: what an incident's composer offers.
pub fn incident_message_types() -> Vec<&'static str> {
    MessageType::ALL
        .iter()
        .filter(|t| t.needs_incident())
        .map(|t| t.id())
        .collect()
}

impl From<ComposeError> for AppError {
    fn from(e: ComposeError) -> Self {
        match e {
            ComposeError::Invalid(v) => AppError::Invalid(v),
            ComposeError::Template { file, line, reason } => {
                let at = line.map_or(file.clone(), |l| format!("{file}:{l}"));
                AppError::Invalid(ValidationError::new("template", at, reason))
            }
            ComposeError::Strings { origin, reason } => {
                AppError::Invalid(ValidationError::new("templates", origin, reason))
            }
            ComposeError::Io(m) => AppError::Invalid(ValidationError::new("templates", "", m)),
            missing @ ComposeError::Missing(_) => AppError::Conflict(missing.to_string()),
            other => AppError::Conflict(other.to_string()),
        }
    }
}

impl App {
    /// Writes a draft of one message type from the workspace; with `save`, records it.
    pub async fn compose(&self, req: &ComposeRequest) -> Result<ComposeOutcome> {
        let t = MessageType::parse("type", &req.message_type)?;
        let format = match &req.format {
            Some(f) => Format::parse("format", f)?,
            None => Format::Text,
        };
        let lang = req
            .lang
            .as_deref()
            .map(|l| Language::parse("lang", l))
            .transpose()?;
        let composer = match req.templates.as_ref().or(self.templates_dir.as_ref()) {
            Some(dir) => Composer::with_overrides(dir)?,
            None => Composer::builtin()?,
        };
        let (inputs, place) = self.gather(req, t).await?;
        let mut draft = composer.compose(&inputs, t, lang, format)?;
        if let Some(e) = &req.edited {
            e.apply(&mut draft)?;
        }
        let mut outcome = ComposeOutcome {
            draft,
            saved: None,
            outbox: None,
            not_in_outbox: None,
        };
        if req.save {
            let week = week_of(req.week.unwrap_or(self.today()));
            self.save_draft(&inputs, &mut outcome, req.incident, place, week)
                .await?;
        }
        Ok(outcome)
    }

    /// Gathers the composer's inputs for `t` from the workspace.
    pub async fn compose_inputs(&self, req: &ComposeRequest, t: MessageType) -> Result<Inputs> {
        Ok(self.gather(req, t).await?.0)
    }

    /// The inputs, and the client and project a saved draft belongs to.
    async fn gather(&self, req: &ComposeRequest, t: MessageType) -> Result<(Inputs, Place)> {
        let mut tx = self.begin().await?;
        let (incident, project) = match (req.incident, &req.project) {
            (Some(id), _) if t.needs_incident() => {
                let i = tx.incident(id).await?;
                let p = match i.project_id {
                    Some(pid) => Some(tx.project(pid).await?),
                    None => None,
                };
                (Some(i), p)
            }
            (None, Some(key)) if !t.needs_incident() => {
                let p = resolve::project(&mut tx, key, req.client.as_deref()).await?;
                (None, Some(p))
            }
            _ => return Err(target_error(t)),
        };
        let client_id = incident
            .as_ref()
            .map(|i| i.client_id)
            .or(project.as_ref().map(|p| p.client_id))
            .ok_or_else(|| target_error(t))?;
        let client = tx.client(client_id).await?;
        let recipient = pick_contact(&mut tx, &client, req.contact.as_deref()).await?;
        let sender = pick_sender(&mut tx, req.from.as_deref()).await?;
        let promise = match incident.as_ref().and_then(|i| i.promise.as_ref()) {
            Some(PromiseLink::Commitment(cid)) => Some(tx.commitment(*cid).await?.text),
            _ => None,
        };
        drop(tx);
        let week = match (&project, t) {
            (Some(p), MessageType::WeeklyCheckin) => Some(self.week(p, req.week).await?),
            _ => None,
        };
        let place = Place {
            client_id: client.id,
            project_id: project.as_ref().map(|p| p.id),
        };
        let inputs = Inputs {
            today: self.today(),
            client_name: client.name.clone(),
            client_language: client.language,
            client_goals: client.goals.clone(),
            key_dates: client.key_dates.clone(),
            recipient: recipient.map(|c| Recipient {
                name: c.name,
                email: c.email,
                language: c.language,
            }),
            sender: sender.map(|m| Sender {
                name: m.name,
                email: m.email,
                role: m.role,
            }),
            project: project.as_ref().map(|p| p.name.clone()),
            project_deadline: project.as_ref().map(|p| p.deadline),
            promise,
            incident: incident.map(facts),
            week,
        };
        Ok((inputs, place))
    }

    /// Keeps the draft as an outgoing record entry of the client, marked `draft`; an email to
    /// the client also goes into the outbox, linked to that entry (one transaction).
    async fn save_draft(
        &self,
        inputs: &Inputs,
        outcome: &mut ComposeOutcome,
        incident_id: Option<Id>,
        place: Place,
        week: Date,
    ) -> Result<()> {
        let draft = &outcome.draft;
        let mut tx = self.begin().await?;
        let is_checkin = draft.message_type == MessageType::WeeklyCheckin;
        if is_checkin
            && let Some(p) = place.project_id
            && let Some(id) = tx.outbox_checkin(p, &week.to_string()).await?
        {
            return Err(AppError::Conflict(format!(
                "the weekly check-in of {} for the week of {week} is already drafted: outbox \
                 message {id} (candor outbox show {id})",
                inputs.project.as_deref().unwrap_or("the project")
            )));
        }
        let (kind, direction) = match draft.message_type.medium() {
            Medium::Email => (RecordKind::Email, Direction::Out),
            Medium::Spoken if draft.message_type == MessageType::Voicemail => {
                (RecordKind::Voicemail, Direction::Out)
            }
            Medium::Spoken | Medium::Internal => (RecordKind::Document, Direction::Internal),
        };
        let author = inputs
            .sender
            .as_ref()
            .map_or_else(|| "candor".to_owned(), |s| s.name.clone());
        let mut participants = vec![author.clone()];
        participants.extend(inputs.recipient.as_ref().map(|r| r.name.clone()));
        let entry = NewRecordEntry {
            client_id: place.client_id,
            project_id: place.project_id,
            incident_id,
            kind,
            direction,
            at: self.now(),
            author,
            participants,
            subject: draft.subject.clone(),
            body: draft.body.clone(),
            source: format!("candor compose {}", draft.message_type),
        }
        .validate()?;
        let stored = tx.insert_record(&entry).await?;
        tx.insert_draft(&DraftRow {
            record_id: stored.id,
            status: "draft".into(),
            message_type: draft.message_type.id().into(),
            language: draft.lang.code().into(),
            updated_at: stored.at,
        })
        .await?;
        let to_client =
            draft.message_type.medium() == Medium::Email && draft.message_type.client_facing();
        let address = inputs.recipient.as_ref().and_then(|r| r.email.clone());
        match (to_client, address) {
            (true, Some(address)) => {
                let d = crate::outbox::Draft {
                    client_id: place.client_id,
                    project_id: place.project_id,
                    kind: draft.message_type.id(),
                    to: vec![address],
                    subject: draft.subject.clone(),
                    body: draft.body.clone(),
                    lang: draft.lang.code().into(),
                    week: is_checkin.then(|| week.to_string()),
                    from: inputs
                        .sender
                        .as_ref()
                        .map(|s| (s.name.clone(), s.email.clone())),
                    draft_record_id: Some(stored.id),
                };
                outcome.outbox = Some(crate::outbox::put_draft(&mut tx, d, self.now()).await?);
            }
            (true, None) => {
                let who = inputs
                    .recipient
                    .as_ref()
                    .map_or("the client has no contact", |r| r.name.as_str());
                outcome.not_in_outbox =
                    Some(format!("not put in the outbox: no email address for {who}"));
            }
            (false, _) => {}
        }
        tx.commit().await?;
        outcome.saved = Some(stored);
        Ok(())
    }
}

/// Where a saved draft is filed.
#[derive(Debug, Clone, Copy)]
struct Place {
    client_id: Id,
    project_id: Option<Id>,
}

fn target_error(t: MessageType) -> AppError {
    let reason = if t.needs_incident() {
        format!("{t} is written for an incident: pass --incident ID (see candor incident list)")
    } else {
        format!("{t} is written for a project: pass --project NAME")
    };
    AppError::Invalid(ValidationError::new("type", t.id(), reason))
}

/// The incident as the composer may see it: the client view, and the internal view that only
/// the internal retrospective template receives.
fn facts(i: Incident) -> IncidentFacts {
    IncidentFacts {
        id: i.id,
        deadline: i.deadline,
        client: i.client_view(),
        internal: i.internal_view(),
    }
}

async fn pick_contact(tx: &mut Tx, client: &Client, key: Option<&str>) -> Result<Option<Contact>> {
    let contacts = tx.contacts(Some(client.id)).await?;
    let Some(key) = key else {
        return Ok(contacts.into_iter().next());
    };
    let k = key.trim().to_lowercase();
    let names: Vec<String> = contacts.iter().map(|c| c.name.clone()).collect();
    contacts
        .into_iter()
        .find(|c| {
            c.id.to_string() == k
                || c.name.to_lowercase() == k
                || c.email.as_deref().is_some_and(|e| e.to_lowercase() == k)
        })
        .map(Some)
        .ok_or_else(|| AppError::NotFound {
            what: "contact",
            key: key.to_owned(),
            hint: format!("; contacts of {}: {}", client.name, names.join(", ")),
        })
}

async fn pick_sender(tx: &mut Tx, key: Option<&str>) -> Result<Option<TeamMember>> {
    let team = tx.team_members().await?;
    let Some(key) = key else {
        return Ok(team.into_iter().next());
    };
    let k = key.trim().to_lowercase();
    let names: Vec<String> = team.iter().map(|m| m.name.clone()).collect();
    team.into_iter()
        .find(|m| m.name.to_lowercase() == k || m.email.to_lowercase() == k)
        .map(Some)
        .ok_or_else(|| AppError::NotFound {
            what: "team member",
            key: key.to_owned(),
            hint: format!("; the team: {}", names.join(", ")),
        })
}
