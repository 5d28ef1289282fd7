//! English phrasing classes from the audit of real business e-mail (`eval/checker/enron-audit.md`):
//! each false alarm class found on Enron mail must stay quiet, and a close sentence that really is
//! the anti-pattern must still be flagged. Hand-written sentences (written for these tests, in the
//! shape of the audited ones).

mod phrasing;
use phrasing::en::raises;

#[test]
fn asap_counts_only_after_our_own_commitment() {
    raises(
        "vague_timeline",
        &[
            "We will send you the corrected figures ASAP.",
            "Our team is working to restore the service as soon as possible.",
            "We apologise and expect to have the service restored as soon as possible.",
            "I'll find out about this asap.",
            "We will deliver the report sometime.",
            "Yes, I will, sometime, after I look at the sources.",
        ],
        &[
            "Please review the revised contract ASAP.",
            "I need your plan submission asap so that we can finalise it.",
            "Let's discuss ASAP.",
            "I want to respond to their offer asap.",
            "You will need to sign the form as soon as possible.",
            "I will need to get the contracts signed as soon as possible.",
            "Maybe we could grab lunch sometime.",
            "Can you give me a call sometime Tuesday afternoon?",
        ],
    );
}

#[test]
fn the_near_future_after_you_is_a_sign_off() {
    raises(
        "vague_timeline",
        &[
            "We will release the fix in the near future.",
            "In the coming days we will go through every open order.",
        ],
        &[
            "I look forward to hearing from you in the near future.",
            "Hope to see you in the coming weeks.",
        ],
    );
}

#[test]
fn soon_after_a_degree_word_sets_no_time() {
    raises(
        "vague_timeline",
        &["We will fix it soon.", "We'll review the report very soon."],
        &[
            "I am surprised the meeting is coming so soon.",
            "Sheila says you won't be here quite that soon, but join us when you can.",
            "Please distribute the memo as soon= as possible.",
        ],
    );
}

#[test]
fn you_should_have_blames_only_before_a_duty_missed() {
    raises(
        "blames_client",
        &[
            "You should have told us about the change.",
            "You should have sent the files last week.",
        ],
        &[
            "You should have received a copy during your closing.",
            "You should have received updated numbers from Keith.",
            "If you should have any questions, please call me.",
            "You should have all this information on their leases.",
        ],
    );
}

#[test]
fn not_aware_now_is_no_excuse() {
    raises(
        "deflects",
        &["We were not aware of the problem until Monday."],
        &["I am not aware of these recent trades, but I will ask Jeff about them."],
    );
}

#[test]
fn a_team_signing_off_is_no_colleague() {
    raises(
        "blames_colleague",
        &["Jared forgot to send the report."],
        &["Good luck and have fun, The iWon Team Forgot your member name? Click here."],
    );
}
