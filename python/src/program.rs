//! One program, read through the attributes of its JSON form.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

use himkit::{Credential, Program};

use crate::convert::to_python;
use crate::errors::{IntoPy, Problem};
use crate::records::{cached_dict, field, make};

/// One HIM program: institution, degree and award level, delivery, cost, accreditation,
/// outcomes and the source of each fact.
///
/// Its attributes are the fields of the library's JSON form of a program (``id``, ``name``,
/// ``institution``, ``degree_level``, ``cost``, ``outcomes`` …); nested objects are records with
/// attributes of their own. ``str(program)`` reads as "name — institution (city, state)".
#[pyclass(frozen, module = "himkit", name = "Program")]
pub(crate) struct PyProgram {
    pub(crate) inner: Program,
    data: PyOnceLock<Py<PyDict>>,
}

impl From<Program> for PyProgram {
    fn from(inner: Program) -> Self {
        Self {
            inner,
            data: PyOnceLock::new(),
        }
    }
}

#[pymethods]
impl PyProgram {
    /// The program's id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id().as_str()
    }

    /// Whether graduates may sit a credential's exam (``"rhit"``, ``"rhia"``, ``"ccs"`` …), as
    /// an ``Eligibility`` record whose ``eligibility`` is ``eligible``, ``not-eligible`` (with
    /// every reason), ``unknown`` (accreditation not verified), ``no-program-required`` or
    /// ``rule-unconfirmed``.
    fn eligibility<'py>(&self, py: Python<'py>, credential: &str) -> PyResult<Bound<'py, PyAny>> {
        let credential: Credential = credential.parse().or_raise()?;
        make(
            py,
            "Eligibility",
            to_python(py, &self.inner.eligibility(credential))?,
        )
    }

    /// The program in the library's JSON form, pretty-printed.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.inner).map_err(|error| {
            Problem::invalid("program", &error.to_string(), "cannot be written as JSON").into()
        })
    }

    /// The program's JSON form as plain Python data (a new dict each call).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner)
    }

    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let data = cached_dict(py, &self.data, &self.inner)?;
        field(py, "Program", &data, name)
    }

    fn __dir__(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        let data = cached_dict(py, &self.data, &self.inner)?;
        let mut names: Vec<String> = data.keys().iter().map(|key| key.to_string()).collect();
        names.extend(["eligibility", "to_json", "to_dict"].map(str::to_owned));
        Ok(names)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyProgram>()
            .is_ok_and(|other| other.get().inner == self.inner)
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<himkit.Program {}>", self.inner.id())
    }
}
