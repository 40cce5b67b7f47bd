//! What every criterion's value shares: how a value is kept and read ([`Value`]), what an
//! explanation shows of it, and the values that depend on the program alone.

use std::fmt;
use std::marker::PhantomData;

use crate::program::{Outcome, Program};
use crate::select::distance::CampusDistance;
use crate::select::facts::Student;
use crate::value::{Money, Rate};

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
    /// The number scoring uses, `None` where it is missing: [`Value::read`]'s, for the matrix,
    /// which reads it for every row (a value may skip preparing what only an explanation shows).
    fn raw(cell: Self::Cell, text: &Self::Text, student: &Student<'_>) -> Option<f64> {
        Self::read(cell, text, student).raw()
    }
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
    /// `12.3 miles from 45202`.
    Distance(CampusDistance),
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
            Self::Distance(distance) => write!(f, "{distance}"),
        }
    }
}

/// What is shown for a value that is not known and has no more specific reason.
pub(crate) const UNKNOWN: &str = "unknown";

/// A criterion's number, `None` when it is missing.
pub(crate) type Number = Option<f64>;

/// The reading of a number whose text was formatted once.
pub(crate) fn fixed(cell: Number, text: &str) -> Reading<'_> {
    match cell {
        Some(raw) => Reading::Value {
            raw,
            shown: Shown::Text(text),
        },
        None => Reading::Missing(Shown::Text(text)),
    }
}

/// A reported outcome rate as a value: shown as the outcome is, reported or not.
pub(crate) fn rate(outcome: &Outcome<Rate>) -> (Number, String) {
    let raw = match outcome {
        Outcome::Reported { value, .. } => Some(value.get()),
        _ => None,
    };
    (raw, outcome.to_string())
}

/// A value that depends on the program alone: its number and its text, formatted once.
pub(crate) trait FromProgram {
    fn prepare(program: &Program) -> (Number, String);
}

/// A [`FromProgram`] value.
pub(crate) struct Fixed<F>(PhantomData<F>);

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
