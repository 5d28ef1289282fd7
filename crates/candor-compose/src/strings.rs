//! The composer's phrases (subjects, greetings, remedy sentences, headings) as Fluent messages in
//! `lang/<code>/composer.ftl`, so plurals and word order are the translator's, not the code's.

use crate::ComposeError;
use candor_core::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::{BTreeSet, HashMap};

/// One Fluent source file and where it came from (for error messages).
#[derive(Debug, Clone)]
pub struct FtlSource {
    /// Shown in errors: `lang/nl/composer.ftl` or the user's path.
    pub origin: String,
    /// The text.
    pub text: String,
}

/// The phrase bundles of every language.
pub struct Strings {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
    ids: HashMap<Language, BTreeSet<String>>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings").field("ids", &self.ids).finish()
    }
}

/// An argument for a phrase: text shown as is, or a number that also selects plural forms.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text (already formatted for the locale).
    Text(String),
    /// A number, for plural selection.
    Number(f64),
}

fn parse(source: &FtlSource) -> Result<FluentResource, ComposeError> {
    FluentResource::try_new(source.text.clone()).map_err(|(_, errors)| {
        let first = &errors[0];
        let line = source.text[..first.pos.start.min(source.text.len())]
            .matches('\n')
            .count()
            + 1;
        ComposeError::Strings {
            origin: source.origin.clone(),
            reason: format!("line {line}: {:?}", first.kind),
        }
    })
}

fn message_ids(resource: &FluentResource) -> impl Iterator<Item = String> + '_ {
    resource.entries().filter_map(|e| match e {
        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
        _ => None,
    })
}

impl Strings {
    /// Builds a bundle per language: the built-in file first, then any override layered on top
    /// (an override may redefine some messages and keep the rest).
    pub fn new(sources: &HashMap<Language, Vec<FtlSource>>) -> Result<Self, ComposeError> {
        let mut bundles = HashMap::new();
        let mut ids = HashMap::new();
        for (&lang, files) in sources {
            let langid: unic_langid::LanguageIdentifier = lang
                .code()
                .parse()
                .map_err(|e| ComposeError::Locale(format!("{lang}: {e}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let mut set = BTreeSet::new();
            for file in files {
                let resource = parse(file)?;
                set.extend(message_ids(&resource));
                bundle.add_resource_overriding(resource);
            }
            bundles.insert(lang, bundle);
            ids.insert(lang, set);
        }
        Ok(Self { bundles, ids })
    }

    /// Message ids defined for `lang`.
    pub fn ids(&self, lang: Language) -> Option<&BTreeSet<String>> {
        self.ids.get(&lang)
    }

    /// Formats message `id` in `lang`; a missing message or a Fluent error is an error, never
    /// a half-formatted phrase.
    pub fn get(
        &self,
        lang: Language,
        id: &str,
        args: &[(&str, Arg)],
    ) -> Result<String, ComposeError> {
        let missing = || ComposeError::Strings {
            origin: format!("lang/{lang}/composer.ftl"),
            reason: format!("no message {id:?}"),
        };
        let bundle = self.bundles.get(&lang).ok_or_else(missing)?;
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(missing)?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(t) => fargs.set(*name, FluentValue::from(t.as_str())),
                Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if let Some(e) = errors.first() {
            return Err(ComposeError::Strings {
                origin: format!("lang/{lang}/composer.ftl"),
                reason: format!("message {id:?}: {e}"),
            });
        }
        Ok(text.into_owned())
    }
}
