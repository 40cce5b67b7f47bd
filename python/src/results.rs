//! What a selector returns: rankings, and the results that are plain data (sensitivity,
//! comparison).

use pyo3::exceptions::{PyIndexError, PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};

use himkit::Ranking;
use himkit::select::{Comparison, Sensitivity};

use crate::convert::{pretty, to_python, type_name};
use crate::errors::IntoPy;
use crate::records::{cached_dict, field, make, records};

/// The result of ranking a catalogue for a profile.
///
/// ``entries`` are the eligible programs, best first (ties share a rank, then id order), each an
/// ``Entry`` with its score explained; ``exclusions`` list every program left out with every
/// reason. A ranking is a sequence of its entries (``len``, iteration, ``ranking[0]``) and is
/// looked up by id (``ranking["some-id"]``). Its other attributes are the fields of the
/// library's JSON form (``method``, ``bounds``, ``criteria``, ``out_of`` …).
#[pyclass(frozen, module = "himkit", name = "Ranking")]
pub(crate) struct PyRanking {
    inner: Ranking,
    /// The serialization without the exclusions, whose reasons are built only when read.
    data: PyOnceLock<Py<PyDict>>,
    entries: PyOnceLock<Py<PyList>>,
}

impl From<Ranking> for PyRanking {
    fn from(inner: Ranking) -> Self {
        Self {
            inner,
            data: PyOnceLock::new(),
            entries: PyOnceLock::new(),
        }
    }
}

impl PyRanking {
    fn entry_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = self.entries.get_or_try_init(py, || -> PyResult<Py<PyList>> {
            let entries = make(py, "Entry", to_python(py, self.inner.entries())?)?;
            Ok(entries.cast_into::<PyList>()?.unbind())
        })?;
        Ok(list.bind(py).clone())
    }
}

#[pymethods]
impl PyRanking {
    /// The ranked programs, best first, as ``Entry`` records.
    #[getter]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        // A new list each time, so that a caller who changes it does not change the ranking.
        let cached = self.entry_list(py)?;
        PyList::new(py, cached.iter())
    }

    /// The excluded programs, in id order, each an ``Exclusion`` with every reason. Built on
    /// first use.
    #[getter]
    fn exclusions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let exclusions = py.detach(|| self.inner.exclusions());
        make(py, "Exclusion", to_python(py, exclusions)?)
    }

    /// How many programs were excluded (without building their reasons).
    #[getter]
    fn excluded_count(&self) -> usize {
        self.inner.excluded_count()
    }

    /// The weight ``criterion`` scored with (the weights of ``criteria`` sum to 1); 0 for a
    /// criterion the ranking did not weigh.
    fn weight(&self, criterion: &str) -> PyResult<f64> {
        let criterion = criterion.parse().or_raise()?;
        Ok(self.inner.weight(criterion))
    }

    /// The entry for program ``id``, or ``None``.
    fn entry<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let position = self
            .inner
            .entries()
            .iter()
            .position(|entry| entry.id().as_str() == id);
        position
            .map(|position| self.entry_list(py)?.get_item(position))
            .transpose()
    }

    /// The exclusion of program ``id``, or ``None``.
    fn exclusion<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let exclusion = py.detach(|| self.inner.exclusion(id).cloned());
        exclusion
            .map(|exclusion| make(py, "Exclusion", to_python(py, &exclusion)?))
            .transpose()
    }

    /// The ranking in the library's JSON form, byte for byte what ``select --format json``
    /// prints. With ``count_exclusions=True`` the exclusions are written as their count
    /// (``"excluded"``) instead of the list.
    #[pyo3(signature = (*, count_exclusions = false))]
    fn to_json(&self, py: Python<'_>, count_exclusions: bool) -> PyResult<String> {
        py.detach(|| {
            if count_exclusions {
                self.inner.clone().with_exclusions_counted().to_json()
            } else {
                self.inner.to_json()
            }
        })
        .or_raise()
    }

    /// The ranking's JSON form as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.detach(|| self.inner.exclusions());
        to_python(py, &self.inner)
    }

    /// One flat dict per entry, ready for ``pandas.DataFrame``: the entry's fields, and per
    /// criterion its contribution (``contributions.total-cost.contribution`` …), missing
    /// criteria (``missing.length.why``), flags (``flags.accreditation``), earnings source and
    /// payback (``payback``, ``payback.years``).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        records(py, to_python(py, self.inner.entries())?)
    }

    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let data = cached_dict(py, &self.data, &self.inner.clone().with_exclusions_counted())?;
        field(py, "Ranking", &data, name)
    }

    fn __dir__(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        let data = cached_dict(py, &self.data, &self.inner.clone().with_exclusions_counted())?;
        let mut names: Vec<String> = data.keys().iter().map(|key| key.to_string()).collect();
        names.extend(
            [
                "entries",
                "exclusions",
                "excluded_count",
                "weight",
                "entry",
                "exclusion",
                "to_json",
                "to_dict",
                "to_records",
            ]
            .map(str::to_owned),
        );
        Ok(names)
    }

    fn __len__(&self) -> usize {
        self.inner.entries().len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.entries(py)?.try_iter().map(Bound::into_any)
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(id) = key.cast::<PyString>() {
            let id = id.to_cow()?;
            return self
                .entry(py, &id)?
                .ok_or_else(|| PyKeyError::new_err(id.into_owned()));
        }
        let entries = self.entry_list(py)?;
        let index: isize = key.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "ranking keys are program ids (str) or positions (int), not {}",
                type_name(key)
            ))
        })?;
        let position = if index < 0 {
            entries.len().checked_sub(index.unsigned_abs())
        } else {
            Some(index.unsigned_abs())
        };
        match position.filter(|position| *position < entries.len()) {
            Some(position) => entries.get_item(position),
            None => Err(PyIndexError::new_err("ranking index out of range")),
        }
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyRanking>().is_ok_and(|other| {
            let other = other.get();
            py.detach(|| other.inner == self.inner)
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<himkit.Ranking {}: {} ranked, {} excluded, out of {}>",
            self.inner.method(),
            self.inner.entries().len(),
            self.inner.excluded_count(),
            self.inner.out_of()
        )
    }
}

/// A library result that is plain data: its attributes are the fields of its JSON form.
macro_rules! serialized_result {
    ($(#[$doc:meta])* $rust:ident, $inner:ty, $name:literal) => {
        $(#[$doc])*
        #[pyclass(frozen, module = "himkit", name = $name)]
        pub(crate) struct $rust {
            inner: $inner,
            data: PyOnceLock<Py<PyDict>>,
        }

        impl From<$inner> for $rust {
            fn from(inner: $inner) -> Self {
                Self {
                    inner,
                    data: PyOnceLock::new(),
                }
            }
        }

        #[pymethods]
        impl $rust {
            /// The result in the library's JSON form, pretty-printed.
            fn to_json(&self) -> PyResult<String> {
                pretty(&self.inner, $name)
            }

            /// The JSON form as plain Python data.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_python(py, &self.inner)
            }

            fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
                let data = cached_dict(py, &self.data, &self.inner)?;
                field(py, $name, &data, name)
            }

            fn __dir__(&self, py: Python<'_>) -> PyResult<Vec<String>> {
                let data = cached_dict(py, &self.data, &self.inner)?;
                let mut names: Vec<String> = data.keys().iter().map(|key| key.to_string()).collect();
                names.extend(["to_json", "to_dict"].map(str::to_owned));
                Ok(names)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<$rust>().is_ok_and(|other| other.get().inner == self.inner)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let data = cached_dict(py, &self.data, &self.inner)?;
                Ok(format!("<himkit.{} {}>", $name, data.repr()?))
            }
        }
    };
}

serialized_result!(
    /// How stable a ranking's top is: ``ranges`` (each top program's rank and its best and
    /// worst rank as each weight moves by ``change_percent``) and ``displacement``, the smallest
    /// single weight change that displaces the leader (``None`` if none does).
    PySensitivity,
    Sensitivity,
    "Sensitivity"
);

serialized_result!(
    /// A side-by-side view of 2 to 10 programs: ``ids``; ``ranks`` (each program's rank and score
    /// as a pair, ``None`` if excluded); ``exclusions`` (each one's reasons); ``payback``; and
    /// ``rows``, one per criterion with a cell per program.
    PyComparison,
    Comparison,
    "Comparison"
);
