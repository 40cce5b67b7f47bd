//! The values of outcomes: the rates a program reports (or its institution's), and the two kinds
//! of earnings.

use std::marker::PhantomData;

use super::reading::{Number, Reading, Shown, Value, rate};
use crate::career::HimOccupation;
use crate::program::{Outcome, Program, outcome_measures_cohort};
use crate::select::facts::Student;
use crate::value::{Money, Rate};

/// A figure a program reports, and whether it is the program's own: a profile that counts
/// program figures only leaves out the others (a field of study's, pooled over a CIP family).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Figure<T> {
    value: Option<T>,
    own: bool,
}

impl<T: Copy> Figure<T> {
    fn of(outcome: &Outcome<T>) -> Self {
        Self {
            value: outcome.value().copied(),
            own: outcome.scope().is_none_or(|scope| scope.is_program()),
        }
    }

    /// The value, where the student counts it.
    fn counted(self, student: &Student<'_>) -> Option<T> {
        self.value
            .filter(|_| self.own || !student.terms.program_outcomes_only)
    }
}

/// What is shown for a figure left out because the profile counts program figures only.
const LEFT_OUT: &str = "left out: the profile counts the program's own figures only";

/// A rate a program reports (employment, exam pass): its figure, and the texts shown when it
/// is counted and when it is left out.
pub(crate) struct ReportedRate<F>(PhantomData<F>);

/// Which of a program's outcomes a [`ReportedRate`] reads.
pub(crate) trait RateOf {
    fn of(program: &Program) -> &Outcome<Rate>;
}

impl<F: RateOf> Value for ReportedRate<F> {
    type Cell = Figure<Rate>;
    /// Shown when counted; shown when left out.
    type Text = [String; 2];

    fn prepare(program: &Program) -> (Figure<Rate>, [String; 2]) {
        let outcome = F::of(program);
        let (_, text) = rate(outcome);
        (Figure::of(outcome), [text.clone(), format!("{text}, {LEFT_OUT}")])
    }

    fn read<'a>(
        cell: Figure<Rate>,
        [shown, left_out]: &'a [String; 2],
        student: &Student<'_>,
    ) -> Reading<'a> {
        match cell.counted(student) {
            Some(rate) => Reading::Value {
                raw: rate.get(),
                shown: Shown::Text(shown),
            },
            None if cell.value.is_some() => Reading::Missing(Shown::Text(left_out)),
            None => Reading::Missing(Shown::Text(shown)),
        }
    }
}

/// [`Criterion::EmploymentRate`](crate::select::Criterion::EmploymentRate).
pub(crate) struct Employment;

impl RateOf for Employment {
    fn of(program: &Program) -> &Outcome<Rate> {
        &program.outcomes().employment_rate
    }
}

/// [`Criterion::ExamPassRate`](crate::select::Criterion::ExamPassRate).
pub(crate) struct ExamPass;

impl RateOf for ExamPass {
    fn of(program: &Program) -> &Outcome<Rate> {
        &program.outcomes().exam_pass_rate
    }
}

/// The employment rate's value.
pub(crate) type EmploymentRate = ReportedRate<Employment>;
/// The exam pass rate's value.
pub(crate) type ExamPassRate = ReportedRate<ExamPass>;

/// [`Criterion::GraduationRate`](crate::select::Criterion::GraduationRate): the program's own
/// rate, else its institution's completion rate (IPEDS Outcome Measures).
pub(crate) struct GraduationRate;

/// What the graduation rate keeps of a program: its own figure and its institution's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GraduationCell {
    own: Figure<Rate>,
    institution: Number,
}

/// The graduation rate's texts, formatted once: the program's own figure and the
/// institution's as shown when counted and when left out, and why there is none at all.
#[derive(Debug)]
pub(crate) struct GraduationTexts {
    own: String,
    own_left_out: String,
    institution: String,
    institution_left_out: String,
    missing: String,
}

impl Value for GraduationRate {
    type Cell = GraduationCell;
    type Text = GraduationTexts;

    fn prepare(program: &Program) -> (GraduationCell, GraduationTexts) {
        let outcomes = program.outcomes();
        let own = &outcomes.graduation_rate;
        let institution = &outcomes.institution_completion_rate;
        let (_, own_text) = rate(own);
        let texts = GraduationTexts {
            own_left_out: format!("{own_text}, {LEFT_OUT}"),
            institution: match institution {
                Outcome::Reported { value, year, .. } => format!(
                    "{value} of every student who entered in {} earned an award within 6 years; \
                     institution-wide, IPEDS Outcome Measures {year}",
                    outcome_measures_cohort(*year)
                ),
                _ => String::new(),
            },
            institution_left_out: format!(
                "{own_text} by the program; the institution-wide figure is {LEFT_OUT}"
            ),
            missing: match institution {
                Outcome::NotReported => own_text.clone(),
                other => format!("{own_text} by the program; institution-wide: {other}"),
            },
            own: own_text,
        };
        let cell = GraduationCell {
            own: Figure::of(own),
            institution: institution.value().map(|rate| rate.get()),
        };
        (cell, texts)
    }

    fn read<'a>(cell: GraduationCell, texts: &'a GraduationTexts, student: &Student<'_>) -> Reading<'a> {
        let value = |raw: f64, text: &'a String| Reading::Value {
            raw,
            shown: Shown::Text(text),
        };
        if let Some(rate) = cell.own.counted(student) {
            return value(rate.get(), &texts.own);
        }
        let program_only = student.terms.program_outcomes_only;
        match cell.institution {
            Some(raw) if !program_only => value(raw, &texts.institution),
            _ if cell.own.value.is_some() => Reading::Missing(Shown::Text(&texts.own_left_out)),
            Some(_) => Reading::Missing(Shown::Text(&texts.institution_left_out)),
            None => Reading::Missing(Shown::Text(&texts.missing)),
        }
    }
}

/// [`Criterion::InstitutionEarnings`](crate::select::Criterion::InstitutionEarnings): the
/// institution's median earnings 10 years after entry (College Scorecard).
pub(crate) struct InstitutionEarnings;

impl Value for InstitutionEarnings {
    type Cell = Option<Money>;
    /// Shown (the figure, or why there is none); shown when the profile leaves it out.
    type Text = [String; 2];

    fn prepare(program: &Program) -> (Option<Money>, [String; 2]) {
        let earnings = &program.outcomes().institution_median_earnings;
        let shown = match earnings {
            Outcome::Reported { value, year, .. } => {
                format!("{value} (median 10 years after entry; institution-wide, College Scorecard {year})")
            }
            other => other.to_string(),
        };
        (
            earnings.value().copied(),
            [shown, format!("institution-wide, {LEFT_OUT}")],
        )
    }

    fn read<'a>(
        cell: Option<Money>,
        [shown, left_out]: &'a [String; 2],
        student: &Student<'_>,
    ) -> Reading<'a> {
        match cell {
            Some(_) if student.terms.program_outcomes_only => Reading::Missing(Shown::Text(left_out)),
            Some(money) => Reading::Value {
                raw: money.as_f64(),
                shown: Shown::Text(shown),
            },
            None => Reading::Missing(Shown::Text(shown)),
        }
    }
}

/// What expected earnings keep of a program: its own reported median, and the occupation its
/// level prepares for, whose wage figure stands in without one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EarningsCell {
    reported: Figure<Money>,
    occupation: HimOccupation,
}

impl EarningsCell {
    /// The expected earnings for `student`: the program's reported median earnings (a field of
    /// study's only where the profile does not count program figures only), else the latest
    /// median of the occupation its level prepares for, in the student's state where there is
    /// a figure, else the nation; with the index of the wage statistics they come from
    /// (`None`: the program's reported figure).
    pub(crate) fn expected(self, student: &Student<'_>) -> Option<(Money, Option<usize>)> {
        match self.reported.counted(student) {
            Some(reported) => Some((reported, None)),
            None => student
                .fallback
                .occupation_earnings(self.occupation, student.home),
        }
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
        let why = match earnings {
            Outcome::Reported { .. } => String::new(),
            other => format!("{other} by the program, with no BLS figure to fall back on"),
        };
        let cell = EarningsCell {
            reported: Figure::of(earnings),
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
