//! IPEDS files as NCES publishes them: HD (directory), IC (institutional characteristics),
//! `IC_AY` (charges by academic year) and Completions `C_A`.
//!
//! What every reader here does alike:
//!
//! - **Columns by name.** Header names are trimmed of spaces and a byte-order mark and matched
//!   case-insensitively; extra columns are ignored; a missing required column is named in the
//!   error. Values are trimmed of padding spaces, quoted or not; CRLF and LF line ends alike.
//! - **Text encodings.** Each text value is decoded on its own: bytes that are valid UTF-8 are
//!   UTF-8, anything else is Windows-1252 (NCES's files of 2020–2022), so `0x96` becomes "–".
//!   Reading a file that is not UTF-8 is not an error. Per value rather than per file, so that a
//!   file is read in one pass; an ASCII value reads the same either way, and a Windows-1252 value
//!   is almost never also valid UTF-8.
//! - **Missing values are states** ([`IpedsValue`]): `-1` not reported, `-2` or `.` not
//!   applicable, `-3` not available, never read as numbers. An empty cell is not reported.
//!   Imputation flags ([`ImputationFlag`]) are kept beside the values they describe.
//! - **Filters** ([`IpedsOptions::unitids`], [`IpedsOptions::cip_prefixes`]) pass a row over
//!   before the rest of it is parsed; a passed-over row is not "skipped", since nothing is wrong
//!   with it.
//! - **Strict and lenient** as every reader of the crate: strict stops at the first bad row with
//!   the file, line, column, value and rule; lenient skips the row and reports it.

mod charges;
mod completions;
mod distance;
mod institutions;

pub(crate) use charges::{IpedsCharges, read_ipeds_charges};
pub(crate) use completions::{IpedsCompletion, MajorNumber, read_ipeds_completions};
pub(crate) use distance::{IpedsDistance, read_ipeds_distance};
pub(crate) use institutions::{IpedsInstitution, read_ipeds_institutions};

use std::fmt;

use super::federal_table::{FileOptions, Row, TableOptions, decode};
use super::table::CellError;

/// How to read an IPEDS file: strictness, bounds, and the rows wanted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct IpedsOptions {
    /// Strictness, bounds and the institutions wanted, as for every federal table.
    pub(crate) table: TableOptions,
    /// Completions only: rows whose CIP code starts with one of these (`51.07`, `51.0706`);
    /// empty reads every CIP code. The other readers ignore it.
    pub(crate) cip_prefixes: Vec<String>,
}

impl FileOptions for IpedsOptions {
    fn table(&self) -> &TableOptions {
        &self.table
    }
}

/// The academic year an IPEDS `IC_AY` file of collection year `year` covers: the 2022 file is
/// `2022-23`.
#[must_use]
pub(crate) fn academic_year_of_file(year: u16) -> String {
    format!("{year}-{:02}", year.wrapping_add(1) % 100)
}

/// An IPEDS value, or the code IPEDS put in its place.
///
/// IPEDS writes `-1` for not reported, `-2` (or `.` in continuous columns) for not applicable
/// and `-3` for not available; none of them is a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum IpedsValue<T> {
    /// A value.
    Value(T),
    /// `-1`, or an empty cell: the institution did not report it.
    NotReported,
    /// `-2` or `.`: the item does not apply to the institution.
    NotApplicable,
    /// `-3`: not available.
    NotAvailable,
}

impl<T> IpedsValue<T> {
    /// The value, if there is one.
    pub(crate) fn value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            _ => None,
        }
    }

    /// Applies `f`, which may refuse the value, keeping a missing state as it is.
    ///
    /// # Errors
    /// `f`'s error.
    pub(crate) fn try_map<U, E>(
        self,
        f: impl FnOnce(T) -> std::result::Result<U, E>,
    ) -> std::result::Result<IpedsValue<U>, E> {
        match self {
            Self::Value(value) => f(value).map(IpedsValue::Value),
            Self::NotReported => Ok(IpedsValue::NotReported),
            Self::NotApplicable => Ok(IpedsValue::NotApplicable),
            Self::NotAvailable => Ok(IpedsValue::NotAvailable),
        }
    }

    /// The state of a missing value in words (`not reported`), or `None` for a value.
    pub(crate) fn missing_reason(&self) -> Option<&'static str> {
        match self {
            Self::Value(_) => None,
            Self::NotReported => Some("not reported"),
            Self::NotApplicable => Some("not applicable"),
            Self::NotAvailable => Some("not available"),
        }
    }
}

impl<T: fmt::Display> fmt::Display for IpedsValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Value(value) => value.fmt(f),
            other => f.write_str(other.missing_reason().unwrap_or("")),
        }
    }
}

/// How NCES obtained a value: the imputation flag in the column before it (`XTUIT2` before
/// `TUITION2`, `XCTOTALT` before `CTOTALT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum ImputationFlag {
    /// `A`: not applicable.
    NotApplicable,
    /// `B`: the institution left the item blank.
    LeftBlank,
    /// `C`: the institution's value, corrected.
    Corrected,
    /// `D`: the institution answered "don't know".
    DontKnow,
    /// `G`: generated from other data the institution reported.
    Generated,
    /// `H`: the reported value was not usable.
    NotUsable,
    /// `J`: logical imputation.
    LogicalImputation,
    /// `K`: imputed by ratio adjustment.
    RatioAdjustment,
    /// `L`: imputed as a group median.
    GroupMedian,
    /// `N`: imputed from the nearest neighbour.
    NearestNeighbour,
    /// `P`: carried forward from the prior year.
    CarriedForward,
    /// `R`: reported by the institution.
    Reported,
    /// `Z`: implied zero.
    ImpliedZero,
}

impl ImputationFlag {
    const TABLE: [(Self, char); 13] = [
        (Self::NotApplicable, 'A'),
        (Self::LeftBlank, 'B'),
        (Self::Corrected, 'C'),
        (Self::DontKnow, 'D'),
        (Self::Generated, 'G'),
        (Self::NotUsable, 'H'),
        (Self::LogicalImputation, 'J'),
        (Self::RatioAdjustment, 'K'),
        (Self::GroupMedian, 'L'),
        (Self::NearestNeighbour, 'N'),
        (Self::CarriedForward, 'P'),
        (Self::Reported, 'R'),
        (Self::ImpliedZero, 'Z'),
    ];

    /// The flag's letter as IPEDS writes it.
    #[must_use]
    pub(crate) fn letter(self) -> char {
        Self::TABLE
            .iter()
            .find(|(flag, _)| *flag == self)
            .map_or('?', |(_, letter)| *letter)
    }

    /// The flag with `letter` (either case).
    #[must_use]
    pub(crate) fn from_letter(letter: char) -> Option<Self> {
        let letter = letter.to_ascii_uppercase();
        Self::TABLE
            .iter()
            .find(|(_, candidate)| *candidate == letter)
            .map(|(flag, _)| *flag)
    }
}

impl fmt::Display for ImputationFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

/// A value with the imputation flag the file gives it (`None` where the file has no flag
/// column, as in column extracts, or leaves the flag blank).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Flagged<T> {
    /// The value or its missing state.
    pub value: IpedsValue<T>,
    /// How NCES obtained it.
    pub flag: Option<ImputationFlag>,
}

// IPEDS's own cell conventions (its missing-value codes and imputation flags) on the row
// every federal table reader shares.
impl Row<'_> {
    /// A text value that may be blank or coded: `None` for an empty cell or `-1`, `-2`, `-3`
    /// (IPEDS writes `"-2"` in text columns where a value does not apply).
    pub(crate) fn optional_text(&self, index: Option<usize>) -> Option<String> {
        let text = self.text(index?);
        match text.as_ref() {
            "" | "-1" | "-2" | "-3" | "." => None,
            _ => Some(text.into_owned()),
        }
    }

    /// A whole number or its missing state.
    pub(crate) fn number(
        &self,
        index: usize,
        column: &str,
    ) -> std::result::Result<IpedsValue<u64>, CellError> {
        number(self.bytes(index), column)
    }

    /// The flag in column `index`, if the file has the column; an empty flag is `None`.
    pub(crate) fn flag(
        &self,
        index: Option<usize>,
        column: &str,
    ) -> std::result::Result<Option<ImputationFlag>, CellError> {
        let Some(index) = index else {
            return Ok(None);
        };
        let bytes = self.bytes(index);
        match bytes {
            [] => Ok(None),
            [letter] => ImputationFlag::from_letter(char::from(*letter))
                .map(Some)
                .ok_or_else(|| flag_error(column, bytes)),
            _ => Err(flag_error(column, bytes)),
        }
    }
}

fn flag_error(column: &str, bytes: &[u8]) -> CellError {
    CellError::new(
        column,
        format!(
            "{:?} is not an IPEDS imputation flag (one of A B C D G H J K L N P R Z)",
            decode(bytes)
        ),
    )
}

/// Reads a whole number cell: digits, or `-1`, `-2`, `-3`, `.` or empty as their states.
pub(crate) fn number(bytes: &[u8], column: &str) -> std::result::Result<IpedsValue<u64>, CellError> {
    match bytes {
        b"" | b"-1" => Ok(IpedsValue::NotReported),
        b"-2" | b"." => Ok(IpedsValue::NotApplicable),
        b"-3" => Ok(IpedsValue::NotAvailable),
        digits if digits.iter().all(u8::is_ascii_digit) => std::str::from_utf8(digits)
            .ok()
            .and_then(|text| text.parse().ok())
            .map(IpedsValue::Value)
            .ok_or_else(|| CellError::new(column, format!("{:?} is too large", decode(digits)))),
        other => Err(CellError::new(
            column,
            format!(
                "{:?} is not a whole number nor an IPEDS missing-value code (-1, -2, -3, .)",
                decode(other)
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_codes_are_states() {
        assert_eq!(number(b"-1", "X"), Ok(IpedsValue::NotReported));
        assert_eq!(number(b"", "X"), Ok(IpedsValue::NotReported));
        assert_eq!(number(b"-2", "X"), Ok(IpedsValue::NotApplicable));
        assert_eq!(number(b".", "X"), Ok(IpedsValue::NotApplicable));
        assert_eq!(number(b"-3", "X"), Ok(IpedsValue::NotAvailable));
        assert_eq!(number(b"042", "X"), Ok(IpedsValue::Value(42)));
        assert!(number(b"-4", "X").is_err());
        assert!(number(b"1.5", "X").is_err());
        assert!(number(b"99999999999999999999999", "X").is_err());
        assert_eq!(IpedsValue::<u64>::NotAvailable.to_string(), "not available");
    }

    #[test]
    fn flags_round_trip() {
        for (flag, letter) in ImputationFlag::TABLE {
            assert_eq!(flag.letter(), letter);
            assert_eq!(ImputationFlag::from_letter(letter), Some(flag));
            assert_eq!(
                ImputationFlag::from_letter(letter.to_ascii_lowercase()),
                Some(flag)
            );
        }
        assert_eq!(ImputationFlag::from_letter('E'), None);
    }

    #[test]
    fn academic_years() {
        assert_eq!(academic_year_of_file(2022), "2022-23");
        assert_eq!(academic_year_of_file(1999), "1999-00");
    }
}

#[cfg(test)]
pub(crate) mod published_tests;
