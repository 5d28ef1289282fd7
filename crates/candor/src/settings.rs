//! Typed settings, layered once at start: defaults < candor.toml < CANDOR_* env < flags.
//! Unknown keys in the file are rejected; the database password is never printed.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::path::PathBuf;

/// The keys `candor.toml` may hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    /// Database URL.
    db: Option<String>,
}

/// Validated settings for one run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Database URL (sqlite://… or postgres://…).
    pub db: String,
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "candor")
}

/// The default SQLite database in the platform data directory.
pub fn default_db_url() -> Result<String> {
    let dirs = project_dirs()
        .context("cannot find a home directory for the default database; pass --db")?;
    let path: PathBuf = dirs.data_dir().join("candor.db");
    Ok(format!("sqlite://{}", path.display()))
}

fn config_path() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("CANDOR_CONFIG") {
        return Some(PathBuf::from(p));
    }
    let local = PathBuf::from("candor.toml");
    if local.exists() {
        return Some(local);
    }
    project_dirs().map(|d| d.config_dir().join("candor.toml"))
}

impl Settings {
    /// Resolves settings; `flag_db` already includes `CANDOR_DB` (clap reads the env var).
    pub fn load(flag_db: Option<String>) -> Result<Settings> {
        let mut file = FileSettings::default();
        if let Some(path) = config_path().filter(|p| p.exists()) {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            file = toml::from_str(&text)
                .with_context(|| format!("invalid settings file {}", path.display()))?;
        }
        let db = match flag_db.or(file.db) {
            Some(db) if db.trim().is_empty() => bail!("--db is empty"),
            Some(db) => normalise_db(&db),
            None => default_db_url()?,
        };
        Ok(Settings { db })
    }
}

/// Accepts a bare file path as an SQLite database for convenience.
fn normalise_db(db: &str) -> String {
    if db.contains("://") || db.starts_with("sqlite:") {
        db.to_owned()
    } else {
        format!("sqlite://{db}")
    }
}
