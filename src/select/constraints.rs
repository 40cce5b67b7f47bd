//! Hard constraints: why a program is left out of a ranking. Every constraint a program fails
//! is reported, never only the first.

use std::fmt;

use serde::Serialize;

use super::criteria::{Criterion, Reading, Terms};
use super::facts::Facts;
use super::profile::StudentProfile;
use super::scoring::MissingPolicy;
use crate::accreditation::Accreditation;
use crate::credential::{Credential, Eligibility};
use crate::program::{DegreeLevel, DeliveryMode, Program, Residency};
use crate::value::{Money, ProgramId, UsState};

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
    /// No accreditation that counts for credentials.
    NotAccredited {
        /// What the program has instead (`no programmatic accreditation`, or the accreditor and
        /// status).
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
}

impl fmt::Display for ExclusionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DegreeLevel { level } => write!(f, "degree level {level} is not one of those wanted"),
            Self::DeliveryMode { mode } => write!(f, "delivery {mode} is not one of those accepted"),
            Self::CannotEnrolFromState { state } => {
                write!(f, "the program cannot enrol students from {state}")
            }
            Self::CampusOutOfReach { state } => {
                write!(
                    f,
                    "the campus is in {state}, which is neither home nor a relocation state"
                )
            }
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
                limit,
            } => {
                write!(
                    f,
                    "total cost {total} ({residency}) is above the limit of {limit}"
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

/// Every reason `program` is left out for `profile`: each hard constraint it fails, each
/// weighted criterion it lacks where the profile excludes programs without it, and
/// [`ExclusionReason::NothingToScore`] when it meets every constraint but no weighted criterion
/// has a value. Empty when the program is ranked. `weights` are the scoring's weights of
/// `criteria`.
pub(crate) fn failures(
    program: &Program,
    facts: &Facts,
    profile: &StudentProfile,
    terms: &Terms,
    criteria: &[(Criterion, f64)],
    weights: &[f64],
) -> Vec<ExclusionReason> {
    let mut reasons = hard_constraint_failures(program, facts, profile);
    let mut any_value = false;
    for ((criterion, _), weight) in criteria.iter().zip(weights) {
        match criterion.read(program, facts, terms) {
            Reading::Value { .. } => any_value |= *weight > 0.0,
            Reading::Missing(why) => match profile.missing_policy(*criterion) {
                MissingPolicy::ExcludeProgram => reasons.push(ExclusionReason::MissingCriterion {
                    criterion: *criterion,
                    why: why.to_string(),
                }),
                MissingPolicy::ScoreAsWorst => any_value |= *weight > 0.0,
                MissingPolicy::Reweight => {}
            },
        }
    }
    if !any_value && reasons.is_empty() {
        reasons.push(ExclusionReason::NothingToScore);
    }
    reasons
}

/// Every hard constraint of the profile that `program` fails.
fn hard_constraint_failures(
    program: &Program,
    facts: &Facts,
    profile: &StudentProfile,
) -> Vec<ExclusionReason> {
    let spec = profile.spec();
    let mut reasons = Vec::new();
    if !spec.degree_levels.is_empty() && !spec.degree_levels.contains(&program.degree_level()) {
        reasons.push(ExclusionReason::DegreeLevel {
            level: program.degree_level(),
        });
    }
    let mode = program.delivery().mode();
    if !spec.delivery_modes.is_empty() && !spec.delivery_modes.contains(&mode) {
        reasons.push(ExclusionReason::DeliveryMode { mode });
    }
    let campus = program.institution().state();
    match mode {
        DeliveryMode::Online => {
            if !program.delivery().can_enrol_from(spec.home_state) {
                reasons.push(ExclusionReason::CannotEnrolFromState {
                    state: spec.home_state,
                });
            }
        }
        DeliveryMode::OnCampus | DeliveryMode::Hybrid => {
            if campus != spec.home_state && !spec.relocation_states.contains(&campus) {
                reasons.push(ExclusionReason::CampusOutOfReach { state: campus });
            }
        }
    }
    if spec.require_accreditation
        && !program
            .accreditation()
            .is_some_and(Accreditation::counts_for_credential_eligibility)
    {
        let detail = program.accreditation().map_or_else(
            || "no programmatic accreditation".to_owned(),
            |a| format!("{} {}", a.accreditor(), a.status()),
        );
        reasons.push(ExclusionReason::NotAccredited { detail });
    }
    if let Some(credential) = spec.target_credential {
        match program.eligibility(credential) {
            Eligibility::Eligible | Eligibility::NoProgramRequired => {}
            Eligibility::NotEligible { reasons: why } => {
                reasons.push(ExclusionReason::NotEligibleForCredential {
                    credential,
                    reasons: why.iter().map(ToString::to_string).collect(),
                });
            }
            _ => reasons.push(ExclusionReason::NotEligibleForCredential {
                credential,
                reasons: vec!["himkit has no confirmed eligibility rule for this credential".to_owned()],
            }),
        }
    }
    if let Some(limit) = spec.max_total_cost {
        if facts.total_cost > limit {
            reasons.push(ExclusionReason::TooExpensive {
                total: facts.total_cost,
                residency: facts.residency,
                limit,
            });
        }
    }
    if let Some(limit) = spec.max_length_months {
        if program.length_months() > limit {
            reasons.push(ExclusionReason::TooLong {
                months: program.length_months(),
                limit,
            });
        }
    }
    if spec.require_practice_experience && !program.has_professional_practice_experience() {
        reasons.push(ExclusionReason::NoPracticeExperience);
    }
    reasons
}
