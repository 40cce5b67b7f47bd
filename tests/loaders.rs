//! Reading the files people have: OEWS tables (CSV and XLSX), College Scorecard, catalogue CSV.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    clippy::semicolon_if_nothing_returned
)]

mod common;

use std::path::{Path, PathBuf};

use himkit::io::{
    Mode, OewsOptions, ReadOptions, attach_scorecard, read_catalog_csv, read_oews_csv, read_oews_path,
    write_catalog_csv,
};
use himkit::value::ReferencePeriod;
use himkit::wage::{Area, Employment, Percentile, Unpublished};
use himkit::{Catalog, Dataset, Error, Outcome, Wage};
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(
    name: &str,
    options: &OewsOptions,
) -> himkit::Result<himkit::io::ReadOutcome<himkit::WageStatistics>> {
    read_oews_path(&fixture(name), options)
}

fn message(error: &Error) -> String {
    error.to_string()
}

/// A College Scorecard field-of-study file read (and attached to an empty catalogue), for its
/// errors and skipped rows.
fn fos(text: &[u8], mode: Mode) -> himkit::Result<himkit::io::Attachment> {
    let mut options = ReadOptions::default();
    options.mode = mode;
    attach_scorecard(
        &Catalog::default(),
        "fos.csv",
        text,
        himkit::Year::new(2024).unwrap(),
        &options,
    )
}

#[cfg(not(feature = "xlsx"))]
#[test]
fn xlsx_without_the_feature_says_how_to_read_it() {
    let error = read_oews_path(Path::new("national_M2024_dl.xlsx"), &OewsOptions::new()).unwrap_err();
    assert!(
        message(&error).contains("needs himkit's `xlsx` feature"),
        "{error}"
    );
}

#[test]
fn a_national_oews_csv_reads_with_its_markers() {
    let outcome = read("national_M2024_dl.csv", &OewsOptions::new()).unwrap();
    assert!(outcome.skipped.is_empty());
    assert_eq!(outcome.items.len(), 7);
    let managers = &outcome.items[1];
    assert_eq!(managers.occupation().to_string(), "11-9111");
    assert_eq!(managers.period().label(), "May 2024");
    assert_eq!(*managers.area(), Area::National);
    assert_eq!(managers.employment(), Employment::Count(560_000));
    assert_eq!(managers.median().amount().unwrap().dollars(), 116_480);
    assert_eq!(managers.ownership().unwrap().code(), 1235);
    assert!(managers.industry().is_none());

    let top_coded = &outcome.items[4];
    assert_eq!(
        top_coded
            .percentiles()
            .get(Percentile::P10)
            .amount()
            .unwrap()
            .dollars(),
        166_400
    );
    assert_eq!(top_coded.median().lower_bound().unwrap().dollars(), 239_200);
    assert!(matches!(top_coded.median(), Wage::AtLeast { .. }));

    let actors = &outcome.items[5];
    assert_eq!(
        actors.employment(),
        Employment::Unavailable {
            unavailable: Unpublished::NotAvailable
        }
    );
    assert_eq!(
        actors.mean(),
        Wage::Unavailable {
            unavailable: Unpublished::NotAvailable
        }
    );

    let hospital = &outcome.items[6];
    assert_eq!(hospital.industry().unwrap().naics.as_str(), "622100");
    assert_eq!(hospital.ownership().unwrap().description(), Some("Private"));
}

#[test]
fn columns_match_by_name_in_any_case_and_extra_columns_are_ignored() {
    let outcome = read("state_M2023_dl_lowercase.csv", &OewsOptions::new()).unwrap();
    assert_eq!(outcome.items.len(), 3);
    assert_eq!(
        *outcome.items[0].area(),
        Area::State {
            state: himkit::UsState::Ohio
        }
    );
    assert!(matches!(
        outcome.items[1].area(),
        Area::Metropolitan { code: 18140, .. }
    ));
    assert!(matches!(
        outcome.items[2].area(),
        Area::Nonmetropolitan { code: 3_900_002, .. }
    ));
    assert_eq!(outcome.items[0].period().label(), "May 2023");
}

#[test]
fn filters_apply_while_reading() {
    let mut options = OewsOptions::new();
    options.occupations = vec!["29-9021".parse().unwrap()];
    let outcome = read("national_M2024_dl.csv", &options).unwrap();
    assert_eq!(outcome.items.len(), 2);
    options.industries = vec!["622100".parse().unwrap()];
    assert_eq!(read("national_M2024_dl.csv", &options).unwrap().items.len(), 1);
    let mut by_area = OewsOptions::new();
    by_area.areas = vec!["18140".to_owned()];
    assert_eq!(
        read("state_M2023_dl_lowercase.csv", &by_area)
            .unwrap()
            .items
            .len(),
        1
    );
}

#[test]
fn a_bad_number_names_file_line_column_and_value() {
    let error = read("national_M2024_bad_number.csv", &OewsOptions::new()).unwrap_err();
    let path = fixture("national_M2024_bad_number.csv").display().to_string();
    assert_eq!(
        message(&error),
        format!("{path} line 3, column A_MEDIAN: \"116,48O\" is not a whole number")
    );
}

#[test]
fn lenient_mode_keeps_good_rows_and_reports_each_skipped_one() {
    let mut options = OewsOptions::new();
    options.mode = Mode::Lenient;
    let outcome = read("national_M2024_bad_number.csv", &options).unwrap();
    assert_eq!(outcome.items.len(), 6);
    assert_eq!(outcome.skipped.len(), 1);
    assert_eq!(outcome.skipped[0].location().unwrap().line, Some(3));
    assert_eq!(outcome.skipped[0].reason(), "\"116,48O\" is not a whole number");

    let truncated = read("national_M2024_truncated.csv", &options).unwrap();
    assert_eq!(truncated.items.len(), 3);
    assert_eq!(truncated.skipped.len(), 1);
    assert!(
        truncated.skipped[0]
            .reason()
            .contains("fields where the header has 32"),
        "{:?}",
        truncated.skipped
    );
}

#[test]
fn a_truncated_file_fails_strictly_at_its_last_line() {
    let error = read("national_M2024_truncated.csv", &OewsOptions::new()).unwrap_err();
    assert!(
        message(&error).ends_with("line 5: the row has 9 fields where the header has 32"),
        "{error}"
    );
}

#[test]
fn a_missing_required_column_is_named() {
    let error = read("national_M2024_no_pct90.csv", &OewsOptions::new()).unwrap_err();
    assert!(
        message(&error).ends_with("line 1: the required column A_PCT90 is missing from the header"),
        "{error}"
    );
}

#[test]
fn an_unknown_period_or_top_code_is_an_error_not_a_guess() {
    let text = std::fs::read_to_string(fixture("national_M2024_dl.csv")).unwrap();
    let error = read_oews_csv("wages.csv", text.as_bytes(), &OewsOptions::new()).unwrap_err();
    assert!(
        message(&error).contains("the reference period is unknown"),
        "{error}"
    );
    let mut options = OewsOptions::new();
    options.period = Some(ReferencePeriod::may(2015).unwrap());
    let error = read_oews_csv("wages.csv", text.as_bytes(), &options).unwrap_err();
    assert!(
        message(&error).contains("no top-code threshold for May 2015"),
        "{error}"
    );
    options.top_code = Some(himkit::Money::new(187_200).unwrap());
    let outcome = read_oews_csv("wages.csv", text.as_bytes(), &options).unwrap();
    assert_eq!(
        outcome.items[4].median().lower_bound().unwrap().dollars(),
        187_200
    );
}

#[cfg(feature = "xlsx")]
#[test]
fn an_xlsx_workbook_reads_like_its_csv() {
    let csv_path = fixture("national_M2024_dl.csv");
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let directory = std::env::temp_dir().join(format!("himkit-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let path = directory.join("national_M2024_dl.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    // BLS workbooks carry a description sheet too; the reader must find the data sheet.
    let notes = workbook.add_worksheet().set_name("Field Descriptions").unwrap();
    notes.write_string(0, 0, "Field").unwrap();
    let sheet = workbook.add_worksheet().set_name("national_M2024_dl").unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for (column, name) in reader.headers().unwrap().iter().enumerate() {
        sheet.write_string(0, column as u16, name).unwrap();
    }
    for (row, record) in reader.records().enumerate() {
        for (column, cell) in record.unwrap().iter().enumerate() {
            let (row, column) = (row as u32 + 1, column as u16);
            // Numbers as numbers, as in the published workbooks; markers as text.
            match cell.replace(',', "").parse::<f64>() {
                Ok(number) if !cell.is_empty() && column != 4 => {
                    sheet.write_number(row, column, number).unwrap()
                }
                _ => sheet.write_string(row, column, cell).unwrap(),
            };
        }
    }
    workbook.save(&path).unwrap();
    let from_xlsx = read_oews_path(&path, &OewsOptions::new()).unwrap();
    let from_csv = read_oews_path(&csv_path, &OewsOptions::new()).unwrap();
    assert_eq!(from_xlsx.items.len(), from_csv.items.len());
    for (a, b) in from_xlsx.items.iter().zip(&from_csv.items) {
        assert_eq!(a.occupation(), b.occupation());
        assert_eq!(a.percentiles(), b.percentiles());
        assert_eq!(a.employment(), b.employment());
        assert_eq!(a.industry(), b.industry());
    }
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn scorecard_outcomes_attach_by_unitid_cip_family_and_level() {
    let dataset = Dataset::embedded().unwrap();
    let mut programs = Vec::new();
    for (id, unitid) in [
        ("lakeside-cc-hit-aas", Some(100_001)),
        ("prairie-state-him-bs", Some(100_002)),
        ("granite-hit-aas", None),
    ] {
        let mut spec = dataset.catalog().get(id).unwrap().to_spec();
        spec.institution = himkit::Institution::new(
            spec.institution.name(),
            spec.institution.state(),
            spec.institution.city(),
            unitid.map(|id| himkit::value::Unitid::new(id).unwrap()),
        )
        .unwrap();
        programs.push(himkit::Program::new(spec).unwrap());
    }
    let attachment = attach_scorecard(
        &Catalog::new(programs).unwrap(),
        "fos.csv",
        std::fs::File::open(fixture("Most-Recent-Cohorts-Field-of-Study.csv")).unwrap(),
        himkit::Year::new(2024).unwrap(),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(
        attachment
            .attached
            .iter()
            .map(himkit::ProgramId::as_str)
            .collect::<Vec<_>>(),
        ["lakeside-cc-hit-aas"]
    );
    assert!(attachment.unmatched.is_empty());
    assert_eq!(attachment.unidentified.len(), 1);
    let lakeside = attachment.catalog.get("lakeside-cc-hit-aas").unwrap();
    assert_eq!(
        lakeside.outcomes().median_earnings.value().unwrap().dollars(),
        40_150
    );
    // The program's own figure wins over the pooled one.
    let prairie = attachment.catalog.get("prairie-state-him-bs").unwrap();
    assert_eq!(
        prairie.outcomes().median_earnings.value().unwrap().dollars(),
        52_000
    );
    // A program that received a figure names its Scorecard file; one that did not, nothing new.
    let source = lakeside
        .sources()
        .get(&himkit::program::SourcedField::Outcomes)
        .unwrap();
    assert_eq!(source.file, himkit::program::SourceFile::ScorecardFieldOfStudy);
    assert!(
        prairie
            .sources()
            .get(&himkit::program::SourcedField::Outcomes)
            .is_none()
    );
}

#[test]
fn scorecard_errors_name_line_and_column() {
    let text = "UNITID,CIPCODE,CREDLEV\n100001,5107,9\n";
    let error = fos(text.as_bytes(), Mode::Strict).unwrap_err();
    assert_eq!(
        message(&error),
        "fos.csv line 2, column CREDLEV: \"9\" is not a Scorecard credential level (1 to 8)"
    );
    let error = fos("UNITID,CREDLEV\n".as_bytes(), Mode::Strict).unwrap_err();
    assert_eq!(
        message(&error),
        "fos.csv line 1: the required column CIPCODE is missing from the header"
    );
}

#[test]
fn the_embedded_catalogue_round_trips_through_csv() {
    let catalog = Dataset::embedded().unwrap().catalog().clone();
    let mut bytes = Vec::new();
    write_catalog_csv(&catalog, &mut bytes).unwrap();
    let back = read_catalog_csv("catalogue.csv", bytes.as_slice(), &himkit::io::Limits::default()).unwrap();
    assert_eq!(back, catalog);
}

#[test]
fn catalogue_csv_errors_name_line_and_column() {
    let catalog = Dataset::embedded().unwrap().catalog().clone();
    let mut bytes = Vec::new();
    write_catalog_csv(&catalog, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let broken = text.replacen(",64,145,320,", ",64,145,32O,", 1);
    let error =
        read_catalog_csv("catalogue.csv", broken.as_bytes(), &himkit::io::Limits::default()).unwrap_err();
    assert_eq!(
        message(&error),
        "catalogue.csv line 2, column out_of_state: \"32O\" is not a whole number"
    );
    let renamed = text.replacen("length_months", "length", 1);
    let error = read_catalog_csv(
        "catalogue.csv",
        renamed.as_bytes(),
        &himkit::io::Limits::default(),
    )
    .unwrap_err();
    assert!(
        message(&error).starts_with("catalogue.csv line 1: unknown column \"length\""),
        "{error}"
    );
    let mut lines: Vec<&str> = text.lines().collect();
    lines.push(lines[1]);
    let duplicated = lines.join("\n");
    let error = read_catalog_csv(
        "catalogue.csv",
        duplicated.as_bytes(),
        &himkit::io::Limits::default(),
    )
    .unwrap_err();
    assert_eq!(
        message(&error),
        format!(
            "program id \"lakeside-cc-hit-aas\" appears twice: at catalogue.csv line 2 and at catalogue.csv line {}",
            lines.len()
        )
    );
    let bad_outcome = text.replacen("0.68@2024", "68%", 1);
    let error = read_catalog_csv(
        "catalogue.csv",
        bad_outcome.as_bytes(),
        &himkit::io::Limits::default(),
    )
    .unwrap_err();
    assert!(
        message(&error).contains("column graduation_rate: \"68%\" is not an outcome"),
        "{error}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn every_catalogue_round_trips_through_csv(catalog in common::catalog(6)) {
        let mut bytes = Vec::new();
        write_catalog_csv(&catalog, &mut bytes).unwrap();
        let back = read_catalog_csv("generated.csv", bytes.as_slice(), &himkit::io::Limits::default()).unwrap();
        prop_assert_eq!(back, catalog);
    }
}

fn oews_header() -> String {
    std::fs::read_to_string(fixture("national_M2024_dl.csv"))
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned()
}

fn oews_error(row: &str) -> String {
    let text = format!("{}\n{row}\n", oews_header());
    message(&read_oews_csv("national_M2024_dl.csv", text.as_bytes(), &OewsOptions::new()).unwrap_err())
}

#[test]
fn oews_area_and_ownership_errors_name_their_column() {
    let row = "39,Ohio,5,OH,000000,Cross-industry,cross-industry,1235,29-9021,Health Information Technologists,detailed,10,1,,,,,1,50000,1,1,1,1,1,1,40000,45000,50000,55000,60000,,";
    assert_eq!(
        oews_error(row),
        "national_M2024_dl.csv line 2, column AREA_TYPE: \"5\" is not an OEWS area type (1 U.S., 2 state, 3 territory, 4 MSA, 6 nonmetropolitan)"
    );
    let row = row.replacen(",5,OH,", ",2,ZZ,", 1);
    assert!(
        oews_error(&row).contains("column PRIM_STATE: state: \"ZZ\" is not a known state"),
        "{}",
        oews_error(&row)
    );
    let row =
        row.replacen(",2,ZZ,", ",2,OH,", 1)
            .replacen("cross-industry,1235,", "cross-industry,99999,", 1);
    assert_eq!(
        oews_error(&row),
        "national_M2024_dl.csv line 2, column OWN_CODE: own_code: 99999 is not an OEWS ownership code of one to four digits"
    );
    let row = row
        .replacen("cross-industry,99999,", "cross-industry,1235,", 1)
        .replacen("29-9021", "299021", 1);
    assert_eq!(
        oews_error(&row),
        "national_M2024_dl.csv line 2, column OCC_CODE: soc_code: \"299021\" is not a SOC code of the form NN-NNNN"
    );
    let decreasing = row
        .replacen("299021", "29-9021", 1)
        .replacen("40000,45000", "40000,35000", 1);
    assert!(
        oews_error(&decreasing)
            .contains("column A_PCT25: percentiles.p25: $35,000 is below the p10 wage ($40,000)"),
        "{}",
        oews_error(&decreasing)
    );
}

#[test]
fn scorecard_amounts_must_be_dollars() {
    let text = "UNITID,CIPCODE,CREDLEV,EARN_MDN_HI_2YR\n100001,5107,2,lots\n";
    let error = fos(text.as_bytes(), Mode::Strict).unwrap_err();
    assert_eq!(
        message(&error),
        "fos.csv line 2, column EARN_MDN_HI_2YR: \"lots\" is not an amount of dollars"
    );
    let outcome = fos(text.as_bytes(), Mode::Lenient).unwrap();
    assert_eq!(outcome.skipped.len(), 1);
}

#[test]
fn catalogue_cells_are_checked_one_by_one() {
    let catalog = Dataset::embedded().unwrap().catalog().clone();
    let mut bytes = Vec::new();
    write_catalog_csv(&catalog, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let check = |from: &str, to: &str, expected: &str| {
        let changed = text.replacen(from, to, 1);
        assert_ne!(changed, text, "{from}");
        let error = message(
            &read_catalog_csv("c.csv", changed.as_bytes(), &himkit::io::Limits::default()).unwrap_err(),
        );
        assert!(error.contains(expected), "{error}");
    };
    check(
        ",per-credit,64,",
        ",monthly,64,",
        "column cost_basis: \"monthly\" is not per-credit, total, estimate or unknown",
    );
    check(
        ",true,true,false,true,",
        ",maybe,true,false,true,",
        "column professional_practice_experience: \"maybe\" is not true or false",
    );
    check(
        ",hybrid,0.6,",
        ",hybrid,,",
        "column distance_share: delivery.distance_share: is required for a hybrid program",
    );
    check(
        ",hybrid,0.6,",
        ",online,0.6,",
        "column distance_share: delivery.distance_share: 0.6 must be 1 for an online program",
    );
    check(
        "not-reported,,not-reported,",
        "not-reported,a note,not-reported,",
        "a note needs a reported value beside it",
    );
    check(
        ",OH,Dayton,",
        ",Ohio,Dayton,",
        "column institution_state: state: \"Ohio\" is not a known state",
    );
}

#[test]
fn the_catalogue_csv_fixture_is_the_embedded_catalogue() {
    let file = std::fs::File::open(fixture("catalog.csv")).unwrap();
    let catalog = read_catalog_csv("catalog.csv", file, &himkit::io::Limits::default()).unwrap();
    assert_eq!(&catalog, Dataset::embedded().unwrap().catalog());
}

#[test]
fn scorecard_rows_of_the_wrong_shape_are_skipped_and_reported_in_lenient_mode() {
    let path = fixture("Most-Recent-Cohorts-Field-of-Study.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(2, "100009,999909,Short Row College (fictional)");
    let text = lines.join("\n");
    assert_eq!(
        message(&fos(text.as_bytes(), Mode::Strict).unwrap_err()),
        "fos.csv line 3: the row has 3 fields where the header has 19"
    );
    let outcome = fos(text.as_bytes(), Mode::Lenient).unwrap();
    let whole = fos(std::fs::read(&path).unwrap().as_slice(), Mode::Lenient).unwrap();
    assert_eq!(outcome.skipped.len(), whole.skipped.len() + 1);
    let skipped = outcome
        .skipped
        .iter()
        .find(|row| row.location().unwrap().line == Some(3))
        .unwrap();
    assert_eq!(skipped.reason(), "the row has 3 fields where the header has 19");
}

/// The same text with CRLF line ends, as a Windows editor saves it.
fn crlf(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join("\r\n") + "\r\n"
}

#[test]
fn crlf_files_report_the_physical_line() {
    let oews = std::fs::read_to_string(fixture("national_M2024_bad_number.csv")).unwrap();
    let mut options = OewsOptions::new();
    options.period = Some(ReferencePeriod::may(2024).unwrap());
    for text in [oews.clone(), crlf(&oews)] {
        let error = read_oews_csv("wages.csv", text.as_bytes(), &options).unwrap_err();
        assert!(
            message(&error).starts_with("wages.csv line 3, column A_MEDIAN"),
            "{error}"
        );
    }
    let mut lenient = options.clone();
    lenient.mode = Mode::Lenient;
    let outcome = read_oews_csv("wages.csv", crlf(&oews).as_bytes(), &lenient).unwrap();
    assert_eq!(outcome.skipped[0].location().unwrap().line, Some(3));

    // A row of the wrong width, after a blank line and a quoted cell that spans two lines.
    let truncated = std::fs::read_to_string(fixture("national_M2024_truncated.csv")).unwrap();
    for text in [truncated.clone(), crlf(&truncated)] {
        let error = read_oews_csv("wages.csv", text.as_bytes(), &options).unwrap_err();
        assert!(message(&error).starts_with("wages.csv line 5:"), "{error}");
    }

    let scorecard = "UNITID,CIPCODE,CREDLEV\r\n100001,5107,2\r\n100002,\"51\r\n07\",2\r\n100003,5107,9\r\n";
    let error = fos(scorecard.as_bytes(), Mode::Strict).unwrap_err();
    assert!(
        message(&error).starts_with("fos.csv line 3, column CIPCODE"),
        "{error}"
    );

    let catalog = Dataset::embedded().unwrap().catalog().clone();
    let mut bytes = Vec::new();
    write_catalog_csv(&catalog, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let fifth = format!("Not An Id{}", &lines[4][lines[4].find(',').unwrap()..]);
    let broken = crlf(&text.replacen(lines[4], &fifth, 1));
    let error =
        read_catalog_csv("catalogue.csv", broken.as_bytes(), &himkit::io::Limits::default()).unwrap_err();
    assert!(message(&error).starts_with("catalogue.csv line 5,"), "{error}");
}

#[test]
fn a_byte_order_mark_before_a_csv_header_is_not_part_of_the_first_column() {
    let oews = std::fs::read_to_string(fixture("national_M2024_dl.csv")).unwrap();
    let mut options = OewsOptions::new();
    options.period = Some(ReferencePeriod::may(2024).unwrap());
    let plain = read_oews_csv("wages.csv", oews.as_bytes(), &options).unwrap();
    let marked = read_oews_csv("wages.csv", format!("\u{feff}{oews}").as_bytes(), &options).unwrap();
    assert_eq!(marked, plain);

    let catalog = Dataset::embedded().unwrap().catalog().clone();
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    write_catalog_csv(&catalog, &mut bytes).unwrap();
    assert_eq!(
        read_catalog_csv("catalogue.csv", bytes.as_slice(), &himkit::io::Limits::default()).unwrap(),
        catalog
    );
}

// --- Institution outcome files ------------------------------------------------------------

fn outcome_file(name: &str) -> Vec<u8> {
    std::fs::read(fixture("outcomes").join(name)).unwrap()
}

fn outcomes_of(name: &str) -> himkit::io::ReadOutcome<himkit::io::InstitutionOutcomes> {
    himkit::io::read_institution_outcomes(name, outcome_file(name).as_slice(), None, &ReadOptions::default())
        .unwrap()
}

fn row_of(
    read: &himkit::io::ReadOutcome<himkit::io::InstitutionOutcomes>,
    unitid: u32,
) -> &himkit::io::InstitutionOutcomes {
    read.items
        .iter()
        .find(|row| row.unitid.get() == unitid)
        .unwrap_or_else(|| panic!("{unitid}"))
}

#[test]
fn outcome_measures_read_with_the_published_figures() {
    let read = outcomes_of("ipeds_om2023_award_rates.csv");
    assert_eq!(read.items.len(), 6_050);
    assert!(read.skipped.is_empty());
    let columbus = row_of(&read, 202_222);
    assert_eq!(
        columbus.entering_cohort.as_ref().and_then(Outcome::value),
        Some(&8_646)
    );
    let six = columbus.award_rate_6_years.as_ref().unwrap();
    assert_eq!(six.value().map(|rate| rate.get()), Some(0.27));
    assert_eq!(
        columbus
            .award_rate_4_years
            .as_ref()
            .and_then(Outcome::value)
            .map(|rate| rate.get()),
        Some(0.23)
    );
    assert_eq!(six.scope(), Some(himkit::program::Scope::Institution));
    let Outcome::Reported { year, note, .. } = six else {
        panic!("{six:?}")
    };
    assert_eq!(year.get(), 2023);
    assert!(
        note.as_ref().unwrap().as_str().contains("entered in 2015-16"),
        "{note:?}"
    );
    assert_eq!(
        row_of(&read, 204_796)
            .award_rate_6_years
            .as_ref()
            .and_then(Outcome::value)
            .map(|rate| rate.get()),
        Some(0.8)
    );
    // The published OM layout has columns this extract lacks: none of them is made up.
    assert!(columbus.award_rate_8_years.is_none());
    assert!(columbus.graduation_rate.is_none());
}

#[test]
fn graduation_rates_take_the_newest_reported_year() {
    let read = outcomes_of("ipeds_gr_150_2016_2023.csv");
    assert_eq!(read.items.len(), 6_050);
    let columbus = row_of(&read, 202_222);
    let rate = columbus.graduation_rate.as_ref().unwrap();
    assert_eq!(rate.value().map(|rate| rate.get()), Some(0.25));
    assert!(matches!(rate, Outcome::Reported { year, .. } if year.get() == 2023));
    assert_eq!(
        columbus
            .pell_graduation_rate
            .as_ref()
            .and_then(Outcome::value)
            .map(|rate| rate.get()),
        Some(0.22)
    );
    assert_eq!(
        row_of(&read, 204_796)
            .graduation_rate
            .as_ref()
            .and_then(Outcome::value)
            .map(|rate| rate.get()),
        Some(0.88)
    );
    // A graduate-only institution has no first-time full-time cohort: not reported in any year.
    let graduate_only = row_of(&read, 487_010);
    assert!(graduate_only.graduation_rate.as_ref().unwrap().is_not_reported());
    // A row whose newest years are empty takes the newest year with a value, and says which.
    let older = read
        .items
        .iter()
        .find(|row| matches!(row.graduation_rate, Some(Outcome::Reported { year, .. }) if year.get() < 2023))
        .expect("the extract has institutions whose latest rate is older");
    assert!(
        older
            .graduation_rate
            .as_ref()
            .unwrap()
            .to_string()
            .contains("institution-wide")
    );
}

#[test]
fn scorecard_earnings_read_as_dollars_with_their_release() {
    let read = outcomes_of("scorecard_institution_earnings_2025.csv");
    assert_eq!(read.items.len() + read.filtered, 6_429);
    let columbus = row_of(&read, 202_222);
    let earnings = columbus.median_earnings_10_years.as_ref().unwrap();
    assert_eq!(earnings.value().map(|money| money.dollars()), Some(39_435));
    assert!(matches!(earnings, Outcome::Reported { year, .. } if year.get() == 2025));
    assert_eq!(
        columbus
            .median_earnings_6_years
            .as_ref()
            .and_then(Outcome::value)
            .map(|money| money.dollars()),
        Some(36_895)
    );
    assert_eq!(
        row_of(&read, 204_796)
            .median_earnings_10_years
            .as_ref()
            .and_then(Outcome::value)
            .map(|money| money.dollars()),
        Some(60_409)
    );
    // The file has no completion column: not read as "not reported".
    assert!(columbus.completion_rate.is_none());
}

#[test]
fn outcome_cells_keep_their_states_and_errors_their_place() {
    let scorecard = "UNITID,MD_EARN_WNE_P10,C150_4,C150_L4\n\
                     100001,NULL,PrivacySuppressed,NULL\n\
                     100002,,0.5,NULL\n\
                     100003,41000.0,NULL,0.25\n\
                     10000101,50000,0.9,NULL\n";
    let options = ReadOptions::default();
    let read = himkit::io::read_institution_outcomes(
        "sc.csv",
        scorecard.as_bytes(),
        Some(himkit::Year::new(2025).unwrap()),
        &options,
    )
    .unwrap();
    assert_eq!((read.items.len(), read.filtered), (3, 1)); // the branch campus is passed over
    assert_eq!(
        read.items[0].median_earnings_10_years,
        Some(Outcome::NotAvailable)
    );
    assert!(matches!(
        read.items[0].completion_rate,
        Some(Outcome::Suppressed { .. })
    ));
    assert_eq!(read.items[1].median_earnings_10_years, Some(Outcome::NotReported));
    // C150_4 is NULL at an institution under four years, whose rate is C150_L4.
    assert_eq!(
        read.items[2]
            .completion_rate
            .as_ref()
            .and_then(Outcome::value)
            .map(|rate| rate.get()),
        Some(0.25)
    );
    let om = "UnitID,Institution Name,TOTAL_COHORT_2015,PCT_AWARD_6YRS,PCT_AWARD_4YEARS\n\
              100001,A,100,50,40\n\
              100002,B,100,140,40\n";
    let error = himkit::io::read_institution_outcomes("om.csv", om.as_bytes(), None, &options).unwrap_err();
    assert_eq!(
        error.to_string(),
        "om.csv line 3, column PCT_AWARD_6YRS: 140 is not a percentage from 0 to 100"
    );
    let lenient =
        himkit::io::read_institution_outcomes("om.csv", om.as_bytes(), None, &ReadOptions::lenient())
            .unwrap();
    assert_eq!((lenient.items.len(), lenient.skipped.len()), (1, 1));
    let unknown =
        himkit::io::read_institution_outcomes("x.csv", "UNITID,NAME\n1,a\n".as_bytes(), None, &options)
            .unwrap_err();
    assert_eq!(unknown.kind(), himkit::ErrorKind::Malformed);
    let no_year = himkit::io::read_institution_outcomes(
        "drvgr.csv",
        "UNITID,GRRTTOT\n100001,40\n".as_bytes(),
        None,
        &options,
    )
    .unwrap_err();
    assert!(
        no_year
            .to_string()
            .contains("the year of this Graduation Rates file is unknown"),
        "{no_year}"
    );
    let derived = himkit::io::read_institution_outcomes(
        "drvgr2023.csv",
        "UNITID,GRRTTOT\n100001,40\n".as_bytes(),
        None,
        &options,
    )
    .unwrap();
    assert!(
        matches!(&derived.items[0].graduation_rate, Some(Outcome::Reported { year, .. }) if year.get() == 2023)
    );
}

#[test]
fn the_published_outcome_layouts_read_too() {
    // Outcome Measures as published: one row per UNITID and cohort; the total entering cohort
    // (OMCHRT 50) is the one kept, the others are passed over.
    let om = "UNITID,OMCHRT,OMACHRT,OMAWDP4,OMAWDP6,OMAWDP8\r\n\
              202222,10,3000,10,15,18\r\n\
              202222,50,8646,23,27,30\r\n\
              204796,50,12601,65,80,82\r\n";
    let read =
        himkit::io::read_institution_outcomes("om2023.csv", om.as_bytes(), None, &ReadOptions::default())
            .unwrap();
    assert_eq!((read.items.len(), read.filtered), (2, 1));
    let columbus = &read.items[0];
    assert_eq!(
        columbus.entering_cohort.as_ref().and_then(Outcome::value),
        Some(&8_646)
    );
    assert_eq!(
        columbus
            .award_rate_8_years
            .as_ref()
            .and_then(Outcome::value)
            .map(|rate| rate.get()),
        Some(0.3)
    );
    assert!(
        matches!(&columbus.award_rate_6_years, Some(Outcome::Reported { year, .. }) if year.get() == 2023)
    );
    // Without a year in the file name, the published layout needs one.
    let error = himkit::io::read_institution_outcomes("om.csv", om.as_bytes(), None, &ReadOptions::default())
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("the year of this Outcome Measures file is unknown"),
        "{error}"
    );
    let given = himkit::io::read_institution_outcomes(
        "om.csv",
        om.as_bytes(),
        Some(himkit::Year::new(2022).unwrap()),
        &ReadOptions::default(),
    )
    .unwrap();
    assert!(
        given.items[0]
            .award_rate_6_years
            .as_ref()
            .unwrap()
            .to_string()
            .contains("2022")
    );
    // DRVGR: the total graduation rate, and IPEDS's missing-value codes as states.
    let drvgr = "UNITID,GRRTTOT,PGRTT\n202222,25,22\n487010,-2,-2\n100000,-3,\n";
    let read = himkit::io::read_institution_outcomes(
        "drvgr2023.csv",
        drvgr.as_bytes(),
        None,
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(
        read.items[0]
            .pell_graduation_rate
            .as_ref()
            .and_then(Outcome::value)
            .map(|rate| rate.get()),
        Some(0.22)
    );
    assert_eq!(read.items[1].graduation_rate, Some(Outcome::NotApplicable));
    assert_eq!(read.items[2].graduation_rate, Some(Outcome::NotAvailable));
    assert_eq!(read.items[2].pell_graduation_rate, Some(Outcome::NotReported));
    // A file whose last row has no line end loses nothing.
    let cut = "UnitID,INSTITUTION,PGR2023,GR2023\n202222,Columbus,22,25";
    let read = himkit::io::read_institution_outcomes("gr.csv", cut.as_bytes(), None, &ReadOptions::default())
        .unwrap();
    assert_eq!(read.items.len(), 1);
}
