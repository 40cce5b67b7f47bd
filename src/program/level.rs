//! The level of award a program leads to, and the field it teaches.

use crate::error::Result;
use crate::vocabulary::vocabulary;

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
        /// Health informatics (CIP 51.2706, Medical Informatics; CAHIIM accredits it at
        /// master's level).
        HealthInformatics,
        /// Medical coding (CIP 51.0713, Medical Insurance Coding Specialist/Coder): coding
        /// certificates and degrees, which prepare for coding credentials (CCA, CCS) rather than
        /// the RHIT or RHIA.
        MedicalCoding,
    }
}

impl DegreeLevel {
    /// The length himkit assumes for a full-time program of this level when the program gives
    /// none: certificates and post-baccalaureate certificates 12 months, associate and master's
    /// degrees 24, bachelor's degrees and doctorates 48. A convention for ranking, marked as
    /// such ([`LengthBasis::TypicalForLevel`]) wherever it is used, not a fact about a program.
    #[must_use]
    pub fn typical_months(self) -> u16 {
        match self {
            Self::Certificate | Self::PostBaccalaureateCertificate => 12,
            Self::Associate | Self::Masters => 24,
            Self::Baccalaureate | Self::Doctorate => 48,
        }
    }
}

vocabulary! {
    /// Where a program's length comes from.
    #[derive(Default)]
    pub enum LengthBasis("length_basis") {
        /// The program's own published length.
        #[default]
        Program,
        /// Typical for its level ([`DegreeLevel::typical_months`], or
        /// [`AwardLevel::typical_months`](crate::program::AwardLevel::typical_months) for a program built
        /// from IPEDS): the program published none.
        TypicalForLevel,
    }
}

impl LengthBasis {
    /// Whether the length is the program's own.
    #[must_use]
    pub fn is_program(&self) -> bool {
        matches!(self, Self::Program)
    }
}
