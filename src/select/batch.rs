//! Ranking many profiles against one prepared catalogue.

use super::profile::StudentProfile;
use super::ranking::Ranking;
use super::selector::Selector;
use crate::error::Result;

impl Selector {
    /// Ranks the prepared catalogue for each of `profiles` and keeps each one's best `top`
    /// entries, as [`Selector::rank_top`] does: one result per profile, in profile order, so
    /// that one profile that cannot be ranked never fails the others.
    ///
    /// With the default `parallel` feature the profiles are shared out across the cores (with
    /// rayon); without it they are ranked one after another. The results are the same.
    /// Each ranking holds only its top entries, and which programs it excluded (their reasons
    /// are built when read), so a large batch costs memory in proportion to `top`.
    ///
    /// ```
    /// use himkit::{Dataset, Selector, StudentProfile, UsState};
    ///
    /// let dataset = Dataset::embedded()?;
    /// let selector = Selector::new(dataset.catalog(), dataset.wages());
    /// let profiles: Vec<StudentProfile> = [UsState::Ohio, UsState::Texas, UsState::Maine]
    ///     .into_iter()
    ///     .map(StudentProfile::example)
    ///     .collect();
    /// let rankings = selector.rank_many(&profiles, 3);
    /// assert_eq!(rankings.len(), 3);
    /// for (profile, ranking) in profiles.iter().zip(rankings) {
    ///     assert_eq!(ranking?, selector.rank_top(profile, 3)?);
    /// }
    /// # Ok::<(), himkit::Error>(())
    /// ```
    #[must_use]
    pub fn rank_many(&self, profiles: &[StudentProfile], top: usize) -> Vec<Result<Ranking>> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            profiles
                .par_iter()
                .map(|profile| self.rank_top(profile, top))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            profiles
                .iter()
                .map(|profile| self.rank_top(profile, top))
                .collect()
        }
    }
}
