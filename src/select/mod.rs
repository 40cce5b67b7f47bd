//! Program selection: hard constraints, weighted criteria, explanations and analyses.
//!
//! [`Selector`] prepares a catalogue; [`Selector::rank`] applies a [`StudentProfile`] and
//! returns a [`Ranking`]. The generic scoring core ([`CriteriaMatrix`], [`Scoring`]) is public
//! so that it can be used, and checked against other libraries, on any decision matrix.
//!
//! The files, from the bottom up (each uses only files above it in this list): `order` puts
//! scores best-first; `matrix` holds a decision matrix and `scoring` scores it; `criteria` names
//! what programs are scored on and `profile` what a student asks; `distance` how far a campus is;
//! `facts` is the student's side (home state and ZIP code, terms, the wage figures earnings
//! fall back on); `exclusion` says why a program
//! is left out; `values` defines each criterion's value once, prepared from each program and
//! read for a student; `constraints` defines each hard constraint once, as a rule with its
//! prepared cells, its answer and its reason; `missing` is the one rule for programs that lack
//! criteria; `ranking` holds what comes back; `selector` prepares a catalogue and runs a
//! ranking through the rules, the values, the matrix, scoring and order; `analysis` (the
//! sensitivity, the Pareto set and the comparison) and `batch` are built on the selector.

mod analysis;
mod batch;
mod constraints;
mod criteria;
mod distance;
mod earnings;
mod exclusion;
mod facts;
mod matrix;
mod missing;
mod order;
mod profile;
mod ranking;
mod row_set;
mod scoring;
mod selector;
mod values;

pub use analysis::{Comparison, ComparisonCell, ComparisonRow, RankRange, Sensitivity, WeightChange};
pub use criteria::Criterion;
pub use distance::CampusDistance;
pub use earnings::EarningsSource;
pub use exclusion::{Exclusion, ExclusionReason, Flag};
pub use matrix::{Bounds, CriteriaMatrix, Direction};
pub use order::Order;
pub use profile::{BoundsMode, Constraint, ProfileSpec, StudentProfile, UnknownPolicy};
pub use ranking::{Band, Contribution, MissingCriterion, Payback, RankedProgram, Ranking};
pub use scoring::{ExplainedRow, Method, MissingPolicy, Scoring};
pub use selector::Selector;
