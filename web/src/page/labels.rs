//! Words for people: the page's labels for the library's vocabularies.

use himkit::select::{Criterion, MissingPolicy};
use himkit::{DegreeLevel, DeliveryMode, Skill};

/// A degree level's label.
#[must_use]
pub(super) fn level(level: DegreeLevel) -> &'static str {
    match level {
        DegreeLevel::Certificate => "Certificate",
        DegreeLevel::Associate => "Associate",
        DegreeLevel::Baccalaureate => "Bachelor's",
        DegreeLevel::PostBaccalaureateCertificate => "Post-baccalaureate certificate",
        DegreeLevel::Masters => "Master's",
        DegreeLevel::Doctorate => "Doctorate",
    }
}

/// A delivery mode's label.
#[must_use]
pub(super) fn delivery(mode: DeliveryMode) -> &'static str {
    match mode {
        DeliveryMode::OnCampus => "On campus",
        DeliveryMode::Hybrid => "Hybrid",
        DeliveryMode::Online => "Online",
    }
}

/// A criterion's label.
#[must_use]
pub(super) fn criterion(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::TotalCost => "Total cost",
        Criterion::Length => "Length",
        Criterion::GraduationRate => "Graduation rate",
        Criterion::EmploymentRate => "Employment rate",
        Criterion::ExamPassRate => "Exam pass rate",
        Criterion::PracticeExperience => "Practice experience",
        Criterion::CareerSupport => "Career support",
        Criterion::SkillCoverage => "Skill coverage",
        Criterion::DeliveryPreference => "Delivery preference",
        Criterion::ExpectedEarnings => "Expected earnings",
        Criterion::InstitutionEarnings => "Institution earnings",
        Criterion::Distance => "Distance from home",
    }
}

/// A skill's label.
#[must_use]
pub(super) fn skill(skill: Skill) -> &'static str {
    match skill {
        Skill::MedicalTerminology => "Medical terminology",
        Skill::AnatomyAndPhysiology => "Anatomy and physiology",
        Skill::CodingAndClassification => "Coding and classification",
        Skill::EhrAndHealthIt => "EHR and health IT",
        Skill::DataAnalytics => "Data analytics",
        Skill::HealthInformationExchange => "Health information exchange",
        Skill::PrivacySecurityAndCompliance => "Privacy, security and compliance",
        Skill::RevenueCycle => "Revenue cycle",
        Skill::LeadershipAndManagement => "Leadership and management",
        Skill::InformationGovernance => "Information governance",
        Skill::HealthLaw => "Health law",
        Skill::ClinicalDocumentationIntegrity => "Clinical documentation integrity",
    }
}

/// What a missing-data policy did with a criterion, in words.
#[must_use]
pub(super) fn treatment(policy: MissingPolicy) -> &'static str {
    match policy {
        MissingPolicy::Reweight => "left out; the other weights scaled up",
        MissingPolicy::ScoreAsWorst => "scored as the worst value",
        MissingPolicy::ExcludeProgram => "the program is excluded",
    }
}
