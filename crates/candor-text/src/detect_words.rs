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

/// Every listed word with its group, and which lengths the listed words starting with each
/// byte have, so that most words are ruled out without hashing them.
pub(crate) struct Table {
    /// Listed word (lower case, UTF-8 bytes) to its group. Fx hashing: the keys are a few bytes
    /// long and not chosen by an attacker who could make them collide usefully; a lookup per
    /// word of every checked message is the hot path of detection.
    groups: FxHashMap<&'static [u8], Group>,
    /// Bit `n` of entry `b` is set when a listed word starts with byte `b` and is `n` bytes long.
    lengths: [u32; 256],
}

/// The table, built once per process.
pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            groups: FxHashMap::default(),
            lengths: [0; 256],
        };
        for (words, group) in [
            (ENGLISH, Group::English),
            (DUTCH, Group::Dutch),
            (GERMAN, Group::German),
            (NORDIC, Group::Nordic),
        ] {
            for &w in words {
                let previous = t.groups.insert(w.as_bytes(), group);
                debug_assert!(previous.is_none(), "{w} is listed twice");
                t.lengths[usize::from(w.as_bytes()[0])] |= 1 << w.len();
            }
        }
        t
    })
}

impl Table {
    /// The group whose function word `word` (lower case, UTF-8) is, if any.
    #[inline]
    pub(crate) fn group_of(&self, word: &[u8]) -> Option<Group> {
        let first = *word.first()?;
        if word.len() > MAX_WORD_BYTES || self.lengths[usize::from(first)] & (1 << word.len()) == 0
        {
            return None;
        }
        self.groups.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_lower_case_short_and_in_one_group_only() {
        let all = [ENGLISH, DUTCH, GERMAN, NORDIC].concat();
        assert_eq!(
            table().groups.len(),
            all.len(),
            "a word is listed in two groups"
        );
        for &w in &all {
            assert_eq!(w, w.to_lowercase());
            assert!(w.len() <= MAX_WORD_BYTES, "{w}");
        }
        for w in all {
            assert!(table().group_of(w.as_bytes()).is_some(), "{w}");
        }
        assert_eq!(table().group_of(b"the"), Some(Group::English));
        assert_eq!(table().group_of(b"spijt"), Some(Group::Dutch));
        assert_eq!(table().group_of("für".as_bytes()), Some(Group::German));
        assert_eq!(table().group_of(b"ikkje"), Some(Group::Nordic));
        // Same first byte and length as a listed word, or a listed word's prefix: not listed.
        assert_eq!(table().group_of(b"thy"), None);
        assert_eq!(table().group_of(b"th"), None);
        assert_eq!(table().group_of(b"report"), None);
        assert_eq!(table().group_of(b""), None);
    }
}
