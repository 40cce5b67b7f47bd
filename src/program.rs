//! Programs and the institutions that offer them.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::accreditation::{Accreditation, Accreditor};
use crate::outcome::Outcomes;
use crate::skill::SkillSet;
use crate::value::{CipCode, Money, ProgramId, Rate, Text, Unitid, UsState};
use crate::vocabulary::vocabulary;
use crate::{Error, Result};

vocabulary! {
    /// The level of award a program leads to.
    pub enum DegreeLevel("degree_level") {
        /// An undergraduate certificate or diploma.
        Certificate,
        /// An associate degree (HIT programs: about two years full time).
        Associate,
        /// A bachelor's degree (HIM programs: about 120 credits).
        Baccalaureate,
        /// A post-baccalaureate certificate, such as CAHIIM's HIM "Certificate of the Degree" for
        /// holders of a bachelor's degree.
        PostBaccalaureateCertificate,
        /// A master's degree.
        Masters,
        /// A doctorate.
        Doctorate,
    }
}

vocabulary! {
    /// The field a program teaches.
    pub enum Discipline("discipline") {
        /// Health information technology: the associate-level HIM program (CIP 51.0707).
        HealthInformationTechnology,
        /// Health information management (CIP 51.0706).
        HealthInformationManagement,
        /// Health informatics (CAHIIM accredits it at master's level).
        HealthInformatics,
    }
}

vocabulary! {
    /// How a program is delivered.
    pub enum DeliveryMode("delivery_mode") {
        /// Taught on campus; some courses may be online.
        OnCampus,
        /// Part on campus, part at a distance.
        Hybrid,
        /// All coursework can be completed at a distance (a practice experience may still be on
        /// site, near the student).
        Online,
    }
}

/// How a program is delivered, how much of it can be completed at a distance, and where it
/// cannot enrol students from.
///
/// The share matters because people ask for "the percentage taught online, not just an online
/// flag". Its rules: an online program has a share of 1; an on-campus program a share below 1;
/// a hybrid program a share strictly between 0 and 1.
///
/// ```
/// use himkit::{Delivery, DeliveryMode, Rate, UsState};
///
/// let delivery = Delivery::new(DeliveryMode::Hybrid, Rate::new(0.6)?, [])?;
/// assert_eq!(delivery.distance_share().get(), 0.6);
///
/// let online = Delivery::online([UsState::California]);
/// assert!(!online.can_enrol_from(UsState::California));
/// assert!(Delivery::new(DeliveryMode::Online, Rate::new(0.5)?, []).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "DeliveryRecord", into = "DeliveryRecord")]
pub struct Delivery {
    mode: DeliveryMode,
    distance_share: Rate,
    unavailable_states: BTreeSet<UsState>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeliveryRecord {
    mode: DeliveryMode,
    #[serde(default)]
    distance_share: Option<Rate>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    unavailable_states: BTreeSet<UsState>,
}

impl Delivery {
    /// Creates a delivery description. `unavailable_states` are the states the program says it
    /// cannot enrol distance students from (state authorization).
    ///
    /// # Errors
    /// [`Error::Invalid`] if the share does not fit the mode (see the type's docs).
    pub fn new(
        mode: DeliveryMode,
        distance_share: Rate,
        unavailable_states: impl IntoIterator<Item = UsState>,
    ) -> Result<Self> {
        let share = distance_share.get();
        let rule = match mode {
            DeliveryMode::Online if share < 1.0 => Some("must be 1 for an online program"),
            DeliveryMode::OnCampus if share >= 1.0 => Some("must be below 1 for an on-campus program"),
            DeliveryMode::Hybrid if share <= 0.0 || share >= 1.0 => {
                Some("must be strictly between 0 and 1 for a hybrid program")
            }
            _ => None,
        };
        if let Some(rule) = rule {
            return Err(Error::invalid("delivery.distance_share", share, rule));
        }
        Ok(Self {
            mode,
            distance_share,
            unavailable_states: unavailable_states.into_iter().collect(),
        })
    }

    /// A fully online program that cannot enrol from `unavailable_states`.
    pub fn online(unavailable_states: impl IntoIterator<Item = UsState>) -> Self {
        Self {
            mode: DeliveryMode::Online,
            distance_share: Rate::ONE,
            unavailable_states: unavailable_states.into_iter().collect(),
        }
    }

    /// A program taught entirely on campus.
    #[must_use]
    pub fn on_campus() -> Self {
        Self {
            mode: DeliveryMode::OnCampus,
            distance_share: Rate::ZERO,
            unavailable_states: BTreeSet::new(),
        }
    }

    /// The delivery mode.
    #[must_use]
    pub fn mode(&self) -> DeliveryMode {
        self.mode
    }

    /// The share of the program that can be completed at a distance.
    #[must_use]
    pub fn distance_share(&self) -> Rate {
        self.distance_share
    }

    /// The states the program cannot enrol distance students from.
    pub fn unavailable_states(&self) -> impl Iterator<Item = UsState> + '_ {
        self.unavailable_states.iter().copied()
    }

    /// Whether a student living in `state` may enrol without moving: always for on-campus and
    /// hybrid study in their own state; for distance study, unless the program names the state
    /// as one it cannot enrol from.
    #[must_use]
    pub fn can_enrol_from(&self, state: UsState) -> bool {
        !self.unavailable_states.contains(&state)
    }
}

impl TryFrom<DeliveryRecord> for Delivery {
    type Error = Error;

    fn try_from(record: DeliveryRecord) -> Result<Self> {
        Delivery::from_parts(record.mode, record.distance_share, record.unavailable_states)
    }
}

impl Delivery {
    /// A delivery whose share defaults by mode where not given: 1 online, 0 on campus; a hybrid
    /// program must give it.
    pub(crate) fn from_parts(
        mode: DeliveryMode,
        distance_share: Option<Rate>,
        unavailable_states: impl IntoIterator<Item = UsState>,
    ) -> Result<Self> {
        let share = match (distance_share, mode) {
            (Some(share), _) => share,
            (None, DeliveryMode::Online) => Rate::ONE,
            (None, DeliveryMode::OnCampus) => Rate::ZERO,
            (None, DeliveryMode::Hybrid) => {
                return Err(Error::invalid(
                    "delivery.distance_share",
                    "nothing",
                    "is required for a hybrid program",
                ));
            }
        };
        Delivery::new(mode, share, unavailable_states)
    }
}

impl From<Delivery> for DeliveryRecord {
    fn from(delivery: Delivery) -> Self {
        Self {
            mode: delivery.mode,
            distance_share: Some(delivery.distance_share),
            unavailable_states: delivery.unavailable_states,
        }
    }
}

vocabulary! {
    /// Whether a student pays in-state or out-of-state tuition.
    pub enum Residency("residency") {
        /// The student lives in the institution's state.
        InState,
        /// The student lives elsewhere.
        OutOfState,
    }
}

/// What a program costs in tuition: per credit hour times the credits, or a total, each for
/// in-state and out-of-state students (equal where the institution charges one rate).
///
/// Totals are computed when the cost is created, so every total fits in [`Money`].
///
/// ```
/// use himkit::{Cost, Money, Residency};
///
/// let cost = Cost::per_credit(64, Money::new(145)?, Money::new(320)?)?;
/// assert_eq!(cost.total(Residency::InState), Money::new(9_280)?);
/// assert_eq!(cost.total(Residency::OutOfState), Money::new(20_480)?);
/// assert!(Cost::per_credit(0, Money::new(145)?, Money::new(145)?).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "CostRecord", into = "CostRecord")]
pub struct Cost {
    credits: Option<u16>,
    in_state: Money,
    out_of_state: Money,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "kebab-case", deny_unknown_fields)]
enum CostRecord {
    PerCredit {
        credits: u16,
        in_state: Money,
        #[serde(default)]
        out_of_state: Option<Money>,
    },
    Total {
        in_state: Money,
        #[serde(default)]
        out_of_state: Option<Money>,
    },
}

impl Cost {
    /// The most credits a program may have.
    pub const MAX_CREDITS: u16 = 400;

    /// Tuition charged per credit hour, for `credits` credits.
    ///
    /// # Errors
    /// [`Error::Invalid`] if `credits` is 0 or above [`Cost::MAX_CREDITS`], or a total would
    /// exceed [`Money::MAX`].
    pub fn per_credit(credits: u16, in_state: Money, out_of_state: Money) -> Result<Self> {
        if credits == 0 || credits > Self::MAX_CREDITS {
            return Err(Error::invalid(
                "cost.credits",
                credits,
                format!("is not between 1 and {}", Self::MAX_CREDITS),
            ));
        }
        for (field, rate) in [("cost.in_state", in_state), ("cost.out_of_state", out_of_state)] {
            if rate.checked_mul(u64::from(credits)).is_none() {
                return Err(Error::invalid(
                    field,
                    rate,
                    format!("per credit times {credits} credits exceeds {}", Money::MAX),
                ));
            }
        }
        Ok(Self {
            credits: Some(credits),
            in_state,
            out_of_state,
        })
    }

    /// A total tuition for the whole program.
    #[must_use]
    pub fn total_only(in_state: Money, out_of_state: Money) -> Self {
        Self {
            credits: None,
            in_state,
            out_of_state,
        }
    }

    /// The total tuition for a student with `residency`.
    #[must_use]
    pub fn total(&self, residency: Residency) -> Money {
        let rate = self.rate(residency);
        // per_credit checked that both products fit.
        self.credits
            .and_then(|credits| rate.checked_mul(u64::from(credits)))
            .unwrap_or(rate)
    }

    /// The tuition per credit hour, if the cost is given per credit.
    #[must_use]
    pub fn per_credit_rate(&self, residency: Residency) -> Option<Money> {
        self.credits.map(|_| self.rate(residency))
    }

    /// The credits, if the cost is given per credit.
    #[must_use]
    pub fn credits(&self) -> Option<u16> {
        self.credits
    }

    /// Whether out-of-state students pay more than in-state students.
    #[must_use]
    pub fn differs_by_residency(&self) -> bool {
        self.in_state != self.out_of_state
    }

    fn rate(&self, residency: Residency) -> Money {
        match residency {
            Residency::InState => self.in_state,
            Residency::OutOfState => self.out_of_state,
        }
    }
}

impl TryFrom<CostRecord> for Cost {
    type Error = Error;

    fn try_from(record: CostRecord) -> Result<Self> {
        match record {
            CostRecord::PerCredit {
                credits,
                in_state,
                out_of_state,
            } => Cost::per_credit(credits, in_state, out_of_state.unwrap_or(in_state)),
            CostRecord::Total {
                in_state,
                out_of_state,
            } => Ok(Cost::total_only(in_state, out_of_state.unwrap_or(in_state))),
        }
    }
}

impl From<Cost> for CostRecord {
    fn from(cost: Cost) -> Self {
        match cost.credits {
            Some(credits) => CostRecord::PerCredit {
                credits,
                in_state: cost.in_state,
                out_of_state: Some(cost.out_of_state),
            },
            None => CostRecord::Total {
                in_state: cost.in_state,
                out_of_state: Some(cost.out_of_state),
            },
        }
    }
}

/// The institution (and campus) that offers a program.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "InstitutionRecord", into = "InstitutionRecord")]
pub struct Institution {
    name: Text,
    state: UsState,
    city: Text,
    unitid: Option<Unitid>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstitutionRecord {
    name: Text,
    state: UsState,
    city: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unitid: Option<Unitid>,
}

impl Institution {
    /// Creates an institution: its name, the campus's state and city, and its IPEDS UNITID
    /// where known.
    ///
    /// # Errors
    /// [`Error::Invalid`] if the name or the city is empty, over-long or contains control
    /// characters.
    pub fn new(name: &str, state: UsState, city: &str, unitid: Option<Unitid>) -> Result<Self> {
        Ok(Self {
            name: Text::new(name).map_err(|error| error.in_field("institution.name"))?,
            state,
            city: Text::new(city).map_err(|error| error.in_field("institution.city"))?,
            unitid,
        })
    }

    /// The name.
    #[must_use]
    pub fn name(&self) -> &str {
        self.name.as_str()
    }

    /// The campus's state.
    #[must_use]
    pub fn state(&self) -> UsState {
        self.state
    }

    /// The campus's city.
    #[must_use]
    pub fn city(&self) -> &str {
        self.city.as_str()
    }

    /// The IPEDS UNITID, if known.
    #[must_use]
    pub fn unitid(&self) -> Option<Unitid> {
        self.unitid
    }
}

impl From<InstitutionRecord> for Institution {
    fn from(record: InstitutionRecord) -> Self {
        Self {
            name: record.name,
            state: record.state,
            city: record.city,
            unitid: record.unitid,
        }
    }
}

impl From<Institution> for InstitutionRecord {
    fn from(institution: Institution) -> Self {
        Self {
            name: institution.name,
            state: institution.state,
            city: institution.city,
            unitid: institution.unitid,
        }
    }
}

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
    /// The field.
    pub discipline: Discipline,
    /// The six-digit CIP code, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cip: Option<CipCode>,
    /// How it is delivered.
    pub delivery: Delivery,
    /// Its programmatic accreditation; `None` for a program without any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accreditation: Option<Accreditation>,
    /// Its tuition.
    pub cost: Cost,
    /// Its length in months for a full-time student.
    pub length_months: u16,
    /// Whether a professional practice experience (internship, practicum) is part of it.
    pub professional_practice_experience: bool,
    /// The career support offered.
    #[serde(default)]
    pub career_support: CareerSupport,
    /// The skills its curriculum covers.
    #[serde(default)]
    pub skills: SkillSet,
    /// Its outcomes.
    #[serde(default)]
    pub outcomes: Outcomes,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ProgramSpec", into = "ProgramSpec")]
pub struct Program {
    id: ProgramId,
    name: Text,
    institution: Institution,
    degree_level: DegreeLevel,
    discipline: Discipline,
    cip: Option<CipCode>,
    delivery: Delivery,
    accreditation: Option<Accreditation>,
    cost: Cost,
    length_months: u16,
    professional_practice_experience: bool,
    career_support: CareerSupport,
    skills: SkillSet,
    outcomes: Outcomes,
}

impl Program {
    /// The longest program accepted, in months (ten years).
    pub const MAX_LENGTH_MONTHS: u16 = 120;

    /// Creates a program.
    ///
    /// # Errors
    /// [`Error::Invalid`] if the name is empty or over-long, the length is 0 or above
    /// [`Program::MAX_LENGTH_MONTHS`], or a doctorate claims CAHIIM accreditation (CAHIIM
    /// accredits associate, baccalaureate and master's programs and approves post-baccalaureate
    /// certificates, not doctorates).
    pub fn new(spec: ProgramSpec) -> Result<Self> {
        let name = Text::new(&spec.name).map_err(|error| error.in_field("name"))?;
        if spec.length_months == 0 || spec.length_months > Self::MAX_LENGTH_MONTHS {
            return Err(Error::invalid(
                "length_months",
                spec.length_months,
                format!("is not between 1 and {}", Self::MAX_LENGTH_MONTHS),
            ));
        }
        if spec.degree_level == DegreeLevel::Doctorate
            && spec
                .accreditation
                .as_ref()
                .is_some_and(|accreditation| *accreditation.accreditor() == Accreditor::Cahiim)
        {
            return Err(Error::invalid(
                "accreditation.accreditor",
                "cahiim",
                "does not accredit doctoral programs",
            ));
        }
        Ok(Self {
            id: spec.id,
            name,
            institution: spec.institution,
            degree_level: spec.degree_level,
            discipline: spec.discipline,
            cip: spec.cip,
            delivery: spec.delivery,
            accreditation: spec.accreditation,
            cost: spec.cost,
            length_months: spec.length_months,
            professional_practice_experience: spec.professional_practice_experience,
            career_support: spec.career_support,
            skills: spec.skills,
            outcomes: spec.outcomes,
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

    /// How it is delivered.
    #[must_use]
    pub fn delivery(&self) -> &Delivery {
        &self.delivery
    }

    /// Its programmatic accreditation, if any.
    #[must_use]
    pub fn accreditation(&self) -> Option<&Accreditation> {
        self.accreditation.as_ref()
    }

    /// Its tuition.
    #[must_use]
    pub fn cost(&self) -> &Cost {
        &self.cost
    }

    /// Which tuition a student living in `home` pays: in-state when the campus is in the same
    /// state.
    #[must_use]
    pub fn residency_for(&self, home: UsState) -> Residency {
        if self.institution.state == home {
            Residency::InState
        } else {
            Residency::OutOfState
        }
    }

    /// Its length in months, full time.
    #[must_use]
    pub fn length_months(&self) -> u16 {
        self.length_months
    }

    /// Whether a professional practice experience is part of it.
    #[must_use]
    pub fn has_professional_practice_experience(&self) -> bool {
        self.professional_practice_experience
    }

    /// The career support offered.
    #[must_use]
    pub fn career_support(&self) -> CareerSupport {
        self.career_support
    }

    /// The skills its curriculum covers.
    #[must_use]
    pub fn skills(&self) -> SkillSet {
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
            discipline: program.discipline,
            cip: program.cip,
            delivery: program.delivery,
            accreditation: program.accreditation,
            cost: program.cost,
            length_months: program.length_months,
            professional_practice_experience: program.professional_practice_experience,
            career_support: program.career_support,
            skills: program.skills,
            outcomes: program.outcomes,
        }
    }
}

impl fmt::Display for Program {
    /// `Health Information Technology, AAS — Lakeside Community College (Dayton, OH)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} — {} ({}, {})",
            self.name, self.institution.name, self.institution.city, self.institution.state
        )
    }
}
