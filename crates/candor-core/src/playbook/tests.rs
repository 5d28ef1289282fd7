//! Paths through the playbook, and the property that contact never starts unprepared.

use super::*;
use crate::{KeyDate, Language};
use jiff::Timestamp;
use jiff::civil::Date;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

const NOW: &str = "2026-11-25T12:00:00Z";

fn open(kind: IncidentKind) -> Incident {
    let mut i = NewIncident {
        kind,
        client_id: 1,
        project_id: None,
        milestone_id: None,
        promise: None,
        trouble_since: Some(ts("2026-11-24T09:00:00Z")),
        deadline: Some(day("2026-12-01")),
        goals: None,
    }
    .open(ts("2026-11-24T10:00:00Z"))
    .unwrap();
    i.id = 7;
    i
}

fn set(i: &mut Incident, edits: Vec<Edit>) -> Result<(), PlaybookError> {
    set_with(i, edits, &[])
}

fn set_with(
    i: &mut Incident,
    edits: Vec<Edit>,
    key_dates: &[KeyDate],
) -> Result<(), PlaybookError> {
    let ctx = EditContext {
        today: day("2026-11-25"),
        now: ts(NOW),
        key_dates,
        language: Language::Nl,
        is_business_day: &weekday_only,
    };
    i.set(Playbook::builtin(), edits, &ctx)
}

fn log(i: &mut Incident, kind: ContactKind, at: &str) -> Result<(), PlaybookError> {
    let a = NewContactAttempt {
        kind,
        at: ts(at),
        outcome: "talked it through".into(),
        reason: None,
        call_on: None,
    };
    i.log_contact(Playbook::builtin(), a, day("2026-11-25"), ts(NOW))
        .map(|_| ())
}

fn advance(i: &mut Incident) -> Result<Step, PlaybookError> {
    i.advance(Playbook::builtin(), ts(NOW))
}

fn prepared_delay() -> Incident {
    let mut i = open(IncidentKind::Delay);
    set(
        &mut i,
        vec![Edit::Cause("Data migration took twice the estimate".into())],
    )
    .unwrap();
    assert_eq!(advance(&mut i).unwrap(), Step::Prepare);
    set(
        &mut i,
        vec![
            Edit::Impact("Needed before the shareholders' meeting".into()),
            Edit::NewDate(day("2026-12-08")),
            Edit::Plan(vec!["Second developer on migration".into()]),
            Edit::Remedy(Remedy::parse("discount:10%", None, None).unwrap()),
        ],
    )
    .unwrap();
    i
}

#[test]
fn delay_walks_every_step_to_closed() {
    let mut i = prepared_delay();
    assert_eq!(advance(&mut i).unwrap(), Step::Contact);
    log(&mut i, ContactKind::CallAnswered, "2026-11-25T11:00:00Z").unwrap();
    assert_eq!(i.client_told_at(), Some(ts("2026-11-25T11:00:00Z")));
    assert_eq!(advance(&mut i).unwrap(), Step::FollowUp);
    let e = advance(&mut i).unwrap_err();
    assert_eq!(
        e,
        PlaybookError::Incomplete {
            step: Step::FollowUp,
            missing: vec!["summary_sent".into(), "delivered".into()]
        }
    );
    set(
        &mut i,
        vec![
            Edit::FollowUpSummary("Confirmed new date by email".into()),
            Edit::Delivered(day("2026-11-25")),
        ],
    )
    .unwrap();
    assert_eq!(advance(&mut i).unwrap(), Step::Retrospective);
    let retro = Retrospective::parse(
        day("2026-11-25"),
        "Estimate missed",
        &["no buffer".into()],
        &["Add buffer | Lead | 2026-12-10".into()],
    )
    .unwrap();
    i.record_retro(retro).unwrap();
    assert_eq!(advance(&mut i).unwrap(), Step::Closed);
    let steps: Vec<Step> = i.transitions.iter().map(|t| t.to).collect();
    assert_eq!(steps, Step::ALL);
    assert!(advance(&mut i).is_err());
}

#[test]
fn prepare_gate_lists_missing_ids_and_keeps_step() {
    let mut i = open(IncidentKind::Delay);
    set(&mut i, vec![Edit::Cause("late".into())]).unwrap();
    advance(&mut i).unwrap();
    set(&mut i, vec![Edit::Impact("x".into())]).unwrap();
    let e = advance(&mut i).unwrap_err();
    assert_eq!(
        e,
        PlaybookError::Incomplete {
            step: Step::Prepare,
            missing: vec!["new_date".into(), "plan".into(), "remedy".into()]
        }
    );
    assert_eq!(i.step, Step::Prepare);
    // Mistake asks no new date; broken promise asks an alternative.
    let m = open(IncidentKind::Mistake);
    assert_eq!(
        m.missing(Playbook::builtin(), Step::Prepare),
        ["impact", "plan", "remedy"]
    );
    let b = open(IncidentKind::BrokenPromise);
    assert_eq!(
        b.missing(Playbook::builtin(), Step::Prepare),
        ["impact", "alternative"]
    );
}

#[test]
fn legal_flag_adds_legal_consulted_and_cannot_undo_a_passed_step() {
    let mut i = prepared_delay();
    set(&mut i, vec![Edit::LegalInvolved(true)]).unwrap();
    assert_eq!(
        i.missing(Playbook::builtin(), Step::Prepare),
        ["legal_consulted"]
    );
    set(
        &mut i,
        vec![Edit::LegalConsulted(
            "Legal: penalty clause 7 does not apply".into(),
        )],
    )
    .unwrap();
    advance(&mut i).unwrap();
    let mut j = prepared_delay();
    advance(&mut j).unwrap();
    let e = set(&mut j, vec![Edit::LegalInvolved(true)]).unwrap_err();
    assert!(e.to_string().contains("legal_consulted"), "{e}");
    assert_eq!(j.legal.involved, None, "a refused edit changes nothing");
    set(
        &mut j,
        vec![Edit::LegalInvolved(true), Edit::LegalConsulted("ok".into())],
    )
    .unwrap();
}

#[test]
fn prepare_and_contact_cannot_be_skipped_but_retro_can() {
    let mut i = prepared_delay();
    let e = i
        .skip(
            Playbook::builtin(),
            Step::Prepare,
            "we are in a hurry today",
            ts(NOW),
        )
        .unwrap_err();
    assert!(
        matches!(e, PlaybookError::Invalid(ref v) if v.field == "step"),
        "{e}"
    );
    assert!(
        i.skip(
            Playbook::builtin(),
            Step::Contact,
            "client is on holiday",
            ts(NOW)
        )
        .is_err()
    );
    assert!(
        i.skip(Playbook::builtin(), Step::Retrospective, "short", ts(NOW))
            .unwrap_err()
            .to_string()
            .contains("reason")
    );
    assert_eq!(
        i.skip(
            Playbook::builtin(),
            Step::Retrospective,
            "Reviewed with the 3 others in one session",
            ts(NOW)
        )
        .unwrap(),
        Step::Prepare
    );
    advance(&mut i).unwrap();
    log(&mut i, ContactKind::MeetingHeld, "2026-11-25T11:00:00Z").unwrap();
    advance(&mut i).unwrap();
    set(
        &mut i,
        vec![
            Edit::FollowUpSummary("sent".into()),
            Edit::Delivered(day("2026-11-25")),
        ],
    )
    .unwrap();
    assert_eq!(
        advance(&mut i).unwrap(),
        Step::Closed,
        "skipped retrospective is passed over"
    );
}

#[test]
fn investigate_skip_is_kind_dependent() {
    let mut d = open(IncidentKind::Delay);
    assert_eq!(
        d.skip(
            Playbook::builtin(),
            Step::Investigate,
            "cause is plain: supplier outage",
            ts(NOW)
        )
        .unwrap(),
        Step::Prepare
    );
    assert_eq!(d.skips[0].reason, "cause is plain: supplier outage");
    let mut b = open(IncidentKind::BrokenPromise);
    assert!(
        b.skip(
            Playbook::builtin(),
            Step::Investigate,
            "we know who promised it",
            ts(NOW)
        )
        .is_err()
    );
}

#[test]
fn email_first_needs_a_call_afterwards() {
    let mut i = prepared_delay();
    advance(&mut i).unwrap();
    let e = log(&mut i, ContactKind::EmailSent, "2026-11-25T09:00:00Z").unwrap_err();
    assert!(e.to_string().contains("reason"), "{e}");
    let a = NewContactAttempt {
        kind: ContactKind::EmailSent,
        at: ts("2026-11-25T09:00:00Z"),
        outcome: "sent the full explanation".into(),
        reason: Some("client asked for email while travelling".into()),
        call_on: Some(day("2026-11-27")),
    };
    i.log_contact(Playbook::builtin(), a, day("2026-11-25"), ts(NOW))
        .unwrap();
    assert!(i.told_by_email());
    assert_eq!(i.missing(Playbook::builtin(), Step::Contact), ["call_held"]);
    log(&mut i, ContactKind::CallAnswered, "2026-11-25T11:30:00Z").unwrap();
    assert!(i.checked_in());
    assert_eq!(advance(&mut i).unwrap(), Step::FollowUp);
}

#[test]
fn contact_cannot_be_logged_before_contact_step() {
    let mut i = open(IncidentKind::Mistake);
    let e = log(&mut i, ContactKind::CallAnswered, "2026-11-25T11:00:00Z").unwrap_err();
    assert!(matches!(e, PlaybookError::Invalid(ref v) if v.field == "step"));
    assert!(i.contacts.is_empty());
}

#[test]
fn broken_promise_traces_promise_and_needs_a_call() {
    let mut b = open(IncidentKind::BrokenPromise);
    assert_eq!(
        b.missing(Playbook::builtin(), Step::Investigate),
        ["promise_traced", "goals", "contract_checked"]
    );
    set(
        &mut b,
        vec![Edit::Promise(PromiseLink::NoneFound(" ".into()))],
    )
    .unwrap_err();
    set(
        &mut b,
        vec![
            Edit::Promise(PromiseLink::Commitment(3)),
            Edit::Goals("Grow sign-ups".into()),
            Edit::LegalInvolved(false),
        ],
    )
    .unwrap();
    advance(&mut b).unwrap();
    let e = set(
        &mut b,
        vec![
            Edit::Remedy(Remedy::parse("hours:4", None, None).unwrap()),
            Edit::Impact("x".into()),
        ],
    );
    assert!(e.is_ok());
    set(
        &mut b,
        vec![Edit::Remedy(
            Remedy::parse("substitute:Reporting module for a year", None, None).unwrap(),
        )],
    )
    .unwrap();
    advance(&mut b).unwrap();
    log(&mut b, ContactKind::CallRequest, "2026-11-25T08:00:00Z").unwrap();
    assert_eq!(
        b.client_told_at(),
        None,
        "a call request does not tell the news"
    );
    assert_eq!(
        b.missing(Playbook::builtin(), Step::Contact),
        ["client_told", "call_held"]
    );
    log(&mut b, ContactKind::CallAnswered, "2026-11-25T10:00:00Z").unwrap();
    assert_eq!(advance(&mut b).unwrap(), Step::FollowUp);
}

#[test]
fn substitute_is_refused_for_a_delay() {
    let mut i = open(IncidentKind::Delay);
    let e = set(
        &mut i,
        vec![Edit::Remedy(
            Remedy::parse("substitute:other thing", None, None).unwrap(),
        )],
    )
    .unwrap_err();
    assert!(e.to_string().contains("substitute"));
}

#[test]
fn new_date_must_be_a_future_business_day() {
    let mut i = open(IncidentKind::Delay);
    for bad in ["2026-11-25", "2026-11-20", "2026-11-28"] {
        let e = set(&mut i, vec![Edit::NewDate(day(bad))]).unwrap_err();
        assert!(
            matches!(e, PlaybookError::Invalid(ref v) if v.field == "new-date"),
            "{bad}: {e}"
        );
    }
    set(&mut i, vec![Edit::NewDate(day("2026-11-30"))]).unwrap();
}

#[test]
fn impact_prefills_from_key_dates_before_new_date() {
    let mut i = open(IncidentKind::Delay);
    let keys = [
        KeyDate {
            label: "kwartaalcijfers".into(),
            date: day("2026-11-10"),
        },
        KeyDate {
            label: "jaarlijkse aandeelhoudersvergadering".into(),
            date: day("2026-12-03"),
        },
        KeyDate {
            label: "kerstborrel".into(),
            date: day("2026-12-20"),
        },
    ];
    set_with(&mut i, vec![Edit::NewDate(day("2026-12-08"))], &keys).unwrap();
    assert_eq!(
        i.impact.as_deref(),
        Some("Nodig vóór jaarlijkse aandeelhoudersvergadering (2026-12-03)")
    );
    // A written impact is never overwritten.
    set_with(
        &mut i,
        vec![
            Edit::Impact("Board pack".into()),
            Edit::NewDate(day("2026-12-22")),
        ],
        &keys,
    )
    .unwrap();
    assert_eq!(i.impact.as_deref(), Some("Board pack"));
}

#[test]
fn client_view_never_holds_the_internal_cause() {
    let mut i = prepared_delay();
    let secret = "Jared forgot to send the report in InternalTool";
    set(
        &mut i,
        vec![
            Edit::Cause(secret.into()),
            Edit::Team("Nicole and Rob".into()),
            Edit::LegalClause("MSA §4.2".into()),
        ],
    )
    .unwrap();
    i.skip(
        Playbook::builtin(),
        Step::Retrospective,
        "secret skip reason here",
        ts(NOW),
    )
    .unwrap();
    let view = serde_json::to_string(&i.client_view()).unwrap();
    for private in [
        secret,
        "Nicole",
        "MSA §4.2",
        "secret skip reason",
        "Data migration",
    ] {
        assert!(!view.contains(private), "{private} leaked into {view}");
        assert!(!format!("{:?}", i.client_view()).contains(private));
    }
    assert!(
        view.contains("shareholders"),
        "the client view still tells the impact: {view}"
    );
    assert!(
        serde_json::to_string(&i.internal_view())
            .unwrap()
            .contains(secret)
    );
}

#[test]
fn figures_time_to_tell_and_deadline() {
    let mut i = prepared_delay();
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap();
    assert_eq!(i.figures(&tz, day("2026-11-25")).told_before_deadline, None);
    assert_eq!(
        i.figures(&tz, day("2026-12-02")).told_before_deadline,
        Some(false)
    );
    advance(&mut i).unwrap();
    log(&mut i, ContactKind::CallAnswered, "2026-11-25T10:30:00Z").unwrap();
    let f = i.figures(&tz, day("2026-12-02"));
    assert_eq!(f.hours_to_tell, Some(25.5));
    assert_eq!(f.told_before_deadline, Some(true));
    let mut late = f.clone();
    late.told_before_deadline = Some(false);
    late.hours_to_tell = Some(100.0);
    let s = CommsSummary::of(&[f, late]);
    assert_eq!(s.all.median_hours_to_tell, Some(62.8));
    assert_eq!(s.all.on_time_rate, Some(0.5));
    assert_eq!(s.by_kind[&IncidentKind::Delay].incidents, 2);
}

/// A command a user can give an incident.
#[derive(Debug, Clone)]
enum Cmd {
    Advance,
    Skip(Step),
    SetOne(u8),
    SetMany(Vec<u8>),
    Log(u8),
    Retro,
}

fn cmd() -> impl Strategy<Value = Cmd> {
    prop_oneof![
        6 => Just(Cmd::Advance),
        2 => proptest::sample::select(Step::ALL.to_vec()).prop_map(Cmd::Skip),
        6 => (0u8..16).prop_map(Cmd::SetOne),
        5 => proptest::collection::vec(0u8..16, 1..10).prop_map(Cmd::SetMany),
        2 => (0u8..6).prop_map(Cmd::Log),
        1 => Just(Cmd::Retro),
    ]
}

fn edit(n: u8) -> Edit {
    match n {
        0 => Edit::Cause("cause".into()),
        1 => Edit::Impact("impact".into()),
        2 => Edit::NewDate(day("2026-12-08")),
        3 => Edit::Plan(vec!["step".into()]),
        4 => Edit::Remedy(Remedy::parse("hours:8", None, None).unwrap()),
        5 => Edit::LegalInvolved(true),
        6 => Edit::LegalInvolved(false),
        7 => Edit::LegalConsulted("ok".into()),
        8 => Edit::Goals("goals".into()),
        9 => Edit::Promise(PromiseLink::Commitment(1)),
        10 => Edit::FollowUpSummary("summary".into()),
        11 => Edit::Delivered(day("2026-11-25")),
        12 => Edit::Plan(vec![]),
        13 => Edit::Impact(" ".into()),
        14 => Edit::Remedy(Remedy::parse("substitute:x", None, None).unwrap()),
        _ => Edit::Team("team".into()),
    }
}

/// Runs commands on a fresh incident, checking the invariants after each; returns whether the
/// run got past prepare (so the property is not vacuous).
fn run_cmds(kind: IncidentKind, cmds: Vec<Cmd>) -> Result<bool, TestCaseError> {
    let book = Playbook::builtin();
    let mut i = open(kind);
    for (n, c) in cmds.into_iter().enumerate() {
        let before = i.step;
        let at = format!("2026-11-25T{:02}:{:02}:00Z", 8 + n / 60, n % 60);
        let result = match c {
            Cmd::Advance => advance(&mut i).map(|_| ()),
            Cmd::Skip(s) => i.skip(book, s, "a long enough reason", ts(NOW)).map(|_| ()),
            Cmd::SetOne(e) => set(&mut i, vec![edit(e)]),
            Cmd::SetMany(es) => set(&mut i, es.into_iter().map(edit).collect()),
            Cmd::Log(k) => log(&mut i, ContactKind::ALL[k as usize], &at),
            Cmd::Retro => i.record_retro(
                Retrospective::parse(
                    day("2026-11-25"),
                    "w",
                    &["f".into()],
                    &["a | o | 2026-12-01".into()],
                )
                .unwrap(),
            ),
        };
        if result.is_err() {
            prop_assert_eq!(i.step, before);
        }
        if i.step > Step::Prepare {
            prop_assert!(
                i.missing(book, Step::Prepare).is_empty(),
                "prepare incomplete at {:?}",
                i.step
            );
            prop_assert!(i.entered_at(Step::Contact).is_some());
        }
        if i.step == Step::Closed {
            prop_assert!(i.follow_up_summary.is_some());
            prop_assert!(i.retro.is_some() || i.is_skipped(Step::Retrospective));
        }
        prop_assert_eq!(i.transitions.last().map(|t| t.to), Some(i.step));
    }
    Ok(i.step > Step::Prepare)
}

fn scenario() -> impl Strategy<Value = (IncidentKind, Vec<Cmd>)> {
    (
        proptest::sample::select(IncidentKind::ALL.to_vec()),
        proptest::collection::vec(cmd(), 0..60),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// No sequence of commands reaches `contact` (or any later step) with prepare incomplete,
    /// a refused command never changes the step, and every step change is timestamped.
    #[test]
    fn contact_never_starts_with_prepare_incomplete((kind, cmds) in scenario()) {
        run_cmds(kind, cmds)?;
    }
}

/// The generator really drives incidents past prepare, for every kind.
#[test]
fn property_generator_reaches_contact() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut reached = std::collections::BTreeMap::new();
    for _ in 0..512 {
        let (kind, cmds) = scenario().new_tree(&mut runner).unwrap().current();
        if run_cmds(kind, cmds).unwrap() {
            *reached.entry(kind).or_insert(0) += 1;
        }
    }
    for kind in IncidentKind::ALL {
        let n = reached.get(&kind).copied().unwrap_or(0);
        assert!(
            n >= 20,
            "only {n} {kind} runs got past prepare: {reached:?}"
        );
    }
}
