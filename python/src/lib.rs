//! himkit for Python: the native part of the `himkit` module.
//!
//! The classes here wrap the library's own types; `himkit/_errors.py` holds the exception
//! classes and `himkit/_records.py` the record classes that results are read through, both
//! built from the library's serialization (see `records`). The Python package re-exports all
//! of them as `himkit`.

// PyO3 extracts arguments (paths, lists) as owned values; taking them by reference is not an
// option for a #[pyfunction].
#![allow(clippy::needless_pass_by_value)]

mod catalog;
mod convert;
mod describe;
mod errors;
mod national;
mod profile;
mod program;
mod records;
mod results;
mod select;
mod wages;

use pyo3::prelude::*;

/// The native part of himkit; import ``himkit``, which re-exports it.
#[pymodule]
mod _native {
    #[pymodule_export]
    use super::catalog::{PyCatalog, PyDataset};
    #[pymodule_export]
    use super::describe::describe;
    #[pymodule_export]
    use super::national::build_catalog;
    #[pymodule_export]
    use super::profile::PyProfile;
    #[pymodule_export]
    use super::program::PyProgram;
    #[pymodule_export]
    use super::results::{PyComparison, PyRanking, PySensitivity};
    #[pymodule_export]
    use super::select::PySelector;
    #[pymodule_export]
    use super::wages::PyWageTable;

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add("LIBRARY_VERSION", himkit_version())?;
        module.add("ERROR_KINDS", super::errors::kind_names())
    }

    /// The version of the himkit library the module was built with.
    fn himkit_version() -> &'static str {
        env!("CARGO_PKG_VERSION")
    }
}
