//! Use cases for incidents: open, edit, log contact attempts, advance, skip, review, show, list.
//! Each write loads the incident, applies one playbook command, and saves it in one transaction.

use crate::{App, AppError, Result, resolve};
use candor_core::playbook::{
    ClientView, ContactAttempt, ContactKind, Edit, EditContext, Evidence, Figures, Incident,
    IncidentKind, InternalView, ItemStatus, NewContactAttempt, NewIncident, Playbook,
    PlaybookError, PromiseLink, Remedy, Retrospective, Step, Transition, ascii_digits,
    weekday_only,
};
use candor_core::{Client, Id, Language, ValidationError, field};
use candor_store::{IncidentFilter, Tx};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Raw input for `incident open`.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct OpenIncidentInput {
    /// `delay`, `mistake` or `broken_promise`.
    pub kind: String,
    /// Client name or id.
    pub client: String,
    /// Project name or id.
    pub project: Option<String>,
    /// Milestone title or id (needs a project).
    pub milestone: Option<String>,
    /// The broken commitment's id.
    pub commitment: Option<Id>,
    /// When the trouble became clear (date or RFC 3339; default now).
    pub trouble_since: Option<String>,
    /// The promised deadline (default: milestone, commitment or project date).
    pub deadline: Option<String>,
    /// Who opens it (record author).
    pub author: Option<String>,
}

/// Raw input for `incident set`: every field is optional; given ones change together.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct IncidentSetInput {
    /// Internal cause.
    pub cause: Option<String>,
    /// Client impact.
    pub impact: Option<String>,
    /// Client goals.
    pub goals: Option<String>,
    /// New completion date.
    pub new_date: Option<String>,
    /// Recovery plan steps (replace the plan when any is given).
    pub plan: Vec<String>,
    /// Remedy spec (`discount:10%`, `hours:8`, `extras:…`, `substitute:…`, `none`).
    pub remedy: Option<String>,
    /// Why no remedy (with `none`).
    pub remedy_reason: Option<String>,
    /// How we help reach the goals instead (with `none`).
    pub goals_route: Option<String>,
    /// `yes` or `no`: a contract clause is involved.
    pub legal: Option<String>,
    /// The clause.
    pub legal_clause: Option<String>,
    /// What legal said.
    pub legal_consulted: Option<String>,
    /// Who is lined up.
    pub team: Option<String>,
    /// Evidence to add (`record:ID`, `commitment:ID`).
    pub evidence: Vec<String>,
    /// The broken commitment.
    pub commitment: Option<Id>,
    /// What was searched when no commitment was found.
    pub no_commitment_found: Option<String>,
    /// The written follow-up summary.
    pub follow_up_summary: Option<String>,
    /// Delivery date.
    pub delivered: Option<String>,
    /// The promised deadline.
    pub deadline: Option<String>,
    /// When the trouble became clear.
    pub trouble_since: Option<String>,
}

/// Raw input for `incident log`.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct ContactLogInput {
    /// `call`, `voicemail`, `email` or `meeting`.
    pub channel: String,
    /// The call was not answered.
    pub no_answer: bool,
    /// The email only asked for a call.
    pub call_request: bool,
    /// What came of it.
    pub outcome: String,
    /// When (default now).
    pub at: Option<String>,
    /// Why email went first.
    pub reason: Option<String>,
    /// The planned follow-up call after an email-first.
    pub call_on: Option<String>,
    /// Who made the attempt.
    pub author: Option<String>,
}

/// Raw input for `incident retro`.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct RetroInput {
    /// What happened.
    pub what_happened: String,
    /// Contributing factors.
    pub factors: Vec<String>,
    /// Action items `WHAT | OWNER | YYYY-MM-DD`.
    pub actions: Vec<String>,
    /// Day of the review (default today).
    pub held_on: Option<String>,
}

/// A name with its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct NameRef {
    /// Id.
    pub id: Id,
    /// Name.
    pub name: String,
}

/// Everything `incident show` prints: the checklist, what is missing and next, and the
/// client-facing and internal fields kept apart.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct IncidentDetail {
    /// Id.
    pub id: Id,
    /// Kind.
    pub kind: IncidentKind,
    /// Current step.
    pub step: Step,
    /// The client.
    pub client: NameRef,
    /// The project.
    pub project: Option<NameRef>,
    /// The milestone id.
    pub milestone_id: Option<Id>,
    /// When opened.
    #[schemars(with = "candor_core::schema::Timestamp")]
    pub opened_at: Timestamp,
    /// When the trouble became clear.
    #[schemars(with = "candor_core::schema::Timestamp")]
    pub trouble_since: Timestamp,
    /// The promised deadline.
    #[schemars(with = "Option<candor_core::schema::Date>")]
    pub deadline: Option<Date>,
    /// When the client first heard the news.
    #[schemars(with = "Option<candor_core::schema::Timestamp>")]
    pub client_told_at: Option<Timestamp>,
    /// Every checklist item of every step.
    pub checklist: Vec<ItemStatus>,
    /// Required items of the current step not yet done.
    pub missing: Vec<String>,
    /// What to do next (a command).
    pub next: String,
    /// What the client may see.
    pub client_facing: ClientView,
    /// What stays inside the team.
    pub internal: InternalView,
    /// Contact attempts.
    pub contacts: Vec<ContactAttempt>,
    /// Step changes.
    pub transitions: Vec<Transition>,
    /// Figures.
    pub figures: Figures,
}

/// The result of `incident advance`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AdvanceOutcome {
    /// Whether the step changed.
    pub advanced: bool,
    /// The step before.
    pub from: Step,
    /// The step now.
    pub step: Step,
    /// Checklist IDs that kept the step from being left.
    pub missing: Vec<String>,
    /// The incident as it stands.
    pub incident: IncidentDetail,
}

/// Who did it, when the caller does not say.
const DEFAULT_AUTHOR: &str = "candor";

fn playbook_error(e: PlaybookError) -> AppError {
    match e {
        PlaybookError::Invalid(v) => AppError::Invalid(v),
        PlaybookError::Incomplete { step, missing } => AppError::Check(format!(
            "{step} is not complete; missing: {}",
            missing.join(", ")
        )),
    }
}

fn opt_date(name: &str, v: Option<&str>) -> Result<Option<Date>> {
    Ok(v.map(|d| field::date(name, &ascii_digits(d))).transpose()?)
}

impl App {
    /// The clock for incident timestamps: now, or noon UTC of the pinned `CANDOR_TODAY`.
    pub fn now(&self) -> Timestamp {
        let real = Timestamp::now();
        let today = self.today();
        if real.to_zoned_datetime(jiff::tz::TimeZone::system()).date() == today {
            return real;
        }
        today
            .to_datetime(jiff::civil::Time::constant(12, 0, 0, 0))
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map_or(real, |z| z.timestamp())
    }

    /// Opens an incident at `investigate`.
    pub async fn open_incident(&self, input: &OpenIncidentInput) -> Result<IncidentDetail> {
        let kind = IncidentKind::parse("kind", &input.kind)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let client = resolve::client(&mut tx, &input.client).await?;
        let project = match &input.project {
            Some(p) => Some(resolve::project(&mut tx, p, Some(&client.name)).await?),
            None => None,
        };
        let milestone = match (&input.milestone, &project) {
            (None, _) => None,
            (Some(m), None) => {
                return Err(ValidationError::new("milestone", m, "give --project too").into());
            }
            (Some(m), Some(p)) => Some(find_milestone(&mut tx, p.id, m).await?),
        };
        let commitment = match input.commitment {
            Some(id) => Some(owned_commitment(&mut tx, &client, id).await?),
            None => None,
        };
        let deadline = opt_date("deadline", input.deadline.as_deref())?
            .or(milestone.as_ref().map(|m| m.due))
            .or(commitment.as_ref().and_then(|c| c.due))
            .or(project.as_ref().map(|p| p.deadline));
        let trouble_since = input
            .trouble_since
            .as_deref()
            .map(|t| field::timestamp("trouble-since", &ascii_digits(t)))
            .transpose()?;
        let mut incident = NewIncident {
            kind,
            client_id: client.id,
            project_id: project.as_ref().map(|p| p.id),
            milestone_id: milestone.as_ref().map(|m| m.id),
            promise: commitment.as_ref().map(|c| PromiseLink::Commitment(c.id)),
            trouble_since,
            deadline,
            goals: Some(client.goals.clone()),
        }
        .open(now)?;
        let author = input.author.as_deref().unwrap_or(DEFAULT_AUTHOR);
        tx.insert_incident(&mut incident, author).await?;
        let detail = detail(&mut tx, &incident, self.today(), Language::En).await?;
        tx.commit().await?;
        Ok(detail)
    }

    /// Changes fields of an incident, all or nothing.
    pub async fn set_incident(&self, id: Id, input: &IncidentSetInput) -> Result<IncidentDetail> {
        let mut tx = self.begin().await?;
        let mut incident = tx.incident(id).await?;
        let client = tx.client(incident.client_id).await?;
        let edits = self.edits(&mut tx, &client, input).await?;
        if edits.is_empty() {
            return Err(ValidationError::new(
                "set",
                "",
                "nothing to change: give at least one field",
            )
            .into());
        }
        let calendar = candor_forecast::Calendar::new(&[client.country.as_str()], &[]).ok();
        let business = move |d: Date| match calendar.as_ref().map(|c| c.is_business_day(d)) {
            Some(Ok(b)) => b,
            _ => weekday_only(d),
        };
        let ctx = EditContext {
            today: self.today(),
            now: self.now(),
            key_dates: &client.key_dates,
            language: client.language,
            is_business_day: &business,
        };
        incident
            .set(Playbook::builtin(), edits, &ctx)
            .map_err(playbook_error)?;
        self.save(tx, incident, DEFAULT_AUTHOR).await
    }

    async fn edits(&self, tx: &mut Tx, client: &Client, s: &IncidentSetInput) -> Result<Vec<Edit>> {
        let mut e = Vec::new();
        let text = |v: &Option<String>, f: fn(String) -> Edit, e: &mut Vec<Edit>| {
            if let Some(t) = v {
                e.push(f(t.clone()));
            }
        };
        text(&s.cause, Edit::Cause, &mut e);
        text(&s.impact, Edit::Impact, &mut e);
        text(&s.goals, Edit::Goals, &mut e);
        if let Some(d) = opt_date("new-date", s.new_date.as_deref())? {
            e.push(Edit::NewDate(d));
        }
        if !s.plan.is_empty() {
            e.push(Edit::Plan(s.plan.clone()));
        }
        match &s.remedy {
            Some(r) => e.push(Edit::Remedy(Remedy::parse(
                r,
                s.remedy_reason.as_deref(),
                s.goals_route.as_deref(),
            )?)),
            None if s.remedy_reason.is_some() || s.goals_route.is_some() => {
                return Err(ValidationError::new(
                    "remedy",
                    "",
                    "--remedy-reason and --goals-route go with --remedy none",
                )
                .into());
            }
            None => {}
        }
        if let Some(l) = &s.legal {
            e.push(Edit::LegalInvolved(field::one_of(
                "legal",
                l,
                &[("yes", true), ("no", false)],
            )?));
        }
        text(&s.legal_clause, Edit::LegalClause, &mut e);
        text(&s.legal_consulted, Edit::LegalConsulted, &mut e);
        text(&s.team, Edit::Team, &mut e);
        for ev in &s.evidence {
            let ev = Evidence::parse(ev)?;
            check_evidence(tx, client, ev).await?;
            e.push(Edit::AddEvidence(ev));
        }
        match (s.commitment, &s.no_commitment_found) {
            (Some(_), Some(t)) => {
                return Err(ValidationError::new(
                    "no-commitment-found",
                    t,
                    "give either --commitment or --no-commitment-found",
                )
                .into());
            }
            (Some(id), None) => {
                owned_commitment(tx, client, id).await?;
                e.push(Edit::Promise(PromiseLink::Commitment(id)));
            }
            (None, Some(t)) => e.push(Edit::Promise(PromiseLink::NoneFound(t.clone()))),
            (None, None) => {}
        }
        text(&s.follow_up_summary, Edit::FollowUpSummary, &mut e);
        if let Some(d) = opt_date("delivered", s.delivered.as_deref())? {
            e.push(Edit::Delivered(d));
        }
        if let Some(d) = opt_date("deadline", s.deadline.as_deref())? {
            e.push(Edit::Deadline(d));
        }
        if let Some(t) = &s.trouble_since {
            e.push(Edit::TroubleSince(field::timestamp(
                "trouble-since",
                &ascii_digits(t),
            )?));
        }
        Ok(e)
    }

    /// Logs a contact attempt as a record entry of the incident.
    pub async fn log_incident_contact(
        &self,
        id: Id,
        input: &ContactLogInput,
    ) -> Result<IncidentDetail> {
        let kind = ContactKind::from_channel(&input.channel, input.no_answer, input.call_request)?;
        let now = self.now();
        let attempt = NewContactAttempt {
            kind,
            at: match &input.at {
                Some(a) => field::timestamp("at", &ascii_digits(a))?,
                None => now,
            },
            outcome: input.outcome.clone(),
            reason: input.reason.clone(),
            call_on: opt_date("call-on", input.call_on.as_deref())?,
        };
        let mut tx = self.begin().await?;
        let mut incident = tx.incident(id).await?;
        incident
            .log_contact(Playbook::builtin(), attempt, self.today(), now)
            .map_err(playbook_error)?;
        let author = input.author.as_deref().unwrap_or(DEFAULT_AUTHOR);
        self.save(tx, incident, author).await
    }

    /// Moves to the next step when the current one is complete; otherwise reports what is
    /// missing and leaves the step unchanged.
    pub async fn advance_incident(&self, id: Id) -> Result<AdvanceOutcome> {
        let mut tx = self.begin().await?;
        let mut incident = tx.incident(id).await?;
        let from = incident.step;
        match incident.advance(Playbook::builtin(), self.now()) {
            Ok(_) => {
                let detail = self.save(tx, incident, DEFAULT_AUTHOR).await?;
                Ok(AdvanceOutcome {
                    advanced: true,
                    from,
                    step: detail.step,
                    missing: Vec::new(),
                    incident: detail,
                })
            }
            Err(PlaybookError::Incomplete { missing, .. }) => {
                let detail = detail(&mut tx, &incident, self.today(), Language::En).await?;
                Ok(AdvanceOutcome {
                    advanced: false,
                    from,
                    step: from,
                    missing,
                    incident: detail,
                })
            }
            Err(e) => Err(playbook_error(e)),
        }
    }

    /// Skips a step with a written reason, kept in the record.
    pub async fn skip_incident_step(
        &self,
        id: Id,
        step: &str,
        reason: &str,
        author: Option<&str>,
    ) -> Result<IncidentDetail> {
        let step = Step::parse("step", step)?;
        let mut tx = self.begin().await?;
        let mut incident = tx.incident(id).await?;
        incident
            .skip(Playbook::builtin(), step, reason, self.now())
            .map_err(playbook_error)?;
        self.save(tx, incident, author.unwrap_or(DEFAULT_AUTHOR))
            .await
    }

    /// Records the blameless review.
    pub async fn incident_retro(&self, id: Id, input: &RetroInput) -> Result<IncidentDetail> {
        let held_on = opt_date("held-on", input.held_on.as_deref())?.unwrap_or(self.today());
        let retro = Retrospective::parse(
            held_on,
            &input.what_happened,
            &input.factors,
            &input.actions,
        )?;
        let mut tx = self.begin().await?;
        let mut incident = tx.incident(id).await?;
        incident.record_retro(retro).map_err(playbook_error)?;
        self.save(tx, incident, DEFAULT_AUTHOR).await
    }

    /// One incident with its checklist, labels in `lang`.
    pub async fn incident(&self, id: Id, lang: Language) -> Result<IncidentDetail> {
        let mut tx = self.begin().await?;
        let incident = tx.incident(id).await?;
        detail(&mut tx, &incident, self.today(), lang).await
    }

    /// Incidents, of one client and/or only open ones.
    pub async fn incidents(
        &self,
        client: Option<&str>,
        open_only: bool,
    ) -> Result<Vec<IncidentDetail>> {
        let mut tx = self.begin().await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        let list = tx
            .incidents(IncidentFilter {
                client_id,
                open_only,
            })
            .await?;
        let mut out = Vec::with_capacity(list.len());
        for i in &list {
            out.push(detail(&mut tx, i, self.today(), Language::En).await?);
        }
        Ok(out)
    }

    async fn save(
        &self,
        mut tx: Tx,
        mut incident: Incident,
        author: &str,
    ) -> Result<IncidentDetail> {
        tx.save_incident(&mut incident, author).await?;
        crate::followups::sync_incident(&mut tx, &incident, self.today()).await?;
        let d = detail(&mut tx, &incident, self.today(), Language::En).await?;
        tx.commit().await?;
        Ok(d)
    }
}

async fn find_milestone(tx: &mut Tx, project_id: Id, key: &str) -> Result<candor_core::Milestone> {
    let all = tx.milestones(Some(project_id)).await?;
    let id = key.trim().parse::<Id>().ok();
    let found = all
        .iter()
        .find(|m| Some(m.id) == id || m.title.eq_ignore_ascii_case(key.trim()))
        .cloned();
    found.ok_or_else(|| {
        let titles: Vec<&str> = all.iter().map(|m| m.title.as_str()).collect();
        AppError::NotFound {
            what: "milestone",
            key: key.to_owned(),
            hint: format!("; milestones of this project: {}", titles.join(", ")),
        }
    })
}

async fn owned_commitment(tx: &mut Tx, client: &Client, id: Id) -> Result<candor_core::Commitment> {
    let c = tx.commitment(id).await?;
    if c.client_id != client.id {
        return Err(ValidationError::new(
            "commitment",
            id.to_string(),
            format!("belongs to another client, not {}", client.name),
        )
        .into());
    }
    Ok(c)
}

async fn check_evidence(tx: &mut Tx, client: &Client, ev: Evidence) -> Result<()> {
    let (what, owner) = match ev {
        Evidence::Record(id) => ("record", tx.record(id).await?.client_id),
        Evidence::Commitment(id) => ("commitment", tx.commitment(id).await?.client_id),
    };
    if owner != client.id {
        return Err(ValidationError::new(
            "evidence",
            what,
            format!("belongs to another client, not {}", client.name),
        )
        .into());
    }
    Ok(())
}

/// Builds the show view of an incident.
async fn detail(tx: &mut Tx, i: &Incident, today: Date, lang: Language) -> Result<IncidentDetail> {
    let book = Playbook::builtin();
    let client = tx.client(i.client_id).await?;
    let project = match i.project_id {
        Some(p) => Some(tx.project(p).await?),
        None => None,
    };
    let tz = jiff::tz::TimeZone::get(&client.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let missing = i.missing(book, i.step);
    let checklist = i.checklist(book, lang);
    let next = next_action(i, &checklist, &missing);
    Ok(IncidentDetail {
        id: i.id,
        kind: i.kind,
        step: i.step,
        client: NameRef {
            id: client.id,
            name: client.name,
        },
        project: project.map(|p| NameRef {
            id: p.id,
            name: p.name,
        }),
        milestone_id: i.milestone_id,
        opened_at: i.opened_at,
        trouble_since: i.trouble_since,
        deadline: i.deadline,
        client_told_at: i.client_told_at(),
        checklist,
        missing,
        next,
        client_facing: i.client_view(),
        internal: i.internal_view(),
        contacts: i.contacts.clone(),
        transitions: i.transitions.clone(),
        figures: i.figures(&tz, today),
    })
}

fn next_action(i: &Incident, checklist: &[ItemStatus], missing: &[String]) -> String {
    if i.step == Step::Closed {
        return "nothing: the incident is closed".into();
    }
    match missing
        .first()
        .and_then(|m| checklist.iter().find(|c| &c.id == m))
    {
        Some(item) => item.action.clone(),
        None => format!("candor incident advance {}", i.id),
    }
}
