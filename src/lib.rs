//! # himkit
//!
//! A typed, validated model of Health Information Management (HIM) education and careers.
//!
//! People choosing an HIM education weigh the same things: is the program CAHIIM-accredited,
//! which credential (RHIT, RHIA …) it makes them eligible for, cost and length, online or on
//! campus, the professional practice experience, outcomes, and what the careers it leads to
//! pay. himkit models each of these as a type that can only hold a valid value: constructors
//! and `serde` deserialization go through the same checks, and every refusal names the field,
//! the value and the rule.
//!
//! ```
//! use himkit::{Credential, Dataset, Eligibility, HimOccupation};
//!
//! // The embedded dataset: an illustrative catalogue of fictional programs, and real BLS
//! // wage figures and projections with their sources.
//! let dataset = Dataset::embedded()?;
//!
//! let program = dataset.catalog().get("granite-hit-aas").expect("in the embedded catalogue");
//! // A program in CAHIIM candidacy is not yet accredited: its graduates cannot sit the RHIT.
//! match program.eligibility(Credential::Rhit) {
//!     Eligibility::NotEligible { reasons } => {
//!         assert_eq!(reasons[0].to_string(), "accreditation status candidacy is not accreditation");
//!     }
//!     other => panic!("unexpected {other:?}"),
//! }
//!
//! // What the occupation it prepares for pays, with the period and source.
//! let occupation = HimOccupation::typical_for(program.degree_level());
//! let wages = dataset.latest_national_wages(occupation.soc()).expect("embedded");
//! println!("{}: median {} ({}; {})", occupation.title(), wages.median(),
//!          wages.period().label(), wages.provenance().source);
//!
//! // Invalid values cannot be built, from code or from JSON.
//! let error = serde_json::from_str::<himkit::Rate>("1.4").unwrap_err();
//! assert!(error.to_string().contains("1.4 is not a fraction between 0 and 1"));
//! # Ok::<(), himkit::Error>(())
//! ```
//!
//! ## The domain's traps, and what himkit decides
//!
//! - **Missing outcomes are states, not zeros.** An [`Outcome`] is reported (with its year),
//!   suppressed (with a reason), not reported, or not applicable.
//! - **Accreditation is per program and campus**, in CAHIIM's own vocabulary
//!   ([`AccreditationStatus`]). Probation is still accreditation; candidacy is not yet.
//! - **Eligibility rules are data with sources** ([`Credential::eligibility_rule`]). Only RHIT
//!   and RHIA require a program; where no citable rule was found himkit says so
//!   ([`Eligibility::RuleUnconfirmed`]) instead of guessing.
//! - **Top-coded wages are bounds**: BLS's `#` becomes [`Wage::AtLeast`], never a number.
//! - **The widely quoted "HIM salary" is the BLS figure for medical and health services
//!   managers** (11-9111); BLS has no separate code for HIM directors. Every embedded figure
//!   carries its reference period, source and confidence ([`Provenance`](wage::Provenance)).
//!
//! ## JSON
//!
//! Every model type implements `Serialize` and `Deserialize`. Field names are `snake_case`,
//! enums are their kebab-case names, money is whole US dollars, rates are fractions. A file of
//! programs is a JSON array of program objects, read with [`Catalog::from_json_str`].

// Integer arithmetic in library code is checked, saturating, or bounded by a validated range
// and written so (tests are exempt).
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

pub mod career;
mod catalog;
pub mod credential;
mod dataset;
mod error;
pub mod io;
mod limits;
pub mod program;
pub mod select;
pub mod value;
mod vocabulary;
pub mod wage;
mod word_or_record;

pub use catalog::Catalog;
pub use dataset::Dataset;
pub use error::{Error, ErrorKind, Location, Result};

pub use career::{CareerSetting, HimOccupation, Skill, SkillSet};
pub use credential::{Credential, Eligibility};
pub use program::{AccreditationStatus, DegreeLevel, DeliveryMode, Institution, Outcome, Outcomes, Program};
pub use select::{Ranking, Selector, StudentProfile};
pub use value::{Money, ProgramId, Rate, UsState, Year};
pub use wage::{Wage, WageStatistics};
