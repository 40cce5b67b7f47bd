//! The selector: a prepared catalogue, ranked for one profile at a time.

use std::fmt;

use serde::Serialize;

use super::core::{
    Bounds, CriteriaMatrix, Method, MissingPolicy, Scoring, competition_ranks, rank_descending,
    top_descending,
};
use super::profile::{
    BoundsMode, Criterion, DEFAULT_COST_CAP, DEFAULT_LENGTH_CAP_MONTHS, EARNINGS_CAP, StudentProfile,
};
use crate::career::HimOccupation;
use crate::catalog::Catalog;
use crate::credential::{Confidence, Credential, Eligibility};
use crate::outcome::Outcome;
use crate::program::{DeliveryMode, Program, Residency};
use crate::value::{Money, ProgramId, Rate, ReferencePeriod, SocCode, UsState};
use crate::wage::{Area, WageStatistics};
use crate::{Error, Result};

/// A catalogue prepared for ranking: programs in id order, with the wage figures expected
/// earnings fall back on.
///
/// Prepare once, rank for many profiles.
///
/// ```
/// use himkit::{Dataset, Selector, StudentProfile, UsState};
///
/// let dataset = Dataset::embedded()?;
/// let selector = Selector::new(dataset.catalog(), dataset.wages());
/// let ranking = selector.rank(&StudentProfile::example(UsState::Ohio))?;
/// let best = &ranking.entries()[0];
/// println!("{} scores {:.3} ({})", best.id(), best.score(), best.band());
/// for excluded in ranking.exclusions() {
///     assert!(!excluded.reasons().is_empty());
/// }
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Selector {
    programs: Vec<Program>,
    wages: Vec<WageStatistics>,
}

/// Why a program was excluded: one failed hard constraint.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "constraint", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ExclusionReason {
    /// The degree level is not one the student wants.
    DegreeLevel {
        /// The program's level.
        level: crate::DegreeLevel,
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
    id: ProgramId,
    reasons: Vec<ExclusionReason>,
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

/// A coarse reading of a score, so that third-decimal differences are not over-read.
///
/// Fixed thresholds on the score (not on the ranking), so a program's band depends only on
/// that program: strong at 0.75 and above, good from 0.55, weaker below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, strum::Display)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Band {
    /// Score 0.75 or more.
    Strong,
    /// Score from 0.55 to below 0.75.
    Good,
    /// Score below 0.55.
    Weaker,
}

impl Band {
    /// The band of a score.
    #[must_use]
    pub fn of(score: f64) -> Band {
        if score >= 0.75 {
            Band::Strong
        } else if score >= 0.55 {
            Band::Good
        } else {
            Band::Weaker
        }
    }
}

/// Where an expected-earnings figure came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "source", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EarningsSource {
    /// The program's own reported median earnings.
    Program {
        /// The year it describes.
        year: u16,
        /// The program's note on it (for example, that Scorecard pools CIP family 51.07).
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// The BLS median wage of the occupation the program's level prepares for.
    Occupation {
        /// The occupation's SOC code.
        soc: SocCode,
        /// Its title.
        title: String,
        /// The area of the figure (the student's state where himkit has one, else the nation).
        area: String,
        /// The reference period.
        period: ReferencePeriod,
        /// The figure's confidence.
        confidence: Confidence,
    },
}

impl fmt::Display for EarningsSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Program { year, note } => {
                write!(f, "the program's reported median earnings ({year})")?;
                if let Some(note) = note {
                    write!(f, "; {note}")?;
                }
                Ok(())
            }
            Self::Occupation {
                soc,
                title,
                area,
                period,
                confidence,
            } => write!(
                f,
                "BLS median for {soc} {title}, {area}, {} ({confidence})",
                period.label()
            ),
        }
    }
}

/// One criterion's part in a program's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// The criterion.
    pub criterion: Criterion,
    /// The raw value, for people (`$9,280`, `68.0%`, `yes`).
    pub value: String,
    /// The normalised value in `[0, 1]` (1 is best).
    pub normalised: f64,
    /// The weight it counted with for this program (after re-weighting for missing criteria).
    pub weight: f64,
    /// Its part of the score; the contributions sum to the score.
    pub contribution: f64,
}

/// A criterion a program had no value for, and what was done about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingCriterion {
    /// The criterion.
    pub criterion: Criterion,
    /// Why there is no value (`not reported`, `suppressed (cohort under 30)` …).
    pub why: String,
    /// How the score treated it.
    pub treatment: MissingPolicy,
}

/// Years of earnings above a baseline needed to recover a program's cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "payback", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Payback {
    /// Total cost divided by (expected earnings − baseline).
    Years {
        /// The years, to one decimal in displays.
        years: f64,
    },
    /// No expected earnings are known.
    EarningsUnknown,
    /// Expected earnings are not above the baseline.
    NotAboveBaseline {
        /// The expected earnings.
        earnings: Money,
        /// The baseline.
        baseline: Money,
    },
}

impl fmt::Display for Payback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Years { years } => write!(f, "{years:.1} years"),
            Self::EarningsUnknown => f.write_str("n/a (earnings unknown)"),
            Self::NotAboveBaseline { earnings, baseline } => {
                write!(f, "n/a (earnings {earnings} not above the baseline {baseline})")
            }
        }
    }
}

/// A ranked program: its rank, score, band and the explanation of its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedProgram {
    rank: u32,
    id: ProgramId,
    score: f64,
    band: Band,
    total_cost: Money,
    residency: Residency,
    contributions: Vec<Contribution>,
    missing: Vec<MissingCriterion>,
    #[serde(skip_serializing_if = "Option::is_none")]
    earnings_source: Option<EarningsSource>,
    payback: Payback,
}

impl RankedProgram {
    /// The rank: competition ranking, so equal scores share a rank (1, 2, 2, 4).
    #[must_use]
    pub fn rank(&self) -> u32 {
        self.rank
    }

    /// The program's id.
    #[must_use]
    pub fn id(&self) -> &ProgramId {
        &self.id
    }

    /// The score in `[0, 1]`.
    #[must_use]
    pub fn score(&self) -> f64 {
        self.score
    }

    /// The band.
    #[must_use]
    pub fn band(&self) -> Band {
        self.band
    }

    /// The total tuition for this student.
    #[must_use]
    pub fn total_cost(&self) -> Money {
        self.total_cost
    }

    /// Whether the student pays in-state or out-of-state tuition.
    #[must_use]
    pub fn residency(&self) -> Residency {
        self.residency
    }

    /// Each scored criterion's part, in criterion order; they sum to the score.
    #[must_use]
    pub fn contributions(&self) -> &[Contribution] {
        &self.contributions
    }

    /// The criteria with no value, and how each was treated.
    #[must_use]
    pub fn missing(&self) -> &[MissingCriterion] {
        &self.missing
    }

    /// Where the expected-earnings figure came from, if there was one.
    #[must_use]
    pub fn earnings_source(&self) -> Option<&EarningsSource> {
        self.earnings_source.as_ref()
    }

    /// Payback years against the profile's earnings baseline.
    #[must_use]
    pub fn payback(&self) -> &Payback {
        &self.payback
    }

    /// The criteria that added most to the score, largest first (ties by criterion order).
    #[must_use]
    pub fn top_contributions(&self, count: usize) -> Vec<&Contribution> {
        let mut sorted: Vec<&Contribution> = self.contributions.iter().collect();
        sorted.sort_by(|a, b| {
            b.contribution
                .total_cmp(&a.contribution)
                .then(a.criterion.cmp(&b.criterion))
        });
        sorted.truncate(count);
        sorted
    }
}

/// The result of ranking a catalogue for a profile.
///
/// `entries` are the eligible programs, best first. Ties share a rank; among ties the order is
/// by program id, ascending. `exclusions` list every program left out with every constraint it
/// failed, in id order. An empty ranking is a result, not an error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    method: Method,
    bounds: BoundsMode,
    #[serde(serialize_with = "criteria_as_map")]
    criteria: Vec<(Criterion, f64)>,
    out_of: usize,
    entries: Vec<RankedProgram>,
    exclusions: Vec<Exclusion>,
}

impl Ranking {
    /// The ranked programs, best first.
    #[must_use]
    pub fn entries(&self) -> &[RankedProgram] {
        &self.entries
    }

    /// The excluded programs, in id order.
    #[must_use]
    pub fn exclusions(&self) -> &[Exclusion] {
        &self.exclusions
    }

    /// The method used.
    #[must_use]
    pub fn method(&self) -> Method {
        self.method
    }

    /// The weighted criteria and their weights scaled to sum to 1.
    #[must_use]
    pub fn criteria(&self) -> &[(Criterion, f64)] {
        &self.criteria
    }

    /// How many programs were considered (ranked plus excluded): what a rank is "out of".
    #[must_use]
    pub fn out_of(&self) -> usize {
        self.out_of
    }

    /// The ranked entry for `id`.
    #[must_use]
    pub fn entry(&self, id: &str) -> Option<&RankedProgram> {
        self.entries.iter().find(|entry| entry.id.as_str() == id)
    }

    /// The exclusion for `id`.
    #[must_use]
    pub fn exclusion(&self, id: &str) -> Option<&Exclusion> {
        self.exclusions
            .iter()
            .find(|exclusion| exclusion.id.as_str() == id)
    }

    /// The ranking as pretty JSON: a stable, documented form (see the README).
    ///
    /// # Errors
    /// [`Error::Parse`] only if serialization fails, which a ranking does not cause.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|error| Error::Parse {
            location: Box::default(),
            message: error.to_string(),
        })
    }
}

/// Writes the weighted criteria as a JSON object, `{"total-cost": 0.2, …}`, in criterion order.
fn criteria_as_map<S: serde::Serializer>(
    criteria: &[(Criterion, f64)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(criteria.iter().map(|(criterion, weight)| (criterion, weight)))
}

/// A program's raw value for one criterion, or why it has none.
#[derive(Debug, Clone)]
pub(crate) enum CriterionValue {
    Value { raw: f64, shown: String },
    Missing { why: String },
}

/// The profile-specific facts about one program that scoring needs.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    pub(crate) residency: Residency,
    pub(crate) total_cost: Money,
    /// Expected earnings, and the wage statistics they come from (`None`: the program's own).
    pub(crate) earnings: Option<(Money, Option<usize>)>,
}

impl Selector {
    /// Prepares `catalog` for ranking, with `wages` for the expected-earnings fallback
    /// (pass `&[]` to use only programs' own reported earnings).
    #[must_use]
    pub fn new(catalog: &Catalog, wages: &[WageStatistics]) -> Self {
        let mut programs = catalog.programs().to_vec();
        // Id order makes ties and exclusions come out the same whatever the input order.
        programs.sort_by(|a, b| a.id().cmp(b.id()));
        let wages = wages
            .iter()
            .filter(|wages| wages.industry().is_none() && wages.median().amount().is_some())
            .cloned()
            .collect();
        Self { programs, wages }
    }

    /// The prepared programs, in id order.
    #[must_use]
    pub fn programs(&self) -> &[Program] {
        &self.programs
    }

    /// The program with this id.
    #[must_use]
    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs
            .binary_search_by(|program| program.id().as_str().cmp(id))
            .ok()
            .and_then(|index| self.programs.get(index))
    }

    pub(crate) fn facts(&self, program: &Program, profile: &StudentProfile) -> Facts {
        let residency = program.residency_for(profile.home_state());
        Facts {
            residency,
            total_cost: program.cost().total(residency),
            earnings: self.expected_earnings(program, profile.home_state()),
        }
    }

    fn expected_earnings(&self, program: &Program, home: UsState) -> Option<(Money, Option<usize>)> {
        if let Outcome::Reported { value, .. } = &program.outcomes().median_earnings {
            return Some((*value, None));
        }
        let soc = HimOccupation::typical_for(program.degree_level()).soc();
        let latest = |area: &Area| {
            self.wages
                .iter()
                .enumerate()
                .filter(|(_, wages)| wages.occupation() == soc && wages.area() == area)
                .max_by_key(|(_, wages)| wages.period())
        };
        let (index, figure) = latest(&Area::State { state: home }).or_else(|| latest(&Area::National))?;
        Some((figure.median().amount()?, Some(index)))
    }

    /// Where a program's expected earnings come from, for its explanation.
    pub(crate) fn earnings_source(&self, program: &Program, facts: &Facts) -> Option<EarningsSource> {
        match facts.earnings? {
            (_, None) => match &program.outcomes().median_earnings {
                Outcome::Reported { year, note, .. } => Some(EarningsSource::Program {
                    year: year.get(),
                    note: note.as_ref().map(ToString::to_string),
                }),
                _ => None,
            },
            (_, Some(index)) => {
                let figure = self.wages.get(index)?;
                let occupation = HimOccupation::from_soc(figure.occupation());
                Some(EarningsSource::Occupation {
                    soc: figure.occupation(),
                    title: occupation
                        .map_or_else(|| figure.occupation_title().to_owned(), |o| o.title().to_owned()),
                    area: figure.area().to_string(),
                    period: figure.period(),
                    confidence: figure.provenance().confidence,
                })
            }
        }
    }

    /// A program's raw value for a criterion, without the text an explanation shows.
    pub(crate) fn raw(
        program: &Program,
        facts: &Facts,
        criterion: Criterion,
        profile: &StudentProfile,
    ) -> Option<f64> {
        let rate = |outcome: &Outcome<Rate>| outcome.value().map(|rate| rate.get());
        let outcomes = program.outcomes();
        Some(match criterion {
            Criterion::TotalCost => facts.total_cost.as_f64(),
            Criterion::Length => f64::from(program.length_months()),
            Criterion::GraduationRate => rate(&outcomes.graduation_rate)?,
            Criterion::EmploymentRate => rate(&outcomes.employment_rate)?,
            Criterion::ExamPassRate => rate(&outcomes.exam_pass_rate)?,
            Criterion::PracticeExperience => {
                f64::from(u8::from(program.has_professional_practice_experience()))
            }
            Criterion::CareerSupport => f64::from(program.career_support().count()) / 3.0,
            Criterion::SkillCoverage => {
                let wanted = profile.spec().desired_skills;
                if wanted.is_empty() {
                    0.0
                } else {
                    program.skills().intersection(wanted).len() as f64 / wanted.len() as f64
                }
            }
            Criterion::DeliveryPreference => {
                let target = match profile.spec().preferred_delivery {
                    Some(DeliveryMode::Online) => 1.0,
                    Some(DeliveryMode::Hybrid) => 0.5,
                    Some(DeliveryMode::OnCampus) | None => 0.0,
                };
                1.0 - (program.delivery().distance_share().get() - target).abs()
            }
            Criterion::ExpectedEarnings => facts.earnings?.0.as_f64(),
        })
    }

    pub(crate) fn value(
        program: &Program,
        facts: &Facts,
        criterion: Criterion,
        profile: &StudentProfile,
    ) -> CriterionValue {
        let rate = |outcome: &Outcome<Rate>| match outcome {
            Outcome::Reported { value, year, .. } => CriterionValue::Value {
                raw: value.get(),
                shown: format!("{value} ({year})"),
            },
            other => CriterionValue::Missing {
                why: other.to_string(),
            },
        };
        let outcomes = program.outcomes();
        match criterion {
            Criterion::TotalCost => CriterionValue::Value {
                raw: facts.total_cost.as_f64(),
                shown: format!("{} ({})", facts.total_cost, facts.residency),
            },
            Criterion::Length => CriterionValue::Value {
                raw: f64::from(program.length_months()),
                shown: format!("{} months", program.length_months()),
            },
            Criterion::GraduationRate => rate(&outcomes.graduation_rate),
            Criterion::EmploymentRate => rate(&outcomes.employment_rate),
            Criterion::ExamPassRate => rate(&outcomes.exam_pass_rate),
            Criterion::PracticeExperience => {
                let has = program.has_professional_practice_experience();
                CriterionValue::Value {
                    raw: if has { 1.0 } else { 0.0 },
                    shown: if has { "yes" } else { "no" }.to_owned(),
                }
            }
            Criterion::CareerSupport => {
                let count = program.career_support().count();
                CriterionValue::Value {
                    raw: f64::from(count) / 3.0,
                    shown: format!("{count} of 3"),
                }
            }
            Criterion::SkillCoverage => {
                let wanted = profile.spec().desired_skills;
                let covered = program.skills().intersection(wanted).len();
                let share = if wanted.is_empty() {
                    0.0
                } else {
                    covered as f64 / wanted.len() as f64
                };
                CriterionValue::Value {
                    raw: share,
                    shown: format!("{covered} of {}", wanted.len()),
                }
            }
            Criterion::DeliveryPreference => {
                let target = match profile.spec().preferred_delivery {
                    Some(DeliveryMode::Online) => 1.0,
                    Some(DeliveryMode::Hybrid) => 0.5,
                    Some(DeliveryMode::OnCampus) | None => 0.0,
                };
                let share = program.delivery().distance_share().get();
                CriterionValue::Value {
                    raw: 1.0 - (share - target).abs(),
                    shown: format!(
                        "{} ({} at a distance)",
                        program.delivery().mode(),
                        program.delivery().distance_share()
                    ),
                }
            }
            Criterion::ExpectedEarnings => match facts.earnings {
                Some((money, _)) => CriterionValue::Value {
                    raw: money.as_f64(),
                    shown: money.to_string(),
                },
                None => CriterionValue::Missing {
                    why: match &outcomes.median_earnings {
                        Outcome::Reported { .. } => "unknown".to_owned(),
                        other => format!("{other} by the program, with no BLS figure to fall back on"),
                    },
                },
            },
        }
    }

    /// Every hard constraint `program` fails for `profile`.
    pub(crate) fn constraint_failures(
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
                .is_some_and(crate::Accreditation::counts_for_credential_eligibility)
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

    /// The weighted criteria of `profile`, in criterion order, with their domain bounds.
    pub(crate) fn weighted_criteria(profile: &StudentProfile) -> Vec<(Criterion, f64)> {
        Criterion::all()
            .map(|criterion| (criterion, profile.weight(criterion)))
            .filter(|(_, weight)| *weight > 0.0)
            .collect()
    }

    pub(crate) fn domain_bounds(criterion: Criterion, profile: &StudentProfile) -> Bounds {
        let spec = profile.spec();
        match criterion {
            Criterion::TotalCost => Bounds {
                worst: spec.max_total_cost.map_or(DEFAULT_COST_CAP as f64, Money::as_f64),
                best: 0.0,
            },
            Criterion::Length => Bounds {
                worst: f64::from(spec.max_length_months.unwrap_or(DEFAULT_LENGTH_CAP_MONTHS)),
                best: 0.0,
            },
            Criterion::ExpectedEarnings => Bounds {
                worst: 0.0,
                best: EARNINGS_CAP as f64,
            },
            _ => Bounds {
                worst: 0.0,
                best: 1.0,
            },
        }
    }

    /// Builds the criteria matrix of `programs` (rows) for the weighted criteria.
    pub(crate) fn matrix(
        rows: &[(&Program, Facts)],
        criteria: &[(Criterion, f64)],
        profile: &StudentProfile,
    ) -> Result<CriteriaMatrix> {
        let mut matrix = CriteriaMatrix::new(rows.len());
        for (criterion, _) in criteria {
            let mut values = Vec::with_capacity(rows.len());
            let mut missing = Vec::with_capacity(rows.len());
            for (program, facts) in rows {
                let raw = Self::raw(program, facts, *criterion, profile);
                values.push(raw.unwrap_or(0.0));
                missing.push(raw.is_none());
            }
            matrix.push_column(criterion.direction(), values, Some(missing))?;
        }
        Ok(matrix)
    }

    /// The scoring for `profile`: its method, weights, bounds and missing-data policies.
    /// Catalogue bounds come from every prepared program, whatever the filters leave.
    pub(crate) fn scoring(&self, profile: &StudentProfile, criteria: &[(Criterion, f64)]) -> Result<Scoring> {
        let bounds = match profile.spec().bounds {
            BoundsMode::Domain => criteria
                .iter()
                .map(|(criterion, _)| Self::domain_bounds(*criterion, profile))
                .collect(),
            BoundsMode::Catalog => {
                let rows: Vec<(&Program, Facts)> = self
                    .programs
                    .iter()
                    .map(|program| (program, self.facts(program, profile)))
                    .collect();
                Self::matrix(&rows, criteria, profile)?.data_bounds()
            }
        };
        let weights: Vec<f64> = criteria.iter().map(|(_, weight)| *weight).collect();
        let policies = criteria
            .iter()
            .map(|(criterion, _)| match profile.missing_policy(*criterion) {
                // Exclusion is decided with the constraints; a program that reaches scoring
                // has the value.
                MissingPolicy::ExcludeProgram => MissingPolicy::Reweight,
                policy => policy,
            })
            .collect();
        Scoring::new(profile.method(), &weights, bounds, policies)
    }

    /// Ranks every prepared program for `profile`.
    ///
    /// # Errors
    /// Only if the profile and catalogue cannot be scored at all, which validated values do
    /// not cause; a profile that excludes everything gives an empty ranking.
    pub fn rank(&self, profile: &StudentProfile) -> Result<Ranking> {
        self.rank_top(profile, usize::MAX)
    }

    /// Ranks for `profile` and keeps the best `top` entries (found by selection, not a full
    /// sort); exclusions are always complete.
    ///
    /// # Errors
    /// As [`Selector::rank`].
    pub fn rank_top(&self, profile: &StudentProfile, top: usize) -> Result<Ranking> {
        let criteria = Self::weighted_criteria(profile);
        let scoring = self.scoring(profile, &criteria)?;
        let (eligible, exclusions) = self.partition(profile, &criteria, &scoring);
        let matrix = Self::matrix(&eligible, &criteria, profile)?;
        let scores = scoring.score(&matrix)?;
        let (order, ranks) = if top >= eligible.len() {
            rank_descending(&scores)
        } else {
            let order = top_descending(&scores, top);
            let ranks = competition_ranks(&scores, &order);
            (order, ranks)
        };
        let mut entries = Vec::with_capacity(order.len());
        for (row, rank) in order.iter().zip(ranks) {
            let row = *row as usize;
            let Some((program, facts)) = eligible.get(row) else {
                continue;
            };
            let Some((_, parts)) = scoring.explain_row(&matrix, row) else {
                continue;
            };
            // The score the order was made with; the explanation's own sum can differ from it
            // in the last bits, since the fast pass folds the weights in differently.
            let score = scores.get(row).copied().unwrap_or(0.0);
            let source = self.earnings_source(program, facts);
            entries.push(Self::entry(
                program, facts, profile, &criteria, &scoring, rank, score, &parts, source,
            ));
        }
        Ok(Ranking {
            method: scoring.method(),
            bounds: profile.spec().bounds,
            criteria: criteria
                .iter()
                .zip(scoring.weights())
                .map(|((criterion, _), weight)| (*criterion, *weight))
                .collect(),
            out_of: self.programs.len(),
            entries,
            exclusions,
        })
    }

    /// Splits the programs into those that meet every constraint and the exclusions.
    pub(crate) fn partition<'a>(
        &'a self,
        profile: &StudentProfile,
        criteria: &[(Criterion, f64)],
        scoring: &Scoring,
    ) -> (Vec<(&'a Program, Facts)>, Vec<Exclusion>) {
        let mut eligible = Vec::new();
        let mut exclusions = Vec::new();
        for program in &self.programs {
            let facts = self.facts(program, profile);
            let mut reasons = Self::constraint_failures(program, &facts, profile);
            let mut any_value = false;
            for ((criterion, _), weight) in criteria.iter().zip(scoring.weights()) {
                if Self::raw(program, &facts, *criterion, profile).is_some() {
                    any_value |= *weight > 0.0;
                    continue;
                }
                match profile.missing_policy(*criterion) {
                    MissingPolicy::ExcludeProgram => {
                        if let CriterionValue::Missing { why } =
                            Self::value(program, &facts, *criterion, profile)
                        {
                            reasons.push(ExclusionReason::MissingCriterion {
                                criterion: *criterion,
                                why,
                            });
                        }
                    }
                    MissingPolicy::ScoreAsWorst => any_value |= *weight > 0.0,
                    MissingPolicy::Reweight => {}
                }
            }
            if !any_value && reasons.is_empty() {
                reasons.push(ExclusionReason::NothingToScore);
            }
            if reasons.is_empty() {
                eligible.push((program, facts));
            } else {
                exclusions.push(Exclusion {
                    id: program.id().clone(),
                    reasons,
                });
            }
        }
        (eligible, exclusions)
    }

    #[allow(clippy::too_many_arguments)] // One call site; the parts are what an entry explains.
    fn entry(
        program: &Program,
        facts: &Facts,
        profile: &StudentProfile,
        criteria: &[(Criterion, f64)],
        scoring: &Scoring,
        rank: u32,
        score: f64,
        parts: &[Option<f64>],
        earnings_source: Option<EarningsSource>,
    ) -> RankedProgram {
        let present_weight: f64 = parts
            .iter()
            .zip(scoring.weights())
            .filter(|(part, _)| part.is_some())
            .map(|(_, weight)| weight)
            .sum();
        let mut contributions = Vec::new();
        let mut missing = Vec::new();
        for ((((criterion, _), part), weight), bounds) in criteria
            .iter()
            .zip(parts)
            .zip(scoring.weights())
            .zip(scoring.bounds())
        {
            match (Self::value(program, facts, *criterion, profile), part) {
                (CriterionValue::Value { raw, shown }, Some(part)) => contributions.push(Contribution {
                    criterion: *criterion,
                    value: shown,
                    normalised: bounds.normalise(raw),
                    weight: weight / present_weight,
                    contribution: *part,
                }),
                (CriterionValue::Missing { why }, part) => {
                    let treatment = profile.missing_policy(*criterion);
                    if let Some(part) = part {
                        contributions.push(Contribution {
                            criterion: *criterion,
                            value: "n/a".to_owned(),
                            normalised: 0.0,
                            weight: weight / present_weight,
                            contribution: *part,
                        });
                    }
                    missing.push(MissingCriterion {
                        criterion: *criterion,
                        why,
                        treatment,
                    });
                }
                (CriterionValue::Value { .. }, None) => {}
            }
        }
        let payback = payback(facts, profile.earnings_baseline());
        RankedProgram {
            rank,
            id: program.id().clone(),
            score,
            band: Band::of(score),
            total_cost: facts.total_cost,
            residency: facts.residency,
            contributions,
            missing,
            earnings_source,
            payback,
        }
    }
}

/// Payback years of a program's cost against `baseline`.
pub(crate) fn payback(facts: &Facts, baseline: Money) -> Payback {
    match &facts.earnings {
        None => Payback::EarningsUnknown,
        Some((earnings, _)) => match earnings.checked_sub(baseline).filter(|gain| *gain > Money::ZERO) {
            Some(gain) => Payback::Years {
                years: facts.total_cost.as_f64() / gain.as_f64(),
            },
            None => Payback::NotAboveBaseline {
                earnings: *earnings,
                baseline,
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::core::Direction;
    use super::*;

    #[test]
    fn bands_have_fixed_thresholds() {
        assert_eq!(Band::of(0.75), Band::Strong);
        assert_eq!(Band::of(0.749), Band::Good);
        assert_eq!(Band::of(0.55), Band::Good);
        assert_eq!(Band::of(0.0), Band::Weaker);
    }

    #[test]
    fn directions_are_known() {
        assert_eq!(Criterion::TotalCost.direction(), Direction::Cost);
        assert_eq!(Criterion::GraduationRate.direction(), Direction::Benefit);
    }
}
