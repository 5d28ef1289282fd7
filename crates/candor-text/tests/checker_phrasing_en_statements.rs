//! English phrasing classes found in public outage, delivery and delay statements (issue 4, third
//! round): what the readers went through, the problem said to be put right, recovery work and
//! named measures, make-goods beyond money, and where the next updates will be. Each class has a
//! close sentence that must not count. Hand-written sentences (written for these tests).

use candor_text::Element;

mod phrasing;
use phrasing::{flags, has};

/// Asserts that every sentence in `yes` shows `element` and none in `no` does.
fn shows(element: Element, yes: &[&str], no: &[&str]) {
    for text in yes {
        assert!(has("en", text, element), "should show {element:?}: {text}");
    }
    for text in no {
        assert!(
            !has("en", text, element),
            "should not show {element:?}: {text}"
        );
    }
}

#[test]
fn what_the_readers_went_through_is_impact() {
    shows(
        Element::Impact,
        &[
            "Some customers are experiencing errors when they pay by card.",
            "We know about the delays that many of you have faced this week.",
            "The outage has affected thousands of passengers.",
            "Many of you haven't been able to log in since Monday.",
            "Your order was not delivered on the date we gave.",
            "We are sorry for displacing so many travellers this week.",
            "Cancelling hundreds of flights is not what we want for you.",
        ],
        &[
            "Customers are experiencing the new checkout from today.",
            "You have been able to log in since Monday.",
            "Your order was delivered on Tuesday.",
        ],
    );
}

#[test]
fn the_problem_put_right_or_kept_from_recurring_is_ownership() {
    shows(
        Element::Ownership,
        &[
            "The problem with card payments is now resolved.",
            "The login issue affecting some of our customers has now been fixed.",
            "We changed the release checklist so this does not happen again.",
            "We are adding a check to stop it from happening again.",
            "I shipped a regression in 2.3.",
            "We have determined the cause of the outage.",
            "Sorry, my last commit broke the build.",
        ],
        &[
            "The problem with card payments is not resolved yet.",
            "I can't promise it does not happen again.",
            "We had a bug report from a user yesterday.",
            "We have determined to keep the price.",
            "Sorry, I can't reproduce it. Your config broke the parser.",
        ],
    );
}

#[test]
fn recovery_work_and_named_measures_are_a_plan() {
    shows(
        Element::Plan,
        &[
            "Our engineers are working hard to restore service.",
            "We're sorry, and working to fix it now.",
            "Follow-up items: better alerts and a second database replica.",
            "We are implementing further safeguards in the billing system.",
            "As part of our efforts to improve stability, the servers moved.",
            "We will continue to strengthen our testing.",
            "I will proceed to answer the open issues tomorrow.",
            "In future we will pay more attention to the release notes.",
            "We are fixing the import now.",
            "I have cleared the backlog of reviews.",
            "We will put two more engineers on it.",
            "The login page is down. Fixing it now.",
        ],
        &[
            "The fix we released yesterday is working well.",
            "Thank you for your efforts on this pull request.",
            "Please proceed to checkout.",
            "Thanks for fixing it.",
            "Fixing this took a week.",
        ],
    );
}

#[test]
fn make_goods_beyond_money_are_a_remedy() {
    shows(
        Element::Remedy,
        &[
            "We have added three free days to every account.",
            "Every subscriber gets a one-week extension of their plan.",
            "As compensation, we have added 24 hours of premium time.",
            "If you were charged for the failed order, we will put this right.",
            "We have no intention of billing you for the missing days.",
        ],
        &[
            "Install the browser extension from our website.",
            "Here is our plan to put it right.",
            "Your invoice for November is attached.",
        ],
    );
}

#[test]
fn granting_it_was_a_nuisance_is_empathy() {
    shows(
        Element::Empathy,
        &["We realise this extra download is very inconvenient."],
        &["The old download page was inconvenient, so we replaced it."],
    );
}

#[test]
fn where_the_next_updates_come_is_a_next_step() {
    shows(
        Element::NextStep,
        &[
            "Regular updates will be posted on our status page.",
            "Updates will be shared here as we learn more.",
            "Our support team will be contacting you this week.",
            "We will confirm once everything is back to normal.",
        ],
        &[
            "The updates were posted last week.",
            "Our support team contacted the bank.",
        ],
    );
}

#[test]
fn being_grateful_to_the_readers_is_thanks() {
    shows(
        Element::Thanks,
        &["We are grateful to our customers for their patience."],
        &["We are glad that the storm passed quickly."],
    );
}

#[test]
fn as_quickly_as_possible_without_a_date_is_a_vague_timeline() {
    assert!(flags(
        "en",
        "We are working to fix it as quickly as possible.",
        "vague_timeline"
    ));
    assert!(!flags(
        "en",
        "The parser is designed to be as fast as possible.",
        "vague_timeline"
    ));
    assert!(!flags(
        "en",
        "We will have it fixed as quickly as possible, by Friday 4 December.",
        "vague_timeline"
    ));
}
