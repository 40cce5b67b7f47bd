//! The embedded BLS OEWS May 2024 wages, national and by state, against the published figures
//! (the facts the source files' README gives), and what they change in a ranking: expected
//! earnings are the student's state's median, or the nation's, with the reason, where BLS
//! publishes no figure for the state.

#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use himkit::select::{Criterion, EarningsSource, ProfileSpec};
use himkit::value::Confidence;
use himkit::wage::{Area, Employment, Percentile, Unpublished};
use himkit::{Dataset, HimOccupation, Money, Selector, StudentProfile, UsState, Wage, WageStatistics};

const MANAGERS: HimOccupation = HimOccupation::MedicalAndHealthServicesManagers;
const TECHNOLOGISTS: HimOccupation = HimOccupation::HealthInformationTechnologistsAndMedicalRegistrars;
const SPECIALISTS: HimOccupation = HimOccupation::MedicalRecordsSpecialists;

fn dataset() -> Dataset {
    Dataset::national().expect("the national dataset loads")
}

fn in_state(dataset: &Dataset, occupation: HimOccupation, state: UsState) -> WageStatistics {
    dataset
        .latest_wages(occupation.soc(), &Area::State { state })
        .unwrap_or_else(|| panic!("{state:?} has a {} figure", occupation.soc()))
        .clone()
}

fn dollars(wage: Wage) -> u64 {
    wage.amount().expect("an exact amount").dollars()
}

#[test]
fn state_medians_are_the_published_ones() {
    let dataset = dataset();
    let facts = [
        (TECHNOLOGISTS, UsState::Ohio, 70_620, Some(2_720)),
        (TECHNOLOGISTS, UsState::Texas, 78_060, None),
        (TECHNOLOGISTS, UsState::California, 95_340, None),
        (SPECIALISTS, UsState::Ohio, 51_420, None),
        (MANAGERS, UsState::Ohio, 105_040, None),
        (TECHNOLOGISTS, UsState::Maine, 72_500, Some(210)),
    ];
    for (occupation, state, median, employment) in facts {
        let figure = in_state(&dataset, occupation, state);
        assert_eq!(dollars(figure.median()), median, "{state:?} {}", occupation.soc());
        assert_eq!(figure.period().label(), "May 2024");
        assert_eq!(figure.industry(), None);
        // A copy of BLS's state file made by someone else: third-party, as its README says.
        assert_eq!(figure.provenance().confidence, Confidence::ThirdParty);
        if let Some(employment) = employment {
            assert_eq!(figure.employment(), Employment::Count(employment));
        }
    }
}

#[test]
fn national_may_2024_rows_are_the_workbooks_and_confirmed() {
    let dataset = dataset();
    let technologists = dataset
        .latest_national_wages(TECHNOLOGISTS.soc())
        .expect("listed");
    assert_eq!(dollars(technologists.median()), 67_310);
    assert_eq!(technologists.employment(), Employment::Count(37_620));
    let specialists = dataset.latest_national_wages(SPECIALISTS.soc()).expect("listed");
    assert_eq!(dollars(specialists.median()), 50_250);
    let managers = dataset.latest_national_wages(MANAGERS.soc()).expect("listed");
    assert_eq!(dollars(managers.median()), 117_960);
    assert_eq!(dollars(managers.percentiles().get(Percentile::P90)), 219_080);
    for figure in [technologists, specialists, managers] {
        assert_eq!(figure.period().label(), "May 2024");
        assert_eq!(*figure.area(), Area::National);
        // Cut from the workbook, every percentile and the mean are there, not only a median.
        assert!(
            figure
                .percentiles()
                .iter()
                .all(|(_, wage)| wage.amount().is_some())
        );
        assert!(figure.mean().amount().is_some());
        assert_eq!(figure.provenance().confidence, Confidence::Confirmed);
    }
}

#[test]
fn every_state_row_is_embedded() {
    let dataset = dataset();
    let states: Vec<&WageStatistics> = dataset
        .wages()
        .iter()
        .filter(|wages| matches!(wages.area(), Area::State { .. }))
        .collect();
    assert_eq!(states.len(), 159);
    let occupations: BTreeSet<String> = states.iter().map(|w| w.occupation().to_string()).collect();
    assert_eq!(occupations.len(), 3);
    // All 50 states and DC have all three occupations; Puerto Rico too; Guam two, the Virgin
    // Islands one.
    let count = |state: UsState| {
        states
            .iter()
            .filter(|w| *w.area() == Area::State { state })
            .count()
    };
    let full = UsState::all().filter(|state| count(*state) == 3).count();
    assert_eq!(full, 52);
    assert_eq!(count(UsState::Guam), 2);
    assert_eq!(count(UsState::VirginIslands), 1);
    // The employment percentages of the README: the states add up to 98–101% of the nation.
    for occupation in [MANAGERS, TECHNOLOGISTS, SPECIALISTS] {
        let sum: u64 = states
            .iter()
            .filter(|w| w.occupation() == occupation.soc())
            .filter_map(|w| w.employment().count())
            .map(u64::from)
            .sum();
        let nation = dataset
            .latest_national_wages(occupation.soc())
            .and_then(|w| w.employment().count())
            .expect("national employment");
        let percent = sum as f64 / f64::from(nation) * 100.0;
        assert!(
            (98.0..=101.0).contains(&percent),
            "{}: {percent:.1}%",
            occupation.soc()
        );
    }
}

#[test]
fn bls_codes_stay_what_they_mean() {
    let dataset = dataset();
    // `#`: California's 90th percentile for managers is above the top code, a bound.
    let california = in_state(&dataset, MANAGERS, UsState::California);
    let p90 = california.percentiles().get(Percentile::P90);
    assert_eq!(
        p90,
        Wage::AtLeast {
            at_least: Money::new(239_200).expect("valid")
        }
    );
    assert_eq!(p90.amount(), None);
    assert_eq!(p90.to_string(), "≥ $239,200");
    let top_coded = dataset
        .wages()
        .iter()
        .filter(|w| matches!(w.percentiles().get(Percentile::P90), Wage::AtLeast { .. }))
        .count();
    assert_eq!(top_coded, 13);
    // `**`: Delaware's employment is not released; its wages are.
    let delaware = in_state(&dataset, TECHNOLOGISTS, UsState::Delaware);
    assert_eq!(
        delaware.employment(),
        Employment::Unavailable {
            unavailable: Unpublished::NotAvailable
        }
    );
    assert_eq!(dollars(delaware.median()), 68_130);
}

/// A profile that keeps every level, delivery and accreditation state, and counts only a
/// program's own earnings, so that most programs fall back on the BLS figure.
fn profile(home: UsState) -> StudentProfile {
    let mut spec = ProfileSpec::new(home);
    spec.require_accreditation = false;
    spec.program_outcomes_only = true;
    StudentProfile::new(spec).expect("valid")
}

/// Each ranked program's expected earnings that come from a BLS figure: the source and the
/// amount shown.
fn bls_earnings(home: UsState) -> Vec<(EarningsSource, String)> {
    let dataset = dataset();
    let ranking = Selector::new(dataset.catalog(), dataset.wages())
        .rank(&profile(home))
        .expect("ranks");
    ranking
        .entries()
        .iter()
        .filter_map(|entry| {
            let source = entry.earnings_source()?.clone();
            let shown = entry
                .contributions()
                .iter()
                .find(|part| part.criterion == Criterion::ExpectedEarnings)?
                .value
                .clone();
            matches!(source, EarningsSource::Occupation { .. }).then_some((source, shown))
        })
        .collect()
}

#[test]
fn expected_earnings_are_the_students_states_medians() {
    let dataset = dataset();
    for home in [UsState::Ohio, UsState::Texas, UsState::Maine] {
        let earnings = bls_earnings(home);
        let mut occupations = BTreeSet::new();
        for (source, shown) in &earnings {
            let EarningsSource::Occupation {
                soc,
                area,
                no_figure_for,
                ..
            } = source
            else {
                unreachable!("kept only occupation figures")
            };
            let occupation = HimOccupation::from_soc(*soc).expect("an HIM occupation");
            let figure = in_state(&dataset, occupation, home);
            assert_eq!(*shown, figure.median().to_string(), "{home:?} {soc}");
            assert_eq!(area, home.name());
            assert_eq!(*no_figure_for, None);
            occupations.insert(*soc);
        }
        // Associate programs (29-9021) and bachelor's and master's (11-9111) at least.
        assert!(occupations.contains(&TECHNOLOGISTS.soc()), "{home:?}");
        assert!(occupations.contains(&MANAGERS.soc()), "{home:?}");
    }
    let ohio = bls_earnings(UsState::Ohio);
    let (source, shown) = ohio
        .iter()
        .find(|(source, _)| matches!(source, EarningsSource::Occupation { soc, .. } if *soc == TECHNOLOGISTS.soc()))
        .expect("an associate program");
    assert_eq!(shown, "$70,620");
    assert_eq!(
        source.to_string(),
        "BLS median for 29-9021 Health Information Technologists and Medical Registrars, Ohio, May 2024 (third-party)"
    );
}

#[test]
fn a_state_without_a_figure_falls_back_to_the_nation_and_says_why() {
    let dataset = dataset();
    assert!(
        dataset
            .latest_wages(TECHNOLOGISTS.soc(), &Area::State { state: UsState::Guam })
            .is_none()
    );
    let earnings = bls_earnings(UsState::Guam);
    let technologists: Vec<&(EarningsSource, String)> = earnings
        .iter()
        .filter(|(source, _)| matches!(source, EarningsSource::Occupation { soc, .. } if *soc == TECHNOLOGISTS.soc()))
        .collect();
    assert!(
        !technologists.is_empty(),
        "an associate program is open to a student in Guam"
    );
    for (source, shown) in technologists {
        assert_eq!(shown, "$67,310");
        assert_eq!(
            source.to_string(),
            "BLS median for 29-9021 Health Information Technologists and Medical Registrars, United States, \
             May 2024 (confirmed), the national figure: the wage data has no Guam figure for 29-9021"
        );
    }
    // Guam has a managers' figure, and it is used.
    assert!(earnings.iter().any(|(source, shown)| {
        matches!(source, EarningsSource::Occupation { soc, area, .. } if *soc == MANAGERS.soc() && area == "Guam")
            && shown == "$87,280"
    }));
}
