//! The national HIM catalogue: one program per institution, six-digit CIP code and IPEDS award
//! level among the first majors of an IPEDS Completions file, joined with the institution's
//! directory entry (HD), distance-education flags (IC), charges (`IC_AY`), College Scorecard
//! figures and an accreditation list, each optional but HD. What the files do not say stays
//! unknown, and is counted in the [`BuildSummary`].

mod facts;
mod ids;
mod join;
mod outcomes;
mod summary;

pub(crate) use ids::national_program_id;
pub use summary::{BuildSummary, RowProblem};

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::io::Read;

use self::facts::cip_field;
use self::join::Joiner;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::io::accreditation_list::{AccreditationListEntry, apply_entries, read_accreditation_list};
use crate::io::file_year::year_in_text;
use crate::io::ipeds::{
    IpedsCharges, IpedsCompletion, IpedsDistance, IpedsInstitution, IpedsOptions, MajorNumber,
    read_ipeds_charges, read_ipeds_completions, read_ipeds_distance, read_ipeds_institutions,
};
use crate::io::outcomes::{InstitutionOutcomes, read_outcomes_of_kind, scorecard_outcomes};
use crate::io::read::{ReadOptions, ReadOutcome};
use crate::io::scorecard::{ScorecardOptions, ScorecardRecord, attach_records, read_scorecard_csv};
use crate::io::scorecard_institution::{
    ScorecardInstitution, ScorecardInstitutionOptions, read_scorecard_institutions,
};
use crate::program::{AwardLevel, Institution, Program, SourceFile};
use crate::value::{CipCode, Text, Unitid, Year};

/// The files a national catalogue is built from: IPEDS HD and Completions of one year
/// (required), and optionally IPEDS IC and `IC_AY` (of their own year), College Scorecard's
/// field-of-study and institution files, and an accreditation list; the CIP codes to build; and
/// how to read the files. Each file is given as a name (for errors and sources) and a reader
/// (a file, bytes in memory), and read when the catalogue is built.
///
/// ```
/// use himkit::Year;
/// use himkit::io::CatalogInputs;
///
/// let hd = "UNITID,INSTNM,CITY,STABBR,CONTROL\n100724,Alabama State University,Montgomery,AL,1\n";
/// let ca = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\n100724,51.0706,1,5,13\n100724,51.0706,2,5,1\n";
/// let built = CatalogInputs::new(("hd2024.csv", hd.as_bytes()), ("c2024_a.csv", ca.as_bytes()), Year::new(2024)?)
///     .build()?;
/// let program = built.catalog.get("alabama-state-university-100724-510706-aw5").expect("built");
/// assert_eq!(program.outcomes().program_size.value(), Some(&13));
/// assert_eq!(built.summary.rows_second_major, 1);
/// assert_eq!(built.summary.cost_unknown_no_row, 1); // no IC_AY file: cost unknown, never 0
/// # Ok::<(), himkit::Error>(())
/// ```
pub struct CatalogInputs<'a> {
    institutions: Input<'a>,
    completions: Input<'a>,
    year: Year,
    distance: Option<(Input<'a>, Year)>,
    charges: Option<(Input<'a>, Year)>,
    field_of_study: Option<(Input<'a>, Year)>,
    /// Each with its release, and the release's year.
    scorecard_institutions: Vec<(Input<'a>, Text, Year)>,
    institution_outcomes: Vec<(Input<'a>, Option<Year>)>,
    accreditation: Option<Input<'a>>,
    cips: Vec<CipCode>,
    options: ReadOptions,
}

/// One input file: its name, and where its bytes come from.
struct Input<'a> {
    source: String,
    reader: Box<dyn Read + 'a>,
}

impl<'a, R: Read + 'a> From<(&str, R)> for Input<'a> {
    fn from((source, reader): (&str, R)) -> Self {
        Self {
            source: source.to_owned(),
            reader: Box::new(reader),
        }
    }
}

impl fmt::Debug for CatalogInputs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |input: &Input<'_>| input.source.clone();
        f.debug_struct("CatalogInputs")
            .field("institutions", &name(&self.institutions))
            .field("completions", &name(&self.completions))
            .field("year", &self.year)
            .field(
                "distance",
                &self.distance.as_ref().map(|(input, year)| (name(input), *year)),
            )
            .field(
                "charges",
                &self.charges.as_ref().map(|(input, year)| (name(input), *year)),
            )
            .field(
                "field_of_study",
                &self
                    .field_of_study
                    .as_ref()
                    .map(|(input, year)| (name(input), *year)),
            )
            .field(
                "scorecard_institutions",
                &self
                    .scorecard_institutions
                    .iter()
                    .map(|(input, release, _)| (name(input), release.to_string()))
                    .collect::<Vec<_>>(),
            )
            .field(
                "institution_outcomes",
                &self
                    .institution_outcomes
                    .iter()
                    .map(|(input, year)| (name(input), *year))
                    .collect::<Vec<_>>(),
            )
            .field("accreditation", &self.accreditation.as_ref().map(name))
            .field("cips", &self.cips)
            .field("options", &self.options)
            .finish()
    }
}

impl<'a> CatalogInputs<'a> {
    /// The CIP codes built unless others are asked for: 51.0706 (HIM) and 51.0707 (HIT).
    pub const DEFAULT_CIPS: [CipCode; 2] = [CipCode::HIM_ADMINISTRATION, CipCode::HIM_TECHNOLOGY];

    /// The CIP codes that can be built: the defaults, 51.0713 (medical coding) and 51.2706
    /// (medical informatics).
    pub const SUPPORTED_CIPS: [CipCode; 4] = [
        CipCode::HIM_ADMINISTRATION,
        CipCode::HIM_TECHNOLOGY,
        CipCode::MEDICAL_CODING,
        CipCode::MEDICAL_INFORMATICS,
    ];

    /// An IPEDS HD (institutional directory) file and a Completions (`C_A`) file of the
    /// collection year `year` (use the HD file of the Completions file's year), each as a name
    /// and a reader: `("hd2024.csv", file)`.
    ///
    /// The Completions file may be NCES's column extract or the published file with its
    /// imputation-flag columns; only rows in the CIP families asked for are parsed, so the
    /// full national file (≈300,000 rows) reads fast.
    #[must_use]
    pub fn new(
        institutions: (&str, impl Read + 'a),
        completions: (&str, impl Read + 'a),
        year: Year,
    ) -> Self {
        Self {
            institutions: institutions.into(),
            completions: completions.into(),
            year,
            distance: None,
            charges: None,
            field_of_study: None,
            scorecard_institutions: Vec::new(),
            institution_outcomes: Vec::new(),
            accreditation: None,
            cips: Self::DEFAULT_CIPS.to_vec(),
            options: ReadOptions::default(),
        }
    }

    /// An IPEDS IC (institutional characteristics) file of collection year `year`: its
    /// distance-education flags.
    #[must_use]
    pub fn with_distance(mut self, file: (&str, impl Read + 'a), year: Year) -> Self {
        self.distance = Some((file.into(), year));
        self
    }

    /// An IPEDS `IC_AY` file of collection year `year` (`IC2022_AY`: 2022, academic year
    /// 2022-23): tuition and required fees.
    #[must_use]
    pub fn with_charges(mut self, file: (&str, impl Read + 'a), year: Year) -> Self {
        self.charges = Some((file.into(), year));
        self
    }

    /// A College Scorecard field-of-study file, whose outcomes are labelled with `year` (the
    /// file carries none) and attached as [`attach_scorecard`](crate::io::attach_scorecard)
    /// does.
    #[must_use]
    pub fn with_field_of_study(mut self, file: (&str, impl Read + 'a), year: Year) -> Self {
        self.field_of_study = Some((file.into(), year));
        self
    }

    /// A College Scorecard institution file of release `release` (`2021-22`, `2025`), whole or
    /// any extract of its columns with `UNITID`; may be given more than once (one file for
    /// tuition, another for earnings, say). Its undergraduate tuition and fees
    /// (`TUITIONFEE_IN`, `TUITIONFEE_OUT`) estimate the cost of undergraduate programs that
    /// `IC_AY` gives none for, and its institution-wide median earnings (`MD_EARN_WNE_P10`) are
    /// attached as [`Outcomes::institution_median_earnings`](crate::Outcomes::institution_median_earnings),
    /// with the release's year. Rows of branch campuses that have no IPEDS UNITID of their own
    /// (eight digits in Scorecard) are passed over: their figures are not the parent
    /// institution's.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if `release` is empty or names no year.
    pub fn with_scorecard_institutions(
        mut self,
        file: (&str, impl Read + 'a),
        release: &str,
    ) -> Result<Self> {
        let year = year_in_text(release)
            .ok_or_else(|| Error::invalid_text("release", release, "names no year (e.g. 2021-22 or 2025)"))?;
        let release = Text::new(release).map_err(|error| error.in_field("release"))?;
        self.scorecard_institutions.push((file.into(), release, year));
        Ok(self)
    }

    /// An institution outcome file: IPEDS Outcome Measures or Graduation Rates, as published
    /// or as the usual extracts (see [`read_institution_outcomes`](crate::io::read_institution_outcomes),
    /// which tells them apart by their columns, and whose `year` this is); may be given more
    /// than once. The institution's completion rate (Outcome Measures, any award within 6 years)
    /// and graduation rate (150% of normal time) are attached to each of its programs as
    /// [`Outcomes::institution_completion_rate`](crate::Outcomes::institution_completion_rate) and
    /// [`Outcomes::institution_graduation_rate`](crate::Outcomes::institution_graduation_rate).
    /// Where two files give a figure, the newer year's wins.
    #[must_use]
    pub fn with_institution_outcomes(mut self, file: (&str, impl Read + 'a), year: Option<Year>) -> Self {
        self.institution_outcomes.push((file.into(), year));
        self
    }

    /// An accreditation list, applied as [`apply_accreditation_list`](crate::io::apply_accreditation_list) does.
    #[must_use]
    pub fn with_accreditation_list(mut self, file: (&str, impl Read + 'a)) -> Self {
        self.accreditation = Some(file.into());
        self
    }

    /// How every file is read: strict (the default) or lenient, and within which limits. In
    /// lenient mode each skipped row is in [`BuildSummary::skipped`].
    #[must_use]
    pub fn with_read_options(mut self, options: ReadOptions) -> Self {
        self.options = options;
        self
    }

    /// The CIP codes to build, among [`CatalogInputs::SUPPORTED_CIPS`].
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) naming a code that is not supported, or for an empty list.
    pub fn with_cips(mut self, cips: impl IntoIterator<Item = CipCode>) -> Result<Self> {
        let cips: Vec<CipCode> = cips.into_iter().collect::<BTreeSet<_>>().into_iter().collect();
        let supported: Vec<String> = Self::SUPPORTED_CIPS.iter().map(ToString::to_string).collect();
        if cips.is_empty() {
            return Err(Error::invalid_field(
                "cips",
                format!("name at least one of {}", supported.join(", ")),
            ));
        }
        if let Some(cip) = cips.iter().find(|cip| cip_field(**cip).is_none()) {
            return Err(Error::invalid(
                "cips",
                cip,
                format!(
                    "is not a CIP code the national catalogue is built for ({})",
                    supported.join(", ")
                ),
            ));
        }
        self.cips = cips;
        Ok(self)
    }

    /// The CIP codes to build.
    #[must_use]
    pub fn cips(&self) -> &[CipCode] {
        &self.cips
    }
    /// Reads the files and builds the national catalogue: one program per UNITID × CIP code × award level
    /// among the first majors of the Completions records, every reported row kept (a row with 0
    /// awards is a program of size 0).
    ///
    /// Each program's facts, and where they came from ([`Program::sources`]):
    ///
    /// - **institution** (name, city, state, UNITID) from HD; **degree level**
    ///   ([`AwardLevel::degree_level`]), **award level**, **discipline** and a descriptive
    ///   **name** from the award level and CIP code; **program size** from the Completions total;
    /// - **delivery** from IC: online where every program of the institution is offered completely
    ///   at a distance (`DISTNCED` 1), otherwise
    ///   [`DeliveryState::InstitutionOffersDistancePrograms`](crate::program::DeliveryState::InstitutionOffersDistancePrograms) (`DISTPGS` 1) or
    ///   [`DeliveryState::NoDistancePrograms`](crate::program::DeliveryState::NoDistancePrograms) (`DISTPGS` 0), otherwise unknown;
    /// - **cost** estimated ([`Cost::estimated`](crate::program::Cost::estimated)) from `IC_AY`'s annual
    ///   tuition and required fees (undergraduate `TUITION2`+`FEE2` in-state and
    ///   `TUITION3`+`FEE3` out-of-state; graduate levels `TUITION6`+`FEE6` and `TUITION7`+`FEE7`)
    ///   over the award level's typical months, else, for an undergraduate program, from College
    ///   Scorecard's `TUITIONFEE_IN`/`TUITIONFEE_OUT`; otherwise unknown, never 0;
    /// - **length** typical for the award level ([`LengthBasis::TypicalForLevel`](crate::program::LengthBasis::TypicalForLevel));
    ///   **accreditation** not verified unless the accreditation list names the program;
    ///   practice experience, career support and skills unknown; other outcomes not reported;
    /// - College Scorecard field-of-study **earnings and debt**, with the CIP family pooling note.
    ///
    /// A Completions row whose UNITID is not in HD, that repeats an earlier row, or whose
    /// institution the model refuses (an empty city, say) is reported in
    /// [`BuildSummary::problems`].
    ///
    /// # Errors
    /// The first error of a file that cannot be read or (in strict mode) of its first bad row,
    /// located at the file, line and column; a program the model refuses after joining, which
    /// the joins do not cause.
    pub fn build(self) -> Result<BuiltCatalog> {
        let mut summary = BuildSummary::default();
        let mut options = IpedsOptions {
            table: self.options.into(),
            // The CIP families of the codes asked for: rows of other families are passed over
            // unparsed; the codes themselves are checked when joining, whatever their spelling.
            cip_prefixes: self
                .cips
                .iter()
                .map(|cip| cip.to_string().chars().take(2).collect::<String>())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
        };
        let Input { source, reader } = self.completions;
        let completions = read_ipeds_completions(&source, reader, &options)?;
        summary.rows_other_cips = completions.filtered;
        let completions = kept(completions, &mut summary);
        options.cip_prefixes = Vec::new();
        options.table.unitids = Some(completions.iter().map(|row| row.unitid).collect());
        let Input { source, reader } = self.institutions;
        let institutions = kept(read_ipeds_institutions(&source, reader, &options)?, &mut summary);
        let distance = match self.distance {
            Some((Input { source, reader }, year)) => Some((
                kept(read_ipeds_distance(&source, reader, &options)?, &mut summary),
                year,
            )),
            None => None,
        };
        let charges = match self.charges {
            Some((Input { source, reader }, year)) => Some((
                kept(read_ipeds_charges(&source, reader, &options)?, &mut summary),
                year,
            )),
            None => None,
        };
        let mut scorecard_institutions = Vec::new();
        let mut outcome_files = Vec::new();
        for (Input { source, reader }, release, year) in self.scorecard_institutions {
            let rows = kept(
                read_scorecard_institutions(
                    &source,
                    reader,
                    &ScorecardInstitutionOptions::new(options.table.clone()),
                )?,
                &mut summary,
            );
            let figures: Vec<_> = rows
                .iter()
                .filter(|row| row.branch.is_none())
                .map(|row| scorecard_outcomes(row, year))
                .filter(InstitutionOutcomes::has_figures)
                .collect();
            if !figures.is_empty() {
                outcome_files.push((figures, SourceFile::ScorecardInstitution));
            }
            scorecard_institutions.push((rows, release));
        }
        for (Input { source, reader }, year) in self.institution_outcomes {
            let (read, kind) = read_outcomes_of_kind(&source, reader, year, &options)?;
            outcome_files.push((kept(read, &mut summary), kind));
        }
        let field_of_study = match self.field_of_study {
            Some((Input { source, reader }, year)) => {
                let mut scorecard = ScorecardOptions::new(year);
                scorecard.mode = self.options.mode;
                scorecard.limits = self.options.limits;
                Some(kept(
                    read_scorecard_csv(&source, reader, &scorecard)?,
                    &mut summary,
                ))
            }
            None => None,
        };
        let accreditation = match self.accreditation {
            Some(Input { source, reader }) => Some(kept(
                read_accreditation_list(&source, reader, &self.options)?,
                &mut summary,
            )),
            None => None,
        };
        let rows = Rows {
            institutions: &institutions,
            completions: &completions,
            year: self.year,
            distance: distance.as_ref().map(|(rows, year)| (rows.as_slice(), *year)),
            charges: charges.as_ref().map(|(rows, year)| (rows.as_slice(), *year)),
            field_of_study: field_of_study.as_deref(),
            scorecard_institutions: scorecard_institutions
                .iter()
                .map(|(rows, release)| (rows.as_slice(), release.clone()))
                .collect(),
            institution_outcomes: outcome_files
                .iter()
                .map(|(rows, kind)| (rows.as_slice(), *kind))
                .collect(),
            accreditation: accreditation.as_deref(),
            cips: self.cips,
        };
        build_catalog(&rows, summary)
    }
}

/// A read's items; its skipped rows go to the summary.
fn kept<T>(read: ReadOutcome<T>, summary: &mut BuildSummary) -> Vec<T> {
    summary.skipped.extend(read.skipped);
    read.items
}

/// The rows of the files, read.
pub(super) struct Rows<'a> {
    institutions: &'a [IpedsInstitution],
    completions: &'a [IpedsCompletion],
    year: Year,
    distance: Option<(&'a [IpedsDistance], Year)>,
    charges: Option<(&'a [IpedsCharges], Year)>,
    field_of_study: Option<&'a [ScorecardRecord]>,
    scorecard_institutions: Vec<(&'a [ScorecardInstitution], Text)>,
    /// The institution figures of each outcome file (Scorecard files with outcome columns
    /// among them), and its kind.
    institution_outcomes: Vec<(&'a [InstitutionOutcomes], SourceFile)>,
    accreditation: Option<&'a [AccreditationListEntry]>,
    cips: Vec<CipCode>,
}

/// A built catalogue and what building it left unknown or out.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct BuiltCatalog {
    /// The programs, in Completions file order.
    pub catalog: Catalog,
    /// Counts of each unknown, and every row not joined.
    pub summary: BuildSummary,
}

/// Builds the catalogue from the rows of its files; see [`CatalogInputs::build`].
fn build_catalog(inputs: &Rows<'_>, mut summary: BuildSummary) -> Result<BuiltCatalog> {
    let optional = [
        (inputs.distance.is_some(), SourceFile::IpedsIc),
        (inputs.charges.is_some(), SourceFile::IpedsIcAy),
        (inputs.field_of_study.is_some(), SourceFile::ScorecardFieldOfStudy),
        (
            !inputs.scorecard_institutions.is_empty(),
            SourceFile::ScorecardInstitution,
        ),
        (inputs.accreditation.is_some(), SourceFile::AccreditationList),
    ];
    summary.cips.clone_from(&inputs.cips);
    summary.files = [SourceFile::IpedsHd, SourceFile::IpedsCompletions]
        .into_iter()
        .chain(optional.iter().filter(|(given, _)| *given).map(|(_, file)| *file))
        .chain(inputs.institution_outcomes.iter().map(|(_, kind)| *kind))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let directory = index(
        inputs.institutions,
        |row| row.unitid,
        SourceFile::IpedsHd,
        &mut summary,
    );
    let joiner = Joiner::new(inputs, &mut summary)?;
    let mut seen: BTreeSet<(Unitid, CipCode, AwardLevel)> = BTreeSet::new();
    let mut programs = Vec::new();
    for row in inputs.completions {
        let Some((title, discipline)) = cip_field(row.cip).filter(|_| inputs.cips.contains(&row.cip)) else {
            summary.rows_other_cips = summary.rows_other_cips.saturating_add(1);
            continue;
        };
        if row.major != MajorNumber::First {
            summary.rows_second_major = summary.rows_second_major.saturating_add(1);
            continue;
        }
        let problem = |why: String| RowProblem {
            file: SourceFile::IpedsCompletions,
            unitid: row.unitid,
            cip: Some(row.cip),
            award_level: Some(row.award_level),
            why,
        };
        let Some(hd) = directory.get(&row.unitid) else {
            summary
                .problems
                .push(problem(format!("UNITID not in the HD file of {}", inputs.year)));
            continue;
        };
        if !seen.insert((row.unitid, row.cip, row.award_level)) {
            summary.problems.push(problem(
                "a second first-major row for this program; the first is used".to_owned(),
            ));
            continue;
        }
        let institution = match Institution::new(&hd.name, hd.state, &hd.city, Some(row.unitid)) {
            Ok(institution) => match hd.coordinates {
                Some(coordinates) => institution.with_coordinates(coordinates),
                None => institution,
            },
            Err(error) => {
                summary
                    .problems
                    .push(problem(format!("the HD row is refused: {error}")));
                continue;
            }
        };
        if hd.is_active() == Some(false) {
            summary.at_inactive_institutions = summary.at_inactive_institutions.saturating_add(1);
        }
        let spec = joiner.spec(row, &hd.name, institution, (title, discipline), &mut summary)?;
        programs.push(Program::new(spec)?);
    }
    let mut catalog = Catalog::new(programs)?;
    if let Some(records) = inputs.field_of_study {
        catalog = attach_field_of_study(&catalog, records, &mut summary)?;
    }
    if let Some(entries) = inputs.accreditation {
        let matches = apply_entries(&catalog, entries)?;
        summary.accreditation_from_list = matches.matched.len();
        summary.accreditation_by_variant = matches.by_variant;
        summary.accreditation_unapplied = matches.unmatched;
        summary.accreditation_unapplied.extend(matches.ambiguous);
        summary.accreditation_unapplied.sort_by_key(|entry| entry.line);
        catalog = matches.catalog;
    }
    summary.institutions_without_outcomes = outcomes::without_figures(
        &joiner.figures,
        catalog
            .iter()
            .filter_map(|program| program.institution().unitid()),
    );
    summary.count_catalog(&catalog);
    Ok(BuiltCatalog { catalog, summary })
}

/// Rows by UNITID; a UNITID seen twice is reported and its first row kept.
fn index<'r, T: 'r>(
    rows: impl IntoIterator<Item = &'r T>,
    unitid: impl Fn(&T) -> Unitid,
    file: SourceFile,
    summary: &mut BuildSummary,
) -> HashMap<Unitid, &'r T> {
    let mut map = HashMap::new();
    for row in rows {
        let id = unitid(row);
        if let std::collections::hash_map::Entry::Vacant(entry) = map.entry(id) {
            entry.insert(row);
        } else {
            summary.problems.push(RowProblem {
                file,
                unitid: id,
                cip: None,
                award_level: None,
                why: "the UNITID appears twice; the first row is used".to_owned(),
            });
        }
    }
    map
}

/// Attaches Scorecard outcomes to the catalogue's programs (which records their source).
fn attach_field_of_study(
    catalog: &Catalog,
    records: &[ScorecardRecord],
    summary: &mut BuildSummary,
) -> Result<Catalog> {
    let attachment = attach_records(catalog, records)?;
    summary.scorecard_attached = attachment.attached.len();
    summary.scorecard_unmatched = attachment.unmatched.len();
    Ok(attachment.catalog)
}
