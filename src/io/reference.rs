//! The reference tables himkit ships (`data/oews_him_national.csv`, `data/projections_him.csv`):
//! public figures copied with their source, period and confidence, one row each.

use std::io::Read;

use serde::Deserialize;

use super::table::csv_error;
use crate::career::EntryEducation;
use crate::career::{JobOutlook, JobOutlookSpec};
use crate::error::Location;
use crate::error::{Error, Result};
use crate::value::{Confidence, Money, NaicsCode, ReferencePeriod, SocCode, Text};
use crate::wage::{
    Area, Employment, Industry, Provenance, Unpublished, Wage, WagePercentiles, WageStatistics,
    WageStatisticsSpec,
};

/// One row of the reference wage table (`data/oews_him_national.csv`).
#[derive(Deserialize)]
struct WageRow {
    soc: String,
    occupation: String,
    period: String,
    area: String,
    naics: String,
    industry: String,
    employment: String,
    annual_mean: String,
    annual_p10: String,
    annual_p25: String,
    annual_median: String,
    annual_p75: String,
    annual_p90: String,
    confidence: String,
    source: String,
}

/// One row of the reference projections table (`data/projections_him.csv`).
#[derive(Deserialize)]
struct ProjectionRow {
    soc: String,
    occupation: String,
    period: String,
    growth_percent: String,
    employment_change: String,
    openings_per_year: String,
    base_jobs: String,
    typical_entry_education: String,
    confidence: String,
    source: String,
}

/// Reads `text` as CSV rows of `Row`, converting each with `convert`; every error names the
/// source, the line and, for a refused value, the column.
fn read_rows<Row, Item>(
    source: &str,
    text: impl Read,
    mut convert: impl FnMut(Row) -> Result<Item>,
) -> Result<Vec<Item>>
where
    Row: for<'de> Deserialize<'de>,
{
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text);
    let place = |line: Option<u64>| Location::line_of(source, line);
    let headers = reader
        .headers()
        .map_err(|error| csv_error(source, &error, None))?
        .clone();
    let mut record = csv::StringRecord::new();
    let mut items = Vec::new();
    while reader
        .read_record(&mut record)
        .map_err(|error| csv_error(source, &error, None))?
    {
        let line = record.position().map(csv::Position::line);
        let row: Row = record.deserialize(Some(&headers)).map_err(|error| {
            let message = match error.kind() {
                csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
                _ => error.to_string(),
            };
            Error::at_location(crate::error::ErrorKind::Invalid, place(line), message)
        })?;
        let item = convert(row).map_err(|error| error.at(place(line)))?;
        items.push(item);
    }
    Ok(items)
}

fn optional_number(field: &str, text: &str) -> Result<Option<u64>> {
    if text.is_empty() {
        return Ok(None);
    }
    text.replace(',', "")
        .parse()
        .map(Some)
        .map_err(|_| Error::invalid(field, format!("{text:?}"), "is not a whole number"))
}

fn wage(field: &str, text: &str) -> Result<Wage> {
    match optional_number(field, text)? {
        None => Ok(Wage::NOT_IN_SOURCE),
        Some(dollars) => Money::new(dollars)
            .map(Wage::Amount)
            .map_err(|error| error.in_field(field)),
    }
}

fn provenance(confidence: &str, source: &str) -> Result<Provenance> {
    let (confidence, note) = match confidence.parse::<Confidence>() {
        Ok(level) => (level, None),
        // A row of mixed confidence ("median confirmed; percentiles third-party") carries the
        // weaker level and keeps the wording as a note.
        Err(_) if confidence.contains("third-party") => {
            (Confidence::ThirdParty, Some(Text::new(confidence)?))
        }
        Err(error) => return Err(error),
    };
    Ok(Provenance {
        source: Text::new(source).map_err(|error| error.in_field("source"))?,
        confidence,
        note,
    })
}

/// Reads a table in the form of himkit's `data/oews_him_national.csv`: national annual wages
/// with columns `soc, occupation, period, area, naics, industry, employment, annual_mean,
/// annual_p10, annual_p25, annual_median, annual_p75, annual_p90, confidence, source`. An empty
/// cell is a figure the source does not give. The embedded wage data is read by this function.
///
/// # Errors
/// An error located at the line for a malformed row or a refused value.
pub(crate) fn read_reference_wages(source: &str, text: impl Read) -> Result<Vec<WageStatistics>> {
    read_rows(source, text, |row: WageRow| {
        let occupation: SocCode = row.soc.parse().map_err(|error: Error| error.in_field("soc"))?;
        if row.area != "US" {
            return Err(Error::invalid(
                "area",
                format!("{:?}", row.area),
                "is not US, the only area of the national table",
            ));
        }
        let naics: NaicsCode = row
            .naics
            .parse()
            .map_err(|error: Error| error.in_field("naics"))?;
        let industry = if naics.is_cross_industry() {
            None
        } else {
            Some(Industry {
                naics,
                title: Text::new(&row.industry).map_err(|error| error.in_field("industry"))?,
            })
        };
        let employment = match optional_number("employment", &row.employment)? {
            None => Employment::Unavailable {
                unavailable: Unpublished::NotInSource,
            },
            Some(count) => Employment::Count(
                u32::try_from(count)
                    .map_err(|_| Error::invalid("employment", count, "is larger than any occupation"))?,
            ),
        };
        let percentiles = WagePercentiles::new(
            wage("annual_p10", &row.annual_p10)?,
            wage("annual_p25", &row.annual_p25)?,
            wage("annual_median", &row.annual_median)?,
            wage("annual_p75", &row.annual_p75)?,
            wage("annual_p90", &row.annual_p90)?,
        )?;
        Ok(WageStatistics::new(WageStatisticsSpec {
            occupation,
            occupation_title: Text::new(&row.occupation).map_err(|error| error.in_field("occupation"))?,
            area: Area::National,
            industry,
            ownership: None,
            period: row
                .period
                .parse::<ReferencePeriod>()
                .map_err(|error| error.in_field("period"))?,
            employment,
            mean: wage("annual_mean", &row.annual_mean)?,
            percentiles,
            provenance: provenance(&row.confidence, &row.source)?,
        }))
    })
}

/// Reads a table in the form of himkit's `data/projections_him.csv`: `soc, occupation, period,
/// growth_percent, employment_change, openings_per_year, base_jobs, typical_entry_education,
/// confidence, source`. The embedded projections are read by this function.
///
/// # Errors
/// An error located at the line for a malformed row or a refused value.
pub(crate) fn read_reference_projections(source: &str, text: impl Read) -> Result<Vec<JobOutlook>> {
    read_rows(source, text, |row: ProjectionRow| {
        let growth_percent: f64 = row.growth_percent.parse().map_err(|_| {
            Error::invalid(
                "growth_percent",
                format!("{:?}", row.growth_percent),
                "is not a number",
            )
        })?;
        let employment_change = if row.employment_change.is_empty() {
            None
        } else {
            Some(
                row.employment_change
                    .replace(',', "")
                    .parse::<i64>()
                    .map_err(|_| {
                        Error::invalid(
                            "employment_change",
                            format!("{:?}", row.employment_change),
                            "is not a whole number",
                        )
                    })?,
            )
        };
        let count = |field: &str, text: &str| -> Result<Option<u32>> {
            optional_number(field, text)?
                .map(|value| u32::try_from(value).map_err(|_| Error::invalid(field, value, "is too large")))
                .transpose()
        };
        JobOutlook::new(JobOutlookSpec {
            occupation: row.soc.parse().map_err(|error: Error| error.in_field("soc"))?,
            occupation_title: Text::new(&row.occupation).map_err(|error| error.in_field("occupation"))?,
            period: row
                .period
                .parse()
                .map_err(|error: Error| error.in_field("period"))?,
            growth_percent,
            employment_change,
            openings_per_year: count("openings_per_year", &row.openings_per_year)?,
            base_employment: count("base_jobs", &row.base_jobs)?,
            typical_entry_education: if row.typical_entry_education.is_empty() {
                None
            } else {
                Some(EntryEducation::from_bls(&row.typical_entry_education)?)
            },
            provenance: provenance(&row.confidence, &row.source)?,
        })
    })
}
