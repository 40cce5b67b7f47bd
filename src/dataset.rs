//! The default dataset that ships inside the crate.

use crate::catalog::Catalog;
use crate::error::Result;
use crate::io::{read_reference_projections, read_reference_wages};
use crate::outlook::JobOutlook;
use crate::value::SocCode;
use crate::wage::{Area, WageStatistics};

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
            wages: read_reference_wages("oews_him_national.csv (embedded)", WAGES_CSV.as_bytes())?,
            outlooks: read_reference_projections(
                "projections_him.csv (embedded)",
                PROJECTIONS_CSV.as_bytes(),
            )?,
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
    fn reference_rows_report_their_line() {
        let text = "soc,occupation,period,area,naics,industry,employment,annual_mean,annual_p10,annual_p25,annual_median,annual_p75,annual_p90,confidence,source\n\
                    11-9111,Managers,2019-05,US,000000,Cross-industry,10,1,1,2,3,4,5,confirmed,x\n\
                    11-9111,Managers,2019-05,US,000000,Cross-industry,10,1,9,2,3,4,5,confirmed,x\n";
        let error = read_reference_wages("w.csv", text.as_bytes()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "w.csv line 3: percentiles.p25: $2 is below the p10 wage ($9); percentiles must not decrease"
        );
    }
}
