//! What the constraints and the missing-data rule decide about a program: why it is left out
//! of a ranking ([`ExclusionReason`], every one, never only the first) or, where a constraint's
//! answer is unknown and the profile keeps it, what to check ([`Flag`]).

use std::fmt;

use serde::Serialize;

use super::criteria::Criterion;
use super::distance::CampusDistance;
use super::profile::Constraint;
use crate::credential::Credential;
use crate::program::{DegreeLevel, DeliveryMode, Residency};
use crate::value::{Money, ProgramId, UsState, ZipCode};

/// Why a program was excluded: one failed hard constraint.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "constraint", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ExclusionReason {
    /// The degree level is not one the student wants.
    DegreeLevel {
        /// The program's level.
        level: DegreeLevel,
    },
    /// The delivery mode is not one the student accepts.
    DeliveryMode {
        /// The program's mode.
        mode: DeliveryMode,
    },
    /// Only online study is accepted, and the institution offers no distance-education
    /// programs.
    NotOnline,
    /// An online program that cannot enrol students from the student's state.
    CannotEnrolFromState {
        /// The student's state.
        state: UsState,
    },
    /// On-campus or hybrid study in a state the student would not move to.
    CampusOutOfReach {
        /// The campus's state.
        state: UsState,
    },
    /// On-campus or hybrid study farther from the student's home ZIP code than the distance
    /// limit, in a state the student would not move to.
    CampusTooFar {
        /// Great-circle miles from the home ZIP code to the campus, to the tenth.
        miles: f64,
        /// The home ZIP code.
        from: ZipCode,
        /// The limit in miles.
        limit: f64,
        /// The campus's state.
        state: UsState,
    },
    /// No accreditation that counts for credentials.
    NotAccredited {
        /// What the program has instead (`no programmatic accreditation`, or the accreditor and
        /// status, with the list and line they were read from where they came from an
        /// accreditation list: `CAHIIM candidacy (from cahiim.csv line 5)`).
        detail: String,
    },
    /// Graduates are not eligible for the target credential.
    NotEligibleForCredential {
        /// The credential.
        credential: Credential,
        /// Every reason, as text.
        reasons: Vec<String>,
    },
    /// The total cost is above the student's limit.
    TooExpensive {
        /// The program's total for this student.
        total: Money,
        /// In-state or out-of-state.
        residency: Residency,
        /// Whether the total is an estimate.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        estimate: bool,
        /// The limit.
        limit: Money,
    },
    /// The program is longer than the student's limit.
    TooLong {
        /// The program's length.
        months: u16,
        /// The limit.
        limit: u16,
    },
    /// No professional practice experience, which the student requires.
    NoPracticeExperience,
    /// A criterion has no value and the profile excludes programs that lack it.
    MissingCriterion {
        /// The criterion.
        criterion: Criterion,
        /// Why it has no value.
        why: String,
    },
    /// No weighted criterion has a value, so there is nothing to score.
    NothingToScore,
    /// A constraint's answer is unknown for the program, and the profile excludes programs
    /// for which that constraint is unknown.
    Unknown {
        /// The constraint.
        unknown: Constraint,
        /// What is not known.
        why: String,
    },
}

impl fmt::Display for ExclusionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DegreeLevel { level } => write!(f, "degree level {level} is not one of those wanted"),
            Self::DeliveryMode { mode } => write!(f, "delivery {mode} is not one of those accepted"),
            Self::NotOnline => f.write_str(
                "only online study is accepted, and the institution offers no distance-education programs",
            ),
            Self::CannotEnrolFromState { state } => {
                write!(f, "the program cannot enrol students from {state}")
            }
            Self::CampusOutOfReach { state } => {
                write!(
                    f,
                    "the campus is in {state}, which is neither home nor a relocation state"
                )
            }
            Self::CampusTooFar {
                miles,
                from,
                limit,
                state,
            } => write!(
                f,
                "the campus is {}, beyond the {limit}-mile limit, in {state}, which is not a relocation state",
                CampusDistance::new(*miles, *from)
            ),
            Self::NotAccredited { detail } => {
                write!(f, "not accredited in a way that counts for credentials: {detail}")
            }
            Self::NotEligibleForCredential { credential, reasons } => write!(
                f,
                "graduates are not eligible for {}: {}",
                credential.abbreviation(),
                reasons.join("; ")
            ),
            Self::TooExpensive {
                total,
                residency,
                estimate,
                limit,
            } => {
                let estimate = if *estimate { ", estimate" } else { "" };
                write!(
                    f,
                    "total cost {total} ({residency}{estimate}) is above the limit of {limit}"
                )
            }
            Self::TooLong { months, limit } => {
                write!(f, "{months} months is longer than the limit of {limit}")
            }
            Self::NoPracticeExperience => f.write_str("no professional practice experience"),
            Self::MissingCriterion { criterion, why } => {
                write!(
                    f,
                    "{criterion} is {why}, and the profile excludes programs without it"
                )
            }
            Self::NothingToScore => f.write_str("no weighted criterion has a value"),
            Self::Unknown { unknown, why } => {
                write!(
                    f,
                    "{why}, and the profile excludes programs whose {unknown} is unknown"
                )
            }
        }
    }
}

/// A program left out of a ranking, with every constraint it failed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exclusion {
    pub(super) id: ProgramId,
    pub(super) reasons: Vec<ExclusionReason>,
}

impl Exclusion {
    /// The program's id.
    #[must_use]
    pub fn id(&self) -> &ProgramId {
        &self.id
    }

    /// Every constraint it failed (never empty).
    #[must_use]
    pub fn reasons(&self) -> &[ExclusionReason] {
        &self.reasons
    }
}

/// What the constraints decided for one program: every reason it is left out (empty when it
/// is ranked), and every constraint whose answer is unknown but which keeps it, flagged.
#[derive(Debug, Default)]
pub(crate) struct Verdict {
    pub(crate) reasons: Vec<ExclusionReason>,
    pub(crate) flags: Vec<Flag>,
}

/// A constraint whose answer is unknown for a ranked program, which the profile keeps and
/// flags ([`UnknownPolicy::KeepAndFlag`](super::UnknownPolicy::KeepAndFlag)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// The constraint.
    pub constraint: Constraint,
    /// What is not known, and what to check
    /// (`accreditation not verified: check the CAHIIM program directory`).
    pub why: String,
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.why)
    }
}
