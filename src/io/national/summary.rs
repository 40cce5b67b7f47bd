//! What a build of the national catalogue made, left open and left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::catalog::Catalog;
use crate::error::Error;
use crate::io::accreditation_list::{UnappliedEntry, VariantMatch};
use crate::program::{AccreditationState, AwardLevel, DegreeLevel, SourceFile};
use crate::value::{CipCode, Unitid};

/// A row of an input file that did not become (part of) a program, and why. Rows are never
/// dropped without one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct RowProblem {
    /// The file the row is in.
    pub file: SourceFile,
    /// The row's institution.
    pub unitid: Unitid,
    /// Its CIP code, for a Completions row.
    pub cip: Option<CipCode>,
    /// Its award level, for a Completions row.
    pub award_level: Option<AwardLevel>,
    /// What happened to it.
    pub why: String,
}

impl fmt::Display for RowProblem {
    /// `ipeds-completions UNITID 123456, CIP 51.0707, award level 3: UNITID not in the HD file`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} UNITID {}", self.file, self.unitid)?;
        if let Some(cip) = self.cip {
            write!(f, ", CIP {cip}")?;
        }
        if let Some(award) = self.award_level {
            write!(f, ", award level {} ({award})", award.code())?;
        }
        write!(f, ": {}", self.why)
    }
}

/// Counts of what the federal files leave unknown, and every row that was not joined.
///
/// It serializes as its fields, with each skipped row's error as its message; displayed, it is
/// the report `build-catalog` prints.
///
/// ```
/// let summary = himkit::Dataset::national_summary()?;
/// let json = serde_json::to_value(&summary)?;
/// assert_eq!(json["programs"], summary.programs);
/// assert_eq!(json["cips"][0], "51.0706");
/// assert_eq!(json["by_degree_level"]["associate"], summary.by_degree_level[&himkit::DegreeLevel::Associate]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct BuildSummary {
    /// The CIP codes built.
    pub cips: Vec<CipCode>,
    /// The kinds of file joined.
    pub files: Vec<SourceFile>,
    /// Programs built.
    pub programs: usize,
    /// Institutions with at least one program.
    pub institutions: usize,
    /// Programs by IPEDS award level.
    pub by_award_level: BTreeMap<AwardLevel, usize>,
    /// Programs by degree level.
    pub by_degree_level: BTreeMap<DegreeLevel, usize>,
    /// Programs whose Completions row reports 0 awards (kept, with program size 0).
    pub zero_awards: usize,
    /// Programs at institutions that HD says are not active in the collection year
    /// (`CYACTIVE` other than 1: closed, or merged), built as reported; check before applying.
    pub at_inactive_institutions: usize,
    /// Programs whose award count is not reported (`-1`, `-2`, `-3` or empty).
    pub awards_not_reported: usize,
    /// Programs whose accreditation is not verified.
    pub accreditation_not_verified: usize,
    /// Programs given accreditation by the accreditation list.
    pub accreditation_from_list: usize,
    /// Accreditation-list rows that matched no program, or more than one, each with the
    /// institutions it could mean.
    pub accreditation_unapplied: Vec<UnappliedEntry>,
    /// Accreditation-list rows applied because a name variant made their name the
    /// institution's (also counted in `accreditation_from_list`), for the user to check.
    pub accreditation_by_variant: Vec<VariantMatch>,
    /// Programs known to be online: every program of their institution is offered completely
    /// at a distance (IC `DISTNCED` 1).
    pub delivery_online: usize,
    /// Programs whose institution offers distance programs (IC `DISTPGS` 1): whether this one
    /// is among them is unknown.
    pub delivery_institution_offers_distance: usize,
    /// Programs whose institution offers no distance programs (IC `DISTPGS` 0).
    pub delivery_no_distance: usize,
    /// Programs whose delivery is unknown because IC has no row for the institution (or no IC
    /// file was given).
    pub delivery_unknown_no_row: usize,
    /// Programs whose delivery is unknown because the institution's IC row does not say.
    pub delivery_unknown_not_reported: usize,
    /// Programs whose cost is estimated from IPEDS `IC_AY`.
    pub cost_estimated_ipeds: usize,
    /// Programs whose cost is estimated from College Scorecard's institution file.
    pub cost_estimated_scorecard: usize,
    /// Programs whose cost is unknown because `IC_AY` has no row for the institution (or no
    /// `IC_AY` file was given): clock-hour schools charge by program and are not in it.
    pub cost_unknown_no_row: usize,
    /// Programs whose cost is unknown because the institution's `IC_AY` row lacks a charge.
    pub cost_unknown_charge_missing: usize,
    /// Programs that received College Scorecard outcomes (earnings or debt).
    pub scorecard_attached: usize,
    /// Programs with no College Scorecard field-of-study row (when the file was given).
    pub scorecard_unmatched: usize,
    /// Programs whose institution's completion rate (IPEDS Outcome Measures) was reported in an
    /// outcome file.
    pub institution_completion_rates: usize,
    /// Programs whose institution's graduation rate (IPEDS Graduation Rates) was reported.
    pub institution_graduation_rates: usize,
    /// Programs whose institution's median earnings (College Scorecard) were reported.
    pub institution_earnings: usize,
    /// The institutions with programs that no outcome file has a row for (empty when no
    /// outcome file was given), by UNITID.
    pub institutions_without_outcomes: Vec<Unitid>,
    /// Completions rows in CIP codes not asked for (left out by request).
    pub rows_other_cips: usize,
    /// Completions rows of second majors (awards are counted on first majors).
    pub rows_second_major: usize,
    /// Every row that was not joined, and why.
    pub problems: Vec<RowProblem>,
    /// The rows a lenient read skipped, each with its error (empty in strict mode, which stops
    /// at the first).
    #[serde(serialize_with = "crate::io::error_messages")]
    pub skipped: Vec<Error>,
}

impl BuildSummary {
    /// Counts institutions, levels and accreditation states of the finished catalogue.
    pub(super) fn count_catalog(&mut self, catalog: &Catalog) {
        let mut institutions = BTreeSet::new();
        for program in catalog {
            institutions.insert(program.institution().unitid());
            if let Some(award) = program.award_level() {
                let count = self.by_award_level.entry(award).or_default();
                *count = count.saturating_add(1);
            }
            let count = self.by_degree_level.entry(program.degree_level()).or_default();
            *count = count.saturating_add(1);
            if *program.accreditation() == AccreditationState::NotVerified {
                self.accreditation_not_verified = self.accreditation_not_verified.saturating_add(1);
            }
        }
        self.programs = catalog.len();
        self.institutions = institutions.len();
    }

    /// Programs whose cost is an estimate.
    #[must_use]
    pub fn cost_estimated(&self) -> usize {
        self.cost_estimated_ipeds
            .saturating_add(self.cost_estimated_scorecard)
    }

    /// Programs whose cost is unknown.
    #[must_use]
    pub fn cost_unknown(&self) -> usize {
        self.cost_unknown_no_row
            .saturating_add(self.cost_unknown_charge_missing)
    }

    /// Programs whose delivery is unknown: their institution has no IC row, or did not report
    /// its distance-education flags.
    #[must_use]
    pub fn delivery_unknown(&self) -> usize {
        self.delivery_unknown_no_row
            .saturating_add(self.delivery_unknown_not_reported)
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

impl fmt::Display for BuildSummary {
    /// A report for people, one topic a line, with every row not joined.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cips: Vec<String> = self.cips.iter().map(ToString::to_string).collect();
        writeln!(
            f,
            "{} at {} (CIP {})",
            plural(self.programs, "program", "programs"),
            plural(self.institutions, "institution", "institutions"),
            cips.join(", ")
        )?;
        let join = |counts: Vec<String>| counts.join(", ");
        writeln!(
            f,
            "  by award level: {}",
            join(
                self.by_award_level
                    .iter()
                    .map(|(level, count)| format!("{} ({}) {count}", level.code(), level.label()))
                    .collect()
            )
        )?;
        writeln!(
            f,
            "  by degree level: {}",
            join(
                self.by_degree_level
                    .iter()
                    .map(|(level, count)| format!("{level} {count}"))
                    .collect()
            )
        )?;
        writeln!(
            f,
            "  awards conferred: 0 at {} (kept, program size 0); not reported at {}",
            plural(self.zero_awards, "program", "programs"),
            self.awards_not_reported
        )?;
        if self.at_inactive_institutions > 0 {
            writeln!(
                f,
                "  at institutions HD lists as not active (closed or merged): {}",
                self.at_inactive_institutions
            )?;
        }
        if self.files.contains(&SourceFile::AccreditationList) {
            writeln!(
                f,
                "  accreditation: not verified {}, from the accreditation list {} ({} by name variant), list rows not applied {}",
                self.accreditation_not_verified,
                self.accreditation_from_list,
                self.accreditation_by_variant.len(),
                self.accreditation_unapplied.len()
            )?;
            for variant in &self.accreditation_by_variant {
                writeln!(f, "    accreditation list {variant}")?;
            }
        } else {
            writeln!(
                f,
                "  accreditation: not verified {} (no accreditation list; check the CAHIIM program directory)",
                self.accreditation_not_verified
            )?;
        }
        self.write_delivery_and_cost(f)?;
        if self.files.contains(&SourceFile::ScorecardFieldOfStudy) {
            writeln!(
                f,
                "  College Scorecard outcomes: attached to {}, no field-of-study row for {}",
                self.scorecard_attached, self.scorecard_unmatched
            )?;
        }
        self.write_institution_outcomes(f)?;
        writeln!(
            f,
            "  Completions rows left out by request: {} in other CIP codes, {} of second majors",
            self.rows_other_cips, self.rows_second_major
        )?;
        writeln!(f, "  rows not joined: {}", self.problems.len())?;
        for problem in &self.problems {
            writeln!(f, "    {problem}")?;
        }
        for entry in &self.accreditation_unapplied {
            writeln!(f, "    accreditation list {entry}")?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "  rows skipped (lenient reading): {}", self.skipped.len())?;
            for error in &self.skipped {
                writeln!(f, "    {error}")?;
            }
        }
        Ok(())
    }
}

impl BuildSummary {
    /// The delivery and cost lines of the report.
    /// The institution-wide outcomes attached, and the institutions no outcome file has.
    fn write_institution_outcomes(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let institution_figures = self
            .institution_completion_rates
            .saturating_add(self.institution_graduation_rates)
            .saturating_add(self.institution_earnings);
        if institution_figures > 0 || !self.institutions_without_outcomes.is_empty() {
            writeln!(
                f,
                "  institution-wide outcomes: completion rate (IPEDS Outcome Measures) for {}, graduation rate \
                 (IPEDS Graduation Rates) for {}, median earnings (College Scorecard) for {} programs",
                self.institution_completion_rates,
                self.institution_graduation_rates,
                self.institution_earnings
            )?;
            if !self.institutions_without_outcomes.is_empty() {
                let unitids: Vec<String> = self
                    .institutions_without_outcomes
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                writeln!(
                    f,
                    "  no outcome file has {}: UNITID {}",
                    plural(unitids.len(), "institution", "institutions"),
                    unitids.join(", ")
                )?;
            }
        }
        Ok(())
    }

    fn write_delivery_and_cost(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.files.contains(&SourceFile::IpedsIc) {
            writeln!(
                f,
                "  delivery: online (the institution offers every program online) {}, the institution \
                 offers distance programs (this one may not be) {}, no distance programs {}, unknown {} \
                 (no IC row {}, not reported {})",
                self.delivery_online,
                self.delivery_institution_offers_distance,
                self.delivery_no_distance,
                self.delivery_unknown(),
                self.delivery_unknown_no_row,
                self.delivery_unknown_not_reported
            )?;
        } else {
            writeln!(f, "  delivery: unknown for every program (no IC file)")?;
        }
        if self.files.contains(&SourceFile::IpedsIcAy)
            || self.files.contains(&SourceFile::ScorecardInstitution)
        {
            writeln!(
                f,
                "  cost: estimated {} (from IPEDS IC_AY {}, from College Scorecard {}), unknown {} (no IC_AY \
                 row {}, charge not reported {})",
                self.cost_estimated(),
                self.cost_estimated_ipeds,
                self.cost_estimated_scorecard,
                self.cost_unknown(),
                self.cost_unknown_no_row,
                self.cost_unknown_charge_missing
            )?;
        } else {
            writeln!(
                f,
                "  cost: unknown for every program (no IC_AY or Scorecard institution file)"
            )?;
        }
        Ok(())
    }
}
