//! College Scorecard "Most-Recent-Cohorts-Institution" files: one row per institution.

use std::io::Read;

use super::federal_table::{Control, FederalTable, FileOptions, Row, TableOptions, decode, read_table};
use super::read::ReadOutcome;
use super::table::{CellError, Columns};
use crate::error::{Location, Result};
use crate::program::{Outcome, Scope};
use crate::value::{Money, Rate, Text, Unitid, UsState, Year};

/// How to read a Scorecard institution file: strictness, bounds, the institutions wanted, and
/// whether branch campuses are read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ScorecardInstitutionOptions {
    /// Strictness, bounds and the institutions wanted (a branch campus by its parent's
    /// UNITID), as for every federal table.
    pub(crate) table: TableOptions,
    /// Read the rows of branch campuses that have no IPEDS UNITID of their own. Scorecard
    /// lists them under eight digits, their parent's UNITID followed by a two-digit branch
    /// number (`10236801`, Troy University's Phenix City campus); no IPEDS file has rows for
    /// them. Off by default: such rows are passed over, as filtered rows are. When on, they
    /// are read with the parent's UNITID and [`ScorecardInstitution::branch`] set.
    pub(crate) branch_campuses: bool,
}

impl ScorecardInstitutionOptions {
    /// The file read with `table`, as the other federal tables are, branch campuses passed
    /// over.
    pub(crate) fn new(table: TableOptions) -> Self {
        Self {
            table,
            branch_campuses: false,
        }
    }
}

impl FileOptions for ScorecardInstitutionOptions {
    fn table(&self) -> &TableOptions {
        &self.table
    }
}

/// A College Scorecard value, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ScorecardValue<T> {
    /// A published value.
    Value(T),
    /// An empty cell: nothing was reported. Also what a column the file does not have reads as
    /// where the field is not an `Option`.
    NotReported,
    /// `NULL`: Scorecard has no figure.
    Null,
    /// `PrivacySuppressed`: withheld because the cohort is too small to publish.
    PrivacySuppressed,
}

impl<T> ScorecardValue<T> {
    /// The value, if one was published.
    pub(crate) fn value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            _ => None,
        }
    }

    /// As an [`Outcome`] of the whole institution for `year`, with `note`: `NULL` is not
    /// available, `PrivacySuppressed` suppressed, an empty cell not reported.
    pub(crate) fn into_outcome(self, year: Year, note: &Text) -> Outcome<T> {
        match self {
            Self::Value(value) => Outcome::Reported {
                value,
                year,
                scope: Scope::Institution,
                note: Some(note.clone()),
            },
            Self::NotReported => Outcome::NotReported,
            Self::Null => Outcome::NotAvailable,
            Self::PrivacySuppressed => Outcome::Suppressed {
                reason: privacy_suppressed(),
            },
        }
    }
}

/// Why College Scorecard withholds a figure it marks `PrivacySuppressed`.
pub(crate) fn privacy_suppressed() -> Text {
    Text::written("privacy-suppressed by College Scorecard (cohort too small to publish)")
}

/// One institution of a College Scorecard institution file. The values describe the release's
/// most recent cohorts (each column its own cohort, per Scorecard's cohort map), not one year.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub(crate) struct ScorecardInstitution {
    /// `UNITID`: the IPEDS UNITID, or for a branch campus its parent's (see `branch`).
    pub unitid: Unitid,
    /// The two-digit branch number of a branch campus Scorecard lists under an eight-digit
    /// UNITID (`10236801`: UNITID 102368, branch 1); `None` for an institution with its own
    /// IPEDS UNITID. Only read with [`ScorecardInstitutionOptions::branch_campuses`].
    pub branch: Option<u8>,
    /// `INSTNM`, where the file has it.
    pub name: Option<String>,
    /// `CITY`, where the file has it.
    pub city: Option<String>,
    /// `STABBR`, where the file has it.
    pub state: Option<UsState>,
    /// `ZIP`, as text.
    pub zip: Option<String>,
    /// `ACCREDAGENCY`, the institution's accreditor (an institutional accreditor, not CAHIIM).
    pub accreditor: Option<String>,
    /// `INSTURL`, the home page as given (often without a scheme).
    pub web_address: Option<String>,
    /// `NPCURL`, the net price calculator, as given.
    pub price_calculator: Option<String>,
    /// `CONTROL` (1 public, 2 private nonprofit, 3 private for-profit).
    pub control: ScorecardValue<Control>,
    /// `ADM_RATE`, the admission rate.
    pub admission_rate: ScorecardValue<Rate>,
    /// `TUITIONFEE_IN`, in-state tuition and fees for a year (institutions on academic years).
    pub tuition_in_state: ScorecardValue<Money>,
    /// `TUITIONFEE_OUT`, out-of-state tuition and fees for a year.
    pub tuition_out_of_state: ScorecardValue<Money>,
    /// `TUITIONFEE_PROG`, tuition and fees of the largest program (institutions that charge by
    /// program).
    pub tuition_program_year: ScorecardValue<Money>,
    /// `C150_4` (four-year institutions) or `C150_L4` (under four years): completion within
    /// 150% of normal time.
    pub completion_rate: Option<ScorecardValue<Rate>>,
    /// `MD_EARN_WNE_P10`, median earnings of students working and not enrolled ten years after
    /// entry (federally aided students only); `None` when the file has no such column, as for
    /// the outcome fields below.
    pub median_earnings: Option<ScorecardValue<Money>>,
    /// `MD_EARN_WNE_P6`, the same six years after entry.
    pub median_earnings_6_years: Option<ScorecardValue<Money>>,
    /// `C150_4_POOLED` / `C150_L4_POOLED`: completion within 150% of normal time, two cohorts
    /// pooled.
    pub completion_rate_pooled: Option<ScorecardValue<Rate>>,
    /// `GRAD_DEBT_MDN`: the median debt of completers.
    pub median_debt: Option<ScorecardValue<Money>>,
    /// `RET_FT4` / `RET_FTL4`: the share of first-time full-time students who return for a
    /// second year.
    pub retention_rate: Option<ScorecardValue<Rate>>,
    /// `DISTANCEONLY`: the institution teaches by distance education only.
    pub distance_only: ScorecardValue<bool>,
    /// `CURROPER`: currently certified as operating.
    pub operating: ScorecardValue<bool>,
}

/// A branch campus's eight-digit identifier: the parent's UNITID and the branch number.
fn branch(id: &[u8]) -> Option<(Unitid, u8)> {
    if id.len() != 8 || !id.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let text = std::str::from_utf8(id).ok()?;
    let parent = text.get(..6)?.parse().ok()?;
    let number = text.get(6..)?.parse().ok()?;
    Some((parent, number))
}

/// The raw bytes of a cell, trimmed; empty for a missing column or a short row.
fn cell(record: &csv::ByteRecord, index: Option<usize>) -> &[u8] {
    index
        .and_then(|index| record.get(index))
        .unwrap_or_default()
        .trim_ascii()
}

fn text(record: &csv::ByteRecord, index: Option<usize>) -> Option<String> {
    match cell(record, index) {
        b"" | b"NULL" => None,
        bytes => Some(decode(bytes).into_owned()),
    }
}

/// Reads a cell through `parse`, with `NULL` and `PrivacySuppressed` as states.
fn value<T>(
    record: &csv::ByteRecord,
    index: Option<usize>,
    column: &str,
    what: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> std::result::Result<ScorecardValue<T>, CellError> {
    let bytes = cell(record, index);
    match bytes {
        b"" => Ok(ScorecardValue::NotReported),
        b"NULL" => Ok(ScorecardValue::Null),
        b"PrivacySuppressed" => Ok(ScorecardValue::PrivacySuppressed),
        _ => std::str::from_utf8(bytes)
            .ok()
            .and_then(parse)
            .map(ScorecardValue::Value)
            .ok_or_else(|| CellError::new(column, format!("{:?} is not {what}", decode(bytes)))),
    }
}

/// A finite decimal number.
fn number(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|number| number.is_finite())
}

fn money(
    record: &csv::ByteRecord,
    index: Option<usize>,
    column: &str,
) -> std::result::Result<ScorecardValue<Money>, CellError> {
    // Medians of an even count can end in .5; the model keeps whole dollars.
    value(record, index, column, "an amount of dollars", |text| {
        let dollars = number(text)?;
        (dollars >= 0.0)
            .then(|| Money::new(dollars.round() as u64).ok())
            .flatten()
    })
}

fn rate(
    record: &csv::ByteRecord,
    index: Option<usize>,
    column: &str,
) -> std::result::Result<ScorecardValue<Rate>, CellError> {
    value(record, index, column, "a fraction between 0 and 1", |text| {
        Rate::new(number(text)?).ok()
    })
}

fn flag(
    record: &csv::ByteRecord,
    index: Option<usize>,
    column: &str,
) -> std::result::Result<ScorecardValue<bool>, CellError> {
    value(record, index, column, "0 or 1", |code| match code {
        "0" => Some(false),
        "1" => Some(true),
        _ => None,
    })
}

pub(crate) struct ScorecardColumns {
    unitid: usize,
    name: Option<usize>,
    city: Option<usize>,
    state: Option<usize>,
    zip: Option<usize>,
    accreditor: Option<usize>,
    web_address: Option<usize>,
    price_calculator: Option<usize>,
    control: Option<usize>,
    admission_rate: Option<usize>,
    tuition_in_state: Option<usize>,
    tuition_out_of_state: Option<usize>,
    tuition_program_year: Option<usize>,
    completion: [Option<usize>; 2],
    median_earnings: Option<usize>,
    median_earnings_6_years: Option<usize>,
    completion_pooled: [Option<usize>; 2],
    median_debt: Option<usize>,
    retention: [Option<usize>; 2],
    distance_only: Option<usize>,
    operating: Option<usize>,
}

/// The outcome columns of a Scorecard institution file: a file with `UNITID` and one of them
/// is read as one.
pub(crate) const OUTCOME_COLUMNS: &[&str] = &[
    "MD_EARN_WNE_P10",
    "MD_EARN_WNE_P6",
    "C150_4",
    "C150_L4",
    "C150_4_POOLED",
    "C150_L4_POOLED",
    "GRAD_DEBT_MDN",
    "RET_FT4",
    "RET_FTL4",
];

/// The value of two columns (a four-year and an under-four-year one) where one holds it, else
/// the more telling of their states (suppressed, then `NULL`, then empty): an institution has
/// one of the two figures. `None` when the file has neither column.
fn either<T>(
    record: &csv::ByteRecord,
    indices: [Option<usize>; 2],
    names: [&str; 2],
    read: impl Fn(&csv::ByteRecord, Option<usize>, &str) -> std::result::Result<ScorecardValue<T>, CellError>,
) -> std::result::Result<Option<ScorecardValue<T>>, CellError> {
    let [first, second] = indices;
    let [first_name, second_name] = names;
    if first.is_none() && second.is_none() {
        return Ok(None);
    }
    let first = read(record, first, first_name)?;
    let second = read(record, second, second_name)?;
    let telling = |value: &ScorecardValue<T>| match value {
        ScorecardValue::Value(_) => 3,
        ScorecardValue::PrivacySuppressed => 2,
        ScorecardValue::Null => 1,
        ScorecardValue::NotReported => 0,
    };
    Ok(Some(if telling(&second) > telling(&first) {
        second
    } else {
        first
    }))
}

impl FederalTable for ScorecardColumns {
    type Item = ScorecardInstitution;
    type Options = ScorecardInstitutionOptions;

    fn columns(columns: &Columns, header: &Location) -> Result<Self> {
        Ok(Self {
            unitid: columns.require("UNITID", header)?,
            name: columns.find("INSTNM"),
            city: columns.find("CITY"),
            state: columns.find("STABBR"),
            zip: columns.find("ZIP"),
            accreditor: columns.find("ACCREDAGENCY"),
            web_address: columns.find("INSTURL"),
            price_calculator: columns.find("NPCURL"),
            control: columns.find("CONTROL"),
            admission_rate: columns.find("ADM_RATE"),
            tuition_in_state: columns.find("TUITIONFEE_IN"),
            tuition_out_of_state: columns.find("TUITIONFEE_OUT"),
            tuition_program_year: columns.find("TUITIONFEE_PROG"),
            completion: [columns.find("C150_4"), columns.find("C150_L4")],
            median_earnings: columns.find("MD_EARN_WNE_P10"),
            median_earnings_6_years: columns.find("MD_EARN_WNE_P6"),
            completion_pooled: [columns.find("C150_4_POOLED"), columns.find("C150_L4_POOLED")],
            median_debt: columns.find("GRAD_DEBT_MDN"),
            retention: [columns.find("RET_FT4"), columns.find("RET_FTL4")],
            distance_only: columns.find("DISTANCEONLY"),
            operating: columns.find("CURROPER"),
        })
    }

    fn unitid_column(&self) -> usize {
        self.unitid
    }

    /// A branch campus's row is passed over, as filtered, unless the options ask for them.
    fn wanted(&self, row: &Row<'_>, options: &ScorecardInstitutionOptions) -> bool {
        options.branch_campuses || branch(row.bytes(self.unitid)).is_none()
    }

    fn unitid(&self, row: &Row<'_>) -> std::result::Result<Option<Unitid>, CellError> {
        match branch(row.bytes(self.unitid)) {
            Some((parent, _)) => Ok(Some(parent)),
            None => row.unitid(self.unitid).map(Some),
        }
    }

    fn parse(
        &self,
        unitid: Unitid,
        row: &Row<'_>,
    ) -> std::result::Result<Option<ScorecardInstitution>, CellError> {
        let record = row.record();
        Ok(Some(ScorecardInstitution {
            unitid,
            branch: branch(row.bytes(self.unitid)).map(|(_, branch)| branch),
            name: text(record, self.name),
            city: text(record, self.city),
            state: match text(record, self.state) {
                Some(state) => Some(
                    state
                        .parse()
                        .map_err(|error| CellError::from_error("STABBR", error))?,
                ),
                None => None,
            },
            zip: text(record, self.zip),
            accreditor: text(record, self.accreditor),
            web_address: text(record, self.web_address),
            price_calculator: text(record, self.price_calculator),
            control: value(
                record,
                self.control,
                "CONTROL",
                "a Scorecard control code (1 public, 2 private nonprofit, 3 private for-profit)",
                |code| code.parse().ok().and_then(Control::from_code),
            )?,
            admission_rate: rate(record, self.admission_rate, "ADM_RATE")?,
            tuition_in_state: money(record, self.tuition_in_state, "TUITIONFEE_IN")?,
            tuition_out_of_state: money(record, self.tuition_out_of_state, "TUITIONFEE_OUT")?,
            tuition_program_year: money(record, self.tuition_program_year, "TUITIONFEE_PROG")?,
            completion_rate: either(record, self.completion, ["C150_4", "C150_L4"], rate)?,
            median_earnings: self
                .median_earnings
                .map(|index| money(record, Some(index), "MD_EARN_WNE_P10"))
                .transpose()?,
            median_earnings_6_years: self
                .median_earnings_6_years
                .map(|index| money(record, Some(index), "MD_EARN_WNE_P6"))
                .transpose()?,
            completion_rate_pooled: either(
                record,
                self.completion_pooled,
                ["C150_4_POOLED", "C150_L4_POOLED"],
                rate,
            )?,
            median_debt: self
                .median_debt
                .map(|index| money(record, Some(index), "GRAD_DEBT_MDN"))
                .transpose()?,
            retention_rate: either(record, self.retention, ["RET_FT4", "RET_FTL4"], rate)?,
            distance_only: flag(record, self.distance_only, "DISTANCEONLY")?,
            operating: flag(record, self.operating, "CURROPER")?,
        }))
    }
}

/// Reads a College Scorecard institution file (`Most-Recent-Cohorts-Institution.csv`), or any
/// extract of its columns. `UNITID`, `INSTNM`, `CITY` and `STABBR` are required; the columns of
/// [`ScorecardInstitution`] are read where present (a column the file lacks reads as
/// [`ScorecardValue::NotReported`]); the others are ignored. `NULL` and `PrivacySuppressed` are
/// states, never numbers.
///
/// `options` gives the mode, limits and UNITID filter, as the IPEDS readers take them. Rows of
/// branch campuses without an IPEDS UNITID of their own (eight-digit identifiers, 554 of the
/// 6,662 rows of the 2021/22 release) are passed over unless
/// [`ScorecardInstitutionOptions::branch_campuses`] asks for them. The full published file, about
/// 3,300 columns wide, reads within the default [`Limits`](crate::io::Limits).
///
/// # Errors
/// [`ErrorKind::Malformed`](crate::ErrorKind::Malformed) for a missing required column or, in strict mode, the
/// first bad row; [`ErrorKind::Io`](crate::ErrorKind::Io) if reading fails.
pub(crate) fn read_scorecard_institutions(
    source: &str,
    reader: impl Read,
    options: &ScorecardInstitutionOptions,
) -> Result<ReadOutcome<ScorecardInstitution>> {
    read_table::<ScorecardColumns>(source, reader, options)
}
