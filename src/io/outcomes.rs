//! Institution outcome files: IPEDS Outcome Measures, IPEDS Graduation Rates and College
//! Scorecard's institution file, each as published and as the column extracts users pass
//! around, read into one row per institution whose figures say whose they are.

use std::io::{BufRead, BufReader, Read};

use super::federal_table::{FederalTable, Row, read_table};
use super::ipeds::{IpedsOptions, IpedsValue, number};
use super::read::{ReadOptions, ReadOutcome};
use super::scorecard_institution::{
    OUTCOME_COLUMNS, ScorecardColumns, ScorecardInstitution, ScorecardInstitutionOptions, ScorecardValue,
};
use super::table::{CellError, Columns};
use super::year_in_file_name;
use crate::error::{Error, Location, Result};
use crate::program::{OM_YEARS_AFTER_ENTRY, Outcome, Scope, SourceFile, outcome_measures_cohort};
use crate::value::{Money, Rate, Text, Unitid, Year};

/// One institution's outcome figures, as an outcome file gives them: the whole institution's
/// (all students, every field of study), never a program's own, so every reported figure has
/// [`Scope::Institution`], the year of its collection or release, and a note naming the file
/// and what it measures.
///
/// A field is `None` when the file has no such column, which is a different state from an
/// empty cell ([`Outcome::NotReported`]); IPEDS's `-3` and Scorecard's `NULL` are
/// [`Outcome::NotAvailable`], `PrivacySuppressed` is [`Outcome::Suppressed`]. Rates are
/// fractions: IPEDS's whole percentages are divided by 100.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct InstitutionOutcomes {
    /// The institution's IPEDS UNITID.
    pub unitid: Unitid,
    /// IPEDS Outcome Measures: the adjusted entering cohort (`OMACHRT`, or `TOTAL_COHORT_yyyy`):
    /// every student who entered, first-time and transfer-in, full-time and part-time.
    pub entering_cohort: Option<Outcome<u32>>,
    /// Outcome Measures: the share of that cohort with any award within 4 years (`OMAWDP4`,
    /// `PCT_AWARD_4YEARS`).
    pub award_rate_4_years: Option<Outcome<Rate>>,
    /// Within 6 years (`OMAWDP6`, `PCT_AWARD_6YRS`): the figure selection uses for a program
    /// without its own graduation rate ([`Outcomes::institution_completion_rate`]).
    ///
    /// [`Outcomes::institution_completion_rate`]: crate::Outcomes::institution_completion_rate
    pub award_rate_6_years: Option<Outcome<Rate>>,
    /// Within 8 years (`OMAWDP8`).
    pub award_rate_8_years: Option<Outcome<Rate>>,
    /// IPEDS Graduation Rates: first-time full-time students who completed within 150% of
    /// normal time (`GRRTTOT`, or the newest `GRyyyy` with a value, whose year is kept).
    pub graduation_rate: Option<Outcome<Rate>>,
    /// The same for Pell grant recipients (`PGRTT`, or the newest `PGRyyyy` with a value).
    pub pell_graduation_rate: Option<Outcome<Rate>>,
    /// College Scorecard: median earnings of federally aided former students, working and not
    /// enrolled, 10 years after entry (`MD_EARN_WNE_P10`).
    pub median_earnings_10_years: Option<Outcome<Money>>,
    /// The same 6 years after entry (`MD_EARN_WNE_P6`).
    pub median_earnings_6_years: Option<Outcome<Money>>,
    /// Scorecard: completion within 150% of normal time (`C150_4`, or `C150_L4` at an
    /// institution under four years).
    pub completion_rate: Option<Outcome<Rate>>,
    /// The same over two pooled cohorts (`C150_4_POOLED`, `C150_L4_POOLED`).
    pub completion_rate_pooled: Option<Outcome<Rate>>,
    /// Scorecard: the median debt of completers (`GRAD_DEBT_MDN`).
    pub median_debt: Option<Outcome<Money>>,
    /// Scorecard: the share of first-time full-time students who return for a second year
    /// (`RET_FT4`, `RET_FTL4`).
    pub retention_rate: Option<Outcome<Rate>>,
}

impl InstitutionOutcomes {
    /// Whether any outcome column was read for the row (a Scorecard file of tuition alone has
    /// none).
    pub(crate) fn has_figures(&self) -> bool {
        self.entering_cohort.is_some()
            || self.award_rate_4_years.is_some()
            || self.award_rate_6_years.is_some()
            || self.award_rate_8_years.is_some()
            || self.graduation_rate.is_some()
            || self.pell_graduation_rate.is_some()
            || self.median_earnings_10_years.is_some()
            || self.median_earnings_6_years.is_some()
            || self.completion_rate.is_some()
            || self.completion_rate_pooled.is_some()
            || self.median_debt.is_some()
            || self.retention_rate.is_some()
    }

    /// A row of `unitid` with no column.
    fn empty(unitid: Unitid) -> Self {
        Self {
            unitid,
            entering_cohort: None,
            award_rate_4_years: None,
            award_rate_6_years: None,
            award_rate_8_years: None,
            graduation_rate: None,
            pell_graduation_rate: None,
            median_earnings_10_years: None,
            median_earnings_6_years: None,
            completion_rate: None,
            completion_rate_pooled: None,
            median_debt: None,
            retention_rate: None,
        }
    }
}

/// Reads an institution outcome file into one row per institution, recognising its layout by
/// its columns (matched by name in any case):
///
/// - **IPEDS Outcome Measures**, as published (one row per UNITID and cohort `OMCHRT`; the
///   total entering cohort, `OMCHRT` 50, is kept, with `OMACHRT`, `OMAWDP4`, `OMAWDP6`,
///   `OMAWDP8`), or as the extract `UnitID, …, TOTAL_COHORT_2015, PCT_AWARD_6YRS,
///   PCT_AWARD_4YEARS`;
/// - **IPEDS Graduation Rates**, as the derived `DRVGR` file (`GRRTTOT`, `PGRTT`) or as the
///   extract of `GRyyyy`/`PGRyyyy` pairs, of which the newest year with a value wins (and is
///   kept as the figure's year);
/// - **College Scorecard's institution file** (`Most-Recent-Cohorts-Institution`), whole or any
///   extract with `UNITID` and one of `MD_EARN_WNE_P10`, `MD_EARN_WNE_P6`, `C150_4`, `C150_L4`,
///   `C150_4_POOLED`, `C150_L4_POOLED`, `GRAD_DEBT_MDN`, `RET_FT4`, `RET_FTL4`. Dollars written
///   as `39435.0` are dollars; rows of branch campuses without an IPEDS UNITID of their own
///   (eight digits) are passed over ([`ReadOutcome::filtered`]).
///
/// `year` is the file's collection year (IPEDS) or release year (Scorecard), for a file whose
/// columns do not say it (only the extracts' do: `TOTAL_COHORT_2015` is Outcome Measures 2023,
/// eight years on; `GR2023` is 2023); without it, the first four-digit year in `source`'s file
/// name is taken (`om2023.csv`, `drvgr2023.csv`, `scorecard_institution_earnings_2025.csv`).
///
/// ```
/// use himkit::io::{ReadOptions, read_institution_outcomes};
/// use himkit::program::Scope;
///
/// let file = "UnitID,Institution Name,TOTAL_COHORT_2015,PCT_AWARD_6YRS,PCT_AWARD_4YEARS\n\
///             202222,Columbus State Community College,8646,27,23\n\
///             487010,The University of Tennessee Health Science Center,131,,";
/// let read = read_institution_outcomes("om.csv", file.as_bytes(), None, &ReadOptions::default())?;
/// let columbus = &read.items[0];
/// let six = columbus.award_rate_6_years.as_ref().expect("the file has the column");
/// assert_eq!(six.value().map(|rate| rate.get()), Some(0.27));
/// assert_eq!(six.scope(), Some(Scope::Institution));
/// assert_eq!(six.to_string(), "27.0% (2023, institution-wide)");
/// assert!(read.items[1].award_rate_6_years.as_ref().is_some_and(|rate| rate.is_not_reported()));
/// assert!(columbus.graduation_rate.is_none()); // not a column of this file
/// # Ok::<(), himkit::Error>(())
/// ```
///
/// # Errors
/// [`ErrorKind::Malformed`](crate::ErrorKind::Malformed) for a file of none of these layouts
/// (naming the columns looked for) or whose year cannot be told, an error located at the line
/// and column of the first bad row in strict mode (a percentage above 100, say), and
/// [`ErrorKind::Io`](crate::ErrorKind::Io) if reading fails.
pub fn read_institution_outcomes(
    source: &str,
    reader: impl Read,
    year: Option<Year>,
    options: &ReadOptions,
) -> Result<ReadOutcome<InstitutionOutcomes>> {
    let options = IpedsOptions {
        table: (*options).into(),
        cip_prefixes: Vec::new(),
    };
    read_outcomes(source, reader, year, &options)
}

/// [`read_institution_outcomes`] with the IPEDS readers' options (the builder's UNITID
/// filter).
pub(crate) fn read_outcomes(
    source: &str,
    reader: impl Read,
    year: Option<Year>,
    ipeds: &IpedsOptions,
) -> Result<ReadOutcome<InstitutionOutcomes>> {
    read_outcomes_of_kind(source, reader, year, ipeds).map(|(read, _)| read)
}

/// [`read_outcomes`], and which kind of file it was.
pub(crate) fn read_outcomes_of_kind(
    source: &str,
    reader: impl Read,
    year: Option<Year>,
    ipeds: &IpedsOptions,
) -> Result<(ReadOutcome<InstitutionOutcomes>, SourceFile)> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let header = read_header(source, &mut reader, ipeds.table.limits.max_record_bytes)?;
    let names: Vec<String> = String::from_utf8_lossy(&header)
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(|name| name.trim().trim_matches('"').trim().to_ascii_uppercase())
        .collect();
    let reader = std::io::Cursor::new(header).chain(reader);
    let has = |name: &str| names.iter().any(|candidate| candidate == name);
    let starts = |prefix: &str| {
        names.iter().any(|candidate| {
            candidate
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.len() == 4 && rest.bytes().all(|byte| byte.is_ascii_digit()))
        })
    };
    let named_year = || year.or_else(|| year_in_file_name(source));
    let unknown_year = |what: &str| {
        Error::malformed(
            Location::in_source(source),
            format!(
                "the year of this {what} file is unknown: give it, or keep the year in the file name (e.g. {})",
                match what {
                    "Outcome Measures" => "om2023.csv",
                    "Graduation Rates" => "drvgr2023.csv",
                    _ => "scorecard_institution_2025.csv",
                }
            ),
        )
    };
    if has("OMCHRT") || has("OMAWDP6") || has("PCT_AWARD_6YRS") || starts("TOTAL_COHORT_") {
        let read = read_table::<OutcomeMeasures>(source, reader, ipeds)?;
        return convert(read, SourceFile::IpedsOutcomeMeasures, |row| {
            let year = match row.cohort_year {
                Some(cohort) => Year::new(cohort.saturating_add(OM_YEARS_AFTER_ENTRY))?,
                None => named_year().ok_or_else(|| unknown_year("Outcome Measures"))?,
            };
            Ok(row.into_outcomes(year))
        });
    }
    if has("GRRTTOT") || starts("GR") {
        let given = named_year();
        let read = read_table::<GraduationRates>(source, reader, ipeds)?;
        return convert(read, SourceFile::IpedsGraduationRates, |row| {
            row.into_outcomes(given, || unknown_year("Graduation Rates"))
        });
    }
    if has("UNITID") && OUTCOME_COLUMNS.iter().any(|column| has(column)) {
        let release = named_year().ok_or_else(|| unknown_year("College Scorecard"))?;
        let scorecard = ScorecardInstitutionOptions::new(ipeds.table.clone());
        let read = read_table::<ScorecardColumns>(source, reader, &scorecard)?;
        return convert(read, SourceFile::ScorecardInstitution, |row| {
            Ok(scorecard_outcomes(&row, release))
        });
    }
    Err(Error::malformed(
        Location::line_of(source, Some(1)),
        "not an institution outcome file: found no Outcome Measures columns (OMCHRT, OMAWDP6, \
         PCT_AWARD_6YRS, TOTAL_COHORT_yyyy), no Graduation Rates columns (GRRTTOT, GRyyyy) and no \
         College Scorecard outcome columns (UNITID with MD_EARN_WNE_P10, C150_4 …)",
    ))
}

/// The header line, read whole (within the limits' bound on one record) so that the layout can
/// be told before the table is read; the table reads it again from the returned bytes.
fn read_header(source: &str, reader: &mut impl BufRead, max_record_bytes: usize) -> Result<Vec<u8>> {
    let budget = u64::try_from(max_record_bytes).unwrap_or(u64::MAX);
    let mut header = Vec::new();
    reader
        .take(budget)
        .read_until(b'\n', &mut header)
        .map_err(|error| Error::io(source, error))?;
    Ok(header)
}

/// A read's rows converted one by one; a conversion's error ends the read (the year of a file
/// is one answer for every row).
fn convert<T>(
    read: ReadOutcome<T>,
    kind: SourceFile,
    mut into: impl FnMut(T) -> Result<InstitutionOutcomes>,
) -> Result<(ReadOutcome<InstitutionOutcomes>, SourceFile)> {
    let mut outcome = ReadOutcome {
        items: Vec::with_capacity(read.items.len()),
        skipped: read.skipped,
        filtered: read.filtered,
    };
    for row in read.items {
        outcome.items.push(into(row)?);
    }
    Ok((outcome, kind))
}

/// A percentage cell of an IPEDS file (a whole number from 0 to 100, or a missing-value code)
/// as a rate.
fn percentage(bytes: &[u8], column: &str) -> std::result::Result<IpedsValue<Rate>, CellError> {
    number(bytes, column)?.try_map(|percent| {
        u32::try_from(percent)
            .ok()
            .filter(|percent| *percent <= 100)
            .and_then(|percent| Rate::new(f64::from(percent) / 100.0).ok())
            .ok_or_else(|| CellError::new(column, format!("{percent} is not a percentage from 0 to 100")))
    })
}

/// An IPEDS value as an institution-wide outcome of `year`, with `note`.
fn ipeds_outcome<T>(value: IpedsValue<T>, year: Year, note: &str) -> Outcome<T> {
    match value {
        IpedsValue::Value(value) => Outcome::Reported {
            value,
            year,
            scope: Scope::Institution,
            note: Text::new(note).ok(),
        },
        IpedsValue::NotReported => Outcome::NotReported,
        IpedsValue::NotApplicable => Outcome::NotApplicable,
        IpedsValue::NotAvailable => Outcome::NotAvailable,
    }
}

/// The columns of an Outcome Measures file, published or extract.
struct OutcomeMeasures {
    unitid: usize,
    /// `OMCHRT`, in the published file: which cohort the row is.
    cohort_kind: Option<usize>,
    /// The year the cohort entered, where a column name gives it (`TOTAL_COHORT_2015`).
    cohort_year: Option<u16>,
    /// Each figure's column and its name as the file has it, for errors.
    cohort: Option<(usize, String)>,
    award_4: Option<(usize, String)>,
    award_6: Option<(usize, String)>,
    award_8: Option<(usize, String)>,
}

/// An Outcome Measures row, as read.
struct MeasuresRow {
    unitid: Unitid,
    cohort_year: Option<u16>,
    cohort: Option<IpedsValue<u32>>,
    award_4: Option<IpedsValue<Rate>>,
    award_6: Option<IpedsValue<Rate>>,
    award_8: Option<IpedsValue<Rate>>,
}

/// `OMCHRT` of the total entering cohort: every student who entered, first-time and
/// transfer-in, full-time and part-time.
const TOTAL_ENTERING: &[u8] = b"50";

impl FederalTable for OutcomeMeasures {
    type Item = MeasuresRow;
    type Options = IpedsOptions;

    fn columns(columns: &Columns, header: &Location) -> Result<Self> {
        let extract_cohort = columns.find_prefixed_year("TOTAL_COHORT_");
        Ok(Self {
            unitid: columns.require("UNITID", header)?,
            cohort_kind: columns.find("OMCHRT"),
            cohort_year: extract_cohort.map(|(_, year)| year),
            cohort: columns
                .find_any(&["OMACHRT"])
                .or_else(|| extract_cohort.map(|(index, year)| (index, format!("TOTAL_COHORT_{year}")))),
            award_4: columns.find_any(&["OMAWDP4", "PCT_AWARD_4YEARS"]),
            award_6: columns.find_any(&["OMAWDP6", "PCT_AWARD_6YRS"]),
            award_8: columns.find_any(&["OMAWDP8"]),
        })
    }

    fn unitid_column(&self) -> usize {
        self.unitid
    }

    fn wanted(&self, row: &Row<'_>, _: &IpedsOptions) -> bool {
        self.cohort_kind
            .is_none_or(|column| row.bytes(column) == TOTAL_ENTERING)
    }

    fn parse(&self, unitid: Unitid, row: &Row<'_>) -> std::result::Result<Option<MeasuresRow>, CellError> {
        let rate = |column: &Option<(usize, String)>| {
            column
                .as_ref()
                .map(|(index, name)| percentage(row.bytes(*index), name))
                .transpose()
        };
        Ok(Some(MeasuresRow {
            unitid,
            cohort_year: self.cohort_year,
            cohort: self
                .cohort
                .as_ref()
                .map(|(index, name)| {
                    row.number(*index, name)?.try_map(|count| {
                        u32::try_from(count)
                            .map_err(|_| CellError::new(name, format!("{count} is too large for a cohort")))
                    })
                })
                .transpose()?,
            award_4: rate(&self.award_4)?,
            award_6: rate(&self.award_6)?,
            award_8: rate(&self.award_8)?,
        }))
    }
}

impl MeasuresRow {
    fn into_outcomes(self, year: Year) -> InstitutionOutcomes {
        let cohort = outcome_measures_cohort(year);
        let note = |within: u8| {
            format!(
                "IPEDS Outcome Measures {year}: every student who entered in {cohort} (first-time and \
                 transfer-in, full-time and part-time), any award within {within} years"
            )
        };
        InstitutionOutcomes {
            unitid: self.unitid,
            entering_cohort: self.cohort.map(|count| {
                ipeds_outcome(
                    count,
                    year,
                    &format!("IPEDS Outcome Measures {year}: students who entered in {cohort}"),
                )
            }),
            award_rate_4_years: self.award_4.map(|rate| ipeds_outcome(rate, year, &note(4))),
            award_rate_6_years: self.award_6.map(|rate| ipeds_outcome(rate, year, &note(6))),
            award_rate_8_years: self.award_8.map(|rate| ipeds_outcome(rate, year, &note(8))),
            ..InstitutionOutcomes::empty(self.unitid)
        }
    }
}

/// The columns of a Graduation Rates file: the derived file's one rate (and Pell rate), or the
/// extract's `GRyyyy`/`PGRyyyy` of several years, newest first.
struct GraduationRates {
    unitid: usize,
    total: Option<usize>,
    pell: Option<usize>,
    by_year: Vec<(u16, usize)>,
    pell_by_year: Vec<(u16, usize)>,
}

/// One of a Graduation Rates row's figures, with the year of its column where the column names
/// one.
struct YearRate {
    year: Option<u16>,
    rate: IpedsValue<Rate>,
}

struct GraduationRow {
    unitid: Unitid,
    graduation: Option<YearRate>,
    pell: Option<YearRate>,
}

impl FederalTable for GraduationRates {
    type Options = IpedsOptions;
    type Item = GraduationRow;

    fn columns(columns: &Columns, header: &Location) -> Result<Self> {
        let mut by_year = columns.all_prefixed_years("GR");
        let mut pell_by_year = columns.all_prefixed_years("PGR");
        by_year.sort_unstable_by_key(|(year, _)| std::cmp::Reverse(*year));
        pell_by_year.sort_unstable_by_key(|(year, _)| std::cmp::Reverse(*year));
        Ok(Self {
            unitid: columns.require("UNITID", header)?,
            total: columns.find("GRRTTOT"),
            pell: columns.find("PGRTT"),
            by_year,
            pell_by_year,
        })
    }

    fn unitid_column(&self) -> usize {
        self.unitid
    }

    fn parse(&self, unitid: Unitid, row: &Row<'_>) -> std::result::Result<Option<GraduationRow>, CellError> {
        let figure = |single: Option<usize>,
                      single_name: &str,
                      years: &[(u16, usize)],
                      prefix: &str|
         -> std::result::Result<Option<YearRate>, CellError> {
            if let Some(index) = single {
                return Ok(Some(YearRate {
                    year: None,
                    rate: percentage(row.bytes(index), single_name)?,
                }));
            }
            // The newest year with a value wins; without one, the newest year's state.
            let mut newest: Option<YearRate> = None;
            for (year, index) in years {
                let rate = percentage(row.bytes(*index), &format!("{prefix}{year}"))?;
                let reported = matches!(rate, IpedsValue::Value(_));
                if reported || newest.is_none() {
                    newest = Some(YearRate {
                        year: Some(*year),
                        rate,
                    });
                }
                if reported {
                    break;
                }
            }
            Ok(newest)
        };
        Ok(Some(GraduationRow {
            unitid,
            graduation: figure(self.total, "GRRTTOT", &self.by_year, "GR")?,
            pell: figure(self.pell, "PGRTT", &self.pell_by_year, "PGR")?,
        }))
    }
}

impl GraduationRow {
    /// The row's figures, each of its column's year (`GR2023`), else of the file's year
    /// (`file_year`, or the error `unknown_year` when the file's year is not known either).
    fn into_outcomes(
        self,
        file_year: Option<Year>,
        unknown_year: impl Fn() -> Error,
    ) -> Result<InstitutionOutcomes> {
        let outcome = |figure: Option<YearRate>, who: &str| -> Result<Option<Outcome<Rate>>> {
            let Some(figure) = figure else {
                return Ok(None);
            };
            let year = match figure.year {
                Some(year) => Year::new(year)?,
                None => file_year.ok_or_else(&unknown_year)?,
            };
            let note = format!(
                "IPEDS Graduation Rates {year}: {who}first-time full-time students, within 150% of normal time"
            );
            Ok(Some(ipeds_outcome(figure.rate, year, &note)))
        };
        Ok(InstitutionOutcomes {
            unitid: self.unitid,
            graduation_rate: outcome(self.graduation, "")?,
            pell_graduation_rate: outcome(self.pell, "Pell grant recipients among ")?,
            ..InstitutionOutcomes::empty(self.unitid)
        })
    }
}

/// The outcome figures of a Scorecard institution row, of the `release` year.
pub(crate) fn scorecard_outcomes(row: &ScorecardInstitution, release: Year) -> InstitutionOutcomes {
    let note = |column: &str| {
        Text::new(&format!("College Scorecard {release}, {column}"))
            .unwrap_or_else(|_| Text::written("College Scorecard"))
    };
    let outcome = |value: ScorecardValue<Rate>, column: &str| value.into_outcome(release, &note(column));
    let money = |value: ScorecardValue<Money>, column: &str| value.into_outcome(release, &note(column));
    InstitutionOutcomes {
        unitid: row.unitid,
        median_earnings_10_years: row
            .median_earnings
            .map(|value| money(value, "MD_EARN_WNE_P10: median earnings 10 years after entry")),
        median_earnings_6_years: row
            .median_earnings_6_years
            .map(|value| money(value, "MD_EARN_WNE_P6: median earnings 6 years after entry")),
        completion_rate: row
            .completion_rate
            .map(|value| outcome(value, "C150: completion within 150% of normal time")),
        completion_rate_pooled: row.completion_rate_pooled.map(|value| {
            outcome(
                value,
                "C150_POOLED: completion within 150% of normal time, two cohorts",
            )
        }),
        median_debt: row
            .median_debt
            .map(|value| money(value, "GRAD_DEBT_MDN: median debt of completers")),
        retention_rate: row
            .retention_rate
            .map(|value| outcome(value, "RET_FT: first-time full-time students who returned")),
        ..InstitutionOutcomes::empty(row.unitid)
    }
}
