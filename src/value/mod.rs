//! Small validated values: money, rates, states, ZIP codes and coordinates, codes, ids and
//! dates, and the confidence a
//! sourced figure carries.

mod codes;
mod confidence;
mod geo;
mod money;
mod rate;
mod text;
mod time;
mod us_state;
mod zip;

pub(crate) use codes::CipFamily;
pub use codes::{CipCode, NaicsCode, ProgramId, SocCode, Unitid};
pub use confidence::Confidence;
pub use geo::Coordinates;
pub(crate) use geo::SpherePoint;
pub use money::Money;
pub use rate::Rate;
pub use text::Text;
pub use time::{Date, ReferencePeriod, Year};
pub use us_state::UsState;
pub use zip::ZipCode;
