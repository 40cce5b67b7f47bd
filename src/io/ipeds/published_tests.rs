//! The IPEDS readers on real published files (`tests/fixtures/federal/`, see its README) and
//! on small hand-made cases of the published layouts.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::field_reassign_with_default
)]

use std::collections::BTreeMap;

use super::institutions::InstitutionLevel;
use crate::error::ErrorKind;
use crate::io::federal_table::Control;
use crate::io::ipeds::{
    ImputationFlag, IpedsOptions, IpedsValue, MajorNumber, read_ipeds_charges, read_ipeds_completions,
    read_ipeds_distance, read_ipeds_institutions,
};
use crate::io::read::Mode;
use crate::program::AwardLevel;
use crate::value::UsState;

pub(crate) fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/federal/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(path).unwrap()
}

pub(crate) fn lenient() -> IpedsOptions {
    let mut options = IpedsOptions::default();
    options.table.mode = Mode::Lenient;
    options
}

fn him_prefixes() -> Vec<String> {
    vec!["51.0706".to_owned(), "51.0707".to_owned()]
}

// ---- Completions -------------------------------------------------------------------------

#[test]
fn completions_2022_match_the_published_figures() {
    let mut options = IpedsOptions::default();
    options.cip_prefixes = him_prefixes();
    let read = read_ipeds_completions(
        "c2022_a.csv",
        &fixture("c2022_a_him_first_majors.csv")[..],
        &options,
    )
    .unwrap();
    assert!(read.skipped.is_empty());
    let first: Vec<_> = read
        .items
        .iter()
        .filter(|row| row.major == MajorNumber::First)
        .collect();
    assert_eq!(
        first.len(),
        read.items.len(),
        "the subset holds first majors only"
    );

    let total = |cip: &str, level: Option<AwardLevel>| -> u32 {
        first
            .iter()
            .filter(|row| row.cip.to_string() == cip && level.is_none_or(|level| row.award_level == level))
            .map(|row| *row.total.value().unwrap())
            .sum()
    };
    assert_eq!(total("51.0706", None), 2_934);
    assert_eq!(total("51.0707", None), 10_010);
    assert_eq!(total("51.0707", Some(AwardLevel::Associate)), 3_592);

    let mut by_level: BTreeMap<u8, usize> = BTreeMap::new();
    for row in &first {
        *by_level.entry(row.award_level.code()).or_default() += 1;
    }
    let expected: BTreeMap<u8, usize> = [
        (3, 367),
        (2, 199),
        (21, 160),
        (5, 118),
        (6, 34),
        (7, 32),
        (8, 6),
        (4, 4),
        (20, 4),
        (17, 1),
        (18, 1),
    ]
    .into();
    assert_eq!(by_level, expected);

    // 581 HIM institutions in 2022.
    let institutions: std::collections::BTreeSet<_> = first.iter().map(|row| row.unitid).collect();
    assert_eq!(institutions.len(), 581);
}

#[test]
fn completions_without_a_filter_read_every_row() {
    let bytes = fixture("c2022_a_him_first_majors.csv");
    let read = read_ipeds_completions("c2022_a.csv", &bytes[..], &IpedsOptions::default()).unwrap();
    let lines = bytes
        .split(|byte| *byte == b'\n')
        .filter(|line| !line.is_empty())
        .count()
        - 1;
    assert_eq!(read.items.len(), lines);
    // A reported zero is kept as a value.
    assert!(read.items.iter().any(|row| row.total == IpedsValue::Value(0)));
    // CIPCODE keeps its trailing zero.
    assert!(read.items.iter().any(|row| row.cip.to_string() == "51.0710"));
}

#[test]
fn completions_filter_by_unitid() {
    let mut options = IpedsOptions::default();
    options.table.unitids = Some(["100724".parse().unwrap()].into());
    let read = read_ipeds_completions(
        "c2022_a.csv",
        &fixture("c2022_a_him_first_majors.csv")[..],
        &options,
    )
    .unwrap();
    assert!(!read.items.is_empty());
    assert!(read.items.iter().all(|row| row.unitid.get() == 100_724));
}

/// The published layout: a flag before each count, quoted CIPCODE, CRLF, a grand total, a
/// second major and missing-value codes.
const PUBLISHED_C_A: &str = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,XCTOTALT,CTOTALT,XCTOTALM,CTOTALM,XCTOTALW,CTOTALW,XCAIANT,CAIANT\r\n\
     100724,\"51.0707\",1,3,R,12,R,2,R,10,R,0\r\n\
     100724,\"51.0707\",2,3,R,1,R,0,R,1,R,0\r\n\
     100724,\"51.0706\",1,5,Z,0,Z,0,Z,0,Z,0\r\n\
     100724,\"52.0201\",1,5,R,40,R,20,R,20,R,0\r\n\
     100724,\"99\",1,3,R,53,R,22,R,31,R,0\r\n\
     100733,\"51.0707\",1,21,A,-2,A,-1,A,-3,A,.\r\n";

#[test]
fn completions_read_the_published_layout() {
    let read =
        read_ipeds_completions("c2022_a.csv", PUBLISHED_C_A.as_bytes(), &IpedsOptions::default()).unwrap();
    assert!(read.skipped.is_empty());
    // The grand total is passed over; everything else is read.
    assert_eq!(read.items.len(), 5);
    let first = &read.items[0];
    assert_eq!(first.cip.to_string(), "51.0707");
    assert_eq!(first.total, IpedsValue::Value(12));
    assert_eq!(first.total_flag, Some(ImputationFlag::Reported));
    assert_eq!(first.men, IpedsValue::Value(2));
    assert_eq!(first.women, IpedsValue::Value(10));
    assert_eq!(read.items[1].major, MajorNumber::Second);
    assert_eq!(read.items[2].total_flag, Some(ImputationFlag::ImpliedZero));
    let coded = &read.items[4];
    assert_eq!(coded.award_level, AwardLevel::CertificateTwelveWeeksToOneYear);
    assert_eq!(coded.total, IpedsValue::NotApplicable);
    assert_eq!(coded.men, IpedsValue::NotReported);
    assert_eq!(coded.women, IpedsValue::NotAvailable);

    let mut options = IpedsOptions::default();
    options.cip_prefixes = vec!["51.07".to_owned()];
    let read = read_ipeds_completions("c2022_a.csv", PUBLISHED_C_A.as_bytes(), &options).unwrap();
    assert_eq!(read.items.len(), 4);
}

#[test]
fn a_crlf_file_reports_the_physical_line_of_a_bad_value() {
    let file = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\r\n\
                100724,51.0707,1,3,12\r\n\
                100724,51.0706,1,5,4\r\n\
                100724,51.0708,1,9,4\r\n\
                100733,51.0707,1,3,x\r\n";
    let error = read_ipeds_completions("c.csv", file.as_bytes(), &IpedsOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "c.csv line 4, column AWLEVEL: \"9\" is not an IPEDS award level (1 to 8 or 17 to 21)"
    );
    let read = read_ipeds_completions("c.csv", file.as_bytes(), &lenient()).unwrap();
    assert_eq!(read.items.len(), 2);
    let lines: Vec<_> = read
        .skipped
        .iter()
        .map(|row| row.location().unwrap().line)
        .collect();
    assert_eq!(lines, [Some(4), Some(5)]);
    assert!(
        read.skipped[1].reason().contains("\"x\" is not a whole number"),
        "{}",
        read.skipped[1].reason()
    );
}

#[test]
fn a_missing_required_column_is_named() {
    let file = "UNITID,CIPCODE,AWLEVEL,CTOTALT\n100724,51.0707,3,12\n";
    let error = read_ipeds_completions("c.csv", file.as_bytes(), &IpedsOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "c.csv line 1: the required column MAJORNUM is missing from the header"
    );
    let error = read_ipeds_charges(
        "ay.csv",
        "UNITID,TUITION2,FEE2,TUITION3\n".as_bytes(),
        &IpedsOptions::default(),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("the required column FEE3 is missing"),
        "{error}"
    );
    let error = read_ipeds_institutions(
        "hd.csv",
        "UNITID,INSTNM,CITY,CONTROL\n".as_bytes(),
        &IpedsOptions::default(),
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("the required column STABBR is missing"),
        "{error}"
    );
    let error =
        read_ipeds_distance("ic.csv", "UNITID,DISTCRS\n".as_bytes(), &IpedsOptions::default()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("the required column DISTPGS is missing"),
        "{error}"
    );
}

// ---- HD ------------------------------------------------------------------------------------

#[test]
fn hd2022_windows_1252_reads() {
    let read = read_ipeds_institutions(
        "hd2022.csv",
        &fixture("hd2022_him.csv")[..],
        &IpedsOptions::default(),
    )
    .unwrap();
    assert!(read.skipped.is_empty());
    assert_eq!(read.items.len(), 581);
    let alabama_state = read.items.iter().find(|row| row.unitid.get() == 100_724).unwrap();
    assert_eq!(alabama_state.name, "Alabama State University");
    assert_eq!(alabama_state.city, "Montgomery");
    assert_eq!(alabama_state.state, UsState::Alabama);
    assert_eq!(alabama_state.zip.as_deref(), Some("36104-0271"));
    assert_eq!(alabama_state.web_address.as_deref(), Some("www.alasu.edu/"));
    assert_eq!(alabama_state.control, Control::Public);
    assert_eq!(alabama_state.level, IpedsValue::Value(InstitutionLevel::FourYear));
    assert_eq!(alabama_state.is_active(), Some(true));
    assert_eq!(alabama_state.alias, None, "a blank \" \" alias is no alias");
    assert_eq!(alabama_state.closed_on, None, "CLOSEDAT -2 is not a date");

    // 0x96 is an en dash in Windows-1252.
    let newark = read.items.iter().find(|row| row.unitid.get() == 186_399).unwrap();
    assert!(
        newark.alias.as_deref().unwrap().contains("Rutgers–Newark"),
        "{:?}",
        newark.alias
    );
    assert_eq!(newark.name, "Rutgers University-Newark");

    let closed: Vec<_> = read.items.iter().filter(|row| row.closed_on.is_some()).collect();
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].closed_on.as_deref(), Some("02/24/2023"));

    let count = |control| read.items.iter().filter(|row| row.control == control).count();
    assert_eq!(
        (
            count(Control::Public),
            count(Control::PrivateNonprofit),
            count(Control::PrivateForProfit)
        ),
        (450, 66, 65)
    );
    assert!(
        read.items
            .iter()
            .all(|row| !row.name.contains('\u{FFFD}') && !row.name.starts_with(' '))
    );
}

#[test]
fn hd2024_utf8_with_a_bom_reads() {
    let read = read_ipeds_institutions(
        "hd2024.csv",
        &fixture("hd2024_him.csv")[..],
        &IpedsOptions::default(),
    )
    .unwrap();
    assert!(read.skipped.is_empty());
    assert_eq!(read.items.len(), 544);
    let first = &read.items[0];
    assert_eq!(first.unitid.get(), 100_724, "the BOM does not hide UNITID");
    assert_eq!(first.name, "Alabama State University");
    let newark = read.items.iter().find(|row| row.unitid.get() == 186_399).unwrap();
    assert!(
        newark.alias.as_deref().unwrap().contains("Rutgers–Newark"),
        "{:?}",
        newark.alias
    );
}

#[test]
fn hd_rows_are_checked() {
    let file = "UNITID,INSTNM,CITY,STABBR,CONTROL,ICLEVEL,CYACTIVE\r\n\
                100724,A,Montgomery,AL,1,1,1\r\n\
                100725,B,Montgomery,XX,1,1,1\r\n\
                100726,C,Montgomery,AL,4,1,1\r\n\
                100727,,Montgomery,AL,1,1,1\r\n\
                100728,E,Palikir,FM,1,-3,3\r\n";
    let read = read_ipeds_institutions("hd.csv", file.as_bytes(), &lenient()).unwrap();
    assert_eq!(read.items.len(), 2);
    assert_eq!(read.items[1].state, UsState::Micronesia);
    assert_eq!(read.items[1].level, IpedsValue::NotAvailable);
    assert_eq!(read.items[1].is_active(), Some(false));
    let skipped: Vec<_> = read
        .skipped
        .iter()
        .map(|row| {
            (
                row.location().unwrap().line,
                row.location().unwrap().column_name.clone(),
            )
        })
        .collect();
    assert_eq!(
        skipped,
        [
            (Some(3), Some("STABBR".to_owned())),
            (Some(4), Some("CONTROL".to_owned())),
            (Some(5), Some("INSTNM".to_owned())),
        ]
    );
}

// ---- IC and IC_AY --------------------------------------------------------------------------

#[test]
fn ic2022_distance_flags() {
    let read = read_ipeds_distance(
        "ic2022.csv",
        &fixture("ic2022_him.csv")[..],
        &IpedsOptions::default(),
    )
    .unwrap();
    assert!(read.skipped.is_empty());
    assert_eq!(read.items.len(), 581);
    let yes = |get: fn(&crate::io::ipeds::IpedsDistance) -> IpedsValue<bool>| {
        read.items
            .iter()
            .filter(|row| get(row) == IpedsValue::Value(true))
            .count()
    };
    assert_eq!(yes(|row| row.distance_programs), 499);
    assert_eq!(yes(|row| row.all_programs_distance), 9);
    assert_eq!(yes(|row| row.distance_courses), 554);
}

#[test]
fn ic_codes_are_states() {
    let file = "UNITID,DISTPGS,DISTCRS,DISTNCED\n100724,-1,-2,-3\n100725,0,1,2\n100726,2,1,2\n";
    let read = read_ipeds_distance("ic.csv", file.as_bytes(), &lenient()).unwrap();
    assert_eq!(read.items[0].distance_programs, IpedsValue::NotReported);
    assert_eq!(read.items[0].distance_courses, IpedsValue::NotApplicable);
    assert_eq!(read.items[0].all_programs_distance, IpedsValue::NotAvailable);
    assert_eq!(read.items[1].distance_programs, IpedsValue::Value(false));
    assert_eq!(read.items[1].all_programs_distance, IpedsValue::Value(false));
    assert_eq!(read.skipped.len(), 1);
    assert_eq!(read.skipped[0].location().unwrap().line, Some(4));
    assert_eq!(read.skipped[0].reason(), "\"2\" is not 1 (yes) or 0 (no)");
}

#[test]
fn ic2022_ay_charges() {
    let read = read_ipeds_charges(
        "ic2022_ay.csv",
        &fixture("ic2022_ay_him.csv")[..],
        &IpedsOptions::default(),
    )
    .unwrap();
    assert!(read.skipped.is_empty());
    assert_eq!(
        read.items.len(),
        534,
        "47 of the 581 HIM institutions have no IC_AY row"
    );
    let alabama_state = read.items.iter().find(|row| row.unitid.get() == 100_724).unwrap();
    let dollars = |value: IpedsValue<crate::Money>| value.value().map(|money| money.dollars());
    assert_eq!(dollars(alabama_state.in_district.tuition.value), Some(8_328));
    assert_eq!(dollars(alabama_state.in_district.fees.value), Some(2_740));
    assert_eq!(dollars(alabama_state.out_of_state.tuition.value), Some(16_656));
    assert_eq!(dollars(alabama_state.in_state.total()), Some(11_068));
    assert_eq!(dollars(alabama_state.out_of_state.total()), Some(19_396));
    assert_eq!(
        alabama_state.in_state.tuition.flag,
        Some(ImputationFlag::Reported)
    );
    assert_eq!(
        dollars(alabama_state.graduate_in_state.total()),
        Some(7_416 + 2_740)
    );

    // `.` with flag A: not applicable, never a number.
    let undergraduate_only = read
        .items
        .iter()
        .filter(|row| row.graduate_in_state.tuition.value == IpedsValue::NotApplicable)
        .count();
    assert_eq!(undergraduate_only, 373);
    assert!(read.items.iter().all(|row| {
        row.graduate_in_state.tuition.value != IpedsValue::NotApplicable
            || row.graduate_in_state.tuition.flag == Some(ImputationFlag::NotApplicable)
    }));
    // Implied zero fees are values with their flag.
    assert_eq!(
        read.items
            .iter()
            .filter(|row| row.in_state.fees.flag == Some(ImputationFlag::ImpliedZero))
            .count(),
        9
    );
}

#[test]
fn bad_flags_and_amounts_are_refused() {
    let file = "UNITID,XTUIT2,TUITION2,XFEE2,FEE2,XTUIT3,TUITION3,XFEE3,FEE3\n\
                100724,R,100,R,10,R,200,R,10\n\
                100725,Q,100,R,10,R,200,R,10\n\
                100726,R,1e3,R,10,R,200,R,10\n\
                100727,R,-2,R,10,R,200,R,10\n";
    let read = read_ipeds_charges("ay.csv", file.as_bytes(), &lenient()).unwrap();
    assert_eq!(read.items.len(), 2);
    assert_eq!(read.items[1].in_state.tuition.value, IpedsValue::NotApplicable);
    assert_eq!(read.items[1].in_state.total(), IpedsValue::NotApplicable);
    assert_eq!(
        read.skipped[0].reason(),
        "\"Q\" is not an IPEDS imputation flag (one of A B C D G H J K L N P R Z)"
    );
    assert_eq!(
        read.skipped[0].location().unwrap().column_name.as_deref(),
        Some("XTUIT2")
    );
    assert_eq!(
        read.skipped[1].location().unwrap().column_name.as_deref(),
        Some("TUITION2")
    );
    let error = read_ipeds_charges("ay.csv", file.as_bytes(), &IpedsOptions::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Invalid);
    assert!(
        error.to_string().starts_with("ay.csv line 3, column XTUIT2"),
        "{error}"
    );
}
