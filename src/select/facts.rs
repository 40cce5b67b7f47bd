//! The student's side of a ranking: what the constraints and criteria read from the profile
//! ([`Student`]), the wage figures expected earnings fall back on, and the facts about one
//! program that depend on the student (residency, total cost, expected earnings).

use super::criteria::Terms;
use super::distance::CampusDistance;
use super::profile::StudentProfile;
use crate::career::HimOccupation;
use crate::program::Residency;
use crate::value::{Money, SpherePoint, UsState, ZipCode};
use crate::wage::{Area, WageStatistics};

/// What a ranking reads from the profile to answer the constraints and work out the criteria.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Student<'a> {
    pub(crate) home: UsState,
    /// The home ZIP code and its point, where given.
    pub(crate) zip: Option<(ZipCode, SpherePoint)>,
    pub(crate) terms: Terms,
    pub(crate) fallback: &'a EarningsFallback,
}

impl<'a> Student<'a> {
    /// The student of `profile`, whose expected earnings fall back on `fallback`.
    pub(crate) fn new(profile: &StudentProfile, fallback: &'a EarningsFallback) -> Self {
        Self {
            home: profile.home_state(),
            zip: profile.home_zip().map(|zip| (zip, SpherePoint::new(zip.point()))),
            terms: profile.criterion_terms(),
            fallback,
        }
    }
}

/// The profile-specific facts about one program that scoring needs.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    pub(crate) residency: Residency,
    /// The total cost for that residency, `None` when the cost is unknown.
    pub(crate) total_cost: Option<Money>,
    /// Whether the total cost is an estimate.
    pub(crate) cost_is_estimate: bool,
    /// Expected earnings, and the index in [`EarningsFallback`] of the wage statistics they
    /// come from (`None`: the program's own reported earnings).
    pub(crate) earnings: Option<(Money, Option<usize>)>,
    /// The distance from the home ZIP code to the campus, where both are known and the study
    /// is not online.
    pub(crate) distance: Option<CampusDistance>,
}

/// The wage figures expected earnings fall back on when a program reports none: all-industry
/// rows with a published median, and, worked out once, the figure each occupation falls back on
/// for a student in each state.
#[derive(Debug, Clone, Default)]
pub(crate) struct EarningsFallback {
    wages: Vec<WageStatistics>,
    /// For each occupation (by declaration index) and home state (by declaration index): the
    /// latest figure for the state, else the latest national one, as (median, index in `wages`).
    by_home: Vec<Option<(Money, usize)>>,
    /// The number of home states: the stride of `by_home`.
    stride: usize,
}

/// How many states (with DC and the territories) there are: the stride of
/// `EarningsFallback::by_home`.
fn states() -> usize {
    UsState::all()
        .map(|state| state as usize)
        .max()
        .map_or(0, |last| last.saturating_add(1))
}

impl EarningsFallback {
    /// Keeps the rows of `wages` that can stand for a program's expected earnings, and finds
    /// the figure for every occupation and home state.
    pub(crate) fn new(wages: &[WageStatistics]) -> Self {
        let wages: Vec<WageStatistics> = wages
            .iter()
            .filter(|wages| wages.industry().is_none() && wages.median().amount().is_some())
            .cloned()
            .collect();
        let stride = states();
        let occupations = HimOccupation::all()
            .map(|occupation| occupation as usize)
            .max()
            .map_or(0, |last| last.saturating_add(1));
        let mut by_home = vec![None; occupations.saturating_mul(stride)];
        for occupation in HimOccupation::all() {
            let soc = occupation.soc();
            let latest = |area: &Area| {
                wages
                    .iter()
                    .enumerate()
                    .filter(|(_, wages)| wages.occupation() == soc && wages.area() == area)
                    .max_by_key(|(_, wages)| wages.period())
            };
            let national = latest(&Area::National);
            for home in UsState::all() {
                let figure = latest(&Area::State { state: home })
                    .or(national)
                    .and_then(|(index, figure)| Some((figure.median().amount()?, index)));
                let slot = (occupation as usize)
                    .saturating_mul(stride)
                    .saturating_add(home as usize);
                if let Some(cell) = by_home.get_mut(slot) {
                    *cell = figure;
                }
            }
        }
        Self {
            wages,
            by_home,
            stride,
        }
    }

    /// The wage statistics at `index`, as [`Facts::earnings`] names them.
    pub(crate) fn get(&self, index: usize) -> Option<&WageStatistics> {
        self.wages.get(index)
    }

    /// The latest median of `occupation` in `home`, else in the nation, with its index.
    pub(crate) fn occupation_earnings(
        &self,
        occupation: HimOccupation,
        home: UsState,
    ) -> Option<(Money, Option<usize>)> {
        let slot = (occupation as usize)
            .saturating_mul(self.stride)
            .saturating_add(home as usize);
        let (money, index) = self.by_home.get(slot).copied().flatten()?;
        Some((money, Some(index)))
    }
}
