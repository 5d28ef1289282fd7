//! English phrasing classes of the sixth round: the engine's clause-bound tense, element rules
//! that give way, and the classes written from the round's development misses. Each class has a
//! close sentence that must not count. Hand-written sentences (written for these tests).

use candor_text::Element;

mod phrasing;
use phrasing::en::{raises, shows};

#[test]
fn a_past_verb_in_another_clause_does_not_cancel_a_vague_time() {
    raises(
        "vague_timeline",
        &[
            "Extensive damage was caused by digging works, no ETA on a fix yet.",
            "The cable was cut by a contractor, and we don't know when it will be back.",
        ],
        &[
            "There was no ETA on a fix at first, but it is now fixed.",
            "At some point, my notification settings were switched off.",
        ],
    );
}

#[test]
fn a_date_for_a_step_with_a_third_party_is_no_new_date() {
    shows(
        Element::NewDate,
        &[
            "We will send the corrected invoice tomorrow.",
            "We will have the repair finished by Friday.",
        ],
        &[
            "We will follow this up with the supplier tomorrow.",
            "We will chase it up with our courier on Monday.",
            "We'll speak to the manufacturer on Friday.",
        ],
    );
}

#[test]
fn an_organisation_apologising_in_the_third_person_apologises() {
    shows(
        Element::Apology,
        &[
            "The water authority apologises for the inconvenience.",
            "BT apologizes to every customer affected.",
        ],
        &["He never apologises for anything."],
    );
}

#[test]
fn the_fault_put_on_ourselves_is_ownership() {
    shows(
        Element::Ownership,
        &[
            "It's not their fault, it's ours.",
            "The responsibility lies entirely with us.",
        ],
        &[
            "It's not their fault, it's the weather.",
            "The responsibility lies with the council.",
        ],
    );
}

#[test]
fn what_the_statement_says_it_did_to_the_readers_is_impact() {
    shows(
        Element::Impact,
        &[
            "This incident affected the travel arrangements of many travellers.",
            "These cancellations have impacted a lot of our customers.",
            "We regret our inability to fly you to your destinations on time.",
            "We will refund any late fees that you may have incurred.",
            "There has been no running water in the community for most of the day.",
            "Some customers are experiencing short, localised delays in receiving their parcels.",
            "Some customers may experience slightly longer delivery times.",
        ],
        &[
            "The new timetable changed the travel arrangements.",
            "We were unable to reach you by phone.",
            "The fees you pay each month stay the same.",
            "There has been no change to the water supply.",
        ],
    );
}

#[test]
fn feelings_count_as_empathy_when_they_are_the_readers() {
    shows(
        Element::Empathy,
        &[
            "We share your pains.",
            "This must be very frustrating for you.",
            "We know this caused inconvenience and frustration to those affected.",
            "I understand you are disappointed.",
        ],
        &[
            "My life was insanely stressful so far.",
            "We apologise for any inconvenience and disappointment.",
            "I was frustrated with the build tool.",
        ],
    );
}

#[test]
fn recovery_work_in_statement_words_is_a_plan() {
    shows(
        Element::Plan,
        &[
            "Please conserve water while we do our best to resolve the problem.",
            "Our engineering teams worked throughout the night to resolve the fault.",
            "We are committed to redoubling our efforts this year.",
            "We will work hard to communicate with you better.",
            "We will learn from this incident and make improvements.",
            "An electrician has been called in to help resolve the problem.",
        ],
        &[
            "We did our best to warn you last week.",
            "Our team worked late on the launch party.",
            "An electrician has been to the office.",
        ],
    );
}

#[test]
fn an_alternative_supply_we_arrange_is_a_remedy() {
    shows(
        Element::Remedy,
        &[
            "Our water tanker crews are making every effort to assist residents.",
            "We are running replacement buses between the two stations.",
            "Bottled water stations are open at the school.",
        ],
        &[
            "We set up the new office in May.",
            "Bottled water is sold in the shop.",
        ],
    );
}

#[test]
fn where_to_follow_the_work_is_a_next_step_and_past_efforts_to_inform_are_not() {
    shows(
        Element::NextStep,
        &[
            "Check out the git commits and the 'v' branch if you want to see progress!",
            "We will keep customers informed on our website.",
        ],
        &[
            "We have been doing our very best to keep customers informed.",
            "Check out the branch and run the tests.",
        ],
    );
}

#[test]
fn work_told_as_done_gives_no_new_date() {
    shows(
        Element::NewDate,
        &[
            "The repair will be completed by Friday.",
            "The release was moved to Friday.",
        ],
        &[
            "Repair of the main was completed early this afternoon.",
            "The report was delivered on Monday.",
        ],
    );
}

#[test]
fn outside_conditions_named_as_the_cause_deflect() {
    raises(
        "deflects",
        &[
            "Outages are commonly caused by wildlife or vegetation contacting powerlines.",
            "We continue to be impacted by high demand, staff shortages and bad weather.",
            "Delays and rescheduling become inevitable in such situations.",
            "Repairing damage caused by major storms can take time.",
        ],
        &[
            "The outage was caused by a fault in our own equipment, and that is our fault.",
            "There may be delays due to heavy traffic at the depot.",
            "Delays were avoidable, and we are sorry.",
        ],
    );
}

#[test]
fn the_senders_own_slips_named_as_the_cause_blame_the_client() {
    raises(
        "blames_client",
        &["These can include address queries, poor packaging and mislabelling."],
        &["We have improved our packaging and labelling."],
    );
}

#[test]
fn an_estimate_of_a_month_or_two_is_vague() {
    raises(
        "vague_timeline",
        &["I'm guessing it'll be another month or two."],
        &[
            "It took a month or two to build.",
            "The release is on 3 March, a week or two later than planned.",
        ],
    );
}
