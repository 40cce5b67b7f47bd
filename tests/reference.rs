//! A plain reference ranking, written straight from the documented rules (README, "How scores
//! are made"; the docs of `Method`, `MissingPolicy`, `BoundsMode`, `UnknownPolicy`, `Band` and
//! the constraints), with no caching, no columns and no streaming pass: every program is
//! checked, read and scored on its own. The selector's fast path must agree with it on
//! generated catalogues, wage tables and profiles: order, scores (to 1e-12), ranks, bands,
//! exclusions and their reasons, flags, contributions, missing criteria, earnings sources and
//! payback, for `rank` and `rank_top`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    clippy::too_many_lines
)]

mod common;

use himkit::program::{AccreditationState, DeliveryState, LengthBasis, Residency, Scope};
use himkit::select::{
    Band, BoundsMode, Constraint, Contribution, Criterion, Direction, EarningsSource, ExclusionReason, Flag,
    Method, MissingCriterion, MissingPolicy, Payback, UnknownPolicy,
};
use himkit::{
    Catalog, DeliveryMode, Eligibility, HimOccupation, Money, Outcome, Program, Ranking, Selector,
    StudentProfile, WageStatistics,
};
use proptest::prelude::*;

const TOLERANCE: f64 = 1e-12;

/// One program as the reference ranks it.
#[derive(Debug)]
struct Entry {
    id: String,
    score: f64,
    total_cost: Option<Money>,
    cost_is_estimate: bool,
    residency: Residency,
    /// `12.3 miles from 45202`, for study that may be at the campus.
    distance: Option<String>,
    contributions: Vec<Contribution>,
    missing: Vec<MissingCriterion>,
    earnings_source: Option<EarningsSource>,
    payback: Payback,
    flags: Vec<Flag>,
}

/// The reference ranking: entries best first (ties by id), exclusions in id order.
#[derive(Debug)]
struct Reference {
    criteria: Vec<(Criterion, f64)>,
    entries: Vec<Entry>,
    exclusions: Vec<(String, Vec<ExclusionReason>)>,
}

/// A criterion's value for a program: the number and how it is shown, or why there is none.
enum Value {
    Present(f64, String),
    Missing(String),
}

/// Expected earnings: the program's reported median, else the latest all-industry BLS median
/// of the occupation its level prepares for, in the home state, else national. Among figures
/// of the same period the last listed counts.
fn expected_earnings<'w>(
    program: &Program,
    profile: &StudentProfile,
    wages: &'w [WageStatistics],
) -> Option<(Money, Option<&'w WageStatistics>)> {
    let home = profile.home_state();
    // A field of study's figure counts unless the profile counts program figures only.
    if let Outcome::Reported { value, scope, .. } = &program.outcomes().median_earnings {
        if *scope == Scope::Program || !profile.spec().program_outcomes_only {
            return Some((*value, None));
        }
    }
    let soc = HimOccupation::typical_for(program.degree_level()).soc();
    let latest = |area: &himkit::wage::Area| {
        let mut best: Option<&WageStatistics> = None;
        for wage in wages {
            let usable = wage.industry().is_none()
                && wage.median().amount().is_some()
                && wage.occupation() == soc
                && wage.area() == area;
            if usable && best.is_none_or(|best| wage.period() >= best.period()) {
                best = Some(wage);
            }
        }
        best
    };
    let figure = latest(&himkit::wage::Area::State { state: home })
        .or_else(|| latest(&himkit::wage::Area::National))?;
    Some((figure.median().amount()?, Some(figure)))
}

fn value_of(
    criterion: Criterion,
    program: &Program,
    profile: &StudentProfile,
    earnings: Option<(Money, Option<&WageStatistics>)>,
) -> Value {
    const LEFT_OUT: &str = "left out: the profile counts the program's own figures only";
    let spec = profile.spec();
    let program_only = spec.program_outcomes_only;
    let rate = |outcome: &Outcome<himkit::Rate>| match outcome {
        Outcome::Reported { value, scope, .. } if *scope == Scope::Program || !program_only => {
            Value::Present(value.get(), outcome.to_string())
        }
        Outcome::Reported { .. } => Value::Missing(format!("{outcome}, {LEFT_OUT}")),
        other => Value::Missing(other.to_string()),
    };
    let outcomes = program.outcomes();
    match criterion {
        Criterion::TotalCost => {
            let residency = program.residency_for(profile.home_state());
            match program.cost().total(residency) {
                Some(total) => {
                    let estimate = program
                        .cost()
                        .known()
                        .is_some_and(himkit::program::Cost::is_estimate);
                    let shown = if estimate {
                        format!("{total} ({residency}, estimate)")
                    } else {
                        format!("{total} ({residency})")
                    };
                    Value::Present(total.dollars() as f64, shown)
                }
                None => Value::Missing("unknown (no published tuition)".to_owned()),
            }
        }
        Criterion::Length => {
            let months = program.length_months();
            let shown = if program.length_basis() == LengthBasis::Program {
                format!("{months} months")
            } else {
                format!("{months} months (typical for the level)")
            };
            Value::Present(f64::from(months), shown)
        }
        Criterion::GraduationRate => {
            // The program's own rate; else its institution's Outcome Measures rate, unless the
            // profile counts program figures only.
            let own = &outcomes.graduation_rate;
            let institution = &outcomes.institution_completion_rate;
            match (rate(own), institution) {
                (Value::Present(value, shown), _) => Value::Present(value, shown),
                (_, Outcome::Reported { value, year, .. }) if !program_only => Value::Present(
                    value.get(),
                    format!(
                        "{value} of every student who entered in {}-{:02} earned an award within 6 years; \
                         institution-wide, IPEDS Outcome Measures {year}",
                        year.get() - 8,
                        (year.get() - 7) % 100
                    ),
                ),
                (Value::Missing(why), _) if own.value().is_some() => Value::Missing(why),
                (_, Outcome::Reported { .. }) => Value::Missing(format!(
                    "{own} by the program; the institution-wide figure is {LEFT_OUT}"
                )),
                (Value::Missing(why), Outcome::NotReported) => Value::Missing(why),
                (_, other) => Value::Missing(format!("{own} by the program; institution-wide: {other}")),
            }
        }
        Criterion::EmploymentRate => rate(&outcomes.employment_rate),
        Criterion::ExamPassRate => rate(&outcomes.exam_pass_rate),
        Criterion::PracticeExperience => match program.professional_practice_experience() {
            Some(true) => Value::Present(1.0, "yes".to_owned()),
            Some(false) => Value::Present(0.0, "no".to_owned()),
            None => Value::Missing("unknown".to_owned()),
        },
        Criterion::CareerSupport => match program.career_support() {
            Some(support) => {
                let count = support.count();
                Value::Present(f64::from(count) / 3.0, format!("{count} of 3"))
            }
            None => Value::Missing("unknown".to_owned()),
        },
        Criterion::SkillCoverage => {
            let Some(skills) = program.skills() else {
                return Value::Missing("unknown".to_owned());
            };
            let wanted = spec.desired_skills;
            let covered = wanted.iter().filter(|skill| skills.contains(*skill)).count();
            let share = if wanted.is_empty() {
                0.0
            } else {
                covered as f64 / wanted.len() as f64
            };
            Value::Present(share, format!("{covered} of {}", wanted.len()))
        }
        Criterion::DeliveryPreference => {
            let target = match spec.preferred_delivery {
                Some(DeliveryMode::Online) => 1.0,
                Some(DeliveryMode::Hybrid) => 0.5,
                _ => 0.0,
            };
            match program.delivery() {
                DeliveryState::Known(delivery) => Value::Present(
                    1.0 - (delivery.distance_share().get() - target).abs(),
                    format!(
                        "{} ({} at a distance)",
                        delivery.mode(),
                        delivery.distance_share()
                    ),
                ),
                other => Value::Missing(other.to_string()),
            }
        }
        Criterion::ExpectedEarnings => match earnings {
            Some((money, _)) => Value::Present(money.dollars() as f64, money.to_string()),
            None => Value::Missing(format!(
                "{} by the program, with no BLS figure to fall back on",
                outcomes.median_earnings
            )),
        },
        Criterion::Distance => {
            let online = matches!(program.delivery(), DeliveryState::Known(delivery) if delivery.mode() == DeliveryMode::Online);
            match (online, profile.home_zip(), program.institution().coordinates()) {
                (true, ..) => Value::Missing("online study: distance does not apply".to_owned()),
                (false, None, _) => Value::Missing("no home ZIP code to measure from".to_owned()),
                (false, Some(_), None) => Value::Missing("the campus's coordinates are unknown".to_owned()),
                (false, Some(zip), Some(campus)) => {
                    let miles = zip.point().distance_miles(campus);
                    Value::Present(miles, format!("{miles:.1} miles from {zip}"))
                }
            }
        }
        Criterion::InstitutionEarnings => match &outcomes.institution_median_earnings {
            Outcome::Reported { .. } if program_only => {
                Value::Missing(format!("institution-wide, {LEFT_OUT}"))
            }
            Outcome::Reported { value, year, .. } => Value::Present(
                value.dollars() as f64,
                format!("{value} (median 10 years after entry; institution-wide, College Scorecard {year})"),
            ),
            other => Value::Missing(other.to_string()),
        },
    }
}

/// Every hard constraint `program` fails, and the flags of those whose answer is unknown and
/// which the profile keeps.
fn constraints(program: &Program, profile: &StudentProfile) -> (Vec<ExclusionReason>, Vec<Flag>) {
    let spec = profile.spec();
    let mut reasons = Vec::new();
    let mut flags = Vec::new();
    let mut unknown = |reasons: &mut Vec<ExclusionReason>, constraint: Constraint, why: String| match profile
        .unknown_policy(constraint)
    {
        UnknownPolicy::Exclude => reasons.push(ExclusionReason::Unknown {
            unknown: constraint,
            why,
        }),
        UnknownPolicy::KeepAndFlag => flags.push(Flag { constraint, why }),
    };
    // Degree level.
    if !spec.degree_levels.is_empty() && !spec.degree_levels.contains(&program.degree_level()) {
        reasons.push(ExclusionReason::DegreeLevel {
            level: program.degree_level(),
        });
    }
    // Delivery mode and location: online study is open from home unless the program cannot
    // enrol from the home state; campus and hybrid study must be within reach: at home or in a
    // relocation state, or, with a home ZIP code and a distance limit, within the limit (great-
    // circle miles, by the haversine formula) or in a relocation state.
    let home = profile.home_state();
    let campus = program.institution().state();
    let zip = profile.home_zip();
    let limit = spec.max_distance_miles.filter(|_| zip.is_some());
    let miles = zip
        .zip(program.institution().coordinates())
        .map(|(zip, point)| zip.point().distance_miles(point));
    // None: unknown, a distance limit and a campus without coordinates.
    let in_reach: Option<bool> = match limit {
        None => Some(campus == home || spec.relocation_states.contains(&campus)),
        Some(_) if spec.relocation_states.contains(&campus) => Some(true),
        Some(limit) => miles.map(|miles| miles <= limit),
    };
    let out_of_reach = || match (limit, miles, zip) {
        (Some(limit), Some(miles), Some(from)) => ExclusionReason::CampusTooFar {
            miles: (miles * 10.0).round() / 10.0,
            from,
            limit,
            state: campus,
        },
        _ => ExclusionReason::CampusOutOfReach { state: campus },
    };
    let no_coordinates = |zip: Option<himkit::value::ZipCode>| {
        format!(
            "the campus in {campus} has no known coordinates, so whether it is within reach of {} is unknown",
            zip.map(|zip| zip.to_string()).unwrap_or_default()
        )
    };
    match program.delivery() {
        DeliveryState::Known(delivery) => {
            let mode = delivery.mode();
            if !spec.delivery_modes.is_empty() && !spec.delivery_modes.contains(&mode) {
                reasons.push(ExclusionReason::DeliveryMode { mode });
            }
            if mode == DeliveryMode::Online {
                if !delivery.can_enrol_from(home) {
                    reasons.push(ExclusionReason::CannotEnrolFromState { state: home });
                }
            } else {
                match in_reach {
                    Some(true) => {}
                    Some(false) => reasons.push(out_of_reach()),
                    None => unknown(&mut reasons, Constraint::Location, no_coordinates(zip)),
                }
            }
        }
        state => {
            if !spec.delivery_modes.is_empty() {
                if spec.delivery_modes.iter().any(|mode| state.might_be(*mode)) {
                    unknown(
                        &mut reasons,
                        Constraint::DeliveryMode,
                        format!("delivery {state}"),
                    );
                } else {
                    reasons.push(ExclusionReason::NotOnline);
                }
            }
            // A student who does not accept online study would study at the campus.
            let online_accepted =
                spec.delivery_modes.is_empty() || spec.delivery_modes.contains(&DeliveryMode::Online);
            if in_reach != Some(true) {
                if state.might_be(DeliveryMode::Online) && online_accepted {
                    let why = match (in_reach, zip) {
                        (None, Some(zip)) => format!(
                            "the campus in {campus} has no known coordinates to measure from {zip}, and whether the program can be studied online from {home} is unknown"
                        ),
                        _ => format!(
                            "the campus is in {campus}, and whether the program can be studied online from {home} is unknown"
                        ),
                    };
                    unknown(&mut reasons, Constraint::Location, why);
                } else if in_reach == Some(false) {
                    reasons.push(out_of_reach());
                } else {
                    unknown(&mut reasons, Constraint::Location, no_coordinates(zip));
                }
            }
        }
    }
    // Accreditation that counts for credentials.
    if spec.require_accreditation {
        match program.accreditation() {
            AccreditationState::Known(accreditation) => {
                if !accreditation.counts_for_credential_eligibility() {
                    reasons.push(ExclusionReason::NotAccredited {
                        detail: format!("{} {}", accreditation.accreditor(), accreditation.status()),
                    });
                }
            }
            AccreditationState::NotVerified => unknown(
                &mut reasons,
                Constraint::Accreditation,
                "accreditation not verified: check the CAHIIM program directory".to_owned(),
            ),
            _ => reasons.push(ExclusionReason::NotAccredited {
                detail: "no programmatic accreditation".to_owned(),
            }),
        }
    }
    // Target credential.
    if let Some(credential) = spec.target_credential {
        match program.eligibility(credential) {
            Eligibility::Eligible { .. } | Eligibility::NoProgramRequired => {}
            Eligibility::NotEligible { reasons: why } => {
                reasons.push(ExclusionReason::NotEligibleForCredential {
                    credential,
                    reasons: why.iter().map(ToString::to_string).collect(),
                });
            }
            Eligibility::Unknown { reason } => unknown(
                &mut reasons,
                Constraint::Credential,
                format!("eligibility for {} unknown: {reason}", credential.abbreviation()),
            ),
            _ => reasons.push(ExclusionReason::NotEligibleForCredential {
                credential,
                reasons: vec!["himkit has no confirmed eligibility rule for this credential".to_owned()],
            }),
        }
    }
    // Total cost, for this student's residency.
    if let Some(limit) = spec.max_total_cost {
        let residency = program.residency_for(profile.home_state());
        match program.cost().total(residency) {
            Some(total) if total > limit => reasons.push(ExclusionReason::TooExpensive {
                total,
                residency,
                estimate: program
                    .cost()
                    .known()
                    .is_some_and(himkit::program::Cost::is_estimate),
                limit,
            }),
            Some(_) => {}
            None => unknown(&mut reasons, Constraint::TotalCost, "cost unknown".to_owned()),
        }
    }
    // Length: a typical length is not the program's own.
    if let Some(limit) = spec.max_length_months {
        let months = program.length_months();
        if program.length_basis() != LengthBasis::Program {
            unknown(
                &mut reasons,
                Constraint::Length,
                format!("length not published; {months} months is typical for the level"),
            );
        } else if months > limit {
            reasons.push(ExclusionReason::TooLong { months, limit });
        }
    }
    // Practice experience.
    if spec.require_practice_experience {
        match program.professional_practice_experience() {
            Some(true) => {}
            Some(false) => reasons.push(ExclusionReason::NoPracticeExperience),
            None => unknown(
                &mut reasons,
                Constraint::PracticeExperience,
                "whether a professional practice experience is included is unknown".to_owned(),
            ),
        }
    }
    (reasons, flags)
}

/// Normalises against a range: 0 at `worst`, 1 at `best`, clamped; an empty range gives 0.
fn normalise(value: f64, worst: f64, best: f64) -> f64 {
    if best == worst {
        0.0
    } else {
        ((value - worst) / (best - worst)).clamp(0.0, 1.0)
    }
}

fn reference(catalog: &Catalog, wages: &[WageStatistics], profile: &StudentProfile) -> Reference {
    let spec = profile.spec();
    let mut programs: Vec<&Program> = catalog.iter().collect();
    programs.sort_by(|a, b| a.id().cmp(b.id()));
    let home = profile.home_state();
    let weighted: Vec<Criterion> = Criterion::all().filter(|c| profile.weight(*c) > 0.0).collect();
    let total: f64 = weighted.iter().map(|c| profile.weight(*c)).sum();
    let weights: Vec<f64> = weighted.iter().map(|c| profile.weight(*c) / total).collect();
    let values = |program: &Program| -> Vec<Value> {
        let earnings = expected_earnings(program, profile, wages);
        weighted
            .iter()
            .map(|criterion| value_of(*criterion, program, profile, earnings))
            .collect()
    };
    // Bounds: the domain's, or the worst and best present values of the whole catalogue.
    let bounds: Vec<(f64, f64)> = weighted
        .iter()
        .enumerate()
        .map(|(column, criterion)| match spec.bounds {
            BoundsMode::Domain => {
                let b = profile.domain_bounds(*criterion);
                (b.worst, b.best)
            }
            BoundsMode::Catalog => {
                let present: Vec<f64> = programs
                    .iter()
                    .filter_map(|program| match &values(program)[column] {
                        Value::Present(raw, _) => Some(*raw),
                        Value::Missing(_) => None,
                    })
                    .collect();
                if present.is_empty() {
                    return (0.0, 0.0);
                }
                let low = present.iter().copied().fold(f64::INFINITY, f64::min);
                let high = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                match criterion.direction() {
                    Direction::Benefit => (low, high),
                    Direction::Cost => (high, low),
                }
            }
        })
        .collect();
    let mut entries = Vec::new();
    let mut exclusions = Vec::new();
    for program in programs {
        let (mut reasons, flags) = constraints(program, profile);
        let values = values(program);
        let mut anything = false;
        for (criterion, value) in weighted.iter().zip(&values) {
            match (value, profile.missing_policy(*criterion)) {
                (Value::Missing(why), MissingPolicy::ExcludeProgram) => {
                    reasons.push(ExclusionReason::MissingCriterion {
                        criterion: *criterion,
                        why: why.clone(),
                    });
                }
                (Value::Missing(_), MissingPolicy::Reweight) => {}
                _ => anything = true,
            }
        }
        if !anything && reasons.is_empty() {
            reasons.push(ExclusionReason::NothingToScore);
        }
        if !reasons.is_empty() {
            exclusions.push((program.id().to_string(), reasons));
            continue;
        }
        // Normalised values; a missing one is 0 under score-as-worst and left out under
        // reweight, with the weights of the others scaled up.
        let normalised: Vec<Option<f64>> = weighted
            .iter()
            .zip(&values)
            .zip(&bounds)
            .map(|((criterion, value), (worst, best))| match value {
                Value::Present(raw, _) => Some(normalise(*raw, *worst, *best)),
                Value::Missing(_) => {
                    (profile.missing_policy(*criterion) == MissingPolicy::ScoreAsWorst).then_some(0.0)
                }
            })
            .collect();
        let present: f64 = normalised
            .iter()
            .zip(&weights)
            .filter(|(value, _)| value.is_some())
            .map(|(_, weight)| weight)
            .sum();
        let own_weights: Vec<f64> = weights.iter().map(|weight| weight / present).collect();
        let parts: Vec<Option<f64>> = normalised
            .iter()
            .zip(&own_weights)
            .map(|(value, weight)| value.map(|value| value * weight))
            .collect();
        let (score, contributions): (f64, Vec<Option<f64>>) = match spec.method {
            Method::WeightedSum => (parts.iter().flatten().sum::<f64>().min(1.0), parts.clone()),
            Method::Topsis => {
                let mut to_anti = 0.0;
                let mut to_ideal = 0.0;
                for (part, weight) in parts.iter().zip(&own_weights) {
                    if let Some(part) = part {
                        to_anti += part * part;
                        to_ideal += (weight - part) * (weight - part);
                    }
                }
                let (to_anti, to_ideal) = (to_anti.sqrt(), to_ideal.sqrt());
                let score = if to_anti + to_ideal > 0.0 {
                    to_anti / (to_anti + to_ideal)
                } else {
                    0.0
                };
                let sum: f64 = parts.iter().flatten().sum();
                let shares = parts
                    .iter()
                    .map(|part| part.map(|part| if sum > 0.0 { score * part / sum } else { 0.0 }))
                    .collect();
                (score, shares)
            }
        };
        let mut shown_contributions = Vec::new();
        let mut missing = Vec::new();
        for ((((criterion, value), normalised), weight), contribution) in weighted
            .iter()
            .zip(&values)
            .zip(&normalised)
            .zip(&own_weights)
            .zip(&contributions)
        {
            match (value, contribution) {
                (Value::Present(_, shown), Some(contribution)) => shown_contributions.push(Contribution {
                    criterion: *criterion,
                    value: shown.clone(),
                    normalised: normalised.unwrap_or(0.0),
                    weight: *weight,
                    contribution: *contribution,
                }),
                (Value::Missing(why), contribution) => {
                    if let Some(contribution) = contribution {
                        shown_contributions.push(Contribution {
                            criterion: *criterion,
                            value: "n/a".to_owned(),
                            normalised: 0.0,
                            weight: *weight,
                            contribution: *contribution,
                        });
                    }
                    missing.push(MissingCriterion {
                        criterion: *criterion,
                        why: why.clone(),
                        treatment: profile.missing_policy(*criterion),
                    });
                }
                (Value::Present(..), None) => unreachable!("a present value always counts"),
            }
        }
        let residency = program.residency_for(home);
        let total_cost = program.cost().total(residency);
        let earnings = expected_earnings(program, profile, wages);
        let earnings_source = earnings.and_then(|(_, figure)| match figure {
            None => match &program.outcomes().median_earnings {
                Outcome::Reported {
                    year, scope, note, ..
                } => Some(EarningsSource::Program {
                    year: year.get(),
                    scope: *scope,
                    note: note.as_ref().map(ToString::to_string),
                }),
                _ => None,
            },
            Some(figure) => Some(EarningsSource::Occupation {
                soc: figure.occupation(),
                title: HimOccupation::from_soc(figure.occupation())
                    .map_or_else(|| figure.occupation_title().to_owned(), |o| o.title().to_owned()),
                area: figure.area().to_string(),
                period: figure.period(),
                confidence: figure.provenance().confidence,
                no_figure_for: (*figure.area() == himkit::wage::Area::National).then_some(home),
            }),
        });
        let baseline = profile.earnings_baseline();
        let payback = match earnings {
            None => Payback::EarningsUnknown,
            Some((earnings, _)) if earnings.dollars() > baseline.dollars() => match total_cost {
                Some(cost) => Payback::Years {
                    years: cost.dollars() as f64 / (earnings.dollars() - baseline.dollars()) as f64,
                },
                None => Payback::CostUnknown,
            },
            Some((earnings, _)) => Payback::NotAboveBaseline { earnings, baseline },
        };
        entries.push(Entry {
            id: program.id().to_string(),
            score,
            total_cost,
            cost_is_estimate: program
                .cost()
                .known()
                .is_some_and(himkit::program::Cost::is_estimate),
            residency,
            distance: match value_of(Criterion::Distance, program, profile, None) {
                Value::Present(_, shown) => Some(shown),
                Value::Missing(_) => None,
            },
            contributions: shown_contributions,
            missing,
            earnings_source,
            payback,
            flags,
        });
    }
    // Best first; equal scores by id (entries are already in id order, and the sort is stable).
    entries.sort_by(|a, b| b.score.total_cmp(&a.score));
    Reference {
        criteria: weighted.into_iter().zip(weights).collect(),
        entries,
        exclusions,
    }
}

/// `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOLERANCE
}

/// Checks a full ranking against the reference.
fn check_against(ranking: &Ranking, expected: &Reference, out_of: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(ranking.out_of(), out_of);
    prop_assert_eq!(ranking.criteria().len(), expected.criteria.len());
    for (criterion, (want, want_weight)) in ranking.criteria().iter().zip(&expected.criteria) {
        prop_assert_eq!(criterion, want);
        let weight = ranking.weight(*criterion);
        prop_assert!(
            close(weight, *want_weight),
            "{criterion}: {weight} vs {want_weight}"
        );
    }
    let exclusions: Vec<(String, Vec<ExclusionReason>)> = ranking
        .exclusions()
        .iter()
        .map(|e| (e.id().to_string(), e.reasons().to_vec()))
        .collect();
    prop_assert_eq!(&exclusions, &expected.exclusions);
    prop_assert_eq!(ranking.entries().len(), expected.entries.len());
    let reference_score = |id: &str| {
        expected
            .entries
            .iter()
            .find(|entry| entry.id == id)
            .map(|entry| entry.score)
    };
    for (position, entry) in ranking.entries().iter().enumerate() {
        let want = expected
            .entries
            .iter()
            .find(|want| want.id == entry.id().as_str());
        let Some(want) = want else {
            return Err(TestCaseError::fail(format!(
                "{} is not ranked by the reference",
                entry.id()
            )));
        };
        prop_assert!(
            close(entry.score(), want.score),
            "{}: {} vs {}",
            entry.id(),
            entry.score(),
            want.score
        );
        prop_assert_eq!(entry.band(), Band::of(entry.score()));
        if (want.score - 0.75).abs() > TOLERANCE && (want.score - 0.55).abs() > TOLERANCE {
            prop_assert_eq!(entry.band(), Band::of(want.score));
        }
        // The order follows the reference scores; only scores within the tolerance may swap.
        if let Some(next) = ranking.entries().get(position + 1) {
            let (a, b) = (
                reference_score(entry.id().as_str()).unwrap(),
                reference_score(next.id().as_str()).unwrap(),
            );
            prop_assert!(
                a >= b - TOLERANCE,
                "{} ({a}) before {} ({b})",
                entry.id(),
                next.id()
            );
            if entry.score() == next.score() {
                prop_assert!(entry.id() < next.id(), "equal scores in id order");
                prop_assert_eq!(entry.rank(), next.rank());
            } else {
                prop_assert_eq!(next.rank() as usize, position + 2);
            }
        }
        // The competition rank: one more than the programs that score more, up to the tolerance.
        let above = |margin: f64| {
            expected
                .entries
                .iter()
                .filter(|other| other.score > want.score + margin)
                .count()
        };
        let rank = entry.rank() as usize;
        prop_assert!(
            (above(TOLERANCE) + 1..=above(-TOLERANCE) + 1).contains(&rank),
            "{}: rank {rank}",
            entry.id()
        );
        prop_assert_eq!(entry.total_cost(), want.total_cost);
        prop_assert_eq!(entry.cost_is_estimate(), want.cost_is_estimate);
        prop_assert_eq!(entry.residency(), want.residency);
        prop_assert_eq!(
            entry.distance().map(|distance| distance.to_string()),
            want.distance.clone()
        );
        prop_assert_eq!(entry.flags(), want.flags.as_slice());
        prop_assert_eq!(entry.missing(), want.missing.as_slice());
        prop_assert_eq!(entry.earnings_source(), want.earnings_source.as_ref());
        match (entry.payback(), &want.payback) {
            (Payback::Years { years }, Payback::Years { years: want_years }) => {
                prop_assert!((years - want_years).abs() <= TOLERANCE * want_years.max(1.0));
            }
            (got, want) => prop_assert_eq!(got, want),
        }
        prop_assert_eq!(
            entry.contributions().len(),
            want.contributions.len(),
            "{}",
            entry.id()
        );
        for (got, want) in entry.contributions().iter().zip(&want.contributions) {
            prop_assert_eq!(got.criterion, want.criterion);
            prop_assert_eq!(&got.value, &want.value);
            prop_assert!(close(got.normalised, want.normalised), "{:?} vs {:?}", got, want);
            prop_assert!(close(got.weight, want.weight), "{:?} vs {:?}", got, want);
            prop_assert!(
                close(got.contribution, want.contribution),
                "{:?} vs {:?}",
                got,
                want
            );
        }
    }
    Ok(())
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=10000 runs deeper.
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn rank_and_rank_top_agree_with_the_reference(
        catalog in common::catalog(14),
        wages in common::wages(),
        profile in common::profile_with_unknowns(),
        top in 0usize..16,
    ) {
        let selector = Selector::new(&catalog, &wages);
        let expected = reference(&catalog, &wages, &profile);
        let ranking = selector.rank(&profile).unwrap();
        check_against(&ranking, &expected, catalog.len())?;
        let best = selector.rank_top(&profile, top).unwrap();
        let keep = top.min(ranking.entries().len());
        prop_assert_eq!(best.entries(), &ranking.entries()[..keep]);
        prop_assert_eq!(best.exclusions(), ranking.exclusions());
        prop_assert_eq!(best.criteria(), ranking.criteria());
        prop_assert_eq!(best.out_of(), ranking.out_of());
    }

    #[test]
    fn lenient_profiles_rank_most_programs_as_the_reference_does(
        catalog in common::catalog(24),
        wages in common::wages(),
        profile in common::lenient_profile(),
    ) {
        let selector = Selector::new(&catalog, &wages);
        let expected = reference(&catalog, &wages, &profile);
        check_against(&selector.rank(&profile).unwrap(), &expected, catalog.len())?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    /// A batch gives each profile's own ranking, in profile order (with or without the
    /// `parallel` feature: CI runs both).
    #[test]
    fn rank_many_gives_each_profile_its_rank_top_in_order(
        catalog in common::catalog(12),
        wages in common::wages(),
        profiles in proptest::collection::vec(common::profile_with_unknowns(), 0..40),
        top in 0usize..8,
    ) {
        let selector = Selector::new(&catalog, &wages);
        let batch = selector.rank_many(&profiles, top);
        prop_assert_eq!(batch.len(), profiles.len());
        for (profile, ranking) in profiles.iter().zip(batch) {
            let ranking = ranking.unwrap();
            let alone = selector.rank_top(profile, top).unwrap();
            prop_assert_eq!(&ranking, &alone);
            prop_assert_eq!(ranking.to_json().unwrap(), alone.to_json().unwrap());
        }
    }
}

#[test]
fn the_embedded_catalogue_ranks_as_the_reference_does() {
    let dataset = himkit::Dataset::embedded().unwrap();
    let selector = Selector::new(dataset.catalog(), dataset.wages());
    for state in himkit::UsState::all() {
        for method in [Method::WeightedSum, Method::Topsis] {
            let profile = StudentProfile::example(state).with_method(method);
            let expected = reference(dataset.catalog(), dataset.wages(), &profile);
            check_against(
                &selector.rank(&profile).unwrap(),
                &expected,
                dataset.catalog().len(),
            )
            .unwrap();
        }
    }
}
