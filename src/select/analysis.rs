//! Beyond a ranking: how stable it is, which programs no other beats, and a side-by-side view.

use serde::Serialize;

use super::criteria::Criterion;
use super::exclusion::ExclusionReason;
use super::missing::MissingRule;
use super::order::{order_descending, top_descending};
use super::profile::StudentProfile;
use super::ranking::{Payback, RankedProgram};
use super::scoring::Scoring;
use super::selector::Selector;
use super::values::Reading;
use crate::error::{Error, Result};
use crate::program::{AccreditationState, Program};
use crate::value::ProgramId;

/// The rank range of one program as weights move.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankRange {
    /// The program.
    pub id: ProgramId,
    /// Its rank with the profile's weights.
    pub rank: u32,
    /// Its best rank over the perturbations.
    pub best: u32,
    /// Its worst rank over the perturbations.
    pub worst: u32,
}

/// The smallest single weight change that would displace the leader.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightChange {
    /// The criterion whose weight changes.
    pub criterion: Criterion,
    /// Its weight now (scaled so that all weights sum to 1).
    pub from: f64,
    /// The weight (on the same scale, before re-scaling) at which the leader changes.
    pub to: f64,
    /// `to / from - 1`: −0.3 is a 30% cut.
    pub relative_change: f64,
    /// The program that leads after the change.
    pub new_leader: ProgramId,
}

/// How stable a ranking's top is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// The perturbation applied to each weight in turn, in percent.
    pub change_percent: f64,
    /// The rank range of each of the top programs, best first.
    pub ranges: Vec<RankRange>,
    /// The smallest single weight change that displaces the leader; `None` if no change of one
    /// weight (from zero up to a hundredfold) does.
    pub displacement: Option<WeightChange>,
}

/// One cell of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "cell", rename_all = "kebab-case")]
pub enum ComparisonCell {
    /// A value.
    Value {
        /// The value, for people.
        shown: String,
        /// The normalised value in `[0, 1]` under the profile's domain bounds.
        normalised: f64,
        /// How far below the best program of the set it is, on the normalised scale (0 for the
        /// best).
        behind_best: f64,
    },
    /// No value, and why.
    NotAvailable {
        /// Why.
        why: String,
    },
}

/// One criterion across the compared programs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonRow {
    /// The criterion.
    pub criterion: Criterion,
    /// Its weight in the profile (as given).
    pub weight: f64,
    /// One cell per program, in the order asked for.
    pub cells: Vec<ComparisonCell>,
}

/// A side-by-side view of 2 to 10 programs for one profile.
///
/// In JSON each program's rank and score stand together, `"ranks": [[1, 0.71], null]`, and
/// each program's accreditation is written as a program writes it (`"accreditation":
/// [{"accreditor": "cahiim", …, "source": {"list": "cahiim.csv", "line": 12}}, "not-verified"]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The programs, in the order asked for.
    pub ids: Vec<ProgramId>,
    /// Each program's rank in the full ranking, or `None` if it is excluded.
    pub ranks: Vec<Option<u32>>,
    /// Each program's score in the full ranking, or `None` if it is excluded.
    pub scores: Vec<Option<f64>>,
    /// Each program's exclusion reasons (empty if ranked).
    pub exclusions: Vec<Vec<ExclusionReason>>,
    /// Each program's payback years.
    pub payback: Vec<Payback>,
    /// Each program's accreditation, with the accreditation list and line it came from where
    /// it was read from one.
    pub accreditation: Vec<AccreditationState>,
    /// One row per criterion, in criterion order.
    pub rows: Vec<ComparisonRow>,
}

/// A comparison's JSON form: each program's rank and score as one pair.
#[derive(Serialize)]
struct ComparisonJson<'a> {
    ids: &'a [ProgramId],
    ranks: Vec<Option<(u32, f64)>>,
    exclusions: &'a [Vec<ExclusionReason>],
    payback: &'a [Payback],
    accreditation: &'a [AccreditationState],
    rows: &'a [ComparisonRow],
}

impl Serialize for Comparison {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        ComparisonJson {
            ids: &self.ids,
            ranks: self
                .ranks
                .iter()
                .zip(&self.scores)
                .map(|(rank, score)| rank.zip(*score))
                .collect(),
            exclusions: &self.exclusions,
            payback: &self.payback,
            accreditation: &self.accreditation,
            rows: &self.rows,
        }
        .serialize(serializer)
    }
}

impl Selector {
    /// The fewest programs [`Selector::compare`] compares.
    pub const MIN_COMPARED: usize = 2;
    /// The most programs [`Selector::compare`] compares: a side-by-side view still readable.
    pub const MAX_COMPARED: usize = 10;

    /// How stable the ranking's top `top` programs are when each weighted criterion's weight in
    /// turn moves by ±`change_percent`%, and the smallest single weight change that would
    /// displace the leader.
    ///
    /// The displacement search assumes the leader changes at most once as one weight moves in
    /// one direction, which holds for the weighted sum (each score is a ratio of functions
    /// linear in that weight with a common denominator); for TOPSIS it is found the same way
    /// and is approximate.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if `change_percent` is not in `(0, 100)`.
    pub fn sensitivity(
        &self,
        profile: &StudentProfile,
        top: usize,
        change_percent: f64,
    ) -> Result<Sensitivity> {
        if !(change_percent > 0.0 && change_percent < 100.0) {
            return Err(Error::invalid(
                "change_percent",
                change_percent,
                "is not between 0 and 100 (exclusive)",
            ));
        }
        let prepared = self.prepare(profile)?;
        let (criteria, base, matrix) = (&prepared.criteria, &prepared.scoring, &prepared.matrix);
        let scores = base.score(matrix)?;
        let order = order_descending(&scores);
        let watched: Vec<usize> = order.iter().take(top).map(|row| *row as usize).collect();
        let rank_of = |scores: &[f64], row: usize| -> u32 {
            let own = scores.get(row).copied().unwrap_or(0.0);
            u32::try_from(scores.iter().filter(|score| **score > own).count())
                .unwrap_or(u32::MAX)
                .saturating_add(1)
        };
        let mut ranges: Vec<(u32, u32, u32)> = watched
            .iter()
            .map(|row| {
                let rank = rank_of(&scores, *row);
                (rank, rank, rank)
            })
            .collect();
        let weights = base.weights().to_vec();
        let rescore = |weights: &[f64]| -> Result<Vec<f64>> {
            let scoring = Scoring::new(
                base.method(),
                weights,
                base.bounds().to_vec(),
                MissingRule::scoring_policies(profile, criteria),
            )?;
            scoring.score(matrix)
        };
        for index in 0..weights.len() {
            for factor in [1.0 - change_percent / 100.0, 1.0 + change_percent / 100.0] {
                let mut moved = weights.clone();
                if let Some(weight) = moved.get_mut(index) {
                    *weight *= factor;
                }
                if moved.iter().all(|weight| *weight == 0.0) {
                    continue;
                }
                let scores = rescore(&moved)?;
                for (range, row) in ranges.iter_mut().zip(&watched) {
                    let rank = rank_of(&scores, *row);
                    range.1 = range.1.min(rank);
                    range.2 = range.2.max(rank);
                }
            }
        }
        let displacement = match watched.first() {
            Some(leader) => {
                let displaced = leader_displacement(&rescore, &weights, *leader)?;
                displaced.and_then(|(index, from, to, row)| {
                    let criterion = *criteria.get(index)?;
                    let (_, program) = prepared.program(row)?;
                    Some(WeightChange {
                        criterion,
                        from,
                        to,
                        relative_change: if from > 0.0 { to / from - 1.0 } else { 0.0 },
                        new_leader: program.id().clone(),
                    })
                })
            }
            None => None,
        };
        Ok(Sensitivity {
            change_percent,
            ranges: watched
                .iter()
                .zip(ranges)
                .filter_map(|(row, (rank, best, worst))| {
                    prepared.program(*row).map(|(_, program)| RankRange {
                        id: program.id().clone(),
                        rank,
                        best,
                        worst,
                    })
                })
                .collect(),
            displacement,
        })
    }

    /// The eligible programs that no other eligible program beats on every weighted criterion
    /// (at least as good on all, better on one), in id order. A missing value counts as the
    /// worst for this comparison.
    ///
    /// # Errors
    /// As [`Selector::rank`].
    pub fn pareto(&self, profile: &StudentProfile) -> Result<Vec<ProgramId>> {
        let prepared = self.prepare(profile)?;
        let mut front = prepared.matrix.pareto_front(prepared.scoring.bounds());
        front.sort_unstable();
        Ok(front
            .into_iter()
            .filter_map(|row| {
                prepared
                    .program(row as usize)
                    .map(|(_, program)| program.id().clone())
            })
            .collect())
    }

    /// A side-by-side view of 2 to 10 programs for `profile`: each criterion's value (distance only
    /// with a home ZIP code), its normalised score, the gap to the best of the set, and "n/a" with
    /// the reason where data is missing. Excluded programs can be compared too; their exclusion
    /// reasons are listed.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) for fewer than 2 or more than 10 ids or a repeated id;
    /// [`ErrorKind::UnknownProgram`](crate::ErrorKind::UnknownProgram) for an id not in the catalogue.
    pub fn compare(&self, profile: &StudentProfile, ids: &[&str]) -> Result<Comparison> {
        let (least, most) = (Self::MIN_COMPARED, Self::MAX_COMPARED);
        if !(least..=most).contains(&ids.len()) {
            return Err(Error::invalid_field(
                "ids",
                format!(
                    "{} programs cannot be compared: give {least} to {most} ids",
                    ids.len()
                ),
            ));
        }
        let mut programs = Vec::with_capacity(ids.len());
        for (index, id) in ids.iter().enumerate() {
            if ids.get(..index).is_some_and(|before| before.contains(id)) {
                return Err(Error::invalid_text("ids", id, "is given twice"));
            }
            programs.push(self.row(id).ok_or_else(|| Error::unknown_program(*id))?);
        }
        let ranking = self.rank(profile)?;
        let student = self.student(profile);
        let facts: Vec<_> = programs
            .iter()
            .map(|row| self.values().facts(*row, &student))
            .collect();
        let mut rows = Vec::new();
        // Distance is a row only where there is a home to measure from.
        let compared =
            Criterion::all().filter(|criterion| *criterion != Criterion::Distance || student.zip.is_some());
        for criterion in compared {
            let bounds = criterion.domain_bounds(&student.terms);
            let values: Vec<Reading<'_>> = programs
                .iter()
                .filter_map(|row| self.values().read(criterion, *row, &student))
                .collect();
            let normalised: Vec<Option<f64>> = values
                .iter()
                .map(|value| value.raw().map(|raw| bounds.normalise(raw)))
                .collect();
            let best = normalised
                .iter()
                .flatten()
                .copied()
                .fold(f64::NEG_INFINITY, f64::max);
            let cells = values
                .into_iter()
                .zip(&normalised)
                .map(|(value, normalised)| match (value, normalised) {
                    (Reading::Value { shown, .. }, Some(normalised)) => ComparisonCell::Value {
                        shown: shown.text(),
                        normalised: *normalised,
                        behind_best: best - normalised,
                    },
                    (Reading::Missing(why), _) => ComparisonCell::NotAvailable { why: why.text() },
                    (Reading::Value { .. }, None) => ComparisonCell::NotAvailable {
                        why: "unknown".to_owned(),
                    },
                })
                .collect();
            rows.push(ComparisonRow {
                criterion,
                weight: profile.weight(criterion),
                cells,
            });
        }
        let baseline = profile.earnings_baseline();
        let compared: Vec<&Program> = programs
            .iter()
            .filter_map(|row| self.programs().get(*row))
            .collect();
        Ok(Comparison {
            ids: compared.iter().map(|program| program.id().clone()).collect(),
            accreditation: compared
                .iter()
                .map(|program| program.accreditation().clone())
                .collect(),
            ranks: ids
                .iter()
                .map(|id| ranking.entry(id).map(RankedProgram::rank))
                .collect(),
            scores: ids
                .iter()
                .map(|id| ranking.entry(id).map(RankedProgram::score))
                .collect(),
            exclusions: ids
                .iter()
                .map(|id| {
                    ranking
                        .exclusion(id)
                        .map(|e| e.reasons().to_vec())
                        .unwrap_or_default()
                })
                .collect(),
            payback: ids
                .iter()
                .zip(&facts)
                .map(|(id, facts)| match ranking.entry(id) {
                    Some(entry) => entry.payback().clone(),
                    None => Payback::of(facts, baseline),
                })
                .collect(),
            rows,
        })
    }
}

/// The smallest relative change of one weight at which `leader` stops leading: the criterion's
/// index, its weight before and after, and the new leader's row.
fn leader_displacement(
    rescore: &dyn Fn(&[f64]) -> Result<Vec<f64>>,
    weights: &[f64],
    leader: usize,
) -> Result<Option<(usize, f64, f64, usize)>> {
    let leader_with = |weights: &[f64]| -> Result<Option<usize>> {
        if weights.iter().all(|weight| *weight == 0.0) {
            return Ok(None);
        }
        let scores = rescore(weights)?;
        Ok(top_descending(&scores, 1).first().map(|row| *row as usize))
    };
    let mut best: Option<(usize, f64, f64, usize)> = None;
    for (index, from) in weights.iter().copied().enumerate() {
        let with_factor = |factor: f64| {
            let mut moved = weights.to_vec();
            if let Some(weight) = moved.get_mut(index) {
                *weight = from * factor;
            }
            moved
        };
        for extreme in [0.0, 100.0] {
            let Some(challenger) = leader_with(&with_factor(extreme))?.filter(|row| *row != leader) else {
                continue;
            };
            // Bisect between no change (the leader holds) and the extreme (it does not).
            let (mut holds, mut falls, mut new_leader) = (1.0, extreme, challenger);
            for _ in 0..48 {
                let middle = f64::midpoint(holds, falls);
                match leader_with(&with_factor(middle))? {
                    Some(row) if row != leader => {
                        falls = middle;
                        new_leader = row;
                    }
                    _ => holds = middle,
                }
            }
            if best.is_none_or(|(_, _, _, _)| (falls - 1.0).abs() < best_change(best)) {
                best = Some((index, from, from * falls, new_leader));
            }
        }
    }
    Ok(best)
}

fn best_change(best: Option<(usize, f64, f64, usize)>) -> f64 {
    best.map_or(f64::INFINITY, |(_, from, to, _)| {
        if from > 0.0 {
            (to / from - 1.0).abs()
        } else {
            f64::INFINITY
        }
    })
}
