//! The missing-data rule, decided here once: a program is left out when it lacks a weighted
//! criterion the profile excludes programs without ([`MissingPolicy::ExcludeProgram`]), or when
//! none of its weighted criteria counts towards a score. The fast path asks it over bits of the
//! missing criteria, the reasons are built from the same bits, and scoring is told what is left
//! for it to do.

use super::criteria::Criterion;
use super::exclusion::ExclusionReason;
use super::profile::StudentProfile;
use super::scoring::MissingPolicy;

/// The missing-data rule of one profile over its weighted criteria (the columns of its
/// criteria matrix). Sets of columns are bits, by column index.
#[derive(Debug, Clone)]
pub(crate) struct MissingRule {
    criteria: Vec<Criterion>,
    /// The columns whose absence leaves a program out.
    required: u32,
    /// The columns whose value counts towards a score (their scaled weight is positive).
    counted: u32,
    /// Those of them that count even when missing, as the worst value.
    counted_when_missing: u32,
}

/// The bit of column `column`.
fn column_bit(column: usize) -> u32 {
    u32::try_from(column)
        .ok()
        .and_then(|column| 1u32.checked_shl(column))
        .unwrap_or(0)
}

impl MissingRule {
    /// The rule of `profile` over its weighted `criteria`, whose scaled weights are `weights`.
    pub(crate) fn new(profile: &StudentProfile, criteria: &[Criterion], weights: &[f64]) -> Self {
        let mut rule = Self {
            criteria: criteria.to_vec(),
            required: 0,
            counted: 0,
            counted_when_missing: 0,
        };
        for (column, (criterion, weight)) in criteria.iter().zip(weights).enumerate() {
            let bit = column_bit(column);
            let policy = profile.missing_policy(*criterion);
            if policy == MissingPolicy::ExcludeProgram {
                rule.required |= bit;
            }
            if *weight > 0.0 {
                rule.counted |= bit;
                if policy == MissingPolicy::ScoreAsWorst {
                    rule.counted_when_missing |= bit;
                }
            }
        }
        rule
    }

    /// The missing-data policy of each of `criteria` as scoring applies it: the programs that
    /// lack a criterion they cannot go without are left out before scoring, so none reaches it.
    pub(crate) fn scoring_policies(profile: &StudentProfile, criteria: &[Criterion]) -> Vec<MissingPolicy> {
        criteria
            .iter()
            .map(|criterion| match profile.missing_policy(*criterion) {
                MissingPolicy::ExcludeProgram => MissingPolicy::Reweight,
                policy => policy,
            })
            .collect()
    }

    /// The bit of column `column` in a set of missing columns, to build the set from.
    pub(crate) fn bit(column: usize) -> u32 {
        column_bit(column)
    }

    /// Whether a program whose missing columns are `missing` has nothing to score.
    fn nothing_to_score(&self, missing: u32) -> bool {
        self.counted & !missing == 0 && self.counted_when_missing & missing == 0
    }

    /// Whether a program whose missing columns are `missing` is left out.
    pub(crate) fn excludes(&self, missing: u32) -> bool {
        self.required & missing != 0 || self.nothing_to_score(missing)
    }

    /// Adds to `reasons` (those of the constraints, already there) every reason the rule leaves
    /// out a program whose missing columns are `missing`, `why` each is missing:
    /// [`ExclusionReason::NothingToScore`] only where no other reason leaves it out.
    pub(crate) fn reasons(
        &self,
        missing: u32,
        why: impl Fn(Criterion) -> String,
        reasons: &mut Vec<ExclusionReason>,
    ) {
        for (column, criterion) in self.criteria.iter().enumerate() {
            if self.required & missing & column_bit(column) != 0 {
                reasons.push(ExclusionReason::MissingCriterion {
                    criterion: *criterion,
                    why: why(*criterion),
                });
            }
        }
        if reasons.is_empty() && self.nothing_to_score(missing) {
            reasons.push(ExclusionReason::NothingToScore);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::select::profile::ProfileSpec;
    use crate::value::UsState;

    #[test]
    fn the_fast_answer_and_the_reasons_agree() {
        let criteria = [
            Criterion::TotalCost,
            Criterion::GraduationRate,
            Criterion::ExamPassRate,
        ];
        for policies in [
            [MissingPolicy::Reweight; 3],
            [
                MissingPolicy::ExcludeProgram,
                MissingPolicy::ScoreAsWorst,
                MissingPolicy::Reweight,
            ],
            [
                MissingPolicy::ScoreAsWorst,
                MissingPolicy::Reweight,
                MissingPolicy::ExcludeProgram,
            ],
        ] {
            let mut spec = ProfileSpec::new(UsState::Ohio);
            spec.weights = Some(criteria.iter().map(|criterion| (*criterion, 1.0)).collect());
            spec.missing = criteria.into_iter().zip(policies).collect::<BTreeMap<_, _>>();
            let profile = StudentProfile::new(spec).unwrap();
            let rule = MissingRule::new(&profile, &criteria, &[0.5, 0.25, 0.25]);
            assert_eq!(
                MissingRule::scoring_policies(&profile, &criteria)
                    .iter()
                    .filter(|policy| **policy == MissingPolicy::ExcludeProgram)
                    .count(),
                0
            );
            for missing in 0..8u32 {
                let mut reasons = Vec::new();
                rule.reasons(missing, |criterion| format!("no {criterion}"), &mut reasons);
                assert_eq!(
                    rule.excludes(missing),
                    !reasons.is_empty(),
                    "{policies:?} {missing:b}"
                );
            }
        }
    }
}
