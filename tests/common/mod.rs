//! Proptest strategies shared by the property suites.
#![allow(dead_code)] // Each test crate uses a different part of this module.

use std::collections::BTreeMap;

use himkit::program::{
    Accreditation, AccreditationState, Accreditor, AwardLevel, CareerSupport, Cost, CostState, Delivery,
    DeliveryState, Discipline, LengthBasis, ProgramSpec, Scope, Source, SourceFile, SourcedField,
};
use himkit::value::{CipCode, Text};
use himkit::{
    AccreditationStatus, DegreeLevel, DeliveryMode, Institution, Money, Outcome, Outcomes, Program,
    ProgramId, Rate, Skill, SkillSet, UsState, Year,
};
use proptest::prelude::*;
use proptest::sample::select;

pub(crate) fn rate() -> impl Strategy<Value = Rate> {
    prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64].prop_map(|value| Rate::new(value).unwrap())
}

pub(crate) fn money(max: u64) -> impl Strategy<Value = Money> {
    (0..=max).prop_map(|dollars| Money::new(dollars).unwrap())
}

pub(crate) fn year() -> impl Strategy<Value = Year> {
    (1990u16..=2030).prop_map(|year| Year::new(year).unwrap())
}

pub(crate) fn text() -> impl Strategy<Value = Text> {
    "[A-Za-z][A-Za-z0-9 ,.()'-]{0,40}[A-Za-z)]".prop_map(|text| Text::new(&text).unwrap())
}

pub(crate) fn state() -> impl Strategy<Value = UsState> {
    select(UsState::all().collect::<Vec<_>>())
}

pub(crate) fn program_id() -> impl Strategy<Value = ProgramId> {
    "[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}".prop_map(|id| id.parse().unwrap())
}

/// A program's own outcome (or a field-of-study figure, as College Scorecard's).
pub(crate) fn outcome<T: std::fmt::Debug + Clone + 'static>(
    value: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Outcome<T>> {
    scoped_outcome(value, vec![Scope::Program, Scope::FieldOfStudy])
}

/// An outcome whose reported values have one of `scopes`, or any missing state.
pub(crate) fn scoped_outcome<T: std::fmt::Debug + Clone + 'static>(
    value: impl Strategy<Value = T> + 'static,
    scopes: Vec<Scope>,
) -> impl Strategy<Value = Outcome<T>> {
    prop_oneof![
        (value, year(), select(scopes), proptest::option::of(text())).prop_map(
            |(value, year, scope, note)| {
                Outcome::Reported {
                    value,
                    year,
                    scope,
                    note,
                }
            }
        ),
        text().prop_map(|reason| Outcome::Suppressed { reason }),
        Just(Outcome::NotReported),
        Just(Outcome::NotAvailable),
        Just(Outcome::NotApplicable),
    ]
}

/// Median annual earnings in the range the model accepts.
pub(crate) fn earnings(max: u64) -> impl Strategy<Value = Money> {
    (1_000..=max).prop_map(|dollars| Money::new(dollars).unwrap())
}

pub(crate) fn outcomes() -> impl Strategy<Value = Outcomes> {
    (
        outcome(rate()),
        outcome(rate()),
        outcome(rate()),
        outcome(money(200_000)),
        outcome(earnings(300_000)),
        outcome(0u32..5_000),
        scoped_outcome(rate(), vec![Scope::Institution]),
        scoped_outcome(rate(), vec![Scope::Institution]),
        scoped_outcome(earnings(300_000), vec![Scope::Institution]),
    )
        .prop_map(
            |(
                graduation,
                employment,
                pass,
                debt,
                earnings,
                size,
                completion,
                graduation_150,
                institution_earnings,
            )| {
                let mut outcomes = Outcomes::default();
                outcomes.institution_completion_rate = completion;
                outcomes.institution_graduation_rate = graduation_150;
                outcomes.institution_median_earnings = institution_earnings;
                outcomes.graduation_rate = graduation;
                outcomes.employment_rate = employment;
                outcomes.exam_pass_rate = pass;
                outcomes.median_debt = debt;
                outcomes.median_earnings = earnings;
                outcomes.program_size = size;
                outcomes
            },
        )
}

pub(crate) fn delivery() -> impl Strategy<Value = Delivery> {
    let states = || proptest::collection::btree_set(state(), 0..4);
    prop_oneof![
        states().prop_map(Delivery::online),
        (0.0..0.999f64, states()).prop_map(|(share, states)| Delivery::new(
            DeliveryMode::OnCampus,
            Rate::new(share).unwrap(),
            states
        )
        .unwrap()),
        (0.001..0.999f64, states()).prop_map(|(share, states)| Delivery::new(
            DeliveryMode::Hybrid,
            Rate::new(share).unwrap(),
            states
        )
        .unwrap()),
    ]
}

pub(crate) fn cost() -> impl Strategy<Value = Cost> {
    prop_oneof![
        (1u16..=160, money(2_000), money(2_000))
            .prop_map(|(credits, in_state, out)| Cost::per_credit(credits, in_state, out).unwrap()),
        (money(200_000), money(200_000)).prop_map(|(in_state, out)| Cost::total_only(in_state, out)),
        (money(60_000), money(60_000), 1u16..=120, 2015u16..2030).prop_map(
            |(in_state, out, months, year)| {
                let academic_year = format!("{year}-{:02}", (year + 1) % 100);
                Cost::estimated(
                    in_state,
                    out,
                    months,
                    &format!("IPEDS IC{year}_AY"),
                    &academic_year,
                )
                .unwrap()
            }
        ),
    ]
}

/// Every state of knowledge of a cost, mostly known.
pub(crate) fn cost_state() -> impl Strategy<Value = CostState> {
    prop_oneof![6 => cost().prop_map(CostState::Known), 1 => Just(CostState::Unknown)]
}

/// Every state of knowledge of a delivery, mostly known.
pub(crate) fn delivery_state() -> impl Strategy<Value = DeliveryState> {
    prop_oneof![
        6 => delivery().prop_map(DeliveryState::Known),
        1 => Just(DeliveryState::InstitutionOffersDistancePrograms),
        1 => Just(DeliveryState::NoDistancePrograms),
        1 => Just(DeliveryState::Unknown),
    ]
}

/// Every state of knowledge of an accreditation.
pub(crate) fn accreditation_state() -> impl Strategy<Value = AccreditationState> {
    prop_oneof![
        8 => accreditation().prop_map(|known| known.map_or(AccreditationState::None, AccreditationState::Known)),
        1 => Just(AccreditationState::NotVerified),
    ]
}

/// Recorded sources, usually none.
pub(crate) fn sources() -> impl Strategy<Value = BTreeMap<SourcedField, Source>> {
    proptest::collection::vec(
        (
            select(SourcedField::all().collect::<Vec<_>>()),
            select(SourceFile::all().collect::<Vec<_>>()),
            2000u16..2030,
        ),
        0..3,
    )
    .prop_map(|entries| {
        let mut sources = BTreeMap::new();
        for (field, file, year) in entries {
            sources.insert(field, Source::new(file, &year.to_string()).unwrap());
        }
        sources
    })
}

pub(crate) fn accreditation() -> impl Strategy<Value = Option<Accreditation>> {
    let accreditor = prop_oneof![4 => Just(Accreditor::Cahiim), 1 => text().prop_map(|name| {
        let name = format!("{name} board");
        Accreditor::Other(Text::new(&name).unwrap())
    })];
    proptest::option::weighted(
        0.8,
        (
            accreditor,
            select(AccreditationStatus::all().collect::<Vec<_>>()),
            (2000u16..=2026, 1u8..=12, 1u8..=28),
            proptest::option::of(0u16..=8),
        )
            .prop_map(|(accreditor, status, (y, m, d), ahead)| {
                let confirmed = himkit::value::Date::new(y, m, d).unwrap();
                let next = ahead.map(|ahead| Year::new(y + ahead).unwrap());
                Accreditation::new(accreditor, status, confirmed, next).unwrap()
            }),
    )
}

pub(crate) fn skills() -> impl Strategy<Value = SkillSet> {
    proptest::collection::vec(select(Skill::all().collect::<Vec<_>>()), 0..8)
        .prop_map(|skills| skills.into_iter().collect())
}

pub(crate) fn program() -> impl Strategy<Value = Program> {
    (
        (
            program_id(),
            text(),
            text(),
            state(),
            text(),
            proptest::option::of(100_000u64..=999_999),
            // Campuses anywhere in the contiguous states' box, some without coordinates.
            proptest::option::weighted(0.8, (24.5..49.0f64, -124.5..-67.0f64)),
        ),
        (
            select(DegreeLevel::all().collect::<Vec<_>>()),
            select(Discipline::all().collect::<Vec<_>>()),
            proptest::option::of((0u32..100, 0u32..10_000)),
            proptest::option::of(select(AwardLevel::all().collect::<Vec<_>>())),
        ),
        (
            delivery_state(),
            accreditation_state(),
            cost_state(),
            1u16..=120,
            prop_oneof![6 => any::<bool>().prop_map(Some), 1 => Just(None)],
            prop_oneof![4 => Just(LengthBasis::Program), 1 => Just(LengthBasis::TypicalForLevel)],
        ),
        (
            proptest::option::weighted(0.85, (any::<bool>(), any::<bool>(), any::<bool>())),
            proptest::option::weighted(0.85, skills()),
            outcomes(),
            sources(),
        ),
    )
        .prop_map(
            |(
                (id, name, institution, state, city, unitid, campus),
                (level, discipline, cip, award),
                rest,
                extra,
            )| {
                let (delivery, accreditation, cost, length_months, ppe, length_basis) = rest;
                let (support, skills, outcomes, sources) = extra;
                let career_support = support.map(|(job, alumni, networking)| {
                    let mut career_support = CareerSupport::default();
                    career_support.job_placement = job;
                    career_support.alumni_network = alumni;
                    career_support.industry_networking = networking;
                    career_support
                });
                let spec = ProgramSpec {
                    id,
                    name: name.to_string(),
                    institution: Institution::new(
                        institution.as_str(),
                        state,
                        city.as_str(),
                        unitid.map(|id| himkit::value::Unitid::new(id).unwrap()),
                    )
                    .map(|institution| match campus {
                        Some((latitude, longitude)) => institution
                            .with_coordinates(himkit::value::Coordinates::new(latitude, longitude).unwrap()),
                        None => institution,
                    })
                    .unwrap(),
                    degree_level: level,
                    // An award level where one fits the generated degree level.
                    award_level: award.filter(|award| award.degree_level() == level),
                    discipline,
                    cip: cip.map(|(series, detail)| {
                        format!("{series:02}.{detail:04}").parse::<CipCode>().unwrap()
                    }),
                    delivery,
                    accreditation,
                    cost,
                    length_months,
                    length_basis,
                    professional_practice_experience: ppe,
                    career_support,
                    skills,
                    outcomes,
                    sources,
                };
                let mut spec = spec;
                // CAHIIM does not accredit doctorates.
                if level == DegreeLevel::Doctorate
                    && spec
                        .accreditation
                        .known()
                        .is_some_and(|a| *a.accreditor() == Accreditor::Cahiim)
                {
                    spec.accreditation = AccreditationState::None;
                }
                Program::new(spec).unwrap()
            },
        )
}

/// Catalogues of up to `max` programs with unique ids.
pub(crate) fn catalog(max: usize) -> impl Strategy<Value = himkit::Catalog> {
    proptest::collection::vec(program(), 0..=max).prop_map(|programs| {
        let mut seen = std::collections::HashSet::new();
        let unique = programs
            .into_iter()
            .filter(|p| seen.insert(p.id().clone()))
            .collect();
        himkit::Catalog::new(unique).unwrap()
    })
}

pub(crate) fn profile() -> impl Strategy<Value = himkit::StudentProfile> {
    use himkit::select::{BoundsMode, Criterion, Method, MissingPolicy, ProfileSpec};
    let criteria: Vec<Criterion> = Criterion::all().collect();
    (
        (
            state(),
            proptest::collection::btree_set(state(), 0..5),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            proptest::collection::btree_set(select(DegreeLevel::all().collect::<Vec<_>>()), 0..3),
            proptest::collection::btree_set(select(DeliveryMode::all().collect::<Vec<_>>()), 0..3),
            proptest::option::of(5_000u64..200_000),
            proptest::option::of(6u16..100),
        ),
        proptest::collection::vec(prop_oneof![2 => Just(0.0), 5 => 0.0..5.0f64], criteria.len()),
        proptest::collection::vec(
            select(vec![
                MissingPolicy::Reweight,
                MissingPolicy::ScoreAsWorst,
                MissingPolicy::ExcludeProgram,
            ]),
            criteria.len(),
        ),
        (
            select(vec![Method::WeightedSum, Method::Topsis]),
            select(vec![BoundsMode::Domain, BoundsMode::Catalog]),
            skills(),
            select(DeliveryMode::all().collect::<Vec<_>>()),
            proptest::option::of(select(vec![
                himkit::Credential::Rhit,
                himkit::Credential::Rhia,
                himkit::Credential::Ccs,
            ])),
            any::<bool>(),
        ),
        // A home ZIP code (every 50th of the table, all over the country), with the home state
        // given or left to follow from it, and a distance limit.
        proptest::option::weighted(
            0.6,
            (
                select(himkit::value::ZipCode::all().step_by(50).collect::<Vec<_>>()),
                any::<bool>(),
                proptest::option::of(1.0..1_500.0f64),
            ),
        ),
    )
        .prop_filter_map(
            "weights must leave something to score",
            move |(
                (home, relocation, accreditation, ppe),
                (levels, modes, max_cost, max_length),
                mut weights,
                policies,
                rest,
                zip,
            )| {
                let (method, bounds, desired, preferred, credential, program_only) = rest;
                let mut spec = ProfileSpec::new(home);
                match zip {
                    Some((zip, with_state, limit)) => {
                        spec.home_zip = Some(zip);
                        spec.home_state = with_state.then(|| zip.state());
                        spec.max_distance_miles = limit;
                    }
                    // Distance needs a ZIP code to weigh anything.
                    None => {
                        if let Some(position) = criteria.iter().position(|c| *c == Criterion::Distance) {
                            weights[position] = 0.0;
                        }
                    }
                }
                spec.relocation_states = relocation;
                spec.require_accreditation = accreditation;
                spec.require_practice_experience = ppe;
                spec.degree_levels = levels;
                spec.delivery_modes = modes;
                spec.max_total_cost = max_cost.map(|dollars| Money::new(dollars).unwrap());
                spec.max_length_months = max_length;
                spec.weights = Some(criteria.iter().copied().zip(weights).collect());
                spec.missing = criteria.iter().copied().zip(policies).collect();
                spec.method = method;
                spec.bounds = bounds;
                spec.desired_skills = if desired.is_empty() {
                    SkillSet::all()
                } else {
                    desired
                };
                spec.preferred_delivery = Some(preferred);
                spec.target_credential = credential;
                spec.program_outcomes_only = program_only;
                himkit::StudentProfile::new(spec).ok()
            },
        )
}

/// Profiles without hard constraints, so that most programs are ranked.
pub(crate) fn lenient_profile() -> impl Strategy<Value = himkit::StudentProfile> {
    profile().prop_map(|profile| {
        let mut spec = profile.spec().clone();
        spec.require_accreditation = false;
        spec.require_practice_experience = false;
        spec.degree_levels.clear();
        spec.delivery_modes.clear();
        spec.relocation_states = UsState::all().collect();
        spec.target_credential = None;
        spec.max_total_cost = spec.max_total_cost.map(|_| Money::new(1_000_000).unwrap());
        spec.max_length_months = None;
        spec.missing
            .retain(|_, policy| *policy != himkit::select::MissingPolicy::ExcludeProgram);
        himkit::StudentProfile::new(spec).unwrap()
    })
}

/// The embedded wage table, with up to six state figures added: each a copy of one of its
/// all-industry rows for another area (and sometimes with no published median), so that the
/// state-before-national fallback of expected earnings is exercised.
pub(crate) fn wages() -> impl Strategy<Value = Vec<himkit::WageStatistics>> {
    let national = himkit::Dataset::embedded().unwrap().wages().to_vec();
    let count = national.len();
    proptest::collection::vec(
        (
            0..count,
            state(),
            proptest::option::weighted(0.9, 20_000u64..200_000),
        ),
        0..6,
    )
    .prop_map(move |extra| {
        let mut wages = national.clone();
        for (index, state, median) in extra {
            let row = &national[index];
            let median = median.map_or(himkit::Wage::NOT_IN_SOURCE, |dollars| {
                himkit::Wage::Amount(Money::new(dollars).unwrap())
            });
            let percentiles = himkit::wage::WagePercentiles::new(
                himkit::Wage::NOT_IN_SOURCE,
                himkit::Wage::NOT_IN_SOURCE,
                median,
                himkit::Wage::NOT_IN_SOURCE,
                himkit::Wage::NOT_IN_SOURCE,
            )
            .unwrap();
            wages.push(himkit::WageStatistics::new(himkit::wage::WageStatisticsSpec {
                occupation: row.occupation(),
                occupation_title: Text::new(row.occupation_title()).unwrap(),
                area: himkit::wage::Area::State { state },
                industry: row.industry().cloned(),
                ownership: row.ownership(),
                period: row.period(),
                employment: row.employment(),
                mean: row.mean(),
                percentiles,
                provenance: row.provenance().clone(),
            }));
        }
        wages
    })
}

/// [`profile`] with every unknown policy and the earnings baseline drawn too, and each hard
/// constraint kept only one time in three, so that most catalogues have ranked programs as well
/// as exclusions.
pub(crate) fn profile_with_unknowns() -> impl Strategy<Value = himkit::StudentProfile> {
    use himkit::select::{Constraint, UnknownPolicy};
    let constraints: Vec<Constraint> = Constraint::all().collect();
    (
        profile(),
        proptest::collection::vec(
            select(vec![UnknownPolicy::KeepAndFlag, UnknownPolicy::Exclude]),
            constraints.len(),
        ),
        proptest::option::of(0u64..120_000),
        proptest::collection::vec(proptest::bool::weighted(1.0 / 3.0), 9),
    )
        .prop_map(move |(profile, policies, baseline, keep)| {
            let mut spec = profile.spec().clone();
            if !keep[0] {
                spec.degree_levels.clear();
            }
            if !keep[1] {
                spec.delivery_modes.clear();
            }
            if !keep[2] {
                spec.relocation_states = UsState::all().collect();
            }
            spec.require_accreditation &= keep[3];
            if !keep[4] {
                spec.target_credential = None;
            }
            if !keep[5] {
                spec.max_total_cost = None;
            }
            if !keep[6] {
                spec.max_length_months = None;
            }
            spec.require_practice_experience &= keep[7];
            if !keep[8] {
                spec.missing
                    .retain(|_, policy| *policy != himkit::select::MissingPolicy::ExcludeProgram);
            }
            spec.unknown = constraints.iter().copied().zip(policies).collect();
            spec.earnings_baseline = baseline.map(|dollars| Money::new(dollars).unwrap());
            himkit::StudentProfile::new(spec).unwrap()
        })
}
