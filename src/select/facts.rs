//! The facts about one program that depend on the student: residency, total cost for that
//! residency, and expected earnings with where they come from.

use crate::career::HimOccupation;
use crate::outcome::Outcome;
use crate::program::{Cost, Program, Residency};
use crate::value::{Money, UsState};
use crate::wage::{Area, WageStatistics};

/// The profile-specific facts about one program that scoring needs.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    pub(crate) residency: Residency,
    /// The total cost for that residency, `None` when the cost is unknown.
    pub(crate) total_cost: Option<Money>,
    /// Whether the total cost is an estimate.
    pub(crate) cost_is_estimate: bool,
    /// Expected earnings, and the index in [`EarningsFallback`] of the wage statistics they
    /// come from (`None`: the program's own reported earnings).
    pub(crate) earnings: Option<(Money, Option<usize>)>,
}

/// The wage figures expected earnings fall back on when a program reports none: all-industry
/// rows with a published median.
#[derive(Debug, Clone, Default)]
pub(crate) struct EarningsFallback {
    wages: Vec<WageStatistics>,
}

impl EarningsFallback {
    /// Keeps the rows of `wages` that can stand for a program's expected earnings.
    pub(crate) fn new(wages: &[WageStatistics]) -> Self {
        Self {
            wages: wages
                .iter()
                .filter(|wages| wages.industry().is_none() && wages.median().amount().is_some())
                .cloned()
                .collect(),
        }
    }

    /// The wage statistics at `index`, as [`Facts::earnings`] names them.
    pub(crate) fn get(&self, index: usize) -> Option<&WageStatistics> {
        self.wages.get(index)
    }

    /// The facts about `program` for a student living in `home`.
    pub(crate) fn facts(&self, program: &Program, home: UsState) -> Facts {
        let residency = program.residency_for(home);
        Facts {
            residency,
            total_cost: program.cost().total(residency),
            cost_is_estimate: program.cost().known().is_some_and(Cost::is_estimate),
            earnings: self.expected_earnings(program, home),
        }
    }

    /// The program's reported median earnings, else the latest median of the occupation its
    /// level prepares for, in the student's state where there is a figure, else the nation.
    fn expected_earnings(&self, program: &Program, home: UsState) -> Option<(Money, Option<usize>)> {
        if let Outcome::Reported { value, .. } = &program.outcomes().median_earnings {
            return Some((*value, None));
        }
        let soc = HimOccupation::typical_for(program.degree_level()).soc();
        let latest = |area: &Area| {
            self.wages
                .iter()
                .enumerate()
                .filter(|(_, wages)| wages.occupation() == soc && wages.area() == area)
                .max_by_key(|(_, wages)| wages.period())
        };
        let (index, figure) = latest(&Area::State { state: home }).or_else(|| latest(&Area::National))?;
        Some((figure.median().amount()?, Some(index)))
    }
}
