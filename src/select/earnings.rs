//! Where an expected-earnings figure came from: the program's own reported earnings, or the BLS
//! wage of the occupation its level prepares for, in the student's state or the nation.

use std::fmt;

use serde::Serialize;

use super::facts::{EarningsFallback, Facts};
use crate::career::HimOccupation;
use crate::program::{Outcome, Program, Scope};
use crate::value::{Confidence, ReferencePeriod, SocCode, UsState};
use crate::wage::Area;

/// Where an expected-earnings figure came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "source", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EarningsSource {
    /// The median earnings the program reports: its own, or its field of study's (College
    /// Scorecard pools CIP family 51.07), as `scope` says.
    Program {
        /// The year it describes.
        year: u16,
        /// Whose figure it is; left out of JSON for the program's own.
        #[serde(skip_serializing_if = "Scope::is_program")]
        scope: Scope,
        /// The program's note on it (for example, that Scorecard pools CIP family 51.07).
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// The BLS median wage of the occupation the program's level prepares for.
    Occupation {
        /// The occupation's SOC code.
        soc: SocCode,
        /// Its title.
        title: String,
        /// The area of the figure (the student's state where himkit has one, else the nation).
        area: String,
        /// The reference period.
        period: ReferencePeriod,
        /// The figure's confidence.
        confidence: Confidence,
        /// The student's state when the wages hold no figure for it (BLS publishes none for
        /// Guam's 29-9021), so that the national figure stands in.
        #[serde(skip_serializing_if = "Option::is_none")]
        no_figure_for: Option<UsState>,
    },
}

impl fmt::Display for EarningsSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Program { year, scope, note } => {
                match scope {
                    Scope::Program => write!(f, "the program's reported median earnings ({year})")?,
                    other => write!(
                        f,
                        "median earnings reported for the program, {} ({year})",
                        other.label()
                    )?,
                }
                if let Some(note) = note {
                    write!(f, "; {note}")?;
                }
                Ok(())
            }
            Self::Occupation {
                soc,
                title,
                area,
                period,
                confidence,
                no_figure_for,
            } => {
                write!(
                    f,
                    "BLS median for {soc} {title}, {area}, {} ({confidence})",
                    period.label()
                )?;
                match no_figure_for {
                    Some(home) => write!(
                        f,
                        ", the national figure: the wage data has no {} figure for {soc}",
                        home.name()
                    ),
                    None => Ok(()),
                }
            }
        }
    }
}

impl EarningsSource {
    /// Where `facts`' expected earnings for `program` come from, for a student living in `home`.
    pub(super) fn of(
        program: &Program,
        facts: &Facts,
        fallback: &EarningsFallback,
        home: UsState,
    ) -> Option<Self> {
        match facts.earnings? {
            (_, None) => match &program.outcomes().median_earnings {
                Outcome::Reported {
                    year, scope, note, ..
                } => Some(EarningsSource::Program {
                    year: year.get(),
                    scope: *scope,
                    note: note.as_ref().map(ToString::to_string),
                }),
                _ => None,
            },
            (_, Some(index)) => {
                let figure = fallback.get(index)?;
                let occupation = HimOccupation::from_soc(figure.occupation());
                Some(EarningsSource::Occupation {
                    soc: figure.occupation(),
                    title: occupation
                        .map_or_else(|| figure.occupation_title().to_owned(), |o| o.title().to_owned()),
                    area: figure.area().to_string(),
                    period: figure.period(),
                    confidence: figure.provenance().confidence,
                    no_figure_for: (*figure.area() == Area::National).then_some(home),
                })
            }
        }
    }
}
