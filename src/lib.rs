//! # himkit
//!
//! A typed, validated model of Health Information Management (HIM) education and careers, and
//! an explainable scorer that ranks HIM programs for a prospective student.
//!
//! People choosing an HIM education weigh the same things: is the program CAHIIM-accredited,
//! which credential (RHIT, RHIA …) it makes them eligible for, cost and length, online or on
//! campus, the professional practice experience, outcomes, and what the careers it leads to
//! pay. himkit models each of these as a type that can only hold a valid value: constructors
//! and `serde` deserialization go through the same checks, and every refusal names the field,
//! the value and the rule.
//!
//! ## Where things are
//!
//! | module | holds |
//! |---|---|
//! | the crate root | what a first program needs: [`Dataset`] (the data that ships with himkit), [`Catalog`], [`Program`], [`Selector`], [`StudentProfile`], [`Ranking`], [`Error`], and the model's everyday nouns ([`DegreeLevel`], [`Credential`], [`UsState`], [`Money`], [`Rate`] …) |
//! | [`program`] | a program and what describes it: institution, degree and IPEDS award level, discipline, length, delivery, cost, CAHIIM accreditation, outcomes, the skills it teaches, and the source of each fact |
//! | [`credential`] | AHIMA credentials and their eligibility rules, kept as data with their sources |
//! | [`career`] | occupations (SOC), career settings (NAICS), BLS employment projections |
//! | [`wage`] | BLS wage statistics: percentiles, top-coded and unpublished figures, areas, industries, provenance |
//! | [`value`] | small validated values: money, rates, states, years and reference periods, SOC, CIP and NAICS codes, UNITIDs, program ids, the confidence a sourced figure carries |
//! | [`select`] | program selection: the profile's constraints and weights, criteria, methods, the ranking and its explanations, sensitivity, the Pareto set, comparison; and the generic scoring core for any decision matrix |
//! | [`io`] | the files users have: catalogue CSV, the national catalogue from IPEDS and College Scorecard files, accreditation lists, Scorecard outcomes, BLS OEWS wage tables |
//!
//! ## A first program
//!
//! ```
//! use himkit::{Credential, Dataset, Eligibility, ErrorKind, Selector, StudentProfile, UsState};
//!
//! // The real HIM programs (IPEDS 2024 and College Scorecard), with BLS wages and projections.
//! let dataset = Dataset::national()?;
//! let selector = Selector::new(dataset.catalog(), dataset.wages()); // prepare once
//!
//! // A student in Ohio who wants an accredited associate or bachelor's program, online or hybrid.
//! let ranking = selector.rank_top(&StudentProfile::example(UsState::Ohio), 5)?;
//! for entry in ranking.entries() {
//!     let program = selector.program(entry.id().as_str()).expect("ranked programs are in the catalogue");
//!     println!("{} {:.3} {} — {}", entry.rank(), entry.score(), entry.band(), program);
//!     for flag in entry.flags() {
//!         println!("    check: {flag}"); // e.g. accreditation not verified
//!     }
//! }
//! println!("{} programs excluded", ranking.excluded_count());
//!
//! // Eligibility is decided by rules kept as data: a program in CAHIIM candidacy is not yet
//! // accredited, so its graduates cannot sit the RHIT.
//! let illustrative = Dataset::embedded()?;
//! let program = illustrative.catalog().get("granite-hit-aas").expect("in the embedded catalogue");
//! match program.eligibility(Credential::Rhit) {
//!     Eligibility::NotEligible { reasons } => {
//!         assert_eq!(reasons[0].to_string(), "accreditation status candidacy is not accreditation");
//!     }
//!     other => panic!("unexpected {other:?}"),
//! }
//!
//! // Invalid values cannot be built, from code or from JSON; the error says what, where and why,
//! // and is the same kind whichever door the value came through.
//! let error = StudentProfile::from_json_str("me.json", r#"{"home_state": "ZZ"}"#).unwrap_err();
//! assert_eq!(error.kind(), ErrorKind::UnknownName);
//! assert_eq!((error.field(), error.value()), (Some("state"), Some("ZZ")));
//! assert_eq!("ZZ".parse::<himkit::UsState>().unwrap_err().kind(), ErrorKind::UnknownName);
//! assert!(error.to_string().starts_with("me.json line 1, column 20, field home_state: state: \"ZZ\""));
//! # Ok::<(), himkit::Error>(())
//! ```
//!
//! ## The domain's traps, and what himkit decides
//!
//! - **Missing outcomes are states, not zeros.** An [`Outcome`] is reported (with its year),
//!   suppressed (with a reason), not reported, or not applicable; what federal files do not say
//!   (accreditation, delivery, cost) is "unknown", never a guess.
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
//!
//! ## Features
//!
//! - `xlsx` (default): reading BLS OEWS workbooks ([`io::read_oews_xlsx`]) with calamine.
//! - `parallel` (default): many profiles ([`Selector::rank_many`]) and large scorings and
//!   orderings shared across the cores with rayon. Without it the same results come one after
//!   another.

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

pub use career::{CareerSetting, HimOccupation};
pub use credential::{Credential, Eligibility};
pub use program::{
    AccreditationStatus, DegreeLevel, DeliveryMode, Institution, Outcome, Outcomes, Program, Skill, SkillSet,
};
pub use select::{Ranking, Selector, StudentProfile};
pub use value::{Money, ProgramId, Rate, UsState, Year};
pub use wage::{Wage, WageStatistics};
