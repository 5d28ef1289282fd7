//! What a check returns: the element map and the findings, with byte spans and positions.

use crate::ids::Element;
use std::collections::BTreeMap;
use std::ops::Range;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// A required element is missing.
    Warning,
    /// An anti-pattern: the message must not go out like this.
    Error,
}

impl Severity {
    /// `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Anti-pattern id, or `missing:<element>`.
    pub rule: String,
    /// The pack rule that fired, e.g. `en.blames_colleague.forgot`.
    pub rule_id: String,
    /// Severity.
    pub severity: Severity,
    /// Byte range in the message (empty at 0 for missing elements).
    pub span: Range<usize>,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, counted in characters.
    pub column: usize,
    /// Explanation, in the message's language.
    pub message: String,
    /// Suggested rewrite or addition, in the message's language.
    pub suggestion: String,
}

/// The result of checking one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Language code of the pack used.
    pub lang: String,
    /// Message type checked against, if any.
    pub message_type: Option<String>,
    /// Every element, with the span that shows it when present.
    pub elements: BTreeMap<Element, Option<Range<usize>>>,
    /// Findings in text order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether any finding has error severity (the CLI then exits 1).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Whether the element was found.
    pub fn has(&self, element: Element) -> bool {
        self.elements.get(&element).is_some_and(Option::is_some)
    }
}

/// 1-based (line, column in characters) of a byte offset (clamped to the text).
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters() {
        assert_eq!(position("ab\ncদুঃখিত x", 0), (1, 1));
        assert_eq!(position("ab\ncদুঃখিত x", 3), (2, 1));
        let text = "ab\nদুঃখিত x";
        let x = text.find('x').unwrap();
        assert_eq!(position(text, x), (2, 8));
    }
}
