//! Reading and writing the files users have, into and out of the model: program catalogues
//! kept as CSV, the national catalogue built from IPEDS and College Scorecard files, CAHIIM
//! accreditation lists, College Scorecard field-of-study outcomes, and BLS OEWS wage tables.
//!
//! | file | call | gives |
//! |---|---|---|
//! | catalogue CSV | [`read_catalog_csv`], [`write_catalog_csv`] | a [`Catalog`](crate::Catalog) |
//! | IPEDS HD, Completions `C_A`, IC, `IC_AY`; Scorecard institution and field-of-study files; an accreditation list | [`CatalogInputs`] → [`CatalogInputs::build`] | the national catalogue, with a [`BuildSummary`] of what the files leave unknown or out |
//! | an accreditation list (the CAHIIM directory's programs) | [`apply_accreditation_list`] | a catalogue with known accreditation, and the rows it could not apply |
//! | College Scorecard field of study | [`attach_scorecard`] | a catalogue with median earnings and debt |
//! | BLS OEWS (CSV or `.xlsx`) | [`read_oews_csv`], [`read_oews_xlsx`], [`read_oews_path`] | [`WageStatistics`](crate::WageStatistics) |
//!
//! Every reader has a [`Mode`]: [`Mode::Strict`] (the default) stops at the first bad row with
//! an error located at the file, line (or sheet and row), column and value; [`Mode::Lenient`]
//! keeps every good row and reports each skipped row with its error. Nothing is dropped without
//! being reported. Every reader stays within its [`Limits`], so a hostile or broken file is
//! refused with an error that names the bound.
//!
//! The federal files are read as NCES and the Department of Education publish them (columns by
//! name in any case, Windows-1252 or UTF-8, a byte-order mark, CRLF, padded and quoted values;
//! IPEDS's `-1`, `-2`, `-3` and `.` and Scorecard's `NULL` and `PrivacySuppressed` as missing
//! states, never numbers). Their rows are the builder's business: what comes out is the model.

mod accreditation_list;
mod catalog_csv;
mod file_year;
mod ipeds;
mod national;
mod oews;
mod outcomes;
pub(crate) mod reference;
mod scorecard;
mod scorecard_institution;
#[cfg(test)]
mod scorecard_tests;
mod table;

pub use accreditation_list::{
    AccreditationMatches, CandidateInstitution, NameVariant, UnappliedEntry, VariantMatch,
    apply_accreditation_list,
};
pub use catalog_csv::{read_catalog_csv, write_catalog_csv};
pub use file_year::year_in_file_name;
pub use national::{BuildSummary, BuiltCatalog, CatalogInputs, RowProblem};
#[cfg(feature = "xlsx")]
pub use oews::read_oews_xlsx;
pub use oews::{OewsOptions, read_oews_csv, read_oews_path};
pub use outcomes::{InstitutionOutcomes, read_institution_outcomes};
pub use scorecard::{Attachment, attach_scorecard};

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

/// How a reader reads: strict or lenient, within which limits.
///
/// ```
/// use himkit::io::{Mode, ReadOptions};
///
/// let mut options = ReadOptions::default();
/// options.mode = Mode::Lenient;
/// options.limits.max_field_bytes = 4_096;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Strict (the default) or lenient.
    pub mode: Mode,
    /// Bounds on what one input may cost.
    pub limits: Limits,
}

impl ReadOptions {
    /// Lenient reading within the default limits.
    #[must_use]
    pub fn lenient() -> Self {
        Self {
            mode: Mode::Lenient,
            limits: Limits::default(),
        }
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
            filtered: 0,
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

/// What a reader read: the items, the rows it skipped (always empty in strict mode), and how
/// many rows its filters passed over. It serializes with each skipped row's error as its
/// message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReadOutcome<T> {
    /// The items read, in file order.
    pub items: Vec<T>,
    /// The rows skipped, in file order: each one's error, the one strict mode would have
    /// stopped with, with the row's [location](crate::Error::location).
    #[serde(serialize_with = "error_messages")]
    pub skipped: Vec<crate::error::Error>,
    /// How many rows the reader's filters passed over before reading them (the occupations,
    /// areas and industries of [`OewsOptions`], say): nothing is wrong with them.
    pub filtered: usize,
}

/// The errors of a report's skipped rows, serialized as their messages (`oews.csv line 17,
/// column A_MEDIAN: …`): what a reader of the report needs, in the form every format can hold.
fn error_messages<S: serde::Serializer>(
    errors: &[crate::error::Error],
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.collect_seq(errors.iter().map(ToString::to_string))
}
