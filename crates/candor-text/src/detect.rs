//! Automatic language detection per message with lingua, restricted to the languages a client
//! message here is likely to be in, so Bokmål is told from Danish and Swedish.

use lingua::{IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

/// Languages lingua chooses among. Danish, Swedish, German and Nynorsk are there so that
/// near neighbours are recognised as themselves instead of being forced into a pack.
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

/// How much text detection reads: beyond this it adds time, not accuracy.
const SAMPLE_BYTES: usize = 600;

/// The outcome of detection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// ISO 639-1 code of the language found (`nb` also stands for Nynorsk, which is checked
    /// with the Bokmål pack).
    pub code: String,
    /// English name of the language as lingua names it.
    pub name: String,
}

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    // High-accuracy mode: lingua's low-accuracy mode measured slower here, not faster.
    DETECTOR.get_or_init(|| LanguageDetectorBuilder::from_languages(&CANDIDATES).build())
}

/// Detects the language of `text`; `None` when there is no letter to go on.
pub fn detect_language(text: &str) -> Option<Detected> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if !sample.chars().any(char::is_alphabetic) {
        return None;
    }
    let language = detector().detect_language_of(sample)?;
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
    fn product_languages_are_detected() {
        assert_eq!(code("Het spijt me dat de oplevering later is."), "nl");
        assert_eq!(code("I am sorry the report is late."), "en");
        assert_eq!(code("আমি আন্তরিকভাবে দুঃখিত।"), "bn");
        assert_eq!(detect_language("123 !!! ---"), None);
        let long_nb = "Vi beklager at leveransen er forsinket. Vi har funnet feilen og retter den nå, \
                       og vi leverer rapporten fredag 4. desember. Vi ringer deg i morgen for å avtale resten.";
        assert_eq!(code(long_nb), "nb");
    }
}
