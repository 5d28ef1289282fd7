//! General phrasings of elements and anti-patterns, one class per test, in every language:
//! the rule packs must cover how people commonly say a thing, not single sentences of the
//! evaluation set. Hand-written sentences (written for these tests by the team).

use candor_text::{CheckOptions, Checker, CheckerConfig, Element};

mod phrasing;
use phrasing::{check, flags, has};

#[test]
fn offering_the_next_contact_is_a_next_step_in_every_language() {
    for (lang, text) in [
        ("en", "I'll send you an update by Thursday."),
        (
            "en",
            "We will let you know as soon as the fix is live on Monday.",
        ),
        ("en", "You will hear from us again on Friday."),
        ("nl", "Ik bel u morgen om tien uur."),
        ("nl", "We nemen vrijdag contact met u op."),
        ("nl", "U hoort uiterlijk donderdag van ons."),
        ("nb", "Jeg ringer deg i morgen klokka ti."),
        ("nb", "Vi kontakter deg på fredag."),
        ("nb", "Du vil høre fra oss innen torsdag."),
        ("bn", "আমরা আপনাকে কাল জানাব।"),
        ("bn", "আগামী সপ্তাহে আমি আবার ফোন করে খোঁজ নেব।"),
    ] {
        assert!(has(lang, text, Element::NextStep), "{lang}: {text}");
    }
}

#[test]
fn talking_to_others_or_an_interview_is_no_next_step() {
    for (lang, text) in [
        ("en", "I'll talk to the designer about the layout."),
        ("nb", "Kundene som ringer inn, får hjelp av kundeservice."),
        ("nb", "Vi følger opp saken internt."),
        ("bn", "এক সাক্ষাৎকারে তিনি এ কথা বলেন।"),
        ("bn", "সাংবাদিকদের সঙ্গে কথা বলতে গিয়ে তিনি এ কথা জানান।"),
    ] {
        assert!(!has(lang, text, Element::NextStep), "{lang}: {text}");
    }
}

#[test]
fn steps_taken_or_under_way_are_a_plan() {
    for (lang, text) in [
        ("en", "We have added a second review to every release."),
        ("en", "We are putting a daily check in place."),
        ("en", "We took immediate steps to correct the invoices."),
        ("en", "Weve been working to make the servers more robust."),
        ("nl", "We hebben maatregelen genomen om dit te voorkomen."),
        ("nl", "We zullen dinsdag nog een keer langskomen."),
        (
            "nl",
            "We zorgen ervoor dat elke levering wordt gecontroleerd.",
        ),
    ] {
        assert!(has(lang, text, Element::Plan), "{lang}: {text}");
    }
}

#[test]
fn the_readers_own_trouble_is_impact_other_customers_are_not() {
    assert!(has(
        "en",
        "Your website was down for three hours on Monday.",
        Element::Impact
    ));
    assert!(has(
        "en",
        "We know how much the launch matters to you.",
        Element::Impact
    ));
    assert!(!has(
        "en",
        "We also started notifying affected customers.",
        Element::Impact
    ));
}

#[test]
fn organisations_and_sentence_adverbs_are_not_colleagues() {
    for (lang, text) in [
        ("nl", "KLM heeft de reizigers niet op tijd geïnformeerd."),
        ("nl", "Daarom heeft de vervoerder het niet gedaan."),
        ("nl", "Helaas heeft de storing het verkeer niet ontzien."),
        ("nb", "Derfor har vi ikke sendt fakturaen."),
    ] {
        assert!(!flags(lang, text, "blames_colleague"), "{lang}: {text}");
    }
    assert!(flags(
        "nl",
        "Pieter heeft de bestanden niet doorgestuurd.",
        "blames_colleague"
    ));
    assert!(flags(
        "bn",
        "একজন কর্মচারীর গাফিলতির কারণে এমনটা হয়েছে।",
        "blames_colleague"
    ));
}

#[test]
fn a_date_in_the_past_is_no_new_date() {
    for (lang, text) in [
        ("en", "As we said last Friday, the report was delayed."),
        ("en", "We delivered the first part two weeks ago."),
        (
            "nl",
            "Zoals we vorige week vrijdag zeiden, is het rapport uitgesteld.",
        ),
        ("nb", "Som vi skrev forrige fredag, er rapporten forsinket."),
        ("bn", "গত ২০ মে প্রকাশিত সংবাদে ভুল তথ্য দেওয়া হবে না।"),
    ] {
        assert!(!has(lang, text, Element::NewDate), "{lang}: {text}");
    }
    for (lang, text) in [
        ("en", "We will deliver the report on Friday 4 December."),
        ("nl", "We leveren het rapport uiterlijk vrijdag 4 december."),
        ("nb", "Vi leverer rapporten innen fredag 4. desember."),
        ("bn", "আমরা ৪ ডিসেম্বরের মধ্যে প্রতিবেদন দেব।"),
    ] {
        assert!(has(lang, text, Element::NewDate), "{lang}: {text}");
    }
}

#[test]
fn acknowledging_feelings_and_naming_who_was_hit() {
    for (lang, text, element) in [
        (
            "en",
            "I can only imagine how this week has been.",
            Element::Empathy,
        ),
        (
            "en",
            "You have every right to be annoyed.",
            Element::Empathy,
        ),
        (
            "en",
            "Let me know if the new build works for you.",
            Element::NextStep,
        ),
        (
            "nl",
            "We gaan uitzoeken waarom de levering misging.",
            Element::Plan,
        ),
        ("nl", "De procedure wordt aangepast.", Element::Plan),
        (
            "nl",
            "Gedupeerde reizigers krijgen hun geld terug.",
            Element::Impact,
        ),
        ("nb", "Mange kunder var uten strøm i natt.", Element::Impact),
        ("nb", "Nettbanken lå nede i to timer.", Element::Impact),
        ("bn", "আপনাদের ক্ষোভ যৌক্তিক।", Element::Empathy),
    ] {
        assert!(has(lang, text, element), "{lang}: {text}");
    }
}

#[test]
fn quoted_lines_of_an_earlier_message_do_not_count() {
    let reply = "> You forgot to send the files and it is your fault.\n> Sorry, I was away.\n\nThanks, we will send them on Friday 4 December.";
    let r = check("en", reply);
    assert!(
        !r.findings.iter().any(|f| f.rule == "blames_client"),
        "{:?}",
        r.findings
    );
    assert!(!r.has(Element::Apology));
    assert!(r.has(Element::Thanks) && r.has(Element::NewDate));
    // The same words unquoted do count.
    let r = check("en", "You forgot to send the files and it is your fault.");
    assert!(r.findings.iter().any(|f| f.rule == "blames_client"));
}

#[test]
fn findings_after_quoted_lines_keep_their_place_in_the_original_text() {
    // Quoted lines are blanked before the rules run; offsets, lines and columns must still be
    // those of the text as given, also after a quoted non-ASCII letter.
    let reply = "> Grüße, we are not sure it was you.\n>> An older quote.\n\nYou forgot to send the files and it is your fault.";
    let r = check("en", reply);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "blames_client")
        .expect("the unquoted blame is found");
    assert_eq!(&reply[f.span.clone()].chars().next(), &Some('Y'), "{f:?}");
    assert!(f.span.start >= reply.find("You forgot").unwrap());
    assert_eq!(
        (f.line, f.column),
        (4, 1 + f.span.start - reply.find("You").unwrap())
    );
}

#[test]
fn every_pack_builds_with_a_large_roster_and_term_list() {
    let config = CheckerConfig {
        roster: (0..300).map(|i| format!("Person{i} Lastname{i}")).collect(),
        internal_terms: (0..150).map(|i| format!("tool{i}")).collect(),
    };
    let c = Checker::builtin(&config).expect("packs compile with a large roster");
    let r = c
        .check(
            "Person7 forgot to run tool12 before the release.",
            &CheckOptions {
                lang: Some("en".into()),
                message_type: None,
            },
        )
        .expect("pack exists");
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"blames_colleague"), "{rules:?}");
    assert!(rules.contains(&"internal_detail"), "{rules:?}");
}

#[test]
fn software_updates_and_check_ins_of_code_are_no_next_contact() {
    for text in [
        "The fix will ship in the next update.",
        "I'll follow up with a PR that adds the tests.",
        "Please check in the generated files.",
    ] {
        assert!(!has("en", text, Element::NextStep), "{text}");
    }
    for text in [
        "Next update: Thursday at 10:00.",
        "I'll check in with you tomorrow.",
        "We will follow up with you on Monday.",
    ] {
        assert!(has("en", text, Element::NextStep), "{text}");
    }
}

#[test]
fn dutch_voor_is_a_deadline_only_before_a_date() {
    assert!(!has(
        "nl",
        "De chauffeur is hier vrijdag voor langs geweest.",
        Element::NewDate
    ));
    assert!(has(
        "nl",
        "We leveren het rapport voor vrijdag 4 december.",
        Element::NewDate
    ));
}

#[test]
fn owning_it_plainly_and_thanking_in_other_words() {
    for (lang, text, element) in [
        (
            "en",
            "Sorry, I broke the build with that change.",
            Element::Ownership,
        ),
        ("en", "That's on me.", Element::Ownership),
        ("en", "Your patience is much appreciated.", Element::Thanks),
        ("bn", "লাইনের রক্ষণাবেক্ষন কাজ সম্পন্ন করা হবে।", Element::Plan),
    ] {
        assert!(has(lang, text, element), "{lang}: {text}");
    }
}
