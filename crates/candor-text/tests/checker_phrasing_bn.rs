//! Bengali phrasing classes, one test per class: a sentence as a native writer of a service or
//! incident notice commonly puts it, and a close neutral sentence that must not count.
//! Hand-written sentences (written for these tests, not taken from the evaluation set).

use candor_text::Element;

mod phrasing;
use phrasing::{flags, has};

#[test]
fn bengali_quick_and_short_times_are_vague_only_when_they_are_still_to_come() {
    for text in [
        "দ্রুততম সময়ে সংযোগ স্বাভাবিক করা হবে।",
        "অল্প সময়ের মধ্যে সেবা আবার চালু হবে।",
        "কিছুদিনের মধ্যেই সব ঠিক হয়ে যাবে।",
        "যথাসম্ভব দ্রুত লাইন মেরামতের চেষ্টা করা হচ্ছে।",
    ] {
        assert!(flags("bn", text, "vague_timeline"), "{text}");
    }
    for text in [
        "দ্রুততম সময়ে সংযোগ স্বাভাবিক করা হয়েছে।",
        "অল্প সময়ের মধ্যেই সংযোগ ফিরিয়ে আনা হয়েছিল।",
        "কিছুদিনের মধ্যে সব ঠিক হয়ে গিয়েছিল।",
    ] {
        assert!(!flags("bn", text, "vague_timeline"), "{text}");
    }
}

#[test]
fn bengali_working_on_a_quick_fix_is_vague_but_a_helpline_for_quick_help_is_not() {
    for text in [
        "দ্রুত সমাধানের চেষ্টা চলছে।",
        "দ্রুত সেবা স্বাভাবিক করার জন্য আমাদের প্রকৌশলীরা কাজ করছেন।",
    ] {
        assert!(flags("bn", text, "vague_timeline"), "{text}");
    }
    for text in [
        "দ্রুত সমাধানের জন্য ১৬২৩৪ নম্বরে ফোন করুন।",
        "সমস্যাটির দ্রুত সমাধান করা হয়েছে।",
    ] {
        assert!(!flags("bn", text, "vague_timeline"), "{text}");
    }
}

#[test]
fn bengali_cannot_say_when_and_date_to_be_announced_are_vague_but_cause_and_details_are_not() {
    for text in [
        "কবে নাগাদ সংযোগ ঠিক হবে, তা এখনই বলা যাচ্ছে না।",
        "কতদিন লাগবে তা নিশ্চিত করে বলা সম্ভব নয়।",
        "নতুন তারিখ পরে জানানো হবে।",
        "পরীক্ষার নতুন সময়সূচি পরবর্তীতে জানিয়ে দেওয়া হবে।",
    ] {
        assert!(flags("bn", text, "vague_timeline"), "{text}");
    }
    for text in ["দুর্ঘটনার কারণ এখনো বলা যাচ্ছে না।", "বিস্তারিত পরে জানানো হবে।"]
    {
        assert!(!flags("bn", text, "vague_timeline"), "{text}");
    }
}

#[test]
fn bengali_an_apology_for_what_may_have_hurt_is_conditional_but_a_later_condition_is_not() {
    for text in [
        "যদি কেউ কষ্ট পেয়ে থাকেন, আমরা আন্তরিকভাবে দুঃখিত।",
        "কোনো ভুল হয়ে থাকলে আমরা ক্ষমাপ্রার্থী।",
    ] {
        assert!(flags("bn", text, "non_apology"), "{text}");
    }
    let text = "যদি কোনো অসুবিধা হয়, আমাদের জানাবেন; দেরির জন্য আমরা দুঃখিত।";
    assert!(!flags("bn", text, "non_apology"), "{text}");
    assert!(has("bn", text, Element::Apology), "{text}");
}

#[test]
fn bengali_fault_denied_with_a_copula_or_the_honorific_not_is_no_blame() {
    for (text, rule) in [
        ("এটা আপনার দোষ।", "blames_client"),
        ("এটা আপনারই দোষ ছিল।", "blames_client"),
        ("সংশ্লিষ্ট কর্মকর্তারা এর জন্য দায়ী।", "blames_colleague"),
        ("চালকের গাফিলতিতে দুর্ঘটনাটি ঘটেছে।", "blames_colleague"),
    ] {
        assert!(flags("bn", text, rule), "{rule}: {text}");
    }
    for (text, rule) in [
        ("এতে আপনার দোষ ছিল না।", "blames_client"),
        ("এতে আপনার দোষ নেই।", "blames_client"),
        ("আমাদের কর্মকর্তারা এর জন্য দায়ী নন।", "blames_colleague"),
        ("দুর্ঘটনায় চালকের কোনো গাফিলতি ছিল না।", "blames_colleague"),
        ("এতে আমাদের কর্মীদের কোনো অবহেলা ছিল না।", "blames_colleague"),
    ] {
        assert!(!flags("bn", text, rule), "{rule}: {text}");
    }
}

#[test]
fn bengali_not_in_the_contract_denies_a_promise_but_no_change_in_it_does_not() {
    for text in ["চুক্তিতে এমন কোনো শর্ত ছিল না।", "চুক্তিতে এর উল্লেখ নেই।"]
    {
        assert!(flags("bn", text, "denies_promise"), "{text}");
    }
    assert!(!flags("bn", "চুক্তিতে কোনো পরিবর্তন নেই।", "denies_promise"));
}

#[test]
fn bengali_the_weather_as_the_only_word_is_an_excuse_but_with_the_repair_it_is_the_cause() {
    assert!(flags("bn", "ঝড়ের কারণে বিদ্যুৎ সরবরাহ বন্ধ রয়েছে।", "deflects"));
    for text in [
        "ঝড়ের কারণে লাইন ছিঁড়ে গেছে। আমরা লাইন মেরামত করছি।",
        "ঝড়ের কারণে লাইন ছিঁড়ে গেছে। মেরামতের কাজ চলছে।",
    ] {
        assert!(!flags("bn", text, "deflects"), "{text}");
    }
}

#[test]
fn bengali_repairing_or_restoring_now_is_a_plan() {
    for text in ["আমরা লাইন মেরামত করছি।", "ক্ষতিগ্রস্ত কেবল প্রতিস্থাপন করা হচ্ছে।"]
    {
        assert!(has("bn", text, Element::Plan), "{text}");
    }
    for text in [
        "গত বছর লাইনটি মেরামত করা হয়েছিল।",
        "মেরামতের খরচ গ্রাহককে দিতে হবে না।",
    ] {
        assert!(!has("bn", text, Element::Plan), "{text}");
    }
}

#[test]
fn bengali_regret_reported_in_the_past_is_an_apology() {
    for text in [
        "সাময়িক অসুবিধার জন্য কর্তৃপক্ষ আন্তরিকভাবে দুঃখ প্রকাশ করেছে।",
        "এ ঘটনায় আমরা যাত্রীদের কাছে ক্ষমা চেয়েছি।",
    ] {
        assert!(has("bn", text, Element::Apology), "{text}");
    }
    assert!(!has(
        "bn",
        "কর্তৃপক্ষ এ নিয়ে কোনো দুঃখ প্রকাশ করেনি।",
        Element::Apology
    ));
}

#[test]
fn bengali_people_left_without_service_or_a_trip_delayed_is_impact() {
    for text in [
        "উক্ত সময়ে গ্রাহকেরা বিদ্যুৎবিহীন ছিলেন।",
        "এক্সচেঞ্জের কয়েক হাজার টেলিফোন অচল হয়ে পড়েছে।",
        "কারিগরি ত্রুটির কারণে ফ্লাইটটি বিলম্বিত হয়েছে।",
        "অনেক গ্রাহক সংযোগ পেতে সমস্যায় পড়েন।",
        "ফ্লাইট বাতিল হওয়ায় যাত্রীদের অসুবিধা সৃষ্টি হয়েছে।",
        "আজ থেকে এই রুটে ফ্লাইট বন্ধ থাকবে।",
    ] {
        assert!(has("bn", text, Element::Impact), "{text}");
    }
    for text in [
        "সমস্যায় পড়লে ১৬২৩৪ নম্বরে ফোন করুন।",
        "ফ্লাইটটি বাতিল হয়নি।",
        "কোনো এলাকা এখন বিদ্যুৎবিহীন নেই।",
    ] {
        assert!(!has("bn", text, Element::Impact), "{text}");
    }
}

#[test]
fn bengali_problem_solved_or_our_unintended_mistake_is_ownership() {
    for text in [
        "সব সমস্যার সমাধান করা হয়েছে।",
        "পরিস্থিতি নিয়ন্ত্রণে আনা হয়েছে।",
        "অনিচ্ছাকৃত এই ভুলের জন্য আমরা দুঃখিত।",
    ] {
        assert!(has("bn", text, Element::Ownership), "{text}");
    }
    for text in ["সমস্যার সমাধান এখনো হয়নি।", "এটি কোনো অনিচ্ছাকৃত ভুল নয়।"]
    {
        assert!(!has("bn", text, Element::Ownership), "{text}");
    }
}

#[test]
fn bengali_work_redone_repair_work_as_the_reason_and_a_place_to_stay() {
    for (text, element) in [
        ("এ পরীক্ষার জন্য নতুন করে প্রশ্নপত্র তৈরি করা হবে।", Element::Plan),
        (
            "পাইপলাইনের রক্ষণাবেক্ষণ কাজের কারণে গ্যাস সরবরাহ বন্ধ থাকবে।",
            Element::Plan,
        ),
        ("আটকে পড়া যাত্রীদের রাতযাপন সুবিধা দেওয়া হবে।", Element::Remedy),
        (
            "মেরামত শেষ না হলে অন্য এক্সচেঞ্জের নম্বর দিয়ে টেলিফোন চালু করা হবে।",
            Element::Remedy,
        ),
    ] {
        assert!(has("bn", text, element), "{element}: {text}");
    }
    for (text, element) in [
        ("নতুন করে কিছু করা হবে না।", Element::Plan),
        ("বিমানবন্দরে যাত্রীদের থাকার কোনো ব্যবস্থা নেই।", Element::Remedy),
    ] {
        assert!(!has("bn", text, element), "{element}: {text}");
    }
}

#[test]
fn bengali_a_departure_or_a_time_of_day_is_a_new_date_but_closed_from_today_is_not() {
    for text in [
        "ট্রেনটি আজ রাত সোয়া ৭টায় ঢাকা ছাড়বে।",
        "রাত ১০টার মধ্যে সংযোগ স্বাভাবিক হবে।",
        "শুক্রবার পর্যন্ত এই রুটে ফ্লাইট বন্ধ থাকবে।",
    ] {
        assert!(has("bn", text, Element::NewDate), "{text}");
    }
    for text in [
        "আজ থেকে এই রুটে ফ্লাইট বন্ধ থাকবে।",
        "গতকাল রাত ১০টায় সংযোগ বিচ্ছিন্ন হয়।",
    ] {
        assert!(!has("bn", text, Element::NewDate), "{text}");
    }
}

#[test]
fn bengali_restored_quickly_without_a_date_is_vague_and_no_involvement_deflects() {
    for text in ["দ্রুত লেনদেন চালু করা হবে।", "দ্রুতই সব ঠিক হয়ে যাবে।"]
    {
        assert!(flags("bn", text, "vague_timeline"), "{text}");
    }
    for text in [
        "সমস্যার দ্রুত সমাধান করা হয়েছে।",
        "দ্রুত লেনদেন চালু করা হবে, আগামীকাল সকাল ১০টার মধ্যে।",
    ] {
        assert!(!flags("bn", text, "vague_timeline"), "{text}");
    }
    for text in [
        "এ ঘটনার সঙ্গে আমাদের কোনো সম্পৃক্ততা নেই।",
        "পানির সঙ্গে রোগের কোনো যোগসূত্র পাওয়া যায়নি।",
    ] {
        assert!(flags("bn", text, "deflects"), "{text}");
    }
    assert!(!flags(
        "bn",
        "এ ঘটনায় আমাদের কর্মীদের সম্পৃক্ততা আমরা খতিয়ে দেখছি।",
        "deflects"
    ));
}

#[test]
fn bengali_such_things_happen_deflects_but_this_must_never_happen_does_not() {
    assert!(flags("bn", "এমনটা হতেই পারে।", "deflects"));
    assert!(!flags("bn", "এমন ভুল হতেই পারে না।", "deflects"));
}

#[test]
fn bengali_the_date_of_the_next_call_is_no_new_date_and_call_us_is_a_next_step() {
    let text = "আগামীকাল সকালে আমরা আপনাকে ফোন করব।";
    assert!(has("bn", text, Element::NextStep), "{text}");
    assert!(!has("bn", text, Element::NewDate), "{text}");
    for text in ["আমরা শুক্রবার কাজটি শেষ করব।", "আগামীকাল নতুন সংযোগ দেওয়া হবে।"]
    {
        assert!(has("bn", text, Element::NewDate), "{text}");
    }
    assert!(has(
        "bn",
        "বিস্তারিত জানতে ১২১ নম্বরে কল করুন।",
        Element::NextStep
    ));
    assert!(!has("bn", "আমরা কাউকে কল করিনি।", Element::NextStep));
}

#[test]
fn bengali_action_against_our_staff_blames_them_but_officials_who_speak_do_not() {
    for text in [
        "সংশ্লিষ্ট কর্মকর্তার বিরুদ্ধে ব্যবস্থা নেওয়া হবে।",
        "অভিযুক্ত কর্মীদের বিরুদ্ধে ব্যবস্থা নেওয়া হয়েছে।",
        "সংশ্লিষ্ট শিক্ষকের সঙ্গে আমরা কথা বলেছি।",
    ] {
        assert!(flags("bn", text, "blames_colleague"), "{text}");
    }
    for text in [
        "কর্মকর্তারা জানান, কেবল চোরদের বিরুদ্ধে ব্যবস্থা নেওয়া হবে।",
        "সংশ্লিষ্ট কর্মকর্তারা জানান, চোরদের বিরুদ্ধে মামলা হয়েছে।",
        "সংশ্লিষ্ট কর্মকর্তাদের সঙ্গে কথা বলে জানা গেছে, লাইন মেরামত চলছে।",
    ] {
        assert!(!flags("bn", text, "blames_colleague"), "{text}");
    }
}

#[test]
fn bengali_going_without_is_impact_a_request_to_contact_is_a_next_step_and_sorry_then_if_needs_the_hurt()
 {
    assert!(has(
        "bn",
        "বিকেল ৫টা পর্যন্ত এসব এলাকায় বিদ্যুৎ থাকবে না।",
        Element::Impact
    ));
    assert!(!has("bn", "এসব এলাকায় বিদ্যুৎ থাকবে।", Element::Impact));
    assert!(has(
        "bn",
        "প্রয়োজনে হেল্পডেস্কে যোগাযোগ করার অনুরোধ করা হলো।",
        Element::NextStep
    ));
    assert!(flags(
        "bn",
        "আমরা দুঃখিত, যদি কেউ কষ্ট পেয়ে থাকেন।",
        "non_apology"
    ));
    let text = "দেরির জন্য আমরা দুঃখিত, যদি আরও প্রশ্ন থাকে জানাবেন।";
    assert!(!flags("bn", text, "non_apology"), "{text}");
    assert!(has("bn", text, Element::Apology), "{text}");
}
