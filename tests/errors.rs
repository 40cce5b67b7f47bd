//! Errors keep their promises: the value is the refused value, the chain prints each cause
//! once, the kind does not depend on the door the input came through, and a catalogue CSV's
//! error names the cell that was refused.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::semicolon_if_nothing_returned
)]

use himkit::io::{Limits, read_catalog_csv, write_catalog_csv};
use himkit::{Catalog, Dataset, Error, ErrorKind, StudentProfile};

/// What a reporter that walks the chain (as `anyhow` and `eyre` do) prints: the error, then
/// each source in turn.
fn report(error: &(dyn std::error::Error + 'static)) -> String {
    let mut lines = vec![error.to_string()];
    let mut next = error.source();
    while let Some(source) = next {
        lines.push(format!("caused by: {source}"));
        next = source.source();
    }
    lines.join("\n")
}

/// The embedded catalogue as CSV records: the header, then one record per program (line 2 on).
fn catalogue_records() -> Vec<Vec<String>> {
    let catalog = Dataset::embedded().unwrap().catalog().clone();
    let mut bytes = Vec::new();
    write_catalog_csv(&catalog, &mut bytes).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let mut records: Vec<Vec<String>> = reader
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect();
    // The columns written only when a program has a value, so every column can be changed.
    for column in [
        "award_level",
        "institution_completion_rate",
        "institution_completion_rate_note",
        "institution_graduation_rate",
        "institution_graduation_rate_note",
        "institution_median_earnings",
        "institution_median_earnings_note",
    ] {
        if !records[0].iter().any(|name| name == column) {
            for (index, record) in records.iter_mut().enumerate() {
                record.push(if index == 0 {
                    column.to_owned()
                } else {
                    String::new()
                });
            }
        }
    }
    records
}

fn to_csv(records: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        writer.write_record(record).unwrap();
    }
    writer.into_inner().unwrap()
}

/// The catalogue with the program on `line` changed by `cells` (column, new text).
fn changed(records: &[Vec<String>], line: usize, cells: &[(&str, &str)]) -> Vec<u8> {
    let mut records = records.to_vec();
    for (column, text) in cells {
        let index = records[0]
            .iter()
            .position(|name| name == column)
            .unwrap_or_else(|| panic!("no column {column}"));
        (*text).clone_into(&mut records[line - 1][index]);
    }
    to_csv(&records)
}

/// One bad cell: the column it is in, the cells changed to make it, and the field the model
/// names if the model refused it (rather than the file's layout).
struct Case {
    column: &'static str,
    cells: &'static [(&'static str, &'static str)],
    field: Option<&'static str>,
}

const fn case(
    column: &'static str,
    cells: &'static [(&'static str, &'static str)],
    field: Option<&'static str>,
) -> Case {
    Case { column, cells, field }
}

/// An estimate's cells, for the cases of the columns only an estimate reads.
macro_rules! estimate {
    ($($cell:expr),*) => {
        &[
            ("cost_basis", "estimate"),
            ("cost_months", "24"),
            ("cost_source", "IPEDS IC"),
            ("cost_academic_year", "2023-24"),
            $($cell),*
        ]
    };
}

/// A bad cell in every column the catalogue CSV reads, for the program on line 3 (a per-credit,
/// on-campus baccalaureate with reported outcomes), refused by the reader or by the model.
const CASES: &[Case] = &[
    case("id", &[("id", "Bad Id")], Some("id")),
    case("name", &[("name", "")], Some("name")),
    case(
        "institution_name",
        &[("institution_name", " ")],
        Some("institution.name"),
    ),
    case("institution_state", &[("institution_state", "ZZ")], Some("state")),
    case(
        "institution_city",
        &[("institution_city", "")],
        Some("institution.city"),
    ),
    case("unitid", &[("unitid", "12")], Some("unitid")),
    case(
        "degree_level",
        &[("degree_level", "phd-ish")],
        Some("degree_level"),
    ),
    case("award_level", &[("award_level", "diploma")], Some("award_level")),
    case(
        "award_level",
        &[("award_level", "associate")],
        Some("award_level"),
    ),
    case("discipline", &[("discipline", "nursing")], Some("discipline")),
    case("cip", &[("cip", "51")], Some("cip_code")),
    case(
        "delivery_mode",
        &[("delivery_mode", "teleport")],
        Some("delivery_mode"),
    ),
    case("distance_share", &[("distance_share", "lots")], None),
    case(
        "distance_share",
        &[("distance_share", "1")],
        Some("delivery.distance_share"),
    ),
    case(
        "unavailable_states",
        &[("unavailable_states", "CA;ZZ")],
        Some("state"),
    ),
    case("accreditor", &[("accreditor", "\u{7}")], Some("accreditor")),
    case(
        "accreditor",
        &[("degree_level", "doctorate")],
        Some("accreditation.accreditor"),
    ),
    case(
        "accreditation_status",
        &[("accreditation_status", "pending")],
        Some("accreditation_status"),
    ),
    case(
        "accreditation_last_confirmed",
        &[("accreditation_last_confirmed", "2025-13-01")],
        Some("date"),
    ),
    case(
        "accreditation_next_review_year",
        &[("accreditation_next_review_year", "2020")],
        Some("accreditation.next_review_year"),
    ),
    case("cost_basis", &[("cost_basis", "monthly")], None),
    case("credits", &[("credits", "0")], Some("cost.credits")),
    case("in_state", &[("in_state", "12O")], None),
    case("in_state", &[("in_state", "100000000")], Some("cost.in_state")),
    case(
        "out_of_state",
        &[("out_of_state", "100000000")],
        Some("cost.out_of_state"),
    ),
    case(
        "in_state",
        estimate![("in_state", "1000000000")],
        Some("cost.annual_in_state"),
    ),
    case(
        "out_of_state",
        estimate![("out_of_state", "1000000000")],
        Some("cost.annual_out_of_state"),
    ),
    case(
        "cost_months",
        estimate![("cost_months", "0")],
        Some("cost.months"),
    ),
    case("cost_source", estimate![("cost_source", "")], Some("cost.source")),
    case(
        "cost_academic_year",
        estimate![("cost_academic_year", "")],
        Some("cost.academic_year"),
    ),
    case("length_months", &[("length_months", "0")], Some("length_months")),
    case("length_basis", &[("length_basis", "weeks")], Some("length_basis")),
    case(
        "professional_practice_experience",
        &[("professional_practice_experience", "maybe")],
        None,
    ),
    case("job_placement", &[("job_placement", "maybe")], None),
    case("alumni_network", &[("alumni_network", "maybe")], None),
    case("industry_networking", &[("industry_networking", "unknown")], None),
    case("skills", &[("skills", "juggling")], Some("skill")),
    case(
        "graduation_rate",
        &[("graduation_rate", "1.5@2024")],
        Some("rate"),
    ),
    case(
        "graduation_rate_note",
        &[
            ("graduation_rate", "not-reported"),
            ("graduation_rate_note", "a note"),
        ],
        None,
    ),
    case(
        "employment_rate",
        &[("employment_rate", "0.8@2024@institution")],
        Some("outcomes.employment_rate.scope"),
    ),
    case("exam_pass_rate", &[("exam_pass_rate", "0.7@20x4")], Some("year")),
    case("median_debt", &[("median_debt", "lots@2023")], None),
    case(
        "median_earnings",
        &[("median_earnings", "5@2023")],
        Some("outcomes.median_earnings"),
    ),
    case(
        "median_earnings",
        &[("median_earnings", "52000@2023@institution")],
        Some("outcomes.median_earnings.scope"),
    ),
    case(
        "program_size",
        &[("program_size", "13@2024@institution")],
        Some("outcomes.program_size.scope"),
    ),
    case(
        "institution_completion_rate",
        &[("institution_completion_rate", "0.5@2023")],
        Some("outcomes.institution_completion_rate.scope"),
    ),
    case(
        "institution_graduation_rate",
        &[("institution_graduation_rate", "0.5@2023@program")],
        Some("outcomes.institution_graduation_rate.scope"),
    ),
    case(
        "institution_median_earnings",
        &[("institution_median_earnings", "5@2023@institution")],
        Some("outcomes.institution_median_earnings"),
    ),
    case(
        "sources",
        &[("sources", "cost=nowhere@2023")],
        Some("source_file"),
    ),
    case(
        "employment_rate_note",
        &[("employment_rate_note", "\u{7}")],
        Some("text"),
    ),
    case(
        "exam_pass_rate_note",
        &[("exam_pass_rate_note", "\u{7}")],
        Some("text"),
    ),
    case("median_debt_note", &[("median_debt_note", "\u{7}")], Some("text")),
    case(
        "median_earnings_note",
        &[("median_earnings_note", "\u{7}")],
        Some("text"),
    ),
    case(
        "program_size_note",
        &[("program_size", "13@2024"), ("program_size_note", "\u{7}")],
        Some("text"),
    ),
    case(
        "institution_completion_rate_note",
        &[
            ("institution_completion_rate", "0.5@2023@institution"),
            ("institution_completion_rate_note", "\u{7}"),
        ],
        Some("text"),
    ),
    case(
        "institution_graduation_rate_note",
        &[
            ("institution_graduation_rate", "0.5@2023@institution"),
            ("institution_graduation_rate_note", "\u{7}"),
        ],
        Some("text"),
    ),
    case(
        "institution_median_earnings_note",
        &[
            ("institution_median_earnings", "40000@2023@institution"),
            ("institution_median_earnings_note", "\u{7}"),
        ],
        Some("text"),
    ),
];

#[test]
fn a_bad_cell_is_reported_in_its_own_column_and_line() {
    let records = catalogue_records();
    let line = 3;
    assert_eq!(records[line - 1][0], "prairie-state-him-bs");
    let untested: Vec<&String> = records[0]
        .iter()
        .filter(|name| !CASES.iter().any(|case| case.column == name.as_str()))
        .collect();
    assert!(untested.is_empty(), "columns without a case: {untested:?}");
    for Case { column, cells, field } in CASES {
        let csv = changed(&records, line, cells);
        let error = read_catalog_csv("programs.csv", csv.as_slice(), &Limits::default()).expect_err(column);
        let place = error.location().expect("located");
        assert_eq!(
            (place.line, place.column_name.as_deref()),
            (Some(line as u64), Some(*column)),
            "{cells:?}: {error}"
        );
        assert_eq!(error.field(), *field, "{cells:?}: {error}");
    }
}

#[test]
fn an_implausible_median_earnings_names_its_cell_and_value() {
    let records = catalogue_records();
    let csv = changed(&records, 3, &[("median_earnings", "5@2023")]);
    let error = read_catalog_csv("programs.csv", csv.as_slice(), &Limits::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid);
    assert_eq!(error.value(), Some("5"));
    assert!(
        error.to_string().starts_with(
            "programs.csv line 3, column median_earnings: outcomes.median_earnings: $5 is not a plausible"
        ),
        "{error}"
    );
}

#[test]
fn an_unknown_name_is_unknown_name_through_every_door() {
    let from_code = "ZZ".parse::<himkit::UsState>().unwrap_err();
    assert_eq!(from_code.kind(), ErrorKind::UnknownName);

    let profile = StudentProfile::from_json_str("me.json", "{\n  \"home_state\": \"ZZ\"\n}").unwrap_err();
    assert_eq!(profile.kind(), ErrorKind::UnknownName);
    assert_eq!((profile.field(), profile.value()), (Some("state"), Some("ZZ")));
    // At serde's position (where it finished the profile's fields), and the field's path.
    let place = profile.location().unwrap();
    assert!(place.line.is_some() && place.column.is_some(), "{profile}");
    assert_eq!(place.path.as_deref(), Some("home_state"));
    assert!(profile.to_string().ends_with(&from_code.to_string()), "{profile}");

    for (json, field, value) in [
        (
            r#"{"home_state": "OH", "degree_levels": ["phd"]}"#,
            "degree_level",
            "phd",
        ),
        (
            r#"{"home_state": "OH", "weights": {"prestige": 1}}"#,
            "criterion",
            "prestige",
        ),
        (
            r#"{"home_state": "OH", "relocation_states": ["OH", "XX"]}"#,
            "state",
            "XX",
        ),
    ] {
        let error = StudentProfile::from_json_str("me.json", json).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::UnknownName, "{error}");
        assert_eq!(
            (error.field(), error.value()),
            (Some(field), Some(value)),
            "{error}"
        );
        assert_eq!(error.location().unwrap().line, Some(1));
    }

    let mut programs: serde_json::Value =
        serde_json::from_str(&Dataset::embedded().unwrap().catalog().to_json().unwrap()).unwrap();
    programs[1]["degree_level"] = "phd".into();
    programs[2]["institution"]["state"] = "ZZ".into();
    let text = serde_json::to_string_pretty(&programs).unwrap();
    let catalog = Catalog::from_json_str("programs.json", &text).unwrap_err();
    assert_eq!(catalog.kind(), ErrorKind::UnknownName);
    assert_eq!(
        (catalog.field(), catalog.value()),
        (Some("degree_level"), Some("phd"))
    );
    let place = catalog.location().unwrap();
    assert_eq!(place.path.as_deref(), Some("[1].degree_level"));
    let line = text.lines().position(|line| line.contains("\"phd\"")).unwrap() + 1;
    assert_eq!(place.line, Some(line as u64));

    let records = catalogue_records();
    let csv = changed(&records, 2, &[("institution_state", "ZZ")]);
    let error = read_catalog_csv("programs.csv", csv.as_slice(), &Limits::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnknownName);
    assert_eq!((error.field(), error.value()), (Some("state"), Some("ZZ")));
}

#[test]
fn a_value_refused_through_serde_that_is_not_a_name_is_invalid_with_its_field() {
    let error = StudentProfile::from_json_str("me.json", r#"{"home_state": 5}"#).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid);
    assert_eq!(error.field(), None);
    let error =
        StudentProfile::from_json_str("me.json", r#"{"home_state": "OH", "weights": {"total-cost": 0}}"#)
            .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid);
    assert_eq!(
        (error.field(), error.value()),
        (Some("weights"), None),
        "no single value was refused: {error}"
    );
    assert!(error.to_string().contains("weights: all zero"), "{error}");
    // A value the model refused keeps its field and value through JSON too.
    let text =
        r#"[{"id": "x", "outcomes": {"graduation_rate": {"status": "reported", "value": 7, "year": 2024}}}]"#;
    let error = Catalog::from_json_str("programs.json", text).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid, "{error}");
    assert_eq!(
        (error.field(), error.value()),
        (Some("rate"), Some("7")),
        "{error}"
    );
    // An unknown name refused earlier on this thread is not taken for a later error.
    let _ = "ZZ".parse::<himkit::UsState>();
    let _ = serde_json::from_str::<himkit::UsState>(r#""ZZ""#);
    let error = StudentProfile::from_json_str("me.json", r#"{"home_state": ["OH"]}"#).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid, "{error}");
}

#[test]
fn json_positions_follow_one_rule() {
    // A document that ends right after a line break: serde_json says column 0, read as 1 by
    // both readers.
    let profile = StudentProfile::from_json_str("me.json", "{\"home_state\": \"OH\",\n").unwrap_err();
    let catalog = Catalog::from_json_str("programs.json", "[\n").unwrap_err();
    for error in [&profile, &catalog] {
        assert_eq!(error.kind(), ErrorKind::Malformed, "{error}");
        let place = error.location().unwrap();
        assert_eq!((place.line, place.column), (Some(2), Some(1)), "{error}");
    }
}

#[test]
fn a_chain_reporter_prints_each_cause_once() {
    // A located CSV error whose cause is the model's.
    let records = catalogue_records();
    let csv = changed(&records, 3, &[("median_earnings", "5@2023")]);
    let error = read_catalog_csv("programs.csv", csv.as_slice(), &Limits::default()).unwrap_err();
    let printed = report(&error);
    assert_eq!(
        printed.matches("is not a plausible median").count(),
        1,
        "{printed}"
    );

    // A JSON error, a model's refusal inside it and serde's own.
    for text in [
        r#"{"home_state": "ZZ"}"#,
        r#"{"home_state": 5}"#,
        r#"{"home_state": "OH""#,
    ] {
        let error = StudentProfile::from_json_str("me.json", text).unwrap_err();
        let printed = report(&error);
        let reason = error.reason();
        assert_eq!(printed.matches(reason.as_str()).count(), 1, "{printed}");
    }

    // A failure to read: the operating system's words once, and still at hand.
    let missing = std::env::temp_dir().join("himkit-no-such-dir").join("oews.csv");
    let error: Error = himkit::io::read_oews_path(&missing, &himkit::io::OewsOptions::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Io);
    let os_words = std::io::Error::from(std::io::ErrorKind::NotFound).to_string();
    let io = error.io_error().expect("the OS error");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    let printed = report(&error);
    assert_eq!(
        printed.matches(&io.to_string()).count(),
        1,
        "{printed} ({os_words})"
    );
}
