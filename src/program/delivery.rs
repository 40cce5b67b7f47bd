//! How a program is delivered: on campus, hybrid or online, the share that can be completed at
//! a distance, and the states an online program cannot enrol students from.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::value::{Rate, UsState};
use crate::vocabulary::vocabulary;

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
/// use himkit::{Delivery, DeliveryMode, Rate, UsState};
///
/// let delivery = Delivery::new(DeliveryMode::Hybrid, Rate::new(0.6)?, [])?;
/// assert_eq!(delivery.distance_share().get(), 0.6);
///
/// let online = Delivery::online([UsState::California]);
/// assert!(!online.can_enrol_from(UsState::California));
/// assert!(Delivery::new(DeliveryMode::Online, Rate::new(0.5)?, []).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "DeliveryRecord", into = "DeliveryRecord")]
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
    /// [`Error::Invalid`] if the share does not fit the mode (see the type's docs).
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
            return Err(Error::invalid("delivery.distance_share", share, rule));
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
                return Err(Error::invalid(
                    "delivery.distance_share",
                    "nothing",
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
