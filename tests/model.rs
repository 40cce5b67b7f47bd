//! The domain model as a specification: what is accepted, what is refused and why, and what
//! the rules conclude.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    clippy::semicolon_if_nothing_returned
)]

use himkit::credential::{IneligibilityReason, Route};
use himkit::value::Confidence;
use himkit::value::ReferencePeriod;
use himkit::wage::Percentile;
use himkit::{
    AccreditationStatus, Catalog, Credential, Dataset, DegreeLevel, DeliveryMode, Eligibility, ErrorKind,
    HimOccupation, Outcome, Program, Wage,
};
use serde_json::{Value, json};

fn base_program() -> Value {
    json!({
        "id": "test-him-bs",
        "name": "Health Information Management, BS",
        "institution": {"name": "Test University", "state": "OH", "city": "Akron"},
        "degree_level": "baccalaureate",
        "discipline": "health-information-management",
        "cip": "51.0706",
        "delivery": {"mode": "on-campus"},
        "accreditation": {"accreditor": "cahiim", "status": "continuing-accreditation", "last_confirmed": "2025-01-01"},
        "cost": {"basis": "per-credit", "credits": 120, "in_state": 300, "out_of_state": 600},
        "length_months": 48,
        "professional_practice_experience": true
    })
}

fn program_with(change: impl FnOnce(&mut Value)) -> Result<Program, serde_json::Error> {
    let mut value = base_program();
    change(&mut value);
    serde_json::from_value(value)
}

fn refusal(change: impl FnOnce(&mut Value)) -> String {
    program_with(change).unwrap_err().to_string()
}

fn reasons(program: &Program, credential: Credential) -> Vec<IneligibilityReason> {
    match program.eligibility(credential) {
        Eligibility::NotEligible { reasons } => reasons,
        other => panic!("expected not eligible, got {other:?}"),
    }
}

#[test]
fn a_complete_program_is_accepted_and_defaults_are_explicit() {
    let program = program_with(|_| {}).unwrap();
    assert_eq!(program.degree_level(), DegreeLevel::Baccalaureate);
    let delivery = program.delivery().known().unwrap();
    assert_eq!(delivery.mode(), DeliveryMode::OnCampus);
    assert_eq!(delivery.distance_share().get(), 0.0);
    assert!(program.accreditation().known().is_some());
    assert_eq!(program.length_basis(), himkit::program::LengthBasis::Program);
    assert!(program.sources().is_empty());
    assert_eq!(program.outcomes().graduation_rate, Outcome::NotReported);
    assert_eq!(program.skills(), Some(himkit::SkillSet::default()));
    assert_eq!(
        program.career_support(),
        Some(himkit::program::CareerSupport::default())
    );
}

#[test]
fn rhia_requires_accredited_baccalaureate_or_masters_him() {
    let bachelor = program_with(|_| {}).unwrap();
    assert!(bachelor.eligibility(Credential::Rhia).is_eligible());
    let master = program_with(|p| p["degree_level"] = json!("masters")).unwrap();
    assert!(master.eligibility(Credential::Rhia).is_eligible());
    let post_bacc = program_with(|p| p["degree_level"] = json!("post-baccalaureate-certificate")).unwrap();
    assert!(post_bacc.eligibility(Credential::Rhia).is_eligible());
    let associate = program_with(|p| p["degree_level"] = json!("associate")).unwrap();
    assert!(matches!(
        reasons(&associate, Credential::Rhia)[..],
        [IneligibilityReason::DegreeLevelNotRecognised {
            level: DegreeLevel::Associate,
            ..
        }]
    ));
}

#[test]
fn a_health_informatics_masters_does_not_lead_to_rhia() {
    let informatics = program_with(|p| {
        p["degree_level"] = json!("masters");
        p["discipline"] = json!("health-informatics");
    })
    .unwrap();
    assert_eq!(
        reasons(&informatics, Credential::Rhia)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["the sourced route recognises health-information-management programs, not health-informatics"]
    );
}

#[test]
fn rhit_requires_an_accredited_associate_program() {
    let associate = program_with(|p| {
        p["degree_level"] = json!("associate");
        p["discipline"] = json!("health-information-technology");
    })
    .unwrap();
    assert_eq!(associate.eligible_credentials(), vec![Credential::Rhit]);
}

#[test]
fn candidacy_and_withdrawn_programs_do_not_qualify_but_probation_does() {
    for status in AccreditationStatus::all() {
        let program = program_with(|p| p["accreditation"]["status"] = json!(status.as_str())).unwrap();
        let eligible = program.eligibility(Credential::Rhia).is_eligible();
        assert_eq!(eligible, status.is_accredited(), "{status}");
    }
    let candidacy = program_with(|p| p["accreditation"]["status"] = json!("candidacy")).unwrap();
    assert_eq!(
        reasons(&candidacy, Credential::Rhia),
        [IneligibilityReason::StatusDoesNotQualify {
            status: AccreditationStatus::Candidacy
        }]
    );
    let probation =
        program_with(|p| p["accreditation"]["status"] = json!("probationary-accreditation")).unwrap();
    assert!(probation.eligibility(Credential::Rhia).is_eligible());
    assert!(AccreditationStatus::ProbationaryAccreditation.is_adverse());
}

#[test]
fn every_failed_requirement_is_listed_not_just_the_first() {
    let program = program_with(|p| {
        p["degree_level"] = json!("certificate");
        p["discipline"] = json!("health-informatics");
        p["accreditation"] = json!({"accreditor": "Some Regional Board", "status": "accreditation-withdrawn",
                                     "last_confirmed": "2024-01-01"});
    })
    .unwrap();
    let found = reasons(&program, Credential::Rhia);
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(matches!(
        found[0],
        IneligibilityReason::AccreditorNotCahiim { .. }
    ));
    assert!(matches!(
        found[1],
        IneligibilityReason::StatusDoesNotQualify { .. }
    ));
    let unaccredited = program_with(|p| {
        p.as_object_mut()
            .unwrap()
            .remove("accreditation")
            .map(drop)
            .unwrap()
    })
    .unwrap();
    assert_eq!(
        reasons(&unaccredited, Credential::Rhia),
        [IneligibilityReason::NotAccredited]
    );
}

#[test]
fn credentials_without_a_program_route_say_so() {
    let program = program_with(|_| {}).unwrap();
    assert_eq!(
        program.eligibility(Credential::Ccs),
        Eligibility::NoProgramRequired
    );
    assert_eq!(
        program.eligibility(Credential::Cca),
        Eligibility::NoProgramRequired
    );
    for credential in [
        Credential::Cdip,
        Credential::Chps,
        Credential::Chda,
        Credential::CcsP,
    ] {
        assert_eq!(
            program.eligibility(credential),
            Eligibility::RuleUnconfirmed,
            "{credential}"
        );
        let rule = credential.eligibility_rule();
        assert_eq!(rule.credential, credential);
        assert_eq!(rule.route, Route::Unconfirmed);
        assert_eq!(rule.confidence, None);
    }
    let rhia = Credential::Rhia.eligibility_rule();
    assert_eq!(rhia.confidence, Some(Confidence::Confirmed));
    assert!(!rhia.source.is_empty());
}

#[test]
fn refusals_name_the_field_the_value_and_the_rule() {
    let message = refusal(|p| {
        p["outcomes"] = json!({"graduation_rate": {"status": "reported", "value": 1.4, "year": 2024}})
    });
    assert!(
        message.contains("rate: 1.4 is not a fraction between 0 and 1"),
        "{message}"
    );

    let message = refusal(|p| p["id"] = json!("Not A Slug"));
    assert!(
        message.contains("id: \"Not A Slug\" is not a program id"),
        "{message}"
    );

    let message = refusal(|p| p["cip"] = json!("51.706"));
    assert!(
        message.contains("cip_code: \"51.706\" is not a six-digit CIP code"),
        "{message}"
    );

    let message = refusal(|p| p["degree_level"] = json!("bachelors"));
    assert!(message.contains("degree_level: \"bachelors\" is not a known degree_level; expected one of: certificate, associate, baccalaureate"), "{message}");

    let message = refusal(|p| p["length_months"] = json!(0));
    assert!(
        message.contains("length_months: 0 is not between 1 and 120"),
        "{message}"
    );

    let message = refusal(|p| p["delivery"] = json!({"mode": "online", "distance_share": 0.5}));
    assert!(
        message.contains("delivery.distance_share: 0.5 must be 1 for an online program"),
        "{message}"
    );

    let message = refusal(|p| p["delivery"] = json!({"mode": "hybrid"}));
    assert!(message.contains("is required for a hybrid program"), "{message}");

    let message = refusal(|p| p["cost"]["credits"] = json!(0));
    assert!(
        message.contains("cost.credits: 0 is not between 1 and 400"),
        "{message}"
    );

    let message = refusal(|p| p["cost"]["in_state"] = json!(-3));
    assert!(message.contains("money: -3 is negative"), "{message}");

    let message = refusal(|p| p["degree_level"] = json!("doctorate"));
    assert!(
        message.contains("accreditation.accreditor: cahiim does not accredit doctoral programs"),
        "{message}"
    );

    let message = refusal(|p| p["accreditation"]["next_review_year"] = json!(2020));
    assert!(
        message.contains("accreditation.next_review_year: 2020 is before the year"),
        "{message}"
    );

    let message = refusal(|p| p["institution"]["state"] = json!("ZZ"));
    assert!(
        message.contains("state: \"ZZ\" is not a known state"),
        "{message}"
    );

    let message = refusal(|p| p["tuition"] = json!(5));
    assert!(message.contains("unknown field `tuition`"), "{message}");

    let message = refusal(|p| p["outcomes"] = json!({"graduation_rate": 0.8}));
    assert!(message.contains("expected internally tagged enum"), "{message}");
}

#[test]
fn a_bad_program_in_a_file_is_located_by_line_and_field_path() {
    let mut second = base_program();
    second["id"] = json!("second");
    second["outcomes"] = json!({"employment_rate": {"status": "reported", "value": 7, "year": 2024}});
    let text = serde_json::to_string_pretty(&json!([base_program(), second])).unwrap();
    let error = Catalog::from_json_str("programs.json", &text).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid);
    let location = error.location().unwrap();
    let message = error.reason();
    assert_eq!(location.path.as_deref(), Some("[1].outcomes.employment_rate"));
    // serde reads a tagged object whole before checking it, so the position is at the end of
    // the object that holds the offending outcome; the path names the field exactly.
    let object_start = text
        .lines()
        .position(|line| line.contains("\"employment_rate\""))
        .unwrap()
        + 1;
    let line = location.line.unwrap() as usize;
    assert!(
        (object_start..object_start + 7).contains(&line),
        "{line} vs {object_start}"
    );
    assert!(
        message.contains("rate: 7 is not a fraction between 0 and 1"),
        "{message}"
    );
    assert!(
        error
            .to_string()
            .starts_with(&format!("programs.json line {line}, column")),
        "{error}"
    );
}

#[test]
fn duplicate_program_ids_name_both_places() {
    let text = serde_json::to_string_pretty(&json!([base_program(), base_program()])).unwrap();
    let error = Catalog::from_json_str("programs.json", &text).unwrap_err();
    let second_line = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim() == "{")
        .nth(1)
        .map(|(i, _)| i + 1)
        .unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "program id \"test-him-bs\" appears twice: at programs.json line 2, field [0] and at programs.json line {second_line}, field [1]"
        )
    );
}

#[test]
fn malformed_json_and_wrong_shapes_are_located() {
    let error = Catalog::from_json_str("p.json", "[\n  {\"id\": \n").unwrap_err();
    assert!(error.to_string().starts_with("p.json line 3"), "{error}");
    let error = Catalog::from_json_str("p.json", "{}").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("p.json line 1, column 1: invalid type: map, expected a JSON array of program objects"),
        "{error}"
    );
    assert!(Catalog::from_json_str("p.json", "[]").unwrap().is_empty());
}

#[test]
fn the_embedded_catalogue_covers_every_level_mode_status_and_outcome_state() {
    let dataset = Dataset::embedded().unwrap();
    let programs = dataset.catalog().programs();
    for level in DegreeLevel::all() {
        assert!(programs.iter().any(|p| p.degree_level() == level), "{level}");
    }
    for mode in DeliveryMode::all() {
        assert!(
            programs.iter().any(|p| p.delivery().is(mode) == Some(true)),
            "{mode}"
        );
    }
    for status in AccreditationStatus::all() {
        assert!(
            programs
                .iter()
                .any(|p| p.accreditation().known().is_some_and(|a| a.status() == status)),
            "{status}"
        );
    }
    assert!(programs.iter().any(|p| p.accreditation().is_none()));
    for state in ["reported", "suppressed", "not-reported", "not-applicable"] {
        assert!(
            programs.iter().any(|p| {
                let o = p.outcomes();
                [
                    o.graduation_rate.status(),
                    o.employment_rate.status(),
                    o.exam_pass_rate.status(),
                ]
                .contains(&state)
            }),
            "{state}"
        );
    }
    assert!(
        programs
            .iter()
            .all(|p| p.institution().name().ends_with("(fictional)"))
    );
}

#[test]
fn the_widely_quoted_him_salary_is_the_managers_figure_for_may_2019() {
    let dataset = Dataset::embedded().unwrap();
    let soc = HimOccupation::MedicalAndHealthServicesManagers.soc();
    let may_2019 = dataset
        .wages()
        .iter()
        .find(|w| {
            w.occupation() == soc
                && w.industry().is_none()
                && w.period() == ReferencePeriod::may(2019).unwrap()
        })
        .unwrap();
    assert_eq!(may_2019.median().amount().unwrap().dollars(), 100_980);
    assert_eq!(
        may_2019
            .percentiles()
            .get(Percentile::P90)
            .amount()
            .unwrap()
            .dollars(),
        189_000
    );
    assert_eq!(may_2019.provenance().confidence, Confidence::Confirmed);
    assert!(
        may_2019
            .provenance()
            .source
            .as_str()
            .contains("bls.gov/oes/2019/may/oes119111")
    );
    // Industry rows carry a mean but no percentiles in the source, and say so.
    let hospital = dataset
        .wages()
        .iter()
        .find(|w| w.occupation() == soc && w.industry().is_some_and(|i| i.naics.as_str() == "622100"))
        .unwrap();
    assert_eq!(hospital.median(), Wage::NOT_IN_SOURCE);
    assert_eq!(hospital.mean().amount().unwrap().dollars(), 124_180);
}

#[test]
fn mixed_confidence_rows_carry_the_weaker_level_with_a_note() {
    let dataset = Dataset::embedded().unwrap();
    let may_2023 = dataset
        .wages()
        .iter()
        .find(|w| {
            w.occupation().to_string() == "11-9111" && w.period() == ReferencePeriod::may(2023).unwrap()
        })
        .unwrap();
    assert_eq!(may_2023.provenance().confidence, Confidence::ThirdParty);
    assert_eq!(
        may_2023
            .provenance()
            .note
            .as_ref()
            .map(himkit::value::Text::as_str),
        Some("median confirmed; percentiles third-party")
    );
}

#[test]
fn top_coded_wages_are_bounds_not_numbers() {
    let wage: Wage = serde_json::from_str(r#"{"at_least": 239200}"#).unwrap();
    assert_eq!(wage.amount(), None);
    assert_eq!(wage.lower_bound().unwrap().dollars(), 239_200);
    assert_eq!(wage.to_string(), "≥ $239,200");
    let amount = |d| Wage::Amount(himkit::Money::new(d).unwrap());
    let top = Wage::AtLeast {
        at_least: himkit::Money::new(239_200).unwrap(),
    };
    assert!(
        himkit::wage::WagePercentiles::new(amount(90_000), amount(120_000), amount(160_000), top, top)
            .is_ok()
    );
    let error =
        himkit::wage::WagePercentiles::new(amount(90_000), amount(120_000), top, amount(250_000), top)
            .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("is an exact amount above the top-coded median wage"),
        "{error}"
    );
}

#[test]
fn outlooks_answer_whether_a_career_is_growing() {
    let dataset = Dataset::embedded().unwrap();
    let managers = dataset
        .latest_outlook(HimOccupation::MedicalAndHealthServicesManagers.soc())
        .unwrap();
    assert_eq!(managers.period().to_string(), "2023-2033");
    assert_eq!(managers.growth_percent(), 29.0);
    assert_eq!(managers.openings_per_year(), Some(61_400));
    assert_eq!(
        managers.typical_entry_education(),
        Some(himkit::career::EntryEducation::BachelorsDegree)
    );
    assert!(managers.is_growing());
}

#[test]
fn a_byte_order_mark_before_json_is_accepted() {
    let catalog = Dataset::embedded().unwrap().catalog().clone();
    let text = format!("\u{feff}{}", catalog.to_json().unwrap());
    assert_eq!(Catalog::from_json_str("programs.json", &text).unwrap(), catalog);

    let profile = himkit::StudentProfile::example(himkit::UsState::Ohio);
    let text = format!("\u{feff}{}", serde_json::to_string_pretty(&profile).unwrap());
    assert_eq!(
        himkit::StudentProfile::from_json_str("me.json", &text).unwrap(),
        profile
    );

    let error =
        himkit::StudentProfile::from_json_str("me.json", "\u{feff}{\"home_state\": \"OH\"} x").unwrap_err();
    assert_eq!(
        error.to_string(),
        "me.json line 1, column 22: trailing characters"
    );
    let error = himkit::StudentProfile::from_json_str(
        "me.json",
        "{\"home_state\": \"OH\", \"weights\": {\"total-cost\": 0}}",
    )
    .unwrap_err();
    assert!(error.to_string().starts_with("me.json"), "{error}");
    assert!(error.to_string().contains("weights: all zero"), "{error}");
}
