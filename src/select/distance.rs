//! How far a campus is from the student's home.

use std::fmt;

use serde::Serialize;

use crate::value::ZipCode;

/// The great-circle distance from the student's home ZIP code to a program's campus, as a
/// ranking reports it: `12.3 miles from 45202`. In JSON, `distance_miles` and
/// `distance_from` beside the program's other facts.
///
/// Great-circle rather than driving distance: two points from federal files (the ZIP code's
/// Census point and the campus's IPEDS coordinates) give it exactly and offline, the same for
/// every user, while a drive's length or time needs a road network and a routing service, and
/// changes with traffic. A limit is therefore as the crow flies; a campus across a river with
/// few bridges is farther by road.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CampusDistance {
    #[serde(rename = "distance_miles")]
    miles: f64,
    #[serde(rename = "distance_from")]
    from: ZipCode,
}

impl CampusDistance {
    /// The distance of `miles` from `from`, kept to the tenth of a mile as it is shown (a ZIP
    /// code's point stands for an area miles across), so that the figure reported does not
    /// depend on the last bits of a floating-point calculation.
    pub(crate) fn new(miles: f64, from: ZipCode) -> Self {
        Self {
            miles: (miles * 10.0).round() / 10.0,
            from,
        }
    }

    /// The distance in statute miles, to the tenth.
    #[must_use]
    pub fn miles(&self) -> f64 {
        self.miles
    }

    /// The home ZIP code it is measured from.
    #[must_use]
    pub fn from(&self) -> ZipCode {
        self.from
    }
}

impl fmt::Display for CampusDistance {
    /// `12.3 miles from 45202`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Whole tenths, written as integers: a ranking writes one for every campus it explains,
        // and integers format several times faster than floats.
        let tenths = (self.miles * 10.0).round() as u64;
        write!(f, "{}.{} miles from {}", tenths / 10, tenths % 10, self.from)
    }
}
