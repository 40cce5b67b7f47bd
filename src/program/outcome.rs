//! Program outcomes, with missing data as explicit states, and whose figure each one is.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ProgramField;
use crate::error::{Error, Result};
use crate::value::{Money, Rate, Text, Year};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Whose figure a reported outcome is. Figures of different scopes answer different
    /// questions: the program's own graduation rate is not its institution's, and College
    /// Scorecard's earnings of a field of study pool every program of the CIP family.
    #[derive(Default)]
    pub enum Scope("scope") {
        /// The program's own figure. The default, and what an outcome without a scope is.
        #[default]
        Program,
        /// The field of study's at the institution: College Scorecard pools every program of a
        /// four-digit CIP family (51.07 holds HIM and HIT with health administration, medical
        /// office management, coding and billing) at one credential level.
        FieldOfStudy,
        /// The whole institution's: all students, every field of study.
        Institution,
    }
}

impl Scope {
    /// Whether it is [`Scope::Program`].
    #[must_use]
    pub fn is_program(&self) -> bool {
        *self == Self::Program
    }

    /// How an explanation says it: `program`, `field of study (pooled CIP family)`,
    /// `institution-wide`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Program => "program",
            Self::FieldOfStudy => "field of study (pooled CIP family)",
            Self::Institution => "institution-wide",
        }
    }
}

/// One outcome figure (a rate or an amount), whose figure it is, or why there is no value.
///
/// A missing outcome is never a bare `None` and never `0`: it is [`Suppressed`](Outcome::Suppressed)
/// with a reason (a cohort too small to publish), [`NotReported`](Outcome::NotReported),
/// [`NotAvailable`](Outcome::NotAvailable) (the source says it has no figure: IPEDS `-3`,
/// College Scorecard `NULL`), or [`NotApplicable`](Outcome::NotApplicable) (an exam pass rate for
/// a program that leads to no exam). A reported figure says whose it is ([`Scope`]). In JSON an
/// outcome is an object tagged by `status`:
///
/// ```
/// use himkit::{Outcome, Rate};
///
/// let reported: Outcome<Rate> =
///     serde_json::from_str(r#"{"status": "reported", "value": 0.82, "year": 2024}"#)?;
/// assert_eq!(reported.value().map(|rate| rate.get()), Some(0.82));
/// assert_eq!(reported.scope(), Some(himkit::program::Scope::Program));
///
/// let institution: Outcome<Rate> = serde_json::from_str(
///     r#"{"status": "reported", "value": 0.27, "year": 2023, "scope": "institution"}"#)?;
/// assert_eq!(institution.to_string(), "27.0% (2023, institution-wide)");
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
        /// The year the value describes (an academic or cohort year as the program states it;
        /// for a federal file, the year of its collection or release).
        year: Year,
        /// Whose figure it is; [`Scope::Program`] when a document does not say.
        #[serde(default)]
        scope: Scope,
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
    /// The program did not publish this outcome (or, for a federal file, the cell is empty or
    /// IPEDS's `-1`).
    NotReported,
    /// The source publishes no figure for it: IPEDS's `-3`, College Scorecard's `NULL`.
    NotAvailable,
    /// The outcome does not apply to this program.
    NotApplicable,
}

/// Outcome Measures follows a cohort for eight years: the 2023 collection is the cohort that
/// entered in 2015-16.
pub(crate) const OM_YEARS_AFTER_ENTRY: u16 = 8;

/// The cohort of entering students an Outcome Measures collection of `year` follows
/// (`2015-16` for 2023).
pub(crate) fn outcome_measures_cohort(year: Year) -> String {
    let entered = year.get().saturating_sub(OM_YEARS_AFTER_ENTRY);
    format!("{entered}-{:02}", entered.saturating_add(1) % 100)
}

// Derived, `Default` would require `T: Default`.
#[allow(clippy::derivable_impls)]
impl<T> Default for Outcome<T> {
    fn default() -> Self {
        Self::NotReported
    }
}

impl<T> Outcome<T> {
    /// A reported value of the program's own for `year`, with no note.
    pub fn reported(value: T, year: Year) -> Self {
        Self::Reported {
            value,
            year,
            scope: Scope::Program,
            note: None,
        }
    }

    /// Whose figure a reported value is; `None` for a missing one.
    pub fn scope(&self) -> Option<Scope> {
        match self {
            Self::Reported { scope, .. } => Some(*scope),
            _ => None,
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

    /// The status name as in JSON (`reported`, `suppressed`, `not-reported`, `not-available`,
    /// `not-applicable`).
    pub fn status(&self) -> &'static str {
        match self {
            Self::Reported { .. } => "reported",
            Self::Suppressed { .. } => "suppressed",
            Self::NotReported => "not-reported",
            Self::NotAvailable => "not-available",
            Self::NotApplicable => "not-applicable",
        }
    }
}

impl<T: fmt::Display> fmt::Display for Outcome<T> {
    /// `82.0% (2024)`, `27.0% (2023, institution-wide)`, `suppressed (cohort under 30)`,
    /// `not reported`, `not available`, `not applicable`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Reported {
                value,
                year,
                scope: Scope::Program,
                ..
            } => write!(f, "{value} ({year})"),
            Self::Reported {
                value, year, scope, ..
            } => write!(f, "{value} ({year}, {})", scope.label()),
            Self::Suppressed { reason } => write!(f, "suppressed ({reason})"),
            Self::NotReported => f.write_str("not reported"),
            Self::NotAvailable => f.write_str("not available"),
            Self::NotApplicable => f.write_str("not applicable"),
        }
    }
}

/// The outcomes of one program. Each is an [`Outcome`]; an outcome left out of a JSON document
/// is [`Outcome::NotReported`], which is what its absence means.
///
/// CAHIIM requires accredited programs to publish a graduation rate and an employment rate, but
/// sets no common definition, so rates from different programs are not strictly comparable.
/// The `institution_…` outcomes are the whole institution's figures from federal files (all
/// students, every field of study), never the program's own: they are reported with
/// [`Scope::Institution`], and [`Outcomes::check`] refuses any other scope for them, and that
/// scope for the program's own outcomes.
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
    /// The institution's completion rate, from IPEDS Outcome Measures: the share of every
    /// student who entered (first-time and transfer-in, full-time and part-time) who received
    /// any award at the institution within 6 years. `year` is the collection year; the cohort
    /// entered eight years before it (OM 2023: the students who entered in 2015-16).
    #[serde(skip_serializing_if = "Outcome::is_not_reported")]
    pub institution_completion_rate: Outcome<Rate>,
    /// The institution's graduation rate, from the IPEDS Graduation Rates survey: the share of
    /// first-time, full-time degree or certificate seekers who completed within 150% of normal
    /// time (3 years at a two-year, 6 at a four-year institution). `year` is the collection
    /// year (2023: students who entered in 2017 at four-year, 2020 at two-year institutions).
    #[serde(skip_serializing_if = "Outcome::is_not_reported")]
    pub institution_graduation_rate: Outcome<Rate>,
    /// The institution's median earnings, from College Scorecard: former students who received
    /// federal aid, working and not enrolled, 10 years after they entered. `year` is the
    /// release year.
    #[serde(skip_serializing_if = "Outcome::is_not_reported")]
    pub institution_median_earnings: Outcome<Money>,
}

impl Outcomes {
    /// The lowest and highest median annual earnings accepted: a median outside them is a
    /// mistake in the data (a monthly figure, a total, a stray digit), not a wage.
    pub const EARNINGS_RANGE: std::ops::RangeInclusive<u64> = 1_000..=1_000_000;

    /// Whether any of the institution's figures is given (reported, suppressed, not available
    /// …): what a program built without the outcome files never has.
    ///
    /// ```
    /// use himkit::{Outcome, Outcomes};
    ///
    /// let mut outcomes = Outcomes::default();
    /// assert!(!outcomes.has_institution_figures());
    /// outcomes.institution_graduation_rate = Outcome::NotAvailable;
    /// assert!(outcomes.has_institution_figures());
    /// ```
    #[must_use]
    pub fn has_institution_figures(&self) -> bool {
        !(self.institution_completion_rate.is_not_reported()
            && self.institution_graduation_rate.is_not_reported()
            && self.institution_median_earnings.is_not_reported())
    }

    /// Checks the rules no single outcome can: earnings inside [`Outcomes::EARNINGS_RANGE`],
    /// the `institution_…` outcomes reported as [`Scope::Institution`], and the program's own
    /// outcomes not as that.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) naming the outcome and the rule.
    pub fn check(&self) -> Result<()> {
        let earnings = |field: ProgramField, outcome: &Outcome<Money>| match outcome.value() {
            Some(value) if !Self::EARNINGS_RANGE.contains(&value.dollars()) => Err(Error::invalid_shown(
                field.path(),
                value.dollars(),
                value,
                format!(
                    "is not a plausible median of annual earnings (${} to ${})",
                    Self::EARNINGS_RANGE.start(),
                    Self::EARNINGS_RANGE.end()
                ),
            )),
            _ => Ok(()),
        };
        earnings(ProgramField::MedianEarnings, &self.median_earnings)?;
        earnings(
            ProgramField::InstitutionMedianEarnings,
            &self.institution_median_earnings,
        )?;
        // The program's own outcomes must not be the institution's figure, and the institution_
        // outcomes must be.
        let own = [
            (ProgramField::GraduationRateScope, self.graduation_rate.scope()),
            (ProgramField::EmploymentRateScope, self.employment_rate.scope()),
            (ProgramField::ExamPassRateScope, self.exam_pass_rate.scope()),
            (ProgramField::MedianDebtScope, self.median_debt.scope()),
            (ProgramField::MedianEarningsScope, self.median_earnings.scope()),
            (ProgramField::ProgramSizeScope, self.program_size.scope()),
        ];
        let institutions = [
            (
                ProgramField::InstitutionCompletionRateScope,
                self.institution_completion_rate.scope(),
            ),
            (
                ProgramField::InstitutionGraduationRateScope,
                self.institution_graduation_rate.scope(),
            ),
            (
                ProgramField::InstitutionMedianEarningsScope,
                self.institution_median_earnings.scope(),
            ),
        ];
        let scopes = own.into_iter().map(|(field, scope)| (field, scope, false)).chain(
            institutions
                .into_iter()
                .map(|(field, scope)| (field, scope, true)),
        );
        for (field, scope, institution) in scopes {
            if let Some(scope) = scope.filter(|scope| (*scope == Scope::Institution) != institution) {
                return Err(Error::invalid(
                    field.path(),
                    scope,
                    if institution {
                        "is not institution: an institution_ outcome is the whole institution's figure"
                    } else {
                        "is institution: put the institution's figure in the institution_ outcome"
                    },
                ));
            }
        }
        Ok(())
    }
}
