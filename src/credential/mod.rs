//! AHIMA credentials and the rules, kept as data with their sources, that decide which exams a
//! program's graduates may sit.
//!
//! ```
//! use himkit::credential::Route;
//! use himkit::{Credential, Dataset, Eligibility};
//!
//! let rule = Credential::Rhia.eligibility_rule();
//! assert!(matches!(rule.route, Route::AccreditedProgram { .. }));
//! let dataset = Dataset::embedded()?;
//! let program = dataset.catalog().get("granite-hit-aas").expect("in the embedded catalogue");
//! assert!(matches!(program.eligibility(Credential::Rhit), Eligibility::NotEligible { .. }));
//! # Ok::<(), himkit::Error>(())
//! ```

mod eligibility;

pub use eligibility::{Credential, Eligibility, EligibilityRule, IneligibilityReason, Route};
