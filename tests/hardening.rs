//! No input can break himkit: every parser and constructor answers any input with a value or
//! its documented error, within the documented bounds, without panicking.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    clippy::semicolon_if_nothing_returned
)]

use himkit::career::{EntryEducation, ProjectionPeriod};
use himkit::io::{Limits, Mode, OewsOptions, ReadOptions, attach_scorecard, read_catalog_csv, read_oews_csv};
use himkit::program::{Accreditation, Accreditor, Cost, Delivery};
use himkit::value::{CipCode, Date, NaicsCode, ReferencePeriod, SocCode, Text, Unitid};
use himkit::wage::{Ownership, WagePercentiles};
use himkit::{
    AccreditationStatus, Catalog, Credential, DegreeLevel, DeliveryMode, ErrorKind, Institution, Money,
    ProgramId, Rate, StudentProfile, UsState, Wage, Year,
};
use proptest::prelude::*;

fn cases() -> ProptestConfig {
    // Quick in CI; PROPTEST_CASES=100000 for a deeper run.
    ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|cases| cases.parse().ok())
            .unwrap_or(256),
    )
}

fn is_model_error(error: &himkit::Error) -> bool {
    matches!(error.kind(), ErrorKind::Invalid | ErrorKind::UnknownName)
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn text_parsers_answer_any_string(text in any::<String>()) {
        // Each either parses, prints back to something it parses again, or refuses with a model error.
        macro_rules! check {
            ($($type:ty),*) => {$(
                match text.parse::<$type>() {
                    Ok(value) => prop_assert_eq!(value.to_string().parse::<$type>().unwrap(), value),
                    Err(error) => prop_assert!(is_model_error(&error), "{}", error),
                }
            )*};
        }
        check!(SocCode, CipCode, NaicsCode, ProgramId, Date, Year, ReferencePeriod, ProjectionPeriod,
               UsState, Text, Unitid, DegreeLevel, DeliveryMode, AccreditationStatus, Credential, Accreditor);
        if let Err(error) = EntryEducation::from_bls(&text) {
            prop_assert!(is_model_error(&error));
        }
    }

    #[test]
    fn number_constructors_answer_any_number(whole in any::<u64>(), small in any::<u16>(), byte in any::<u8>(), real in any::<f64>()) {
        prop_assert_eq!(Money::new(whole).is_ok(), whole <= 1_000_000_000);
        prop_assert_eq!(Rate::new(real).is_ok(), (0.0..=1.0).contains(&real));
        prop_assert_eq!(Year::new(small).is_ok(), (1900..=2100).contains(&small));
        prop_assert_eq!(Unitid::new(whole).is_ok(), (100_000..=999_999).contains(&whole));
        prop_assert_eq!(Ownership::new(whole).is_ok(), (1..=9999).contains(&whole));
        let _ = Date::new(small, byte, byte.wrapping_mul(7));
        let _ = ReferencePeriod::new(small, byte);
        prop_assert!(serde_json::from_str::<Money>(&whole.to_string()).is_ok() == (whole <= 1_000_000_000));
    }

    #[test]
    fn compound_constructors_answer_any_parts(
        credits in any::<u16>(), a in 0u64..=1_000_000_000, b in 0u64..=1_000_000_000,
        share in 0.0..=1.0f64, mode in 0usize..3, status in 0usize..11,
        confirmed in (1900u16..=2100, 1u8..=12, 1u8..=28), next in proptest::option::of(1900u16..=2100),
        wages in proptest::collection::vec(proptest::option::of(0u64..=1_000_000), 5),
        name in any::<String>(), city in any::<String>(),
    ) {
        let (a, b) = (Money::new(a).unwrap(), Money::new(b).unwrap());
        match Cost::per_credit(credits, a, b) {
            Ok(cost) => prop_assert!(cost.total(himkit::program::Residency::InState) <= Money::MAX),
            Err(error) => prop_assert!(is_model_error(&error)),
        }
        let mode = DeliveryMode::all().nth(mode).unwrap();
        if let Err(error) = Delivery::new(mode, Rate::new(share).unwrap(), []) {
            prop_assert!(is_model_error(&error));
        }
        let status = AccreditationStatus::all().nth(status).unwrap();
        let confirmed = Date::new(confirmed.0, confirmed.1, confirmed.2).unwrap();
        let next = next.map(|year| Year::new(year).unwrap());
        prop_assert_eq!(
            Accreditation::new(Accreditor::Cahiim, status, confirmed, next).is_ok(),
            next.is_none_or(|next| next.get() >= confirmed.year())
        );
        let wages: Vec<Wage> = wages
            .iter()
            .map(|wage| wage.map_or(Wage::NOT_IN_SOURCE, |dollars| Wage::Amount(Money::new(dollars).unwrap())))
            .collect();
        let known: Vec<u64> = wages.iter().filter_map(|wage| wage.amount()).map(Money::dollars).collect();
        prop_assert_eq!(
            WagePercentiles::new(wages[0], wages[1], wages[2], wages[3], wages[4]).is_ok(),
            known.windows(2).all(|pair| pair[0] <= pair[1])
        );
        if let Err(error) = Institution::new(&name, UsState::Ohio, &city, None) {
            prop_assert!(is_model_error(&error));
        }
    }

    #[test]
    fn document_parsers_answer_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Catalog::from_json_str("any.json", &text);
        let _ = serde_json::from_str::<StudentProfile>(&text);
        let _ = read_catalog_csv("any.csv", bytes.as_slice(), &himkit::io::Limits::default());
        let mut options = OewsOptions::new();
        options.period = Some(ReferencePeriod::may(2024).unwrap());
        let _ = read_oews_csv("any.csv", bytes.as_slice(), &options);
        options.mode = Mode::Lenient;
        let _ = read_oews_csv("any.csv", bytes.as_slice(), &options);
        let _ = attach_scorecard(&Catalog::default(), "any.csv", bytes.as_slice(), Year::new(2024).unwrap(), &ReadOptions::default());
    }

    #[test]
    fn csv_parsers_answer_mangled_real_files(cut in 0usize..2_000, flip in 0usize..2_000, byte in any::<u8>()) {
        for name in ["national_M2024_dl.csv", "catalog.csv", "Most-Recent-Cohorts-Field-of-Study.csv"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
            let mut bytes = std::fs::read(path).unwrap();
            bytes.truncate(bytes.len().saturating_sub(cut));
            if let Some(slot) = bytes.get_mut(flip) {
                *slot = byte;
            }
            let _ = read_catalog_csv(name, bytes.as_slice(), &himkit::io::Limits::default());
            let _ = read_oews_csv(name, bytes.as_slice(), &OewsOptions::new());
            let _ = attach_scorecard(&Catalog::default(), name, bytes.as_slice(), Year::new(2024).unwrap(), &ReadOptions::default());
        }
    }
}

#[test]
fn deeply_nested_json_is_refused_without_exhausting_the_stack() {
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // Refused, whichever check comes first (serde_json's depth limit of 128, or a program
    // that is not an object), and without overflowing the stack.
    let error = Catalog::from_json_str("deep.json", &nested).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid, "{error}");
    assert!(serde_json::from_str::<himkit::Program>(&nested).is_err());
    let skills = format!("{{\"skills\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(serde_json::from_str::<himkit::Program>(&skills).is_err());
    let object = format!("[{}{}]", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    assert!(Catalog::from_json_str("deep.json", &object).is_err());
    assert!(serde_json::from_str::<StudentProfile>(&nested).is_err());
}

#[test]
fn documents_past_the_limits_are_refused_naming_the_bound() {
    let text = himkit::Dataset::embedded().unwrap().catalog().to_json().unwrap();
    let mut limits = Limits::default();
    limits.max_json_bytes = 1_000;
    let error = Catalog::from_json_str_with_limits("p.json", &text, &limits).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("more than the limit of 1000 (Limits::max_json_bytes)"),
        "{error}"
    );
    let mut limits = Limits::default();
    limits.max_programs = 3;
    let error = Catalog::from_json_str_with_limits("p.json", &text, &limits).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("the catalogue has more than 3 programs (Limits::max_programs)"),
        "{error}"
    );
    let csv =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalog.csv"))
            .unwrap();
    let error = read_catalog_csv("c.csv", csv.as_slice(), &limits).unwrap_err();
    assert_eq!(
        error.to_string(),
        "c.csv line 5: the catalogue has more than 3 programs (Limits::max_programs)"
    );
}

#[test]
fn long_fields_and_wide_rows_are_refused_naming_the_bound() {
    let header = fixture_header("national_M2024_dl.csv");
    let long = "x".repeat(70_000);
    let row = format!(
        "99,U.S.,1,US,000000,Cross-industry,cross-industry,1235,29-9021,{long},detailed,10,1,,,,,1,50000,1,1,1,1,1,1,40000,45000,50000,55000,60000,,"
    );
    let text = format!("{header}\n{row}\n");
    let error = read_oews_csv("national_M2024_dl.csv", text.as_bytes(), &OewsOptions::new()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "national_M2024_dl.csv line 2: a field of 70000 bytes is longer than the limit of 65536 (Limits::max_field_bytes)"
    );
    let mut lenient = OewsOptions::new();
    lenient.mode = Mode::Lenient;
    let outcome = read_oews_csv("national_M2024_dl.csv", text.as_bytes(), &lenient).unwrap();
    assert_eq!((outcome.items.len(), outcome.skipped.len()), (0, 1));
    let wide_header = format!("{header}{}", ",X".repeat(4_096));
    let error = read_oews_csv(
        "national_M2024_dl.csv",
        format!("{wide_header}\n").as_bytes(),
        &OewsOptions::new(),
    );
    // A header alone has no rows to refuse; a row that wide is refused.
    assert!(error.is_ok());
    let wide_row = format!("{row}{}", ",1".repeat(4_096)).replace(&long, "Title");
    let error = read_oews_csv(
        "national_M2024_dl.csv",
        format!("{wide_header}\n{wide_row}\n").as_bytes(),
        &OewsOptions::new(),
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("the row has 4128 fields, more than the limit of 4096 (Limits::max_fields)"),
        "{error}"
    );
}

fn fixture_header(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned()
}

/// A file of `header`, then a line opening a quote that never closes, then `body` bytes of
/// text; counts how much of it a reader takes.
struct UnclosedQuote {
    start: Vec<u8>,
    body: usize,
    taken: std::rc::Rc<std::cell::Cell<usize>>,
}

impl UnclosedQuote {
    fn new(header: &str, body: usize) -> (Self, std::rc::Rc<std::cell::Cell<usize>>) {
        let taken = std::rc::Rc::new(std::cell::Cell::new(0));
        let reader = Self {
            start: format!("{header}\n\"").into_bytes(),
            body,
            taken: taken.clone(),
        };
        (reader, taken)
    }
}

impl std::io::Read for UnclosedQuote {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let at = self.taken.get();
        let total = self.start.len() + self.body;
        let count = buffer.len().min(total - at);
        for (offset, byte) in buffer[..count].iter_mut().enumerate() {
            *byte = self.start.get(at + offset).copied().unwrap_or(b'a');
        }
        self.taken.set(at + count);
        Ok(count)
    }
}

#[test]
fn a_record_that_never_ends_is_refused_after_bounded_input() {
    let limits = {
        let mut limits = Limits::default();
        limits.max_field_bytes = 1_024;
        limits.max_fields = 8;
        limits
    };
    // 8 fields of 1,024 bytes, each quote written twice: at most 8 × 2,051 bytes, plus the
    // reader's read-ahead of 64 KiB.
    let budget = 8 * 2_051 + 65_536;
    let body = 64 << 20;
    let expected = format!(
        "line 2: the record goes on for more than {budget} bytes, more than one record may take \
         (Limits::max_record_bytes, or Limits::max_fields fields of Limits::max_field_bytes bytes; \
         is a quote left open?)"
    );

    let mut oews = OewsOptions::new();
    oews.limits = limits;
    for mode in [Mode::Strict, Mode::Lenient] {
        oews.mode = mode;
        let (reader, taken) = UnclosedQuote::new(&fixture_header("national_M2024_dl.csv"), body);
        let error = read_oews_csv("all_data_M_2024.csv", reader, &oews).unwrap_err();
        assert_eq!(error.to_string(), format!("all_data_M_2024.csv {expected}"));
        assert!(taken.get() < 2 * budget, "read {} bytes", taken.get());
    }

    let mut scorecard = ReadOptions::default();
    scorecard.limits = limits;
    for mode in [Mode::Strict, Mode::Lenient] {
        scorecard.mode = mode;
        let (reader, taken) =
            UnclosedQuote::new(&fixture_header("Most-Recent-Cohorts-Field-of-Study.csv"), body);
        let error = attach_scorecard(
            &Catalog::default(),
            "fos.csv",
            reader,
            Year::new(2024).unwrap(),
            &scorecard,
        )
        .unwrap_err();
        assert_eq!(error.to_string(), format!("fos.csv {expected}"));
        assert!(taken.get() < 2 * budget, "read {} bytes", taken.get());
    }

    let (reader, taken) = UnclosedQuote::new(&fixture_header("catalog.csv"), body);
    let error = read_catalog_csv("catalog.csv", reader, &limits).unwrap_err();
    assert_eq!(error.to_string(), format!("catalog.csv {expected}"));
    assert!(taken.get() < 2 * budget, "read {} bytes", taken.get());

    // A header that never ends is refused the same way, at line 1.
    let (mut reader, taken) = UnclosedQuote::new("", body);
    reader.start = b"\"".to_vec();
    let error = read_catalog_csv("catalog.csv", reader, &limits).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("catalog.csv line 1: the record goes on"),
        "{error}"
    );
    assert!(taken.get() < 2 * budget, "read {} bytes", taken.get());
}

#[test]
fn numbers_that_overflow_are_refused_not_wrapped() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalog.csv"),
    )
    .unwrap();
    let huge = text.replacen(",64,145,320,", ",64,1000000000000000000000000000000,320,", 1);
    let error = read_catalog_csv("c.csv", huge.as_bytes(), &himkit::io::Limits::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "c.csv line 2, column in_state: \"1000000000000000000000000000000\" is too large"
    );
    let negative = text.replacen(",64,145,320,", ",64,-145,320,", 1);
    let error = read_catalog_csv("c.csv", negative.as_bytes(), &himkit::io::Limits::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "c.csv line 2, column in_state: \"-145\" is not a whole number"
    );
    let overflow = text.replacen(",64,145,320,", ",400,4000000,320,", 1);
    let error = read_catalog_csv("c.csv", overflow.as_bytes(), &himkit::io::Limits::default()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("per credit times 400 credits exceeds $1,000,000,000"),
        "{error}"
    );
    let json = r#"[{"id": "x", "cost": {"basis": "total", "in_state": 1e30}}]"#;
    assert!(Catalog::from_json_str("p.json", json).is_err());
    let json = r#"{"home_state": "OH", "max_length_months": 70000}"#;
    assert!(
        serde_json::from_str::<StudentProfile>(json)
            .unwrap_err()
            .to_string()
            .contains("u16")
    );
}

#[test]
fn matrices_past_their_bounds_are_refused() {
    use himkit::select::{CriteriaMatrix, Direction};
    let mut matrix = CriteriaMatrix::new(1);
    for _ in 0..CriteriaMatrix::MAX_COLUMNS {
        matrix.push_column(Direction::Benefit, vec![1.0], None).unwrap();
    }
    let error = matrix
        .push_column(Direction::Benefit, vec![1.0], None)
        .unwrap_err();
    assert!(
        error.to_string().contains("more than the limit of 1024"),
        "{error}"
    );
}

fn base_spec() -> himkit::program::ProgramSpec {
    himkit::Dataset::embedded()
        .unwrap()
        .catalog()
        .get("lakeside-cc-hit-aas")
        .unwrap()
        .to_spec()
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn program_constructor_checks_name_and_length(name in any::<String>(), length in any::<u16>(), doctorate in any::<bool>()) {
        let mut spec = base_spec();
        spec.name = name.clone();
        spec.length_months = length;
        if doctorate {
            spec.degree_level = DegreeLevel::Doctorate;
        }
        let expected = Text::new(&name).is_ok() && (1..=120).contains(&length) && !doctorate;
        match himkit::Program::new(spec) {
            Ok(program) => {
                prop_assert!(expected);
                let json = serde_json::to_string(&program).unwrap();
                prop_assert_eq!(serde_json::from_str::<himkit::Program>(&json).unwrap(), program);
            }
            Err(error) => {
                prop_assert!(!expected);
                prop_assert!(is_model_error(&error), "{}", error);
            }
        }
    }

    #[test]
    fn profile_constructor_checks_weights(weights in proptest::collection::vec(any::<f64>(), 10)) {
        use himkit::select::{Criterion, ProfileSpec};
        let mut spec = ProfileSpec::new(UsState::Ohio);
        spec.desired_skills = himkit::SkillSet::all();
        spec.preferred_delivery = Some(DeliveryMode::Online);
        spec.weights = Some(Criterion::all().zip(weights.iter().copied()).collect());
        let valid = weights.iter().all(|w| w.is_finite() && *w >= 0.0) && weights.iter().any(|w| *w > 0.0);
        match StudentProfile::new(spec) {
            Ok(profile) => {
                prop_assert!(valid);
                let json = serde_json::to_string(&profile).unwrap();
                prop_assert_eq!(serde_json::from_str::<StudentProfile>(&json).unwrap(), profile);
            }
            Err(error) => {
                prop_assert!(!valid);
                prop_assert_eq!(error.kind(), ErrorKind::Invalid, "{}", error);
            }
        }
    }

    #[test]
    fn outlook_and_period_constructors_check_their_rules(growth in any::<f64>(), start in 1900u16..=2100, end in 1900u16..=2100) {
        let period = ProjectionPeriod::new(Year::new(start).unwrap(), Year::new(end).unwrap());
        prop_assert_eq!(period.is_ok(), end > start);
        let Ok(period) = period else { return Ok(()) };
        let spec = himkit::career::JobOutlookSpec {
            occupation: "29-9021".parse().unwrap(),
            occupation_title: Text::new("Health Information Technologists").unwrap(),
            period,
            growth_percent: growth,
            employment_change: None,
            openings_per_year: None,
            base_employment: None,
            typical_entry_education: None,
            provenance: himkit::wage::Provenance {
                source: Text::new("test").unwrap(),
                confidence: himkit::value::Confidence::Confirmed,
                note: None,
            },
        };
        prop_assert_eq!(himkit::career::JobOutlook::new(spec).is_ok(), growth.is_finite() && (-100.0..=10_000.0).contains(&growth));
    }
}

/// Found by the `selector` fuzz target: with bounds taken from data whose spread is subnormal,
/// the range's reciprocal overflowed and the streaming pass scored differently from the
/// explanation, so contributions no longer summed to the score.
#[test]
fn regression_subnormal_data_ranges_keep_contributions_summing_to_the_score() {
    use himkit::select::{CriteriaMatrix, Direction, ExplainedRow, Method, MissingPolicy, Scoring};
    for method in [Method::WeightedSum, Method::Topsis] {
        let values = [1.267_736_4e-317, 3.245_405_327e-315, 2e-316];
        let mut matrix = CriteriaMatrix::new(values.len());
        matrix
            .push_column(Direction::Benefit, values.to_vec(), None)
            .unwrap();
        matrix
            .push_column(Direction::Cost, vec![1.0, 2.0, 3.0], None)
            .unwrap();
        let bounds = matrix.data_bounds();
        let scoring = Scoring::new(
            method,
            &[2e-110, 2e-110],
            bounds,
            vec![MissingPolicy::Reweight; 2],
        )
        .unwrap();
        let scores = scoring.score(&matrix).unwrap();
        for (row, score) in scores.iter().enumerate() {
            let ExplainedRow {
                score: explained,
                contributions: parts,
            } = scoring.explain_row(&matrix, row).unwrap();
            let sum: f64 = parts.iter().flatten().sum();
            assert!((0.0..=1.0).contains(score), "{score}");
            assert!((sum - score).abs() < 1e-9, "{method}: {sum} vs {score}");
            assert!((explained - score).abs() < 1e-12);
        }
    }
}

/// Found by the `selector` fuzz target: a narrow range far from zero made the streaming pass's
/// `x * scale + offset` cancel catastrophically, so its score drifted from the explanation's.
#[test]
fn regression_narrow_ranges_far_from_zero_score_exactly() {
    use himkit::select::{CriteriaMatrix, Direction, ExplainedRow, Method, MissingPolicy, Scoring};
    for method in [Method::WeightedSum, Method::Topsis] {
        let mut matrix = CriteriaMatrix::new(3);
        let (worst, best) = (4.483_094_640_249_093e-120, 4.483_094_648_259_233e-120);
        matrix
            .push_column(Direction::Benefit, vec![worst, best, 4.483_094_644e-120], None)
            .unwrap();
        matrix
            .push_column(Direction::Cost, vec![3.0, 2.0, 1.0], None)
            .unwrap();
        let scoring = Scoring::new(
            method,
            &[1.0, 6.0],
            matrix.data_bounds(),
            vec![MissingPolicy::Reweight; 2],
        )
        .unwrap();
        let scores = scoring.score(&matrix).unwrap();
        for (row, score) in scores.iter().enumerate() {
            let ExplainedRow {
                score: explained,
                contributions: parts,
            } = scoring.explain_row(&matrix, row).unwrap();
            let sum: f64 = parts.iter().flatten().sum();
            assert!(
                (explained - score).abs() < 1e-9,
                "{method} row {row}: {explained} vs {score}"
            );
            assert!((sum - score).abs() < 1e-9);
        }
        // The first row is the worst on both criteria.
        assert!(scores[0].abs() < 1e-12, "{method}: {}", scores[0]);
    }
}

/// Found by the `selector` fuzz target: weights scaled to sum to 1 summed to 1 + 1 ulp, and a
/// program best on every criterion scored 1.0000000000000002.
#[test]
fn regression_scores_never_exceed_one() {
    use himkit::select::{Bounds, CriteriaMatrix, Direction, Method, MissingPolicy, Scoring};
    let weights = [
        5.142_657_099_845_044e25,
        5.142_912_663_207_646e25,
        5.142_912_663_208_305_5e25,
        2.242_918e-317,
    ];
    let mut matrix = CriteriaMatrix::new(1);
    for _ in weights {
        matrix.push_column(Direction::Benefit, vec![1.0], None).unwrap();
    }
    let bounds = vec![
        Bounds {
            worst: 0.0,
            best: 1.0
        };
        weights.len()
    ];
    for method in [Method::WeightedSum, Method::Topsis] {
        let scoring = Scoring::new(
            method,
            &weights,
            bounds.clone(),
            vec![MissingPolicy::Reweight; weights.len()],
        )
        .unwrap();
        let score = scoring.score(&matrix).unwrap()[0];
        assert!((0.0..=1.0).contains(&score), "{method}: {score}");
        let explained = scoring.explain_row(&matrix, 0).unwrap().score;
        assert!((0.0..=1.0).contains(&explained), "{method}: {explained}");
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn workbook_cells_past_the_bounds_are_refused_naming_the_bound() {
    let header = fixture_header("national_M2024_dl.csv");
    let workbook_with = |row: &[(u16, String)]| {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet().set_name("national_M2024_dl").unwrap();
        for (column, name) in header.split(',').enumerate() {
            sheet.write_string(0, column as u16, name).unwrap();
        }
        for (column, text) in row {
            sheet.write_string(1, *column, text).unwrap();
        }
        workbook.save_to_buffer().unwrap()
    };
    let read = |bytes: Vec<u8>, mode: Mode| {
        let mut options = OewsOptions::new();
        options.mode = mode;
        options.limits.max_field_bytes = 1_000;
        options.limits.max_fields = 1_000;
        himkit::io::read_oews_xlsx("national_M2024_dl.xlsx", std::io::Cursor::new(bytes), &options)
    };
    for mode in [Mode::Strict, Mode::Lenient] {
        // Excel itself stops at 32,767 characters a cell, so the test lowers the bound.
        let long = workbook_with(&[(9, "x".repeat(2_000))]);
        assert_eq!(
            read(long, mode).unwrap_err().to_string(),
            "national_M2024_dl.xlsx sheet national_M2024_dl, row 2, column 10: a cell of 2000 bytes is \
             longer than the limit of 1000 (Limits::max_field_bytes)"
        );
        let wide = workbook_with(&[(1_000, "x".to_owned())]);
        assert_eq!(
            read(wide, mode).unwrap_err().to_string(),
            "national_M2024_dl.xlsx sheet national_M2024_dl, row 2: a cell in column 1001 is beyond the \
             limit of 1000 columns (Limits::max_fields)"
        );
    }
}
