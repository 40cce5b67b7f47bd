//! The criteria programs are scored on: their direction, default weight and domain bounds.
//! Each criterion's value for a program is defined once, in `values`.

use super::matrix::{Bounds, Direction};
use crate::program::{DeliveryMode, SkillSet};
use crate::value::Money;
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
        /// Graduation rate, 0 to 1: the program's own where it reports one, else its
        /// institution's completion rate from IPEDS Outcome Measures (the share of every student
        /// who entered, part-time and transfer students included, with any award within 6
        /// years), unless the profile counts program figures only
        /// ([`ProfileSpec::program_outcomes_only`](super::ProfileSpec::program_outcomes_only)).
        /// Outcome Measures rather than the Graduation Rates survey: that one counts only
        /// first-time full-time students, fewer than half of a community college's and under a
        /// tenth at some; it is kept and shown beside the program, not scored. Every explanation
        /// says which figure it used and whose it is.
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
        /// The institution's median earnings from College Scorecard: federally aided former
        /// students, working and not enrolled, 10 years after entry, every field of study. A
        /// criterion apart from expected earnings (the occupation's wage), so that one column
        /// never mixes two kinds of earnings; missing when the profile counts program figures
        /// only. Scored from $0 to [`Criterion::EARNINGS_CAP`].
        InstitutionEarnings,
        /// Great-circle miles from the student's home ZIP code to the campus, for campus and
        /// hybrid study (and a program whose delivery is unknown, which may be either). Lower is
        /// better; scored from 0 to the profile's distance limit, or
        /// [`Criterion::DEFAULT_DISTANCE_CAP_MILES`] without one. Missing for online study, where
        /// it does not apply, for a campus whose coordinates are unknown, and without a home
        /// ZIP code (it then weighs nothing by default).
        Distance,
    }
}

impl Criterion {
    /// The total cost that scores 0 when the profile sets no cost limit: $150,000 (a scale,
    /// not a fact; costs above it all score 0).
    pub const DEFAULT_COST_CAP: u64 = 150_000;
    /// The length that scores 0 when the profile sets no length limit: 72 months.
    pub const DEFAULT_LENGTH_CAP_MONTHS: u16 = 72;
    /// The distance that scores 0 when the profile sets no distance limit: 150 miles (a scale,
    /// not a fact; farther campuses all score 0).
    pub const DEFAULT_DISTANCE_CAP_MILES: f64 = 150.0;
    /// The earnings that score 1: $250,000, above BLS's top-code of $239,200, so that every
    /// published wage is inside the scale.
    pub const EARNINGS_CAP: u64 = 250_000;

    /// Whether more is better.
    #[must_use]
    pub fn direction(self) -> Direction {
        match self {
            Self::TotalCost | Self::Length | Self::Distance => Direction::Cost,
            _ => Direction::Benefit,
        }
    }

    /// The weight in the default profile. The defaults favour outcomes and cost, and sum to 1,
    /// so that a profile with every criterion shows them as they are written here: total cost
    /// and graduation rate 0.20 each; employment rate, exam pass rate and expected earnings 0.10
    /// each; institution earnings, length, practice experience, career support, skill coverage
    /// and delivery preference 0.05 each (so that they sum to 1), and distance 0.05 where the
    /// profile gives a home ZIP code. Graduation weighs as much as cost because a completion
    /// figure is known for almost every real program, and finishing is what a student pays for;
    /// institution earnings weigh little because they are every field's graduates, not the
    /// program's.
    #[must_use]
    pub fn default_weight(self) -> f64 {
        match self {
            Self::TotalCost | Self::GraduationRate => 0.20,
            Self::EmploymentRate | Self::ExamPassRate | Self::ExpectedEarnings => 0.10,
            Self::InstitutionEarnings
            | Self::Length
            | Self::PracticeExperience
            | Self::CareerSupport
            | Self::SkillCoverage
            | Self::DeliveryPreference
            | Self::Distance => 0.05,
        }
    }

    /// Whether a program can lack a value for this criterion: every criterion but length can.
    /// Outcomes, cost, practice experience, career support, the skills a curriculum covers and
    /// the delivery are unknown where a program's sources do not say (the federal files say
    /// nothing of career support or skills), and expected earnings where the program reports
    /// none and there is no wage figure to fall back on, distance for online study or without
    /// a campus's coordinates. Length always has a value: the level's
    /// typical length where the program's own is not published.
    #[must_use]
    pub fn can_be_missing(self) -> bool {
        self != Self::Length
    }

    /// The bounds this criterion is normalised against under [`BoundsMode::Domain`]: rates
    /// and shares 0 to 1, cost, length and distance from 0 to the profile's limit (or the
    /// documented cap), both kinds of earnings from $0 to [`Criterion::EARNINGS_CAP`].
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
            Self::Distance => Bounds {
                worst: terms
                    .max_distance_miles
                    .unwrap_or(Self::DEFAULT_DISTANCE_CAP_MILES),
                best: 0.0,
            },
            Self::ExpectedEarnings | Self::InstitutionEarnings => Bounds {
                worst: 0.0,
                best: Self::EARNINGS_CAP as f64,
            },
            _ => Bounds {
                worst: 0.0,
                best: 1.0,
            },
        }
    }
}

/// What a criterion's value depends on besides the program and the student's facts: the
/// profile's desired skills, preferred delivery and limits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Terms {
    pub(crate) desired_skills: SkillSet,
    pub(crate) preferred_delivery: Option<DeliveryMode>,
    pub(crate) max_total_cost: Option<Money>,
    pub(crate) max_length_months: Option<u16>,
    pub(crate) max_distance_miles: Option<f64>,
    /// Whether only the program's own outcome figures count (see
    /// [`ProfileSpec::program_outcomes_only`](super::ProfileSpec::program_outcomes_only)).
    pub(crate) program_outcomes_only: bool,
}
