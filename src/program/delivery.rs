//! How a program is delivered: on campus, hybrid or online, the share that can be completed at
//! a distance, and the states an online program cannot enrol students from.

use std::collections::BTreeSet;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ProgramField;
use crate::error::{Error, Result};
use crate::value::{Rate, UsState};
use crate::vocabulary::{normalise_name, vocabulary};

vocabulary! {
    /// How a program is delivered.
    pub enum DeliveryMode("delivery_mode") {
        /// Taught on campus; some courses may be online.
        OnCampus,
        /// Part on campus, part at a distance.
        Hybrid,
        /// All coursework can be completed at a distance (a practice experience may still be on
        /// site, near the student).
        Online,
    }
}

/// How a program is delivered, how much of it can be completed at a distance, and where it
/// cannot enrol students from.
///
/// The share matters because people ask for "the percentage taught online, not just an online
/// flag". Its rules: an online program has a share of 1; an on-campus program a share below 1;
/// a hybrid program a share strictly between 0 and 1.
///
/// ```
/// use himkit::{DeliveryMode, Rate, UsState};
/// use himkit::program::Delivery;
///
/// let delivery = Delivery::new(DeliveryMode::Hybrid, Rate::new(0.6)?, [])?;
/// assert_eq!(delivery.distance_share().get(), 0.6);
///
/// let online = Delivery::online([UsState::California]);
/// assert!(!online.can_enrol_from(UsState::California));
/// assert!(Delivery::new(DeliveryMode::Online, Rate::new(0.5)?, []).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "DeliveryRecord")]
pub struct Delivery {
    mode: DeliveryMode,
    distance_share: Rate,
    unavailable_states: BTreeSet<UsState>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeliveryRecord {
    mode: DeliveryMode,
    #[serde(default)]
    distance_share: Option<Rate>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    unavailable_states: BTreeSet<UsState>,
}

impl Delivery {
    /// Creates a delivery description. `unavailable_states` are the states the program says it
    /// cannot enrol distance students from (state authorization).
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the share does not fit the mode (see the type's docs).
    pub fn new(
        mode: DeliveryMode,
        distance_share: Rate,
        unavailable_states: impl IntoIterator<Item = UsState>,
    ) -> Result<Self> {
        let share = distance_share.get();
        let rule = match mode {
            DeliveryMode::Online if share < 1.0 => Some("must be 1 for an online program"),
            DeliveryMode::OnCampus if share >= 1.0 => Some("must be below 1 for an on-campus program"),
            DeliveryMode::Hybrid if share <= 0.0 || share >= 1.0 => {
                Some("must be strictly between 0 and 1 for a hybrid program")
            }
            _ => None,
        };
        if let Some(rule) = rule {
            return Err(Error::invalid(ProgramField::DistanceShare.path(), share, rule));
        }
        Ok(Self {
            mode,
            distance_share,
            unavailable_states: unavailable_states.into_iter().collect(),
        })
    }

    /// A fully online program that cannot enrol from `unavailable_states`.
    pub fn online(unavailable_states: impl IntoIterator<Item = UsState>) -> Self {
        Self {
            mode: DeliveryMode::Online,
            distance_share: Rate::ONE,
            unavailable_states: unavailable_states.into_iter().collect(),
        }
    }

    /// A program taught entirely on campus.
    #[must_use]
    pub fn on_campus() -> Self {
        Self {
            mode: DeliveryMode::OnCampus,
            distance_share: Rate::ZERO,
            unavailable_states: BTreeSet::new(),
        }
    }

    /// The delivery mode.
    #[must_use]
    pub fn mode(&self) -> DeliveryMode {
        self.mode
    }

    /// The share of the program that can be completed at a distance.
    #[must_use]
    pub fn distance_share(&self) -> Rate {
        self.distance_share
    }

    /// The states the program cannot enrol distance students from.
    pub fn unavailable_states(&self) -> impl Iterator<Item = UsState> + '_ {
        self.unavailable_states.iter().copied()
    }

    /// Whether a student living in `state` may enrol without moving: always for on-campus and
    /// hybrid study in their own state; for distance study, unless the program names the state
    /// as one it cannot enrol from.
    #[must_use]
    pub fn can_enrol_from(&self, state: UsState) -> bool {
        !self.unavailable_states.contains(&state)
    }
}

crate::error::deserialize_by_try_from!(Delivery, DeliveryRecord);

impl TryFrom<DeliveryRecord> for Delivery {
    type Error = Error;

    fn try_from(record: DeliveryRecord) -> Result<Self> {
        Delivery::from_parts(record.mode, record.distance_share, record.unavailable_states)
    }
}

impl Delivery {
    /// A delivery whose share defaults by mode where not given: 1 online, 0 on campus; a hybrid
    /// program must give it.
    pub(crate) fn from_parts(
        mode: DeliveryMode,
        distance_share: Option<Rate>,
        unavailable_states: impl IntoIterator<Item = UsState>,
    ) -> Result<Self> {
        let share = match (distance_share, mode) {
            (Some(share), _) => share,
            (None, DeliveryMode::Online) => Rate::ONE,
            (None, DeliveryMode::OnCampus) => Rate::ZERO,
            (None, DeliveryMode::Hybrid) => {
                return Err(Error::invalid_field(
                    ProgramField::DistanceShare.path(),
                    "is required for a hybrid program",
                ));
            }
        };
        Delivery::new(mode, share, unavailable_states)
    }
}

impl From<Delivery> for DeliveryRecord {
    fn from(delivery: Delivery) -> Self {
        Self {
            mode: delivery.mode,
            distance_share: Some(delivery.distance_share),
            unavailable_states: delivery.unavailable_states,
        }
    }
}

/// What is known of how a program is delivered.
///
/// IPEDS publishes distance education per institution, not per program: that an institution
/// offers distance-education programs does not say that this one is among them. Only an
/// institution whose every program is offered completely at a distance makes a program
/// known to be online.
///
/// In JSON: the [`Delivery`] object, or one of `"institution-offers-distance-programs"`,
/// `"no-distance-programs"`, `"unknown"`.
///
/// ```
/// use himkit::DeliveryMode;
/// use himkit::program::DeliveryState;
///
/// let state: DeliveryState = serde_json::from_str(r#""institution-offers-distance-programs""#)?;
/// assert_eq!(state.is(DeliveryMode::Online), None); // might be, might not
/// let campus: DeliveryState = serde_json::from_str(r#""no-distance-programs""#)?;
/// assert_eq!(campus.is(DeliveryMode::Online), Some(false));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeliveryState {
    /// The program's delivery.
    Known(Delivery),
    /// The institution offers distance-education programs (IPEDS IC `DISTPGS`); whether this
    /// program is one of them is not known.
    InstitutionOffersDistancePrograms,
    /// The institution offers no distance-education programs, so the program is on campus or
    /// hybrid, not online.
    NoDistancePrograms,
    /// Nothing is known.
    Unknown,
}

impl DeliveryState {
    /// The delivery, when known.
    #[must_use]
    pub fn known(&self) -> Option<&Delivery> {
        match self {
            Self::Known(delivery) => Some(delivery),
            _ => None,
        }
    }

    /// Whether the program is delivered in `mode`: `None` when that is not known.
    #[must_use]
    pub fn is(&self, mode: DeliveryMode) -> Option<bool> {
        match self {
            Self::Known(delivery) => Some(delivery.mode() == mode),
            Self::NoDistancePrograms if mode == DeliveryMode::Online => Some(false),
            _ => None,
        }
    }

    /// Whether the program might be delivered in `mode`.
    #[must_use]
    pub fn might_be(&self, mode: DeliveryMode) -> bool {
        self.is(mode) != Some(false)
    }

    fn from_word(word: &str) -> std::result::Result<Self, String> {
        match normalise_name(word).as_str() {
            "institution-offers-distance-programs" => Ok(Self::InstitutionOffersDistancePrograms),
            "no-distance-programs" => Ok(Self::NoDistancePrograms),
            "unknown" => Ok(Self::Unknown),
            _ => Err(format!(
                "delivery: {word:?} is not a delivery object, \"institution-offers-distance-programs\", \
                 \"no-distance-programs\" or \"unknown\""
            )),
        }
    }

    fn word(&self) -> Option<&'static str> {
        match self {
            Self::Known(_) => None,
            Self::InstitutionOffersDistancePrograms => Some("institution-offers-distance-programs"),
            Self::NoDistancePrograms => Some("no-distance-programs"),
            Self::Unknown => Some("unknown"),
        }
    }
}

impl From<Delivery> for DeliveryState {
    fn from(delivery: Delivery) -> Self {
        Self::Known(delivery)
    }
}

impl fmt::Display for DeliveryState {
    /// `online (100.0% at a distance)`, `unknown (the institution offers distance programs)`,
    /// `on campus or hybrid (the institution offers no distance programs)`, `unknown`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known(delivery) => write!(
                f,
                "{} ({} at a distance)",
                delivery.mode(),
                delivery.distance_share()
            ),
            Self::InstitutionOffersDistancePrograms => {
                f.write_str("unknown (the institution offers distance programs)")
            }
            Self::NoDistancePrograms => {
                f.write_str("on campus or hybrid (the institution offers no distance programs)")
            }
            Self::Unknown => f.write_str("unknown"),
        }
    }
}

impl Serialize for DeliveryState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match (self, self.word()) {
            (Self::Known(delivery), _) => delivery.serialize(serializer),
            (_, Some(word)) => serializer.serialize_str(word),
            (_, None) => serializer.serialize_str("unknown"),
        }
    }
}

impl<'de> Deserialize<'de> for DeliveryState {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        crate::word_or_record::deserialize(
            deserializer,
            "a delivery object, \"institution-offers-distance-programs\", \"no-distance-programs\" or \"unknown\"",
            Self::from_word,
            Self::Known,
        )
    }
}
