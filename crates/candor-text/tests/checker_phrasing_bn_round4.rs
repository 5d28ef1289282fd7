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
    // Right after the match too: "will be done on Friday, otherwise we will let you know".
    assert!(has(
        "bn",
        "কাজটি শুক্রবার শেষ হবে না হলে আমরা সোমবার আপনাকে জানাব।",
        Element::NewDate
    ));
    // A "না" right before the match still negates it.
    assert!(!has("bn", "আমরা আপনাকে ফোন করব না।", Element::NextStep));
}

#[test]
fn bengali_reported_regret_and_its_joined_spelling_are_an_apology() {
    for text in [
        "সংস্থাটি গ্রাহকদের কাছে দুঃখ প্রকাশ করে সহযোগিতা চেয়েছে।",
        "সাময়িক অসুবিধার জন্য কর্তৃপক্ষ দুঃখপ্রকাশ করেছে।",
        "এ ঘটনায় তিনি দুঃখ প্রকাশ করেন।",
    ] {
        assert!(has("bn", text, Element::Apology), "{text}");
    }
    for text in ["তারা কোনো দুঃখ প্রকাশ করেননি।", "কর্তৃপক্ষ এখনো দুঃখ প্রকাশ করেনি।"]
    {
        assert!(!has("bn", text, Element::Apology), "{text}");
    }
}

#[test]
fn bengali_what_our_own_report_printed_wrong_is_ownership_but_others_reports_are_not() {
    for text in [
        "আমাদের প্রতিবেদনে ভুল তথ্য প্রকাশিত হয়েছে।",
        "নামের মিল থেকে অনিচ্ছাকৃতভাবে ভুল তথ্য ছাপা হয়।",
    ] {
        assert!(has("bn", text, Element::Ownership), "{text}");
    }
    for text in [
        "কিছু গণমাধ্যমে ভুল তথ্য প্রকাশিত হয়েছে।",
        "আমাদের প্রতিবেদনে কোনো ভুল তথ্য প্রকাশিত হয়নি।",
        "অভিযোগটি সঠিক নয়।",
    ] {
        assert!(!has("bn", text, Element::Ownership), "{text}");
    }
}

#[test]
fn bengali_our_own_old_or_faulty_system_named_as_the_cause_is_ownership() {
    assert!(has(
        "bn",
        "আমাদের সার্ভারটি অনেক পুরনো হওয়ায় লেনদেনে সমস্যা হচ্ছে।",
        Element::Ownership
    ));
    for text in ["আমাদের সার্ভার পুরনো নয়।", "গ্রাহকের সংযোগ পুরনো হওয়ায় সমস্যা হচ্ছে।"]
    {
        assert!(!has("bn", text, Element::Ownership), "{text}");
    }
}

#[test]
fn bengali_readers_hurt_is_empathy_but_passengers_injured_is_not() {
    for text in [
        "শব্দটির ব্যবহারে অনেক পাঠক আহত হয়েছেন।",
        "এতে অনেকের অনুভূতিতে আঘাত লেগেছে।",
    ] {
        assert!(has("bn", text, Element::Empathy), "{text}");
    }
    assert!(!has("bn", "দুর্ঘটনায় দুই যাত্রী আহত হয়েছেন।", Element::Empathy));
}

#[test]
fn bengali_an_outage_that_happened_or_low_pressure_to_come_is_impact() {
    for text in [
        "গতকাল রাতে নেটওয়ার্ক বিভ্রাট ঘটে।",
        "যান্ত্রিক ত্রুটির কারণে গ্রাহকদের সিম সাময়িকভাবে বন্ধ হয়ে যায়।",
        "আগামীকাল গ্যাসের স্বল্পচাপ বিরাজ করবে।",
    ] {
        assert!(has("bn", text, Element::Impact), "{text}");
    }
    for text in [
        "গতকাল কোনো বিভ্রাট ঘটেনি।",
        "গ্যাসের চাপ কম থাকলে চুলা বন্ধ রাখুন।",
        "বিভ্রাট এড়াতে জেনারেটর প্রস্তুত রাখা হয়েছে।",
    ] {
        assert!(!has("bn", text, Element::Impact), "{text}");
    }
}

#[test]
fn bengali_being_asked_to_contact_us_is_a_next_step() {
    assert!(has(
        "bn",
        "প্রয়োজনে কল সেন্টারে যোগাযোগ করতে বলা হয়েছে।",
        Element::NextStep
    ));
    assert!(!has(
        "bn",
        "কল সেন্টারে যোগাযোগ করেও কোনো উত্তর পাওয়া যায়নি।",
        Element::NextStep
    ));
}

#[test]
fn bengali_an_ordinal_ending_written_apart_still_makes_a_date() {
    assert!(has(
        "bn",
        "আগামী ১৬ ই জুলাই পর্যন্ত ফ্লাইট বন্ধ থাকবে।",
        Element::NewDate
    ));
    assert!(!has("bn", "গত ১৬ ই জুলাই ফ্লাইট বন্ধ ছিল।", Element::NewDate));
}

#[test]
fn bengali_a_heatwave_situation_given_as_the_reason_is_an_excuse_unless_we_act() {
    assert!(flags("bn", "তাপপ্রবাহের মতো পরিস্থিতি তৈরি হয়েছে।", "deflects"));
    assert!(flags(
        "bn",
        "তাপপ্রবাহের কারণে বিদ্যুৎ সরবরাহ বিঘ্নিত হচ্ছে।",
        "deflects"
    ));
    assert!(!flags(
        "bn",
        "তাপপ্রবাহের মতো পরিস্থিতি তৈরি হয়েছে, তাই আমরা লাইন মেরামত করছি।",
        "deflects"
    ));
}

#[test]
fn bengali_a_service_we_restored_is_ownership_but_one_still_to_restore_is_not() {
    for text in [
        "দুপুরের মধ্যে সংযোগ স্বাভাবিক করা হয়েছে।",
        "পার্শ্ববর্তী ফিডারের মাধ্যমে বিদ্যুৎ সরবরাহ চালু করা হয়।",
    ] {
        assert!(has("bn", text, Element::Ownership), "{text}");
    }
    for text in [
        "কাজ শেষ হলে বিদ্যুৎ সরবরাহ পুনরায় চালু করা হবে।",
        "সকাল ৯টায় ট্রেন চলাচল স্বাভাবিক হয়।",
    ] {
        assert!(!has("bn", text, Element::Ownership), "{text}");
    }
}

#[test]
fn bengali_never_compromising_on_safety_said_about_a_failure_deflects() {
    assert!(flags(
        "bn",
        "কারিগরি ত্রুটির কারণে ফ্লাইটটি বিলম্বিত হয়েছে। আমরা যাত্রীদের নিরাপত্তা বিষয়ে কখনো আপস করি না।",
        "deflects"
    ));
    assert!(!flags(
        "bn",
        "নিরাপত্তার কথা ভেবে আমরা ফ্লাইটটি দুই ঘণ্টা পিছিয়েছি, এজন্য আমরা দুঃখিত।",
        "deflects"
    ));
}

#[test]
fn bengali_sadhu_forms_of_the_round_four_classes_count_too() {
    assert!(has(
        "bn",
        "এ ঘটনায় কর্তৃপক্ষ দুঃখ প্রকাশ করিয়াছেন।",
        Element::Apology
    ));
    assert!(has("bn", "গতকাল নেটওয়ার্ক বিভ্রাট ঘটিয়াছে।", Element::Impact));
    assert!(has(
        "bn",
        "আমাদের প্রতিবেদনে ভুল তথ্য প্রকাশিত হইয়াছে।",
        Element::Ownership
    ));
    assert!(has(
        "bn",
        "সন্ধ্যায় বিদ্যুৎ সরবরাহ চালু করা হইয়াছে।",
        Element::Ownership
    ));
    assert!(!has(
        "bn",
        "এ ঘটনায় কর্তৃপক্ষ দুঃখ প্রকাশ করে নাই।",
        Element::Apology
    ));
}

#[test]
fn bengali_weather_is_an_excuse_for_a_failure_but_not_for_a_precaution() {
    assert!(flags(
        "bn",
        "ঝড়ের কারণে বিদ্যুৎ সরবরাহ বিঘ্নিত হয়েছে।",
        "deflects"
    ));
    assert!(!flags(
        "bn",
        "ঘূর্ণিঝড়ের কারণে আগামীকালের পরীক্ষা স্থগিত করা হয়েছে।",
        "deflects"
    ));
}
