//! BLS employment projections: is a career growing?

use std::fmt;

use serde::{Deserialize, Serialize};

use super::occupation::EntryEducation;
use crate::error::{Error, Result};
use crate::value::{SocCode, Text, Year};
use crate::wage::Provenance;

/// A projection period, written `2023-2033`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct ProjectionPeriod {
    start: Year,
    end: Year,
}

impl ProjectionPeriod {
    /// Creates a period.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) unless `end` is after `start`.
    pub fn new(start: Year, end: Year) -> Result<Self> {
        if end <= start {
            return Err(Error::invalid(
                "projection_period",
                format!("{start}-{end}"),
                "does not end after it starts",
            ));
        }
        Ok(Self { start, end })
    }

    /// The base year.
    #[must_use]
    pub fn start(self) -> Year {
        self.start
    }

    /// The projected year.
    #[must_use]
    pub fn end(self) -> Year {
        self.end
    }
}

impl std::str::FromStr for ProjectionPeriod {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let refuse =
            || Error::invalid_text("projection_period", text, "is not a period of the form YYYY-YYYY");
        let (start, end) = text.split_once('-').ok_or_else(refuse)?;
        let start: Year = start.parse().map_err(|_| refuse())?;
        let end: Year = end.parse().map_err(|_| refuse())?;
        ProjectionPeriod::new(start, end)
    }
}

impl fmt::Display for ProjectionPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

crate::error::deserialize_by_try_from!(ProjectionPeriod, String);

impl TryFrom<String> for ProjectionPeriod {
    type Error = Error;

    fn try_from(text: String) -> Result<Self> {
        text.parse()
    }
}

impl From<ProjectionPeriod> for String {
    fn from(period: ProjectionPeriod) -> String {
        period.to_string()
    }
}

/// One BLS employment projection for an occupation.
///
/// Projection employment ("number of jobs") includes the self-employed, unlike OEWS wage-table
/// employment, so the two counts differ for the same year.
///
/// ```
/// use himkit::{Dataset, HimOccupation};
///
/// let dataset = Dataset::embedded()?;
/// let outlook = dataset
///     .latest_outlook(HimOccupation::HealthInformationTechnologistsAndMedicalRegistrars.soc())
///     .unwrap();
/// assert_eq!(outlook.period().to_string(), "2022-2032");
/// assert!(outlook.is_growing());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(into = "JobOutlookSpec")]
pub struct JobOutlook {
    spec: JobOutlookSpec,
}

/// Everything needed to create a [`JobOutlook`]; also its JSON form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // Each field is documented on the accessor of the same name.
pub struct JobOutlookSpec {
    pub occupation: SocCode,
    pub occupation_title: Text,
    pub period: ProjectionPeriod,
    pub growth_percent: f64,
    #[serde(default)]
    pub employment_change: Option<i64>,
    #[serde(default)]
    pub openings_per_year: Option<u32>,
    #[serde(default)]
    pub base_employment: Option<u32>,
    #[serde(default)]
    pub typical_entry_education: Option<EntryEducation>,
    pub provenance: Provenance,
}

impl JobOutlook {
    /// Creates a projection.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the growth is not a finite percentage of at least −100.
    pub fn new(spec: JobOutlookSpec) -> Result<Self> {
        if !spec.growth_percent.is_finite() || spec.growth_percent < -100.0 || spec.growth_percent > 10_000.0
        {
            return Err(Error::invalid(
                "growth_percent",
                spec.growth_percent,
                "is not a finite percentage between -100 and 10000",
            ));
        }
        Ok(Self { spec })
    }

    /// The occupation's SOC code.
    #[must_use]
    pub fn occupation(&self) -> SocCode {
        self.spec.occupation
    }

    /// The occupation's title as the source gives it.
    #[must_use]
    pub fn occupation_title(&self) -> &str {
        self.spec.occupation_title.as_str()
    }

    /// The projection period.
    #[must_use]
    pub fn period(&self) -> ProjectionPeriod {
        self.spec.period
    }

    /// Projected employment growth over the period, in percent.
    #[must_use]
    pub fn growth_percent(&self) -> f64 {
        self.spec.growth_percent
    }

    /// Projected change in the number of jobs, if published.
    #[must_use]
    pub fn employment_change(&self) -> Option<i64> {
        self.spec.employment_change
    }

    /// Projected openings per year (growth plus replacement), if published.
    #[must_use]
    pub fn openings_per_year(&self) -> Option<u32> {
        self.spec.openings_per_year
    }

    /// Jobs in the base year, if published.
    #[must_use]
    pub fn base_employment(&self) -> Option<u32> {
        self.spec.base_employment
    }

    /// The typical entry education BLS gives, if published.
    #[must_use]
    pub fn typical_entry_education(&self) -> Option<EntryEducation> {
        self.spec.typical_entry_education
    }

    /// Where the projection comes from.
    #[must_use]
    pub fn provenance(&self) -> &Provenance {
        &self.spec.provenance
    }

    /// Whether employment is projected to grow.
    #[must_use]
    pub fn is_growing(&self) -> bool {
        self.spec.growth_percent > 0.0
    }
}

crate::error::deserialize_by_try_from!(JobOutlook, JobOutlookSpec);

impl TryFrom<JobOutlookSpec> for JobOutlook {
    type Error = Error;

    fn try_from(spec: JobOutlookSpec) -> Result<Self> {
        JobOutlook::new(spec)
    }
}

impl From<JobOutlook> for JobOutlookSpec {
    fn from(outlook: JobOutlook) -> Self {
        outlook.spec
    }
}
