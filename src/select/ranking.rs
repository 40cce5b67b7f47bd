//! What a ranking returns: ranked programs with their bands and the explanation of each score
//! (contributions, missing criteria, earnings source, payback, accreditation and its source),
//! and their JSON form.

use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use super::criteria::Criterion;
use super::distance::CampusDistance;
use super::earnings::EarningsSource;
use super::exclusion::{Exclusion, Flag};
use super::facts::Facts;
use super::profile::BoundsMode;
use super::row_set::RowSet;
use super::scoring::{Method, MissingPolicy};
use crate::error::{Error, Result};
use crate::program::{AccreditationState, Residency};
use crate::value::{Money, ProgramId};

/// A coarse reading of a score, so that third-decimal differences are not over-read.
///
/// Fixed thresholds on the score (not on the ranking), so a program's band depends only on
/// that program: strong at 0.75 and above, good from 0.55, weaker below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, strum::Display)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Band {
    /// Score 0.75 or more.
    Strong,
    /// Score from 0.55 to below 0.75.
    Good,
    /// Score below 0.55.
    Weaker,
}

impl Band {
    /// Every band, best first.
    pub const ALL: [Band; 3] = [Band::Strong, Band::Good, Band::Weaker];

    /// The band of a score.
    #[must_use]
    pub fn of(score: f64) -> Band {
        let reached = |band: &Band| score >= band.lowest_score();
        Self::ALL.into_iter().find(reached).unwrap_or(Band::Weaker)
    }

    /// The lowest score in the band (`Band::of(band.lowest_score()) == band`), which readers of
    /// bands show rather than copy: 0.75 for strong, 0.55 for good, 0 for weaker.
    #[must_use]
    pub const fn lowest_score(self) -> f64 {
        match self {
            Band::Strong => 0.75,
            Band::Good => 0.55,
            Band::Weaker => 0.0,
        }
    }
}

/// One criterion's part in a program's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// The criterion.
    pub criterion: Criterion,
    /// The raw value, for people (`$9,280`, `68.0%`, `yes`).
    pub value: String,
    /// The normalised value in `[0, 1]` (1 is best).
    pub normalised: f64,
    /// The weight it counted with for this program (after re-weighting for missing criteria).
    pub weight: f64,
    /// Its part of the score; the contributions sum to the score.
    pub contribution: f64,
}

/// A criterion a program had no value for, and what was done about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingCriterion {
    /// The criterion.
    pub criterion: Criterion,
    /// Why there is no value (`not reported`, `suppressed (cohort under 30)` …).
    pub why: String,
    /// How the score treated it.
    pub treatment: MissingPolicy,
}

/// Years of earnings above a baseline needed to recover a program's cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "payback", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Payback {
    /// Total cost divided by (expected earnings − baseline).
    Years {
        /// The years, to one decimal in displays.
        years: f64,
    },
    /// No expected earnings are known.
    EarningsUnknown,
    /// The program's cost is unknown.
    CostUnknown,
    /// Expected earnings are not above the baseline.
    NotAboveBaseline {
        /// The expected earnings.
        earnings: Money,
        /// The baseline.
        baseline: Money,
    },
}

impl fmt::Display for Payback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Years { years } => write!(f, "{years:.1} years"),
            Self::EarningsUnknown => f.write_str("n/a (earnings unknown)"),
            Self::CostUnknown => f.write_str("n/a (cost unknown)"),
            Self::NotAboveBaseline { earnings, baseline } => {
                write!(f, "n/a (earnings {earnings} not above the baseline {baseline})")
            }
        }
    }
}

/// A ranked program: its rank, score, band and the explanation of its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedProgram {
    pub(super) rank: u32,
    pub(super) id: ProgramId,
    pub(super) score: f64,
    pub(super) band: Band,
    pub(super) total_cost: Option<Money>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(super) cost_is_estimate: bool,
    pub(super) residency: Residency,
    #[serde(flatten)]
    pub(super) distance: Option<CampusDistance>,
    pub(super) contributions: Vec<Contribution>,
    pub(super) missing: Vec<MissingCriterion>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) earnings_source: Option<EarningsSource>,
    pub(super) payback: Payback,
    pub(super) accreditation: AccreditationState,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) flags: Vec<Flag>,
}

impl RankedProgram {
    /// The rank: competition ranking, so equal scores share a rank (1, 2, 2, 4).
    #[must_use]
    pub fn rank(&self) -> u32 {
        self.rank
    }

    /// The program's id.
    #[must_use]
    pub fn id(&self) -> &ProgramId {
        &self.id
    }

    /// The score in `[0, 1]`.
    #[must_use]
    pub fn score(&self) -> f64 {
        self.score
    }

    /// The band.
    #[must_use]
    pub fn band(&self) -> Band {
        self.band
    }

    /// The total tuition for this student, `None` when the program's cost is unknown.
    #[must_use]
    pub fn total_cost(&self) -> Option<Money> {
        self.total_cost
    }

    /// Whether the total cost is an estimate (see [`Cost::estimate`](crate::program::Cost::estimate)).
    #[must_use]
    pub fn cost_is_estimate(&self) -> bool {
        self.cost_is_estimate
    }

    /// The constraints whose answer is unknown for this program but which keep it, each with
    /// what is not known (empty when everything the profile asks is known).
    #[must_use]
    pub fn flags(&self) -> &[Flag] {
        &self.flags
    }

    /// Whether the student pays in-state or out-of-state tuition.
    #[must_use]
    pub fn residency(&self) -> Residency {
        self.residency
    }

    /// How far the campus is from the student's home ZIP code: `None` without a home ZIP
    /// code, for online study, or where the campus's coordinates are unknown.
    #[must_use]
    pub fn distance(&self) -> Option<CampusDistance> {
        self.distance
    }

    /// Each scored criterion's part, in criterion order; they sum to the score.
    #[must_use]
    pub fn contributions(&self) -> &[Contribution] {
        &self.contributions
    }

    /// The criteria with no value, and how each was treated.
    #[must_use]
    pub fn missing(&self) -> &[MissingCriterion] {
        &self.missing
    }

    /// Where the expected-earnings figure came from, if there was one.
    #[must_use]
    pub fn earnings_source(&self) -> Option<&EarningsSource> {
        self.earnings_source.as_ref()
    }

    /// Payback years against the profile's earnings baseline.
    #[must_use]
    pub fn payback(&self) -> &Payback {
        &self.payback
    }

    /// The program's accreditation as the ranking read it: with the accreditation list and
    /// line it came from ([`Accreditation::source`](crate::program::Accreditation::source))
    /// where it was read from one, so that the explanation says where the status came from.
    /// In JSON, `accreditation`, as a program writes it (`"not-verified"`, `"none"` or the
    /// accreditation object).
    #[must_use]
    pub fn accreditation(&self) -> &AccreditationState {
        &self.accreditation
    }

    /// The criteria that added most to the score, largest first (ties by criterion order).
    #[must_use]
    pub fn top_contributions(&self, count: usize) -> Vec<&Contribution> {
        let mut sorted: Vec<&Contribution> = self.contributions.iter().collect();
        sorted.sort_by(|a, b| {
            b.contribution
                .total_cmp(&a.contribution)
                .then(a.criterion.cmp(&b.criterion))
        });
        sorted.truncate(count);
        sorted
    }
}

/// The result of ranking a catalogue for a profile.
///
/// `entries` are the eligible programs, best first. Ties share a rank; among ties the order is
/// by program id, ascending. `exclusions` list every program left out with every constraint it
/// failed, in id order. An empty ranking is a result, not an error.
///
/// The exclusions' reasons are built the first time they are read (by
/// [`Ranking::exclusions`], [`Ranking::exclusion`], comparison or serialization); until then a
/// ranking holds which programs were excluded and shares the selector's prepared catalogue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    pub(super) method: Method,
    pub(super) bounds: BoundsMode,
    pub(super) criteria: WeightedCriteria,
    pub(super) out_of: usize,
    pub(super) entries: Vec<RankedProgram>,
    #[serde(skip_serializing_if = "Exclusions::is_counted_only")]
    pub(super) exclusions: Exclusions,
    /// How many programs were excluded, written in place of the exclusions once a ranking
    /// counts them only ([`Ranking::with_exclusions_counted`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) excluded: Option<usize>,
}

impl Ranking {
    /// The ranked programs, best first.
    #[must_use]
    pub fn entries(&self) -> &[RankedProgram] {
        &self.entries
    }

    /// The excluded programs, in id order.
    #[must_use]
    pub fn exclusions(&self) -> &[Exclusion] {
        self.exclusions.get()
    }

    /// The method used.
    #[must_use]
    pub fn method(&self) -> Method {
        self.method
    }

    /// The weighted criteria, in criterion order: those the ranking scored (see
    /// [`Ranking::weight`] for their weights).
    #[must_use]
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria.criteria
    }

    /// The weight `criterion` scored with, scaled so that the weights of
    /// [`Ranking::criteria`] sum to 1; 0 for a criterion the ranking did not weigh.
    #[must_use]
    pub fn weight(&self, criterion: Criterion) -> f64 {
        self.criteria
            .criteria
            .iter()
            .position(|weighted| *weighted == criterion)
            .and_then(|index| self.criteria.weights.get(index))
            .copied()
            .unwrap_or(0.0)
    }

    /// How many programs were considered (ranked plus excluded): what a rank is "out of".
    #[must_use]
    pub fn out_of(&self) -> usize {
        self.out_of
    }

    /// How the criteria's ranges were bounded.
    #[must_use]
    pub fn bounds(&self) -> BoundsMode {
        self.bounds
    }

    /// How many programs were excluded, without building their reasons (which
    /// [`Ranking::exclusions`] does on first use).
    #[must_use]
    pub fn excluded_count(&self) -> usize {
        self.exclusions.len()
    }

    /// How many programs were ranked: all those considered but the excluded. [`Ranking::entries`]
    /// holds the best of them, as many as asked for.
    #[must_use]
    pub fn ranked_count(&self) -> usize {
        self.out_of().saturating_sub(self.excluded_count())
    }

    /// The same ranking, written to JSON with `"excluded"`, the number of programs left out,
    /// in place of the `"exclusions"` list: for answers that show only the top, so that the
    /// reasons of hundreds of exclusions are neither built nor sent. The exclusions can still be
    /// read from it ([`Ranking::exclusions`]).
    ///
    /// ```
    /// use himkit::{Dataset, Selector, StudentProfile, UsState};
    ///
    /// let dataset = Dataset::national()?;
    /// let selector = Selector::new(dataset.catalog(), dataset.wages());
    /// let ranking = selector.rank_top(&StudentProfile::example(UsState::Ohio), 3)?;
    /// let excluded = ranking.excluded_count();
    /// let json: serde_json::Value = serde_json::from_str(&ranking.with_exclusions_counted().to_json()?)?;
    /// assert_eq!(json["excluded"], excluded);
    /// assert!(json.get("exclusions").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_exclusions_counted(mut self) -> Self {
        self.excluded = Some(self.exclusions.len());
        self.exclusions.counted_only = true;
        self
    }

    /// The ranked entry for `id`.
    #[must_use]
    pub fn entry(&self, id: &str) -> Option<&RankedProgram> {
        self.entries.iter().find(|entry| entry.id.as_str() == id)
    }

    /// The exclusion for `id`.
    #[must_use]
    pub fn exclusion(&self, id: &str) -> Option<&Exclusion> {
        self.exclusions
            .get()
            .iter()
            .find(|exclusion| exclusion.id.as_str() == id)
    }

    /// The ranking as pretty JSON: a stable, documented form (see the README).
    ///
    /// # Errors
    /// Only if serialization fails, which a ranking does not cause.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self)
            .map_err(|error| Error::json(crate::error::Location::default(), error))
    }
}

/// A ranking's exclusions, built with every reason the first time they are read: a ranking
/// keeps only which programs were excluded (a bit each), so that ranking many profiles for
/// their top entries neither spends time on reasons nobody reads nor holds them in memory.
#[derive(Clone)]
pub(super) struct Exclusions {
    pending: Option<Pending>,
    built: OnceLock<Vec<Exclusion>>,
    /// Whether the ranking's JSON gives their count (`excluded`) instead of the list.
    counted_only: bool,
}

/// Builds the exclusions of a ranking, with every reason, from which programs it excluded:
/// what the selector that made the ranking does, kept behind this so that a ranking does not
/// depend on how.
pub(crate) trait ExplainExclusions: Send + Sync {
    /// The exclusions of the prepared programs (in id order) whose rows are in `rows`.
    fn exclusions(&self, rows: &RowSet) -> Vec<Exclusion>;
}

/// What building the exclusions needs.
#[derive(Clone)]
struct Pending {
    explain: Arc<dyn ExplainExclusions>,
    /// The excluded rows of the selector's programs.
    rows: RowSet,
}

impl Exclusions {
    /// Exclusions to build with `explain` from the programs whose rows are in `rows`, when
    /// read.
    pub(super) fn pending(explain: Arc<dyn ExplainExclusions>, rows: RowSet) -> Self {
        Self {
            pending: Some(Pending { explain, rows }),
            built: OnceLock::new(),
            counted_only: false,
        }
    }

    /// How many programs are excluded.
    fn len(&self) -> usize {
        match (self.built.get(), &self.pending) {
            (Some(built), _) => built.len(),
            (None, Some(pending)) => pending.rows.len(),
            (None, None) => 0,
        }
    }

    /// The exclusions, built on first use.
    pub(super) fn get(&self) -> &[Exclusion] {
        self.built.get_or_init(|| {
            self.pending
                .as_ref()
                .map_or_else(Vec::new, |pending| pending.explain.exclusions(&pending.rows))
        })
    }
}

impl fmt::Debug for Exclusions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.get()).finish()
    }
}

impl PartialEq for Exclusions {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Exclusions {
    /// Whether the ranking writes only their count (see [`Ranking::with_exclusions_counted`]);
    /// the `excluded` field says so, and this field is left out.
    fn is_counted_only(&self) -> bool {
        self.counted_only
    }
}

impl Serialize for Exclusions {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

/// A ranking's weighted criteria, in criterion order, and their scaled weights, one each.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct WeightedCriteria {
    pub(super) criteria: Vec<Criterion>,
    pub(super) weights: Vec<f64>,
}

impl Serialize for WeightedCriteria {
    /// As a JSON object, `{"total-cost": 0.2, …}`, in criterion order.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.criteria.iter().zip(&self.weights))
    }
}

impl Payback {
    /// Payback years of `facts`' total cost against `baseline`.
    pub(super) fn of(facts: &Facts, baseline: Money) -> Self {
        match (&facts.earnings, facts.total_cost) {
            (None, _) => Self::EarningsUnknown,
            (Some((earnings, _)), total_cost) => {
                match earnings.checked_sub(baseline).filter(|gain| *gain > Money::ZERO) {
                    Some(gain) => match total_cost {
                        Some(total_cost) => Self::Years {
                            years: total_cost.as_f64() / gain.as_f64(),
                        },
                        None => Self::CostUnknown,
                    },
                    None => Self::NotAboveBaseline {
                        earnings: *earnings,
                        baseline,
                    },
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_have_fixed_thresholds() {
        assert_eq!(Band::of(0.75), Band::Strong);
        assert_eq!(Band::of(0.749), Band::Good);
        assert_eq!(Band::of(0.55), Band::Good);
        assert_eq!(Band::of(0.0), Band::Weaker);
        for band in Band::ALL {
            assert_eq!(Band::of(band.lowest_score()), band);
        }
    }
}
