//! Dates and amounts the way each language writes them, through ICU4X's CLDR data, so Bengali
//! gets Bengali digits and month names and Norwegian gets "12. mars 2027" without a table of ours.

use crate::ComposeError;
use candor_core::Language;
use fixed_decimal::Decimal;
use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use jiff::civil::Date;

/// Formats dates and numbers for one language.
pub struct LocaleFormat {
    dates: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    numbers: DecimalFormatter,
}

impl std::fmt::Debug for LocaleFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LocaleFormat")
    }
}

/// The CLDR locale a language is written in: British English gives "12 March 2027".
pub fn locale_of(lang: Language) -> Locale {
    let tag = match lang {
        Language::En => "en-GB",
        Language::Nl => "nl-NL",
        Language::Nb => "nb-NO",
        Language::Bn => "bn-BD",
    };
    tag.parse().expect("static locale tags are valid")
}

impl LocaleFormat {
    /// Loads the formatters for `lang` from the compiled CLDR data.
    pub fn new(lang: Language) -> Result<Self, ComposeError> {
        let locale = locale_of(lang);
        let dates = FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YMD::long())
            .map_err(|e| ComposeError::Locale(format!("{lang}: date formatter: {e}")))?;
        let numbers = DecimalFormatter::try_new(locale.into(), Default::default())
            .map_err(|e| ComposeError::Locale(format!("{lang}: number formatter: {e}")))?;
        Ok(Self { dates, numbers })
    }

    /// A date in full: "12 March 2027", "12 maart 2027", "12. mars 2027", "১২ মার্চ, ২০২৭".
    pub fn date(&self, d: Date) -> String {
        let month = u8::try_from(d.month()).unwrap_or(1);
        let day = u8::try_from(d.day()).unwrap_or(1);
        match IcuDate::try_new_gregorian(i32::from(d.year()), month, day) {
            Ok(g) => self.dates.format(&g).to_string(),
            // jiff dates are always valid Gregorian dates; keep ISO rather than panic.
            Err(_) => d.to_string(),
        }
    }

    /// A whole number with the language's digits and grouping ("1,250", "১,২৫০").
    pub fn integer(&self, n: i64) -> String {
        self.numbers.format(&Decimal::from(n)).to_string()
    }

    /// An amount in minor units (cents) with two decimals ("250.50", "250,50", "২৫০.৫০").
    pub fn amount(&self, minor: i64) -> String {
        let mut d = Decimal::from(minor);
        d.multiply_pow10(-2);
        d.pad_end(-2);
        self.numbers.format(&d).to_string()
    }
}

/// The usual symbol of a currency, or its ISO code when it has none we know.
pub fn currency_symbol(code: &str) -> &str {
    match code {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "US$",
        "NOK" => "kr",
        "BDT" => "৳",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let cases = [
            (Language::En, "12 March 2027"),
            (Language::Nl, "12 maart 2027"),
            (Language::Nb, "12. mars 2027"),
            (Language::Bn, "১২ মার্চ, ২০২৭"),
        ];
        for (lang, want) in cases {
            assert_eq!(LocaleFormat::new(lang).unwrap().date(d("2027-03-12")), want);
        }
    }

    #[test]
    fn amounts_use_the_languages_digits_and_separators() {
        let cases = [
            (Language::En, "1,250.50"),
            (Language::Nl, "1.250,50"),
            (Language::Nb, "1\u{a0}250,50"),
            (Language::Bn, "১,২৫০.৫০"),
        ];
        for (lang, want) in cases {
            assert_eq!(LocaleFormat::new(lang).unwrap().amount(125_050), want);
        }
        let bn = LocaleFormat::new(Language::Bn).unwrap();
        assert_eq!(bn.integer(1_234_567), "১২,৩৪,৫৬৭");
        assert_eq!(bn.amount(5), "০.০৫");
    }
}
