//! The institution-wide outcome figures of the outcome files, attached to each program of the
//! institution: completion (Outcome Measures), graduation (Graduation Rates) and median
//! earnings (College Scorecard).

use std::collections::{BTreeSet, HashMap};

use super::{BuildSummary, index};
use crate::io::outcomes::InstitutionOutcomes;
use crate::program::{Outcome, Outcomes, SourceFile};
use crate::value::Unitid;

/// Each outcome file's rows by UNITID.
pub(super) struct InstitutionFigures<'a> {
    files: Vec<HashMap<Unitid, &'a InstitutionOutcomes>>,
}

impl<'a> InstitutionFigures<'a> {
    /// The files' rows, each file's indexed by UNITID (a UNITID twice in one file is reported,
    /// and its first row kept).
    pub(super) fn new(files: &[(&'a [InstitutionOutcomes], SourceFile)], summary: &mut BuildSummary) -> Self {
        Self {
            files: files
                .iter()
                .map(|(rows, kind)| index(*rows, |row| row.unitid, *kind, summary))
                .collect(),
        }
    }

    /// Whether any outcome file was given.
    pub(super) fn any(&self) -> bool {
        !self.files.is_empty()
    }

    /// Whether some outcome file has a row for `unitid`.
    pub(super) fn has(&self, unitid: Unitid) -> bool {
        self.files.iter().any(|file| file.contains_key(&unitid))
    }

    /// Sets `outcomes`' institution figures from the rows of `unitid`, and counts the programs
    /// that received each.
    pub(super) fn attach(&self, unitid: Unitid, outcomes: &mut Outcomes, summary: &mut BuildSummary) {
        outcomes.institution_completion_rate = self.newest(unitid, |row| row.award_rate_6_years.as_ref());
        outcomes.institution_graduation_rate = self.newest(unitid, |row| row.graduation_rate.as_ref());
        outcomes.institution_median_earnings =
            self.newest(unitid, |row| row.median_earnings_10_years.as_ref());
        for (reported, count) in [
            (
                outcomes.institution_completion_rate.is_reported(),
                &mut summary.institution_completion_rates,
            ),
            (
                outcomes.institution_graduation_rate.is_reported(),
                &mut summary.institution_graduation_rates,
            ),
            (
                outcomes.institution_median_earnings.is_reported(),
                &mut summary.institution_earnings,
            ),
        ] {
            if reported {
                *count = count.saturating_add(1);
            }
        }
    }

    /// The figure of `unitid` the files give: the reported one of the newest year (the first
    /// file's of two of one year), else the first file's state (suppressed, not available …),
    /// else not reported.
    fn newest<T: Clone>(
        &self,
        unitid: Unitid,
        figure: impl Fn(&InstitutionOutcomes) -> Option<&Outcome<T>>,
    ) -> Outcome<T> {
        let given = self
            .files
            .iter()
            .filter_map(|file| file.get(&unitid).and_then(|row| figure(row)));
        let mut newest: Option<&Outcome<T>> = None;
        let mut first: Option<&Outcome<T>> = None;
        for outcome in given {
            first.get_or_insert(outcome);
            if let Outcome::Reported { year, .. } = outcome {
                let newer = match newest {
                    Some(Outcome::Reported { year: best, .. }) => year > best,
                    _ => true,
                };
                if newer {
                    newest = Some(outcome);
                }
            }
        }
        newest.or(first).cloned().unwrap_or_default()
    }
}

/// The institutions of `unitids` that no outcome file has a row for.
pub(super) fn without_figures(
    figures: &InstitutionFigures<'_>,
    unitids: impl IntoIterator<Item = Unitid>,
) -> Vec<Unitid> {
    if !figures.any() {
        return Vec::new();
    }
    unitids
        .into_iter()
        .filter(|unitid| !figures.has(*unitid))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}
