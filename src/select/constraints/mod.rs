//! Hard constraints as rules: one [`Rule`] per constraint gives what it keeps of each program,
//! its answer (pass, fail or unknown) for a profile and student, and its reason. A ranking
//! marks the excluded rows column by column from the answers, without building a reason; the
//! reasons of an excluded program and the flags of a ranked one are built from the same
//! answers on the same cells, so that the two cannot disagree.
//!
//! Adding a constraint is one [`Rule`] (in [`rules`]), its [`ExclusionReason`] variant (and a
//! [`Constraint`] variant if its answer can be unknown), and one entry in the list at the end.

mod rules;

use std::fmt;

use super::exclusion::{ExclusionReason, Flag, Verdict};
use super::facts::Student;
use super::profile::{Constraint, StudentProfile, UnknownPolicy};
use super::row_set::RowSet;
use crate::program::Program;

/// A rule's answer for one program, before the profile says what an unknown answer does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    Pass,
    Fail,
    Unknown,
}

impl Answer {
    /// [`Answer::Pass`] if `passes`, else [`Answer::Fail`].
    fn pass_if(passes: bool) -> Self {
        if passes { Self::Pass } else { Self::Fail }
    }
}

/// One hard constraint.
pub(crate) trait Rule {
    /// What the rule keeps of each program, whoever the student: prepared once, read for every
    /// program a ranking considers, so small.
    type Cell: Copy + fmt::Debug;
    /// What a profile asks of the rule, worked out once per ranking.
    type Ask;
    /// The constraint whose [`UnknownPolicy`] applies to an unknown answer; `None` for a rule
    /// whose answer is never unknown (should it be, the program fails).
    const UNKNOWN: Option<Constraint>;
    /// What the rule keeps of `program`.
    fn cell(program: &Program) -> Self::Cell;
    /// What `profile` asks, `None` when it does not ask anything of this rule (it is off).
    fn ask(profile: &StudentProfile) -> Option<Self::Ask>;
    /// The answer for a program whose cell is `cell`.
    fn answer(ask: &Self::Ask, cell: Self::Cell, student: &Student<'_>) -> Answer;
    /// Why `program` fails: called only where [`Rule::answer`] is [`Answer::Fail`].
    fn reason(ask: &Self::Ask, cell: Self::Cell, program: &Program, student: &Student<'_>)
    -> ExclusionReason;
    /// What is not known about `program`: called only where [`Rule::answer`] is
    /// [`Answer::Unknown`].
    fn why_unknown(ask: &Self::Ask, cell: Self::Cell, program: &Program, student: &Student<'_>) -> String;
}

/// A rule as one profile asks it.
pub(crate) struct Bound<R: Rule> {
    ask: R::Ask,
    /// Whether an unknown answer leaves the program out.
    unknown_excludes: bool,
}

impl<R: Rule> Bound<R> {
    /// The rule as `profile` asks it, `None` when it is off.
    fn new(profile: &StudentProfile) -> Option<Self> {
        Some(Self {
            ask: R::ask(profile)?,
            unknown_excludes: R::UNKNOWN
                .is_none_or(|constraint| profile.unknown_policy(constraint) == UnknownPolicy::Exclude),
        })
    }

    /// Whether `answer` leaves a program out.
    fn excludes(&self, answer: Answer) -> bool {
        match answer {
            Answer::Pass => false,
            Answer::Fail => true,
            Answer::Unknown => self.unknown_excludes,
        }
    }

    /// Adds to `excluded` every row of `cells` the rule leaves out. Only the rows that no rule
    /// before it has left out are answered.
    fn mark(&self, cells: &[R::Cell], student: &Student<'_>, excluded: &mut RowSet) {
        excluded.insert_where(cells, |cell| self.excludes(R::answer(&self.ask, *cell, student)));
    }

    /// Adds the rule's reason for `program` (whose cell is `cell`) to `verdict`, or its flag.
    fn judge(&self, cell: R::Cell, program: &Program, student: &Student<'_>, verdict: &mut Verdict) {
        let answer = R::answer(&self.ask, cell, student);
        match (answer, R::UNKNOWN) {
            (Answer::Pass, _) => {}
            (Answer::Unknown, Some(constraint)) => {
                let why = R::why_unknown(&self.ask, cell, program, student);
                if self.excludes(answer) {
                    verdict.reasons.push(ExclusionReason::Unknown {
                        unknown: constraint,
                        why,
                    });
                } else {
                    verdict.flags.push(Flag { constraint, why });
                }
            }
            (Answer::Fail, _) | (Answer::Unknown, None) => {
                verdict.reasons.push(R::reason(&self.ask, cell, program, student));
            }
        }
    }
}

/// Lists the rules, in the order their reasons are given: the prepared columns, the rules a
/// profile asks, and the marking and judging over all of them come from this list.
macro_rules! rules {
    ($($field:ident: $rule:ty,)*) => {
        /// Every rule's cells, one column each, read once from the programs when the selector
        /// is built.
        #[derive(Debug, Default)]
        pub(crate) struct Constraints {
            $($field: Vec<<$rule as Rule>::Cell>,)*
        }

        /// The rules one profile asks (`None`: off).
        pub(crate) struct Asked {
            $($field: Option<Bound<$rule>>,)*
        }

        impl Constraints {
            /// Reads `programs` (in row order) into one column per rule.
            pub(crate) fn new(programs: &[Program]) -> Self {
                Self {
                    $($field: programs.iter().map(<$rule as Rule>::cell).collect(),)*
                }
            }

            /// The rules `profile` asks.
            pub(crate) fn ask(profile: &StudentProfile) -> Asked {
                Asked {
                    $($field: Bound::new(profile),)*
                }
            }

            /// Adds to `excluded` every row that a rule `asked` leaves out.
            pub(crate) fn mark(&self, asked: &Asked, student: &Student<'_>, excluded: &mut RowSet) {
                $(if let Some(bound) = &asked.$field {
                    bound.mark(&self.$field, student, excluded);
                })*
            }

            /// Adds to `verdict` every reason the rules `asked` leave out `program` (row `row`),
            /// and the flags of those whose unknown answer keeps it, in the rules' order.
            pub(crate) fn judge(
                &self,
                asked: &Asked,
                row: usize,
                program: &Program,
                student: &Student<'_>,
                verdict: &mut Verdict,
            ) {
                $(if let (Some(bound), Some(cell)) = (&asked.$field, self.$field.get(row)) {
                    bound.judge(*cell, program, student, verdict);
                })*
            }

            /// Runs `check` with every rule, in order.
            #[cfg(test)]
            fn for_each_rule(check: &mut impl tests::CheckRule) {
                $(check.rule::<$rule>();)*
            }
        }
    };
}

rules! {
    degree_level: rules::WantedLevel,
    delivery_mode: rules::AcceptedDelivery,
    location: rules::WithinReach,
    accreditation: rules::Accredited,
    credential: rules::EligibleForCredential,
    total_cost: rules::CostLimit,
    length: rules::LengthLimit,
    practice_experience: rules::PracticeRequired,
}

#[cfg(test)]
mod tests;
