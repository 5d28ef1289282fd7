//! Function words that belong to one language group only among the detection candidates, so a
//! handful of them settles a message's language without running lingua.
//!
//! A word is listed only when it is common in its group and not an everyday word in another
//! (English "for", "have", "was" are out: they are Scandinavian, Danish or German too; Dutch
//! "de", "en", "er", "om" are Scandinavian words as well). Bokmål, Nynorsk, Danish and Swedish
//! are one group: their function words overlap too much to tell apart this way.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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

/// English function words (see the module doc for what is left out and why).
const ENGLISH: &[&str] = &[
    "the", "and", "are", "to", "that", "you", "it", "this", "with", "not", "on", "your", "our",
    "my", "can", "would", "from", "they", "but", "or", "been", "has", "what", "which", "there",
    "if", "about", "just", "please", "thanks", "sorry", "should", "could", "these", "those",
    "were", "any", "how", "when", "get", "us", "he", "she", "him", "its", "their", "them", "let",
    "know", "out", "up", "some", "than", "then", "only", "into", "who", "why", "very", "like",
    "more",
];

/// Dutch function words.
const DUTCH: &[&str] = &[
    "het", "een", "van", "ik", "je", "niet", "dat", "zijn", "voor", "ook", "maar", "wij", "u",
    "uw", "onze", "deze", "wordt", "worden", "hebben", "heeft", "naar", "bij", "nog", "wel",
    "kunnen", "graag", "omdat", "door", "geen", "meer", "jullie", "hun", "wat", "zo", "excuses",
    "helaas", "zal", "zullen", "tot", "uit", "aan", "op", "spijt", "hebt", "mijn",
];

/// German function words.
const GERMAN: &[&str] = &[
    "und",
    "ist",
    "nicht",
    "ich",
    "wir",
    "das",
    "sie",
    "auf",
    "für",
    "sich",
    "auch",
    "eine",
    "einen",
    "einem",
    "werden",
    "wird",
    "haben",
    "bitte",
    "uns",
    "unser",
    "unsere",
    "ihnen",
    "dass",
    "aber",
    "oder",
    "sind",
    "wurde",
    "zu",
    "von",
    "im",
    "vom",
    "zum",
    "zur",
    "bei",
    "nach",
    "über",
    "entschuldigung",
    "tut",
    "leid",
];

/// Bokmål, Nynorsk, Danish and Swedish function words.
const NORDIC: &[&str] = &[
    "og", "ikke", "ikkje", "inte", "jeg", "jag", "det", "har", "til", "som", "på", "av", "att",
    "och", "är", "vi", "med", "vil", "skal", "ska", "må", "oss", "meg", "deg", "mig", "hva", "vad",
    "hvad", "blir", "ble", "blev", "dere", "jer", "vår", "våre", "vårt", "vores", "eller", "så",
    "nå", "også", "också", "beklager", "frå", "hvis", "ett",
];

/// Longest listed word in bytes: longer words are not looked up at all.
pub(crate) const MAX_WORD_BYTES: usize = 16;

/// Every listed word with its group, in a table built once per process (Fx hashing: the keys
/// are a few bytes long and not chosen by an attacker who could make them collide usefully;
/// a lookup per word of every checked message is the hot path of detection).
fn table() -> &'static FxHashMap<&'static str, Group> {
    static TABLE: OnceLock<FxHashMap<&'static str, Group>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = FxHashMap::default();
        for (words, group) in [
            (ENGLISH, Group::English),
            (DUTCH, Group::Dutch),
            (GERMAN, Group::German),
            (NORDIC, Group::Nordic),
        ] {
            for &w in words {
                let previous = map.insert(w, group);
                debug_assert!(previous.is_none(), "{w} is listed twice");
            }
        }
        map
    })
}

/// The group whose function word `word` (lower case) is, if any.
pub(crate) fn group_of(word: &str) -> Option<Group> {
    table().get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_lower_case_short_and_in_one_group_only() {
        let all = [ENGLISH, DUTCH, GERMAN, NORDIC].concat();
        assert_eq!(table().len(), all.len(), "a word is listed in two groups");
        for w in all {
            assert_eq!(w, w.to_lowercase());
            assert!(w.len() <= MAX_WORD_BYTES, "{w}");
        }
        assert_eq!(group_of("the"), Some(Group::English));
        assert_eq!(group_of("spijt"), Some(Group::Dutch));
        assert_eq!(group_of("für"), Some(Group::German));
        assert_eq!(group_of("ikkje"), Some(Group::Nordic));
        assert_eq!(group_of("report"), None);
    }
}
