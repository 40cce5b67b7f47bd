//! Calendar values the model needs: a date, a data reference month, and year checks.

use std::fmt;

use serde::Serialize;

use crate::error::{Error, Result};

/// The earliest year the model accepts in any date or period.
pub(crate) const FIRST_YEAR: u16 = 1900;
/// The latest year the model accepts in any date or period.
pub(crate) const LAST_YEAR: u16 = 2100;

/// Checks that `year` is plausible for education and labour data.
pub(crate) fn check_year(field: &str, year: u16) -> Result<u16> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(Error::invalid(
            field,
            year,
            format!("is not a year between {FIRST_YEAR} and {LAST_YEAR}"),
        ))
    }
}

/// A calendar year between 1900 and 2100: the year an outcome describes, a review year.
///
/// ```
/// use himkit::Year;
///
/// assert_eq!(Year::new(2024)?.get(), 2024);
/// assert!(Year::new(24).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u16")]
pub struct Year(u16);

impl Year {
    /// Creates a year.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) outside 1900–2100.
    pub fn new(year: u16) -> Result<Self> {
        check_year("year", year).map(Self)
    }

    /// The year as a number.
    #[must_use]
    pub const fn get(self) -> u16 {
        self.0
    }
}

crate::error::deserialize_by_try_from!(Year, u64);

impl TryFrom<u64> for Year {
    type Error = Error;

    fn try_from(year: u64) -> Result<Self> {
        match u16::try_from(year) {
            Ok(year) => Year::new(year),
            Err(_) => Err(Error::invalid(
                "year",
                year,
                format!("is not a year between {FIRST_YEAR} and {LAST_YEAR}"),
            )),
        }
    }
}

impl From<Year> for u16 {
    fn from(year: Year) -> u16 {
        year.0
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Year {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        parse_number(text.trim(), 4)
            .ok_or_else(|| Error::invalid_text("year", text, "is not a four-digit year"))
            .and_then(Year::new)
    }
}

fn parse_number(text: &str, digits: usize) -> Option<u16> {
    if text.len() == digits && text.bytes().all(|byte| byte.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// A calendar date, written `YYYY-MM-DD`, between the years 1900 and 2100.
///
/// ```
/// use himkit::value::Date;
///
/// let date: Date = "2025-08-01".parse()?;
/// assert_eq!(date.year(), 2025);
/// assert!("2025-02-30".parse::<Date>().is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Creates a date.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the year is outside 1900–2100 or the day does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self> {
        check_year("date", year)?;
        let valid_day = day >= 1 && day <= days_in_month(year, month);
        if (1..=12).contains(&month) && valid_day {
            Ok(Self { year, month, day })
        } else {
            Err(Error::invalid(
                "date",
                format!("{year:04}-{month:02}-{day:02}"),
                "is not a calendar date",
            ))
        }
    }

    /// The year.
    #[must_use]
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    #[must_use]
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    #[must_use]
    pub const fn day(self) -> u8 {
        self.day
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl std::str::FromStr for Date {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let refuse = || Error::invalid_text("date", text, "is not a date of the form YYYY-MM-DD");
        let mut parts = text.split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(refuse());
        };
        let year = parse_number(year, 4).ok_or_else(refuse)?;
        let month = parse_number(month, 2).ok_or_else(refuse)?;
        let day = parse_number(day, 2).ok_or_else(refuse)?;
        Date::new(year, month as u8, day as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

crate::error::deserialize_by_try_from!(Date, String);

impl TryFrom<String> for Date {
    type Error = Error;

    fn try_from(text: String) -> Result<Self> {
        text.parse()
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

/// The month a statistic describes, written `YYYY-MM`: OEWS estimates are for May of each year,
/// so `2024-05` is "May 2024".
///
/// ```
/// use himkit::value::ReferencePeriod;
///
/// let period: ReferencePeriod = "2024-05".parse()?;
/// assert_eq!(period.to_string(), "2024-05");
/// assert_eq!(period.label(), "May 2024");
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct ReferencePeriod {
    year: u16,
    month: u8,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl ReferencePeriod {
    /// Creates a reference period.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the year is outside 1900–2100 or the month outside 1–12.
    pub fn new(year: u16, month: u8) -> Result<Self> {
        check_year("period", year)?;
        if (1..=12).contains(&month) {
            Ok(Self { year, month })
        } else {
            Err(Error::invalid(
                "period",
                format!("{year:04}-{month:02}"),
                "does not name a month from 01 to 12",
            ))
        }
    }

    /// May of `year`, the reference month of every OEWS release.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the year is outside 1900–2100.
    pub fn may(year: u16) -> Result<Self> {
        Self::new(year, 5)
    }

    /// The year.
    #[must_use]
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    #[must_use]
    pub const fn month(self) -> u8 {
        self.month
    }

    /// A label for people: `May 2024`.
    #[must_use]
    pub fn label(self) -> String {
        let name = MONTH_NAMES
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("");
        format!("{name} {}", self.year)
    }
}

impl std::str::FromStr for ReferencePeriod {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let refuse = || Error::invalid_text("period", text, "is not a reference month of the form YYYY-MM");
        let (year, month) = text.split_once('-').ok_or_else(refuse)?;
        let year = parse_number(year, 4).ok_or_else(refuse)?;
        let month = parse_number(month, 2).ok_or_else(refuse)?;
        ReferencePeriod::new(year, month as u8)
    }
}

impl fmt::Display for ReferencePeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

crate::error::deserialize_by_try_from!(ReferencePeriod, String);

impl TryFrom<String> for ReferencePeriod {
    type Error = Error;

    fn try_from(text: String) -> Result<Self> {
        text.parse()
    }
}

impl From<ReferencePeriod> for String {
    fn from(period: ReferencePeriod) -> String {
        period.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_validate_the_calendar() {
        assert!(Date::new(2024, 2, 29).is_ok());
        assert!(Date::new(2023, 2, 29).is_err());
        assert!(Date::new(1900, 2, 29).is_err());
        assert!(Date::new(2000, 2, 29).is_ok());
        assert!(Date::new(2025, 13, 1).is_err());
        assert!(Date::new(2025, 4, 31).is_err());
        assert!(Date::new(1899, 1, 1).is_err());
        for bad in ["2025-8-01", "2025/08/01", "25-08-01", "2025-08-01-01", ""] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert_eq!("2025-08-01".parse::<Date>().unwrap().to_string(), "2025-08-01");
    }

    #[test]
    fn periods_name_a_month() {
        assert_eq!("2019-05".parse::<ReferencePeriod>().unwrap().label(), "May 2019");
        assert!("2019-13".parse::<ReferencePeriod>().is_err());
        assert!("2019".parse::<ReferencePeriod>().is_err());
        assert_eq!(
            "2019-00".parse::<ReferencePeriod>().unwrap_err().to_string(),
            "period: 2019-00 does not name a month from 01 to 12"
        );
    }
}
