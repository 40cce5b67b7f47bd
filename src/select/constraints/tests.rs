//! Each rule's answer against what it reports, for every program of the embedded catalogues:
//! a failure always has a reason, an unknown answer a why (as a reason or a flag, as the
//! profile says), a pass neither; and the fast path leaves a program out exactly where a
//! reason is given.

use std::collections::BTreeMap;

use super::{Answer, Bound, Constraints, Rule};
use crate::credential::Credential;
use crate::dataset::Dataset;
use crate::program::{DegreeLevel, DeliveryMode, Program};
use crate::select::exclusion::{ExclusionReason, Verdict};
use crate::select::facts::{EarningsFallback, Student};
use crate::select::profile::{Constraint, ProfileSpec, StudentProfile, UnknownPolicy};
use crate::select::row_set::RowSet;
use crate::value::{Money, UsState};

/// Checks one rule over every program for every profile.
pub(super) trait CheckRule {
    fn rule<R: Rule>(&mut self);
}

struct Check<'a> {
    programs: &'a [Program],
    profiles: &'a [StudentProfile],
    fallback: &'a EarningsFallback,
    /// How many answers of each kind were seen, over every rule.
    seen: BTreeMap<&'static str, usize>,
}

impl CheckRule for Check<'_> {
    fn rule<R: Rule>(&mut self) {
        for profile in self.profiles {
            let Some(bound) = Bound::<R>::new(profile) else {
                continue;
            };
            let student = Student::new(profile, self.fallback);
            let cells: Vec<R::Cell> = self.programs.iter().map(R::cell).collect();
            let mut excluded = RowSet::new(cells.len());
            bound.mark(&cells, &student, &mut excluded);
            for (row, (program, cell)) in self.programs.iter().zip(&cells).enumerate() {
                let answer = R::answer(&bound.ask, *cell, &student);
                let mut verdict = Verdict::default();
                bound.judge(*cell, program, &student, &mut verdict);
                let marked = excluded.contains(row);
                let id = program.id();
                assert_eq!(
                    marked,
                    !verdict.reasons.is_empty(),
                    "{id}: {answer:?} {verdict:?}"
                );
                let said = verdict.reasons.len() + verdict.flags.len();
                match answer {
                    Answer::Pass => assert_eq!(said, 0, "{id}: passes, yet {verdict:?}"),
                    Answer::Fail => {
                        assert!(verdict.flags.is_empty(), "{id}: fails, yet {verdict:?}");
                        assert!(
                            matches!(verdict.reasons.as_slice(), [reason] if !matches!(reason, ExclusionReason::Unknown { .. }) && !reason.to_string().is_empty()),
                            "{id}: fails with {verdict:?}"
                        );
                    }
                    Answer::Unknown => {
                        assert_eq!(said, 1, "{id}: unknown, yet {verdict:?}");
                        let why = match (verdict.reasons.first(), verdict.flags.first()) {
                            (Some(ExclusionReason::Unknown { unknown, why }), None) => {
                                assert_eq!(Some(*unknown), R::UNKNOWN);
                                why
                            }
                            (None, Some(flag)) => {
                                assert_eq!(Some(flag.constraint), R::UNKNOWN);
                                &flag.why
                            }
                            _ => panic!("{id}: unknown, yet {verdict:?}"),
                        };
                        assert!(!why.is_empty(), "{id}: no why");
                    }
                }
                let kind = match answer {
                    Answer::Pass => "pass",
                    Answer::Fail => "fail",
                    Answer::Unknown => "unknown",
                };
                *self.seen.entry(kind).or_default() += 1;
            }
        }
    }
}

/// Profiles that ask every rule, strictly and leniently, with both unknown policies.
fn profiles() -> Vec<StudentProfile> {
    let mut profiles: Vec<StudentProfile> = [UsState::Ohio, UsState::Texas, UsState::California]
        .into_iter()
        .map(StudentProfile::example)
        .collect();
    for policy in [UnknownPolicy::KeepAndFlag, UnknownPolicy::Exclude] {
        for (home, credential, cost, months) in [
            (UsState::Ohio, Credential::Rhia, 20_000, 24),
            (UsState::Minnesota, Credential::Rhit, 60_000, 48),
            (UsState::Florida, Credential::Ccs, 150_000, 12),
        ] {
            let mut spec = ProfileSpec::new(home);
            spec.degree_levels = [DegreeLevel::Associate, DegreeLevel::Baccalaureate].into();
            spec.delivery_modes = [DeliveryMode::Online].into();
            spec.relocation_states = [UsState::Indiana].into();
            spec.target_credential = Some(credential);
            spec.max_total_cost = Money::new(cost).ok();
            spec.max_length_months = Some(months);
            spec.require_practice_experience = true;
            spec.unknown = Constraint::all().map(|constraint| (constraint, policy)).collect();
            profiles.push(StudentProfile::new(spec.clone()).unwrap());
            spec.delivery_modes = [DeliveryMode::OnCampus, DeliveryMode::Hybrid].into();
            profiles.push(StudentProfile::new(spec).unwrap());
        }
    }
    profiles
}

#[test]
fn every_answer_has_what_it_reports_and_only_that() {
    let profiles = profiles();
    let mut seen = BTreeMap::new();
    for dataset in [Dataset::embedded().unwrap(), Dataset::national().unwrap()] {
        let programs = dataset.catalog().programs();
        let fallback = EarningsFallback::new(dataset.wages());
        let mut check = Check {
            programs,
            profiles: &profiles,
            fallback: &fallback,
            seen,
        };
        Constraints::for_each_rule(&mut check);
        seen = check.seen;
        // The rules together, as a ranking asks them: left out exactly where there is a reason.
        let constraints = Constraints::new(programs);
        for profile in &profiles {
            let asked = Constraints::ask(profile);
            let student = Student::new(profile, &fallback);
            let mut excluded = RowSet::new(programs.len());
            constraints.mark(&asked, &student, &mut excluded);
            for (row, program) in programs.iter().enumerate() {
                let mut verdict = Verdict::default();
                constraints.judge(&asked, row, program, &student, &mut verdict);
                let marked = excluded.contains(row);
                assert_eq!(marked, !verdict.reasons.is_empty(), "{}", program.id());
            }
        }
    }
    // The profiles reach every kind of answer (the illustrative catalogue knows everything; the
    // national one does not).
    assert_eq!(seen.len(), 3, "{seen:?}");
}
