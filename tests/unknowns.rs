//! Unknown is a state, not a default: what real catalogues built from federal files leave
//! open (accreditation, delivery, cost, length, practice experience) is carried as such through
//! the model, its JSON and CSV forms, eligibility and selection.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreadable_literal,
    clippy::semicolon_if_nothing_returned
)]

use himkit::io::{read_catalog_csv, write_catalog_csv};
use himkit::program::{
    AccreditationState, Cost, CostState, DeliveryState, LengthBasis, Residency, SourceFile, SourcedField,
};
use himkit::select::{Constraint, Criterion, ExclusionReason, ProfileSpec, UnknownPolicy};
use himkit::{
    Catalog, Credential, DeliveryMode, Eligibility, Money, Program, Selector, StudentProfile, UsState,
};
use serde_json::{Value, json};

/// A real-catalogue-like program: an Ohio associate degree whose accreditation nobody has
/// checked, delivered in a way the files do not say, with an estimated cost and a typical length.
fn federal_program() -> Value {
    json!({
        "id": "ohio-state-college-hit-associate",
        "name": "Health Information/Medical Records Technology/Technician",
        "institution": {"name": "Ohio State College", "state": "OH", "city": "Columbus", "unitid": 123456},
        "degree_level": "associate",
        "discipline": "health-information-technology",
        "cip": "51.0707",
        "delivery": "institution-offers-distance-programs",
        "accreditation": "not-verified",
        "cost": {"basis": "estimate", "annual_in_state": 5000, "annual_out_of_state": 9000, "months": 24,
                 "source": "IPEDS IC2022_AY", "academic_year": "2022-23"},
        "length_months": 24,
        "length_basis": "typical-for-level",
        "professional_practice_experience": "unknown",
        "outcomes": {"program_size": {"status": "reported", "value": 0, "year": 2024}},
        "sources": {"institution": {"file": "ipeds-hd", "period": "2024"},
                    "cost": {"file": "ipeds-ic-ay", "period": "2022-23"}}
    })
}

fn program(value: Value) -> Program {
    serde_json::from_value(value).unwrap()
}

fn changed(change: impl FnOnce(&mut Value)) -> Program {
    let mut value = federal_program();
    change(&mut value);
    program(value)
}

#[test]
fn every_unknown_reads_as_itself_and_round_trips() {
    let program = program(federal_program());
    assert_eq!(program.accreditation(), &AccreditationState::NotVerified);
    assert_eq!(
        program.delivery(),
        &DeliveryState::InstitutionOffersDistancePrograms
    );
    assert_eq!(program.delivery().is(DeliveryMode::Online), None);
    let cost = program.cost().known().unwrap();
    assert!(cost.is_estimate());
    assert_eq!(cost.total(Residency::InState), Money::new(10_000).unwrap());
    assert_eq!(cost.total(Residency::OutOfState), Money::new(18_000).unwrap());
    assert_eq!(cost.estimate().unwrap().academic_year(), "2022-23");
    assert_eq!(program.length_basis(), LengthBasis::TypicalForLevel);
    assert_eq!(program.professional_practice_experience(), None);
    assert!(!program.has_professional_practice_experience());
    assert_eq!(program.outcomes().program_size.value(), Some(&0));
    assert_eq!(
        program.sources().get(&SourcedField::Cost).unwrap().file,
        SourceFile::IpedsIcAy
    );

    let json = serde_json::to_value(&program).unwrap();
    assert_eq!(json["accreditation"], "not-verified");
    assert_eq!(json["delivery"], "institution-offers-distance-programs");
    assert_eq!(json["professional_practice_experience"], "unknown");
    assert_eq!(serde_json::from_value::<Program>(json).unwrap(), program);

    let unknown = changed(|value| {
        value["cost"] = json!("unknown");
        value["delivery"] = json!("unknown");
        value["accreditation"] = json!("none");
    });
    assert_eq!(unknown.cost(), &CostState::Unknown);
    assert_eq!(unknown.cost().total(Residency::InState), None);
    assert_eq!(unknown.delivery(), &DeliveryState::Unknown);
    assert_eq!(unknown.accreditation(), &AccreditationState::None);
    // "none" is what an absent field means, so it is written by leaving the field out.
    assert!(
        serde_json::to_value(&unknown)
            .unwrap()
            .get("accreditation")
            .is_none()
    );
}

#[test]
fn unknown_states_survive_the_catalogue_csv() {
    let programs = vec![
        program(federal_program()),
        changed(|value| {
            value["id"] = json!("second");
            value["cost"] = json!("unknown");
            value["delivery"] = json!("no-distance-programs");
            value["accreditation"] = json!("none");
            value["professional_practice_experience"] = json!(false);
        }),
        changed(|value| {
            value["id"] = json!("third");
            value["delivery"] = json!("unknown");
        }),
    ];
    let catalog = Catalog::new(programs).unwrap();
    let mut csv = Vec::new();
    write_catalog_csv(&catalog, &mut csv).unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(text.contains("not-verified"), "{text}");
    assert!(text.contains("institution-offers-distance-programs"), "{text}");
    assert!(text.contains("cost=ipeds-ic-ay@2022-23"), "{text}");
    let back = read_catalog_csv("unknowns.csv", text.as_bytes(), &himkit::io::Limits::default()).unwrap();
    assert_eq!(back, catalog);
}

#[test]
fn a_bad_word_is_refused_with_the_words_that_are_accepted() {
    let refusal = |field: &str, word: &str| {
        let mut value = federal_program();
        value[field] = json!(word);
        serde_json::from_value::<Program>(value).unwrap_err().to_string()
    };
    assert!(
        refusal("accreditation", "maybe")
            .contains(r#"accreditation: "maybe" is not an accreditation object, "none" or "not-verified""#)
    );
    assert!(refusal("cost", "free").contains(r#"cost: "free" is not a cost object or "unknown""#));
    assert!(refusal("delivery", "mostly").contains(r#"delivery: "mostly" is not a delivery object"#));
    assert!(
        refusal("professional_practice_experience", "sometimes")
            .contains("is not true, false or \"unknown\"")
    );
    // A record inside the state keeps its own errors.
    let mut value = federal_program();
    value["cost"] = json!({"basis": "estimate", "annual_in_state": 5000, "months": 0,
                           "source": "IPEDS", "academic_year": "2022-23"});
    let error = serde_json::from_value::<Program>(value).unwrap_err().to_string();
    assert!(
        error.contains("cost.months: 0 is not between 1 and 120"),
        "{error}"
    );
}

#[test]
fn eligibility_is_unknown_when_accreditation_is_not_verified_never_eligible() {
    let program = program(federal_program());
    match program.eligibility(Credential::Rhit) {
        Eligibility::Unknown { reason } => assert!(reason.contains("accreditation not verified")),
        other => panic!("expected unknown, got {other:?}"),
    }
    assert!(!program.eligibility(Credential::Rhit).is_eligible());
    assert!(program.eligible_credentials().is_empty());
    // A requirement that is known to fail makes it not eligible, whatever is unknown.
    match program.eligibility(Credential::Rhia) {
        Eligibility::NotEligible { reasons } => assert_eq!(reasons.len(), 2),
        other => panic!("expected not eligible, got {other:?}"),
    }
}

fn selector(programs: Vec<Program>) -> Selector {
    Selector::new(&Catalog::new(programs).unwrap(), &[])
}

fn ohio_profile(change: impl FnOnce(&mut ProfileSpec)) -> StudentProfile {
    let mut spec = ProfileSpec::new(UsState::Ohio);
    change(&mut spec);
    StudentProfile::new(spec).unwrap()
}

#[test]
fn by_default_an_unverified_program_is_kept_and_flagged_for_every_unknown() {
    let selector = selector(vec![program(federal_program())]);
    let profile = ohio_profile(|spec| {
        spec.target_credential = Some(Credential::Rhit);
        spec.delivery_modes = [DeliveryMode::Online].into_iter().collect();
        spec.max_length_months = Some(30);
        spec.require_practice_experience = true;
        spec.max_total_cost = Some(Money::new(50_000).unwrap());
    });
    let ranking = selector.rank(&profile).unwrap();
    let entry = &ranking.entries()[0];
    let flagged: Vec<Constraint> = entry.flags().iter().map(|flag| flag.constraint).collect();
    assert_eq!(
        flagged,
        [
            Constraint::DeliveryMode,
            Constraint::Accreditation,
            Constraint::Credential,
            Constraint::Length,
            Constraint::PracticeExperience
        ]
    );
    assert!(
        entry.flags()[1]
            .why
            .contains("check the CAHIIM program directory")
    );
    assert!(entry.cost_is_estimate());
    let cost = entry
        .contributions()
        .iter()
        .find(|c| c.criterion == Criterion::TotalCost)
        .unwrap();
    assert_eq!(cost.value, "$10,000 (in-state, estimate)");
    let length = entry
        .contributions()
        .iter()
        .find(|c| c.criterion == Criterion::Length)
        .unwrap();
    assert_eq!(length.value, "24 months (typical for the level)");
    let json = ranking.to_json().unwrap();
    assert!(
        json.contains("\"cost_is_estimate\": true") && json.contains("\"flags\""),
        "{json}"
    );
}

#[test]
fn a_profile_can_exclude_on_any_unknown_and_says_why() {
    let selector = selector(vec![program(federal_program())]);
    let verified_only = ohio_profile(|spec| {
        spec.unknown
            .insert(Constraint::Accreditation, UnknownPolicy::Exclude);
    });
    let ranking = selector.rank(&verified_only).unwrap();
    assert!(ranking.entries().is_empty());
    let reasons = ranking.exclusions()[0].reasons();
    assert_eq!(
        reasons,
        [ExclusionReason::Unknown {
            unknown: Constraint::Accreditation,
            why: "accreditation not verified: check the CAHIIM program directory".to_owned()
        }]
    );
    assert!(
        reasons[0]
            .to_string()
            .contains("the profile excludes programs whose accreditation is unknown")
    );
}

#[test]
fn what_is_known_to_fail_still_excludes() {
    let no_distance = changed(|value| value["delivery"] = json!("no-distance-programs"));
    let far_away = changed(|value| {
        value["id"] = json!("far-away");
        value["institution"]["state"] = json!("TX");
    });
    let selector = selector(vec![no_distance, far_away]);
    // Only online study: an institution without distance programs cannot offer it.
    let online_only = ohio_profile(|spec| spec.delivery_modes = [DeliveryMode::Online].into_iter().collect());
    let ranking = selector.rank(&online_only).unwrap();
    let reasons = ranking
        .exclusion("ohio-state-college-hit-associate")
        .unwrap()
        .reasons();
    assert_eq!(reasons, [ExclusionReason::NotOnline]);
    // A campus in another state might still be studied online: flagged, not excluded.
    let entry = ranking.entry("far-away").unwrap();
    assert!(
        entry
            .flags()
            .iter()
            .any(|flag| flag.constraint == Constraint::Location)
    );
}

#[test]
fn an_unknown_cost_is_a_missing_criterion_and_an_unknown_against_a_limit() {
    let unknown_cost = changed(|value| value["cost"] = json!("unknown"));
    let selector = selector(vec![unknown_cost]);
    let ranking = selector
        .rank(&ohio_profile(|spec| {
            spec.max_total_cost = Some(Money::new(20_000).unwrap())
        }))
        .unwrap();
    let entry = &ranking.entries()[0];
    assert_eq!(entry.total_cost(), None);
    assert!(
        entry
            .missing()
            .iter()
            .any(|missing| missing.criterion == Criterion::TotalCost)
    );
    assert!(
        entry
            .flags()
            .iter()
            .any(|flag| flag.constraint == Constraint::TotalCost && flag.why == "cost unknown")
    );
    assert_eq!(entry.payback().to_string(), "n/a (earnings unknown)");
}

#[test]
fn an_estimated_cost_over_the_limit_excludes_as_an_estimate() {
    let selector = selector(vec![program(federal_program())]);
    let ranking = selector
        .rank(&ohio_profile(|spec| {
            spec.max_total_cost = Some(Money::new(8_000).unwrap())
        }))
        .unwrap();
    let reason = &ranking.exclusions()[0].reasons()[0];
    assert_eq!(
        reason.to_string(),
        "total cost $10,000 (in-state, estimate) is above the limit of $8,000"
    );
}

#[test]
fn estimates_are_checked_and_never_overflow() {
    assert!(
        Cost::estimated(
            Money::new(5_000).unwrap(),
            Money::new(5_000).unwrap(),
            0,
            "IPEDS",
            "2022-23"
        )
        .is_err()
    );
    assert!(Cost::estimated(Money::MAX, Money::MAX, 24, "IPEDS", "2022-23").is_err());
    assert!(
        Cost::estimated(
            Money::new(5_000).unwrap(),
            Money::new(5_000).unwrap(),
            12,
            "",
            "2022-23"
        )
        .is_err()
    );
    let cost = Cost::estimated(
        Money::new(1_001).unwrap(),
        Money::new(1_001).unwrap(),
        18,
        "IPEDS",
        "2022-23",
    )
    .unwrap();
    // 1,001 × 18 ÷ 12 = 1,501.5, rounded down.
    assert_eq!(cost.total(Residency::InState), Money::new(1_501).unwrap());
}

fn campus(id: &str, name: &str, city: &str, unitid: u32, level: &str) -> Program {
    changed(|value| {
        value["id"] = json!(id);
        value["institution"] = json!({"name": name, "state": "OH", "city": city, "unitid": unitid});
        value["degree_level"] = json!(level);
    })
}

#[test]
fn an_accreditation_list_sets_what_it_names_and_reports_the_rest() {
    use himkit::io::{ReadOptions, apply_accreditation_list};
    let catalog = Catalog::new(vec![
        campus("akron-hit", "University of Akron", "Akron", 200800, "associate"),
        campus(
            "akron-him",
            "University of Akron",
            "Akron",
            200800,
            "baccalaureate",
        ),
        campus(
            "cuyahoga-east",
            "Cuyahoga Community College",
            "Highland Hills",
            202000,
            "associate",
        ),
        campus(
            "cuyahoga-west",
            "Cuyahoga Community College",
            "Parma",
            202001,
            "associate",
        ),
        campus("sinclair", "Sinclair College", "Dayton", 205000, "associate"),
    ])
    .unwrap();
    let list = "Institution_Name,City,State,UNITID,Degree_Level,Status,Last_Confirmed,Next_Review_Year\n\
        University of Akron,Akron,OH,200800,associate,continuing-accreditation,2024-05-01,2030\n\
        The University of Akron,,OH,,baccalaureate,progress-report,2023-11-15,\n\
        Cuyahoga Community College,,OH,,associate,continuing-accreditation,2022-01-10,\n\
        Cuyahoga Community College,Parma,OH,,associate,candidacy,2025-03-01,\n\
        Nowhere College,Columbus,OH,,associate,continuing-accreditation,2024-01-01,\n";
    let applied =
        apply_accreditation_list(&catalog, "cahiim.csv", list.as_bytes(), &ReadOptions::default()).unwrap();
    assert!(applied.skipped.is_empty());
    let matched: Vec<(&str, u64)> = applied
        .matched
        .iter()
        .map(|(id, line)| (id.as_str(), *line))
        .collect();
    assert_eq!(
        matched,
        [("akron-him", 3), ("akron-hit", 2), ("cuyahoga-west", 5)]
    );
    assert_eq!(applied.ambiguous.len(), 1);
    assert_eq!(applied.ambiguous[0].line, 4);
    assert_eq!(applied.ambiguous[0].candidates.len(), 2);
    assert_eq!(applied.unmatched.len(), 1);
    assert_eq!(
        applied.unmatched[0].why,
        "no associate program of an institution of this name in OH"
    );
    // The report the examples and the web server print.
    assert_eq!(
        applied.to_string(),
        "applied to 3 programs (1 by name variant); 1 rows matched no program, 1 more than one\n  \
         line 3: matched University of Akron (UNITID 200800) by name variant (The)\n  \
         line 6 (Nowhere College): no associate program of an institution of this name in OH\n  \
         line 4 (Cuyahoga Community College): 2 programs match; add the UNITID or the city; \
         could be (add its UNITID to the row):\n      \
         UNITID 202000 Cuyahoga Community College, Highland Hills, OH: associate (shares \"cuyahoga\")\n      \
         UNITID 202001 Cuyahoga Community College, Parma, OH: associate (shares \"cuyahoga\")"
    );
    let program = |id: &str| applied.catalog.get(id).unwrap().clone();
    assert!(matches!(
        program("akron-hit").accreditation(),
        AccreditationState::Known(_)
    ));
    assert_eq!(
        program("akron-hit")
            .sources()
            .get(&SourcedField::Accreditation)
            .unwrap()
            .file,
        SourceFile::AccreditationList
    );
    assert!(program("akron-hit").eligibility(Credential::Rhit).is_eligible());
    // Candidacy is known, and is not accreditation.
    assert!(matches!(
        program("cuyahoga-west").eligibility(Credential::Rhit),
        Eligibility::NotEligible { .. }
    ));
    // Not named by the list: still not verified, never "none".
    assert_eq!(
        program("sinclair").accreditation(),
        &AccreditationState::NotVerified
    );
    assert_eq!(
        program("cuyahoga-east").accreditation(),
        &AccreditationState::NotVerified
    );
}

#[test]
fn a_bad_accreditation_list_row_names_its_line_and_column() {
    use himkit::io::{ReadOptions, apply_accreditation_list};
    let catalog = Catalog::new(vec![campus(
        "sinclair",
        "Sinclair College",
        "Dayton",
        205000,
        "associate",
    )])
    .unwrap();
    let list = "institution_name,state,degree_level,status,last_confirmed\n\
        Sinclair College,OH,associate,continuing-accreditation,2024-01-01\n\
        Sinclair College,OH,associate,accredited-ish,2024-01-01\n";
    let apply = |text: &str, options: &ReadOptions| {
        apply_accreditation_list(&catalog, "cahiim.csv", text.as_bytes(), options)
    };
    let error = apply(list, &ReadOptions::default()).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("cahiim.csv line 3, column status: "),
        "{error}"
    );
    assert_eq!(error.kind(), himkit::ErrorKind::UnknownName);
    assert_eq!(error.field(), Some("accreditation_status"));
    let lenient = apply(list, &ReadOptions::lenient()).unwrap();
    assert_eq!(lenient.matched.len(), 1);
    assert_eq!(lenient.skipped.len(), 1);
    // The report serializes as its fields, each skipped row's error as its message.
    let report = serde_json::to_value(&lenient).unwrap();
    assert_eq!(report["matched"], json!({ "sinclair": 2 }));
    assert_eq!(report["skipped"], json!([lenient.skipped[0].to_string()]));
    assert_eq!(report["unmatched"], json!([]));
    assert_eq!(report["catalog"][0]["id"], "sinclair");
    let missing = apply("institution_name,state\n", &ReadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(missing.contains("degree_level"), "{missing}");
}

fn text_of(program: &Program) -> Value {
    serde_json::to_value(program).unwrap()
}

#[test]
fn unknown_career_support_and_skills_are_missing_criteria_not_zeros() {
    let unknown = changed(|value| {
        value["career_support"] = json!("unknown");
        value["skills"] = json!("unknown");
    });
    assert_eq!(unknown.career_support(), None);
    assert_eq!(unknown.skills(), None);
    let text = serde_json::to_value(&unknown).unwrap();
    assert_eq!(text["career_support"], json!("unknown"));
    assert_eq!(text["skills"], json!("unknown"));
    assert_eq!(serde_json::from_value::<Program>(text).unwrap(), unknown);
    let mut maybe = text_of(&unknown);
    maybe["skills"] = json!("maybe");
    let error = serde_json::from_value::<Program>(maybe).unwrap_err().to_string();
    assert!(
        error.contains("expected a list of skills or \"unknown\""),
        "{error}"
    );
    // Left out, they are known to be empty, as program files have always meant.
    let known = program(federal_program());
    assert_eq!(
        known.career_support(),
        Some(himkit::program::CareerSupport::default())
    );
    assert_eq!(known.skills(), Some(himkit::SkillSet::default()));

    let catalog = Catalog::new(vec![unknown.clone()]).unwrap();
    let mut bytes = Vec::new();
    write_catalog_csv(&catalog, &mut bytes).unwrap();
    let csv = String::from_utf8(bytes).unwrap();
    assert_eq!(
        read_catalog_csv("programs.csv", csv.as_bytes(), &himkit::io::Limits::default()).unwrap(),
        catalog
    );
    let half_known = csv.replacen(
        ",unknown,unknown,unknown,unknown,unknown,",
        ",unknown,true,unknown,unknown,unknown,",
        1,
    );
    assert_ne!(half_known, csv);
    let error = read_catalog_csv(
        "programs.csv",
        half_known.as_bytes(),
        &himkit::io::Limits::default(),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("all three career-support columns"),
        "{error}"
    );

    let profile = ohio_profile(|spec| {
        spec.desired_skills = [himkit::Skill::CodingAndClassification].into_iter().collect();
    });
    let ranking = selector(vec![unknown]).rank(&profile).unwrap();
    let entry = &ranking.entries()[0];
    for criterion in [Criterion::CareerSupport, Criterion::SkillCoverage] {
        assert!(
            entry
                .missing()
                .iter()
                .any(|missing| missing.criterion == criterion && missing.why == "unknown"),
            "{criterion}: {:?}",
            entry.missing()
        );
        assert!(
            entry
                .contributions()
                .iter()
                .all(|part| part.criterion != criterion)
        );
    }
}

#[test]
fn national_programs_do_not_claim_career_support_or_skills() {
    let dataset = himkit::Dataset::national().unwrap();
    assert!(
        dataset
            .catalog()
            .iter()
            .all(|program| program.career_support().is_none() && program.skills().is_none())
    );
}
