//! Where a HIM education leads: the occupations BLS classifies (SOC) and their typical entry
//! education, the settings graduates work in (tied to NAICS industries), the skills curricula
//! cover, and BLS employment projections.
//!
//! ```
//! use himkit::career::{CareerSetting, HimOccupation, Skill, SkillSet};
//! use himkit::DegreeLevel;
//!
//! let occupation = HimOccupation::typical_for(DegreeLevel::Baccalaureate);
//! assert_eq!(occupation.soc().to_string(), "11-9111");
//! assert!(!CareerSetting::Hospitals.naics_prefixes().is_empty());
//! let wanted: SkillSet = [Skill::CodingAndClassification, Skill::DataAnalytics].into_iter().collect();
//! assert_eq!(wanted.len(), 2);
//! ```

mod occupation;
mod outlook;
pub(crate) mod skill;

pub use occupation::{CareerSetting, EntryEducation, HimOccupation};
pub use outlook::{JobOutlook, JobOutlookSpec, ProjectionPeriod};
pub use skill::{Skill, SkillSet};
