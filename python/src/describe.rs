//! The library's words for records read from its JSON form, so that `str()` of an
//! accreditation or an eligibility says what the command line and the page say, wording kept
//! in one place.

use pyo3::prelude::*;

use himkit::Eligibility;
use himkit::program::{AccreditationSource, AccreditationState};

use crate::convert::json_text;
use crate::errors::Problem;

/// The library's text of a record of class `kind` (`Accreditation`, `AccreditationSource` or
/// `Eligibility`) whose data is `data`, as the record classes' ``__str__`` gives it: the
/// status with the list and line it came from, or the eligibility citing them.
#[pyfunction]
#[pyo3(name = "_describe")]
pub(crate) fn describe(kind: &str, data: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = json_text(data, kind)?;
    let described = match kind {
        "Accreditation" => serde_json::from_str::<AccreditationState>(&text).map(|state| state.to_string()),
        "AccreditationSource" => {
            serde_json::from_str::<AccreditationSource>(&text).map(|source| source.to_string())
        }
        "Eligibility" => serde_json::from_str::<Eligibility>(&text).map(|verdict| verdict.to_string()),
        other => {
            return Err(Problem::invalid(
                "kind",
                other,
                "is not Accreditation, AccreditationSource or Eligibility",
            )
            .into());
        }
    };
    described.map_err(|error| Problem::invalid(kind, &text, &format!("cannot be read: {error}")).into())
}
