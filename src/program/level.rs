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
        /// Health informatics (CAHIIM accredits it at master's level).
        HealthInformatics,
    }
}
