//! What a program costs in tuition, and whether a student pays the in-state or out-of-state
//! rate.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::value::Money;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Whether a student pays in-state or out-of-state tuition.
    pub enum Residency("residency") {
        /// The student lives in the institution's state.
        InState,
        /// The student lives elsewhere.
        OutOfState,
    }
}

/// What a program costs in tuition: per credit hour times the credits, or a total, each for
/// in-state and out-of-state students (equal where the institution charges one rate).
///
/// Totals are computed when the cost is created, so every total fits in [`Money`].
///
/// ```
/// use himkit::{Cost, Money, Residency};
///
/// let cost = Cost::per_credit(64, Money::new(145)?, Money::new(320)?)?;
/// assert_eq!(cost.total(Residency::InState), Money::new(9_280)?);
/// assert_eq!(cost.total(Residency::OutOfState), Money::new(20_480)?);
/// assert!(Cost::per_credit(0, Money::new(145)?, Money::new(145)?).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "CostRecord", into = "CostRecord")]
pub struct Cost {
    credits: Option<u16>,
    in_state: Money,
    out_of_state: Money,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "kebab-case", deny_unknown_fields)]
enum CostRecord {
    PerCredit {
        credits: u16,
        in_state: Money,
        #[serde(default)]
        out_of_state: Option<Money>,
    },
    Total {
        in_state: Money,
        #[serde(default)]
        out_of_state: Option<Money>,
    },
}

impl Cost {
    /// The most credits a program may have.
    pub const MAX_CREDITS: u16 = 400;

    /// Tuition charged per credit hour, for `credits` credits.
    ///
    /// # Errors
    /// [`Error::Invalid`] if `credits` is 0 or above [`Cost::MAX_CREDITS`], or a total would
    /// exceed [`Money::MAX`].
    pub fn per_credit(credits: u16, in_state: Money, out_of_state: Money) -> Result<Self> {
        if credits == 0 || credits > Self::MAX_CREDITS {
            return Err(Error::invalid(
                "cost.credits",
                credits,
                format!("is not between 1 and {}", Self::MAX_CREDITS),
            ));
        }
        for (field, rate) in [("cost.in_state", in_state), ("cost.out_of_state", out_of_state)] {
            if rate.checked_mul(u64::from(credits)).is_none() {
                return Err(Error::invalid(
                    field,
                    rate,
                    format!("per credit times {credits} credits exceeds {}", Money::MAX),
                ));
            }
        }
        Ok(Self {
            credits: Some(credits),
            in_state,
            out_of_state,
        })
    }

    /// A total tuition for the whole program.
    #[must_use]
    pub fn total_only(in_state: Money, out_of_state: Money) -> Self {
        Self {
            credits: None,
            in_state,
            out_of_state,
        }
    }

    /// The total tuition for a student with `residency`.
    #[must_use]
    pub fn total(&self, residency: Residency) -> Money {
        let rate = self.rate(residency);
        // per_credit checked that both products fit.
        self.credits
            .and_then(|credits| rate.checked_mul(u64::from(credits)))
            .unwrap_or(rate)
    }

    /// The tuition per credit hour, if the cost is given per credit.
    #[must_use]
    pub fn per_credit_rate(&self, residency: Residency) -> Option<Money> {
        self.credits.map(|_| self.rate(residency))
    }

    /// The credits, if the cost is given per credit.
    #[must_use]
    pub fn credits(&self) -> Option<u16> {
        self.credits
    }

    /// Whether out-of-state students pay more than in-state students.
    #[must_use]
    pub fn differs_by_residency(&self) -> bool {
        self.in_state != self.out_of_state
    }

    fn rate(&self, residency: Residency) -> Money {
        match residency {
            Residency::InState => self.in_state,
            Residency::OutOfState => self.out_of_state,
        }
    }
}

impl TryFrom<CostRecord> for Cost {
    type Error = Error;

    fn try_from(record: CostRecord) -> Result<Self> {
        match record {
            CostRecord::PerCredit {
                credits,
                in_state,
                out_of_state,
            } => Cost::per_credit(credits, in_state, out_of_state.unwrap_or(in_state)),
            CostRecord::Total {
                in_state,
                out_of_state,
            } => Ok(Cost::total_only(in_state, out_of_state.unwrap_or(in_state))),
        }
    }
}

impl From<Cost> for CostRecord {
    fn from(cost: Cost) -> Self {
        match cost.credits {
            Some(credits) => CostRecord::PerCredit {
                credits,
                in_state: cost.in_state,
                out_of_state: Some(cost.out_of_state),
            },
            None => CostRecord::Total {
                in_state: cost.in_state,
                out_of_state: Some(cost.out_of_state),
            },
        }
    }
}
