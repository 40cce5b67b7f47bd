//! Five-digit ZIP codes that name a place: those with a ZIP Code Tabulation Area (ZCTA) in the
//! Census Bureau's 2021 Gazetteer, with its internal point and the state it is mailed in.

use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

use super::{Coordinates, UsState};
use crate::error::{Error, Result};

/// The Census 2021 Gazetteer's ZCTAs: `zip,lat,lon`, as published (see `data/README.md`).
const ZCTAS: &str = include_str!("../../data/geo/zcta_centroids_2021.csv");
/// The USPS's ZIP prefixes by state: `first,last,state`, five-digit inclusive ranges.
const PREFIXES: &str = include_str!("../../data/geo/zip_prefix_states.csv");
/// ZCTAs whose point lies in another state than their prefix's: `zip,state`.
const OTHER_STATES: &str = include_str!("../../data/geo/zcta_other_states.csv");

/// A five-digit ZIP code with a ZIP Code Tabulation Area: a place where people live, with a
/// point to measure distances from and a state. Kept as text (`"01002"` stays `"01002"`).
///
/// The point is the ZCTA's internal point in the Census Bureau's 2021 Gazetteer (33,791 areas:
/// the 50 states, DC, Puerto Rico, the Virgin Islands, Guam and the Northern Mariana Islands).
/// The state is the one the ZIP is mailed in, by its prefix (`432` is Ohio); a few ZCTAs lie
/// across a state line from their prefix's state (Alta, Wyoming has the Idaho ZIP 83414), and
/// [`ZipCode::is_in`] accepts either state for them.
///
/// ```
/// use himkit::UsState;
/// use himkit::value::ZipCode;
///
/// let amherst: ZipCode = "01002".parse()?;
/// assert_eq!(amherst.to_string(), "01002");
/// assert_eq!(amherst.state(), UsState::Massachusetts);
///
/// let columbus: ZipCode = "43215".parse()?;
/// let cleveland: ZipCode = "44106".parse()?;
/// assert_eq!(format!("{:.0}", columbus.point().distance_miles(cleveland.point())), "129");
///
/// // A ZIP code used only for PO boxes has no area to place.
/// let error = "43216".parse::<ZipCode>().unwrap_err();
/// assert!(error.to_string().starts_with("zip: \"43216\" is not a ZIP Code Tabulation Area"));
/// assert!("4321".parse::<ZipCode>().is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct ZipCode {
    code: u32,
    point: Coordinates,
    state: UsState,
    other_state: Option<UsState>,
}

/// One ZCTA of the embedded table.
#[derive(Debug, Clone, Copy)]
struct Zcta {
    code: u32,
    point: Coordinates,
    state: UsState,
    other_state: Option<UsState>,
}

impl ZipCode {
    /// Looks `text` up: five ASCII digits that are a ZCTA.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) naming `zip`, the text as given and why:
    /// not five digits, or not a ZCTA (PO-box and single-organisation ZIP codes have none, and
    /// a number that is no ZIP code at all has none either; nothing is guessed).
    pub fn new(text: &str) -> Result<Self> {
        let code = five_digits(text).ok_or_else(|| {
            Error::invalid_text(
                "zip",
                text,
                "is not a five-digit ZIP code (give the first five digits of a ZIP+4)",
            )
        })?;
        let table = table()?;
        let zcta = table
            .binary_search_by_key(&code, |zcta| zcta.code)
            .ok()
            .and_then(|index| table.get(index))
            .ok_or_else(|| {
                Error::invalid_text(
                    "zip",
                    text,
                    "is not a ZIP Code Tabulation Area in the Census 2021 Gazetteer: ZIP codes used \
                     only for PO boxes or by one organisation have no area of homes to place; give \
                     the ZIP code of the home address",
                )
            })?;
        Ok(Self::from(zcta))
    }

    /// Every ZIP code with a ZCTA, in order (33,791 of them): for a schema or a form that
    /// lists what [`ZipCode::new`] accepts.
    pub fn all() -> impl Iterator<Item = ZipCode> {
        table().unwrap_or_default().iter().map(ZipCode::from)
    }

    /// The states the ZIP code can be in (see [`ZipCode::is_in`]): the one it is mailed in,
    /// then the one its point lies in where that is another.
    pub fn states(self) -> impl Iterator<Item = UsState> {
        std::iter::once(self.state).chain(self.other_state)
    }

    /// The ZCTA's internal point (the Census Bureau's `INTPTLAT`, `INTPTLONG`).
    #[must_use]
    pub fn point(self) -> Coordinates {
        self.point
    }

    /// The state the ZIP code is mailed in, by its prefix.
    #[must_use]
    pub fn state(self) -> UsState {
        self.state
    }

    /// Whether the ZIP code can be in `state`: the state it is mailed in, or the state its
    /// point lies in where that is another.
    #[must_use]
    pub fn is_in(self, state: UsState) -> bool {
        self.state == state || self.other_state == Some(state)
    }
}

impl From<&Zcta> for ZipCode {
    fn from(zcta: &Zcta) -> Self {
        Self {
            code: zcta.code,
            point: zcta.point,
            state: zcta.state,
            other_state: zcta.other_state,
        }
    }
}

/// `text` as a number if it is exactly five ASCII digits.
fn five_digits(text: &str) -> Option<u32> {
    (text.len() == 5 && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// The embedded ZCTAs, sorted by code, read on first use.
fn table() -> Result<&'static [Zcta]> {
    static TABLE: OnceLock<Result<Vec<Zcta>>> = OnceLock::new();
    match TABLE.get_or_init(read_table) {
        Ok(table) => Ok(table),
        Err(error) => Err(error.clone()),
    }
}

/// The data lines of an embedded table, numbered as in the file, split at commas.
fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, line)| !line.is_empty())
        .map(|(index, line)| (index.saturating_add(1), line.split(',').collect()))
}

/// A refusal of an embedded table's line (a test reads every line, so none is expected).
fn bad_line(file: &str, line: usize, why: impl fmt::Display) -> Error {
    Error::invalid_field(format!("data/geo/{file} line {line}"), why.to_string())
}

fn read_table() -> Result<Vec<Zcta>> {
    let mut prefixes = Vec::new();
    for (line, cells) in rows(PREFIXES) {
        let [first, last, state] = cells.as_slice() else {
            return Err(bad_line("zip_prefix_states.csv", line, "needs first,last,state"));
        };
        let (Some(first), Some(last)) = (five_digits(first), five_digits(last)) else {
            return Err(bad_line(
                "zip_prefix_states.csv",
                line,
                "needs five-digit ZIP codes",
            ));
        };
        prefixes.push((first, last, state.parse::<UsState>()?));
    }
    let mut other_states = Vec::new();
    for (line, cells) in rows(OTHER_STATES) {
        let [zip, state] = cells.as_slice() else {
            return Err(bad_line("zcta_other_states.csv", line, "needs zip,state"));
        };
        let zip = five_digits(zip)
            .ok_or_else(|| bad_line("zcta_other_states.csv", line, "needs a five-digit ZIP code"))?;
        other_states.push((zip, state.parse::<UsState>()?));
    }
    let mut table = Vec::with_capacity(ZCTAS.len() / 27);
    for (line, cells) in rows(ZCTAS) {
        let file = "zcta_centroids_2021.csv";
        let [zip, latitude, longitude] = cells.as_slice() else {
            return Err(bad_line(file, line, "needs zip,lat,lon"));
        };
        let code = five_digits(zip).ok_or_else(|| bad_line(file, line, "needs a five-digit ZIP code"))?;
        let degrees = |text: &str| {
            text.parse::<f64>()
                .map_err(|_| bad_line(file, line, format!("{text:?} is not a number")))
        };
        let point = Coordinates::new(degrees(latitude)?, degrees(longitude)?)?;
        let state = prefixes
            .iter()
            .find(|(first, last, _)| (*first..=*last).contains(&code))
            .map(|(_, _, state)| *state)
            .ok_or_else(|| bad_line(file, line, "its prefix has no state in zip_prefix_states.csv"))?;
        let other_state = other_states
            .iter()
            .find(|(zip, _)| *zip == code)
            .map(|(_, state)| *state);
        table.push(Zcta {
            code,
            point,
            state,
            other_state,
        });
    }
    table.sort_unstable_by_key(|zcta| zcta.code);
    Ok(table)
}

impl std::str::FromStr for ZipCode {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        Self::new(text)
    }
}

impl TryFrom<String> for ZipCode {
    type Error = Error;

    fn try_from(text: String) -> Result<Self> {
        Self::new(&text)
    }
}

crate::error::deserialize_by_try_from!(ZipCode, String);

impl From<ZipCode> for String {
    fn from(zip: ZipCode) -> String {
        zip.to_string()
    }
}

impl fmt::Display for ZipCode {
    /// The five digits, leading zeros kept.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:05}", self.code)
    }
}

#[cfg(test)]
#[allow(clippy::unreadable_literal)] // Coordinates as the Census publishes them.
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_embedded_tables_is_read() {
        let table = table().unwrap();
        assert_eq!(table.len(), 33_791);
        assert_eq!(table.len(), ZCTAS.lines().count() - 1);
        assert!(table.windows(2).all(|pair| pair[0].code < pair[1].code));
        assert_eq!(ZipCode::all().count(), 33_791);
        let others = table.iter().filter(|zcta| zcta.other_state.is_some()).count();
        assert_eq!(others, OTHER_STATES.lines().count() - 1);
    }

    #[test]
    fn the_readme_facts_hold() {
        for (zip, latitude, longitude, state) in [
            ("44106", 41.505341, -81.605432, UsState::Ohio),
            ("00601", 18.180555, -66.749961, UsState::PuertoRico),
            ("99501", 61.219998, -149.85784, UsState::Alaska),
            ("90095", 34.071183, -118.443404, UsState::California),
        ] {
            let code = ZipCode::new(zip).unwrap();
            assert_eq!(code.point(), Coordinates::new(latitude, longitude).unwrap());
            assert_eq!(code.state(), state);
            assert_eq!(code.to_string(), zip);
        }
        assert_eq!(ZipCode::new("43215").unwrap().state(), UsState::Ohio);
    }

    #[test]
    fn prefixes_that_cross_a_state_line_name_the_mailing_state() {
        for (zip, state) in [
            ("20105", UsState::Virginia),
            ("96799", UsState::AmericanSamoa),
            ("96910", UsState::Guam),
            ("96950", UsState::NorthernMarianaIslands),
            ("00802", UsState::VirginIslands),
            ("06390", UsState::Connecticut),
        ] {
            assert_eq!(ZipCode::new(zip).unwrap().state(), state, "{zip}");
        }
        let alta = ZipCode::new("83414").unwrap();
        assert_eq!(alta.state(), UsState::Idaho);
        assert!(alta.is_in(UsState::Wyoming) && alta.is_in(UsState::Idaho));
        assert!(!alta.is_in(UsState::Montana));
        let fort_campbell = ZipCode::new("42223").unwrap();
        assert!(fort_campbell.is_in(UsState::Kentucky) && fort_campbell.is_in(UsState::Tennessee));
    }

    #[test]
    fn text_that_is_not_a_zcta_is_refused_with_the_reason() {
        for text in ["4321", "432150", "43 15", "４３２１５", "", "43215-1234", "-4321"] {
            let error = ZipCode::new(text).unwrap_err();
            assert_eq!(error.field(), Some("zip"));
            assert_eq!(error.value(), Some(text));
            assert!(error.to_string().contains("five-digit"), "{error}");
        }
        for text in ["00000", "43216", "99999"] {
            let error = ZipCode::new(text).unwrap_err();
            assert!(
                error.to_string().contains("not a ZIP Code Tabulation Area"),
                "{error}"
            );
        }
    }

    #[test]
    fn json_keeps_leading_zeros_and_refuses_numbers() {
        let zip: ZipCode = serde_json::from_str(r#""01002""#).unwrap();
        assert_eq!(serde_json::to_string(&zip).unwrap(), r#""01002""#);
        assert!(serde_json::from_str::<ZipCode>("1002").is_err());
    }
}
