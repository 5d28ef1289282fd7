//! `candor incident …`: walk the playbook for a delay, a mistake or a broken promise.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::{
    ContactLogInput, IncidentDetail, IncidentSetInput, OpenIncidentInput, RetroInput,
};
use candor_core::Language;
use candor_core::playbook::Step;
use clap::{Args as ClapArgs, Subcommand};
use std::process::ExitCode;

/// Incident subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Open an incident (it starts at `investigate`).
    #[command(
        after_help = "Example:\n  candor incident open --kind delay --client \"Acme BV\" --project \"Website\" --trouble-since 2026-11-24 --json"
    )]
    Open(Box<OpenArgs>),
    /// Show the checklist: what is done, what is missing, what to do next.
    #[command(
        after_help = "Example:\n  candor incident show 3\n  candor incident show 3 --lang nb --json"
    )]
    Show {
        /// Incident id.
        id: i64,
        /// Language of the checklist labels: en, nl, nb, bn.
        #[arg(long, default_value = "en")]
        lang: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Change fields; all given fields change together or none does.
    #[command(
        after_help = "Example:\n  candor incident set 3 --impact \"Needed before the shareholders' meeting\" --new-date 2026-12-08 \\\n    --plan \"Second developer on the migration\" --remedy discount:10%\n  candor incident set 4 --remedy none --remedy-reason \"No discount fits\" --goals-route \"Workshop on their goals\""
    )]
    Set(Box<SetArgs>),
    /// Log a contact attempt (call → voicemail → email; email first needs --reason and --call-on).
    #[command(
        after_help = "Example:\n  candor incident log 3 call --no-answer --outcome \"No answer\"\n  candor incident log 3 voicemail --outcome \"Asked Ingrid to call back\"\n  candor incident log 3 call --outcome \"Agreed on the new date\"\n  candor incident log 3 email --reason \"Client asked for email\" --call-on 2026-11-27 --outcome \"Sent the news\""
    )]
    Log(Box<LogArgs>),
    /// Move to the next step; exits 1 and lists the missing checklist IDs when it cannot.
    #[command(after_help = "Example:\n  candor incident advance 3 --json")]
    Advance {
        /// Incident id.
        id: i64,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Skip a step with a written reason (kept in the record).
    #[command(
        after_help = "Example:\n  candor incident skip 3 retrospective --reason \"Reviewed together with incident 2\""
    )]
    Skip {
        /// Incident id.
        id: i64,
        /// The step to skip: the current one or a later one.
        step: String,
        /// Why.
        #[arg(long)]
        reason: String,
        /// Who decided.
        #[arg(long)]
        author: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Record the blameless team review.
    #[command(
        after_help = "Example:\n  candor incident retro 3 --what-happened \"Migration estimate was off by half\" \\\n    --factor \"No buffer in the plan\" --action \"Add a 20% buffer to estimates | Maya Jensen | 2026-12-15\""
    )]
    Retro {
        /// Incident id.
        id: i64,
        /// What happened.
        #[arg(long)]
        what_happened: String,
        /// A contributing factor (repeatable).
        #[arg(long = "factor")]
        factors: Vec<String>,
        /// An action item: 'WHAT | OWNER | YYYY-MM-DD' (repeatable).
        #[arg(long = "action")]
        actions: Vec<String>,
        /// Day of the review (default today).
        #[arg(long)]
        held_on: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List incidents.
    #[command(after_help = "Example:\n  candor incident list --open --json")]
    List {
        /// Only incidents that are not closed.
        #[arg(long)]
        open: bool,
        /// Only this client.
        #[arg(long)]
        client: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// `incident open` fields.
#[derive(Debug, ClapArgs)]
pub struct OpenArgs {
    /// delay, mistake or broken_promise.
    #[arg(long)]
    kind: String,
    /// Client name or id.
    #[arg(long)]
    client: String,
    /// Project name or id.
    #[arg(long)]
    project: Option<String>,
    /// Milestone title or id (with --project).
    #[arg(long)]
    milestone: Option<String>,
    /// The broken commitment's id.
    #[arg(long)]
    commitment: Option<i64>,
    /// When the trouble became clear: YYYY-MM-DD or RFC 3339 (default now).
    #[arg(long)]
    trouble_since: Option<String>,
    /// The promised deadline (default: the milestone's, commitment's or project's date).
    #[arg(long)]
    deadline: Option<String>,
    /// Who opens it.
    #[arg(long)]
    author: Option<String>,
    /// JSON output.
    #[arg(long)]
    json: bool,
}

/// `incident log` fields.
#[derive(Debug, ClapArgs)]
pub struct LogArgs {
    /// Incident id.
    id: i64,
    /// call, voicemail, email or meeting.
    channel: String,
    /// What came of it.
    #[arg(long)]
    outcome: String,
    /// The call was not answered.
    #[arg(long)]
    no_answer: bool,
    /// The email only asked the client for a call.
    #[arg(long)]
    call_request: bool,
    /// When: YYYY-MM-DD or RFC 3339 (default now).
    #[arg(long)]
    at: Option<String>,
    /// Why an email goes before any call.
    #[arg(long)]
    reason: Option<String>,
    /// When the follow-up call is planned (with an email-first).
    #[arg(long)]
    call_on: Option<String>,
    /// Who made the attempt.
    #[arg(long)]
    author: Option<String>,
    /// JSON output.
    #[arg(long)]
    json: bool,
}

/// `incident set` fields.
#[derive(Debug, ClapArgs)]
pub struct SetArgs {
    /// Incident id.
    id: i64,
    /// What went wrong (internal; never shown to the client).
    #[arg(long)]
    cause: Option<String>,
    /// The client's concrete impact.
    #[arg(long)]
    impact: Option<String>,
    /// The client's original goals.
    #[arg(long)]
    goals: Option<String>,
    /// New completion date (a business day after today).
    #[arg(long)]
    new_date: Option<String>,
    /// A recovery plan step (repeatable; replaces the plan).
    #[arg(long = "plan")]
    plan: Vec<String>,
    /// discount:10%, discount:250 EUR, future-discount:…, hours:8, extras:TEXT, substitute:TEXT or none.
    #[arg(long)]
    remedy: Option<String>,
    /// Why no remedy (with --remedy none).
    #[arg(long)]
    remedy_reason: Option<String>,
    /// How we help the client reach their goals instead (with --remedy none).
    #[arg(long)]
    goals_route: Option<String>,
    /// yes or no: a contract clause is involved.
    #[arg(long)]
    legal: Option<String>,
    /// The contract clause.
    #[arg(long)]
    legal_clause: Option<String>,
    /// What legal said.
    #[arg(long)]
    legal_consulted: Option<String>,
    /// Who is lined up to help.
    #[arg(long)]
    team: Option<String>,
    /// Evidence found: record:ID or commitment:ID (repeatable).
    #[arg(long)]
    evidence: Vec<String>,
    /// The broken commitment's id.
    #[arg(long)]
    commitment: Option<i64>,
    /// No commitment was found: what was searched.
    #[arg(long)]
    no_commitment_found: Option<String>,
    /// The written follow-up summary.
    #[arg(long)]
    follow_up_summary: Option<String>,
    /// The day what was promised was delivered.
    #[arg(long)]
    delivered: Option<String>,
    /// The promised deadline.
    #[arg(long)]
    deadline: Option<String>,
    /// When the trouble became clear.
    #[arg(long)]
    trouble_since: Option<String>,
    /// JSON output.
    #[arg(long)]
    json: bool,
}

impl SetArgs {
    fn input(self) -> (i64, bool, IncidentSetInput) {
        let input = IncidentSetInput {
            cause: self.cause,
            impact: self.impact,
            goals: self.goals,
            new_date: self.new_date,
            plan: self.plan,
            remedy: self.remedy,
            remedy_reason: self.remedy_reason,
            goals_route: self.goals_route,
            legal: self.legal,
            legal_clause: self.legal_clause,
            legal_consulted: self.legal_consulted,
            team: self.team,
            evidence: self.evidence,
            commitment: self.commitment,
            no_commitment_found: self.no_commitment_found,
            follow_up_summary: self.follow_up_summary,
            delivered: self.delivered,
            deadline: self.deadline,
            trouble_since: self.trouble_since,
        };
        (self.id, self.json, input)
    }
}

/// Runs an incident subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let (detail, json) = match cmd {
        Cmd::Open(a) => {
            let OpenArgs {
                kind,
                client,
                project,
                milestone,
                commitment,
                trouble_since,
                deadline,
                author,
                json,
            } = *a;
            let input = OpenIncidentInput {
                kind,
                client,
                project,
                milestone,
                commitment,
                trouble_since,
                deadline,
                author,
            };
            (app.open_incident(&input).await?, json)
        }
        Cmd::Show { id, lang, json } => {
            let lang = Language::parse("lang", &lang)?;
            let d = app.incident(id, lang).await?;
            if json {
                output::json(&d)?;
            } else {
                print_detail(&d);
            }
            return Ok(ExitCode::SUCCESS);
        }
        Cmd::Set(args) => {
            let (id, json, input) = args.input();
            (app.set_incident(id, &input).await?, json)
        }
        Cmd::Log(a) => {
            let LogArgs {
                id,
                channel,
                outcome,
                no_answer,
                call_request,
                at,
                reason,
                call_on,
                author,
                json,
            } = *a;
            let input = ContactLogInput {
                channel,
                no_answer,
                call_request,
                outcome,
                at,
                reason,
                call_on,
                author,
            };
            (app.log_incident_contact(id, &input).await?, json)
        }
        Cmd::Advance { id, json } => {
            let o = app.advance_incident(id).await?;
            if json {
                output::json(&o)?;
            } else if o.advanced {
                crate::out!("incident {id}: {} → {}", o.from, o.step);
                crate::out!("next: {}", o.incident.next);
            }
            if !o.advanced {
                eprintln!(
                    "candor: incident {id} stays at {}; missing: {}",
                    o.step,
                    o.missing.join(", ")
                );
                eprintln!("next: {}", o.incident.next);
                return Ok(ExitCode::from(1));
            }
            return Ok(ExitCode::SUCCESS);
        }
        Cmd::Skip {
            id,
            step,
            reason,
            author,
            json,
        } => (
            app.skip_incident_step(id, &step, &reason, author.as_deref())
                .await?,
            json,
        ),
        Cmd::Retro {
            id,
            what_happened,
            factors,
            actions,
            held_on,
            json,
        } => {
            let input = RetroInput {
                what_happened,
                factors,
                actions,
                held_on,
            };
            (app.incident_retro(id, &input).await?, json)
        }
        Cmd::List { open, client, json } => {
            let list = app.incidents(client.as_deref(), open).await?;
            if json {
                output::json(&list)?;
            } else {
                print_list(&list);
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    if json {
        output::json(&detail)?;
    } else {
        crate::out!(
            "incident {} ({}) is at {}",
            detail.id,
            detail.kind,
            detail.step
        );
        crate::out!("next: {}", detail.next);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_list(list: &[IncidentDetail]) {
    let mut t = output::table(&["id", "kind", "client", "project", "step", "missing", "told"]);
    for d in list {
        t.add_row(vec![
            d.id.to_string(),
            d.kind.to_string(),
            d.client.name.clone(),
            d.project
                .as_ref()
                .map_or_else(|| "-".into(), |p| p.name.clone()),
            d.step.to_string(),
            d.missing.join(", "),
            output::or_dash(&d.client_told_at),
        ]);
    }
    crate::out!("{t}");
}

fn print_detail(d: &IncidentDetail) {
    let project = d
        .project
        .as_ref()
        .map_or(String::new(), |p| format!(" / {}", p.name));
    crate::out!(
        "Incident {} · {} · {}{project} · step: {}",
        d.id,
        d.kind,
        d.client.name,
        d.step
    );
    crate::out!(
        "trouble clear: {} · deadline: {} · client told: {}",
        d.trouble_since,
        output::or_dash(&d.deadline),
        output::or_dash(&d.client_told_at)
    );
    let skipped: Vec<Step> = d.internal.skips.iter().map(|s| s.step).collect();
    let mut current = None;
    for item in &d.checklist {
        if current != Some(item.step) {
            current = Some(item.step);
            let note = if skipped.contains(&item.step) {
                " (skipped)"
            } else {
                ""
            };
            let here = if item.step == d.step {
                "  ← current"
            } else {
                ""
            };
            crate::out!("\n{}{note}{here}", item.step);
        }
        let mark = if item.done { "[x]" } else { "[ ]" };
        let req = if item.required {
            "required"
        } else {
            "optional"
        };
        crate::out!("  {mark} {:<16} {req:<8}  {}", item.id, item.label);
    }
    if !d.missing.is_empty() {
        crate::out!("\nmissing: {}", d.missing.join(", "));
    }
    crate::out!("next: {}", d.next);
    print_views(d);
}

fn print_views(d: &IncidentDetail) {
    let c = &d.client_facing;
    crate::out!("\nClient-facing");
    crate::out!("  impact:   {}", output::or_dash(&c.impact));
    crate::out!("  goals:    {}", output::or_dash(&c.goals));
    crate::out!("  new date: {}", output::or_dash(&c.new_date));
    for (n, step) in c.plan.iter().enumerate() {
        crate::out!("  plan {}:   {step}", n + 1);
    }
    crate::out!("  remedy:   {}", output::or_dash(&c.remedy));
    let i = &d.internal;
    crate::out!("\nInternal (never sent to the client)");
    crate::out!("  cause:    {}", output::or_dash(&i.cause));
    crate::out!("  team:     {}", output::or_dash(&i.team));
    let legal = match i.legal.involved {
        None => "not checked".to_owned(),
        Some(false) => "no contract clause involved".to_owned(),
        Some(true) => format!(
            "clause {} · legal: {}",
            output::or_dash(&i.legal.clause),
            output::or_dash(&i.legal.consulted)
        ),
    };
    crate::out!("  legal:    {legal}");
    for s in &i.skips {
        crate::out!("  skipped {}: {}", s.step, s.reason);
    }
    if !d.contacts.is_empty() {
        crate::out!("\nContact attempts");
        for a in &d.contacts {
            crate::out!("  {}  {:<17} {}", a.at, a.kind.as_str(), a.outcome);
        }
    }
}
