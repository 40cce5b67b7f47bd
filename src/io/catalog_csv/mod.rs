//! Program catalogues as CSV, one row per program, so that a catalogue can live in a
//! spreadsheet.

use std::collections::BTreeMap;
use std::io::Read;

mod accreditation;
mod institution;
mod write;
pub use write::write_catalog_csv;

use super::table::{CellError, Columns, CsvRecords, Next};
use crate::catalog::Catalog;
use crate::error::Location;
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::program::{
    CareerSupport, Cost, CostState, Delivery, DeliveryState, Program, ProgramSpec, Source, SourcedField,
};
use crate::program::{Outcome, Outcomes, ProgramField, Scope};
use crate::value::{Money, Rate, Text, UsState, Year};

/// The columns of a catalogue CSV, in the order [`write_catalog_csv`] writes them (it writes
/// the [`OCCASIONAL_COLUMNS`] only when a program has a value for them). The README documents each; multi-valued cells
/// (`unavailable_states`, `skills`) separate values with `;`.
pub(crate) const CATALOG_COLUMNS: &[&str] = &[
    "id",
    "name",
    "institution_name",
    "institution_state",
    "institution_city",
    "unitid",
    "latitude",
    "longitude",
    "degree_level",
    "award_level",
    "discipline",
    "cip",
    "delivery_mode",
    "distance_share",
    "unavailable_states",
    "accreditor",
    "accreditation_status",
    "accreditation_last_confirmed",
    "accreditation_next_review_year",
    "accreditation_source",
    "accreditation_source_line",
    "cost_basis",
    "credits",
    "in_state",
    "out_of_state",
    "cost_months",
    "cost_source",
    "cost_academic_year",
    "length_months",
    "length_basis",
    "professional_practice_experience",
    "job_placement",
    "alumni_network",
    "industry_networking",
    "skills",
    "graduation_rate",
    "graduation_rate_note",
    "employment_rate",
    "employment_rate_note",
    "exam_pass_rate",
    "exam_pass_rate_note",
    "median_debt",
    "median_debt_note",
    "median_earnings",
    "median_earnings_note",
    "program_size",
    "program_size_note",
    "institution_completion_rate",
    "institution_completion_rate_note",
    "institution_graduation_rate",
    "institution_graduation_rate_note",
    "institution_median_earnings",
    "institution_median_earnings_note",
    "sources",
];

/// The columns [`write_catalog_csv`] writes only when a program has a value for them, so that
/// a catalogue without them keeps its layout.
pub(crate) const OCCASIONAL_COLUMNS: &[&str] = &[
    "award_level",
    "latitude",
    "longitude",
    "accreditation_source",
    "accreditation_source_line",
    "institution_completion_rate",
    "institution_completion_rate_note",
    "institution_graduation_rate",
    "institution_graduation_rate_note",
    "institution_median_earnings",
    "institution_median_earnings_note",
];

const REQUIRED: &[&str] = &[
    "id",
    "name",
    "institution_name",
    "institution_state",
    "institution_city",
    "degree_level",
    "discipline",
    "delivery_mode",
    "cost_basis",
    "in_state",
    "length_months",
    "professional_practice_experience",
];

/// A refusal by one of the model's constructors, in the column that holds the value it names.
/// A refusal that names no field of a program (none does today) is located at its row only:
/// better no column than a wrong one.
fn refused(error: Error) -> CellError {
    let column = ProgramField::of(&error).map_or("", column_of);
    CellError::from_error(column, error)
}

/// The column holding each field of a program that the model can refuse. A `match` without a
/// catch-all, so that a new field cannot be reported in another's column.
fn column_of(field: ProgramField) -> &'static str {
    match field {
        ProgramField::Name => "name",
        ProgramField::AwardLevel => "award_level",
        ProgramField::LengthMonths => "length_months",
        ProgramField::InstitutionName => "institution_name",
        ProgramField::InstitutionCity => "institution_city",
        ProgramField::InstitutionLatitude => "latitude",
        ProgramField::InstitutionLongitude => "longitude",
        ProgramField::Accreditor => "accreditor",
        ProgramField::AccreditationNextReviewYear => "accreditation_next_review_year",
        ProgramField::AccreditationSourceList => "accreditation_source",
        ProgramField::AccreditationSourceLine => "accreditation_source_line",
        ProgramField::DistanceShare => "distance_share",
        ProgramField::Credits => "credits",
        // An estimate's annual figures are written in the same columns as a total.
        ProgramField::InState | ProgramField::AnnualInState => "in_state",
        ProgramField::OutOfState | ProgramField::AnnualOutOfState => "out_of_state",
        ProgramField::CostMonths => "cost_months",
        ProgramField::CostSource => "cost_source",
        ProgramField::CostAcademicYear => "cost_academic_year",
        // An outcome's scope is written in its value's cell (`VALUE@YEAR@SCOPE`).
        ProgramField::GraduationRate | ProgramField::GraduationRateScope => "graduation_rate",
        ProgramField::EmploymentRate | ProgramField::EmploymentRateScope => "employment_rate",
        ProgramField::ExamPassRate | ProgramField::ExamPassRateScope => "exam_pass_rate",
        ProgramField::MedianDebt | ProgramField::MedianDebtScope => "median_debt",
        ProgramField::MedianEarnings | ProgramField::MedianEarningsScope => "median_earnings",
        ProgramField::ProgramSize | ProgramField::ProgramSizeScope => "program_size",
        ProgramField::InstitutionCompletionRate | ProgramField::InstitutionCompletionRateScope => {
            "institution_completion_rate"
        }
        ProgramField::InstitutionGraduationRate | ProgramField::InstitutionGraduationRateScope => {
            "institution_graduation_rate"
        }
        ProgramField::InstitutionMedianEarnings | ProgramField::InstitutionMedianEarningsScope => {
            "institution_median_earnings"
        }
    }
}

/// The separator of values within one cell.
const SEPARATOR: char = ';';

struct Row<'a> {
    columns: &'a Columns,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    fn get(&self, name: &str) -> &str {
        self.columns
            .find(name)
            .and_then(|index| self.record.get(index))
            .map_or("", str::trim)
    }

    fn parse<T>(&self, name: &str) -> std::result::Result<T, CellError>
    where
        T: std::str::FromStr<Err = Error>,
    {
        self.get(name)
            .parse()
            .map_err(|error: Error| CellError::from_error(name, error))
    }

    fn optional<T>(&self, name: &str) -> std::result::Result<Option<T>, CellError>
    where
        T: std::str::FromStr<Err = Error>,
    {
        if self.get(name).is_empty() {
            Ok(None)
        } else {
            self.parse(name).map(Some)
        }
    }

    fn number(&self, name: &str) -> std::result::Result<u64, CellError> {
        super::table::whole_number(name, self.get(name))
    }

    fn money(&self, name: &str) -> std::result::Result<Money, CellError> {
        Money::new(self.number(name)?).map_err(|error| CellError::from_error(name, error))
    }

    fn flag(&self, name: &str) -> std::result::Result<bool, CellError> {
        match self.get(name).to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(true),
            "false" | "no" | "0" | "" => Ok(false),
            other => Err(CellError::new(name, format!("{other:?} is not true or false"))),
        }
    }

    /// The three career-support flags: all `unknown` when the support is not known, else
    /// each true or false.
    fn career_support(&self) -> std::result::Result<Option<CareerSupport>, CellError> {
        const FLAGS: [&str; 3] = ["job_placement", "alumni_network", "industry_networking"];
        let unknown = FLAGS.map(|name| self.get(name).eq_ignore_ascii_case("unknown"));
        if unknown.iter().all(|unknown| *unknown) {
            return Ok(None);
        }
        if let Some((name, _)) = FLAGS.iter().zip(unknown).find(|(_, unknown)| *unknown) {
            return Err(CellError::new(
                name,
                "\"unknown\" is only accepted in all three career-support columns at once (the \
                 support is known or not as a whole)"
                    .to_owned(),
            ));
        }
        Ok(Some(CareerSupport {
            job_placement: self.flag("job_placement")?,
            alumni_network: self.flag("alumni_network")?,
            industry_networking: self.flag("industry_networking")?,
        }))
    }

    fn list<T>(&self, name: &str) -> std::result::Result<Vec<T>, CellError>
    where
        T: std::str::FromStr<Err = Error>,
    {
        self.get(name)
            .split(SEPARATOR)
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse()
                    .map_err(|error: Error| CellError::from_error(name, error))
            })
            .collect()
    }

    fn outcome<T>(
        &self,
        name: &str,
        value: impl Fn(&str) -> std::result::Result<T, CellError>,
    ) -> std::result::Result<Outcome<T>, CellError> {
        let cell = self.get(name);
        let note_column = format!("{name}_note");
        let note = self.get(&note_column);
        let text =
            |text: &str, column: &str| Text::new(text).map_err(|error| CellError::from_error(column, error));
        let outcome = match cell {
            "" | "not-reported" => Outcome::NotReported,
            "not-available" => Outcome::NotAvailable,
            "not-applicable" => Outcome::NotApplicable,
            _ => {
                if let Some(reason) = cell.strip_prefix("suppressed:") {
                    Outcome::Suppressed {
                        reason: text(reason, name)?,
                    }
                } else {
                    let (amount, rest) = cell.split_once('@').ok_or_else(|| {
                        CellError::new(
                            name,
                            format!(
                                "{cell:?} is not an outcome: write VALUE@YEAR (or VALUE@YEAR@SCOPE), suppressed: REASON, \
                                 not-reported, not-available or not-applicable"
                            ),
                        )
                    })?;
                    let (year, scope) = match rest.split_once('@') {
                        Some((year, scope)) => (
                            year,
                            scope
                                .trim()
                                .parse::<Scope>()
                                .map_err(|error| CellError::from_error(name, error))?,
                        ),
                        None => (rest, Scope::Program),
                    };
                    Outcome::Reported {
                        value: value(amount.trim())?,
                        year: year
                            .trim()
                            .parse::<Year>()
                            .map_err(|error| CellError::from_error(name, error))?,
                        scope,
                        note: if note.is_empty() {
                            None
                        } else {
                            Some(text(note, &note_column)?)
                        },
                    }
                }
            }
        };
        if !note.is_empty() && !outcome.is_reported() {
            return Err(CellError::new(
                &note_column,
                "a note needs a reported value beside it",
            ));
        }
        Ok(outcome)
    }

    fn program(&self) -> std::result::Result<Program, CellError> {
        let spec = ProgramSpec {
            id: self.parse("id")?,
            name: self.get("name").to_owned(),
            institution: self.institution()?,
            degree_level: self.parse("degree_level")?,
            award_level: self.optional("award_level")?,
            discipline: self.parse("discipline")?,
            cip: self.optional("cip")?,
            delivery: self.delivery()?,
            accreditation: self.accreditation()?,
            cost: self.cost()?,
            length_basis: self.optional("length_basis")?.unwrap_or_default(),
            length_months: u16::try_from(self.number("length_months")?).map_err(|_| {
                CellError::new(
                    "length_months",
                    format!("{:?} is too large", self.get("length_months")),
                )
            })?,
            professional_practice_experience: if self.get("professional_practice_experience") == "unknown" {
                None
            } else {
                Some(self.flag("professional_practice_experience")?)
            },
            career_support: self.career_support()?,
            skills: if self.get("skills").eq_ignore_ascii_case("unknown") {
                None
            } else {
                Some(self.list("skills")?.into_iter().collect())
            },
            outcomes: self.outcomes()?,
            sources: self.sources()?,
        };
        Program::new(spec).map_err(refused)
    }

    fn delivery(&self) -> std::result::Result<DeliveryState, CellError> {
        match self.get("delivery_mode") {
            "institution-offers-distance-programs" => {
                return Ok(DeliveryState::InstitutionOffersDistancePrograms);
            }
            "no-distance-programs" => return Ok(DeliveryState::NoDistancePrograms),
            "unknown" => return Ok(DeliveryState::Unknown),
            _ => {}
        }
        let share = match self.get("distance_share") {
            "" => None,
            text => {
                let value: f64 = text
                    .parse()
                    .map_err(|_| CellError::new("distance_share", format!("{text:?} is not a number")))?;
                Some(Rate::new(value).map_err(|error| CellError::from_error("distance_share", error))?)
            }
        };
        Delivery::from_parts(
            self.parse("delivery_mode")?,
            share,
            self.list::<UsState>("unavailable_states")?,
        )
        .map(DeliveryState::Known)
        .map_err(refused)
    }

    fn cost(&self) -> std::result::Result<CostState, CellError> {
        if self.get("cost_basis") == "unknown" {
            return Ok(CostState::Unknown);
        }
        let in_state = self.money("in_state")?;
        let out_of_state = if self.get("out_of_state").is_empty() {
            in_state
        } else {
            self.money("out_of_state")?
        };
        match self.get("cost_basis") {
            "per-credit" => {
                let credits = u16::try_from(self.number("credits")?).map_err(|_| {
                    CellError::new("credits", format!("{:?} is too large", self.get("credits")))
                })?;
                Cost::per_credit(credits, in_state, out_of_state)
                    .map(CostState::Known)
                    .map_err(refused)
            }
            "total" => Ok(CostState::Known(Cost::total_only(in_state, out_of_state))),
            "estimate" => {
                let months = u16::try_from(self.number("cost_months")?).map_err(|_| {
                    CellError::new(
                        "cost_months",
                        format!("{:?} is too large", self.get("cost_months")),
                    )
                })?;
                Cost::estimated(
                    in_state,
                    out_of_state,
                    months,
                    self.get("cost_source"),
                    self.get("cost_academic_year"),
                )
                .map(CostState::Known)
                .map_err(refused)
            }
            other => Err(CellError::new(
                "cost_basis",
                format!("{other:?} is not per-credit, total, estimate or unknown"),
            )),
        }
    }

    /// `field=file@period` entries, `;`-separated: `cost=ipeds-ic-ay@2022-23`.
    fn sources(&self) -> std::result::Result<BTreeMap<SourcedField, Source>, CellError> {
        let mut sources = BTreeMap::new();
        for entry in self
            .get("sources")
            .split(SEPARATOR)
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
        {
            let bad = || CellError::new("sources", format!("{entry:?} is not FIELD=FILE@PERIOD"));
            let (field, rest) = entry.split_once('=').ok_or_else(bad)?;
            let (file, period) = rest.split_once('@').ok_or_else(bad)?;
            let field: SourcedField = field
                .trim()
                .parse()
                .map_err(|error: Error| CellError::from_error("sources", error))?;
            let source = Source::new(
                file.trim()
                    .parse()
                    .map_err(|error: Error| CellError::from_error("sources", error))?,
                period.trim(),
            )
            .map_err(|error| CellError::from_error("sources", error))?;
            sources.insert(field, source);
        }
        Ok(sources)
    }

    fn outcomes(&self) -> std::result::Result<Outcomes, CellError> {
        let rate = |column: &'static str| {
            move |text: &str| -> std::result::Result<Rate, CellError> {
                let value: f64 = text
                    .parse()
                    .map_err(|_| CellError::new(column, format!("{text:?} is not a number")))?;
                Rate::new(value).map_err(|error| CellError::from_error(column, error))
            }
        };
        let money = |column: &'static str| {
            move |text: &str| -> std::result::Result<Money, CellError> {
                let dollars = super::table::whole_number(column, text)?;
                Money::new(dollars).map_err(|error| CellError::from_error(column, error))
            }
        };
        Ok(Outcomes {
            graduation_rate: self.outcome("graduation_rate", rate("graduation_rate"))?,
            employment_rate: self.outcome("employment_rate", rate("employment_rate"))?,
            exam_pass_rate: self.outcome("exam_pass_rate", rate("exam_pass_rate"))?,
            median_debt: self.outcome("median_debt", money("median_debt"))?,
            median_earnings: self.outcome("median_earnings", money("median_earnings"))?,
            program_size: self.outcome("program_size", |text| {
                let count = super::table::whole_number("program_size", text)?;
                u32::try_from(count)
                    .map_err(|_| CellError::new("program_size", format!("{text:?} is too large")))
            })?,
            institution_completion_rate: self
                .outcome("institution_completion_rate", rate("institution_completion_rate"))?,
            institution_graduation_rate: self
                .outcome("institution_graduation_rate", rate("institution_graduation_rate"))?,
            institution_median_earnings: self.outcome(
                "institution_median_earnings",
                money("institution_median_earnings"),
            )?,
        })
    }
}

/// Reads a catalogue from CSV, within `limits` (on field length, row width and the number of
/// programs; `&Limits::default()` for the defaults).
///
/// The columns are those [`write_catalog_csv`] writes, in any order, matched
/// case-insensitively; optional columns may be left out. An unknown column is refused, so that
/// a misspelt header is not silently ignored. The README documents each column; multi-valued
/// cells (`unavailable_states`, `skills`) separate values with `;`.
///
/// ```
/// use himkit::io::{Limits, read_catalog_csv, write_catalog_csv};
///
/// let catalog = himkit::Dataset::embedded()?.catalog().clone();
/// let mut csv = Vec::new();
/// write_catalog_csv(&catalog, &mut csv)?;
/// assert_eq!(read_catalog_csv("programs.csv", &csv[..], &Limits::default())?, catalog);
/// # Ok::<(), himkit::Error>(())
/// ```
///
/// # Errors
/// An error located at the line and column for a bad cell, a missing required column or an
/// unknown one; [`ErrorKind::DuplicateProgramId`](crate::ErrorKind::DuplicateProgramId) with
/// the lines of both programs; [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) naming the
/// bound a row or the file exceeds.
pub fn read_catalog_csv<R: Read>(source: &str, reader: R, limits: &Limits) -> Result<Catalog> {
    let mut csv = CsvRecords::new(source, reader, limits, csv::Trim::All);
    let place = |line: Option<u64>| Location::line_of(source, line);
    let header = csv.header()?;
    for name in &header {
        if !CATALOG_COLUMNS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(name.trim()))
        {
            return Err(Error::malformed(
                place(Some(1)),
                format!(
                    "unknown column {name:?}; the columns are: {}",
                    CATALOG_COLUMNS.join(", ")
                ),
            ));
        }
    }
    let columns = Columns::new(&header);
    for name in REQUIRED {
        columns.require(name, &place(Some(1)))?;
    }
    let mut programs = Vec::new();
    let mut lines = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match csv.next_text(&mut record)? {
            Next::End => break,
            Next::Malformed(error) => return Err(error),
            Next::Record => {}
        }
        let line = csv.line();
        if programs.len() >= limits.max_programs {
            return Err(Error::too_large(
                place(line),
                format!(
                    "the catalogue has more than {} programs (Limits::max_programs)",
                    limits.max_programs
                ),
            ));
        }
        let program = Row {
            columns: &columns,
            record: &record,
        }
        .program()
        .map_err(|problem| problem.into_error(place(line)))?;
        programs.push(program);
        lines.push(line);
    }
    Catalog::new(programs).map_err(|mut error| {
        for location in error.duplicate_places_mut() {
            let index = location
                .path
                .as_deref()
                .and_then(|path| path.trim_matches(['[', ']']).parse::<usize>().ok());
            *location = place(index.and_then(|index| lines.get(index).copied().flatten()));
        }
        error
    })
}
