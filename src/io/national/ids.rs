//! Program ids for the national catalogue: readable, stable, and unable to collide.

use crate::error::Result;
use crate::program::AwardLevel;
use crate::value::{CipCode, ProgramId, Unitid};

/// The id of the program an IPEDS Completions row describes:
/// `{institution-name}-{unitid}-{cip digits}-aw{award code}`, e.g.
/// `alabama-state-university-100724-510706-aw5`.
///
/// The name part is lowercase ASCII (accents dropped, `&` as `and`, every other run of
/// characters as one hyphen) and is cut at a word boundary so that the whole id fits
/// [`ProgramId::MAX_LEN`]; the UNITID, CIP and award-level part is never cut. Two rows of one
/// catalogue differ in UNITID, CIP code or award level, so their ids differ; the same row gives
/// the same id in every build (as long as the institution keeps its name).
///
/// # Errors
/// None in practice: the id is valid by construction; the `Result` is the id check's.
pub(crate) fn national_program_id(
    institution: &str,
    unitid: Unitid,
    cip: CipCode,
    award: AwardLevel,
) -> Result<ProgramId> {
    let cip_digits: String = cip.to_string().chars().filter(char::is_ascii_digit).collect();
    let suffix = format!("{unitid}-{cip_digits}-aw{}", award.code());
    let budget = ProgramId::MAX_LEN.saturating_sub(suffix.len()).saturating_sub(1);
    let name = cut_at_word(&slug(institution), budget);
    if name.is_empty() {
        suffix.parse()
    } else {
        format!("{name}-{suffix}").parse()
    }
}

/// `text` as lowercase ASCII letters and digits separated by single hyphens.
fn slug(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // An apostrophe joins its word: "Mary's" is "marys".
            '\'' | '\u{2019}' => {}
            '&' => spaced.push_str(" and "),
            c if c.is_ascii_alphanumeric() => spaced.push(c.to_ascii_lowercase()),
            c => match fold(c) {
                Some(plain) => spaced.push_str(plain),
                None => spaced.push(' '),
            },
        }
    }
    spaced.split_whitespace().collect::<Vec<_>>().join("-")
}

/// The ASCII letters of an accented Latin letter, for the letters of US institution names.
fn fold(c: char) -> Option<&'static str> {
    Some(match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => return None,
    })
}

/// `slug` cut to at most `max` bytes at a hyphen where there is one, without a hyphen at
/// either end.
fn cut_at_word(slug: &str, max: usize) -> String {
    if slug.len() <= max {
        return slug.to_owned();
    }
    // The slug is ASCII, so every byte index is a char boundary.
    let head = slug.get(..max).unwrap_or_default();
    let at_word = if slug.as_bytes().get(max) == Some(&b'-') {
        head
    } else {
        head.rfind('-').and_then(|cut| head.get(..cut)).unwrap_or(head)
    };
    at_word.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_slug_and_the_keys_and_long_names_are_cut_at_a_word() {
        let id = national_program_id(
            "Alabama State University",
            "100724".parse().unwrap(),
            CipCode::HIM_ADMINISTRATION,
            AwardLevel::Bachelors,
        )
        .unwrap();
        assert_eq!(id.as_str(), "alabama-state-university-100724-510706-aw5");
        let long = national_program_id(
            "Pennsylvania State University–Penn State Great Valley School of Graduate Professional Studies",
            "214759".parse().unwrap(),
            CipCode::MEDICAL_INFORMATICS,
            AwardLevel::PostMastersCertificate,
        )
        .unwrap();
        assert_eq!(
            long.as_str(),
            "pennsylvania-state-university-penn-state-great-214759-512706-aw8"
        );
        assert_eq!(crate::io::ipeds::academic_year_of_file(2022), "2022-23");
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(
            slug("Texas A&M University–Commerce"),
            "texas-a-and-m-university-commerce"
        );
        assert_eq!(slug("Saint Mary's College"), "saint-marys-college");
        assert_eq!(
            slug("Universidad Ana G. Méndez-Gurabo"),
            "universidad-ana-g-mendez-gurabo"
        );
        assert_eq!(slug("  --  "), "");
        assert_eq!(slug("École"), "ecole");
    }

    #[test]
    fn the_code_part_is_never_cut() {
        let unitid: Unitid = "999999".parse().unwrap();
        for name in ["", "—", &"x".repeat(200), &"word ".repeat(40)] {
            let id = national_program_id(
                name,
                unitid,
                CipCode::MEDICAL_CODING,
                AwardLevel::CertificateTwelveWeeksToOneYear,
            )
            .unwrap();
            assert!(id.as_str().ends_with("999999-510713-aw21"), "{id}");
            assert!(id.as_str().len() <= ProgramId::MAX_LEN);
        }
    }
}
