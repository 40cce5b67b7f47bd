//! The values of what a program offers: practice experience, career support, skills and
//! delivery.

use super::reading::{FromProgram, Number, Reading, Shown, UNKNOWN, Value, fixed};
use crate::program::SkillSet;
use crate::program::{DeliveryMode, DeliveryState, Program};
use crate::select::facts::Student;

/// [`Criterion::PracticeExperience`]: 1 or 0.
pub(crate) struct PracticeExperience;

impl FromProgram for PracticeExperience {
    fn prepare(program: &Program) -> (Number, String) {
        match program.professional_practice_experience() {
            Some(has) => (
                Some(f64::from(u8::from(has))),
                if has { "yes" } else { "no" }.to_owned(),
            ),
            None => (None, UNKNOWN.to_owned()),
        }
    }
}

/// [`Criterion::CareerSupport`]: the share of the three kinds offered.
pub(crate) struct CareerSupport;

impl FromProgram for CareerSupport {
    fn prepare(program: &Program) -> (Number, String) {
        match program.career_support() {
            Some(support) => {
                let count = support.count();
                (
                    Some(f64::from(count) / 3.0),
                    Shown::Count {
                        count: u32::from(count),
                        of: 3,
                    }
                    .to_string(),
                )
            }
            None => (None, UNKNOWN.to_owned()),
        }
    }
}

/// [`Criterion::SkillCoverage`]: the share of the student's desired skills covered (0 when
/// none are desired).
pub(crate) struct SkillCoverage;

impl Value for SkillCoverage {
    type Cell = Option<SkillSet>;
    type Text = ();

    fn prepare(program: &Program) -> (Option<SkillSet>, ()) {
        (program.skills(), ())
    }

    fn read<'a>(cell: Option<SkillSet>, (): &'a (), student: &Student<'_>) -> Reading<'a> {
        let Some(skills) = cell else {
            return Reading::Missing(Shown::Text(UNKNOWN));
        };
        let wanted = student.terms.desired_skills;
        let covered = skills.intersection(wanted).len();
        Reading::Value {
            raw: if wanted.is_empty() {
                0.0
            } else {
                covered as f64 / wanted.len() as f64
            },
            shown: Shown::Count {
                count: covered as u32,
                of: wanted.len() as u32,
            },
        }
    }
}

/// [`Criterion::DeliveryPreference`]: 1 minus the distance between the program's distance
/// share and the preferred delivery's (online 1, hybrid 0.5, on campus or none 0).
pub(crate) struct DeliveryPreference;

impl Value for DeliveryPreference {
    /// The distance share.
    type Cell = Number;
    type Text = String;

    fn prepare(program: &Program) -> (Number, String) {
        match program.delivery() {
            DeliveryState::Known(delivery) => (
                Some(delivery.distance_share().get()),
                format!(
                    "{} ({} at a distance)",
                    delivery.mode(),
                    delivery.distance_share()
                ),
            ),
            unknown => (None, unknown.to_string()),
        }
    }

    fn read<'a>(cell: Number, text: &'a String, student: &Student<'_>) -> Reading<'a> {
        let target = match student.terms.preferred_delivery {
            Some(DeliveryMode::Online) => 1.0,
            Some(DeliveryMode::Hybrid) => 0.5,
            Some(DeliveryMode::OnCampus) | None => 0.0,
        };
        fixed(cell.map(|share| 1.0 - (share - target).abs()), text)
    }
}
