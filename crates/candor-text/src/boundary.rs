//! ASCII word boundaries that still work next to letters such as å, ø, æ and ü.
//!
//! The regex crate's fast engines (the lazy DFA behind every pack's `RegexSet`) support only the
//! ASCII `\b`; a Unicode `\b` makes them fall back to a far slower engine as soon as a message
//! holds one non-ASCII byte (a 2 KB Norwegian message: 0.08 ms → 13 ms). But to the ASCII `\b`
//! "å" is no word character, so a rule word ending or starting in one ("gå", "nå", "snø",
//! "økt") never had a boundary on its outer side and never matched. This module rewrites each
//! `\b` by what stands next to it in the pattern: beside a non-ASCII letter it becomes the ASCII
//! `\B` (which holds exactly where the ASCII world sees no word on either side of "å", i.e. at a
//! real Unicode word edge), and an alternation whose branches end (or start) differently gets
//! the boundary moved into each branch. Where the neighbour cannot be known (a class such as
//! `\w`, an optional part) the ASCII `\b` stays, as before. What the ASCII `\b` still cannot
//! see is a non-ASCII letter of the *text* next to an ASCII edge of the pattern: "søndag" is
//! found inside "påsøndag", as it always was; and two non-ASCII letters meeting at a boundary
//! ("blå" + "øyd" as one word) are taken for a word edge. Compound words like these are rare
//! enough next to a rule word that the speed is worth it.

use regex_syntax::ParserBuilder;
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};
use std::sync::OnceLock;

/// Rewrites every `\b` of a regex source to an ASCII boundary the fast engines support (see the
/// module docs). Patterns with no non-ASCII character take the plain textual rewrite.
pub(crate) fn ascii_word_boundaries(body: &str) -> String {
    if body.is_ascii() {
        return textual(body);
    }
    // Parsed the way the checker compiles it (case-insensitive), so that "Å" and "å" are one class.
    match ParserBuilder::new().build().parse(&format!("(?i:{body})")) {
        // The printed pattern spells every case variant out, and parts written case-sensitive
        // (`(?-i:[A-Z])` in `{person}`) must stay so under the `(?i)` the caller puts around it.
        Ok(hir) => format!("(?-i:{})", rewrite(hir)),
        // A pattern the parser refuses fails later with its own error; keep the old rewrite.
        Err(_) => textual(body),
    }
}

/// The old rewrite: every `\b` (not `\b{…}`) becomes `(?-u:\b)`.
fn textual(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 16);
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') if chars.peek() != Some(&'{') => out.push_str("(?-u:\\b)"),
                Some(n) => {
                    out.push(c);
                    out.push(n);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// What the character at one edge of a sub-pattern is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// ASCII, or no word character at all: the ASCII `\b` judges it right.
    Ascii,
    /// A letter or digit outside ASCII.
    Wide,
    /// An alternation whose branches differ: the boundary goes into each branch.
    Mixed,
    /// Cannot be told from the pattern (a wide class, an optional part, nothing).
    Unknown,
}

/// Which edge of a sub-pattern is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    First,
    Last,
}

fn char_edge(c: char) -> Edge {
    if c.is_ascii() || !c.is_alphanumeric() {
        Edge::Ascii
    } else {
        Edge::Wide
    }
}

/// A class cut into its non-ASCII word characters and the rest (ASCII, and non-ASCII characters
/// that are no word characters, which the ASCII `\b` already judges right).
fn split_class(class: &ClassUnicode) -> (ClassUnicode, ClassUnicode) {
    static WIDE_WORD: OnceLock<ClassUnicode> = OnceLock::new();
    let wide_word = WIDE_WORD.get_or_init(|| {
        let mut word = match ParserBuilder::new()
            .build()
            .parse(r"\w")
            .map(Hir::into_kind)
        {
            Ok(HirKind::Class(Class::Unicode(c))) => c,
            _ => ClassUnicode::empty(),
        };
        word.difference(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]));
        word
    });
    let mut wide = class.clone();
    wide.intersect(wide_word);
    // The Kelvin sign and the long s are there only as case variants of "k" and "s" (the
    // caller's `(?i)`): splitting every "k" and "s" for them made the pack-wide sets' lazy DFA
    // much larger for letters no message writes.
    wide.difference(&ClassUnicode::new([
        ClassUnicodeRange::new('\u{17F}', '\u{17F}'),
        ClassUnicodeRange::new('\u{212A}', '\u{212A}'),
    ]));
    let mut rest = class.clone();
    rest.difference(wide_word);
    (wide, rest)
}

fn edge(h: &Hir, side: Side) -> Edge {
    match h.kind() {
        HirKind::Literal(lit) => {
            let s = String::from_utf8_lossy(&lit.0);
            let c = match side {
                Side::First => s.chars().next(),
                Side::Last => s.chars().next_back(),
            };
            c.map_or(Edge::Unknown, char_edge)
        }
        HirKind::Class(Class::Unicode(class)) => {
            let (wide, rest) = split_class(class);
            match (wide.ranges().is_empty(), rest.ranges().is_empty()) {
                (true, true) => Edge::Unknown,
                (true, false) => Edge::Ascii,
                (false, true) => Edge::Wide,
                // "[A-ZÆØÅ]", "[Ssſ]", "\w": the boundary goes to each part.
                (false, false) => Edge::Mixed,
            }
        }
        HirKind::Concat(items) => {
            // A look (an inner `\b`) takes no width: the edge is the character next to it.
            let mut solid = items.iter().filter(|i| !is_look(i));
            let item = match side {
                Side::First => solid.next(),
                Side::Last => solid.next_back(),
            };
            item.map_or(Edge::Unknown, |i| edge(i, side))
        }
        HirKind::Alternation(branches) => {
            let mut kinds = branches.iter().map(|b| edge(b, side));
            let first = kinds.next().unwrap_or(Edge::Unknown);
            if kinds.all(|k| k == first) {
                first
            } else {
                Edge::Mixed
            }
        }
        HirKind::Capture(c) => edge(&c.sub, side),
        HirKind::Repetition(r) if r.min > 0 => match edge(&r.sub, side) {
            // Repeating an alternation cannot take the boundary into its branches.
            Edge::Mixed => Edge::Unknown,
            e => e,
        },
        _ => Edge::Unknown,
    }
}

/// A zero-width assertion (`\b`, `^`, …).
fn is_look(h: &Hir) -> bool {
    matches!(h.kind(), HirKind::Look(_))
}

/// A `\b` of the pattern as written (parsed in Unicode mode); an explicit `(?-u:\b)` is left alone.
fn is_word_boundary(h: &Hir) -> bool {
    matches!(h.kind(), HirKind::Look(Look::WordUnicode))
}

/// `sub` with `look` put at its `side`, inside each branch when `sub` is an alternation (or a
/// group around one), each branch rewritten at once: the alternation constructor lifts a prefix
/// all branches share, so an undecided leading `\b` would be lifted straight back out.
fn push_into(sub: Hir, look: &Hir, side: Side) -> Hir {
    match sub.into_kind() {
        HirKind::Alternation(branches) => Hir::alternation(
            branches
                .into_iter()
                .map(|b| push_into(b, look, side))
                .collect(),
        ),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(push_into(*c.sub, look, side)),
            ..c
        }),
        HirKind::Class(Class::Unicode(class)) => match split_class(&class) {
            // Both halves present: each gets its own boundary.
            (wide, rest) if !wide.ranges().is_empty() && !rest.ranges().is_empty() => {
                Hir::alternation(vec![
                    push_into(Hir::class(Class::Unicode(rest)), look, side),
                    push_into(Hir::class(Class::Unicode(wide)), look, side),
                ])
            }
            _ => with_look(Hir::class(Class::Unicode(class)), look, side),
        },
        kind => with_look(from_kind(kind), look, side),
    }
}

/// `sub` and `look` as one rewritten concatenation, `look` at `side`.
fn with_look(sub: Hir, look: &Hir, side: Side) -> Hir {
    rewrite(match side {
        Side::Last => Hir::concat(vec![sub, look.clone()]),
        Side::First => Hir::concat(vec![look.clone(), sub]),
    })
}

/// A `HirKind` taken apart by `into_kind` back into a `Hir`, through the smart constructors
/// (which recompute the properties the regex compiler reads).
fn from_kind(kind: HirKind) -> Hir {
    match kind {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Repetition(rep) => Hir::repetition(rep),
        HirKind::Capture(cap) => Hir::capture(cap),
        HirKind::Concat(items) => Hir::concat(items),
        HirKind::Alternation(branches) => Hir::alternation(branches),
    }
}

fn rewrite(h: Hir) -> Hir {
    match h.into_kind() {
        HirKind::Concat(items) => rewrite_concat(items),
        HirKind::Alternation(branches) => {
            Hir::alternation(branches.into_iter().map(rewrite).collect())
        }
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(rewrite(*c.sub)),
            ..c
        }),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(rewrite(*r.sub)),
            ..r
        }),
        HirKind::Look(Look::WordUnicode) => Hir::look(Look::WordAscii),
        HirKind::Look(Look::WordUnicodeNegate) => Hir::look(Look::WordAsciiNegate),
        kind => from_kind(kind),
    }
}

fn rewrite_concat(mut items: Vec<Hir>) -> Hir {
    // First take each boundary into a neighbouring alternation whose branches differ at that
    // edge, then decide every remaining boundary by its two neighbours.
    let mut i = 0;
    while i < items.len() {
        if is_word_boundary(&items[i]) {
            if i > 0 && edge(&items[i - 1], Side::Last) == Edge::Mixed {
                let look = items.remove(i);
                let left = items.remove(i - 1);
                items.insert(i - 1, push_into(left, &look, Side::Last));
                continue;
            }
            if i + 1 < items.len() && edge(&items[i + 1], Side::First) == Edge::Mixed {
                let look = items.remove(i);
                let right = items.remove(i);
                items.insert(i, push_into(right, &look, Side::First));
                continue;
            }
        }
        i += 1;
    }
    let looks: Vec<Option<Look>> = (0..items.len())
        .map(|i| {
            if !is_word_boundary(&items[i]) {
                return None;
            }
            // The neighbours are the nearest items that take width: in "snø\b\b" both
            // boundaries stand next to "ø".
            let left = items[..i]
                .iter()
                .rfind(|h| !is_look(h))
                .map(|h| edge(h, Side::Last));
            let right = items[i + 1..]
                .iter()
                .find(|h| !is_look(h))
                .map(|h| edge(h, Side::First));
            let wide = left == Some(Edge::Wide) || right == Some(Edge::Wide);
            Some(if wide {
                Look::WordAsciiNegate
            } else {
                Look::WordAscii
            })
        })
        .collect();
    let decided = looks
        .into_iter()
        .zip(items)
        .map(|(look, item)| look.map_or_else(|| rewrite(item), Hir::look))
        .collect();
    Hir::concat(decided)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::RegexBuilder;

    fn compiled(pattern: &str) -> regex::Regex {
        RegexBuilder::new(&format!("(?i)(?:{})", ascii_word_boundaries(pattern)))
            .build()
            .unwrap()
    }

    fn finds(pattern: &str, text: &str) -> Option<String> {
        compiled(pattern).find(text).map(|m| m.as_str().to_owned())
    }

    #[test]
    fn case_sensitive_parts_stay_case_sensitive_under_the_callers_i_flag() {
        // A name pattern next to a non-ASCII word: the capital must stay a capital.
        let p = r"(?-i:\b[A-ZÆØÅ][a-zæøå]+)\s+glemte\b|\bfeilen\s+er\s+rettet\s+nå\b";
        assert_eq!(finds(p, "Åse glemte det"), Some("Åse glemte".into()));
        assert_eq!(finds(p, "ruteren glemte det"), None);
        assert_eq!(
            finds(p, "Feilen er rettet NÅ."),
            Some("Feilen er rettet NÅ".into())
        );
    }

    #[test]
    fn ascii_patterns_keep_the_textual_rewrite() {
        assert_eq!(
            ascii_word_boundaries(r"\bsorry\b"),
            r"(?-u:\b)sorry(?-u:\b)"
        );
        assert_eq!(ascii_word_boundaries(r"\b{start}x"), r"\b{start}x");
    }

    #[test]
    fn a_word_ending_or_starting_in_a_wide_letter_has_its_boundary() {
        // Before: `(?-u:\b)` after "gå" never held, so "vi vil gå" had no match.
        assert_eq!(
            finds(r"\bvil\s+gå\b", "Vi vil gå videre."),
            Some("vil gå".into())
        );
        assert_eq!(
            finds(r"\bøkt\b", "Neste økt er fredag."),
            Some("økt".into())
        );
        assert_eq!(finds(r"\bnå\b", "Nå er det fikset."), Some("Nå".into()));
        assert_eq!(finds(r"\bnå\b", "nå"), Some("nå".into()));
        // ... and still no match inside a longer word.
        assert_eq!(finds(r"\bgå\b", "Vi gårne"), None);
        assert_eq!(finds(r"\bøkt\b", "bøkt"), None);
        assert_eq!(finds(r"\bøkt\b", "øktene"), None);
    }

    #[test]
    fn an_alternation_takes_the_boundary_into_each_branch() {
        let p = r"\bvil\s+(?:ha|gå|komme)\b";
        assert_eq!(finds(p, "Vi vil gå nå"), Some("vil gå".into()));
        assert_eq!(finds(p, "Vi vil ha den"), Some("vil ha".into()));
        assert_eq!(finds(p, "Vi vil komme"), Some("vil komme".into()));
        assert_eq!(finds(p, "Vi vil hake"), None);
        assert_eq!(finds(p, "Vi vil gåtur"), None);
        let q = r"\b(?:søndag|mandag)\b";
        assert_eq!(finds(q, "på søndag."), Some("søndag".into()));
        assert_eq!(finds(q, "forsøndag"), None);
    }

    #[test]
    fn a_boundary_after_a_group_sees_through_a_boundary_inside_it() {
        // The group's first branch ends in "ø\b": the outer `\b` stands next to "ø" too.
        let p = r"\b(?:årsaken\s+er\s+(?:snø|været)\b|det\s+regner)\b";
        assert_eq!(
            finds(p, "Årsaken er snø i sporet."),
            Some("Årsaken er snø".into())
        );
        assert_eq!(finds(p, "Det regner."), Some("Det regner".into()));
        assert_eq!(finds(p, "Årsaken er snøen"), None);
        assert_eq!(finds(r"\bsnø\b\b", "mye snø her"), Some("snø".into()));
    }

    #[test]
    fn unknown_neighbours_keep_the_ascii_boundary() {
        // `\w+` can end in anything: as before, the ASCII boundary.
        let out = ascii_word_boundaries(r"\bfør\s+\w+\b");
        assert!(out.contains(r"(?-u:\b)"), "{out}");
        assert_eq!(
            finds(r"\bfør\s+\w+\b", "før fredag"),
            Some("før fredag".into())
        );
    }

    #[test]
    fn rewritten_patterns_never_need_the_slow_engine_for_a_unicode_boundary() {
        for p in [
            r"\bgå\b",
            r"\b(?:ha|gå)\b",
            r"\bøkt\b",
            r"(?:blå|rød)\s+\bbil\b",
        ] {
            let out = ascii_word_boundaries(p);
            let hir = ParserBuilder::new().build().parse(&out).unwrap();
            let looks = hir.properties().look_set();
            assert!(!looks.contains(Look::WordUnicode), "{p} -> {out}");
            assert!(!looks.contains(Look::WordUnicodeNegate), "{p} -> {out}");
        }
    }
}
