//! The default dataset that ships inside the crate.

use std::sync::OnceLock;

use crate::career::JobOutlook;
use crate::catalog::Catalog;
use crate::error::Result;
use crate::io::reference::{read_reference_projections, read_reference_wages};
use crate::io::{BuildSummary, CatalogInputs};
use crate::value::{SocCode, Year};
use crate::wage::{Area, WageStatistics};

const PROGRAMS_JSON: &str = include_str!("../data/programs.json");
const WAGES_CSV: &str = include_str!("../data/oews_him_national.csv");
const STATE_WAGES_CSV: &str = include_str!("../data/oews_him_state.csv");
const PROJECTIONS_CSV: &str = include_str!("../data/projections_him.csv");
const HD: &[u8] = include_bytes!("../data/federal/hd2024_him.csv");
const COMPLETIONS: &[u8] = include_bytes!("../data/federal/c2024_a_him_first_majors.csv");
const IC: &[u8] = include_bytes!("../data/federal/ic2022_him.csv");
const IC_AY: &[u8] = include_bytes!("../data/federal/ic2022_ay_him.csv");
const SCORECARD_INSTITUTIONS: &[u8] = include_bytes!("../data/federal/scorecard_institution_him.csv");
const OUTCOME_MEASURES: &[u8] = include_bytes!("../data/outcomes/ipeds_om2023_award_rates.csv");
const GRADUATION_RATES: &[u8] = include_bytes!("../data/outcomes/ipeds_gr_150_2016_2023.csv");
const SCORECARD_EARNINGS: &[u8] = include_bytes!("../data/outcomes/scorecard_institution_earnings_2025.csv");
/// The release of the embedded College Scorecard earnings file (May 2025).
const SCORECARD_EARNINGS_RELEASE: &str = "2025";
/// The release of the embedded College Scorecard institution file.
const SCORECARD_RELEASE: &str = "2021-22";
/// The collection years of the embedded federal files.
const HD_YEAR: u16 = 2024;
const IC_YEAR: u16 = 2022;

/// The national dataset, built on first use.
static NATIONAL: OnceLock<Result<(Dataset, BuildSummary)>> = OnceLock::new();

/// Programs, wage statistics and job outlooks, loaded together.
///
/// [`Dataset::national`] gives the real programs: the national HIM catalogue built from the
/// IPEDS and College Scorecard files that ship with himkit (see [`Dataset::national`]).
/// [`Dataset::embedded`] gives the data that ships with himkit with the *illustrative* catalogue:
/// - **wages**: national BLS OEWS figures for the HIM occupations (11-9111, 29-9021, 29-2072
///   and the SOC 2010 code 29-2071), all industries and the main industries, for the years a
///   citable source gives, and the May 2024 figures of every state, DC and territory BLS
///   publishes one for, each with its source and confidence. Both datasets carry the same
///   wages: what an occupation pays in a state does not depend on which catalogue is ranked, so
///   expected earnings for a student in Ohio are Ohio's figures with either;
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

    /// The dataset embedded in the crate with the **illustrative** catalogue of fictional
    /// programs (see the type's docs); [`Dataset::national`] has the real programs.
    ///
    /// # Errors
    /// Never in a released crate: the embedded files are checked by the test suite. The
    /// `Result` exists because they are parsed by the same readers as user files.
    pub fn embedded() -> Result<Self> {
        Ok(Self {
            catalog: Catalog::from_json_str("programs.json (embedded)", PROGRAMS_JSON)?,
            wages: embedded_wages()?,
            outlooks: read_reference_projections(
                "projections_him.csv (embedded)",
                PROJECTIONS_CSV.as_bytes(),
            )?,
        })
    }

    /// The national HIM catalogue with the embedded BLS wages and projections: one program per
    /// institution, CIP code (51.0706 HIM, 51.0707 HIT) and IPEDS award level among the first
    /// majors of IPEDS Completions 2024 (`C2024_A`), joined with IPEDS HD2024, IC2022 (distance
    /// education), `IC2022_AY` (charges) and College Scorecard's institution file (2021-22
    /// release; tuition where `IC_AY` has none), built by
    /// [`CatalogInputs::build`](crate::io::CatalogInputs::build) as any user's files are. The files are line subsets of the published
    /// ones, in the crate's `data/federal/` with their sources.
    ///
    /// Every program's accreditation is not verified (federal files do not record programmatic
    /// accreditation), its length is typical for its award level, its cost is an estimate or
    /// unknown, and its delivery is often only "the institution offers distance programs":
    /// [`Dataset::national_summary`] counts each.
    ///
    /// Built once per process on first use; later calls clone the result.
    ///
    /// ```
    /// use himkit::Dataset;
    /// use himkit::program::AccreditationState;
    ///
    /// let dataset = Dataset::national()?;
    /// assert_eq!(dataset.catalog().len(), 897);
    /// let program = dataset.catalog().get("alabama-state-university-100724-510706-aw5").expect("listed");
    /// assert_eq!(*program.accreditation(), AccreditationState::NotVerified);
    /// assert!(program.cost().known().is_some_and(|cost| cost.is_estimate()));
    /// # Ok::<(), himkit::Error>(())
    /// ```
    ///
    /// # Errors
    /// Never in a released crate: the embedded files are checked by the test suite.
    pub fn national() -> Result<Self> {
        national().map(|(dataset, _)| dataset.clone())
    }

    /// What building [`Dataset::national`] left unknown or out.
    ///
    /// # Errors
    /// As [`Dataset::national`].
    pub fn national_summary() -> Result<BuildSummary> {
        national().map(|(_, summary)| summary.clone())
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
        self.latest_wages(occupation, &Area::National)
    }

    /// The most recent all-industry statistics for `occupation` in `area` that include a median:
    /// the figure expected earnings use for a student living there. `None` where the dataset
    /// has none for the area (BLS publishes no 29-9021 figure for Guam); selection then falls
    /// back on [`latest_national_wages`](Self::latest_national_wages), and so can a caller.
    ///
    /// One state's figures beside the nation's:
    ///
    /// ```
    /// use himkit::{Dataset, HimOccupation, UsState};
    /// use himkit::wage::Area;
    ///
    /// let dataset = Dataset::national()?;
    /// let soc = HimOccupation::HealthInformationTechnologistsAndMedicalRegistrars.soc();
    /// let ohio = dataset.latest_wages(soc, &Area::State { state: UsState::Ohio }).unwrap();
    /// let nation = dataset.latest_national_wages(soc).unwrap();
    /// assert_eq!(ohio.median().to_string(), "$70,620");
    /// assert_eq!(nation.median().to_string(), "$67,310");
    /// assert_eq!(ohio.period().label(), "May 2024");
    /// assert!(dataset.latest_wages(soc, &Area::State { state: UsState::Guam }).is_none());
    /// # Ok::<(), himkit::Error>(())
    /// ```
    #[must_use]
    pub fn latest_wages(&self, occupation: SocCode, area: &Area) -> Option<&WageStatistics> {
        self.wages
            .iter()
            .filter(|wages| {
                wages.occupation() == occupation
                    && wages.area() == area
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

/// The embedded wage tables `oews_him_state.csv` and `oews_him_national.csv`, both written by
/// `scripts/embed_wages.sh`. The states come first and the nation last: code that takes the
/// last of several equally recent, equally complete figures of an occupation without looking
/// at the area (as the `wages` example's table of the embedded data does) then shows the
/// nation's, as it did before the states were embedded.
fn embedded_wages() -> Result<Vec<WageStatistics>> {
    let mut wages = read_reference_wages("oews_him_state.csv (embedded)", STATE_WAGES_CSV.as_bytes())?;
    wages.extend(read_reference_wages(
        "oews_him_national.csv (embedded)",
        WAGES_CSV.as_bytes(),
    )?);
    Ok(wages)
}

fn national() -> Result<&'static (Dataset, BuildSummary)> {
    NATIONAL
        .get_or_init(build_national)
        .as_ref()
        .map_err(Clone::clone)
}

fn build_national() -> Result<(Dataset, BuildSummary)> {
    let built = CatalogInputs::new(
        ("hd2024_him.csv (embedded)", HD),
        ("c2024_a_him_first_majors.csv (embedded)", COMPLETIONS),
        Year::new(HD_YEAR)?,
    )
    .with_distance(("ic2022_him.csv (embedded)", IC), Year::new(IC_YEAR)?)
    .with_charges(("ic2022_ay_him.csv (embedded)", IC_AY), Year::new(IC_YEAR)?)
    .with_scorecard_institutions(
        ("scorecard_institution_him.csv (embedded)", SCORECARD_INSTITUTIONS),
        SCORECARD_RELEASE,
    )?
    .with_scorecard_institutions(
        (
            "scorecard_institution_earnings_2025.csv (embedded)",
            SCORECARD_EARNINGS,
        ),
        SCORECARD_EARNINGS_RELEASE,
    )?
    // Their columns say their years: the entering cohort of 2015 (Outcome Measures 2023), and
    // GR2016 to GR2023.
    .with_institution_outcomes(
        ("ipeds_om2023_award_rates.csv (embedded)", OUTCOME_MEASURES),
        None,
    )
    .with_institution_outcomes(("ipeds_gr_150_2016_2023.csv (embedded)", GRADUATION_RATES), None)
    .build()?;
    Ok((
        Dataset {
            catalog: built.catalog,
            wages: embedded_wages()?,
            outlooks: read_reference_projections(
                "projections_him.csv (embedded)",
                PROJECTIONS_CSV.as_bytes(),
            )?,
        },
        built.summary,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_dataset_loads() {
        let dataset = Dataset::embedded().unwrap();
        assert_eq!(dataset.catalog().len(), 17);
        assert_eq!(
            dataset.wages().len(),
            WAGES_CSV.lines().count() - 1 + STATE_WAGES_CSV.lines().count() - 1
        );
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
