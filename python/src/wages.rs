//! BLS wage statistics, and the readers of OEWS files.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;

use himkit::io::{Mode, OewsOptions};
use himkit::value::{NaicsCode, SocCode};
use himkit::{Money, WageStatistics};

use crate::convert::{content_bytes, to_python};
use crate::errors::{IntoPy, Problem, exceptions};
use crate::records::{make, records};

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
    pub(crate) fn new(items: Vec<WageStatistics>, skipped: Vec<himkit::Error>, filtered: usize) -> Self {
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
