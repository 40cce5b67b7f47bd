//! Readers and writers for the files people have: BLS OEWS wage tables, College Scorecard
//! field-of-study files, and program catalogues kept as CSV.
//!
//! Every reader has a [`Mode`]: [`Mode::Strict`] (the default) stops at the first bad row with
//! the file, line (or sheet and row), column and value; [`Mode::Lenient`] keeps every good row
//! and reports each skipped row with its reason. Nothing is dropped without being reported.

mod catalog_csv;
mod oews;
pub(crate) mod reference;
mod scorecard;
mod table;

pub use catalog_csv::{CATALOG_COLUMNS, read_catalog_csv, write_catalog_csv};
pub use oews::{OewsOptions, period_from_file_name, read_oews_csv, read_oews_path, top_code};
#[cfg(feature = "xlsx")]
pub use oews::{read_oews_xlsx, read_oews_xlsx_from};
pub use reference::{read_reference_projections, read_reference_wages};
pub use scorecard::{
    Attachment, EARNINGS_COLUMNS, ScorecardOptions, ScorecardRecord, attach_scorecard, read_scorecard_csv,
};

use crate::error::Location;

/// How a reader treats a bad row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Stop at the first bad row with an error that says where and why. The default.
    #[default]
    Strict,
    /// Skip bad rows, and report each one.
    Lenient,
}

/// A row a lenient reader skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    /// Where the row is.
    pub location: Location,
    /// Why it was skipped (the message strict mode would have stopped with).
    pub reason: String,
}

/// What a reader read: the items, and the rows it skipped (always empty in strict mode).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOutcome<T> {
    /// The items read, in file order.
    pub items: Vec<T>,
    /// The rows skipped, in file order.
    pub skipped: Vec<SkippedRow>,
}
