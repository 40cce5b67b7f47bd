//! Identifiers with a fixed shape: SOC, CIP and NAICS codes, IPEDS UNITIDs and program ids.

use std::fmt;

use serde::Serialize;

use crate::error::{Error, Result};

/// Implements the string conversions serde needs for a code type with a `parse`-style
/// `FromStr` and a `Display`.
macro_rules! text_code {
    ($type:ty) => {
        impl TryFrom<String> for $type {
            type Error = Error;

            fn try_from(text: String) -> Result<Self> {
                text.parse()
            }
        }

        impl From<$type> for String {
            fn from(code: $type) -> String {
                code.to_string()
            }
        }
    };
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// A Standard Occupational Classification code, `NN-NNNN` (`29-9021`).
///
/// ```
/// use himkit::value::SocCode;
///
/// let soc: SocCode = "29-9021".parse()?;
/// assert_eq!(soc.major_group(), 29);
/// assert!("299021".parse::<SocCode>().is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct SocCode(u32);

impl SocCode {
    /// Builds a code from its major group and detail digits, for constants known to be valid.
    pub(crate) const fn from_parts(major: u32, detail: u32) -> Self {
        Self(major.wrapping_mul(10_000).wrapping_add(detail % 10_000))
    }

    /// The two-digit major group (`29` for healthcare practitioners and technical occupations).
    #[must_use]
    pub fn major_group(self) -> u32 {
        self.0 / 10_000
    }

    /// Whether this is OEWS's `00-0000`, all occupations.
    #[must_use]
    pub fn is_all_occupations(self) -> bool {
        self.0 == 0
    }
}

impl std::str::FromStr for SocCode {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let refuse = || Error::invalid_text("soc_code", text, "is not a SOC code of the form NN-NNNN");
        let (major, detail) = text.split_once('-').ok_or_else(refuse)?;
        if major.len() != 2 || detail.len() != 4 || !all_digits(major) || !all_digits(detail) {
            return Err(refuse());
        }
        let major: u32 = major.parse().map_err(|_| refuse())?;
        let detail: u32 = detail.parse().map_err(|_| refuse())?;
        // Two and four digits: at most 99 9999, far inside u32.
        Ok(Self(major.saturating_mul(10_000).saturating_add(detail)))
    }
}

impl fmt::Display for SocCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:04}", self.0 / 10_000, self.0 % 10_000)
    }
}

text_code!(SocCode);
crate::error::deserialize_by_try_from!(SocCode, String);

/// A six-digit Classification of Instructional Programs code, `NN.NNNN` (`51.0706`), kept with
/// its leading zeros.
///
/// ```
/// use himkit::value::CipCode;
///
/// let cip: CipCode = "51.0706".parse()?;
/// assert_eq!(cip.to_string(), "51.0706");
/// assert_eq!("01.0000".parse::<CipCode>()?.to_string(), "01.0000");
/// assert!("51.706".parse::<CipCode>().is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct CipCode(u32);

impl CipCode {
    /// 51.0706, Health Information/Medical Records Administration/Administrator: HIM programs.
    pub const HIM_ADMINISTRATION: CipCode = CipCode(51_0706);
    /// 51.0707, Health Information/Medical Records Technology/Technician: HIT programs.
    pub const HIM_TECHNOLOGY: CipCode = CipCode(51_0707);
    /// 51.0713, Medical Insurance Coding Specialist/Coder.
    pub const MEDICAL_CODING: CipCode = CipCode(51_0713);
    /// 51.2706, Medical Informatics.
    pub const MEDICAL_INFORMATICS: CipCode = CipCode(51_2706);

    /// The four-digit family (`51.07`), the granularity College Scorecard reports at.
    #[must_use]
    pub(crate) fn family(self) -> CipFamily {
        CipFamily(self.0 / 100)
    }
}

impl std::str::FromStr for CipCode {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let refuse = || {
            Error::invalid_text(
                "cip_code",
                text,
                "is not a six-digit CIP code of the form NN.NNNN",
            )
        };
        let (series, detail) = text.split_once('.').ok_or_else(refuse)?;
        if series.len() != 2 || detail.len() != 4 || !all_digits(series) || !all_digits(detail) {
            return Err(refuse());
        }
        let series: u32 = series.parse().map_err(|_| refuse())?;
        let detail: u32 = detail.parse().map_err(|_| refuse())?;
        Ok(Self(series.saturating_mul(10_000).saturating_add(detail)))
    }
}

impl fmt::Display for CipCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}.{:04}", self.0 / 10_000, self.0 % 10_000)
    }
}

text_code!(CipCode);
crate::error::deserialize_by_try_from!(CipCode, String);

/// A four-digit CIP family, `NN.NN` (`51.07`, Health and Medical Administrative Services).
///
/// College Scorecard's field-of-study files identify programs at this level, so HIM (51.0706)
/// and HIT (51.0707) share the family with health care administration, medical office management
/// and coding programs. Parses `51.07` and Scorecard's bare `5107` alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub(crate) struct CipFamily(u32);

impl std::str::FromStr for CipFamily {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let refuse = || {
            Error::invalid_text(
                "cip_family",
                text,
                "is not a four-digit CIP family of the form NN.NN or NNNN",
            )
        };
        let digits: String = match text.split_once('.') {
            Some((series, detail)) if series.len() == 2 && detail.len() == 2 => format!("{series}{detail}"),
            None if text.len() == 4 => text.to_owned(),
            _ => return Err(refuse()),
        };
        if !all_digits(&digits) {
            return Err(refuse());
        }
        digits.parse().map(Self).map_err(|_| refuse())
    }
}

impl fmt::Display for CipFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}.{:02}", self.0 / 100, self.0 % 100)
    }
}

text_code!(CipFamily);
crate::error::deserialize_by_try_from!(CipFamily, String);

/// A North American Industry Classification System code as BLS wage tables write it: two to six
/// digits (`622100`, `000000` for cross-industry), or a sector range such as `31-33`.
///
/// OEWS also uses codes of its own in the 999xxx range for government ownership; they are kept as
/// given.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct NaicsCode(String);

impl NaicsCode {
    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is OEWS's cross-industry code `000000`.
    #[must_use]
    pub fn is_cross_industry(&self) -> bool {
        self.0.bytes().all(|byte| byte == b'0')
    }

    /// Whether the code starts with `prefix` (`622100` starts with `622`): whether it falls in
    /// that part of the classification.
    #[must_use]
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.0.starts_with(prefix)
    }
}

impl std::str::FromStr for NaicsCode {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let valid = match text.split_once('-') {
            Some((low, high)) => low.len() == 2 && high.len() == 2 && all_digits(low) && all_digits(high),
            None => (2..=6).contains(&text.len()) && all_digits(text),
        };
        if valid {
            Ok(Self(text.to_owned()))
        } else {
            Err(Error::invalid_text(
                "naics_code",
                text,
                "is not a NAICS code of two to six digits (or a sector range such as 31-33)",
            ))
        }
    }
}

impl fmt::Display for NaicsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

text_code!(NaicsCode);
crate::error::deserialize_by_try_from!(NaicsCode, String);

/// An IPEDS institution identifier (UNITID): six digits, 100000 to 999999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u32")]
pub struct Unitid(u32);

impl Unitid {
    /// Creates a UNITID.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) unless `id` has six digits.
    pub fn new(id: u64) -> Result<Self> {
        if (100_000..=999_999).contains(&id) {
            Ok(Self(id as u32))
        } else {
            Err(Error::invalid("unitid", id, "is not a six-digit IPEDS UNITID"))
        }
    }

    /// The number.
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }
}

crate::error::deserialize_by_try_from!(Unitid, u64);

impl TryFrom<u64> for Unitid {
    type Error = Error;

    fn try_from(id: u64) -> Result<Self> {
        Unitid::new(id)
    }
}

impl From<Unitid> for u32 {
    fn from(id: Unitid) -> u32 {
        id.0
    }
}

impl std::str::FromStr for Unitid {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let trimmed = text.trim();
        if !all_digits(trimmed) {
            return Err(Error::invalid_text(
                "unitid",
                text,
                "is not a six-digit IPEDS UNITID",
            ));
        }
        trimmed
            .parse::<u64>()
            .map_err(|_| Error::invalid_text("unitid", text, "is not a six-digit IPEDS UNITID"))
            .and_then(Unitid::new)
    }
}

impl fmt::Display for Unitid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A program's stable id: a slug of lowercase ASCII letters, digits and single hyphens, 1 to 64
/// characters, starting and ending with a letter or digit (`lakeside-cc-hit-aas`).
///
/// ```
/// use himkit::ProgramId;
///
/// assert!("lakeside-cc-hit-aas".parse::<ProgramId>().is_ok());
/// assert!("Lakeside CC".parse::<ProgramId>().is_err());
/// assert!("double--hyphen".parse::<ProgramId>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct ProgramId(String);

impl ProgramId {
    /// The longest id accepted.
    pub const MAX_LEN: usize = 64;

    /// The id as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for ProgramId {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let shape_ok = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text
                .bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-')
            && !text.contains("--");
        if shape_ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(Error::invalid_text(
                "id",
                text,
                "is not a program id: use 1 to 64 lowercase letters, digits and single hyphens, not starting or ending with a hyphen",
            ))
        }
    }
}

impl fmt::Display for ProgramId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

text_code!(ProgramId);
crate::error::deserialize_by_try_from!(ProgramId, String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soc_codes_keep_their_shape() {
        let soc: SocCode = "11-9111".parse().unwrap();
        assert_eq!(soc.to_string(), "11-9111");
        assert!("00-0000".parse::<SocCode>().unwrap().is_all_occupations());
        for bad in [
            "119111", "11-911", "1-19111", "11-91a1", "11-9111 ", "", "+1-9111",
        ] {
            assert!(bad.parse::<SocCode>().is_err(), "{bad}");
        }
        assert_eq!(
            "119111".parse::<SocCode>().unwrap_err().to_string(),
            "soc_code: \"119111\" is not a SOC code of the form NN-NNNN"
        );
    }

    #[test]
    fn cip_codes_keep_leading_zeros() {
        let cip: CipCode = "01.0101".parse().unwrap();
        assert_eq!(cip.to_string(), "01.0101");
        assert_eq!(cip.family().to_string(), "01.01");
        for bad in ["51.070", "5107.06", "510706", "51.07a6", "-1.0706"] {
            assert!(bad.parse::<CipCode>().is_err(), "{bad}");
        }
    }

    #[test]
    fn cip_families_parse_both_spellings() {
        let dotted: CipFamily = "51.07".parse().unwrap();
        let bare: CipFamily = "5107".parse().unwrap();
        assert_eq!(dotted, bare);
        assert_eq!("51.0707".parse::<CipCode>().unwrap().family(), dotted);
        assert_ne!("51.2706".parse::<CipCode>().unwrap().family(), dotted);
        assert!("517".parse::<CipFamily>().is_err());
    }

    #[test]
    fn naics_codes_accept_bls_forms() {
        for good in ["000000", "622100", "62", "31-33", "999200"] {
            assert!(good.parse::<NaicsCode>().is_ok(), "{good}");
        }
        for bad in ["6", "6221000", "62a", "31-3", ""] {
            assert!(bad.parse::<NaicsCode>().is_err(), "{bad}");
        }
        assert!("000000".parse::<NaicsCode>().unwrap().is_cross_industry());
    }

    #[test]
    fn unitids_have_six_digits() {
        assert_eq!(Unitid::new(204_796).unwrap().get(), 204_796);
        assert!(Unitid::new(99_999).is_err());
        assert!(Unitid::new(1_000_000).is_err());
        assert!("20479x".parse::<Unitid>().is_err());
    }

    #[test]
    fn program_ids_are_slugs() {
        for good in ["a", "hit-2", "x".repeat(64).as_str()] {
            assert!(good.parse::<ProgramId>().is_ok(), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "é", "x".repeat(65).as_str()] {
            assert!(bad.parse::<ProgramId>().is_err(), "{bad}");
        }
    }
}
