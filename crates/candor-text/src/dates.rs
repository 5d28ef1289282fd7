//! Finding dates in prose in every pack language — "3 December", "3. desember", "vrijdag",
//! "৩ ডিসেম্বর", ISO and numeric dates, Bengali digits ০–৯ — so the checker can tell a concrete
//! new date from "soon". Public so commitment detection can reuse it.

use crate::compile::{DFA_CACHE_BYTES, boundaries, fold_nukta, nukta_variants};
use crate::pack::LanguageSpec;
use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex, RegexBuilder};
use std::ops::Range;

/// What sort of date a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// Day and month by name, maybe a year: "3 December 2026".
    Calendar,
    /// ISO `2026-12-03` or numeric `3/12/2026`.
    Numeric,
    /// A weekday: "Friday", "fredag", "শুক্রবার".
    Weekday,
    /// A relative but concrete time: "tomorrow", "within 3 days".
    Relative,
}

/// One date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// What sort of date.
    pub kind: DateKind,
    /// Day of month, when given.
    pub day: Option<u8>,
    /// Month 1–12, when given.
    pub month: Option<u8>,
    /// Year, when given.
    pub year: Option<i16>,
    /// Weekday, when given.
    pub weekday: Option<Weekday>,
}

impl DateMention {
    /// The calendar date meant, seen from `today`: a day and month without a year is the next
    /// such day on or after today; a weekday is the next such weekday after today. `None` for
    /// relative mentions and impossible dates.
    pub fn resolve(&self, today: Date) -> Option<Date> {
        if let Some(weekday) = self.weekday {
            return today.nth_weekday(1, weekday).ok();
        }
        let (day, month) = (self.day?, self.month?);
        let day = i8::try_from(day).ok()?;
        let month = i8::try_from(month).ok()?;
        match self.year {
            Some(year) => Date::new(year, month, day).ok(),
            None => {
                let this_year = Date::new(today.year(), month, day).ok();
                match this_year {
                    Some(d) if d >= today => Some(d),
                    _ => Date::new(today.year() + 1, month, day).ok(),
                }
            }
        }
    }
}

/// Finds dates for one language; build once, use many times.
#[derive(Debug, Clone)]
pub struct DateFinder {
    regex: Regex,
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
}

fn alternation(groups: &[Vec<String>]) -> String {
    let mut words: Vec<&String> = groups.iter().flatten().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| nukta_variants(&regex::escape(w)))
        .collect::<Vec<_>>()
        .join("|")
}

impl DateFinder {
    /// Builds the finder from a pack's date vocabulary.
    pub fn new(lang: &LanguageSpec) -> Result<Self, regex::Error> {
        let d = &lang.dates;
        let months = alternation(&d.months);
        let weekdays = alternation(&d.weekdays);
        let ds = if d.day_suffix.is_empty() {
            String::new()
        } else {
            format!("(?:{})?", d.day_suffix)
        };
        let ns = if d.name_suffix.is_empty() {
            String::new()
        } else {
            format!("(?:{})?", d.name_suffix)
        };
        let year = r"(?:,?\s+(?P<Y>\d{4}))?";
        let mut parts = vec![
            format!(
                r"(?P<D1>\d{{1,2}}){ds}\s*(?:of\s+)?(?P<M1>{months}){ns}{}",
                year.replace('Y', "y1")
            ),
            format!(
                r"(?P<M2>{months}){ns}\s+(?P<D2>\d{{1,2}}){ds}{}",
                year.replace('Y', "y2")
            ),
            r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})".to_owned(),
            r"(?P<nd>\d{1,2})[./](?P<nm>\d{1,2})[./](?P<ny>\d{4}|\d{2})".to_owned(),
            format!(r"(?P<W>{weekdays}){ns}"),
        ];
        if !d.relative.is_empty() {
            parts.push(format!("(?P<R>{})", d.relative.join("|")));
        }
        let body = parts
            .iter()
            .map(|p| format!("(?:{p})"))
            .collect::<Vec<_>>()
            .join("|");
        let wrapped = format!(r"\b(?:{body})\b");
        let wrapped = boundaries(&wrapped, lang.ascii_word_boundaries);
        let regex = RegexBuilder::new(&format!("(?i){wrapped}"))
            .dfa_size_limit(DFA_CACHE_BYTES)
            .build()?;
        Ok(Self {
            regex,
            months: d.months.clone(),
            weekdays: d.weekdays.clone(),
        })
    }

    /// Every date mentioned in `text`, in order of appearance.
    pub fn find(&self, text: &str) -> Vec<DateMention> {
        self.regex
            .captures_iter(text)
            .filter_map(|c| self.mention(&c))
            .collect()
    }

    /// Whether `text` mentions any date.
    pub fn has_date(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }

    fn mention(&self, c: &Captures<'_>) -> Option<DateMention> {
        let whole = c.get(0)?;
        let mut m = DateMention {
            span: whole.range(),
            kind: DateKind::Relative,
            day: None,
            month: None,
            year: None,
            weekday: None,
        };
        let num = |name: &str| c.name(name).and_then(|x| parse_number(x.as_str()));
        if let Some(month) = c.name("M1").or_else(|| c.name("M2")) {
            m.kind = DateKind::Calendar;
            m.month = index_of(&self.months, month.as_str()).map(|i| i as u8 + 1);
            m.day = num("D1")
                .or_else(|| num("D2"))
                .and_then(|v| u8::try_from(v).ok())
                .filter(|d| (1..=31).contains(d));
            m.day?;
            m.year = num("y1")
                .or_else(|| num("y2"))
                .and_then(|v| i16::try_from(v).ok());
        } else if c.name("iy").is_some() || c.name("nd").is_some() {
            m.kind = DateKind::Numeric;
            let (y, mo, d) = if c.name("iy").is_some() {
                ("iy", "im", "id")
            } else {
                ("ny", "nm", "nd")
            };
            let (mut day, mut month) = (num(d)?, num(mo)?);
            if month > 12 && day <= 12 {
                std::mem::swap(&mut day, &mut month);
            }
            let year = num(y)?;
            m.year = i16::try_from(if year < 100 { 2000 + year } else { year }).ok();
            m.day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d));
            m.month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m));
            m.day?;
            m.month?;
        } else if let Some(w) = c.name("W") {
            m.kind = DateKind::Weekday;
            m.weekday = index_of(&self.weekdays, w.as_str())
                .and_then(|i| Weekday::from_monday_one_offset(i as i8 + 1).ok());
        }
        Some(m)
    }
}

fn index_of(groups: &[Vec<String>], word: &str) -> Option<usize> {
    let word = fold_nukta(&word.to_lowercase());
    groups
        .iter()
        .position(|g| g.iter().any(|w| fold_nukta(w) == word))
}

/// Parses a run of decimal digits in any script (ASCII, Bengali ০–৯, …).
pub fn parse_number(s: &str) -> Option<u32> {
    s.chars().try_fold(0u32, |acc, ch| {
        let digit = ch.to_digit(10).or_else(|| {
            let offset = u32::from(ch).checked_sub(0x09E6)?;
            (offset < 10).then_some(offset)
        })?;
        acc.checked_mul(10)?.checked_add(digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::embedded_packs;

    fn finder(code: &str) -> DateFinder {
        let packs = embedded_packs().unwrap();
        DateFinder::new(
            &packs
                .iter()
                .find(|p| p.language.code == code)
                .unwrap()
                .language,
        )
        .unwrap()
    }

    #[test]
    fn english_calendar_and_weekday_dates_resolve() {
        let today = Date::new(2026, 11, 25).unwrap();
        let found = finder("en").find("We will deliver on December 3rd, or at the latest Friday.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].resolve(today), Date::new(2026, 12, 3).ok());
        assert_eq!(found[1].resolve(today), Date::new(2026, 11, 27).ok());
    }

    #[test]
    fn bengali_digits_and_month_names_are_dates() {
        let today = Date::new(2026, 11, 25).unwrap();
        let text = "আমরা ৩ ডিসেম্বরের মধ্যে কাজটি শেষ করব।";
        let found = finder("bn").find(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].resolve(today), Date::new(2026, 12, 3).ok());
        assert!(finder("bn").has_date("আমরা বৃহস্পতিবার ফোন করব।"));
    }

    #[test]
    fn dutch_and_norwegian_dates_and_a_vague_word_is_no_date() {
        let nl = finder("nl").find("We leveren op vrijdag 4 december 2026.");
        assert_eq!(
            nl.iter().map(|m| m.kind).collect::<Vec<_>>(),
            [DateKind::Weekday, DateKind::Calendar]
        );
        assert_eq!(nl[1].year, Some(2026));
        let nb = finder("nb").find("Ny leveringsdato er 3. desember.");
        assert_eq!((nb[0].day, nb[0].month), (Some(3), Some(12)));
        assert!(!finder("en").has_date("We will be done soon, as soon as possible."));
    }

    #[test]
    fn parse_number_reads_bengali_and_ascii_digits() {
        assert_eq!(parse_number("২০২৬"), Some(2026));
        assert_eq!(parse_number("17"), Some(17));
        assert_eq!(parse_number("1a"), None);
    }
}
