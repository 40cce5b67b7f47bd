//! The default dataset that ships inside the crate.

use serde::Deserialize;

use crate::career::EntryEducation;
use crate::catalog::Catalog;
use crate::credential::Confidence;
use crate::error::Location;
use crate::outlook::{JobOutlook, JobOutlookSpec};
use crate::value::{Money, NaicsCode, ReferencePeriod, SocCode, Text};
use crate::wage::{
    Area, Employment, Industry, Provenance, Unpublished, Wage, WagePercentiles, WageStatistics,
    WageStatisticsSpec,
};
use crate::{Error, Result};

const PROGRAMS_JSON: &str = include_str!("../data/programs.json");
const WAGES_CSV: &str = include_str!("../data/oews_him_national.csv");
const PROJECTIONS_CSV: &str = include_str!("../data/projections_him.csv");

/// Programs, wage statistics and job outlooks, loaded together.
///
/// [`Dataset::embedded`] gives the data that ships with himkit:
/// - **wages**: national BLS OEWS figures for the HIM occupations (11-9111, 29-9021, 29-2072
///   and the SOC 2010 code 29-2071), all industries and the main industries, for the years a
///   citable source gives, each with its source and confidence;
/// - **outlooks**: BLS employment projections for the same occupations;
/// - **programs**: an *illustrative* catalogue of fictional programs (every institution is
///   named "(fictional)") that covers every degree level, delivery mode, accreditation status
///   and outcome state, so that every rule and every selection path can be shown. Its costs and
///   outcomes are made up; they are not facts about any real program.
///
/// ```
/// use himkit::{Dataset, HimOccupation};
///
/// let dataset = Dataset::embedded()?;
/// assert!(dataset.catalog().len() >= 17);
/// let wages = dataset.latest_national_wages(HimOccupation::MedicalAndHealthServicesManagers.soc()).unwrap();
/// assert_eq!(wages.period().label(), "May 2024");
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    catalog: Catalog,
    wages: Vec<WageStatistics>,
    outlooks: Vec<JobOutlook>,
}

impl Dataset {
    /// Assembles a dataset.
    #[must_use]
    pub fn new(catalog: Catalog, wages: Vec<WageStatistics>, outlooks: Vec<JobOutlook>) -> Self {
        Self {
            catalog,
            wages,
            outlooks,
        }
    }

    /// The dataset embedded in the crate (see the type's docs).
    ///
    /// # Errors
    /// Never in a released crate: the embedded files are checked by the test suite. The
    /// `Result` exists because they are parsed by the same readers as user files.
    pub fn embedded() -> Result<Self> {
        Ok(Self {
            catalog: Catalog::from_json_str("programs.json (embedded)", PROGRAMS_JSON)?,
            wages: read_reference_wages("oews_him_national.csv (embedded)", WAGES_CSV)?,
            outlooks: read_reference_projections("projections_him.csv (embedded)", PROJECTIONS_CSV)?,
        })
    }

    /// The programs.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The wage statistics.
    #[must_use]
    pub fn wages(&self) -> &[WageStatistics] {
        &self.wages
    }

    /// The job outlooks.
    #[must_use]
    pub fn outlooks(&self) -> &[JobOutlook] {
        &self.outlooks
    }

    /// The most recent all-industry national statistics for `occupation` that include a median.
    #[must_use]
    pub fn latest_national_wages(&self, occupation: SocCode) -> Option<&WageStatistics> {
        self.wages
            .iter()
            .filter(|wages| {
                wages.occupation() == occupation
                    && *wages.area() == Area::National
                    && wages.industry().is_none()
                    && wages.median().amount().is_some()
            })
            .max_by_key(|wages| wages.period())
    }

    /// The most recent projection for `occupation`.
    #[must_use]
    pub fn latest_outlook(&self, occupation: SocCode) -> Option<&JobOutlook> {
        self.outlooks
            .iter()
            .filter(|outlook| outlook.occupation() == occupation)
            .max_by_key(|outlook| outlook.period())
    }
}

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
    text: &str,
    mut convert: impl FnMut(Row) -> Result<Item>,
) -> Result<Vec<Item>>
where
    Row: for<'de> Deserialize<'de>,
{
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let place = |line: Option<u64>| {
        Box::new(Location {
            source: Some(source.to_owned()),
            line,
            column: None,
            path: None,
        })
    };
    let csv_error = |error: &csv::Error| Error::Parse {
        location: place(error.position().map(csv::Position::line)),
        message: csv_message(error),
    };
    let headers = reader.headers().map_err(|error| csv_error(&error))?.clone();
    let mut record = csv::StringRecord::new();
    let mut items = Vec::new();
    while reader
        .read_record(&mut record)
        .map_err(|error| csv_error(&error))?
    {
        let line = record.position().map(csv::Position::line);
        let row: Row = record.deserialize(Some(&headers)).map_err(|error| Error::Parse {
            location: place(line),
            message: csv_message(&error),
        })?;
        let item = convert(row).map_err(|error| Error::Parse {
            location: place(line),
            message: error.to_string(),
        })?;
        items.push(item);
    }
    Ok(items)
}

fn csv_message(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("the row has {len} fields where the header has {expected_len}")
        }
        _ => error.to_string(),
    }
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

fn read_reference_wages(source: &str, text: &str) -> Result<Vec<WageStatistics>> {
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

fn read_reference_projections(source: &str, text: &str) -> Result<Vec<JobOutlook>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_dataset_loads() {
        let dataset = Dataset::embedded().unwrap();
        assert_eq!(dataset.catalog().len(), 17);
        assert_eq!(dataset.wages().len(), WAGES_CSV.lines().count() - 1);
        assert_eq!(dataset.outlooks().len(), PROJECTIONS_CSV.lines().count() - 1);
    }

    #[test]
    fn reference_rows_report_line_and_column() {
        let text = "soc,occupation,period,area,naics,industry,employment,annual_mean,annual_p10,annual_p25,annual_median,annual_p75,annual_p90,confidence,source\n\
                    11-9111,Managers,2019-05,US,000000,Cross-industry,10,1,1,2,3,4,5,confirmed,x\n\
                    11-9111,Managers,2019-05,US,000000,Cross-industry,10,1,9,2,3,4,5,confirmed,x\n";
        let error = read_reference_wages("w.csv", text).unwrap_err();
        assert_eq!(
            error.to_string(),
            "w.csv line 3: percentiles.p25: $2 is below the p10 wage ($9); percentiles must not decrease"
        );
    }
}
