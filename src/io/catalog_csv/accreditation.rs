//! A catalogue CSV row's accreditation columns: the status, and the list and line it came
//! from.

use std::num::NonZeroU64;

use super::{Row, refused};
use crate::io::table::{CellError, whole_number};
use crate::program::{Accreditation, AccreditationSource, AccreditationState};

impl Row<'_> {
    /// The accreditation: none or not verified when `accreditor` is empty (and then no source
    /// may be given), else the status with its source where the row gives one.
    pub(super) fn accreditation(&self) -> std::result::Result<AccreditationState, CellError> {
        if self.get("accreditor").is_empty() {
            if let Some(column) = ["accreditation_source", "accreditation_source_line"]
                .into_iter()
                .find(|column| !self.get(column).is_empty())
            {
                return Err(CellError::new(
                    column,
                    "a source needs a known accreditation (accreditor, status, last confirmed) beside it",
                ));
            }
            return match self.get("accreditation_status") {
                "" | "none" => Ok(AccreditationState::None),
                "not-verified" => Ok(AccreditationState::NotVerified),
                other => Err(CellError::new(
                    "accreditor",
                    format!(
                        "is empty beside accreditation_status {other:?}: name the accreditor, or write none or not-verified as the status"
                    ),
                )),
            };
        }
        let accreditation = Accreditation::new(
            self.parse("accreditor")?,
            self.parse("accreditation_status")?,
            self.parse("accreditation_last_confirmed")?,
            self.optional("accreditation_next_review_year")?,
        )
        .map_err(refused)?;
        Ok(AccreditationState::Known(match self.accreditation_source()? {
            Some(source) => accreditation.with_source(source),
            None => accreditation,
        }))
    }

    /// The accreditation list and line a known status came from, if the row gives them.
    fn accreditation_source(&self) -> std::result::Result<Option<AccreditationSource>, CellError> {
        let line = match self.get("accreditation_source_line") {
            "" => None,
            text => {
                let number = whole_number("accreditation_source_line", text)?;
                Some(NonZeroU64::new(number).ok_or_else(|| {
                    CellError::new(
                        "accreditation_source_line",
                        format!("{text:?} is not a line number (the header is line 1)"),
                    )
                })?)
            }
        };
        match (self.get("accreditation_source"), line) {
            ("", None) => Ok(None),
            ("", Some(_)) => Err(CellError::new(
                "accreditation_source_line",
                "a line needs the list's name in accreditation_source beside it",
            )),
            (list, line) => AccreditationSource::new(list, line).map(Some).map_err(refused),
        }
    }
}
