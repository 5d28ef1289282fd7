//! Sentence splitting per language: terminators (incl. Bengali `।`), abbreviation lists
//! ("bijv.", "kl.", "Mr."), and e-mail line structure. Written here because no maintained crate
//! splits Dutch, Bokmål and Bengali with per-language abbreviation lists.

use crate::pack::LanguageSpec;
use std::collections::HashSet;
use std::ops::Range;

/// Splits text into sentences for one language. Reusable outside the checker.
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    terminators: Vec<char>,
    abbreviations: HashSet<String>,
}

impl SentenceSplitter {
    /// Builds a splitter from a pack's language facts.
    pub fn new(lang: &LanguageSpec) -> Self {
        let terminators = lang
            .sentence_terminators
            .iter()
            .filter_map(|t| t.chars().next())
            .collect();
        let abbreviations = lang
            .abbreviations
            .iter()
            .map(|a| a.trim_end_matches('.').to_lowercase())
            .collect();
        Self {
            terminators,
            abbreviations,
        }
    }

    /// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace, in order.
    /// Every range lies on char boundaries inside `text`; empty sentences are left out.
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let end = i + c.len_utf8();
            let boundary = if c == '\n' {
                self.newline_ends_sentence(text, start, end)
            } else if self.terminators.contains(&c) {
                // Swallow runs like "?!" and closing quotes/brackets.
                let mut stop = end;
                while let Some(&(j, d)) = iter.peek() {
                    if self.terminators.contains(&d)
                        || matches!(d, '"' | '\'' | ')' | ']' | '»' | '”' | '’')
                    {
                        stop = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                if self.dot_ends_sentence(text, i, c, stop) {
                    push_trimmed(&mut out, text, start..stop);
                    start = stop;
                }
                false
            } else {
                false
            };
            if boundary {
                push_trimmed(&mut out, text, start..end);
                start = end;
            }
        }
        push_trimmed(&mut out, text, start..text.len());
        out
    }

    fn dot_ends_sentence(&self, text: &str, at: usize, c: char, stop: usize) -> bool {
        let rest = &text[stop..];
        let Some(next) = rest.chars().find(|ch| !ch.is_whitespace()) else {
            return true;
        };
        if !rest.starts_with(char::is_whitespace) {
            return false; // "3.5", "e.g.,", "example.com"
        }
        if c != '.' {
            return true;
        }
        if next.is_lowercase() || next.is_ascii_digit() {
            return false;
        }
        let word_start = text[..at]
            .rfind(|ch: char| {
                ch.is_whitespace() || matches!(ch, '(' | '"' | '\'' | '[' | '«' | '“')
            })
            .map_or(0, |p| {
                p + text[p..].chars().next().map_or(1, char::len_utf8)
            });
        let word = text[word_start..at].to_lowercase();
        let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        !(single_letter || self.abbreviations.contains(&word))
    }

    fn newline_ends_sentence(&self, text: &str, start: usize, end: usize) -> bool {
        let line_start = text[..end - 1].rfind('\n').map_or(0, |p| p + 1).max(start);
        let line = text[line_start..end - 1].trim();
        let rest = &text[end..];
        let next_line = rest.lines().next().unwrap_or("").trim_start();
        let blank_follows = next_line.is_empty();
        let short_line = line.split_whitespace().count() <= 4;
        let bullet_follows = next_line.starts_with(['-', '*', '•', '>'])
            || next_line.chars().next().is_some_and(|c| c.is_ascii_digit())
                && next_line
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c == '.' || c == ')');
        blank_follows || short_line || bullet_follows || line.ends_with(':')
    }
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::embedded_packs;

    fn split(code: &str, text: &str) -> Vec<String> {
        let packs = embedded_packs().unwrap();
        let pack = packs.iter().find(|p| p.language.code == code).unwrap();
        let s = SentenceSplitter::new(&pack.language);
        s.split(text)
            .into_iter()
            .map(|r| text[r].to_owned())
            .collect()
    }

    #[test]
    fn english_abbreviations_do_not_end_sentences() {
        let got = split(
            "en",
            "Mr. Smith called. We will fix it, e.g. by Friday. Thanks!",
        );
        assert_eq!(
            got,
            [
                "Mr. Smith called.",
                "We will fix it, e.g. by Friday.",
                "Thanks!"
            ]
        );
    }

    #[test]
    fn dutch_bijv_and_norwegian_kl_are_abbreviations() {
        let nl = split(
            "nl",
            "We leveren extra's, bijv. Een training. Het spijt me.",
        );
        assert_eq!(
            nl,
            ["We leveren extra's, bijv. Een training.", "Het spijt me."]
        );
        let nb = split(
            "nb",
            "Vi ringer deg kl. 14 på fredag 3. desember. Beklager!",
        );
        assert_eq!(
            nb,
            ["Vi ringer deg kl. 14 på fredag 3. desember.", "Beklager!"]
        );
    }

    #[test]
    fn bengali_danda_ends_a_sentence() {
        let got = split("bn", "আমি আন্তরিকভাবে দুঃখিত। আমরা শুক্রবার ফোন করব।");
        assert_eq!(got, ["আমি আন্তরিকভাবে দুঃখিত।", "আমরা শুক্রবার ফোন করব।"]);
    }

    #[test]
    fn greeting_lines_and_paragraphs_are_sentences() {
        let got = split(
            "en",
            "Hi Anna,\nwe are late with the report\nand I am sorry.\n\nBest,\nKim",
        );
        assert_eq!(
            got,
            [
                "Hi Anna,",
                "we are late with the report\nand I am sorry.",
                "Best,",
                "Kim"
            ]
        );
    }
}
