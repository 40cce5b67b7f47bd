//! A catalogue CSV row's institution columns: the name, state, city, UNITID and the campus's
//! coordinates.

use super::{Row, refused};
use crate::error::{Error, Result};
use crate::io::table::CellError;
use crate::program::{Institution, ProgramField, campus_coordinates};

impl Row<'_> {
    /// The institution, with its campus's coordinates where the row gives them (both or
    /// neither, each refused in its own column).
    pub(super) fn institution(&self) -> std::result::Result<Institution, CellError> {
        Institution::new(
            self.get("institution_name"),
            self.parse("institution_state")?,
            self.get("institution_city"),
            self.optional("unitid")?,
        )
        .and_then(|institution| {
            Ok(
                match campus_coordinates(self.degrees("latitude")?, self.degrees("longitude")?)? {
                    Some(coordinates) => institution.with_coordinates(coordinates),
                    None => institution,
                },
            )
        })
        .map_err(refused)
    }

    /// A latitude or longitude cell: empty, or a number of degrees (its range is the model's
    /// rule, checked with the other).
    fn degrees(&self, name: &str) -> Result<Option<f64>> {
        let text = self.get(name);
        if text.is_empty() {
            return Ok(None);
        }
        text.parse().map(Some).map_err(|_| {
            let field = if name == "latitude" {
                ProgramField::InstitutionLatitude
            } else {
                ProgramField::InstitutionLongitude
            };
            Error::invalid_text(field.path(), text, "is not a number of degrees")
        })
    }
}
