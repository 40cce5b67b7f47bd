//! The selector: a catalogue prepared once, ranked for one profile at a time.
//!
//! A ranking runs the pipeline of this module's siblings in order: the student's
//! [facts](super::facts) about each program, the [constraints](super::constraints) that
//! exclude it, the [criteria](super::criteria) read into a [matrix](super::matrix),
//! [scoring](super::scoring), the [order](super::order), and the explanation of each returned
//! entry ([ranking](super::ranking)).

use std::sync::Arc;

use super::columns::{Columns, Student, state_bit};
use super::constraints::{self, Exclusion, Filter};
use super::criteria::{Criterion, Reading, Terms};
use super::facts::{EarningsFallback, Facts};
use super::matrix::CriteriaMatrix;
use super::order::{competition_ranks, rank_descending, top_descending};
use super::profile::{BoundsMode, StudentProfile};
use super::ranking::{
    Band, Contribution, EarningsSource, Exclusions, Flag, MissingCriterion, Payback, RankedProgram, Ranking,
};
use super::scoring::{MissingPolicy, Scoring};
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

/// What a selector prepares once: the programs in id order, their profile-independent
/// columns, and the expected-earnings fallback. Shared with the rankings whose exclusions are
/// built when read.
#[derive(Debug)]
struct Prepared {
    programs: Vec<Program>,
    columns: Columns,
    earnings: EarningsFallback,
}

impl Selector {
    /// Prepares `catalog` for ranking, with `wages` for the expected-earnings fallback
    /// (pass `&[]` to use only programs' own reported earnings).
    #[must_use]
    pub fn new(catalog: &Catalog, wages: &[WageStatistics]) -> Self {
        let mut programs = catalog.programs().to_vec();
        // Id order makes ties and exclusions come out the same whatever the input order.
        programs.sort_by(|a, b| a.id().cmp(b.id()));
        let columns = Columns::new(&programs);
        Self {
            shared: Arc::new(Prepared {
                programs,
                columns,
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
        let programs = self.programs();
        programs
            .binary_search_by(|program| program.id().as_str().cmp(id))
            .ok()
            .and_then(|index| programs.get(index))
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
        let Applied {
            criteria,
            terms,
            scoring,
            eligible,
            excluded,
            matrix,
            ..
        } = &applied;
        let scores = scoring.score(matrix)?;
        let (order, ranks) = if top >= eligible.len() {
            rank_descending(&scores)
        } else {
            let order = top_descending(&scores, top);
            let ranks = competition_ranks(&scores, &order);
            (order, ranks)
        };
        let mut explainer = Explainer {
            criteria,
            terms,
            scoring,
            matrix,
            profile,
            earnings: &self.shared.earnings,
            columns: &self.shared.columns,
            parts: Vec::with_capacity(criteria.len()),
        };
        let mut entries = Vec::with_capacity(order.len());
        for (position, rank) in order.iter().zip(ranks) {
            let position = *position as usize;
            let Some(index) = applied.eligible.get(position).map(|index| *index as usize) else {
                continue;
            };
            let Some(program) = self.programs().get(index) else {
                continue;
            };
            // The score the order was made with; the explanation's own sum can differ from it
            // in the last bits, since the fast pass folds the weights in differently.
            let score = scores.get(position).copied().unwrap_or(0.0);
            let facts = self.facts(program, profile);
            let flags = constraints::flags(program, &facts, profile);
            if let Some(entry) = explainer.explain(program, index, &facts, flags, position, rank, score) {
                entries.push(entry);
            }
        }
        let criteria: Vec<(Criterion, f64)> = criteria
            .iter()
            .zip(scoring.weights())
            .map(|((criterion, _), weight)| (*criterion, *weight))
            .collect();
        Ok(Ranking {
            method: scoring.method(),
            bounds: profile.spec().bounds,
            exclusions: Exclusions::pending(
                self.clone(),
                profile.clone(),
                criteria.clone(),
                excluded.clone(),
            ),
            criteria,
            out_of: self.programs().len(),
            entries,
        })
    }

    /// The exclusions of the rows set in `excluded`, with every reason, for `profile` whose
    /// weighted criteria have the scaled weights of `criteria`.
    pub(crate) fn exclusions(
        &self,
        profile: &StudentProfile,
        criteria: &[(Criterion, f64)],
        excluded: &[u64],
    ) -> Vec<Exclusion> {
        let terms = profile.criterion_terms();
        let weights: Vec<f64> = criteria.iter().map(|(_, weight)| *weight).collect();
        let mut exclusions = Vec::new();
        for (row, program) in self.programs().iter().enumerate() {
            let set = excluded
                .get(row >> 6)
                .is_some_and(|word| word & (1u64 << (row & 63)) != 0);
            if set {
                let facts = self.facts(program, profile);
                exclusions.push(Exclusion {
                    id: program.id().clone(),
                    reasons: constraints::verdict(program, &facts, profile, &terms, criteria, &weights)
                        .reasons,
                });
            }
        }
        exclusions
    }

    /// The facts about `program` for `profile`'s student.
    pub(crate) fn facts(&self, program: &Program, profile: &StudentProfile) -> Facts {
        self.shared.earnings.facts(program, profile.home_state())
    }

    /// Everything a ranking, a sensitivity analysis or a Pareto set starts from: the weighted
    /// criteria, the scoring, the programs that meet every constraint with their facts and
    /// criteria matrix, and the exclusions.
    pub(crate) fn prepare(&self, profile: &StudentProfile) -> Result<Applied<'_>> {
        let criteria = weighted_criteria(profile);
        let terms = profile.criterion_terms();
        let scoring = self.scoring(profile, &terms, &criteria)?;
        let shared = &*self.shared;
        let columns = &shared.columns;
        let home = profile.home_state();
        let student = Student {
            home,
            home_bit: state_bit(home),
            terms: &terms,
            fallback: &shared.earnings,
        };
        // The constraints as column filters: the eligible rows, and the excluded ones as bits
        // (their reasons are built only if they are read).
        let filter = Filter::new(profile, &criteria, scoring.weights(), &student);
        let rows = columns.rows();
        let mut excluded = vec![0u64; rows.div_ceil(64)];
        for row in 0..rows {
            if filter.excludes(columns, row, &student) {
                if let Some(word) = excluded.get_mut(row >> 6) {
                    *word |= 1u64 << (row & 63);
                }
            }
        }
        // Sized exactly, so that no allocation larger than it needs to be is made per ranking.
        let count = excluded
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum::<usize>();
        let mut eligible: Vec<u32> = Vec::with_capacity(rows.saturating_sub(count));
        for (row, index) in (0..rows).zip(0u32..) {
            let set = excluded
                .get(row >> 6)
                .is_some_and(|word| word & (1u64 << (row & 63)) != 0);
            if !set {
                eligible.push(index);
            }
        }
        let matrix = columns_matrix(columns, &eligible, &criteria, &student)?;
        Ok(Applied {
            criteria,
            terms,
            scoring,
            programs: &shared.programs,
            eligible,
            excluded,
            matrix,
        })
    }

    /// The scoring for `profile`: its method, weights, bounds and missing-data policies.
    /// Catalogue bounds come from every prepared program, whatever the filters leave.
    fn scoring(
        &self,
        profile: &StudentProfile,
        terms: &Terms,
        criteria: &[(Criterion, f64)],
    ) -> Result<Scoring> {
        let bounds = match profile.spec().bounds {
            BoundsMode::Domain => criteria
                .iter()
                .map(|(criterion, _)| criterion.domain_bounds(terms))
                .collect(),
            BoundsMode::Catalog => {
                let columns = &self.shared.columns;
                let home = profile.home_state();
                let student = Student {
                    home,
                    home_bit: state_bit(home),
                    terms,
                    fallback: &self.shared.earnings,
                };
                let every: Vec<u32> = (0u32..).take(columns.rows()).collect();
                columns_matrix(columns, &every, criteria, &student)?.data_bounds()
            }
        };
        let weights: Vec<f64> = criteria.iter().map(|(_, weight)| *weight).collect();
        Scoring::new(
            profile.method(),
            &weights,
            bounds,
            scoring_policies(criteria, profile),
        )
    }
}

/// What an entry's explanation reads: the weighted criteria, the scoring and its matrix.
struct Explainer<'a> {
    criteria: &'a [(Criterion, f64)],
    terms: &'a Terms,
    scoring: &'a Scoring,
    matrix: &'a CriteriaMatrix,
    profile: &'a StudentProfile,
    earnings: &'a EarningsFallback,
    columns: &'a Columns,
    /// The contributions of the entry being explained, reused from one entry to the next.
    parts: Vec<Option<f64>>,
}

impl Explainer<'_> {
    /// The ranked entry of `program` (prepared row `index`), row `row` of the matrix: its
    /// score explained criterion by criterion.
    #[allow(clippy::too_many_arguments)] // One entry's place, facts and flags, as found.
    fn explain(
        &mut self,
        program: &Program,
        index: usize,
        facts: &Facts,
        flags: Vec<Flag>,
        row: usize,
        rank: u32,
        score: f64,
    ) -> Option<RankedProgram> {
        let mut parts = std::mem::take(&mut self.parts);
        let explained = self.scoring.explain_row_into(self.matrix, row, &mut parts);
        let entry = explained.map(|_| self.entry(program, index, facts, flags, &parts, rank, score));
        self.parts = parts;
        entry
    }

    /// The entry of `program` (prepared row `index`) whose criteria contributed `parts`.
    #[allow(clippy::too_many_arguments)] // One entry's place, facts, flags and parts.
    fn entry(
        &self,
        program: &Program,
        index: usize,
        facts: &Facts,
        flags: Vec<Flag>,
        parts: &[Option<f64>],
        rank: u32,
        score: f64,
    ) -> RankedProgram {
        let scoring = self.scoring;
        // The same sum as the scoring's, so that weight × normalised value is the contribution.
        let present_weight = super::scoring::weight_total(
            parts
                .iter()
                .zip(scoring.weights())
                .filter(|(part, _)| part.is_some())
                .map(|(_, weight)| *weight),
        );
        let mut contributions = Vec::with_capacity(self.criteria.len());
        let mut missing = Vec::new();
        // The value as shown, or why it is missing: formatted once when prepared where it does
        // not depend on the student.
        let text = |criterion: Criterion, reading: &Reading<'_>| {
            self.columns
                .text(criterion, index, facts.residency)
                .map_or_else(|| reading.to_string(), str::to_owned)
        };
        for ((((criterion, _), part), weight), bounds) in self
            .criteria
            .iter()
            .zip(parts)
            .zip(scoring.weights())
            .zip(scoring.bounds())
        {
            let reading = criterion.read(program, facts, self.terms);
            match (&reading, part) {
                (Reading::Value { raw, .. }, Some(part)) => contributions.push(Contribution {
                    criterion: *criterion,
                    value: text(*criterion, &reading),
                    normalised: bounds.normalise(*raw),
                    weight: weight / present_weight,
                    contribution: *part,
                }),
                (Reading::Missing(_), part) => {
                    let treatment = self.profile.missing_policy(*criterion);
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
                        why: text(*criterion, &reading),
                        treatment,
                    });
                }
                (Reading::Value { .. }, None) => {}
            }
        }
        RankedProgram {
            rank,
            id: program.id().clone(),
            score,
            band: Band::of(score),
            total_cost: facts.total_cost,
            cost_is_estimate: facts.cost_is_estimate,
            residency: facts.residency,
            contributions,
            missing,
            earnings_source: EarningsSource::of(program, facts, self.earnings),
            payback: Payback::of(facts, self.profile.earnings_baseline()),
            flags,
        }
    }
}

/// A profile applied to the prepared catalogue, up to the scores: see [`Selector::prepare`].
/// Rankings and the analyses start from it.
pub(crate) struct Applied<'a> {
    /// The weighted criteria, in criterion order, with their weights as given.
    pub(crate) criteria: Vec<(Criterion, f64)>,
    pub(crate) terms: Terms,
    pub(crate) scoring: Scoring,
    /// The prepared programs, in id order.
    programs: &'a [Program],
    /// The rows of the programs that meet every constraint, in id order: the matrix rows.
    pub(crate) eligible: Vec<u32>,
    /// The rows of the others, as bits.
    excluded: Vec<u64>,
    pub(crate) matrix: CriteriaMatrix,
}

impl<'a> Applied<'a> {
    /// The program of matrix row `row`.
    pub(crate) fn program(&self, row: usize) -> Option<&'a Program> {
        let programs = self.programs;
        self.eligible
            .get(row)
            .and_then(|index| programs.get(*index as usize))
    }
}

/// The criteria of `profile` with a positive weight, in criterion order.
fn weighted_criteria(profile: &StudentProfile) -> Vec<(Criterion, f64)> {
    Criterion::all()
        .map(|criterion| (criterion, profile.weight(criterion)))
        .filter(|(_, weight)| *weight > 0.0)
        .collect()
}

/// The missing-data policy of each criterion as scoring applies it: exclusion is decided with
/// the constraints, so a program that reaches scoring has the value.
pub(crate) fn scoring_policies(
    criteria: &[(Criterion, f64)],
    profile: &StudentProfile,
) -> Vec<MissingPolicy> {
    criteria
        .iter()
        .map(|(criterion, _)| match profile.missing_policy(*criterion) {
            MissingPolicy::ExcludeProgram => MissingPolicy::Reweight,
            policy => policy,
        })
        .collect()
}

/// The criteria matrix of the prepared `rows` of `columns` for `criteria` and `student`.
fn columns_matrix(
    columns: &Columns,
    rows: &[u32],
    criteria: &[(Criterion, f64)],
    student: &Student<'_>,
) -> Result<CriteriaMatrix> {
    let mut matrix = CriteriaMatrix::new(rows.len());
    for (criterion, _) in criteria {
        let mut values = Vec::with_capacity(rows.len());
        let mut missing = Vec::with_capacity(rows.len());
        columns.fill(*criterion, rows, student, &mut values, &mut missing);
        matrix.push_column(criterion.direction(), values, Some(missing))?;
    }
    Ok(matrix)
}
