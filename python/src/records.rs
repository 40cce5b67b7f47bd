//! Results as Python objects with attributes, built from the library's own serialization by
//! the classes of `himkit/_records.py`, so that a field the library adds appears in Python
//! without a change here.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;
use serde::Serialize;

use himkit::io::BuildSummary;

use crate::convert::to_python;
use crate::errors::exceptions;

static FIELD: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static MAKE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RECORDS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn helper<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
) -> PyResult<&'py Bound<'py, PyAny>> {
    cell.get_or_try_init(py, || {
        py.import("himkit._records")?.getattr(name).map(Bound::unbind)
    })
    .map(|function| function.bind(py))
}

/// Field `name` of an object of class `owner` (`Ranking`, `Program` …) whose serialization is
/// `data`, as the Python object the records module makes of it; `AttributeError` if the
/// serialization has no such field.
pub(crate) fn field<'py>(
    py: Python<'py>,
    owner: &str,
    data: &Bound<'py, PyDict>,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    helper(py, &FIELD, "_field")?.call1((owner, data, name))
}

/// A record of class `kind` (`BuildSummary`, `Entry` …) from Python data: a dict becomes one
/// record, a list a list of them.
pub(crate) fn make<'py>(py: Python<'py>, kind: &str, data: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    helper(py, &MAKE, "_make")?.call1((kind, data))
}

/// Entries flattened into plain dicts, one per entry, for `pandas.DataFrame`.
pub(crate) fn records<'py>(py: Python<'py>, entries: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    helper(py, &RECORDS, "_records")?.call1((entries,))
}

/// An object's serialization as a Python dict, made on first use and kept.
pub(crate) fn cached_dict<'py>(
    py: Python<'py>,
    cell: &PyOnceLock<Py<PyDict>>,
    value: &impl Serialize,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = cell.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
        let data = to_python(py, value)?;
        Ok(data.cast_into::<PyDict>()?.unbind())
    })?;
    Ok(dict.bind(py).clone())
}

/// A build summary as a record: the library's serialization, with what Python adds to it:
/// the counts the library computes rather than keeps, each problem's text, the skipped rows'
/// errors as exceptions, and `report`, the summary's text (`str(summary)`).
pub(crate) fn summary_record<'py>(py: Python<'py>, summary: &BuildSummary) -> PyResult<Bound<'py, PyAny>> {
    let data = to_python(py, summary)?.cast_into::<PyDict>()?;
    data.set_item("cost_estimated", summary.cost_estimated())?;
    data.set_item("cost_unknown", summary.cost_unknown())?;
    data.set_item("delivery_unknown", summary.delivery_unknown())?;
    if let Some(problems) = data.get_item("problems")? {
        for (row, problem) in problems.try_iter()?.zip(&summary.problems) {
            row?.set_item("text", problem.to_string())?;
        }
    }
    data.set_item("skipped", exceptions(py, &summary.skipped)?)?;
    data.set_item("report", summary.to_string())?;
    make(py, "BuildSummary", data.into_any())
}
