//! The fields of a program that its constructors can refuse, each path spelt once.

use crate::error::Error;

/// A field of a program that one of its constructors ([`Program::new`](super::Program::new),
/// [`Cost::per_credit`](super::Cost::per_credit), [`Outcomes::check`](super::Outcomes::check)
/// …) can refuse. Their errors name the field by [`ProgramField::path`], and a reader turns an
/// error's field back into this with [`ProgramField::of`], so that it can say which of its own
/// cells held the refused value by a `match` the compiler checks is complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub(crate) enum ProgramField {
    Name,
    AwardLevel,
    LengthMonths,
    InstitutionName,
    InstitutionCity,
    InstitutionLatitude,
    InstitutionLongitude,
    Accreditor,
    AccreditationNextReviewYear,
    AccreditationSourceList,
    AccreditationSourceLine,
    DistanceShare,
    Credits,
    InState,
    OutOfState,
    AnnualInState,
    AnnualOutOfState,
    CostMonths,
    CostSource,
    CostAcademicYear,
    GraduationRate,
    GraduationRateScope,
    EmploymentRate,
    EmploymentRateScope,
    ExamPassRate,
    ExamPassRateScope,
    MedianDebt,
    MedianDebtScope,
    MedianEarnings,
    MedianEarningsScope,
    ProgramSize,
    ProgramSizeScope,
    InstitutionCompletionRate,
    InstitutionCompletionRateScope,
    InstitutionGraduationRate,
    InstitutionGraduationRateScope,
    InstitutionMedianEarnings,
    InstitutionMedianEarningsScope,
}

impl ProgramField {
    /// The field's path in a program's JSON form, as errors name it.
    pub(crate) fn path(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::AwardLevel => "award_level",
            Self::LengthMonths => "length_months",
            Self::InstitutionName => "institution.name",
            Self::InstitutionCity => "institution.city",
            Self::InstitutionLatitude => "institution.latitude",
            Self::InstitutionLongitude => "institution.longitude",
            Self::Accreditor => "accreditation.accreditor",
            Self::AccreditationNextReviewYear => "accreditation.next_review_year",
            Self::AccreditationSourceList => "accreditation.source.list",
            Self::AccreditationSourceLine => "accreditation.source.line",
            Self::DistanceShare => "delivery.distance_share",
            Self::Credits => "cost.credits",
            Self::InState => "cost.in_state",
            Self::OutOfState => "cost.out_of_state",
            Self::AnnualInState => "cost.annual_in_state",
            Self::AnnualOutOfState => "cost.annual_out_of_state",
            Self::CostMonths => "cost.months",
            Self::CostSource => "cost.source",
            Self::CostAcademicYear => "cost.academic_year",
            Self::GraduationRate => "outcomes.graduation_rate",
            Self::GraduationRateScope => "outcomes.graduation_rate.scope",
            Self::EmploymentRate => "outcomes.employment_rate",
            Self::EmploymentRateScope => "outcomes.employment_rate.scope",
            Self::ExamPassRate => "outcomes.exam_pass_rate",
            Self::ExamPassRateScope => "outcomes.exam_pass_rate.scope",
            Self::MedianDebt => "outcomes.median_debt",
            Self::MedianDebtScope => "outcomes.median_debt.scope",
            Self::MedianEarnings => "outcomes.median_earnings",
            Self::MedianEarningsScope => "outcomes.median_earnings.scope",
            Self::ProgramSize => "outcomes.program_size",
            Self::ProgramSizeScope => "outcomes.program_size.scope",
            Self::InstitutionCompletionRate => "outcomes.institution_completion_rate",
            Self::InstitutionCompletionRateScope => "outcomes.institution_completion_rate.scope",
            Self::InstitutionGraduationRate => "outcomes.institution_graduation_rate",
            Self::InstitutionGraduationRateScope => "outcomes.institution_graduation_rate.scope",
            Self::InstitutionMedianEarnings => "outcomes.institution_median_earnings",
            Self::InstitutionMedianEarningsScope => "outcomes.institution_median_earnings.scope",
        }
    }

    /// The field `error` names, if it is a program's.
    pub(crate) fn of(error: &Error) -> Option<Self> {
        let field = error.field()?;
        <Self as strum::IntoEnumIterator>::iter().find(|candidate| candidate.path() == field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_path_is_its_own() {
        for field in ProgramField::iter() {
            let error = Error::invalid(field.path(), 1, "is refused");
            assert_eq!(ProgramField::of(&error), Some(field));
        }
    }
}
