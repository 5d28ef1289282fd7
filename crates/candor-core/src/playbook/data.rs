//! Loads and checks the playbook table (`data/playbook.toml`), so checklists stay data, not code.

use super::checklist::{Check, Requirement};
use super::{IncidentKind, Step};
use crate::Language;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The playbook shipped with candor.
const BUILTIN: &str = include_str!("../../data/playbook.toml");

static BUILTIN_BOOK: LazyLock<Playbook> = LazyLock::new(|| {
    // The embedded table is checked by a unit test; failing here is a build defect.
    Playbook::from_toml(BUILTIN).expect("data/playbook.toml is valid (see its unit test)")
});

/// A bad playbook table; the message names the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("playbook data: {0}")]
pub struct PlaybookDataError(pub String);

/// A text in every language candor speaks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: String,
    /// Dutch.
    pub nl: String,
    /// Norwegian Bokmål.
    pub nb: String,
    /// Bengali.
    pub bn: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::En => &self.en,
            Language::Nl => &self.nl,
            Language::Nb => &self.nb,
            Language::Bn => &self.bn,
        }
    }
}

/// One checklist item as the table defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDef {
    /// Stable checklist ID.
    pub id: String,
    /// The fact that makes it done.
    pub check: Check,
    /// The command that completes it (`{id}` is the incident id).
    pub action: String,
    /// What it means, per language.
    pub label: Text,
}

/// What one step asks of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepDef {
    /// Whether the step may be skipped with a written reason.
    pub skippable: bool,
    /// Items with their requirement, in table order (required first).
    pub items: Vec<(usize, Requirement)>,
}

/// The validated playbook table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Playbook {
    items: Vec<ItemDef>,
    steps: BTreeMap<(IncidentKind, Step), StepDef>,
    step_names: BTreeMap<Step, Text>,
    impact_prefill: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBook {
    steps: BTreeMap<String, Text>,
    prefill: RawPrefill,
    items: BTreeMap<String, RawItem>,
    kinds: BTreeMap<String, BTreeMap<String, RawStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrefill {
    impact: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    check: String,
    #[serde(rename = "do")]
    action: String,
    label: Text,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawStep {
    #[serde(default)]
    skippable: bool,
    #[serde(default)]
    required: Vec<String>,
    #[serde(default)]
    when_legal: Vec<String>,
    #[serde(default)]
    when_told_by_email: Vec<String>,
    #[serde(default)]
    optional: Vec<String>,
}

fn bad(msg: impl Into<String>) -> PlaybookDataError {
    PlaybookDataError(msg.into())
}

impl Playbook {
    /// The playbook embedded in the binary.
    pub fn builtin() -> &'static Playbook {
        &BUILTIN_BOOK
    }

    /// Parses and checks a playbook table: known checks, kinds and steps, every item defined,
    /// every label present, and the gates that may never be skipped (prepare, follow_up).
    pub fn from_toml(text: &str) -> Result<Playbook, PlaybookDataError> {
        let raw: RawBook = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        let mut items = Vec::new();
        for (id, item) in &raw.items {
            let check = Check::parse(&item.check)
                .ok_or_else(|| bad(format!("items.{id}: unknown check {:?}", item.check)))?;
            for lang in Language::ALL {
                if item.label.get(lang).trim().is_empty() {
                    return Err(bad(format!("items.{id}.label.{lang} is empty")));
                }
            }
            items.push(ItemDef {
                id: id.clone(),
                check,
                action: item.action.clone(),
                label: item.label.clone(),
            });
        }
        let mut step_names = BTreeMap::new();
        for (name, text) in raw.steps {
            let step = Step::parse("steps", &name).map_err(|e| bad(e.to_string()))?;
            step_names.insert(step, text);
        }
        if let Some(s) = Step::ALL.iter().find(|s| !step_names.contains_key(s)) {
            return Err(bad(format!("steps.{s} has no name")));
        }
        let mut book = Playbook {
            items,
            steps: BTreeMap::new(),
            step_names,
            impact_prefill: raw.prefill.impact,
        };
        for (kind_name, steps) in &raw.kinds {
            let kind = IncidentKind::parse("kinds", kind_name).map_err(|e| bad(e.to_string()))?;
            for (step_name, raw_step) in steps {
                let step = Step::parse("step", step_name)
                    .map_err(|e| bad(format!("kinds.{kind_name}: {e}")))?;
                let def = book.step_def(kind_name, step, raw_step)?;
                book.steps.insert((kind, step), def);
            }
        }
        book.check_complete()?;
        Ok(book)
    }

    fn step_def(
        &self,
        kind: &str,
        step: Step,
        raw: &RawStep,
    ) -> Result<StepDef, PlaybookDataError> {
        let at = format!("kinds.{kind}.{step}");
        if raw.skippable && matches!(step, Step::Prepare | Step::FollowUp | Step::Closed) {
            return Err(bad(format!(
                "{at}: {step} gates what follows and cannot be skippable"
            )));
        }
        let groups = [
            (&raw.required, Requirement::Always),
            (&raw.when_legal, Requirement::WhenLegal),
            (&raw.when_told_by_email, Requirement::WhenToldByEmail),
            (&raw.optional, Requirement::Optional),
        ];
        let mut items: Vec<(usize, Requirement)> = Vec::new();
        for (ids, req) in groups {
            for id in ids {
                let index = self.items.iter().position(|i| &i.id == id).ok_or_else(|| {
                    bad(format!("{at}: item {id:?} is not defined under [items]"))
                })?;
                if items.iter().any(|(i, _)| *i == index) {
                    return Err(bad(format!("{at}: item {id:?} is listed twice")));
                }
                items.push((index, req));
            }
        }
        Ok(StepDef {
            skippable: raw.skippable,
            items,
        })
    }

    fn check_complete(&self) -> Result<(), PlaybookDataError> {
        for kind in IncidentKind::ALL {
            for step in Step::ALL.iter().filter(|s| **s != Step::Closed) {
                let def = self
                    .steps
                    .get(&(kind, *step))
                    .ok_or_else(|| bad(format!("kinds.{kind}.{step} is missing")))?;
                if !def.items.iter().any(|(_, r)| *r == Requirement::Always) {
                    return Err(bad(format!("kinds.{kind}.{step} has no required item")));
                }
            }
        }
        Ok(())
    }

    /// What `step` asks of `kind` (`closed` asks nothing).
    pub fn step(&self, kind: IncidentKind, step: Step) -> StepDef {
        self.steps.get(&(kind, step)).cloned().unwrap_or_default()
    }

    /// The item at `index` (as found in a [`StepDef`]).
    pub fn item(&self, index: usize) -> &ItemDef {
        &self.items[index]
    }

    /// The name of a step in `lang`.
    pub fn step_name(&self, step: Step, lang: Language) -> &str {
        self.step_names
            .get(&step)
            .map_or(step.as_str(), |t| t.get(lang))
    }

    /// The template for an impact prefilled from a key date (`{label}`, `{date}`).
    pub fn impact_prefill(&self, lang: Language) -> &str {
        self.impact_prefill.get(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_is_valid() {
        let book = Playbook::from_toml(BUILTIN).unwrap();
        let prepare = book.step(IncidentKind::Delay, Step::Prepare);
        let ids: Vec<&str> = prepare
            .items
            .iter()
            .map(|(i, _)| book.item(*i).id.as_str())
            .collect();
        assert_eq!(ids[..4], ["impact", "new_date", "plan", "remedy"]);
        assert!(!prepare.skippable);
        assert!(
            book.step(IncidentKind::Delay, Step::Retrospective)
                .skippable
        );
        assert!(
            !book
                .step(IncidentKind::BrokenPromise, Step::Investigate)
                .skippable
        );
    }

    #[test]
    fn skippable_prepare_is_rejected() {
        let text = BUILTIN.replace(
            "[kinds.mistake.prepare]\n",
            "[kinds.mistake.prepare]\nskippable = true\n",
        );
        let e = Playbook::from_toml(&text).unwrap_err();
        assert!(e.0.contains("kinds.mistake.prepare"), "{e}");
    }

    #[test]
    fn unknown_item_and_check_are_named() {
        let text = BUILTIN.replace(
            "required = [\"impact\", \"plan\"",
            "required = [\"impakt\", \"plan\"",
        );
        let e = Playbook::from_toml(&text).unwrap_err();
        assert!(e.0.contains("impakt"), "{e}");
        let text = BUILTIN.replace("check = \"goals\"", "check = \"gaols\"");
        let e = Playbook::from_toml(&text).unwrap_err();
        assert!(e.0.contains("items.goals") && e.0.contains("gaols"), "{e}");
    }

    #[test]
    fn missing_translation_is_named() {
        let text = BUILTIN.replace("label.nb = \"Kunden har fått beskjed\"", "label.nb = \" \"");
        let e = Playbook::from_toml(&text).unwrap_err();
        assert!(e.0.contains("items.client_told.label.nb"), "{e}");
    }
}
