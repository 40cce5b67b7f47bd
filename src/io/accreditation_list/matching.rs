//! Which programs a list row means: by UNITID, by exact name, by a name variant; and, for a
//! row that means none, which institutions it could mean.

use std::collections::{BTreeMap, BTreeSet};

use super::AccreditationListEntry;
use super::names::{NameVariant, VariantForm, exact_form, needed, reduced_city};
use super::report::CandidateInstitution;
use crate::program::{DegreeLevel, Program};
use crate::value::{Unitid, UsState};

/// Words too common in institution names to point to one (besides the state's own name).
const COMMON_WORDS: &[&str] = &[
    "academy",
    "and",
    "applied",
    "at",
    "campus",
    "career",
    "careers",
    "center",
    "centre",
    "central",
    "city",
    "college",
    "colleges",
    "community",
    "county",
    "cuny",
    "district",
    "east",
    "eastern",
    "education",
    "for",
    "health",
    "in",
    "institute",
    "junior",
    "main",
    "medical",
    "north",
    "northern",
    "of",
    "online",
    "polytechnic",
    "professional",
    "professions",
    "saint",
    "school",
    "sciences",
    "science",
    "south",
    "southern",
    "state",
    "studies",
    "suny",
    "system",
    "technical",
    "technology",
    "the",
    "university",
    "west",
    "western",
];

/// What a row means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RowMatch {
    /// One program, by UNITID or by the exact name.
    Exact(usize),
    /// One program, by a name variant.
    Variant(usize, Vec<NameVariant>),
    /// No program.
    Nothing { why: String },
    /// More than one program (never applied).
    Several { why: String, indices: Vec<usize> },
}

/// A catalogue's programs indexed for matching list rows.
pub(crate) struct Matcher<'c> {
    programs: &'c [Program],
    exact: BTreeMap<(String, UsState), Vec<usize>>,
    forms: Vec<VariantForm>,
    /// Every form a program's name can take (with and without a campus suffix), in any state.
    variants: BTreeMap<String, Vec<usize>>,
    institutions: Vec<InstitutionNames>,
}

/// An institution of the catalogue, as candidates are drawn from.
struct InstitutionNames {
    candidate: CandidateInstitution,
    city: String,
    words: BTreeSet<String>,
}

impl<'c> Matcher<'c> {
    /// Indexes `programs`.
    pub(crate) fn new(programs: &'c [Program]) -> Self {
        let mut exact: BTreeMap<_, Vec<usize>> = BTreeMap::new();
        let mut variants: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut forms = Vec::with_capacity(programs.len());
        let mut institutions: BTreeMap<(Option<Unitid>, String, String, UsState), BTreeSet<DegreeLevel>> =
            BTreeMap::new();
        for (index, program) in programs.iter().enumerate() {
            let institution = program.institution();
            exact
                .entry((exact_form(institution.name()), institution.state()))
                .or_default()
                .push(index);
            let form = VariantForm::new(institution.name());
            variants.entry(form.key.clone()).or_default().push(index);
            if let Some((head, _)) = &form.campus {
                variants.entry(head.clone()).or_default().push(index);
            }
            forms.push(form);
            institutions
                .entry((
                    institution.unitid(),
                    institution.name().to_owned(),
                    institution.city().to_owned(),
                    institution.state(),
                ))
                .or_default()
                .insert(program.degree_level());
        }
        let institutions = institutions
            .into_iter()
            .map(|((unitid, name, city, state), levels)| InstitutionNames {
                words: distinctive_words(&name, state),
                city: reduced_city(&city),
                candidate: CandidateInstitution {
                    unitid,
                    name,
                    city,
                    state,
                    levels: levels.into_iter().collect(),
                    same_city: false,
                    shared_words: Vec::new(),
                },
            })
            .collect();
        Self {
            programs,
            exact,
            forms,
            variants,
            institutions,
        }
    }

    /// What `entry` means: by UNITID where it has one, else by exact name and state (narrowed
    /// by city when that tells campuses apart), else by a name variant, among the programs of
    /// its level (and discipline). A variant match must be the only program of the row's
    /// state it makes equal, and must make none equal in another state.
    pub(crate) fn match_row(&self, entry: &AccreditationListEntry) -> RowMatch {
        let name = entry.institution.as_str();
        let form = VariantForm::new(name);
        if let Some(why) = refusal(name, &form) {
            return nothing(why);
        }
        let fits = |index: &usize| {
            self.programs.get(*index).is_some_and(|program| {
                program.degree_level() == entry.degree_level
                    && entry
                        .discipline
                        .is_none_or(|discipline| program.discipline() == discipline)
            })
        };
        if let Some(unitid) = entry.unitid {
            let indices: Vec<usize> = (0..self.programs.len())
                .filter(|index| {
                    fits(index)
                        && self
                            .programs
                            .get(*index)
                            .is_some_and(|program| program.institution().unitid() == Some(unitid))
                })
                .collect();
            return self.one_of(
                self.in_city(indices, entry),
                format!("no {} program at UNITID {unitid}", entry.degree_level),
            );
        }
        let exact: Vec<usize> = self
            .exact
            .get(&(exact_form(name), entry.state))
            .map(|indices| indices.iter().copied().filter(fits).collect())
            .unwrap_or_default();
        let not_found = format!(
            "no {} program of an institution of this name in {}",
            entry.degree_level, entry.state
        );
        if !exact.is_empty() {
            return self.one_of(self.in_city(exact, entry), not_found);
        }
        let city = entry.city.as_ref().map(|city| reduced_city(city.as_str()));
        let found = self.variant_matches(&form, city.as_deref(), &fits);
        self.decide_variant(found, entry, not_found)
    }

    /// The programs that `fits` whose name a variant makes the row's `form`, in any state,
    /// each with the variants that needed.
    fn variant_matches(
        &self,
        form: &VariantForm,
        city: Option<&str>,
        fits: &impl Fn(&usize) -> bool,
    ) -> BTreeMap<usize, BTreeSet<NameVariant>> {
        let mut found: BTreeMap<usize, BTreeSet<NameVariant>> = BTreeMap::new();
        for (key, ours) in form.keys(city) {
            for index in self
                .variants
                .get(key)
                .into_iter()
                .flatten()
                .filter(|index| fits(index))
            {
                let theirs = self.forms.get(*index).and_then(|form| {
                    form.keys(city)
                        .find(|(their_key, _)| *their_key == key)
                        .map(|(_, theirs)| theirs)
                });
                if let Some(theirs) = theirs {
                    found.entry(*index).or_insert_with(|| needed(&ours, &theirs));
                }
            }
        }
        found
    }

    /// A variant match is applied only when it is the one program of the row's state it
    /// finds and it finds none in another state: a variant that makes two programs equal
    /// leaves the row ambiguous.
    fn decide_variant(
        &self,
        found: BTreeMap<usize, BTreeSet<NameVariant>>,
        entry: &AccreditationListEntry,
        not_found: String,
    ) -> RowMatch {
        let state_of = |index: &usize| {
            self.programs
                .get(*index)
                .map(|program| program.institution().state())
        };
        let elsewhere: BTreeSet<UsState> = found
            .keys()
            .filter_map(state_of)
            .filter(|state| *state != entry.state)
            .collect();
        let here: Vec<(usize, &BTreeSet<NameVariant>)> = found
            .iter()
            .filter(|(index, _)| state_of(index) == Some(entry.state))
            .map(|(index, used)| (*index, used))
            .collect();
        let used: BTreeSet<NameVariant> = here.iter().flat_map(|(_, used)| used.iter().copied()).collect();
        match here.as_slice() {
            [] => nothing(not_found),
            [(index, used)] if elsewhere.is_empty() => {
                RowMatch::Variant(*index, used.iter().copied().collect())
            }
            _ if !elsewhere.is_empty() => {
                let states: Vec<String> = std::iter::once(entry.state)
                    .chain(elsewhere)
                    .map(|state| state.to_string())
                    .collect();
                RowMatch::Several {
                    why: format!(
                        "by name variant ({}) the name matches programs in {}; add the UNITID",
                        join(&used),
                        states.join(" and ")
                    ),
                    indices: found.into_keys().collect(),
                }
            }
            _ => RowMatch::Several {
                why: format!(
                    "{} programs match by name variant ({}); add the UNITID",
                    here.len(),
                    join(&used)
                ),
                indices: here.iter().map(|(index, _)| *index).collect(),
            },
        }
    }

    /// `indices` narrowed to the row's city, when the row has one and that leaves some.
    fn in_city(&self, indices: Vec<usize>, entry: &AccreditationListEntry) -> Vec<usize> {
        let Some(city) = &entry.city else {
            return indices;
        };
        if indices.len() < 2 {
            return indices;
        }
        let city = reduced_city(city.as_str());
        let in_city: Vec<usize> = indices
            .iter()
            .copied()
            .filter(|index| {
                self.programs
                    .get(*index)
                    .is_some_and(|program| reduced_city(program.institution().city()) == city)
            })
            .collect();
        if in_city.is_empty() { indices } else { in_city }
    }

    /// The one program of `indices`, or why there is not one.
    #[allow(clippy::unused_self)] // A method, so the matcher reads as one vocabulary.
    fn one_of(&self, indices: Vec<usize>, not_found: String) -> RowMatch {
        match indices.as_slice() {
            [] => nothing(not_found),
            [index] => RowMatch::Exact(*index),
            _ => RowMatch::Several {
                why: format!("{} programs match; add the UNITID or the city", indices.len()),
                indices,
            },
        }
    }

    /// The institutions an unapplied row could mean: those of `indices` (an ambiguous row's
    /// programs) when there are some, else those of the row's UNITID, those in its city and
    /// state, and those in its state whose names share a distinctive word with its name.
    /// The row's UNITID first, then those in its city, then by words shared.
    pub(crate) fn institutions_for(
        &self,
        entry: &AccreditationListEntry,
        indices: &[usize],
    ) -> Vec<CandidateInstitution> {
        let row_city = entry.city.as_ref().map(|city| reduced_city(city.as_str()));
        let row_words = distinctive_words(entry.institution.as_str(), entry.state);
        let of_programs: BTreeSet<(Option<Unitid>, &str, &str)> = indices
            .iter()
            .filter_map(|index| self.programs.get(*index))
            .map(|program| {
                let institution = program.institution();
                (institution.unitid(), institution.name(), institution.city())
            })
            .collect();
        let mut found: Vec<CandidateInstitution> = Vec::new();
        for institution in &self.institutions {
            let candidate = &institution.candidate;
            let same_city = candidate.state == entry.state && row_city.as_ref() == Some(&institution.city);
            let shared_words: Vec<String> = if candidate.state == entry.state {
                row_words.intersection(&institution.words).cloned().collect()
            } else {
                Vec::new()
            };
            let wanted = if indices.is_empty() {
                same_city
                    || !shared_words.is_empty()
                    || (entry.unitid.is_some() && candidate.unitid == entry.unitid)
            } else {
                of_programs.contains(&(candidate.unitid, candidate.name.as_str(), candidate.city.as_str()))
            };
            if wanted {
                found.push(CandidateInstitution {
                    same_city,
                    shared_words,
                    ..candidate.clone()
                });
            }
        }
        found.sort_by(|a, b| {
            let rank = |candidate: &CandidateInstitution| {
                (
                    entry.unitid.is_none() || candidate.unitid != entry.unitid,
                    !candidate.same_city,
                    std::cmp::Reverse(candidate.shared_words.len()),
                )
            };
            rank(a).cmp(&rank(b)).then_with(|| a.name.cmp(&b.name))
        });
        found
    }
}

/// Why a row's name cannot name an institution, if it cannot: empty, one letter, or nothing
/// left once the variants set aside a system name or a note (`CUNY`, `(HIM)`).
fn refusal(name: &str, form: &VariantForm) -> Option<String> {
    let letters = name.chars().filter(|c| c.is_alphanumeric()).count();
    if letters == 0 {
        return Some("the institution name is empty".to_owned());
    }
    if letters == 1 {
        return Some(format!(
            "{name:?} is one letter, too short to name an institution"
        ));
    }
    form.key.is_empty().then(|| {
        format!(
            "{name:?} is only a system name or a note ({}), not an institution's name; write the \
             institution's name or its UNITID",
            join(&form.variants)
        )
    })
}

/// A row that means no program.
fn nothing(why: String) -> RowMatch {
    RowMatch::Nothing { why }
}

/// Variants as the report lists them: `suffix District, Saint/St`.
fn join(variants: &BTreeSet<NameVariant>) -> String {
    variants
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The words of `name` that can point to one institution of `state`: reduced as names are
/// matched, without [`COMMON_WORDS`], the state's own name, and words under three letters.
fn distinctive_words(name: &str, state: UsState) -> BTreeSet<String> {
    let state_words = exact_form(state.name());
    let state_words: Vec<&str> = state_words.split(' ').collect();
    VariantForm::new(name)
        .key
        .split(' ')
        .filter(|word| {
            word.chars().count() >= 3 && !COMMON_WORDS.contains(word) && !state_words.contains(word)
        })
        .map(str::to_owned)
        .collect()
}
