//! A prospective student's profile: hard constraints, weighted criteria, and how to treat
//! missing data.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::criteria::{Criterion, Terms};
use super::matrix::Bounds;
use super::scoring::{Method, MissingPolicy, checked_weight_total};
use crate::credential::Credential;
use crate::error::{Error, Location, Result};
use crate::program::{DegreeLevel, DeliveryMode};
use crate::program::{Skill, SkillSet};
use crate::value::{Money, UsState, ZipCode};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A hard constraint whose answer can be unknown for a program: real catalogues built from
    /// federal files do not say whether a program is accredited, online, or how long it is.
    pub enum Constraint("constraint") {
        /// `require_accreditation`: accreditation that counts for credentials.
        Accreditation,
        /// `target_credential`: eligibility for the credential's exam.
        Credential,
        /// `delivery_modes`: the delivery modes accepted.
        DeliveryMode,
        /// Where the student can study from: the campus within reach (in the home state or a
        /// relocation state, or within `max_distance_miles` of `home_zip`), or online
        /// enrolment from the home state.
        Location,
        /// `max_total_cost`.
        TotalCost,
        /// `max_length_months` (a length typical for the level is not the program's own).
        Length,
        /// `require_practice_experience`.
        PracticeExperience,
    }
}

vocabulary! {
    /// What a constraint does with a program for which its answer is unknown.
    #[derive(Default)]
    pub enum UnknownPolicy("unknown_policy") {
        /// Keep the program in the ranking and flag what is unknown (the default), so that a
        /// program whose accreditation is simply not verified is shown with a note to check
        /// CAHIIM's directory rather than hidden.
        #[default]
        KeepAndFlag,
        /// Exclude the program, with the unknown as the reason: for example, verified
        /// accreditation only.
        Exclude,
    }
}

vocabulary! {
    /// Where normalisation bounds come from.
    #[derive(Default)]
    pub enum BoundsMode("bounds") {
        /// Bounds fixed by the domain and the profile: rates 0 to 1, costs and lengths against the
        /// profile's limits or documented caps. A program's score then depends on that program
        /// alone, so adding or removing another program never reorders two others. The default.
        #[default]
        Domain,
        /// Bounds from the whole prepared catalogue (its worst and best values, before any
        /// filter): the convention of pymcdm and scikit-criteria, offered for comparison with them.
        /// Adding a program can move the bounds and so reorder others.
        Catalog,
    }
}

/// One prospective student's profile.
///
/// In JSON every field is optional except `home_state`, which may be left out when `home_zip`
/// is given (it follows from the ZIP code); see the README for the documented form. `weights` lists the criteria that count (criteria left out weigh 0); without `weights`
/// the [default weights](Criterion::default_weight) apply.
///
/// ```
/// use himkit::select::Criterion;
/// use himkit::{StudentProfile, UsState};
///
/// let profile: StudentProfile = serde_json::from_str(r#"{
///     "home_state": "OH",
///     "degree_levels": ["baccalaureate"],
///     "target_credential": "rhia",
///     "max_total_cost": 60000,
///     "weights": {"total-cost": 2, "exam-pass-rate": 1}
/// }"#)?;
/// assert_eq!(profile.home_state(), UsState::Ohio);
/// assert!(profile.requires_accreditation());
/// assert_eq!(profile.weight(Criterion::Length), 0.0);
///
/// let error = serde_json::from_str::<StudentProfile>(
///     r#"{"home_state": "OH", "weights": {"total-cost": 0}}"#).unwrap_err();
/// assert!(error.to_string().contains("weights: all zero"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(into = "ProfileSpec")]
pub struct StudentProfile {
    spec: ProfileSpec,
    /// `spec.home_state`, given or from the ZIP code.
    home: UsState,
}

/// Everything that makes up a [`StudentProfile`]; also its JSON form. Build one (start from
/// [`ProfileSpec::new`]) and convert it with [`StudentProfile::new`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileSpec {
    /// Where the student lives: decides in-state tuition, state wage figures, and where
    /// on-campus study is possible without moving. May be left out when `home_zip` is given:
    /// [`StudentProfile::new`] fills it in from the ZIP code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_state: Option<UsState>,
    /// The ZIP code of the student's home: distances to campuses are measured from its point
    /// (see [`ZipCode`]), for `max_distance_miles` and the distance criterion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_zip: Option<ZipCode>,
    /// The farthest campus, in great-circle miles from `home_zip`, the student would travel to
    /// for on-campus or hybrid study (needs `home_zip`). With a limit, a campus passes the
    /// location rule when it is within the limit, across a state line or not, or in a
    /// relocation state; online study is not limited by it. Tuition residency is still by
    /// state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_distance_miles: Option<f64>,
    /// Degree levels wanted; empty means any.
    #[serde(default)]
    pub degree_levels: BTreeSet<DegreeLevel>,
    /// Delivery modes accepted; empty means any.
    #[serde(default)]
    pub delivery_modes: BTreeSet<DeliveryMode>,
    /// States the student would move to for on-campus or hybrid study.
    #[serde(default)]
    pub relocation_states: BTreeSet<UsState>,
    /// Whether programmatic accreditation that counts for credentials (CAHIIM, accredited
    /// status) is required. Default: true.
    #[serde(default = "yes")]
    pub require_accreditation: bool,
    /// A credential whose exam graduates must be eligible for.
    #[serde(default)]
    pub target_credential: Option<Credential>,
    /// The most the student will pay in total tuition.
    #[serde(default)]
    pub max_total_cost: Option<Money>,
    /// The longest program the student will take, in months.
    #[serde(default)]
    pub max_length_months: Option<u16>,
    /// Whether a professional practice experience is required.
    #[serde(default)]
    pub require_practice_experience: bool,
    /// Skills the student wants the curriculum to cover.
    #[serde(default)]
    pub desired_skills: SkillSet,
    /// The preferred delivery, for the delivery-preference criterion.
    #[serde(default)]
    pub preferred_delivery: Option<DeliveryMode>,
    /// Weights by criterion; `None` for the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<BTreeMap<Criterion, f64>>,
    /// Missing-data policy by criterion; criteria left out use [`MissingPolicy::Reweight`].
    #[serde(default)]
    pub missing: BTreeMap<Criterion, MissingPolicy>,
    /// What each constraint does when its answer is unknown for a program; constraints left
    /// out use [`UnknownPolicy::KeepAndFlag`]. `{"accreditation": "exclude"}` asks for verified
    /// accreditation only.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unknown: BTreeMap<Constraint, UnknownPolicy>,
    /// The aggregation method.
    #[serde(default)]
    pub method: Method,
    /// Where normalisation bounds come from.
    #[serde(default)]
    pub bounds: BoundsMode,
    /// Annual earnings to compare expected earnings with for payback years; defaults to
    /// [`StudentProfile::DEFAULT_EARNINGS_BASELINE`].
    #[serde(default)]
    pub earnings_baseline: Option<Money>,
    /// Whether only a program's own outcome figures count: its institution's (completion rate,
    /// median earnings) and a field of study's pooled over a CIP family are then treated as
    /// missing, and expected earnings fall back on the occupation's wage. Default: false, so
    /// that a real program, which reports no outcome of its own, is scored on its institution's
    /// figures, each explanation saying whose they are.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub program_outcomes_only: bool,
}

fn yes() -> bool {
    true
}

impl ProfileSpec {
    /// A profile with no constraints beyond the home state, accreditation required, and the
    /// default weights.
    #[must_use]
    pub fn new(home_state: UsState) -> Self {
        Self {
            home_state: Some(home_state),
            home_zip: None,
            max_distance_miles: None,
            degree_levels: BTreeSet::new(),
            delivery_modes: BTreeSet::new(),
            relocation_states: BTreeSet::new(),
            require_accreditation: true,
            target_credential: None,
            max_total_cost: None,
            max_length_months: None,
            require_practice_experience: false,
            desired_skills: SkillSet::new(),
            preferred_delivery: None,
            weights: None,
            missing: BTreeMap::new(),
            unknown: BTreeMap::new(),
            method: Method::WeightedSum,
            bounds: BoundsMode::Domain,
            earnings_baseline: None,
            program_outcomes_only: false,
        }
    }
}

impl ProfileSpec {
    /// A profile for a student at home in `home_zip` (the home state is the ZIP code's), with
    /// no constraints beyond that, accreditation required, and the default weights.
    #[must_use]
    pub fn at_zip(home_zip: ZipCode) -> Self {
        Self {
            home_state: None,
            home_zip: Some(home_zip),
            ..Self::new(home_zip.state())
        }
    }
}

impl StudentProfile {
    /// The farthest a distance limit may be: 5,000 miles, more than from Maine to Hawaii, so
    /// that a larger figure is a mistake rather than a wish.
    pub const MAX_DISTANCE_LIMIT_MILES: f64 = 5_000.0;

    /// The default earnings baseline for payback years: $35,080, the 10th-percentile annual
    /// wage of medical records specialists (29-2072), May 2023 (a third-party figure citing
    /// BLS), standing for entry-level pay in the field without the program. Set another with
    /// [`ProfileSpec::earnings_baseline`].
    pub const DEFAULT_EARNINGS_BASELINE: u64 = 35_080;

    /// Reads a profile from its JSON form (the one [`ProfileSpec`] documents), as a file holds it:
    /// a UTF-8 byte-order mark at the start, as Windows editors save it, is accepted.
    /// `source` names the text in errors (a file name, say).
    ///
    /// ```
    /// use himkit::{StudentProfile, UsState};
    ///
    /// let profile = StudentProfile::from_json_str("me.json", "\u{feff}{\"home_state\": \"OH\"}")?;
    /// assert_eq!(profile.home_state(), UsState::Ohio);
    ///
    /// let error = StudentProfile::from_json_str("me.json", r#"{"home_state": "ZZ"}"#).unwrap_err();
    /// assert_eq!(error.kind(), himkit::ErrorKind::UnknownName);
    /// assert!(error.to_string().contains("field home_state: state: \"ZZ\" is not a known state"));
    /// # Ok::<(), himkit::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Malformed`](crate::ErrorKind::Malformed) for malformed JSON,
    /// [`ErrorKind::UnknownName`](crate::ErrorKind::UnknownName) for a name outside a vocabulary
    /// (a state, a degree level, a criterion) and [`ErrorKind::Invalid`](crate::ErrorKind::Invalid)
    /// for another refused value, located at the line, the column and the field where they are
    /// known (a rule over the whole profile, such as all weights being zero, has no single place).
    pub fn from_json_str(source: &str, text: &str) -> Result<Self> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let refusal = |path: Option<String>, error: serde_json::Error| {
            let path = path.filter(|path| path != ".");
            Error::json(Location::in_json(source, &error, (1, 1), path), error)
        };
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let profile: Self = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let path = error.path().to_string();
            refusal(Some(path), error.into_inner())
        })?;
        deserializer.end().map_err(|error| refusal(None, error))?;
        Ok(profile)
    }

    /// Validates a profile.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if neither `home_state` nor `home_zip`
    /// is given, `home_zip` is in another state than `home_state` (naming both), a weight is
    /// negative or not finite, the weights' sum is not finite, every weight is zero, the
    /// skill-coverage criterion has weight without desired skills, the delivery-preference
    /// criterion has weight without a preferred delivery, the distance criterion has weight or
    /// `max_distance_miles` is given without `home_zip`, a limit is zero, or the distance limit
    /// is not a number of miles above 0 and at most
    /// [`StudentProfile::MAX_DISTANCE_LIMIT_MILES`].
    pub fn new(mut spec: ProfileSpec) -> Result<Self> {
        let home = match (spec.home_state, spec.home_zip) {
            (None, None) => {
                return Err(Error::invalid_field(
                    "home_state",
                    "missing: give home_state, home_zip or both",
                ));
            }
            (None, Some(zip)) => zip.state(),
            (Some(state), Some(zip)) if !zip.is_in(state) => {
                return Err(Error::invalid(
                    "home_zip",
                    zip,
                    format!(
                        "is a ZIP code of {}, not of home_state {} ({}): correct one of them, or leave home_state out",
                        zip.state().name(),
                        state.code(),
                        state.name()
                    ),
                ));
            }
            (Some(state), _) => state,
        };
        spec.home_state = Some(home);
        if let Some(limit) = spec.max_distance_miles {
            if !(limit > 0.0 && limit <= Self::MAX_DISTANCE_LIMIT_MILES) {
                return Err(Error::invalid(
                    "max_distance_miles",
                    limit,
                    "is not a number of miles above 0 and at most 5,000",
                ));
            }
            if spec.home_zip.is_none() {
                return Err(Error::invalid(
                    "max_distance_miles",
                    limit,
                    "needs home_zip: distances are measured from the home ZIP code",
                ));
            }
        }
        if let Some(weights) = &spec.weights {
            checked_weight_total(
                weights
                    .iter()
                    .map(|(criterion, weight)| (Some(*criterion), *weight)),
            )?;
        }
        let profile = Self { spec, home };
        let spec = &profile.spec;
        if spec.weights.is_some() && profile.weight(Criterion::Distance) > 0.0 && spec.home_zip.is_none() {
            return Err(Error::invalid(
                "weights.distance",
                profile.weight(Criterion::Distance),
                "needs home_zip, or give the criterion no weight",
            ));
        }
        if spec.weights.is_some()
            && profile.weight(Criterion::SkillCoverage) > 0.0
            && spec.desired_skills.is_empty()
        {
            return Err(Error::invalid(
                "weights.skill-coverage",
                profile.weight(Criterion::SkillCoverage),
                "needs desired_skills: name the skills you want, or give the criterion no weight",
            ));
        }
        if spec.weights.is_some()
            && profile.weight(Criterion::DeliveryPreference) > 0.0
            && spec.preferred_delivery.is_none()
        {
            return Err(Error::invalid(
                "weights.delivery-preference",
                profile.weight(Criterion::DeliveryPreference),
                "needs preferred_delivery, or give the criterion no weight",
            ));
        }
        if spec.max_total_cost == Some(Money::ZERO) {
            return Err(Error::invalid("max_total_cost", 0, "must be above $0"));
        }
        if spec.max_length_months == Some(0) {
            return Err(Error::invalid("max_length_months", 0, "must be at least 1"));
        }
        Ok(profile)
    }

    /// The documented default profile of the `select` example: a student in `home_state` who
    /// wants an accredited associate or bachelor's program, online or hybrid, with the default
    /// weights, desired skills in coding, EHR and data analytics, and a preference for online
    /// study.
    #[must_use]
    pub fn example(home_state: UsState) -> Self {
        let mut spec = ProfileSpec::new(home_state);
        spec.degree_levels = [DegreeLevel::Associate, DegreeLevel::Baccalaureate]
            .into_iter()
            .collect();
        spec.delivery_modes = [DeliveryMode::Online, DeliveryMode::Hybrid].into_iter().collect();
        spec.desired_skills = [
            Skill::CodingAndClassification,
            Skill::EhrAndHealthIt,
            Skill::DataAnalytics,
        ]
        .into_iter()
        .collect();
        spec.preferred_delivery = Some(DeliveryMode::Online);
        Self {
            spec,
            home: home_state,
        }
    }

    /// The profile's fields.
    #[must_use]
    pub fn spec(&self) -> &ProfileSpec {
        &self.spec
    }

    /// The home state, as given or from the ZIP code.
    #[must_use]
    pub fn home_state(&self) -> UsState {
        self.home
    }

    /// The home ZIP code, if given.
    #[must_use]
    pub fn home_zip(&self) -> Option<ZipCode> {
        self.spec.home_zip
    }

    /// Whether accreditation that counts for credentials is required.
    #[must_use]
    pub fn requires_accreditation(&self) -> bool {
        self.spec.require_accreditation
    }

    /// The method.
    #[must_use]
    pub fn method(&self) -> Method {
        self.spec.method
    }

    /// A copy of the profile with another method.
    #[must_use]
    pub fn with_method(mut self, method: Method) -> Self {
        self.spec.method = method;
        self
    }

    /// The weight of `criterion` as given (not scaled). Without explicit weights, skill coverage
    /// weighs 0 when no skills are desired, delivery preference 0 when no delivery is
    /// preferred and distance 0 without a home ZIP code; the other defaults apply as
    /// documented.
    #[must_use]
    pub fn weight(&self, criterion: Criterion) -> f64 {
        match &self.spec.weights {
            Some(weights) => weights.get(&criterion).copied().unwrap_or(0.0),
            None => match criterion {
                Criterion::SkillCoverage if self.spec.desired_skills.is_empty() => 0.0,
                Criterion::DeliveryPreference if self.spec.preferred_delivery.is_none() => 0.0,
                Criterion::Distance if self.spec.home_zip.is_none() => 0.0,
                _ => criterion.default_weight(),
            },
        }
    }

    /// The missing-data policy for `criterion`.
    #[must_use]
    pub fn missing_policy(&self, criterion: Criterion) -> MissingPolicy {
        self.spec.missing.get(&criterion).copied().unwrap_or_default()
    }

    /// The bounds `criterion` is normalised against for this profile under
    /// [`BoundsMode::Domain`] (the default): rates and shares 0 to 1, total cost from the
    /// profile's cost limit (or [`Criterion::DEFAULT_COST_CAP`]) down to $0,
    /// length likewise, expected earnings from $0 to [`Criterion::EARNINGS_CAP`].
    ///
    /// ```
    /// use himkit::select::Criterion;
    /// use himkit::{StudentProfile, UsState};
    ///
    /// let bounds = StudentProfile::example(UsState::Ohio).domain_bounds(Criterion::TotalCost);
    /// assert_eq!((bounds.worst, bounds.best), (150_000.0, 0.0));
    /// ```
    #[must_use]
    pub fn domain_bounds(&self, criterion: Criterion) -> Bounds {
        criterion.domain_bounds(&self.criterion_terms())
    }

    /// What the criteria read from the profile besides the weights.
    pub(crate) fn criterion_terms(&self) -> Terms {
        Terms {
            desired_skills: self.spec.desired_skills,
            preferred_delivery: self.spec.preferred_delivery,
            max_total_cost: self.spec.max_total_cost,
            max_length_months: self.spec.max_length_months,
            max_distance_miles: self.spec.max_distance_miles,
            program_outcomes_only: self.spec.program_outcomes_only,
        }
    }

    /// What `constraint` does with a program for which its answer is unknown.
    #[must_use]
    pub fn unknown_policy(&self, constraint: Constraint) -> UnknownPolicy {
        self.spec.unknown.get(&constraint).copied().unwrap_or_default()
    }

    /// The earnings baseline for payback years.
    #[must_use]
    pub fn earnings_baseline(&self) -> Money {
        self.spec
            .earnings_baseline
            .unwrap_or(Money::new(Self::DEFAULT_EARNINGS_BASELINE).unwrap_or(Money::ZERO))
    }
}

crate::error::deserialize_by_try_from!(StudentProfile, ProfileSpec);

impl TryFrom<ProfileSpec> for StudentProfile {
    type Error = Error;

    fn try_from(spec: ProfileSpec) -> Result<Self> {
        StudentProfile::new(spec)
    }
}

impl From<StudentProfile> for ProfileSpec {
    fn from(profile: StudentProfile) -> Self {
        profile.spec
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_whose_sum_is_not_finite_are_refused() {
        let error = StudentProfile::from_json_str(
            "me.json",
            r#"{"home_state": "OH", "weights": {"total-cost": 1e308, "length": 1e308}}"#,
        )
        .unwrap_err();
        assert!(
            error.to_string().contains(
                "weights: their sum is not finite: give smaller weights (only their proportions count)"
            ),
            "{error}"
        );
        // One very large weight alone is only a proportion.
        let profile = StudentProfile::from_json_str(
            "me.json",
            r#"{"home_state": "OH", "weights": {"total-cost": 1e308}}"#,
        );
        assert!(profile.is_ok());
    }
}
