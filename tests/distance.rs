//! Where the student lives: a home ZIP code, campus coordinates, the distance limit and the
//! distance criterion, on the national catalogue's real institutions (IPEDS HD 2024
//! coordinates, Census 2021 ZCTA points).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    clippy::redundant_closure_for_method_calls
)]

use std::collections::BTreeSet;

use himkit::io::Limits;
use himkit::io::{read_catalog_csv, write_catalog_csv};
use himkit::program::Residency;
use himkit::select::{Criterion, ExclusionReason, ProfileSpec};
use himkit::value::ZipCode;
use himkit::{Dataset, ErrorKind, Selector, StudentProfile, UsState};

fn national() -> (Dataset, Selector) {
    let dataset = Dataset::national().unwrap();
    let selector = Selector::new(dataset.catalog(), dataset.wages());
    (dataset, selector)
}

fn profile(json: &str) -> StudentProfile {
    StudentProfile::from_json_str("profile.json", json).unwrap()
}

fn unitids(selector: &Selector, ids: impl Iterator<Item = String>) -> BTreeSet<u32> {
    ids.filter_map(|id| selector.program(&id)?.institution().unitid())
        .map(|unitid| unitid.get())
        .collect()
}

#[test]
fn every_real_campus_has_its_ipeds_coordinates() {
    let (dataset, _) = national();
    for program in dataset.catalog() {
        let point = program.institution().coordinates();
        assert!(point.is_some(), "{}", program.id());
    }
    let columbus_state = dataset
        .catalog()
        .iter()
        .find(|program| program.institution().unitid().map(|id| id.get()) == Some(202_222))
        .unwrap();
    let point = columbus_state.institution().coordinates().unwrap();
    assert!((point.latitude() - 39.97).abs() < 0.05 && (point.longitude() + 82.99).abs() < 0.05);
    // The illustrative catalogue's fictional institutions have none.
    let illustrative = Dataset::embedded().unwrap();
    assert!(
        illustrative
            .catalog()
            .iter()
            .all(|program| program.institution().coordinates().is_none())
    );
}

#[test]
fn a_columbus_student_on_campus_within_20_miles_gets_the_campuses_within_20_miles() {
    let (_, selector) = national();
    let near = profile(r#"{"home_zip": "43215", "delivery_modes": ["on-campus"], "max_distance_miles": 20}"#);
    assert_eq!(near.home_state(), UsState::Ohio);
    let ranking = selector.rank(&near).unwrap();
    let ranked = unitids(
        &selector,
        ranking.entries().iter().map(|entry| entry.id().to_string()),
    );
    // Columbus State, Franklin, Ohio State and DeVry's Columbus campus: every HIM institution
    // within 20 miles of 43215's point.
    assert_eq!(ranked, BTreeSet::from([202_222, 202_806, 204_796, 482_574]));
    for entry in ranking.entries() {
        let distance = entry.distance().unwrap();
        assert!(distance.miles() <= 20.0, "{}: {distance}", entry.id());
        assert_eq!(distance.from().to_string(), "43215");
    }
    let columbus_state = ranking
        .entries()
        .iter()
        .find(|entry| entry.id().as_str().contains("-202222-"))
        .unwrap();
    assert_eq!(
        columbus_state.distance().unwrap().to_string(),
        "1.3 miles from 43215"
    );
    // Every other campus program is left out for its distance, with the figures.
    for exclusion in ranking.exclusions() {
        for reason in exclusion.reasons() {
            if let ExclusionReason::CampusTooFar {
                miles, from, limit, ..
            } = reason
            {
                assert!(*miles > 20.0 && *limit == 20.0 && from.to_string() == "43215");
            }
        }
    }
    let far = ranking
        .exclusion(
            ranking
                .exclusions()
                .iter()
                .find(|exclusion| {
                    exclusion
                        .reasons()
                        .iter()
                        .any(|reason| matches!(reason, ExclusionReason::CampusTooFar { .. }))
                })
                .unwrap()
                .id()
                .as_str(),
        )
        .unwrap();
    assert!(
        far.reasons().iter().any(|reason| reason
            .to_string()
            .contains("miles from 43215, beyond the 20-mile limit")),
        "{:?}",
        far.reasons()
    );
}

#[test]
fn without_a_zip_code_location_is_the_state_line_and_nothing_has_a_distance() {
    let (_, selector) = national();
    let by_state = profile(r#"{"home_state": "OH", "delivery_modes": ["on-campus"]}"#);
    let ranking = selector.rank(&by_state).unwrap();
    assert!(!ranking.entries().is_empty());
    for entry in ranking.entries() {
        assert_eq!(
            selector
                .program(entry.id().as_str())
                .unwrap()
                .institution()
                .state(),
            UsState::Ohio
        );
        assert!(entry.distance().is_none());
    }
    assert!(!ranking.to_json().unwrap().contains("distance_miles"));
    // The distance criterion weighs nothing without a ZIP code, and a ZIP code alone (no limit)
    // keeps the state rule.
    assert_eq!(by_state.weight(Criterion::Distance), 0.0);
    let with_zip = profile(r#"{"home_state": "OH", "home_zip": "43215", "delivery_modes": ["on-campus"]}"#);
    let with_zip_ranking = selector.rank(&with_zip).unwrap();
    let ids = |ranking: &himkit::Ranking| {
        ranking
            .entries()
            .iter()
            .map(|entry| entry.id().to_string())
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(ids(&with_zip_ranking), ids(&ranking));
    assert!(
        with_zip_ranking
            .entries()
            .iter()
            .all(|entry| entry.distance().is_some())
    );
    assert_eq!(
        with_zip.weight(Criterion::Distance),
        Criterion::Distance.default_weight()
    );
}

#[test]
fn a_cincinnati_student_reaches_kentucky_campuses_and_pays_out_of_state_tuition() {
    let (_, selector) = national();
    let cincinnati = profile(
        r#"{"home_zip": "45202", "delivery_modes": ["on-campus", "hybrid"], "max_distance_miles": 30}"#,
    );
    let ranking = selector.rank(&cincinnati).unwrap();
    let ranked = unitids(
        &selector,
        ranking.entries().iter().map(|entry| entry.id().to_string()),
    );
    // Gateway (Florence, KY, 12 miles) and Beckfield (Florence, KY, 10 miles) across the river,
    // with the Cincinnati campuses.
    assert!(
        ranked.contains(&157_438) && ranked.contains(&247_065),
        "{ranked:?}"
    );
    assert!(
        ranked.contains(&201_885) && ranked.contains(&201_928),
        "{ranked:?}"
    );
    let kentucky: Vec<_> = ranking
        .entries()
        .iter()
        .filter(|entry| {
            selector
                .program(entry.id().as_str())
                .unwrap()
                .institution()
                .state()
                == UsState::Kentucky
        })
        .collect();
    assert!(!kentucky.is_empty());
    for entry in kentucky {
        assert_eq!(entry.residency(), Residency::OutOfState, "{}", entry.id());
        assert!(entry.distance().unwrap().miles() <= 30.0);
        // The explanation says which tuition it scored.
        if let Some(cost) = entry
            .contributions()
            .iter()
            .find(|part| part.criterion == Criterion::TotalCost)
        {
            assert!(cost.value.contains("out-of-state"), "{}", cost.value);
        }
    }
    // The same student with only a state line is refused Kentucky.
    let by_state = profile(r#"{"home_state": "OH", "delivery_modes": ["on-campus", "hybrid"]}"#);
    let ranked = unitids(
        &selector,
        selector
            .rank(&by_state)
            .unwrap()
            .entries()
            .iter()
            .map(|entry| entry.id().to_string()),
    );
    assert!(!ranked.contains(&157_438));
}

#[test]
fn a_relocation_state_is_within_reach_at_any_distance_and_online_study_is_not_limited() {
    let (_, selector) = national();
    let limited = profile(
        r#"{"home_zip": "43215", "max_distance_miles": 5, "relocation_states": ["WA"], "require_accreditation": false}"#,
    );
    let ranking = selector.rank(&limited).unwrap();
    assert!(ranking.entries().iter().any(|entry| {
        let program = selector.program(entry.id().as_str()).unwrap();
        program.institution().state() == UsState::Washington && entry.distance().unwrap().miles() > 1_500.0
    }));
    for entry in ranking.entries() {
        let program = selector.program(entry.id().as_str()).unwrap();
        let online = program
            .delivery()
            .known()
            .is_some_and(|delivery| delivery.mode() == himkit::DeliveryMode::Online);
        if online {
            assert!(entry.distance().is_none());
            assert!(
                entry
                    .missing()
                    .iter()
                    .any(|missing| missing.criterion == Criterion::Distance
                        && missing.why == "online study: distance does not apply")
            );
        }
    }
}

#[test]
fn the_distance_criterion_prefers_the_nearer_campus() {
    let (_, selector) = national();
    let only_distance = profile(
        r#"{"home_zip": "43215", "delivery_modes": ["on-campus"], "max_distance_miles": 20, "weights": {"distance": 1}}"#,
    );
    let ranking = selector.rank(&only_distance).unwrap();
    let miles: Vec<f64> = ranking
        .entries()
        .iter()
        .map(|entry| entry.distance().unwrap().miles())
        .collect();
    assert!(miles.windows(2).all(|pair| pair[0] <= pair[1]), "{miles:?}");
    let first = &ranking.entries()[0];
    let part = &first.contributions()[0];
    assert_eq!(part.criterion, Criterion::Distance);
    assert_eq!(part.value, "1.3 miles from 43215");
    // Scored from 0 miles (1) to the limit (0).
    assert!((part.normalised - (1.0 - first.distance().unwrap().miles() / 20.0)).abs() < 0.01);
    let json = ranking.to_json().unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["entries"][0]["distance_miles"], serde_json::json!(1.3));
    assert_eq!(json["entries"][0]["distance_from"], serde_json::json!("43215"));
}

#[test]
fn home_state_follows_from_the_zip_code_and_must_agree_with_it() {
    let amherst = profile(r#"{"home_zip": "01002"}"#);
    assert_eq!(amherst.home_state(), UsState::Massachusetts);
    assert_eq!(amherst.home_zip().unwrap().to_string(), "01002");
    // Written back with the state it follows from, and the ZIP code as text.
    let json = serde_json::to_string(&amherst).unwrap();
    assert!(json.contains(r#""home_state":"MA","home_zip":"01002""#), "{json}");
    assert_eq!(
        StudentProfile::from_json_str("again.json", &json).unwrap(),
        amherst
    );
    // Alta, Wyoming has an Idaho prefix: either state is accepted for it.
    assert_eq!(
        profile(r#"{"home_state": "WY", "home_zip": "83414"}"#).home_state(),
        UsState::Wyoming
    );
    assert_eq!(profile(r#"{"home_zip": "83414"}"#).home_state(), UsState::Idaho);

    let error =
        StudentProfile::from_json_str("me.json", r#"{"home_state": "KY", "home_zip": "45202"}"#).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid);
    assert_eq!(error.field(), Some("home_zip"));
    assert_eq!(error.value(), Some("45202"));
    let message = error.to_string();
    assert!(
        message.contains("Ohio") && message.contains("KY (Kentucky)"),
        "{message}"
    );

    let error = StudentProfile::from_json_str("me.json", r#"{"max_total_cost": 5000}"#).unwrap_err();
    assert_eq!(error.field(), Some("home_state"));
    assert!(
        error.to_string().contains("give home_state, home_zip or both"),
        "{error}"
    );
}

#[test]
fn bad_zip_codes_and_distance_limits_are_refused_by_name() {
    for (json, field, value, says) in [
        (r#"{"home_zip": "4321"}"#, "zip", Some("4321"), "five-digit"),
        (
            r#"{"home_zip": "43215-1234"}"#,
            "zip",
            Some("43215-1234"),
            "five-digit",
        ),
        (
            r#"{"home_zip": "43216"}"#,
            "zip",
            Some("43216"),
            "not a ZIP Code Tabulation Area",
        ),
        (
            r#"{"home_state": "OH", "max_distance_miles": 20}"#,
            "max_distance_miles",
            Some("20"),
            "needs home_zip",
        ),
        (
            r#"{"home_zip": "43215", "max_distance_miles": -3}"#,
            "max_distance_miles",
            Some("-3"),
            "above 0",
        ),
        (
            r#"{"home_zip": "43215", "max_distance_miles": 0}"#,
            "max_distance_miles",
            Some("0"),
            "above 0",
        ),
        (
            r#"{"home_zip": "43215", "max_distance_miles": 5001}"#,
            "max_distance_miles",
            Some("5001"),
            "at most 5,000",
        ),
        (
            r#"{"home_state": "OH", "weights": {"distance": 1}}"#,
            "weights.distance",
            Some("1"),
            "needs home_zip",
        ),
    ] {
        let error = StudentProfile::from_json_str("me.json", json).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Invalid, "{json}: {error}");
        assert_eq!(error.field(), Some(field), "{json}: {error}");
        assert_eq!(error.value(), value, "{json}: {error}");
        assert!(error.to_string().contains(says), "{json}: {error}");
    }
    // Kept as text: a number is not a ZIP code (00601 would lose its zeros).
    let error = StudentProfile::from_json_str("me.json", r#"{"home_zip": 43215}"#).unwrap_err();
    assert!(error.to_string().contains("home_zip"), "{error}");
    // From code: NaN and infinity too.
    for limit in [f64::NAN, f64::INFINITY] {
        let mut spec = ProfileSpec::at_zip(ZipCode::new("43215").unwrap());
        spec.max_distance_miles = Some(limit);
        let error = StudentProfile::new(spec).unwrap_err();
        assert_eq!(error.field(), Some("max_distance_miles"));
    }
}

#[test]
fn campus_coordinates_travel_through_catalogue_json_and_csv() {
    let (dataset, _) = national();
    let programs: Vec<_> = dataset.catalog().iter().take(5).cloned().collect();
    let catalog = himkit::Catalog::new(programs).unwrap();
    let json = catalog.to_json().unwrap();
    assert!(json.contains("\"latitude\"") && json.contains("\"longitude\""));
    assert_eq!(
        himkit::Catalog::from_json_str("catalog.json", &json).unwrap(),
        catalog
    );
    let mut csv = Vec::new();
    write_catalog_csv(&catalog, &mut csv).unwrap();
    let text = String::from_utf8(csv).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.contains(",unitid,latitude,longitude,"), "{header}");
    assert_eq!(
        read_catalog_csv("catalog.csv", text.as_bytes(), &Limits::default()).unwrap(),
        catalog
    );

    // A latitude out of range, or one without its longitude, is refused in its own cell.
    let with_latitude = |latitude: &str| {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let column = headers.iter().position(|name| name == "latitude").unwrap();
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&headers).unwrap();
        for (index, record) in reader.records().enumerate() {
            let record = record.unwrap();
            let cells: Vec<&str> = record
                .iter()
                .enumerate()
                .map(|(at, cell)| {
                    if index == 0 && at == column {
                        latitude
                    } else {
                        cell
                    }
                })
                .collect();
            writer.write_record(cells).unwrap();
        }
        writer.into_inner().unwrap()
    };
    let error = read_catalog_csv(
        "catalog.csv",
        with_latitude("95.5").as_slice(),
        &Limits::default(),
    )
    .unwrap_err();
    assert_eq!(
        error.location().unwrap().column_name.as_deref(),
        Some("latitude"),
        "{error}"
    );
    assert_eq!(error.location().unwrap().line, Some(2), "{error}");
    assert!(
        error
            .to_string()
            .contains("95.5 is not between -90 and 90 degrees"),
        "{error}"
    );
    let error =
        read_catalog_csv("catalog.csv", with_latitude("").as_slice(), &Limits::default()).unwrap_err();
    assert_eq!(
        error.location().unwrap().column_name.as_deref(),
        Some("latitude"),
        "{error}"
    );
    assert!(
        error.to_string().contains("latitude and longitude go together"),
        "{error}"
    );
    let error = read_catalog_csv(
        "catalog.csv",
        with_latitude("north").as_slice(),
        &Limits::default(),
    )
    .unwrap_err();
    assert_eq!(
        error.location().unwrap().column_name.as_deref(),
        Some("latitude"),
        "{error}"
    );

    let error = himkit::Catalog::from_json_str(
        "catalog.json",
        &json.replacen("\"longitude\"", "\"longitude_typo\"", 1),
    )
    .unwrap_err();
    assert!(error.to_string().contains("longitude_typo"), "{error}");
}
