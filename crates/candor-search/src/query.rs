//! The search query language: words, `"phrases"`, `from:`, `to:`, `client:`, `before:`,
//! `after:`. Parsed here into a plain struct so the CLI, server and tests share one reading.

use jiff::civil::Date;

/// A parsed query. Every part must match (AND); words and phrases search subject, body,
/// sender and recipients.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Single words.
    pub words: Vec<String>,
    /// Quoted phrases, each a sequence of words in order.
    pub phrases: Vec<String>,
    /// `from:` values (address, part of one, or a name).
    pub from: Vec<String>,
    /// `to:` values (matches To and Cc).
    pub to: Vec<String>,
    /// `client:` value, resolved to a client id by the caller.
    pub client: Option<String>,
    /// Only messages strictly before this date (UTC midnight).
    pub before: Option<Date>,
    /// Only messages on or after this date (UTC midnight).
    pub after: Option<Date>,
}

/// A query that cannot be read, with the offending part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad search query near {part:?}: {reason}")]
pub struct QueryError {
    /// The piece of the query that is wrong.
    pub part: String,
    /// Why.
    pub reason: String,
}

impl Query {
    /// Parses the query syntax; operators are case-insensitive (`From:` = `from:`).
    pub fn parse(input: &str) -> Result<Self, QueryError> {
        let mut q = Query::default();
        for piece in split_pieces(input)? {
            q.add_piece(piece)?;
        }
        Ok(q)
    }

    fn add_piece(&mut self, piece: Piece) -> Result<(), QueryError> {
        let (op, value) = match piece {
            Piece::Phrase(p) => {
                self.phrases.push(p);
                return Ok(());
            }
            Piece::Word(w) => match w.split_once(':') {
                Some((op, v)) if is_operator(op) => (op.to_lowercase(), v.to_owned()),
                _ => {
                    self.words.push(w);
                    return Ok(());
                }
            },
            Piece::Operator(op, v) => (op.to_lowercase(), v),
        };
        let err = |reason: &str| QueryError {
            part: format!("{op}:{value}"),
            reason: reason.into(),
        };
        if value.trim().is_empty() {
            return Err(err("the operator needs a value"));
        }
        match op.as_str() {
            "from" => self.from.push(value),
            "to" => self.to.push(value),
            "client" => self.client = Some(value),
            "before" | "after" => {
                let date: Date = value
                    .parse()
                    .map_err(|_| err("expected a date like 2026-05-01"))?;
                if op == "before" {
                    self.before = Some(date)
                } else {
                    self.after = Some(date)
                }
            }
            _ => unreachable!("is_operator lists every operator"),
        }
        Ok(())
    }

    /// True when the query has nothing to search by text (filters only, or nothing at all).
    pub fn has_text(&self) -> bool {
        !(self.words.is_empty()
            && self.phrases.is_empty()
            && self.from.is_empty()
            && self.to.is_empty())
    }
}

fn is_operator(op: &str) -> bool {
    ["from", "to", "client", "before", "after"]
        .iter()
        .any(|o| o.eq_ignore_ascii_case(op))
}

enum Piece {
    Word(String),
    Phrase(String),
    /// `op:"quoted value"`.
    Operator(String, String),
}

/// Splits on whitespace, keeping `"quoted phrases"` (and `op:"quoted"`) together.
fn split_pieces(input: &str) -> Result<Vec<Piece>, QueryError> {
    let mut out = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut word = String::new();
        let mut quoted: Option<String> = None;
        while let Some(&(_, c)) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            if c == '"' {
                let mut phrase = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if c == '"' {
                        closed = true;
                        break;
                    }
                    phrase.push(c);
                }
                if !closed {
                    return Err(QueryError {
                        part: input[start..].to_owned(),
                        reason: "unclosed quote".into(),
                    });
                }
                quoted = Some(phrase);
                break;
            }
            word.push(c);
        }
        out.push(match (quoted, word.strip_suffix(':')) {
            (Some(p), Some(op)) if is_operator(op) => Piece::Operator(op.to_owned(), p),
            (Some(p), _) if word.is_empty() => Piece::Phrase(p),
            (Some(p), _) => Piece::Phrase(format!("{word} {p}")),
            (None, _) => Piece::Word(word),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_operator() {
        let q = Query::parse(r#"mobile app "ship by Friday" from:joost@klant.nl To:"Ana Silva" client:acme after:2026-01-01 before:2026-02-01"#).unwrap();
        assert_eq!(q.words, ["mobile", "app"]);
        assert_eq!(q.phrases, ["ship by Friday"]);
        assert_eq!(q.from, ["joost@klant.nl"]);
        assert_eq!(q.to, ["Ana Silva"]);
        assert_eq!(q.client.as_deref(), Some("acme"));
        assert_eq!(q.after.unwrap().to_string(), "2026-01-01");
        assert_eq!(q.before.unwrap().to_string(), "2026-02-01");
    }

    #[test]
    fn bengali_words_and_unknown_colons_are_plain_words() {
        let q = Query::parse("বন্ধু re:planning").unwrap();
        assert_eq!(q.words, ["বন্ধু", "re:planning"]);
    }

    #[test]
    fn errors_name_the_bad_part() {
        let e = Query::parse("before:next-week").unwrap_err();
        assert_eq!(e.part, "before:next-week");
        assert!(e.reason.contains("date"));
        assert!(
            Query::parse(r#""unclosed phrase"#)
                .unwrap_err()
                .reason
                .contains("unclosed")
        );
        assert!(
            Query::parse("from:")
                .unwrap_err()
                .reason
                .contains("needs a value")
        );
    }
}
