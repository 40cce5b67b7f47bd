//! The institution (and campus) that offers a program.

use serde::{Deserialize, Serialize};

use super::ProgramField;
use crate::error::Result;
use crate::value::{Text, Unitid, UsState};

/// The institution (and campus) that offers a program.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "InstitutionRecord", into = "InstitutionRecord")]
pub struct Institution {
    name: Text,
    state: UsState,
    city: Text,
    unitid: Option<Unitid>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstitutionRecord {
    name: Text,
    state: UsState,
    city: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unitid: Option<Unitid>,
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
        })
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
}

impl From<InstitutionRecord> for Institution {
    fn from(record: InstitutionRecord) -> Self {
        Self {
            name: record.name,
            state: record.state,
            city: record.city,
            unitid: record.unitid,
        }
    }
}

impl From<Institution> for InstitutionRecord {
    fn from(institution: Institution) -> Self {
        Self {
            name: institution.name,
            state: institution.state,
            city: institution.city,
            unitid: institution.unitid,
        }
    }
}
