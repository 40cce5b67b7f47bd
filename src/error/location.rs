//! Where in an input a problem was found.

use std::fmt;

/// Where in an input a problem was found.
///
/// Displays as `programs.json line 4, column 12, field [1].cost.credits`,
/// `oews.csv line 17, column A_MEDIAN` or `national.xlsx sheet All May 2024 data, row 9, column
/// TOT_EMP`, leaving out the parts that are not known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Location {
    /// The file or source name, if the caller gave one.
    pub source: Option<String>,
    /// The worksheet, for spreadsheets.
    pub sheet: Option<String>,
    /// The 1-based line (text files) or row (spreadsheets).
    pub line: Option<u64>,
    /// The 1-based column number, for text formats where it is known.
    pub column: Option<u64>,
    /// The column's name, for tables.
    pub column_name: Option<String>,
    /// A path to the value inside a document (`[3].outcomes.graduation_rate`).
    pub path: Option<String>,
}

impl Location {
    /// The whole of `source`.
    pub(crate) fn in_source(source: impl Into<String>) -> Self {
        Self {
            source: Some(source.into()),
            ..Self::default()
        }
    }

    /// Line `line` (if known) of `source`.
    pub(crate) fn line_of(source: &str, line: Option<u64>) -> Self {
        Self {
            source: Some(source.to_owned()),
            line,
            ..Self::default()
        }
    }

    /// This location, in the column named `name`.
    #[must_use]
    pub(crate) fn in_column(mut self, name: impl Into<String>) -> Self {
        self.column_name = Some(name.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut position: Vec<String> = Vec::new();
        if let Some(sheet) = &self.sheet {
            position.push(format!("sheet {sheet}"));
        }
        if let Some(line) = self.line {
            position.push(if self.sheet.is_some() {
                format!("row {line}")
            } else {
                format!("line {line}")
            });
        }
        if let Some(column) = self.column {
            position.push(format!("column {column}"));
        }
        if let Some(name) = &self.column_name {
            position.push(format!("column {name}"));
        }
        if let Some(path) = &self.path {
            position.push(format!("field {path}"));
        }
        match (&self.source, position.is_empty()) {
            (Some(source), true) => f.write_str(source),
            (Some(source), false) => write!(f, "{source} {}", position.join(", ")),
            (None, true) => f.write_str("input"),
            (None, false) => f.write_str(&position.join(", ")),
        }
    }
}
