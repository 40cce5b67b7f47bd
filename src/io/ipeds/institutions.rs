//! IPEDS HD, the institutional directory.

use std::io::Read;

use super::{IpedsOptions, IpedsValue};
use crate::error::{Location, Result};
use crate::io::federal_table::{Control, FederalTable, Row, read_table};
use crate::io::read::ReadOutcome;
use crate::io::table::{CellError, Columns};
use crate::value::{Coordinates, Unitid, UsState};

/// The level of an institution's longest programs (HD `ICLEVEL`).
#[allow(clippy::enum_variant_names)] // IPEDS's own words: four-year, two-year, under two years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum InstitutionLevel {
    /// `1`: four or more years.
    FourYear,
    /// `2`: at least two but less than four years.
    TwoYear,
    /// `3`: less than two years (below associate).
    UnderTwoYear,
}

impl InstitutionLevel {
    /// The level with IPEDS code `code`.
    #[must_use]
    pub(crate) fn from_code(code: u64) -> Option<Self> {
        match code {
            1 => Some(Self::FourYear),
            2 => Some(Self::TwoYear),
            3 => Some(Self::UnderTwoYear),
            _ => None,
        }
    }
}

/// One institution of an IPEDS HD file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) struct IpedsInstitution {
    /// `UNITID`.
    pub unitid: Unitid,
    /// `INSTNM`, the institution's name.
    pub name: String,
    /// `IALIAS`, other names it is known by, if any.
    pub alias: Option<String>,
    /// `CITY`.
    pub city: String,
    /// `STABBR`.
    pub state: UsState,
    /// `LATITUDE` and `LONGITUD`, where both are given.
    pub coordinates: Option<Coordinates>,
    /// `ZIP`, as text (`06269`, `35294-0110`).
    pub zip: Option<String>,
    /// `WEBADDR`, as given (often without a scheme: `www.alasu.edu/`).
    pub web_address: Option<String>,
    /// `CONTROL`.
    pub control: Control,
    /// `ICLEVEL`.
    pub level: IpedsValue<InstitutionLevel>,
    /// `CYACTIVE`, whether the institution is active in the collection year, as its code: 1
    /// active; other codes (3: closed in the year, with data) not active. Not reported where
    /// the file has no such column.
    pub active_code: IpedsValue<u8>,
    /// `CLOSEDAT`, the date the institution closed, as given (`02/24/2023`), if it did.
    pub closed_on: Option<String>,
}

impl IpedsInstitution {
    /// Whether the institution is active in the collection year (`CYACTIVE` 1), if known.
    #[must_use]
    pub(crate) fn is_active(&self) -> Option<bool> {
        self.active_code.value().map(|code| *code == 1)
    }
}

struct Hd {
    unitid: usize,
    name: usize,
    alias: Option<usize>,
    city: usize,
    state: usize,
    zip: Option<usize>,
    web_address: Option<usize>,
    control: usize,
    level: Option<usize>,
    active: Option<usize>,
    closed: Option<usize>,
    latitude: Option<usize>,
    longitude: Option<usize>,
}

impl FederalTable for Hd {
    type Item = IpedsInstitution;
    type Options = IpedsOptions;

    fn columns(columns: &Columns, header: &Location) -> Result<Self> {
        Ok(Self {
            unitid: columns.require("UNITID", header)?,
            name: columns.require("INSTNM", header)?,
            alias: columns.find("IALIAS"),
            city: columns.require("CITY", header)?,
            state: columns.require("STABBR", header)?,
            zip: columns.find("ZIP"),
            web_address: columns.find("WEBADDR"),
            control: columns.require("CONTROL", header)?,
            level: columns.find("ICLEVEL"),
            active: columns.find("CYACTIVE"),
            closed: columns.find("CLOSEDAT"),
            latitude: columns.find("LATITUDE"),
            longitude: columns.find("LONGITUD"),
        })
    }

    fn unitid_column(&self) -> usize {
        self.unitid
    }

    fn parse(
        &self,
        unitid: Unitid,
        row: &Row<'_>,
    ) -> std::result::Result<Option<IpedsInstitution>, CellError> {
        let control = match row.number(self.control, "CONTROL")? {
            IpedsValue::Value(code) => Control::from_code(code),
            _ => None,
        }
        .ok_or_else(|| {
            CellError::new(
                "CONTROL",
                format!(
                    "{:?} is not an IPEDS control code (1 public, 2 private not-for-profit, 3 private for-profit)",
                    row.text(self.control)
                ),
            )
        })?;
        let level = match self.level {
            Some(index) => coded(row.number(index, "ICLEVEL")?, InstitutionLevel::from_code).ok_or_else(|| {
                CellError::new(
                    "ICLEVEL",
                    format!(
                        "{:?} is not an IPEDS institution level (1 four or more years, 2 two to four, 3 under two)",
                        row.text(index)
                    ),
                )
            })?,
            None => IpedsValue::NotReported,
        };
        let active_code = match self.active {
            Some(index) => {
                coded(row.number(index, "CYACTIVE")?, |code| u8::try_from(code).ok()).ok_or_else(|| {
                    CellError::new(
                        "CYACTIVE",
                        format!("{:?} is not an IPEDS activity code", row.text(index)),
                    )
                })?
            }
            None => IpedsValue::NotReported,
        };
        Ok(Some(IpedsInstitution {
            unitid,
            name: row.required_text(self.name, "INSTNM")?,
            alias: row.optional_text(self.alias),
            city: row.required_text(self.city, "CITY")?,
            state: row
                .text(self.state)
                .parse()
                .map_err(|error| CellError::from_error("STABBR", error))?,
            zip: row.optional_text(self.zip),
            web_address: row.optional_text(self.web_address),
            control,
            level,
            active_code,
            closed_on: row.optional_text(self.closed),
            coordinates: self.coordinates(row)?,
        }))
    }
}

impl Hd {
    /// `LATITUDE` and `LONGITUD`: both or neither (an empty cell, or a column the file does
    /// not have, is neither), each in its range.
    fn coordinates(&self, row: &Row<'_>) -> std::result::Result<Option<Coordinates>, CellError> {
        let degrees = |index: Option<usize>, column: &str| -> std::result::Result<Option<f64>, CellError> {
            // Not `optional_text`: its IPEDS missing codes (-1, -2) are longitudes too.
            let Some(text) = index.map(|index| row.text(index)) else {
                return Ok(None);
            };
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<f64>()
                .map(Some)
                .map_err(|_| CellError::new(column, format!("{text:?} is not a number of degrees")))
        };
        let latitude = degrees(self.latitude, "LATITUDE")?;
        let longitude = degrees(self.longitude, "LONGITUD")?;
        match (latitude, longitude) {
            (None, None) => Ok(None),
            (Some(_), None) => Err(CellError::new(
                "LONGITUD",
                "missing: LATITUDE is given without it",
            )),
            (None, Some(_)) => Err(CellError::new(
                "LATITUDE",
                "missing: LONGITUD is given without it",
            )),
            (Some(latitude), Some(longitude)) => {
                Coordinates::new(latitude, longitude).map(Some).map_err(|error| {
                    let column = if error.field() == Some("latitude") {
                        "LATITUDE"
                    } else {
                        "LONGITUD"
                    };
                    CellError::from_error(column, error)
                })
            }
        }
    }
}

/// Maps a coded value through `decode`; `None` if the code is not one `decode` knows.
fn coded<T>(value: IpedsValue<u64>, decode: impl FnOnce(u64) -> Option<T>) -> Option<IpedsValue<T>> {
    value.try_map(|code| decode(code).ok_or(())).ok()
}

/// Reads an IPEDS HD (directory) file as published (`hd2022.csv`, Windows-1252; `hd2024.csv`,
/// UTF-8 with a byte-order mark). `UNITID`, `INSTNM`, `CITY`, `STABBR` and `CONTROL` are
/// required; `IALIAS`, `ZIP`, `WEBADDR`, `ICLEVEL`, `CYACTIVE`, `CLOSEDAT`, `LATITUDE` and
/// `LONGITUD` are read where present; other columns are ignored. Closed institutions are read like any other (see
/// [`IpedsInstitution::is_active`]).
///
/// # Errors
/// [`ErrorKind::Malformed`](crate::ErrorKind::Malformed) for a missing required column or, in strict mode, the
/// first bad row (file, line, column, value and rule); [`ErrorKind::Io`](crate::ErrorKind::Io) if
/// reading fails.
pub(crate) fn read_ipeds_institutions(
    source: &str,
    reader: impl Read,
    options: &IpedsOptions,
) -> Result<ReadOutcome<IpedsInstitution>> {
    read_table::<Hd>(source, reader, options)
}
