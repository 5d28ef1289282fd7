//! Dutch, Norwegian and Bengali phrasing classes, one test per class: how a native writer of a
//! service or incident message commonly says a thing, and a close neutral sentence that must not
//! count. Hand-written sentences (written for these tests, not taken from the evaluation set).

use candor_text::Element;

mod phrasing;
use phrasing::{flags, has};

#[test]
fn dutch_impact_said_as_trouble_consequence_or_a_service_down() {
    for text in [
        "U heeft hier mogelijk last van gehad.",
        "Veel reizigers hebben te maken gehad met vertragingen.",
        "De storing zorgde voor flinke vertraging op het spoor.",
        "Ik weet dat u dit rapport nodig had voor de vergadering.",
        "Pinnen lukte in een aantal winkels niet.",
        "De brief heeft tot veel onrust geleid.",
        "Door de vertraging hebben veel reizigers hun aansluiting gemist.",
    ] {
        assert!(has("nl", text, Element::Impact), "{text}");
    }
    for text in [
        "Klanten die te maken krijgen met annuleringen worden omgeboekt.",
        "De nieuwe app werkt op alle telefoons.",
        "We maken ons geen zorgen.",
    ] {
        assert!(!has("nl", text, Element::Impact), "{text}");
    }
}

#[test]
fn dutch_ownership_plan_remedy_and_next_contact_in_common_words() {
    for (text, element) in [
        ("We hebben een fout gemaakt.", Element::Ownership),
        ("De fout ligt bij ons.", Element::Ownership),
        ("We zijn hard bezig met het herstel.", Element::Plan),
        (
            "Er wordt met man en macht gewerkt aan een oplossing.",
            Element::Plan,
        ),
        ("We hebben onze controle aangescherpt.", Element::Plan),
        (
            "Er rijden vervangende bussen tussen Utrecht en Amersfoort.",
            Element::Remedy,
        ),
        (
            "We komen hier zo snel mogelijk bij u op terug.",
            Element::NextStep,
        ),
        ("U kunt ons bereiken via 020-1234567.", Element::NextStep),
        ("Vanaf maandag rijden de treinen weer.", Element::NewDate),
        (
            "Uw pakket wordt in de loop van morgen bezorgd.",
            Element::NewDate,
        ),
    ] {
        assert!(has("nl", text, element), "{element}: {text}");
    }
    for (text, element) in [
        ("We hebben geen fout gemaakt.", Element::Ownership),
        ("We zijn niet bezig met een nieuwe versie.", Element::Plan),
        (
            "Wij herstellen dit en u ontvangt een excuusbrief van ons.",
            Element::NextStep,
        ),
    ] {
        assert!(!has("nl", text, element), "{element}: {text}");
    }
}

#[test]
fn norwegian_ownership_plan_and_impact_in_common_words() {
    for (text, element) in [
        ("Vi har gjort en feil.", Element::Ownership),
        ("Dette skulle ikke ha skjedd.", Element::Ownership),
        ("Det var en feil fra vår side.", Element::Ownership),
        (
            "Tiltak er iverksatt for å hindre at det skjer igjen.",
            Element::Plan,
        ),
        (
            "Teknikerne våre jobber med å reparere kabelen.",
            Element::Plan,
        ),
        ("Mange kunder måtte vente i flere timer.", Element::Impact),
        ("Noen kunder er blitt trukket to ganger.", Element::Impact),
    ] {
        assert!(has("nb", text, element), "{element}: {text}");
    }
    for (text, element) in [
        ("Vi har ikke gjort noen feil.", Element::Ownership),
        ("Det jobbes i huset hver dag.", Element::Plan),
    ] {
        assert!(!has("nb", text, element), "{element}: {text}");
    }
}

#[test]
fn norwegian_new_date_needs_a_commitment_not_just_a_future_tense() {
    for text in [
        "Vi vil betale ut pengene innen fredag.",
        "Nettbanken vil være tilbake i drift i morgen tidlig.",
        "Toget går som normalt fra og med mandag.",
    ] {
        assert!(has("nb", text, Element::NewDate), "{text}");
    }
    for text in [
        "Det vil være noen kanselleringer i morgen også.",
        "Du hadde planlagt en fest 11. januar.",
    ] {
        assert!(!has("nb", text, Element::NewDate), "{text}");
    }
}

#[test]
fn norwegian_nothing_we_could_do_is_deflecting() {
    for text in [
        "Det er dessverre ikke noe vi kan gjøre med.",
        "Vi rår ikke over været.",
        "Vi har fulgt alle rutiner.",
    ] {
        assert!(flags("nb", text, "deflects"), "{text}");
    }
    assert!(!flags(
        "nb",
        "Det er ikke noe vi ikke kan fikse.",
        "deflects"
    ));
}

#[test]
fn bengali_empathy_and_hardship_in_common_words() {
    for (text, element) in [
        ("আপনাদের ভোগান্তি আমরা অনুধাবন করতে পারছি।", Element::Empathy),
        ("আমরা আপনাদের পাশে আছি।", Element::Empathy),
        ("আপনাদের ক্ষুব্ধ হওয়াটা স্বাভাবিক।", Element::Empathy),
        ("হাজারো যাত্রী ভোগান্তির শিকার হয়েছেন।", Element::Impact),
        ("অনেক গ্রাহক টাকা তুলতে পারেননি।", Element::Impact),
        ("যাত্রীরা বিমানবন্দরে আটকে পড়েছেন।", Element::Impact),
    ] {
        assert!(has("bn", text, element), "{element}: {text}");
    }
}

#[test]
fn bengali_vague_times_excuses_and_singling_out_staff() {
    for (text, rule) in [
        ("আমরা দ্রুততম সময়ের মধ্যে সমস্যাটি সমাধান করব।", "vague_timeline"),
        (
            "পরবর্তী নির্দেশনা না দেওয়া পর্যন্ত সেবা বন্ধ থাকবে।",
            "vague_timeline",
        ),
        ("আমাদের কোনো গাফিলতি ছিল না।", "deflects"),
        ("এমনটা হতেই পারে।", "deflects"),
        ("দায়ীদের বিরুদ্ধে কঠোর ব্যবস্থা নেওয়া হবে।", "blames_colleague"),
        ("চালকের অবহেলার কারণে দুর্ঘটনাটি ঘটেছে।", "blames_colleague"),
    ] {
        assert!(flags("bn", text, rule), "{rule}: {text}");
    }
    for (text, rule) in [
        ("রোগটি খুব দ্রুত ছড়িয়ে পড়ে।", "vague_timeline"),
        ("পণ্যটিতে এক বছরের গ্যারান্টি রয়েছে।", "overpromise"),
        ("১০০% টাকা ফেরত দেওয়া হবে।", "overpromise"),
        ("সংশ্লিষ্ট কর্মকর্তারা কাজ করছেন।", "blames_colleague"),
        ("আমাদের ভুল মেনে নিতে হবে।", "deflects"),
    ] {
        assert!(!flags("bn", text, rule), "{rule}: {text}");
    }
}
