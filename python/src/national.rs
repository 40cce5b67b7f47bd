//! The national-catalogue builder (`build_catalog`, as the `build-catalog` example).

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use himkit::Year;
use himkit::io::{CatalogInputs, ReadOptions, year_in_file_name};
use himkit::value::CipCode;

use crate::catalog::{PyCatalog, no_year, year_arg};
use crate::convert::type_name;
use crate::errors::{IntoPy, Problem};
use crate::records::{make, summary_record};

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
