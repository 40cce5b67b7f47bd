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
use himkit::select::{
    Bounds, CriteriaMatrix, Direction, Method, MissingPolicy, ProfileSpec, Scoring, pareto_front,
    rank_descending, top_descending,
};
use himkit::{
    Accreditation, AccreditationStatus, Accreditor, Catalog, Cost, DegreeLevel, Delivery, DeliveryMode,
    Discipline, Institution, Money, Outcome, Outcomes, Program, ProgramSpec, Rate, Selector, SkillSet,
    StudentProfile, UsState, Year,
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

/// A small deterministic generator (xorshift64*), so that every run scores the same data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

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
        group.bench_function(BenchmarkId::new("topsis full ranking", rows), |b| {
            b.iter(|| {
                let scores = topsis.score(black_box(&matrix)).unwrap();
                rank_descending(&scores)
            });
        });
        group.bench_function(BenchmarkId::new("topsis top-10", rows), |b| {
            b.iter(|| top_descending(&topsis.score(black_box(&matrix)).unwrap(), 10));
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
        b.iter(|| pareto_front(black_box(&matrix), &bounds));
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
        accreditation: himkit::AccreditationState::Known(
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
        length_basis: himkit::LengthBasis::Program,
        professional_practice_experience: Some(random.unit() < 0.8),
        career_support: himkit::CareerSupport::ALL,
        skills: SkillSet::all(),
        outcomes,
        sources: himkit::Sources::new(),
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

criterion_group!(benches, core, pareto, selector);
criterion_main!(benches);
