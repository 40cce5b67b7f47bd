//! Institution names as directories and institutions write them, reduced so that two ways of
//! writing one name compare equal.
//!
//! A name is first reduced to its *exact* form: lowercase letters and digits, apostrophes
//! dropped (`St. John's` is `st johns`), every other mark a space. Two names whose exact forms
//! are equal are the same name. Beyond that, each [`NameVariant`] sets aside one thing that
//! does not name the institution; a match that needed one is reported with the variants used,
//! so the user can check it.

use std::collections::BTreeSet;
use std::fmt;

/// A way in which a list's name and an IPEDS name may differ and still name one institution.
/// Each is applied to both names, and a match that needed one is applied *and reported*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, strum::EnumIter)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NameVariant {
    /// A note in parentheses, such as an abbreviation: "Cuyahoga Community College (Tri-C)" is
    /// "Cuyahoga Community College".
    Parenthesised,
    /// A leading or trailing system name, `CUNY` or `SUNY`: "Kingsborough Community College" is
    /// "CUNY Kingsborough Community College".
    SystemPrefix,
    /// The legal suffix `District`: "Cuyahoga Community College" is "Cuyahoga Community College
    /// District".
    DistrictSuffix,
    /// The suffix `-Main Campus`: "Ohio State University" is "Ohio State University-Main Campus".
    MainCampus,
    /// A campus after a hyphen, when the list's city names that campus: "George C. Wallace State
    /// Community College" in Hanceville is "George C Wallace State Community College-Hanceville"
    /// (and "Indiana University" in Kokomo is "Indiana University-Kokomo"). `Campus` after the
    /// city's name is allowed ("University of Pittsburgh-Pittsburgh Campus").
    CampusSuffix,
    /// `Saint`, `St` and `St.` are one word: "Saint Petersburg College" is "St Petersburg College".
    Saint,
    /// `&` and `and` are one word: "Southeast Kentucky Community and Technical College" is
    /// "Southeast Kentucky Community & Technical College".
    Ampersand,
    /// `The` is left out: "College of Saint Scholastica" is "The College of Saint Scholastica".
    The,
}

impl fmt::Display for NameVariant {
    /// The words of the report: `suffix District`, `system prefix CUNY/SUNY`, `Saint/St`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Parenthesised => "note in parentheses",
            Self::SystemPrefix => "system prefix CUNY/SUNY",
            Self::DistrictSuffix => "suffix District",
            Self::MainCampus => "suffix -Main Campus",
            Self::CampusSuffix => "campus suffix named by the city",
            Self::Saint => "Saint/St",
            Self::Ampersand => "and/&",
            Self::The => "The",
        })
    }
}

/// The systems whose name a list may leave out ([`NameVariant::SystemPrefix`]).
const SYSTEMS: &[&str] = &["cuny", "suny"];

/// A name's exact form: lowercase letters and digits, apostrophes dropped, `&` kept as a word
/// of its own, every other mark a space, runs of spaces as one.
#[must_use]
pub(crate) fn exact_form(name: &str) -> String {
    words(name).join(" ")
}

/// The words of a name's exact form.
fn words(name: &str) -> Vec<String> {
    let mut spaced = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\'' | '\u{2019}' => {}
            '&' => spaced.push_str(" & "),
            c if c.is_alphanumeric() => spaced.extend(c.to_lowercase()),
            _ => spaced.push(' '),
        }
    }
    spaced.split_whitespace().map(str::to_owned).collect()
}

/// A name with every [`NameVariant`] applied, and which of them changed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VariantForm {
    /// The reduced name, words joined by one space.
    pub(crate) key: String,
    /// The variants that changed the name.
    pub(crate) variants: BTreeSet<NameVariant>,
    /// The name without what followed its last hyphen (reduced), and that suffix (reduced):
    /// the name [`NameVariant::CampusSuffix`] gives when a list's city names the suffix.
    pub(crate) campus: Option<(String, String)>,
}

impl VariantForm {
    /// Reduces `name`.
    pub(crate) fn new(name: &str) -> Self {
        let mut variants = BTreeSet::new();
        let unnoted = without_parentheses(name);
        if unnoted != name {
            variants.insert(NameVariant::Parenthesised);
        }
        let hyphen = unnoted.rfind(['-', '\u{2013}', '\u{2014}']);
        let (head, suffix) = match hyphen {
            Some(at) => (
                unnoted.get(..at).unwrap_or_default(),
                unnoted
                    .get(at..)
                    .map(|rest| rest.trim_start_matches(['-', '\u{2013}', '\u{2014}'])),
            ),
            None => (unnoted.as_str(), None),
        };
        let suffix_words = suffix.map(|suffix| reduce(words(suffix), &mut variants));
        let mut head_variants = BTreeSet::new();
        let head_words = reduce(words(head), &mut head_variants);
        variants.extend(head_variants);
        match suffix_words {
            Some(suffix) if suffix == ["main", "campus"] => {
                variants.insert(NameVariant::MainCampus);
                let key = finish(head_words, &mut variants);
                Self {
                    key,
                    variants,
                    campus: None,
                }
            }
            Some(suffix) => {
                let mut head_only = variants.clone();
                let head_key = finish(head_words.clone(), &mut head_only);
                let whole = [head_words, suffix.clone()].concat();
                let key = finish(whole, &mut variants);
                Self {
                    key,
                    variants,
                    campus: Some((head_key, suffix.join(" "))),
                }
            }
            None => Self {
                key: finish(head_words, &mut variants),
                variants,
                campus: None,
            },
        }
    }

    /// The forms this name can take when the list row's city is `city` (reduced with
    /// [`reduced_city`]): the whole name, and the name without its campus suffix where the
    /// city names that campus.
    pub(crate) fn keys<'a>(
        &'a self,
        city: Option<&'a str>,
    ) -> impl Iterator<Item = (&'a str, BTreeSet<NameVariant>)> + 'a {
        let campus = self.campus.as_ref().and_then(|(head, suffix)| {
            let city = city.filter(|city| !city.is_empty())?;
            let named = suffix == city || suffix.strip_prefix(city).is_some_and(|rest| rest == " campus");
            named.then(|| {
                let mut variants = self.variants.clone();
                variants.insert(NameVariant::CampusSuffix);
                (head.as_str(), variants)
            })
        });
        std::iter::once((self.key.as_str(), self.variants.clone())).chain(campus)
    }
}

/// The variants a match between two forms needed: those that changed one name and not the
/// other (two names that both end in `District` did not need that variant to match), or all of
/// them where both names changed in the same ways.
pub(crate) fn needed(ours: &BTreeSet<NameVariant>, theirs: &BTreeSet<NameVariant>) -> BTreeSet<NameVariant> {
    let one_sided: BTreeSet<NameVariant> = ours.symmetric_difference(theirs).copied().collect();
    if one_sided.is_empty() {
        ours.union(theirs).copied().collect()
    } else {
        one_sided
    }
}

/// A city reduced as names are, so that "St. Petersburg" is "Saint Petersburg".
pub(crate) fn reduced_city(city: &str) -> String {
    reduce(words(city), &mut BTreeSet::new()).join(" ")
}

/// `name` without its parenthesised notes (an unclosed one runs to the end).
fn without_parentheses(name: &str) -> String {
    let mut kept = String::with_capacity(name.len());
    let mut depth = 0_usize;
    for c in name.chars() {
        match c {
            '(' | '[' => depth = depth.saturating_add(1),
            ')' | ']' if depth > 0 => depth = depth.saturating_sub(1),
            c if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    kept
}

/// The word-by-word variants: `&` as `and`, `St` as `Saint`, `The` left out.
fn reduce(words: Vec<String>, variants: &mut BTreeSet<NameVariant>) -> Vec<String> {
    let mut kept = Vec::with_capacity(words.len());
    for word in words {
        match word.as_str() {
            "&" => {
                variants.insert(NameVariant::Ampersand);
                kept.push("and".to_owned());
            }
            "st" => {
                variants.insert(NameVariant::Saint);
                kept.push("saint".to_owned());
            }
            "the" => {
                variants.insert(NameVariant::The);
            }
            _ => kept.push(word),
        }
    }
    kept
}

/// The whole-name variants: a system name first or last, and a trailing `District`.
fn finish(mut words: Vec<String>, variants: &mut BTreeSet<NameVariant>) -> String {
    if words.first().is_some_and(|word| SYSTEMS.contains(&word.as_str())) {
        words.remove(0);
        variants.insert(NameVariant::SystemPrefix);
    }
    if words.last().is_some_and(|word| SYSTEMS.contains(&word.as_str())) {
        words.pop();
        variants.insert(NameVariant::SystemPrefix);
    }
    if words.len() > 1 && words.last().is_some_and(|word| word == "district") {
        words.pop();
        variants.insert(NameVariant::DistrictSuffix);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The variants that make `list` (with the list's `city`) name `ipeds`, or `None` when no
    /// form of one is a form of the other.
    fn variants_between(list: &str, city: Option<&str>, ipeds: &str) -> Option<Vec<NameVariant>> {
        let city = city.map(reduced_city);
        let (list, ipeds) = (VariantForm::new(list), VariantForm::new(ipeds));
        for (key, ours) in list.keys(city.as_deref()) {
            for (other, theirs) in ipeds.keys(city.as_deref()) {
                if key == other {
                    return Some(needed(&ours, &theirs).into_iter().collect());
                }
            }
        }
        None
    }

    #[test]
    fn the_exact_form_ignores_case_marks_and_apostrophes() {
        assert_eq!(
            exact_form("St. John's University-New York"),
            "st johns university new york"
        );
        assert_eq!(
            exact_form("  Lake-Sumter  State College "),
            "lake sumter state college"
        );
        assert_eq!(exact_form("A & M"), "a & m");
    }

    #[test]
    fn a_parenthesised_note_is_set_aside() {
        assert_eq!(
            variants_between(
                "Cuyahoga Community College District (Tri-C)",
                None,
                "Cuyahoga Community College District"
            ),
            Some(vec![NameVariant::Parenthesised])
        );
        assert_eq!(
            variants_between(
                "Kingsborough Community College (KCC",
                None,
                "CUNY Kingsborough Community College"
            ),
            Some(vec![NameVariant::Parenthesised, NameVariant::SystemPrefix])
        );
    }

    #[test]
    fn a_system_name_first_or_last_is_set_aside() {
        assert_eq!(
            variants_between(
                "Westchester Community College",
                None,
                "SUNY Westchester Community College"
            ),
            Some(vec![NameVariant::SystemPrefix])
        );
        assert_eq!(
            variants_between(
                "Kingsborough Community College, CUNY",
                None,
                "CUNY Kingsborough Community College"
            ),
            Some(vec![NameVariant::SystemPrefix])
        );
        // Only the system's own name: nothing is left to compare.
        assert_eq!(VariantForm::new("CUNY").key, "");
    }

    #[test]
    fn the_suffix_district_is_set_aside() {
        assert_eq!(
            variants_between(
                "Cuyahoga Community College",
                Some("Cleveland"),
                "Cuyahoga Community College District"
            ),
            Some(vec![NameVariant::DistrictSuffix])
        );
        // A name that is only "District" keeps it.
        assert_eq!(VariantForm::new("District").key, "district");
    }

    #[test]
    fn main_campus_is_set_aside_with_or_without_a_city() {
        assert_eq!(
            variants_between(
                "The Ohio State University",
                None,
                "Ohio State University-Main Campus"
            ),
            Some(vec![NameVariant::MainCampus, NameVariant::The])
        );
    }

    #[test]
    fn a_campus_suffix_is_set_aside_only_when_the_city_names_it() {
        let wallace = "George C Wallace State Community College-Hanceville";
        assert_eq!(
            variants_between(
                "George C. Wallace State Community College",
                Some("Hanceville"),
                wallace
            ),
            Some(vec![NameVariant::CampusSuffix])
        );
        assert_eq!(
            variants_between(
                "George C. Wallace State Community College",
                Some("Dothan"),
                wallace
            ),
            None
        );
        assert_eq!(
            variants_between("George C. Wallace State Community College", None, wallace),
            None
        );
        assert_eq!(
            variants_between(
                "University of Pittsburgh",
                Some("Pittsburgh"),
                "University of Pittsburgh-Pittsburgh Campus"
            ),
            Some(vec![NameVariant::CampusSuffix])
        );
        // A hyphen inside a name is not a campus.
        assert_eq!(
            variants_between("Lake State College", Some("Sumter"), "Lake-Sumter State College"),
            None
        );
    }

    #[test]
    fn saint_st_and_st_dot_are_one_word() {
        assert_eq!(
            variants_between(
                "Saint Petersburg College",
                Some("St. Petersburg"),
                "St Petersburg College"
            ),
            Some(vec![NameVariant::Saint])
        );
        assert_eq!(
            variants_between(
                "St. Johns River State College",
                None,
                "Saint Johns River State College"
            ),
            Some(vec![NameVariant::Saint])
        );
        assert_eq!(reduced_city("St. Cloud"), reduced_city("Saint Cloud"));
    }

    #[test]
    fn and_and_ampersand_are_one_word() {
        assert_eq!(
            variants_between(
                "Southeast Kentucky Community and Technical College",
                None,
                "Southeast Kentucky Community & Technical College"
            ),
            Some(vec![NameVariant::Ampersand])
        );
    }

    #[test]
    fn the_is_left_out() {
        assert_eq!(
            variants_between(
                "College of St. Scholastica",
                None,
                "The College of Saint Scholastica"
            ),
            Some(vec![NameVariant::Saint, NameVariant::The])
        );
    }

    #[test]
    fn each_variant_has_its_own_words_in_the_report_and_in_json() {
        use strum::IntoEnumIterator;
        let shown: BTreeSet<String> = NameVariant::iter().map(|variant| variant.to_string()).collect();
        let named: BTreeSet<String> = NameVariant::iter()
            .map(|variant| serde_json::to_string(&variant).unwrap())
            .collect();
        assert_eq!((shown.len(), named.len()), (8, 8));
        assert!(named.contains("\"district-suffix\""));
    }

    #[test]
    fn a_trailing_hyphen_or_a_city_of_marks_is_no_campus() {
        let form = VariantForm::new("Sinclair College-");
        let empty_city = reduced_city("-");
        assert_eq!(form.keys(Some(&empty_city)).count(), 1);
        assert_eq!(form.keys(None).count(), 1);
    }

    #[test]
    fn names_that_differ_in_what_they_name_stay_different() {
        for (list, ipeds) in [
            ("Westchester Community College", "The College of Westchester"),
            ("Ohio State University", "Ohio University-Main Campus"),
            (
                "University of Cincinnati",
                "University of Cincinnati-Clermont College",
            ),
            ("Kingsborough College", "CUNY Kingsborough Community College"),
        ] {
            assert_eq!(
                variants_between(list, Some("Cincinnati"), ipeds),
                None,
                "{list} / {ipeds}"
            );
        }
    }
}
