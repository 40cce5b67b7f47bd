//! The scoring core's unit tests: hand-computed examples, the methods' properties and the
//! weights' scaling.

use super::super::matrix::Direction;
use super::*;

#[test]
#[allow(clippy::float_cmp)] // Exactly 1, so that a ranking shows the weights as written.
fn the_default_weights_sum_to_1_and_print_as_written() {
    use super::super::Criterion;
    // Distance weighs only with a home ZIP code: the others are a profile's whole weight without one.
    let without_a_zip = Criterion::all().filter(|criterion| *criterion != Criterion::Distance);
    assert_eq!(weight_total(without_a_zip.map(Criterion::default_weight)), 1.0);
}

#[test]
fn weights_that_sum_to_1_as_decimals_are_scaled_to_themselves() {
    let weights = [0.2, 0.05, 0.1, 0.15, 0.15, 0.05, 0.05, 0.05, 0.05, 0.15];
    assert!(weights.iter().sum::<f64>() > 1.0, "a plain sum is off by an ulp");
    let scoring = Scoring::new(
        Method::WeightedSum,
        &weights,
        vec![
            Bounds {
                worst: 0.0,
                best: 1.0
            };
            10
        ],
        vec![MissingPolicy::Reweight; 10],
    )
    .unwrap();
    assert_eq!(scoring.weights(), &weights);
    assert_eq!(serde_json::to_string(&scoring.weights()[0]).unwrap(), "0.2");

    // Weights whose sum is not finite are refused, not scaled to 0.
    let error = Scoring::new(
        Method::WeightedSum,
        &[f64::MAX, f64::MAX],
        vec![
            Bounds {
                worst: 0.0,
                best: 1.0
            };
            2
        ],
        vec![MissingPolicy::Reweight; 2],
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("weights: their sum is not finite"),
        "{error}"
    );
}

#[test]
fn topsis_matches_a_hand_computed_example() {
    // Three alternatives, two benefit criteria, weights 0.6 / 0.4, min-max bounds.
    let matrix =
        CriteriaMatrix::from_row_major(&[1.0, 3.0, 2.0, 1.0, 3.0, 2.0], &[Direction::Benefit; 2]).unwrap();
    let bounds = matrix.data_bounds();
    let scoring = Scoring::new(
        Method::Topsis,
        &[0.6, 0.4],
        bounds,
        vec![MissingPolicy::Reweight; 2],
    )
    .unwrap();
    let scores = scoring.score(&matrix).unwrap();
    // Normalised: a = (0, 1), b = (0.5, 0), c = (1, 0.5). Weighted: a = (0, .4),
    // b = (.3, 0), c = (.6, .2). d- = |v|, d+ = |v - (.6, .4)|.
    let expected = |anti: f64, ideal: f64| anti / (anti + ideal);
    let a = expected(0.4, 0.6);
    let b = expected(0.3, (0.09f64 + 0.16).sqrt());
    let c = expected((0.36f64 + 0.04).sqrt(), 0.2);
    for (got, want) in scores.iter().zip([a, b, c]) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    for (row, expected) in scores.iter().enumerate() {
        let ExplainedRow { score, contributions } = scoring.explain_row(&matrix, row).unwrap();
        assert!((score - expected).abs() < 1e-12);
        let sum: f64 = contributions.iter().flatten().sum();
        assert!((sum - score).abs() < 1e-12);
    }
}

#[test]
fn weighted_sum_matches_a_hand_computed_example() {
    let matrix = CriteriaMatrix::from_row_major(
        &[10.0, 100.0, 20.0, 300.0],
        &[Direction::Benefit, Direction::Cost],
    )
    .unwrap();
    let bounds = vec![
        Bounds {
            worst: 0.0,
            best: 40.0,
        },
        Bounds {
            worst: 400.0,
            best: 0.0,
        },
    ];
    let scoring = Scoring::new(
        Method::WeightedSum,
        &[3.0, 1.0],
        bounds,
        vec![MissingPolicy::Reweight; 2],
    )
    .unwrap();
    let scores = scoring.score(&matrix).unwrap();
    assert!((scores[0] - (0.75 * 0.25 + 0.25 * 0.75)).abs() < 1e-12);
    assert!((scores[1] - (0.75 * 0.5 + 0.25 * 0.25)).abs() < 1e-12);
}

#[test]
fn missing_values_never_poison_other_rows() {
    let mut matrix = CriteriaMatrix::new(3);
    matrix
        .push_column(
            Direction::Benefit,
            vec![0.2, 0.0, 0.8],
            Some(vec![false, true, false]),
        )
        .unwrap();
    matrix
        .push_column(Direction::Benefit, vec![0.5, 0.5, 0.5], None)
        .unwrap();
    let bounds = vec![
        Bounds {
            worst: 0.0,
            best: 1.0
        };
        2
    ];
    let scoring = Scoring::new(
        Method::WeightedSum,
        &[1.0, 1.0],
        bounds.clone(),
        vec![MissingPolicy::Reweight; 2],
    )
    .unwrap();
    let scores = scoring.score(&matrix).unwrap();
    assert_eq!(scores, vec![0.35, 0.5, 0.65]);
    let worst = Scoring::new(
        Method::WeightedSum,
        &[1.0, 1.0],
        bounds,
        vec![MissingPolicy::ScoreAsWorst; 2],
    )
    .unwrap();
    assert!((worst.score(&matrix).unwrap()[1] - 0.25).abs() < 1e-15);
    assert!(
        matrix
            .push_column(Direction::Cost, vec![f64::NAN, 1.0, 1.0], None)
            .is_err()
    );
}

#[test]
fn weights_must_be_usable() {
    let bounds = vec![
        Bounds {
            worst: 0.0,
            best: 1.0
        };
        2
    ];
    let policies = vec![MissingPolicy::Reweight; 2];
    for weights in [[0.0, 0.0], [-1.0, 2.0], [f64::NAN, 2.0]] {
        assert!(Scoring::new(Method::WeightedSum, &weights, bounds.clone(), policies.clone()).is_err());
    }
}

/// A profile's weights and a scoring's are checked by one validation: the same weights are
/// refused with the same rule, the profile naming the criterion.
#[test]
fn a_profile_and_a_scoring_refuse_the_same_weights_alike() {
    use super::super::{Criterion, ProfileSpec, StudentProfile};
    use crate::UsState;
    let cases: [&[f64]; 6] = [
        &[-1.0, 1.0],
        &[f64::NAN, 1.0],
        &[f64::INFINITY, 1.0],
        &[f64::MAX, f64::MAX],
        &[0.0, 0.0],
        &[],
    ];
    for weights in cases {
        let mut spec = ProfileSpec::new(UsState::Ohio);
        spec.weights = Some(
            [Criterion::TotalCost, Criterion::Length]
                .into_iter()
                .zip(weights.iter().copied())
                .collect(),
        );
        let profile = StudentProfile::new(spec).unwrap_err().to_string();
        let bounds = vec![
            Bounds {
                worst: 0.0,
                best: 1.0
            };
            weights.len()
        ];
        let scoring = Scoring::new(
            Method::WeightedSum,
            weights,
            bounds,
            vec![MissingPolicy::Reweight; weights.len()],
        )
        .unwrap_err()
        .to_string();
        let rule = |message: &str| message.split_once(": ").map(|(_, rule)| rule.to_owned());
        assert_eq!(
            rule(&profile),
            rule(&scoring),
            "{weights:?}: {profile} / {scoring}"
        );
        assert!(profile.starts_with("weights"), "{profile}");
    }
}
