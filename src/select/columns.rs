//! The prepared catalogue in columns: everything about each program that does not depend on
//! the student, read once when the [`Selector`](super::Selector) is built, so that a ranking
//! only does what the profile changes (residency, constraints, weights, preferences).
//!
//! Criteria whose value does not depend on the profile are read here through
//! [`Criterion::read`], their one definition; the others are worked out per ranking from the
//! parts kept here with the same helpers `read` uses.

use super::criteria::{Criterion, Terms, delivery_closeness, skill_coverage};
use super::facts::{EarningsFallback, Facts};
use crate::career::HimOccupation;
use crate::career::SkillSet;
use crate::credential::{Credential, Eligibility};
use crate::program::AccreditationState;
use crate::program::Outcome;
use crate::program::{DeliveryMode, DeliveryState, LengthBasis, Program, Residency};
use crate::value::{Money, UsState};

/// A constraint's answer for one program, before the profile says what an unknown does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    Pass,
    Fail,
    Unknown,
}

/// A set of states as bits, by declaration index.
pub(crate) type StateSet = u128;

/// The bit of `state` in a [`StateSet`].
pub(crate) fn state_bit(state: UsState) -> StateSet {
    1u128.checked_shl(state as u32).unwrap_or(0)
}

/// The bit of `criterion` in a set of criteria.
pub(crate) fn criterion_bit(criterion: Criterion) -> u16 {
    1u16.checked_shl(criterion as u32).unwrap_or(0)
}

/// The bit of `occupation` in a set of occupations.
pub(crate) fn occupation_bit(occupation: HimOccupation) -> u8 {
    1u8.checked_shl(occupation as u32).unwrap_or(0)
}

/// The bit of `mode` in a set of delivery modes.
pub(crate) fn mode_bit(mode: DeliveryMode) -> u8 {
    1u8.checked_shl(mode as u32).unwrap_or(0)
}

/// What is known of a program's delivery, as the constraints read it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum DeliveryColumn {
    /// The mode's bit, and the states an online program cannot enrol from.
    Known {
        mode: u8,
        online: bool,
        blocked: StateSet,
    },
    /// The bits of the modes it might be.
    Unknown { might: u8 },
}

/// The profile-independent columns of the prepared programs (in id order, one entry per
/// program).
#[derive(Debug, Clone, Default)]
pub(crate) struct Columns {
    pub(crate) level_bit: Vec<u16>,
    pub(crate) campus: Vec<StateSet>,
    pub(crate) delivery: Vec<DeliveryColumn>,
    pub(crate) accreditation: Vec<Answer>,
    /// Rows × credentials, by the credential's declaration index.
    pub(crate) eligibility: Vec<Answer>,
    pub(crate) credentials: usize,
    /// In-state and out-of-state totals, `None` when the cost is unknown.
    pub(crate) cost: Vec<Option<[Money; 2]>>,
    pub(crate) length_months: Vec<u16>,
    pub(crate) length_is_program: Vec<bool>,
    pub(crate) practice: Vec<Option<bool>>,
    pub(crate) skills: Vec<Option<SkillSet>>,
    pub(crate) distance_share: Vec<Option<f64>>,
    pub(crate) reported_earnings: Vec<Option<Money>>,
    pub(crate) occupation: Vec<HimOccupation>,
    /// The criteria (bits by declaration index) each row has no value for, whoever the student
    /// is; expected earnings are not among them (see [`Columns::missing`]).
    pub(crate) missing: Vec<u16>,
    /// For each criterion (by declaration index) whose value depends on the program alone, its
    /// value for every row (`None`: missing); empty for the others.
    pub(crate) fixed: Vec<Vec<Option<f64>>>,
    /// For each criterion (by declaration index) whose explanation text does not depend on the
    /// student, that text for every row (the value as shown, or why it is missing), formatted
    /// once; empty for the others. Total cost has one text per residency in `cost_texts`.
    texts: Vec<Vec<String>>,
    /// The total-cost text for in-state and out-of-state students.
    cost_texts: Vec<[String; 2]>,
}

/// What the constraints read of a program's delivery.
fn delivery_column(delivery: &DeliveryState) -> DeliveryColumn {
    match delivery {
        DeliveryState::Known(delivery) => DeliveryColumn::Known {
            mode: mode_bit(delivery.mode()),
            online: delivery.mode() == DeliveryMode::Online,
            blocked: delivery
                .unavailable_states()
                .map(state_bit)
                .fold(0, |set, bit| set | bit),
        },
        unknown => DeliveryColumn::Unknown {
            might: DeliveryMode::all()
                .filter(|mode| unknown.might_be(*mode))
                .map(mode_bit)
                .fold(0, |set, bit| set | bit),
        },
    }
}

/// The criteria whose explanation text depends on the program alone (total cost's depends on
/// the residency too, and is kept for both).
fn has_fixed_text(criterion: Criterion) -> bool {
    !matches!(
        criterion,
        Criterion::TotalCost | Criterion::SkillCoverage | Criterion::ExpectedEarnings
    )
}

/// The criteria whose value depends on the program alone.
fn is_fixed(criterion: Criterion) -> bool {
    !matches!(
        criterion,
        Criterion::TotalCost
            | Criterion::SkillCoverage
            | Criterion::DeliveryPreference
            | Criterion::ExpectedEarnings
    )
}

impl Columns {
    /// Reads `programs` into columns.
    pub(crate) fn new(programs: &[Program]) -> Self {
        let credentials: Vec<Credential> = Credential::all().collect();
        let mut columns = Self {
            credentials: credentials.len(),
            fixed: vec![Vec::new(); Criterion::all().count()],
            texts: vec![Vec::new(); Criterion::all().count()],
            ..Self::default()
        };
        // The fixed criteria read neither facts nor terms; these stand in for them.
        let facts = Facts {
            residency: Residency::InState,
            total_cost: None,
            cost_is_estimate: false,
            earnings: None,
        };
        let terms = Terms {
            desired_skills: SkillSet::default(),
            preferred_delivery: None,
            max_total_cost: None,
            max_length_months: None,
        };
        for program in programs {
            columns
                .level_bit
                .push(1u16.checked_shl(program.degree_level() as u32).unwrap_or(0));
            columns.campus.push(state_bit(program.institution().state()));
            columns.delivery.push(delivery_column(program.delivery()));
            columns.accreditation.push(match program.accreditation() {
                AccreditationState::Known(accreditation)
                    if accreditation.counts_for_credential_eligibility() =>
                {
                    Answer::Pass
                }
                AccreditationState::NotVerified => Answer::Unknown,
                _ => Answer::Fail,
            });
            for credential in &credentials {
                columns.eligibility.push(match program.eligibility(*credential) {
                    Eligibility::Eligible | Eligibility::NoProgramRequired => Answer::Pass,
                    Eligibility::Unknown { .. } => Answer::Unknown,
                    _ => Answer::Fail,
                });
            }
            columns.cost.push(
                program
                    .cost()
                    .total(Residency::InState)
                    .zip(program.cost().total(Residency::OutOfState))
                    .map(|(in_state, out_of_state)| [in_state, out_of_state]),
            );
            columns.length_months.push(program.length_months());
            columns
                .length_is_program
                .push(program.length_basis() == LengthBasis::Program);
            columns.practice.push(program.professional_practice_experience());
            columns.skills.push(program.skills());
            columns.distance_share.push(match program.delivery() {
                DeliveryState::Known(delivery) => Some(delivery.distance_share().get()),
                _ => None,
            });
            columns
                .reported_earnings
                .push(match &program.outcomes().median_earnings {
                    Outcome::Reported { value, .. } => Some(*value),
                    _ => None,
                });
            columns
                .occupation
                .push(HimOccupation::typical_for(program.degree_level()));
            for criterion in Criterion::all().filter(|criterion| is_fixed(*criterion)) {
                if let Some(column) = columns.fixed.get_mut(criterion as usize) {
                    column.push(criterion.read(program, &facts, &terms).raw());
                }
            }
            columns.push_texts(program, &facts, &terms);
            let row = columns.missing.len();
            let missing = Criterion::all()
                .filter(|criterion| *criterion != Criterion::ExpectedEarnings)
                .filter(|criterion| match criterion {
                    Criterion::TotalCost => columns.cost.get(row).copied().flatten().is_none(),
                    Criterion::SkillCoverage => columns.skills.get(row).copied().flatten().is_none(),
                    Criterion::DeliveryPreference => {
                        columns.distance_share.get(row).copied().flatten().is_none()
                    }
                    fixed => columns
                        .fixed
                        .get(*fixed as usize)
                        .and_then(|column| column.get(row))
                        .is_none_or(Option::is_none),
                })
                .fold(0u16, |set, criterion| set | criterion_bit(criterion));
            columns.missing.push(missing);
        }
        columns
    }

    /// The criteria row `row` has no value for, as bits, when the occupations whose bits are
    /// set in `no_figure` have no wage figure for the student.
    pub(crate) fn missing(&self, row: usize, no_figure: u8) -> u16 {
        let mut missing = self.missing.get(row).copied().unwrap_or(u16::MAX);
        let reported = self.reported_earnings.get(row).is_some_and(Option::is_some);
        let occupation = self
            .occupation
            .get(row)
            .map_or(0, |occupation| occupation_bit(*occupation));
        if !reported && occupation & no_figure != 0 {
            missing |= criterion_bit(Criterion::ExpectedEarnings);
        }
        missing
    }

    /// Fills `values` and `missing` (cleared first) with the column of `criterion` over
    /// `rows`: each cell as [`Criterion::read`] gives it, and whether it is missing.
    pub(crate) fn fill(
        &self,
        criterion: Criterion,
        rows: &[u32],
        student: &Student<'_>,
        values: &mut Vec<f64>,
        missing: &mut Vec<bool>,
    ) {
        values.clear();
        missing.clear();
        let mut push = |value: Option<f64>| {
            values.push(value.unwrap_or(0.0));
            missing.push(value.is_none());
        };
        let rows = rows.iter().map(|row| *row as usize);
        match criterion {
            Criterion::TotalCost => {
                for row in rows {
                    push(self.total_cost(row, student.home_bit).map(Money::as_f64));
                }
            }
            Criterion::SkillCoverage => {
                for row in rows {
                    push(
                        self.skills
                            .get(row)
                            .copied()
                            .flatten()
                            .map(|skills| skill_coverage(skills, student.terms.desired_skills)),
                    );
                }
            }
            Criterion::DeliveryPreference => {
                for row in rows {
                    push(
                        self.distance_share
                            .get(row)
                            .copied()
                            .flatten()
                            .map(|share| delivery_closeness(share, student.terms.preferred_delivery)),
                    );
                }
            }
            Criterion::ExpectedEarnings => {
                for row in rows {
                    push(
                        self.earnings(row, student.home, student.fallback)
                            .map(|(money, _)| money.as_f64()),
                    );
                }
            }
            fixed => {
                let column = self.fixed.get(fixed as usize).map_or(&[][..], Vec::as_slice);
                for row in rows {
                    push(column.get(row).copied().flatten());
                }
            }
        }
    }

    /// Formats `program`'s explanation texts that do not depend on the student (`facts` and
    /// `terms` stand in for a student's).
    fn push_texts(&mut self, program: &Program, facts: &Facts, terms: &Terms) {
        for criterion in Criterion::all().filter(|criterion| has_fixed_text(*criterion)) {
            if let Some(texts) = self.texts.get_mut(criterion as usize) {
                texts.push(criterion.read(program, facts, terms).to_string());
            }
        }
        self.cost_texts
            .push([Residency::InState, Residency::OutOfState].map(|residency| {
                let facts = Facts {
                    residency,
                    total_cost: program.cost().total(residency),
                    cost_is_estimate: program
                        .cost()
                        .known()
                        .is_some_and(crate::program::Cost::is_estimate),
                    earnings: None,
                };
                Criterion::TotalCost.read(program, &facts, terms).to_string()
            }));
    }

    /// The explanation text of `criterion` for row `row` and a student paying as `residency`
    /// (the value as shown, or why it is missing), where it was formatted once.
    pub(crate) fn text(&self, criterion: Criterion, row: usize, residency: Residency) -> Option<&str> {
        match criterion {
            Criterion::TotalCost => {
                self.cost_texts
                    .get(row)
                    .map(|[in_state, out_of_state]| match residency {
                        Residency::InState => in_state.as_str(),
                        Residency::OutOfState => out_of_state.as_str(),
                    })
            }
            other => self
                .texts
                .get(other as usize)
                .and_then(|texts| texts.get(row))
                .map(String::as_str),
        }
    }

    /// The number of rows.
    pub(crate) fn rows(&self) -> usize {
        self.level_bit.len()
    }

    /// The answer of row `row` for `credential`.
    pub(crate) fn eligibility(&self, row: usize, credential: Credential) -> Answer {
        row.checked_mul(self.credentials)
            .and_then(|start| start.checked_add(credential as usize))
            .and_then(|index| self.eligibility.get(index))
            .copied()
            .unwrap_or(Answer::Fail)
    }

    /// Row `row`'s total cost for a student whose home is in `home` (a [`StateSet`] bit).
    pub(crate) fn total_cost(&self, row: usize, home: StateSet) -> Option<Money> {
        let [in_state, out_of_state] = self.cost.get(row).copied().flatten()?;
        let campus = self.campus.get(row).copied().unwrap_or(0);
        Some(if campus == home { in_state } else { out_of_state })
    }

    /// Row `row`'s expected earnings for a student in `home`: as [`Facts::earnings`].
    pub(crate) fn earnings(
        &self,
        row: usize,
        home: UsState,
        fallback: &EarningsFallback,
    ) -> Option<(Money, Option<usize>)> {
        match self.reported_earnings.get(row).copied().flatten() {
            Some(reported) => Some((reported, None)),
            None => fallback.occupation_earnings(*self.occupation.get(row)?, home),
        }
    }
}

/// What a ranking reads from the profile to work out the profile-dependent criteria.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Student<'a> {
    pub(crate) home: UsState,
    pub(crate) home_bit: StateSet,
    pub(crate) terms: &'a Terms,
    pub(crate) fallback: &'a EarningsFallback,
}
