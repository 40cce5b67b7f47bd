//! Program selection as a specification and as properties over generated catalogues.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp,
    clippy::semicolon_if_nothing_returned
)]

mod common;

use himkit::select::{
    Band, BoundsMode, CriteriaMatrix, Criterion, Direction, ExclusionReason, Method, MissingPolicy,
    ProfileSpec, Scoring,
};
use himkit::{Catalog, Dataset, Money, Program, Ranking, Selector, StudentProfile, UsState};
use proptest::prelude::*;

fn embedded() -> (Catalog, Dataset) {
    let dataset = Dataset::embedded().unwrap();
    (dataset.catalog().clone(), dataset)
}

fn rank(catalog: &Catalog, profile: &StudentProfile) -> Ranking {
    Selector::new(catalog, Dataset::embedded().unwrap().wages())
        .rank(profile)
        .unwrap()
}

fn open_profile(state: UsState) -> ProfileSpec {
    let mut spec = ProfileSpec::new(state);
    spec.require_accreditation = false;
    spec.relocation_states = UsState::all().collect();
    spec
}

fn scores(ranking: &Ranking) -> Vec<(String, f64)> {
    ranking
        .entries()
        .iter()
        .map(|e| (e.id().to_string(), e.score()))
        .collect()
}

fn with_program(catalog: &Catalog, extra: Program) -> Catalog {
    let mut programs = catalog.programs().to_vec();
    programs.push(extra);
    Catalog::new(programs).unwrap()
}

#[test]
fn every_program_is_either_ranked_or_excluded_with_every_reason() {
    let (catalog, _) = embedded();
    let ranking = rank(&catalog, &StudentProfile::example(UsState::Ohio));
    assert_eq!(
        ranking.entries().len() + ranking.exclusions().len(),
        catalog.len()
    );
    assert_eq!(ranking.out_of(), catalog.len());
    let bayou = ranking.exclusion("bayou-him-bs").unwrap();
    // On campus (not accepted), in Louisiana (not reachable), accreditation withheld.
    assert_eq!(bayou.reasons().len(), 3, "{:?}", bayou.reasons());
    assert!(matches!(
        bayou.reasons()[2],
        ExclusionReason::NotAccredited { .. }
    ));
}

#[test]
fn an_empty_catalogue_and_an_all_excluding_profile_give_empty_rankings_not_errors() {
    let empty = Catalog::new(Vec::new()).unwrap();
    let ranking = rank(&empty, &StudentProfile::example(UsState::Ohio));
    assert!(ranking.entries().is_empty() && ranking.exclusions().is_empty());

    let (catalog, _) = embedded();
    let mut spec = ProfileSpec::new(UsState::Ohio);
    spec.max_total_cost = Some(Money::new(1).unwrap());
    let ranking = rank(&catalog, &StudentProfile::new(spec).unwrap());
    assert!(ranking.entries().is_empty());
    assert_eq!(ranking.exclusions().len(), catalog.len());
}

#[test]
fn a_single_program_ranks_first() {
    let (catalog, _) = embedded();
    let one = Catalog::new(vec![catalog.get("lakeside-cc-hit-aas").unwrap().clone()]).unwrap();
    for method in [Method::WeightedSum, Method::Topsis] {
        for bounds in [BoundsMode::Domain, BoundsMode::Catalog] {
            let mut spec = open_profile(UsState::Ohio);
            spec.method = method;
            spec.bounds = bounds;
            let ranking = rank(&one, &StudentProfile::new(spec).unwrap());
            assert_eq!(ranking.entries().len(), 1);
            assert_eq!(ranking.entries()[0].rank(), 1);
            let score = ranking.entries()[0].score();
            assert!((0.0..=1.0).contains(&score), "{score}");
        }
    }
}

#[test]
fn ties_share_a_rank_and_are_ordered_by_id() {
    let (catalog, _) = embedded();
    let base = catalog.get("lakeside-cc-hit-aas").unwrap().to_spec();
    let twins: Vec<Program> = ["zz-twin", "aa-twin", "mm-twin"]
        .iter()
        .map(|id| {
            let mut spec = base.clone();
            spec.id = id.parse().unwrap();
            Program::new(spec).unwrap()
        })
        .collect();
    let ranking = rank(
        &Catalog::new(twins).unwrap(),
        &StudentProfile::new(open_profile(UsState::Ohio)).unwrap(),
    );
    let order: Vec<(&str, u32)> = ranking
        .entries()
        .iter()
        .map(|e| (e.id().as_str(), e.rank()))
        .collect();
    assert_eq!(order, vec![("aa-twin", 1), ("mm-twin", 1), ("zz-twin", 1)]);
}

#[test]
fn a_missing_value_is_reweighted_by_default_and_never_zero() {
    let (catalog, _) = embedded();
    let ranking = rank(&catalog, &StudentProfile::example(UsState::Ohio));
    let summit = ranking.entry("summit-online-him-bs").unwrap();
    // The exam pass rate it does not report, and the institution's earnings the illustrative
    // catalogue does not give.
    let missing: Vec<Criterion> = summit.missing().iter().map(|m| m.criterion).collect();
    assert_eq!(missing, [Criterion::ExamPassRate, Criterion::InstitutionEarnings]);
    assert_eq!(summit.missing()[0].why, "not reported");
    assert_eq!(summit.missing()[0].treatment, MissingPolicy::Reweight);
    assert!(
        summit
            .contributions()
            .iter()
            .all(|c| c.criterion != Criterion::ExamPassRate)
    );
    let weights: f64 = summit.contributions().iter().map(|c| c.weight).sum();
    assert!((weights - 1.0).abs() < 1e-12);
}

#[test]
fn missing_data_policies_score_as_worst_or_exclude() {
    let (catalog, _) = embedded();
    let mut spec = StudentProfile::example(UsState::Ohio).spec().clone();
    spec.missing
        .insert(Criterion::ExamPassRate, MissingPolicy::ScoreAsWorst);
    let worst = rank(&catalog, &StudentProfile::new(spec.clone()).unwrap());
    let summit = worst.entry("summit-online-him-bs").unwrap();
    let part = summit
        .contributions()
        .iter()
        .find(|c| c.criterion == Criterion::ExamPassRate)
        .unwrap();
    assert_eq!((part.normalised, part.contribution), (0.0, 0.0));
    spec.missing
        .insert(Criterion::ExamPassRate, MissingPolicy::ExcludeProgram);
    let excluded = rank(&catalog, &StudentProfile::new(spec).unwrap());
    let reasons = excluded.exclusion("summit-online-him-bs").unwrap().reasons();
    assert_eq!(reasons.len(), 1);
    assert_eq!(
        reasons[0].to_string(),
        "exam-pass-rate is not reported, and the profile excludes programs without it"
    );
}

#[test]
fn expected_earnings_fall_back_to_bls_and_say_so() {
    let (catalog, _) = embedded();
    let ranking = rank(
        &catalog,
        &StudentProfile::new(open_profile(UsState::Ohio)).unwrap(),
    );
    let lakeside = ranking.entry("lakeside-cc-hit-aas").unwrap();
    assert_eq!(
        lakeside.earnings_source().unwrap().to_string(),
        "BLS median for 29-9021 Health Information Technologists and Medical Registrars, Ohio, May 2024 (third-party)"
    );
    let prairie = ranking.entry("prairie-state-him-bs").unwrap();
    assert!(
        prairie
            .earnings_source()
            .unwrap()
            .to_string()
            .starts_with("the program's reported median earnings (2023)")
    );
    // Without wage data, a program with no reported earnings has that criterion missing.
    let bare = Selector::new(&catalog, &[])
        .rank(&StudentProfile::new(open_profile(UsState::Ohio)).unwrap())
        .unwrap();
    let lakeside = bare.entry("lakeside-cc-hit-aas").unwrap();
    assert!(
        lakeside
            .missing()
            .iter()
            .any(|m| m.criterion == Criterion::ExpectedEarnings)
    );
    assert_eq!(lakeside.payback().to_string(), "n/a (earnings unknown)");
}

#[test]
fn payback_is_cost_over_earnings_above_the_baseline() {
    let (catalog, _) = embedded();
    let ranking = rank(
        &catalog,
        &StudentProfile::new(open_profile(UsState::Ohio)).unwrap(),
    );
    let lakeside = ranking.entry("lakeside-cc-hit-aas").unwrap();
    // $9,280 in-state / (Ohio's $70,620 - $35,080).
    assert_eq!(
        lakeside.payback().to_string(),
        format!("{:.1} years", 9_280.0 / (70_620.0 - 35_080.0))
    );
    let mut spec = open_profile(UsState::Ohio);
    spec.earnings_baseline = Some(Money::new(80_000).unwrap());
    let ranking = rank(&catalog, &StudentProfile::new(spec).unwrap());
    assert_eq!(
        ranking
            .entry("lakeside-cc-hit-aas")
            .unwrap()
            .payback()
            .to_string(),
        "n/a (earnings $70,620 not above the baseline $80,000)"
    );
}

#[test]
fn weights_must_leave_something_to_score_and_name_their_needs() {
    let mut spec = ProfileSpec::new(UsState::Ohio);
    spec.weights = Some([(Criterion::Length, 0.0)].into_iter().collect());
    let error = StudentProfile::new(spec.clone()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "weights: all zero leave nothing to score: give at least one criterion a positive weight"
    );
    spec.weights = Some([(Criterion::SkillCoverage, 1.0)].into_iter().collect());
    assert!(
        StudentProfile::new(spec.clone())
            .unwrap_err()
            .to_string()
            .contains("needs desired_skills")
    );
    spec.weights = Some([(Criterion::Length, f64::NAN)].into_iter().collect());
    assert!(StudentProfile::new(spec).is_err());
}

#[test]
fn zero_weighted_criteria_do_not_count() {
    let (catalog, _) = embedded();
    let mut spec = open_profile(UsState::Ohio);
    spec.weights = Some(
        [(Criterion::TotalCost, 1.0), (Criterion::Length, 0.0)]
            .into_iter()
            .collect(),
    );
    let ranking = rank(&catalog, &StudentProfile::new(spec).unwrap());
    assert_eq!(ranking.criteria(), &[Criterion::TotalCost]);
    assert_eq!(ranking.weight(Criterion::TotalCost), 1.0);
    let cheapest = &ranking.entries()[0];
    assert_eq!(cheapest.contributions().len(), 1);
    assert_eq!(cheapest.id().as_str(), "harbor-tech-coding-cert");
}

#[test]
fn a_constant_criterion_divides_by_nothing() {
    let (catalog, _) = embedded();
    for bounds in [BoundsMode::Domain, BoundsMode::Catalog] {
        let mut spec = open_profile(UsState::Ohio);
        spec.bounds = bounds;
        spec.weights = Some(
            [(Criterion::PracticeExperience, 1.0), (Criterion::TotalCost, 1.0)]
                .into_iter()
                .collect(),
        );
        let programs: Vec<Program> = catalog
            .iter()
            .filter(|p| p.has_professional_practice_experience())
            .cloned()
            .collect();
        let ranking = rank(
            &Catalog::new(programs).unwrap(),
            &StudentProfile::new(spec).unwrap(),
        );
        assert!(
            ranking
                .entries()
                .iter()
                .all(|e| e.score().is_finite() && (0.0..=1.0).contains(&e.score()))
        );
    }
}

#[test]
fn weighted_sum_and_topsis_match_hand_computed_values() {
    // A published-style example: four alternatives, a benefit and a cost criterion,
    // weights 0.7 / 0.3, bounds from the data (min-max), as the TOPSIS literature computes it.
    let values = [250.0, 16.0, 200.0, 16.0, 300.0, 32.0, 275.0, 32.0];
    let matrix = CriteriaMatrix::from_row_major(&values, &[Direction::Benefit, Direction::Cost]).unwrap();
    let bounds = matrix.data_bounds();
    let policies = vec![MissingPolicy::Reweight; 2];
    let sum = Scoring::new(Method::WeightedSum, &[0.7, 0.3], bounds.clone(), policies.clone()).unwrap();
    let topsis = Scoring::new(Method::Topsis, &[0.7, 0.3], bounds, policies).unwrap();
    // Normalised: (0.5, 1), (0, 1), (1, 0), (0.75, 0).
    let expected_sum = [0.35 + 0.3, 0.3, 0.7, 0.525];
    let closeness = |v: [f64; 2]| {
        let anti = (v[0] * v[0] + v[1] * v[1]).sqrt();
        let ideal = ((0.7 - v[0]).powi(2) + (0.3 - v[1]).powi(2)).sqrt();
        anti / (anti + ideal)
    };
    let expected_topsis = [
        closeness([0.35, 0.3]),
        closeness([0.0, 0.3]),
        closeness([0.7, 0.0]),
        closeness([0.525, 0.0]),
    ];
    for (got, want) in sum.score(&matrix).unwrap().iter().zip(expected_sum) {
        assert!((got - want).abs() < 1e-12, "{got} {want}");
    }
    for (got, want) in topsis.score(&matrix).unwrap().iter().zip(expected_topsis) {
        assert!((got - want).abs() < 1e-12, "{got} {want}");
    }
}

#[test]
fn sensitivity_pareto_and_compare_work_on_the_embedded_catalogue() {
    let (catalog, dataset) = embedded();
    let selector = Selector::new(&catalog, dataset.wages());
    let profile = StudentProfile::example(UsState::Ohio);
    let sensitivity = selector.sensitivity(&profile, 3, 20.0).unwrap();
    assert_eq!(sensitivity.ranges.len(), 3);
    for range in &sensitivity.ranges {
        assert!(range.best <= range.rank && range.rank <= range.worst);
    }
    let change = sensitivity.displacement.unwrap();
    assert_ne!(change.new_leader.as_str(), "lakeside-cc-hit-aas");
    // Applying the change (a little past it) does displace the leader.
    let mut spec = profile.spec().clone();
    let mut weights: std::collections::BTreeMap<Criterion, f64> =
        Criterion::all().map(|c| (c, profile.weight(c))).collect();
    let total: f64 = weights.values().sum();
    let step = if change.relative_change < 0.0 {
        0.999
    } else {
        1.001
    };
    weights.insert(change.criterion, change.to * total * step);
    spec.weights = Some(weights);
    let moved = selector.rank(&StudentProfile::new(spec).unwrap()).unwrap();
    assert_eq!(moved.entries()[0].id(), &change.new_leader);
    assert!(selector.sensitivity(&profile, 3, 0.0).is_err());

    let pareto = selector.pareto(&profile).unwrap();
    assert!(!pareto.is_empty());
    let ranking = selector.rank(&profile).unwrap();
    assert!(
        pareto.contains(ranking.entries()[0].id()),
        "the weighted-sum leader is never dominated"
    );

    let comparison = selector
        .compare(&profile, &["lakeside-cc-hit-aas", "granite-hit-aas"])
        .unwrap();
    // Every criterion but distance, which has a row only with a home ZIP code.
    assert_eq!(comparison.rows.len(), Criterion::all().count() - 1);
    assert!(comparison.ranks[1].is_none() && !comparison.exclusions[1].is_empty());
    assert!(selector.compare(&profile, &["lakeside-cc-hit-aas"]).is_err());
    assert!(matches!(
        selector.compare(&profile, &["lakeside-cc-hit-aas", "nope"]),
        Err(ref error) if error.kind() == himkit::ErrorKind::UnknownProgram
    ));
    assert!(
        selector
            .compare(&profile, &["lakeside-cc-hit-aas", "lakeside-cc-hit-aas"])
            .is_err()
    );
}

#[test]
fn bands_follow_fixed_thresholds() {
    let (catalog, _) = embedded();
    let ranking = rank(
        &catalog,
        &StudentProfile::new(open_profile(UsState::Ohio)).unwrap(),
    );
    for entry in ranking.entries() {
        assert_eq!(entry.band(), Band::of(entry.score()));
    }
}

#[test]
fn rows_with_gaps_score_bit_for_bit_as_explained() {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let rows = 300;
    let mut matrix = CriteriaMatrix::new(rows);
    for column in 0..7 {
        let values = (0..rows).map(|_| (next() % 10_000) as f64 / 97.0).collect();
        let missing = (0..rows).map(|_| next() % 4 == 0).collect();
        let direction = if column % 3 == 0 {
            Direction::Cost
        } else {
            Direction::Benefit
        };
        matrix.push_column(direction, values, Some(missing)).unwrap();
    }
    let bounds = matrix.data_bounds();
    let weights = [0.3, 0.1, 0.7, 0.05, 0.2, 0.4, 0.11];
    for method in [Method::WeightedSum, Method::Topsis] {
        for policy in [MissingPolicy::Reweight, MissingPolicy::ScoreAsWorst] {
            let mut policies = vec![policy; 7];
            policies[2] = MissingPolicy::Reweight;
            let scoring = Scoring::new(method, &weights, bounds.clone(), policies).unwrap();
            let scores = scoring.score(&matrix).unwrap();
            for (row, score) in scores.iter().enumerate() {
                let has_gap = (0..7).any(|column| matrix.value(row, column).is_none());
                if has_gap {
                    let explained = scoring
                        .explain_row(&matrix, row)
                        .map_or(0.0, |explained| explained.score);
                    assert_eq!(score.to_bits(), explained.to_bits(), "row {row}");
                }
            }
        }
    }
}

fn selector_for(catalog: &Catalog) -> Selector {
    Selector::new(catalog, Dataset::embedded().unwrap().wages())
}

proptest! {
    // 64 cases keep CI quick; PROPTEST_CASES=10000 runs deeper.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn scores_lie_in_the_unit_interval_and_contributions_sum_to_them(catalog in common::catalog(10), profile in common::profile()) {
        let ranking = selector_for(&catalog).rank(&profile).unwrap();
        prop_assert_eq!(ranking.entries().len() + ranking.exclusions().len(), catalog.len());
        for entry in ranking.entries() {
            prop_assert!((0.0..=1.0).contains(&entry.score()), "{}", entry.score());
            let sum: f64 = entry.contributions().iter().map(|c| c.contribution).sum();
            prop_assert!((sum - entry.score()).abs() < 1e-9, "{} vs {}", sum, entry.score());
        }
        for exclusion in ranking.exclusions() {
            prop_assert!(!exclusion.reasons().is_empty());
            prop_assert!(ranking.entry(exclusion.id().as_str()).is_none());
        }
        let mut previous = None;
        for entry in ranking.entries() {
            if let Some((score, rank)) = previous {
                prop_assert!(entry.score() <= score);
                prop_assert!(entry.rank() >= rank);
            }
            previous = Some((entry.score(), entry.rank()));
        }
    }

    #[test]
    fn the_input_order_does_not_matter(catalog in common::catalog(10), profile in common::profile(), seed in any::<u64>()) {
        let mut programs = catalog.programs().to_vec();
        let len = programs.len();
        if len > 1 {
            programs.rotate_left((seed as usize) % len);
            programs.swap(0, (seed as usize / 7) % len);
        }
        let shuffled = Catalog::new(programs).unwrap();
        let a = selector_for(&catalog).rank(&profile).unwrap().to_json().unwrap();
        let b = selector_for(&shuffled).rank(&profile).unwrap().to_json().unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn the_same_input_gives_byte_identical_json(catalog in common::catalog(8), profile in common::profile()) {
        let selector = selector_for(&catalog);
        prop_assert_eq!(selector.rank(&profile).unwrap().to_json().unwrap(), selector.rank(&profile).unwrap().to_json().unwrap());
    }

    #[test]
    fn scaling_every_weight_leaves_scores_unchanged(catalog in common::catalog(8), profile in common::lenient_profile(), factor in 0.01..100.0f64) {
        let mut spec = profile.spec().clone();
        let weights = spec.weights.take().unwrap();
        spec.weights = Some(weights.into_iter().map(|(c, w)| (c, w * factor)).collect());
        let scaled = StudentProfile::new(spec).unwrap();
        let selector = selector_for(&catalog);
        let (a, b) = (selector.rank(&profile).unwrap(), selector.rank(&scaled).unwrap());
        prop_assert_eq!(a.entries().len(), b.entries().len());
        for (x, y) in a.entries().iter().zip(b.entries()) {
            prop_assert!((x.score() - y.score()).abs() < 1e-9);
        }
    }

    #[test]
    fn improving_a_program_never_lowers_its_score_or_rank(catalog in common::catalog(8), profile in common::lenient_profile(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!catalog.is_empty());
        let selector = selector_for(&catalog);
        let before = selector.rank(&profile).unwrap();
        prop_assume!(!before.entries().is_empty());
        let entry = &before.entries()[pick.index(before.entries().len())];
        let program = catalog.get(entry.id().as_str()).unwrap();
        // Improve: one more unit of career support, or a higher graduation rate, or lower cost.
        let mut spec = program.to_spec();
        // (An unknown support stays unknown: knowing it is not an improvement of it.)
        if let Some(support) = &mut spec.career_support {
            support.job_placement = true;
        }
        if let himkit::Outcome::Reported { value, year, scope, note } = &spec.outcomes.graduation_rate {
            let better = himkit::Rate::new((value.get() + 0.1).min(1.0)).unwrap();
            spec.outcomes.graduation_rate =
                himkit::Outcome::Reported { value: better, year: *year, scope: *scope, note: note.clone() };
        }
        let improved = Program::new(spec).unwrap();
        let programs: Vec<Program> = catalog.iter().map(|p| if p.id() == improved.id() { improved.clone() } else { p.clone() }).collect();
        let after = selector_for(&Catalog::new(programs).unwrap()).rank(&profile).unwrap();
        let new_entry = after.entry(entry.id().as_str()).unwrap();
        prop_assert!(new_entry.score() >= entry.score() - 1e-12, "{} < {}", new_entry.score(), entry.score());
        if profile.spec().bounds == BoundsMode::Domain {
            prop_assert!(new_entry.rank() <= entry.rank());
        }
    }

    #[test]
    fn an_unrelated_program_never_reorders_two_others_under_domain_bounds(
        catalog in common::catalog(8), profile in common::lenient_profile(), extra in common::program()
    ) {
        let mut spec = profile.spec().clone();
        spec.bounds = BoundsMode::Domain;
        let profile = StudentProfile::new(spec).unwrap();
        prop_assume!(catalog.get(extra.id().as_str()).is_none());
        let before = scores(&selector_for(&catalog).rank(&profile).unwrap());
        let after = scores(&selector_for(&with_program(&catalog, extra.clone())).rank(&profile).unwrap());
        let kept: Vec<(String, f64)> = after.into_iter().filter(|(id, _)| id != extra.id().as_str()).collect();
        prop_assert_eq!(before, kept);
    }

    #[test]
    fn changing_the_currency_unit_keeps_the_order(catalog in common::catalog(8), profile in common::lenient_profile(), factor in 2u64..5) {
        // Every money amount the scoring sees (costs and the cost limit) scaled alike.
        prop_assume!(profile.spec().max_total_cost.is_some() || profile.spec().bounds == BoundsMode::Catalog);
        let mut spec = profile.spec().clone();
        spec.weights = Some(spec.weights.take().unwrap().into_iter().filter(|(c, _)| *c != Criterion::ExpectedEarnings).collect());
        prop_assume!(StudentProfile::new(spec.clone()).is_ok());
        let base = StudentProfile::new(spec.clone()).unwrap();
        spec.max_total_cost = spec.max_total_cost.map(|m| Money::new(m.dollars() * factor).unwrap());
        let scaled_profile = StudentProfile::new(spec).unwrap();
        let scaled: Vec<Program> = catalog.iter().map(|p| {
            let mut spec = p.to_spec();
            let Some(cost) = p.cost().known() else {
                return p.clone();
            };
            let residency_total = |r| cost.total(r).dollars() * factor;
            // An estimate scales as the total it stands for; only the total is scored.
            spec.cost = match cost.credits() {
                Some(credits) => himkit::program::Cost::per_credit(
                    credits,
                    Money::new(cost.per_credit_rate(himkit::program::Residency::InState).unwrap().dollars() * factor).unwrap(),
                    Money::new(cost.per_credit_rate(himkit::program::Residency::OutOfState).unwrap().dollars() * factor).unwrap(),
                ).unwrap(),
                None => himkit::program::Cost::total_only(
                    Money::new(residency_total(himkit::program::Residency::InState)).unwrap(),
                    Money::new(residency_total(himkit::program::Residency::OutOfState)).unwrap(),
                ),
            }.into();
            Program::new(spec).unwrap()
        }).collect();
        let order = |ranking: &Ranking| ranking.entries().iter().map(|e| (e.id().to_string(), e.rank())).collect::<Vec<_>>();
        let a = selector_for(&catalog).rank(&base).unwrap();
        let b = selector_for(&Catalog::new(scaled).unwrap()).rank(&scaled_profile).unwrap();
        prop_assert_eq!(order(&a), order(&b));
    }
}

/// The number an explanation shows for a criterion, read back from its text: `$12,345 (in-state)`,
/// `24 months`, `68.0% (2023)`, `yes`, `2 of 3`, `online (100.0% at a distance)`.
fn shown_number(criterion: Criterion, shown: &str) -> f64 {
    let leading = |text: &str| -> f64 {
        let digits: String = text
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .filter(|c| *c != ',')
            .collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("no number in {shown:?}"))
    };
    match criterion {
        Criterion::PracticeExperience => match shown {
            "yes" => 1.0,
            "no" => 0.0,
            other => panic!("{other:?}"),
        },
        Criterion::CareerSupport | Criterion::SkillCoverage => {
            let (count, of) = shown.split_once(" of ").unwrap();
            let of: f64 = of.parse().unwrap();
            if of == 0.0 {
                0.0
            } else {
                count.parse::<f64>().unwrap() / of
            }
        }
        Criterion::GraduationRate | Criterion::EmploymentRate | Criterion::ExamPassRate => {
            leading(shown) / 100.0
        }
        // Scored against a preference for online study: closeness to a distance share of 1.
        Criterion::DeliveryPreference => {
            1.0 - (leading(shown.split_once('(').unwrap().1) / 100.0 - 1.0).abs()
        }
        _ => leading(shown),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(64)
    ))]

    /// Every criterion's explained value is the value it was scored with: with the criterion
    /// weighted alone, the number the explanation shows normalises to the contribution (within
    /// the rounding of the text), and the contribution is the score.
    #[test]
    fn every_explained_value_is_the_scored_value(catalog in common::catalog(6), skills in common::skills()) {
        let selector = selector_for(&catalog);
        for program in selector.programs() {
            for criterion in Criterion::all() {
                let mut spec = ProfileSpec::new(program.institution().state());
                spec.require_accreditation = false;
                spec.weights = Some([(criterion, 1.0)].into_iter().collect());
                spec.desired_skills = if skills.is_empty() { himkit::SkillSet::all() } else { skills };
                spec.preferred_delivery = Some(himkit::DeliveryMode::Online);
                // A ZIP code in the campus's state, for distance (there is none in some
                // territories, whose programs are then not scored on it).
                spec.home_zip = himkit::value::ZipCode::all().find(|zip| zip.state() == program.institution().state());
                if criterion == Criterion::Distance && spec.home_zip.is_none() {
                    continue;
                }
                let profile = StudentProfile::new(spec).unwrap();
                let ranking = selector.rank(&profile).unwrap();
                let Some(entry) = ranking.entry(program.id().as_str()) else {
                    continue;
                };
                if let [contribution] = entry.contributions() {
                    prop_assert_eq!(contribution.criterion, criterion);
                    prop_assert!((contribution.contribution - entry.score()).abs() < 1e-12);
                    prop_assert!((contribution.normalised - entry.score()).abs() < 1e-12);
                    let bounds = profile.domain_bounds(criterion);
                    let shown = bounds.normalise(shown_number(criterion, &contribution.value));
                    prop_assert!(
                        (shown - contribution.normalised).abs() < 1e-3,
                        "{}: shown {:?} normalises to {}, scored {}",
                        criterion, contribution.value, shown, contribution.normalised
                    );
                } else {
                    // No value: the explanation says why, and nothing was scored.
                    prop_assert!(entry.contributions().is_empty());
                    prop_assert_eq!(entry.missing().len(), 1);
                }
            }
        }
    }
}

#[test]
fn the_excluded_count_is_known_before_the_reasons_are_built() {
    let dataset = Dataset::national().unwrap();
    let selector = Selector::new(dataset.catalog(), dataset.wages());
    let ranking = selector
        .rank_top(&StudentProfile::example(UsState::Ohio), 10)
        .unwrap();
    let count = ranking.excluded_count();
    assert!(count > 0);
    assert_eq!(count, ranking.exclusions().len());
    assert_eq!(ranking.excluded_count(), count);
    assert_eq!(ranking.bounds(), himkit::select::BoundsMode::Domain);
}
