//! Program selection: hard constraints, weighted criteria, explanations and analyses.
//!
//! [`Selector`] prepares a catalogue; [`Selector::rank`] applies a [`StudentProfile`] and
//! returns a [`Ranking`]. The generic scoring core ([`CriteriaMatrix`], [`Scoring`]) is public
//! so that it can be used, and checked against other libraries, on any decision matrix.
//!
//! The files follow a ranking from top to bottom: `selector` runs the pipeline over the
//! student's `facts` about each program, the `constraints` that exclude it, the `criteria`
//! (each defined once: direction, bounds, value and the text an explanation shows), the
//! `matrix` they fill, `scoring` and `order`; `ranking` holds what comes back, `profile` what
//! goes in, and `analysis` the sensitivity, Pareto set and comparison built on the same steps.

mod analysis;
mod batch;
mod columns;
mod constraints;
mod criteria;
mod facts;
mod matrix;
mod order;
mod profile;
mod ranking;
mod scoring;
mod selector;

pub use analysis::{Comparison, ComparisonCell, ComparisonRow, RankRange, Sensitivity, WeightChange};
pub use constraints::{Exclusion, ExclusionReason};
pub use criteria::Criterion;
pub use matrix::{Bounds, CriteriaMatrix, Direction};
pub use order::Order;
pub use profile::{BoundsMode, Constraint, ProfileSpec, StudentProfile, UnknownPolicy};
pub use ranking::{
    Band, Contribution, EarningsSource, Flag, MissingCriterion, Payback, RankedProgram, Ranking,
};
pub use scoring::{ExplainedRow, Method, MissingPolicy, Scoring};
pub use selector::Selector;
