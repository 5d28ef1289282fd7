//! Function words that belong to one language group only among the detection candidates, so a
//! handful of them settles a message's language without running lingua.
//!
//! A word is listed only when it is common in its group and not an everyday word in another
//! (English "for", "have", "was" are out: they are Scandinavian, Danish or German too; Dutch
//! "de", "en", "er", "om" are Scandinavian words as well). Bokmål, Nynorsk, Danish and Swedish
//! are one group: their function words overlap too much to tell apart this way.

/// A group of candidate languages with its own function words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    English = 0,
    Dutch = 1,
    German = 2,
    /// Bokmål, Nynorsk, Danish and Swedish.
    Nordic = 3,
}

impl Group {
    /// Number of groups.
    pub(crate) const COUNT: usize = 4;
    /// Every group, in index order.
    pub(crate) const ALL: [Group; Group::COUNT] =
        [Group::English, Group::Dutch, Group::German, Group::Nordic];
}

/// The group whose function word `word` (lower case) is, if any.
pub(crate) fn group_of(word: &str) -> Option<Group> {
    Some(match word {
        "the" | "and" | "are" | "to" | "that" | "you" | "it" | "this" | "with" | "not" | "on"
        | "your" | "our" | "my" | "can" | "would" | "from" | "they" | "but" | "or" | "been"
        | "has" | "what" | "which" | "there" | "if" | "about" | "just" | "please" | "thanks"
        | "sorry" | "should" | "could" | "these" | "those" | "were" | "any" | "how" | "when"
        | "get" | "us" | "he" | "she" | "him" | "its" | "their" | "them" | "let" | "know"
        | "out" | "up" | "some" | "than" | "then" | "only" | "into" | "who" | "why" | "very"
        | "like" | "more" => Group::English,
        "het" | "een" | "van" | "ik" | "je" | "niet" | "dat" | "zijn" | "voor" | "ook" | "maar"
        | "wij" | "u" | "uw" | "onze" | "deze" | "wordt" | "worden" | "hebben" | "heeft"
        | "naar" | "bij" | "nog" | "wel" | "kunnen" | "graag" | "omdat" | "door" | "geen"
        | "meer" | "jullie" | "hun" | "wat" | "zo" | "excuses" | "helaas" | "zal" | "zullen"
        | "tot" | "uit" | "aan" | "op" | "spijt" | "hebt" | "mijn" => Group::Dutch,
        "und" | "ist" | "nicht" | "ich" | "wir" | "das" | "sie" | "auf" | "für" | "sich"
        | "auch" | "eine" | "einen" | "einem" | "werden" | "wird" | "haben" | "bitte" | "uns"
        | "unser" | "unsere" | "ihnen" | "dass" | "aber" | "oder" | "sind" | "wurde" | "zu"
        | "von" | "im" | "vom" | "zum" | "zur" | "bei" | "nach" | "über" | "entschuldigung"
        | "tut" | "leid" => Group::German,
        "og" | "ikke" | "ikkje" | "inte" | "jeg" | "jag" | "det" | "har" | "til" | "som" | "på"
        | "av" | "att" | "och" | "är" | "vi" | "med" | "vil" | "skal" | "ska" | "må" | "oss"
        | "meg" | "deg" | "mig" | "hva" | "vad" | "hvad" | "blir" | "ble" | "blev" | "dere"
        | "jer" | "vår" | "våre" | "vårt" | "vores" | "eller" | "så" | "nå" | "også" | "också"
        | "beklager" | "frå" | "hvis" | "ett" => Group::Nordic,
        _ => return None,
    })
}
