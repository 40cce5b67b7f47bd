//! The criteria programs are scored on. Each criterion is defined once here: its direction,
//! its default weight, its domain bounds, and its value for a program (the number scoring uses
//! and the text an explanation shows, from the same match arm), so that scoring, explanations
//! and comparisons cannot disagree.

use std::fmt;

use super::facts::Facts;
use super::matrix::{Bounds, Direction};
use crate::outcome::Outcome;
use crate::program::{Delivery, DeliveryMode, DeliveryState, Program, Residency};
use crate::skill::SkillSet;
use crate::value::{Money, Rate};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A criterion programs are scored on. Each has a direction himkit knows (lower cost is
    /// better) and bounds fixed by the domain (see [`BoundsMode::Domain`](super::BoundsMode::Domain)).
    pub enum Criterion("criterion") {
        /// Total tuition for this student (in-state or out-of-state as applies). Lower is better;
        /// scored from $0 (best) to the profile's cost limit, or [`Criterion::DEFAULT_COST_CAP`] without one.
        TotalCost,
        /// Length in months. Shorter is better; scored from 0 to the profile's length limit, or
        /// [`Criterion::DEFAULT_LENGTH_CAP_MONTHS`] without one.
        Length,
        /// Reported graduation rate, 0 to 1.
        GraduationRate,
        /// Reported employment rate, 0 to 1.
        EmploymentRate,
        /// Reported first-time credential exam pass rate, 0 to 1.
        ExamPassRate,
        /// Whether a professional practice experience is included: 1 or 0.
        PracticeExperience,
        /// Share of the three kinds of career support offered.
        CareerSupport,
        /// Share of the student's desired skills the curriculum covers.
        SkillCoverage,
        /// Closeness of the program's distance share to the preferred delivery (online 1, hybrid
        /// 0.5, on campus 0): 1 minus the difference.
        DeliveryPreference,
        /// Expected annual earnings: the program's reported median earnings, else the BLS median
        /// of the occupation its level prepares for (state figure where known, else national).
        /// Scored from $0 to [`Criterion::EARNINGS_CAP`].
        ExpectedEarnings,
    }
}

impl Criterion {
    /// The total cost that scores 0 when the profile sets no cost limit: $150,000 (a scale,
    /// not a fact; costs above it all score 0).
    pub const DEFAULT_COST_CAP: u64 = 150_000;
    /// The length that scores 0 when the profile sets no length limit: 72 months.
    pub const DEFAULT_LENGTH_CAP_MONTHS: u16 = 72;
    /// The earnings that score 1: $250,000, above BLS's top-code of $239,200, so that every
    /// published wage is inside the scale.
    pub const EARNINGS_CAP: u64 = 250_000;

    /// Whether more is better.
    #[must_use]
    pub fn direction(self) -> Direction {
        match self {
            Self::TotalCost | Self::Length => Direction::Cost,
            _ => Direction::Benefit,
        }
    }

    /// The weight in the default profile. The defaults favour outcomes and cost: total cost
    /// 0.20; employment rate, exam pass rate and expected earnings 0.15 each; graduation rate
    /// 0.10; length, practice experience, career support, skill coverage and delivery preference
    /// 0.05 each.
    #[must_use]
    pub fn default_weight(self) -> f64 {
        match self {
            Self::TotalCost => 0.20,
            Self::EmploymentRate | Self::ExamPassRate | Self::ExpectedEarnings => 0.15,
            Self::GraduationRate => 0.10,
            Self::Length
            | Self::PracticeExperience
            | Self::CareerSupport
            | Self::SkillCoverage
            | Self::DeliveryPreference => 0.05,
        }
    }

    /// Whether a program can lack a value for this criterion: outcomes, earnings, cost, delivery
    /// and practice experience can be unknown; length, career support and skill coverage always
    /// have a value.
    #[must_use]
    pub fn can_be_missing(self) -> bool {
        !matches!(self, Self::Length | Self::CareerSupport | Self::SkillCoverage)
    }

    /// The bounds this criterion is normalised against under [`BoundsMode::Domain`]: rates
    /// and shares 0 to 1, cost and length from 0 to the profile's limit (or the documented
    /// cap), earnings from $0 to [`Criterion::EARNINGS_CAP`].
    ///
    /// [`BoundsMode::Domain`]: super::BoundsMode::Domain
    pub(crate) fn domain_bounds(self, terms: &Terms) -> Bounds {
        match self {
            Self::TotalCost => Bounds {
                worst: terms
                    .max_total_cost
                    .map_or(Self::DEFAULT_COST_CAP as f64, Money::as_f64),
                best: 0.0,
            },
            Self::Length => Bounds {
                worst: f64::from(terms.max_length_months.unwrap_or(Self::DEFAULT_LENGTH_CAP_MONTHS)),
                best: 0.0,
            },
            Self::ExpectedEarnings => Bounds {
                worst: 0.0,
                best: Self::EARNINGS_CAP as f64,
            },
            _ => Bounds {
                worst: 0.0,
                best: 1.0,
            },
        }
    }

    /// This criterion's value for `program`: the number scoring uses and what an explanation
    /// shows, from one definition, or why there is none.
    pub(crate) fn read<'a>(self, program: &'a Program, facts: &Facts, terms: &Terms) -> Reading<'a> {
        let outcomes = program.outcomes();
        let rate = |outcome: &'a Outcome<Rate>| match outcome {
            Outcome::Reported { value, .. } => Reading::Value {
                raw: value.get(),
                shown: Shown::Outcome(outcome),
            },
            _ => Reading::Missing(Absence::Outcome(outcome)),
        };
        let value = |raw: f64, shown: Shown<'a>| Reading::Value { raw, shown };
        match self {
            Self::TotalCost => match facts.total_cost {
                Some(total) => value(
                    total.as_f64(),
                    Shown::Cost {
                        total,
                        residency: facts.residency,
                        estimate: facts.cost_is_estimate,
                    },
                ),
                None => Reading::Missing(Absence::Cost),
            },
            Self::Length => {
                let months = program.length_months();
                value(
                    f64::from(months),
                    Shown::Months {
                        months,
                        typical: !program.length_basis().is_program(),
                    },
                )
            }
            Self::GraduationRate => rate(&outcomes.graduation_rate),
            Self::EmploymentRate => rate(&outcomes.employment_rate),
            Self::ExamPassRate => rate(&outcomes.exam_pass_rate),
            Self::PracticeExperience => match program.professional_practice_experience() {
                Some(has) => value(f64::from(u8::from(has)), Shown::YesNo(has)),
                None => Reading::Missing(Absence::PracticeExperience),
            },
            Self::CareerSupport => match program.career_support() {
                Some(support) => {
                    let count = support.count();
                    value(
                        f64::from(count) / 3.0,
                        Shown::Count {
                            count: u32::from(count),
                            of: 3,
                        },
                    )
                }
                None => Reading::Missing(Absence::CareerSupport),
            },
            Self::SkillCoverage => match program.skills() {
                Some(skills) => {
                    let wanted = terms.desired_skills;
                    let covered = skills.intersection(wanted).len();
                    value(
                        skill_coverage(skills, wanted),
                        Shown::Count {
                            count: covered as u32,
                            of: wanted.len() as u32,
                        },
                    )
                }
                None => Reading::Missing(Absence::Skills),
            },
            Self::DeliveryPreference => match program.delivery() {
                DeliveryState::Known(delivery) => value(
                    delivery_closeness(delivery.distance_share().get(), terms.preferred_delivery),
                    Shown::Delivery(delivery),
                ),
                unknown => Reading::Missing(Absence::Delivery(unknown)),
            },
            Self::ExpectedEarnings => match facts.earnings {
                Some((money, _)) => value(money.as_f64(), Shown::Money(money)),
                None => Reading::Missing(Absence::Earnings(&outcomes.median_earnings)),
            },
        }
    }
}

/// The skill-coverage value: the share of the `wanted` skills that `skills` covers (0 when
/// none are wanted).
pub(crate) fn skill_coverage(skills: SkillSet, wanted: SkillSet) -> f64 {
    if wanted.is_empty() {
        0.0
    } else {
        skills.intersection(wanted).len() as f64 / wanted.len() as f64
    }
}

/// The delivery-preference value: 1 minus the distance between a program's distance share and
/// the preferred delivery's (online 1, hybrid 0.5, on campus or none 0).
pub(crate) fn delivery_closeness(distance_share: f64, preferred: Option<DeliveryMode>) -> f64 {
    let target = match preferred {
        Some(DeliveryMode::Online) => 1.0,
        Some(DeliveryMode::Hybrid) => 0.5,
        Some(DeliveryMode::OnCampus) | None => 0.0,
    };
    1.0 - (distance_share - target).abs()
}

/// What a criterion's value depends on besides the program and the student's facts: the
/// profile's desired skills, preferred delivery and limits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Terms {
    pub(crate) desired_skills: SkillSet,
    pub(crate) preferred_delivery: Option<DeliveryMode>,
    pub(crate) max_total_cost: Option<Money>,
    pub(crate) max_length_months: Option<u16>,
}

/// A program's value for one criterion, or why it has none.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reading<'a> {
    /// The number scoring uses, and what an explanation shows for it.
    Value { raw: f64, shown: Shown<'a> },
    /// No value, and why.
    Missing(Absence<'a>),
}

impl fmt::Display for Reading<'_> {
    /// The value as an explanation shows it, or why there is none.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Value { shown, .. } => shown.fmt(f),
            Self::Missing(why) => why.fmt(f),
        }
    }
}

impl Reading<'_> {
    /// The number scoring uses, if there is one.
    pub(crate) fn raw(&self) -> Option<f64> {
        match self {
            Self::Value { raw, .. } => Some(*raw),
            Self::Missing(_) => None,
        }
    }
}

/// A criterion's value as an explanation shows it (`$9,280 (in-state)`, `68.0% (2023)`, `yes`);
/// formatted only when shown.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shown<'a> {
    Cost {
        total: Money,
        residency: Residency,
        estimate: bool,
    },
    Months {
        months: u16,
        typical: bool,
    },
    Outcome(&'a Outcome<Rate>),
    YesNo(bool),
    Count {
        count: u32,
        of: u32,
    },
    Delivery(&'a Delivery),
    Money(Money),
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Cost {
                total,
                residency,
                estimate: false,
            } => write!(f, "{total} ({residency})"),
            Self::Cost {
                total,
                residency,
                estimate: true,
            } => write!(f, "{total} ({residency}, estimate)"),
            Self::Months {
                months,
                typical: false,
            } => write!(f, "{months} months"),
            Self::Months {
                months,
                typical: true,
            } => write!(f, "{months} months (typical for the level)"),
            Self::Outcome(outcome) => write!(f, "{outcome}"),
            Self::YesNo(yes) => f.write_str(if *yes { "yes" } else { "no" }),
            Self::Count { count, of } => write!(f, "{count} of {of}"),
            Self::Delivery(delivery) => write!(
                f,
                "{} ({} at a distance)",
                delivery.mode(),
                delivery.distance_share()
            ),
            Self::Money(money) => write!(f, "{money}"),
        }
    }
}

/// Why a program has no value for a criterion; formatted only when shown.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Absence<'a> {
    /// An outcome the program does not report (its state says why).
    Outcome(&'a Outcome<Rate>),
    /// No reported earnings and no wage figure to fall back on.
    Earnings(&'a Outcome<Money>),
    /// The cost is unknown.
    Cost,
    /// Whether a professional practice experience is included is unknown.
    PracticeExperience,
    /// The delivery is not known.
    Delivery(&'a DeliveryState),
    /// The career support offered is not known.
    CareerSupport,
    /// The skills the curriculum covers are not known.
    Skills,
}

impl fmt::Display for Absence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Outcome(outcome) => write!(f, "{outcome}"),
            Self::Earnings(Outcome::Reported { .. })
            | Self::PracticeExperience
            | Self::CareerSupport
            | Self::Skills => f.write_str("unknown"),
            Self::Earnings(other) => {
                write!(f, "{other} by the program, with no BLS figure to fall back on")
            }
            Self::Cost => f.write_str("unknown (no published tuition)"),
            Self::Delivery(delivery) => write!(f, "{delivery}"),
        }
    }
}
