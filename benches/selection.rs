//! Selection speed: the scoring core on N x 8 matrices (the peers' problem), the full selector
//! on synthetic catalogues, many profiles against one catalogue, and the Pareto set.
//!
//! `cargo bench --bench selection`. With `HIMKIT_PEER_DUMP=/tmp/himkit-matrix` it scores the
//! exact matrices `../shared/bench/peer_mcdm.sh --dump /tmp/himkit-matrix` wrote and, where
//! `scripts/pymcdm_scores.py` saved pymcdm's TOPSIS scores beside them, prints the largest
//! difference (`scripts/peer_check.sh` does all of it).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use himkit::select::{Bounds, CriteriaMatrix, Direction, Method, MissingPolicy, Order, ProfileSpec, Scoring};
mod common;

use himkit::program::{Accreditation, Accreditor, Cost, Delivery, Discipline, ProgramSpec};
use himkit::{
    AccreditationStatus, Catalog, DegreeLevel, DeliveryMode, Institution, Money, Outcome, Outcomes, Program,
    Rate, Selector, SkillSet, StudentProfile, UsState, Year,
};

const TYPES: [Direction; 8] = [
    Direction::Benefit,
    Direction::Cost,
    Direction::Benefit,
    Direction::Cost,
    Direction::Benefit,
    Direction::Benefit,
    Direction::Cost,
    Direction::Benefit,
];
const WEIGHTS: [f64; 8] = [0.20, 0.15, 0.15, 0.10, 0.10, 0.10, 0.10, 0.10];

use common::Random;

/// The peers' matrix: N x 8, uniform in [1, 100). Read from the peer dump when one is given.
fn matrix(rows: usize) -> (Vec<f64>, bool) {
    if let Ok(prefix) = std::env::var("HIMKIT_PEER_DUMP") {
        if let Ok(bytes) = std::fs::read(format!("{prefix}.{rows}.f64")) {
            let values = bytes
                .chunks_exact(8)
                .map(|b| f64::from_le_bytes(b.try_into().unwrap()))
                .collect();
            return (values, true);
        }
    }
    let mut random = Random(42);
    ((0..rows * 8).map(|_| 1.0 + 99.0 * random.unit()).collect(), false)
}

fn peer_check(rows: usize, scores: &[f64]) {
    let Ok(prefix) = std::env::var("HIMKIT_PEER_DUMP") else {
        return;
    };
    let Ok(bytes) = std::fs::read(format!("{prefix}.{rows}.pymcdm-topsis.f64")) else {
        return;
    };
    let theirs: Vec<f64> = bytes
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().unwrap()))
        .collect();
    assert_eq!(theirs.len(), scores.len());
    let worst = scores
        .iter()
        .zip(&theirs)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    eprintln!("peer check n={rows}: largest |himkit - pymcdm| TOPSIS score difference = {worst:e}");
    assert!(worst < 1e-12, "TOPSIS scores differ from pymcdm's by {worst}");
}

fn core(c: &mut Criterion) {
    let mut group = c.benchmark_group("core");
    group.sample_size(20);
    for rows in [1_000usize, 100_000, 1_000_000] {
        let (values, from_dump) = matrix(rows);
        if rows == 1_000 {
            eprintln!(
                "matrices {}",
                if from_dump {
                    "from the peer dump"
                } else {
                    "generated (seed 42)"
                }
            );
        }
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_function(BenchmarkId::new("prepare", rows), |b| {
            b.iter(|| CriteriaMatrix::from_row_major(black_box(&values), &TYPES).unwrap());
        });
        let matrix = CriteriaMatrix::from_row_major(&values, &TYPES).unwrap();
        let bounds = matrix.data_bounds();
        let policies = vec![MissingPolicy::Reweight; 8];
        let topsis = Scoring::new(Method::Topsis, &WEIGHTS, bounds.clone(), policies.clone()).unwrap();
        let sum = Scoring::new(Method::WeightedSum, &WEIGHTS, bounds, policies).unwrap();
        peer_check(rows, &topsis.score(&matrix).unwrap());
        group.bench_function(BenchmarkId::new("one read of the values (floor)", rows), |b| {
            // Eight independent sums, so that the loop is bound by memory, not by the latency
            // of one chain of additions.
            b.iter(|| {
                let mut lanes = [0.0f64; 8];
                for chunk in black_box(&values).chunks_exact(8) {
                    for (lane, value) in lanes.iter_mut().zip(chunk) {
                        *lane += value;
                    }
                }
                black_box(lanes)
            });
        });
        group.bench_function(BenchmarkId::new("topsis score", rows), |b| {
            b.iter(|| topsis.score(black_box(&matrix)).unwrap());
        });
        let mut buffer = Vec::new();
        group.bench_function(BenchmarkId::new("topsis score into a reused buffer", rows), |b| {
            b.iter(|| topsis.score_into(black_box(&matrix), &mut buffer).unwrap());
        });
        group.bench_function(BenchmarkId::new("weighted-sum score", rows), |b| {
            b.iter(|| sum.score(black_box(&matrix)).unwrap());
        });
        let (lows, scales) = ([1.0; 8], WEIGHTS.map(|weight| weight / 99.0));
        group.bench_function(BenchmarkId::new("plain weighted sum + top-10", rows), |b| {
            b.iter(|| plain_top10(black_box(&values), 8, &lows, &scales));
        });
        group.bench_function(BenchmarkId::new("topsis full ranking", rows), |b| {
            b.iter(|| {
                let scores = topsis.score(black_box(&matrix)).unwrap();
                Order::of(&scores)
            });
        });
        // The same work for a caller that ranks again and again and keeps its buffers: nothing
        // is allocated, so the figure does not depend on whether the allocator hands the freed
        // memory back to the kernel between iterations (glibc does once 16 MB are freed at the
        // top of its heap, and each iteration then page-faults its results back in).
        let (mut scores, mut order) = (Vec::new(), Order::default());
        group.bench_function(
            BenchmarkId::new("topsis full ranking into reused buffers", rows),
            |b| {
                b.iter(|| {
                    topsis.score_into(black_box(&matrix), &mut scores).unwrap();
                    order.refill(&scores);
                });
            },
        );
        group.bench_function(BenchmarkId::new("topsis top-10", rows), |b| {
            b.iter(|| Order::top(&topsis.score(black_box(&matrix)).unwrap(), 10));
        });
    }
    group.finish();
}

fn pareto(c: &mut Criterion) {
    let (values, _) = matrix(10_000);
    let matrix = CriteriaMatrix::from_row_major(&values[..10_000 * 8], &TYPES).unwrap();
    let bounds: Vec<Bounds> = matrix.data_bounds();
    let mut group = c.benchmark_group("pareto");
    group.sample_size(10);
    group.bench_function("10000 x 8", |b| {
        b.iter(|| black_box(&matrix).pareto_front(&bounds));
    });
    group.finish();
}

fn synthetic_program(random: &mut Random, index: usize) -> Program {
    let states: Vec<UsState> = UsState::all().collect();
    let levels = [
        DegreeLevel::Certificate,
        DegreeLevel::Associate,
        DegreeLevel::Baccalaureate,
        DegreeLevel::Masters,
    ];
    let level = levels[random.next() as usize % levels.len()];
    let rate = |random: &mut Random| {
        if random.unit() < 0.15 {
            Outcome::NotReported
        } else {
            Outcome::reported(
                Rate::new(0.4 + 0.6 * random.unit()).unwrap(),
                Year::new(2024).unwrap(),
            )
        }
    };
    let mode =
        [DeliveryMode::OnCampus, DeliveryMode::Hybrid, DeliveryMode::Online][random.next() as usize % 3];
    let delivery = match mode {
        DeliveryMode::Online => Delivery::online([]),
        DeliveryMode::Hybrid => Delivery::new(mode, Rate::new(0.5).unwrap(), []).unwrap(),
        DeliveryMode::OnCampus => Delivery::on_campus(),
    };
    let mut outcomes = Outcomes::default();
    outcomes.graduation_rate = rate(random);
    outcomes.employment_rate = rate(random);
    outcomes.exam_pass_rate = rate(random);
    let per_credit = Money::new(80 + random.next() % 900).unwrap();
    let spec = ProgramSpec {
        id: format!("program-{index:07}").parse().unwrap(),
        name: "Health Information Management".to_owned(),
        institution: Institution::new(
            "Synthetic College",
            states[random.next() as usize % states.len()],
            "Town",
            None,
        )
        .unwrap(),
        degree_level: level,
        award_level: None,
        discipline: Discipline::HealthInformationManagement,
        cip: None,
        delivery: delivery.into(),
        accreditation: himkit::program::AccreditationState::Known(
            Accreditation::new(
                Accreditor::Cahiim,
                AccreditationStatus::ContinuingAccreditation,
                "2025-01-01".parse().unwrap(),
                None,
            )
            .unwrap(),
        ),
        cost: Cost::per_credit(
            30 + (random.next() % 100) as u16,
            per_credit,
            per_credit.checked_mul(2).unwrap(),
        )
        .unwrap()
        .into(),
        length_months: 9 + (random.next() % 48) as u16,
        length_basis: himkit::program::LengthBasis::Program,
        professional_practice_experience: Some(random.unit() < 0.8),
        career_support: Some(himkit::program::CareerSupport::ALL),
        skills: Some(SkillSet::all()),
        outcomes,
        sources: std::collections::BTreeMap::new(),
    };
    Program::new(spec).unwrap()
}

fn synthetic_catalog(rows: usize) -> Catalog {
    let mut random = Random(7);
    Catalog::new(
        (0..rows)
            .map(|index| synthetic_program(&mut random, index))
            .collect(),
    )
    .unwrap()
}

fn open_profile(state: UsState) -> StudentProfile {
    let mut spec = ProfileSpec::new(state);
    spec.relocation_states = UsState::all().collect();
    spec.desired_skills = SkillSet::all();
    spec.preferred_delivery = Some(DeliveryMode::Online);
    StudentProfile::new(spec).unwrap()
}

fn selector(c: &mut Criterion) {
    let dataset = himkit::Dataset::embedded().unwrap();
    let mut group = c.benchmark_group("selector");
    group.sample_size(10);
    for rows in [1_000usize, 100_000] {
        let catalog = synthetic_catalog(rows);
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_function(BenchmarkId::new("prepare", rows), |b| {
            b.iter(|| Selector::new(black_box(&catalog), dataset.wages()));
        });
        let selector = Selector::new(&catalog, dataset.wages());
        let profile = open_profile(UsState::Ohio);
        group.bench_function(BenchmarkId::new("rank with explanations", rows), |b| {
            b.iter(|| selector.rank(black_box(&profile)).unwrap());
        });
        group.bench_function(BenchmarkId::new("rank top-10", rows), |b| {
            b.iter(|| selector.rank_top(black_box(&profile), 10).unwrap());
        });
    }
    // Many students, one catalogue: 10 000 profiles against 500 programs.
    let catalog = synthetic_catalog(500);
    let selector = Selector::new(&catalog, dataset.wages());
    let states: Vec<UsState> = UsState::all().collect();
    let profiles: Vec<StudentProfile> = (0..10_000)
        .map(|i| open_profile(states[i % states.len()]))
        .collect();
    group.throughput(Throughput::Elements(10_000 * 500));
    group.bench_function("10000 profiles x 500 programs (top-10 each)", |b| {
        b.iter(|| {
            for profile in &profiles {
                black_box(selector.rank_top(profile, 10).unwrap());
            }
        });
    });
    group.finish();
}

/// The floor a ranking is compared with: a plain weighted sum of min-max normalised values and a
/// top-10 by insertion, over a row-major matrix of `columns` criteria.
fn plain_top10(values: &[f64], columns: usize, lows: &[f64], scales: &[f64]) -> [(f64, u32); 10] {
    let mut best = [(f64::NEG_INFINITY, u32::MAX); 10];
    for (row, cells) in (0u32..).zip(values.chunks_exact(columns)) {
        let mut score = 0.0;
        for ((cell, low), scale) in cells.iter().zip(lows).zip(scales) {
            score += ((cell - low) * scale).clamp(0.0, 1.0);
        }
        if score > best[9].0 {
            let mut at = 9;
            while at > 0 && best[at - 1].0 < score {
                best[at] = best[at - 1];
                at -= 1;
            }
            best[at] = (score, row);
        }
    }
    best
}

/// A random row-major matrix of `rows` x `columns` in [0, 1), with its normalisation.
fn plain_matrix(rows: usize, columns: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut random = Random(11);
    let values = (0..rows * columns).map(|_| random.unit()).collect();
    (values, vec![0.0; columns], vec![1.0 / columns as f64; columns])
}

/// The national-size case of the selection issue: a generated 900-program catalogue (the
/// illustrative programs replicated with varied states, costs, lengths and outcome rates) and
/// the Ohio example profile; each case beside the plain loop over as many rows.
fn national(c: &mut Criterion) {
    let dataset = himkit::Dataset::embedded().unwrap();
    let catalog = common::national_catalog(900);
    let selector = Selector::new(&catalog, dataset.wages());
    let profile = StudentProfile::example(UsState::Ohio);
    let ranking = selector.rank(&profile).unwrap();
    let columns = ranking.criteria().len();
    eprintln!(
        "900 programs, Ohio example profile: {} ranked, {} excluded, {columns} weighted criteria",
        ranking.entries().len(),
        ranking.exclusions().len()
    );
    let (values, lows, scales) = plain_matrix(900, columns);
    let mut group = c.benchmark_group("national");
    group.sample_size(30);
    group.throughput(Throughput::Elements(900));
    group.bench_function("plain weighted sum + top-10, 900 rows", |b| {
        b.iter(|| plain_top10(black_box(&values), columns, &lows, &scales));
    });
    group.bench_function("rank_top 10 of 900", |b| {
        b.iter(|| selector.rank_top(black_box(&profile), 10).unwrap());
    });
    group.bench_function("rank 900 with every explanation", |b| {
        b.iter(|| selector.rank(black_box(&profile)).unwrap());
    });
    let states: Vec<UsState> = UsState::all().collect();
    let profiles: Vec<StudentProfile> = (0..2_000)
        .map(|index| StudentProfile::example(states[index % states.len()]))
        .collect();
    group.sample_size(10);
    group.throughput(Throughput::Elements(2_000 * 900));
    group.bench_function("plain weighted sum + top-10, 2000 x 900 rows", |b| {
        b.iter(|| {
            for _ in 0..2_000 {
                black_box(plain_top10(black_box(&values), columns, &lows, &scales));
            }
        });
    });
    group.bench_function("2000 profiles x 900, top-10 each, one after another", |b| {
        b.iter(|| {
            for profile in &profiles {
                black_box(selector.rank_top(profile, 10).unwrap());
            }
        });
    });
    // What rank_many does without the `parallel` feature: every ranking kept.
    group.bench_function("2000 profiles x 900, top-10 each, one after another, kept", |b| {
        b.iter(|| {
            profiles
                .iter()
                .map(|profile| selector.rank_top(profile, 10))
                .collect::<Vec<_>>()
        });
    });
    group.bench_function("2000 profiles x 900, top-10 each, rank_many", |b| {
        b.iter(|| selector.rank_many(black_box(&profiles), 10));
    });

    real_catalogue(&mut group, &profile);
    group.finish();
}

/// The real national catalogue, as embedded (IPEDS 2024): the example profile, then the same
/// student with a home ZIP code.
fn real_catalogue(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    profile: &StudentProfile,
) {
    // The real national catalogue, as embedded (IPEDS 2024).
    let national = himkit::Dataset::national().unwrap();
    let real = Selector::new(national.catalog(), national.wages());
    let rows = national.catalog().len();
    group.sample_size(30);
    group.throughput(Throughput::Elements(rows as u64));
    group.bench_function(format!("real: rank_top 10 of {rows}"), |b| {
        b.iter(|| real.rank_top(black_box(profile), 10).unwrap());
    });
    group.bench_function(format!("real: rank {rows} with every explanation"), |b| {
        b.iter(|| real.rank(black_box(profile)).unwrap());
    });
    // The same student with a home ZIP code (distance weighted by default) and with a
    // 100-mile limit too: a distance for every program a ranking considers.
    let mut spec = profile.spec().clone();
    spec.home_zip = Some("43215".parse().unwrap());
    let with_zip = StudentProfile::new(spec.clone()).unwrap();
    spec.max_distance_miles = Some(100.0);
    let within_100_miles = StudentProfile::new(spec.clone()).unwrap();
    // The same without weighting distance: what the ZIP code and the limit cost apart from
    // scoring one more criterion.
    spec.weights = Some(
        himkit::select::Criterion::all()
            .filter(|criterion| *criterion != himkit::select::Criterion::Distance)
            .map(|criterion| (criterion, profile.weight(criterion)))
            .collect(),
    );
    let limit_unweighted = StudentProfile::new(spec.clone()).unwrap();
    spec.max_distance_miles = None;
    let zip_unweighted = StudentProfile::new(spec).unwrap();
    group.bench_function(
        format!("real: rank_top 10 of {rows}, home ZIP, distance unweighted"),
        |b| {
            b.iter(|| real.rank_top(black_box(&zip_unweighted), 10).unwrap());
        },
    );
    group.bench_function(
        format!("real: rank_top 10 of {rows}, home ZIP and 100-mile limit, distance unweighted"),
        |b| {
            b.iter(|| real.rank_top(black_box(&limit_unweighted), 10).unwrap());
        },
    );
    group.bench_function(format!("real: rank_top 10 of {rows}, home ZIP"), |b| {
        b.iter(|| real.rank_top(black_box(&with_zip), 10).unwrap());
    });
    group.bench_function(
        format!("real: rank {rows} with every explanation, home ZIP"),
        |b| {
            b.iter(|| real.rank(black_box(&with_zip)).unwrap());
        },
    );
    group.bench_function(
        format!("real: rank_top 10 of {rows}, home ZIP and 100-mile limit"),
        |b| {
            b.iter(|| real.rank_top(black_box(&within_100_miles), 10).unwrap());
        },
    );
    group.bench_function(
        format!("real: rank_top 10 of {rows} with every exclusion built"),
        |b| {
            b.iter(|| {
                let ranking = real.rank_top(black_box(profile), 10).unwrap();
                black_box(ranking.exclusions().len())
            });
        },
    );
}

criterion_group!(benches, core, pareto, selector, national);
criterion_main!(benches);
