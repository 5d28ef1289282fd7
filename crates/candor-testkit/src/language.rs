//! An independent judge of which language a text is in, for tests of candor's own prose: lingua
//! over the whole text in high-accuracy mode, not candor's faster detector (which reads a prefix
//! and may take shortcuts), so a test does not grade candor with candor's own tool.

use lingua::{IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    // Every language this build of lingua carries, neighbours included, so a Danish-looking
    // Norwegian draft is caught as Danish rather than forced into Bokmål.
    DETECTOR.get_or_init(|| LanguageDetectorBuilder::from_all_languages().build())
}

/// The ISO 639-1 code of the language of the whole of `text` (Nynorsk reported as `nn`), or
/// `None` when lingua can't tell.
pub fn language_of(text: &str) -> Option<String> {
    let language: Language = detector().detect_language_of(text)?;
    Some(match language.iso_code_639_1() {
        IsoCode639_1::NN => "nn".to_owned(),
        other => other.to_string().to_lowercase(),
    })
}

#[cfg(test)]
mod tests {
    use super::language_of;

    #[test]
    fn tells_the_four_languages_and_their_neighbours_apart() {
        let cases = [
            (
                "We are sorry the launch is late; the new date is 3 February.",
                "en",
            ),
            (
                "Het spijt ons dat de lancering later komt dan beloofd.",
                "nl",
            ),
            (
                "Beklager at leveransen er forsinket. Vi ringer deg i morgen.",
                "nb",
            ),
            ("Undskyld forsinkelsen. Vi ringer til dig i morgen.", "da"),
            ("Förlåt förseningen. Vi ringer dig i morgon.", "sv"),
            ("দেরির জন্য আমরা দুঃখিত। নতুন তারিখ ৩ ফেব্রুয়ারি।", "bn"),
        ];
        for (text, want) in cases {
            assert_eq!(language_of(text).as_deref(), Some(want), "{text}");
        }
    }
}
