//! The crate's one error type.

use std::fmt;

/// A `Result` whose error is [`himkit::Error`](Error).
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in himkit.
///
/// Every message is lowercase, has no trailing period and names what was refused: the field, the
/// value as given and the rule it broke, e.g. `graduation_rate: 1.4 is not a fraction between 0
/// and 1`. Readers add where the value was found (`programs.json line 17: …`). Match on the
/// variants to react to a kind of problem; the messages may improve between releases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A value broke a rule of the model.
    #[error("{field}: {value} {rule}")]
    Invalid {
        /// The field (or, for a bare value, the type) that was refused, as a path
        /// (`outcomes.graduation_rate`).
        field: String,
        /// The offending value, quoted as given.
        value: String,
        /// The rule it broke, phrased to follow the value (`is not a fraction between 0 and 1`).
        rule: String,
    },
    /// A name that is not one of a closed vocabulary (degree levels, credentials …).
    #[error("{field}: {value:?} is not a known {field}; expected one of: {}", .expected.join(", "))]
    UnknownName {
        /// What kind of name was expected (`degree_level`).
        field: String,
        /// The name as given.
        value: String,
        /// Every name that would have been accepted.
        expected: Vec<&'static str>,
    },
    /// Two programs in one catalogue share an id.
    #[error("program id {id:?} appears twice: at {first} and at {second}")]
    DuplicateProgramId {
        /// The repeated id.
        id: String,
        /// Where it first appears.
        first: Box<Location>,
        /// Where it appears again.
        second: Box<Location>,
    },
    /// A document could not be read as the expected format (malformed JSON or CSV, a wrong type,
    /// or a value the model refused, with its place).
    #[error("{location}: {message}")]
    Parse {
        /// Where the problem is.
        location: Box<Location>,
        /// What is wrong there.
        message: String,
    },
    /// A program id that is not in the catalogue.
    #[error("no program with id {id:?} in the catalogue")]
    UnknownProgram {
        /// The id asked for.
        id: String,
    },
    /// Reading from a file or stream failed.
    #[error("{path}: {message}")]
    Io {
        /// The file or stream being read.
        path: String,
        /// The operating system's description of the failure.
        message: String,
    },
}

impl Error {
    pub(crate) fn invalid(
        field: impl Into<String>,
        value: impl fmt::Display,
        rule: impl Into<String>,
    ) -> Self {
        Self::Invalid {
            field: field.into(),
            value: value.to_string(),
            rule: rule.into(),
        }
    }

    /// Re-labels a refusal of a bare value with the field it was found in, so that
    /// `rate: 1.4 …` becomes `outcomes.graduation_rate: 1.4 …`.
    #[must_use]
    pub(crate) fn in_field(self, name: &str) -> Self {
        match self {
            Self::Invalid { value, rule, .. } => Self::Invalid {
                field: name.to_owned(),
                value,
                rule,
            },
            Self::UnknownName { value, expected, .. } => Self::UnknownName {
                field: name.to_owned(),
                value,
                expected,
            },
            other => other,
        }
    }

    /// The field a validation error names, if it names one.
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Invalid { field, .. } | Self::UnknownName { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// Where in an input a problem was found.
///
/// Displays as `programs.json line 4, column 12, field [1].cost.credits`,
/// `oews.csv line 17, column A_MEDIAN` or `national.xlsx sheet All May 2024 data, row 9, column
/// TOT_EMP`, leaving out the parts that are not known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
