//! The JSON a ranking, a comparison and a sensitivity analysis of the embedded illustrative
//! catalogue produce is a documented form: these snapshots hold it byte for byte, so that a
//! change to how selection is computed cannot change what it answers unnoticed.
//!
//! After an intended change of output, regenerate with
//! `HIMKIT_UPDATE_SNAPSHOTS=1 cargo test --test snapshot` and review the diff.

#![allow(clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use himkit::select::{BoundsMode, Criterion, Method, MissingPolicy, ProfileSpec};
use himkit::{Credential, Dataset, DegreeLevel, Selector, StudentProfile, UsState};

fn selector() -> Selector {
    let dataset = Dataset::embedded().expect("the embedded dataset loads");
    Selector::new(dataset.catalog(), dataset.wages())
}

/// Compares `actual` with the snapshot `name`, or writes it when asked to.
fn check(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("HIMKIT_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("the snapshot is written");
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its snapshot; if the change is intended, regenerate with \
         HIMKIT_UPDATE_SNAPSHOTS=1 and review the diff.\n--- actual:\n{actual}"
    );
}

fn profiles() -> Vec<(&'static str, StudentProfile)> {
    let mut open = ProfileSpec::new(UsState::Texas);
    open.require_accreditation = false;
    open.target_credential = Some(Credential::Rhit);
    open.max_total_cost = himkit::Money::new(40_000).ok();
    open.missing
        .insert(Criterion::ExamPassRate, MissingPolicy::ScoreAsWorst);
    open.missing
        .insert(Criterion::EmploymentRate, MissingPolicy::ExcludeProgram);
    open.relocation_states = [
        UsState::Ohio,
        UsState::Mississippi,
        UsState::California,
        UsState::Louisiana,
    ]
    .into_iter()
    .collect();
    let mut catalog_bounds = ProfileSpec::new(UsState::California);
    catalog_bounds.require_accreditation = false;
    catalog_bounds.bounds = BoundsMode::Catalog;
    catalog_bounds.degree_levels = [DegreeLevel::Baccalaureate, DegreeLevel::Masters]
        .into_iter()
        .collect();
    vec![
        (
            "rank-ohio-weighted-sum.json",
            StudentProfile::example(UsState::Ohio),
        ),
        (
            "rank-ohio-topsis.json",
            StudentProfile::example(UsState::Ohio).with_method(Method::Topsis),
        ),
        ("rank-texas-open.json", StudentProfile::new(open).expect("valid")),
        (
            "rank-california-catalog-bounds.json",
            StudentProfile::new(catalog_bounds).expect("valid"),
        ),
    ]
}

#[test]
fn rankings_are_unchanged() {
    let selector = selector();
    for (name, profile) in profiles() {
        check(
            name,
            &selector
                .rank(&profile)
                .expect("ranks")
                .to_json()
                .expect("serializes"),
        );
    }
}

#[test]
fn comparisons_and_sensitivity_are_unchanged() {
    let selector = selector();
    let ids: Vec<&str> = selector
        .programs()
        .iter()
        .take(4)
        .map(|program| program.id().as_str())
        .collect();
    for (name, profile) in profiles() {
        let comparison = selector.compare(&profile, &ids).expect("compares");
        let sensitivity = selector.sensitivity(&profile, 3, 20.0).expect("analyses");
        let pareto = selector.pareto(&profile).expect("pareto");
        let text = serde_json::to_string_pretty(&serde_json::json!({
            "comparison": comparison,
            "sensitivity": sensitivity,
            "pareto": pareto,
        }))
        .expect("serializes");
        check(&name.replace("rank-", "analysis-"), &text);
    }
}
