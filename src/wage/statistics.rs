//! Wage statistics (BLS Occupational Employment and Wage Statistics) and where they come from.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::value::{Confidence, Money, NaicsCode, ReferencePeriod, SocCode, Text, UsState};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Why a published figure has no value.
    pub enum Unpublished("unpublished") {
        /// BLS marks the estimate as not available (`*` for wages, `**` for employment).
        NotAvailable,
        /// The source the figure was copied from does not give it.
        NotInSource,
    }
}

/// One annual wage figure: an amount, a top-coded amount, or nothing with its reason.
///
/// BLS does not publish wages above a threshold; it prints `#`, meaning "at least" the
/// threshold ($239,200 a year from May 2022, $208,000 for May 2021 and earlier). That is
/// [`Wage::AtLeast`], never the threshold as if it were the value. In JSON: a number, an object
/// `{"at_least": 239200}`, or `{"unavailable": "not-available"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Wage {
    /// The published amount.
    Amount(Money),
    /// Top-coded: at least this amount.
    AtLeast {
        /// The threshold.
        at_least: Money,
    },
    /// No value, for the reason given.
    Unavailable {
        /// Why.
        unavailable: Unpublished,
    },
}

impl Wage {
    /// The amount, if exactly known.
    #[must_use]
    pub fn amount(self) -> Option<Money> {
        match self {
            Self::Amount(amount) => Some(amount),
            _ => None,
        }
    }

    /// The smallest value the wage can have: the amount or the top-code threshold.
    #[must_use]
    pub fn lower_bound(self) -> Option<Money> {
        match self {
            Self::Amount(amount) | Self::AtLeast { at_least: amount } => Some(amount),
            Self::Unavailable { .. } => None,
        }
    }

    /// A wage the source does not give.
    pub const NOT_IN_SOURCE: Wage = Wage::Unavailable {
        unavailable: Unpublished::NotInSource,
    };
}

impl fmt::Display for Wage {
    /// `$100,980`, `≥ $239,200`, `n/a (not-available)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Amount(amount) => write!(f, "{amount}"),
            Self::AtLeast { at_least } => write!(f, "≥ {at_least}"),
            Self::Unavailable { unavailable } => write!(f, "n/a ({unavailable})"),
        }
    }
}

vocabulary! {
    /// A percentile BLS publishes.
    pub enum Percentile("percentile") {
        /// 10th percentile.
        P10,
        /// 25th percentile.
        P25,
        /// 50th percentile, the median.
        Median,
        /// 75th percentile.
        P75,
        /// 90th percentile.
        P90,
    }
}

/// The 10th, 25th, 50th, 75th and 90th percentile annual wages of one estimate.
///
/// Known values never decrease from one percentile to the next, and once a percentile is
/// top-coded every higher one is too (BLS codes every wage above the threshold).
///
/// ```
/// use himkit::{Money, Wage};
/// use himkit::wage::WagePercentiles;
///
/// let amount = |dollars| Wage::Amount(Money::new(dollars).unwrap());
/// let percentiles = WagePercentiles::new(
///     amount(58_820), amount(76_770), amount(100_980), amount(133_520), amount(189_000))?;
/// assert_eq!(percentiles.median().amount(), Some(Money::new(100_980)?));
/// assert_eq!(percentiles.interquartile_range(), Some(Money::new(56_750)?));
///
/// let decreasing = WagePercentiles::new(
///     amount(60_000), amount(50_000), amount(70_000), amount(80_000), amount(90_000));
/// assert!(decreasing.is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "PercentilesRecord")]
pub struct WagePercentiles {
    values: [Wage; 5],
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PercentilesRecord {
    p10: Wage,
    p25: Wage,
    median: Wage,
    p75: Wage,
    p90: Wage,
}

impl WagePercentiles {
    /// Creates the percentiles.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if a known value is below a lower percentile's, or an exact amount
    /// follows a top-coded one.
    pub fn new(p10: Wage, p25: Wage, median: Wage, p75: Wage, p90: Wage) -> Result<Self> {
        let values = [p10, p25, median, p75, p90];
        let mut previous: Option<(Percentile, Wage)> = None;
        for (percentile, wage) in Percentile::all().zip(values) {
            let Some(bound) = wage.lower_bound() else { continue };
            if let Some((lower, lower_wage)) = previous {
                let lower_bound = lower_wage.lower_bound().unwrap_or(Money::ZERO);
                let field = format!("percentiles.{percentile}");
                if bound < lower_bound {
                    return Err(Error::invalid(
                        field,
                        wage,
                        format!("is below the {lower} wage ({lower_wage}); percentiles must not decrease"),
                    ));
                }
                if matches!(lower_wage, Wage::AtLeast { .. }) && matches!(wage, Wage::Amount(_)) {
                    return Err(Error::invalid(
                        field,
                        wage,
                        format!("is an exact amount above the top-coded {lower} wage ({lower_wage})"),
                    ));
                }
            }
            previous = Some((percentile, wage));
        }
        Ok(Self { values })
    }

    /// Percentiles of which only the median is known (as in OOH summaries).
    #[must_use]
    pub fn median_only(median: Money) -> Self {
        let missing = Wage::NOT_IN_SOURCE;
        Self {
            values: [missing, missing, Wage::Amount(median), missing, missing],
        }
    }

    /// One percentile.
    #[must_use]
    pub fn get(&self, percentile: Percentile) -> Wage {
        let index = Percentile::all().position(|p| p == percentile).unwrap_or(2);
        self.values.get(index).copied().unwrap_or(Wage::NOT_IN_SOURCE)
    }

    /// The median wage.
    #[must_use]
    pub fn median(&self) -> Wage {
        self.get(Percentile::Median)
    }

    /// The 75th minus the 25th percentile, if both are exact amounts.
    #[must_use]
    pub fn interquartile_range(&self) -> Option<Money> {
        let high = self.get(Percentile::P75).amount()?;
        high.checked_sub(self.get(Percentile::P25).amount()?)
    }

    /// The 90th minus the 10th percentile, if both are exact amounts.
    #[must_use]
    pub fn spread(&self) -> Option<Money> {
        let high = self.get(Percentile::P90).amount()?;
        high.checked_sub(self.get(Percentile::P10).amount()?)
    }

    /// Each percentile with its wage, lowest first.
    pub fn iter(&self) -> impl Iterator<Item = (Percentile, Wage)> + '_ {
        Percentile::all().zip(self.values.iter().copied())
    }
}

crate::error::deserialize_by_try_from!(WagePercentiles, PercentilesRecord);

impl TryFrom<PercentilesRecord> for WagePercentiles {
    type Error = Error;

    fn try_from(record: PercentilesRecord) -> Result<Self> {
        WagePercentiles::new(record.p10, record.p25, record.median, record.p75, record.p90)
    }
}

impl From<WagePercentiles> for PercentilesRecord {
    fn from(percentiles: WagePercentiles) -> Self {
        let [p10, p25, median, p75, p90] = percentiles.values;
        Self {
            p10,
            p25,
            median,
            p75,
            p90,
        }
    }
}

/// The geographic area an estimate covers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Area {
    /// The United States.
    National,
    /// A state, DC or territory.
    State {
        /// The state.
        state: UsState,
    },
    /// A metropolitan statistical area (or NECTA), by its OEWS area code.
    Metropolitan {
        /// The OEWS area code.
        code: u32,
        /// The area's title.
        title: Text,
    },
    /// An OEWS nonmetropolitan area.
    Nonmetropolitan {
        /// The OEWS area code.
        code: u32,
        /// The area's title.
        title: Text,
    },
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::National => f.write_str("United States"),
            Self::State { state } => f.write_str(state.name()),
            Self::Metropolitan { title, .. } | Self::Nonmetropolitan { title, .. } => {
                f.write_str(title.as_str())
            }
        }
    }
}

/// An industry an estimate is limited to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Industry {
    /// The NAICS code.
    pub naics: NaicsCode,
    /// The industry's title.
    pub title: Text,
}

/// An OEWS ownership code: who employs the workers an estimate covers (`OWN_CODE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u16")]
pub struct Ownership(u16);

impl Ownership {
    /// Creates an ownership code.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) unless the code has one to four digits.
    pub fn new(code: u64) -> Result<Self> {
        match u16::try_from(code) {
            Ok(code) if (1..=9999).contains(&code) => Ok(Self(code)),
            _ => Err(Error::invalid(
                "own_code",
                code,
                "is not an OEWS ownership code of one to four digits",
            )),
        }
    }

    /// The code.
    #[must_use]
    pub fn code(self) -> u16 {
        self.0
    }

    /// What the code means, for the codes BLS documents.
    #[must_use]
    pub fn description(self) -> Option<&'static str> {
        Some(match self.0 {
            1 => "Federal government",
            2 => "State government",
            3 => "Local government",
            5 => "Private",
            35 => "Private and local government",
            57 => "Private and local government gambling establishments and casino hotels",
            58 => "Private and state and local government hospitals",
            59 => "Private and U.S. Postal Service",
            123 => "Federal, state and local government",
            235 => "Private, state and local government",
            1235 => "All ownerships",
            _ => return None,
        })
    }
}

crate::error::deserialize_by_try_from!(Ownership, u64);

impl TryFrom<u64> for Ownership {
    type Error = Error;

    fn try_from(code: u64) -> Result<Self> {
        Ownership::new(code)
    }
}

impl From<Ownership> for u16 {
    fn from(ownership: Ownership) -> u16 {
        ownership.0
    }
}

/// Where a figure comes from and how far it can be trusted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The source: a URL or a citation.
    pub source: Text,
    /// How far it can be trusted; a figure built from parts of mixed confidence carries the
    /// weakest, with a note.
    pub confidence: Confidence,
    /// A remark on the confidence or coverage, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Employment in an estimate: a count (rounded to tens by BLS, self-employed excluded) or
/// nothing with its reason. In JSON: a number or `{"unavailable": "not-in-source"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Employment {
    /// The count.
    Count(u32),
    /// No count, for the reason given.
    Unavailable {
        /// Why.
        unavailable: Unpublished,
    },
}

impl Employment {
    /// The count, if published.
    #[must_use]
    pub fn count(self) -> Option<u32> {
        match self {
            Self::Count(count) => Some(count),
            Self::Unavailable { .. } => None,
        }
    }
}

/// The wages of one occupation in one area (and optionally one industry) for one reference
/// period, with where the figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WageStatistics {
    occupation: SocCode,
    occupation_title: Text,
    area: Area,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    industry: Option<Industry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ownership: Option<Ownership>,
    period: ReferencePeriod,
    employment: Employment,
    mean: Wage,
    percentiles: WagePercentiles,
    provenance: Provenance,
}

/// Everything needed to create [`WageStatistics`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // Each field is documented on the accessor of the same name.
pub struct WageStatisticsSpec {
    pub occupation: SocCode,
    pub occupation_title: Text,
    pub area: Area,
    pub industry: Option<Industry>,
    pub ownership: Option<Ownership>,
    pub period: ReferencePeriod,
    pub employment: Employment,
    pub mean: Wage,
    pub percentiles: WagePercentiles,
    pub provenance: Provenance,
}

impl WageStatistics {
    /// Creates wage statistics. The percentiles are valid by construction; the mean is not
    /// checked against them (a skewed distribution's mean can lie above the 75th percentile).
    #[must_use]
    pub fn new(spec: WageStatisticsSpec) -> Self {
        Self {
            occupation: spec.occupation,
            occupation_title: spec.occupation_title,
            area: spec.area,
            industry: spec.industry,
            ownership: spec.ownership,
            period: spec.period,
            employment: spec.employment,
            mean: spec.mean,
            percentiles: spec.percentiles,
            provenance: spec.provenance,
        }
    }

    /// The occupation's SOC code.
    #[must_use]
    pub fn occupation(&self) -> SocCode {
        self.occupation
    }

    /// The occupation's title as the source gives it.
    #[must_use]
    pub fn occupation_title(&self) -> &str {
        self.occupation_title.as_str()
    }

    /// The area.
    #[must_use]
    pub fn area(&self) -> &Area {
        &self.area
    }

    /// The industry, or `None` for all industries.
    #[must_use]
    pub fn industry(&self) -> Option<&Industry> {
        self.industry.as_ref()
    }

    /// The ownership the estimate covers, where the source gives it.
    #[must_use]
    pub fn ownership(&self) -> Option<Ownership> {
        self.ownership
    }

    /// The reference period.
    #[must_use]
    pub fn period(&self) -> ReferencePeriod {
        self.period
    }

    /// Employment.
    #[must_use]
    pub fn employment(&self) -> Employment {
        self.employment
    }

    /// The mean annual wage.
    #[must_use]
    pub fn mean(&self) -> Wage {
        self.mean
    }

    /// The percentile annual wages.
    #[must_use]
    pub fn percentiles(&self) -> &WagePercentiles {
        &self.percentiles
    }

    /// The median annual wage.
    #[must_use]
    pub fn median(&self) -> Wage {
        self.percentiles.median()
    }

    /// Where the figures come from.
    #[must_use]
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }

    /// How much the median changed from `earlier` to `self` (two periods, or two areas), as a
    /// percentage of the earlier median: `None` unless both medians are exact amounts and the
    /// earlier one is above zero. The dollar amounts are the two [`median`](Self::median)s.
    ///
    /// ```
    /// use himkit::{Dataset, HimOccupation};
    /// use himkit::value::ReferencePeriod;
    ///
    /// let dataset = Dataset::embedded()?;
    /// let soc = HimOccupation::MedicalAndHealthServicesManagers.soc();
    /// let find = |year| dataset.wages().iter().find(|w| w.occupation() == soc
    ///     && w.industry().is_none() && w.period() == ReferencePeriod::may(year).unwrap());
    /// // $100,980 in May 2019, $110,680 in May 2023.
    /// let percent = find(2023).unwrap().median_percent_change_since(find(2019).unwrap()).unwrap();
    /// assert!((percent - 9.606).abs() < 0.001);
    /// # Ok::<(), himkit::Error>(())
    /// ```
    #[must_use]
    pub fn median_percent_change_since(&self, earlier: &WageStatistics) -> Option<f64> {
        let from = earlier.median().amount()?;
        let to = self.median().amount()?;
        if from == Money::ZERO {
            return None;
        }
        Some((to.as_f64() - from.as_f64()) / from.as_f64() * 100.0)
    }
}
