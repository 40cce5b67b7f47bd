//! Readers and writers for the files people have: BLS OEWS wage tables, College Scorecard
//! field-of-study files, and program catalogues kept as CSV.
//!
//! Every reader has a [`Mode`]: [`Mode::Strict`] (the default) stops at the first bad row with
//! the file, line (or sheet and row), column and value; [`Mode::Lenient`] keeps every good row
//! and reports each skipped row with its reason. Nothing is dropped without being reported.

mod accreditation_list;
mod catalog_csv;
mod ipeds;
mod national;
mod oews;
pub(crate) mod reference;
mod scorecard;
mod scorecard_institution;
mod table;

pub use accreditation_list::{
    ACCREDITATION_LIST_COLUMNS, AccreditationListEntry, AccreditationMatches, UnappliedEntry,
    apply_accreditation_list, normalise_institution_name, read_accreditation_list,
};
pub use catalog_csv::{CATALOG_COLUMNS, read_catalog_csv, read_catalog_csv_with_limits, write_catalog_csv};
pub use ipeds::{
    Charge, Control, Flagged, ImputationFlag, InstitutionLevel, IpedsCharges, IpedsCompletion, IpedsDistance,
    IpedsInstitution, IpedsOptions, IpedsValue, MajorNumber, academic_year_of_file, read_ipeds_charges,
    read_ipeds_completions, read_ipeds_distance, read_ipeds_institutions,
};
pub use national::{
    BuildSummary, BuiltCatalog, CatalogInputs, RowProblem, build_catalog, national_program_id,
};
#[cfg(feature = "xlsx")]
pub use oews::read_oews_xlsx;
pub use oews::{OewsOptions, read_oews_csv, read_oews_path};
pub use scorecard::{
    Attachment, EARNINGS_COLUMNS, ScorecardOptions, ScorecardRecord, attach_scorecard, read_scorecard_csv,
};
pub use scorecard_institution::{ScorecardInstitution, ScorecardValue, read_scorecard_institutions};

pub use crate::limits::Limits;

impl Limits {
    /// Checks one CSV record against the field bounds; `location` is only built for a refusal.
    fn check_record(
        &self,
        record: &csv::ByteRecord,
        location: impl FnOnce() -> crate::error::Location,
    ) -> crate::error::Result<()> {
        let refuse = |message: String| crate::error::Error::too_large(location(), message);
        if record.len() > self.max_fields {
            return Err(refuse(format!(
                "the row has {} fields, more than the limit of {} (Limits::max_fields)",
                record.len(),
                self.max_fields
            )));
        }
        if let Some(field) = record.iter().find(|field| field.len() > self.max_field_bytes) {
            return Err(refuse(format!(
                "a field of {} bytes is longer than the limit of {} (Limits::max_field_bytes)",
                field.len(),
                self.max_field_bytes
            )));
        }
        Ok(())
    }
}

/// How a reader treats a bad row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Stop at the first bad row with an error that says where and why. The default.
    #[default]
    Strict,
    /// Skip bad rows, and report each one.
    Lenient,
}

impl<T> ReadOutcome<T> {
    fn new() -> Self {
        Self {
            items: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Records a refused row as skipped in lenient mode; in strict mode, or for a failure to
    /// read, returns the error.
    fn skip_or_fail(&mut self, mode: Mode, error: crate::error::Error) -> crate::error::Result<()> {
        match mode {
            Mode::Lenient if error.kind() != crate::error::ErrorKind::Io => {
                self.skipped.push(error);
                Ok(())
            }
            _ => Err(error),
        }
    }
}

/// What a reader read: the items, and the rows it skipped (always empty in strict mode).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOutcome<T> {
    /// The items read, in file order.
    pub items: Vec<T>,
    /// The rows skipped, in file order: each one's error, the one strict mode would have
    /// stopped with, with the row's [location](crate::Error::location).
    pub skipped: Vec<crate::error::Error>,
}
