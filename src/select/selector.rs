//! The selector: a catalogue prepared once, ranked for one profile at a time.
//!
//! Preparing reads every program once into the [constraints](super::constraints)' cells and
//! the criteria's [values](super::values). A ranking then, for one profile: marks the programs
//! a constraint leaves out, reads the weighted criteria of the others into a
//! [matrix](super::matrix), leaves out those the [missing-data rule](super::missing) does,
//! [scores](super::scoring) and [orders](super::order) the rest, and
//! explains each entry it returns; the exclusions' reasons are built only
//! when read.

use std::sync::Arc;

use super::constraints::{Asked, Constraints};
use super::criteria::Criterion;
use super::earnings::EarningsSource;
use super::exclusion::{Exclusion, Verdict};
use super::facts::{EarningsFallback, Student};
use super::matrix::CriteriaMatrix;
use super::missing::{Criteria, MissingRule};
use super::order::Order;
use super::profile::{BoundsMode, StudentProfile};
use super::ranking::{
    Band, Contribution, Exclusions, ExplainExclusions, MissingCriterion, Payback, RankedProgram, Ranking,
    WeightedCriteria,
};
use super::row_set::RowSet;
use super::scoring::Scoring;
use super::values::{Reading, Values};
use crate::catalog::Catalog;
use crate::error::Result;
use crate::program::Program;
use crate::wage::WageStatistics;

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
    shared: Arc<Prepared>,
}

/// What a selector prepares once: the programs in id order, what each constraint and each
/// criterion keeps of them, and the expected-earnings fallback. Shared with the rankings whose
/// exclusions are built when read.
#[derive(Debug)]
struct Prepared {
    programs: Vec<Program>,
    constraints: Constraints,
    values: Values,
    earnings: EarningsFallback,
}

/// A criterion's column of a matrix being built: each cell's number, and whether it is missing.
type MatrixColumn = (Vec<f64>, Vec<bool>);

impl Selector {
    /// Prepares `catalog` for ranking, with `wages` for the expected-earnings fallback
    /// (pass `&[]` to use only programs' own reported earnings).
    #[must_use]
    pub fn new(catalog: &Catalog, wages: &[WageStatistics]) -> Self {
        let mut programs = catalog.programs().to_vec();
        // Id order makes ties and exclusions come out the same whatever the input order.
        programs.sort_by(|a, b| a.id().cmp(b.id()));
        Self {
            shared: Arc::new(Prepared {
                constraints: Constraints::new(&programs),
                values: Values::new(&programs),
                programs,
                earnings: EarningsFallback::new(wages),
            }),
        }
    }

    /// The prepared programs, in id order.
    #[must_use]
    pub fn programs(&self) -> &[Program] {
        &self.shared.programs
    }

    /// The program with this id.
    #[must_use]
    pub fn program(&self, id: &str) -> Option<&Program> {
        self.row(id).and_then(|row| self.programs().get(row))
    }

    /// The prepared row of the program with this id.
    pub(crate) fn row(&self, id: &str) -> Option<usize> {
        self.programs()
            .binary_search_by(|program| program.id().as_str().cmp(id))
            .ok()
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
        let applied = self.prepare(profile)?;
        let scores = applied.scoring.score(&applied.matrix)?;
        let order = Order::top(&scores, top);
        let mut explainer = Explainer::new(&applied, &self.shared, profile);
        let mut entries = Vec::with_capacity(order.len());
        for (position, rank) in order.rows().iter().zip(order.ranks()) {
            let position = *position as usize;
            // The score the order was made with; the explanation's own sum can differ from it
            // in the last bits, since the fast pass folds the weights in differently.
            let score = scores.get(position).copied().unwrap_or(0.0);
            if let Some(entry) = explainer.explain(position, *rank, score) {
                entries.push(entry);
            }
        }
        let Applied {
            criteria,
            scoring,
            excluded,
            ..
        } = applied;
        let weights = scoring.weights().to_vec();
        let explain = ExplainFor {
            selector: self.clone(),
            profile: profile.clone(),
            criteria: criteria.clone(),
            weights: weights.clone(),
        };
        Ok(Ranking {
            method: scoring.method(),
            bounds: profile.spec().bounds,
            exclusions: Exclusions::pending(Arc::new(explain), excluded),
            criteria: WeightedCriteria { criteria, weights },
            out_of: self.programs().len(),
            entries,
            excluded: None,
        })
    }

    /// Each criterion's prepared column.
    pub(crate) fn values(&self) -> &Values {
        &self.shared.values
    }

    /// What the criteria and constraints read from `profile`.
    pub(crate) fn student(&self, profile: &StudentProfile) -> Student<'_> {
        Student::new(profile, &self.shared.earnings)
    }

    /// Everything a ranking, a sensitivity analysis or a Pareto set starts from: the weighted
    /// criteria, the scoring, the programs that are left in with their criteria matrix, and
    /// which are left out.
    pub(crate) fn prepare(&self, profile: &StudentProfile) -> Result<Applied<'_>> {
        let shared = &*self.shared;
        let criteria = weighted_criteria(profile);
        let student = self.student(profile);
        let scoring = self.scoring(profile, &student, &criteria)?;
        let asked = Constraints::ask(profile);
        let rows = shared.programs.len();
        // The constraints leave out rows column by column; their reasons are built only if
        // they are read.
        let mut excluded = RowSet::new(rows);
        shared.constraints.mark(&asked, &student, &mut excluded);
        // Sized exactly, so that no allocation larger than it needs to be is made per ranking.
        let mut eligible: Vec<u32> = Vec::with_capacity(rows.saturating_sub(excluded.len()));
        eligible.extend(excluded.iter_absent().map_while(|row| u32::try_from(row).ok()));
        let mut columns = self.fill(&eligible, &criteria, &student);
        let rule = MissingRule::new(profile, &criteria, scoring.weights());
        leave_out_missing(&rule, &mut eligible, &mut columns, &mut excluded);
        let matrix = matrix(eligible.len(), &criteria, columns)?;
        Ok(Applied {
            criteria,
            student,
            asked,
            scoring,
            programs: &shared.programs,
            eligible,
            excluded,
            matrix,
        })
    }

    /// The columns of `criteria` over the prepared `rows`, for `student`.
    fn fill(&self, rows: &[u32], criteria: &[Criterion], student: &Student<'_>) -> Vec<MatrixColumn> {
        criteria
            .iter()
            .map(|criterion| {
                let mut values = Vec::with_capacity(rows.len());
                let mut missing = Vec::with_capacity(rows.len());
                self.shared
                    .values
                    .fill(*criterion, rows, student, &mut values, &mut missing);
                (values, missing)
            })
            .collect()
    }

    /// The scoring for `profile`: its method, weights, bounds and missing-data policies.
    /// Catalogue bounds come from every prepared program, whatever the constraints leave.
    fn scoring(
        &self,
        profile: &StudentProfile,
        student: &Student<'_>,
        criteria: &[Criterion],
    ) -> Result<Scoring> {
        let bounds = match profile.spec().bounds {
            BoundsMode::Domain => criteria
                .iter()
                .map(|criterion| criterion.domain_bounds(&student.terms))
                .collect(),
            BoundsMode::Catalog => {
                let every: Vec<u32> = (0u32..).take(self.programs().len()).collect();
                matrix(every.len(), criteria, self.fill(&every, criteria, student))?.data_bounds()
            }
        };
        let weights: Vec<f64> = criteria
            .iter()
            .map(|criterion| profile.weight(*criterion))
            .collect();
        Scoring::new(
            profile.method(),
            &weights,
            bounds,
            MissingRule::scoring_policies(profile, criteria),
        )
    }
}

/// Builds a ranking's exclusions, when they are read: every reason each excluded program is
/// left out, from the same rules and values that left it out.
struct ExplainFor {
    selector: Selector,
    profile: StudentProfile,
    /// The weighted criteria, and their scaled weights.
    criteria: Vec<Criterion>,
    weights: Vec<f64>,
}

impl ExplainExclusions for ExplainFor {
    fn exclusions(&self, rows: &RowSet) -> Vec<Exclusion> {
        let shared = &*self.selector.shared;
        let student = self.selector.student(&self.profile);
        let asked = Constraints::ask(&self.profile);
        let rule = MissingRule::new(&self.profile, &self.criteria, &self.weights);
        let values = &shared.values;
        let mut exclusions = Vec::new();
        for (row, program) in rows
            .iter()
            .filter_map(|row| Some((row, shared.programs.get(row)?)))
        {
            let mut verdict = Verdict::default();
            shared
                .constraints
                .judge(&asked, row, program, &student, &mut verdict);
            let missing: Criteria = self
                .criteria
                .iter()
                .copied()
                .filter(|criterion| values.value(*criterion, row, &student).is_none())
                .collect();
            let why = |criterion: Criterion| {
                values
                    .read(criterion, row, &student)
                    .map(|reading| reading.text())
                    .unwrap_or_default()
            };
            rule.reasons(missing, why, &mut verdict.reasons);
            exclusions.push(Exclusion {
                id: program.id().clone(),
                reasons: verdict.reasons,
            });
        }
        exclusions
    }
}

/// What an entry's explanation reads: the applied profile and what is prepared.
struct Explainer<'a> {
    applied: &'a Applied<'a>,
    prepared: &'a Prepared,
    profile: &'a StudentProfile,
    /// The contributions of the entry being explained, reused from one entry to the next.
    parts: Vec<Option<f64>>,
}

impl<'a> Explainer<'a> {
    /// The explainer of the entries of `applied`.
    fn new(applied: &'a Applied<'a>, prepared: &'a Prepared, profile: &'a StudentProfile) -> Self {
        Self {
            applied,
            prepared,
            profile,
            parts: Vec::with_capacity(applied.criteria.len()),
        }
    }

    /// The ranked entry of matrix row `row`, of rank `rank` with score `score`: its score
    /// explained criterion by criterion.
    fn explain(&mut self, row: usize, rank: u32, score: f64) -> Option<RankedProgram> {
        let applied = self.applied;
        let (index, program) = applied.program(row)?;
        let mut parts = std::mem::take(&mut self.parts);
        let explained = applied.scoring.explain_row_into(&applied.matrix, row, &mut parts);
        let entry = explained.map(|_| {
            let student = &applied.student;
            let prepared = self.prepared;
            let scoring = &applied.scoring;
            let present_weight = scoring.present_weight(&parts);
            let mut contributions = Vec::with_capacity(applied.criteria.len());
            let mut missing = Vec::new();
            for (((criterion, part), weight), bounds) in applied
                .criteria
                .iter()
                .zip(&parts)
                .zip(scoring.weights())
                .zip(scoring.bounds())
            {
                let Some(reading) = prepared.values.read(*criterion, index, student) else {
                    continue;
                };
                match (&reading, part) {
                    (Reading::Value { raw, .. }, Some(part)) => contributions.push(Contribution {
                        criterion: *criterion,
                        value: reading.text(),
                        normalised: bounds.normalise(*raw),
                        weight: weight / present_weight,
                        contribution: *part,
                    }),
                    (Reading::Missing(_), part) => {
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
                            why: reading.text(),
                            treatment: self.profile.missing_policy(*criterion),
                        });
                    }
                    (Reading::Value { .. }, None) => {}
                }
            }
            // The flags come from the same answers that kept the program in.
            let mut verdict = Verdict::default();
            prepared
                .constraints
                .judge(&applied.asked, index, program, student, &mut verdict);
            let facts = prepared.values.facts(index, student);
            RankedProgram {
                rank,
                id: program.id().clone(),
                score,
                band: Band::of(score),
                total_cost: facts.total_cost,
                cost_is_estimate: facts.cost_is_estimate,
                residency: facts.residency,
                distance: facts.distance,
                contributions,
                missing,
                earnings_source: EarningsSource::of(program, &facts, &prepared.earnings, student.home),
                payback: Payback::of(&facts, self.profile.earnings_baseline()),
                accreditation: program.accreditation().clone(),
                flags: verdict.flags,
            }
        });
        self.parts = parts;
        entry
    }
}

/// Leaves out, from `eligible` and their matrix `columns` (those of the rule's criteria), the
/// rows that the missing-data `rule` leaves out, adding them to `excluded`.
fn leave_out_missing(
    rule: &MissingRule,
    eligible: &mut Vec<u32>,
    columns: &mut [MatrixColumn],
    excluded: &mut RowSet,
) {
    let mut missing = vec![Criteria::new(); eligible.len()];
    for (criterion, (_, marks)) in rule.criteria().iter().zip(columns.iter()) {
        let lacking = Criteria::of(*criterion);
        for (set, mark) in missing.iter_mut().zip(marks) {
            if *mark {
                *set = set.union(lacking);
            }
        }
    }
    if !missing.iter().any(|set| rule.excludes(*set)) {
        return;
    }
    for (row, set) in eligible.iter().zip(&missing) {
        if rule.excludes(*set) {
            excluded.insert(*row as usize);
        }
    }
    retain_kept(eligible, &missing, rule);
    for (values, marks) in columns.iter_mut() {
        retain_kept(values, &missing, rule);
        retain_kept(marks, &missing, rule);
    }
}

/// Keeps the `items` (one per row) of the rows whose `missing` criteria `rule` keeps.
fn retain_kept<T>(items: &mut Vec<T>, missing: &[Criteria], rule: &MissingRule) {
    let mut sets = missing.iter();
    items.retain(|_| sets.next().is_none_or(|set| !rule.excludes(*set)));
}

/// The criteria matrix of `rows` rows with the `columns` of `criteria`.
fn matrix(rows: usize, criteria: &[Criterion], columns: Vec<MatrixColumn>) -> Result<CriteriaMatrix> {
    let mut matrix = CriteriaMatrix::new(rows);
    for (criterion, (values, missing)) in criteria.iter().zip(columns) {
        matrix.push_column(criterion.direction(), values, Some(missing))?;
    }
    Ok(matrix)
}

/// A profile applied to the prepared catalogue, up to the scores: see [`Selector::prepare`].
/// Rankings and the analyses start from it.
pub(crate) struct Applied<'a> {
    /// The weighted criteria, in criterion order: the matrix's columns.
    pub(crate) criteria: Vec<Criterion>,
    pub(crate) student: Student<'a>,
    /// The constraints the profile asks.
    pub(crate) asked: Asked,
    pub(crate) scoring: Scoring,
    /// The prepared programs, in id order.
    programs: &'a [Program],
    /// The rows of the programs that are left in, in id order: the matrix rows.
    pub(crate) eligible: Vec<u32>,
    /// The rows of the others.
    excluded: RowSet,
    pub(crate) matrix: CriteriaMatrix,
}

impl<'a> Applied<'a> {
    /// The program of matrix row `row`, and its prepared row.
    pub(crate) fn program(&self, row: usize) -> Option<(usize, &'a Program)> {
        let programs = self.programs;
        let index = *self.eligible.get(row)? as usize;
        Some((index, programs.get(index)?))
    }
}

/// The criteria of `profile` with a positive weight, in criterion order.
fn weighted_criteria(profile: &StudentProfile) -> Vec<Criterion> {
    Criterion::all()
        .filter(|criterion| profile.weight(*criterion) > 0.0)
        .collect()
}
