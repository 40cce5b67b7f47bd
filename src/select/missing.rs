//! The missing-data rule, decided here once: a program is left out when it lacks a weighted
//! criterion the profile excludes programs without ([`MissingPolicy::ExcludeProgram`]), or when
//! none of its weighted criteria counts towards a score. The fast path asks it over the set of a
//! program's missing criteria, the reasons are built from the same set, and scoring is told what
//! is left for it to do.

use super::criteria::Criterion;
use super::exclusion::ExclusionReason;
use super::profile::StudentProfile;
use super::scoring::MissingPolicy;
use crate::vocabulary::VocabularySet;

/// A set of criteria: those a program lacks, or those a rule reads.
pub(crate) type Criteria = VocabularySet<Criterion>;

/// The missing-data rule of one profile over its weighted criteria (the columns of its
/// criteria matrix).
#[derive(Debug, Clone)]
pub(crate) struct MissingRule {
    criteria: Vec<Criterion>,
    /// The criteria whose absence leaves a program out.
    required: Criteria,
    /// The criteria whose value counts towards a score (their scaled weight is positive).
    counted: Criteria,
    /// Those of them that count even when missing, as the worst value.
    counted_when_missing: Criteria,
}

impl MissingRule {
    /// The rule of `profile` over its weighted `criteria`, whose scaled weights are `weights`.
    pub(crate) fn new(profile: &StudentProfile, criteria: &[Criterion], weights: &[f64]) -> Self {
        let mut rule = Self {
            criteria: criteria.to_vec(),
            required: Criteria::new(),
            counted: Criteria::new(),
            counted_when_missing: Criteria::new(),
        };
        for (criterion, weight) in criteria.iter().zip(weights) {
            let policy = profile.missing_policy(*criterion);
            if policy == MissingPolicy::ExcludeProgram {
                rule.required.insert(*criterion);
            }
            if *weight > 0.0 {
                rule.counted.insert(*criterion);
                if policy == MissingPolicy::ScoreAsWorst {
                    rule.counted_when_missing.insert(*criterion);
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

    /// The weighted criteria the rule reads, in criterion order: the matrix's columns.
    pub(crate) fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    /// Whether a program whose missing criteria are `missing` has nothing to score.
    fn nothing_to_score(&self, missing: Criteria) -> bool {
        self.counted.is_subset(missing) && !self.counted_when_missing.intersects(missing)
    }

    /// Whether a program whose missing criteria are `missing` is left out.
    pub(crate) fn excludes(&self, missing: Criteria) -> bool {
        self.required.intersects(missing) || self.nothing_to_score(missing)
    }

    /// Adds to `reasons` (those of the constraints, already there) every reason the rule leaves
    /// out a program whose missing criteria are `missing`, `why` each is missing:
    /// [`ExclusionReason::NothingToScore`] only where no other reason leaves it out.
    pub(crate) fn reasons(
        &self,
        missing: Criteria,
        why: impl Fn(Criterion) -> String,
        reasons: &mut Vec<ExclusionReason>,
    ) {
        for criterion in self.required.intersection(missing).iter() {
            reasons.push(ExclusionReason::MissingCriterion {
                criterion,
                why: why(criterion),
            });
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
            for lacking in 0..8usize {
                let missing: Criteria = criteria
                    .iter()
                    .enumerate()
                    .filter(|(column, _)| lacking & (1 << column) != 0)
                    .map(|(_, criterion)| *criterion)
                    .collect();
                let mut reasons = Vec::new();
                rule.reasons(missing, |criterion| format!("no {criterion}"), &mut reasons);
                assert_eq!(
                    rule.excludes(missing),
                    !reasons.is_empty(),
                    "{policies:?} {missing:?}"
                );
            }
        }
    }
}
