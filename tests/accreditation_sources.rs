//! Where each status came from: a status applied from an accreditation list names the list
//! (as the user gave it) and the row, keeps them through catalogue JSON and CSV, and every
//! explanation cites them: a ranked program's, an exclusion's, a comparison's and RHIT/RHIA
//! eligibility's.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::num::NonZeroU64;

use himkit::io::{Limits, ReadOptions, apply_accreditation_list, read_catalog_csv, write_catalog_csv};
use himkit::program::{Accreditation, AccreditationSource, AccreditationState, SourceFile, SourcedField};
use himkit::select::ExclusionReason;
use himkit::{Catalog, Credential, Dataset, Eligibility, ErrorKind, Selector, StudentProfile, UsState};
use serde_json::json;

/// The 29-row list of `accreditation_lists.rs` (lines counted from the header, line 1).
const DIRECTORY: &str = include_str!("fixtures/cahiim_directory_variants.csv");
/// Line 2 of [`DIRECTORY`].
const CUYAHOGA: &str = "cuyahoga-community-college-district-202356-510707-aw3";
/// Ranked in front of Cuyahoga by the example profile, and not named by the list.
const SOUTHWEST_WISCONSIN: &str = "southwest-wisconsin-technical-college-239910-510707-aw3";

fn national() -> Dataset {
    Dataset::national().unwrap()
}

fn applied(list: &str, text: &str) -> Catalog {
    let catalog = national().catalog().clone();
    apply_accreditation_list(&catalog, list, text.as_bytes(), &ReadOptions::default())
        .unwrap()
        .catalog
}

fn source_of(catalog: &Catalog, id: &str) -> Option<AccreditationSource> {
    catalog
        .get(id)
        .unwrap()
        .accreditation()
        .known()
        .and_then(Accreditation::source)
        .cloned()
}

fn line(number: u64) -> Option<NonZeroU64> {
    NonZeroU64::new(number)
}

#[test]
fn every_applied_status_names_the_list_as_given_and_its_row() {
    let catalog = national().catalog().clone();
    let matches = apply_accreditation_list(
        &catalog,
        "lists/cahiim-2025.csv",
        DIRECTORY.as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(matches.matched.len(), 20);
    for program in &matches.catalog {
        let accreditation = program.accreditation().known();
        match matches.matched.get(program.id()) {
            Some(row) => {
                let accreditation = accreditation.unwrap();
                let source = accreditation.source().unwrap();
                assert_eq!(source.list(), "lists/cahiim-2025.csv");
                assert_eq!(source.line(), line(*row), "{}", program.id());
                // The program's sources say an accreditation list, confirmed on the row's date.
                let listed = &program.sources()[&SourcedField::Accreditation];
                assert_eq!(listed.file, SourceFile::AccreditationList);
                assert_eq!(listed.period.as_str(), accreditation.last_confirmed().to_string());
            }
            None => assert!(accreditation.is_none(), "{}", program.id()),
        }
    }
    let cuyahoga = matches.catalog.get(CUYAHOGA).unwrap();
    assert_eq!(
        cuyahoga.accreditation().to_string(),
        "CAHIIM continuing accreditation — from lists/cahiim-2025.csv line 2, last confirmed 2025-06-30, \
         next review 2029"
    );
}

#[test]
fn the_source_survives_catalogue_json_and_csv() {
    let catalog = applied("cahiim.csv", DIRECTORY);
    let json = catalog.to_json().unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let program = value
        .as_array()
        .unwrap()
        .iter()
        .find(|program| program["id"] == CUYAHOGA)
        .unwrap();
    assert_eq!(
        program["accreditation"],
        json!({
            "accreditor": "cahiim",
            "status": "continuing-accreditation",
            "last_confirmed": "2025-06-30",
            "next_review_year": 2029,
            "source": {"list": "cahiim.csv", "line": 2}
        })
    );
    assert_eq!(Catalog::from_json_str("catalog.json", &json).unwrap(), catalog);

    let mut csv = Vec::new();
    write_catalog_csv(&catalog, &mut csv).unwrap();
    let text = String::from_utf8(csv.clone()).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.contains(",accreditation_next_review_year,accreditation_source,accreditation_source_line,"),
        "{header}"
    );
    assert_eq!(
        read_catalog_csv("catalog.csv", &csv[..], &Limits::default()).unwrap(),
        catalog
    );

    // A catalogue whose statuses name no list keeps the layout it had.
    let mut csv = Vec::new();
    write_catalog_csv(Dataset::embedded().unwrap().catalog(), &mut csv).unwrap();
    let header = String::from_utf8(csv).unwrap().lines().next().unwrap().to_owned();
    assert!(!header.contains("accreditation_source"), "{header}");
}

#[test]
fn json_written_before_sources_still_reads_and_a_bad_source_is_refused_by_field() {
    let program = |accreditation: serde_json::Value| {
        let mut value = serde_json::to_value(
            Dataset::embedded()
                .unwrap()
                .catalog()
                .get("granite-hit-aas")
                .unwrap(),
        )
        .unwrap();
        value["accreditation"] = accreditation;
        serde_json::from_value::<himkit::Program>(value)
    };
    let old =
        json!({"accreditor": "cahiim", "status": "continuing-accreditation", "last_confirmed": "2025-08-01"});
    let read = program(old).unwrap();
    assert!(read.accreditation().known().unwrap().source().is_none());

    let without_line = json!({"accreditor": "cahiim", "status": "continuing-accreditation",
        "last_confirmed": "2025-08-01", "source": {"list": "directory snapshot, June 2025"}});
    let read = program(without_line).unwrap();
    let source = read.accreditation().known().unwrap().source().unwrap();
    assert_eq!(
        (source.list(), source.line()),
        ("directory snapshot, June 2025", None)
    );
    assert_eq!(source.to_string(), "directory snapshot, June 2025");

    for (source, field) in [
        (
            json!({"list": "cahiim.csv", "line": 0}),
            "accreditation.source.line",
        ),
        (json!({"list": " ", "line": 3}), "accreditation.source.list"),
    ] {
        let text = json!([{
            "id": "x", "name": "HIT", "institution": {"name": "A College", "state": "OH", "city": "Dayton"},
            "degree_level": "associate", "discipline": "health-information-technology",
            "delivery": {"mode": "online"}, "cost": "unknown", "length_months": 24,
            "professional_practice_experience": true,
            "accreditation": {"accreditor": "cahiim", "status": "continuing-accreditation",
                              "last_confirmed": "2025-08-01", "source": source}
        }])
        .to_string();
        let error = Catalog::from_json_str("programs.json", &text).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Invalid, "{error}");
        assert_eq!(error.field(), Some(field), "{error}");
    }
    let unknown = json!({"accreditor": "cahiim", "status": "continuing-accreditation",
        "last_confirmed": "2025-08-01", "source": {"list": "cahiim.csv", "row": 3}});
    assert!(program(unknown).unwrap_err().to_string().contains("row"));
}

#[test]
fn a_catalogue_csv_source_needs_a_known_status_and_a_line_from_1() {
    let mut csv = Vec::new();
    write_catalog_csv(&applied("cahiim.csv", DIRECTORY), &mut csv).unwrap();
    let mut reader = csv::Reader::from_reader(&csv[..]);
    let header = reader.headers().unwrap().clone();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|record| &record[0] == CUYAHOGA)
        .unwrap();
    let with = |changes: &[(&str, &str)]| {
        let mut cells: Vec<String> = row.iter().map(str::to_owned).collect();
        for (column, value) in changes {
            let index = header.iter().position(|name| name == *column).unwrap();
            cells[index] = (*value).to_owned();
        }
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&header).unwrap();
        writer.write_record(&cells).unwrap();
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    };
    let refusal =
        |csv: String| read_catalog_csv("programs.csv", csv.as_bytes(), &Limits::default()).unwrap_err();

    let error = refusal(with(&[("accreditation_source_line", "0")]));
    assert_eq!(
        error.location().unwrap().column_name.as_deref(),
        Some("accreditation_source_line")
    );
    assert!(
        error.to_string().contains("\"0\" is not a line number"),
        "{error}"
    );

    let error = refusal(with(&[("accreditation_source", "")]));
    assert_eq!(
        error.location().unwrap().column_name.as_deref(),
        Some("accreditation_source_line")
    );

    let unknown = with(&[
        ("accreditor", ""),
        ("accreditation_status", "not-verified"),
        ("accreditation_last_confirmed", ""),
        ("accreditation_next_review_year", ""),
    ]);
    let error = refusal(unknown);
    assert_eq!(
        error.location().unwrap().column_name.as_deref(),
        Some("accreditation_source")
    );
    assert!(
        error.to_string().contains("needs a known accreditation"),
        "{error}"
    );
}

#[test]
fn a_ranked_programs_explanation_and_its_eligibility_cite_the_list() {
    let dataset = national();
    let catalog = applied("cahiim.csv", DIRECTORY);
    let selector = Selector::new(&catalog, dataset.wages());
    let ranking = selector.rank(&StudentProfile::example(UsState::Ohio)).unwrap();
    let entry = ranking.entry(CUYAHOGA).unwrap();
    let program = catalog.get(CUYAHOGA).unwrap();
    assert_eq!(entry.accreditation(), program.accreditation());
    let json: serde_json::Value = serde_json::from_str(&ranking.to_json().unwrap()).unwrap();
    let written = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["id"] == CUYAHOGA)
        .unwrap();
    assert_eq!(
        written["accreditation"]["source"],
        json!({"list": "cahiim.csv", "line": 2})
    );
    // A program nobody has checked says so.
    assert_eq!(
        *ranking.entry(SOUTHWEST_WISCONSIN).unwrap().accreditation(),
        AccreditationState::NotVerified
    );

    // RHIT eligibility rests on that accreditation and cites the same source.
    let rhit = program.eligibility(Credential::Rhit);
    assert!(rhit.is_eligible());
    assert_eq!(rhit.accreditation(), program.accreditation().known());
    assert_eq!(
        rhit.to_string(),
        "eligible through CAHIIM continuing accreditation (from cahiim.csv line 2)"
    );
    assert_eq!(
        serde_json::to_value(&rhit).unwrap()["accreditation"]["source"],
        json!({"list": "cahiim.csv", "line": 2})
    );
    let Eligibility::NotEligible { reasons } = program.eligibility(Credential::Rhia) else {
        panic!("an associate program does not lead to RHIA")
    };
    assert!(!reasons.is_empty());
}

#[test]
fn an_exclusion_for_accreditation_cites_the_list() {
    let dataset = national();
    let catalog = applied(
        "candidacy.csv",
        "institution_name,state,unitid,degree_level,status,last_confirmed\n\
         Cuyahoga Community College,OH,202356,associate,candidacy,2025-06-30\n",
    );
    let selector = Selector::new(&catalog, dataset.wages());
    let ranking = selector.rank(&StudentProfile::example(UsState::Ohio)).unwrap();
    let exclusion = ranking.exclusion(CUYAHOGA).unwrap();
    let detail = exclusion
        .reasons()
        .iter()
        .find_map(|reason| match reason {
            ExclusionReason::NotAccredited { detail } => Some(detail.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(detail, "CAHIIM candidacy (from candidacy.csv line 2)");
}

#[test]
fn a_comparison_shows_each_programs_accreditation_with_its_source() {
    let dataset = national();
    let catalog = applied("cahiim.csv", DIRECTORY);
    let selector = Selector::new(&catalog, dataset.wages());
    let comparison = selector
        .compare(
            &StudentProfile::example(UsState::Ohio),
            &[CUYAHOGA, SOUTHWEST_WISCONSIN],
        )
        .unwrap();
    assert_eq!(
        comparison.accreditation,
        [
            catalog.get(CUYAHOGA).unwrap().accreditation().clone(),
            AccreditationState::NotVerified
        ]
    );
    let json = serde_json::to_value(&comparison).unwrap();
    assert_eq!(
        json["accreditation"],
        json!([
            {"accreditor": "cahiim", "status": "continuing-accreditation", "last_confirmed": "2025-06-30",
             "next_review_year": 2029, "source": {"list": "cahiim.csv", "line": 2}},
            "not-verified"
        ])
    );
    assert_eq!(
        source_of(&catalog, CUYAHOGA),
        Some(AccreditationSource::new("cahiim.csv", line(2)).unwrap())
    );
}
