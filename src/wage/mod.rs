//! Wage statistics as BLS publishes them (Occupational Employment and Wage Statistics): an
//! occupation's employment, mean and percentile wages in one area, industry and reference
//! period, with top-coded and unpublished figures as states and where each figure comes from.
//!
//! ```
//! use himkit::{Dataset, HimOccupation};
//!
//! let dataset = Dataset::embedded()?;
//! let wages = dataset
//!     .latest_national_wages(HimOccupation::MedicalRecordsSpecialists.soc())
//!     .expect("embedded");
//! assert!(wages.median().amount().is_some());
//! println!("{} ({})", wages.median(), wages.period().label());
//! # Ok::<(), himkit::Error>(())
//! ```

mod statistics;

pub use statistics::{
    Area, Employment, Industry, Ownership, Percentile, Provenance, Unpublished, Wage, WagePercentiles,
    WageStatistics, WageStatisticsSpec,
};
