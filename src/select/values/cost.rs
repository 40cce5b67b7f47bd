//! The values of cost and length.

use super::reading::{FromProgram, Number, Reading, Value, fixed};
use crate::program::{Cost, Program, Residency};
use crate::select::facts::Student;
use crate::value::{Money, UsState};

/// A program's total costs, and what decides which one a student pays: read by the total-cost
/// criterion and the cost constraint alike.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CostCell {
    /// In-state and out-of-state totals; `None` when the cost is unknown.
    totals: Option<[Money; 2]>,
    campus: UsState,
    /// Whether the totals are estimates.
    pub(crate) estimate: bool,
}

impl CostCell {
    /// What `program`'s cost is.
    pub(crate) fn of(program: &Program) -> Self {
        let cost = program.cost();
        Self {
            totals: cost
                .total(Residency::InState)
                .zip(cost.total(Residency::OutOfState))
                .map(|(in_state, out_of_state)| [in_state, out_of_state]),
            campus: program.institution().state(),
            estimate: cost.known().is_some_and(Cost::is_estimate),
        }
    }

    /// Which tuition a student living in `home` pays: in-state where the campus is in the home
    /// state.
    pub(crate) fn residency(self, home: UsState) -> Residency {
        if self.campus == home {
            Residency::InState
        } else {
            Residency::OutOfState
        }
    }

    /// The total a student living in `home` pays, `None` when the cost is unknown.
    pub(crate) fn total(self, home: UsState) -> Option<Money> {
        let [in_state, out_of_state] = self.totals?;
        Some(match self.residency(home) {
            Residency::InState => in_state,
            Residency::OutOfState => out_of_state,
        })
    }
}

/// [`Criterion::TotalCost`]: the total for the student's residency.
pub(crate) struct TotalCost;

impl Value for TotalCost {
    type Cell = CostCell;
    /// For an in-state and an out-of-state student.
    type Text = [String; 2];

    fn prepare(program: &Program) -> (CostCell, [String; 2]) {
        let cell = CostCell::of(program);
        let text = |total: Money, residency: Residency| {
            if cell.estimate {
                format!("{total} ({residency}, estimate)")
            } else {
                format!("{total} ({residency})")
            }
        };
        let texts = match cell.totals {
            Some([in_state, out_of_state]) => [
                text(in_state, Residency::InState),
                text(out_of_state, Residency::OutOfState),
            ],
            None => [
                "unknown (no published tuition)".to_owned(),
                "unknown (no published tuition)".to_owned(),
            ],
        };
        (cell, texts)
    }

    fn read<'a>(cell: CostCell, texts: &'a [String; 2], student: &Student<'_>) -> Reading<'a> {
        let [in_state, out_of_state] = texts;
        let text = match cell.residency(student.home) {
            Residency::InState => in_state,
            Residency::OutOfState => out_of_state,
        };
        fixed(cell.total(student.home).map(Money::as_f64), text)
    }
}

/// [`Criterion::Length`]: the program's length, or the level's typical one.
pub(crate) struct Length;

impl FromProgram for Length {
    fn prepare(program: &Program) -> (Number, String) {
        let months = program.length_months();
        let text = if program.length_basis().is_program() {
            format!("{months} months")
        } else {
            format!("{months} months (typical for the level)")
        };
        (Some(f64::from(months)), text)
    }
}
