//! Each criterion's value, defined once: what it keeps of each program (prepared once when the
//! selector is built, with its explanation text wherever that depends on the program alone),
//! and how the value and its text follow from that and the student. The criteria matrix, the
//! explanations, the missing-data exclusions and comparisons all read values here, so that
//! they cannot disagree.
//!
//! Adding a criterion is one [`Value`] implementation (or [`FromProgram`], for a value that
//! depends on the program alone) and one entry in the list at the end.

use std::fmt;
use std::marker::PhantomData;

use super::criteria::Criterion;
use super::facts::{Facts, Student};
use crate::career::HimOccupation;
use crate::career::SkillSet;
use crate::program::Outcome;
use crate::program::{Cost, DeliveryMode, DeliveryState, Program, Residency};
use crate::value::{Money, Rate, UsState};

/// How one criterion's value is kept and read.
pub(crate) trait Value {
    /// What the value keeps of each program: read for every row a ranking scores, so small.
    type Cell: Copy + fmt::Debug;
    /// The explanation text kept for each program, formatted once where it does not depend on
    /// the student (the formatting would otherwise dominate a ranking with explanations).
    type Text: fmt::Debug;
    /// What the value keeps of `program`.
    fn prepare(program: &Program) -> (Self::Cell, Self::Text);
    /// The value for `student`: the number scoring uses and what an explanation shows, or why
    /// there is none.
    fn read<'a>(cell: Self::Cell, text: &'a Self::Text, student: &Student<'_>) -> Reading<'a>;
}

/// A program's value for one criterion, or why it has none.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reading<'a> {
    /// The number scoring uses, and what an explanation shows for it.
    Value { raw: f64, shown: Shown<'a> },
    /// No value, and why.
    Missing(Shown<'a>),
}

impl Reading<'_> {
    /// The number scoring uses, if there is one.
    pub(crate) fn raw(&self) -> Option<f64> {
        match self {
            Self::Value { raw, .. } => Some(*raw),
            Self::Missing(_) => None,
        }
    }
}

impl Reading<'_> {
    /// The value as an explanation shows it, or why there is none.
    pub(crate) fn text(&self) -> String {
        match self {
            Self::Value { shown, .. } | Self::Missing(shown) => shown.text(),
        }
    }
}

/// A text an explanation shows (`$9,280 (in-state)`, `68.0% (2023)`, `yes`, `not reported`);
/// formatted only when shown, where it depends on the student.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shown<'a> {
    /// Formatted once when prepared.
    Text(&'a str),
    /// `2 of 3`.
    Count {
        count: u32,
        of: u32,
    },
    Money(Money),
}

impl Shown<'_> {
    /// The text: a text formatted once is copied at its exact size, not formatted again.
    pub(crate) fn text(&self) -> String {
        match self {
            Self::Text(text) => (*text).to_owned(),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => f.write_str(text),
            Self::Count { count, of } => write!(f, "{count} of {of}"),
            Self::Money(money) => write!(f, "{money}"),
        }
    }
}

/// What is shown for a value that is not known and has no more specific reason.
const UNKNOWN: &str = "unknown";

/// A criterion's number, `None` when it is missing.
type Number = Option<f64>;

/// The reading of a number whose text was formatted once.
fn fixed(cell: Number, text: &str) -> Reading<'_> {
    match cell {
        Some(raw) => Reading::Value {
            raw,
            shown: Shown::Text(text),
        },
        None => Reading::Missing(Shown::Text(text)),
    }
}

/// A reported outcome rate as a value: shown as the outcome is, reported or not.
fn rate(outcome: &Outcome<Rate>) -> (Number, String) {
    let raw = match outcome {
        Outcome::Reported { value, .. } => Some(value.get()),
        _ => None,
    };
    (raw, outcome.to_string())
}

/// A value that depends on the program alone: its number and its text, formatted once.
trait FromProgram {
    fn prepare(program: &Program) -> (Number, String);
}

/// A [`FromProgram`] value.
struct Fixed<F>(PhantomData<F>);

impl<F: FromProgram> Value for Fixed<F> {
    type Cell = Number;
    type Text = String;

    fn prepare(program: &Program) -> (Number, String) {
        F::prepare(program)
    }

    fn read<'a>(cell: Number, text: &'a String, _: &Student<'_>) -> Reading<'a> {
        fixed(cell, text)
    }
}

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

/// What expected earnings keep of a program: its own reported median, and the occupation its
/// level prepares for, whose wage figure stands in without one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EarningsCell {
    reported: Option<Money>,
    occupation: HimOccupation,
}

impl EarningsCell {
    /// The expected earnings for `student`: the program's reported median earnings, else the
    /// latest median of the occupation its level prepares for, in the student's state where
    /// there is a figure, else the nation; with the index of the wage statistics they come
    /// from (`None`: the program's own).
    pub(crate) fn expected(self, student: &Student<'_>) -> Option<(Money, Option<usize>)> {
        match self.reported {
            Some(reported) => Some((reported, None)),
            None => student
                .fallback
                .occupation_earnings(self.occupation, student.home),
        }
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

/// The reported outcome rates, each a value that depends on the program alone.
macro_rules! reported_rates {
    ($($(#[$doc:meta])* $name:ident: $outcome:ident,)*) => {$(
        $(#[$doc])*
        pub(crate) struct $name;

        impl FromProgram for $name {
            fn prepare(program: &Program) -> (Number, String) {
                rate(&program.outcomes().$outcome)
            }
        }
    )*};
}

reported_rates! {
    /// [`Criterion::GraduationRate`].
    GraduationRate: graduation_rate,
    /// [`Criterion::EmploymentRate`].
    EmploymentRate: employment_rate,
    /// [`Criterion::ExamPassRate`].
    ExamPassRate: exam_pass_rate,
}

/// [`Criterion::PracticeExperience`]: 1 or 0.
pub(crate) struct PracticeExperience;

impl FromProgram for PracticeExperience {
    fn prepare(program: &Program) -> (Number, String) {
        match program.professional_practice_experience() {
            Some(has) => (
                Some(f64::from(u8::from(has))),
                if has { "yes" } else { "no" }.to_owned(),
            ),
            None => (None, UNKNOWN.to_owned()),
        }
    }
}

/// [`Criterion::CareerSupport`]: the share of the three kinds offered.
pub(crate) struct CareerSupport;

impl FromProgram for CareerSupport {
    fn prepare(program: &Program) -> (Number, String) {
        match program.career_support() {
            Some(support) => {
                let count = support.count();
                (
                    Some(f64::from(count) / 3.0),
                    Shown::Count {
                        count: u32::from(count),
                        of: 3,
                    }
                    .to_string(),
                )
            }
            None => (None, UNKNOWN.to_owned()),
        }
    }
}

/// [`Criterion::SkillCoverage`]: the share of the student's desired skills covered (0 when
/// none are desired).
pub(crate) struct SkillCoverage;

impl Value for SkillCoverage {
    type Cell = Option<SkillSet>;
    type Text = ();

    fn prepare(program: &Program) -> (Option<SkillSet>, ()) {
        (program.skills(), ())
    }

    fn read<'a>(cell: Option<SkillSet>, (): &'a (), student: &Student<'_>) -> Reading<'a> {
        let Some(skills) = cell else {
            return Reading::Missing(Shown::Text(UNKNOWN));
        };
        let wanted = student.terms.desired_skills;
        let covered = skills.intersection(wanted).len();
        Reading::Value {
            raw: if wanted.is_empty() {
                0.0
            } else {
                covered as f64 / wanted.len() as f64
            },
            shown: Shown::Count {
                count: covered as u32,
                of: wanted.len() as u32,
            },
        }
    }
}

/// [`Criterion::DeliveryPreference`]: 1 minus the distance between the program's distance
/// share and the preferred delivery's (online 1, hybrid 0.5, on campus or none 0).
pub(crate) struct DeliveryPreference;

impl Value for DeliveryPreference {
    /// The distance share.
    type Cell = Number;
    type Text = String;

    fn prepare(program: &Program) -> (Number, String) {
        match program.delivery() {
            DeliveryState::Known(delivery) => (
                Some(delivery.distance_share().get()),
                format!(
                    "{} ({} at a distance)",
                    delivery.mode(),
                    delivery.distance_share()
                ),
            ),
            unknown => (None, unknown.to_string()),
        }
    }

    fn read<'a>(cell: Number, text: &'a String, student: &Student<'_>) -> Reading<'a> {
        let target = match student.terms.preferred_delivery {
            Some(DeliveryMode::Online) => 1.0,
            Some(DeliveryMode::Hybrid) => 0.5,
            Some(DeliveryMode::OnCampus) | None => 0.0,
        };
        fixed(cell.map(|share| 1.0 - (share - target).abs()), text)
    }
}

/// [`Criterion::ExpectedEarnings`]: see [`EarningsCell::expected`].
pub(crate) struct ExpectedEarnings;

impl Value for ExpectedEarnings {
    type Cell = EarningsCell;
    /// Why there is no value, where there is none.
    type Text = String;

    fn prepare(program: &Program) -> (EarningsCell, String) {
        let earnings = &program.outcomes().median_earnings;
        let (reported, why) = match earnings {
            Outcome::Reported { value, .. } => (Some(*value), String::new()),
            other => (
                None,
                format!("{other} by the program, with no BLS figure to fall back on"),
            ),
        };
        let cell = EarningsCell {
            reported,
            occupation: HimOccupation::typical_for(program.degree_level()),
        };
        (cell, why)
    }

    fn read<'a>(cell: EarningsCell, why: &'a String, student: &Student<'_>) -> Reading<'a> {
        match cell.expected(student) {
            Some((money, _)) => Reading::Value {
                raw: money.as_f64(),
                shown: Shown::Money(money),
            },
            None => Reading::Missing(Shown::Text(why)),
        }
    }
}

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
            let value = column
                .read(*row as usize, self.student)
                .and_then(|reading| reading.raw());
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
    GraduationRate => graduation_rate: Fixed<GraduationRate>,
    EmploymentRate => employment_rate: Fixed<EmploymentRate>,
    ExamPassRate => exam_pass_rate: Fixed<ExamPassRate>,
    PracticeExperience => practice_experience: Fixed<PracticeExperience>,
    CareerSupport => career_support: Fixed<CareerSupport>,
    SkillCoverage => skill_coverage: SkillCoverage,
    DeliveryPreference => delivery_preference: DeliveryPreference,
    ExpectedEarnings => expected_earnings: ExpectedEarnings,
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

    /// The facts about row `row` for `student`: residency, total cost and expected earnings,
    /// from the same cells as their criteria.
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
        }
    }
}
