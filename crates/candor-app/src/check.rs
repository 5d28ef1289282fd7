//! The message checker as a use case: builds a checker with the workspace's roster and the
//! configured internal terms, and checks text. The CLI and the web UI both call this.

use crate::{App, AppError, Result};
use candor_core::ValidationError;
use candor_text::{CheckError, CheckOptions, Checker, CheckerConfig, PackError, Report};
use std::path::PathBuf;

/// What a checker is built from besides the roster.
#[derive(Debug, Clone, Default)]
pub struct CheckSetup {
    /// Internal tool or process names the client does not need to hear.
    pub internal_terms: Vec<String>,
    /// A folder of language packs (`<code>/checker/*.toml`) replacing or adding to the built-in ones.
    pub lang_dir: Option<PathBuf>,
}

/// Builds a checker for a roster of team member names (no workspace needed).
pub fn build_checker(roster: Vec<String>, setup: &CheckSetup) -> Result<Checker> {
    let config = CheckerConfig {
        roster,
        internal_terms: setup.internal_terms.clone(),
    };
    let built = match &setup.lang_dir {
        Some(dir) => Checker::with_override_dir(dir, &config),
        None => Checker::builtin(&config),
    };
    built.map_err(|e| pack_error(e, setup))
}

fn pack_error(e: PackError, setup: &CheckSetup) -> AppError {
    let dir = setup
        .lang_dir
        .as_ref()
        .map(|d| d.display().to_string())
        .unwrap_or_else(|| "(built-in)".into());
    AppError::Invalid(ValidationError::new("lang-dir", dir, e.to_string()))
}

/// Checks one message; `lang` `None` detects the language. Unknown languages and types are
/// input errors.
pub fn check_text(
    checker: &Checker,
    text: &str,
    lang: Option<&str>,
    message_type: Option<&str>,
) -> Result<Report> {
    let opts = CheckOptions {
        lang: lang.map(str::to_owned),
        message_type: message_type.map(str::to_owned),
    };
    checker.check(text, &opts).map_err(|e| {
        let (field, value) = match &e {
            CheckError::UnknownType { id, .. } => ("type", id.clone()),
            CheckError::UnknownLanguage { code, .. }
            | CheckError::UnsupportedLanguage { code, .. } => ("lang", code.clone()),
            CheckError::Undetectable { .. } => ("lang", "auto".to_owned()),
        };
        AppError::Invalid(ValidationError::new(field, value, e.to_string()))
    })
}

impl App {
    /// A checker that knows this workspace's team roster.
    pub async fn checker(&self, setup: &CheckSetup) -> Result<Checker> {
        let roster = self.team().await?.into_iter().map(|m| m.name).collect();
        build_checker(roster, setup)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_type_and_language_are_input_errors() {
        let c = build_checker(vec!["Jared Lee".into()], &CheckSetup::default()).unwrap();
        let e = check_text(&c, "Sorry.", Some("en"), Some("memo")).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("delay_email"), "{e}");
        let e = check_text(&c, "Sorry.", Some("fr"), None).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        let r = check_text(&c, "Sorry, Jared Lee forgot the files.", Some("en"), None).unwrap();
        assert!(r.has_errors());
    }

    #[test]
    fn a_bad_pack_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en/checker")).unwrap();
        std::fs::write(dir.path().join("en/checker/language.toml"), "code = 1").unwrap();
        let setup = CheckSetup {
            internal_terms: vec![],
            lang_dir: Some(dir.path().to_owned()),
        };
        let e = build_checker(vec![], &setup).unwrap_err().to_string();
        assert!(e.contains("language.toml"), "{e}");
    }
}
