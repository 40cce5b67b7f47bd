//! AHIMA credentials and the rules that decide which exams a program's graduates may sit.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::program::{Accreditation, AccreditationState, AccreditationStatus, Accreditor};
use crate::program::{DegreeLevel, Discipline, Program};
use crate::value::Confidence;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// An AHIMA credential (certification), awarded by CCHIIM after an exam.
    #[non_exhaustive]
    pub enum Credential("credential") {
        /// Registered Health Information Technician.
        Rhit,
        /// Registered Health Information Administrator.
        Rhia,
        /// Certified Coding Associate.
        Cca,
        /// Certified Coding Specialist.
        Ccs,
        /// Certified Coding Specialist – Physician-based.
        #[strum(serialize = "ccs-p")]
        CcsP,
        /// Certified Documentation Integrity Practitioner.
        Cdip,
        /// Certified in Healthcare Privacy and Security.
        Chps,
        /// Certified Health Data Analyst.
        Chda,
        /// Certified Healthcare Technology Specialist (a legacy credential).
        Chts,
        /// Certified Professional in Health Informatics.
        Cphi,
    }
}

impl Credential {
    /// The abbreviation as AHIMA writes it (`RHIT`, `CCS-P`).
    #[must_use]
    pub fn abbreviation(self) -> &'static str {
        match self {
            Self::Rhit => "RHIT",
            Self::Rhia => "RHIA",
            Self::Cca => "CCA",
            Self::Ccs => "CCS",
            Self::CcsP => "CCS-P",
            Self::Cdip => "CDIP",
            Self::Chps => "CHPS",
            Self::Chda => "CHDA",
            Self::Chts => "CHTS",
            Self::Cphi => "CPHI",
        }
    }

    /// The full name.
    #[must_use]
    pub fn full_name(self) -> &'static str {
        match self {
            Self::Rhit => "Registered Health Information Technician",
            Self::Rhia => "Registered Health Information Administrator",
            Self::Cca => "Certified Coding Associate",
            Self::Ccs => "Certified Coding Specialist",
            Self::CcsP => "Certified Coding Specialist – Physician-based",
            Self::Cdip => "Certified Documentation Integrity Practitioner",
            Self::Chps => "Certified in Healthcare Privacy and Security",
            Self::Chda => "Certified Health Data Analyst",
            Self::Chts => "Certified Healthcare Technology Specialist",
            Self::Cphi => "Certified Professional in Health Informatics",
        }
    }

    /// The eligibility rule himkit applies for this credential, with its source.
    #[must_use]
    pub fn eligibility_rule(self) -> EligibilityRule {
        RULES
            .iter()
            .find(|rule| rule.credential == self)
            .copied()
            .unwrap_or(EligibilityRule {
                credential: self,
                route: Route::Unconfirmed,
                source: "",
                confidence: None,
            })
    }
}

/// What a credential's exam requires of a candidate's education.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Route {
    /// Graduation from a CAHIIM-accredited (or approved) program of one of these levels and
    /// disciplines; students in their final term may test early.
    AccreditedProgram {
        /// The degree levels that qualify.
        levels: &'static [DegreeLevel],
        /// The disciplines that qualify.
        disciplines: &'static [Discipline],
    },
    /// A high school diploma; experience or coding coursework is recommended, not required. No
    /// program is needed, so a program neither grants nor blocks eligibility.
    HighSchoolDiploma,
    /// No citable source for the current rule was found (the older rules asked for years of
    /// experience after a degree or credential). himkit does not guess.
    Unconfirmed,
}

/// One credential's eligibility rule, as data, with where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EligibilityRule {
    /// The credential.
    pub credential: Credential,
    /// What the exam requires.
    pub route: Route,
    /// Where the rule was read (empty for an unconfirmed rule).
    pub source: &'static str,
    /// How far the rule can be trusted (`None` for an unconfirmed rule).
    pub confidence: Option<Confidence>,
}

const RHIT_LEVELS: &[DegreeLevel] = &[DegreeLevel::Associate];
const HIM_DISCIPLINES: &[Discipline] = &[
    Discipline::HealthInformationTechnology,
    Discipline::HealthInformationManagement,
];
const RHIA_LEVELS: &[DegreeLevel] = &[
    DegreeLevel::Baccalaureate,
    DegreeLevel::PostBaccalaureateCertificate,
    DegreeLevel::Masters,
];
// A health informatics master's does not itself qualify for RHIA; an HIM master's does.
const RHIA_DISCIPLINES: &[Discipline] = &[Discipline::HealthInformationManagement];

/// The rules himkit applies. Rules for credentials not listed here are [`Route::Unconfirmed`].
/// Other routes that exist (foreign programs under reciprocity, the 2017 RHIT-to-RHIA proviso)
/// do not depend on a US program and are not modelled.
const RULES: &[EligibilityRule] = &[
    EligibilityRule {
        credential: Credential::Rhia,
        route: Route::AccreditedProgram {
            levels: RHIA_LEVELS,
            disciplines: RHIA_DISCIPLINES,
        },
        source: "AHIMA RHIA eligibility (ahima.org/certification-careers/certifications-overview/rhia, via a verbatim mirror)",
        confidence: Some(Confidence::Confirmed),
    },
    EligibilityRule {
        credential: Credential::Rhit,
        route: Route::AccreditedProgram {
            levels: RHIT_LEVELS,
            disciplines: HIM_DISCIPLINES,
        },
        source: "AHIMA RHIT eligibility as summarised by several exam-preparation guides",
        confidence: Some(Confidence::ThirdParty),
    },
    EligibilityRule {
        credential: Credential::Ccs,
        route: Route::HighSchoolDiploma,
        source: "https://ahima.org/certification-careers/certifications-overview/ccs",
        confidence: Some(Confidence::Confirmed),
    },
    EligibilityRule {
        credential: Credential::Cca,
        route: Route::HighSchoolDiploma,
        source: "AHIMA CCA eligibility as summarised by open-exam-prep study guides",
        confidence: Some(Confidence::ThirdParty),
    },
];

/// Whether a program's graduates may sit a credential's exam.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "eligibility", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Eligibility {
    /// The program meets the credential's program route, through the accreditation it cites
    /// (with its [`source`](Accreditation::source) where the status came from an accreditation
    /// list). In JSON: `{"eligibility": "eligible", "accreditation": {…}}`.
    Eligible {
        /// The CAHIIM accreditation the route rests on.
        accreditation: Accreditation,
    },
    /// The program does not meet the program route, for every reason listed.
    NotEligible {
        /// Every requirement the program fails.
        reasons: Vec<IneligibilityReason>,
    },
    /// The exam needs no program (a high school diploma suffices), so graduates may sit it as
    /// anyone may.
    NoProgramRequired,
    /// himkit has no confirmed rule for this credential.
    RuleUnconfirmed,
    /// The program meets every requirement that is known, but one is not known: its
    /// accreditation is not verified. Graduates may or may not be eligible; never read this
    /// as eligible.
    Unknown {
        /// What is not known (`accreditation not verified: check the CAHIIM program directory`).
        reason: String,
    },
}

impl Eligibility {
    /// Whether graduates are eligible through the program.
    #[must_use]
    pub fn is_eligible(&self) -> bool {
        matches!(self, Self::Eligible { .. })
    }

    /// The accreditation eligibility rests on, for an eligible program: where it came from
    /// ([`Accreditation::source`]) is where the eligibility came from.
    ///
    /// ```
    /// use himkit::{Credential, Dataset};
    ///
    /// let dataset = Dataset::embedded()?;
    /// let program = dataset.catalog().get("lakeside-cc-hit-aas").expect("in the embedded catalogue");
    /// let rhit = program.eligibility(Credential::Rhit);
    /// assert_eq!(rhit.accreditation(), program.accreditation().known());
    /// // Written down with the program, not read from a list: no source to cite.
    /// assert_eq!(rhit.to_string(), "eligible through CAHIIM continuing accreditation");
    /// # Ok::<(), himkit::Error>(())
    /// ```
    #[must_use]
    pub fn accreditation(&self) -> Option<&Accreditation> {
        match self {
            Self::Eligible { accreditation } => Some(accreditation),
            _ => None,
        }
    }
}

impl fmt::Display for Eligibility {
    /// `eligible through CAHIIM continuing accreditation (from cahiim.csv line 12)`, citing the
    /// accreditation list where the status came from one; `not eligible: ` and every reason;
    /// `unknown: ` and what is not known; `no program required`; `no confirmed rule`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Eligible { accreditation } => {
                write!(f, "eligible through {}", accreditation.status_in_words())?;
                match accreditation.source() {
                    Some(source) => write!(f, " (from {source})"),
                    None => Ok(()),
                }
            }
            Self::NotEligible { reasons } => write!(
                f,
                "not eligible: {}",
                reasons
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Self::Unknown { reason } => write!(f, "unknown: {reason}"),
            Self::NoProgramRequired => f.write_str("no program required"),
            Self::RuleUnconfirmed => f.write_str("no confirmed rule"),
        }
    }
}

/// One reason a program does not lead to a credential.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum IneligibilityReason {
    /// The program has no programmatic accreditation.
    NotAccredited,
    /// The program is accredited by a body other than CAHIIM.
    AccreditorNotCahiim {
        /// The body named.
        accreditor: String,
    },
    /// The status is not accreditation (candidacy, withheld, withdrawn, voluntary withdrawal,
    /// inactive).
    StatusDoesNotQualify {
        /// The status.
        status: AccreditationStatus,
    },
    /// The credential's route does not recognise this degree level.
    DegreeLevelNotRecognised {
        /// The program's level.
        level: DegreeLevel,
        /// The levels the route recognises.
        recognised: Vec<DegreeLevel>,
    },
    /// The credential's route does not recognise this discipline.
    DisciplineNotRecognised {
        /// The program's discipline.
        discipline: Discipline,
        /// The disciplines the route recognises.
        recognised: Vec<Discipline>,
    },
}

fn join<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" or ")
}

impl fmt::Display for IneligibilityReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAccredited => f.write_str("the program has no programmatic accreditation"),
            Self::AccreditorNotCahiim { accreditor } => {
                write!(f, "the program is accredited by {accreditor}, not CAHIIM")
            }
            Self::StatusDoesNotQualify { status } => {
                write!(f, "accreditation status {status} is not accreditation")
            }
            Self::DegreeLevelNotRecognised { level, recognised } => write!(
                f,
                "the sourced route recognises {} programs, not {level}",
                join(recognised)
            ),
            Self::DisciplineNotRecognised {
                discipline,
                recognised,
            } => write!(
                f,
                "the sourced route recognises {} programs, not {discipline}",
                join(recognised)
            ),
        }
    }
}

impl Program {
    /// Whether this program's graduates may sit `credential`'s exam, and if not, every reason.
    ///
    /// ```
    /// use himkit::{Credential, Dataset, Eligibility};
    ///
    /// let dataset = Dataset::embedded()?;
    /// for program in dataset.catalog().iter() {
    ///     if let Eligibility::NotEligible { reasons } = program.eligibility(Credential::Rhia) {
    ///         assert!(!reasons.is_empty());
    ///     }
    /// }
    /// # Ok::<(), himkit::Error>(())
    /// ```
    #[must_use]
    pub fn eligibility(&self, credential: Credential) -> Eligibility {
        let rule = credential.eligibility_rule();
        let (levels, disciplines) = match rule.route {
            Route::AccreditedProgram { levels, disciplines } => (levels, disciplines),
            Route::HighSchoolDiploma => return Eligibility::NoProgramRequired,
            Route::Unconfirmed => return Eligibility::RuleUnconfirmed,
        };
        let mut reasons = Vec::new();
        // The accreditation eligibility would rest on; none when it is not verified.
        let mut through = None;
        match self.accreditation() {
            AccreditationState::None => reasons.push(IneligibilityReason::NotAccredited),
            AccreditationState::NotVerified => {}
            AccreditationState::Known(accreditation) => {
                through = Some(accreditation);
                if *accreditation.accreditor() != Accreditor::Cahiim {
                    reasons.push(IneligibilityReason::AccreditorNotCahiim {
                        accreditor: accreditation.accreditor().to_string(),
                    });
                }
                if !accreditation.is_accredited() {
                    reasons.push(IneligibilityReason::StatusDoesNotQualify {
                        status: accreditation.status(),
                    });
                }
            }
        }
        if !levels.contains(&self.degree_level()) {
            reasons.push(IneligibilityReason::DegreeLevelNotRecognised {
                level: self.degree_level(),
                recognised: levels.to_vec(),
            });
        }
        if !disciplines.contains(&self.discipline()) {
            reasons.push(IneligibilityReason::DisciplineNotRecognised {
                discipline: self.discipline(),
                recognised: disciplines.to_vec(),
            });
        }
        match through {
            _ if !reasons.is_empty() => Eligibility::NotEligible { reasons },
            Some(accreditation) => Eligibility::Eligible {
                accreditation: accreditation.clone(),
            },
            None => Eligibility::Unknown {
                reason: "accreditation not verified: check the CAHIIM program directory".to_owned(),
            },
        }
    }

    /// The credentials whose exams require a program, and for which this program qualifies its
    /// graduates (RHIT, RHIA).
    #[must_use]
    pub fn eligible_credentials(&self) -> Vec<Credential> {
        Credential::all()
            .filter(|credential| self.eligibility(*credential).is_eligible())
            .collect()
    }
}
