//! Accreditation lists: a CSV a user keeps from CAHIIM's public program directory, one row per
//! accredited program, matched to the programs of a catalogue.
//!
//! Federal files say nothing about programmatic accreditation, so programs built from them are
//! [`AccreditationState::NotVerified`]. A list turns the programs it names into known
//! accreditation; every row that matches no program, or more than one, is reported with the
//! institutions it could mean, and none is guessed. Names are matched as directories write
//! them: see [`NameVariant`] for what may differ, each use of which is reported.

mod matching;
mod names;
mod report;

use std::collections::BTreeMap;
use std::io::Read;

use super::read::{ReadOptions, ReadOutcome};
use super::table::{CellError, Columns, CsvRecords};
use crate::catalog::Catalog;
use crate::error::{Location, Result};
use crate::program::{Accreditation, AccreditationSource, AccreditationState, Accreditor};
use crate::program::{DegreeLevel, Discipline, Program, Source, SourceFile, SourcedField};
use crate::value::{Text, Unitid, UsState};
use matching::{Matcher, RowMatch};
pub use names::NameVariant;
pub use report::{AccreditationMatches, CandidateInstitution, UnappliedEntry, VariantMatch};

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
    /// The institution's name as the directory gives it (empty when the row leaves it empty:
    /// such a row is reported, never applied).
    pub institution: String,
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
            .map_err(|error| cell("next_review_year", error))?
            .with_source(AccreditationSource::of_row(source, line.unwrap_or(0)));
            Ok(AccreditationListEntry {
                line: line.unwrap_or(0),
                institution: match parse("institution_name")? {
                    Some(_) => text("institution_name")?.to_string(),
                    None => String::new(),
                },
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

/// Applies an accreditation list to `catalog`.
///
/// Each row is matched among the programs of its degree level (and discipline, where given):
/// by UNITID where it has one; else by institution name and state, the names compared without
/// case, marks and apostrophes (and the row's city used where that tells campuses apart); else
/// by a [`NameVariant`], such as "Cuyahoga Community College" for IPEDS's "Cuyahoga Community
/// College District". A row that matches exactly one program sets that program's accreditation
/// and records where it came from: the accreditation's [`AccreditationSource`] is `source` (the
/// list's name as given, such as its file name) and the row's line, which every explanation of
/// the program cites, and the program's sources record an accreditation list confirmed on the
/// row's date ([`SourceFile::AccreditationList`]). A variant match is also listed in
/// [`AccreditationMatches::by_variant`] so the user can check it. A variant that makes two
/// programs equal, or makes the name match in another state too, leaves the row ambiguous,
/// never applied. Every other row is reported, unmatched or ambiguous, with the institutions
/// it could mean and their UNITIDs ([`UnappliedEntry::institutions`]): adding the right UNITID
/// to the row makes the next run apply it. A row whose name is empty, one letter, or only a
/// system name (`CUNY`) is reported and never applied. Programs the list does not name keep
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
/// // The status says where it came from, wherever it is shown.
/// let program = applied.catalog.get("alabama-state-university-100724-510706-aw5").expect("matched");
/// assert_eq!(
///     program.accreditation().to_string(),
///     "CAHIIM continuing accreditation — from cahiim.csv line 2, last confirmed 2024-10-01"
/// );
///
/// // Written as a directory writes it: applied, and reported as a name variant.
/// let list = "institution_name,city,state,degree_level,status,last_confirmed\n\
///             Cuyahoga Community College (Tri-C),Cleveland,OH,associate,continuing-accreditation,2024-10-01\n";
/// let applied = apply_accreditation_list(&catalog, "cahiim.csv", list.as_bytes(), &ReadOptions::default())?;
/// assert_eq!(
///     applied.by_variant[0].to_string(),
///     "line 2: matched Cuyahoga Community College District (UNITID 202356) by name variant \
///      (note in parentheses, suffix District)"
/// );
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
    let programs = catalog.programs();
    let directory = Matcher::new(programs);
    let mut assigned: BTreeMap<usize, &AccreditationListEntry> = BTreeMap::new();
    let mut matched = BTreeMap::new();
    let mut by_variant = Vec::new();
    let mut unmatched = Vec::new();
    let mut ambiguous = Vec::new();
    for entry in entries {
        let unapplied = |why: String, indices: &[usize]| UnappliedEntry {
            line: entry.line,
            institution: entry.institution.clone(),
            why,
            candidates: indices
                .iter()
                .filter_map(|index| programs.get(*index).map(|program| program.id().clone()))
                .collect(),
            institutions: directory.institutions_for(entry, indices),
        };
        let (index, variants) = match directory.match_row(entry) {
            RowMatch::Exact(index) => (index, None),
            RowMatch::Variant(index, variants) => (index, Some(variants)),
            RowMatch::Nothing { why } => {
                unmatched.push(unapplied(why, &[]));
                continue;
            }
            RowMatch::Several { why, indices } => {
                ambiguous.push(unapplied(why, &indices));
                continue;
            }
        };
        let Some(program) = programs.get(index) else {
            continue;
        };
        if let Some(first) = assigned.get(&index) {
            ambiguous.push(unapplied(
                format!("the program was already matched by line {}", first.line),
                &[index],
            ));
            continue;
        }
        assigned.insert(index, entry);
        matched.insert(program.id().clone(), entry.line);
        if let Some(variants) = variants {
            by_variant.push(VariantMatch {
                line: entry.line,
                institution: entry.institution.clone(),
                program: program.id().clone(),
                matched: program.institution().name().to_owned(),
                unitid: program.institution().unitid(),
                variants,
            });
        }
    }
    let mut changed = Vec::with_capacity(programs.len());
    for (index, program) in programs.iter().enumerate() {
        match assigned.get(&index) {
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
        by_variant,
        unmatched,
        ambiguous,
        skipped: Vec::new(),
    })
}
