//! Programmatic accreditation, in CAHIIM's own vocabulary.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::AccreditationSource;
use crate::error::{Error, Result};
use crate::value::{Date, Text, Year};
use crate::vocabulary::{normalise_name, vocabulary};

/// The body that accredits a program.
///
/// CAHIIM accredits HIM associate, baccalaureate and master's programs and health informatics
/// master's programs; only its accreditation counts towards RHIT and RHIA eligibility. Any other
/// body is kept by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
#[non_exhaustive]
pub enum Accreditor {
    /// The Commission on Accreditation for Health Informatics and Information Management
    /// Education.
    Cahiim,
    /// Another accrediting body, by name.
    Other(Text),
}

impl Accreditor {
    /// The name as written in JSON (`cahiim`, or the other body's name).
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Self::Cahiim => "cahiim",
            Self::Other(name) => name.as_str(),
        }
    }
}

impl std::str::FromStr for Accreditor {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        if normalise_name(text) == "cahiim" {
            Ok(Self::Cahiim)
        } else {
            Text::new(text)
                .map(Self::Other)
                .map_err(|error| error.in_field("accreditor"))
        }
    }
}

crate::error::deserialize_by_try_from!(Accreditor, String);

impl TryFrom<String> for Accreditor {
    type Error = Error;

    fn try_from(text: String) -> Result<Self> {
        text.parse()
    }
}

impl From<Accreditor> for String {
    fn from(accreditor: Accreditor) -> String {
        accreditor.name().to_owned()
    }
}

impl fmt::Display for Accreditor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Cahiim => f.write_str("CAHIIM"),
            Self::Other(name) => f.write_str(name.as_str()),
        }
    }
}

vocabulary! {
    /// An accreditation status, in the terms CAHIIM's accreditation manual uses.
    #[non_exhaustive]
    pub enum AccreditationStatus("accreditation_status") {
        /// Accepted into candidacy: an application stage, not accreditation. Candidacy expires two
        /// years after acceptance.
        Candidacy,
        /// First accreditation awarded.
        InitialAccreditation,
        /// Accredited, and renewed through comprehensive reviews.
        ContinuingAccreditation,
        /// Accredited, with a progress report owed.
        ProgressReport,
        /// Accredited, under a focused review (outcomes trending low, or evidence of non-compliance).
        FocusedReview,
        /// Accredited, on probation (an adverse status).
        ProbationaryAccreditation,
        /// Accredited, on administrative probation (e.g. an unreported substantive change).
        AdministrativeProbationaryAccreditation,
        /// An applicant was refused accreditation.
        AccreditationWithheld,
        /// An accredited program lost its accreditation.
        AccreditationWithdrawn,
        /// The program gave up its accreditation (closing, after a teach-out).
        VoluntaryWithdrawal,
        /// The program is inactive.
        Inactive,
    }
}

impl AccreditationStatus {
    /// Whether a program with this status holds accreditation. Probation is still
    /// accreditation; candidacy is not yet.
    #[must_use]
    pub fn is_accredited(self) -> bool {
        matches!(
            self,
            Self::InitialAccreditation
                | Self::ContinuingAccreditation
                | Self::ProgressReport
                | Self::FocusedReview
                | Self::ProbationaryAccreditation
                | Self::AdministrativeProbationaryAccreditation
        )
    }

    /// Whether this is an adverse status: probation of either kind, withheld or withdrawn.
    #[must_use]
    pub fn is_adverse(self) -> bool {
        matches!(
            self,
            Self::ProbationaryAccreditation
                | Self::AdministrativeProbationaryAccreditation
                | Self::AccreditationWithheld
                | Self::AccreditationWithdrawn
        )
    }
}

/// One program's accreditation at one campus, and where it came from.
///
/// CAHIIM accredits each campus and degree level separately and accreditation cannot move to
/// another campus, so an `Accreditation` belongs to exactly one [`Program`](crate::Program).
/// A status read from an accreditation list carries its [`AccreditationSource`] (the list and
/// the row), which every explanation of the program cites.
///
/// ```
/// use std::num::NonZeroU64;
///
/// use himkit::AccreditationStatus;
/// use himkit::program::{Accreditation, AccreditationSource, Accreditor};
///
/// let accreditation = Accreditation::new(
///     Accreditor::Cahiim,
///     AccreditationStatus::ContinuingAccreditation,
///     "2025-08-01".parse()?,
///     Some(himkit::Year::new(2031)?),
/// )?;
/// assert!(accreditation.is_accredited());
/// assert!(accreditation.counts_for_credential_eligibility());
/// assert!(!accreditation.is_review_overdue("2026-11-24".parse()?));
/// assert_eq!(
///     accreditation.to_string(),
///     "CAHIIM continuing accreditation, last confirmed 2025-08-01, next review 2031"
/// );
///
/// let listed = accreditation.with_source(AccreditationSource::new("cahiim.csv", NonZeroU64::new(12))?);
/// assert_eq!(listed.source().map(AccreditationSource::list), Some("cahiim.csv"));
/// assert_eq!(
///     listed.to_string(),
///     "CAHIIM continuing accreditation — from cahiim.csv line 12, last confirmed 2025-08-01, next review 2031"
/// );
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "AccreditationRecord")]
pub struct Accreditation {
    accreditor: Accreditor,
    status: AccreditationStatus,
    last_confirmed: Date,
    next_review_year: Option<Year>,
    source: Option<AccreditationSource>,
}

/// The JSON form of an [`Accreditation`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AccreditationRecord {
    accreditor: Accreditor,
    status: AccreditationStatus,
    last_confirmed: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    next_review_year: Option<Year>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<AccreditationSource>,
}

impl Accreditation {
    /// Creates an accreditation record: `status`, as confirmed on `last_confirmed`, with the year
    /// of the next comprehensive review if one is scheduled.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the next review year is before the year of confirmation.
    pub fn new(
        accreditor: Accreditor,
        status: AccreditationStatus,
        last_confirmed: Date,
        next_review_year: Option<Year>,
    ) -> Result<Self> {
        if let Some(next) = next_review_year {
            if next.get() < last_confirmed.year() {
                return Err(Error::invalid(
                    super::ProgramField::AccreditationNextReviewYear.path(),
                    next,
                    format!("is before the year the status was last confirmed ({last_confirmed})"),
                ));
            }
        }
        Ok(Self {
            accreditor,
            status,
            last_confirmed,
            next_review_year,
            source: None,
        })
    }

    /// The same accreditation, recorded as read from `source` (an accreditation list's row).
    #[must_use]
    pub fn with_source(self, source: AccreditationSource) -> Self {
        Self {
            source: Some(source),
            ..self
        }
    }

    /// Where the status came from: the accreditation list and row it was read from, or `None`
    /// for a status written down with the program (in a catalogue file, say).
    #[must_use]
    pub fn source(&self) -> Option<&AccreditationSource> {
        self.source.as_ref()
    }

    /// The accrediting body.
    #[must_use]
    pub fn accreditor(&self) -> &Accreditor {
        &self.accreditor
    }

    /// The status.
    #[must_use]
    pub fn status(&self) -> AccreditationStatus {
        self.status
    }

    /// The date the status was last confirmed (for example, read from the accreditor's
    /// directory).
    #[must_use]
    pub fn last_confirmed(&self) -> Date {
        self.last_confirmed
    }

    /// The year of the next comprehensive review ("reaffirmed through YYYY"), if known.
    #[must_use]
    pub fn next_review_year(&self) -> Option<Year> {
        self.next_review_year
    }

    /// Whether the program is accredited, as of the last confirmation.
    #[must_use]
    pub fn is_accredited(&self) -> bool {
        self.status.is_accredited()
    }

    /// Whether this accreditation counts towards RHIT or RHIA eligibility: CAHIIM is the
    /// accreditor and the program holds accreditation (probation included; candidacy,
    /// withheld, withdrawn and inactive excluded).
    #[must_use]
    pub fn counts_for_credential_eligibility(&self) -> bool {
        self.accreditor == Accreditor::Cahiim && self.is_accredited()
    }

    /// Whether `today` is past the scheduled review year, so that the recorded status may be
    /// out of date and should be checked again with the accreditor.
    #[must_use]
    pub fn is_review_overdue(&self, today: Date) -> bool {
        self.next_review_year
            .is_some_and(|year| today.year() > year.get())
    }
}

crate::error::deserialize_by_try_from!(Accreditation, AccreditationRecord);

impl TryFrom<AccreditationRecord> for Accreditation {
    type Error = Error;

    fn try_from(record: AccreditationRecord) -> Result<Self> {
        let accreditation = Accreditation::new(
            record.accreditor,
            record.status,
            record.last_confirmed,
            record.next_review_year,
        )?;
        Ok(Self {
            source: record.source,
            ..accreditation
        })
    }
}

impl From<Accreditation> for AccreditationRecord {
    fn from(accreditation: Accreditation) -> Self {
        Self {
            accreditor: accreditation.accreditor,
            status: accreditation.status,
            last_confirmed: accreditation.last_confirmed,
            next_review_year: accreditation.next_review_year,
            source: accreditation.source,
        }
    }
}

impl Accreditation {
    /// The accreditor and the status in words: `CAHIIM continuing accreditation`.
    pub(crate) fn status_in_words(&self) -> String {
        format!("{} {}", self.accreditor, self.status.as_str().replace('-', " "))
    }
}

impl fmt::Display for Accreditation {
    /// `CAHIIM continuing accreditation — from cahiim.csv line 12, last confirmed 2025-06-30,
    /// next review 2029`; without a source, `CAHIIM continuing accreditation, last confirmed
    /// 2025-08-01, next review 2031`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.status_in_words())?;
        if let Some(source) = &self.source {
            write!(f, " — from {source}")?;
        }
        write!(f, ", last confirmed {}", self.last_confirmed)?;
        if let Some(next) = self.next_review_year {
            write!(f, ", next review {next}")?;
        }
        Ok(())
    }
}

/// What is known of a program's programmatic accreditation.
///
/// Federal files say nothing about programmatic accreditation, so a program built from them
/// starts [`NotVerified`](AccreditationState::NotVerified) until an accreditation list (kept
/// from CAHIIM's public directory) says otherwise. "Not verified" is not "none": a program in
/// that state may well be accredited, and himkit never treats it as either.
///
/// In JSON: the [`Accreditation`] object, or `"none"`, or `"not-verified"`; a program whose
/// `accreditation` field is left out has none.
///
/// ```
/// use himkit::program::AccreditationState;
///
/// let state: AccreditationState = serde_json::from_str(r#""not-verified""#)?;
/// assert_eq!(state, AccreditationState::NotVerified);
/// assert!(state.known().is_none());
/// assert_eq!(state.to_string(), "not verified (check the CAHIIM program directory)");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum AccreditationState {
    /// The program's accreditation, as last confirmed.
    Known(Accreditation),
    /// The program holds no programmatic accreditation.
    #[default]
    None,
    /// Nobody has checked: the program may or may not be accredited.
    NotVerified,
}

impl AccreditationState {
    /// The accreditation, when it is known.
    #[must_use]
    pub fn known(&self) -> Option<&Accreditation> {
        match self {
            Self::Known(accreditation) => Some(accreditation),
            Self::None | Self::NotVerified => None,
        }
    }

    /// Whether the state is [`AccreditationState::None`].
    #[must_use]
    pub fn is_none(&self) -> bool {
        matches!(self, Self::None)
    }

    /// Whether the program's accreditation counts towards RHIT and RHIA eligibility: `Some`
    /// when that is known, `None` when accreditation is not verified.
    #[must_use]
    pub fn counts_for_credential_eligibility(&self) -> Option<bool> {
        match self {
            Self::Known(accreditation) => Some(accreditation.counts_for_credential_eligibility()),
            Self::None => Some(false),
            Self::NotVerified => None,
        }
    }

    fn from_word(word: &str) -> std::result::Result<Self, String> {
        match normalise_name(word).as_str() {
            "none" => Ok(Self::None),
            "not-verified" => Ok(Self::NotVerified),
            _ => Err(format!(
                "accreditation: {word:?} is not an accreditation object, \"none\" or \"not-verified\""
            )),
        }
    }
}

impl From<Accreditation> for AccreditationState {
    fn from(accreditation: Accreditation) -> Self {
        Self::Known(accreditation)
    }
}

impl fmt::Display for AccreditationState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known(accreditation) => write!(f, "{accreditation}"),
            Self::None => f.write_str("no programmatic accreditation"),
            Self::NotVerified => f.write_str("not verified (check the CAHIIM program directory)"),
        }
    }
}

impl Serialize for AccreditationState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Self::Known(accreditation) => accreditation.serialize(serializer),
            Self::None => serializer.serialize_str("none"),
            Self::NotVerified => serializer.serialize_str("not-verified"),
        }
    }
}

impl<'de> Deserialize<'de> for AccreditationState {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        crate::word_or_record::deserialize(
            deserializer,
            "an accreditation object, \"none\" or \"not-verified\"",
            Self::from_word,
            Self::Known,
        )
    }
}
