//! Tables with named columns: header matching and cell parsing shared by the CSV and XLSX
//! readers.

use crate::error::Location;
use crate::{Error, Result};

/// The positions of named columns in a header, matched case-insensitively and ignoring
/// surrounding white space.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    names: Vec<String>,
}

impl Columns {
    pub(crate) fn new<'a>(header: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            names: header
                .into_iter()
                .map(|name| name.trim().to_ascii_uppercase())
                .collect(),
        }
    }

    /// The index of `name`, if present.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.names
            .iter()
            .position(|candidate| candidate.eq_ignore_ascii_case(name))
    }

    /// The index of `name`, or an error naming the missing column.
    pub(crate) fn require(&self, name: &str, location: &Location) -> Result<usize> {
        self.find(name).ok_or_else(|| Error::Parse {
            location: Box::new(location.clone()),
            message: format!("the required column {name} is missing from the header"),
        })
    }

    /// The first of `names` that is present.
    pub(crate) fn find_any(&self, names: &[&str]) -> Option<(usize, String)> {
        names
            .iter()
            .find_map(|name| self.find(name).map(|index| (index, (*name).to_owned())))
    }
}

/// A refusal of one cell: the column's name and what is wrong with its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellError {
    pub(crate) column: String,
    pub(crate) message: String,
}

impl CellError {
    pub(crate) fn new(column: &str, message: impl Into<String>) -> Self {
        Self {
            column: column.to_owned(),
            message: message.into(),
        }
    }

    /// From a model refusal, keeping its message.
    pub(crate) fn from_error(column: &str, error: &Error) -> Self {
        Self::new(column, error.to_string())
    }

    pub(crate) fn into_error(self, mut location: Location) -> Error {
        location.column_name = Some(self.column);
        Error::Parse {
            location: Box::new(location),
            message: self.message,
        }
    }
}

/// Parses a whole number that may carry thousands separators (`1,234`).
pub(crate) fn whole_number(column: &str, text: &str) -> std::result::Result<u64, CellError> {
    let digits: String = text.trim().chars().filter(|c| *c != ',').collect();
    // Spreadsheets hand integers over as floats; accept "394910.0" but not "12.5".
    let digits = digits.strip_suffix(".0").unwrap_or(&digits);
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(CellError::new(
            column,
            format!("{:?} is not a whole number", text.trim()),
        ));
    }
    digits
        .parse()
        .map_err(|_| CellError::new(column, format!("{:?} is too large", text.trim())))
}

/// A `csv` failure as himkit's error: reading failures as [`Error::Io`], anything else as
/// [`Error::Parse`] at the line it happened, with a message in himkit's words where the crate's
/// own would not help.
pub(crate) fn csv_error(source: &str, error: &csv::Error) -> Error {
    let location = Location {
        source: Some(source.to_owned()),
        line: error.position().map(csv::Position::line),
        ..Location::default()
    };
    match error.kind() {
        csv::ErrorKind::Io(io) => Error::Io {
            path: source.to_owned(),
            message: io.to_string(),
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Error::Parse {
            location: Box::new(location),
            message: format!("the row has {len} fields where the header has {expected_len}"),
        },
        _ => Error::Parse {
            location: Box::new(location),
            message: error.to_string(),
        },
    }
}
