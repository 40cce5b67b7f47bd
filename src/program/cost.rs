//! What a program costs in tuition, and whether a student pays the in-state or out-of-state
//! rate.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ProgramField;
use crate::error::{Error, Result};
use crate::value::{Money, Text};
use crate::vocabulary::{normalise_name, vocabulary};

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
/// use himkit::Money;
/// use himkit::program::{Cost, Residency};
///
/// let cost = Cost::per_credit(64, Money::new(145)?, Money::new(320)?)?;
/// assert_eq!(cost.total(Residency::InState), Money::new(9_280)?);
/// assert_eq!(cost.total(Residency::OutOfState), Money::new(20_480)?);
/// assert!(Cost::per_credit(0, Money::new(145)?, Money::new(145)?).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "CostRecord")]
pub struct Cost {
    credits: Option<u16>,
    in_state: Money,
    out_of_state: Money,
    estimate: Option<Box<CostEstimate>>,
}

/// How an estimated cost was made: a year's published tuition and required fees, times the
/// length of the program, from a named source and academic year.
///
/// ```
/// use himkit::Money;
/// use himkit::program::{Cost, Residency};
///
/// let cost = Cost::estimated(Money::new(11_068)?, Money::new(19_396)?, 24, "IPEDS IC2022_AY", "2022-23")?;
/// assert_eq!(cost.total(Residency::InState), Money::new(22_136)?);
/// let estimate = cost.estimate().expect("an estimate");
/// assert_eq!(estimate.method(), "annual tuition and required fees of 2022-23 × 24 months ÷ 12");
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CostEstimate {
    annual_in_state: Money,
    annual_out_of_state: Money,
    months: u16,
    source: Text,
    academic_year: Text,
}

impl CostEstimate {
    /// A year's in-state tuition and required fees.
    #[must_use]
    pub fn annual_in_state(&self) -> Money {
        self.annual_in_state
    }

    /// A year's out-of-state tuition and required fees.
    #[must_use]
    pub fn annual_out_of_state(&self) -> Money {
        self.annual_out_of_state
    }

    /// The months the annual figure is spread over.
    #[must_use]
    pub fn months(&self) -> u16 {
        self.months
    }

    /// Where the annual figures come from (`IPEDS IC2022_AY`).
    #[must_use]
    pub fn source(&self) -> &str {
        self.source.as_str()
    }

    /// The academic year of the annual figures (`2022-23`).
    #[must_use]
    pub fn academic_year(&self) -> &str {
        self.academic_year.as_str()
    }

    /// The method, in words.
    #[must_use]
    pub fn method(&self) -> String {
        format!(
            "annual tuition and required fees of {} × {} months ÷ 12",
            self.academic_year, self.months
        )
    }
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
    Estimate {
        annual_in_state: Money,
        #[serde(default)]
        annual_out_of_state: Option<Money>,
        months: u16,
        source: String,
        academic_year: String,
    },
}

impl Cost {
    /// The most credits a program may have.
    pub const MAX_CREDITS: u16 = 400;

    /// Tuition charged per credit hour, for `credits` credits.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if `credits` is 0 or above [`Cost::MAX_CREDITS`], or a total would
    /// exceed [`Money::MAX`].
    pub fn per_credit(credits: u16, in_state: Money, out_of_state: Money) -> Result<Self> {
        if credits == 0 || credits > Self::MAX_CREDITS {
            return Err(Error::invalid(
                ProgramField::Credits.path(),
                credits,
                format!("is not between 1 and {}", Self::MAX_CREDITS),
            ));
        }
        for (field, rate) in [
            (ProgramField::InState, in_state),
            (ProgramField::OutOfState, out_of_state),
        ] {
            if rate.checked_mul(u64::from(credits)).is_none() {
                return Err(Error::invalid_shown(
                    field.path(),
                    rate.dollars(),
                    rate,
                    format!("per credit times {credits} credits exceeds {}", Money::MAX),
                ));
            }
        }
        Ok(Self {
            credits: Some(credits),
            in_state,
            out_of_state,
            estimate: None,
        })
    }

    /// An estimate: a year's tuition and required fees (`annual_in_state`,
    /// `annual_out_of_state`) times `months` ÷ 12, rounded down to the dollar, with the source
    /// and academic year of the annual figures. Shown as an estimate wherever it is shown.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if `months` is 0 or above 120, the source or academic year is empty,
    /// or a total would exceed [`Money::MAX`].
    pub fn estimated(
        annual_in_state: Money,
        annual_out_of_state: Money,
        months: u16,
        source: &str,
        academic_year: &str,
    ) -> Result<Self> {
        if months == 0 || months > 120 {
            return Err(Error::invalid(
                ProgramField::CostMonths.path(),
                months,
                "is not between 1 and 120",
            ));
        }
        let total = |field: ProgramField, annual: Money| {
            annual
                .checked_mul(u64::from(months))
                .and_then(|product| Money::new(product.dollars() / 12).ok())
                .ok_or_else(|| {
                    Error::invalid_shown(
                        field.path(),
                        annual.dollars(),
                        annual,
                        format!("times {months} months exceeds {}", Money::MAX),
                    )
                })
        };
        Ok(Self {
            credits: None,
            in_state: total(ProgramField::AnnualInState, annual_in_state)?,
            out_of_state: total(ProgramField::AnnualOutOfState, annual_out_of_state)?,
            estimate: Some(Box::new(CostEstimate {
                annual_in_state,
                annual_out_of_state,
                months,
                source: Text::new(source).map_err(|error| error.in_field(ProgramField::CostSource.path()))?,
                academic_year: Text::new(academic_year)
                    .map_err(|error| error.in_field(ProgramField::CostAcademicYear.path()))?,
            })),
        })
    }

    /// A total tuition for the whole program.
    #[must_use]
    pub fn total_only(in_state: Money, out_of_state: Money) -> Self {
        Self {
            credits: None,
            in_state,
            out_of_state,
            estimate: None,
        }
    }

    /// How the cost was estimated, if it is an estimate rather than the program's own figure.
    #[must_use]
    pub fn estimate(&self) -> Option<&CostEstimate> {
        self.estimate.as_deref()
    }

    /// Whether the cost is an estimate.
    #[must_use]
    pub fn is_estimate(&self) -> bool {
        self.estimate.is_some()
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

crate::error::deserialize_by_try_from!(Cost, CostRecord);

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
            CostRecord::Estimate {
                annual_in_state,
                annual_out_of_state,
                months,
                source,
                academic_year,
            } => Cost::estimated(
                annual_in_state,
                annual_out_of_state.unwrap_or(annual_in_state),
                months,
                &source,
                &academic_year,
            ),
        }
    }
}

impl From<Cost> for CostRecord {
    fn from(cost: Cost) -> Self {
        if let Some(estimate) = cost.estimate {
            return CostRecord::Estimate {
                annual_in_state: estimate.annual_in_state,
                annual_out_of_state: Some(estimate.annual_out_of_state),
                months: estimate.months,
                source: estimate.source.into(),
                academic_year: estimate.academic_year.into(),
            };
        }
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

/// What is known of a program's cost: the program's own figure or an estimate ([`Cost`]), or
/// nothing. An institution that charges by program (a clock-hour school) publishes no annual
/// tuition in IPEDS, so its programs' cost is unknown, never $0.
///
/// In JSON: the [`Cost`] object, or `"unknown"`.
///
/// ```
/// use himkit::program::{CostState, Residency};
///
/// let state: CostState = serde_json::from_str(r#""unknown""#)?;
/// assert_eq!(state.total(Residency::InState), None);
/// assert_eq!(state.to_string(), "unknown");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CostState {
    /// The program's cost, or an estimate of it.
    Known(Cost),
    /// Not known.
    Unknown,
}

impl CostState {
    /// The cost, when known.
    #[must_use]
    pub fn known(&self) -> Option<&Cost> {
        match self {
            Self::Known(cost) => Some(cost),
            Self::Unknown => None,
        }
    }

    /// The total for a student with `residency`, when the cost is known.
    #[must_use]
    pub fn total(&self, residency: Residency) -> Option<Money> {
        self.known().map(|cost| cost.total(residency))
    }

    fn from_word(word: &str) -> std::result::Result<Self, String> {
        if normalise_name(word) == "unknown" {
            Ok(Self::Unknown)
        } else {
            Err(format!("cost: {word:?} is not a cost object or \"unknown\""))
        }
    }
}

impl From<Cost> for CostState {
    fn from(cost: Cost) -> Self {
        Self::Known(cost)
    }
}

impl fmt::Display for CostState {
    /// `$9,280 in-state, $20,480 out-of-state`, with `(estimate: …)` for an estimate, or
    /// `unknown`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known(cost) => {
                write!(
                    f,
                    "{} in-state, {} out-of-state",
                    cost.total(Residency::InState),
                    cost.total(Residency::OutOfState)
                )?;
                if let Some(estimate) = cost.estimate() {
                    write!(f, " (estimate: {}, {})", estimate.method(), estimate.source())?;
                }
                Ok(())
            }
            Self::Unknown => f.write_str("unknown"),
        }
    }
}

impl Serialize for CostState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Self::Known(cost) => cost.serialize(serializer),
            Self::Unknown => serializer.serialize_str("unknown"),
        }
    }
}

impl<'de> Deserialize<'de> for CostState {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        crate::word_or_record::deserialize(
            deserializer,
            "a cost object or \"unknown\"",
            Self::from_word,
            Self::Known,
        )
    }
}
