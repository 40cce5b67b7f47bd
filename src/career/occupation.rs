//! Where HIM graduates work: career settings (tied to NAICS industries) and occupations (SOC).

use crate::credential::Credential;
use crate::error::{Error, Result};
use crate::program::DegreeLevel;
use crate::value::{NaicsCode, SocCode};
use crate::vocabulary::{normalise_name, vocabulary};

vocabulary! {
    /// A kind of workplace for HIM professionals.
    ///
    /// The settings are those AHIMA names for RHIAs (hospitals, clinics and physician practices,
    /// long-term care, ambulatory care, managed care and insurers, software vendors, consulting,
    /// government, education, pharmaceutical companies) and the largest employers BLS lists for
    /// medical records work. Each maps to the NAICS industries that wage tables use, so that wage
    /// statistics by industry can be read as wages by setting.
    #[non_exhaustive]
    pub enum CareerSetting("career_setting") {
        /// Hospitals (NAICS 622).
        Hospitals,
        /// Offices of physicians, multispecialty clinics and practices (NAICS 6211).
        PhysicianOfficesAndClinics,
        /// Outpatient and ambulatory care centers (NAICS 6214).
        OutpatientCareCenters,
        /// Nursing and long-term care facilities (NAICS 623).
        LongTermCare,
        /// Home health care services (NAICS 6216).
        HomeHealthCare,
        /// Insurance carriers and managed care (NAICS 5241).
        InsuranceCarriers,
        /// Federal, state and local government (OEWS ownership codes 999100, 999200, 999300).
        Government,
        /// Professional, scientific and technical services, consulting included (NAICS 54).
        ProfessionalServices,
        /// Health software vendors: software publishers and computer systems design (NAICS 5112,
        /// 5132, 5415).
        SoftwareVendors,
        /// Administrative and support services, such as coding and billing services (NAICS 561).
        AdministrativeSupport,
        /// Management of companies and enterprises, such as health system offices (NAICS 551).
        ManagementOfCompanies,
        /// Educational services (NAICS 611).
        Education,
        /// Pharmaceutical and medicine manufacturing (NAICS 3254).
        Pharmaceutical,
    }
}

impl CareerSetting {
    /// The NAICS code prefixes (as OEWS writes codes) that make up this setting.
    #[must_use]
    pub fn naics_prefixes(self) -> &'static [&'static str] {
        match self {
            Self::Hospitals => &["622"],
            Self::PhysicianOfficesAndClinics => &["6211"],
            Self::OutpatientCareCenters => &["6214"],
            Self::LongTermCare => &["623"],
            Self::HomeHealthCare => &["6216"],
            Self::InsuranceCarriers => &["5241"],
            Self::Government => &["9991", "9992", "9993"],
            Self::ProfessionalServices => &["54"],
            Self::SoftwareVendors => &["5112", "5132", "5415"],
            Self::AdministrativeSupport => &["561"],
            Self::ManagementOfCompanies => &["551"],
            Self::Education => &["611"],
            Self::Pharmaceutical => &["3254"],
        }
    }

    /// The setting a NAICS industry belongs to, by the longest matching prefix (computer
    /// systems design, 5415, is a software vendor rather than general professional services).
    #[must_use]
    pub fn for_naics(naics: &NaicsCode) -> Option<CareerSetting> {
        Self::all()
            .flat_map(|setting| {
                setting
                    .naics_prefixes()
                    .iter()
                    .map(move |prefix| (setting, *prefix))
            })
            .filter(|(_, prefix)| naics.starts_with(prefix))
            .max_by_key(|(_, prefix)| prefix.len())
            .map(|(setting, _)| setting)
    }
}

vocabulary! {
    /// The typical education BLS gives for entering an occupation.
    pub enum EntryEducation("typical_entry_education") {
        /// No formal educational credential.
        NoFormalEducationalCredential,
        /// High school diploma or equivalent.
        HighSchoolDiploma,
        /// Some college, no degree.
        SomeCollegeNoDegree,
        /// Postsecondary nondegree award.
        PostsecondaryNondegreeAward,
        /// Associate's degree.
        AssociatesDegree,
        /// Bachelor's degree.
        BachelorsDegree,
        /// Master's degree.
        MastersDegree,
        /// Doctoral or professional degree.
        DoctoralOrProfessionalDegree,
    }
}

impl EntryEducation {
    /// Reads BLS's own wording (`Bachelor's degree`, `High school diploma or equivalent`) as
    /// well as the kebab-case names.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownName`](crate::ErrorKind::UnknownName) for any other text.
    pub fn from_bls(text: &str) -> Result<Self> {
        let simplified: String = normalise_name(text)
            .chars()
            .filter(|c| *c != '\'' && *c != '’')
            .collect();
        let simplified = simplified.trim_end_matches("-or-equivalent");
        simplified.parse().map_err(|_: Error| {
            Error::unknown_name(
                "typical_entry_education",
                text,
                <Self as strum::VariantNames>::VARIANTS.to_vec(),
            )
        })
    }
}

vocabulary! {
    /// The occupations HIM programs lead to, as BLS classifies them.
    ///
    /// BLS has no separate code for HIM directors: the Occupational Outlook Handbook counts them
    /// among medical and health services managers (11-9111), whose wages are the widely quoted "HIM
    /// salary". SOC 2018 split the SOC 2010 code 29-2071 into 29-2072 and 29-9021; the old code is
    /// kept for older wage tables.
    #[non_exhaustive]
    pub enum HimOccupation("occupation") {
        /// 11-9111 Medical and Health Services Managers.
        MedicalAndHealthServicesManagers,
        /// 29-9021 Health Information Technologists and Medical Registrars.
        HealthInformationTechnologistsAndMedicalRegistrars,
        /// 29-2072 Medical Records Specialists.
        MedicalRecordsSpecialists,
        /// 29-2071 Medical Records and Health Information Technicians (SOC 2010, replaced in 2018).
        MedicalRecordsAndHealthInformationTechnicians,
    }
}

impl HimOccupation {
    /// The SOC code.
    #[must_use]
    pub fn soc(self) -> SocCode {
        let (major, detail) = match self {
            Self::MedicalAndHealthServicesManagers => (11, 9111),
            Self::HealthInformationTechnologistsAndMedicalRegistrars => (29, 9021),
            Self::MedicalRecordsSpecialists => (29, 2072),
            Self::MedicalRecordsAndHealthInformationTechnicians => (29, 2071),
        };
        SocCode::from_parts(major, detail)
    }

    /// The occupation with this SOC code, if it is one of these.
    #[must_use]
    pub fn from_soc(soc: SocCode) -> Option<HimOccupation> {
        Self::all().find(|occupation| occupation.soc() == soc)
    }

    /// The BLS title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::MedicalAndHealthServicesManagers => "Medical and Health Services Managers",
            Self::HealthInformationTechnologistsAndMedicalRegistrars => {
                "Health Information Technologists and Medical Registrars"
            }
            Self::MedicalRecordsSpecialists => "Medical Records Specialists",
            Self::MedicalRecordsAndHealthInformationTechnicians => {
                "Medical Records and Health Information Technicians"
            }
        }
    }

    /// Whether the code is a SOC 2010 code that SOC 2018 replaced.
    #[must_use]
    pub fn is_legacy(self) -> bool {
        self == Self::MedicalRecordsAndHealthInformationTechnicians
    }

    /// The typical entry education BLS's Occupational Outlook Handbook gives.
    #[must_use]
    pub fn typical_entry_education(self) -> EntryEducation {
        match self {
            Self::MedicalAndHealthServicesManagers => EntryEducation::BachelorsDegree,
            Self::HealthInformationTechnologistsAndMedicalRegistrars => EntryEducation::AssociatesDegree,
            Self::MedicalRecordsSpecialists | Self::MedicalRecordsAndHealthInformationTechnicians => {
                EntryEducation::PostsecondaryNondegreeAward
            }
        }
    }

    /// The degree levels that prepare for the occupation: the typical entry education and the
    /// levels above it that HIM programs offer.
    #[must_use]
    pub fn degree_levels(self) -> &'static [DegreeLevel] {
        match self {
            Self::MedicalAndHealthServicesManagers => &[
                DegreeLevel::Baccalaureate,
                DegreeLevel::PostBaccalaureateCertificate,
                DegreeLevel::Masters,
                DegreeLevel::Doctorate,
            ],
            Self::HealthInformationTechnologistsAndMedicalRegistrars => {
                &[DegreeLevel::Associate, DegreeLevel::Baccalaureate]
            }
            Self::MedicalRecordsSpecialists | Self::MedicalRecordsAndHealthInformationTechnicians => {
                &[DegreeLevel::Certificate, DegreeLevel::Associate]
            }
        }
    }

    /// The credentials common in the occupation (O*NET lists "RHIT" and "Coder" among the
    /// sample titles of 29-2072; AHIMA positions RHIA holders for management).
    #[must_use]
    pub fn credentials(self) -> &'static [Credential] {
        match self {
            Self::MedicalAndHealthServicesManagers => &[Credential::Rhia],
            Self::HealthInformationTechnologistsAndMedicalRegistrars => &[Credential::Rhit, Credential::Rhia],
            Self::MedicalRecordsSpecialists | Self::MedicalRecordsAndHealthInformationTechnicians => {
                &[Credential::Rhit, Credential::Cca, Credential::Ccs]
            }
        }
    }

    /// The current (SOC 2018) occupation whose typical entry education matches `level`: the
    /// occupation a new graduate of that level is most directly prepared for. Certificates map
    /// to medical records specialists, associate degrees to health information technologists,
    /// and bachelor's degrees and above to medical and health services managers.
    #[must_use]
    pub fn typical_for(level: DegreeLevel) -> HimOccupation {
        match level {
            DegreeLevel::Certificate => Self::MedicalRecordsSpecialists,
            DegreeLevel::Associate => Self::HealthInformationTechnologistsAndMedicalRegistrars,
            DegreeLevel::Baccalaureate
            | DegreeLevel::PostBaccalaureateCertificate
            | DegreeLevel::Masters
            | DegreeLevel::Doctorate => Self::MedicalAndHealthServicesManagers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naics_codes_map_to_settings_by_longest_prefix() {
        let setting = |code: &str| CareerSetting::for_naics(&code.parse().unwrap());
        assert_eq!(setting("622100"), Some(CareerSetting::Hospitals));
        assert_eq!(setting("621100"), Some(CareerSetting::PhysicianOfficesAndClinics));
        assert_eq!(setting("541500"), Some(CareerSetting::SoftwareVendors));
        assert_eq!(setting("541600"), Some(CareerSetting::ProfessionalServices));
        assert_eq!(setting("999200"), Some(CareerSetting::Government));
        assert_eq!(setting("000000"), None);
    }

    #[test]
    fn bls_education_wording_is_read() {
        assert_eq!(
            EntryEducation::from_bls("Bachelor's degree").unwrap(),
            EntryEducation::BachelorsDegree
        );
        assert_eq!(
            EntryEducation::from_bls("Associate's degree").unwrap(),
            EntryEducation::AssociatesDegree
        );
        assert_eq!(
            EntryEducation::from_bls("Postsecondary nondegree award").unwrap(),
            EntryEducation::PostsecondaryNondegreeAward
        );
        assert_eq!(
            EntryEducation::from_bls("High school diploma or equivalent").unwrap(),
            EntryEducation::HighSchoolDiploma
        );
        assert!(EntryEducation::from_bls("PhD").is_err());
    }

    #[test]
    fn occupations_round_trip_through_soc() {
        for occupation in HimOccupation::all() {
            assert_eq!(HimOccupation::from_soc(occupation.soc()), Some(occupation));
        }
        assert_eq!(
            HimOccupation::MedicalAndHealthServicesManagers.soc().to_string(),
            "11-9111"
        );
    }
}
