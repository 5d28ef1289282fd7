//! Unit tests of the detector. The nl, nb and bn sentences are hand-written by the team (no
//! real business mail in those languages is available under a usable licence).

use super::*;

fn sent() -> Date {
    Date::new(2026, 4, 20).unwrap()
}

fn texts(d: &PromiseDetector, text: &str, lang: &str) -> Vec<String> {
    d.scan(text, lang, sent())
        .into_iter()
        .map(|p| p.text)
        .collect()
}

#[test]
fn english_promises_with_dates_and_not_requests() {
    let d = PromiseDetector::new().unwrap();
    let text = "Hi Joost,\n\nThanks for the call. I'll send the draft Friday. Can you send the logo?\n\
                We will deliver the mobile app by 1 May.\nIf we get the logo, we will start.\n\n\
                -- \nAna Silva\nI will not appear, I am a signature.\n";
    let found = d.scan(text, "en", sent());
    let t: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        t,
        [
            "I'll send the draft Friday.",
            "We will deliver the mobile app by 1 May."
        ]
    );
    assert_eq!(found[0].due, Some(Date::new(2026, 4, 24).unwrap()));
    assert_eq!(found[1].due, Some(Date::new(2026, 5, 1).unwrap()));
    assert_eq!(&text[found[0].start..found[0].end], found[0].text);
}

#[test]
fn quoted_replies_are_skipped() {
    let d = PromiseDetector::new().unwrap();
    let text = "Fine by me.\n\nOn Mon, 20 Apr 2026, Ana wrote:\n> I'll send the draft Friday.\n";
    assert!(texts(&d, text, "en").is_empty());
    let text = "Sounds good.\n> We will deliver by 1 May.\nI will call you tomorrow.\n";
    assert_eq!(texts(&d, text, "en"), ["I will call you tomorrow."]);
}

#[test]
fn dutch_hand_written() {
    let d = PromiseDetector::new().unwrap();
    let text = "Beste Joost,\n\nWij zorgen dat de nieuwe versie vrijdag klaar is. Kun je het logo sturen?\n\
                Morgen stuur ik je de offerte.\nWe gaan dat niet doen.\n";
    assert_eq!(
        texts(&d, text, "nl"),
        [
            "Wij zorgen dat de nieuwe versie vrijdag klaar is.",
            "Morgen stuur ik je de offerte."
        ]
    );
}

#[test]
fn norwegian_hand_written() {
    let d = PromiseDetector::new().unwrap();
    let text = "Hei Kari,\n\nVi skal levere appen innen 1. mai. Kan du sende logoen?\n\
                I morgen sender jeg tilbudet.\nVi skal ikke endre prisen.\n";
    let found = d.scan(text, "nb", sent());
    let t: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        t,
        [
            "Vi skal levere appen innen 1. mai.",
            "I morgen sender jeg tilbudet."
        ]
    );
    assert_eq!(found[0].due, Some(Date::new(2026, 5, 1).unwrap()));
}

#[test]
fn bengali_hand_written() {
    let d = PromiseDetector::new().unwrap();
    let text = "প্রিয় রহিম,\n\nআমরা আগামী সপ্তাহে খসড়া পাঠাব। আপনি কি লোগোটা পাঠাবেন?\n\
                আমি কথা দিচ্ছি যে কাজটা সময়মতো শেষ হবে।\n";
    assert_eq!(
        texts(&d, text, "bn"),
        [
            "আমরা আগামী সপ্তাহে খসড়া পাঠাব।",
            "আমি কথা দিচ্ছি যে কাজটা সময়মতো শেষ হবে।"
        ]
    );
}
