//! IPEDS Completions `C_A`: awards by institution, six-digit CIP code, award level and major.

use std::io::Read;

use super::{ImputationFlag, IpedsOptions, IpedsValue};
use crate::error::{Location, Result};
use crate::io::federal_table::{FederalTable, Row, read_table};
use crate::io::read::ReadOutcome;
use crate::io::table::{CellError, Columns};
use crate::program::AwardLevel;
use crate::value::{CipCode, Unitid};

/// Whether awards were counted on students' first or second major (`MAJORNUM`). A student
/// with two majors is counted once under each; count first majors to count students.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum MajorNumber {
    /// `1`: first major.
    First,
    /// `2`: second major.
    Second,
}

impl MajorNumber {}

/// One row of an IPEDS Completions `C_A` file: the awards one institution conferred in one
/// six-digit CIP code, at one award level, on first or second majors, in the award year
/// (July 1 to June 30 ending in the file's year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub(crate) struct IpedsCompletion {
    /// `UNITID`.
    pub unitid: Unitid,
    /// `CIPCODE`, six digits (`51.0707`).
    pub cip: CipCode,
    /// `MAJORNUM`.
    pub major: MajorNumber,
    /// `AWLEVEL`.
    pub award_level: AwardLevel,
    /// `CTOTALT`, awards conferred. A reported 0 is a program that conferred none that year.
    pub total: IpedsValue<u32>,
    /// `XCTOTALT`, the flag of the total, where the file has it.
    pub total_flag: Option<ImputationFlag>,
    /// `CTOTALM`, awards to men (not reported where the file has no such column).
    pub men: IpedsValue<u32>,
    /// `CTOTALW`, awards to women (not reported where the file has no such column).
    pub women: IpedsValue<u32>,
}

struct CA {
    unitid: usize,
    cip: usize,
    major: usize,
    level: usize,
    total: usize,
    total_flag: Option<usize>,
    men: Option<usize>,
    women: Option<usize>,
}

fn count(
    row: &Row<'_>,
    index: Option<usize>,
    column: &str,
) -> std::result::Result<IpedsValue<u32>, CellError> {
    let Some(index) = index else {
        return Ok(IpedsValue::NotReported);
    };
    row.number(index, column)?.try_map(|count| {
        u32::try_from(count)
            .map_err(|_| CellError::new(column, format!("{count} is too large for a count of awards")))
    })
}

/// Whether `cip` is a total rather than a program: `99` (the grand total) or a two- or
/// four-digit series or family code (`51`, `51.07`).
fn is_total(cip: &[u8]) -> bool {
    match cip {
        [a, b] => a.is_ascii_digit() && b.is_ascii_digit(),
        [a, b, b'.', c, d] => [a, b, c, d].iter().all(|byte| byte.is_ascii_digit()),
        _ => false,
    }
}

impl FederalTable for CA {
    type Item = IpedsCompletion;
    type Options = IpedsOptions;

    fn columns(columns: &Columns, header: &Location) -> Result<Self> {
        Ok(Self {
            unitid: columns.require("UNITID", header)?,
            cip: columns.require("CIPCODE", header)?,
            major: columns.require("MAJORNUM", header)?,
            level: columns.require("AWLEVEL", header)?,
            total: columns.require("CTOTALT", header)?,
            total_flag: columns.find("XCTOTALT"),
            men: columns.find("CTOTALM"),
            women: columns.find("CTOTALW"),
        })
    }

    fn unitid_column(&self) -> usize {
        self.unitid
    }

    fn wanted(&self, row: &Row<'_>, options: &IpedsOptions) -> bool {
        if options.cip_prefixes.is_empty() {
            return true;
        }
        let cip = row.bytes(self.cip);
        options
            .cip_prefixes
            .iter()
            .any(|prefix| cip.starts_with(prefix.trim().as_bytes()))
    }

    fn parse(
        &self,
        unitid: Unitid,
        row: &Row<'_>,
    ) -> std::result::Result<Option<IpedsCompletion>, CellError> {
        let cip_bytes = row.bytes(self.cip);
        if is_total(cip_bytes) {
            return Ok(None);
        }
        let cip: CipCode = row
            .text(self.cip)
            .parse()
            .map_err(|error| CellError::from_error("CIPCODE", error))?;
        let major = match row.bytes(self.major) {
            b"1" => MajorNumber::First,
            b"2" => MajorNumber::Second,
            _ => {
                return Err(CellError::new(
                    "MAJORNUM",
                    format!(
                        "{:?} is not an IPEDS major number (1 first major, 2 second major)",
                        row.text(self.major)
                    ),
                ));
            }
        };
        let award_level = match row.number(self.level, "AWLEVEL")? {
            IpedsValue::Value(code) => u8::try_from(code)
                .ok()
                .and_then(|code| AwardLevel::from_code(code).ok()),
            _ => None,
        }
        .ok_or_else(|| {
            CellError::new(
                "AWLEVEL",
                format!(
                    "{:?} is not an IPEDS award level (1 to 8 or 17 to 21)",
                    row.text(self.level)
                ),
            )
        })?;
        Ok(Some(IpedsCompletion {
            unitid,
            cip,
            major,
            award_level,
            total: count(row, Some(self.total), "CTOTALT")?,
            total_flag: row.flag(self.total_flag, "XCTOTALT")?,
            men: count(row, self.men, "CTOTALM")?,
            women: count(row, self.women, "CTOTALW")?,
        }))
    }
}

/// Reads an IPEDS Completions `C_A` file (`c2022_a.csv`), as published (with an imputation
/// flag column before each count: `XCTOTALT,CTOTALT,…`, CIPCODE possibly quoted, CRLF) or as a
/// column extract (`UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT,CTOTALM,CTOTALW`).
///
/// `UNITID`, `CIPCODE`, `MAJORNUM`, `AWLEVEL` and `CTOTALT` are required; `CTOTALM`,
/// `CTOTALW` and the flag `XCTOTALT` are read where present. CIPCODE is read as text, so
/// `51.0710` keeps its last zero.
///
/// Rows whose CIPCODE is a total rather than a program — `99`, the grand total, or a two- or
/// four-digit series or family code — are passed over, as filtered rows are: they are sums of
/// the program rows, not programs. With [`IpedsOptions::cip_prefixes`] set, a row whose CIPCODE
/// starts with none of them is passed over before the rest of it is parsed, which keeps reading
/// the full national file (≈300,000 rows) fast.
///
/// # Errors
/// [`ErrorKind::Malformed`](crate::ErrorKind::Malformed) for a missing required column or, in strict mode, the
/// first bad row; [`ErrorKind::Io`](crate::ErrorKind::Io) if reading fails.
pub(crate) fn read_ipeds_completions(
    source: &str,
    reader: impl Read,
    options: &IpedsOptions,
) -> Result<ReadOutcome<IpedsCompletion>> {
    read_table::<CA>(source, reader, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_are_recognised() {
        for total in ["99", "51", "51.07"] {
            assert!(is_total(total.as_bytes()), "{total}");
        }
        for program in ["51.0707", "5", "51.7", "ab", "51.0a"] {
            assert!(!is_total(program.as_bytes()), "{program}");
        }
    }
}
