//! Bengali phrasing classes of the fourth round, one test per class: a sentence as a native writer
//! of a service notice or correction commonly puts it, and a close neutral sentence that must not
//! count. Hand-written sentences (written for these tests, not taken from the evaluation set).

use candor_text::Element;

mod phrasing;
use phrasing::{flags, has};

#[test]
fn bengali_negation_after_a_copula_cancels_the_match() {
    // "It was not our mistake", "our supplier was not responsible": the "না" comes after "ছিল".
    assert!(!has("bn", "এটি আমাদের ভুল ছিল না।", Element::Ownership));
    assert!(!flags(
        "bn",
        "আমাদের সরবরাহকারী দায়ী ছিল না।",
        "blames_colleague"
    ));
    assert!(!has("bn", "কাজটি শুক্রবার শেষ হবে না।", Element::NewDate));
    // Without the negation they count.
    assert!(has("bn", "এটি আমাদের ভুল ছিল।", Element::Ownership));
    assert!(flags("bn", "আমাদের সরবরাহকারী দায়ী ছিল।", "blames_colleague"));
    assert!(has("bn", "কাজটি শুক্রবার শেষ হবে।", Element::NewDate));
}

#[test]
fn bengali_na_hole_is_a_condition_not_a_negation() {
    // "না হলে" (if not, otherwise) and "না জানিয়ে" (without telling) negate the word after "না",
    // not the match that follows.
    assert!(has(
        "bn",
        "কাজ শেষ না হলে আমরা আপনাকে ফোন করব।",
        Element::NextStep
    ));
    assert!(has(
        "bn",
        "আগে না জানিয়ে ফ্লাইট বাতিল করা হয়েছে।",
        Element::Impact
    ));
    assert!(has(
        "bn",
        "আমরা আপনাকে ফোন করব তা না হলে ইমেইল পাঠাব।",
        Element::NextStep
    ));
    // A "না" right before the match still negates it.
    assert!(!has("bn", "আমরা আপনাকে ফোন করব না।", Element::NextStep));
}
