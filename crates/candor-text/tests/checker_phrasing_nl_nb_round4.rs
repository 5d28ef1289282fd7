//! Dutch and Norwegian phrasing classes of the fourth nl/nb round, one test per class: how a
//! native writer of an outage or delay notice commonly says a thing, and a close neutral sentence
//! that must not count. Hand-written sentences (written for these tests, not taken from the
//! evaluation set).

use candor_text::Element;

mod phrasing;
use phrasing::{flags, has};

#[test]
fn dutch_impact_said_as_cancelled_trips_what_it_meant_or_upset_plans() {
    for text in [
        "Er zullen morgen nog enkele vluchten geschrapt worden.",
        "Tientallen treinen zijn vanochtend uitgevallen.",
        "De geannuleerde ritten worden niet ingehaald.",
        "Dat betekende dat u twee dagen geen internet had.",
        "We beseffen dat we daarmee uw reisplannen in de war hebben gestuurd.",
        "Het was de bedoeling dat de app vandaag weer zou werken, maar dat is niet gelukt.",
        "Daardoor is een groot gebied getroffen.",
    ] {
        assert!(has("nl", text, Element::Impact), "{text}");
    }
    for text in [
        "Alle vluchten gaan vandaag gewoon door.",
        "De vluchten van morgen worden niet geschrapt.",
        "Dat betekent een nieuwe app voor iedereen.",
        "We maken graag plannen voor de zomer.",
    ] {
        assert!(!has("nl", text, Element::Impact), "{text}");
    }
}

#[test]
fn dutch_plan_said_as_repair_steps_crews_and_trying_to_fix() {
    for text in [
        "Daar werken we nu keihard aan.",
        "We proberen de storing vandaag nog op te lossen.",
        "We hebben meteen extra monteurs naar de wijk gestuurd.",
        "We gaan eerst de oude kabel vervangen.",
        "Daarna gaan we uitzoeken wat de oorzaak was.",
        "Op dit moment sluiten we de laatste woningen weer aan.",
        "Ons team doet er alles aan om een oplossing te vinden.",
        "We hebben de reistijden zoveel mogelijk aangepast.",
    ] {
        assert!(has("nl", text, Element::Plan), "{text}");
    }
    for text in [
        "Daar werken we niet aan.",
        "We hebben de prijzen niet aangepast.",
        "We proberen u morgen nog een keer te bellen.",
        "We weten nog niet wat de oorzaak is.",
        "Zij doet er alles aan om op tijd te komen.",
    ] {
        assert!(!has("nl", text, Element::Plan), "{text}");
    }
}

#[test]
fn dutch_remedy_ownership_and_new_date_in_outage_words() {
    for (text, element) in [
        ("U krijgt een extra databundel cadeau.", Element::Remedy),
        ("Dat hadden we veel eerder moeten zien.", Element::Ownership),
        (
            "Dit is niet de service die u van ons mag verwachten.",
            Element::Ownership,
        ),
        ("Binnen twee uur is er weer stroom.", Element::NewDate),
    ] {
        assert!(has("nl", text, element), "{element}: {text}");
    }
    for (text, element) in [
        ("Een extra databundel kost vijf euro.", Element::Remedy),
        ("We hadden gisteren een rustige dag.", Element::Ownership),
        ("Dit is precies wat u mag verwachten.", Element::Ownership),
        ("Er is weer stroom.", Element::NewDate),
    ] {
        assert!(!has("nl", text, element), "{element}: {text}");
    }
}

#[test]
fn dutch_vague_time_and_dependence_on_others() {
    assert!(flags(
        "nl",
        "De komende tijd blijven er vertragingen.",
        "vague_timeline"
    ));
    assert!(flags(
        "nl",
        "Soms zijn we afhankelijk van onze leverancier.",
        "deflects"
    ));
    assert!(!flags(
        "nl",
        "Veel klanten zijn afhankelijk van onze dienst.",
        "deflects"
    ));
    assert!(!flags(
        "nl",
        "Vrijdag komt de monteur langs.",
        "vague_timeline"
    ));
}

#[test]
fn norwegian_impact_said_as_consequences_or_expected_delays() {
    for text in [
        "Dette vil få store konsekvenser for trafikken i rushet.",
        "Det forventes store forsinkelser i ettermiddag.",
        "Reisende må regne med innstillinger hele dagen.",
    ] {
        assert!(has("nb", text, Element::Impact), "{text}");
    }
    for text in [
        "Endringen får ingen konsekvenser for deg.",
        "Vi forventer at alt går som normalt.",
    ] {
        assert!(!has("nb", text, Element::Impact), "{text}");
    }
}

#[test]
fn norwegian_plan_said_as_crews_reserves_corrections_and_reconnecting() {
    for text in [
        "Vi må kjøre noen rettinger på fakturaene.",
        "Vi kjører ut flere busser nå.",
        "Resten har vi dekket med reservebusser.",
        "Vi har mannskap ute hele natten.",
        "Vi har gjort flere tiltak.",
        "Vi må først finne årsaken.",
        "Vi har koblet om de fleste kundene.",
    ] {
        assert!(has("nb", text, Element::Plan), "{text}");
    }
    for text in [
        "Vi har ingen montører i området.",
        "Vi har ikke fått koblet om kundene ennå.",
        "Vi kjører ut aviser hver morgen.",
        "Vi har mange ansatte i Oslo.",
    ] {
        assert!(!has("nb", text, Element::Plan), "{text}");
    }
}

#[test]
fn norwegian_ownership_next_contact_and_new_date() {
    for (text, element) in [
        (
            "Det er en feil i systemet vårt som er årsaken.",
            Element::Ownership,
        ),
        (
            "Alle kundene vil få mer informasjon på SMS.",
            Element::NextStep,
        ),
        ("Vi kommer tilbake med en oppdatering.", Element::NextStep),
        (
            "Feilen vil bli rettet opp i løpet av ettermiddagen.",
            Element::NewDate,
        ),
    ] {
        assert!(has("nb", text, element), "{element}: {text}");
    }
    for (text, element) in [
        ("Årsaken er ukjent.", Element::Ownership),
        ("Kundene vil få pakken sin.", Element::NextStep),
        ("Feilen vil bli rettet opp.", Element::NewDate),
    ] {
        assert!(!has("nb", text, element), "{element}: {text}");
    }
}

#[test]
fn norwegian_vague_time_weather_as_cause_and_pointing_at_others() {
    for (text, rule) in [
        (
            "Det vil nok ta lang tid før alt er normalt.",
            "vague_timeline",
        ),
        ("Varigheten er foreløpig ukjent.", "vague_timeline"),
        (
            "Det er vanskelig å si når strømmen er tilbake.",
            "vague_timeline",
        ),
        ("Årsaken til forsinkelsen er snø.", "deflects"),
        ("Det er leverandøren som har meldt om feil.", "deflects"),
    ] {
        assert!(flags("nb", text, rule), "{rule}: {text}");
    }
    for (text, rule) in [
        ("Reparasjonen er ferdig fredag.", "vague_timeline"),
        ("Varigheten er to timer.", "vague_timeline"),
        ("Vi har fått mye snø i natt.", "deflects"),
        ("Det er leverandøren vår vi har valgt.", "deflects"),
    ] {
        assert!(!flags("nb", text, rule), "{rule}: {text}");
    }
}
