use std::fmt;

use serde::Serialize;

use crate::error::{Error, Result};

/// An amount of money in whole US dollars, from $0 up to [`Money::MAX`].
///
/// Program costs, debts and annual wages all fit comfortably; anything larger is refused as a
/// data error rather than wrapped or saturated. Arithmetic is checked: it returns `None` where the
/// result would leave the valid range.
///
/// ```
/// use himkit::Money;
///
/// let tuition = Money::new(12_500)?;
/// assert_eq!(tuition.to_string(), "$12,500");
/// assert!(Money::new(20_000_000_000).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(into = "u64")]
pub struct Money(u64);

impl Money {
    /// The largest amount the model accepts: one billion dollars.
    pub const MAX: Money = Money(1_000_000_000);
    /// No money.
    pub const ZERO: Money = Money(0);

    /// Creates an amount of `dollars`.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if `dollars` exceeds [`Money::MAX`].
    pub fn new(dollars: u64) -> Result<Self> {
        if dollars > Self::MAX.0 {
            return Err(Error::invalid(
                "money",
                dollars,
                format!("is more than the largest amount accepted ({})", Self::MAX),
            ));
        }
        Ok(Self(dollars))
    }

    /// The amount in whole dollars.
    #[must_use]
    pub const fn dollars(self) -> u64 {
        self.0
    }

    /// The amount as a float, for scoring and statistics.
    #[must_use]
    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }

    /// The sum, or `None` above [`Money::MAX`].
    #[must_use]
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).and_then(|sum| Money::new(sum).ok())
    }

    /// The difference, or `None` below zero.
    #[must_use]
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// The amount times `factor`, or `None` above [`Money::MAX`].
    #[must_use]
    pub fn checked_mul(self, factor: u64) -> Option<Money> {
        self.0
            .checked_mul(factor)
            .and_then(|product| Money::new(product).ok())
    }
}

crate::error::deserialize_by_try_from!(Money, i64);

impl TryFrom<i64> for Money {
    type Error = Error;

    fn try_from(dollars: i64) -> Result<Self> {
        let unsigned = u64::try_from(dollars).map_err(|_| Error::invalid("money", dollars, "is negative"))?;
        Money::new(unsigned)
    }
}

impl From<Money> for u64 {
    fn from(money: Money) -> u64 {
        money.0
    }
}

impl fmt::Display for Money {
    /// Formats as `$12,500`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        let mut grouped = String::with_capacity(digits.len().saturating_mul(2));
        for (position, digit) in digits.chars().enumerate() {
            if position > 0 && digits.len().saturating_sub(position) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "${grouped}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_with_thousands_separators() {
        assert_eq!(Money::new(0).unwrap().to_string(), "$0");
        assert_eq!(Money::new(999).unwrap().to_string(), "$999");
        assert_eq!(Money::new(1_000).unwrap().to_string(), "$1,000");
        assert_eq!(Money::new(239_200).unwrap().to_string(), "$239,200");
        assert_eq!(Money::MAX.to_string(), "$1,000,000,000");
    }

    #[test]
    fn refuses_negative_and_oversized_amounts() {
        let negative = Money::try_from(-5).unwrap_err();
        assert_eq!(negative.to_string(), "money: -5 is negative");
        let huge = Money::new(1_000_000_001).unwrap_err();
        assert_eq!(
            huge.to_string(),
            "money: 1000000001 is more than the largest amount accepted ($1,000,000,000)"
        );
    }

    #[test]
    fn arithmetic_is_checked() {
        let half = Money::new(500_000_000).unwrap();
        assert_eq!(half.checked_add(half), Some(Money::MAX));
        assert_eq!(Money::MAX.checked_add(Money::new(1).unwrap()), None);
        assert_eq!(Money::ZERO.checked_sub(Money::new(1).unwrap()), None);
        assert_eq!(half.checked_mul(3), None);
    }

    #[test]
    fn json_refuses_fractions_and_negatives() {
        assert!(serde_json::from_str::<Money>("12.5").is_err());
        assert!(serde_json::from_str::<Money>("-1").is_err());
        assert!(serde_json::from_str::<Money>("1e30").is_err());
        assert_eq!(serde_json::from_str::<Money>("150").unwrap().dollars(), 150);
    }
}
