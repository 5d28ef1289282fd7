//! Tokenisation that keeps Bengali words whole and normalises to NFC, lower case.
//!
//! tantivy's stock tokenisers split at anything not alphanumeric, and Bengali vowel signs and
//! the virama are combining marks, so বন্ধু would become বন + ধু. Ours keeps letters, digits,
//! combining marks and the zero-width (non-)joiners together; the joiners are then dropped from
//! the indexed term so spellings with and without them match.
//!
//! It also does what tantivy's `RemoveLongFilter` and `LowerCaser` did after it, with the same
//! terms and positions (a test compares them): done in the tokeniser, an ASCII word (most words
//! of most mail) is found, checked and lower-cased in one pass over its bytes, instead of
//! being decoded char by char and copied again by each filter. That chain was the largest
//! single cost of indexing an import.

use crate::stem::CachedStemmer;
use tantivy::tokenizer::{Language, TextAnalyzer, Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

/// Terms of this many bytes or more (after NFC) are left out, as tantivy's `RemoveLongFilter`
/// does; 40 Bengali letters take about 120 bytes.
const MAX_TOKEN_BYTES: usize = 160;

/// Splits text into words of letters, digits and combining marks; terms are NFC and lower
/// case, and words of [`MAX_TOKEN_BYTES`] or more are skipped (their position still counts).
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
    nfc: String,
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    pos: usize,
    token: &'a mut Token,
    nfc: &'a mut String,
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
            nfc: &mut self.nfc,
        }
    }
}

/// Whether the char starting at byte `i` of `text` (not ASCII) is a word char, and its length.
#[cold]
fn non_ascii_at(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().unwrap_or_default();
    (is_word_char(c), c.len_utf8())
}

impl WordTokenStream<'_> {
    /// The next run of word chars at or after `pos`: its byte range, and whether it is all
    /// ASCII. ASCII bytes are read as bytes; anything else is decoded as a char.
    fn next_word(&mut self) -> Option<(usize, usize, bool)> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.pos;
        let from = loop {
            let Some(&b) = bytes.get(i) else {
                self.pos = bytes.len();
                return None;
            };
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
            } else {
                let (is_word, n) = non_ascii_at(text, i);
                if is_word {
                    break i;
                }
                i += n;
            }
        };
        let mut ascii = true;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (is_word, n) = non_ascii_at(text, i);
                if !is_word {
                    break;
                }
                ascii = false;
                i += n;
            }
        }
        self.pos = i;
        Some((from, i, ascii))
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((from, to, ascii)) = self.next_word() {
            self.token.position = self.token.position.wrapping_add(1);
            let word = &self.text[from..to];
            let text = &mut self.token.text;
            text.clear();
            if ascii {
                // ASCII is already NFC and has no joiners.
                if word.len() >= MAX_TOKEN_BYTES {
                    continue;
                }
                text.push_str(word);
                text.make_ascii_lowercase();
            } else {
                self.nfc.clear();
                self.nfc
                    .extend(word.nfc().filter(|&c| c != ZWJ && c != ZWNJ));
                if self.nfc.len() >= MAX_TOKEN_BYTES {
                    continue;
                }
                // As tantivy's LowerCaser: char by char, no final-sigma rule.
                text.extend(self.nfc.chars().flat_map(char::to_lowercase));
            }
            self.token.offset_from = from;
            self.token.offset_to = to;
            return true;
        }
        false
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
    let base = || TextAnalyzer::builder(WordTokenizer::default());
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

    /// The tokeniser as it was before it lower-cased and dropped long words itself: chars
    /// decoded one by one, then tantivy's `RemoveLongFilter` and `LowerCaser`.
    #[derive(Clone, Default)]
    struct Reference {
        token: Token,
    }

    struct ReferenceStream<'a> {
        text: &'a str,
        pos: usize,
        token: &'a mut Token,
    }

    impl Tokenizer for Reference {
        type TokenStream<'a> = ReferenceStream<'a>;

        fn token_stream<'a>(&'a mut self, text: &'a str) -> ReferenceStream<'a> {
            self.token.reset();
            ReferenceStream {
                text,
                pos: 0,
                token: &mut self.token,
            }
        }
    }

    impl TokenStream for ReferenceStream<'_> {
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

    /// Every token with its offsets and position.
    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    fn reference() -> TextAnalyzer {
        use tantivy::tokenizer::{LowerCaser, RemoveLongFilter};
        TextAnalyzer::builder(Reference::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .build()
    }

    fn same_as_reference(text: &str) {
        let mut ours = TextAnalyzer::builder(WordTokenizer::default()).build();
        assert_eq!(
            tokens(&mut ours, text),
            tokens(&mut reference(), text),
            "{text:?}"
        );
    }

    #[test]
    fn lower_cases_and_skips_long_words_as_the_filters_did() {
        let long_ascii = "A".repeat(MAX_TOKEN_BYTES);
        let just_short = "b".repeat(MAX_TOKEN_BYTES - 1);
        // 53 Bengali letters of three bytes: 159 bytes, kept; one more: 162, left out.
        let bengali_159 = "ক".repeat(53);
        let bengali_162 = "ক".repeat(54);
        for text in [
            "",
            "Hello, WORLD! Café ÉCOLE straße İstanbul ΣΊΣΥΦΟΣ",
            &format!("x {long_ascii} y {just_short} z"),
            &format!("{bengali_159} আমরা {bengali_162} পাঠাব।"),
            "cafe\u{301} CAFE\u{301} র\u{200D}্যাব a\u{200C}b",
            "ÅSE Øl Ærlig 2026-11-26 v1.2 e-mail",
        ] {
            same_as_reference(text);
        }
        let mut ours = TextAnalyzer::builder(WordTokenizer::default()).build();
        let got = tokens(&mut ours, &format!("x {long_ascii} Y"));
        assert_eq!(got.len(), 2, "the long word is left out");
        assert_eq!(
            (got[1].0.as_str(), got[1].3),
            ("y", 2),
            "and its position counts"
        );
    }

    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "a",
            "Z",
            "7",
            " ",
            "-",
            ".",
            "\n",
            "é",
            "É",
            "e\u{301}",
            "ß",
            "İ",
            "Σ",
            "ς",
            "Å",
            "ক",
            "্",
            "া",
            "\u{200D}",
            "\u{200C}",
            "।",
            "ǅ",
            "ﬁ",
            "\u{fffd}",
            "😀",
            "ABCDEFGHIJ",
            "কখগঘঙচছজঝঞ",
        ]);
        prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn same_terms_offsets_and_positions_as_the_reference(text in pieces()) {
            same_as_reference(&text);
        }
    }
}
