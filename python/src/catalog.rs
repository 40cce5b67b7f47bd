//! The data: the datasets that ship with himkit, catalogues and their programs, wage tables,
//! and the readers of the files users have.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::{PyIndexError, PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};

use himkit::career::JobOutlook;
use himkit::io::{BuildSummary, CatalogInputs, Limits, Mode, OewsOptions, ReadOptions, year_in_file_name};
use himkit::value::{CipCode, NaicsCode, SocCode};
use himkit::{Catalog, Credential, Dataset, Money, Program, WageStatistics, Year};

use crate::convert::{content_bytes, read_text, to_python, type_name};
use crate::errors::{IntoPy, Problem, exceptions};
use crate::records::{cached_dict, field, make, records};

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
    /// unmatched and ambiguous, and the rows a lenient read skipped.
    #[pyo3(signature = (path, *, lenient = false))]
    fn apply_accreditation_list<'py>(
        &self,
        py: Python<'py>,
        path: PathBuf,
        lenient: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let source = path.display().to_string();
        let matches = py.detach(|| -> PyResult<_> {
            let file = File::open(&path).map_err(|error| Problem::io(&source, &error))?;
            himkit::io::apply_accreditation_list(
                &self.inner,
                &source,
                BufReader::new(file),
                &options(lenient),
            )
            .or_raise()
        })?;
        let data = PyDict::new(py);
        data.set_item("catalog", Py::new(py, PyCatalog::from(matches.catalog))?)?;
        let lines = PyDict::new(py);
        for (id, line) in &matches.matched {
            lines.set_item(id.as_str(), line)?;
        }
        data.set_item("matched", lines)?;
        data.set_item("unmatched", unapplied(py, &matches.unmatched)?)?;
        data.set_item("ambiguous", unapplied(py, &matches.ambiguous)?)?;
        data.set_item("skipped", exceptions(py, &matches.skipped)?)?;
        make(py, "AccreditationMatches", data.into_any())
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
        let attachment = py.detach(|| -> PyResult<_> {
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
        let ids = |ids: &[himkit::ProgramId]| -> Vec<String> {
            ids.iter().map(|id| id.as_str().to_owned()).collect()
        };
        let data = PyDict::new(py);
        data.set_item("catalog", Py::new(py, PyCatalog::from(attachment.catalog))?)?;
        data.set_item("attached", ids(&attachment.attached))?;
        data.set_item("unmatched", ids(&attachment.unmatched))?;
        data.set_item("unidentified", ids(&attachment.unidentified))?;
        data.set_item("skipped", exceptions(py, &attachment.skipped)?)?;
        make(py, "ScorecardAttachment", data.into_any())
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

/// BLS wage statistics (OEWS): what a ``Selector`` falls back on for expected earnings.
///
/// ``WageTable.read(path)`` reads a BLS OEWS file (CSV or ``.xlsx``) as published; the table is a
/// sequence of ``WageStatistics`` records. ``skipped`` holds the errors of the rows a lenient read
/// skipped, ``filtered`` how many rows the filters passed over. ``WageTable()`` is empty.
#[pyclass(frozen, module = "himkit", name = "WageTable")]
pub(crate) struct PyWageTable {
    pub(crate) items: Arc<Vec<WageStatistics>>,
    skipped: Vec<himkit::Error>,
    filtered: usize,
}

impl PyWageTable {
    fn new(items: Vec<WageStatistics>, skipped: Vec<himkit::Error>, filtered: usize) -> Self {
        Self {
            items: Arc::new(items),
            skipped,
            filtered,
        }
    }
}

/// The filters and options of an OEWS read, from the keyword arguments.
fn oews_options(
    period: Option<&str>,
    occupations: Option<Vec<String>>,
    areas: Option<Vec<String>>,
    industries: Option<Vec<String>>,
    lenient: bool,
    top_code: Option<u64>,
) -> PyResult<OewsOptions> {
    let mut options = OewsOptions::new();
    options.period = period.map(str::parse).transpose().or_raise()?;
    options.occupations = occupations
        .unwrap_or_default()
        .iter()
        .map(|code| code.parse::<SocCode>())
        .collect::<himkit::Result<_>>()
        .or_raise()?;
    options.areas = areas.unwrap_or_default();
    options.industries = industries
        .unwrap_or_default()
        .iter()
        .map(|code| code.parse::<NaicsCode>())
        .collect::<himkit::Result<_>>()
        .or_raise()?;
    options.mode = if lenient { Mode::Lenient } else { Mode::Strict };
    options.top_code = top_code.map(Money::new).transpose().or_raise()?;
    Ok(options)
}

#[pymethods]
impl PyWageTable {
    #[new]
    fn empty() -> Self {
        Self::new(Vec::new(), Vec::new(), 0)
    }

    /// Reads a BLS OEWS file by its extension: ``.xlsx`` as a workbook, anything else as CSV.
    /// ``period`` (``"2024-05"``) is read from the file name unless given; ``occupations`` (SOC
    /// codes), ``areas`` (area codes as published) and ``industries`` (NAICS codes) keep only
    /// the rows asked for; ``top_code`` is the annual wage BLS's ``#`` stands for.
    #[staticmethod]
    #[pyo3(signature = (path, *, period = None, occupations = None, areas = None, industries = None, lenient = false, top_code = None))]
    #[allow(clippy::too_many_arguments)] // Keyword arguments, one per filter of the reader.
    fn read(
        py: Python<'_>,
        path: PathBuf,
        period: Option<&str>,
        occupations: Option<Vec<String>>,
        areas: Option<Vec<String>>,
        industries: Option<Vec<String>>,
        lenient: bool,
        top_code: Option<u64>,
    ) -> PyResult<Self> {
        let options = oews_options(period, occupations, areas, industries, lenient, top_code)?;
        let outcome = py
            .detach(|| himkit::io::read_oews_path(&path, &options))
            .or_raise()?;
        Ok(Self::new(outcome.items, outcome.skipped, outcome.filtered))
    }

    /// Reads an OEWS table saved as CSV from text or bytes; ``source`` names it in errors and,
    /// unless ``period`` is given, gives the reference period through its name.
    #[staticmethod]
    #[pyo3(signature = (data, source, *, period = None, occupations = None, areas = None, industries = None, lenient = false, top_code = None))]
    #[allow(clippy::too_many_arguments)] // Keyword arguments, one per filter of the reader.
    fn from_csv(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        source: &str,
        period: Option<&str>,
        occupations: Option<Vec<String>>,
        areas: Option<Vec<String>>,
        industries: Option<Vec<String>>,
        lenient: bool,
        top_code: Option<u64>,
    ) -> PyResult<Self> {
        let bytes = content_bytes(data, "data")?;
        let options = oews_options(period, occupations, areas, industries, lenient, top_code)?;
        let outcome = py
            .detach(|| himkit::io::read_oews_csv(source, bytes.as_slice(), &options))
            .or_raise()?;
        Ok(Self::new(outcome.items, outcome.skipped, outcome.filtered))
    }

    /// The errors of the rows a lenient read skipped (``himkit.Error`` instances), in file order.
    #[getter]
    fn skipped<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        exceptions(py, &self.skipped)
    }

    /// How many rows the filters passed over.
    #[getter]
    fn filtered(&self) -> usize {
        self.filtered
    }

    /// The statistics in the library's JSON form, pretty-printed.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&*self.items).map_err(|error| {
            Problem::invalid("wages", &error.to_string(), "cannot be written as JSON").into()
        })
    }

    /// One flat dict per statistic, ready for ``pandas.DataFrame``.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        records(py, to_python(py, &*self.items)?)
    }

    fn __len__(&self) -> usize {
        self.items.len()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
        let position = if index < 0 {
            self.items.len().checked_sub(index.unsigned_abs())
        } else {
            Some(index.unsigned_abs())
        };
        match position.and_then(|position| self.items.get(position)) {
            Some(statistics) => make(py, "WageStatistics", to_python(py, statistics)?),
            None => Err(PyIndexError::new_err("wage table index out of range")),
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        make(py, "WageStatistics", to_python(py, &*self.items)?)?
            .try_iter()
            .map(Bound::into_any)
    }

    fn __repr__(&self) -> String {
        format!(
            "<himkit.WageTable of {} statistics, {} rows skipped>",
            self.items.len(),
            self.skipped.len()
        )
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

fn no_year(path: &str, keyword: &str) -> PyErr {
    Problem::invalid(
        keyword,
        "missing",
        &format!("and the file name {path:?} has no year: give the year with {keyword}="),
    )
    .into()
}

fn unapplied<'py>(py: Python<'py>, entries: &[himkit::io::UnappliedEntry]) -> PyResult<Bound<'py, PyAny>> {
    let list = PyList::empty(py);
    for entry in entries {
        let data = PyDict::new(py);
        data.set_item("line", entry.line)?;
        data.set_item("institution", &entry.institution)?;
        data.set_item("why", &entry.why)?;
        let candidates: Vec<&str> = entry.candidates.iter().map(himkit::ProgramId::as_str).collect();
        data.set_item("candidates", candidates)?;
        list.append(data)?;
    }
    make(py, "UnappliedEntry", list.into_any())
}

/// A build summary as a record. The library does not serialize `BuildSummary`, so its fields
/// are listed here; `report` is its text (`str(summary)`).
fn summary_record<'py>(py: Python<'py>, summary: &BuildSummary) -> PyResult<Bound<'py, PyAny>> {
    let data = PyDict::new(py);
    let cips: Vec<String> = summary.cips.iter().map(ToString::to_string).collect();
    data.set_item("cips", cips)?;
    data.set_item("files", to_python(py, &summary.files)?)?;
    data.set_item("programs", summary.programs)?;
    data.set_item("institutions", summary.institutions)?;
    let counts = |map: BTreeMap<String, usize>| -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (key, count) in map {
            dict.set_item(key, count)?;
        }
        Ok(dict)
    };
    data.set_item(
        "by_award_level",
        counts(
            summary
                .by_award_level
                .iter()
                .map(|(level, count)| (level.to_string(), *count))
                .collect(),
        )?,
    )?;
    data.set_item(
        "by_degree_level",
        counts(
            summary
                .by_degree_level
                .iter()
                .map(|(level, count)| (level.to_string(), *count))
                .collect(),
        )?,
    )?;
    for (name, count) in [
        ("zero_awards", summary.zero_awards),
        ("at_inactive_institutions", summary.at_inactive_institutions),
        ("awards_not_reported", summary.awards_not_reported),
        ("accreditation_not_verified", summary.accreditation_not_verified),
        ("accreditation_from_list", summary.accreditation_from_list),
        ("delivery_online", summary.delivery_online),
        (
            "delivery_institution_offers_distance",
            summary.delivery_institution_offers_distance,
        ),
        ("delivery_no_distance", summary.delivery_no_distance),
        ("delivery_unknown_no_row", summary.delivery_unknown_no_row),
        (
            "delivery_unknown_not_reported",
            summary.delivery_unknown_not_reported,
        ),
        ("cost_estimated_ipeds", summary.cost_estimated_ipeds),
        ("cost_estimated_scorecard", summary.cost_estimated_scorecard),
        ("cost_unknown_no_row", summary.cost_unknown_no_row),
        ("cost_unknown_charge_missing", summary.cost_unknown_charge_missing),
        ("scorecard_attached", summary.scorecard_attached),
        ("scorecard_unmatched", summary.scorecard_unmatched),
        (
            "institution_completion_rates",
            summary.institution_completion_rates,
        ),
        (
            "institution_graduation_rates",
            summary.institution_graduation_rates,
        ),
        ("institution_earnings", summary.institution_earnings),
        ("rows_other_cips", summary.rows_other_cips),
        ("rows_second_major", summary.rows_second_major),
        ("cost_estimated", summary.cost_estimated()),
        ("cost_unknown", summary.cost_unknown()),
        ("delivery_unknown", summary.delivery_unknown()),
    ] {
        data.set_item(name, count)?;
    }
    let without: Vec<String> = summary
        .institutions_without_outcomes
        .iter()
        .map(ToString::to_string)
        .collect();
    data.set_item("institutions_without_outcomes", without)?;
    data.set_item(
        "accreditation_unapplied",
        unapplied(py, &summary.accreditation_unapplied)?,
    )?;
    let problems = PyList::empty(py);
    for problem in &summary.problems {
        let row = PyDict::new(py);
        row.set_item("file", problem.file.to_string())?;
        row.set_item("unitid", problem.unitid.to_string())?;
        row.set_item("cip", problem.cip.map(|cip| cip.to_string()))?;
        row.set_item("award_level", problem.award_level.map(|level| level.to_string()))?;
        row.set_item("why", &problem.why)?;
        row.set_item("text", problem.to_string())?;
        problems.append(row)?;
    }
    data.set_item("problems", make(py, "RowProblem", problems.into_any())?)?;
    data.set_item("skipped", exceptions(py, &summary.skipped)?)?;
    data.set_item("report", summary.to_string())?;
    make(py, "BuildSummary", data.into_any())
}

/// Opens a file for the builder, named in errors by its path.
fn open(path: &PathBuf) -> PyResult<BufReader<File>> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|error| Problem::io(&path.display().to_string(), &error).into())
}

/// Builds the national HIM catalogue from IPEDS and College Scorecard files, as the
/// ``build-catalog`` example does with the flags of the same names, and returns a
/// ``BuiltCatalog`` (``catalog``, ``summary``).
///
/// ``hd`` and ``completions`` are required. Years are read from the file names
/// (``hd2024.csv`` is 2024) unless given: ``year`` for HD and Completions, ``ic_year`` for IC
/// and ``IC_AY``, ``scorecard_year`` for the field-of-study outcomes, ``scorecard_release`` for the
/// institution file. ``cip`` is a list of CIP codes (or one string separated by commas); the
/// default is 51.0706 and 51.0707. ``lenient`` skips bad rows and reports each in
/// ``summary.skipped``. The files are read with the GIL released.
#[pyfunction]
#[pyo3(signature = (*, hd, completions, ic = None, ic_ay = None, scorecard_fos = None, scorecard_institutions = None, accreditation = None, outcome_measures = None, graduation_rates = None, cip = None, lenient = false, year = None, ic_year = None, scorecard_year = None, scorecard_release = None, outcome_measures_year = None, graduation_rates_year = None))]
#[allow(clippy::too_many_arguments)] // The keyword arguments mirror build-catalog's flags.
pub(crate) fn build_catalog<'py>(
    py: Python<'py>,
    hd: PathBuf,
    completions: PathBuf,
    ic: Option<PathBuf>,
    ic_ay: Option<PathBuf>,
    scorecard_fos: Option<PathBuf>,
    scorecard_institutions: Option<&Bound<'py, PyAny>>,
    accreditation: Option<PathBuf>,
    outcome_measures: Option<PathBuf>,
    graduation_rates: Option<PathBuf>,
    cip: Option<&Bound<'py, PyAny>>,
    lenient: bool,
    year: Option<&Bound<'py, PyAny>>,
    ic_year: Option<&Bound<'py, PyAny>>,
    scorecard_year: Option<&Bound<'py, PyAny>>,
    scorecard_release: Option<&Bound<'py, PyAny>>,
    outcome_measures_year: Option<&Bound<'py, PyAny>>,
    graduation_rates_year: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let name = |path: &PathBuf| path.display().to_string();
    let year = match year_arg("year", year)? {
        Some(year) => year,
        None => year_in_file_name(&completions).ok_or_else(|| no_year(&name(&completions), "year"))?,
    };
    let given_ic_year = year_arg("ic_year", ic_year)?;
    let ic_year_of = |path: &PathBuf| -> PyResult<Year> {
        given_ic_year
            .or_else(|| year_in_file_name(path))
            .ok_or_else(|| no_year(&name(path), "ic_year"))
    };
    let ic = ic
        .map(|path| ic_year_of(&path).map(|year| (path, year)))
        .transpose()?;
    let ic_ay = ic_ay
        .map(|path| ic_year_of(&path).map(|year| (path, year)))
        .transpose()?;
    let given_fos_year = year_arg("scorecard_year", scorecard_year)?;
    let scorecard_fos = scorecard_fos
        .map(|path| {
            given_fos_year
                .or_else(|| year_in_file_name(&path))
                .ok_or_else(|| no_year(&name(&path), "scorecard_year"))
                .map(|year| (path, year))
        })
        .transpose()?;
    let scorecard_institutions = scorecard_files(scorecard_institutions, scorecard_release)?;
    let outcome_measures_year = year_arg("outcome_measures_year", outcome_measures_year)?;
    let graduation_rates_year = year_arg("graduation_rates_year", graduation_rates_year)?;
    let cips = cip.map(cip_list).transpose()?;
    let built = py.detach(move || -> PyResult<himkit::io::BuiltCatalog> {
        let mut inputs = CatalogInputs::new(
            (name(&hd).as_str(), open(&hd)?),
            (name(&completions).as_str(), open(&completions)?),
            year,
        );
        if lenient {
            inputs = inputs.with_read_options(ReadOptions::lenient());
        }
        if let Some(cips) = cips {
            inputs = inputs.with_cips(cips).or_raise()?;
        }
        if let Some((path, year)) = ic {
            inputs = inputs.with_distance((name(&path).as_str(), open(&path)?), year);
        }
        if let Some((path, year)) = ic_ay {
            inputs = inputs.with_charges((name(&path).as_str(), open(&path)?), year);
        }
        if let Some((path, year)) = scorecard_fos {
            inputs = inputs.with_field_of_study((name(&path).as_str(), open(&path)?), year);
        }
        for (path, release) in scorecard_institutions {
            inputs = inputs
                .with_scorecard_institutions((name(&path).as_str(), open(&path)?), &release)
                .or_raise()?;
        }
        if let Some(path) = accreditation {
            inputs = inputs.with_accreditation_list((name(&path).as_str(), open(&path)?));
        }
        // Their years come from their columns or file names unless given.
        if let Some(path) = outcome_measures {
            inputs =
                inputs.with_institution_outcomes((name(&path).as_str(), open(&path)?), outcome_measures_year);
        }
        if let Some(path) = graduation_rates {
            inputs =
                inputs.with_institution_outcomes((name(&path).as_str(), open(&path)?), graduation_rates_year);
        }
        inputs.build().or_raise()
    })?;
    let data = PyDict::new(py);
    data.set_item("catalog", Py::new(py, PyCatalog::from(built.catalog))?)?;
    data.set_item("summary", summary_record(py, &built.summary)?)?;
    make(py, "BuiltCatalog", data.into_any())
}

/// The College Scorecard institution files with their releases: the n-th release names the
/// n-th file's, the others take the year in their file names.
fn scorecard_files(
    files: Option<&Bound<'_, PyAny>>,
    releases: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<(PathBuf, String)>> {
    let name = |path: &PathBuf| path.display().to_string();
    let paths = files.map(one_or_many::<PathBuf>).transpose()?.unwrap_or_default();
    let releases = releases
        .map(one_or_many::<String>)
        .transpose()?
        .unwrap_or_default();
    if releases.len() > paths.len() {
        return Err(Problem::invalid(
            "scorecard_release",
            &format!("{} releases", releases.len()),
            &format!(
                "is more than the {} scorecard_institutions files: the n-th names the n-th file's release",
                paths.len()
            ),
        )
        .into());
    }
    paths
        .into_iter()
        .enumerate()
        .map(|(index, path)| {
            releases
                .get(index)
                .cloned()
                .or_else(|| year_in_file_name(&path).map(|year| year.to_string()))
                .ok_or_else(|| no_year(&name(&path), "scorecard_release"))
                .map(|release| (path, release))
        })
        .collect()
}

/// One value, or a list of them (a `str` counts as one value, not as a list of characters).
fn one_or_many<'py, T>(value: &Bound<'py, PyAny>) -> PyResult<Vec<T>>
where
    T: for<'a> FromPyObject<'a, 'py>,
{
    if value.is_none() {
        return Ok(Vec::new());
    }
    if value.cast::<PyString>().is_err()
        && let Ok(list) = value.cast::<PyList>()
    {
        return list
            .iter()
            .map(|item| item.extract::<T>().map_err(Into::into))
            .collect();
    }
    value.extract::<T>().map(|one| vec![one]).map_err(Into::into)
}

/// CIP codes given as a list of strings or one string separated by commas.
fn cip_list(value: &Bound<'_, PyAny>) -> PyResult<Vec<CipCode>> {
    let codes: Vec<String> = if let Ok(text) = value.cast::<PyString>() {
        text.to_cow()?
            .split(',')
            .map(str::trim)
            .filter(|code| !code.is_empty())
            .map(str::to_owned)
            .collect()
    } else {
        value.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "cip must be a str or a list of str, not {}",
                type_name(value)
            ))
        })?
    };
    codes
        .iter()
        .map(|code| code.parse::<CipCode>())
        .collect::<himkit::Result<_>>()
        .or_raise()
}
