//! Between Python values and the library's: Python data as JSON text for the library's own
//! readers, the library's serialization as Python data, and files.

use std::fmt::Write as _;
use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString, PyTuple};
use serde::Serialize;

use crate::errors::Problem;

/// How deep Python data given as JSON may nest: `serde_json`'s own limit, so that data the
/// library would refuse anyway is refused before it is written out, and a dict that contains
/// itself ends.
const MAX_DEPTH: usize = 128;

/// Python data (dicts, lists, tuples, sets, strings, numbers, booleans, `None`) as compact
/// JSON text. `what` names the data in errors (`profile`).
///
/// NaN and infinities have no JSON form and are refused naming their field; integers beyond
/// 64 bits too; a type JSON has no form for is a `TypeError`, as `json.dumps` makes it.
pub(crate) fn json_text(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let mut writer = JsonWriter {
        out: String::new(),
        path: Vec::new(),
        what,
    };
    writer.write(value, 0)?;
    Ok(writer.out)
}

struct JsonWriter<'a> {
    out: String,
    /// The keys and indices from the top to the value being written, for errors.
    path: Vec<String>,
    what: &'a str,
}

impl JsonWriter<'_> {
    /// The path to the value being written, as the library writes field paths
    /// (`weights.total-cost`, `degree_levels[1]`).
    fn field(&self) -> String {
        let mut field = String::new();
        for part in &self.path {
            if part.starts_with('[') || field.is_empty() {
                field.push_str(part);
            } else {
                field.push('.');
                field.push_str(part);
            }
        }
        field
    }

    fn write(&mut self, value: &Bound<'_, PyAny>, depth: usize) -> PyResult<()> {
        if depth > MAX_DEPTH {
            return Err(Problem::too_large(
                self.what,
                format!("the data nests deeper than {MAX_DEPTH} levels"),
            )
            .into());
        }
        if value.is_none() {
            self.out.push_str("null");
        } else if let Ok(flag) = value.cast::<PyBool>() {
            self.out.push_str(if flag.is_true() { "true" } else { "false" });
        } else if value.is_instance_of::<PyInt>() {
            self.write_int(value)?;
        } else if let Ok(number) = value.cast::<PyFloat>() {
            let number = number.value();
            if !number.is_finite() {
                return Err(Problem::invalid(
                    &self.field(),
                    &format!("{number}"),
                    "is not a finite number (JSON has no NaN or infinity)",
                )
                .into());
            }
            self.out
                .push_str(&serde_json::to_string(&number).map_err(json_failure)?);
        } else if let Ok(text) = value.cast::<PyString>() {
            self.write_str(&text.to_cow()?)?;
        } else if let Ok(dict) = value.cast::<PyDict>() {
            self.out.push('{');
            for (index, (key, item)) in dict.iter().enumerate() {
                let Ok(key) = key.cast::<PyString>() else {
                    return Err(PyTypeError::new_err(format!(
                        "{}: the keys of {} must be str, not {}",
                        self.what,
                        self.container_name(),
                        type_name(&key)
                    )));
                };
                let key = key.to_cow()?;
                if index > 0 {
                    self.out.push(',');
                }
                self.write_str(&key)?;
                self.out.push(':');
                self.path.push(key.into_owned());
                self.write(&item, depth.saturating_add(1))?;
                self.path.pop();
            }
            self.out.push('}');
        } else if value.is_instance_of::<PyList>()
            || value.is_instance_of::<PyTuple>()
            || value.is_instance_of::<PySet>()
            || value.is_instance_of::<PyFrozenSet>()
        {
            self.out.push('[');
            for (index, item) in value.try_iter()?.enumerate() {
                if index > 0 {
                    self.out.push(',');
                }
                self.path.push(format!("[{index}]"));
                self.write(&item?, depth.saturating_add(1))?;
                self.path.pop();
            }
            self.out.push(']');
        } else {
            return Err(PyTypeError::new_err(format!(
                "{}: {} is a {}, which has no JSON form (give dict, list, tuple, set, str, int, float, bool or None)",
                self.what,
                self.container_name(),
                type_name(value)
            )));
        }
        Ok(())
    }

    /// The value being written, for people: `field weights.total-cost`, or the whole data.
    fn container_name(&self) -> String {
        if self.path.is_empty() {
            format!("the {}", self.what)
        } else {
            format!("field {}", self.field())
        }
    }

    fn write_int(&mut self, value: &Bound<'_, PyAny>) -> PyResult<()> {
        if let Ok(number) = value.extract::<i64>() {
            let _ = write!(self.out, "{number}");
        } else if let Ok(number) = value.extract::<u64>() {
            let _ = write!(self.out, "{number}");
        } else {
            return Err(Problem::invalid(
                &self.field(),
                "an integer beyond 64 bits",
                "is larger than any value himkit accepts",
            )
            .into());
        }
        Ok(())
    }

    fn write_str(&mut self, text: &str) -> PyResult<()> {
        self.out
            .push_str(&serde_json::to_string(text).map_err(json_failure)?);
        Ok(())
    }
}

fn json_failure(error: serde_json::Error) -> PyErr {
    Problem::invalid("", &error.to_string(), "cannot be written as JSON").into()
}

/// The name of a value's type, for errors.
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "object".to_owned(), |name| name.to_string())
}

/// The library's serialization of `value` as Python data: dicts with the JSON form's keys in
/// its order, lists, strings, numbers, booleans and `None`.
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    value: &(impl Serialize + ?Sized),
) -> PyResult<Bound<'py, PyAny>> {
    let data = pythonize::pythonize(py, value).map_err(PyErr::from)?;
    lists_for_tuples(data)
}

/// `data` with every tuple made a list: JSON writes a Rust tuple (a comparison's rank and
/// score) as an array, and so the Python form of the JSON has a list there.
fn lists_for_tuples(data: Bound<'_, PyAny>) -> PyResult<Bound<'_, PyAny>> {
    if let Ok(tuple) = data.cast::<PyTuple>() {
        let items = tuple.iter().map(lists_for_tuples).collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(data.py(), items)?.into_any());
    }
    if let Ok(list) = data.cast::<PyList>() {
        for (index, item) in list.iter().enumerate() {
            if needs_change(&item) {
                list.set_item(index, lists_for_tuples(item)?)?;
            }
        }
    } else if let Ok(dict) = data.cast::<PyDict>() {
        for (key, item) in dict.iter() {
            if needs_change(&item) {
                dict.set_item(key, lists_for_tuples(item)?)?;
            }
        }
    }
    Ok(data)
}

/// Whether a value is or may hold a tuple.
fn needs_change(item: &Bound<'_, PyAny>) -> bool {
    item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyList>() || item.is_instance_of::<PyDict>()
}

/// A file's text; errors name the file by its path as given.
pub(crate) fn read_text(path: &PathBuf) -> PyResult<String> {
    let bytes = std::fs::read(path).map_err(|error| Problem::io(&path.display().to_string(), &error))?;
    String::from_utf8(bytes)
        .map_err(|error| Problem::not_text(&path.display().to_string(), &error.utf8_error()).into())
}

/// Text or bytes given as a file's content, as bytes.
pub(crate) fn content_bytes(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u8>> {
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(text.to_cow()?.as_bytes().to_vec());
    }
    value
        .extract::<Vec<u8>>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be str or bytes, not {}", type_name(value))))
}

/// Pretty JSON of a library value, as the library writes its own; `what` names it in errors.
pub(crate) fn pretty(value: &impl Serialize, what: &str) -> PyResult<String> {
    serde_json::to_string_pretty(value)
        .map_err(|error| Problem::invalid(what, &error.to_string(), "cannot be written as JSON").into())
}
