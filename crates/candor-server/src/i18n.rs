//! UI strings from Fluent files (`lang/<code>/ui/web.ftl`), embedded at build time. A missing
//! key falls back to English, then to the key itself; a test keeps every key in every language.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;

/// The UI languages, in the order the language picker shows them.
pub const UI_LANGUAGES: [&str; 4] = ["en", "nl", "nb", "bn"];

const FTL: [(&str, &str); 4] = [
    ("en", include_str!("../../../lang/en/ui/web.ftl")),
    ("nl", include_str!("../../../lang/nl/ui/web.ftl")),
    ("nb", include_str!("../../../lang/nb/ui/web.ftl")),
    ("bn", include_str!("../../../lang/bn/ui/web.ftl")),
];

/// Every message id in one language's UI file (for the completeness test).
pub fn ui_keys(lang: &str) -> Vec<String> {
    let src = FTL.iter().find(|(l, _)| *l == lang).map_or("", |(_, s)| *s);
    let res = FluentResource::try_new(src.to_owned()).unwrap_or_else(|(r, _)| r);
    let mut keys: Vec<String> = res
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    keys.sort();
    keys
}

/// The loaded bundles.
pub struct I18n {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
}

impl I18n {
    /// Loads every embedded language; a syntax error in a file is a bug caught by the tests.
    pub fn new() -> I18n {
        let mut bundles = HashMap::new();
        for (code, src) in FTL {
            let res = FluentResource::try_new(src.to_owned()).unwrap_or_else(|(r, errs)| {
                tracing::error!("{code}/ui/web.ftl: {errs:?}");
                r
            });
            let langid = code.parse().unwrap_or_default();
            let mut b = FluentBundle::new_concurrent(vec![langid]);
            b.set_use_isolating(false);
            if let Err(errs) = b.add_resource(res) {
                tracing::error!("{code}/ui/web.ftl: {errs:?}");
            }
            bundles.insert(code, b);
        }
        I18n { bundles }
    }

    /// The best supported language for a code (falls back to English).
    pub fn language(code: &str) -> &'static str {
        UI_LANGUAGES
            .iter()
            .find(|l| code.eq_ignore_ascii_case(l))
            .copied()
            .unwrap_or("en")
    }

    /// A translated string with named arguments.
    pub fn text(&self, lang: &str, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        for code in [Self::language(lang), "en"] {
            let Some(b) = self.bundles.get(code) else {
                continue;
            };
            if let Some(p) = b.get_message(key).and_then(|m| m.value()) {
                let mut errors = vec![];
                return b.format_pattern(p, Some(&fargs), &mut errors).into_owned();
            }
        }
        key.to_owned()
    }
}

/// The language a browser asks for in `Accept-Language`, if we have it.
pub fn from_accept_language(header: &str) -> &'static str {
    header
        .split(',')
        .filter_map(|part| part.split(';').next())
        .map(|tag| tag.trim().split('-').next().unwrap_or(""))
        .map(|primary| if primary == "no" { "nb" } else { primary })
        .find_map(|p| UI_LANGUAGES.iter().find(|l| **l == p).copied())
        .unwrap_or("en")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_and_formats_arguments() {
        let i = I18n::new();
        assert_eq!(
            i.text("xx", "nav-dashboard", &[]),
            i.text("en", "nav-dashboard", &[])
        );
        assert_eq!(i.text("nl", "no-such-key", &[]), "no-such-key");
        let s = i.text("en", "dashboard-overdue", &[("count", 3.into())]);
        assert!(s.contains('3'), "{s}");
        assert_eq!(from_accept_language("nb-NO,nb;q=0.9,en;q=0.5"), "nb");
        assert_eq!(from_accept_language("no"), "nb");
        assert_eq!(from_accept_language("fr-FR"), "en");
    }

    #[test]
    fn every_key_exists_in_every_language() {
        let en = ui_keys("en");
        assert!(en.len() > 150, "{} keys", en.len());
        for lang in UI_LANGUAGES {
            assert_eq!(
                ui_keys(lang),
                en,
                "{lang}/ui/web.ftl has other keys than English"
            );
        }
    }
}
