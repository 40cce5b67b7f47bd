//! The selector: a catalogue prepared once, ranked for one profile at a time.
//!
//! A ranking runs the pipeline of this module's siblings in order: the student's
//! [facts](super::facts) about each program, the [constraints](super::constraints) that
//! exclude it, the [criteria](super::criteria) read into a [matrix](super::matrix),
//! [scoring](super::scoring), the [order](super::order), and the explanation of each returned
//! entry ([ranking](super::ranking)).

use super::constraints::{self, Exclusion};
use super::criteria::{Criterion, Reading, Terms};
use super::facts::{EarningsFallback, Facts};
use super::matrix::CriteriaMatrix;
use super::order::{competition_ranks, rank_descending, top_descending};
use super::profile::{BoundsMode, StudentProfile};
use super::ranking::{
    Band, Contribution, EarningsSource, Flag, MissingCriterion, Payback, RankedProgram, Ranking,
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
    programs: Vec<Program>,
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
        Self {
            programs,
            earnings: EarningsFallback::new(wages),
        }
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
        let prepared = self.prepare(profile)?;
        let scores = prepared.scoring.score(&prepared.matrix)?;
        let (order, ranks) = if top >= prepared.eligible.len() {
            rank_descending(&scores)
        } else {
            let order = top_descending(&scores, top);
            let ranks = competition_ranks(&scores, &order);
            (order, ranks)
        };
        let mut entries = Vec::with_capacity(order.len());
        for (row, rank) in order.iter().zip(ranks) {
            let row = *row as usize;
            // The score the order was made with; the explanation's own sum can differ from it
            // in the last bits, since the fast pass folds the weights in differently.
            let score = scores.get(row).copied().unwrap_or(0.0);
            if let Some(entry) = self.explain(&prepared, profile, row, rank, score) {
                entries.push(entry);
            }
        }
        Ok(Ranking {
            method: prepared.scoring.method(),
            bounds: profile.spec().bounds,
            criteria: prepared
                .criteria
                .iter()
                .zip(prepared.scoring.weights())
                .map(|((criterion, _), weight)| (*criterion, *weight))
                .collect(),
            out_of: self.programs.len(),
            entries,
            exclusions: prepared.exclusions,
        })
    }

    /// The facts about `program` for `profile`'s student.
    pub(crate) fn facts(&self, program: &Program, profile: &StudentProfile) -> Facts {
        self.earnings.facts(program, profile.home_state())
    }

    /// Everything a ranking, a sensitivity analysis or a Pareto set starts from: the weighted
    /// criteria, the scoring, the programs that meet every constraint with their facts and
    /// criteria matrix, and the exclusions.
    pub(crate) fn prepare(&self, profile: &StudentProfile) -> Result<Prepared<'_>> {
        let criteria = weighted_criteria(profile);
        let terms = profile.criterion_terms();
        let scoring = self.scoring(profile, &terms, &criteria)?;
        let mut eligible = Vec::new();
        let mut exclusions = Vec::new();
        for program in &self.programs {
            let facts = self.facts(program, profile);
            let verdict =
                constraints::verdict(program, &facts, profile, &terms, &criteria, scoring.weights());
            if verdict.reasons.is_empty() {
                eligible.push((program, facts, verdict.flags));
            } else {
                exclusions.push(Exclusion {
                    id: program.id().clone(),
                    reasons: verdict.reasons,
                });
            }
        }
        let matrix = criteria_matrix(
            &eligible.iter().map(|(program, facts, _)| (*program, facts)),
            &criteria,
            &terms,
        )?;
        Ok(Prepared {
            criteria,
            terms,
            scoring,
            eligible,
            exclusions,
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
                let facts: Vec<Facts> = self
                    .programs
                    .iter()
                    .map(|program| self.facts(program, profile))
                    .collect();
                criteria_matrix(&self.programs.iter().zip(&facts), criteria, terms)?.data_bounds()
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

    /// The ranked entry for row `row` of `prepared`: its score explained criterion by
    /// criterion.
    fn explain(
        &self,
        prepared: &Prepared<'_>,
        profile: &StudentProfile,
        row: usize,
        rank: u32,
        score: f64,
    ) -> Option<RankedProgram> {
        let (program, facts, flags) = prepared.eligible.get(row)?;
        let (_, parts) = prepared.scoring.explain_row(&prepared.matrix, row)?;
        let scoring = &prepared.scoring;
        let present_weight: f64 = parts
            .iter()
            .zip(scoring.weights())
            .filter(|(part, _)| part.is_some())
            .map(|(_, weight)| weight)
            .sum();
        let mut contributions = Vec::new();
        let mut missing = Vec::new();
        for ((((criterion, _), part), weight), bounds) in prepared
            .criteria
            .iter()
            .zip(&parts)
            .zip(scoring.weights())
            .zip(scoring.bounds())
        {
            match (criterion.read(program, facts, &prepared.terms), part) {
                (Reading::Value { raw, shown }, Some(part)) => contributions.push(Contribution {
                    criterion: *criterion,
                    value: shown.to_string(),
                    normalised: bounds.normalise(raw),
                    weight: weight / present_weight,
                    contribution: *part,
                }),
                (Reading::Missing(why), part) => {
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
                        why: why.to_string(),
                        treatment,
                    });
                }
                (Reading::Value { .. }, None) => {}
            }
        }
        Some(RankedProgram {
            rank,
            id: program.id().clone(),
            score,
            band: Band::of(score),
            total_cost: facts.total_cost,
            cost_is_estimate: facts.cost_is_estimate,
            residency: facts.residency,
            contributions,
            missing,
            earnings_source: EarningsSource::of(program, facts, &self.earnings),
            payback: Payback::of(facts, profile.earnings_baseline()),
            flags: flags.clone(),
        })
    }
}

/// A profile applied to the prepared catalogue, up to the scores: see [`Selector::prepare`].
pub(crate) struct Prepared<'a> {
    /// The weighted criteria, in criterion order, with their weights as given.
    pub(crate) criteria: Vec<(Criterion, f64)>,
    pub(crate) terms: Terms,
    pub(crate) scoring: Scoring,
    /// The programs that meet every constraint, in id order, with their facts and the flags of
    /// the constraints whose answer is unknown: the matrix rows.
    pub(crate) eligible: Vec<(&'a Program, Facts, Vec<Flag>)>,
    pub(crate) exclusions: Vec<Exclusion>,
    pub(crate) matrix: CriteriaMatrix,
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

/// The criteria matrix of `rows` (one row a program) for `criteria`.
fn criteria_matrix<'a>(
    rows: &(impl ExactSizeIterator<Item = (&'a Program, &'a Facts)> + Clone),
    criteria: &[(Criterion, f64)],
    terms: &Terms,
) -> Result<CriteriaMatrix> {
    let mut matrix = CriteriaMatrix::new(rows.len());
    for (criterion, _) in criteria {
        let mut values = Vec::with_capacity(rows.len());
        let mut missing = Vec::with_capacity(rows.len());
        for (program, facts) in rows.clone() {
            let raw = criterion.read(program, facts, terms).raw();
            values.push(raw.unwrap_or(0.0));
            missing.push(raw.is_none());
        }
        matrix.push_column(criterion.direction(), values, Some(missing))?;
    }
    Ok(matrix)
}
