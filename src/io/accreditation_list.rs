//! Accreditation lists: a CSV a user keeps from CAHIIM's public program directory, one row per
//! accredited program, matched to the programs of a catalogue.
//!
//! Federal files say nothing about programmatic accreditation, so programs built from them are
//! [`AccreditationState::NotVerified`]. A list turns the programs it names into known
//! accreditation; every row that matches no program, or more than one, is reported and none is
//! guessed.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;

use super::read::{ReadOptions, ReadOutcome};
use super::table::{CellError, Columns, CsvRecords};
use crate::catalog::Catalog;
use crate::error::{Error, Location, Result};
use crate::program::{Accreditation, AccreditationState, Accreditor};
use crate::program::{DegreeLevel, Discipline, Program, Source, SourceFile, SourcedField};
use crate::value::{ProgramId, Text, Unitid, UsState};

const REQUIRED: &[&str] = &[
    "institution_name",
    "state",
    "degree_level",
    "status",
    "last_confirmed",
];

/// One row of an accreditation list: which program, and its accreditation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) struct AccreditationListEntry {
    /// The row's line in the file, for reports.
    pub line: u64,
    /// The institution's name as the directory gives it.
    pub institution: Text,
    /// The city, where given (used to tell apart campuses of one name).
    pub city: Option<Text>,
    /// The state.
    pub state: UsState,
    /// The institution's IPEDS UNITID, where the list records it: the surest match.
    pub unitid: Option<Unitid>,
    /// The program's level.
    pub degree_level: DegreeLevel,
    /// The program's field, where given.
    pub discipline: Option<Discipline>,
    /// The accreditation.
    pub accreditation: Accreditation,
}

/// Reads an accreditation list (see [`apply_accreditation_list`]).
pub(crate) fn read_accreditation_list<R: Read>(
    source: &str,
    reader: R,
    options: &ReadOptions,
) -> Result<ReadOutcome<AccreditationListEntry>> {
    let mode = options.mode;
    let mut csv = CsvRecords::new(source, reader, &options.limits, csv::Trim::All);
    let place = |line: Option<u64>| Location::line_of(source, line);
    let header = csv.header()?;
    let columns = Columns::new(&header);
    for name in REQUIRED {
        columns.require(name, &place(Some(1)))?;
    }
    let mut outcome = ReadOutcome::new();
    let mut record = csv::StringRecord::new();
    while csv.read_text(&mut record, mode, &mut outcome)? {
        let line = csv.line();
        let get = |name: &str| {
            columns
                .find(name)
                .and_then(|index| record.get(index))
                .map_or("", str::trim)
        };
        let parse = |name: &'static str| -> std::result::Result<Option<String>, CellError> {
            Ok(Some(get(name).to_owned()).filter(|text| !text.is_empty()))
        };
        let row = || -> std::result::Result<AccreditationListEntry, CellError> {
            let cell = CellError::from_error;
            let text = |name: &str| Text::new(get(name)).map_err(|error| cell(name, error));
            let accreditor: Accreditor = match parse("accreditor")? {
                Some(name) => name.parse().map_err(|error| cell("accreditor", error))?,
                None => Accreditor::Cahiim,
            };
            let accreditation = Accreditation::new(
                accreditor,
                get("status").parse().map_err(|error| cell("status", error))?,
                get("last_confirmed")
                    .parse()
                    .map_err(|error| cell("last_confirmed", error))?,
                match parse("next_review_year")? {
                    Some(year) => Some(year.parse().map_err(|error| cell("next_review_year", error))?),
                    None => None,
                },
            )
            .map_err(|error| cell("next_review_year", error))?;
            Ok(AccreditationListEntry {
                line: line.unwrap_or(0),
                institution: text("institution_name")?,
                city: match parse("city")? {
                    Some(_) => Some(text("city")?),
                    None => None,
                },
                state: get("state").parse().map_err(|error| cell("state", error))?,
                unitid: match parse("unitid")? {
                    Some(id) => Some(id.parse().map_err(|error| cell("unitid", error))?),
                    None => None,
                },
                degree_level: get("degree_level")
                    .parse()
                    .map_err(|error| cell("degree_level", error))?,
                discipline: match parse("discipline")? {
                    Some(name) => Some(name.parse().map_err(|error| cell("discipline", error))?),
                    None => None,
                },
                accreditation,
            })
        };
        match row() {
            Ok(entry) => outcome.items.push(entry),
            Err(problem) => outcome.skip_or_fail(mode, problem.into_error(place(line)))?,
        }
    }
    Ok(outcome)
}

/// A list row that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct UnappliedEntry {
    /// The row's line.
    pub line: u64,
    /// The institution it names.
    pub institution: String,
    /// Why it was not applied.
    pub why: String,
    /// The programs it could mean, for an ambiguous row (empty when it matched none).
    pub candidates: Vec<ProgramId>,
}

/// What [`apply_accreditation_list`] did. It serializes with each skipped row's error as its
/// message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct AccreditationMatches {
    /// The catalogue, with known accreditation for every matched program.
    pub catalog: Catalog,
    /// Each program a row was applied to, and that row's line.
    pub matched: BTreeMap<ProgramId, u64>,
    /// The rows that matched no program.
    pub unmatched: Vec<UnappliedEntry>,
    /// The rows that matched more than one program, or a program another row had matched.
    pub ambiguous: Vec<UnappliedEntry>,
    /// The rows a lenient read skipped, each with its error (empty in strict mode).
    #[serde(serialize_with = "super::error_messages")]
    pub skipped: Vec<Error>,
}

impl fmt::Display for UnappliedEntry {
    /// `line 5 (Nowhere College): no associate program of an institution of this name in OH`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} ({}): {}", self.line, self.institution, self.why)
    }
}

impl fmt::Display for AccreditationMatches {
    /// The report a user reads: how many programs the list was applied to, how many rows it
    /// could not apply, and each of those rows (and each row a lenient read skipped) on a line
    /// of its own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let programs = if self.matched.len() == 1 {
            "program"
        } else {
            "programs"
        };
        write!(
            f,
            "applied to {} {programs}; {} rows matched no program, {} more than one",
            self.matched.len(),
            self.unmatched.len(),
            self.ambiguous.len()
        )?;
        if !self.skipped.is_empty() {
            write!(f, ", {} skipped", self.skipped.len())?;
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

/// An institution name reduced for matching: lowercase letters and digits, `&` as `and`, a
/// leading `the` and punctuation dropped, runs of spaces as one.
#[must_use]
pub(crate) fn normalise_institution_name(name: &str) -> String {
    let spaced: String = name
        .chars()
        .flat_map(|c| match c {
            '&' => " and ".chars().collect::<Vec<_>>(),
            c if c.is_alphanumeric() => c.to_lowercase().collect(),
            _ => vec![' '],
        })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest.join(" "),
        _ => words.join(" "),
    }
}

/// Applies an accreditation list to `catalog`: each row is matched by UNITID where it has one,
/// else by normalised institution name and state (and city, where that tells campuses apart),
/// among the programs of its degree level (and discipline, where given). A row that matches
/// exactly one program sets that program's accreditation and records the list as its source;
/// every other row is reported, unmatched or ambiguous. Programs the list does not name keep
/// their state: absence from a list is not proof of no accreditation.
///
/// The list is a CSV kept from CAHIIM's public program directory, one row per accredited
/// program. Columns are matched by name in any case; unknown columns are ignored.
/// `institution_name`, `state`, `degree_level`, `status` and `last_confirmed` are required;
/// `city`, `unitid`, `discipline`, `accreditor` (default `cahiim`) and `next_review_year` may be
/// left out or empty.
///
/// ```
/// use himkit::io::{ReadOptions, apply_accreditation_list};
///
/// let catalog = himkit::Dataset::national()?.catalog().clone();
/// let list = "institution_name,city,state,unitid,degree_level,status,last_confirmed\n\
///             Alabama State University,Montgomery,AL,100724,baccalaureate,continuing-accreditation,2024-10-01\n\
///             Nowhere College,Nowhere,AL,,associate,continuing-accreditation,2024-10-01\n";
/// let applied = apply_accreditation_list(&catalog, "cahiim.csv", list.as_bytes(), &ReadOptions::default())?;
/// assert_eq!(applied.matched.len(), 1);
/// assert_eq!(applied.unmatched[0].line, 3);
/// # Ok::<(), himkit::Error>(())
/// ```
///
/// # Errors
/// An error located at the line and column for a missing required column or (in strict mode)
/// a bad row; and a changed program that fails validation, which a list's accreditation does
/// not cause except for a doctorate said to be CAHIIM-accredited (refused, naming the program).
pub fn apply_accreditation_list(
    catalog: &Catalog,
    source: &str,
    reader: impl Read,
    options: &ReadOptions,
) -> Result<AccreditationMatches> {
    let read = read_accreditation_list(source, reader, options)?;
    let mut matches = apply_entries(catalog, &read.items)?;
    matches.skipped = read.skipped;
    Ok(matches)
}

/// Applies a read list; see [`apply_accreditation_list`].
pub(crate) fn apply_entries(
    catalog: &Catalog,
    entries: &[AccreditationListEntry],
) -> Result<AccreditationMatches> {
    let mut by_name: BTreeMap<(String, UsState), Vec<usize>> = BTreeMap::new();
    for (index, program) in catalog.programs().iter().enumerate() {
        let institution = program.institution();
        by_name
            .entry((
                normalise_institution_name(institution.name()),
                institution.state(),
            ))
            .or_default()
            .push(index);
    }
    let programs = catalog.programs();
    let mut assigned: BTreeMap<usize, u64> = BTreeMap::new();
    let mut matched = BTreeMap::new();
    let mut unmatched = Vec::new();
    let mut ambiguous = Vec::new();
    for entry in entries {
        let candidates = candidates(entry, programs, &by_name);
        let ids = |indices: &[usize]| -> Vec<ProgramId> {
            indices
                .iter()
                .filter_map(|index| programs.get(*index).map(|program| program.id().clone()))
                .collect()
        };
        let unapplied = |why: String, candidates: Vec<ProgramId>| UnappliedEntry {
            line: entry.line,
            institution: entry.institution.to_string(),
            why,
            candidates,
        };
        match candidates.as_slice() {
            [] => unmatched.push(unapplied(
                match entry.unitid {
                    Some(unitid) => format!("no {} program at UNITID {unitid}", entry.degree_level),
                    None => format!(
                        "no {} program of an institution of this name in {}",
                        entry.degree_level, entry.state
                    ),
                },
                Vec::new(),
            )),
            [index] => {
                if let Some(first) = assigned.get(index) {
                    ambiguous.push(unapplied(
                        format!("the program was already matched by line {first}"),
                        ids(&candidates),
                    ));
                } else {
                    assigned.insert(*index, entry.line);
                    if let Some(program) = programs.get(*index) {
                        matched.insert(program.id().clone(), entry.line);
                    }
                }
            }
            _ => ambiguous.push(unapplied(
                format!("{} programs match; add the UNITID or the city", candidates.len()),
                ids(&candidates),
            )),
        }
    }
    let mut changed = Vec::with_capacity(programs.len());
    for (index, program) in programs.iter().enumerate() {
        let entry = assigned
            .get(&index)
            .and_then(|line| entries.iter().find(|entry| entry.line == *line));
        match entry {
            Some(entry) => {
                let mut spec = program.to_spec();
                spec.accreditation = AccreditationState::Known(entry.accreditation.clone());
                spec.sources.insert(
                    SourcedField::Accreditation,
                    Source::new(
                        SourceFile::AccreditationList,
                        &entry.accreditation.last_confirmed().to_string(),
                    )?,
                );
                changed.push(Program::new(spec).map_err(|error| {
                    error.at(Location {
                        path: Some(program.id().to_string()),
                        ..Location::line_of("accreditation list", Some(entry.line))
                    })
                })?);
            }
            None => changed.push(program.clone()),
        }
    }
    Ok(AccreditationMatches {
        catalog: Catalog::new(changed)?,
        matched,
        unmatched,
        ambiguous,
        skipped: Vec::new(),
    })
}

/// The indices of the programs `entry` can mean: by UNITID where it has one, else by
/// normalised name and state, among the programs of its level (and discipline), narrowed by
/// city when that leaves some.
fn candidates(
    entry: &AccreditationListEntry,
    programs: &[Program],
    by_name: &BTreeMap<(String, UsState), Vec<usize>>,
) -> Vec<usize> {
    let fits = |program: &Program| {
        program.degree_level() == entry.degree_level
            && entry
                .discipline
                .is_none_or(|discipline| program.discipline() == discipline)
    };
    let candidates: Vec<usize> = match entry.unitid {
        Some(unitid) => programs
            .iter()
            .enumerate()
            .filter(|(_, program)| program.institution().unitid() == Some(unitid) && fits(program))
            .map(|(index, _)| index)
            .collect(),
        None => by_name
            .get(&(
                normalise_institution_name(entry.institution.as_str()),
                entry.state,
            ))
            .map(|indices| {
                indices
                    .iter()
                    .copied()
                    .filter(|index| programs.get(*index).is_some_and(fits))
                    .collect()
            })
            .unwrap_or_default(),
    };
    if let (true, Some(city)) = (candidates.len() > 1, &entry.city) {
        let city = normalise_institution_name(city.as_str());
        let in_city: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|index| {
                programs
                    .get(*index)
                    .is_some_and(|program| normalise_institution_name(program.institution().city()) == city)
            })
            .collect();
        if !in_city.is_empty() {
            return in_city;
        }
    }
    candidates
}
