//! The joint business calendar: both countries' weekends and holidays, plus company days off.

use candor_forecast::{Calendar, CalendarError};
use jiff::civil::Date;
use proptest::prelude::*;

fn d(y: i16, m: i8, day: i8) -> Date {
    Date::constant(y, m, day)
}

#[test]
fn a_day_off_in_either_country_is_not_a_business_day() {
    let joint = Calendar::new(&["NL", "BD"], &[]).unwrap();
    // Friday 2027-04-23 is a weekday in NL but the weekend in Bangladesh.
    assert!(!joint.is_business_day(d(2027, 4, 23)).unwrap());
    assert!(
        Calendar::new(&["NL"], &[])
            .unwrap()
            .is_business_day(d(2027, 4, 23))
            .unwrap()
    );
    // Koningsdag (Tuesday) is off in NL only; Sunday is a working day in BD only.
    assert!(!joint.is_business_day(d(2027, 4, 27)).unwrap());
    assert!(
        Calendar::new(&["BD"], &[])
            .unwrap()
            .is_business_day(d(2027, 4, 25))
            .unwrap()
    );
    assert!(!joint.is_business_day(d(2027, 4, 25)).unwrap());
    let week = joint.business_days(d(2027, 4, 19), d(2027, 4, 30)).unwrap();
    let expected = [
        d(2027, 4, 19),
        d(2027, 4, 20),
        d(2027, 4, 21),
        d(2027, 4, 22),
    ];
    let expected: Vec<Date> = expected
        .into_iter()
        .chain([d(2027, 4, 26), d(2027, 4, 28), d(2027, 4, 29)])
        .collect();
    assert_eq!(week, expected);
}

#[test]
fn company_days_off_count_too() {
    let off = [d(2027, 12, 27), d(2027, 12, 28), d(2050, 1, 3)];
    let cal = Calendar::new(&["NL"], &off).unwrap();
    assert!(!cal.is_business_day(d(2027, 12, 27)).unwrap());
    assert!(cal.is_business_day(d(2027, 12, 29)).unwrap());
    assert_eq!(
        cal.count_business_days(d(2027, 12, 24), d(2027, 12, 31))
            .unwrap(),
        4
    );
}

#[test]
fn errors_name_the_problem() {
    let cal = Calendar::new(&["gb"], &[]).unwrap();
    assert_eq!(cal.countries(), ["GB"]);
    let e = cal.business_days(d(2027, 5, 2), d(2027, 5, 1)).unwrap_err();
    assert_eq!(
        e,
        CalendarError::BackwardRange {
            from: d(2027, 5, 2),
            to: d(2027, 5, 1)
        }
    );
    assert!(matches!(
        cal.is_business_day(d(2019, 12, 31)),
        Err(CalendarError::OutOfRange { .. })
    ));
    assert_eq!(
        Calendar::new(&[], &[]).unwrap_err(),
        CalendarError::NoCountry
    );
    assert!(
        Calendar::new(&["NL", "XX"], &[])
            .unwrap_err()
            .to_string()
            .contains("\"XX\"")
    );
}

proptest! {
    #[test]
    fn joint_is_the_intersection(offset in 0i32..7_600, a in 0usize..5, b in 0usize..5) {
        let codes = ["NL", "NO", "BD", "GB", "US"];
        let day = d(2020, 1, 1).checked_add(jiff::Span::new().days(offset)).unwrap();
        let one = Calendar::new(&[codes[a]], &[]).unwrap().is_business_day(day).unwrap();
        let two = Calendar::new(&[codes[b]], &[]).unwrap().is_business_day(day).unwrap();
        let both = Calendar::new(&[codes[a], codes[b]], &[]).unwrap().is_business_day(day).unwrap();
        prop_assert_eq!(both, one && two);
    }

    #[test]
    fn counting_agrees_with_listing(from in 0i32..7_000, len in 0i32..600) {
        let cal = Calendar::new(&["US", "NO"], &[]).unwrap();
        let start = d(2020, 1, 1).checked_add(jiff::Span::new().days(from)).unwrap();
        let end = start.checked_add(jiff::Span::new().days(len)).unwrap();
        let list = cal.business_days(start, end).unwrap();
        prop_assert_eq!(list.len() as u32, cal.count_business_days(start, end).unwrap());
        for day in &list {
            prop_assert!(cal.is_business_day(*day).unwrap());
            prop_assert!(*day >= start && *day <= end);
        }
    }
}
