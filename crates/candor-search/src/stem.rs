//! Stemming with a cache of the words already seen: mail repeats its words, and running the
//! Snowball stemmer on every token was about a third of the import's CPU time.
//!
//! The cache is shared by every copy of an analyzer: tantivy copies the analyzers for each
//! field of each new segment, and per-copy caches started empty at every index commit. A
//! stream locks it once for its whole text; a stream that finds it busy (another thread is
//! stemming) stems without it, with the same result.

use rustc_hash::FxHashMap;
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Words remembered per analyzer before the cache starts again (a few MB at most).
const MAX_CACHED: usize = 50_000;

/// Longest word cached, in bytes; longer ones (rare, mostly junk) are stemmed each time.
const MAX_CACHED_BYTES: usize = 32;

/// Longest stem cached, in bytes (one byte of the slot holds its length).
const MAX_STEM_BYTES: usize = 31;

/// A token filter that stems like tantivy's [`Stemmer`], remembering each word's stem.
#[derive(Clone)]
pub struct CachedStemmer {
    language: Language,
    cache: Arc<Mutex<Cache>>,
}

impl CachedStemmer {
    /// Stems `language` (tokens must be lower case already).
    pub fn new(language: Language) -> Self {
        Self {
            language,
            cache: Arc::default(),
        }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner,
            stems: Stems::new(self.language, self.cache),
        }
    }
}

/// Word to stem, with rustc's Fx hash: words are short and the cache is bounded, so a cheap
/// hash beats SipHash, which was most of the cost of a cache hit. Both are kept inline in the
/// table (the word zero-padded, the stem with its length), so a hit reads one 64-byte slot:
/// with `String`s it also followed two pointers to the heap, and those cache misses were
/// most of the time stemming took.
type Cache = FxHashMap<Key, Stem>;

/// A word of at most [`MAX_CACHED_BYTES`] bytes, zero-padded.
type Key = [u8; MAX_CACHED_BYTES];

/// A stem: either the first `len & PREFIX` bytes of its word (most stems: a suffix taken
/// off), applied by truncating the word, with no copy and no UTF-8 check; or, with `PREFIX`
/// clear, its own `len` bytes (when the stemmer also changed a letter: "happy" -> "happi").
#[derive(Clone, Copy)]
struct Stem {
    len: u8,
    bytes: [u8; MAX_STEM_BYTES],
}

/// The flag of [`Stem::len`] for a stem that is a prefix of its word.
const PREFIX: u8 = 0x80;

/// The cache key of `word`, `None` when it is too long or holds a NUL (which the padding
/// could not tell apart from the end of the word).
fn key(word: &str) -> Option<Key> {
    let b = word.as_bytes();
    if b.len() > MAX_CACHED_BYTES || b.contains(&0) {
        return None;
    }
    let mut k = [0; MAX_CACHED_BYTES];
    k[..b.len()].copy_from_slice(b);
    Some(k)
}

impl Stem {
    /// The stem of the word `word` (its bytes), `None` when it cannot be kept inline.
    fn new(word: &[u8], stem: &str) -> Option<Self> {
        let b = stem.as_bytes();
        let mut bytes = [0; MAX_STEM_BYTES];
        if word.starts_with(b) {
            // Keys are at most MAX_CACHED_BYTES (32) long, so the length fits beside the flag.
            let len = u8::try_from(b.len()).ok().filter(|&l| l < PREFIX)?;
            return Some(Self {
                len: PREFIX | len,
                bytes,
            });
        }
        let len = u8::try_from(b.len())
            .ok()
            .filter(|&l| l as usize <= MAX_STEM_BYTES)?;
        bytes[..b.len()].copy_from_slice(b);
        Some(Self { len, bytes })
    }

    /// Makes `word` (the word this stem was made from) into the stem.
    fn apply(&self, word: &mut String) {
        if self.len & PREFIX != 0 {
            // A prefix of a valid string that is itself a valid string ends on a char boundary.
            word.truncate((self.len & !PREFIX) as usize);
            return;
        }
        // Only ever filled from a `&str` of exactly `len` bytes.
        let stem = std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or_default();
        word.clear();
        word.push_str(stem);
    }
}

/// The stemmer of one analyzer copy and the cache all copies share.
struct Stems {
    language: Language,
    stemmer: TextAnalyzer,
    cache: Arc<Mutex<Cache>>,
}

impl Stems {
    fn new(language: Language, cache: Arc<Mutex<Cache>>) -> Self {
        Self {
            language,
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(language))
                .build(),
            cache,
        }
    }
}

impl Clone for Stems {
    fn clone(&self) -> Self {
        Self::new(self.language, self.cache.clone())
    }
}

/// Replaces `word` by its stem, looking in (and filling) `cache` when there is one.
fn stem(stemmer: &mut TextAnalyzer, cache: Option<&mut Cache>, word: &mut String) {
    if stays(word) {
        return;
    }
    let Some(cache) = cache else {
        return stem_uncached(stemmer, word);
    };
    let Some(k) = key(word) else {
        return stem_uncached(stemmer, word);
    };
    if let Some(stem) = cache.get(&k) {
        stem.apply(word);
        return;
    }
    let len = word.len();
    stem_uncached(stemmer, word);
    if let Some(stem) = Stem::new(&k[..len], word) {
        if cache.len() >= MAX_CACHED {
            cache.clear();
        }
        cache.insert(k, stem);
    }
}

/// Whether every stemmer leaves `word` as it is, so that it needs neither the stemmer nor the
/// cache: numbers, and ASCII words of one or two bytes (to, of, we, …: a large share of the
/// words of mail) except those ending in "t", as the Dutch stemmer makes "ft", "kt" and "pt"
/// into "f", "k" and "p". A test checks every such word against the three stemmers.
fn stays(word: &str) -> bool {
    let b = word.as_bytes();
    (b.len() <= 2 && b.is_ascii() && b.last() != Some(&b't')) || b.iter().all(u8::is_ascii_digit)
}

fn stem_uncached(stemmer: &mut TextAnalyzer, word: &mut String) {
    let mut stream = stemmer.token_stream(word);
    if stream.advance() {
        let stem = std::mem::take(&mut stream.token_mut().text);
        drop(stream);
        *word = stem;
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
        let Stems { stemmer, cache, .. } = &mut self.stems;
        let cache = match cache.try_lock() {
            Ok(guard) => Some(guard),
            // A panic elsewhere cannot leave a word mapped to a wrong stem (the map is
            // only written after stemming), so the cache stays usable.
            Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        };
        CachedStemStream {
            tail: self.inner.token_stream(text),
            stemmer,
            cache,
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemStream<'a, T> {
    tail: T,
    stemmer: &'a mut TextAnalyzer,
    cache: Option<MutexGuard<'a, Cache>>,
}

impl<T: TokenStream> TokenStream for CachedStemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        stem(
            self.stemmer,
            self.cache.as_deref_mut(),
            &mut self.tail.token_mut().text,
        );
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
        let stemmer = || {
            TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build()
        };
        let (mut a, mut b) = (stemmer(), stemmer());
        let mut cache = Cache::default();
        let mut check = |cache: &mut Cache, word: String| {
            let mut got = word.clone();
            stem(&mut a, Some(cache), &mut got);
            let mut want = word;
            stem(&mut b, None, &mut want);
            assert_eq!(got, want);
            assert!(cache.len() <= MAX_CACHED);
        };
        for i in 0..MAX_CACHED + 10 {
            check(&mut cache, format!("talking{i}"));
        }
        check(&mut cache, "connections".to_owned());
        check(&mut cache, "connections".to_owned());
        let long = "walk".repeat(MAX_CACHED_BYTES) + "ing";
        check(&mut cache, long.clone());
        assert_eq!(key(&long), None);
        assert_eq!(cache.len(), 11, "ten after the clear and connections");
        let mut hit = "connections".to_owned();
        cache[&key("connections").unwrap()].apply(&mut hit);
        assert_eq!(hit, "connect");
        check(&mut cache, "nul\0ing".to_owned());
        assert_eq!(cache.len(), 11, "a word with a NUL is not cached");
        let widest = "\u{10FFFF}".repeat(MAX_CACHED_BYTES / 4);
        check(&mut cache, widest.clone());
        check(&mut cache, widest);
        // A stem that is not a prefix of its word, from the stemmer and then from the cache.
        for _ in 0..2 {
            check(&mut cache, "happy".to_owned());
        }
        let mut hit = "happy".to_owned();
        cache[&key("happy").unwrap()].apply(&mut hit);
        assert_eq!(hit, "happi");
    }

    #[test]
    fn copies_share_one_cache_and_a_busy_cache_changes_nothing() {
        let text = "connections connected deliveries";
        let filter = CachedStemmer::new(Language::English);
        let analyzer = || {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(filter.clone())
                .build()
        };
        let want = stems(analyzer(), text);
        assert_eq!(
            filter.cache.lock().unwrap().len(),
            3,
            "filled by the first copy"
        );
        let guard = filter.cache.lock().unwrap();
        assert_eq!(stems(analyzer(), text), want, "stems without the cache");
        drop(guard);
        assert_eq!(stems(analyzer(), text), want);
    }

    #[test]
    fn words_that_stay_are_left_as_every_stemmer_leaves_them() {
        let alnum: Vec<char> = ('a'..='z').chain('0'..='9').collect();
        let mut words: Vec<String> = alnum.iter().map(|c| c.to_string()).collect();
        for a in &alnum {
            for b in &alnum {
                words.push(format!("{a}{b}"));
            }
        }
        words.extend(["0", "007", "2026", "12345678901234567890", "31122026"].map(String::from));
        words.retain(|w| stays(w));
        assert_eq!(
            words.len(),
            35 + 36 * 35 + 5,
            "all but the words ending in t"
        );
        for lang in [Language::English, Language::Dutch, Language::Norwegian] {
            let mut stemmer = TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(lang))
                .build();
            for word in &words {
                let mut stemmed = word.clone();
                stem_uncached(&mut stemmer, &mut stemmed);
                assert_eq!(&stemmed, word, "{lang:?} changes {word}");
            }
        }
        // Longer words and words with letters are stemmed.
        assert!(!stays("ons") && !stays("3rd") && !stays("é") && !stays("ft"));
    }
}
