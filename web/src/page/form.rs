//! The profile form: read from a query string, turned into a [`StudentProfile`], written back
//! as the values the form shows and as hidden fields for the comparison form.

use std::collections::{BTreeMap, BTreeSet};

use himkit::select::{Constraint, Criterion, Method, ProfileSpec, UnknownPolicy};
use himkit::value::ZipCode;
use himkit::{Credential, DegreeLevel, DeliveryMode, Money, Skill, StudentProfile, UsState};

/// The form's values as given (text, so that a refused value is shown back as typed).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ProfileForm {
    /// Whether the form was submitted (else the values are the documented example profile's).
    pub submitted: bool,
    /// The home state's USPS code, or empty (with a ZIP code).
    pub state: String,
    /// The home ZIP code, or empty.
    pub zip: String,
    /// The distance limit in miles, `0` or empty for none.
    pub max_miles: String,
    /// Degree levels wanted (their JSON names).
    pub levels: BTreeSet<String>,
    /// Delivery modes accepted.
    pub delivery: BTreeSet<String>,
    /// The preferred delivery, or empty.
    pub preferred: String,
    /// The cost limit in dollars, or empty.
    pub max_cost: String,
    /// The length limit in months, or empty.
    pub max_months: String,
    /// The target credential, or empty.
    pub credential: String,
    /// Whether accreditation is required.
    pub accredited: bool,
    /// Whether a practice experience is required.
    pub practice: bool,
    /// Desired skills.
    pub skills: BTreeSet<String>,
    /// A weight per criterion, as typed.
    pub weights: BTreeMap<Criterion, String>,
    /// The method.
    pub method: String,
    /// What an unknown answer to a requirement does: keep-and-flag or exclude.
    pub unknown: String,
    /// Programs chosen for comparison.
    pub ids: Vec<String>,
    /// How many ranked programs the page shows, as typed.
    pub shown: String,
}

/// How many ranked programs the page shows unless asked for more: a first screenful or two.
pub(crate) const DEFAULT_SHOWN: usize = 20;
/// The choices the form offers for [`ProfileForm::shown`].
pub(crate) const SHOWN_CHOICES: [usize; 4] = [10, 20, 50, 100];
/// The most ranked programs a page shows.
pub(crate) const MAX_SHOWN: usize = 100;

/// The query-string key of a criterion's weight.
#[must_use]
pub(crate) fn weight_key(criterion: Criterion) -> String {
    format!("w-{}", criterion.as_str())
}

impl Default for ProfileForm {
    /// The documented example profile: a student in Ohio (see `StudentProfile::example`).
    fn default() -> Self {
        let profile = StudentProfile::example(UsState::Ohio);
        let spec = profile.spec();
        Self {
            submitted: false,
            state: profile.home_state().code().to_owned(),
            zip: String::new(),
            max_miles: "0".to_owned(),
            levels: spec
                .degree_levels
                .iter()
                .map(|level| level.as_str().to_owned())
                .collect(),
            delivery: spec
                .delivery_modes
                .iter()
                .map(|mode| mode.as_str().to_owned())
                .collect(),
            preferred: spec
                .preferred_delivery
                .map_or_else(String::new, |mode| mode.as_str().to_owned()),
            max_cost: String::new(),
            max_months: String::new(),
            credential: String::new(),
            accredited: spec.require_accreditation,
            practice: spec.require_practice_experience,
            skills: Skill::all()
                .filter(|skill| spec.desired_skills.contains(*skill))
                .map(|skill| skill.as_str().to_owned())
                .collect(),
            weights: Criterion::all()
                .map(|criterion| (criterion, trim_number(profile.weight(criterion))))
                .collect(),
            method: spec.method.as_str().to_owned(),
            unknown: UnknownPolicy::KeepAndFlag.as_str().to_owned(),
            ids: Vec::new(),
            shown: DEFAULT_SHOWN.to_string(),
        }
    }
}

/// `0.05` rather than `0.05000000000000000277`.
fn trim_number(value: f64) -> String {
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

impl ProfileForm {
    /// Reads the form from a query string. Without `submitted=1` the profile is the example
    /// profile's (chosen ids are still read); unknown keys are ignored.
    #[must_use]
    pub(crate) fn from_query(query: Option<&str>) -> Self {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or("").as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect();
        let mut form = if pairs.iter().any(|(key, _)| key == "submitted") {
            Self::empty()
        } else {
            Self::default()
        };
        for (key, value) in pairs {
            if key == "id" {
                if !value.is_empty() {
                    form.ids.push(value);
                }
                continue;
            }
            if key == "shown" {
                form.shown = value;
                continue;
            }
            if !form.submitted {
                continue;
            }
            match key.as_str() {
                "state" => form.state = value,
                "zip" => form.zip = value,
                "max_miles" => form.max_miles = value,
                "level" => {
                    form.levels.insert(value);
                }
                "delivery" => {
                    form.delivery.insert(value);
                }
                "preferred" => form.preferred = value,
                "max_cost" => form.max_cost = value,
                "max_months" => form.max_months = value,
                "credential" => form.credential = value,
                "accredited" => form.accredited = true,
                "practice" => form.practice = true,
                "skill" => {
                    form.skills.insert(value);
                }
                "method" => form.method = value,
                "unknown" => form.unknown = value,
                other => {
                    if let Some(criterion) =
                        Criterion::all().find(|criterion| weight_key(*criterion) == other)
                    {
                        form.weights.insert(criterion, value);
                    }
                }
            }
        }
        form
    }

    /// A submitted form with nothing ticked (unticked boxes are absent from a submission).
    fn empty() -> Self {
        Self {
            submitted: true,
            state: String::new(),
            zip: String::new(),
            max_miles: String::new(),
            levels: BTreeSet::new(),
            delivery: BTreeSet::new(),
            preferred: String::new(),
            max_cost: String::new(),
            max_months: String::new(),
            credential: String::new(),
            accredited: false,
            practice: false,
            skills: BTreeSet::new(),
            weights: BTreeMap::new(),
            method: Method::WeightedSum.as_str().to_owned(),
            unknown: UnknownPolicy::KeepAndFlag.as_str().to_owned(),
            ids: Vec::new(),
            shown: DEFAULT_SHOWN.to_string(),
        }
    }

    /// How many ranked programs to show.
    ///
    /// # Errors
    /// The problem, when it is not a whole number from 1 to [`MAX_SHOWN`].
    pub(crate) fn shown_count(&self) -> Result<usize, String> {
        self.shown
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|count| (1..=MAX_SHOWN).contains(count))
            .ok_or_else(|| {
                format!(
                    "shown: {:?} is not a whole number from 1 to {MAX_SHOWN}",
                    self.shown
                )
            })
    }

    /// The profile, or every problem with the form (each naming the field, the value and the
    /// rule, in the library's words where the library refused it).
    ///
    /// # Errors
    /// As above.
    pub(crate) fn to_profile(&self) -> Result<StudentProfile, Vec<String>> {
        if !self.submitted {
            return Ok(StudentProfile::example(UsState::Ohio));
        }
        let mut problems = Vec::new();
        let mut note = |result: Result<(), String>| {
            if let Err(problem) = result {
                problems.push(problem);
            }
        };
        let mut spec = ProfileSpec::new(UsState::Ohio);
        // A state left empty follows from the ZIP code (the library says when neither is given).
        spec.home_state = None;
        if !self.state.trim().is_empty() {
            note(parse("home state", self.state.trim()).map(|state| spec.home_state = Some(state)));
        }
        if !self.zip.trim().is_empty() {
            note(parse::<ZipCode>("ZIP code", self.zip.trim()).map(|zip| spec.home_zip = Some(zip)));
        }
        // The slider has no empty position: its 0 is "no limit", as an empty box is for the
        // other limits.
        match self.max_miles.trim() {
            "" | "0" => {}
            miles => note(
                miles
                    .parse::<f64>()
                    .map(|miles| spec.max_distance_miles = Some(miles))
                    .map_err(|_| format!("max_distance_miles: {miles:?} is not a number of miles")),
            ),
        }
        for level in &self.levels {
            note(parse("degree level", level).map(|level: DegreeLevel| {
                spec.degree_levels.insert(level);
            }));
        }
        for mode in &self.delivery {
            note(parse("delivery", mode).map(|mode: DeliveryMode| {
                spec.delivery_modes.insert(mode);
            }));
        }
        if !self.preferred.is_empty() {
            note(
                parse("preferred delivery", &self.preferred).map(|mode| spec.preferred_delivery = Some(mode)),
            );
        }
        if !self.max_cost.trim().is_empty() {
            note(dollars(&self.max_cost).map(|money| spec.max_total_cost = Some(money)));
        }
        if !self.max_months.trim().is_empty() {
            note(
                self.max_months
                    .trim()
                    .parse::<u16>()
                    .map(|months| spec.max_length_months = Some(months))
                    .map_err(|_| {
                        format!(
                            "max_length_months: {:?} is not a whole number of months",
                            self.max_months
                        )
                    }),
            );
        }
        if !self.credential.is_empty() {
            note(
                parse("credential", &self.credential).map(|credential: Credential| {
                    spec.target_credential = Some(credential);
                }),
            );
        }
        spec.require_accreditation = self.accredited;
        spec.require_practice_experience = self.practice;
        for skill in &self.skills {
            note(parse("skill", skill).map(|skill: Skill| {
                spec.desired_skills.insert(skill);
            }));
        }
        let mut weights = BTreeMap::new();
        for criterion in Criterion::all() {
            let text = self.weights.get(&criterion).map_or("", |text| text.trim());
            if text.is_empty() {
                continue;
            }
            match text.parse::<f64>() {
                Ok(weight) => {
                    weights.insert(criterion, weight);
                }
                Err(_) => note(Err(format!("weights.{criterion}: {text:?} is not a number"))),
            }
        }
        // Every weight as given: one the library refuses (skill coverage without desired
        // skills, say) is a problem shown, as the API answers it, never dropped.
        spec.weights = Some(weights);
        note(parse("method", &self.method).map(|method| spec.method = method));
        note(
            parse("unknown answers", &self.unknown).map(|policy: UnknownPolicy| {
                spec.unknown = Constraint::all().map(|constraint| (constraint, policy)).collect();
            }),
        );
        if !problems.is_empty() {
            return Err(problems);
        }
        let profile = StudentProfile::new(spec).map_err(|error| vec![error.to_string()])?;
        crate::limits::check_weights(&profile).map_err(|problem| vec![problem])?;
        Ok(profile)
    }

    /// The profile's fields as query pairs (without the chosen ids), for hidden fields and links.
    #[must_use]
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![
            ("submitted", "1".to_owned()),
            ("state", self.state.clone()),
            ("zip", self.zip.clone()),
            ("max_miles", self.max_miles.clone()),
        ];
        pairs.extend(self.levels.iter().map(|level| ("level", level.clone())));
        pairs.extend(self.delivery.iter().map(|mode| ("delivery", mode.clone())));
        pairs.push(("preferred", self.preferred.clone()));
        pairs.push(("max_cost", self.max_cost.clone()));
        pairs.push(("max_months", self.max_months.clone()));
        pairs.push(("credential", self.credential.clone()));
        if self.accredited {
            pairs.push(("accredited", "yes".to_owned()));
        }
        if self.practice {
            pairs.push(("practice", "yes".to_owned()));
        }
        pairs.extend(self.skills.iter().map(|skill| ("skill", skill.clone())));
        pairs.push(("method", self.method.clone()));
        pairs.push(("unknown", self.unknown.clone()));
        pairs.push(("shown", self.shown.clone()));
        pairs
    }

    /// The weights as query pairs (their keys are built, so they are kept apart from
    /// [`ProfileForm::pairs`]).
    #[must_use]
    pub(crate) fn weight_pairs(&self) -> Vec<(String, String)> {
        self.weights
            .iter()
            .map(|(criterion, weight)| (weight_key(*criterion), weight.clone()))
            .collect()
    }

    /// A link to `path` with this profile and `extra` pairs. Before a submission the profile is
    /// left out: the server reads its absence as the example profile, and the page's many links
    /// stay short.
    #[must_use]
    pub(crate) fn href(&self, path: &str, extra: &[(&str, &str)]) -> String {
        let mut query = if self.submitted {
            self.query()
        } else {
            String::new()
        };
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        for (key, value) in extra {
            serializer.append_pair(key, value);
        }
        let extra = serializer.finish();
        if !extra.is_empty() {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&extra);
        }
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }

    /// The form as a query string, for a link back to the ranking.
    #[must_use]
    pub(crate) fn query(&self) -> String {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        for (key, value) in self.pairs() {
            serializer.append_pair(key, &value);
        }
        for (key, value) in self.weight_pairs() {
            serializer.append_pair(&key, &value);
        }
        serializer.finish()
    }
}

/// Parses a vocabulary word, with the library's message when it is not one.
fn parse<T: std::str::FromStr>(what: &str, text: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    text.parse::<T>().map_err(|error| {
        let message = error.to_string();
        if message.is_empty() {
            format!("{what}: {text:?} is not valid")
        } else {
            message
        }
    })
}

/// A whole number of dollars; `$` and thousands separators are accepted.
fn dollars(text: &str) -> Result<Money, String> {
    let digits: String = text
        .trim()
        .trim_start_matches('$')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let amount = digits
        .parse::<u64>()
        .map_err(|_| format!("max_total_cost: {text:?} is not a whole number of dollars"))?;
    Money::new(amount).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unsubmitted_form_is_the_example_profile() {
        let form = ProfileForm::from_query(None);
        assert_eq!(form.to_profile().unwrap(), StudentProfile::example(UsState::Ohio));
    }

    #[test]
    fn the_default_form_submitted_gives_the_same_ranking_weights() {
        let form = ProfileForm::default();
        let submitted = ProfileForm::from_query(Some(&form.query()));
        let profile = submitted.to_profile().unwrap();
        let example = StudentProfile::example(UsState::Ohio);
        for criterion in Criterion::all() {
            assert!((profile.weight(criterion) - example.weight(criterion)).abs() < 1e-12);
        }
        assert_eq!(profile.spec().degree_levels, example.spec().degree_levels);
        assert_eq!(profile.spec().desired_skills, example.spec().desired_skills);
    }

    /// The form's answer for a submission of `weights` (query pairs) and nothing else chosen.
    fn submitted_with(weights: &str) -> Result<StudentProfile, Vec<String>> {
        let query = format!("submitted=1&state=OH&{weights}&method=weighted-sum&unknown=keep-and-flag");
        ProfileForm::from_query(Some(&query)).to_profile()
    }

    #[test]
    fn weights_the_library_refuses_are_problems_not_dropped() {
        let problems = submitted_with("w-total-cost=1&w-skill-coverage=0.5").unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("weights.skill-coverage: 0.5 needs desired_skills"),
            "{problems:?}"
        );
        let problems = submitted_with("w-total-cost=1&w-delivery-preference=0.5").unwrap_err();
        assert!(
            problems[0].starts_with("weights.delivery-preference: 0.5 needs preferred_delivery"),
            "{problems:?}"
        );
        // Weighing them 0 is no problem.
        assert!(submitted_with("w-total-cost=1&w-skill-coverage=0&w-delivery-preference=0").is_ok());
    }

    #[test]
    fn a_weight_above_the_ceiling_is_refused() {
        assert_eq!(
            submitted_with("w-total-cost=1000001").unwrap_err(),
            [
                "weights.total-cost: 1000001 is above 1000000, the largest weight accepted (only their proportions count)"
            ]
        );
        assert!(submitted_with("w-total-cost=1000000").is_ok());
    }

    #[test]
    fn every_problem_is_reported() {
        let form = ProfileForm::from_query(Some(
            "submitted=1&state=ZZ&level=bachelors&max_cost=lots&w-total-cost=x&method=weighted-sum&unknown=keep-and-flag",
        ));
        let problems = form.to_profile().unwrap_err();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].contains("\"ZZ\""), "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("\"bachelors\" is not a known degree_level"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p == "max_total_cost: \"lots\" is not a whole number of dollars")
        );
        assert!(
            problems
                .iter()
                .any(|p| p == "weights.total-cost: \"x\" is not a number")
        );
    }
}
