//! Words as the checker compares them (`[\w'’]+`, with the regex crate's Unicode `\w`), found by
//! a plain scan: the negation, tense and date checks read a few words around every match, and a
//! regex search there cost several hundred instructions per word just to start.

use regex_syntax::ParserBuilder;
use regex_syntax::hir::{Class, Hir, HirKind};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// The non-ASCII ranges of the regex crate's Unicode `\w`, taken from its own parser so the two
/// never disagree.
fn wide_word_ranges() -> &'static [(char, char)] {
    static RANGES: OnceLock<Vec<(char, char)>> = OnceLock::new();
    RANGES.get_or_init(|| {
        match ParserBuilder::new()
            .build()
            .parse(r"\w")
            .map(Hir::into_kind)
        {
            Ok(HirKind::Class(Class::Unicode(class))) => class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .filter(|&(_, end)| !end.is_ascii())
                .collect(),
            _ => Vec::new(),
        }
    })
}

/// Whether `c` belongs to a word: `[\w'’]`.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_' || c == '\'';
    }
    c == '’'
        || wide_word_ranges()
            .binary_search_by(|&(start, end)| {
                if end < c {
                    std::cmp::Ordering::Less
                } else if start > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

/// The words of `text` in order, each with its byte range.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator of [`words`].
#[derive(Debug, Clone)]
pub(crate) struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (Range<usize>, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = &self.text[self.pos..];
        let Some((skip, _)) = rest.char_indices().find(|&(_, c)| is_word_char(c)) else {
            self.pos = self.text.len();
            return None;
        };
        let start = self.pos + skip;
        let len = self.text[start..]
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(self.text.len() - start, |(i, _)| i);
        self.pos = start + len;
        Some((start..self.pos, &self.text[start..self.pos]))
    }
}

/// Whether the compared form of `word` (`compile::word_key`) is in `set`; short ASCII words are
/// lower-cased on the stack instead of in a new string.
pub(crate) fn has_key(set: &FxHashSet<String>, word: &str) -> bool {
    let mut buf = [0u8; 32];
    match ascii_key(word, &mut buf) {
        Some(key) => set.contains(key),
        None => set.contains(&crate::compile::word_key(word)),
    }
}

/// `word` lower-cased into `buf` when it is ASCII and fits.
fn ascii_key<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if !word.is_ascii() || word.len() > buf.len() {
        return None;
    }
    let key = &mut buf[..word.len()];
    key.copy_from_slice(word.as_bytes());
    key.make_ascii_lowercase();
    std::str::from_utf8(key).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn words_are_what_the_regex_finds(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "we", "Don't", "don’t", " ", ".", ",", "\n", "_x", "3", "৩", "আমরা", "দুঃখিত",
                "য়", "য\u{9bc}", "\u{9cd}", "ø", "Å", "é", "e\u{301}", "—", "😀", "\u{200d}",
                "ß", "Ⅻ", "٣", "-", "'", "’",
            ]), 0..30)
        ) {
            let text: String = parts.concat();
            let regex = regex::Regex::new(r"[\w'’]+").unwrap();
            let expected: Vec<(Range<usize>, &str)> =
                regex.find_iter(&text).map(|m| (m.range(), m.as_str())).collect();
            let got: Vec<(Range<usize>, &str)> = words(&text).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn a_key_is_found_with_or_without_allocating() {
        let set: FxHashSet<String> = ["not", "ikke", "না", "don't"]
            .map(String::from)
            .into_iter()
            .collect();
        assert!(has_key(&set, "NOT"));
        assert!(has_key(&set, "Ikke"));
        assert!(has_key(&set, "না"));
        assert!(has_key(&set, "Don’t"));
        assert!(!has_key(&set, "nothing"));
        assert!(!has_key(&set, &"x".repeat(40)));
    }
}
