//! Every message type in every language: rendered, checked by candor's own checker, read as the
//! right language by an independent detector, snapshotted, and free of the internal cause.

mod fixture;

use candor_compose::{ComposeError, Composer, Format, Inputs, MessageType};
use candor_core::Language;
use candor_core::playbook::IncidentKind;
use candor_testkit::language::language_of;
use candor_text::{CheckOptions, Checker, CheckerConfig, Severity};

fn checker() -> Checker {
    Checker::builtin(&CheckerConfig {
        roster: vec![
            "Maya Jensen".into(),
            "Lisa de Boer".into(),
            "Tom Okafor".into(),
            "Arif Hossain".into(),
        ],
        internal_terms: Vec::new(),
    })
    .unwrap()
}

fn inputs_for(t: MessageType, kind: IncidentKind, lang: Language) -> Inputs {
    if t == MessageType::WeeklyCheckin {
        fixture::weekly(lang)
    } else {
        fixture::incident(kind, lang)
    }
}

/// The problems the checker finds in a draft: missing required elements and anti-patterns.
fn problems(checker: &Checker, t: MessageType, lang: Language, body: &str) -> Vec<String> {
    let report = checker
        .check(
            body,
            &CheckOptions {
                lang: Some(lang.code().into()),
                message_type: Some(t.id().into()),
            },
        )
        .unwrap();
    report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error || f.rule.starts_with("missing:"))
        .map(|f| {
            format!(
                "{} at {}..{}: {:?}",
                f.rule,
                f.span.start,
                f.span.end,
                &body[f.span.clone()]
            )
        })
        .collect()
}

#[test]
fn every_type_in_every_language_passes_the_checker_and_reads_as_that_language() {
    let composer = Composer::builtin().unwrap();
    let checker = checker();
    let mut failures = Vec::new();
    for kind in IncidentKind::ALL {
        for lang in Language::ALL {
            for t in MessageType::ALL {
                let inputs = inputs_for(t, kind, lang);
                let draft = composer
                    .compose(&inputs, t, Some(lang), Format::Text)
                    .unwrap();
                for p in problems(&checker, t, lang, &draft.body) {
                    failures.push(format!("{kind}/{lang}/{t}: {p}"));
                }
                let detected = language_of(&draft.body);
                if detected.as_deref() != Some(lang.code()) {
                    failures.push(format!("{kind}/{lang}/{t}: detected as {detected:?}"));
                }
                if t.client_facing() && draft.output.contains(fixture::SECRET_CAUSE) {
                    failures.push(format!("{kind}/{lang}/{t}: the internal cause leaked"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_draft_matches_its_snapshot() {
    let composer = Composer::builtin().unwrap();
    for lang in Language::ALL {
        for kind in IncidentKind::ALL {
            for t in MessageType::ALL {
                if t == MessageType::WeeklyCheckin && kind != IncidentKind::Delay {
                    continue;
                }
                let inputs = inputs_for(t, kind, lang);
                let draft = composer.compose(&inputs, t, None, Format::Md).unwrap();
                let name = if t == MessageType::WeeklyCheckin {
                    format!("{lang}__{t}")
                } else {
                    format!("{lang}__{kind}__{t}")
                };
                insta::assert_snapshot!(name, draft.output);
            }
        }
    }
}

#[test]
fn the_retrospective_is_internal_and_holds_the_cause() {
    let composer = Composer::builtin().unwrap();
    let inputs = fixture::incident(IncidentKind::Mistake, Language::En);
    let retro = composer
        .compose(&inputs, MessageType::RetrospectiveDoc, None, Format::Text)
        .unwrap();
    assert!(retro.body.contains(fixture::SECRET_CAUSE));
    assert!(retro.body.contains("Lisa de Boer"));
    let e = composer
        .compose(&inputs, MessageType::RetrospectiveDoc, None, Format::Eml)
        .unwrap_err();
    assert!(e.to_string().contains("not an email"), "{e}");
}

#[test]
fn language_follows_contact_then_client_and_lang_forces() {
    let composer = Composer::builtin().unwrap();
    let mut inputs = fixture::incident(IncidentKind::Delay, Language::Nl);
    let t = MessageType::DelayEmail;
    assert_eq!(
        composer
            .compose(&inputs, t, None, Format::Text)
            .unwrap()
            .lang,
        Language::Nl
    );
    inputs.recipient.as_mut().unwrap().language = Some(Language::Nb);
    let draft = composer.compose(&inputs, t, None, Format::Text).unwrap();
    assert_eq!(draft.lang, Language::Nb);
    assert!(draft.body.starts_with("Hei Olivia,"), "{}", draft.body);
    let forced = composer
        .compose(&inputs, t, Some(Language::Bn), Format::Text)
        .unwrap();
    assert!(forced.body.contains("১২ মার্চ, ২০২৭"), "{}", forced.body);
}

#[test]
fn missing_inputs_are_named_with_the_command_that_fills_them() {
    let composer = Composer::builtin().unwrap();
    let mut inputs = fixture::incident(IncidentKind::Delay, Language::En);
    let view = &mut inputs.incident.as_mut().unwrap().client;
    view.new_date = None;
    view.plan.clear();
    let e = composer
        .compose(&inputs, MessageType::DelayEmail, None, Format::Text)
        .unwrap_err();
    let ComposeError::Missing(gaps) = &e else {
        panic!("expected missing inputs, got {e}");
    };
    let fixes: Vec<&str> = gaps.iter().map(|g| g.fix.as_str()).collect();
    assert_eq!(
        fixes,
        [
            "candor incident set 7 --new-date YYYY-MM-DD",
            "candor incident set 7 --plan STEP --plan STEP"
        ]
    );
    assert!(
        e.to_string().contains("delay_email needs a new date"),
        "{e}"
    );
    // The voicemail needs neither, so it is still written.
    assert!(
        composer
            .compose(&inputs, MessageType::Voicemail, None, Format::Text)
            .is_ok()
    );
    inputs.recipient.as_mut().unwrap().email = None;
    let e = composer
        .compose(&inputs, MessageType::CallRequest, None, Format::Eml)
        .unwrap_err();
    assert!(e.to_string().contains("--email EMAIL"), "{e}");
}

#[test]
fn every_fluent_message_exists_in_every_language() {
    let composer = Composer::builtin().unwrap();
    let en = composer.strings().ids(Language::En).unwrap().clone();
    assert!(en.len() > 30, "only {} messages", en.len());
    for t in MessageType::ALL {
        assert!(
            en.contains(&format!("subject-{}", t.id().replace('_', "-"))),
            "{t}"
        );
    }
    for lang in Language::ALL {
        let ids = composer.strings().ids(lang).unwrap();
        let missing: Vec<_> = en.difference(ids).collect();
        let extra: Vec<_> = ids.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn voicemails_fit_in_thirty_seconds() {
    // About 2.5 words a second is a calm speaking pace; 30 seconds is then 75 words.
    let composer = Composer::builtin().unwrap();
    for lang in Language::ALL {
        for kind in IncidentKind::ALL {
            let inputs = fixture::incident(kind, lang);
            let v = composer
                .compose(&inputs, MessageType::Voicemail, None, Format::Text)
                .unwrap();
            let words = v.body.split_whitespace().count();
            assert!(words <= 75, "{lang}/{kind}: {words} words\n{}", v.body);
        }
    }
}
