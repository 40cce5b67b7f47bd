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
pub(crate) use institutions::{Control, IpedsInstitution, read_ipeds_institutions};

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::io::Read;

use super::table::{CellError, Columns, CsvRecords};
use super::{Limits, Mode, ReadOutcome};
use crate::error::{Location, Result};
use crate::value::Unitid;

/// How to read an IPEDS file: strictness, bounds, and the rows wanted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct IpedsOptions {
    /// Strict (the default) or lenient.
    pub mode: Mode,
    /// Bounds on field length and row width.
    pub limits: Limits,
    /// Only rows of these institutions; `None` reads every row.
    pub unitids: Option<BTreeSet<Unitid>>,
    /// Completions only: rows whose CIP code starts with one of these (`51.07`, `51.0706`);
    /// empty reads every CIP code. The other readers ignore it.
    pub cip_prefixes: Vec<String>,
    /// Scorecard institution files only: read the rows of branch campuses that have no IPEDS
    /// UNITID of their own. Scorecard lists them under eight digits, their parent's UNITID
    /// followed by a two-digit branch number (`10236801`, Troy University's Phenix City campus);
    /// no IPEDS file has rows for them. Off by default: such rows are passed over, as filtered
    /// rows are. When on, they are read with the parent's UNITID and
    /// [`ScorecardInstitution::branch`](crate::io::ScorecardInstitution::branch) set.
    pub scorecard_branch_campuses: bool,
}

impl IpedsOptions {
    /// Whether a row of `unitid` is wanted.
    fn wants(&self, unitid: Unitid) -> bool {
        self.unitids.as_ref().is_none_or(|set| set.contains(&unitid))
    }
}

/// The academic year an IPEDS `IC_AY` file of collection year `year` covers: the 2022 file is
/// `2022-23`.
#[must_use]
pub fn academic_year_of_file(year: u16) -> String {
    format!("{year}-{:02}", year.wrapping_add(1) % 100)
}

/// An IPEDS value, or the code IPEDS put in its place.
///
/// IPEDS writes `-1` for not reported, `-2` (or `.` in continuous columns) for not applicable
/// and `-3` for not available; none of them is a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IpedsValue<T> {
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
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            _ => None,
        }
    }

    /// Applies `f`, which may refuse the value, keeping a missing state as it is.
    ///
    /// # Errors
    /// `f`'s error.
    pub fn try_map<U, E>(
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
    pub fn missing_reason(&self) -> Option<&'static str> {
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
pub enum ImputationFlag {
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
    pub fn letter(self) -> char {
        Self::TABLE
            .iter()
            .find(|(flag, _)| *flag == self)
            .map_or('?', |(_, letter)| *letter)
    }

    /// The flag with `letter` (either case).
    #[must_use]
    pub fn from_letter(letter: char) -> Option<Self> {
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
pub struct Flagged<T> {
    /// The value or its missing state.
    pub value: IpedsValue<T>,
    /// How NCES obtained it.
    pub flag: Option<ImputationFlag>,
}

/// Decodes one value: UTF-8 if the bytes are valid UTF-8, else Windows-1252.
pub(crate) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().map(|byte| windows_1252(*byte)).collect()),
    }
}

/// One Windows-1252 byte as a character. 0x80–0x9F follow the Windows-1252 table (not
/// Latin-1's control characters); its five unassigned bytes become U+FFFD.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž', '\u{FFFD}',
        '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH
            .get(usize::from(byte.wrapping_sub(0x80)))
            .copied()
            .unwrap_or('\u{FFFD}'),
        other => char::from(other),
    }
}

/// One record's cells, for the readers' parsers.
pub(crate) struct Row<'r> {
    record: &'r csv::ByteRecord,
}

impl<'r> Row<'r> {
    /// The whole record.
    pub(crate) fn record(&self) -> &'r csv::ByteRecord {
        self.record
    }

    /// The raw (trimmed) bytes of column `index`; empty for a short row.
    pub(crate) fn bytes(&self, index: usize) -> &'r [u8] {
        self.record.get(index).unwrap_or_default().trim_ascii()
    }

    /// The text of column `index`, decoded.
    pub(crate) fn text(&self, index: usize) -> Cow<'r, str> {
        decode(self.bytes(index))
    }

    /// A text value that may be blank or coded: `None` for an empty cell or `-1`, `-2`, `-3`
    /// (IPEDS writes `"-2"` in text columns where a value does not apply).
    pub(crate) fn optional_text(&self, index: Option<usize>) -> Option<String> {
        let text = self.text(index?);
        match text.as_ref() {
            "" | "-1" | "-2" | "-3" | "." => None,
            _ => Some(text.into_owned()),
        }
    }

    /// A required, non-empty text value.
    pub(crate) fn required_text(&self, index: usize, column: &str) -> std::result::Result<String, CellError> {
        let text = self.text(index);
        if text.is_empty() {
            return Err(CellError::new(column, "the value is empty; it is required"));
        }
        Ok(text.into_owned())
    }

    /// The UNITID in column `index`.
    pub(crate) fn unitid(&self, index: usize) -> std::result::Result<Unitid, CellError> {
        self.text(index)
            .parse()
            .map_err(|error| CellError::from_error("UNITID", error))
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

/// A reader of one kind of IPEDS file: the columns it needs, which rows it wants, and how a
/// row becomes an item.
pub(crate) trait IpedsTable: Sized {
    /// What one row becomes.
    type Item;

    /// Finds the columns, refusing a header without a required one.
    fn columns(columns: &Columns, header: &Location) -> Result<Self>;

    /// The UNITID column, for the UNITID filter.
    fn unitid_column(&self) -> usize;

    /// The row's UNITID, for the UNITID filter and the item; `Ok(None)` passes the row over.
    fn unitid(
        &self,
        row: &Row<'_>,
        _options: &IpedsOptions,
    ) -> std::result::Result<Option<Unitid>, CellError> {
        row.unitid(self.unitid_column()).map(Some)
    }

    /// Whether the row is wanted, from its raw bytes, before the rest is parsed (the CIP
    /// filter of Completions). The UNITID filter is applied by the caller.
    fn wanted(&self, _row: &Row<'_>, _options: &IpedsOptions) -> bool {
        true
    }

    /// Parses a wanted row of institution `unitid`; `Ok(None)` passes it over (a Completions
    /// total).
    fn parse(&self, unitid: Unitid, row: &Row<'_>) -> std::result::Result<Option<Self::Item>, CellError>;
}

/// Reads a whole IPEDS file with `T`.
pub(crate) fn read_table<T: IpedsTable>(
    source: &str,
    reader: impl Read,
    options: &IpedsOptions,
) -> Result<ReadOutcome<T::Item>> {
    let mut csv = CsvRecords::new(source, reader, &options.limits, csv::Trim::None);
    let place = |line: Option<u64>| Location {
        source: Some(source.to_owned()),
        line,
        ..Location::default()
    };
    let header = csv.header()?;
    let table = T::columns(&Columns::new(&header), &place(Some(1)))?;
    let mut outcome = ReadOutcome::new();
    let mut record = csv::ByteRecord::new();
    while csv.read_bytes(&mut record, options.mode, &mut outcome)? {
        let row = Row { record: &record };
        if !table.wanted(&row, options) {
            outcome.filtered = outcome.filtered.saturating_add(1);
            continue;
        }
        let parsed = table.unitid(&row, options).and_then(|unitid| match unitid {
            Some(unitid) if options.wants(unitid) => table.parse(unitid, &row),
            Some(_) => {
                outcome.filtered = outcome.filtered.saturating_add(1);
                Ok(None)
            }
            None => Ok(None),
        });
        match parsed {
            Ok(Some(item)) => outcome.items.push(item),
            Ok(None) => {}
            Err(problem) => outcome.skip_or_fail(options.mode, problem.into_error(place(csv.line())))?,
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_not_latin_1() {
        assert_eq!(decode(b"Rutgers\x96Newark"), "Rutgers–Newark");
        assert_eq!(decode(b"Pe\xf1alver"), "Peñalver");
        assert_eq!(decode(b"\x80\x81\x9f"), "€\u{FFFD}Ÿ");
        assert_eq!(decode("Peñalver".as_bytes()), "Peñalver");
        for byte in 0..=0x7F_u8 {
            assert_eq!(windows_1252(byte), char::from(byte));
        }
        for byte in 0xA0..=0xFF_u8 {
            assert_eq!(windows_1252(byte), char::from(byte));
        }
    }

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
