//! What applying an accreditation list did, as data and as the report users read.

use std::collections::BTreeMap;
use std::fmt;

use super::names::NameVariant;
use crate::catalog::Catalog;
use crate::error::Error;
use crate::program::DegreeLevel;
use crate::value::{ProgramId, Unitid, UsState};

/// A list row that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct UnappliedEntry {
    /// The row's line.
    pub line: u64,
    /// The institution it names, as the list writes it.
    pub institution: String,
    /// Why it was not applied.
    pub why: String,
    /// The programs it could mean, for an ambiguous row (empty when it matched none).
    pub candidates: Vec<ProgramId>,
    /// The institutions with HIM programs the row could mean, with their UNITIDs: for a row
    /// that matched nothing, those in the row's city and state and those in its state whose
    /// names share a distinctive word with the row's; for an ambiguous row, the institutions of
    /// its candidate programs. Adding the right UNITID to the row makes the next run apply it.
    pub institutions: Vec<CandidateInstitution>,
}

/// An institution a list row could mean, with what the user needs to choose it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct CandidateInstitution {
    /// Its IPEDS UNITID (absent only in catalogues built without one).
    pub unitid: Option<Unitid>,
    /// Its name as the catalogue has it.
    pub name: String,
    /// Its city.
    pub city: String,
    /// Its state.
    pub state: UsState,
    /// The levels of its programs in the catalogue, lowest first.
    pub levels: Vec<DegreeLevel>,
    /// Whether it is in the row's city (and state).
    pub same_city: bool,
    /// The distinctive words its name shares with the row's (not "college", "community",
    /// "university", "state", "technical", the state's own name and the like), reduced as
    /// names are matched.
    pub shared_words: Vec<String>,
}

/// A row applied because a [`NameVariant`] made its name the institution's, reported so the
/// user can check it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct VariantMatch {
    /// The row's line.
    pub line: u64,
    /// The institution as the list writes it.
    pub institution: String,
    /// The program the row was applied to.
    pub program: ProgramId,
    /// The program's institution, as the catalogue names it.
    pub matched: String,
    /// That institution's UNITID.
    pub unitid: Option<Unitid>,
    /// The variants that made the two names one.
    pub variants: Vec<NameVariant>,
}

/// What [`apply_accreditation_list`](super::apply_accreditation_list) did. It serializes with
/// each skipped row's error as its message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct AccreditationMatches {
    /// The catalogue, with known accreditation for every matched program.
    pub catalog: Catalog,
    /// Each program a row was applied to, and that row's line.
    pub matched: BTreeMap<ProgramId, u64>,
    /// The applied rows whose name matched by a [`NameVariant`] rather than exactly (each is
    /// also in `matched`).
    pub by_variant: Vec<VariantMatch>,
    /// The rows that matched no program, or whose name cannot name one.
    pub unmatched: Vec<UnappliedEntry>,
    /// The rows that matched more than one program, or a program another row had matched.
    pub ambiguous: Vec<UnappliedEntry>,
    /// The rows a lenient read skipped, each with its error (empty in strict mode).
    #[serde(serialize_with = "super::super::error_messages")]
    pub skipped: Vec<Error>,
}

impl fmt::Display for UnappliedEntry {
    /// `line 5 (Nowhere College): no associate program of an institution of this name in OH`,
    /// then each institution it could mean on a line of its own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} ({}): {}", self.line, self.institution, self.why)?;
        if !self.institutions.is_empty() {
            f.write_str("; could be (add its UNITID to the row):")?;
        }
        for institution in &self.institutions {
            write!(f, "\n      {institution}")?;
        }
        Ok(())
    }
}

impl fmt::Display for CandidateInstitution {
    /// `UNITID 190619 CUNY Kingsborough Community College, Brooklyn, NY: associate (shares
    /// "kingsborough")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unitid {
            Some(unitid) => write!(f, "UNITID {unitid} ")?,
            None => f.write_str("(no UNITID) ")?,
        }
        write!(f, "{}, {}, {}:", self.name, self.city, self.state)?;
        for (at, level) in self.levels.iter().enumerate() {
            let separator = if at == 0 { " " } else { ", " };
            write!(f, "{separator}{level}")?;
        }
        let mut why = Vec::new();
        if self.same_city {
            why.push("same city".to_owned());
        }
        if !self.shared_words.is_empty() {
            let quoted: Vec<String> = self.shared_words.iter().map(|word| format!("{word:?}")).collect();
            why.push(format!("shares {}", quoted.join(", ")));
        }
        if !why.is_empty() {
            write!(f, " ({})", why.join("; "))?;
        }
        Ok(())
    }
}

impl fmt::Display for VariantMatch {
    /// `line 12: matched Cuyahoga Community College District by name variant (suffix District)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: matched {}", self.line, self.matched)?;
        if let Some(unitid) = self.unitid {
            write!(f, " (UNITID {unitid})")?;
        }
        f.write_str(" by name variant (")?;
        for (at, variant) in self.variants.iter().enumerate() {
            let separator = if at == 0 { "" } else { ", " };
            write!(f, "{separator}{variant}")?;
        }
        f.write_str(")")
    }
}

impl fmt::Display for AccreditationMatches {
    /// The report a user reads: how many programs the list was applied to (and how many of
    /// those by a name variant), how many rows it could not apply, then each variant match,
    /// each row not applied with the institutions it could mean, and each row a lenient read
    /// skipped, on lines of their own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let programs = if self.matched.len() == 1 {
            "program"
        } else {
            "programs"
        };
        write!(f, "applied to {} {programs}", self.matched.len())?;
        if !self.by_variant.is_empty() {
            write!(f, " ({} by name variant)", self.by_variant.len())?;
        }
        write!(
            f,
            "; {} rows matched no program, {} more than one",
            self.unmatched.len(),
            self.ambiguous.len()
        )?;
        if !self.skipped.is_empty() {
            write!(f, ", {} skipped", self.skipped.len())?;
        }
        for variant in &self.by_variant {
            write!(f, "\n  {variant}")?;
        }
        for entry in self.unmatched.iter().chain(&self.ambiguous) {
            write!(f, "\n  {entry}")?;
        }
        for error in &self.skipped {
            write!(f, "\n  skipped: {error}")?;
        }
        Ok(())
    }
}
