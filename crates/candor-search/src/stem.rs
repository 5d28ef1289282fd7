//! Stemming with a cache of the words already seen: mail repeats its words, and running the
//! Snowball stemmer on every token was about a third of the import's CPU time.

use std::collections::HashMap;
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Words remembered per analyzer copy before the cache starts again (a few MB at most).
const MAX_CACHED: usize = 50_000;

/// Longest word cached, in bytes; longer ones (rare, mostly junk) are stemmed each time.
const MAX_CACHED_BYTES: usize = 32;

/// A token filter that stems like tantivy's [`Stemmer`], remembering each word's stem.
#[derive(Clone, Copy)]
pub struct CachedStemmer {
    language: Language,
}

impl CachedStemmer {
    /// Stems `language` (tokens must be lower case already).
    pub fn new(language: Language) -> Self {
        Self { language }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner,
            stems: Stems::new(self.language),
        }
    }
}

/// The stemmer and its cache. Each copy of an analyzer (tantivy makes one per indexing
/// thread and per query) starts with an empty cache, so nothing is shared or locked.
struct Stems {
    language: Language,
    stemmer: TextAnalyzer,
    cache: HashMap<String, String>,
}

impl Stems {
    fn new(language: Language) -> Self {
        Self {
            language,
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(language))
                .build(),
            cache: HashMap::new(),
        }
    }

    /// Replaces `word` by its stem.
    fn stem(&mut self, word: &mut String) {
        if let Some(stem) = self.cache.get(word.as_str()) {
            word.clear();
            word.push_str(stem);
            return;
        }
        let mut stream = self.stemmer.token_stream(word);
        let stem = match stream.advance() {
            true => stream.token().text.clone(),
            false => return,
        };
        drop(stream);
        if word.len() <= MAX_CACHED_BYTES {
            if self.cache.len() >= MAX_CACHED {
                self.cache.clear();
            }
            self.cache.insert(word.clone(), stem.clone());
        }
        *word = stem;
    }
}

impl Clone for Stems {
    fn clone(&self) -> Self {
        Self::new(self.language)
    }
}

/// [`CachedStemmer`] applied to a tokenizer.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    stems: Stems,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemStream<'a, T> {
    tail: T,
    stems: &'a mut Stems,
}

impl<T: TokenStream> TokenStream for CachedStemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.stems.stem(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    fn stems(mut a: TextAnalyzer, text: &str) -> Vec<String> {
        crate::tokenizer::token_texts(&mut a, text)
    }

    #[test]
    fn same_stems_as_tantivy_cached_or_not() {
        let text = "Delivering deliveries, delivered; the deliveries were delivering \
                    connections connected connections fruitlessly";
        for lang in [Language::English, Language::Dutch, Language::Norwegian] {
            let plain = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(Stemmer::new(lang))
                .build();
            let cached = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(CachedStemmer::new(lang))
                .build();
            let want = stems(plain, text);
            // The repeated words come from the cache the second time.
            assert_eq!(stems(cached, text), want);
        }
    }

    #[test]
    fn cache_is_bounded_and_results_stay_right() {
        let mut s = Stems::new(Language::English);
        let mut uncached = Stems::new(Language::English);
        let mut check = |word: String| {
            let mut got = word.clone();
            s.stem(&mut got);
            uncached.cache.clear();
            let mut want = word;
            uncached.stem(&mut want);
            assert_eq!(got, want);
            assert!(s.cache.len() <= MAX_CACHED);
        };
        for i in 0..MAX_CACHED + 10 {
            check(format!("talking{i}"));
        }
        check("connections".to_owned());
        check("connections".to_owned());
        let mut long = "walk".repeat(MAX_CACHED_BYTES) + "ing";
        s.stem(&mut long);
        assert_eq!(long, "walk".repeat(MAX_CACHED_BYTES));
        assert!(
            !s.cache
                .contains_key(&("walk".repeat(MAX_CACHED_BYTES) + "ing"))
        );
        let mut w = "connections".to_owned();
        s.stem(&mut w);
        assert_eq!(w, "connect");
    }
}
