//! The library's errors as Python exceptions.
//!
//! The exception classes live in `himkit/_errors.py`: one of them (`himkit.IoError`) is both a
//! `himkit.Error` and an `OSError`, which a class made with `PyO3`'s `create_exception!` cannot be,
//! and Python code can give them keyword constructors and `__reduce__`. Rust builds an instance
//! through the module's `_from_native`, which picks the class by the kind's name: the library's
//! own (`ErrorKind::as_str`). The module exports every name (`ERROR_KINDS`), and
//! `himkit/_errors.py` refuses to import without a class for each, so a kind the library adds
//! cannot be missed here.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use himkit::ErrorKind;

/// `himkit._errors._from_native`, looked up once.
static FROM_NATIVE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A library error on its way to Python: `?` turns it into the exception of its kind.
pub(crate) struct Failure(pub(crate) himkit::Error);

impl From<himkit::Error> for Failure {
    fn from(error: himkit::Error) -> Self {
        Self(error)
    }
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> Self {
        Python::attach(|py| match exception(py, &failure.0) {
            Ok(instance) => PyErr::from_value(instance),
            Err(error) => error,
        })
    }
}

/// The result of a library call, with its error bound for Python.
pub(crate) trait IntoPy<T> {
    /// The value, or the library's error as the exception of its kind.
    fn or_raise(self) -> PyResult<T>;
}

impl<T> IntoPy<T> for himkit::Result<T> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(|error| PyErr::from(Failure(error)))
    }
}

/// The name of every kind of the library's errors, for `himkit._errors` to check its classes
/// against.
pub(crate) fn kind_names() -> Vec<&'static str> {
    ErrorKind::all().map(ErrorKind::as_str).collect()
}

/// A problem found by the bindings themselves, before the library saw the input: a value that
/// JSON cannot hold, a file that cannot be opened. Raised as the same exception classes, with
/// the same attributes, as the library's errors.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub(crate) kind: ErrorKind,
    pub(crate) message: String,
    pub(crate) source: Option<String>,
    pub(crate) path: Option<String>,
    pub(crate) field: Option<String>,
    pub(crate) value: Option<String>,
    pub(crate) reason: String,
    /// The operating system's error number, for a failure to read.
    pub(crate) errno: Option<i32>,
}

impl Problem {
    /// A problem of `kind` whose message is its reason, with no location.
    fn new(kind: ErrorKind, reason: String) -> Self {
        Self {
            kind,
            message: reason.clone(),
            source: None,
            path: None,
            field: None,
            value: None,
            reason,
            errno: None,
        }
    }

    /// A value refused by the bindings: `field: value reason`, as the library words its own.
    pub(crate) fn invalid(field: &str, value: &str, reason: &str) -> Self {
        let field_text = if field.is_empty() { "profile" } else { field };
        Self {
            message: format!("{field_text}: {value} {reason}"),
            field: Some(field_text.to_owned()),
            value: Some(value.to_owned()),
            ..Self::new(ErrorKind::Invalid, format!("{value} {reason}"))
        }
    }

    /// Input past a bound the bindings keep.
    pub(crate) fn too_large(source: &str, reason: String) -> Self {
        Self {
            message: format!("{source}: {reason}"),
            source: Some(source.to_owned()),
            ..Self::new(ErrorKind::TooLarge, reason)
        }
    }

    /// A file that could not be read, worded as the library words its own (`path: reason`).
    pub(crate) fn io(path: &str, error: &std::io::Error) -> Self {
        Self {
            message: format!("{path}: {error}"),
            source: Some(path.to_owned()),
            errno: error.raw_os_error(),
            ..Self::new(ErrorKind::Io, error.to_string())
        }
    }

    /// A file whose bytes are not UTF-8 text.
    pub(crate) fn not_text(path: &str, error: &std::str::Utf8Error) -> Self {
        let reason = format!("the file is not UTF-8 text ({error})");
        Self {
            message: format!("{path}: {reason}"),
            source: Some(path.to_owned()),
            ..Self::new(ErrorKind::Malformed, reason)
        }
    }
}

impl From<Problem> for PyErr {
    fn from(problem: Problem) -> Self {
        Python::attach(|py| match problem_exception(py, &problem) {
            Ok(instance) => PyErr::from_value(instance),
            Err(error) => error,
        })
    }
}

fn from_native(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    FROM_NATIVE
        .get_or_try_init(py, || {
            py.import("himkit._errors")?
                .getattr("_from_native")
                .map(Bound::unbind)
        })
        .map(|function| function.bind(py))
}

/// The location's parts, in the order `_from_native` takes them.
type LocationParts = (
    Option<String>,
    Option<String>,
    Option<u64>,
    Option<u64>,
    Option<String>,
    Option<String>,
);

/// The exception instance for a library error (not raised: readers return skipped rows' errors
/// as values).
pub(crate) fn exception<'py>(py: Python<'py>, error: &himkit::Error) -> PyResult<Bound<'py, PyAny>> {
    let location: Option<LocationParts> = error.location().map(|place| {
        (
            place.source.clone(),
            place.sheet.clone(),
            place.line,
            place.column,
            place.column_name.clone(),
            place.path.clone(),
        )
    });
    let errno = error.io_error().and_then(std::io::Error::raw_os_error);
    from_native(py)?.call1((
        error.kind().as_str(),
        error.to_string(),
        location,
        error.field(),
        error.value(),
        error.reason(),
        errno,
    ))
}

fn problem_exception<'py>(py: Python<'py>, problem: &Problem) -> PyResult<Bound<'py, PyAny>> {
    let location: Option<LocationParts> = (problem.source.is_some() || problem.path.is_some()).then(|| {
        (
            problem.source.clone(),
            None,
            None,
            None,
            None,
            problem.path.clone(),
        )
    });
    from_native(py)?.call1((
        problem.kind.as_str(),
        problem.message.as_str(),
        location,
        problem.field.as_deref(),
        problem.value.as_deref(),
        problem.reason.as_str(),
        problem.errno,
    ))
}

/// The errors of skipped rows, as exception instances.
pub(crate) fn exceptions<'py>(py: Python<'py>, errors: &[himkit::Error]) -> PyResult<Vec<Bound<'py, PyAny>>> {
    errors.iter().map(|error| exception(py, error)).collect()
}
