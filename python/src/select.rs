//! The selector: a catalogue prepared for ranking, and every question asked of it.

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PyString};
use rayon::prelude::*;

use himkit::{Selector, StudentProfile};

use crate::catalog::PyCatalog;
use crate::convert::type_name;
use crate::errors::{IntoPy, Problem, exception};
use crate::profile::ProfileInput;
use crate::program::PyProgram;
use crate::results::{PyComparison, PyRanking, PySensitivity};
use crate::wages::PyWageTable;

/// A count argument (`k`, `top`): a non-negative int; past the machine's range, everything.
fn count_arg(name: &str, value: &Bound<'_, PyAny>) -> PyResult<usize> {
    if value.is_instance_of::<pyo3::types::PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be an int, not {}",
            type_name(value)
        )));
    }
    if value.lt(0)? {
        return Err(
            Problem::invalid(name, &value.to_string(), "is negative: give a count of 0 or more").into(),
        );
    }
    Ok(value
        .extract::<u64>()
        .map_or(usize::MAX, |count| usize::try_from(count).unwrap_or(usize::MAX)))
}

/// A catalogue prepared for ranking, with the wage figures expected earnings fall back on.
///
/// ``Selector(catalog, wages)`` prepares once (``wages`` is a ``WageTable``, or ``None`` to use
/// only programs' own reported earnings); every method then takes a profile (a ``Profile``, a
/// dict or a JSON string). The rankings release the GIL; ``rank_many`` uses the library's
/// threads.
#[pyclass(frozen, module = "himkit", name = "Selector")]
pub(crate) struct PySelector {
    inner: Selector,
}

#[pymethods]
impl PySelector {
    #[new]
    #[pyo3(signature = (catalog, wages = None))]
    fn new(py: Python<'_>, catalog: &Bound<'_, PyAny>, wages: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let catalog = catalog.cast::<PyCatalog>().map_err(|_| {
            PyTypeError::new_err(format!(
                "Selector: catalog must be a himkit.Catalog, not {}",
                type_name(catalog)
            ))
        })?;
        let wages = match wages {
            Some(wages) if !wages.is_none() => Some(
                wages
                    .cast::<PyWageTable>()
                    .map_err(|_| {
                        PyTypeError::new_err(format!(
                            "Selector: wages must be a himkit.WageTable or None, not {}",
                            type_name(wages)
                        ))
                    })?
                    .get()
                    .items
                    .clone(),
            ),
            _ => None,
        };
        let catalog = catalog.get().inner.clone();
        let inner = py.detach(|| Selector::new(&catalog, wages.as_deref().map_or(&[], Vec::as_slice)));
        Ok(Self { inner })
    }

    /// Ranks every program for ``profile``.
    fn rank(&self, py: Python<'_>, profile: &Bound<'_, PyAny>) -> PyResult<PyRanking> {
        let input = ProfileInput::from_python(profile)?;
        let ranking = py
            .detach(|| input.read().and_then(|profile| self.inner.rank(&profile)))
            .or_raise()?;
        Ok(PyRanking::from(ranking))
    }

    /// Ranks for ``profile`` and keeps the best ``k`` entries (found by selection, not a full
    /// sort); the exclusions are always complete.
    fn rank_top(
        &self,
        py: Python<'_>,
        profile: &Bound<'_, PyAny>,
        k: &Bound<'_, PyAny>,
    ) -> PyResult<PyRanking> {
        let top = count_arg("k", k)?;
        let input = ProfileInput::from_python(profile)?;
        let ranking = py
            .detach(|| {
                input
                    .read()
                    .and_then(|profile| self.inner.rank_top(&profile, top))
            })
            .or_raise()?;
        Ok(PyRanking::from(ranking))
    }

    /// Ranks for each of ``profiles`` and keeps each one's best ``k`` entries (all of them with
    /// ``k=None``), sharing the profiles out across the cores with the GIL released. Returns one
    /// ``Ranking`` per profile, in order.
    ///
    /// A profile that cannot be read or ranked raises its error, with ``index`` set to its
    /// position (``errors="raise"``, the default), or stands in the list as its exception
    /// instance (``errors="return"``) so that one bad profile does not lose the others.
    #[pyo3(signature = (profiles, k = None, *, errors = "raise"))]
    fn rank_many<'py>(
        &self,
        py: Python<'py>,
        profiles: &Bound<'py, PyAny>,
        k: Option<&Bound<'py, PyAny>>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let raise = match errors {
            "raise" => true,
            "return" => false,
            other => {
                return Err(PyValueError::new_err(format!(
                    "errors must be \"raise\" or \"return\", not {other:?}"
                )));
            }
        };
        let top = match k {
            Some(k) if !k.is_none() => count_arg("k", k)?,
            _ => usize::MAX,
        };
        if profiles.is_instance_of::<PyString>() || profiles.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err(
                "rank_many takes a list of profiles; for one profile use rank or rank_top",
            ));
        }
        // The profiles taken for reading, and in each position the error of a profile that
        // could not be taken (a wrong type, a value JSON cannot hold): that error is the one
        // raised, or returned in its place.
        let mut inputs = Vec::new();
        let mut refusals: Vec<Option<PyErr>> = Vec::new();
        for (index, profile) in profiles.try_iter()?.enumerate() {
            match ProfileInput::from_python(&profile?) {
                Ok(input) => {
                    inputs.push(input);
                    refusals.push(None);
                }
                Err(error) if raise => {
                    error.value(py).setattr("index", index)?;
                    return Err(error);
                }
                Err(error) => refusals.push(Some(error)),
            }
        }
        let selector = &self.inner;
        let outcomes = py.detach(|| {
            let read: Vec<himkit::Result<StudentProfile>> =
                inputs.into_par_iter().map(ProfileInput::read).collect();
            let good: Vec<StudentProfile> = read
                .iter()
                .filter_map(|profile| profile.as_ref().ok())
                .cloned()
                .collect();
            let mut ranked = selector.rank_many(&good, top).into_iter();
            read.into_iter()
                .map(|profile| match profile {
                    Ok(_) => ranked.next(),
                    Err(error) => Some(Err(error)),
                })
                .collect::<Vec<_>>()
        });
        let mut outcomes = outcomes.into_iter();
        let list = PyList::empty(py);
        for (index, refusal) in refusals.into_iter().enumerate() {
            let instance = match refusal {
                Some(refusal) => refusal.into_value(py).into_bound(py).into_any(),
                None => match outcomes.next().flatten() {
                    Some(Ok(ranking)) => {
                        list.append(Py::new(py, PyRanking::from(ranking))?)?;
                        continue;
                    }
                    Some(Err(error)) => exception(py, &error)?,
                    None => {
                        return Err(PyRuntimeError::new_err(
                            "rank_many: the library returned fewer rankings than profiles",
                        ));
                    }
                },
            };
            instance.setattr("index", index)?;
            if raise {
                return Err(PyErr::from_value(instance));
            }
            list.append(instance)?;
        }
        Ok(list)
    }

    /// How stable the top ``top`` programs are as each weight moves by ``change_percent``
    /// percent, and the smallest single weight change that displaces the leader.
    #[pyo3(signature = (profile, top = None, change_percent = 20.0))]
    fn sensitivity(
        &self,
        py: Python<'_>,
        profile: &Bound<'_, PyAny>,
        top: Option<&Bound<'_, PyAny>>,
        change_percent: f64,
    ) -> PyResult<PySensitivity> {
        let top = match top {
            Some(top) if !top.is_none() => count_arg("top", top)?,
            _ => 3,
        };
        let input = ProfileInput::from_python(profile)?;
        let sensitivity = py
            .detach(|| {
                input
                    .read()
                    .and_then(|profile| self.inner.sensitivity(&profile, top, change_percent))
            })
            .or_raise()?;
        Ok(PySensitivity::from(sensitivity))
    }

    /// The ids of the eligible programs that no other eligible program beats on every weighted
    /// criterion, in id order.
    fn pareto(&self, py: Python<'_>, profile: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        let input = ProfileInput::from_python(profile)?;
        let front = py
            .detach(|| input.read().and_then(|profile| self.inner.pareto(&profile)))
            .or_raise()?;
        Ok(front.iter().map(|id| id.as_str().to_owned()).collect())
    }

    /// A side-by-side view of 2 to 10 programs (by id) for ``profile``.
    fn compare(
        &self,
        py: Python<'_>,
        profile: &Bound<'_, PyAny>,
        ids: &Bound<'_, PyAny>,
    ) -> PyResult<PyComparison> {
        if ids.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "compare takes a list of program ids, not one str",
            ));
        }
        let ids: Vec<String> = ids.extract().map_err(|_| {
            PyTypeError::new_err(format!("ids must be a list of str, not {}", type_name(ids)))
        })?;
        let input = ProfileInput::from_python(profile)?;
        let comparison = py
            .detach(|| {
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                input
                    .read()
                    .and_then(|profile| self.inner.compare(&profile, &ids))
            })
            .or_raise()?;
        Ok(PyComparison::from(comparison))
    }

    /// The program with this id, or ``None``.
    fn program(&self, id: &str) -> Option<PyProgram> {
        self.inner.program(id).cloned().map(PyProgram::from)
    }

    /// The prepared programs' ids, in id order.
    #[getter]
    fn ids(&self) -> Vec<String> {
        self.inner
            .programs()
            .iter()
            .map(|program| program.id().as_str().to_owned())
            .collect()
    }

    fn __len__(&self) -> usize {
        self.inner.programs().len()
    }

    fn __repr__(&self) -> String {
        format!("<himkit.Selector of {} programs>", self.inner.programs().len())
    }
}
