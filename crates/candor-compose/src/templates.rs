//! The message templates (`lang/<code>/templates/<type>.j2`, minijinja): built in, and
//! replaceable one by one from a user folder without rebuilding. A broken template is an error
//! naming its file and line; fuel bounds a runaway loop in a user's template.

use crate::strings::{Arg, Strings};
use crate::{ComposeError, MessageType};
use candor_core::Language;
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, State, UndefinedBehavior};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// Enough for any sensible message; a template that loops past it is stopped with an error.
const FUEL: u64 = 200_000;

/// The templates of every language, ready to render.
pub struct Templates {
    env: Environment<'static>,
    origins: BTreeMap<String, String>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("origins", &self.origins)
            .finish()
    }
}

/// The template name of a type in a language: `nl/delay_email`.
pub fn name(lang: Language, t: MessageType) -> String {
    format!("{}/{}", lang.code(), t.id())
}

/// Built-in templates: (language, type id, source).
pub fn builtin() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    TEMPLATES.iter().copied()
}

/// Built-in Fluent files: (language, source).
pub fn builtin_strings() -> impl Iterator<Item = (&'static str, &'static str)> {
    STRINGS.iter().copied()
}

/// Template sources found in an override folder laid out like `lang/`: `<dir>/<code>/templates/
/// <type>.j2`. Unknown languages or type names are errors, so a typo is not silently ignored.
pub fn overrides(dir: &Path) -> Result<Vec<(Language, MessageType, String, String)>, ComposeError> {
    let io = |p: &Path, e: std::io::Error| ComposeError::Io(format!("{}: {e}", p.display()));
    let mut found = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| io(dir, e))?;
    for entry in entries {
        let lang_dir = entry.map_err(|e| io(dir, e))?.path();
        let tdir = lang_dir.join("templates");
        if !tdir.is_dir() {
            continue;
        }
        let code = lang_dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let lang = Language::parse("template folder", code).map_err(ComposeError::Invalid)?;
        for file in std::fs::read_dir(&tdir).map_err(|e| io(&tdir, e))? {
            let path = file.map_err(|e| io(&tdir, e))?.path();
            if path.extension().is_none_or(|x| x != "j2") {
                continue;
            }
            let stem = path.file_stem().and_then(|n| n.to_str()).unwrap_or("");
            let t =
                MessageType::parse("template file", stem).map_err(|e| ComposeError::Template {
                    file: path.display().to_string(),
                    line: None,
                    reason: format!("{}: {}", e.value, e.reason),
                })?;
            let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
            found.push((lang, t, path.display().to_string(), text));
        }
    }
    Ok(found)
}

impl Templates {
    /// Loads the built-in templates, then replaces those the override list names.
    pub fn new(
        strings: Arc<Strings>,
        replaced: Vec<(Language, MessageType, String, String)>,
    ) -> Result<Self, ComposeError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(FUEL));
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .build()
                .expect("the default delimiters are valid"),
        );
        env.add_function("t", move |state: &State, id: String, kwargs: Kwargs| {
            phrase(&strings, state, &id, &kwargs)
        });
        env.add_function("heading", heading);
        env.add_filter("sentence", sentence);
        let mut origins = BTreeMap::new();
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        for (code, id, text) in builtin() {
            let n = format!("{code}/{id}");
            origins.insert(n.clone(), format!("lang/{code}/templates/{id}.j2"));
            sources.insert(n, text.to_owned());
        }
        for (lang, t, origin, text) in replaced {
            let n = name(lang, t);
            origins.insert(n.clone(), origin);
            sources.insert(n, text);
        }
        let mut me = Self {
            env: Environment::new(),
            origins,
        };
        for (n, text) in sources {
            env.add_template_owned(n, text).map_err(|e| me.error(&e))?;
        }
        me.env = env;
        Ok(me)
    }

    /// Renders a template with `ctx`; any failure is an error with file and line.
    pub fn render(
        &self,
        lang: Language,
        t: MessageType,
        ctx: Value,
    ) -> Result<String, ComposeError> {
        let n = name(lang, t);
        let tmpl = self
            .env
            .get_template(&n)
            .map_err(|_| ComposeError::Template {
                file: format!("lang/{}/templates/{}.j2", lang.code(), t.id()),
                line: None,
                reason: "no such template".into(),
            })?;
        tmpl.render(ctx).map_err(|e| self.error(&e))
    }

    fn error(&self, e: &minijinja::Error) -> ComposeError {
        let file = e
            .name()
            .map(|n| self.origins.get(n).cloned().unwrap_or_else(|| n.to_owned()))
            .unwrap_or_else(|| "(template)".into());
        let mut reason = e.kind().to_string();
        if let Some(detail) = e.detail() {
            reason = format!("{reason}: {detail}");
        }
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            reason = format!("{reason}: {s}");
            source = s.source();
        }
        ComposeError::Template {
            file,
            line: e.line(),
            reason,
        }
    }
}

/// `t("id", name=value, …)`: a Fluent phrase in the language being rendered.
fn phrase(
    strings: &Strings,
    state: &State,
    id: &str,
    kwargs: &Kwargs,
) -> Result<String, minijinja::Error> {
    let code = state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let lang = Language::parse("lang", &code).map_err(|e| {
        minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
    })?;
    let mut args = Vec::new();
    for key in kwargs.args() {
        let v: Value = kwargs.get(key)?;
        let arg = match v.as_i64() {
            Some(n) if v.is_number() => Arg::Number(n as f64),
            _ => Arg::Text(v.to_string()),
        };
        args.push((key, arg));
    }
    strings
        .get(lang, id, &args)
        .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string()))
}

/// `heading("Opening")`: a section heading, Markdown in `md`, underlined in plain text.
fn heading(state: &State, text: String) -> String {
    let md = state
        .lookup("format")
        .is_some_and(|f| f.as_str() == Some("md"));
    if md {
        format!("## {text}")
    } else {
        let width = text.chars().count();
        format!("{text}\n{}", "-".repeat(width))
    }
}

/// `text | sentence`: user text closed with the language's full stop when it has none.
fn sentence(state: &State, text: String) -> String {
    let t = text.trim();
    if t.is_empty() || t.ends_with(['.', '!', '?', '।', '…', ':']) {
        return t.to_owned();
    }
    let bn = state
        .lookup("lang")
        .is_some_and(|l| l.as_str() == Some("bn"));
    format!("{t}{}", if bn { "।" } else { "." })
}
