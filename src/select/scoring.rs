//! Scoring a [`CriteriaMatrix`]: the weighted sum and TOPSIS, in one streaming pass over the
//! columns, with each criterion's weight folded into its normalisation, and the per-row
//! explanation of a score.

use super::criteria::Criterion;
use super::matrix::{Bounds, CriteriaMatrix};
use crate::error::{Error, Result};

crate::vocabulary::vocabulary! {
    /// The aggregation method.
    #[derive(Default)]
    pub enum Method("method") {
        /// The weighted sum of normalised values. Each criterion's contribution is its weight times
        /// its normalised value.
        #[default]
        WeightedSum,
        /// TOPSIS: closeness to the ideal point (every normalised value 1) relative to the
        /// anti-ideal point (every value 0), with Euclidean distances over weighted normalised
        /// values, as in the TOPSIS literature and pymcdm. Contributions apportion the score in
        /// proportion to each criterion's weighted normalised value.
        Topsis,
    }
}

crate::vocabulary::vocabulary! {
    /// What to do with a program that has no value for a criterion.
    #[derive(Default)]
    pub enum MissingPolicy("missing_policy") {
        /// Leave the criterion out of this program's score and share its weight among the
        /// criteria the program has, in proportion to their weights. The default.
        #[default]
        Reweight,
        /// Score the criterion as the worst possible value (0).
        ScoreAsWorst,
        /// Exclude the program.
        ExcludeProgram,
    }
}

/// A configured scoring: method, weights and bounds, one per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    method: Method,
    weights: Vec<f64>,
    bounds: Vec<Bounds>,
    missing: Vec<MissingPolicy>,
}

/// Rows per block of the scoring pass: the block's accumulators stay in the L1 cache while
/// every column streams through once.
const BLOCK: usize = 512;

/// From this many rows the scoring pass runs on two threads.
const PARALLEL_ROWS: usize = 1 << 16;

impl Scoring {
    /// Creates a scoring. Weights are scaled to sum to 1.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the lengths differ, a weight is negative or not finite, every
    /// weight is zero, or a bound is not finite.
    pub fn new(
        method: Method,
        weights: &[f64],
        bounds: Vec<Bounds>,
        missing: Vec<MissingPolicy>,
    ) -> Result<Self> {
        if weights.len() != bounds.len() || weights.len() != missing.len() {
            return Err(Error::invalid_field(
                "weights",
                format!(
                    "{} weights, {} bounds and {} missing-data policies: give one of each per criterion",
                    weights.len(),
                    bounds.len(),
                    missing.len()
                ),
            ));
        }
        if let Some(bad) = bounds
            .iter()
            .flat_map(|bound| [bound.worst, bound.best])
            .find(|bound| !bound.is_finite())
        {
            return Err(Error::invalid("bounds", bad, "is not a finite number"));
        }
        let total = checked_weight_total(weights.iter().map(|weight| (None, *weight)))?;
        Ok(Self {
            method,
            weights: weights.iter().map(|weight| weight / total).collect(),
            bounds,
            missing,
        })
    }

    /// The weights, scaled to sum to 1.
    #[must_use]
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// The method.
    #[must_use]
    pub fn method(&self) -> Method {
        self.method
    }

    /// The bounds.
    #[must_use]
    pub fn bounds(&self) -> &[Bounds] {
        &self.bounds
    }

    /// Scores every row of `matrix`, in `[0, 1]`.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the matrix does not have one column per weight.
    pub fn score(&self, matrix: &CriteriaMatrix) -> Result<Vec<f64>> {
        // Zeroed by the allocator (fresh pages cost nothing until written), so that the pages
        // of a large result are first touched by the threads that score them, in parallel.
        let mut scores = vec![0.0; matrix.rows()];
        self.score_into(matrix, &mut scores)?;
        Ok(scores)
    }

    /// Scores every row of `matrix` into `scores` (resized to the row count), so that a caller
    /// scoring many times reuses one buffer instead of allocating, and touching, a new one.
    ///
    /// # Errors
    /// As [`Scoring::score`].
    pub fn score_into(&self, matrix: &CriteriaMatrix, scores: &mut Vec<f64>) -> Result<()> {
        if matrix.columns() != self.weights.len() {
            return Err(Error::invalid_field(
                "matrix",
                format!(
                    "{} columns do not match the {} weights",
                    matrix.columns(),
                    self.weights.len()
                ),
            ));
        }
        scores.resize(matrix.rows(), 0.0);
        // Fold each weight into its normalisation:
        // weight * clamp((x - worst) / width, 0, 1) = clamp((x - worst) * (weight / width), 0, weight).
        let weighted_affine: Vec<WeightedAffine> = self
            .bounds
            .iter()
            .zip(&self.weights)
            .map(|(bounds, weight)| WeightedAffine {
                origin: bounds.worst,
                scale: bounds.weighted_scale(*weight),
                weight: *weight,
            })
            .collect();
        // A range so narrow that its reciprocal overflows (only data bounds can be) has no
        // streaming form; every row is then scored on its own, by the exact formula.
        if weighted_affine.iter().any(|affine| !affine.scale.is_finite()) {
            let mut parts = Vec::with_capacity(self.weights.len());
            for (row, score) in scores.iter_mut().enumerate() {
                *score = self.explain_row_into(matrix, row, &mut parts).unwrap_or(0.0);
            }
            return Ok(());
        }
        // Every row goes through the streaming pass; rows with a missing cell are then scored
        // again on their own. A row's score so depends on that row alone, never on whether some
        // other row has a gap (the two paths can differ in the last bit).
        let columns: Vec<&[f64]> = matrix
            .columns
            .iter()
            .map(|column| column.values.as_slice())
            .collect();
        if scores.len() >= PARALLEL_ROWS {
            // Two halves on two threads, each starting on a block boundary; each half is scored
            // exactly as it would be alone.
            let middle = (scores.len() >> 1) & !(BLOCK - 1);
            let (front, back) = scores.split_at_mut(middle);
            let front_columns: Vec<&[f64]> = columns.iter().map(|c| c.get(..middle).unwrap_or(&[])).collect();
            let back_columns: Vec<&[f64]> = columns.iter().map(|c| c.get(middle..).unwrap_or(&[])).collect();
            let affine = weighted_affine.as_slice();
            // With the `parallel` feature the halves go to rayon's threads, which are already
            // running; without it, to a thread started for the call.
            #[cfg(feature = "parallel")]
            rayon::join(
                || self.score_complete(affine, &front_columns, front),
                || self.score_complete(affine, &back_columns, back),
            );
            #[cfg(not(feature = "parallel"))]
            std::thread::scope(|scope| {
                scope.spawn(|| self.score_complete(affine, &front_columns, front));
                self.score_complete(affine, &back_columns, back);
            });
        } else {
            self.score_complete(&weighted_affine, &columns, scores);
        }
        if matrix.columns.iter().any(|column| column.missing.is_some()) {
            let mut parts = Vec::with_capacity(self.weights.len());
            for (row, score) in scores.iter_mut().enumerate() {
                let has_gap = matrix.columns.iter().any(|column| {
                    column
                        .missing
                        .as_ref()
                        .is_some_and(|marks| marks.get(row).copied().unwrap_or(false))
                });
                if has_gap {
                    *score = self.explain_row_into(matrix, row, &mut parts).unwrap_or(0.0);
                }
            }
        }
        Ok(())
    }

    /// The fast path: no missing cells, one streaming pass over the columns.
    fn score_complete(&self, weighted_affine: &[WeightedAffine], columns: &[&[f64]], scores: &mut [f64]) {
        let mut block_columns: Vec<&[f64]> = Vec::with_capacity(columns.len());
        let mut column_blocks: Vec<std::slice::Chunks<'_, f64>> =
            columns.iter().map(|column| column.chunks(BLOCK)).collect();
        let mut near = [0.0f64; BLOCK];
        let mut far = [0.0f64; BLOCK];
        for out in scores.chunks_mut(BLOCK) {
            let len = out.len();
            let (Some(near), Some(far)) = (near.get_mut(..len), far.get_mut(..len)) else {
                continue;
            };
            near.fill(0.0);
            far.fill(0.0);
            block_columns.clear();
            block_columns.extend(column_blocks.iter_mut().filter_map(Iterator::next));
            // Four columns at a time, so each accumulator is loaded and stored once per four
            // cells; the sums still add the columns in order, as `explain_row` does.
            let groups = block_columns.len().div_ceil(4);
            // TOPSIS scores are finished in the loop of the last four columns when there are
            // four: the square roots and the division then overlap that loop's arithmetic
            // instead of following it (the same operations in the same order).
            let mut finished = false;
            for (index, (group, parameters)) in
                block_columns.chunks(4).zip(weighted_affine.chunks(4)).enumerate()
            {
                let last = index.saturating_add(1) == groups;
                match (group, parameters, self.method) {
                    ([a, b, c, d], [pa, pb, pc, pd], Method::Topsis) if last => {
                        for ((((((score, to_anti), to_ideal), x), y), z), u) in out
                            .iter_mut()
                            .zip(near.iter())
                            .zip(far.iter())
                            .zip(*a)
                            .zip(*b)
                            .zip(*c)
                            .zip(*d)
                        {
                            let (to_anti, to_ideal) =
                                topsis_sums([*pa, *pb, *pc, *pd], [*x, *y, *z, *u], *to_anti, *to_ideal);
                            *score = closeness(to_anti.sqrt(), to_ideal.sqrt());
                        }
                        finished = true;
                    }
                    ([a, b, c, d], [pa, pb, pc, pd], Method::WeightedSum) => {
                        for ((((acc, x), y), z), u) in near.iter_mut().zip(*a).zip(*b).zip(*c).zip(*d) {
                            *acc =
                                *acc + pa.weighted(*x) + pb.weighted(*y) + pc.weighted(*z) + pd.weighted(*u);
                        }
                    }
                    ([a, b, c, d], [pa, pb, pc, pd], Method::Topsis) => {
                        for (((((to_anti, to_ideal), x), y), z), u) in near
                            .iter_mut()
                            .zip(far.iter_mut())
                            .zip(*a)
                            .zip(*b)
                            .zip(*c)
                            .zip(*d)
                        {
                            (*to_anti, *to_ideal) =
                                topsis_sums([*pa, *pb, *pc, *pd], [*x, *y, *z, *u], *to_anti, *to_ideal);
                        }
                    }
                    _ => {
                        for (values, parameter) in group.iter().zip(parameters) {
                            match self.method {
                                Method::WeightedSum => {
                                    for (acc, value) in near.iter_mut().zip(*values) {
                                        *acc += parameter.weighted(*value);
                                    }
                                }
                                Method::Topsis => {
                                    for ((to_anti, to_ideal), value) in
                                        near.iter_mut().zip(far.iter_mut()).zip(*values)
                                    {
                                        let weighted = parameter.weighted(*value);
                                        *to_anti += weighted * weighted;
                                        let gap = parameter.gap(weighted);
                                        *to_ideal += gap * gap;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            match self.method {
                Method::WeightedSum => {
                    // Weights scaled to sum to 1 can sum to 1 + 1 ulp; a score stays in [0, 1].
                    for (score, sum) in out.iter_mut().zip(near.iter()) {
                        *score = if *sum < 1.0 { *sum } else { 1.0 };
                    }
                }
                Method::Topsis if !finished => {
                    for ((score, to_anti), to_ideal) in out.iter_mut().zip(near.iter()).zip(far.iter()) {
                        *score = closeness(to_anti.sqrt(), to_ideal.sqrt());
                    }
                }
                Method::Topsis => {}
            }
        }
    }

    /// One row's normalised value on column `column` as [`Scoring::explain_row`] reads it:
    /// `Err` when the row is to be excluded, `Ok(None)` when the column is left out.
    fn normalised_cell(
        &self,
        matrix: &CriteriaMatrix,
        row: usize,
        column: usize,
    ) -> std::result::Result<Option<f64>, ()> {
        let (Some(cells), Some(bounds), Some(policy)) = (
            matrix.columns.get(column),
            self.bounds.get(column),
            self.missing.get(column),
        ) else {
            return Ok(None);
        };
        let missing = cells
            .missing
            .as_ref()
            .is_some_and(|marks| marks.get(row).copied().unwrap_or(true));
        match (missing, cells.values.get(row).copied(), policy) {
            (false, Some(value), _) => Ok(Some(bounds.normalise(value))),
            (_, _, MissingPolicy::ScoreAsWorst) => Ok(Some(0.0)),
            (_, _, MissingPolicy::ExcludeProgram) => Err(()),
            (_, _, MissingPolicy::Reweight) => Ok(None),
        }
    }

    /// One row's score and each criterion's contribution (`None` where the criterion was left
    /// out under [`MissingPolicy::Reweight`]); `None` if the row has no value for any weighted
    /// criterion, or has a missing value under [`MissingPolicy::ExcludeProgram`].
    #[must_use]
    pub fn explain_row(&self, matrix: &CriteriaMatrix, row: usize) -> Option<ExplainedRow> {
        let mut contributions = Vec::with_capacity(self.weights.len());
        let score = self.explain_row_into(matrix, row, &mut contributions)?;
        Some(ExplainedRow { score, contributions })
    }

    /// The weight of the columns a row has a value in (`parts` as [`Scoring::explain_row_into`]
    /// leaves them): what the present weights are scaled by under [`MissingPolicy::Reweight`],
    /// so that weight × normalised value is a column's contribution.
    pub(super) fn present_weight(&self, parts: &[Option<f64>]) -> f64 {
        weight_total(
            parts
                .iter()
                .zip(&self.weights)
                .filter(|(value, _)| value.is_some())
                .map(|(_, weight)| *weight),
        )
    }

    /// [`Scoring::explain_row`] with the contributions written into `parts` (cleared first),
    /// so that explaining many rows reuses one buffer.
    pub(crate) fn explain_row_into(
        &self,
        matrix: &CriteriaMatrix,
        row: usize,
        parts: &mut Vec<Option<f64>>,
    ) -> Option<f64> {
        parts.clear();
        for column in 0..self.weights.len().min(matrix.columns.len()) {
            parts.push(self.normalised_cell(matrix, row, column).ok()?);
        }
        let present_weight = self.present_weight(parts);
        if present_weight <= 0.0 {
            return None;
        }
        // The normalised values become weighted ones: value * weight / present weight.
        for (value, weight) in parts.iter_mut().zip(&self.weights) {
            *value = value.map(|value| value * weight / present_weight);
        }
        let score = match self.method {
            Method::WeightedSum => parts.iter().flatten().sum::<f64>().min(1.0),
            Method::Topsis => {
                let (mut to_anti, mut to_ideal) = (0.0, 0.0);
                for (value, weight) in parts.iter().zip(&self.weights) {
                    if let Some(value) = value {
                        to_anti += value * value;
                        let gap = weight / present_weight - value;
                        to_ideal += gap * gap;
                    }
                }
                closeness(f64::sqrt(to_anti), f64::sqrt(to_ideal))
            }
        };
        if self.method == Method::Topsis {
            // Contributions apportion the score in proportion to the weighted values.
            let total: f64 = parts.iter().flatten().sum();
            for value in parts.iter_mut() {
                *value = value.map(|value| if total > 0.0 { score * value / total } else { 0.0 });
            }
        }
        Some(score)
    }
}

/// One row's score as [`Scoring::explain_row`] works it out, criterion by criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainedRow {
    /// The score, in `[0, 1]`.
    pub score: f64,
    /// Each column's part of the score, in column order; `None` where the column was left out
    /// under [`MissingPolicy::Reweight`]. The parts sum to the score.
    pub contributions: Vec<Option<f64>>,
}

/// One column's weight folded into its normalisation.
#[derive(Debug, Clone, Copy)]
struct WeightedAffine {
    origin: f64,
    scale: f64,
    weight: f64,
}

impl WeightedAffine {
    /// The weighted normalised value, in `[0, weight]`.
    #[inline]
    fn weighted(self, value: f64) -> f64 {
        // Subtract first, then scale: `value * scale + offset` cancels catastrophically when the
        // range is narrow far from zero. Plain comparisons (not `clamp`, `max` or `mul_add`) so
        // that the loops compile to packed min/max instructions, with no NaN handling (values
        // are finite) and no FMA library call.
        clamp_to((value - self.origin) * self.scale, self.weight)
    }

    /// The distance to the ideal on this criterion.
    #[inline]
    fn gap(self, weighted: f64) -> f64 {
        self.weight - weighted
    }
}

/// `value` limited to `[0, high]`, written so that it compiles to one packed max and one packed
/// min.
#[inline]
fn clamp_to(value: f64, high: f64) -> f64 {
    let value = if value > 0.0 { value } else { 0.0 };
    if value < high { value } else { high }
}

/// The squared distances to the anti-ideal and the ideal after four more cells, one per
/// column, added in column order.
#[inline]
fn topsis_sums(parameters: [WeightedAffine; 4], cells: [f64; 4], to_anti: f64, to_ideal: f64) -> (f64, f64) {
    let [pa, pb, pc, pd] = parameters;
    let [x, y, z, u] = cells;
    let (va, vb, vc, vd) = (pa.weighted(x), pb.weighted(y), pc.weighted(z), pd.weighted(u));
    let (ga, gb, gc, gd) = (pa.gap(va), pb.gap(vb), pc.gap(vc), pd.gap(vd));
    (
        to_anti + va * va + vb * vb + vc * vc + vd * vd,
        to_ideal + ga * ga + gb * gb + gc * gc + gd * gd,
    )
}

/// The weights' sum once every weight is checked, the one validation of weights (a profile's,
/// named by criterion, and a scoring's bare list, `None`): each finite and non-negative, their
/// sum finite (scaled by an infinite sum every weight would become 0) and above 0.
///
/// # Errors
/// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) naming the first weight refused, or the
/// weights together.
pub(super) fn checked_weight_total<I>(weights: I) -> Result<f64>
where
    I: IntoIterator<Item = (Option<Criterion>, f64)>,
    I::IntoIter: Clone,
{
    let weights = weights.into_iter();
    for (criterion, weight) in weights.clone() {
        if !weight.is_finite() || weight < 0.0 {
            let field = criterion.map_or_else(
                || "weights".to_owned(),
                |criterion| format!("weights.{criterion}"),
            );
            return Err(Error::invalid(
                field,
                weight,
                "is not a finite, non-negative weight",
            ));
        }
    }
    let total = weight_total(weights.map(|(_, weight)| weight));
    if !total.is_finite() {
        return Err(Error::invalid_field(
            "weights",
            "their sum is not finite: give smaller weights (only their proportions count)",
        ));
    }
    if total <= 0.0 {
        return Err(Error::invalid_field(
            "weights",
            "all zero leave nothing to score: give at least one criterion a positive weight",
        ));
    }
    Ok(total)
}

/// The weights' sum, compensated (Neumaier): weights written as decimals that sum to 1 (0.2 +
/// 0.05 + …) sum to exactly 1, so each is scaled to itself (0.2, not 0.19999999999999996).
pub(super) fn weight_total(weights: impl IntoIterator<Item = f64>) -> f64 {
    let (mut sum, mut lost) = (0.0_f64, 0.0_f64);
    for weight in weights {
        let next = sum + weight;
        lost += if sum.abs() >= weight.abs() {
            (sum - next) + weight
        } else {
            (weight - next) + sum
        };
        sum = next;
    }
    sum + lost
}

/// TOPSIS closeness; a row at both points at once (every weight zero) scores 0.
fn closeness(to_anti: f64, to_ideal: f64) -> f64 {
    let sum = to_anti + to_ideal;
    if sum > 0.0 { to_anti / sum } else { 0.0 }
}

#[cfg(test)]
#[path = "scoring_tests.rs"]
mod tests;
