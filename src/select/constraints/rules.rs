//! The hard constraints, one [`Rule`] each, in the order their reasons are given.

use super::{Answer, Rule};
use crate::credential::{Credential, Eligibility};
use crate::program::AccreditationState;
use crate::program::{DegreeLevel, DeliveryMode, DeliveryState, LengthBasis, Program};
use crate::select::distance::CampusDistance;
use crate::select::exclusion::ExclusionReason;
use crate::select::facts::Student;
use crate::select::profile::{Constraint, StudentProfile};
use crate::select::values::CostCell;
use crate::value::{Money, SpherePoint, UsState};
use crate::vocabulary::VocabularySet;

/// The delivery modes `delivery` might be (one, where it is known).
fn modes_it_might_be(delivery: &DeliveryState) -> VocabularySet<DeliveryMode> {
    DeliveryMode::all()
        .filter(|mode| delivery.might_be(*mode))
        .collect()
}

/// `degree_levels`: the program's level is one of those wanted.
pub(crate) struct WantedLevel;

impl Rule for WantedLevel {
    type Cell = DegreeLevel;
    /// The levels wanted.
    type Ask = VocabularySet<DegreeLevel>;
    const UNKNOWN: Option<Constraint> = None;

    fn cell(program: &Program) -> DegreeLevel {
        program.degree_level()
    }

    fn ask(profile: &StudentProfile) -> Option<Self::Ask> {
        let levels = &profile.spec().degree_levels;
        (!levels.is_empty()).then(|| levels.iter().copied().collect())
    }

    fn answer(wanted: &Self::Ask, level: DegreeLevel, _: &Student<'_>) -> Answer {
        Answer::pass_if(wanted.contains(level))
    }

    fn reason(_: &Self::Ask, level: DegreeLevel, _: &Program, _: &Student<'_>) -> ExclusionReason {
        ExclusionReason::DegreeLevel { level }
    }

    fn why_unknown(_: &Self::Ask, _: DegreeLevel, _: &Program, _: &Student<'_>) -> String {
        String::new()
    }
}

/// What the delivery-mode rule keeps: the mode where it is known, else the modes it might be.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ModeCell {
    Known(DeliveryMode),
    Unknown { might: VocabularySet<DeliveryMode> },
}

/// `delivery_modes`: the program's delivery is one of those accepted.
pub(crate) struct AcceptedDelivery;

impl Rule for AcceptedDelivery {
    type Cell = ModeCell;
    /// The modes accepted.
    type Ask = VocabularySet<DeliveryMode>;
    const UNKNOWN: Option<Constraint> = Some(Constraint::DeliveryMode);

    fn cell(program: &Program) -> ModeCell {
        match program.delivery() {
            DeliveryState::Known(delivery) => ModeCell::Known(delivery.mode()),
            unknown => ModeCell::Unknown {
                might: modes_it_might_be(unknown),
            },
        }
    }

    fn ask(profile: &StudentProfile) -> Option<Self::Ask> {
        let modes = &profile.spec().delivery_modes;
        (!modes.is_empty()).then(|| modes.iter().copied().collect())
    }

    fn answer(accepted: &Self::Ask, cell: ModeCell, _: &Student<'_>) -> Answer {
        match cell {
            ModeCell::Known(mode) => Answer::pass_if(accepted.contains(mode)),
            ModeCell::Unknown { might } if might.intersects(*accepted) => Answer::Unknown,
            ModeCell::Unknown { .. } => Answer::Fail,
        }
    }

    fn reason(_: &Self::Ask, _: ModeCell, program: &Program, _: &Student<'_>) -> ExclusionReason {
        match program.delivery() {
            DeliveryState::Known(delivery) => ExclusionReason::DeliveryMode {
                mode: delivery.mode(),
            },
            _ => ExclusionReason::NotOnline,
        }
    }

    fn why_unknown(_: &Self::Ask, _: ModeCell, program: &Program, _: &Student<'_>) -> String {
        format!("delivery {}", program.delivery())
    }
}

/// Where a program can be studied from, as the location rule reads it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Place {
    /// Online, from any state but these.
    Online { blocked: VocabularySet<UsState> },
    /// On campus or hybrid: at the campus.
    Campus,
    /// Delivery unknown; whether it might be online.
    Unknown { might_be_online: bool },
}

/// What the location rule keeps: the campus's state and point, and where the program can be
/// studied from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlaceCell {
    campus: UsState,
    point: Option<SpherePoint>,
    place: Place,
}

/// What a profile asks of the location rule.
pub(crate) struct Reach {
    /// The states whose campuses are within reach whatever the distance: the home state and
    /// the relocation states, or only the relocation states under a distance limit.
    states: VocabularySet<UsState>,
    /// The distance limit in miles and its chord squared (see [`SpherePoint`]), with a home
    /// ZIP code.
    limit: Option<(f64, f64)>,
    /// Whether the student accepts online study: a student who does not will study at the
    /// campus of a program whose delivery is unknown, or not at all.
    online_accepted: bool,
}

impl Reach {
    /// Whether a campus is within reach: yes, no, or unknown (a distance limit and a campus
    /// whose coordinates are unknown).
    fn campus(&self, cell: PlaceCell, student: &Student<'_>) -> Answer {
        if self.states.contains(cell.campus) {
            return Answer::Pass;
        }
        match (self.limit, student.zip, cell.point) {
            (Some((_, within)), Some((_, home)), Some(point)) => {
                Answer::pass_if(home.chord_squared(point) <= within)
            }
            (Some(_), Some(_), None) => Answer::Unknown,
            _ => Answer::Fail,
        }
    }
}

/// Where the student can study from: an online program that enrols students from the home
/// state, or a campus within reach. Without a distance limit a campus is within reach in the
/// home state or a relocation state; with a home ZIP code and a distance limit, within the
/// limit (across a state line or not) or in a relocation state. An online program can be
/// studied from home wherever its campus is; a program whose delivery is unknown is judged by
/// its campus when that is within reach or the student does not accept online study.
pub(crate) struct WithinReach;

impl Rule for WithinReach {
    type Cell = PlaceCell;
    type Ask = Reach;
    const UNKNOWN: Option<Constraint> = Some(Constraint::Location);

    fn cell(program: &Program) -> PlaceCell {
        let place = match program.delivery() {
            DeliveryState::Known(delivery) if delivery.mode() == DeliveryMode::Online => Place::Online {
                blocked: delivery.unavailable_states().collect(),
            },
            DeliveryState::Known(_) => Place::Campus,
            unknown => Place::Unknown {
                might_be_online: unknown.might_be(DeliveryMode::Online),
            },
        };
        PlaceCell {
            campus: program.institution().state(),
            point: program.institution().coordinates().map(SpherePoint::new),
            place,
        }
    }

    fn ask(profile: &StudentProfile) -> Option<Self::Ask> {
        let spec = profile.spec();
        let limit = spec
            .max_distance_miles
            .filter(|_| profile.home_zip().is_some())
            .map(|miles| (miles, SpherePoint::chord_squared_within(miles)));
        let relocation: VocabularySet<UsState> = spec.relocation_states.iter().copied().collect();
        Some(Reach {
            states: if limit.is_some() {
                relocation
            } else {
                relocation.with(profile.home_state())
            },
            limit,
            online_accepted: spec.delivery_modes.is_empty()
                || spec.delivery_modes.contains(&DeliveryMode::Online),
        })
    }

    fn answer(reach: &Self::Ask, cell: PlaceCell, student: &Student<'_>) -> Answer {
        match cell.place {
            Place::Online { blocked } => Answer::pass_if(!blocked.contains(student.home)),
            Place::Campus => reach.campus(cell, student),
            Place::Unknown { might_be_online } => match reach.campus(cell, student) {
                Answer::Pass => Answer::Pass,
                _ if might_be_online && reach.online_accepted => Answer::Unknown,
                campus => campus,
            },
        }
    }

    fn reason(
        reach: &Self::Ask,
        cell: PlaceCell,
        program: &Program,
        student: &Student<'_>,
    ) -> ExclusionReason {
        let state = program.institution().state();
        match (cell.place, reach.limit, student.zip, cell.point) {
            (Place::Online { .. }, ..) => ExclusionReason::CannotEnrolFromState { state: student.home },
            (_, Some((limit, _)), Some((zip, home)), Some(point)) => {
                let distance = CampusDistance::new(SpherePoint::miles(home.chord_squared(point)), zip);
                ExclusionReason::CampusTooFar {
                    miles: distance.miles(),
                    from: zip,
                    limit,
                    state,
                }
            }
            _ => ExclusionReason::CampusOutOfReach { state },
        }
    }

    fn why_unknown(reach: &Self::Ask, cell: PlaceCell, program: &Program, student: &Student<'_>) -> String {
        let state = program.institution().state();
        let zip = student.zip.map(|(zip, _)| zip);
        let might_be_online = matches!(
            cell.place,
            Place::Unknown {
                might_be_online: true
            }
        ) && reach.online_accepted;
        match (
            might_be_online,
            zip.filter(|_| reach.limit.is_some() && cell.point.is_none()),
        ) {
            (true, Some(zip)) => format!(
                "the campus in {state} has no known coordinates to measure from {zip}, and whether the \
                 program can be studied online from {} is unknown",
                student.home
            ),
            (_, Some(zip)) => format!(
                "the campus in {state} has no known coordinates, so whether it is within reach of {zip} is unknown"
            ),
            (_, None) => format!(
                "the campus is in {state}, and whether the program can be studied online from {} is unknown",
                student.home
            ),
        }
    }
}

/// `require_accreditation`: accreditation that counts for credentials.
pub(crate) struct Accredited;

impl Rule for Accredited {
    /// The answer, which depends on the program alone.
    type Cell = Answer;
    type Ask = ();
    const UNKNOWN: Option<Constraint> = Some(Constraint::Accreditation);

    fn cell(program: &Program) -> Answer {
        match program.accreditation() {
            AccreditationState::Known(accreditation) if accreditation.counts_for_credential_eligibility() => {
                Answer::Pass
            }
            AccreditationState::NotVerified => Answer::Unknown,
            _ => Answer::Fail,
        }
    }

    fn ask(profile: &StudentProfile) -> Option<()> {
        profile.spec().require_accreditation.then_some(())
    }

    fn answer((): &(), answer: Answer, _: &Student<'_>) -> Answer {
        answer
    }

    fn reason((): &(), _: Answer, program: &Program, _: &Student<'_>) -> ExclusionReason {
        ExclusionReason::NotAccredited {
            detail: match program.accreditation() {
                AccreditationState::Known(accreditation) => match accreditation.source() {
                    Some(source) => format!(
                        "{} {} (from {source})",
                        accreditation.accreditor(),
                        accreditation.status()
                    ),
                    None => format!("{} {}", accreditation.accreditor(), accreditation.status()),
                },
                _ => "no programmatic accreditation".to_owned(),
            },
        }
    }

    fn why_unknown((): &(), _: Answer, _: &Program, _: &Student<'_>) -> String {
        "accreditation not verified: check the CAHIIM program directory".to_owned()
    }
}

/// What the credential rule keeps: the credentials whose exam graduates are eligible for, and
/// those for which that is unknown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EligibilityCell {
    eligible: VocabularySet<Credential>,
    unknown: VocabularySet<Credential>,
}

/// `target_credential`: graduates are eligible for the credential's exam.
pub(crate) struct EligibleForCredential;

impl Rule for EligibleForCredential {
    type Cell = EligibilityCell;
    type Ask = Credential;
    const UNKNOWN: Option<Constraint> = Some(Constraint::Credential);

    fn cell(program: &Program) -> EligibilityCell {
        Credential::all().fold(
            EligibilityCell {
                eligible: VocabularySet::new(),
                unknown: VocabularySet::new(),
            },
            |cell, credential| match program.eligibility(credential) {
                Eligibility::Eligible { .. } | Eligibility::NoProgramRequired => EligibilityCell {
                    eligible: cell.eligible.with(credential),
                    ..cell
                },
                Eligibility::Unknown { .. } => EligibilityCell {
                    unknown: cell.unknown.with(credential),
                    ..cell
                },
                _ => cell,
            },
        )
    }

    fn ask(profile: &StudentProfile) -> Option<Credential> {
        profile.spec().target_credential
    }

    fn answer(credential: &Credential, cell: EligibilityCell, _: &Student<'_>) -> Answer {
        if cell.eligible.contains(*credential) {
            Answer::Pass
        } else if cell.unknown.contains(*credential) {
            Answer::Unknown
        } else {
            Answer::Fail
        }
    }

    fn reason(
        credential: &Credential,
        _: EligibilityCell,
        program: &Program,
        _: &Student<'_>,
    ) -> ExclusionReason {
        let reasons = match program.eligibility(*credential) {
            Eligibility::NotEligible { reasons } => reasons.iter().map(ToString::to_string).collect(),
            _ => vec!["himkit has no confirmed eligibility rule for this credential".to_owned()],
        };
        ExclusionReason::NotEligibleForCredential {
            credential: *credential,
            reasons,
        }
    }

    fn why_unknown(
        credential: &Credential,
        _: EligibilityCell,
        program: &Program,
        _: &Student<'_>,
    ) -> String {
        let abbreviation = credential.abbreviation();
        match program.eligibility(*credential) {
            Eligibility::Unknown { reason } => format!("eligibility for {abbreviation} unknown: {reason}"),
            _ => format!("eligibility for {abbreviation} unknown"),
        }
    }
}

/// `max_total_cost`: the total the student would pay is within the limit.
pub(crate) struct CostLimit;

impl Rule for CostLimit {
    type Cell = CostCell;
    /// The limit.
    type Ask = Money;
    const UNKNOWN: Option<Constraint> = Some(Constraint::TotalCost);

    fn cell(program: &Program) -> CostCell {
        CostCell::of(program)
    }

    fn ask(profile: &StudentProfile) -> Option<Money> {
        profile.spec().max_total_cost
    }

    fn answer(limit: &Money, cost: CostCell, student: &Student<'_>) -> Answer {
        match cost.total(student.home) {
            Some(total) => Answer::pass_if(total <= *limit),
            None => Answer::Unknown,
        }
    }

    fn reason(limit: &Money, cost: CostCell, _: &Program, student: &Student<'_>) -> ExclusionReason {
        ExclusionReason::TooExpensive {
            total: cost.total(student.home).unwrap_or(Money::ZERO),
            residency: cost.residency(student.home),
            estimate: cost.estimate,
            limit: *limit,
        }
    }

    fn why_unknown(_: &Money, _: CostCell, _: &Program, _: &Student<'_>) -> String {
        "cost unknown".to_owned()
    }
}

/// What the length rule keeps: the length in months, and whether it is the program's own
/// (not the level's typical length).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LengthCell {
    months: u16,
    published: bool,
}

/// `max_length_months`: the program is no longer than the limit.
pub(crate) struct LengthLimit;

impl Rule for LengthLimit {
    type Cell = LengthCell;
    /// The limit.
    type Ask = u16;
    const UNKNOWN: Option<Constraint> = Some(Constraint::Length);

    fn cell(program: &Program) -> LengthCell {
        LengthCell {
            months: program.length_months(),
            published: program.length_basis() == LengthBasis::Program,
        }
    }

    fn ask(profile: &StudentProfile) -> Option<u16> {
        profile.spec().max_length_months
    }

    fn answer(limit: &u16, length: LengthCell, _: &Student<'_>) -> Answer {
        if length.published {
            Answer::pass_if(length.months <= *limit)
        } else {
            Answer::Unknown
        }
    }

    fn reason(limit: &u16, length: LengthCell, _: &Program, _: &Student<'_>) -> ExclusionReason {
        ExclusionReason::TooLong {
            months: length.months,
            limit: *limit,
        }
    }

    fn why_unknown(_: &u16, length: LengthCell, _: &Program, _: &Student<'_>) -> String {
        format!(
            "length not published; {} months is typical for the level",
            length.months
        )
    }
}

/// `require_practice_experience`: a professional practice experience is included.
pub(crate) struct PracticeRequired;

impl Rule for PracticeRequired {
    type Cell = Option<bool>;
    type Ask = ();
    const UNKNOWN: Option<Constraint> = Some(Constraint::PracticeExperience);

    fn cell(program: &Program) -> Option<bool> {
        program.professional_practice_experience()
    }

    fn ask(profile: &StudentProfile) -> Option<()> {
        profile.spec().require_practice_experience.then_some(())
    }

    fn answer((): &(), included: Option<bool>, _: &Student<'_>) -> Answer {
        match included {
            Some(included) => Answer::pass_if(included),
            None => Answer::Unknown,
        }
    }

    fn reason((): &(), _: Option<bool>, _: &Program, _: &Student<'_>) -> ExclusionReason {
        ExclusionReason::NoPracticeExperience
    }

    fn why_unknown((): &(), _: Option<bool>, _: &Program, _: &Student<'_>) -> String {
        "whether a professional practice experience is included is unknown".to_owned()
    }
}
