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
use himkit::program::AwardLevel;
use himkit::{Catalog, DegreeLevel, Program};

fn illustrative_with_award(award: AwardLevel) -> Program {
    let mut spec = himkit::Dataset::embedded()
        .unwrap()
        .catalog()
        .get("lakeside-cc-hit-aas")
        .unwrap()
        .to_spec();
    spec.degree_level = award.degree_level();
    spec.award_level = Some(award);
    spec.accreditation = himkit::program::AccreditationState::NotVerified;
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
        assert_eq!(
            read_catalog_csv("c.csv", text.as_bytes(), &himkit::io::Limits::default()).unwrap(),
            catalog
        );
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

// --- The national catalogue built from the embedded federal files ---------------------------

use std::collections::BTreeMap;
use std::path::Path;

use himkit::io::{CatalogInputs, ReadOptions};
use himkit::program::{
    AccreditationState, CostState, DeliveryState, Discipline, LengthBasis, Residency, SourceFile,
    SourcedField,
};
use himkit::value::CipCode;
use himkit::{Dataset, Money, Outcome, Year};

fn federal(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/federal")
            .join(name),
    )
    .unwrap()
}

/// The embedded federal files, as bytes.
struct Files {
    hd: Vec<u8>,
    completions: Vec<u8>,
    ic: Vec<u8>,
    ic_ay: Vec<u8>,
}

fn files() -> Files {
    Files {
        hd: federal("hd2024_him.csv"),
        completions: federal("c2024_a_him_first_majors.csv"),
        ic: federal("ic2022_him.csv"),
        ic_ay: federal("ic2022_ay_him.csv"),
    }
}

impl Files {
    /// HD and Completions of 2024.
    fn inputs(&self) -> CatalogInputs<'_> {
        CatalogInputs::new(
            ("hd2024_him.csv", self.hd.as_slice()),
            ("c2024_a_him_first_majors.csv", self.completions.as_slice()),
            year(2024),
        )
    }

    /// HD of 2024 with other Completions rows.
    fn with_completions<'a>(&'a self, completions: &'a str) -> CatalogInputs<'a> {
        CatalogInputs::new(
            ("hd2024_him.csv", self.hd.as_slice()),
            ("c.csv", completions.as_bytes()),
            year(2024),
        )
    }
}

fn year(year: u16) -> Year {
    Year::new(year).unwrap()
}

/// The figures of data/federal/README.md: 544 HIM institutions in 2024, and 897 first-major
/// rows in 51.0706 and 51.0707 (counted with `awk -F, '$2=="51.0706"||$2=="51.0707"'`), each
/// a program; by award level as the file has them.
#[test]
fn the_national_catalogue_has_one_program_per_first_major_row() {
    let dataset = Dataset::national().unwrap();
    let summary = Dataset::national_summary().unwrap();
    assert_eq!(dataset.catalog().len(), 897);
    assert_eq!((summary.programs, summary.institutions), (897, 544));
    let by_code: BTreeMap<u8, usize> = summary
        .by_award_level
        .iter()
        .map(|(level, count)| (level.code(), *count))
        .collect();
    assert_eq!(
        by_code,
        BTreeMap::from([
            (2, 195),
            (3, 352),
            (4, 3),
            (5, 108),
            (6, 33),
            (7, 35),
            (8, 7),
            (17, 1),
            (20, 6),
            (21, 157)
        ])
    );
    assert_eq!(summary.rows_other_cips, 4132);
    assert_eq!(summary.rows_second_major, 0); // the extract holds first majors only
    assert!(summary.problems.is_empty(), "{:?}", summary.problems);
    let awards: u32 = dataset
        .catalog()
        .iter()
        .filter_map(|program| program.outcomes().program_size.value().copied())
        .sum();
    assert_eq!(awards, 14_606);
    // Post-master's certificates are post-baccalaureate certificates by degree level, and keep
    // their award level.
    assert_eq!(
        summary.by_degree_level[&himkit::DegreeLevel::PostBaccalaureateCertificate],
        40
    );
    // Calling it again is cheap and gives the same catalogue.
    assert_eq!(Dataset::national().unwrap(), dataset);
}

/// What the federal files leave unknown, counted. IC2022 lists 30 of the programs'
/// institutions less than HD2024 (institutions new to HIM since 2022), `IC2022_AY` 68 (those,
/// and the clock-hour schools, which charge by program); College Scorecard's tuition covers
/// 21 undergraduate programs of them.
#[test]
fn every_unknown_is_counted() {
    let summary = Dataset::national_summary().unwrap();
    assert_eq!(summary.accreditation_not_verified, 897);
    assert_eq!(summary.delivery_online, 14);
    assert_eq!(summary.delivery_institution_offers_distance, 755);
    assert_eq!(summary.delivery_no_distance, 98);
    assert_eq!(
        (
            summary.delivery_unknown_no_row,
            summary.delivery_unknown_not_reported
        ),
        (30, 0)
    );
    assert_eq!(
        (summary.cost_estimated_ipeds, summary.cost_estimated_scorecard),
        (825, 21)
    );
    assert_eq!(
        (summary.cost_unknown_no_row, summary.cost_unknown_charge_missing),
        (47, 4)
    );
    assert_eq!(summary.zero_awards, 246);
    assert_eq!(summary.at_inactive_institutions, 0); // every HIM institution of HD2024 is active
    let catalog = Dataset::national().unwrap().catalog().clone();
    for program in &catalog {
        assert_eq!(*program.accreditation(), AccreditationState::NotVerified);
        assert_eq!(program.length_basis(), LengthBasis::TypicalForLevel);
        assert_eq!(program.professional_practice_experience(), None);
        assert!(program.award_level().is_some());
        if let CostState::Known(cost) = program.cost() {
            assert!(cost.is_estimate(), "{}", program.id());
            let source = program.sources().get(&SourcedField::Cost).unwrap();
            assert!(matches!(
                source.file,
                SourceFile::IpedsIcAy | SourceFile::ScorecardInstitution
            ));
        }
    }
    let text = summary.to_string();
    assert!(
        text.starts_with("897 programs at 544 institutions (CIP 51.0706, 51.0707)\n"),
        "{text}"
    );
    assert!(
        text.contains("unknown 51 (no IC_AY row 47, charge not reported 4)"),
        "{text}"
    );
}

/// Alabama State University (UNITID 100724), `IC2022_AY`: TUITION2 8,328 + FEE2 2,740 = 11,068
/// in-state, TUITION3 16,656 + FEE3 2,740 = 19,396 out-of-state, a year; its bachelor's degree
/// is typically 48 months, so 44,272 and 77,584. The University of Cincinnati's
/// post-baccalaureate certificate takes the graduate charges: TUITION6 13,224 + FEE6 1,678 and
/// TUITION7 24,966 + FEE7 1,678, over 12 months.
#[test]
fn costs_are_estimated_from_the_charges_by_hand() {
    let catalog = Dataset::national().unwrap().catalog().clone();
    let alabama = catalog.get("alabama-state-university-100724-510706-aw5").unwrap();
    assert_eq!(alabama.institution().name(), "Alabama State University");
    assert_eq!(alabama.institution().city(), "Montgomery");
    assert_eq!(alabama.discipline(), Discipline::HealthInformationManagement);
    assert_eq!(alabama.award_level(), Some(AwardLevel::Bachelors));
    let cost = alabama.cost().known().unwrap();
    let estimate = cost.estimate().unwrap();
    assert_eq!(
        (
            estimate.annual_in_state().dollars(),
            estimate.annual_out_of_state().dollars()
        ),
        (11_068, 19_396)
    );
    assert_eq!(
        (estimate.source(), estimate.academic_year(), estimate.months()),
        ("IPEDS IC2022_AY", "2022-23", 48)
    );
    assert_eq!(cost.total(Residency::InState).dollars(), 44_272);
    assert_eq!(cost.total(Residency::OutOfState).dollars(), 77_584);
    assert_eq!(
        alabama.delivery(),
        &DeliveryState::InstitutionOffersDistancePrograms
    );
    assert_eq!(alabama.outcomes().program_size.value(), Some(&13));
    let sources: Vec<String> = alabama
        .sources()
        .iter()
        .map(|(field, source)| format!("{field}={source}"))
        .collect();
    assert_eq!(
        sources,
        [
            "institution=ipeds-hd 2024",
            "award-level=ipeds-completions 2024",
            "delivery=ipeds-ic 2022-23",
            "cost=ipeds-ic-ay 2022-23",
            "program-size=ipeds-completions 2024"
        ]
    );
    let cincinnati = catalog
        .get("university-of-cincinnati-main-campus-201885-510706-aw6")
        .unwrap();
    assert_eq!(
        cincinnati.cost().total(Residency::InState),
        Some(Money::new(14_902).unwrap())
    );
    assert_eq!(
        cincinnati.cost().total(Residency::OutOfState),
        Some(Money::new(26_644).unwrap())
    );
}

/// Atlantic Technical College (UNITID 132374), a clock-hour school, has no `IC_AY` row and no
/// Scorecard tuition: its cost is unknown, never $0.
#[test]
fn clock_hour_schools_have_an_unknown_cost() {
    let catalog = Dataset::national().unwrap().catalog().clone();
    let atlantic: Vec<_> = catalog
        .iter()
        .filter(|program| program.institution().unitid().map(himkit::value::Unitid::get) == Some(132_374))
        .collect();
    assert!(!atlantic.is_empty());
    for program in atlantic {
        assert_eq!(*program.cost(), CostState::Unknown, "{}", program.id());
        assert!(program.sources().get(&SourcedField::Cost).is_none());
    }
    // Without the Scorecard fallback, 68 programs' institutions have no IC_AY row.
    let files = files();
    let built = files
        .inputs()
        .with_distance(("ic2022_him.csv", files.ic.as_slice()), year(2022))
        .with_charges(("ic2022_ay_him.csv", files.ic_ay.as_slice()), year(2022))
        .build()
        .unwrap();
    assert_eq!(built.summary.cost_unknown_no_row, 68);
    assert_eq!(built.summary.delivery_unknown_no_row, 30);
    assert_eq!(built.summary.cost_estimated_scorecard, 0);
}

#[test]
fn rows_with_no_awards_are_programs_of_size_zero() {
    let catalog = Dataset::national().unwrap().catalog().clone();
    // C2024_A: 101365,51.0706,1,3,0,0,0
    let program = catalog
        .iter()
        .find(|program| {
            program.institution().unitid().map(himkit::value::Unitid::get) == Some(101_365)
                && program.cip() == Some(CipCode::HIM_ADMINISTRATION)
                && program.award_level() == Some(AwardLevel::Associate)
        })
        .unwrap();
    match &program.outcomes().program_size {
        Outcome::Reported {
            value, year, note, ..
        } => {
            assert_eq!((*value, year.get()), (0, 2024));
            assert!(note.as_ref().unwrap().as_str().contains("first majors"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn ids_are_unique_readable_and_stable() {
    let catalog = Dataset::national().unwrap().catalog().clone();
    let ids: std::collections::BTreeSet<&str> = catalog.iter().map(|program| program.id().as_str()).collect();
    assert_eq!(ids.len(), catalog.len());
    for program in &catalog {
        let id = program.id().as_str();
        let award = program.award_level().unwrap();
        let cip: String = program.cip().unwrap().to_string().replace('.', "");
        let suffix = format!(
            "{}-{cip}-aw{}",
            program.institution().unitid().unwrap(),
            award.code()
        );
        assert!(id.ends_with(&suffix), "{id}");
        assert!(id.len() <= himkit::ProgramId::MAX_LEN);
    }
    // The same files give the same ids in another build.
    let files = files();
    let again = files.inputs().build().unwrap();
    let again: Vec<&str> = again
        .catalog
        .iter()
        .map(|program| program.id().as_str())
        .collect();
    let first: Vec<&str> = catalog.iter().map(|program| program.id().as_str()).collect();
    assert_eq!(again, first);
    assert!(ids.contains("western-governors-university-433387-510706-aw5"));
}

#[test]
fn the_built_catalogue_round_trips_through_json_and_csv() {
    let catalog = Dataset::national().unwrap().catalog().clone();
    let json = catalog.to_json().unwrap();
    assert_eq!(Catalog::from_json_str("national.json", &json).unwrap(), catalog);
    let mut bytes = Vec::new();
    write_catalog_csv(&catalog, &mut bytes).unwrap();
    assert_eq!(
        read_catalog_csv("national.csv", bytes.as_slice(), &himkit::io::Limits::default()).unwrap(),
        catalog
    );
}

/// College Scorecard outcomes attach to the program of the same UNITID, CIP family and
/// credential level, with the pooling note, and the program records the source.
#[test]
fn scorecard_outcomes_attach() {
    let files = files();
    let fos = "UNITID,INSTNM,CIPCODE,CREDLEV,EARN_MDN_HI_2YR,DEBT_ALL_STGP_EVAL_MDN\n\
               100724,Alabama State University,5107,3,41000,PrivacySuppressed\n";
    let built = files
        .inputs()
        .with_field_of_study(("fos.csv", fos.as_bytes()), year(2023))
        .build()
        .unwrap();
    assert_eq!(built.summary.scorecard_attached, 1);
    assert_eq!(built.summary.scorecard_unmatched, 896);
    let program = built
        .catalog
        .get("alabama-state-university-100724-510706-aw5")
        .unwrap();
    let earnings = &program.outcomes().median_earnings;
    assert_eq!(earnings.value(), Some(&Money::new(41_000).unwrap()));
    assert!(
        matches!(earnings, Outcome::Reported { note: Some(note), .. } if note.as_str().contains("51.07"))
    );
    assert!(matches!(
        program.outcomes().median_debt,
        Outcome::Suppressed { .. }
    ));
    let source = program.sources().get(&SourcedField::Outcomes).unwrap();
    assert_eq!(
        (source.file, source.period.as_str()),
        (SourceFile::ScorecardFieldOfStudy, "2023")
    );

    // The published field-of-study copy (Alabama and Arizona, cut off mid-row, no earnings
    // columns) is read leniently; its rows match programs but carry no outcome to attach.
    let text = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/federal/field_of_study_AL_AZ_10cols.csv"),
    )
    .unwrap();
    let built = files
        .inputs()
        .with_field_of_study(("fos.csv", text.as_slice()), year(2022))
        .with_read_options(ReadOptions::lenient())
        .build()
        .unwrap();
    assert_eq!(built.summary.skipped.len(), 1);
    assert!(
        built
            .summary
            .to_string()
            .contains("rows skipped (lenient reading): 1")
    );
    assert_eq!(built.summary.scorecard_attached, 0);
    let in_al_az = built
        .catalog
        .iter()
        .filter(|program| matches!(program.institution().state().to_string().as_str(), "AL" | "AZ"))
        .count();
    assert!(built.summary.scorecard_unmatched < 897);
    assert!(897 - built.summary.scorecard_unmatched <= in_al_az);
}

/// Rows that cannot be joined are reported with the reason; an accreditation list turns
/// "not verified" into known accreditation for the programs it names.
#[test]
fn rows_not_joined_are_reported_and_lists_apply() {
    let files = files();
    let extra = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\n\
                 999999,51.0707,1,3,4\n\
                 100724,51.0706,1,5,13\n\
                 100724,51.0706,1,5,13\n\
                 100724,51.0706,2,5,1\n\
                 100724,51.0713,1,2,-1\n";
    let list = "institution_name,state,unitid,degree_level,status,last_confirmed\n\
                Alabama State University,AL,100724,baccalaureate,continuing-accreditation,2024-10-01\n\
                Nowhere College,AL,,associate,continuing-accreditation,2024-10-01\n";
    let inputs = files
        .with_completions(extra)
        .with_cips([
            CipCode::HIM_ADMINISTRATION,
            CipCode::HIM_TECHNOLOGY,
            CipCode::MEDICAL_CODING,
        ])
        .unwrap()
        .with_accreditation_list(("cahiim.csv", list.as_bytes()));
    let built = inputs.build().unwrap();
    let problems: Vec<String> = built.summary.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "ipeds-completions UNITID 999999, CIP 51.0707, award level 3 (associate): UNITID not in the HD file of 2024",
            "ipeds-completions UNITID 100724, CIP 51.0706, award level 5 (bachelors): a second first-major row for this program; the first is used"
        ]
    );
    assert_eq!(built.summary.rows_second_major, 1);
    assert_eq!(built.catalog.len(), 2);
    let coding = built
        .catalog
        .get("alabama-state-university-100724-510713-aw2")
        .unwrap();
    assert_eq!(coding.discipline(), Discipline::MedicalCoding);
    assert_eq!(coding.outcomes().program_size, Outcome::NotReported);
    assert_eq!(built.summary.awards_not_reported, 1);
    let bachelors = built
        .catalog
        .get("alabama-state-university-100724-510706-aw5")
        .unwrap();
    assert!(matches!(bachelors.accreditation(), AccreditationState::Known(_)));
    assert!(bachelors.eligibility(himkit::Credential::Rhia).is_eligible());
    assert_eq!(built.summary.accreditation_from_list, 1);
    assert_eq!(built.summary.accreditation_not_verified, 1);
    assert_eq!(built.summary.accreditation_unapplied.len(), 1);
    assert_eq!(built.summary.accreditation_unapplied[0].line, 3);
    let error = files
        .with_completions(extra)
        .with_cips(["51.0701".parse().unwrap()])
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "cips: 51.0701 is not a CIP code the national catalogue is built for (51.0706, 51.0707, 51.0713, 51.2706)"
    );
}

#[test]
fn cip_constants_are_the_him_codes() {
    assert_eq!(CipCode::HIM_ADMINISTRATION.to_string(), "51.0706");
    assert_eq!(CipCode::HIM_TECHNOLOGY.to_string(), "51.0707");
    assert_eq!(CipCode::MEDICAL_CODING.to_string(), "51.0713");
    assert_eq!(CipCode::MEDICAL_INFORMATICS.to_string(), "51.2706");
}

mod accounting {
    use super::*;
    use proptest::prelude::*;
    use std::fmt::Write as _;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(64)
        ))]

        /// Every Completions row is a program, a reported problem, or counted as left out by
        /// request (another CIP code, a second major): none disappears. Ids stay unique, and a
        /// program's size is its row's total.
        #[test]
        fn no_row_is_lost(
            rows in proptest::collection::vec(
                (0usize..6, 0usize..4, 1u8..=2, prop::sample::select(vec![1u8, 2, 3, 4, 5, 6, 7, 8, 17, 18, 19, 20, 21]),
                 prop_oneof![4 => 0i64..50, 1 => Just(-1i64), 1 => Just(-2i64)]),
                0..40,
            ),
        ) {
            // Institutions 0 to 3 are in HD; 4 and 5 are not.
            let unitids = [100_724, 101_365, 132_374, 201_885, 999_991, 999_992];
            let cips = ["51.0706", "51.0707", "51.0713", "51.0701"];
            let hd = "UNITID,INSTNM,CITY,STABBR,CONTROL\n\
                      100724,Alabama State University,Montgomery,AL,1\n\
                      101365,Herzing University-Birmingham,Birmingham,AL,3\n\
                      132374,Atlantic Technical College,Coconut Creek,FL,1\n\
                      201885,University of Cincinnati-Main Campus,Cincinnati,OH,1\n";
            let mut ca = String::from("UNITID,CIPCODE,MAJORNUM,AWLEVEL,XCTOTALT,CTOTALT\r\n");
            for (institution, cip, major, award, total) in &rows {
                writeln!(ca, "{},\"{}\",{major},{award},R,{total}\r", unitids[*institution], cips[*cip]).unwrap();
            }
            let inputs = CatalogInputs::new(("hd.csv", hd.as_bytes()), ("ca.csv", ca.as_bytes()), year(2024))
                .with_cips([CipCode::HIM_ADMINISTRATION, CipCode::HIM_TECHNOLOGY, CipCode::MEDICAL_CODING])
                .unwrap();
            let built = inputs.build().unwrap();
            let summary = &built.summary;
            let problems = summary
                .problems
                .iter()
                .filter(|problem| problem.file == SourceFile::IpedsCompletions)
                .count();
            prop_assert_eq!(
                built.catalog.len() + problems + summary.rows_other_cips + summary.rows_second_major,
                rows.len()
            );
            prop_assert_eq!(summary.programs, built.catalog.len());
            let expected_other = rows.iter().filter(|row| row.1 == 3).count();
            let expected_second = rows.iter().filter(|row| row.1 != 3 && row.2 == 2).count();
            prop_assert_eq!((summary.rows_other_cips, summary.rows_second_major), (expected_other, expected_second));
            for program in &built.catalog {
                prop_assert_eq!(program.cost(), &CostState::Unknown);
                prop_assert_eq!(program.delivery(), &DeliveryState::Unknown);
                let unitid = program.institution().unitid().unwrap().get() as usize;
                let row = rows
                    .iter()
                    .find(|(institution, cip, major, award, _)| {
                        unitids[*institution] == unitid
                            && cips[*cip] == program.cip().unwrap().to_string()
                            && *major == 1
                            && Some(*award) == program.award_level().map(AwardLevel::code)
                    })
                    .unwrap();
                match row.4 {
                    total if total >= 0 => {
                        prop_assert_eq!(program.outcomes().program_size.value(), Some(&(total as u32)));
                    }
                    -2 => prop_assert_eq!(&program.outcomes().program_size, &Outcome::NotApplicable),
                    _ => prop_assert_eq!(&program.outcomes().program_size, &Outcome::NotReported),
                }
            }
        }
    }
}

#[test]
fn programs_at_closed_institutions_are_counted() {
    let hd = "UNITID,INSTNM,CITY,STABBR,CONTROL,CYACTIVE,CLOSEDAT\n\
              100724,Alabama State University,Montgomery,AL,1,1,-2\n\
              101365,A Closed College,Birmingham,AL,3,3,06/30/2024\n";
    let ca = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\n100724,51.0706,1,5,13\n101365,51.0707,1,3,2\n";
    let built = CatalogInputs::new(("hd.csv", hd.as_bytes()), ("ca.csv", ca.as_bytes()), year(2024))
        .build()
        .unwrap();
    assert_eq!(built.catalog.len(), 2);
    assert_eq!(built.summary.at_inactive_institutions, 1);
    assert!(
        built
            .summary
            .to_string()
            .contains("at institutions HD lists as not active (closed or merged): 1")
    );
}

#[test]
fn a_branch_campus_never_prices_its_parent_institutions_programs() {
    let files = files();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/federal/most_recent_cohorts_institution_him.csv");
    let text = std::fs::read_to_string(path).unwrap();
    // Branch rows alone: Scorecard lists them under eight digits, their parent's UNITID and a
    // branch number, and their charges are not the parent's.
    let mut lines = text.lines();
    let mut branches = vec![lines.next().unwrap()];
    branches.extend(lines.filter(|line| {
        let unitid = line.split(',').next().unwrap_or_default().trim_matches('"');
        unitid.len() == 8 && unitid.bytes().all(|byte| byte.is_ascii_digit())
    }));
    assert!(branches.len() > 100, "{} branch rows", branches.len() - 1);
    let branches = branches.join("\n");
    let build = |scorecard: Option<&str>| {
        // No IC_AY file, so that Scorecard's tuition is what any cost would come from.
        let inputs = files.inputs();
        let inputs = match scorecard {
            Some(text) => inputs
                .with_scorecard_institutions(("scorecard.csv", text.as_bytes()), "2021-22")
                .unwrap(),
            None => inputs,
        };
        inputs.build().unwrap().catalog
    };
    assert_eq!(build(Some(&branches)), build(None));
}

// --- Institution-wide outcomes --------------------------------------------------------------

fn columbus_state() -> Program {
    Dataset::national()
        .unwrap()
        .catalog()
        .get("columbus-state-community-college-202222-510706-aw3")
        .unwrap()
        .clone()
}

/// UNITID 202222's HIM associate program: its institution's Outcome Measures rate (27%),
/// graduation rate (25%) and earnings ($39,435), each institution-wide, in the program's JSON
/// and in its explanation.
#[test]
fn a_programs_institution_figures_say_whose_they_are() {
    let program = columbus_state();
    let json = serde_json::to_value(program.outcomes()).unwrap();
    for (field, value) in [
        ("institution_completion_rate", serde_json::json!(0.27)),
        ("institution_graduation_rate", serde_json::json!(0.25)),
        ("institution_median_earnings", serde_json::json!(39_435)),
    ] {
        assert_eq!(json[field]["value"], value, "{field}");
        assert_eq!(json[field]["scope"], "institution", "{field}");
    }
    assert_eq!(json["institution_completion_rate"]["year"], 2023);
    assert_eq!(json["graduation_rate"]["status"], "not-reported");

    let dataset = Dataset::national().unwrap();
    let selector = himkit::Selector::new(dataset.catalog(), dataset.wages());
    let ranking = selector
        .rank(&himkit::StudentProfile::example(himkit::UsState::Ohio))
        .unwrap();
    let entry = ranking.entry(program.id().as_str()).unwrap();
    let shown = |criterion: himkit::select::Criterion| {
        entry
            .contributions()
            .iter()
            .find(|part| part.criterion == criterion)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(
        shown(himkit::select::Criterion::GraduationRate),
        "27.0% of every student who entered in 2015-16 earned an award within 6 years; \
         institution-wide, IPEDS Outcome Measures 2023"
    );
    assert_eq!(
        shown(himkit::select::Criterion::InstitutionEarnings),
        "$39,435 (median 10 years after entry; institution-wide, College Scorecard 2025)"
    );
}

/// A profile that counts program figures only turns the institution's into missing figures,
/// and says why.
#[test]
fn program_figures_only_leaves_the_institutions_out() {
    let dataset = Dataset::national().unwrap();
    let selector = himkit::Selector::new(dataset.catalog(), dataset.wages());
    let mut spec = himkit::StudentProfile::example(himkit::UsState::Ohio)
        .spec()
        .clone();
    spec.program_outcomes_only = true;
    let ranking = selector
        .rank(&himkit::StudentProfile::new(spec).unwrap())
        .unwrap();
    let entry = ranking
        .entry("columbus-state-community-college-202222-510706-aw3")
        .unwrap();
    assert!(entry.contributions().iter().all(|part| {
        part.criterion != himkit::select::Criterion::GraduationRate
            && part.criterion != himkit::select::Criterion::InstitutionEarnings
    }));
    let why = |criterion| {
        entry
            .missing()
            .iter()
            .find(|missing| missing.criterion == criterion)
            .unwrap()
            .why
            .clone()
    };
    assert_eq!(
        why(himkit::select::Criterion::GraduationRate),
        "not reported by the program; the institution-wide figure is left out: the profile counts the \
         program's own figures only"
    );
    assert!(why(himkit::select::Criterion::InstitutionEarnings).contains("left out"));
}

/// A graduate-only institution has an Outcome Measures rate and no graduation rate: the rule
/// (Outcome Measures) gives its programs a completion figure all the same.
#[test]
fn a_graduate_only_institution_follows_the_outcome_measures_rule() {
    let dataset = Dataset::national().unwrap();
    let programs: Vec<&Program> = dataset
        .catalog()
        .iter()
        .filter(|program| program.institution().unitid().map(himkit::value::Unitid::get) == Some(487_010))
        .collect();
    assert!(!programs.is_empty());
    for program in programs {
        let outcomes = program.outcomes();
        assert_eq!(
            outcomes
                .institution_completion_rate
                .value()
                .map(|rate| rate.get()),
            Some(0.81)
        );
        assert!(outcomes.institution_graduation_rate.value().is_none());
        let selector = himkit::Selector::new(dataset.catalog(), dataset.wages());
        let mut spec = himkit::select::ProfileSpec::new(himkit::UsState::Tennessee);
        spec.require_accreditation = false;
        let ranking = selector
            .rank(&himkit::StudentProfile::new(spec).unwrap())
            .unwrap();
        let entry = ranking.entry(program.id().as_str()).unwrap();
        let graduation = entry
            .contributions()
            .iter()
            .find(|part| part.criterion == himkit::select::Criterion::GraduationRate)
            .unwrap();
        assert!((graduation.normalised - 0.81).abs() < 1e-12);
        assert!(graduation.value.contains("IPEDS Outcome Measures 2023"));
    }
}

/// For the documented Ohio profile the ranking is no longer "cheapest first": most criteria
/// have data, almost every ranked program a completion figure, and the top is not all cost.
#[test]
fn the_ohio_ranking_uses_the_outcomes() {
    let dataset = Dataset::national().unwrap();
    let selector = himkit::Selector::new(dataset.catalog(), dataset.wages());
    let ranking = selector
        .rank(&himkit::StudentProfile::example(himkit::UsState::Ohio))
        .unwrap();
    let entries = ranking.entries();
    let mut with_data: Vec<usize> = entries.iter().map(|entry| entry.contributions().len()).collect();
    with_data.sort_unstable();
    assert!(with_data[with_data.len() / 2] >= 5, "{with_data:?}");
    let completion = entries
        .iter()
        .filter(|entry| {
            entry
                .contributions()
                .iter()
                .any(|part| part.criterion == himkit::select::Criterion::GraduationRate)
        })
        .count();
    assert!(
        completion * 10 >= entries.len() * 9,
        "{completion} of {}",
        entries.len()
    );
    let led_by_cost = entries
        .iter()
        .take(30)
        .filter(|entry| entry.top_contributions(1)[0].criterion == himkit::select::Criterion::TotalCost)
        .count();
    assert!(led_by_cost < 30, "all of the top 30 are led by cost");
    // The top 5 hold 5 entries of the 416 ranked, as `select --top 5` says.
    let top = selector
        .rank_top(&himkit::StudentProfile::example(himkit::UsState::Ohio), 5)
        .unwrap();
    assert_eq!(
        (top.entries().len(), top.ranked_count(), ranking.ranked_count()),
        (5, 416, entries.len())
    );
}

/// Built from other years' IPEDS files, the outcome files attach by UNITID, and the
/// institutions they lack are listed.
#[test]
fn outcome_files_attach_to_other_years_by_unitid() {
    let fixture = |path: &str| {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(path),
        )
        .unwrap()
    };
    let (hd, ca) = (
        fixture("federal/hd2022_him.csv"),
        fixture("federal/c2022_a_him_first_majors.csv"),
    );
    let (om, gr, earnings) = (
        fixture("outcomes/ipeds_om2023_award_rates.csv"),
        fixture("outcomes/ipeds_gr_150_2016_2023.csv"),
        fixture("outcomes/scorecard_institution_earnings_2025.csv"),
    );
    let built = CatalogInputs::new(
        ("hd2022_him.csv", hd.as_slice()),
        ("c2022_a_him_first_majors.csv", ca.as_slice()),
        year(2022),
    )
    .with_institution_outcomes(("ipeds_om2023_award_rates.csv", om.as_slice()), None)
    .with_institution_outcomes(("ipeds_gr_150_2016_2023.csv", gr.as_slice()), None)
    .with_scorecard_institutions(
        ("scorecard_institution_earnings_2025.csv", earnings.as_slice()),
        "2025",
    )
    .unwrap()
    .build()
    .unwrap();
    let summary = &built.summary;
    assert!(summary.institution_completion_rates > 800, "{summary}");
    assert!(summary.institution_earnings > 800, "{summary}");
    // Institutions of 2022 that IPEDS no longer listed in 2023 are in no outcome file.
    assert!(!summary.institutions_without_outcomes.is_empty());
    for unitid in &summary.institutions_without_outcomes {
        let programs = built
            .catalog
            .iter()
            .filter(|program| program.institution().unitid() == Some(*unitid));
        for program in programs {
            assert!(program.outcomes().institution_completion_rate.is_not_reported());
        }
    }
    assert!(summary.to_string().contains("no outcome file has"));
    assert!(summary.files.contains(&SourceFile::IpedsOutcomeMeasures));
    assert!(summary.files.contains(&SourceFile::IpedsGraduationRates));
}
