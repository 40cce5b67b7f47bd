//! Each criterion's value, defined once: what it keeps of each program (prepared once when the
//! selector is built, with its explanation text wherever that depends on the program alone),
//! and how the value and its text follow from that and the student. The criteria matrix, the
//! explanations, the missing-data exclusions and comparisons all read values here, so that
//! they cannot disagree.
//!
//! Adding a criterion is one [`Value`] implementation (or [`FromProgram`], for a value that
//! depends on the program alone) and one entry in the list at the end.

mod cost;
mod distance;
mod outcomes;
mod program;
mod reading;

use std::fmt;

pub(crate) use cost::CostCell;
use cost::{Length, TotalCost};
use distance::Distance;
use outcomes::{EmploymentRate, ExamPassRate, ExpectedEarnings, GraduationRate, InstitutionEarnings};
use program::{CareerSupport, DeliveryPreference, PracticeExperience, SkillCoverage};
pub(crate) use reading::Reading;
use reading::{Fixed, Value};

use super::criteria::Criterion;
use super::facts::{Facts, Student};
use crate::program::{Program, Residency};

/// One criterion's prepared column: its cell and text for every program, in row order.
struct Column<V: Value> {
    cells: Vec<V::Cell>,
    texts: Vec<V::Text>,
}

impl<V: Value> fmt::Debug for Column<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Column")
            .field("cells", &self.cells)
            .field("texts", &self.texts)
            .finish()
    }
}

impl<V: Value> Column<V> {
    fn new(programs: &[Program]) -> Self {
        let (cells, texts) = programs.iter().map(V::prepare).unzip();
        Self { cells, texts }
    }

    fn read(&self, row: usize, student: &Student<'_>) -> Option<Reading<'_>> {
        let (cell, text) = self.cells.get(row).zip(self.texts.get(row))?;
        Some(V::read(*cell, text, student))
    }

    fn raw(&self, row: usize, student: &Student<'_>) -> Option<f64> {
        let (cell, text) = self.cells.get(row).zip(self.texts.get(row))?;
        V::raw(*cell, text, student)
    }
}

/// Something done with one criterion's column, whichever its kind (see [`Values::visit`]).
trait Visit<'c> {
    type Out;
    fn column<V: Value>(self, column: &'c Column<V>) -> Self::Out;
}

/// Fills a criterion's matrix column (see [`Values::fill`]).
struct Fill<'v, 's> {
    rows: &'v [u32],
    student: &'v Student<'s>,
    values: &'v mut Vec<f64>,
    missing: &'v mut Vec<bool>,
}

impl<'c> Visit<'c> for Fill<'_, '_> {
    type Out = ();

    fn column<V: Value>(self, column: &'c Column<V>) {
        for row in self.rows {
            let value = column.raw(*row as usize, self.student);
            self.values.push(value.unwrap_or(0.0));
            self.missing.push(value.is_none());
        }
    }
}

/// Reads one row's value (see [`Values::read`]).
struct ReadRow<'v, 's> {
    row: usize,
    student: &'v Student<'s>,
}

impl<'c> Visit<'c> for ReadRow<'_, '_> {
    type Out = Option<Reading<'c>>;

    fn column<V: Value>(self, column: &'c Column<V>) -> Option<Reading<'c>> {
        column.read(self.row, self.student)
    }
}

/// Lists every criterion with its field and its [`Value`]: the prepared columns and the one
/// dispatch from a [`Criterion`] to its column come from this list.
macro_rules! values {
    ($($criterion:ident => $field:ident: $value:ty,)*) => {
        /// Every criterion's prepared column, read once from the programs when the selector is
        /// built.
        #[derive(Debug)]
        pub(crate) struct Values {
            $($field: Column<$value>,)*
        }

        impl Values {
            /// Reads `programs` (in row order) into one column per criterion.
            pub(crate) fn new(programs: &[Program]) -> Self {
                Self {
                    $($field: Column::new(programs),)*
                }
            }

            /// Does `visit` with the column of `criterion`.
            fn visit<'c, V: Visit<'c>>(&'c self, criterion: Criterion, visit: V) -> V::Out {
                match criterion {
                    $(Criterion::$criterion => visit.column(&self.$field),)*
                }
            }
        }
    };
}

values! {
    TotalCost => total_cost: TotalCost,
    Length => length: Fixed<Length>,
    GraduationRate => graduation_rate: GraduationRate,
    EmploymentRate => employment_rate: EmploymentRate,
    ExamPassRate => exam_pass_rate: ExamPassRate,
    PracticeExperience => practice_experience: Fixed<PracticeExperience>,
    CareerSupport => career_support: Fixed<CareerSupport>,
    SkillCoverage => skill_coverage: SkillCoverage,
    DeliveryPreference => delivery_preference: DeliveryPreference,
    ExpectedEarnings => expected_earnings: ExpectedEarnings,
    InstitutionEarnings => institution_earnings: InstitutionEarnings,
    Distance => distance: Distance,
}

impl Values {
    /// The value of `criterion` for row `row` and `student` (`None` for a row not prepared).
    pub(crate) fn read(
        &self,
        criterion: Criterion,
        row: usize,
        student: &Student<'_>,
    ) -> Option<Reading<'_>> {
        self.visit(criterion, ReadRow { row, student })
    }

    /// The number of `criterion` for row `row` and `student`, `None` where it is missing.
    pub(crate) fn value(&self, criterion: Criterion, row: usize, student: &Student<'_>) -> Option<f64> {
        self.read(criterion, row, student)
            .and_then(|reading| reading.raw())
    }

    /// Fills `values` and `missing` (cleared first) with the column of `criterion` over
    /// `rows`: each cell's number (0 where missing), and whether it is missing.
    pub(crate) fn fill(
        &self,
        criterion: Criterion,
        rows: &[u32],
        student: &Student<'_>,
        values: &mut Vec<f64>,
        missing: &mut Vec<bool>,
    ) {
        values.clear();
        missing.clear();
        self.visit(
            criterion,
            Fill {
                rows,
                student,
                values,
                missing,
            },
        );
    }

    /// The facts about row `row` for `student`: residency, total cost, expected earnings and
    /// distance, from the same cells as their criteria.
    pub(crate) fn facts(&self, row: usize, student: &Student<'_>) -> Facts {
        let cost = self.total_cost.cells.get(row).copied();
        Facts {
            residency: cost.map_or(Residency::OutOfState, |cost| cost.residency(student.home)),
            total_cost: cost.and_then(|cost| cost.total(student.home)),
            cost_is_estimate: cost.is_some_and(|cost| cost.estimate),
            earnings: self
                .expected_earnings
                .cells
                .get(row)
                .and_then(|cell| cell.expected(student)),
            distance: self.distance.cells.get(row).and_then(|cell| {
                match Distance::read(*cell, &(), student) {
                    Reading::Value {
                        shown: reading::Shown::Distance(distance),
                        ..
                    } => Some(distance),
                    _ => None,
                }
            }),
        }
    }
}
