//! A point on the Earth and the great-circle distance between two.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Millionths of a degree in one degree: coordinates are kept to six decimals, as the Census
/// Gazetteer and IPEDS publish them (about 11 cm).
const MICRODEGREES: f64 = 1_000_000.0;

/// The mean radius of the Earth in statute miles (the IUGG mean radius, 6,371.0088 km), the
/// radius great-circle distances are measured with.
pub(crate) const EARTH_RADIUS_MILES: f64 = 3_958.8;

/// A latitude and longitude in decimal degrees (WGS 84), such as an institution's campus from
/// IPEDS HD (`LATITUDE`, `LONGITUD`) or a ZIP code's point from the Census Gazetteer. Kept to
/// six decimals (a finer figure is rounded), so that two points read from the same figures are
/// equal.
///
/// ```
/// use himkit::value::Coordinates;
///
/// let cleveland = Coordinates::new(41.505341, -81.605432)?;
/// let columbus = Coordinates::new(39.962260, -83.000706)?;
/// assert_eq!(cleveland.latitude(), 41.505341);
/// assert_eq!(format!("{:.0}", cleveland.distance_miles(columbus)), "129");
///
/// let error = Coordinates::new(91.0, 0.0).unwrap_err();
/// assert_eq!(error.to_string(), "latitude: 91 is not between -90 and 90 degrees");
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "CoordinatesRecord")]
pub struct Coordinates {
    latitude: i32,
    longitude: i32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CoordinatesRecord {
    latitude: f64,
    longitude: f64,
}

/// `degrees` in millionths of a degree, if it is a finite number between `-limit` and `limit`.
fn microdegrees(field: &str, degrees: f64, limit: f64) -> Result<i32> {
    if !degrees.is_finite() || degrees.abs() > limit {
        return Err(Error::invalid(
            field,
            degrees,
            format!("is not between -{limit} and {limit} degrees"),
        ));
    }
    // In range, so the rounded value fits: 180,000,000 < i32::MAX.
    Ok((degrees * MICRODEGREES).round() as i32)
}

impl Coordinates {
    /// A point at `latitude` (−90 to 90, north positive) and `longitude` (−180 to 180, east
    /// positive), in decimal degrees.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) naming `latitude` or `longitude` if it is
    /// not a finite number in its range.
    pub fn new(latitude: f64, longitude: f64) -> Result<Self> {
        Ok(Self {
            latitude: microdegrees("latitude", latitude, 90.0)?,
            longitude: microdegrees("longitude", longitude, 180.0)?,
        })
    }

    /// The latitude in decimal degrees, north positive.
    #[must_use]
    pub fn latitude(self) -> f64 {
        f64::from(self.latitude) / MICRODEGREES
    }

    /// The longitude in decimal degrees, east positive.
    #[must_use]
    pub fn longitude(self) -> f64 {
        f64::from(self.longitude) / MICRODEGREES
    }

    /// The great-circle distance to `other` in statute miles, on a sphere of the Earth's mean
    /// radius (3,958.8 miles), by the haversine formula: as the crow flies, which is what two
    /// points can tell (a drive's length needs a road network), within about 0.5% of the
    /// distance on the ellipsoid.
    #[must_use]
    pub fn distance_miles(self, other: Coordinates) -> f64 {
        let (lat1, lon1) = (self.latitude().to_radians(), self.longitude().to_radians());
        let (lat2, lon2) = (other.latitude().to_radians(), other.longitude().to_radians());
        let half_dlat = ((lat2 - lat1) / 2.0).sin();
        let half_dlon = ((lon2 - lon1) / 2.0).sin();
        let a = half_dlat.mul_add(half_dlat, lat1.cos() * lat2.cos() * half_dlon * half_dlon);
        2.0 * EARTH_RADIUS_MILES * a.sqrt().min(1.0).asin()
    }
}

crate::error::deserialize_by_try_from!(Coordinates, CoordinatesRecord);

/// A point as a unit vector from the Earth's centre, prepared once, so that a ranking compares
/// many campuses with one home by a few multiplications: two points' chord decides whether
/// one is within a distance of the other without a trigonometric function, and gives the
/// great-circle distance with one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SpherePoint([f64; 3]);

impl SpherePoint {
    pub(crate) fn new(point: Coordinates) -> Self {
        let (latitude, longitude) = (point.latitude().to_radians(), point.longitude().to_radians());
        Self([
            latitude.cos() * longitude.cos(),
            latitude.cos() * longitude.sin(),
            latitude.sin(),
        ])
    }

    /// The square of the straight-line distance to `other` through the Earth, on the unit
    /// sphere: it grows with the great-circle distance, so comparing it with
    /// [`SpherePoint::chord_squared_within`] compares distances.
    pub(crate) fn chord_squared(self, other: SpherePoint) -> f64 {
        let ([x1, y1, z1], [x2, y2, z2]) = (self.0, other.0);
        let (dx, dy, dz) = (x1 - x2, y1 - y2, z1 - z2);
        dz.mul_add(dz, dx.mul_add(dx, dy * dy))
    }

    /// The chord squared of a great-circle distance of `miles`.
    pub(crate) fn chord_squared_within(miles: f64) -> f64 {
        let half_angle = (miles / EARTH_RADIUS_MILES / 2.0).min(std::f64::consts::FRAC_PI_2);
        let chord = 2.0 * half_angle.sin();
        chord * chord
    }

    /// The great-circle distance in miles of a chord squared.
    pub(crate) fn miles(chord_squared: f64) -> f64 {
        let half_chord = (chord_squared.max(0.0).sqrt() / 2.0).min(1.0);
        // Within about 160 miles, the arcsine's series to the seventh power is exact to the
        // last bit (the next term is below 2e-17 of the value) and several times faster than
        // `asin`: a ranking measures every campus near enough to matter.
        let angle = if half_chord < 0.02 {
            let square = half_chord * half_chord;
            half_chord
                * square.mul_add(
                    square.mul_add(square.mul_add(5.0 / 112.0, 3.0 / 40.0), 1.0 / 6.0),
                    1.0,
                )
        } else {
            half_chord.asin()
        };
        2.0 * EARTH_RADIUS_MILES * angle
    }
}

impl TryFrom<CoordinatesRecord> for Coordinates {
    type Error = Error;

    fn try_from(record: CoordinatesRecord) -> Result<Self> {
        Self::new(record.latitude, record.longitude)
    }
}

impl From<Coordinates> for CoordinatesRecord {
    fn from(point: Coordinates) -> Self {
        Self {
            latitude: point.latitude(),
            longitude: point.longitude(),
        }
    }
}

impl fmt::Display for Coordinates {
    /// `41.505341, -81.605432`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}", self.latitude(), self.longitude())
    }
}

#[cfg(test)]
#[allow(clippy::unreadable_literal)] // Coordinates as the Census and IPEDS publish them.
mod tests {
    use super::*;

    #[test]
    fn distances_match_published_great_circle_figures() {
        // JFK (40.6413, -73.7781) to LAX (33.9416, -118.4085): 2,151 nautical miles, 2,475
        // statute miles on the ellipsoid; the sphere is within the documented 0.5%.
        let jfk = Coordinates::new(40.6413, -73.7781).unwrap();
        let lax = Coordinates::new(33.9416, -118.4085).unwrap();
        let miles = jfk.distance_miles(lax);
        assert!((miles - 2_475.0).abs() < 2_475.0 * 0.005, "{miles}");
        assert!(jfk.distance_miles(jfk).abs() < 1e-9);
        assert!((jfk.distance_miles(lax) - lax.distance_miles(jfk)).abs() < 1e-9);
        // Antipodes: half the circumference.
        let north = Coordinates::new(90.0, 0.0).unwrap();
        let south = Coordinates::new(-90.0, 0.0).unwrap();
        let half = std::f64::consts::PI * EARTH_RADIUS_MILES;
        assert!((north.distance_miles(south) - half).abs() < 1e-6);
    }

    #[test]
    fn chords_give_the_haversine_distance() {
        let columbus = Coordinates::new(39.962260, -83.000706).unwrap();
        for (latitude, longitude) in [
            (39.969373, -82.987332),
            (41.505341, -81.605432),
            (-33.9, 151.2),
            (39.96226, 96.999294),
        ] {
            let other = Coordinates::new(latitude, longitude).unwrap();
            let chord = SpherePoint::new(columbus).chord_squared(SpherePoint::new(other));
            let miles = SpherePoint::miles(chord);
            assert!((miles - columbus.distance_miles(other)).abs() < 1e-6, "{miles}");
            assert!(chord <= SpherePoint::chord_squared_within(miles + 1e-6));
            assert!(chord > SpherePoint::chord_squared_within(miles - 1e-3));
        }
    }

    #[test]
    fn the_series_for_short_distances_is_the_arcsine() {
        for miles in [0.0, 0.01, 1.0, 12.3, 80.0, 150.0, 158.0, 158.4, 159.0, 400.0] {
            let chord = SpherePoint::chord_squared_within(miles);
            let half = chord.sqrt() / 2.0;
            let exact = 2.0 * EARTH_RADIUS_MILES * half.asin();
            assert!(
                (SpherePoint::miles(chord) - exact).abs() <= exact * 1e-15,
                "{miles}"
            );
        }
    }

    #[test]
    fn out_of_range_and_not_finite_values_are_refused_by_name() {
        for (latitude, longitude, field) in [
            (-90.000_001, 0.0, "latitude"),
            (f64::NAN, 0.0, "latitude"),
            (0.0, 180.5, "longitude"),
            (0.0, f64::NEG_INFINITY, "longitude"),
        ] {
            let error = Coordinates::new(latitude, longitude).unwrap_err();
            assert_eq!(error.field(), Some(field), "{error}");
        }
        assert!(Coordinates::new(-90.0, 180.0).is_ok());
    }

    #[test]
    fn six_decimals_round_trip_through_json() {
        let point = Coordinates::new(18.180555, -66.749961).unwrap();
        let json = serde_json::to_string(&point).unwrap();
        assert_eq!(json, r#"{"latitude":18.180555,"longitude":-66.749961}"#);
        assert_eq!(serde_json::from_str::<Coordinates>(&json).unwrap(), point);
        assert!(serde_json::from_str::<Coordinates>(r#"{"latitude":100,"longitude":0}"#).is_err());
    }
}
