//! English phrasing classes added for issue 4's quality targets: impact said of customers and
//! orders, the next contact whoever makes it, seeing the reader's side, and the excuses and
//! open-ended timelines the packs must catch. Hand-written sentences (written for these tests).

use candor_text::Element;

mod phrasing;
use phrasing::{check, flags};

#[test]
fn what_it_did_to_customers_and_orders_is_impact() {
    for text in [
        "Customers in the north were unable to pay by card for most of the morning.",
        "Some orders placed on Monday were delayed by two days.",
        "Your parcel will arrive later than we promised.",
        "The outage prevented many of you from logging in.",
        "We know many of you rely on the app to get to work.",
        "The cancellation disrupted your travel plans, and we know it.",
        "Intermittent errors affecting some customers began at 9:00.",
    ] {
        assert!(check("en", text).has(Element::Impact), "{text}");
    }
    for text in [
        "Our customers are the heart of our business.",
        "The new orders page is live.",
    ] {
        assert!(!check("en", text).has(Element::Impact), "{text}");
    }
}

#[test]
fn the_next_contact_whoever_makes_it_is_a_next_step() {
    for text in [
        "You will receive an email with the new tracking link.",
        "Affected customers will be contacted by phone this week.",
        "Our support team will reach out to you directly.",
        "Just reply to this email if anything is unclear.",
        "Further updates will follow on our status page.",
        "I'll follow up once the fix is merged.",
        "Feel free to reopen the issue if it happens again.",
        "You can reach us on 020 123 4567.",
    ] {
        assert!(check("en", text).has(Element::NextStep), "{text}");
    }
    for text in [
        "We also started notifying the bank.",
        "The team reviewed the logs yesterday.",
    ] {
        assert!(!check("en", text).has(Element::NextStep), "{text}");
    }
}

#[test]
fn seeing_the_readers_side_is_empathy() {
    for text in [
        "I know you're swamped this week.",
        "That's completely understandable.",
        "You make a fair point about the docs.",
        "We get it, and we share your frustration.",
        "Many of you were understandably worried.",
        "This must be stressful, and we are sorry.",
    ] {
        assert!(check("en", text).has(Element::Empathy), "{text}");
    }
    assert!(!check("en", "I know the fix is in the next release.").has(Element::Empathy));
}

#[test]
fn making_time_for_the_fix_is_a_plan_and_a_discount_mentioned_is_no_remedy() {
    for text in [
        "I'll have some time this weekend to iron out the last bugs.",
        "We'd like to squeeze in two more fixes before the release.",
    ] {
        assert!(check("en", text).has(Element::Plan), "{text}");
    }
    assert!(
        check("en", "We will give you a 20% discount on your next order.").has(Element::Remedy)
    );
    assert!(
        !check(
            "en",
            "The old discount was applied to your account by mistake."
        )
        .has(Element::Remedy)
    );
}

#[test]
fn a_coming_week_or_the_end_of_a_month_is_a_date() {
    for text in [
        "We will ship it this coming week.",
        "The new version will be ready by the end of March.",
        "We expect to finish in a week.",
    ] {
        assert!(check("en", text).has(Element::NewDate), "{text}");
    }
}

#[test]
fn no_date_at_all_is_a_vague_timeline() {
    for text in [
        "There is no ETA yet.",
        "The shop is closed until further notice.",
        "It will ship when it's ready.",
        "We're not sure when the fix will land.",
    ] {
        assert!(flags("en", text, "vague_timeline"), "{text}");
    }
    assert!(!flags(
        "en",
        "There is no ETA yet, but we expect it on Friday 4 December.",
        "vague_timeline"
    ));
}

#[test]
fn pushing_back_with_other_work_or_a_third_party_deflects() {
    for text in [
        "We have lots of other priorities right now.",
        "Bumping the thread won't make it go faster.",
        "The people at the data centre decided to reboot our server.",
        "It just so happened that the backup failed the same night.",
    ] {
        assert!(flags("en", text, "deflects"), "{text}");
    }
    assert!(!flags(
        "en",
        "We rebooted the server at the data centre.",
        "deflects"
    ));
}

#[test]
fn a_relative_date_that_names_a_thing_is_no_new_date() {
    // Mechanism: the pack's `date_modifier_after` ("'s") after a relative date.
    for text in [
        "Today's maintenance will take the site offline for an hour.",
        "Tomorrow’s release will include the new export.",
    ] {
        assert!(!check("en", text).has(Element::NewDate), "{text}");
    }
    // Close neutral sentences: the same date as a time still counts.
    for text in [
        "The maintenance will finish today.",
        "The new export will be released tomorrow.",
    ] {
        assert!(check("en", text).has(Element::NewDate), "{text}");
    }
}

#[test]
fn the_date_of_the_next_contact_is_a_next_step_not_a_new_date() {
    // Mechanism: `yields_to = ["next_step"]` on the bare "will … by" date rule.
    for text in [
        "We will update you tomorrow.",
        "We'll get back to you by Friday.",
        "We will contact every affected customer by the end of the day on 27th July.",
    ] {
        let r = check("en", text);
        assert!(r.has(Element::NextStep), "{text}");
        assert!(!r.has(Element::NewDate), "{text}");
    }
    // Close neutral sentences: a delivery date, also next to a next contact in another clause.
    for text in [
        "We will deliver the report by Friday.",
        "We will send the corrected invoice on Friday; let us know if anything is unclear.",
        "The fix will be ready on Thursday, and we will update you tomorrow.",
    ] {
        assert!(check("en", text).has(Element::NewDate), "{text}");
    }
}

#[test]
fn a_vague_time_told_in_the_past_is_no_vague_timeline() {
    // Mechanism: `past_cancels` with the pack's `past_tense` / `non_past_tense` words.
    for text in [
        "Sorry, it took a little while to get to this.",
        "At some point, despite the checks, the setting wasn't saved.",
        "The outage was soon fixed.",
    ] {
        assert!(!flags("en", text, "vague_timeline"), "{text}");
    }
    // Close neutral sentences: the same cues about the future still count.
    for text in [
        "It will take a little while to get to this.",
        "At some point we will look at the setting again.",
        "The outage was long, and it will be fixed soon.",
    ] {
        assert!(flags("en", text, "vague_timeline"), "{text}");
    }
}

#[test]
fn a_date_told_in_the_past_is_no_new_date() {
    // Mechanism: `past_cancels` on the bare-cue new_date rule.
    for text in [
        "We are refunding the customers who were hit by the outage on Thursday.",
        "The parcels were held up by the storm at the end of the week.",
    ] {
        assert!(!check("en", text).has(Element::NewDate), "{text}");
    }
    // Close neutral sentences: the same dates ahead, and a date moved in the past tense, count.
    for text in [
        "We will refund every affected customer by Thursday.",
        "The parcels will be with you by the end of the week.",
        "The release was moved to Friday.",
    ] {
        assert!(check("en", text).has(Element::NewDate), "{text}");
    }
}
