//! Hard constraints: why a program is left out of a ranking. Every constraint a program fails
//! is reported, never only the first.

use std::fmt;

use serde::Serialize;

use super::columns::{
    Answer, Columns, DeliveryColumn, StateSet, Student, criterion_bit, mode_bit, occupation_bit, state_bit,
};
use super::criteria::{Criterion, Reading, Terms};
use super::facts::Facts;
use super::profile::{Constraint, StudentProfile, UnknownPolicy};
use super::ranking::Flag;
use super::scoring::MissingPolicy;
use crate::career::HimOccupation;
use crate::credential::{Credential, Eligibility};
use crate::program::AccreditationState;
use crate::program::{DegreeLevel, DeliveryMode, DeliveryState, LengthBasis, Program, Residency};
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

impl Verdict {
    /// Records that `constraint` is unknown for the program, as the profile says to treat it.
    fn unknown(&mut self, profile: &StudentProfile, constraint: Constraint, why: String) {
        match profile.unknown_policy(constraint) {
            UnknownPolicy::Exclude => self.reasons.push(ExclusionReason::Unknown {
                unknown: constraint,
                why,
            }),
            UnknownPolicy::KeepAndFlag => self.flags.push(Flag { constraint, why }),
        }
    }
}

/// Every reason `program` is left out for `profile`: each hard constraint it fails (or whose
/// answer is unknown, where the profile excludes on that), each weighted criterion it lacks
/// where the profile excludes programs without it, and [`ExclusionReason::NothingToScore`]
/// when it meets every constraint but no weighted criterion has a value; and the flags of the
/// unknowns that keep it. `weights` are the scoring's weights of `criteria`.
pub(crate) fn verdict(
    program: &Program,
    facts: &Facts,
    profile: &StudentProfile,
    terms: &Terms,
    criteria: &[(Criterion, f64)],
    weights: &[f64],
) -> Verdict {
    let mut verdict = hard_constraints(program, facts, profile);
    let mut any_value = false;
    for ((criterion, _), weight) in criteria.iter().zip(weights) {
        match criterion.read(program, facts, terms) {
            Reading::Value { .. } => any_value |= *weight > 0.0,
            Reading::Missing(why) => match profile.missing_policy(*criterion) {
                MissingPolicy::ExcludeProgram => verdict.reasons.push(ExclusionReason::MissingCriterion {
                    criterion: *criterion,
                    why: why.to_string(),
                }),
                MissingPolicy::ScoreAsWorst => any_value |= *weight > 0.0,
                MissingPolicy::Reweight => {}
            },
        }
    }
    if !any_value && verdict.reasons.is_empty() {
        verdict.reasons.push(ExclusionReason::NothingToScore);
    }
    verdict
}

/// The flags of the constraints whose answer is unknown for `program` and which keep it: those
/// [`verdict`] gives, for a program it does not exclude.
pub(crate) fn flags(program: &Program, facts: &Facts, profile: &StudentProfile) -> Vec<Flag> {
    hard_constraints(program, facts, profile).flags
}

/// Every hard constraint of the profile that `program` fails or cannot be checked against.
fn hard_constraints(program: &Program, facts: &Facts, profile: &StudentProfile) -> Verdict {
    let spec = profile.spec();
    let mut verdict = Verdict::default();
    if !spec.degree_levels.is_empty() && !spec.degree_levels.contains(&program.degree_level()) {
        verdict.reasons.push(ExclusionReason::DegreeLevel {
            level: program.degree_level(),
        });
    }
    delivery_and_location(program, profile, &mut verdict);
    if spec.require_accreditation {
        match program.accreditation() {
            AccreditationState::Known(accreditation) if accreditation.counts_for_credential_eligibility() => {
            }
            AccreditationState::Known(accreditation) => {
                verdict.reasons.push(ExclusionReason::NotAccredited {
                    detail: format!("{} {}", accreditation.accreditor(), accreditation.status()),
                });
            }
            AccreditationState::NotVerified => verdict.unknown(
                profile,
                Constraint::Accreditation,
                "accreditation not verified: check the CAHIIM program directory".to_owned(),
            ),
            _ => verdict.reasons.push(ExclusionReason::NotAccredited {
                detail: "no programmatic accreditation".to_owned(),
            }),
        }
    }
    if let Some(credential) = spec.target_credential {
        match program.eligibility(credential) {
            Eligibility::Eligible | Eligibility::NoProgramRequired => {}
            Eligibility::NotEligible { reasons: why } => {
                verdict.reasons.push(ExclusionReason::NotEligibleForCredential {
                    credential,
                    reasons: why.iter().map(ToString::to_string).collect(),
                });
            }
            Eligibility::Unknown { reason } => verdict.unknown(
                profile,
                Constraint::Credential,
                format!("eligibility for {} unknown: {reason}", credential.abbreviation()),
            ),
            _ => verdict.reasons.push(ExclusionReason::NotEligibleForCredential {
                credential,
                reasons: vec!["himkit has no confirmed eligibility rule for this credential".to_owned()],
            }),
        }
    }
    if let Some(limit) = spec.max_total_cost {
        match facts.total_cost {
            Some(total) if total > limit => verdict.reasons.push(ExclusionReason::TooExpensive {
                total,
                residency: facts.residency,
                estimate: facts.cost_is_estimate,
                limit,
            }),
            Some(_) => {}
            None => verdict.unknown(profile, Constraint::TotalCost, "cost unknown".to_owned()),
        }
    }
    if let Some(limit) = spec.max_length_months {
        let months = program.length_months();
        if program.length_basis() != LengthBasis::Program {
            verdict.unknown(
                profile,
                Constraint::Length,
                format!("length not published; {months} months is typical for the level"),
            );
        } else if months > limit {
            verdict.reasons.push(ExclusionReason::TooLong { months, limit });
        }
    }
    if spec.require_practice_experience {
        match program.professional_practice_experience() {
            Some(true) => {}
            Some(false) => verdict.reasons.push(ExclusionReason::NoPracticeExperience),
            None => verdict.unknown(
                profile,
                Constraint::PracticeExperience,
                "whether a professional practice experience is included is unknown".to_owned(),
            ),
        }
    }
    verdict
}

/// The delivery-mode and location constraints, which depend on each other: an online program
/// can be studied from home wherever its campus is.
fn delivery_and_location(program: &Program, profile: &StudentProfile, verdict: &mut Verdict) {
    let spec = profile.spec();
    let campus = program.institution().state();
    let campus_in_reach = campus == spec.home_state || spec.relocation_states.contains(&campus);
    match program.delivery() {
        DeliveryState::Known(delivery) => {
            let mode = delivery.mode();
            if !spec.delivery_modes.is_empty() && !spec.delivery_modes.contains(&mode) {
                verdict.reasons.push(ExclusionReason::DeliveryMode { mode });
            }
            match mode {
                DeliveryMode::Online => {
                    if !delivery.can_enrol_from(spec.home_state) {
                        verdict.reasons.push(ExclusionReason::CannotEnrolFromState {
                            state: spec.home_state,
                        });
                    }
                }
                DeliveryMode::OnCampus | DeliveryMode::Hybrid => {
                    if !campus_in_reach {
                        verdict
                            .reasons
                            .push(ExclusionReason::CampusOutOfReach { state: campus });
                    }
                }
            }
        }
        unknown => {
            let accepted = |mode: &DeliveryMode| unknown.might_be(*mode);
            if !spec.delivery_modes.is_empty() {
                if spec.delivery_modes.iter().any(accepted) {
                    verdict.unknown(profile, Constraint::DeliveryMode, format!("delivery {unknown}"));
                } else {
                    verdict.reasons.push(ExclusionReason::NotOnline);
                }
            }
            if !campus_in_reach {
                if unknown.might_be(DeliveryMode::Online) {
                    verdict.unknown(
                        profile,
                        Constraint::Location,
                        format!(
                            "the campus is in {campus}, and whether the program can be studied online from {} is unknown",
                            spec.home_state
                        ),
                    );
                } else {
                    verdict
                        .reasons
                        .push(ExclusionReason::CampusOutOfReach { state: campus });
                }
            }
        }
    }
}

/// The constraints and missing-data exclusions of one profile as filters over the prepared
/// [`Columns`]: [`Filter::excludes`] says whether [`verdict`] would give a program any reason,
/// without building the reasons (they are built only for the exclusions that are read).
#[derive(Debug, Clone)]
pub(crate) struct Filter {
    /// Bits of the degree levels wanted; 0 for any.
    levels: u16,
    /// Bits of the delivery modes accepted; 0 for any.
    modes: u8,
    home: StateSet,
    /// The home state and the relocation states.
    reach: StateSet,
    accreditation: bool,
    credential: Option<Credential>,
    max_total_cost: Option<Money>,
    max_length_months: Option<u16>,
    practice: bool,
    /// Per constraint (by declaration index): whether an unknown answer excludes.
    unknown_excludes: Vec<bool>,
    /// The weighted criteria whose scaled weight is positive, as bits.
    counted: u16,
    /// Those of them that score as the worst value when missing.
    counted_when_missing: u16,
    /// The weighted criteria whose absence excludes a program.
    required: u16,
    /// The occupations with no wage figure for the student's home state or the nation.
    no_figure: u8,
}

impl Filter {
    /// The filter of `profile`, whose weighted `criteria` score with the scaled `weights`.
    pub(crate) fn new(
        profile: &StudentProfile,
        criteria: &[(Criterion, f64)],
        weights: &[f64],
        student: &Student<'_>,
    ) -> Self {
        let spec = profile.spec();
        let home = state_bit(spec.home_state);
        let bits = |keep: &dyn Fn(Criterion, f64) -> bool| {
            criteria
                .iter()
                .zip(weights)
                .filter(|((criterion, _), weight)| keep(*criterion, **weight))
                .fold(0u16, |set, ((criterion, _), _)| set | criterion_bit(*criterion))
        };
        Self {
            levels: spec
                .degree_levels
                .iter()
                .map(|level| 1u16.checked_shl(*level as u32).unwrap_or(0))
                .fold(0, |set, bit| set | bit),
            modes: spec
                .delivery_modes
                .iter()
                .map(|mode| mode_bit(*mode))
                .fold(0, |set, bit| set | bit),
            home,
            reach: spec
                .relocation_states
                .iter()
                .map(|state| state_bit(*state))
                .fold(home, |set, bit| set | bit),
            accreditation: spec.require_accreditation,
            credential: spec.target_credential,
            max_total_cost: spec.max_total_cost,
            max_length_months: spec.max_length_months,
            practice: spec.require_practice_experience,
            unknown_excludes: Constraint::all()
                .map(|constraint| profile.unknown_policy(constraint) == UnknownPolicy::Exclude)
                .collect(),
            counted: bits(&|_, weight| weight > 0.0),
            counted_when_missing: bits(&|criterion, weight| {
                weight > 0.0 && profile.missing_policy(criterion) == MissingPolicy::ScoreAsWorst
            }),
            required: bits(&|criterion, _| {
                profile.missing_policy(criterion) == MissingPolicy::ExcludeProgram
            }),
            no_figure: HimOccupation::all()
                .filter(|occupation| {
                    student
                        .fallback
                        .occupation_earnings(*occupation, student.home)
                        .is_none()
                })
                .fold(0, |set, occupation| set | occupation_bit(occupation)),
        }
    }

    /// Whether an unknown answer to `constraint` excludes.
    fn unknown(&self, constraint: Constraint) -> bool {
        self.unknown_excludes
            .get(constraint as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Whether an answer excludes.
    fn fails(&self, answer: Answer, constraint: Constraint) -> bool {
        match answer {
            Answer::Pass => false,
            Answer::Fail => true,
            Answer::Unknown => self.unknown(constraint),
        }
    }

    /// Whether [`verdict`] gives row `row` any reason to be left out.
    pub(crate) fn excludes(&self, columns: &Columns, row: usize, student: &Student<'_>) -> bool {
        self.fails_a_constraint(columns, row, student) || self.lacks_criteria(columns, row)
    }

    /// Whether row `row` fails a hard constraint, or one whose unknown answer excludes.
    fn fails_a_constraint(&self, columns: &Columns, row: usize, student: &Student<'_>) -> bool {
        let level = columns.level_bit.get(row).copied().unwrap_or(0);
        if self.levels != 0 && level & self.levels == 0 {
            return true;
        }
        let in_reach = columns.campus.get(row).copied().unwrap_or(0) & self.reach != 0;
        let location = match columns.delivery.get(row) {
            Some(DeliveryColumn::Known {
                mode,
                online,
                blocked,
            }) => {
                (self.modes != 0 && mode & self.modes == 0)
                    || if *online {
                        blocked & self.home != 0
                    } else {
                        !in_reach
                    }
            }
            Some(DeliveryColumn::Unknown { might }) => {
                let mode_fails =
                    self.modes != 0 && (might & self.modes == 0 || self.unknown(Constraint::DeliveryMode));
                let might_be_online = might & mode_bit(DeliveryMode::Online) != 0;
                let reach_fails = !in_reach && (!might_be_online || self.unknown(Constraint::Location));
                mode_fails || reach_fails
            }
            None => true,
        };
        if location {
            return true;
        }
        if self.accreditation
            && self.fails(
                columns.accreditation.get(row).copied().unwrap_or(Answer::Fail),
                Constraint::Accreditation,
            )
        {
            return true;
        }
        if let Some(credential) = self.credential {
            if self.fails(columns.eligibility(row, credential), Constraint::Credential) {
                return true;
            }
        }
        if let Some(limit) = self.max_total_cost {
            let fails = match columns.total_cost(row, student.home_bit) {
                Some(total) => total > limit,
                None => self.unknown(Constraint::TotalCost),
            };
            if fails {
                return true;
            }
        }
        if let Some(limit) = self.max_length_months {
            let fails = if columns.length_is_program.get(row).copied().unwrap_or(true) {
                columns.length_months.get(row).copied().unwrap_or(0) > limit
            } else {
                self.unknown(Constraint::Length)
            };
            if fails {
                return true;
            }
        }
        if self.practice {
            let answer = match columns.practice.get(row).copied().flatten() {
                Some(true) => Answer::Pass,
                Some(false) => Answer::Fail,
                None => Answer::Unknown,
            };
            if self.fails(answer, Constraint::PracticeExperience) {
                return true;
            }
        }
        false
    }

    /// Whether row `row` lacks a criterion the profile excludes programs without, or has no
    /// weighted criterion to score.
    fn lacks_criteria(&self, columns: &Columns, row: usize) -> bool {
        let missing = columns.missing(row, self.no_figure);
        if missing & self.required != 0 {
            return true;
        }
        let any_value = self.counted & !missing != 0 || self.counted_when_missing & missing != 0;
        !any_value
    }
}
