//! College Scorecard "Most-Recent-Cohorts-Field-of-Study" files.

use std::collections::HashMap;
use std::io::Read;

use super::read::{Mode, ReadOptions, ReadOutcome};
use super::table::{CellError, Columns, CsvRecords};
use crate::catalog::Catalog;
use crate::error::Location;
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::program::{DegreeLevel, Program, Source, SourceFile, SourcedField};
use crate::program::{Outcome, Scope};
use crate::value::{CipFamily, Money, ProgramId, Text, Unitid, Year};

/// How to read a Scorecard file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) struct ScorecardOptions {
    /// The year the outcomes are recorded as describing (the file carries none): the release
    /// year or the cohort year, as you prefer to label it.
    pub year: Year,
    /// Strict or lenient.
    pub mode: Mode,
    /// Bounds on field length and row width.
    pub limits: Limits,
}

impl ScorecardOptions {
    /// Strict reading, outcomes labelled with `year`, default limits.
    #[must_use]
    pub(crate) fn new(year: Year) -> Self {
        Self {
            year,
            mode: Mode::Strict,
            limits: Limits::default(),
        }
    }
}

/// One field-of-study row: an institution, a four-digit CIP family and a credential level.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) struct ScorecardRecord {
    /// The institution's IPEDS UNITID.
    pub unitid: Unitid,
    /// The institution's name (`INSTNM`), where given.
    pub institution: Option<Text>,
    /// The CIP family (`CIPCODE`, kept with its leading zero).
    pub cip_family: CipFamily,
    /// The credential level (`CREDLEV`).
    pub level: DegreeLevel,
    /// Median earnings, from the first earnings column the file has (see [`EARNINGS_COLUMNS`]).
    pub median_earnings: Outcome<Money>,
    /// Median debt (`DEBT_ALL_STGP_EVAL_MDN`, else `DEBT_ALL_STGP_ANY_MDN`).
    pub median_debt: Outcome<Money>,
}

/// The earnings columns himkit reads, in order of preference: the longest horizon after
/// completion that the release has. Scorecard measures each horizon on a different cohort, so
/// himkit takes one column and never mixes them.
pub(crate) const EARNINGS_COLUMNS: &[&str] = &[
    "EARN_MDN_5YR",
    "EARN_MDN_4YR",
    "EARN_NE_MDN_3YR",
    "EARN_MDN_HI_2YR",
    "EARN_MDN_HI_1YR",
    "EARN_MDN_1YR",
];

const DEBT_COLUMNS: &[&str] = &["DEBT_ALL_STGP_EVAL_MDN", "DEBT_ALL_STGP_ANY_MDN"];

/// Maps `CREDLEV`: 1 undergraduate certificate, 2 associate, 3 bachelor's, 4 post-baccalaureate
/// certificate, 5 master's, 6 doctoral, 7 first professional (a doctorate here), 8 graduate
/// certificate (a post-baccalaureate certificate here).
fn level(code: &str) -> std::result::Result<DegreeLevel, CellError> {
    Ok(match code.trim() {
        "1" => DegreeLevel::Certificate,
        "2" => DegreeLevel::Associate,
        "3" => DegreeLevel::Baccalaureate,
        "4" | "8" => DegreeLevel::PostBaccalaureateCertificate,
        "5" => DegreeLevel::Masters,
        "6" | "7" => DegreeLevel::Doctorate,
        other => {
            return Err(CellError::new(
                "CREDLEV",
                format!("{other:?} is not a Scorecard credential level (1 to 8)"),
            ));
        }
    })
}

fn money_outcome(column: &str, text: &str, year: Year) -> std::result::Result<Outcome<Money>, CellError> {
    match text.trim() {
        "" => Ok(Outcome::NotReported),
        "NULL" => Ok(Outcome::NotAvailable),
        "PrivacySuppressed" => Ok(Outcome::Suppressed {
            reason: Text::new("privacy-suppressed by College Scorecard (cohort too small to publish)")
                .map_err(|error| CellError::from_error(column, error))?,
        }),
        other => {
            let dollars: f64 = other
                .replace(',', "")
                .parse()
                .ok()
                .filter(|value: &f64| value.is_finite() && *value >= 0.0)
                .ok_or_else(|| CellError::new(column, format!("{other:?} is not an amount of dollars")))?;
            // Medians of an even count can end in .5; the model keeps whole dollars.
            let money =
                Money::new(dollars.round() as u64).map_err(|error| CellError::from_error(column, error))?;
            let note = format!(
                "College Scorecard {column}: reported for the whole 4-digit CIP family, which pools this program \
                 with the family's others (51.07 holds HIM and HIT with health administration, medical office \
                 management, coding and billing); federally aided completers only"
            );
            Ok(Outcome::Reported {
                value: money,
                year,
                scope: Scope::FieldOfStudy,
                note: Some(Text::new(&note).map_err(|error| CellError::from_error(column, error))?),
            })
        }
    }
}

/// Reads a College Scorecard field-of-study CSV as published (see [`attach_scorecard`]).
pub(crate) fn read_scorecard_csv<R: Read>(
    source: &str,
    reader: R,
    options: &ScorecardOptions,
) -> Result<ReadOutcome<ScorecardRecord>> {
    let mut csv = CsvRecords::new(source, reader, &options.limits, csv::Trim::None);
    let place = |line: Option<u64>| Location {
        source: Some(source.to_owned()),
        line,
        ..Location::default()
    };
    let header = csv.header()?;
    let columns = Columns::new(&header);
    let header_place = place(Some(1));
    let unitid = columns.require("UNITID", &header_place)?;
    let cip = columns.require("CIPCODE", &header_place)?;
    let credential = columns.require("CREDLEV", &header_place)?;
    let institution = columns.find("INSTNM");
    let earnings = columns.find_any(EARNINGS_COLUMNS);
    let debt = columns.find_any(DEBT_COLUMNS);
    let mut outcome = ReadOutcome::new();
    let mut record = csv::StringRecord::new();
    while csv.read_text(&mut record, options.mode, &mut outcome)? {
        let cell = |index: usize| record.get(index).unwrap_or("");
        let row = || -> std::result::Result<ScorecardRecord, CellError> {
            let cip_text = cell(cip).trim();
            // Scorecard stores CIPCODE as a number, so 0101 may arrive as 101.
            let padded = format!("{cip_text:0>4}");
            Ok(ScorecardRecord {
                unitid: cell(unitid)
                    .parse()
                    .map_err(|error| CellError::from_error("UNITID", error))?,
                institution: institution.map(cell).and_then(|name| Text::new(name).ok()),
                cip_family: padded
                    .parse()
                    .map_err(|error| CellError::from_error("CIPCODE", error))?,
                level: level(cell(credential))?,
                median_earnings: match &earnings {
                    Some((index, name)) => money_outcome(name, cell(*index), options.year)?,
                    None => Outcome::NotReported,
                },
                median_debt: match &debt {
                    Some((index, name)) => money_outcome(name, cell(*index), options.year)?,
                    None => Outcome::NotReported,
                },
            })
        };
        match row() {
            Ok(item) => outcome.items.push(item),
            Err(problem) => outcome.skip_or_fail(options.mode, problem.into_error(place(csv.line())))?,
        }
    }
    Ok(outcome)
}

/// The year of a reported outcome.
fn reported_year<T>(outcome: &Outcome<T>) -> Option<Year> {
    match outcome {
        Outcome::Reported { year, .. } => Some(*year),
        _ => None,
    }
}

/// What [`attach_scorecard`] did. It serializes with each skipped row's error as its message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct Attachment {
    /// The rows a lenient read skipped, each with its error (empty in strict mode).
    #[serde(serialize_with = "super::error_messages")]
    pub skipped: Vec<Error>,
    /// The catalogue with Scorecard outcomes attached.
    pub catalog: Catalog,
    /// Programs that received at least one Scorecard outcome. A matched program whose own
    /// figures cover both earnings and debt receives none and is not listed.
    pub attached: Vec<ProgramId>,
    /// Programs with a UNITID and CIP code but no matching Scorecard row.
    pub unmatched: Vec<ProgramId>,
    /// Programs without a UNITID or CIP code, which cannot be matched.
    pub unidentified: Vec<ProgramId>,
}

/// Reads a College Scorecard field-of-study file and attaches its median earnings and debt to
/// the programs they describe: same UNITID,
/// same four-digit CIP family, same credential level. A program's own reported figure is kept;
/// Scorecard fills only outcomes the program does not report, and the outcome's note says that
/// the figure is pooled over the CIP family; a program that receives a figure names the
/// Scorecard file of its year as the source of its outcomes.
///
/// The file is read as published. `UNITID`, `CIPCODE` and `CREDLEV`
/// are required; unknown columns are ignored; `PrivacySuppressed` becomes
/// [`Outcome::Suppressed`], `NULL` or an empty cell [`Outcome::NotReported`].
/// The file carries no year: its outcomes are labelled with `year`, the release or the cohort
/// year, as the caller prefers.
///
/// ```
/// use himkit::Year;
/// use himkit::io::{ReadOptions, attach_scorecard};
///
/// let catalog = himkit::Dataset::national()?.catalog().clone();
/// let file = "UNITID,INSTNM,CIPCODE,CREDLEV,EARN_MDN_4YR,DEBT_ALL_STGP_EVAL_MDN\n\
///             100724,Alabama State University,5107,3,41000,PrivacySuppressed\n";
/// let attached = attach_scorecard(&catalog, "fos.csv", file.as_bytes(), Year::new(2025)?, &ReadOptions::default())?;
/// assert!(!attached.attached.is_empty());
/// # Ok::<(), himkit::Error>(())
/// ```
///
/// # Errors
/// An error located at the line and column for a missing required column or (in strict mode)
/// a bad row; [`ErrorKind::Io`](crate::ErrorKind::Io) if reading fails.
pub fn attach_scorecard(
    catalog: &Catalog,
    source: &str,
    reader: impl Read,
    year: Year,
    options: &ReadOptions,
) -> Result<Attachment> {
    let mut scorecard = ScorecardOptions::new(year);
    scorecard.mode = options.mode;
    scorecard.limits = options.limits;
    let read = read_scorecard_csv(source, reader, &scorecard)?;
    let mut attachment = attach_records(catalog, &read.items)?;
    attachment.skipped = read.skipped;
    Ok(attachment)
}

/// Attaches read field-of-study records; see [`attach_scorecard`].
pub(crate) fn attach_records(catalog: &Catalog, records: &[ScorecardRecord]) -> Result<Attachment> {
    let mut attached = Vec::new();
    let mut unmatched = Vec::new();
    let mut unidentified = Vec::new();
    let mut programs: Vec<Program> = Vec::with_capacity(catalog.len());
    // The first record of each (institution, CIP family, level), found once rather than
    // searched for per program: a full field-of-study file has some 200,000 rows.
    let mut by_program: HashMap<(Unitid, CipFamily, DegreeLevel), &ScorecardRecord> = HashMap::new();
    for record in records {
        by_program
            .entry((record.unitid, record.cip_family, record.level))
            .or_insert(record);
    }
    for program in catalog {
        let (Some(unitid), Some(cip)) = (program.institution().unitid(), program.cip()) else {
            unidentified.push(program.id().clone());
            programs.push(program.clone());
            continue;
        };
        let Some(record) = by_program.get(&(unitid, cip.family(), program.degree_level())) else {
            unmatched.push(program.id().clone());
            programs.push(program.clone());
            continue;
        };
        let mut spec = program.to_spec();
        let mut changed = false;
        // The year the attached figures describe, for the program's sources.
        let mut year = None;
        if !spec.outcomes.median_earnings.is_reported() && record.median_earnings != Outcome::NotReported {
            spec.outcomes.median_earnings = record.median_earnings.clone();
            year = year.or(reported_year(&record.median_earnings));
            changed = true;
        }
        if !spec.outcomes.median_debt.is_reported() && record.median_debt != Outcome::NotReported {
            spec.outcomes.median_debt = record.median_debt.clone();
            year = year.or(reported_year(&record.median_debt));
            changed = true;
        }
        if changed {
            if let Some(year) = year {
                spec.sources.insert(
                    SourcedField::Outcomes,
                    Source::new(SourceFile::ScorecardFieldOfStudy, &year.get().to_string())?,
                );
            }
            attached.push(program.id().clone());
            programs.push(Program::new(spec)?);
        } else {
            programs.push(program.clone());
        }
    }
    Ok(Attachment {
        skipped: Vec::new(),
        catalog: Catalog::new(programs)?,
        attached,
        unmatched,
        unidentified,
    })
}
