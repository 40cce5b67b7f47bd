//! Properties of the model: valid values survive JSON, invalid ones are refused with the right
//! error, and names round-trip.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    clippy::semicolon_if_nothing_returned
)]

mod common;

use himkit::program::Discipline;
use himkit::value::{CipCode, SocCode};
use himkit::wage::{Percentile, WagePercentiles};
use himkit::{
    AccreditationStatus, CareerSetting, Credential, DegreeLevel, DeliveryMode, ErrorKind, Money, Program,
    ProgramId, Rate, Skill, UsState, Wage,
};
use proptest::prelude::*;

fn round_trip<T>(value: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let json = serde_json::to_string(value).unwrap();
    serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error}: {json}"))
}

proptest! {
    #[test]
    fn every_valid_program_survives_a_json_round_trip(program in common::program()) {
        prop_assert_eq!(round_trip(&program), program);
    }

    /// Every reported figure says whose it is, and says it again after JSON and the catalogue
    /// CSV: a figure read back is the program's, the field of study's or the institution's as
    /// it was written.
    #[test]
    fn every_figures_scope_survives_json_and_csv(program in common::program()) {
        let scopes = |program: &Program| {
            let outcomes = program.outcomes();
            [
                outcomes.graduation_rate.scope(),
                outcomes.employment_rate.scope(),
                outcomes.exam_pass_rate.scope(),
                outcomes.median_debt.scope(),
                outcomes.median_earnings.scope(),
                outcomes.program_size.scope(),
                outcomes.institution_completion_rate.scope(),
                outcomes.institution_graduation_rate.scope(),
                outcomes.institution_median_earnings.scope(),
            ]
        };
        let json = serde_json::to_value(program.outcomes()).unwrap();
        for (_, outcome) in json.as_object().unwrap() {
            if outcome["status"] == "reported" {
                prop_assert!(outcome["scope"].is_string(), "{}", outcome);
            }
        }
        prop_assert_eq!(scopes(&round_trip(&program)), scopes(&program));
        let catalog = himkit::Catalog::new(vec![program.clone()]).unwrap();
        let mut csv = Vec::new();
        himkit::io::write_catalog_csv(&catalog, &mut csv).unwrap();
        let back = himkit::io::read_catalog_csv("generated.csv", csv.as_slice(), &himkit::io::Limits::default()).unwrap();
        prop_assert_eq!(scopes(&back.programs()[0]), scopes(&program));
    }

    #[test]
    fn every_valid_catalogue_survives_a_json_round_trip(programs in proptest::collection::vec(common::program(), 0..6)) {
        let mut seen = std::collections::HashSet::new();
        let programs: Vec<Program> = programs.into_iter().filter(|p| seen.insert(p.id().clone())).collect();
        let catalog = himkit::Catalog::new(programs).unwrap();
        let text = catalog.to_json().unwrap();
        prop_assert_eq!(himkit::Catalog::from_json_str("generated", &text).unwrap(), catalog);
    }

    #[test]
    fn rates_outside_the_unit_interval_are_refused(value in prop_oneof![
        -1e12..-1e-12f64, 1.000_000_1..1e12f64, Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY)
    ]) {
        let error = Rate::new(value).unwrap_err();
        let names_the_rate = error.kind() == ErrorKind::Invalid && error.field() == Some("rate");
        prop_assert!(names_the_rate, "{}", error);
        let json = serde_json::to_string(&value).unwrap_or_else(|_| "null".to_owned());
        prop_assert!(serde_json::from_str::<Rate>(&json).is_err());
    }

    #[test]
    fn rates_inside_the_unit_interval_round_trip(rate in common::rate()) {
        prop_assert_eq!(round_trip(&rate), rate);
    }

    #[test]
    fn decreasing_percentiles_are_refused(mut values in proptest::collection::vec(0u64..500_000, 5), swap in 0usize..4) {
        values.sort_unstable();
        prop_assume!(values[swap] != values[swap + 1]);
        values.swap(swap, swap + 1);
        let wages: Vec<Wage> = values.iter().map(|v| Wage::Amount(Money::new(*v).unwrap())).collect();
        let error = WagePercentiles::new(wages[0], wages[1], wages[2], wages[3], wages[4]).unwrap_err();
        let is_invalid = error.kind() == ErrorKind::Invalid;
        prop_assert!(is_invalid, "{}", error);
        prop_assert!(error.to_string().contains("percentiles must not decrease"), "{error}");
    }

    #[test]
    fn non_decreasing_percentiles_round_trip(mut values in proptest::collection::vec(0u64..500_000, 5), top_coded in 0usize..=5) {
        values.sort_unstable();
        let wages: Vec<Wage> = values.iter().enumerate().map(|(index, v)| {
            let money = Money::new(*v).unwrap();
            if index >= top_coded { Wage::AtLeast { at_least: Money::new(values[top_coded.min(4)]).unwrap() } } else { Wage::Amount(money) }
        }).collect();
        let percentiles = WagePercentiles::new(wages[0], wages[1], wages[2], wages[3], wages[4]).unwrap();
        prop_assert_eq!(round_trip(&percentiles), percentiles);
        prop_assert_eq!(percentiles.get(Percentile::Median), wages[2]);
    }

    #[test]
    fn malformed_soc_codes_are_refused(text in "[0-9-]{0,9}") {
        let well_formed = text.len() == 7 && text.as_bytes()[2] == b'-' && text.bytes().enumerate().all(|(i, b)| i == 2 || b.is_ascii_digit());
        prop_assert_eq!(text.parse::<SocCode>().is_ok(), well_formed, "{}", text);
        if !well_formed {
            let message = text.parse::<SocCode>().unwrap_err().to_string();
            prop_assert!(message.contains("is not a SOC code of the form NN-NNNN"));
        }
    }

    #[test]
    fn malformed_cip_codes_are_refused(text in "[0-9.]{0,9}") {
        let well_formed = text.len() == 7 && text.as_bytes()[2] == b'.' && text.bytes().enumerate().all(|(i, b)| i == 2 || b.is_ascii_digit());
        prop_assert_eq!(text.parse::<CipCode>().is_ok(), well_formed, "{}", text);
        if well_formed {
            prop_assert_eq!(text.parse::<CipCode>().unwrap().to_string(), text);
        }
    }

    #[test]
    fn program_ids_are_refused_unless_slugs(text in "[a-zA-Z0-9 _-]{0,70}") {
        let slug = !text.is_empty() && text.len() <= 64
            && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-') && !text.ends_with('-') && !text.contains("--");
        prop_assert_eq!(text.parse::<ProgramId>().is_ok(), slug, "{}", text);
    }

    #[test]
    fn unknown_enum_names_list_the_valid_ones(name in "[a-z]{1,12}") {
        prop_assume!(name.parse::<DegreeLevel>().is_err());
        let error = name.parse::<DegreeLevel>().unwrap_err();
        prop_assert_eq!(error.kind(), ErrorKind::UnknownName);
        prop_assert_eq!(error.field(), Some("degree_level"));
        prop_assert_eq!(error.value(), Some(name.as_str()));
        prop_assert!(error.to_string().contains("baccalaureate"));
    }

    #[test]
    fn money_above_the_cap_is_refused(dollars in 1_000_000_001u64..) {
        prop_assert!(Money::new(dollars).is_err());
        prop_assert!(serde_json::from_str::<Money>(&dollars.to_string()).is_err());
    }
}

/// Every name of every vocabulary parses back to its value, in any ASCII case.
#[test]
fn enum_names_round_trip_through_from_str_and_display() {
    fn check<T>(values: impl Iterator<Item = T>)
    where
        T: std::fmt::Display
            + std::str::FromStr
            + PartialEq
            + std::fmt::Debug
            + serde::Serialize
            + serde::de::DeserializeOwned,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for value in values {
            let name = value.to_string();
            assert_eq!(name.parse::<T>().unwrap(), value);
            assert_eq!(name.to_uppercase().parse::<T>().unwrap(), value);
            assert_eq!(serde_json::to_string(&value).unwrap(), format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<T>(&format!("\"{name}\"")).unwrap(), value);
        }
    }
    check(DegreeLevel::all());
    check(Discipline::all());
    check(DeliveryMode::all());
    check(AccreditationStatus::all());
    check(Credential::all());
    check(Skill::all());
    check(CareerSetting::all());
    check(Percentile::all());
    check(UsState::all());
}
