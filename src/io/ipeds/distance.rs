//! IPEDS IC (institutional characteristics): the distance-education flags.

use std::io::Read;

use super::{IpedsOptions, IpedsValue};
use crate::error::{Location, Result};
use crate::io::federal_table::{FederalTable, Row, read_table};
use crate::io::read::ReadOutcome;
use crate::io::table::{CellError, Columns};
use crate::value::Unitid;

/// An institution's distance-education flags from an IPEDS IC file. They are facts about the
/// institution, not about any one of its programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub(crate) struct IpedsDistance {
    /// `UNITID`.
    pub unitid: Unitid,
    /// `DISTPGS`: the institution offers distance-education programs (1 yes, 0 implied no).
    pub distance_programs: IpedsValue<bool>,
    /// `DISTCRS`: it offers distance-education courses (1 yes, 0 implied no).
    pub distance_courses: IpedsValue<bool>,
    /// `DISTNCED`: all its programs are offered completely by distance education (1 yes, 2
    /// no). Not reported where the file has no such column.
    pub all_programs_distance: IpedsValue<bool>,
}

struct Ic {
    unitid: usize,
    programs: usize,
    courses: Option<usize>,
    all: Option<usize>,
}

/// Reads a yes/no code: `yes` is 1, `no` is 0 (`DISTPGS`, `DISTCRS`) or 2 (`DISTNCED`).
fn yes_no(
    row: &Row<'_>,
    index: Option<usize>,
    column: &str,
    no: u64,
) -> std::result::Result<IpedsValue<bool>, CellError> {
    let Some(index) = index else {
        return Ok(IpedsValue::NotReported);
    };
    row.number(index, column)?.try_map(|code| match code {
        1 => Ok(true),
        code if code == no => Ok(false),
        _ => Err(CellError::new(
            column,
            format!("{:?} is not 1 (yes) or {no} (no)", row.text(index)),
        )),
    })
}

impl FederalTable for Ic {
    type Item = IpedsDistance;
    type Options = IpedsOptions;

    fn columns(columns: &Columns, header: &Location) -> Result<Self> {
        Ok(Self {
            unitid: columns.require("UNITID", header)?,
            programs: columns.require("DISTPGS", header)?,
            courses: columns.find("DISTCRS"),
            all: columns.find("DISTNCED"),
        })
    }

    fn unitid_column(&self) -> usize {
        self.unitid
    }

    fn parse(&self, unitid: Unitid, row: &Row<'_>) -> std::result::Result<Option<IpedsDistance>, CellError> {
        Ok(Some(IpedsDistance {
            unitid,
            distance_programs: yes_no(row, Some(self.programs), "DISTPGS", 0)?,
            distance_courses: yes_no(row, self.courses, "DISTCRS", 0)?,
            all_programs_distance: yes_no(row, self.all, "DISTNCED", 2)?,
        }))
    }
}

/// Reads the distance-education flags of an IPEDS IC file (`ic2022.csv`). `UNITID` and
/// `DISTPGS` are required; `DISTCRS` and `DISTNCED` are read where present; the file's other
/// columns are ignored.
///
/// # Errors
/// [`ErrorKind::Malformed`](crate::ErrorKind::Malformed) for a missing required column or, in strict mode, the
/// first bad row; [`ErrorKind::Io`](crate::ErrorKind::Io) if reading fails.
pub(crate) fn read_ipeds_distance(
    source: &str,
    reader: impl Read,
    options: &IpedsOptions,
) -> Result<ReadOutcome<IpedsDistance>> {
    read_table::<Ic>(source, reader, options)
}
