//! Where each of a program's facts came from: the kind of file and its year, so that a reader
//! can tell a figure from IPEDS 2024 from one typed in by hand.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::value::Text;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A kind of published file a program's facts are read from.
    #[non_exhaustive]
    pub enum SourceFile("source_file") {
        /// IPEDS HD, the institutional directory (name, city, state, control, level).
        IpedsHd,
        /// IPEDS IC, institutional characteristics (distance-education flags).
        IpedsIc,
        /// IPEDS `IC_AY`, charges by academic year (tuition and fees).
        IpedsIcAy,
        /// IPEDS Completions `C_A`, awards by program and award level.
        IpedsCompletions,
        /// IPEDS Outcome Measures: awards within 4, 6 and 8 years of every entering student.
        IpedsOutcomeMeasures,
        /// IPEDS Graduation Rates: first-time full-time students within 150% of normal time.
        IpedsGraduationRates,
        /// College Scorecard's field-of-study file.
        ScorecardFieldOfStudy,
        /// College Scorecard's institution file.
        ScorecardInstitution,
        /// An accreditation list kept from CAHIIM's public program directory.
        AccreditationList,
    }
}

vocabulary! {
    /// A fact of a program whose source is recorded.
    #[non_exhaustive]
    pub enum SourcedField("sourced_field") {
        /// The institution: name, city, state, UNITID.
        Institution,
        /// The award level and the program's existence.
        AwardLevel,
        /// The delivery.
        Delivery,
        /// The cost.
        Cost,
        /// The accreditation.
        Accreditation,
        /// The program size (awards conferred).
        ProgramSize,
        /// Outcomes other than program size (earnings, debt).
        Outcomes,
    }
}

/// One source: a kind of file and the period it covers (`2024`, `2022-23`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The kind of file.
    pub file: SourceFile,
    /// The year or academic year it covers, as the file names it.
    pub period: Text,
}

impl Source {
    /// A source.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if `period` is empty or over-long.
    pub fn new(file: SourceFile, period: &str) -> Result<Self> {
        Ok(Self {
            file,
            period: Text::new(period).map_err(|error| error.in_field("sources.period"))?,
        })
    }
}

impl fmt::Display for Source {
    /// `ipeds-ic-ay 2022-23`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.file, self.period)
    }
}
