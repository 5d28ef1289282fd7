//! Tokenisation that keeps Bengali words whole and normalises to NFC.
//!
//! tantivy's stock tokenisers split at anything not alphanumeric, and Bengali vowel signs and
//! the virama are combining marks, so বন্ধু would become বন + ধু. Ours keeps letters, digits,
//! combining marks and the zero-width (non-)joiners together; the joiners are then dropped from
//! the indexed term so spellings with and without them match.

use crate::stem::CachedStemmer;
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

/// Longest term kept, in bytes: 40 Bengali letters take about 120 bytes.
const MAX_TOKEN_BYTES: usize = 160;

/// Splits text into words of letters, digits and combining marks; terms are NFC.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    pos: usize,
    token: &'a mut Token,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c) || c == ZWJ || c == ZWNJ
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            pos: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let rest = &self.text[self.pos..];
        let Some(start) = rest.find(is_word_char) else {
            self.pos = self.text.len();
            return false;
        };
        let from = self.pos + start;
        let len = self.text[from..]
            .find(|c| !is_word_char(c))
            .unwrap_or(self.text.len() - from);
        let to = from + len;
        self.pos = to;
        self.token.text.clear();
        let word = &self.text[from..to];
        if word.is_ascii() {
            // ASCII is already NFC and has no joiners (most words of most mail).
            self.token.text.push_str(word);
        } else {
            self.token
                .text
                .extend(word.nfc().filter(|&c| c != ZWJ && c != ZWNJ));
        }
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The analyzers registered on the index, by name.
pub fn analyzers() -> Vec<(&'static str, TextAnalyzer)> {
    let base = || {
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
    };
    vec![
        ("candor_plain", base().build()),
        (
            "candor_en",
            base().filter(CachedStemmer::new(Language::English)).build(),
        ),
        (
            "candor_nl",
            base().filter(CachedStemmer::new(Language::Dutch)).build(),
        ),
        (
            "candor_nb",
            base()
                .filter(CachedStemmer::new(Language::Norwegian))
                .build(),
        ),
    ]
}

/// The analyzer a message in `lang` (ISO 639-1) is indexed with.
pub fn analyzer_for(lang: &str) -> &'static str {
    match lang {
        "en" => "candor_en",
        "nl" => "candor_nl",
        "nb" | "no" | "nn" => "candor_nb",
        _ => "candor_plain",
    }
}

/// The terms `a` makes of `text`, in order (for tests of analyzers).
#[cfg(test)]
pub(crate) fn token_texts(a: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = a.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(analyzer: &str, text: &str) -> Vec<String> {
        let mut a = analyzers()
            .into_iter()
            .find(|(n, _)| *n == analyzer)
            .unwrap()
            .1;
        token_texts(&mut a, text)
    }

    #[test]
    fn bengali_words_stay_whole() {
        // Real Bengali words with virama, vowel signs and conjuncts.
        assert_eq!(
            terms("candor_plain", "বন্ধু, আমরা পাঠাব।"),
            ["বন্ধু", "আমরা", "পাঠাব"]
        );
        assert_eq!(terms("candor_plain", "প্রতিশ্রুতি রক্ষা"), ["প্রতিশ্রুতি", "রক্ষা"]);
    }

    #[test]
    fn nfc_and_joiners_are_normalised() {
        // "café" decomposed (e + U+0301) and composed give the same term.
        assert_eq!(
            terms("candor_plain", "cafe\u{301}"),
            terms("candor_plain", "café")
        );
        assert_eq!(terms("candor_plain", "র\u{200D}্যাব"), ["র্যাব"]);
    }

    #[test]
    fn stemming_by_language() {
        assert_eq!(
            terms("candor_en", "delivering deliveries"),
            ["deliv", "deliveri"]
        );
        assert_eq!(
            terms("candor_nl", "leveringen"),
            terms("candor_nl", "levering")
        );
        assert_eq!(
            terms("candor_nb", "leveransene"),
            terms("candor_nb", "leveranse")
        );
    }
}
