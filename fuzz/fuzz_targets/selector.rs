//! The selector driven by structured, arbitrary catalogues and profiles: every analysis must
//! finish without a panic, and the ranking's invariants must hold.
#![no_main]

use arbitrary::Arbitrary;
use himkit::select::{BoundsMode, Constraint, Criterion, Method, MissingPolicy, ProfileSpec, UnknownPolicy};
use himkit::{AccreditationStatus, Catalog, DegreeLevel, DeliveryMode, Institution, Money, Outcome, Outcomes, Program, Rate, Selector, SkillSet, StudentProfile, UsState, Year};
use himkit::program::{Accreditation, AccreditationState, Accreditor, Cost, CostState, Delivery, DeliveryState, Discipline, LengthBasis, ProgramSpec};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct RawProgram {
    level: u8,
    discipline: u8,
    mode: u8,
    share: f64,
    state: u8,
    status: Option<u8>,
    credits: u16,
    in_state: u32,
    out_of_state: u32,
    length: u16,
    practice: bool,
    /// Which facts are unknown: bit 0-1 delivery state, 2 accreditation not verified, 3 cost
    /// unknown, 4 cost estimated, 5 length typical for the level, 6 practice experience unknown.
    unknowns: u8,
    rates: [Option<f64>; 3],
    earnings: Option<u32>,
}

#[derive(Debug, Arbitrary)]
struct RawProfile {
    home: u8,
    weights: [f64; 10],
    policies: [u8; 10],
    topsis: bool,
    catalog_bounds: bool,
    /// One bit per constraint: exclude programs for which it is unknown.
    exclude_unknown: u8,
    max_cost: Option<u32>,
    levels: Vec<u8>,
    top: u8,
    change: f64,
}

#[derive(Debug, Arbitrary)]
struct Input {
    programs: Vec<RawProgram>,
    profile: RawProfile,
}

fn pick<T: Copy>(items: &[T], index: u8) -> T {
    items[usize::from(index) % items.len()]
}

fn program(index: usize, raw: &RawProgram) -> Option<Program> {
    let states: Vec<UsState> = UsState::all().collect();
    let levels: Vec<DegreeLevel> = DegreeLevel::all().collect();
    let disciplines: Vec<Discipline> = Discipline::all().collect();
    let modes: Vec<DeliveryMode> = DeliveryMode::all().collect();
    let statuses: Vec<AccreditationStatus> = AccreditationStatus::all().collect();
    let year = Year::new(2024).ok()?;
    let rate = |value: Option<f64>| match value.and_then(|v| Rate::new(v).ok()) {
        Some(rate) => Outcome::reported(rate, year),
        None => Outcome::NotReported,
    };
    let mut outcomes = Outcomes::default();
    outcomes.graduation_rate = rate(raw.rates[0]);
    outcomes.employment_rate = rate(raw.rates[1]);
    outcomes.exam_pass_rate = rate(raw.rates[2]);
    if let Some(earnings) = raw.earnings {
        outcomes.median_earnings = Outcome::reported(Money::new(u64::from(earnings)).ok()?, year);
    }
    let spec = ProgramSpec {
        id: format!("p{index}").parse().ok()?,
        name: "Program".to_owned(),
        institution: Institution::new("Institution", pick(&states, raw.state), "City", None).ok()?,
        degree_level: pick(&levels, raw.level),
        award_level: None,
        discipline: pick(&disciplines, raw.discipline),
        cip: None,
        delivery: match raw.unknowns & 3 {
            1 => DeliveryState::InstitutionOffersDistancePrograms,
            2 => DeliveryState::NoDistancePrograms,
            3 => DeliveryState::Unknown,
            _ => Delivery::new(pick(&modes, raw.mode), Rate::new(raw.share).ok()?, [])
                .ok()?
                .into(),
        },
        accreditation: match raw.status {
            _ if raw.unknowns & 4 != 0 => AccreditationState::NotVerified,
            Some(status) => Accreditation::new(
                Accreditor::Cahiim,
                pick(&statuses, status),
                "2025-01-01".parse().ok()?,
                None,
            )
            .ok()?
            .into(),
            None => AccreditationState::None,
        },
        cost: if raw.unknowns & 8 != 0 {
            CostState::Unknown
        } else if raw.unknowns & 16 != 0 {
            Cost::estimated(
                Money::new(u64::from(raw.in_state)).ok()?,
                Money::new(u64::from(raw.out_of_state)).ok()?,
                raw.length,
                "IPEDS IC2022_AY",
                "2022-23",
            )
            .ok()?
            .into()
        } else {
            Cost::per_credit(
                raw.credits,
                Money::new(u64::from(raw.in_state)).ok()?,
                Money::new(u64::from(raw.out_of_state)).ok()?,
            )
            .ok()?
            .into()
        },
        length_months: raw.length,
        length_basis: if raw.unknowns & 32 != 0 {
            LengthBasis::TypicalForLevel
        } else {
            LengthBasis::Program
        },
        professional_practice_experience: (raw.unknowns & 64 == 0).then_some(raw.practice),
        career_support: Some(himkit::program::CareerSupport::ALL),
        skills: Some(SkillSet::all()),
        outcomes,
        sources: std::collections::BTreeMap::new(),
    };
    Program::new(spec).ok()
}

fn profile(raw: &RawProfile) -> Option<StudentProfile> {
    let states: Vec<UsState> = UsState::all().collect();
    let levels: Vec<DegreeLevel> = DegreeLevel::all().collect();
    let policies = [
        MissingPolicy::Reweight,
        MissingPolicy::ScoreAsWorst,
        MissingPolicy::ExcludeProgram,
    ];
    let mut spec = ProfileSpec::new(pick(&states, raw.home));
    spec.weights = Some(Criterion::all().zip(raw.weights).collect());
    spec.missing = Criterion::all()
        .zip(raw.policies.iter().map(|p| pick(&policies, *p)))
        .collect();
    spec.method = if raw.topsis {
        Method::Topsis
    } else {
        Method::WeightedSum
    };
    spec.bounds = if raw.catalog_bounds {
        BoundsMode::Catalog
    } else {
        BoundsMode::Domain
    };
    spec.max_total_cost = raw.max_cost.and_then(|cost| Money::new(u64::from(cost)).ok());
    spec.degree_levels = raw.levels.iter().map(|level| pick(&levels, *level)).collect();
    spec.desired_skills = SkillSet::all();
    spec.preferred_delivery = Some(DeliveryMode::Online);
    spec.relocation_states = states.into_iter().collect();
    spec.unknown = Constraint::all()
        .enumerate()
        .map(|(bit, constraint)| {
            let exclude = raw.exclude_unknown & (1 << bit) != 0;
            (
                constraint,
                if exclude {
                    UnknownPolicy::Exclude
                } else {
                    UnknownPolicy::KeepAndFlag
                },
            )
        })
        .collect();
    StudentProfile::new(spec).ok()
}

fuzz_target!(|input: Input| {
    let programs: Vec<Program> = input
        .programs
        .iter()
        .take(64)
        .enumerate()
        .filter_map(|(i, raw)| program(i, raw))
        .collect();
    let Ok(catalog) = Catalog::new(programs) else {
        return;
    };
    let Some(profile) = profile(&input.profile) else {
        return;
    };
    let selector = Selector::new(&catalog, &[]);
    let ranking = selector.rank(&profile).expect("a valid profile ranks");
    assert_eq!(
        ranking.entries().len() + ranking.exclusions().len(),
        catalog.len()
    );
    for entry in ranking.entries() {
        assert!((0.0..=1.0).contains(&entry.score()), "{}", entry.score());
        let sum: f64 = entry.contributions().iter().map(|c| c.contribution).sum();
        assert!(
            (sum - entry.score()).abs() < 1e-9,
            "contributions {sum} vs score {}: {:?}",
            entry.score(),
            entry.contributions()
        );
    }
    let top = selector
        .rank_top(&profile, usize::from(input.profile.top))
        .expect("top ranks");
    assert!(top.entries().len() <= usize::from(input.profile.top));
    let _ = selector.sensitivity(&profile, 3, input.profile.change);
    selector.pareto(&profile).expect("a Pareto set");
    let ids: Vec<String> = catalog.iter().take(3).map(|p| p.id().to_string()).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let _ = selector.compare(&profile, &ids);
});
