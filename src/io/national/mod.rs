//! The national HIM catalogue: one program per institution, six-digit CIP code and IPEDS award
//! level among the first majors of an IPEDS Completions file, joined with the institution's
//! directory entry (HD), distance-education flags (IC), charges (`IC_AY`), College Scorecard
//! figures and an accreditation list, each optional but HD. What the files do not say stays
//! unknown, and is counted in the [`BuildSummary`].

mod facts;
mod ids;
mod join;
mod summary;

pub use ids::national_program_id;
pub use summary::{BuildSummary, RowProblem};

use std::collections::{BTreeSet, HashMap};

use self::facts::cip_field;
use self::join::Joiner;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::io::{
    AccreditationListEntry, IpedsCharges, IpedsCompletion, IpedsDistance, IpedsInstitution, MajorNumber,
    ScorecardInstitution, ScorecardRecord, apply_accreditation_list, attach_scorecard,
};
use crate::program::AccreditationState;
use crate::program::AwardLevel;
use crate::program::{Institution, Program, SourceFile};
use crate::value::{CipCode, Text, Unitid, Year};

/// The files a national catalogue is built from: IPEDS HD and Completions of one year
/// (required), and optionally IPEDS IC and `IC_AY` (of their own year), College Scorecard's
/// field-of-study and institution files, and an accreditation list; and the CIP codes to build.
///
/// ```
/// use himkit::io::{CatalogInputs, IpedsOptions, build_catalog, read_ipeds_completions, read_ipeds_institutions};
/// use himkit::Year;
///
/// let hd = "UNITID,INSTNM,CITY,STABBR,CONTROL\n100724,Alabama State University,Montgomery,AL,1\n";
/// let ca = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\n100724,51.0706,1,5,13\n100724,51.0706,2,5,1\n";
/// let options = IpedsOptions::new();
/// let institutions = read_ipeds_institutions("hd2024.csv", hd.as_bytes(), &options)?.items;
/// let completions = read_ipeds_completions("c2024_a.csv", ca.as_bytes(), &options)?.items;
/// let built = build_catalog(&CatalogInputs::new(&institutions, &completions, Year::new(2024)?))?;
/// let program = built.catalog.get("alabama-state-university-100724-510706-aw5").expect("built");
/// assert_eq!(program.outcomes().program_size.value(), Some(&13));
/// assert_eq!(built.summary.rows_second_major, 1);
/// assert_eq!(built.summary.cost_unknown_no_row, 1); // no IC_AY file: cost unknown, never 0
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct CatalogInputs<'a> {
    institutions: &'a [IpedsInstitution],
    completions: &'a [IpedsCompletion],
    year: Year,
    distance: Option<(&'a [IpedsDistance], Year)>,
    charges: Option<(&'a [IpedsCharges], Year)>,
    field_of_study: Option<&'a [ScorecardRecord]>,
    scorecard_institutions: Option<(&'a [ScorecardInstitution], Text)>,
    accreditation: Option<&'a [AccreditationListEntry]>,
    cips: Vec<CipCode>,
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

    /// IPEDS HD and Completions records of the collection year `year` (use the HD file of the
    /// Completions file's year).
    #[must_use]
    pub fn new(institutions: &'a [IpedsInstitution], completions: &'a [IpedsCompletion], year: Year) -> Self {
        Self {
            institutions,
            completions,
            year,
            distance: None,
            charges: None,
            field_of_study: None,
            scorecard_institutions: None,
            accreditation: None,
            cips: Self::DEFAULT_CIPS.to_vec(),
        }
    }

    /// IPEDS IC distance-education records of collection year `year`.
    #[must_use]
    pub fn with_distance(mut self, records: &'a [IpedsDistance], year: Year) -> Self {
        self.distance = Some((records, year));
        self
    }

    /// IPEDS `IC_AY` charges of collection year `year` (`IC2022_AY`: 2022, academic year
    /// 2022-23).
    #[must_use]
    pub fn with_charges(mut self, records: &'a [IpedsCharges], year: Year) -> Self {
        self.charges = Some((records, year));
        self
    }

    /// College Scorecard field-of-study records, attached as [`attach_scorecard`] does.
    #[must_use]
    pub fn with_field_of_study(mut self, records: &'a [ScorecardRecord]) -> Self {
        self.field_of_study = Some(records);
        self
    }

    /// College Scorecard institution records of release `release` (`2021-22`): their
    /// undergraduate tuition and fees estimate the cost of undergraduate programs that `IC_AY`
    /// gives none for. Rows of branch campuses (read with
    /// [`IpedsOptions::scorecard_branch_campuses`](crate::io::IpedsOptions::scorecard_branch_campuses))
    /// are not used: their charges are not the parent institution's.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if `release` is empty.
    pub fn with_scorecard_institutions(
        mut self,
        records: &'a [ScorecardInstitution],
        release: &str,
    ) -> Result<Self> {
        let release = Text::new(release).map_err(|error| error.in_field("release"))?;
        self.scorecard_institutions = Some((records, release));
        Ok(self)
    }

    /// An accreditation list, applied as [`apply_accreditation_list`] does.
    #[must_use]
    pub fn with_accreditation_list(mut self, entries: &'a [AccreditationListEntry]) -> Self {
        self.accreditation = Some(entries);
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
            return Err(Error::invalid(
                "cips",
                "nothing",
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
}

/// A built catalogue and what building it left unknown or out.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BuiltCatalog {
    /// The programs, in Completions file order.
    pub catalog: Catalog,
    /// Counts of each unknown, and every row not joined.
    pub summary: BuildSummary,
}

/// Builds the national catalogue from `inputs`: one program per UNITID × CIP code × award level
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
/// Only for a program the model refuses after joining, which the joins do not cause.
pub fn build_catalog(inputs: &CatalogInputs<'_>) -> Result<BuiltCatalog> {
    let optional = [
        (inputs.distance.is_some(), SourceFile::IpedsIc),
        (inputs.charges.is_some(), SourceFile::IpedsIcAy),
        (inputs.field_of_study.is_some(), SourceFile::ScorecardFieldOfStudy),
        (
            inputs.scorecard_institutions.is_some(),
            SourceFile::ScorecardInstitution,
        ),
        (inputs.accreditation.is_some(), SourceFile::AccreditationList),
    ];
    let mut summary = BuildSummary {
        cips: inputs.cips.clone(),
        files: [SourceFile::IpedsHd, SourceFile::IpedsCompletions]
            .into_iter()
            .chain(optional.iter().filter(|(given, _)| *given).map(|(_, file)| *file))
            .collect(),
        ..BuildSummary::default()
    };
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
            Ok(institution) => institution,
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
        let matches = apply_accreditation_list(&catalog, entries)?;
        summary.accreditation_from_list = matches.matched.len();
        summary.accreditation_unapplied = matches.unmatched;
        summary.accreditation_unapplied.extend(matches.ambiguous);
        summary.accreditation_unapplied.sort_by_key(|entry| entry.line);
        catalog = matches.catalog;
    }
    count_catalog(&catalog, &mut summary);
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
    let attachment = attach_scorecard(catalog, records)?;
    summary.scorecard_attached = attachment.attached.len();
    summary.scorecard_unmatched = attachment.unmatched.len();
    Ok(attachment.catalog)
}

/// Counts institutions, levels and accreditation states of the finished catalogue.
fn count_catalog(catalog: &Catalog, summary: &mut BuildSummary) {
    let mut institutions = BTreeSet::new();
    for program in catalog {
        institutions.insert(program.institution().unitid());
        if let Some(award) = program.award_level() {
            let count = summary.by_award_level.entry(award).or_default();
            *count = count.saturating_add(1);
        }
        let count = summary.by_degree_level.entry(program.degree_level()).or_default();
        *count = count.saturating_add(1);
        if *program.accreditation() == AccreditationState::NotVerified {
            summary.accreditation_not_verified = summary.accreditation_not_verified.saturating_add(1);
        }
    }
    summary.programs = catalog.len();
    summary.institutions = institutions.len();
}
