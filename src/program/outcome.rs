//! Program outcomes, with missing data as explicit states.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::value::{Money, Rate, Text, Year};

/// One outcome a program reports (a rate or an amount), or why there is no value.
///
/// A missing outcome is never a bare `None` and never `0`: it is [`Suppressed`](Outcome::Suppressed)
/// with a reason (a cohort too small to publish), [`NotReported`](Outcome::NotReported), or
/// [`NotApplicable`](Outcome::NotApplicable) (an exam pass rate for a program that leads to no
/// exam). In JSON an outcome is an object tagged by `status`:
///
/// ```
/// use himkit::{Outcome, Rate};
///
/// let reported: Outcome<Rate> =
///     serde_json::from_str(r#"{"status": "reported", "value": 0.82, "year": 2024}"#)?;
/// assert_eq!(reported.value().map(|rate| rate.get()), Some(0.82));
///
/// let suppressed: Outcome<Rate> =
///     serde_json::from_str(r#"{"status": "suppressed", "reason": "cohort under 30"}"#)?;
/// assert_eq!(suppressed.value(), None);
/// assert_eq!(suppressed.to_string(), "suppressed (cohort under 30)");
///
/// // Rates are fractions; a percentage is refused.
/// assert!(serde_json::from_str::<Outcome<Rate>>(
///     r#"{"status": "reported", "value": 82, "year": 2024}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Outcome<T> {
    /// A published value.
    Reported {
        /// The value.
        value: T,
        /// The year the value describes (an academic or cohort year as the program states it).
        year: Year,
        /// What the value covers or where it comes from, when that matters for reading it
        /// (e.g. that Scorecard pools every program of CIP family 51.07).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<Text>,
    },
    /// The value exists but was withheld, for the reason given.
    Suppressed {
        /// Why it was withheld.
        reason: Text,
    },
    /// The program did not publish this outcome.
    NotReported,
    /// The outcome does not apply to this program.
    NotApplicable,
}

// Derived, `Default` would require `T: Default`.
#[allow(clippy::derivable_impls)]
impl<T> Default for Outcome<T> {
    fn default() -> Self {
        Self::NotReported
    }
}

impl<T> Outcome<T> {
    /// A reported value for `year`, with no note.
    pub fn reported(value: T, year: Year) -> Self {
        Self::Reported {
            value,
            year,
            note: None,
        }
    }

    /// The value, if one was reported.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Reported { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Whether the state is [`Outcome::NotReported`].
    #[must_use]
    pub fn is_not_reported(&self) -> bool {
        matches!(self, Self::NotReported)
    }

    /// Whether a value was reported.
    #[must_use]
    pub fn is_reported(&self) -> bool {
        matches!(self, Self::Reported { .. })
    }

    /// The status name as in JSON (`reported`, `suppressed`, `not-reported`, `not-applicable`).
    pub fn status(&self) -> &'static str {
        match self {
            Self::Reported { .. } => "reported",
            Self::Suppressed { .. } => "suppressed",
            Self::NotReported => "not-reported",
            Self::NotApplicable => "not-applicable",
        }
    }
}

impl<T: fmt::Display> fmt::Display for Outcome<T> {
    /// `82.0% (2024)`, `suppressed (cohort under 30)`, `not reported`, `not applicable`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Reported { value, year, .. } => write!(f, "{value} ({year})"),
            Self::Suppressed { reason } => write!(f, "suppressed ({reason})"),
            Self::NotReported => f.write_str("not reported"),
            Self::NotApplicable => f.write_str("not applicable"),
        }
    }
}

/// The outcomes of one program. Each is an [`Outcome`]; an outcome left out of a JSON document
/// is [`Outcome::NotReported`], which is what its absence means.
///
/// CAHIIM requires accredited programs to publish a graduation rate and an employment rate, but
/// sets no common definition, so rates from different programs are not strictly comparable.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Outcomes {
    /// Share of a cohort that completed the program.
    pub graduation_rate: Outcome<Rate>,
    /// Share of graduates employed (in the field, as the program defines it).
    pub employment_rate: Outcome<Rate>,
    /// First-time pass rate on the credential exam the program leads to (RHIT or RHIA).
    pub exam_pass_rate: Outcome<Rate>,
    /// Median debt of completers.
    pub median_debt: Outcome<Money>,
    /// Median annual earnings of completers.
    pub median_earnings: Outcome<Money>,
    /// Program size: awards conferred in a year (IPEDS Completions, first majors). Zero is a
    /// reported value: a program that reported no completers that year.
    #[serde(skip_serializing_if = "Outcome::is_not_reported")]
    pub program_size: Outcome<u32>,
}
