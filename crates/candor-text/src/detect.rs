//! Automatic language detection per message, cheap enough to run on every check: a script
//! check and a function-word vote settle the clear cases at once, and lingua, restricted to
//! the languages a client message here is likely to be in, decides the rest (always Bokmål
//! against Danish, Swedish and Nynorsk, which share most function words).

use crate::detect_words::{Group, MAX_WORD_BYTES, table};
use lingua::{IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

/// Languages lingua chooses among when the cheap checks cannot tell. Danish, Swedish, German
/// and Nynorsk are there so that near neighbours are recognised as themselves instead of being
/// forced into a pack.
const CANDIDATES: [Language; 8] = [
    Language::English,
    Language::Dutch,
    Language::Bokmal,
    Language::Nynorsk,
    Language::Danish,
    Language::Swedish,
    Language::Bengali,
    Language::German,
];

/// The Scandinavian languages lingua separates once the function words say "Scandinavian".
const NORDIC: [Language; 4] = [
    Language::Bokmal,
    Language::Nynorsk,
    Language::Danish,
    Language::Swedish,
];

/// How much text detection reads: beyond this it adds time, not accuracy.
const SAMPLE_BYTES: usize = 600;

/// How much of the sample lingua reads when the function words cannot tell. Measured on the
/// 1,000 ham bodies of the checker bench and the 660 labelled texts of `eval/checker` (each item,
/// and every three items of one language joined), all through lingua: on the first 300 bytes it
/// chose what it chose on 600 for all 1,660 (on 200 bytes, 1,657), with every labelled text
/// right either way, in three quarters of the time.
const LINGUA_SAMPLE_BYTES: usize = 300;

/// Fewest function words of one group that settle the question without lingua.
const MIN_VOTES: u32 = 4;

/// How many times the runner-up the winning group must score.
const MARGIN: u32 = 4;

/// A sample of at most this many words counts as short (see `SHORT_MIN_VOTES`).
const SHORT_WORDS: u32 = 40;

/// Fewest function words of one group, with none of another, that settle a short sample.
const SHORT_MIN_VOTES: u32 = 2;

/// The outcome of detection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// ISO 639-1 code of the language found (`nb` also stands for Nynorsk, which is checked
    /// with the Bokmål pack).
    pub code: String,
    /// English name of the language as lingua names it.
    pub name: String,
}

/// Which way a sample goes after the cheap checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    /// No letters at all.
    Nothing,
    /// Settled without lingua.
    Settled(Language),
    /// Clearly Scandinavian: lingua among the four Scandinavian languages only.
    Nordic,
    /// Unclear: lingua among every candidate.
    Lingua,
}

/// One detector per candidate set, built once per process and shared by every call.
fn detector(nordic: bool) -> &'static LanguageDetector {
    static ALL: OnceLock<LanguageDetector> = OnceLock::new();
    static SCANDINAVIAN: OnceLock<LanguageDetector> = OnceLock::new();
    // High-accuracy mode: for samples over 120 characters lingua reads trigrams only anyway,
    // and its low-accuracy mode measured slower here, not faster.
    if nordic {
        SCANDINAVIAN.get_or_init(|| LanguageDetectorBuilder::from_languages(&NORDIC).build())
    } else {
        ALL.get_or_init(|| LanguageDetectorBuilder::from_languages(&CANDIDATES).build())
    }
}

/// The start of `text`, at most `SAMPLE_BYTES` long, cut at a char boundary.
fn sample(text: &str) -> &str {
    start(text, SAMPLE_BYTES)
}

/// The start of `text`, at most `bytes` long, cut at a char boundary.
fn start(text: &str, bytes: usize) -> &str {
    &text[..text.floor_char_boundary(bytes)]
}

/// Script check and function-word vote over the sample.
fn route(sample: &str) -> Route {
    let (mut letters, mut bengali, mut words) = (0u32, 0u32, 0u32);
    let mut votes = [0u32; Group::COUNT];
    // One pass: count letters and Bengali letters, and vote with each word, lower-cased into
    // `word`. A word longer than any listed word is marked overlong (`len` past the limit) and
    // grows no further, so it is never looked up.
    let mut word = [0u8; MAX_WORD_BYTES];
    let mut len = 0usize;
    let table = table();
    let mut vote = |word: &[u8; MAX_WORD_BYTES], len: &mut usize| {
        if *len <= MAX_WORD_BYTES
            && let Some(g) = table.group_of(&word[..*len])
        {
            votes[g as usize] += 1;
        }
        *len = 0;
    };
    let mut in_word = false;
    // ASCII bytes (most of most samples) are read as bytes; anything else is decoded as a char.
    let bytes = sample.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphabetic() {
                letters += 1;
                if !in_word {
                    in_word = true;
                    words += 1;
                }
                if len < MAX_WORD_BYTES {
                    word[len] = b.to_ascii_lowercase();
                    len += 1;
                } else {
                    len = MAX_WORD_BYTES + 1;
                }
            } else if in_word {
                in_word = false;
                vote(&word, &mut len);
            }
            continue;
        }
        let c = sample[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        if c.is_alphabetic() {
            letters += 1;
            if ('\u{0980}'..='\u{09FF}').contains(&c) {
                bengali += 1;
            }
            if !in_word {
                in_word = true;
                words += 1;
            }
            for lower in c.to_lowercase() {
                let n = lower.len_utf8();
                if len + n <= MAX_WORD_BYTES {
                    lower.encode_utf8(&mut word[len..]);
                    len += n;
                } else {
                    len = MAX_WORD_BYTES + 1;
                }
            }
        } else if in_word {
            in_word = false;
            vote(&word, &mut len);
        }
    }
    if in_word {
        vote(&word, &mut len);
    }
    decide(letters, bengali, words, votes)
}

/// The route from the counts: letters, Bengali letters, words and function-word votes per group.
fn decide(letters: u32, bengali: u32, words: u32, votes: [u32; Group::COUNT]) -> Route {
    if letters == 0 {
        return Route::Nothing;
    }
    // Bengali script is used for Bengali alone among the candidates (and Assamese, which is
    // not one): most letters in it settles the question.
    if bengali * 2 > letters {
        return Route::Settled(Language::Bengali);
    }
    let (best, top) = votes
        .iter()
        .enumerate()
        .max_by_key(|&(_, v)| *v)
        .map(|(i, v)| (Group::ALL[i], *v))
        .unwrap_or((Group::English, 0));
    let runner_up = votes
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best as usize)
        .map(|(_, v)| *v)
        .max()
        .unwrap_or(0);
    let clear = top >= MIN_VOTES && top >= MARGIN * runner_up;
    // A short message has few function words to give: two of one group and none of any other
    // is as clear as it gets, and lingua is least reliable on exactly such short texts.
    let short_and_clear = words <= SHORT_WORDS && top >= SHORT_MIN_VOTES && runner_up == 0;
    if !clear && !short_and_clear {
        return Route::Lingua;
    }
    match best {
        Group::English => Route::Settled(Language::English),
        Group::Dutch => Route::Settled(Language::Dutch),
        Group::German => Route::Settled(Language::German),
        Group::Nordic => Route::Nordic,
    }
}

/// Detects the language of `text` from its first 600 bytes (lingua, where it decides, reads the
/// first 300); `None` when there is no letter to go on or lingua cannot tell.
pub fn detect_language(text: &str) -> Option<Detected> {
    let sample = sample(text);
    let language = match route(sample) {
        Route::Nothing => return None,
        Route::Settled(language) => language,
        Route::Nordic => detector(true).detect_language_of(start(sample, LINGUA_SAMPLE_BYTES))?,
        Route::Lingua => detector(false).detect_language_of(start(sample, LINGUA_SAMPLE_BYTES))?,
    };
    let code = match language.iso_code_639_1() {
        IsoCode639_1::NN => "nb".to_owned(),
        other => other.to_string().to_lowercase(),
    };
    Some(Detected {
        code,
        name: language.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> String {
        detect_language(text).map(|d| d.code).unwrap_or_default()
    }

    #[test]
    fn short_bokmal_is_not_danish_or_swedish() {
        assert_eq!(
            code("Beklager at leveransen er forsinket. Vi ringer deg i morgen."),
            "nb"
        );
        assert_eq!(
            code("Undskyld forsinkelsen. Vi ringer til dig i morgen."),
            "da"
        );
        assert_eq!(code("Förlåt förseningen. Vi ringer dig i morgon."), "sv");
    }

    #[test]
    fn long_bokmal_danish_and_swedish_take_the_nordic_route_and_stay_apart() {
        let nb = "Vi beklager at leveransen er forsinket. Vi har funnet feilen og retter den nå, \
                  og vi leverer rapporten fredag 4. desember. Vi ringer deg i morgen for å avtale \
                  resten, og vi fakturerer ikke timene for denne måneden.";
        let da = "Vi beklager, at leverancen er forsinket. Vi har fundet fejlen og retter den nu, \
                  og vi leverer rapporten fredag den 4. december. Vi ringer til dig i morgen for \
                  at aftale resten, og vi fakturerer ikke timerne for denne måned.";
        let sv = "Vi ber om ursäkt för att leveransen är försenad. Vi har hittat felet och rättar \
                  det nu, och vi levererar rapporten fredag den 4 december. Vi ringer dig i morgon \
                  för att komma överens om resten, och vi fakturerar inte timmarna för den här månaden.";
        // Nynorsk is checked with the Bokmål pack, so it reports as `nb` too.
        let nn = "Vi beklagar at leveransen er forseinka. Vi har funne feilen og rettar han no, \
                  og vi leverer rapporten fredag 4. desember. Vi ringjer deg i morgon for å avtale \
                  resten, og vi fakturerer ikkje timane for denne månaden.";
        for (text, want) in [(nb, "nb"), (da, "da"), (sv, "sv"), (nn, "nb")] {
            assert_eq!(route(sample(text)), Route::Nordic, "{want}");
            assert_eq!(code(text), want);
        }
    }

    #[test]
    fn clear_english_dutch_and_bengali_skip_lingua() {
        let en = "I am sorry that the report is late. We found the problem and we are fixing it \
                  now, and you will have the report from us on Friday.";
        let nl = "Het spijt ons dat het rapport te laat is. Wij hebben de fout gevonden en u \
                  ontvangt het rapport op vrijdag van ons.";
        let bn = "দেরির জন্য আমরা দুঃখিত। নতুন তারিখ ৩ ফেব্রুয়ারি, আর আমরা Friday-তে ফোন করব।";
        assert_eq!(route(sample(en)), Route::Settled(Language::English));
        assert_eq!(route(sample(nl)), Route::Settled(Language::Dutch));
        assert_eq!(route(sample(bn)), Route::Settled(Language::Bengali));
        assert_eq!(code(en), "en");
        assert_eq!(code(nl), "nl");
        assert_eq!(code(bn), "bn");
    }

    #[test]
    fn mixed_or_thin_evidence_goes_to_lingua() {
        assert_eq!(route(sample("Thanks!")), Route::Lingua);
        // English and Dutch function words in equal measure: no shortcut.
        let mixed = "The report is late. Het rapport is te laat. We are sorry. Het spijt ons.";
        assert_eq!(route(sample(mixed)), Route::Lingua);
        assert_eq!(route(sample("123 !!! ---")), Route::Nothing);
    }

    #[test]
    fn short_messages_with_two_function_words_of_one_group_skip_lingua() {
        let en = "Sorry about that, back online soon.";
        let nl = "Excuses, wij komen erop terug.";
        let de = "Bitte entschuldigen Sie die Verspätung.";
        assert_eq!(route(sample(en)), Route::Settled(Language::English));
        assert_eq!(route(sample(nl)), Route::Settled(Language::Dutch));
        assert_eq!(route(sample(de)), Route::Settled(Language::German));
        assert_eq!(
            (code(en), code(nl), code(de)),
            ("en".into(), "nl".into(), "de".into())
        );
        // Short but with a word of another group too: lingua decides.
        assert_eq!(route(sample("Sorry, het duurt nog even.")), Route::Lingua);
        // Two Scandinavian words still need lingua to tell Bokmål from Danish and Swedish.
        assert_eq!(route(sample("Vi beklager forsinkelsen.")), Route::Nordic);
        // A long text with only two function words is not clear enough.
        let long = "Release notes: parser rewrite, faster startup, smaller binaries, new themes, \
                    plugin loader, config migration, telemetry opt-out, crash reporter, docs \
                    refresh, accessibility fixes, keyboard shortcuts, icons, translations, \
                    packaging, installer, updater, logging, metrics, tracing, profiling and \
                    benchmarks, release candidates, nightly builds, mirrors, checksums, \
                    signatures, changelog, roadmap, thanks everyone.";
        assert_eq!(route(sample(long)), Route::Lingua);
    }

    /// The route as first written: words by `char::is_alphabetic`, lower-cased with
    /// `to_lowercase`, looked up when at most `MAX_WORD_BYTES` long. The byte-wise scan must
    /// agree with it on every input.
    fn reference_route(sample: &str) -> Route {
        let mut votes = [0u32; Group::COUNT];
        let (mut letters, mut bengali, mut words) = (0u32, 0u32, 0u32);
        let alphabetic: Vec<&str> = sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        for w in &alphabetic {
            words += 1;
            for c in w.chars() {
                letters += 1;
                bengali += u32::from(('\u{0980}'..='\u{09FF}').contains(&c));
            }
            let lower = w.to_lowercase();
            if let Some(g) = table().group_of(lower.as_bytes()) {
                votes[g as usize] += 1;
            }
        }
        decide(letters, bengali, words, votes)
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_routes_as_the_char_scan_does(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "the", "THE", "Het", "spijt", "ons", "und", "für", "FÜR", "og", "ikke", "på",
                "PÅ", "vi", "we", "sorry", "İ", "ß", "ǅ", "আমরা", "দুঃখিত", "১২", "entschuldigungen",
                "thethethethethethethe", "ÅÅÅÅÅÅÅÅ", " ", "  ", ", ", ".\n", "—", "'", "4", "ﬁ",
            ]), 0..60)
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(route(&text), reference_route(&text), "{:?}", text);
        }
    }

    #[test]
    fn words_are_counted_and_voted_in_one_pass() {
        // Upper case, non-ASCII lower-casing and a word running to the end of the sample.
        assert_eq!(
            route(sample("HET SPIJT ONS, WIJ BELLEN U MORGEN VOOR")),
            Route::Settled(Language::Dutch)
        );
        assert_eq!(
            route(sample("Wir haben das Problem ÜBER Nacht gelöst und sind")),
            Route::Settled(Language::German)
        );
        // A word longer than any listed one is skipped, not cut into a listed one.
        assert_eq!(
            route(sample("thethethethethethethe andandandandandand sorry")),
            Route::Lingua
        );
    }

    #[test]
    fn product_languages_are_detected() {
        assert_eq!(code("Het spijt me dat de oplevering later is."), "nl");
        assert_eq!(code("I am sorry the report is late."), "en");
        assert_eq!(code("আমি আন্তরিকভাবে দুঃখিত।"), "bn");
        assert_eq!(detect_language("123 !!! ---"), None);
        let long_nb = "Vi beklager at leveransen er forsinket. Vi har funnet feilen og retter den nå, \
                       og vi leverer rapporten fredag 4. desember. Vi ringer deg i morgen for å avtale resten.";
        assert_eq!(code(long_nb), "nb");
    }

    #[test]
    fn lingua_reads_the_first_300_bytes_of_the_sample() {
        // Bokmål for the first 300 bytes, then Swedish: the function words say "Scandinavian",
        // and lingua, reading only the start, says Bokmål.
        let nb = "Vi beklager at leveransen er forsinket. Vi har funnet feilen og retter den nå, \
                  og vi leverer rapporten fredag. Vi ringer deg i morgen for å avtale resten, og \
                  vi fakturerer ikke timene for denne måneden. Beklager igjen, vi gjør det bedre \
                  neste gang, og vi sier fra til deg så snart vi vet mer om saken. ";
        let sv = "Vi ber om ursäkt för att leveransen är försenad. Vi har hittat felet och rättar \
                  det nu, och vi levererar rapporten fredag den 4 december. Vi ringer dig i morgon \
                  för att komma överens om resten, och vi fakturerar inte timmarna för den här \
                  månaden. Förlåt igen, och tack för ditt tålamod med oss hela vägen.";
        assert!((300..320).contains(&nb.len()));
        let text = format!("{nb}{sv}");
        assert_eq!(route(sample(&text)), Route::Nordic);
        assert_eq!(code(&text), "nb");
        assert_eq!(code(&format!("{sv}{nb}")), "sv");
    }

    #[test]
    fn german_is_recognised_as_itself() {
        let de = "Es tut uns leid, dass der Bericht zu spät ist. Wir haben den Fehler gefunden und \
                  Sie bekommen den Bericht am Freitag von uns.";
        assert_eq!(code(de), "de");
    }
}
