//! Where a HIM education leads: the occupations BLS classifies (SOC) and their typical entry
//! education, the settings graduates work in (tied to NAICS industries), and BLS employment
//! projections. The skills a curriculum covers are part of the program model
//! ([`program::Skill`](crate::program::Skill)).
//!
//! ```
//! use himkit::career::{CareerSetting, HimOccupation};
//! use himkit::DegreeLevel;
//!
//! let occupation = HimOccupation::typical_for(DegreeLevel::Baccalaureate);
//! assert_eq!(occupation.soc().to_string(), "11-9111");
//! assert!(!CareerSetting::Hospitals.naics_prefixes().is_empty());
//! ```

mod occupation;
mod outlook;

pub use occupation::{CareerSetting, EntryEducation, HimOccupation};
pub use outlook::{JobOutlook, JobOutlookSpec, ProjectionPeriod};
