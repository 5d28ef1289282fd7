//! Printers for check reports — human text (optionally coloured) and the JSON contract that
//! scripts rely on. Kept apart from finding.

use crate::ids::Element;
use crate::report::{Report, Severity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The JSON shape of one checked input (the contract; field order is stable).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct JsonReport<'a> {
    /// Input path, `-` for standard input.
    pub path: &'a str,
    /// Language code used.
    pub lang: &'a str,
    /// Message type, or null.
    #[serde(rename = "type")]
    pub message_type: Option<&'a str>,
    /// All nine element ids with presence.
    pub elements: BTreeMap<Element, bool>,
    /// Findings in text order.
    pub findings: Vec<JsonFinding<'a>>,
}

/// The JSON shape of one finding.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct JsonFinding<'a> {
    /// Anti-pattern id or `missing:<element>`.
    pub rule: &'a str,
    /// `error` or `warning`.
    pub severity: &'a str,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// Explanation.
    pub message: &'a str,
    /// Suggested rewrite.
    pub suggestion: &'a str,
}

/// Builds the JSON view of a report.
pub fn json_view<'a>(report: &'a Report, path: &'a str) -> JsonReport<'a> {
    JsonReport {
        path,
        lang: &report.lang,
        message_type: report.message_type.as_deref(),
        elements: report
            .elements
            .iter()
            .map(|(e, s)| (*e, s.is_some()))
            .collect(),
        findings: report
            .findings
            .iter()
            .map(|f| JsonFinding {
                rule: &f.rule,
                severity: f.severity.as_str(),
                start: f.span.start,
                end: f.span.end,
                line: f.line,
                column: f.column,
                message: &f.message,
                suggestion: &f.suggestion,
            })
            .collect(),
    }
}

/// One JSON line (no trailing newline) for a report.
pub fn render_json(report: &Report, path: &str) -> String {
    serde_json::to_string(&json_view(report, path))
        .expect("report serialises: only strings, numbers and bools")
}

/// Human-readable lines: `path:line:col: severity[rule] message`, the suggestion, the matched
/// text, and a summary of elements. ANSI colour when `color` is true.
pub fn render_text(report: &Report, path: &str, text: &str, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let mut out = String::new();
    for f in &report.findings {
        let sev = match f.severity {
            Severity::Error => paint("1;31", "error"),
            Severity::Warning => paint("1;33", "warning"),
        };
        let _ = writeln!(
            out,
            "{path}:{}:{}: {sev}[{}] {}",
            f.line,
            f.column,
            paint("1", &f.rule),
            f.message
        );
        if !f.span.is_empty() {
            let quoted = text.get(f.span.clone()).unwrap_or("").replace('\n', " ");
            let _ = writeln!(out, "    found: \"{}\"", paint("36", &quoted));
        }
        let _ = writeln!(out, "    suggestion: {}", paint("32", &f.suggestion));
    }
    let summary: Vec<String> = report
        .elements
        .iter()
        .map(|(e, s)| {
            if s.is_some() {
                paint("32", &format!("+{e}"))
            } else {
                paint("2", &format!("-{e}"))
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "{path}: lang {}{}; elements {}; {} finding(s)",
        report.lang,
        report
            .message_type
            .as_deref()
            .map(|t| format!(", type {t}"))
            .unwrap_or_default(),
        summary.join(" "),
        report.findings.len()
    );
    out
}
