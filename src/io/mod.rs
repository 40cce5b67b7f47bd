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
mod federal_table;
mod file_year;
mod ipeds;
mod national;
mod oews;
mod outcomes;
mod read;
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
use read::error_messages;
pub use read::{Mode, ReadOptions, ReadOutcome};
pub use scorecard::{Attachment, attach_scorecard};

pub use crate::limits::Limits;
