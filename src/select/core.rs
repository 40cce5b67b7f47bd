//! The scoring core: criteria extracted once into columns, scored in one pass.
//!
//! [`Selector`](crate::Selector) builds a [`CriteriaMatrix`] from a catalogue and a profile; the
//! same core scores any numeric decision matrix, so it can be checked against other MCDA
//! libraries on identical data.

use crate::{Error, Result};

/// Whether more of a criterion is better or worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Higher values are better (a graduation rate).
    Benefit,
    /// Lower values are better (a cost).
    Cost,
}

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

/// The range a criterion is normalised against: a value at `worst` scores 0, a value at `best`
/// scores 1, values beyond are clamped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// The value that scores 0.
    pub worst: f64,
    /// The value that scores 1.
    pub best: f64,
}

impl Bounds {
    /// Normalises `value`: 0 at `worst`, 1 at `best`, clamped. A range of zero width (a constant
    /// column under catalogue bounds) scores 0 for every value, so it changes no order.
    #[must_use]
    pub fn normalise(self, value: f64) -> f64 {
        let width = self.best - self.worst;
        if width == 0.0 {
            0.0
        } else {
            ((value - self.worst) / width).clamp(0.0, 1.0)
        }
    }

    /// The scale that maps a distance from `worst` to the normalised value, times `weight`
    /// (0 for an empty range, not finite for a range too narrow to invert).
    fn weighted_scale(self, weight: f64) -> f64 {
        let width = self.best - self.worst;
        if width == 0.0 { 0.0 } else { weight / width }
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

/// A column-major matrix of raw criterion values: one column per criterion, one row per
/// alternative, with the cells that have no value marked.
#[derive(Debug, Clone, PartialEq)]
pub struct CriteriaMatrix {
    rows: usize,
    columns: Vec<Column>,
}

#[derive(Debug, Clone, PartialEq)]
struct Column {
    direction: Direction,
    values: Vec<f64>,
    /// `Some` only when at least one cell is missing; `true` marks a missing cell.
    missing: Option<Vec<bool>>,
}

impl CriteriaMatrix {
    /// The most criteria (columns) a matrix may have.
    pub const MAX_COLUMNS: usize = 1_024;
    /// The most alternatives (rows) a matrix may have: row numbers are 32-bit.
    pub const MAX_ROWS: usize = u32::MAX as usize;

    /// A matrix with `rows` rows and no columns yet.
    #[must_use]
    pub fn new(rows: usize) -> Self {
        Self {
            rows,
            columns: Vec::new(),
        }
    }

    /// Reads a row-major matrix (as numpy writes it) with one direction per column.
    ///
    /// # Errors
    /// [`Error::Invalid`] if the length is not a multiple of the column count or a value is
    /// not finite.
    pub fn from_row_major(values: &[f64], directions: &[Direction]) -> Result<Self> {
        let width = directions.len();
        if width == 0 || values.len().checked_rem(width) != Some(0) {
            return Err(Error::invalid(
                "matrix",
                values.len(),
                format!("values do not fill whole rows of {width} columns"),
            ));
        }
        let rows = values.len().checked_div(width).unwrap_or(0);
        let mut columns: Vec<Vec<f64>> = (0..width).map(|_| Vec::with_capacity(rows)).collect();
        for row in values.chunks_exact(width) {
            for (column, value) in columns.iter_mut().zip(row) {
                column.push(*value);
            }
        }
        let mut matrix = Self::new(rows);
        for (values, direction) in columns.into_iter().zip(directions) {
            matrix.push_column(*direction, values, None)?;
        }
        Ok(matrix)
    }

    /// Adds a column. `missing`, if given, marks the cells with no value (their `values` entry
    /// is ignored).
    ///
    /// # Errors
    /// [`Error::Invalid`] if a length differs from the row count, a present value is not
    /// finite, or the matrix would pass [`CriteriaMatrix::MAX_COLUMNS`] or
    /// [`CriteriaMatrix::MAX_ROWS`].
    pub fn push_column(
        &mut self,
        direction: Direction,
        values: Vec<f64>,
        missing: Option<Vec<bool>>,
    ) -> Result<()> {
        if self.columns.len() >= Self::MAX_COLUMNS {
            return Err(Error::invalid(
                "matrix",
                self.columns.len().saturating_add(1),
                format!("columns are more than the limit of {}", Self::MAX_COLUMNS),
            ));
        }
        if self.rows > Self::MAX_ROWS {
            return Err(Error::invalid(
                "matrix",
                self.rows,
                format!("rows are more than the limit of {}", Self::MAX_ROWS),
            ));
        }
        if values.len() != self.rows || missing.as_ref().is_some_and(|m| m.len() != self.rows) {
            return Err(Error::invalid(
                "matrix",
                values.len(),
                format!("is not the row count ({})", self.rows),
            ));
        }
        let missing = missing.filter(|marks| marks.iter().any(|missing| *missing));
        let finite = match &missing {
            None => values.iter().all(|value| value.is_finite()),
            Some(marks) => values
                .iter()
                .zip(marks)
                .all(|(value, missing)| *missing || value.is_finite()),
        };
        if !finite {
            return Err(Error::invalid("matrix", "a value", "is not a finite number"));
        }
        self.columns.push(Column {
            direction,
            values,
            missing,
        });
        Ok(())
    }

    /// The number of rows (alternatives).
    #[must_use]
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The number of columns (criteria).
    #[must_use]
    pub fn columns(&self) -> usize {
        self.columns.len()
    }

    /// The raw value of a cell, `None` if missing or out of range.
    #[must_use]
    pub fn value(&self, row: usize, column: usize) -> Option<f64> {
        let column = self.columns.get(column)?;
        if column
            .missing
            .as_ref()
            .is_some_and(|marks| marks.get(row).copied().unwrap_or(true))
        {
            return None;
        }
        column.values.get(row).copied()
    }

    /// Bounds taken from the data: for each column, its worst and best present values (the
    /// convention of pymcdm and scikit-criteria's min-max normalisation). A column with no
    /// present value gets `0..0`.
    #[must_use]
    pub fn data_bounds(&self) -> Vec<Bounds> {
        self.columns
            .iter()
            .map(|column| {
                let mut low = f64::INFINITY;
                let mut high = f64::NEG_INFINITY;
                for (row, value) in column.values.iter().enumerate() {
                    let missing = column
                        .missing
                        .as_ref()
                        .is_some_and(|marks| marks.get(row).copied().unwrap_or(true));
                    if !missing {
                        low = low.min(*value);
                        high = high.max(*value);
                    }
                }
                if low > high {
                    return Bounds {
                        worst: 0.0,
                        best: 0.0,
                    };
                }
                match column.direction {
                    Direction::Benefit => Bounds {
                        worst: low,
                        best: high,
                    },
                    Direction::Cost => Bounds {
                        worst: high,
                        best: low,
                    },
                }
            })
            .collect()
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
    /// [`Error::Invalid`] if the lengths differ, a weight is negative or not finite, every
    /// weight is zero, or a bound is not finite.
    pub fn new(
        method: Method,
        weights: &[f64],
        bounds: Vec<Bounds>,
        missing: Vec<MissingPolicy>,
    ) -> Result<Self> {
        if weights.len() != bounds.len() || weights.len() != missing.len() {
            return Err(Error::invalid(
                "weights",
                weights.len(),
                "weights, bounds and missing-data policies must have one entry per criterion",
            ));
        }
        if let Some(bad) = weights
            .iter()
            .find(|weight| !weight.is_finite() || **weight < 0.0)
        {
            return Err(Error::invalid(
                "weights",
                bad,
                "is not a finite, non-negative weight",
            ));
        }
        if bounds.iter().any(|b| !b.worst.is_finite() || !b.best.is_finite()) {
            return Err(Error::invalid("bounds", "a bound", "is not a finite number"));
        }
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return Err(Error::invalid(
                "weights",
                "all zero",
                "leave nothing to score: give at least one criterion a positive weight",
            ));
        }
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
    /// [`Error::Invalid`] if the matrix does not have one column per weight.
    pub fn score(&self, matrix: &CriteriaMatrix) -> Result<Vec<f64>> {
        let mut scores = Vec::new();
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
            return Err(Error::invalid(
                "matrix",
                matrix.columns(),
                format!("columns do not match the {} weights", self.weights.len()),
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
            for (row, score) in scores.iter_mut().enumerate() {
                *score = self.explain_row(matrix, row).map_or(0.0, |(score, _)| score);
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
            std::thread::scope(|scope| {
                scope.spawn(|| self.score_complete(&weighted_affine, &front_columns, front));
                self.score_complete(&weighted_affine, &back_columns, back);
            });
        } else {
            self.score_complete(&weighted_affine, &columns, scores);
        }
        if matrix.columns.iter().any(|column| column.missing.is_some()) {
            for (row, score) in scores.iter_mut().enumerate() {
                let has_gap = matrix.columns.iter().any(|column| {
                    column
                        .missing
                        .as_ref()
                        .is_some_and(|marks| marks.get(row).copied().unwrap_or(false))
                });
                if has_gap {
                    *score = self.explain_row(matrix, row).map_or(0.0, |(score, _)| score);
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
            for (group, parameters) in block_columns.chunks(4).zip(weighted_affine.chunks(4)) {
                match (group, parameters, self.method) {
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
                            let (va, vb, vc, vd) =
                                (pa.weighted(*x), pb.weighted(*y), pc.weighted(*z), pd.weighted(*u));
                            *to_anti = *to_anti + va * va + vb * vb + vc * vc + vd * vd;
                            let (ga, gb, gc, gd) = (pa.gap(va), pb.gap(vb), pc.gap(vc), pd.gap(vd));
                            *to_ideal = *to_ideal + ga * ga + gb * gb + gc * gc + gd * gd;
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
                Method::Topsis => {
                    for ((score, to_anti), to_ideal) in out.iter_mut().zip(near.iter()).zip(far.iter()) {
                        *score = closeness(to_anti.sqrt(), to_ideal.sqrt());
                    }
                }
            }
        }
    }

    /// One row's score and each criterion's contribution (`None` where the criterion was left
    /// out under [`MissingPolicy::Reweight`]); `None` if the row has no value for any weighted
    /// criterion, or has a missing value under [`MissingPolicy::ExcludeProgram`].
    #[must_use]
    pub fn explain_row(&self, matrix: &CriteriaMatrix, row: usize) -> Option<(f64, Vec<Option<f64>>)> {
        let mut normalised: Vec<Option<f64>> = Vec::with_capacity(self.weights.len());
        for ((column, bounds), policy) in matrix.columns.iter().zip(&self.bounds).zip(&self.missing) {
            let missing = column
                .missing
                .as_ref()
                .is_some_and(|marks| marks.get(row).copied().unwrap_or(true));
            let value = column.values.get(row).copied();
            normalised.push(match (missing, value, policy) {
                (false, Some(value), _) => Some(bounds.normalise(value)),
                (_, _, MissingPolicy::ScoreAsWorst) => Some(0.0),
                (_, _, MissingPolicy::ExcludeProgram) => return None,
                (_, _, MissingPolicy::Reweight) => None,
            });
        }
        let present_weight: f64 = normalised
            .iter()
            .zip(&self.weights)
            .filter(|(value, _)| value.is_some())
            .map(|(_, weight)| weight)
            .sum();
        if present_weight <= 0.0 {
            return None;
        }
        let weighted: Vec<Option<f64>> = normalised
            .iter()
            .zip(&self.weights)
            .map(|(value, weight)| value.map(|value| value * weight / present_weight))
            .collect();
        let score = match self.method {
            Method::WeightedSum => weighted.iter().flatten().sum::<f64>().min(1.0),
            Method::Topsis => {
                let (mut to_anti, mut to_ideal) = (0.0, 0.0);
                for (value, weight) in weighted.iter().zip(&self.weights) {
                    if let Some(value) = value {
                        to_anti += value * value;
                        let gap = weight / present_weight - value;
                        to_ideal += gap * gap;
                    }
                }
                closeness(f64::sqrt(to_anti), f64::sqrt(to_ideal))
            }
        };
        let contributions = match self.method {
            Method::WeightedSum => weighted,
            Method::Topsis => {
                let total: f64 = weighted.iter().flatten().sum();
                weighted
                    .iter()
                    .map(|value| value.map(|value| if total > 0.0 { score * value / total } else { 0.0 }))
                    .collect()
            }
        };
        Some((score, contributions))
    }
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

/// TOPSIS closeness; a row at both points at once (every weight zero) scores 0.
fn closeness(to_anti: f64, to_ideal: f64) -> f64 {
    let sum = to_anti + to_ideal;
    if sum > 0.0 { to_anti / sum } else { 0.0 }
}

/// Row indices ordered by descending score; equal scores keep ascending row order. Scores must
/// be non-negative (as every [`Scoring`] score is).
///
/// Each row becomes one `u64`: the high bits of its inverted score bits (for non-negative floats
/// the bit patterns order like the values) above its row number. A stable radix sort on the
/// score part leaves equal parts in row order; the rare runs whose truncated scores are equal
/// are then ordered by their full scores.
#[must_use]
pub fn order_descending(scores: &[f64]) -> Vec<u32> {
    let (packed, index_bits) = sort_packed(scores);
    let index_mask = 1u64.checked_shl(index_bits).unwrap_or(0).wrapping_sub(1);
    packed
        .into_iter()
        .map(|item| (item & index_mask) as u32)
        .collect()
}

/// The order of [`order_descending`] and the competition rank of each position in it (equal
/// scores share the rank of the first of them: 1, 2, 2, 4), computed together without looking
/// scores up again except where two truncated keys are equal.
#[must_use]
pub fn rank_descending(scores: &[f64]) -> (Vec<u32>, Vec<u32>) {
    let (packed, index_bits) = sort_packed(scores);
    let index_mask = 1u64.checked_shl(index_bits).unwrap_or(0).wrapping_sub(1);
    let score_of = |item: u64| {
        scores
            .get((item & index_mask) as usize)
            .map(|score| score.to_bits())
    };
    let mut order = Vec::with_capacity(packed.len());
    let mut ranks = Vec::with_capacity(packed.len());
    let mut previous: Option<(u64, u32)> = None;
    for (position, item) in (1u32..).zip(&packed) {
        let rank = match previous {
            Some((before, rank))
                if before >> index_bits == item >> index_bits && score_of(before) == score_of(*item) =>
            {
                rank
            }
            _ => position,
        };
        order.push((item & index_mask) as u32);
        ranks.push(rank);
        previous = Some((*item, rank));
    }
    (order, ranks)
}

/// Rows packed as (truncated inverted score bits, row) and sorted by descending score, ties by
/// row; returns the packed rows and the number of low bits that hold the row.
fn sort_packed(scores: &[f64]) -> (Vec<u64>, u32) {
    let key = |score: f64| !score.max(0.0).to_bits();
    let rows = scores.len();
    let index_bits = usize::BITS
        .saturating_sub(rows.saturating_sub(1).leading_zeros())
        .max(1);
    let index_mask = 1u64.checked_shl(index_bits).unwrap_or(0).wrapping_sub(1);
    let mut packed: Vec<u64> = scores
        .iter()
        .zip(0u64..)
        .map(|(score, row)| (key(*score) >> index_bits << index_bits) | row)
        .collect();
    radix_sort(&mut packed, index_bits);
    let row_of = |item: u64| (item & index_mask) as usize;
    let full_key = |item: u64| scores.get(row_of(item)).map_or(u64::MAX, |score| key(*score));
    let same_truncated = |pair: &[u64]| match pair {
        [a, b] => a >> index_bits == b >> index_bits,
        _ => false,
    };
    let mut start = 0;
    while let Some(offset) = packed
        .get(start..)
        .and_then(|rest| rest.windows(2).position(same_truncated))
    {
        let run_start = start.saturating_add(offset);
        let run_len = packed
            .get(run_start..)
            .unwrap_or(&[])
            .windows(2)
            .take_while(|pair| same_truncated(pair))
            .count()
            .saturating_add(1);
        if let Some(run) = packed.get_mut(run_start..run_start.saturating_add(run_len)) {
            run.sort_by_key(|item| (full_key(*item), row_of(*item)));
        }
        start = run_start.saturating_add(run_len);
    }
    (packed, index_bits)
}

/// The `k` best rows by descending score (ties by ascending row), best first, found by
/// selection rather than a full sort.
#[must_use]
pub fn top_descending(scores: &[f64], k: usize) -> Vec<u32> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    if k == 0 {
        return Vec::new();
    }
    // A min-heap of the best k keys seen: its top is the weakest of them.
    let mut heap: BinaryHeap<Reverse<(u64, Reverse<u32>)>> = BinaryHeap::with_capacity(k.saturating_add(1));
    for (score, row) in scores.iter().zip(0u32..) {
        let key = (score.max(0.0).to_bits(), Reverse(row));
        if heap.len() < k {
            heap.push(Reverse(key));
        } else if heap.peek().is_some_and(|Reverse(weakest)| key > *weakest) {
            heap.pop();
            heap.push(Reverse(key));
        }
    }
    let mut best: Vec<(u64, Reverse<u32>)> = heap.into_iter().map(|Reverse(key)| key).collect();
    best.sort_unstable_by(|a, b| b.cmp(a));
    best.into_iter().map(|(_, Reverse(row))| row).collect()
}

/// Competition ranks (1, 2, 2, 4) for rows listed in `order`: equal scores share the rank of
/// the first of them.
#[must_use]
pub fn competition_ranks(scores: &[f64], order: &[u32]) -> Vec<u32> {
    let mut ranks = Vec::with_capacity(order.len());
    let mut previous: Option<(f64, u32)> = None;
    for (position, row) in (1u32..).zip(order) {
        let score = scores.get(*row as usize).copied().unwrap_or(0.0);
        let rank = match previous {
            Some((previous_score, previous_rank)) if previous_score.to_bits() == score.to_bits() => {
                previous_rank
            }
            _ => position,
        };
        ranks.push(rank);
        previous = Some((score, rank));
    }
    ranks
}

/// Stable least-significant-digit radix sort of `items` by their bits from `low_bit` up, 11
/// bits a pass, with every pass's histogram counted in one read and passes skipped where every
/// item shares the digit.
fn radix_sort(items: &mut Vec<u64>, low_bit: u32) {
    const BITS: u32 = 11;
    const BUCKETS: usize = 1 << BITS;
    let shifts: Vec<u32> = (low_bit..64).step_by(BITS as usize).collect();
    let mut histograms = vec![[0usize; BUCKETS]; shifts.len()];
    for item in items.iter() {
        for (histogram, shift) in histograms.iter_mut().zip(&shifts) {
            if let Some(count) = histogram.get_mut(((item >> shift) as usize) & (BUCKETS - 1)) {
                *count = count.saturating_add(1);
            }
        }
    }
    let mut buffer: Vec<u64> = vec![0; items.len()];
    for (histogram, shift) in histograms.iter_mut().zip(&shifts) {
        if histogram.contains(&items.len()) {
            continue;
        }
        let mut next = 0;
        for count in histogram.iter_mut() {
            let here = *count;
            *count = next;
            next = next.saturating_add(here);
        }
        for item in items.iter() {
            if let Some(slot) = histogram.get_mut(((item >> shift) as usize) & (BUCKETS - 1)) {
                if let Some(target) = buffer.get_mut(*slot) {
                    *target = *item;
                }
                *slot = slot.saturating_add(1);
            }
        }
        std::mem::swap(items, &mut buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_descending_score_with_ties_by_row() {
        let scores = [0.5, 0.9, 0.5, 0.0, 1.0, 0.9];
        assert_eq!(order_descending(&scores), vec![4, 1, 5, 0, 2, 3]);
        assert_eq!(top_descending(&scores, 3), vec![4, 1, 5]);
        assert_eq!(top_descending(&scores, 10), vec![4, 1, 5, 0, 2, 3]);
        let order = order_descending(&scores);
        assert_eq!(competition_ranks(&scores, &order), vec![1, 2, 2, 4, 4, 6]);
        assert_eq!(rank_descending(&scores), (order, vec![1, 2, 2, 4, 4, 6]));
    }

    #[test]
    fn radix_order_matches_a_comparison_sort() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let scores: Vec<f64> = (0..5_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 1_000) as f64 / 997.0
            })
            .collect();
        let mut expected: Vec<u32> = (0..scores.len() as u32).collect();
        expected.sort_by(|a, b| scores[*b as usize].total_cmp(&scores[*a as usize]).then(a.cmp(b)));
        assert_eq!(order_descending(&scores), expected);
        assert_eq!(top_descending(&scores, 25), expected[..25].to_vec());
        let (order, ranks) = rank_descending(&scores);
        assert_eq!(ranks, competition_ranks(&scores, &order));
    }

    #[test]
    fn topsis_matches_a_hand_computed_example() {
        // Three alternatives, two benefit criteria, weights 0.6 / 0.4, min-max bounds.
        let matrix =
            CriteriaMatrix::from_row_major(&[1.0, 3.0, 2.0, 1.0, 3.0, 2.0], &[Direction::Benefit; 2])
                .unwrap();
        let bounds = matrix.data_bounds();
        let scoring = Scoring::new(
            Method::Topsis,
            &[0.6, 0.4],
            bounds,
            vec![MissingPolicy::Reweight; 2],
        )
        .unwrap();
        let scores = scoring.score(&matrix).unwrap();
        // Normalised: a = (0, 1), b = (0.5, 0), c = (1, 0.5). Weighted: a = (0, .4),
        // b = (.3, 0), c = (.6, .2). d- = |v|, d+ = |v - (.6, .4)|.
        let expected = |anti: f64, ideal: f64| anti / (anti + ideal);
        let a = expected(0.4, 0.6);
        let b = expected(0.3, (0.09f64 + 0.16).sqrt());
        let c = expected((0.36f64 + 0.04).sqrt(), 0.2);
        for (got, want) in scores.iter().zip([a, b, c]) {
            assert!((got - want).abs() < 1e-12, "{got} vs {want}");
        }
        for (row, expected) in scores.iter().enumerate() {
            let (score, contributions) = scoring.explain_row(&matrix, row).unwrap();
            assert!((score - expected).abs() < 1e-12);
            let sum: f64 = contributions.iter().flatten().sum();
            assert!((sum - score).abs() < 1e-12);
        }
    }

    #[test]
    fn weighted_sum_matches_a_hand_computed_example() {
        let matrix = CriteriaMatrix::from_row_major(
            &[10.0, 100.0, 20.0, 300.0],
            &[Direction::Benefit, Direction::Cost],
        )
        .unwrap();
        let bounds = vec![
            Bounds {
                worst: 0.0,
                best: 40.0,
            },
            Bounds {
                worst: 400.0,
                best: 0.0,
            },
        ];
        let scoring = Scoring::new(
            Method::WeightedSum,
            &[3.0, 1.0],
            bounds,
            vec![MissingPolicy::Reweight; 2],
        )
        .unwrap();
        let scores = scoring.score(&matrix).unwrap();
        assert!((scores[0] - (0.75 * 0.25 + 0.25 * 0.75)).abs() < 1e-12);
        assert!((scores[1] - (0.75 * 0.5 + 0.25 * 0.25)).abs() < 1e-12);
    }

    #[test]
    fn missing_values_never_poison_other_rows() {
        let mut matrix = CriteriaMatrix::new(3);
        matrix
            .push_column(
                Direction::Benefit,
                vec![0.2, 0.0, 0.8],
                Some(vec![false, true, false]),
            )
            .unwrap();
        matrix
            .push_column(Direction::Benefit, vec![0.5, 0.5, 0.5], None)
            .unwrap();
        let bounds = vec![
            Bounds {
                worst: 0.0,
                best: 1.0
            };
            2
        ];
        let scoring = Scoring::new(
            Method::WeightedSum,
            &[1.0, 1.0],
            bounds.clone(),
            vec![MissingPolicy::Reweight; 2],
        )
        .unwrap();
        let scores = scoring.score(&matrix).unwrap();
        assert_eq!(scores, vec![0.35, 0.5, 0.65]);
        let worst = Scoring::new(
            Method::WeightedSum,
            &[1.0, 1.0],
            bounds,
            vec![MissingPolicy::ScoreAsWorst; 2],
        )
        .unwrap();
        assert!((worst.score(&matrix).unwrap()[1] - 0.25).abs() < 1e-15);
        assert!(
            matrix
                .push_column(Direction::Cost, vec![f64::NAN, 1.0, 1.0], None)
                .is_err()
        );
    }

    #[test]
    fn weights_must_be_usable() {
        let bounds = vec![
            Bounds {
                worst: 0.0,
                best: 1.0
            };
            2
        ];
        let policies = vec![MissingPolicy::Reweight; 2];
        assert!(Scoring::new(Method::WeightedSum, &[0.0, 0.0], bounds.clone(), policies.clone()).is_err());
        assert!(
            Scoring::new(
                Method::WeightedSum,
                &[-1.0, 2.0],
                bounds.clone(),
                policies.clone()
            )
            .is_err()
        );
        assert!(Scoring::new(Method::WeightedSum, &[f64::NAN, 2.0], bounds, policies).is_err());
    }
}
