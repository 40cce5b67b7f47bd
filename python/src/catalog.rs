//! The data: the datasets that ship with himkit and catalogues, with the readers that change a
//! catalogue (an accreditation list, College Scorecard outcomes).

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::{PyIndexError, PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use himkit::career::JobOutlook;
use himkit::io::{Limits, ReadOptions, year_in_file_name};
use himkit::{Catalog, Dataset, Year};

use crate::convert::{content_bytes, read_text, to_python, type_name};
use crate::errors::{IntoPy, Problem, exceptions};
use crate::program::PyProgram;
use crate::records::{make, summary_record};
use crate::wages::PyWageTable;

/// The data that ships with himkit: programs, BLS wage statistics and employment projections.
///
/// ``Dataset.national()`` has the real programs (the national HIM catalogue built from IPEDS and
/// College Scorecard files); ``Dataset.embedded()`` has the illustrative catalogue of fictional
/// programs. Both carry the same wages and outlooks.
#[pyclass(frozen, module = "himkit", name = "Dataset")]
pub(crate) struct PyDataset {
    catalog: Py<PyCatalog>,
    wages: Py<PyWageTable>,
    outlooks: Vec<JobOutlook>,
    illustrative: bool,
}

impl PyDataset {
    fn wrap(py: Python<'_>, dataset: &Dataset, illustrative: bool) -> PyResult<Self> {
        let catalog = Py::new(py, PyCatalog::from(dataset.catalog().clone()))?;
        let wages = Py::new(py, PyWageTable::new(dataset.wages().to_vec(), Vec::new(), 0))?;
        Ok(Self {
            catalog,
            wages,
            outlooks: dataset.outlooks().to_vec(),
            illustrative,
        })
    }
}

#[pymethods]
impl PyDataset {
    /// The national HIM catalogue (IPEDS 2024 and College Scorecard; about 900 real programs)
    /// with the embedded BLS wages and projections. Built once per process; the first call
    /// takes a moment and releases the GIL meanwhile.
    #[staticmethod]
    fn national(py: Python<'_>) -> PyResult<Self> {
        let dataset = py.detach(Dataset::national).or_raise()?;
        Self::wrap(py, &dataset, false)
    }

    /// The embedded dataset with the illustrative catalogue of fictional programs (every
    /// institution is named "(fictional)"): every degree level, delivery mode, accreditation
    /// status and outcome state, to show every rule. Its costs and outcomes are made up.
    #[staticmethod]
    fn embedded(py: Python<'_>) -> PyResult<Self> {
        let dataset = py.detach(Dataset::embedded).or_raise()?;
        Self::wrap(py, &dataset, true)
    }

    /// What building the national catalogue left unknown or out, as a ``BuildSummary``.
    #[staticmethod]
    fn national_summary(py: Python<'_>) -> PyResult<Py<PyAny>> {
        let summary = py.detach(Dataset::national_summary).or_raise()?;
        Ok(summary_record(py, &summary)?.unbind())
    }

    /// The programs.
    #[getter]
    fn catalog(&self, py: Python<'_>) -> Py<PyCatalog> {
        self.catalog.clone_ref(py)
    }

    /// The BLS wage statistics, for the expected-earnings fallback of a ``Selector``.
    #[getter]
    fn wages(&self, py: Python<'_>) -> Py<PyWageTable> {
        self.wages.clone_ref(py)
    }

    /// The BLS employment projections of the HIM occupations, as records.
    #[getter]
    fn outlooks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        make(py, "JobOutlook", to_python(py, &self.outlooks)?)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<himkit.Dataset {}: {} programs, {} wage statistics, {} outlooks>",
            if self.illustrative {
                "embedded (illustrative)"
            } else {
                "national"
            },
            self.catalog.get().inner.len(),
            self.wages.bind(py).get().items.len(),
            self.outlooks.len()
        )
    }
}

/// A set of programs whose ids are unique, in the order given.
///
/// ``Catalog(programs)`` makes one from ``Program`` objects (another catalogue's, filtered, say);
/// the static methods read one from JSON or the catalogue CSV. A catalogue is a sequence of
/// programs: ``len``, iteration, ``catalog[0]``; and a mapping by id: ``catalog["some-id"]``,
/// ``"some-id" in catalog``, ``catalog.get(id)``.
#[pyclass(frozen, module = "himkit", name = "Catalog")]
pub(crate) struct PyCatalog {
    pub(crate) inner: Arc<Catalog>,
}

impl From<Catalog> for PyCatalog {
    fn from(catalog: Catalog) -> Self {
        Self {
            inner: Arc::new(catalog),
        }
    }
}

#[pymethods]
impl PyCatalog {
    #[new]
    #[pyo3(signature = (programs = None))]
    fn new(programs: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let mut list = Vec::new();
        if let Some(programs) = programs {
            for (index, item) in programs.try_iter()?.enumerate() {
                let item = item?;
                let program = item.cast::<PyProgram>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "Catalog: item {index} is a {}, not a himkit.Program",
                        type_name(&item)
                    ))
                })?;
                list.push(program.get().inner.clone());
            }
        }
        Ok(Self::from(Catalog::new(list).or_raise()?))
    }

    /// Reads a JSON array of program objects (the library's program format). ``source`` names
    /// the text in error messages.
    #[staticmethod]
    #[pyo3(signature = (text, source = "<string>"))]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>, source: &str) -> PyResult<Self> {
        let text = String::from_utf8(content_bytes(text, "text")?)
            .map_err(|error| Problem::not_text(source, &error.utf8_error()))?;
        let catalog = py.detach(|| Catalog::from_json_str(source, &text)).or_raise()?;
        Ok(Self::from(catalog))
    }

    /// Reads a JSON file of programs (``str`` or ``pathlib.Path``).
    #[staticmethod]
    fn read_json(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let source = path.display().to_string();
        let catalog = py.detach(|| -> PyResult<Catalog> {
            let text = read_text(&path)?;
            Catalog::from_json_str(&source, &text).or_raise()
        })?;
        Ok(Self::from(catalog))
    }

    /// Reads the catalogue CSV (one program a row, as ``to_csv`` writes it) from text or bytes.
    #[staticmethod]
    #[pyo3(signature = (data, source = "<string>"))]
    fn from_csv(py: Python<'_>, data: &Bound<'_, PyAny>, source: &str) -> PyResult<Self> {
        let bytes = content_bytes(data, "data")?;
        let catalog = py
            .detach(|| himkit::io::read_catalog_csv(source, bytes.as_slice(), &Limits::default()))
            .or_raise()?;
        Ok(Self::from(catalog))
    }

    /// Reads a catalogue CSV file (``str`` or ``pathlib.Path``).
    #[staticmethod]
    fn read_csv(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let source = path.display().to_string();
        let catalog = py.detach(|| -> PyResult<Catalog> {
            let file = File::open(&path).map_err(|error| Problem::io(&source, &error))?;
            himkit::io::read_catalog_csv(&source, BufReader::new(file), &Limits::default()).or_raise()
        })?;
        Ok(Self::from(catalog))
    }

    /// The catalogue as the library writes it: a pretty-printed JSON array of programs.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| self.inner.to_json()).or_raise()
    }

    /// The catalogue as the catalogue CSV.
    fn to_csv(&self, py: Python<'_>) -> PyResult<String> {
        let bytes = py
            .detach(|| {
                let mut bytes = Vec::new();
                himkit::io::write_catalog_csv(&self.inner, &mut bytes).map(|()| bytes)
            })
            .or_raise()?;
        String::from_utf8(bytes)
            .map_err(|error| Problem::not_text("catalogue CSV", &error.utf8_error()).into())
    }

    /// The programs' ids, in order.
    #[getter]
    fn ids(&self) -> Vec<String> {
        self.inner
            .iter()
            .map(|program| program.id().as_str().to_owned())
            .collect()
    }

    /// The program with this id, or ``default``.
    #[pyo3(signature = (id, default = None))]
    fn get(&self, py: Python<'_>, id: &str, default: Option<Py<PyAny>>) -> PyResult<Py<PyAny>> {
        match self.inner.get(id) {
            Some(program) => Ok(Py::new(py, PyProgram::from(program.clone()))?.into_any()),
            None => Ok(default.unwrap_or_else(|| py.None())),
        }
    }

    /// Applies an accreditation list (a CSV kept from CAHIIM's program directory) and returns
    /// an ``AccreditationMatches``: the new catalogue, the rows matched (program id → line),
    /// those matched by a name variant (``by_variant``), unmatched and ambiguous (each with the
    /// ``institutions`` it could mean and their UNITIDs), the rows a lenient read skipped, and
    /// ``str(applied)``, the library's report.
    #[pyo3(signature = (path, *, lenient = false))]
    fn apply_accreditation_list<'py>(
        &self,
        py: Python<'py>,
        path: PathBuf,
        lenient: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let source = path.display().to_string();
        let mut matches = py.detach(|| -> PyResult<_> {
            let file = File::open(&path).map_err(|error| Problem::io(&source, &error))?;
            himkit::io::apply_accreditation_list(
                &self.inner,
                &source,
                BufReader::new(file),
                &options(lenient),
            )
            .or_raise()
        })?;
        let catalog = std::mem::take(&mut matches.catalog);
        // The library's report, as `select` and `himkit-web` print it, is `str(applied)`.
        let text = matches.to_string();
        report(
            py,
            "AccreditationMatches",
            &matches,
            catalog,
            &matches.skipped,
            Some(text),
        )
    }

    /// Reads a College Scorecard field-of-study file and attaches its median earnings and debt
    /// to the programs they describe; returns a ``ScorecardAttachment`` (the new catalogue and
    /// the ids attached, unmatched and unidentified). ``year`` is the year the outcomes are
    /// recorded as describing; without it, the first four-digit year in the file name.
    #[pyo3(signature = (path, *, year = None, lenient = false))]
    fn attach_scorecard<'py>(
        &self,
        py: Python<'py>,
        path: PathBuf,
        year: Option<&Bound<'py, PyAny>>,
        lenient: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let source = path.display().to_string();
        let year = match year_arg("year", year)? {
            Some(year) => year,
            None => year_in_file_name(&path).ok_or_else(|| no_year(&source, "year"))?,
        };
        let mut attachment = py.detach(|| -> PyResult<_> {
            let file = File::open(&path).map_err(|error| Problem::io(&source, &error))?;
            himkit::io::attach_scorecard(
                &self.inner,
                &source,
                BufReader::new(file),
                year,
                &options(lenient),
            )
            .or_raise()
        })?;
        let catalog = std::mem::take(&mut attachment.catalog);
        report(
            py,
            "ScorecardAttachment",
            &attachment,
            catalog,
            &attachment.skipped,
            None,
        )
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let programs = self
            .inner
            .iter()
            .map(|program| Py::new(py, PyProgram::from(program.clone())))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, programs)?.try_iter().map(Bound::into_any)
    }

    fn __getitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Py<PyProgram>> {
        if let Ok(id) = key.cast::<PyString>() {
            let id = id.to_cow()?;
            return match self.inner.get(&id) {
                Some(program) => Py::new(py, PyProgram::from(program.clone())),
                None => Err(PyKeyError::new_err(id.into_owned())),
            };
        }
        let index: isize = key.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "catalogue keys are program ids (str) or positions (int), not {}",
                type_name(key)
            ))
        })?;
        let programs = self.inner.programs();
        let position = if index < 0 {
            programs.len().checked_sub(index.unsigned_abs())
        } else {
            Some(index.unsigned_abs())
        };
        match position.and_then(|position| programs.get(position)) {
            Some(program) => Py::new(py, PyProgram::from(program.clone())),
            None => Err(PyIndexError::new_err("catalogue index out of range")),
        }
    }

    fn __contains__(&self, id: &Bound<'_, PyAny>) -> bool {
        id.cast::<PyString>()
            .ok()
            .and_then(|id| id.to_cow().ok().map(|id| self.inner.get(&id).is_some()))
            .unwrap_or(false)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyCatalog>()
            .is_ok_and(|other| *other.get().inner == *self.inner)
    }

    fn __repr__(&self) -> String {
        format!("<himkit.Catalog of {} programs>", self.inner.len())
    }
}

/// Strict or lenient reading within the default limits.
fn options(lenient: bool) -> ReadOptions {
    if lenient {
        ReadOptions::lenient()
    } else {
        ReadOptions::default()
    }
}

/// A year given as an int or a string, refused by the library's own rule when out of range.
pub(crate) fn year_arg(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Year>> {
    let Some(value) = value else {
        return Ok(None);
    };
    if value.is_none() {
        return Ok(None);
    }
    if let Ok(text) = value.cast::<PyString>() {
        return text.to_cow()?.parse::<Year>().map(Some).or_raise();
    }
    if value.is_instance_of::<pyo3::types::PyBool>() || !value.is_instance_of::<pyo3::types::PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be an int or a str, not {}",
            type_name(value)
        )));
    }
    match value.extract::<u16>() {
        Ok(year) => Year::new(year).map(Some).or_raise(),
        Err(_) => Err(Problem::invalid(name, &value.to_string(), "is not a year himkit accepts").into()),
    }
}

pub(crate) fn no_year(path: &str, keyword: &str) -> PyErr {
    Problem::invalid(
        keyword,
        "missing",
        &format!("and the file name {path:?} has no year: give the year with {keyword}="),
    )
    .into()
}

/// What a reader that changes a catalogue did, as a record of class `kind`: the report's
/// serialization (taken while its catalogue is out of it, so that the programs are not
/// converted only to be dropped), with the new catalogue, the skipped rows' errors as
/// exceptions, and the library's report text where it has one (`str()` of the record).
fn report<'py>(
    py: Python<'py>,
    kind: &str,
    report: &impl serde::Serialize,
    catalog: Catalog,
    skipped: &[himkit::Error],
    text: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let data = to_python(py, report)?.cast_into::<PyDict>()?;
    if let Some(text) = text {
        data.set_item("report", text)?;
    }
    data.set_item("catalog", Py::new(py, PyCatalog::from(catalog))?)?;
    data.set_item("skipped", exceptions(py, skipped)?)?;
    make(py, kind, data.into_any())
}
