use std::fmt;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::vocabulary::{Member, VocabularySet};

/// A US state, the District of Columbia, a US territory, or one of the freely associated states
/// that federal education data lists (Micronesia, the Marshall Islands, Palau), by its USPS code.
///
/// Prints and serializes as the two-letter code (`OH`); parses the code in any case. Each value
/// knows its name and the FIPS code that BLS wage tables use for state areas.
///
/// ```
/// use himkit::UsState;
///
/// let state: UsState = "oh".parse()?;
/// assert_eq!(state, UsState::Ohio);
/// assert_eq!(state.to_string(), "OH");
/// assert_eq!(state.name(), "Ohio");
/// assert_eq!(state.fips(), 39);
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "&'static str")]
#[allow(missing_docs)] // The variants are the states' own names.
pub enum UsState {
    Alabama,
    Alaska,
    Arizona,
    Arkansas,
    California,
    Colorado,
    Connecticut,
    Delaware,
    DistrictOfColumbia,
    Florida,
    Georgia,
    Hawaii,
    Idaho,
    Illinois,
    Indiana,
    Iowa,
    Kansas,
    Kentucky,
    Louisiana,
    Maine,
    Maryland,
    Massachusetts,
    Michigan,
    Minnesota,
    Mississippi,
    Missouri,
    Montana,
    Nebraska,
    Nevada,
    NewHampshire,
    NewJersey,
    NewMexico,
    NewYork,
    NorthCarolina,
    NorthDakota,
    Ohio,
    Oklahoma,
    Oregon,
    Pennsylvania,
    RhodeIsland,
    SouthCarolina,
    SouthDakota,
    Tennessee,
    Texas,
    Utah,
    Vermont,
    Virginia,
    Washington,
    WestVirginia,
    Wisconsin,
    Wyoming,
    AmericanSamoa,
    Guam,
    NorthernMarianaIslands,
    PuertoRico,
    VirginIslands,
    /// The Federated States of Micronesia (`FM`), a freely associated state: IPEDS and College
    /// Scorecard list its institutions under this USPS code.
    Micronesia,
    /// The Marshall Islands (`MH`), a freely associated state.
    MarshallIslands,
    /// Palau (`PW`), a freely associated state.
    Palau,
}

/// Code, name and FIPS code of every value, in declaration order.
const TABLE: &[(UsState, &str, &str, u8)] = &[
    (UsState::Alabama, "AL", "Alabama", 1),
    (UsState::Alaska, "AK", "Alaska", 2),
    (UsState::Arizona, "AZ", "Arizona", 4),
    (UsState::Arkansas, "AR", "Arkansas", 5),
    (UsState::California, "CA", "California", 6),
    (UsState::Colorado, "CO", "Colorado", 8),
    (UsState::Connecticut, "CT", "Connecticut", 9),
    (UsState::Delaware, "DE", "Delaware", 10),
    (UsState::DistrictOfColumbia, "DC", "District of Columbia", 11),
    (UsState::Florida, "FL", "Florida", 12),
    (UsState::Georgia, "GA", "Georgia", 13),
    (UsState::Hawaii, "HI", "Hawaii", 15),
    (UsState::Idaho, "ID", "Idaho", 16),
    (UsState::Illinois, "IL", "Illinois", 17),
    (UsState::Indiana, "IN", "Indiana", 18),
    (UsState::Iowa, "IA", "Iowa", 19),
    (UsState::Kansas, "KS", "Kansas", 20),
    (UsState::Kentucky, "KY", "Kentucky", 21),
    (UsState::Louisiana, "LA", "Louisiana", 22),
    (UsState::Maine, "ME", "Maine", 23),
    (UsState::Maryland, "MD", "Maryland", 24),
    (UsState::Massachusetts, "MA", "Massachusetts", 25),
    (UsState::Michigan, "MI", "Michigan", 26),
    (UsState::Minnesota, "MN", "Minnesota", 27),
    (UsState::Mississippi, "MS", "Mississippi", 28),
    (UsState::Missouri, "MO", "Missouri", 29),
    (UsState::Montana, "MT", "Montana", 30),
    (UsState::Nebraska, "NE", "Nebraska", 31),
    (UsState::Nevada, "NV", "Nevada", 32),
    (UsState::NewHampshire, "NH", "New Hampshire", 33),
    (UsState::NewJersey, "NJ", "New Jersey", 34),
    (UsState::NewMexico, "NM", "New Mexico", 35),
    (UsState::NewYork, "NY", "New York", 36),
    (UsState::NorthCarolina, "NC", "North Carolina", 37),
    (UsState::NorthDakota, "ND", "North Dakota", 38),
    (UsState::Ohio, "OH", "Ohio", 39),
    (UsState::Oklahoma, "OK", "Oklahoma", 40),
    (UsState::Oregon, "OR", "Oregon", 41),
    (UsState::Pennsylvania, "PA", "Pennsylvania", 42),
    (UsState::RhodeIsland, "RI", "Rhode Island", 44),
    (UsState::SouthCarolina, "SC", "South Carolina", 45),
    (UsState::SouthDakota, "SD", "South Dakota", 46),
    (UsState::Tennessee, "TN", "Tennessee", 47),
    (UsState::Texas, "TX", "Texas", 48),
    (UsState::Utah, "UT", "Utah", 49),
    (UsState::Vermont, "VT", "Vermont", 50),
    (UsState::Virginia, "VA", "Virginia", 51),
    (UsState::Washington, "WA", "Washington", 53),
    (UsState::WestVirginia, "WV", "West Virginia", 54),
    (UsState::Wisconsin, "WI", "Wisconsin", 55),
    (UsState::Wyoming, "WY", "Wyoming", 56),
    (UsState::AmericanSamoa, "AS", "American Samoa", 60),
    (UsState::Guam, "GU", "Guam", 66),
    (
        UsState::NorthernMarianaIslands,
        "MP",
        "Northern Mariana Islands",
        69,
    ),
    (UsState::PuertoRico, "PR", "Puerto Rico", 72),
    (UsState::VirginIslands, "VI", "U.S. Virgin Islands", 78),
    (UsState::Micronesia, "FM", "Federated States of Micronesia", 64),
    (UsState::MarshallIslands, "MH", "Marshall Islands", 68),
    (UsState::Palau, "PW", "Palau", 70),
];

impl UsState {
    /// Every state, DC, territory and freely associated state, in declaration order.
    pub fn all() -> impl Iterator<Item = UsState> {
        TABLE.iter().map(|entry| entry.0)
    }

    fn entry(self) -> (&'static str, &'static str, u8) {
        TABLE
            .iter()
            .find(|entry| entry.0 == self)
            .map_or(("", "", 0), |entry| (entry.1, entry.2, entry.3))
    }

    /// The two-letter USPS code (`OH`).
    #[must_use]
    pub fn code(self) -> &'static str {
        self.entry().0
    }

    /// The full name (`Ohio`).
    #[must_use]
    pub fn name(self) -> &'static str {
        self.entry().1
    }

    /// The FIPS state code (Ohio is 39), as used in the `AREA` column of BLS state tables.
    #[must_use]
    pub fn fips(self) -> u8 {
        self.entry().2
    }

    /// Looks a state up by its FIPS code.
    #[must_use]
    pub fn from_fips(fips: u8) -> Option<UsState> {
        TABLE.iter().find(|entry| entry.3 == fips).map(|entry| entry.0)
    }

    /// Whether this is a territory or a freely associated state rather than a state or DC.
    #[must_use]
    pub fn is_territory(self) -> bool {
        self.fips() >= 60
    }
}

impl Member for UsState {
    fn index(self) -> u32 {
        self as u32
    }

    fn members() -> impl Iterator<Item = Self> {
        Self::all()
    }
}

// The table lists every value once, in declaration order, so its length bounds the indices.
const _: () = assert!(
    TABLE.len() <= VocabularySet::<UsState>::CAPACITY,
    "more states than a VocabularySet holds"
);

impl std::str::FromStr for UsState {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let code = text.trim();
        TABLE
            .iter()
            .find(|entry| entry.1.eq_ignore_ascii_case(code))
            .map(|entry| entry.0)
            .ok_or_else(|| Error::unknown_name("state", text, TABLE.iter().map(|entry| entry.1).collect()))
    }
}

crate::error::deserialize_by_try_from!(UsState, String);

impl TryFrom<String> for UsState {
    type Error = Error;

    fn try_from(text: String) -> Result<Self> {
        text.parse()
    }
}

impl From<UsState> for &'static str {
    fn from(state: UsState) -> &'static str {
        state.code()
    }
}

impl fmt::Display for UsState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_round_trips_through_its_code_and_fips() {
        assert_eq!(UsState::all().count(), 59);
        for state in UsState::all() {
            assert_eq!(state.code().parse::<UsState>().unwrap(), state);
            assert_eq!(UsState::from_fips(state.fips()), Some(state));
            assert_eq!(state.code().len(), 2);
        }
    }

    #[test]
    fn unknown_codes_list_the_valid_ones() {
        let error = "XX".parse::<UsState>().unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("state: \"XX\" is not a known state; expected one of: AL, AK"),
            "{message}"
        );
    }

    #[test]
    fn territories_are_marked() {
        assert!(UsState::PuertoRico.is_territory());
        assert!(!UsState::DistrictOfColumbia.is_territory());
        assert!(UsState::Palau.is_territory());
        assert_eq!("fm".parse::<UsState>().unwrap(), UsState::Micronesia);
    }
}
