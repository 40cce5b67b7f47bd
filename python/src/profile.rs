//! Profiles: what a student wants, read from a dict, JSON text or a file.

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString};

use himkit::select::Method;
use himkit::{StudentProfile, UsState};

use crate::convert::{json_text, pretty, read_text, to_python, type_name};
use crate::errors::IntoPy;
use crate::records::{cached_dict, field};

/// A prospective student's profile: hard constraints, weighted criteria, and how missing data is
/// treated.
///
/// ``Profile(spec)`` reads the documented profile format from a ``dict`` or a JSON string;
/// ``home_state`` is the one required field. Every call that takes a profile also takes the dict
/// or the string itself; a ``Profile`` is read once and reused. Its attributes are the fields of
/// its JSON form (``home_state``, ``degree_levels``, ``weights``, ``method`` …).
#[pyclass(frozen, module = "himkit", name = "Profile")]
pub(crate) struct PyProfile {
    inner: StudentProfile,
    data: PyOnceLock<Py<PyDict>>,
}

impl From<StudentProfile> for PyProfile {
    fn from(inner: StudentProfile) -> Self {
        Self {
            inner,
            data: PyOnceLock::new(),
        }
    }
}

/// A profile argument before it is read: text can be read without the GIL.
pub(crate) enum ProfileInput {
    Read(Box<StudentProfile>),
    Text(String, &'static str),
}

impl ProfileInput {
    pub(crate) fn from_python(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(profile) = value.cast::<PyProfile>() {
            return Ok(Self::Read(Box::new(profile.get().inner.clone())));
        }
        if let Ok(text) = value.cast::<PyString>() {
            return Ok(Self::Text(text.to_cow()?.into_owned(), "profile"));
        }
        if value.is_instance_of::<PyDict>() {
            return Ok(Self::Text(json_text(value, "profile")?, "profile"));
        }
        Err(PyTypeError::new_err(format!(
            "a profile is a himkit.Profile, a dict or a JSON str, not {}",
            type_name(value)
        )))
    }

    pub(crate) fn read(self) -> himkit::Result<StudentProfile> {
        match self {
            Self::Read(profile) => Ok(*profile),
            Self::Text(text, source) => StudentProfile::from_json_str(source, &text),
        }
    }
}

#[pymethods]
impl PyProfile {
    #[new]
    #[pyo3(signature = (spec, *, source = "profile"))]
    fn new(spec: &Bound<'_, PyAny>, source: &str) -> PyResult<Self> {
        match ProfileInput::from_python(spec)? {
            ProfileInput::Text(text, _) => StudentProfile::from_json_str(source, &text)
                .or_raise()
                .map(Self::from),
            ProfileInput::Read(profile) => Ok(Self::from(*profile)),
        }
    }

    /// Reads a profile from a JSON file (``str`` or ``pathlib.Path``).
    #[staticmethod]
    fn read(path: PathBuf) -> PyResult<Self> {
        let text = read_text(&path)?;
        StudentProfile::from_json_str(&path.display().to_string(), &text)
            .or_raise()
            .map(Self::from)
    }

    /// The documented example: a student in ``home_state`` (``"OH"``) who wants an accredited
    /// associate or bachelor's program, online or hybrid, with the default weights, desired
    /// skills in coding, EHR and data analytics, and a preference for online study.
    #[staticmethod]
    fn example(home_state: &str) -> PyResult<Self> {
        let state: UsState = home_state.parse().or_raise()?;
        Ok(Self::from(StudentProfile::example(state)))
    }

    /// The same profile with another aggregation method (``"weighted-sum"`` or ``"topsis"``).
    fn with_method(&self, method: &str) -> PyResult<Self> {
        let method: Method = method.parse().or_raise()?;
        Ok(Self::from(self.inner.clone().with_method(method)))
    }

    /// The profile in its JSON form, pretty-printed.
    fn to_json(&self) -> PyResult<String> {
        pretty(&self.inner, "profile")
    }

    /// The profile's JSON form as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let data = cached_dict(py, &self.data, &self.inner)?;
        field(py, "Profile", &data, name)
    }

    fn __dir__(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        let data = cached_dict(py, &self.data, &self.inner)?;
        let mut names: Vec<String> = data.keys().iter().map(|key| key.to_string()).collect();
        names.extend(["with_method", "to_json", "to_dict"].map(str::to_owned));
        Ok(names)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyProfile>()
            .is_ok_and(|other| other.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "<himkit.Profile home_state={} method={}>",
            self.inner.home_state().code(),
            self.inner.method()
        )
    }
}
