//! The crate's one error type.

use std::fmt;
use std::sync::Arc;

/// A `Result` whose error is [`himkit::Error`](Error).
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in himkit.
///
/// A program branches on [`Error::kind`]; [`Error::location`] says where in an input the
/// problem was found, as data; [`Error::field`] and [`Error::value`] name what the model
/// refused. A reader that finds a value the model refuses keeps the model's own error as the
/// [`source`](std::error::Error::source) of its located one, so `column PRIM_STATE: state: "ZZ"
/// is not a known state …` is a location wrapped round an [`ErrorKind::UnknownName`] error
/// whose field is `state`, not only text.
///
/// The message is lowercase, has no trailing period and names what was refused: the field, the
/// value as given and the rule it broke, e.g. `graduation_rate: 1.4 is not a fraction between 0
/// and 1`; readers put where the value was found in front (`programs.json line 17: …`). The
/// message already includes the cause's, so a reporter that prints every
/// [`source`](std::error::Error::source) in turn shows the cause twice. Messages may improve
/// between releases; kinds, locations and fields are the stable part.
///
/// ```
/// use himkit::{ErrorKind, Rate, UsState};
///
/// let error = "ZZ".parse::<UsState>().unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::UnknownName);
/// assert_eq!((error.field(), error.value()), (Some("state"), Some("ZZ")));
///
/// let error = Rate::new(1.4).unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::Invalid);
/// assert_eq!(error.to_string(), "rate: 1.4 is not a fraction between 0 and 1");
/// assert!(error.location().is_none());
/// ```
#[derive(Clone)]
pub struct Error(Box<Repr>);

/// What kind of problem an [`Error`] is: the part of an error a program branches on.
///
/// Each kind has a name, its variant's name in kebab-case ([`as_str`](Self::as_str):
/// `unknown-name`), for bindings and logs that name kinds in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// A value broke a rule of the model or of the file's layout (a rate above 1, an empty
    /// name, a cell that is not a whole number, a JSON value of the wrong type).
    Invalid,
    /// A name that is not one of a closed vocabulary (degree levels, credentials, states …).
    UnknownName,
    /// The input is not the expected format: malformed JSON or CSV, a row with the wrong
    /// number of fields, a required column missing from the header.
    Malformed,
    /// The input goes past one of the [`Limits`](crate::io::Limits).
    TooLarge,
    /// Two programs in one catalogue share an id.
    DuplicateProgramId,
    /// A program id that is not in the catalogue.
    UnknownProgram,
    /// Reading from a file or stream failed; the operating system's error is the
    /// [`source`](std::error::Error::source).
    Io,
}

#[derive(Clone)]
struct Repr {
    kind: ErrorKind,
    location: Option<Location>,
    detail: Detail,
}

#[derive(Clone)]
enum Detail {
    /// A value and the rule it broke (`rate: 1.4 is not a fraction between 0 and 1`).
    Rule {
        field: String,
        value: String,
        rule: String,
    },
    /// A name outside a vocabulary, and every name that would have been accepted.
    Name {
        field: String,
        value: String,
        expected: Vec<&'static str>,
    },
    /// The places of both programs (boxed: two locations would make every detail large).
    Duplicate {
        id: String,
        places: Box<[Location; 2]>,
    },
    UnknownProgram {
        id: String,
    },
    /// What is wrong at the location, in words.
    Text(String),
    /// An error of the model (or of a reader below), found at the location.
    Cause(Error),
    /// A failure to read.
    Io(Arc<std::io::Error>),
    /// A JSON document that could not be read: the message without serde's own position
    /// (the location has it), and serde's error.
    Json {
        message: String,
        error: Arc<serde_json::Error>,
    },
}

impl Error {
    fn new(kind: ErrorKind, location: Option<Location>, detail: Detail) -> Self {
        Self(Box::new(Repr {
            kind,
            location,
            detail,
        }))
    }

    /// A value that broke a rule of the model: `field: value rule`.
    pub(crate) fn invalid(
        field: impl Into<String>,
        value: impl fmt::Display,
        rule: impl Into<String>,
    ) -> Self {
        Self::new(
            ErrorKind::Invalid,
            None,
            Detail::Rule {
                field: field.into(),
                value: value.to_string(),
                rule: rule.into(),
            },
        )
    }

    /// A name that is not one of `expected`.
    pub(crate) fn unknown_name(
        field: impl Into<String>,
        value: impl Into<String>,
        expected: Vec<&'static str>,
    ) -> Self {
        Self::new(
            ErrorKind::UnknownName,
            None,
            Detail::Name {
                field: field.into(),
                value: value.into(),
                expected,
            },
        )
    }

    /// A problem of `kind` at `location`, in words.
    pub(crate) fn at_location(kind: ErrorKind, location: Location, message: impl Into<String>) -> Self {
        Self::new(kind, Some(location), Detail::Text(message.into()))
    }

    /// Input that is not the expected format, at `location`.
    pub(crate) fn malformed(location: Location, message: impl Into<String>) -> Self {
        Self::at_location(ErrorKind::Malformed, location, message)
    }

    /// Input past a bound of [`Limits`](crate::io::Limits), at `location`.
    pub(crate) fn too_large(location: Location, message: impl Into<String>) -> Self {
        Self::at_location(ErrorKind::TooLarge, location, message)
    }

    /// A failure to read `path`.
    pub(crate) fn io(path: impl Into<String>, error: std::io::Error) -> Self {
        Self::new(
            ErrorKind::Io,
            Some(Location::in_source(path)),
            Detail::Io(Arc::new(error)),
        )
    }

    /// Two programs with the same id.
    pub(crate) fn duplicate_program_id(id: impl Into<String>, first: Location, second: Location) -> Self {
        Self::new(
            ErrorKind::DuplicateProgramId,
            None,
            Detail::Duplicate {
                id: id.into(),
                places: Box::new([first, second]),
            },
        )
    }

    /// An id that is not in the catalogue.
    pub(crate) fn unknown_program(id: impl Into<String>) -> Self {
        Self::new(
            ErrorKind::UnknownProgram,
            None,
            Detail::UnknownProgram { id: id.into() },
        )
    }

    /// A JSON document that could not be read, at `location` (serde's own position left out
    /// of the message, since the location has it). A refused value is
    /// [`ErrorKind::Invalid`]: serde passes the model's error on as text only, so it is not
    /// kept as the cause.
    pub(crate) fn json(location: Location, error: serde_json::Error) -> Self {
        let message = error.to_string();
        let message = match message.rfind(" at line ") {
            Some(cut) => message.get(..cut).unwrap_or(&message).to_owned(),
            None => message,
        };
        let kind = match error.classify() {
            serde_json::error::Category::Io => ErrorKind::Io,
            serde_json::error::Category::Data => ErrorKind::Invalid,
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => ErrorKind::Malformed,
        };
        Self::new(
            kind,
            Some(location),
            Detail::Json {
                message,
                error: Arc::new(error),
            },
        )
    }

    /// This error found at `location`: a new error of the same kind whose
    /// [`source`](std::error::Error::source) is this one.
    #[must_use]
    pub(crate) fn at(self, location: Location) -> Self {
        Self::new(self.kind(), Some(location), Detail::Cause(self))
    }

    /// Re-labels a refusal of a bare value with the field it was found in, so that
    /// `rate: 1.4 …` becomes `outcomes.graduation_rate: 1.4 …`.
    #[must_use]
    pub(crate) fn in_field(mut self, name: &str) -> Self {
        if let Detail::Rule { field, .. } | Detail::Name { field, .. } = &mut self.0.detail {
            name.clone_into(field);
        }
        self
    }

    /// The places of both programs, for a duplicate id (none for any other error), so that a
    /// reader can say where they are in its input.
    pub(crate) fn duplicate_places_mut(&mut self) -> impl Iterator<Item = &mut Location> {
        let places = match &mut self.0.detail {
            Detail::Duplicate { places, .. } => Some(places.iter_mut()),
            _ => None,
        };
        places.into_iter().flatten()
    }

    /// What kind of problem this is.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Where in an input the problem was found: the file, line (or sheet and row), column and
    /// path inside a document, as far as they are known; `None` for a value refused outside
    /// any input (a constructor's argument, say).
    #[must_use]
    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }

    /// The field a refusal names (`outcomes.graduation_rate`, `state`), here or in its cause.
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        match &self.0.detail {
            Detail::Rule { field, .. } | Detail::Name { field, .. } => Some(field),
            Detail::Cause(cause) => cause.field(),
            _ => None,
        }
    }

    /// The refused value as given (`1.4`, `ZZ`), here or in its cause.
    #[must_use]
    pub fn value(&self) -> Option<&str> {
        match &self.0.detail {
            Detail::Rule { value, .. } | Detail::Name { value, .. } => Some(value),
            Detail::Duplicate { id, .. } | Detail::UnknownProgram { id } => Some(id),
            Detail::Cause(cause) => cause.value(),
            _ => None,
        }
    }

    /// What is wrong, without where: the message a located error puts after its location
    /// (the whole message for an error with none).
    #[must_use]
    pub fn reason(&self) -> String {
        match &self.0.detail {
            Detail::Text(message) | Detail::Json { message, .. } => message.clone(),
            Detail::Cause(cause) => cause.to_string(),
            Detail::Io(error) => error.to_string(),
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let location = self.0.location.as_ref();
        match &self.0.detail {
            Detail::Rule { field, value, rule } => {
                if let Some(location) = location {
                    write!(f, "{location}: ")?;
                }
                write!(f, "{field}: {value} {rule}")
            }
            Detail::Name {
                field,
                value,
                expected,
            } => {
                if let Some(location) = location {
                    write!(f, "{location}: ")?;
                }
                write!(
                    f,
                    "{field}: {value:?} is not a known {field}; expected one of: {}",
                    expected.join(", ")
                )
            }
            Detail::Duplicate { id, places } => {
                let [first, second] = &**places;
                write!(f, "program id {id:?} appears twice: at {first} and at {second}")
            }
            Detail::UnknownProgram { id } => write!(f, "no program with id {id:?} in the catalogue"),
            Detail::Text(message) | Detail::Json { message, .. } => {
                write!(f, "{}: {message}", Located(location))
            }
            Detail::Cause(cause) => write!(f, "{}: {cause}", Located(location)),
            Detail::Io(error) => write!(f, "{}: {error}", Located(location)),
        }
    }
}

/// A location as a message's prefix: `input` where nothing is known.
struct Located<'a>(Option<&'a Location>);

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(location) => location.fmt(f),
            None => f.write_str("input"),
        }
    }
}

impl fmt::Debug for Error {
    /// The kind and the message, so that an `unwrap` in a test reads well.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {self}", self.0.kind)
    }
}

impl PartialEq for Error {
    fn eq(&self, other: &Self) -> bool {
        self.0.kind == other.0.kind
            && self.0.location == other.0.location
            && self.to_string() == other.to_string()
    }
}

impl Eq for Error {}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.detail {
            Detail::Cause(cause) => Some(cause),
            Detail::Io(error) => Some(&**error),
            Detail::Json { error, .. } => Some(&**error),
            _ => None,
        }
    }
}

impl ErrorKind {
    /// The kind's name: its variant's name in kebab-case, as bindings name the kind (Python's
    /// `himkit.ErrorKind` values are these names).
    ///
    /// ```
    /// use himkit::ErrorKind;
    ///
    /// assert_eq!(ErrorKind::UnknownName.as_str(), "unknown-name");
    /// assert_eq!(ErrorKind::Io.as_str(), "io");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Every kind, in the order declared: what a binding that gives each kind its own class
    /// checks its classes against, so that a kind added here cannot be missed there.
    ///
    /// ```
    /// use himkit::ErrorKind;
    ///
    /// assert!(ErrorKind::all().any(|kind| kind == ErrorKind::TooLarge));
    /// assert_eq!(ErrorKind::all().next(), Some(ErrorKind::Invalid));
    /// ```
    pub fn all() -> impl Iterator<Item = Self> {
        <Self as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Invalid => "invalid value",
            Self::UnknownName => "unknown name",
            Self::Malformed => "malformed input",
            Self::TooLarge => "input too large",
            Self::DuplicateProgramId => "duplicate program id",
            Self::UnknownProgram => "unknown program",
            Self::Io => "reading failed",
        })
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn a_located_error_keeps_its_cause_and_kind() {
        let cause = Error::unknown_name("state", "ZZ", vec!["OH", "TX"]);
        let located = cause
            .clone()
            .at(Location::line_of("hd.csv", Some(3)).in_column("STABBR"));
        assert_eq!(located.kind(), ErrorKind::UnknownName);
        assert_eq!(located.field(), Some("state"));
        assert_eq!(located.value(), Some("ZZ"));
        assert_eq!(located.location().and_then(|place| place.line), Some(3));
        assert_eq!(
            located.to_string(),
            "hd.csv line 3, column STABBR: state: \"ZZ\" is not a known state; expected one of: OH, TX"
        );
        let source = located.source().and_then(|source| source.downcast_ref::<Error>());
        assert_eq!(source, Some(&cause));
        assert_eq!(located.reason(), cause.to_string());
    }

    #[test]
    fn an_io_error_is_its_source() {
        let error = Error::io("missing.csv", std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(error.kind(), ErrorKind::Io);
        assert!(error.to_string().starts_with("missing.csv: "));
        assert!(error.source().is_some());
    }

    #[test]
    fn text_without_a_location_says_input() {
        let error = Error::malformed(Location::default(), "the row has 3 fields where the header has 4");
        assert_eq!(
            error.to_string(),
            "input: the row has 3 fields where the header has 4"
        );
        assert_eq!(format!("{error:?}"), format!("Malformed: {error}"));
    }
}
