//! The reference tables himkit ships (`data/oews_him_national.csv`, `data/oews_him_state.csv`,
//! `data/projections_him.csv`):
//! public figures copied with their source, period and confidence, one row each.

use std::io::Read;

use serde::Deserialize;

use super::table::csv_error;
use crate::career::EntryEducation;
use crate::career::{JobOutlook, JobOutlookSpec};
use crate::error::Location;
use crate::error::{Error, Result};
use crate::value::{Confidence, Money, NaicsCode, ReferencePeriod, SocCode, Text, UsState};
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
        .map_err(|_| Error::invalid_text(field, text, "is not a whole number"))
}

/// A wage cell: whole dollars, `>=` and the threshold for a top-coded wage (BLS's `#`), `*`
/// for a wage BLS marks not available, or empty for one the source does not give.
fn wage(field: &str, text: &str) -> Result<Wage> {
    let dollars = |digits: &str| {
        optional_number(field, digits)?
            .map(|dollars| Money::new(dollars).map_err(|error| error.in_field(field)))
            .transpose()
    };
    if text == "*" {
        return Ok(Wage::Unavailable {
            unavailable: Unpublished::NotAvailable,
        });
    }
    if let Some(threshold) = text.strip_prefix(">=") {
        return match dollars(threshold)? {
            Some(at_least) => Ok(Wage::AtLeast { at_least }),
            None => Err(Error::invalid_text(
                field,
                text,
                "is a top-coded wage without its threshold (write >=239200)",
            )),
        };
    }
    Ok(dollars(text)?.map_or(Wage::NOT_IN_SOURCE, Wage::Amount))
}

/// The `employment` cell: a count, `**` for a count BLS does not release, or empty for one
/// the source does not give.
fn employment(text: &str) -> Result<Employment> {
    let unavailable = |unavailable| Employment::Unavailable { unavailable };
    if text == "**" {
        return Ok(unavailable(Unpublished::NotAvailable));
    }
    match optional_number("employment", text)? {
        None => Ok(unavailable(Unpublished::NotInSource)),
        Some(count) => u32::try_from(count)
            .map(Employment::Count)
            .map_err(|_| Error::invalid("employment", count, "is larger than any occupation")),
    }
}

/// The `area` cell: `US` for the nation, or a state's, DC's or a territory's postal code.
fn area(text: &str) -> Result<Area> {
    if text == "US" {
        return Ok(Area::National);
    }
    text.parse::<UsState>()
        .map(|state| Area::State { state })
        .map_err(|_| {
            Error::invalid_text(
                "area",
                text,
                "is neither US nor the postal code of a state, DC or a territory",
            )
        })
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

/// Reads a table in the form of himkit's `data/oews_him_national.csv` and
/// `data/oews_him_state.csv`: annual wages with columns `soc, occupation, period, area, naics,
/// industry, employment, annual_mean, annual_p10, annual_p25, annual_median, annual_p75,
/// annual_p90, confidence, source`. `area` is `US` or a state's postal code. An empty cell is a
/// figure the source does not give; BLS's markers keep their meaning: `**` employment and `*` a
/// wage not released, and a top-coded wage (BLS's `#`) is written `>=` and its threshold, so
/// that it stays a bound. The embedded wage data is read by this function.
///
/// # Errors
/// An error located at the line for a malformed row or a refused value.
pub(crate) fn read_reference_wages(source: &str, text: impl Read) -> Result<Vec<WageStatistics>> {
    read_rows(source, text, |row: WageRow| {
        let occupation: SocCode = row.soc.parse().map_err(|error: Error| error.in_field("soc"))?;
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
        let employment = employment(&row.employment)?;
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
            area: area(&row.area)?,
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
        let growth_percent: f64 = row
            .growth_percent
            .parse()
            .map_err(|_| Error::invalid_text("growth_percent", &row.growth_percent, "is not a number"))?;
        let employment_change = if row.employment_change.is_empty() {
            None
        } else {
            Some(
                row.employment_change
                    .replace(',', "")
                    .parse::<i64>()
                    .map_err(|_| {
                        Error::invalid_text(
                            "employment_change",
                            &row.employment_change,
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

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "soc,occupation,period,area,naics,industry,employment,annual_mean,annual_p10,annual_p25,annual_median,annual_p75,annual_p90,confidence,source\n";

    fn read(row: &str) -> Result<Vec<WageStatistics>> {
        read_reference_wages("w.csv", format!("{HEADER}{row}\n").as_bytes())
    }

    #[test]
    fn state_rows_keep_bls_markers() {
        let rows = read("11-9111,Managers,2024-05,DE,000000,Cross-industry,**,152670,84160,91280,125150,*,>=239200,third-party,x").unwrap();
        let [row] = rows.as_slice() else { panic!("one row") };
        assert_eq!(
            *row.area(),
            Area::State {
                state: UsState::Delaware
            }
        );
        assert_eq!(
            row.employment(),
            Employment::Unavailable {
                unavailable: Unpublished::NotAvailable
            }
        );
        let p75 = row.percentiles().get(crate::wage::Percentile::P75);
        assert_eq!(
            p75,
            Wage::Unavailable {
                unavailable: Unpublished::NotAvailable
            }
        );
        let p90 = row.percentiles().get(crate::wage::Percentile::P90);
        assert_eq!(
            p90,
            Wage::AtLeast {
                at_least: Money::new(239_200).unwrap()
            }
        );
    }

    #[test]
    fn unknown_areas_and_bare_bounds_are_refused() {
        let error =
            read("11-9111,Managers,2024-05,XX,000000,Cross-industry,1,1,1,1,1,1,1,confirmed,x").unwrap_err();
        assert_eq!(
            error.to_string(),
            "w.csv line 2: area: \"XX\" is neither US nor the postal code of a state, DC or a territory"
        );
        let error =
            read("11-9111,Managers,2024-05,US,000000,Cross-industry,1,1,1,1,1,1,>=,confirmed,x").unwrap_err();
        assert_eq!(
            error.to_string(),
            "w.csv line 2: annual_p90: \">=\" is a top-coded wage without its threshold (write >=239200)"
        );
    }
}
