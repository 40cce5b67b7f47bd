//! The criteria matrix: one column of raw values per criterion, one row per alternative, with
//! the direction of each criterion and the bounds it is normalised against.
//!
//! [`Selector`](super::Selector) builds a [`CriteriaMatrix`] from a catalogue and a profile; the
//! same matrix can hold any numeric decision matrix, so the scoring can be checked against other
//! MCDA libraries on identical data.

use super::order::order_descending;
use crate::error::{Error, Result};

/// Whether more of a criterion is better or worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Higher values are better (a graduation rate).
    Benefit,
    /// Lower values are better (a cost).
    Cost,
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
            // `+ 0.0` turns the -0 of a value at `worst` on a descending range into 0, as the
            // streaming pass scores it, so that a score is never -0 (which would order first).
            ((value - self.worst) / width).clamp(0.0, 1.0) + 0.0
        }
    }

    /// The scale that maps a distance from `worst` to the normalised value, times `weight`
    /// (0 for an empty range, not finite for a range too narrow to invert).
    pub(super) fn weighted_scale(self, weight: f64) -> f64 {
        let width = self.best - self.worst;
        if width == 0.0 { 0.0 } else { weight / width }
    }
}

/// A column-major matrix of raw criterion values: one column per criterion, one row per
/// alternative, with the cells that have no value marked.
#[derive(Debug, Clone, PartialEq)]
pub struct CriteriaMatrix {
    rows: usize,
    pub(super) columns: Vec<Column>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Column {
    pub(super) direction: Direction,
    pub(super) values: Vec<f64>,
    /// `Some` only when at least one cell is missing; `true` marks a missing cell.
    pub(super) missing: Option<Vec<bool>>,
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
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the length is not a multiple of the column count or a value is
    /// not finite.
    pub fn from_row_major(values: &[f64], directions: &[Direction]) -> Result<Self> {
        let width = directions.len();
        if width == 0 || values.len().checked_rem(width) != Some(0) {
            return Err(Error::invalid_field(
                "matrix",
                format!(
                    "{} values do not fill whole rows of {width} columns",
                    values.len()
                ),
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
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if a length differs from the row count, a present value is not
    /// finite, or the matrix would pass [`CriteriaMatrix::MAX_COLUMNS`] or
    /// [`CriteriaMatrix::MAX_ROWS`].
    pub fn push_column(
        &mut self,
        direction: Direction,
        values: Vec<f64>,
        missing: Option<Vec<bool>>,
    ) -> Result<()> {
        if self.columns.len() >= Self::MAX_COLUMNS {
            return Err(Error::invalid_field(
                "matrix",
                format!(
                    "{} columns are more than the limit of {}",
                    self.columns.len().saturating_add(1),
                    Self::MAX_COLUMNS
                ),
            ));
        }
        if self.rows > Self::MAX_ROWS {
            return Err(Error::invalid_field(
                "matrix",
                format!("{} rows are more than the limit of {}", self.rows, Self::MAX_ROWS),
            ));
        }
        if values.len() != self.rows || missing.as_ref().is_some_and(|m| m.len() != self.rows) {
            return Err(Error::invalid_field(
                "matrix",
                format!(
                    "a column of {} values (or missing marks) does not fit the {} rows",
                    values.len(),
                    self.rows
                ),
            ));
        }
        let missing = missing.filter(|marks| marks.iter().any(|missing| *missing));
        let not_finite = match &missing {
            None => values.iter().copied().find(|value| !value.is_finite()),
            Some(marks) => values
                .iter()
                .zip(marks)
                .find(|(value, missing)| !**missing && !value.is_finite())
                .map(|(value, _)| *value),
        };
        if let Some(bad) = not_finite {
            return Err(Error::invalid("matrix", bad, "is not a finite number"));
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

    /// The rows that no other row dominates after normalising with `bounds` (missing cells
    /// count as 0): the Pareto set, in no particular order.
    ///
    /// Sort-filter-skyline: rows are visited by descending sum of normalised values, so a row
    /// can only be dominated by one visited before it, and is checked against the front found
    /// so far.
    #[must_use]
    pub fn pareto_front(&self, bounds: &[Bounds]) -> Vec<u32> {
        let width = self.columns();
        let rows = self.rows();
        let mut normalised = vec![0.0f64; rows.saturating_mul(width)];
        for (column, bound) in bounds.iter().enumerate().take(width) {
            for row in 0..rows {
                if let (Some(cell), Some(value)) = (
                    normalised.get_mut(row.saturating_mul(width).saturating_add(column)),
                    self.value(row, column),
                ) {
                    *cell = bound.normalise(value);
                }
            }
        }
        let sums: Vec<f64> = normalised
            .chunks(width.max(1))
            .map(|row| row.iter().sum())
            .collect();
        let order = order_descending(&sums);
        let mut front: Vec<u32> = Vec::new();
        let row_of = |row: u32| {
            normalised
                .get(
                    (row as usize).saturating_mul(width)
                        ..(row as usize).saturating_add(1).saturating_mul(width),
                )
                .unwrap_or(&[])
        };
        for candidate in order {
            let values = row_of(candidate);
            let dominated = front.iter().any(|member| {
                let other = row_of(*member);
                let mut strictly = false;
                for (a, b) in other.iter().zip(values) {
                    if a < b {
                        return false;
                    }
                    strictly |= a > b;
                }
                strictly
            });
            if !dominated {
                front.push(candidate);
            }
        }
        front
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pareto_front_keeps_undominated_rows() {
        // Rows: (1, 1) dominates (0.5, 0.5); (1, 0) and (0, 1) are dominated by (1, 1) too;
        // (1, 1) twice: neither dominates the other.
        let matrix = CriteriaMatrix::from_row_major(
            &[1.0, 1.0, 0.5, 0.5, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0],
            &[Direction::Benefit, Direction::Benefit],
        )
        .unwrap();
        let bounds = vec![
            Bounds {
                worst: 0.0,
                best: 1.0
            };
            2
        ];
        let mut front = matrix.pareto_front(&bounds);
        front.sort_unstable();
        assert_eq!(front, vec![0, 4]);
        let matrix =
            CriteriaMatrix::from_row_major(&[1.0, 0.0, 0.0, 1.0, 0.4, 0.4], &[Direction::Benefit; 2])
                .unwrap();
        let mut front = matrix.pareto_front(&bounds);
        front.sort_unstable();
        assert_eq!(front, vec![0, 1, 2]);
    }
}
