//! Selection: profiles, the selector and what it returns.

use std::path::PathBuf;

use pyo3::exceptions::{PyIndexError, PyKeyError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyInt, PyList, PyString};
use rayon::prelude::*;
use serde::Serialize;

use himkit::select::{Comparison, Method, Sensitivity};
use himkit::{Ranking, Selector, StudentProfile, UsState};

use crate::catalog::PyCatalog;
use crate::convert::{json_text, read_text, to_python, type_name};
use crate::errors::{IntoPy, Problem, exception};
use crate::program::PyProgram;
use crate::records::{cached_dict, field, make, records};
use crate::wages::PyWageTable;

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
enum ProfileInput {
    Read(StudentProfile),
    Text(String, &'static str),
}

impl ProfileInput {
    fn from_python(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(profile) = value.cast::<PyProfile>() {
            return Ok(Self::Read(profile.get().inner.clone()));
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

    fn read(self) -> himkit::Result<StudentProfile> {
        match self {
            Self::Read(profile) => Ok(profile),
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
            ProfileInput::Read(profile) => Ok(Self::from(profile)),
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

/// Pretty JSON of a library value, as the library writes its own.
fn pretty(value: &impl Serialize, what: &str) -> PyResult<String> {
    serde_json::to_string_pretty(value)
        .map_err(|error| Problem::invalid(what, &error.to_string(), "cannot be written as JSON").into())
}

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
