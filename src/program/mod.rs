//! Programs and everything that describes one: the institution and campus that offers it, its
//! degree level (and IPEDS award level), discipline, length, delivery, cost, CAHIIM
//! accreditation, outcomes, the skills it teaches, and where each fact came from.
//!
//! ```
//! use himkit::program::{AccreditationState, DeliveryState};
//! use himkit::{Dataset, DegreeLevel};
//!
//! let dataset = Dataset::embedded()?;
//! let program = dataset.catalog().get("granite-hit-aas").expect("in the embedded catalogue");
//! assert_eq!(program.degree_level(), DegreeLevel::Associate);
//! assert!(matches!(program.accreditation(), AccreditationState::Known(_)));
//! assert!(matches!(program.delivery(), DeliveryState::Known(_)));
//! # Ok::<(), himkit::Error>(())
//! ```

mod accreditation;
mod accreditation_source;
mod award_level;
mod cost;
mod delivery;
mod field;
mod institution;
mod level;
mod outcome;
mod skill;
mod sources;

pub use accreditation::{Accreditation, AccreditationState, AccreditationStatus, Accreditor};
pub use accreditation_source::AccreditationSource;
pub use award_level::AwardLevel;
pub use cost::{Cost, CostEstimate, CostState, Residency};
pub use delivery::{Delivery, DeliveryMode, DeliveryState};
pub(crate) use field::ProgramField;
pub use institution::Institution;
pub(crate) use institution::campus_coordinates;
pub use level::{DegreeLevel, Discipline, LengthBasis};
pub(crate) use outcome::{OM_YEARS_AFTER_ENTRY, outcome_measures_cohort};
pub use outcome::{Outcome, Outcomes, Scope};
pub use skill::{Skill, SkillSet};
pub use sources::{Source, SourceFile, SourcedField};

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::value::{CipCode, ProgramId, Text, UsState};

/// The career support a program offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct CareerSupport {
    /// Job placement assistance.
    pub job_placement: bool,
    /// An alumni network.
    pub alumni_network: bool,
    /// Industry networking (employer events, advisory boards).
    pub industry_networking: bool,
}

impl CareerSupport {
    /// Every kind of support.
    pub const ALL: CareerSupport = CareerSupport {
        job_placement: true,
        alumni_network: true,
        industry_networking: true,
    };

    /// How many of the three kinds of support are offered.
    #[must_use]
    pub fn count(self) -> u8 {
        [self.job_placement, self.alumni_network, self.industry_networking]
            .iter()
            .fold(0u8, |count, offered| count.saturating_add(u8::from(*offered)))
    }
}

/// Everything needed to create a [`Program`], as plain fields.
///
/// Fill it in and call [`Program::new`]; the JSON form of a program is this struct's, with the
/// same field names. Optional fields may be left out of JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(clippy::struct_excessive_bools)] // Each flag is an independent fact about the program.
pub struct ProgramSpec {
    /// A stable id, unique within a catalogue.
    pub id: ProgramId,
    /// The program's name as the institution gives it.
    pub name: String,
    /// The institution and campus.
    pub institution: Institution,
    /// The level of award.
    pub degree_level: DegreeLevel,
    /// The IPEDS award level, for a program built from IPEDS Completions; left out of JSON when
    /// not known. It must fit `degree_level` (see [`Program::new`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub award_level: Option<AwardLevel>,
    /// The field.
    pub discipline: Discipline,
    /// The six-digit CIP code, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cip: Option<CipCode>,
    /// How it is delivered, or what is known of it.
    pub delivery: DeliveryState,
    /// Its programmatic accreditation, none, or not verified; left out of JSON, none.
    #[serde(default, skip_serializing_if = "AccreditationState::is_none")]
    pub accreditation: AccreditationState,
    /// Its tuition (the program's own figure or an estimate), or unknown.
    pub cost: CostState,
    /// Its length in months for a full-time student.
    pub length_months: u16,
    /// Whether the length is the program's own or typical for its level; left out of JSON,
    /// the program's own.
    #[serde(default, skip_serializing_if = "LengthBasis::is_program")]
    pub length_basis: LengthBasis,
    /// Whether a professional practice experience (internship, practicum) is part of it;
    /// `None` when that is not known. In JSON: `true`, `false` or `"unknown"`.
    #[serde(with = "practice_experience")]
    pub professional_practice_experience: Option<bool>,
    /// The career support offered; `None` when that is not known. In JSON: the object or
    /// `"unknown"`; left out, none is offered.
    #[serde(default = "known_default", with = "crate::word_or_record::unknown_or")]
    pub career_support: Option<CareerSupport>,
    /// The skills its curriculum covers; `None` when that is not known. In JSON: the list or
    /// `"unknown"`; left out, none.
    #[serde(default = "known_default", with = "crate::word_or_record::unknown_or")]
    pub skills: Option<SkillSet>,
    /// Its outcomes.
    #[serde(default)]
    pub outcomes: Outcomes,
    /// Where its facts came from, for the facts read from files; facts without an entry were
    /// given by whoever wrote the program down. In JSON: an object from field name to source,
    /// `{"cost": {"file": "ipeds-ic-ay", "period": "2022-23"}}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<SourcedField, Source>,
}

/// An HIM education program at one institution and campus, valid by construction.
///
/// Create one from a [`ProgramSpec`] with [`Program::new`], or read it from JSON: both go
/// through the same checks. Fields are read through accessors.
///
/// ```
/// use himkit::{Program, Credential};
///
/// let program: Program = serde_json::from_str(r#"{
///     "id": "lakeside-cc-hit",
///     "name": "Health Information Technology, AAS",
///     "institution": {"name": "Lakeside Community College (fictional)", "state": "OH", "city": "Dayton"},
///     "degree_level": "associate",
///     "discipline": "health-information-technology",
///     "cip": "51.0707",
///     "delivery": {"mode": "online"},
///     "accreditation": {"accreditor": "cahiim", "status": "continuing-accreditation",
///                       "last_confirmed": "2025-08-01", "next_review_year": 2031},
///     "cost": {"basis": "per-credit", "credits": 64, "in_state": 145, "out_of_state": 320},
///     "length_months": 24,
///     "professional_practice_experience": true
/// }"#)?;
/// assert_eq!(program.eligible_credentials(), vec![Credential::Rhit]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(into = "ProgramSpec")]
pub struct Program {
    id: ProgramId,
    name: Text,
    institution: Institution,
    degree_level: DegreeLevel,
    award_level: Option<AwardLevel>,
    discipline: Discipline,
    cip: Option<CipCode>,
    delivery: DeliveryState,
    accreditation: AccreditationState,
    cost: CostState,
    length_months: u16,
    length_basis: LengthBasis,
    professional_practice_experience: Option<bool>,
    career_support: Option<CareerSupport>,
    skills: Option<SkillSet>,
    outcomes: Outcomes,
    sources: BTreeMap<SourcedField, Source>,
}

impl Program {
    /// The longest program accepted, in months (ten years).
    pub const MAX_LENGTH_MONTHS: u16 = 120;

    /// Creates a program.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the name is empty or over-long, the length is 0 or above
    /// [`Program::MAX_LENGTH_MONTHS`], a doctorate claims CAHIIM accreditation (CAHIIM
    /// accredits associate, baccalaureate and master's programs and approves post-baccalaureate
    /// certificates, not doctorates), or the award level does not fit the degree level (see
    /// [`AwardLevel::degree_level`]), or the outcomes break a rule of [`Outcomes::check`].
    pub fn new(spec: ProgramSpec) -> Result<Self> {
        let name = Text::new(&spec.name).map_err(|error| error.in_field(ProgramField::Name.path()))?;
        if let Some(award) = spec.award_level {
            if award.degree_level() != spec.degree_level {
                return Err(Error::invalid(
                    ProgramField::AwardLevel.path(),
                    award,
                    format!(
                        "does not fit degree_level {} (it is a {} award)",
                        spec.degree_level,
                        award.degree_level()
                    ),
                ));
            }
        }
        spec.outcomes.check()?;
        if spec.length_months == 0 || spec.length_months > Self::MAX_LENGTH_MONTHS {
            return Err(Error::invalid(
                ProgramField::LengthMonths.path(),
                spec.length_months,
                format!("is not between 1 and {}", Self::MAX_LENGTH_MONTHS),
            ));
        }
        if spec.degree_level == DegreeLevel::Doctorate
            && spec
                .accreditation
                .known()
                .is_some_and(|accreditation| *accreditation.accreditor() == Accreditor::Cahiim)
        {
            return Err(Error::invalid(
                ProgramField::Accreditor.path(),
                "cahiim",
                "does not accredit doctoral programs",
            ));
        }
        Ok(Self {
            id: spec.id,
            name,
            institution: spec.institution,
            degree_level: spec.degree_level,
            award_level: spec.award_level,
            discipline: spec.discipline,
            cip: spec.cip,
            delivery: spec.delivery,
            accreditation: spec.accreditation,
            cost: spec.cost,
            length_months: spec.length_months,
            length_basis: spec.length_basis,
            professional_practice_experience: spec.professional_practice_experience,
            career_support: spec.career_support,
            skills: spec.skills,
            outcomes: spec.outcomes,
            sources: spec.sources,
        })
    }

    /// The id.
    #[must_use]
    pub fn id(&self) -> &ProgramId {
        &self.id
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        self.name.as_str()
    }

    /// The institution and campus.
    #[must_use]
    pub fn institution(&self) -> &Institution {
        &self.institution
    }

    /// The level of award.
    #[must_use]
    pub fn degree_level(&self) -> DegreeLevel {
        self.degree_level
    }

    /// The IPEDS award level, for a program built from IPEDS Completions.
    #[must_use]
    pub fn award_level(&self) -> Option<AwardLevel> {
        self.award_level
    }

    /// The field.
    #[must_use]
    pub fn discipline(&self) -> Discipline {
        self.discipline
    }

    /// The six-digit CIP code, if known.
    #[must_use]
    pub fn cip(&self) -> Option<CipCode> {
        self.cip
    }

    /// How it is delivered, or what is known of it.
    #[must_use]
    pub fn delivery(&self) -> &DeliveryState {
        &self.delivery
    }

    /// Its programmatic accreditation, none, or not verified.
    #[must_use]
    pub fn accreditation(&self) -> &AccreditationState {
        &self.accreditation
    }

    /// Its tuition (the program's own figure or an estimate), or unknown.
    #[must_use]
    pub fn cost(&self) -> &CostState {
        &self.cost
    }

    /// Which tuition a student living in `home` pays: in-state when the campus is in the same
    /// state.
    #[must_use]
    pub fn residency_for(&self, home: UsState) -> Residency {
        if self.institution.state() == home {
            Residency::InState
        } else {
            Residency::OutOfState
        }
    }

    /// Its length in months, full time (see [`Program::length_basis`]).
    #[must_use]
    pub fn length_months(&self) -> u16 {
        self.length_months
    }

    /// Whether the length is the program's own or typical for its level.
    #[must_use]
    pub fn length_basis(&self) -> LengthBasis {
        self.length_basis
    }

    /// Where its facts came from, for the facts read from files.
    #[must_use]
    pub fn sources(&self) -> &BTreeMap<SourcedField, Source> {
        &self.sources
    }

    /// Whether a professional practice experience is known to be part of it.
    #[must_use]
    pub fn has_professional_practice_experience(&self) -> bool {
        self.professional_practice_experience == Some(true)
    }

    /// Whether a professional practice experience is part of it: `None` when not known.
    #[must_use]
    pub fn professional_practice_experience(&self) -> Option<bool> {
        self.professional_practice_experience
    }

    /// The career support offered: `None` when not known (programs built from federal files,
    /// which do not say).
    #[must_use]
    pub fn career_support(&self) -> Option<CareerSupport> {
        self.career_support
    }

    /// The skills its curriculum covers: `None` when not known (programs built from federal
    /// files, which do not say).
    #[must_use]
    pub fn skills(&self) -> Option<SkillSet> {
        self.skills
    }

    /// Its outcomes.
    #[must_use]
    pub fn outcomes(&self) -> &Outcomes {
        &self.outcomes
    }

    /// The fields of this program, for building a changed copy with [`Program::new`].
    #[must_use]
    pub fn to_spec(&self) -> ProgramSpec {
        ProgramSpec::from(self.clone())
    }
}

crate::error::deserialize_by_try_from!(Program, ProgramSpec);

impl TryFrom<ProgramSpec> for Program {
    type Error = Error;

    fn try_from(spec: ProgramSpec) -> Result<Self> {
        Program::new(spec)
    }
}

impl From<Program> for ProgramSpec {
    fn from(program: Program) -> Self {
        Self {
            id: program.id,
            name: program.name.into(),
            institution: program.institution,
            degree_level: program.degree_level,
            award_level: program.award_level,
            discipline: program.discipline,
            cip: program.cip,
            delivery: program.delivery,
            accreditation: program.accreditation,
            cost: program.cost,
            length_months: program.length_months,
            length_basis: program.length_basis,
            professional_practice_experience: program.professional_practice_experience,
            career_support: program.career_support,
            skills: program.skills,
            outcomes: program.outcomes,
            sources: program.sources,
        }
    }
}

impl fmt::Display for Program {
    /// `Health Information Technology, AAS — Lakeside Community College (Dayton, OH)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} — {} ({}, {})",
            self.name,
            self.institution.name(),
            self.institution.city(),
            self.institution.state()
        )
    }
}

/// `true`, `false`, or `"unknown"` for `None`.
impl crate::word_or_record::unknown_or::KnownForm for CareerSupport {
    const FORM: &'static str = "a career_support object";
}

impl crate::word_or_record::unknown_or::KnownForm for SkillSet {
    const FORM: &'static str = "a list of skills";
}

/// A known empty value: what a program file that leaves the field out has always meant.
#[allow(clippy::unnecessary_wraps)] // The signature serde's `default` requires.
fn known_default<T: Default>() -> Option<T> {
    Some(T::default())
}

mod practice_experience {
    use serde::{Deserializer, Serializer};

    #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)] // The signature serde's `with` requires.
    pub(super) fn serialize<S: Serializer>(value: &Option<bool>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(flag) => serializer.serialize_bool(*flag),
            None => serializer.serialize_str("unknown"),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
        struct Flag;

        impl serde::de::Visitor<'_> for Flag {
            type Value = Option<bool>;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("true, false or \"unknown\"")
            }

            fn visit_bool<E: serde::de::Error>(self, flag: bool) -> Result<Option<bool>, E> {
                Ok(Some(flag))
            }

            fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<Option<bool>, E> {
                if word.trim().eq_ignore_ascii_case("unknown") {
                    Ok(None)
                } else {
                    Err(E::custom(format!(
                        "professional_practice_experience: {word:?} is not true, false or \"unknown\""
                    )))
                }
            }
        }

        deserializer.deserialize_any(Flag)
    }
}
