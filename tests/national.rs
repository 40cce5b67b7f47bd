//! The national catalogue: programs built from the real IPEDS and College Scorecard files that
//! ship in `data/federal/`, and the award level they keep.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreadable_literal
)]

use himkit::io::{read_catalog_csv, write_catalog_csv};
use himkit::{AwardLevel, Catalog, DegreeLevel, Program};

fn illustrative_with_award(award: AwardLevel) -> Program {
    let mut spec = himkit::Dataset::embedded()
        .unwrap()
        .catalog()
        .get("lakeside-cc-hit-aas")
        .unwrap()
        .to_spec();
    spec.degree_level = Program::degree_level_of(award);
    spec.award_level = Some(award);
    spec.accreditation = himkit::AccreditationState::NotVerified;
    Program::new(spec).unwrap()
}

#[test]
fn the_award_level_round_trips_through_json_and_csv() {
    for award in AwardLevel::all() {
        let program = illustrative_with_award(award);
        let json = serde_json::to_string(&program).unwrap();
        assert!(json.contains(&format!("\"award_level\":\"{award}\"")), "{json}");
        assert_eq!(serde_json::from_str::<Program>(&json).unwrap(), program);
        let catalog = Catalog::new(vec![program]).unwrap();
        let mut bytes = Vec::new();
        write_catalog_csv(&catalog, &mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with(
            "id,name,institution_name,institution_state,institution_city,unitid,degree_level,award_level,"
        ));
        assert_eq!(read_catalog_csv("c.csv", text.as_bytes()).unwrap(), catalog);
    }
}

#[test]
fn a_catalogue_without_award_levels_keeps_its_layout() {
    let catalog = himkit::Dataset::embedded().unwrap().catalog().clone();
    let json = catalog.to_json().unwrap();
    assert!(!json.contains("award_level"));
    let mut bytes = Vec::new();
    write_catalog_csv(&catalog, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("award_level"));
    assert!(text.starts_with(
        "id,name,institution_name,institution_state,institution_city,unitid,degree_level,discipline,"
    ));
}

#[test]
fn an_award_level_must_fit_the_degree_level() {
    let mut spec = illustrative_with_award(AwardLevel::Associate).to_spec();
    spec.award_level = Some(AwardLevel::Bachelors);
    assert_eq!(
        Program::new(spec).unwrap_err().to_string(),
        "award_level: bachelors does not fit degree_level associate (it is a baccalaureate award)"
    );
    let post_masters = illustrative_with_award(AwardLevel::PostMastersCertificate);
    assert_eq!(
        post_masters.degree_level(),
        DegreeLevel::PostBaccalaureateCertificate
    );
    let mut json = serde_json::to_value(illustrative_with_award(AwardLevel::Associate)).unwrap();
    json["award_level"] = "masters".into();
    let error = serde_json::from_value::<Program>(json).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("award_level: masters does not fit degree_level associate"),
        "{error}"
    );
}
