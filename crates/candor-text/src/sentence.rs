//! Sentence splitting per language: terminators (incl. Bengali `।`), abbreviation lists
//! ("bijv.", "kl.", "Mr."), and e-mail line structure. Written here because no maintained crate
//! splits Dutch, Bokmål and Bengali with per-language abbreviation lists.

use crate::pack::LanguageSpec;
use rustc_hash::FxHashSet;
use std::ops::Range;

/// Splits text into sentences for one language. Reusable outside the checker.
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    terminators: Vec<char>,
    abbreviations: FxHashSet<String>,
    /// Bytes that may start a terminator or a newline: the splitter skips every other byte.
    stops: [bool; 256],
}

impl SentenceSplitter {
    /// Builds a splitter from a pack's language facts.
    pub fn new(lang: &LanguageSpec) -> Self {
        let terminators: Vec<char> = lang
            .sentence_terminators
            .iter()
            .filter_map(|t| t.chars().next())
            .collect();
        let abbreviations = lang
            .abbreviations
            .iter()
            .map(|a| a.trim_end_matches('.').to_lowercase())
            .collect();
        let mut stops = [false; 256];
        for c in terminators.iter().chain(&['\n']) {
            let mut buf = [0; 4];
            stops[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])] = true;
        }
        Self {
            terminators,
            abbreviations,
            stops,
        }
    }

    /// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace, in order.
    /// Every range lies on char boundaries inside `text`; empty sentences are left out.
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let (mut start, mut line_start, mut from) = (0, 0, 0);
        // Only a byte that can start a terminator or newline is looked at; such a byte (ASCII,
        // or the lead byte of a longer char) always sits on a char boundary.
        while let Some(skip) = text.as_bytes()[from..]
            .iter()
            .position(|&b| self.stops[usize::from(b)])
        {
            let at = from + skip;
            let c = text[at..]
                .chars()
                .next()
                .expect("a char starts at a stop byte");
            let end = at + c.len_utf8();
            from = end;
            if c == '\n' {
                if self.newline_ends_sentence(text, line_start.max(start), end) {
                    push_trimmed(&mut out, text, start..end);
                    start = end;
                }
                line_start = end;
            } else if self.terminators.contains(&c) {
                // Swallow runs like "?!" and closing quotes/brackets.
                let mut stop = end;
                for d in text[end..].chars() {
                    if !(self.terminators.contains(&d)
                        || matches!(d, '"' | '\'' | ')' | ']' | '»' | '”' | '’'))
                    {
                        break;
                    }
                    stop += d.len_utf8();
                    if d == '\n' {
                        line_start = stop;
                    }
                }
                from = stop;
                if self.dot_ends_sentence(text, at, c, stop) {
                    push_trimmed(&mut out, text, start..stop);
                    start = stop;
                }
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
        let word = &text[word_start..at];
        let mut chars = word.chars();
        if let (Some(first), None) = (chars.next(), chars.next())
            && first.to_lowercase().count() == 1
            && first.to_lowercase().all(char::is_alphabetic)
        {
            return false; // a single letter: an initial
        }
        // Most words are lower-case ASCII already: look them up without a lower-case copy.
        let is_abbreviation = if word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            self.abbreviations.contains(&word.to_lowercase())
        } else {
            self.abbreviations.contains(word)
        };
        !is_abbreviation
    }

    /// Whether the newline ending at `end` ends a sentence; `line_start` is where its line
    /// starts (never before the current sentence).
    fn newline_ends_sentence(&self, text: &str, line_start: usize, end: usize) -> bool {
        let line = text[line_start..end - 1].trim();
        let rest = &text[end..];
        let next_line = rest.lines().next().unwrap_or("").trim_start();
        let blank_follows = next_line.is_empty();
        let short_line = line.split_whitespace().nth(4).is_none();
        let bullet_follows = next_line.starts_with(['-', '*', '•', '>'])
            || next_line.chars().next().is_some_and(|c| c.is_ascii_digit())
                && next_line
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c == '.' || c == ')');
        blank_follows || short_line || bullet_follows || line.ends_with(':')
    }
}

/// The sentences of a text, split one block at a time and only where asked. A block is a run of
/// lines between whitespace-only lines; the newline before such a line always ends a sentence,
/// so a block split alone gives exactly the sentences the whole text gives there, and a long
/// message whose rules hit in one paragraph is split in that paragraph only.
#[derive(Debug)]
pub(crate) struct LazySentences<'a> {
    splitter: &'a SentenceSplitter,
    text: &'a str,
    /// The blocks split so far, in text order, each with its sentences (offsets into `text`).
    blocks: Vec<(Range<usize>, Vec<Range<usize>>)>,
}

impl<'a> LazySentences<'a> {
    /// Nothing is split until a sentence is asked for.
    pub(crate) fn new(splitter: &'a SentenceSplitter, text: &'a str) -> Self {
        Self {
            splitter,
            text,
            blocks: Vec::new(),
        }
    }

    /// The sentence holding `pos` (an empty range at `pos` when it lies between sentences).
    pub(crate) fn at(&mut self, pos: usize) -> Range<usize> {
        match self.index_of(pos) {
            Some(i) => sentence_in(&self.blocks[i].1, pos),
            None => pos..pos,
        }
    }

    /// The block holding `pos` (split on first use); `None` on a whitespace-only line.
    pub(crate) fn block_of(&mut self, pos: usize) -> Option<Range<usize>> {
        self.index_of(pos).map(|i| self.blocks[i].0.clone())
    }

    fn index_of(&mut self, pos: usize) -> Option<usize> {
        // Blocks are kept in text order, so a long message with many matches finds each one's
        // block by binary search.
        let i = self.blocks.partition_point(|(b, _)| b.end <= pos);
        if self.blocks.get(i).is_some_and(|(b, _)| b.contains(&pos)) {
            return Some(i);
        }
        let block = block_around(self.text, pos)?;
        let sentences = self
            .splitter
            .split(&self.text[block.clone()])
            .into_iter()
            .map(|s| block.start + s.start..block.start + s.end)
            .collect();
        self.blocks.insert(i, (block, sentences));
        Some(i)
    }
}

/// The sentence of `sentences` (in text order) holding `pos`, or `pos..pos`.
pub(crate) fn sentence_in(sentences: &[Range<usize>], pos: usize) -> Range<usize> {
    let i = sentences.partition_point(|s| s.start <= pos);
    match i.checked_sub(1).map(|i| &sentences[i]) {
        Some(s) if pos < s.end => s.clone(),
        _ => pos..pos,
    }
}

/// The lines around `pos` up to the nearest whitespace-only line on each side (with the last
/// line's newline); `None` when `pos` is on a whitespace-only line or past the end.
fn block_around(text: &str, pos: usize) -> Option<Range<usize>> {
    if pos >= text.len() {
        return None;
    }
    let line_start = |end: usize| text[..end].rfind('\n').map_or(0, |p| p + 1);
    let line_end = |start: usize| {
        text[start..]
            .find('\n')
            .map_or(text.len(), |p| start + p + 1)
    };
    let blank = |r: Range<usize>| text[r].trim().is_empty();
    let (first, last) = (line_start(pos), line_end(pos));
    if blank(first..last) {
        return None;
    }
    let mut start = first;
    while start > 0 {
        let previous = line_start(start - 1);
        if blank(previous..start) {
            break;
        }
        start = previous;
    }
    let mut end = last;
    while end < text.len() {
        let next = line_end(end);
        if blank(end..next) {
            break;
        }
        end = next;
    }
    Some(start..end)
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

    proptest::proptest! {
        #[test]
        fn a_block_split_alone_gives_the_sentences_of_the_whole_text(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "we", "Mr.", "e.g.", ".", "!", "?", "\"", " ", "\n", "\n\n", " \n", "\r\n",
                "\t\n", "Hi", "anna", "1.", "- ", "> ", "é", "Å", ":", "কাল।", ",",
            ]), 0..40)
        ) {
            for code in ["en", "bn"] {
                let packs = embedded_packs().unwrap();
                let pack = packs.iter().find(|p| p.language.code == code).unwrap();
                let splitter = SentenceSplitter::new(&pack.language);
                let text: String = parts.concat();
                let whole = splitter.split(&text);
                let mut lazy = LazySentences::new(&splitter, &text);
                for (pos, _) in text.char_indices() {
                    proptest::prop_assert_eq!(lazy.at(pos), sentence_in(&whole, pos), "{:?} at {}", text, pos);
                }
            }
        }
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

    #[test]
    fn capitalised_abbreviations_and_closing_quotes_are_handled_by_the_byte_skipping_scan() {
        let got = split("en", "MR. Smith said \"Done.\" Next we ship. Äh. Ok");
        assert_eq!(
            got,
            ["MR. Smith said \"Done.\"", "Next we ship.", "Äh.", "Ok"]
        );
    }
}
