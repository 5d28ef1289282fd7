//! End-to-end checks of the library on hand-written messages (written for these tests by the
//! team, not real client mail; the real evaluation set lives in `eval/checker/`).

use candor_text::{AntiPattern, CheckError, CheckOptions, Checker, CheckerConfig, Element, Report};

fn checker() -> Checker {
    Checker::builtin(&CheckerConfig::default()).expect("built-in packs compile")
}

fn check(c: &Checker, lang: &str, text: &str) -> Report {
    c.check(
        text,
        &CheckOptions {
            lang: Some(lang.into()),
            message_type: None,
        },
    )
    .unwrap()
}

fn rules(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.rule.as_str()).collect()
}

const GOOD_EN: &str = "Hi Anna,\n\nI'm sorry: the report will not be ready on Friday as we promised. \
I know you were counting on it before your board meeting. We have identified the problem and \
have put two more people on it, and we will deliver the finished report on 4 December. \
We will not charge you for this month's hours. Could we have a short call tomorrow at 10:00?\n\n\
Thank you for your patience.\nKim";

#[test]
fn a_good_english_delay_email_has_every_required_element_and_no_finding() {
    let c = checker();
    let opts = CheckOptions {
        lang: None,
        message_type: Some("delay_email".into()),
    };
    let r = c.check(GOOD_EN, &opts).unwrap();
    assert_eq!(r.lang, "en");
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    for e in [
        Element::Apology,
        Element::Impact,
        Element::Ownership,
        Element::NewDate,
        Element::Plan,
        Element::Remedy,
        Element::NextStep,
        Element::Thanks,
    ] {
        assert!(r.has(e), "{e} not found");
    }
    let span = r.elements[&Element::NewDate].clone().unwrap();
    assert_eq!(&GOOD_EN[span], "4 December");
}

#[test]
fn negation_cancels_apology_and_blame() {
    let c = checker();
    assert!(!check(&c, "en", "We are not sorry about the delay.").has(Element::Apology));
    let r = check(
        &c,
        "en",
        "It was not your fault that the files arrived late.",
    );
    assert!(!rules(&r).contains(&"blames_client"), "{:?}", r.findings);
    let r = check(&c, "en", "It was your fault: you never sent the files.");
    assert!(rules(&r).contains(&"blames_client"));
}

#[test]
fn naming_a_colleague_is_flagged_with_the_exact_span() {
    let c = checker();
    let text = "Sorry. But it was not my fault! Jared forgot to send the report.";
    let r = check(&c, "en", text);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "blames_colleague")
        .expect("blame found");
    assert_eq!(&text[f.span.clone()], "Jared forgot");
    assert_eq!((f.line, f.column), (1, text.find("Jared").unwrap() + 1));
    assert!(rules(&r).contains(&"deflects"));
    assert!(!f.suggestion.is_empty() && f.suggestion.starts_with("We"));
    assert!(r.has_errors());
}

#[test]
fn pronouns_are_not_colleagues() {
    let c = checker();
    let r = check(
        &c,
        "en",
        "We forgot to send the report, and I failed to check it.",
    );
    assert!(!rules(&r).contains(&"blames_colleague"), "{:?}", r.findings);
}

#[test]
fn conditional_apology_is_a_non_apology_not_an_apology() {
    let c = checker();
    let r = check(&c, "en", "We are sorry if you feel let down by the delay.");
    assert!(rules(&r).contains(&"non_apology"));
    assert!(!r.has(Element::Apology));
}

#[test]
fn soon_is_vague_only_without_a_date() {
    let c = checker();
    assert!(rules(&check(&c, "en", "We will fix it soon.")).contains(&"vague_timeline"));
    let r = check(
        &c,
        "en",
        "We will fix it soon and deliver it on Friday 4 December.",
    );
    assert!(!rules(&r).contains(&"vague_timeline"), "{:?}", r.findings);
}

#[test]
fn roster_and_internal_terms_feed_internal_detail_and_blame() {
    let config = CheckerConfig {
        roster: vec!["Priya Raman".into()],
        internal_terms: vec!["Gitea".into()],
    };
    let c = Checker::builtin(&config).unwrap();
    let r = check(
        &c,
        "en",
        "Priya was on holiday, so the build in Gitea broke.",
    );
    assert_eq!(rules(&r), ["internal_detail", "internal_detail"]);
    let plain = check(
        &checker(),
        "en",
        "Priya was on holiday, so the build in Gitea broke.",
    );
    assert!(plain.findings.is_empty(), "{:?}", plain.findings);
    let bn = Checker::builtin(&CheckerConfig {
        roster: vec!["রহিম".into()],
        internal_terms: vec![],
    })
    .unwrap();
    let r = check(&bn, "bn", "রহিম রিপোর্টটি পাঠাতে ভুলে গিয়েছিল।");
    assert_eq!(rules(&r), ["blames_colleague"]);
}

#[test]
fn a_roster_name_with_a_non_ascii_letter_blames_only_that_person() {
    // Names with "Å", "Ø", "é" put non-ASCII letters into the {person} rules: they must still
    // need the name (or a capital), in every pack with ASCII word boundaries.
    let c = Checker::builtin(&CheckerConfig {
        roster: vec!["Åse Berg".into(), "Zoë Visser".into()],
        internal_terms: vec![],
    })
    .unwrap();
    for (lang, text) in [
        ("en", "A faulty router was to blame for the outage."),
        ("en", "The permissions on it changed, preventing logins."),
        ("nb", "Det var ruteren som glemte å sende varselet."),
    ] {
        let r = check(&c, lang, text);
        assert!(
            !rules(&r).contains(&"blames_colleague"),
            "{text}: {:?}",
            r.findings
        );
    }
    for (lang, text) in [
        ("en", "Åse forgot to send the report."),
        ("en", "It was Zoë's fault."),
    ] {
        let r = check(&c, lang, text);
        assert!(
            rules(&r).contains(&"blames_colleague"),
            "{text}: {:?}",
            r.findings
        );
    }
}

#[test]
fn missing_required_elements_are_warnings() {
    let c = checker();
    let opts = CheckOptions {
        lang: Some("en".into()),
        message_type: Some("delay_email".into()),
    };
    let r = c.check("I'm sorry the report is late.", &opts).unwrap();
    let missing: Vec<&str> = rules(&r);
    assert_eq!(
        missing,
        [
            "missing:impact",
            "missing:new_date",
            "missing:plan",
            "missing:remedy",
            "missing:next_step"
        ]
    );
    assert!(!r.has_errors());
    let bad = c.check(
        "x",
        &CheckOptions {
            lang: Some("en".into()),
            message_type: Some("memo".into()),
        },
    );
    assert!(matches!(bad, Err(CheckError::UnknownType { .. })));
}

#[test]
fn dutch_messages_are_checked_with_the_dutch_pack() {
    let c = checker();
    let text = "Het spijt me dat de oplevering later is. Jeroen vergat het rapport te versturen. \
                We leveren het rapport op vrijdag 4 december op. Kunnen we morgen even bellen?";
    let r = c.check(text, &CheckOptions::default()).unwrap();
    assert_eq!(r.lang, "nl");
    assert!(r.has(Element::Apology) && r.has(Element::NewDate) && r.has(Element::NextStep));
    assert_eq!(rules(&r), ["blames_colleague"]);
    assert!(!check(&c, "nl", "Het spijt me niet.").has(Element::Apology));
    assert!(!rules(&check(&c, "nl", "Het was niet uw schuld.")).contains(&"blames_client"));
}

#[test]
fn norwegian_messages_are_checked_with_the_bokmal_pack() {
    let c = checker();
    let text = "Jeg beklager at leveransen er forsinket. Jeg forstår at dette er frustrerende. \
                Vi leverer rapporten fredag 4. desember, og vi ringer deg i morgen kl. 10.";
    let r = c.check(text, &CheckOptions::default()).unwrap();
    assert_eq!(r.lang, "nb");
    for e in [
        Element::Apology,
        Element::Empathy,
        Element::NewDate,
        Element::NextStep,
    ] {
        assert!(r.has(e), "{e}");
    }
    assert!(rules(&check(&c, "nb", "Vi leverer så snart som mulig.")).contains(&"vague_timeline"));
    assert!(!check(&c, "nb", "Vi beklager ikke.").has(Element::Apology));
}

#[test]
fn bengali_messages_are_checked_with_the_bengali_pack() {
    let c = checker();
    let text = "আমি আন্তরিকভাবে দুঃখিত। আমরা সমস্যাটি চিহ্নিত করেছি। আমরা ৪ ডিসেম্বরের মধ্যে কাজটি শেষ করব। আপনার ধৈর্যের জন্য ধন্যবাদ।";
    let r = c.check(text, &CheckOptions::default()).unwrap();
    assert_eq!(r.lang, "bn");
    for e in [
        Element::Apology,
        Element::Ownership,
        Element::NewDate,
        Element::Thanks,
    ] {
        assert!(r.has(e), "{e}");
    }
    assert!(!check(&c, "bn", "আমি দুঃখিত নই।").has(Element::Apology));
    assert!(!rules(&check(&c, "bn", "এটা আপনার দোষ নয়।")).contains(&"blames_client"));
    let r = check(&c, "bn", "অনিবার্য কারণবশত কাজটি শীঘ্রই শেষ হবে।");
    assert_eq!(rules(&r), ["deflects", "vague_timeline"]);
}

#[test]
fn danish_is_refused_by_name_not_checked_as_norwegian() {
    let err = checker().check(
        "Undskyld forsinkelsen. Vi ringer til dig i morgen.",
        &CheckOptions::default(),
    );
    match err {
        Err(CheckError::UnsupportedLanguage { code, .. }) => assert_eq!(code, "da"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn every_anti_pattern_has_a_rule_in_every_language() {
    for pack in candor_text::pack::embedded_packs().unwrap() {
        for a in AntiPattern::ALL {
            assert!(
                pack.rules.iter().any(|r| r.target == a.id()),
                "{} lacks {a}",
                pack.language.code
            );
        }
        for e in Element::ALL {
            assert!(
                pack.rules.iter().any(|r| r.target == e.id()),
                "{} lacks {e}",
                pack.language.code
            );
        }
    }
}

#[test]
fn an_override_folder_replaces_a_pack() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lang/en/checker");
    let dst = dir.path().join("en/checker");
    std::fs::create_dir_all(&dst).unwrap();
    std::fs::copy(src.join("language.toml"), dst.join("language.toml")).unwrap();
    std::fs::write(
        dst.join("rules.toml"),
        "[[rule]]\nid = \"x\"\ntarget = \"overpromise\"\nkind = \"lexicon\"\nterms = [\"pinky swear\"]\nmessage = \"m\"\nsuggestion = \"s\"\n",
    )
    .unwrap();
    let c = Checker::with_override_dir(dir.path(), &CheckerConfig::default()).unwrap();
    let r = check(&c, "en", "I pinky swear. Sorry!");
    assert_eq!(rules(&r), ["overpromise"]);
    assert!(
        !r.has(Element::Apology),
        "the built-in English rules were replaced"
    );
    std::fs::write(
        dst.join("rules.toml"),
        "[[rule]]\nid = \"x\"\ntarget = \"nonsense\"\nkind = \"lexicon\"\nterms = [\"a\"]\n",
    )
    .unwrap();
    let err = Checker::with_override_dir(dir.path(), &CheckerConfig::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("rule x") && err.contains("nonsense"), "{err}");
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn shared() -> &'static Checker {
        static C: OnceLock<Checker> = OnceLock::new();
        C.get_or_init(|| {
            Checker::builtin(&CheckerConfig {
                roster: vec!["Ola Nordmann".into()],
                internal_terms: vec!["Jira".into()],
            })
            .unwrap()
        })
    }

    fn words() -> impl Strategy<Value = String> {
        let vocab = prop::sample::select(vec![
            "sorry",
            "not",
            "we",
            "will",
            "Friday",
            "4",
            "December",
            "—",
            "–",
            ",",
            ".",
            "।",
            "দুঃখিত",
            "না",
            "নয়",
            "৩",
            "ডিসেম্বর",
            "beklager",
            "ikke",
            "3.",
            "desember",
            "het",
            "spijt",
            "me",
            "niet",
            "Ola",
            "forgot",
            "soon",
            "\n",
            "kl.",
            "guarantee",
            "your",
            "fault",
            "if",
            "you",
            "feel",
            "Jira",
            "é",
            "😀",
            "\u{0}",
        ]);
        prop::collection::vec(vocab, 0..40).prop_map(|v| v.join(" "))
    }

    proptest! {
        #[test]
        fn findings_and_element_spans_stay_inside_the_text(text in prop_oneof![words(), any::<String>()], lang in prop::sample::select(vec!["en", "nl", "nb", "bn"])) {
            let r = shared().check(&text, &CheckOptions { lang: Some(lang.into()), message_type: Some("delay_email".into()) }).unwrap();
            for f in &r.findings {
                prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
                prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                prop_assert!(f.line >= 1 && f.column >= 1);
            }
            for span in r.elements.values().flatten() {
                prop_assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }
}
