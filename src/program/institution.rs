//! The institution (and campus) that offers a program.

use serde::{Deserialize, Serialize};

use super::ProgramField;
use crate::error::{Error, Result};
use crate::value::{Coordinates, Text, Unitid, UsState};

/// The institution (and campus) that offers a program: its name, the campus's state, city and,
/// where known, coordinates (IPEDS HD's `LATITUDE` and `LONGITUD`), and its IPEDS UNITID.
///
/// In JSON the coordinates are `latitude` and `longitude`, both or neither:
///
/// ```
/// use himkit::Institution;
///
/// let institution: Institution = serde_json::from_str(r#"{"name": "Columbus State Community College",
///     "state": "OH", "city": "Columbus", "unitid": 202222,
///     "latitude": 39.969373, "longitude": -82.987332}"#)?;
/// assert_eq!(institution.coordinates().map(|point| point.latitude()), Some(39.969373));
///
/// let error = serde_json::from_str::<Institution>(r#"{"name": "A", "state": "OH", "city": "B",
///     "latitude": 39.9}"#).unwrap_err();
/// assert!(error.to_string().contains("institution.longitude: missing: latitude and longitude go together"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "InstitutionRecord")]
pub struct Institution {
    name: Text,
    state: UsState,
    city: Text,
    unitid: Option<Unitid>,
    coordinates: Option<Coordinates>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstitutionRecord {
    name: Text,
    state: UsState,
    city: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unitid: Option<Unitid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    longitude: Option<f64>,
}

impl Institution {
    /// Creates an institution: its name, the campus's state and city, and its IPEDS UNITID
    /// where known.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the name or the city is empty, over-long or contains control
    /// characters.
    pub fn new(name: &str, state: UsState, city: &str, unitid: Option<Unitid>) -> Result<Self> {
        Ok(Self {
            name: Text::new(name).map_err(|error| error.in_field(ProgramField::InstitutionName.path()))?,
            state,
            city: Text::new(city).map_err(|error| error.in_field(ProgramField::InstitutionCity.path()))?,
            unitid,
            coordinates: None,
        })
    }

    /// The institution with its campus at `coordinates` (IPEDS HD's `LATITUDE` and
    /// `LONGITUD`), from which distances to a student's ZIP code are measured.
    #[must_use]
    pub fn with_coordinates(mut self, coordinates: Coordinates) -> Self {
        self.coordinates = Some(coordinates);
        self
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        self.name.as_str()
    }

    /// The campus's state.
    #[must_use]
    pub fn state(&self) -> UsState {
        self.state
    }

    /// The campus's city.
    #[must_use]
    pub fn city(&self) -> &str {
        self.city.as_str()
    }

    /// The IPEDS UNITID, if known.
    #[must_use]
    pub fn unitid(&self) -> Option<Unitid> {
        self.unitid
    }

    /// The campus's coordinates, if known.
    #[must_use]
    pub fn coordinates(&self) -> Option<Coordinates> {
        self.coordinates
    }
}

/// Coordinates from a latitude and a longitude given together, refused (naming the field of
/// `institution`) when one is missing or out of range.
pub(crate) fn campus_coordinates(
    latitude: Option<f64>,
    longitude: Option<f64>,
) -> Result<Option<Coordinates>> {
    let missing = |field: ProgramField| {
        Error::invalid_field(field.path(), "missing: latitude and longitude go together")
    };
    match (latitude, longitude) {
        (None, None) => Ok(None),
        (Some(_), None) => Err(missing(ProgramField::InstitutionLongitude)),
        (None, Some(_)) => Err(missing(ProgramField::InstitutionLatitude)),
        (Some(latitude), Some(longitude)) => {
            Coordinates::new(latitude, longitude).map(Some).map_err(|error| {
                let field = if error.field() == Some("latitude") {
                    ProgramField::InstitutionLatitude
                } else {
                    ProgramField::InstitutionLongitude
                };
                error.in_field(field.path())
            })
        }
    }
}

crate::error::deserialize_by_try_from!(Institution, InstitutionRecord);

impl TryFrom<InstitutionRecord> for Institution {
    type Error = Error;

    fn try_from(record: InstitutionRecord) -> Result<Self> {
        Ok(Self {
            name: record.name,
            state: record.state,
            city: record.city,
            unitid: record.unitid,
            coordinates: campus_coordinates(record.latitude, record.longitude)?,
        })
    }
}

impl From<Institution> for InstitutionRecord {
    fn from(institution: Institution) -> Self {
        Self {
            name: institution.name,
            state: institution.state,
            city: institution.city,
            unitid: institution.unitid,
            latitude: institution.coordinates.map(Coordinates::latitude),
            longitude: institution.coordinates.map(Coordinates::longitude),
        }
    }
}
