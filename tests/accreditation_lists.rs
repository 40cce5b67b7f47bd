//! Accreditation lists as people write them, applied to the national catalogue (the embedded
//! IPEDS HD2024 institutions): exact names, name variants, ambiguous rows, rows that match
//! nothing with the institutions they could mean, and rows whose name cannot name one.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unnecessary_wraps
)]

use std::collections::BTreeMap;

use himkit::io::{AccreditationMatches, NameVariant, ReadOptions, apply_accreditation_list};
use himkit::program::{AccreditationState, Institution};
use himkit::value::Unitid;
use himkit::{Catalog, Program, UsState};

/// A list of 29 rows written as a directory writes names (also a seed of the
/// `accreditation_list` fuzz target). Lines are counted from the header (line 1).
const DIRECTORY: &str = include_str!("fixtures/cahiim_directory_variants.csv");

fn national() -> Catalog {
    himkit::Dataset::national().unwrap().catalog().clone()
}

/// `rows` under the header of [`DIRECTORY`]; the whole of `DIRECTORY` as it is.
fn apply(catalog: &Catalog, rows: &str) -> AccreditationMatches {
    let header = DIRECTORY.lines().next().unwrap();
    let list = if rows.starts_with(header) {
        rows.to_owned()
    } else {
        format!("{header}\n{rows}")
    };
    apply_accreditation_list(catalog, "cahiim.csv", list.as_bytes(), &ReadOptions::default()).unwrap()
}

fn unitid(id: u64) -> Option<Unitid> {
    Some(Unitid::new(id).unwrap())
}

#[test]
fn every_applied_row_is_applied_to_the_program_the_list_means_and_no_other() {
    let applied = apply(&national(), DIRECTORY);
    let matched: Vec<(u64, &str)> = applied
        .matched
        .iter()
        .map(|(id, line)| (*line, id.as_str()))
        .collect::<BTreeMap<_, _>>()
        .into_iter()
        .collect();
    assert_eq!(
        matched,
        [
            (2, "cuyahoga-community-college-district-202356-510707-aw3"),
            (3, "cuny-kingsborough-community-college-190619-510707-aw3"),
            (4, "suny-westchester-community-college-197294-510707-aw3"),
            (5, "ohio-state-university-main-campus-204796-510706-aw5"),
            (6, "st-petersburg-college-137078-510707-aw3"),
            (7, "george-c-wallace-state-community-college-101295-510707-aw3"),
            (8, "saint-johns-river-state-college-137281-510707-aw3"),
            (9, "indiana-university-indianapolis-151111-510706-aw5"),
            (10, "university-of-pittsburgh-pittsburgh-campus-215293-510706-aw5"),
            (11, "university-of-cincinnati-main-campus-201885-510706-aw5"),
            (12, "jefferson-community-and-technical-college-156921-510707-aw3"),
            (
                13,
                "southeast-kentucky-community-and-technical-157739-510707-aw21"
            ),
            (14, "the-college-of-saint-scholastica-174899-510706-aw5"),
            (15, "the-college-of-saint-scholastica-174899-510706-aw7"),
            (16, "austin-community-college-district-222992-510707-aw3"),
            (17, "st-philips-college-227854-510707-aw3"),
            (18, "saint-louis-community-college-179308-510707-aw3"),
            (19, "alabama-state-university-100724-510706-aw5"),
            (20, "suny-broome-community-college-189547-510707-aw3"),
            (21, "rasmussen-university-florida-138309-510707-aw3"),
        ]
    );
    // Each applied program carries its own row's accreditation; every other program keeps
    // what it had.
    let before = national();
    for program in &applied.catalog {
        match applied.matched.get(program.id()) {
            Some(_) => assert!(
                matches!(program.accreditation(), AccreditationState::Known(_)),
                "{}",
                program.id()
            ),
            None => assert_eq!(program, before.get(program.id().as_str()).unwrap()),
        }
    }
    let johns = applied
        .catalog
        .get("saint-johns-river-state-college-137281-510707-aw3")
        .unwrap();
    let AccreditationState::Known(accreditation) = johns.accreditation() else {
        panic!("line 8 was applied")
    };
    assert_eq!(accreditation.status().to_string(), "initial-accreditation");
    // Nothing else: 20 rows applied, the rest reported.
    assert_eq!(applied.unmatched.len() + applied.ambiguous.len(), 9);
}

#[test]
fn every_variant_match_is_reported_with_the_variants_it_needed() {
    use NameVariant::{
        Ampersand, CampusSuffix, DistrictSuffix, MainCampus, Parenthesised, Saint, SystemPrefix, The,
    };
    let applied = apply(&national(), DIRECTORY);
    let variants: Vec<(u64, Option<Unitid>, Vec<NameVariant>)> = applied
        .by_variant
        .iter()
        .map(|found| (found.line, found.unitid, found.variants.clone()))
        .collect();
    assert_eq!(
        variants,
        [
            (2, unitid(202_356), vec![Parenthesised, DistrictSuffix]),
            (3, unitid(190_619), vec![SystemPrefix]),
            (4, unitid(197_294), vec![SystemPrefix]),
            (5, unitid(204_796), vec![MainCampus, The]),
            (6, unitid(137_078), vec![Saint]),
            (7, unitid(101_295), vec![CampusSuffix]),
            (8, unitid(137_281), vec![Saint]),
            (9, unitid(151_111), vec![CampusSuffix]),
            (10, unitid(215_293), vec![CampusSuffix]),
            (11, unitid(201_885), vec![MainCampus]),
            (12, unitid(156_921), vec![Ampersand]),
            (13, unitid(157_739), vec![Ampersand]),
            (14, unitid(174_899), vec![Saint, The]),
            (15, unitid(174_899), vec![The]),
            (16, unitid(222_992), vec![DistrictSuffix]),
            (17, unitid(227_854), vec![Saint]),
            (18, unitid(179_308), vec![Saint]),
        ]
    );
    // Each variant match is also a match, of the same program.
    for found in &applied.by_variant {
        assert_eq!(applied.matched.get(&found.program), Some(&found.line));
    }
    let report = applied.to_string();
    assert!(report.starts_with(
        "applied to 20 programs (17 by name variant); 7 rows matched no program, 2 more than one\n  \
         line 2: matched Cuyahoga Community College District (UNITID 202356) by name variant \
         (note in parentheses, suffix District)\n"
    ));
    assert!(report.contains(
        "\n  line 7: matched George C Wallace State Community College-Hanceville (UNITID 101295) by name \
         variant (campus suffix named by the city)\n"
    ));
}

#[test]
fn every_unmatched_row_that_names_an_institution_of_the_catalogue_lists_it_with_its_unitid() {
    let applied = apply(&national(), DIRECTORY);
    let unmatched: BTreeMap<u64, &himkit::io::UnappliedEntry> = applied
        .unmatched
        .iter()
        .map(|entry| (entry.line, entry))
        .collect();
    assert_eq!(
        unmatched.keys().copied().collect::<Vec<_>>(),
        [22, 23, 24, 25, 28, 29, 30]
    );
    let first = |line: u64| {
        let entry = unmatched[&line];
        let first = &entry.institutions[0];
        (
            first.unitid,
            first.name.as_str(),
            first.same_city,
            first.shared_words.clone(),
        )
    };
    // "Colleges" is not IPEDS's "College District": no variant, but the same city.
    assert_eq!(
        first(22),
        (
            unitid(153_311),
            "Eastern Iowa Community College District",
            true,
            vec![]
        )
    );
    // The directory's short name: the same city, and the distinctive word "wallace".
    assert_eq!(
        first(23),
        (
            unitid(101_295),
            "George C Wallace State Community College-Hanceville",
            true,
            vec!["wallace".to_owned()]
        )
    );
    // A health informatics master's at a university whose HIM programs are other levels: the
    // university is a candidate, with the levels it offers, and nothing is applied.
    let ohio_state = unmatched[&24]
        .institutions
        .iter()
        .find(|candidate| candidate.unitid == unitid(204_796))
        .unwrap();
    assert_eq!(
        ohio_state.to_string(),
        "UNITID 204796 Ohio State University-Main Campus, Columbus, OH: certificate, baccalaureate, \
         post-baccalaureate-certificate (same city)"
    );
    assert_eq!(
        unmatched[&24].why,
        "no masters program of an institution of this name in OH"
    );
    // An institution with no HIM program: only what is in its city, never itself.
    let case_western: Vec<Option<Unitid>> = unmatched[&25]
        .institutions
        .iter()
        .map(|candidate| candidate.unitid)
        .collect();
    assert_eq!(case_western, [unitid(202_356)]);
    // Candidates never come from another state.
    for entry in unmatched.values() {
        let state: UsState = if entry.line == 28 {
            UsState::NewYork
        } else {
            entry.institutions[0].state
        };
        assert!(
            entry
                .institutions
                .iter()
                .all(|candidate| candidate.state == state),
            "line {}",
            entry.line
        );
    }
}

#[test]
fn a_variant_that_makes_two_programs_equal_or_a_program_already_matched_is_never_applied() {
    let applied = apply(&national(), DIRECTORY);
    let ambiguous: Vec<(u64, &str, Vec<&str>)> = applied
        .ambiguous
        .iter()
        .map(|entry| {
            (
                entry.line,
                entry.why.as_str(),
                entry.candidates.iter().map(himkit::ProgramId::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        ambiguous,
        [
            (
                26,
                "2 programs match by name variant (and/&); add the UNITID",
                vec![
                    "jefferson-community-and-technical-college-156921-510707-aw2",
                    "jefferson-community-and-technical-college-156921-510707-aw21"
                ]
            ),
            (
                27,
                "the program was already matched by line 2",
                vec!["cuyahoga-community-college-district-202356-510707-aw3"]
            ),
        ]
    );
    for entry in &applied.ambiguous {
        assert!(
            !entry
                .candidates
                .iter()
                .any(|id| applied.matched.get(id) == Some(&entry.line))
        );
        assert_eq!(
            entry.institutions.len(),
            1,
            "the institution to take the UNITID from"
        );
    }
}

#[test]
fn an_empty_one_letter_or_system_only_name_is_reported_with_the_reason_and_nothing_else_is_lost() {
    let applied = apply(&national(), DIRECTORY);
    let why = |line: u64| {
        applied
            .unmatched
            .iter()
            .find(|entry| entry.line == line)
            .map(|entry| entry.why.clone())
            .unwrap()
    };
    assert_eq!(
        why(28),
        "\"CUNY\" is only a system name or a note (system prefix CUNY/SUNY), not an institution's name; \
         write the institution's name or its UNITID"
    );
    assert_eq!(why(29), "\"X\" is one letter, too short to name an institution");
    assert_eq!(why(30), "the institution name is empty");
    // 29 rows: each applied, unmatched or ambiguous exactly once.
    let mut lines: Vec<u64> = applied.matched.values().copied().collect();
    lines.extend(
        applied
            .unmatched
            .iter()
            .chain(&applied.ambiguous)
            .map(|entry| entry.line),
    );
    lines.sort_unstable();
    assert_eq!(lines, (2..=30).collect::<Vec<u64>>());
}

/// The national catalogue with a copy of Cuyahoga's associate program at a made-up
/// institution of `name`, `state` and `city`.
fn with_copy_of_cuyahoga(name: &str, state: UsState, city: &str, id: &str) -> Catalog {
    let catalog = national();
    let cuyahoga = catalog
        .get("cuyahoga-community-college-district-202356-510707-aw3")
        .unwrap();
    let mut spec = cuyahoga.to_spec();
    spec.id = id.parse().unwrap();
    spec.institution = Institution::new(name, state, city, unitid(999_001)).unwrap();
    let mut programs: Vec<Program> = catalog.iter().cloned().collect();
    programs.push(Program::new(spec).unwrap());
    Catalog::new(programs).unwrap()
}

#[test]
fn a_variant_that_matches_programs_in_two_states_is_ambiguous() {
    let catalog = with_copy_of_cuyahoga(
        "Cuyahoga Community College",
        UsState::Pennsylvania,
        "Erie",
        "copy-pa",
    );
    let applied = apply(
        &catalog,
        "Cuyahoga Community College District (Tri-C),Cleveland,OH,,associate,continuing-accreditation,2025-06-30,2029\n",
    );
    assert!(applied.matched.is_empty());
    let [entry] = applied.ambiguous.as_slice() else {
        panic!("{applied}")
    };
    assert_eq!(
        entry.why,
        "by name variant (note in parentheses) the name matches programs in OH and PA; add the UNITID"
    );
    assert_eq!(entry.candidates.len(), 2);
    // Written exactly, the row means Ohio's program: the state decides, no variant is needed.
    let exact = apply(
        &catalog,
        "Cuyahoga Community College District,Cleveland,OH,,associate,continuing-accreditation,2025-06-30,2029\n",
    );
    assert_eq!(exact.matched.len(), 1);
    assert!(exact.by_variant.is_empty());
}

#[test]
fn a_variant_that_makes_two_institutions_of_one_state_equal_is_ambiguous_but_the_exact_name_applies() {
    let catalog = with_copy_of_cuyahoga("Cuyahoga Community College", UsState::Ohio, "Parma", "copy-oh");
    let variant = apply(
        &catalog,
        "Cuyahoga Community College (Tri-C),Cleveland,OH,,associate,continuing-accreditation,2025-06-30,2029\n",
    );
    assert!(variant.matched.is_empty());
    assert_eq!(
        variant.ambiguous[0].why,
        "2 programs match by name variant (note in parentheses, suffix District); add the UNITID"
    );
    let exact = apply(
        &catalog,
        "Cuyahoga Community College,Cleveland,OH,,associate,continuing-accreditation,2025-06-30,2029\n",
    );
    assert_eq!(
        exact
            .matched
            .keys()
            .map(himkit::ProgramId::as_str)
            .collect::<Vec<_>>(),
        ["copy-oh"]
    );
}

#[test]
fn adding_the_candidates_unitid_to_the_row_applies_it() {
    let catalog = national();
    let row =
        "Wallace State Community College,Hanceville,AL,,associate,continuing-accreditation,2021-09-01,2026\n";
    let before = apply(&catalog, row);
    let suggested = before.unmatched[0].institutions[0].unitid.unwrap();
    let fixed = row.replace(",AL,,", &format!(",AL,{suggested},"));
    let after = apply(&catalog, &fixed);
    assert_eq!(
        after
            .matched
            .keys()
            .map(himkit::ProgramId::as_str)
            .collect::<Vec<_>>(),
        ["george-c-wallace-state-community-college-101295-510707-aw3"]
    );
    assert!(after.by_variant.is_empty() && after.unmatched.is_empty());
}

#[test]
fn the_report_serializes_variants_and_candidates() {
    let applied = apply(&national(), DIRECTORY);
    let json = serde_json::to_value(&applied).unwrap();
    assert_eq!(
        json["by_variant"][0]["variants"],
        serde_json::json!(["parenthesised", "district-suffix"])
    );
    assert_eq!(json["by_variant"][0]["unitid"], 202_356);
    assert_eq!(json["unmatched"][0]["institutions"][0]["unitid"], 153_311);
    assert_eq!(
        json["unmatched"][0]["institutions"][0]["levels"],
        serde_json::json!(["certificate", "associate"])
    );
}

#[test]
fn build_catalog_reports_the_same_variant_matches_and_rows_not_applied() {
    let federal = |name: &str| {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data/federal")
                .join(name),
        )
        .unwrap()
    };
    let (hd, completions) = (federal("hd2024_him.csv"), federal("c2024_a_him_first_majors.csv"));
    let built = himkit::io::CatalogInputs::new(
        ("hd2024_him.csv", hd.as_slice()),
        ("c2024_a_him_first_majors.csv", completions.as_slice()),
        himkit::Year::new(2024).unwrap(),
    )
    .with_accreditation_list(("cahiim.csv", DIRECTORY.as_bytes()))
    .build()
    .unwrap();
    let applied = apply(&national(), DIRECTORY);
    assert_eq!(built.summary.accreditation_by_variant, applied.by_variant);
    assert_eq!(built.summary.accreditation_from_list, 20);
    let mut unapplied = applied.unmatched.clone();
    unapplied.extend(applied.ambiguous.iter().cloned());
    unapplied.sort_by_key(|entry| entry.line);
    assert_eq!(built.summary.accreditation_unapplied, unapplied);
    let report = built.summary.to_string();
    assert!(
        report.contains("from the accreditation list 20 (17 by name variant), list rows not applied 9\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "\n    accreditation list line 2: matched Cuyahoga Community College District (UNITID 202356) by name \
             variant (note in parentheses, suffix District)\n"
        ),
        "{report}"
    );
}

mod properties {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::{apply, national};

    fn catalog() -> &'static himkit::Catalog {
        static CATALOG: OnceLock<himkit::Catalog> = OnceLock::new();
        CATALOG.get_or_init(national)
    }

    /// Names built from the pieces directories write: real words, a system name, a note in
    /// parentheses (closed or not), a hyphenated campus, `St.`, `&`, `The`, stray marks.
    fn name() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Cuyahoga"),
            Just("Community"),
            Just("College"),
            Just("District"),
            Just("CUNY"),
            Just("SUNY"),
            Just("Kingsborough"),
            Just("St."),
            Just("Saint"),
            Just("&"),
            Just("and"),
            Just("The"),
            Just("(Tri-C)"),
            Just("(HIM"),
            Just("-Main Campus"),
            Just("-Hanceville"),
            Just("University"),
            Just("Ohio State"),
            Just("-"),
            Just("'"),
            Just("X"),
        ];
        prop::collection::vec(piece, 0..7).prop_map(|pieces| pieces.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the name, the row is applied, unmatched or ambiguous exactly once, and a
        /// variant match is a program of the row's state.
        #[test]
        fn every_row_has_one_outcome_and_a_variant_never_leaves_its_state(
            name in name(),
            state in prop::sample::select(vec!["OH", "NY", "AL", "PA"]),
            city in prop::sample::select(vec!["", "Cleveland", "Brooklyn", "Hanceville", "Columbus"]),
        ) {
            let row = format!("\"{name}\",{city},{state},,associate,continuing-accreditation,2025-06-30,2029\n");
            let applied = apply(catalog(), &row);
            let outcomes = applied.matched.len() + applied.unmatched.len() + applied.ambiguous.len();
            prop_assert_eq!(outcomes, 1, "{}", applied);
            for found in &applied.by_variant {
                let program = applied.catalog.get(found.program.as_str()).unwrap();
                prop_assert_eq!(program.institution().state().code(), state);
            }
        }
    }
}
