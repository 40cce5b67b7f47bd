//! What the federal files say about one program: its delivery (IPEDS IC), its estimated cost
//! (IPEDS `IC_AY`, else College Scorecard), its name and field (the CIP code).

use crate::io::ipeds::{IpedsCharges, IpedsDistance, IpedsValue};
use crate::program::AwardLevel;
use crate::program::{Delivery, DeliveryState, Discipline};
use crate::value::{CipCode, Money};

/// The CIP codes the national catalogue can be built for, with the field names programs are
/// named by and their fields.
pub(super) const HIM_CIPS: &[(CipCode, &str, Discipline)] = &[
    (
        CipCode::HIM_ADMINISTRATION,
        "Health information management",
        Discipline::HealthInformationManagement,
    ),
    (
        CipCode::HIM_TECHNOLOGY,
        "Health information technology",
        Discipline::HealthInformationTechnology,
    ),
    (
        CipCode::MEDICAL_CODING,
        "Medical coding",
        Discipline::MedicalCoding,
    ),
    (
        CipCode::MEDICAL_INFORMATICS,
        "Medical informatics",
        Discipline::HealthInformatics,
    ),
];

/// The title and field of `cip`, if it is one of [`HIM_CIPS`].
pub(super) fn cip_field(cip: CipCode) -> Option<(&'static str, Discipline)> {
    HIM_CIPS
        .iter()
        .find(|(code, _, _)| *code == cip)
        .map(|(_, title, discipline)| (*title, *discipline))
}

/// Whether an award level is graduate (post-baccalaureate certificates, master's, post-master's
/// certificates, doctorates), so that graduate charges apply.
pub(super) fn is_graduate(award: AwardLevel) -> bool {
    matches!(
        award,
        AwardLevel::PostbaccalaureateCertificate
            | AwardLevel::Masters
            | AwardLevel::PostMastersCertificate
            | AwardLevel::DoctorsResearchScholarship
            | AwardLevel::DoctorsProfessionalPractice
            | AwardLevel::DoctorsOther
    )
}

/// The delivery IPEDS IC implies for every program of an institution: online where every
/// program is offered completely at a distance (`DISTNCED` 1); otherwise whether the
/// institution offers distance programs at all (`DISTPGS`), which says nothing certain about
/// one program; unknown where IC does not say.
pub(super) fn delivery(row: Option<&IpedsDistance>) -> DeliveryState {
    let Some(row) = row else {
        return DeliveryState::Unknown;
    };
    if row.all_programs_distance == IpedsValue::Value(true) {
        return DeliveryState::Known(Delivery::online([]));
    }
    match row.distance_programs {
        IpedsValue::Value(true) => DeliveryState::InstitutionOffersDistancePrograms,
        IpedsValue::Value(false) => DeliveryState::NoDistancePrograms,
        _ => DeliveryState::Unknown,
    }
}

/// Why a program's cost is unknown, or where its estimate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CostBasis {
    /// Estimated from IPEDS `IC_AY`.
    IcAy,
    /// Estimated from College Scorecard's institution file.
    Scorecard,
    /// Unknown: the `IC_AY` file has no row for the institution (an institution that charges
    /// by program, such as a clock-hour school, or one outside the file).
    NoChargesRow,
    /// Unknown: the institution's row does not give both charges that apply.
    ChargeMissing,
    /// Unknown: no `IC_AY` file was given.
    NoFile,
}

/// The annual in-state and out-of-state tuition and required fees that apply to a program of
/// `award` in `row`: undergraduate (`TUITION2`+`FEE2`, `TUITION3`+`FEE3`) or graduate
/// (`TUITION6`+`FEE6`, `TUITION7`+`FEE7`). `None` unless both are values.
pub(super) fn annual_charges(row: &IpedsCharges, award: AwardLevel) -> Option<(Money, Money)> {
    let (in_state, out_of_state) = if is_graduate(award) {
        (&row.graduate_in_state, &row.graduate_out_of_state)
    } else {
        (&row.in_state, &row.out_of_state)
    };
    match (in_state.total(), out_of_state.total()) {
        (IpedsValue::Value(in_state), IpedsValue::Value(out_of_state)) => Some((in_state, out_of_state)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::national::CatalogInputs;

    /// `CatalogInputs::with_cips` accepts what this list names and cites the public list in its
    /// refusal: the two must be the same codes.
    #[test]
    fn the_supported_cip_codes_are_the_ones_with_a_field() {
        let with_field: Vec<CipCode> = HIM_CIPS.iter().map(|(code, _, _)| *code).collect();
        assert_eq!(with_field, CatalogInputs::SUPPORTED_CIPS);
    }
}
