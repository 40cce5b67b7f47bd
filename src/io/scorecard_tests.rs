//! The College Scorecard readers on real published files (`tests/fixtures/federal/`, see its
//! README) and on small hand-made cases of the published layouts.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::field_reassign_with_default
)]

use crate::io::federal_table::{Control, TableOptions};
use crate::io::read::Mode;
use crate::io::scorecard::{ScorecardOptions, read_scorecard_csv};
use crate::io::scorecard_institution::{
    ScorecardInstitutionOptions, ScorecardValue, read_scorecard_institutions,
};
use crate::program::{DegreeLevel, Outcome};
use crate::value::{Money, UsState};

use crate::io::ipeds::published_tests::fixture;

fn lenient() -> ScorecardInstitutionOptions {
    ScorecardInstitutionOptions::new(TableOptions {
        mode: Mode::Lenient,
        ..TableOptions::default()
    })
}

// ---- College Scorecard -------------------------------------------------------------------

#[test]
fn scorecard_institutions_read_the_real_extract() {
    let read = read_scorecard_institutions(
        "most_recent_cohorts_institution.csv",
        &fixture("most_recent_cohorts_institution_him.csv")[..],
        &ScorecardInstitutionOptions::default(),
    )
    .unwrap();
    assert!(read.skipped.is_empty());
    // 582 institutions with an IPEDS UNITID; the 103 branch campuses are passed over.
    assert_eq!(read.items.len(), 582);
    assert!(read.items.iter().all(|row| row.branch.is_none()));
    let alabama_state = read.items.iter().find(|row| row.unitid.get() == 100_724).unwrap();
    assert_eq!(alabama_state.name.as_deref(), Some("Alabama State University"));
    assert_eq!(alabama_state.city.as_deref(), Some("Montgomery"));
    assert_eq!(alabama_state.state, Some(UsState::Alabama));
    assert_eq!(
        alabama_state.tuition_in_state,
        ScorecardValue::Value(Money::new(11_068).unwrap())
    );
    assert_eq!(
        alabama_state.tuition_out_of_state,
        ScorecardValue::Value(Money::new(19_396).unwrap())
    );
    assert_eq!(
        alabama_state.admission_rate.value().map(|rate| rate.get()),
        Some(0.9888)
    );
    assert_eq!(
        alabama_state.accreditor.as_deref(),
        Some("Southern Association of Colleges and Schools Commission on Colleges")
    );
    // An outcome column the extract does not carry is not in the file; another reads as not
    // reported.
    assert_eq!(alabama_state.median_earnings, None);
    assert_eq!(alabama_state.control, ScorecardValue::NotReported);
    // NULL is a state.
    let no_tuition = read
        .items
        .iter()
        .filter(|row| row.tuition_in_state == ScorecardValue::Null)
        .count();
    assert_eq!(no_tuition, 55);
    // The freely associated states' institutions are read.
    let palau = read.items.iter().find(|row| row.unitid.get() == 243_647).unwrap();
    assert_eq!(palau.state, Some(UsState::Palau));
}

#[test]
fn scorecard_branch_campuses_are_read_on_request() {
    let mut options = ScorecardInstitutionOptions {
        branch_campuses: true,
        ..ScorecardInstitutionOptions::default()
    };
    let read = read_scorecard_institutions(
        "most_recent_cohorts_institution.csv",
        &fixture("most_recent_cohorts_institution_him.csv")[..],
        &options,
    )
    .unwrap();
    assert!(read.skipped.is_empty());
    assert_eq!(read.items.len(), 685);
    let branches: Vec<_> = read.items.iter().filter(|row| row.branch.is_some()).collect();
    assert_eq!(branches.len(), 103);
    // Each branch carries its parent's UNITID.
    let parents: std::collections::BTreeSet<_> = read
        .items
        .iter()
        .filter(|row| row.branch.is_none())
        .map(|row| row.unitid)
        .collect();
    assert!(branches.iter().all(|row| parents.contains(&row.unitid)));

    // The UNITID filter applies to the parent's UNITID.
    let parent = branches[0].unitid;
    options.table.unitids = Some([parent].into());
    let read = read_scorecard_institutions(
        "most_recent_cohorts_institution.csv",
        &fixture("most_recent_cohorts_institution_him.csv")[..],
        &options,
    )
    .unwrap();
    assert!(read.items.len() >= 2);
    assert!(read.items.iter().all(|row| row.unitid == parent));

    // A seven- or nine-digit identifier is still refused.
    let file = "UNITID,INSTNM,CITY,STABBR\n1023680,A,Troy,AL\n102368011,B,Troy,AL\n";
    let read = read_scorecard_institutions("s.csv", file.as_bytes(), &lenient()).unwrap();
    assert_eq!(read.skipped.len(), 2);
}

#[test]
fn scorecard_institution_states() {
    let file = "UNITID,INSTNM,CITY,STABBR,CONTROL,TUITIONFEE_IN,MD_EARN_WNE_P10,C150_4,DISTANCEONLY\r\n\
                100724,A,Montgomery,AL,1,11068,PrivacySuppressed,NULL,0\r\n\
                100725,B,Montgomery,AL,3,1000.5,41000,0.5,1\r\n\
                100726,C,Montgomery,AL,1,-5,41000,0.5,1\r\n\
                100727,D,Montgomery,AL,1,100,41000,50,1\r\n\
                100728,E,Montgomery,AL,1,100,41000,0.5,2\r\n";
    let read = read_scorecard_institutions("institutions.csv", file.as_bytes(), &lenient()).unwrap();
    assert_eq!(read.items.len(), 2);
    let first = &read.items[0];
    assert_eq!(first.control, ScorecardValue::Value(Control::Public));
    assert_eq!(first.median_earnings, Some(ScorecardValue::PrivacySuppressed));
    assert_eq!(first.completion_rate, Some(ScorecardValue::Null));
    assert_eq!(first.distance_only, ScorecardValue::Value(false));
    let second = &read.items[1];
    assert_eq!(
        second.tuition_in_state.value().map(|money| money.dollars()),
        Some(1_001)
    );
    assert_eq!(second.distance_only, ScorecardValue::Value(true));
    assert_eq!(
        second
            .median_earnings
            .as_ref()
            .and_then(ScorecardValue::value)
            .map(|money| money.dollars()),
        Some(41_000)
    );
    let columns: Vec<_> = read
        .skipped
        .iter()
        .map(|row| row.location().unwrap().column_name.as_deref().unwrap())
        .collect();
    assert_eq!(columns, ["TUITIONFEE_IN", "C150_4", "DISTANCEONLY"]);
    assert_eq!(read.skipped[0].reason(), "\"-5\" is not an amount of dollars");
}

#[test]
fn the_cut_off_field_of_study_file_keeps_every_complete_row() {
    let bytes = fixture("field_of_study_AL_AZ_10cols.csv");
    let year = crate::Year::new(2022).unwrap();
    let strict = read_scorecard_csv("field_of_study.csv", &bytes[..], &ScorecardOptions::new(year));
    assert!(strict.is_err(), "strict mode stops at the cut-off row");
    let mut options = ScorecardOptions::new(year);
    options.mode = Mode::Lenient;
    let read = read_scorecard_csv("field_of_study.csv", &bytes[..], &options).unwrap();
    // 5,252 data lines, the last cut off mid-row.
    assert_eq!(read.items.len(), 5_251);
    assert_eq!(read.skipped.len(), 1);
    assert!(
        read.skipped[0].reason().contains("fields"),
        "{}",
        read.skipped[0].reason()
    );
    let last = read.items.last().unwrap();
    assert_eq!(last.unitid.get(), 105_525);
    assert_eq!(last.cip_family.to_string(), "15.10");
}

#[test]
fn a_scorecard_institution_file_as_wide_as_the_published_one_reads_with_default_limits() {
    let filler = 3_300;
    let mut header = "UNITID,INSTNM,CITY,STABBR,TUITIONFEE_IN".to_owned();
    for index in 0..filler {
        header.push_str(",X");
        header.push_str(&index.to_string());
    }
    header.push_str("\r\n");
    let row = format!(
        "100724,Alabama State University,Montgomery,AL,11068{}\r\n",
        ",NULL".repeat(filler)
    );
    let read = crate::io::scorecard_institution::read_scorecard_institutions(
        "Most-Recent-Cohorts-Institution.csv",
        format!("{header}{row}").as_bytes(),
        &ScorecardInstitutionOptions::default(),
    )
    .unwrap();
    assert_eq!(read.items.len(), 1);
    assert_eq!(
        read.items[0]
            .tuition_in_state
            .value()
            .map(|money| money.dollars()),
        Some(11_068)
    );
}

#[test]
fn scorecard_rows_keep_markers_and_leading_zeros() {
    let path = format!(
        "{}/tests/fixtures/Most-Recent-Cohorts-Field-of-Study.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let file = std::fs::File::open(&path).unwrap();
    let outcome = read_scorecard_csv(
        "fos.csv",
        file,
        &ScorecardOptions::new(crate::Year::new(2024).unwrap()),
    )
    .unwrap();
    assert_eq!(outcome.items.len(), 4);
    let associate = &outcome.items[0];
    assert_eq!(associate.level, DegreeLevel::Associate);
    assert_eq!(associate.cip_family.to_string(), "51.07");
    assert_eq!(associate.median_earnings.value().unwrap().dollars(), 40_150);
    assert_eq!(associate.median_debt.value().unwrap().dollars(), 13_250);
    let certificate = &outcome.items[1];
    assert!(matches!(certificate.median_earnings, Outcome::Suppressed { .. }));
    let bachelor = &outcome.items[2];
    assert_eq!(bachelor.median_earnings, Outcome::NotAvailable); // NULL
    assert_eq!(bachelor.median_debt.value().unwrap().dollars(), 24_501);
    assert_eq!(outcome.items[3].cip_family.to_string(), "01.01");
    let Outcome::Reported { note, .. } = &associate.median_earnings else {
        panic!()
    };
    assert!(note.as_ref().unwrap().as_str().contains("EARN_MDN_HI_2YR"));
    assert!(
        note.as_ref()
            .unwrap()
            .as_str()
            .contains("51.07 holds HIM and HIT")
    );
}
