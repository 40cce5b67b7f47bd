//! What kind of problem an error is, and each kind's name.

use std::fmt;

#[cfg(doc)]
use super::Error;

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
    /// Reading from a file or stream failed; the operating system's error is
    /// [`Error::io_error`].
    Io,
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
