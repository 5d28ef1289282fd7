//! The embedded holiday table, generated from Python `holidays` by `tools/holidays/generate.py`.

use jiff::civil::Date;
use std::sync::OnceLock;

/// The generated data file, embedded at build time.
const HOLIDAYS_TSV: &str = include_str!("../data/holidays.tsv");

/// One country's weekend and holidays.
#[derive(Debug)]
pub(crate) struct CountryData {
    pub(crate) code: &'static str,
    pub(crate) language: &'static str,
    pub(crate) english_name: &'static str,
    /// Indexed by ISO weekday minus one (Monday = 0).
    pub(crate) weekend: [bool; 7],
    /// Sorted by date: (date, local name, English name).
    pub(crate) holidays: Vec<(Date, &'static str, &'static str)>,
}

/// The parsed table: the covered date range and every country.
#[derive(Debug)]
pub(crate) struct Table {
    pub(crate) first: Date,
    pub(crate) last: Date,
    /// Every date from `first` to `last`, so a day index maps to a date without arithmetic.
    pub(crate) days: Vec<Date>,
    pub(crate) countries: Vec<CountryData>,
}

impl Table {
    /// Day index of `date` within the covered range, if covered.
    pub(crate) fn index(&self, date: Date) -> Option<usize> {
        if date < self.first || date > self.last {
            return None;
        }
        let seconds = date.duration_since(self.first).as_secs();
        usize::try_from(seconds / 86_400).ok()
    }

    /// The country with this (upper-case) code.
    pub(crate) fn country(&self, code: &str) -> Option<&CountryData> {
        self.countries.iter().find(|c| c.code == code)
    }
}

/// The table, parsed on first use.
pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        parse(HOLIDAYS_TSV).unwrap_or_else(|e| panic!("embedded holidays.tsv: {e}"))
    })
}

/// Parses the generated TSV; an error names the line, which only a hand edit could cause.
fn parse(text: &'static str) -> Result<Table, String> {
    let mut range = None;
    let mut countries: Vec<CountryData> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        let bad = |why: &str| format!("line {}: {why}: {line:?}", number + 1);
        match cols.as_slice() {
            ["range", first, last] => {
                let year = |s: &str| s.parse::<i16>().map_err(|_| bad("bad year"));
                range = Some((year(first)?, year(last)?));
            }
            ["country", code, language, weekend, english_name] => {
                countries.push(CountryData {
                    code,
                    language,
                    english_name,
                    weekend: parse_weekend(weekend).ok_or_else(|| bad("bad weekend"))?,
                    holidays: Vec::new(),
                });
            }
            ["holiday", code, date, local, english] => {
                let date: Date = date.parse().map_err(|_| bad("bad date"))?;
                let country = countries.last_mut().filter(|c| c.code == *code);
                let country = country.ok_or_else(|| bad("holiday before its country"))?;
                country.holidays.push((date, local, english));
            }
            _ => return Err(bad("unknown row")),
        }
    }
    let (first_year, last_year) = range.ok_or("no range row")?;
    let first = Date::new(first_year, 1, 1).map_err(|e| e.to_string())?;
    let last = Date::new(last_year, 12, 31).map_err(|e| e.to_string())?;
    let days = first
        .series(jiff::Span::new().days(1))
        .take_while(|d| *d <= last)
        .collect();
    for c in &mut countries {
        c.holidays.sort_by_key(|h| h.0);
    }
    Ok(Table {
        first,
        last,
        days,
        countries,
    })
}

/// Parses `6,7` (ISO weekday numbers) into a Monday-first flag array.
fn parse_weekend(text: &str) -> Option<[bool; 7]> {
    let mut weekend = [false; 7];
    for part in text.split(',') {
        let day: usize = part.parse().ok()?;
        *weekend.get_mut(day.checked_sub(1)?)? = true;
    }
    Some(weekend)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_2020_to_2040_for_five_countries() {
        let t = table();
        assert_eq!(t.first, Date::constant(2020, 1, 1));
        assert_eq!(t.last, Date::constant(2040, 12, 31));
        assert_eq!(t.days.len(), 7671);
        let codes: Vec<_> = t.countries.iter().map(|c| c.code).collect();
        assert_eq!(codes, ["NL", "NO", "BD", "GB", "US"]);
        assert_eq!(t.index(Date::constant(2020, 1, 2)), Some(1));
        assert_eq!(
            t.days[t.index(Date::constant(2031, 7, 9)).unwrap()],
            Date::constant(2031, 7, 9)
        );
        assert_eq!(t.index(Date::constant(2041, 1, 1)), None);
    }

    #[test]
    fn bangladesh_weekend_is_friday_and_saturday() {
        let bd = table().country("BD").unwrap();
        assert_eq!(bd.weekend, [false, false, false, false, true, true, false]);
    }

    #[test]
    fn malformed_rows_name_their_line() {
        let e = parse("range\t2020\t2020\nholiday\tNL\t2020-01-01\tx\ty\n").unwrap_err();
        assert!(e.starts_with("line 2: holiday before its country"), "{e}");
        let e = parse("range\t2020\t2020\ncountry\tNL\tnl\t6,9\tNetherlands\n").unwrap_err();
        assert!(e.contains("bad weekend"), "{e}");
    }
}
