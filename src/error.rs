//! The crate's one error type.

use std::fmt;
use std::sync::Arc;

mod json;
mod kind;
mod location;

pub(crate) use json::deserialize_by_try_from;
pub use kind::ErrorKind;
pub use location::Location;

/// A `Result` whose error is [`himkit::Error`](Error).
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in himkit.
///
/// A program branches on [`Error::kind`]; [`Error::location`] says where in an input the
/// problem was found, as data; [`Error::field`] and [`Error::value`] name what the model
/// refused. A reader that finds a value the model refuses keeps the model's own error inside
/// its located one, so `column PRIM_STATE: state: "ZZ" is not a known state …` answers
/// [`kind`](Error::kind) [`ErrorKind::UnknownName`] and [`field`](Error::field) `state`, not
/// only text, and so does the same name read from JSON.
///
/// The message is lowercase, has no trailing period and names what was refused: the field, the
/// value as given and the rule it broke, e.g. `graduation_rate: 1.4 is not a fraction between 0
/// and 1`; readers put where the value was found in front (`programs.json line 17: …`).
///
/// The message is the whole story, causes included, so
/// [`source`](std::error::Error::source) does not return what the message already says: a
/// reporter that prints an error and then each source in turn (as `anyhow` and `eyre` do)
/// shows every cause once. The operating system's error of a failure to read is
/// [`Error::io_error`]. Messages may improve between releases; kinds, locations, fields and
/// values are the stable part.
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

#[derive(Clone)]
struct Repr {
    kind: ErrorKind,
    location: Option<Location>,
    detail: Detail,
}

#[derive(Clone)]
enum Detail {
    /// A field, the value refused in it if one single value was, and the rule it broke
    /// (`rate: 1.4 is not a fraction between 0 and 1`, `weights: all zero leave nothing to
    /// score …`).
    Rule {
        field: String,
        value: Option<Refused>,
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

/// A refused value as given, and how a message shows it.
#[derive(Clone)]
enum Refused {
    /// A number or a word shown as it is (`1.4`, `institution`).
    Plain(String),
    /// A value shown in the model's form (an amount as `$12,500`), given as `given` (`12500`).
    Shown { given: String, shown: String },
    /// Text the user typed, shown quoted (`"12O"`) and cut to its first
    /// [`Refused::SHOWN_CHARS`] characters, since it may be long or hold anything.
    Text(String),
}

impl Refused {
    /// The most characters of a refused text a message quotes.
    const SHOWN_CHARS: usize = 80;

    fn as_str(&self) -> &str {
        match self {
            Self::Plain(value) | Self::Text(value) | Self::Shown { given: value, .. } => value,
        }
    }
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Plain(value) | Self::Shown { shown: value, .. } => f.write_str(value),
            Self::Text(text) => {
                let shown: String = text.chars().take(Self::SHOWN_CHARS).collect();
                write!(f, "{shown:?}")
            }
        }
    }
}

impl Error {
    fn new(kind: ErrorKind, location: Option<Location>, detail: Detail) -> Self {
        Self(Box::new(Repr {
            kind,
            location,
            detail,
        }))
    }

    /// A value that broke a rule of the model: `field: value rule`, the value shown as it
    /// displays (a number, a name of the model's).
    pub(crate) fn invalid(
        field: impl Into<String>,
        value: impl fmt::Display,
        rule: impl Into<String>,
    ) -> Self {
        Self::rule(field.into(), Some(Refused::Plain(value.to_string())), rule.into())
    }

    /// A value that broke a rule of the model, shown in the model's form (`$12,500`) and kept
    /// as given (`12500`) for [`Error::value`].
    pub(crate) fn invalid_shown(
        field: impl Into<String>,
        given: impl fmt::Display,
        shown: impl fmt::Display,
        rule: impl Into<String>,
    ) -> Self {
        let value = Refused::Shown {
            given: given.to_string(),
            shown: shown.to_string(),
        };
        Self::rule(field.into(), Some(value), rule.into())
    }

    /// Text that broke a rule of the model: `field: "text" rule`, quoted in the message and
    /// kept as given for [`Error::value`].
    pub(crate) fn invalid_text(field: impl Into<String>, text: &str, rule: impl Into<String>) -> Self {
        Self::rule(field.into(), Some(Refused::Text(text.to_owned())), rule.into())
    }

    /// A rule that no single value broke (weights that are all zero, a sum too large, a part
    /// that is missing): `field: rule`, with no [`Error::value`]. `rule` says what was wrong.
    pub(crate) fn invalid_field(field: impl Into<String>, rule: impl Into<String>) -> Self {
        Self::rule(field.into(), None, rule.into())
    }

    fn rule(field: String, value: Option<Refused>, rule: String) -> Self {
        Self::new(ErrorKind::Invalid, None, Detail::Rule { field, value, rule })
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

    /// This error found at `location`: a new error of the same kind, field and value, whose
    /// message puts the location before this one's.
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

    /// The refused value as given (`1.4`, `ZZ`, `12O` without quotes), here or in its cause;
    /// `None` where no single value was refused (the weights are all zero, say), and the
    /// message says what was wrong.
    ///
    /// ```
    /// use himkit::StudentProfile;
    /// use himkit::value::CipCode;
    ///
    /// let error = "51.07O7".parse::<CipCode>().unwrap_err();
    /// assert_eq!(error.value(), Some("51.07O7"));
    /// assert!(error.to_string().starts_with("cip_code: \"51.07O7\" is not"));
    ///
    /// let json = r#"{"home_state": "OH", "weights": {"total-cost": 0}}"#;
    /// let error = StudentProfile::from_json_str("me.json", json).unwrap_err();
    /// assert_eq!((error.field(), error.value()), (Some("weights"), None));
    /// ```
    #[must_use]
    pub fn value(&self) -> Option<&str> {
        match &self.0.detail {
            Detail::Rule { value, .. } => value.as_ref().map(Refused::as_str),
            Detail::Name { value, .. } => Some(value),
            Detail::Duplicate { id, .. } | Detail::UnknownProgram { id } => Some(id),
            Detail::Cause(cause) => cause.value(),
            _ => None,
        }
    }

    /// The operating system's error, for a failure to read ([`ErrorKind::Io`]), here or in
    /// its cause: its [`kind`](std::io::Error::kind) and
    /// [`raw_os_error`](std::io::Error::raw_os_error) tell a missing file from a refused one.
    ///
    /// ```
    /// use himkit::io::{OewsOptions, read_oews_path};
    ///
    /// let missing = std::path::Path::new("no-such-directory/oews.csv");
    /// let error = read_oews_path(missing, &OewsOptions::default()).unwrap_err();
    /// assert_eq!(error.io_error().map(std::io::Error::kind), Some(std::io::ErrorKind::NotFound));
    /// ```
    #[must_use]
    pub fn io_error(&self) -> Option<&std::io::Error> {
        match &self.0.detail {
            Detail::Io(error) => Some(error),
            Detail::Cause(cause) => cause.io_error(),
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
                match value {
                    Some(value) => write!(f, "{field}: {value} {rule}"),
                    None => write!(f, "{field}: {rule}"),
                }
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

/// The message already says what a cause, a reading failure or serde's error said, so only
/// what lies below them is a source: an error's text appears once in a chain (Rust's
/// error-handling guidance: return a cause from `source` or say it in the message, never both;
/// `std::io::Error`, `serde_json::Error` and jiff keep it too).
impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.detail {
            Detail::Cause(cause) => cause.source(),
            Detail::Io(error) => error.source(),
            Detail::Json { error, .. } => error.source(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error and each source below it, as a reporter that walks the chain prints them.
    fn chain(error: &(dyn std::error::Error + 'static)) -> Vec<String> {
        let mut messages = vec![error.to_string()];
        let mut next = error.source();
        while let Some(source) = next {
            messages.push(source.to_string());
            next = source.source();
        }
        messages
    }

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
        assert_eq!(located.reason(), cause.to_string());
        // The message has the cause's, so the chain does not repeat it.
        assert_eq!(chain(&located), [located.to_string()]);
    }

    #[test]
    fn an_io_error_is_told_once_and_kept_for_its_kind() {
        let error = Error::io("missing.csv", std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(error.kind(), ErrorKind::Io);
        assert!(error.to_string().starts_with("missing.csv: "));
        assert_eq!(
            error.io_error().map(std::io::Error::kind),
            Some(std::io::ErrorKind::NotFound)
        );
        let located = error.clone().at(Location::line_of("missing.csv", Some(2)));
        assert_eq!(
            located.io_error().map(std::io::Error::kind),
            Some(std::io::ErrorKind::NotFound)
        );
        assert_eq!(chain(&error), [error.to_string()]);
    }

    #[test]
    fn what_lies_below_a_reading_failure_is_its_source_once() {
        #[derive(Debug)]
        struct Disk;
        impl fmt::Display for Disk {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("sector 7 unreadable")
            }
        }
        impl std::error::Error for Disk {}
        #[derive(Debug)]
        struct Driver(Disk);
        impl fmt::Display for Driver {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the driver gave up")
            }
        }
        impl std::error::Error for Driver {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        let error = Error::io("data.csv", std::io::Error::other(Driver(Disk)))
            .at(Location::line_of("data.csv", Some(9)));
        let report = chain(&error).join("\ncaused by: ");
        assert_eq!(
            report,
            "data.csv line 9: data.csv: the driver gave up\ncaused by: sector 7 unreadable"
        );
    }

    #[test]
    fn value_is_the_refused_value_as_given_or_none() {
        let text = Error::invalid_text("cip_code", "51.07x", "is not a CIP code");
        assert_eq!(text.value(), Some("51.07x"));
        assert_eq!(text.to_string(), "cip_code: \"51.07x\" is not a CIP code");
        let long = "x".repeat(200);
        let error = Error::invalid_text("text", &long, "is too long");
        assert_eq!(error.value(), Some(long.as_str()));
        assert_eq!(
            error.to_string(),
            format!("text: {:?} is too long", "x".repeat(Refused::SHOWN_CHARS))
        );
        let whole = Error::invalid_field("weights", "all zero leave nothing to score");
        assert_eq!(whole.value(), None);
        assert_eq!(whole.field(), Some("weights"));
        assert_eq!(whole.to_string(), "weights: all zero leave nothing to score");
        assert_eq!(Error::invalid("rate", 1.4, "is too high").value(), Some("1.4"));
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
