use std::cmp::Ordering;
use std::fmt;

use serde::Serialize;

use crate::error::{Error, Result};

/// A fraction between 0 and 1 inclusive: a graduation, employment or pass rate, or a share.
///
/// NaN and infinities cannot enter, so a `Rate` compares, orders and hashes like an integer.
/// Rates are written as fractions (`0.82`), never as percentages.
///
/// ```
/// use himkit::Rate;
///
/// let rate = Rate::new(0.82)?;
/// assert_eq!(rate.to_string(), "82.0%");
/// assert!(Rate::new(82.0).is_err());
/// assert!(Rate::new(f64::NAN).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(into = "f64")]
pub struct Rate(f64);

impl Rate {
    /// 0.
    pub const ZERO: Rate = Rate(0.0);
    /// 1.
    pub const ONE: Rate = Rate(1.0);

    /// Creates a rate.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) unless `fraction` is a finite number in `[0, 1]`.
    pub fn new(fraction: f64) -> Result<Self> {
        if fraction.is_finite() && (0.0..=1.0).contains(&fraction) {
            // -0.0 would compare equal to 0.0 yet print and hash differently.
            Ok(Self(fraction + 0.0))
        } else {
            Err(Error::invalid(
                "rate",
                fraction,
                "is not a fraction between 0 and 1",
            ))
        }
    }

    /// The rate as a fraction in `[0, 1]`.
    #[must_use]
    pub const fn get(self) -> f64 {
        self.0
    }
}

crate::error::deserialize_by_try_from!(Rate, f64);

impl TryFrom<f64> for Rate {
    type Error = Error;

    fn try_from(fraction: f64) -> Result<Self> {
        Rate::new(fraction)
    }
}

impl From<Rate> for f64 {
    fn from(rate: Rate) -> f64 {
        rate.0
    }
}

impl PartialEq for Rate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Rate {}

impl PartialOrd for Rate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl std::hash::Hash for Rate {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

impl fmt::Display for Rate {
    /// Formats as a percentage with one decimal: `82.0%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}%", self.0 * 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_closed_unit_interval() {
        assert_eq!(Rate::new(0.0).unwrap(), Rate::ZERO);
        assert_eq!(Rate::new(1.0).unwrap(), Rate::ONE);
        assert_eq!(Rate::new(-0.0).unwrap().get().to_bits(), 0.0f64.to_bits());
    }

    #[test]
    fn refuses_out_of_range_and_non_finite_values() {
        for bad in [1.4, -0.01, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let error = Rate::new(bad).unwrap_err();
            assert_eq!(error.kind(), crate::error::ErrorKind::Invalid, "{bad}");
        }
        assert_eq!(
            Rate::new(1.4).unwrap_err().to_string(),
            "rate: 1.4 is not a fraction between 0 and 1"
        );
    }
}
