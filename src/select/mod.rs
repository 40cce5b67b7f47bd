//! Program selection: hard constraints, weighted criteria, explanations and analyses.
//!
//! [`Selector`] prepares a catalogue; [`Selector::rank`] applies a [`StudentProfile`] and
//! returns a [`Ranking`]. The generic scoring core ([`CriteriaMatrix`], [`Scoring`]) is public
//! so that it can be used, and checked against other libraries, on any decision matrix.

mod analysis;
mod core;
mod profile;
mod selector;

pub use analysis::{
    Comparison, ComparisonCell, ComparisonRow, RankRange, Sensitivity, WeightChange, pareto_front,
};
pub use core::{
    Bounds, CriteriaMatrix, Direction, Method, MissingPolicy, Scoring, competition_ranks, order_descending,
    rank_descending, top_descending,
};
pub use profile::{
    BoundsMode, Criterion, DEFAULT_COST_CAP, DEFAULT_EARNINGS_BASELINE, DEFAULT_LENGTH_CAP_MONTHS,
    EARNINGS_CAP, ProfileSpec, StudentProfile,
};
pub use selector::{
    Band, Contribution, EarningsSource, Exclusion, ExclusionReason, MissingCriterion, Payback, RankedProgram,
    Ranking, Selector,
};
