//! IPEDS award levels (`AWLEVEL`): the finer grain of credential that IPEDS Completions reports,
//! below the crate's [`DegreeLevel`].

use super::level::DegreeLevel;
use crate::error::{Error, Result};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// An IPEDS award level (`AWLEVEL` in Completions files, `C2020_A` onward; code 1 from the
    /// files before).
    ///
    /// IPEDS distinguishes what the crate's [`DegreeLevel`] groups together: a certificate
    /// earned in under 12 weeks is not a certificate of one to two years, and post-master's
    /// certificates exist. Each level keeps its IPEDS code ([`AwardLevel::code`]) and parses
    /// from its kebab-case name.
    ///
    /// | code | name | IPEDS label | degree level | typical months |
    /// |---:|---|---|---|---:|
    /// | 1 | `certificate-under-one-year` | less than one academic year (files before 2020) | certificate | 9 |
    /// | 20 | `certificate-under-twelve-weeks` | certificate of less than 12 weeks | certificate | 3 |
    /// | 21 | `certificate-twelve-weeks-to-one-year` | certificate of 12 weeks to less than 1 year | certificate | 9 |
    /// | 2 | `certificate-one-to-two-years` | certificate of at least 1 but less than 2 years | certificate | 12 |
    /// | 3 | `associate` | associate's degree | associate | 24 |
    /// | 4 | `certificate-two-to-four-years` | certificate of at least 2 but less than 4 years | certificate | 36 |
    /// | 5 | `bachelors` | bachelor's degree | baccalaureate | 48 |
    /// | 6 | `postbaccalaureate-certificate` | postbaccalaureate certificate | post-baccalaureate-certificate | 12 |
    /// | 7 | `masters` | master's degree | masters | 24 |
    /// | 8 | `post-masters-certificate` | post-master's certificate | post-baccalaureate-certificate | 12 |
    /// | 17 | `doctors-research-scholarship` | doctor's degree, research/scholarship | doctorate | 48 |
    /// | 18 | `doctors-professional-practice` | doctor's degree, professional practice | doctorate | 48 |
    /// | 19 | `doctors-other` | doctor's degree, other | doctorate | 48 |
    ///
    /// ```
    /// use himkit::DegreeLevel;
    /// use himkit::program::AwardLevel;
    ///
    /// let level = AwardLevel::from_code(21)?;
    /// assert_eq!(level, AwardLevel::CertificateTwelveWeeksToOneYear);
    /// assert_eq!(level.degree_level(), DegreeLevel::Certificate);
    /// assert_eq!(level.typical_months(), 9);
    /// assert_eq!("associate".parse::<AwardLevel>()?.code(), 3);
    /// assert!(AwardLevel::from_code(9).is_err());
    /// # Ok::<(), himkit::Error>(())
    /// ```
    pub enum AwardLevel("award_level") {
        /// Code 1, "award of less than one academic year", used before `C2020_A`, where codes 20
        /// and 21 now stand.
        CertificateUnderOneYear,
        /// Code 20, a certificate of less than 12 weeks.
        CertificateUnderTwelveWeeks,
        /// Code 21, a certificate of at least 12 weeks but less than one year.
        CertificateTwelveWeeksToOneYear,
        /// Code 2, a certificate of at least one but less than two years.
        CertificateOneToTwoYears,
        /// Code 3, an associate's degree.
        Associate,
        /// Code 4, a certificate of at least two but less than four years.
        CertificateTwoToFourYears,
        /// Code 5, a bachelor's degree.
        Bachelors,
        /// Code 6, a postbaccalaureate certificate.
        PostbaccalaureateCertificate,
        /// Code 7, a master's degree.
        Masters,
        /// Code 8, a post-master's certificate.
        PostMastersCertificate,
        /// Code 17, a doctor's degree for research or scholarship.
        DoctorsResearchScholarship,
        /// Code 18, a doctor's degree for professional practice.
        DoctorsProfessionalPractice,
        /// Code 19, a doctor's degree of another kind.
        DoctorsOther,
    }
}

impl AwardLevel {
    /// The IPEDS `AWLEVEL` code.
    #[must_use]
    pub fn code(self) -> u8 {
        match self {
            Self::CertificateUnderOneYear => 1,
            Self::CertificateOneToTwoYears => 2,
            Self::Associate => 3,
            Self::CertificateTwoToFourYears => 4,
            Self::Bachelors => 5,
            Self::PostbaccalaureateCertificate => 6,
            Self::Masters => 7,
            Self::PostMastersCertificate => 8,
            Self::DoctorsResearchScholarship => 17,
            Self::DoctorsProfessionalPractice => 18,
            Self::DoctorsOther => 19,
            Self::CertificateUnderTwelveWeeks => 20,
            Self::CertificateTwelveWeeksToOneYear => 21,
        }
    }

    /// The level with IPEDS code `code`.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) naming the field `AWLEVEL` for any other code (9 to 16 are not award
    /// levels; 10 to 16 were retired levels of older files that Completions no longer uses).
    pub fn from_code(code: u8) -> Result<Self> {
        Self::all().find(|level| level.code() == code).ok_or_else(|| {
            Error::invalid(
                "AWLEVEL",
                code,
                "is not an IPEDS award level (1 to 8 or 17 to 21)",
            )
        })
    }

    /// The crate's degree level for this award level: every undergraduate certificate (codes 1,
    /// 2, 4, 20, 21) is [`DegreeLevel::Certificate`]; 3 associate; 5 baccalaureate; 7 master's;
    /// 17, 18 and 19 doctorate; 6 and 8 post-baccalaureate certificate.
    ///
    /// The degree levels have one level for certificates earned after a bachelor's degree, as
    /// College Scorecard has one credential level for graduate certificates: a post-master's
    /// certificate (8) is one of them, and takes that level. The award level keeps the
    /// difference, so a program built from IPEDS still says which it is.
    #[must_use]
    pub fn degree_level(self) -> DegreeLevel {
        match self {
            Self::CertificateUnderOneYear
            | Self::CertificateUnderTwelveWeeks
            | Self::CertificateTwelveWeeksToOneYear
            | Self::CertificateOneToTwoYears
            | Self::CertificateTwoToFourYears => DegreeLevel::Certificate,
            Self::Associate => DegreeLevel::Associate,
            Self::Bachelors => DegreeLevel::Baccalaureate,
            Self::PostbaccalaureateCertificate | Self::PostMastersCertificate => {
                DegreeLevel::PostBaccalaureateCertificate
            }
            Self::Masters => DegreeLevel::Masters,
            Self::DoctorsResearchScholarship | Self::DoctorsProfessionalPractice | Self::DoctorsOther => {
                DegreeLevel::Doctorate
            }
        }
    }

    /// The length, in months of full-time study, a student should expect for an award of this
    /// level when the program publishes none. A convention for estimates, not a fact about a
    /// program:
    ///
    /// - under 12 weeks (20): 3 months, the upper end of the band;
    /// - 12 weeks to under a year (21) and the older "under one year" (1): 9 months, one
    ///   academic year;
    /// - one to under two years (2): 12 months, the lower end of the band, since most such HIM
    ///   certificates (coding, release of information) run about one year;
    /// - associate (3): 24 months; two to under four years (4): 36 months; bachelor's (5): 48;
    /// - postbaccalaureate (6) and post-master's (8) certificates: 12 months; master's (7): 24;
    /// - doctorates (17, 18, 19): [`DegreeLevel::typical_months`] for a doctorate (48).
    ///
    /// The award levels whose band the degree level's convention already fits take
    /// [`DegreeLevel::typical_months`] of their [degree level](AwardLevel::degree_level), so the
    /// two conventions cannot drift apart.
    #[must_use]
    pub fn typical_months(self) -> u16 {
        match self {
            Self::CertificateUnderTwelveWeeks => 3,
            Self::CertificateUnderOneYear | Self::CertificateTwelveWeeksToOneYear => 9,
            Self::CertificateTwoToFourYears => 36,
            other => other.degree_level().typical_months(),
        }
    }

    /// IPEDS's own label (`certificate of at least 1 but less than 2 years`).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::CertificateUnderOneYear => "award of less than one academic year",
            Self::CertificateUnderTwelveWeeks => "certificate of less than 12 weeks",
            Self::CertificateTwelveWeeksToOneYear => "certificate of at least 12 weeks but less than 1 year",
            Self::CertificateOneToTwoYears => "certificate of at least 1 but less than 2 years",
            Self::Associate => "associate's degree",
            Self::CertificateTwoToFourYears => "certificate of at least 2 but less than 4 years",
            Self::Bachelors => "bachelor's degree",
            Self::PostbaccalaureateCertificate => "postbaccalaureate certificate",
            Self::Masters => "master's degree",
            Self::PostMastersCertificate => "post-master's certificate",
            Self::DoctorsResearchScholarship => "doctor's degree - research/scholarship",
            Self::DoctorsProfessionalPractice => "doctor's degree - professional practice",
            Self::DoctorsOther => "doctor's degree - other",
        }
    }
}

impl TryFrom<u8> for AwardLevel {
    type Error = Error;

    fn try_from(code: u8) -> Result<Self> {
        Self::from_code(code)
    }
}

impl From<AwardLevel> for u8 {
    fn from(level: AwardLevel) -> u8 {
        level.code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        let codes: Vec<u8> = AwardLevel::all().map(AwardLevel::code).collect();
        assert_eq!(codes.len(), 13);
        for code in 0..=u8::MAX {
            match AwardLevel::from_code(code) {
                Ok(level) => {
                    assert_eq!(level.code(), code);
                    assert_eq!(AwardLevel::try_from(code).unwrap(), level);
                    assert_eq!(u8::from(level), code);
                }
                Err(error) => {
                    assert!(!codes.contains(&code));
                    assert_eq!(
                        error.to_string(),
                        format!("AWLEVEL: {code} is not an IPEDS award level (1 to 8 or 17 to 21)")
                    );
                }
            }
        }
        for code in [1, 2, 3, 4, 5, 6, 7, 8, 17, 18, 19, 20, 21] {
            assert!(codes.contains(&code), "{code}");
        }
    }

    #[test]
    fn names_round_trip_through_text_and_json() {
        for level in AwardLevel::all() {
            assert_eq!(level.to_string().parse::<AwardLevel>().unwrap(), level);
            let json = serde_json::to_string(&level).unwrap();
            assert_eq!(json, format!("\"{}\"", level.as_str()));
            assert_eq!(serde_json::from_str::<AwardLevel>(&json).unwrap(), level);
        }
        assert_eq!(
            AwardLevel::PostMastersCertificate.as_str(),
            "post-masters-certificate"
        );
        assert_eq!(
            "Certificate_One_To_Two_Years".parse::<AwardLevel>().unwrap(),
            AwardLevel::CertificateOneToTwoYears
        );
        let error = "diploma".parse::<AwardLevel>().unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("award_level: \"diploma\" is not a known award_level")
        );
    }

    #[test]
    fn degree_levels_follow_the_award() {
        use DegreeLevel as D;
        let expected = [
            (1, D::Certificate),
            (2, D::Certificate),
            (3, D::Associate),
            (4, D::Certificate),
            (5, D::Baccalaureate),
            (6, D::PostBaccalaureateCertificate),
            (7, D::Masters),
            (8, D::PostBaccalaureateCertificate),
            (17, D::Doctorate),
            (18, D::Doctorate),
            (19, D::Doctorate),
            (20, D::Certificate),
            (21, D::Certificate),
        ];
        for (code, level) in expected {
            assert_eq!(
                AwardLevel::from_code(code).unwrap().degree_level(),
                level,
                "{code}"
            );
        }
    }

    #[test]
    fn typical_lengths() {
        let expected = [
            (1, 9),
            (2, 12),
            (3, 24),
            (4, 36),
            (5, 48),
            (6, 12),
            (7, 24),
            (8, 12),
            (17, 48),
            (18, 48),
            (19, 48),
            (20, 3),
            (21, 9),
        ];
        for (code, months) in expected {
            assert_eq!(
                AwardLevel::from_code(code).unwrap().typical_months(),
                months,
                "{code}"
            );
        }
    }
}
