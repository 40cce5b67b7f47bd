//! Skills a curriculum covers, and a compact set of them: a program's curriculum is described
//! by the skills it teaches, and a profile asks for skills in the same terms.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::vocabulary::{VocabularySet, vocabulary};

vocabulary! {
    /// A skill area of HIM curricula.
    ///
    /// The areas follow the AHIMA curriculum competency domains CAHIIM's standards use (data
    /// structure and information governance; information protection; informatics and analytics;
    /// revenue cycle; health law and compliance; management and leadership) together with the
    /// foundations every HIT and HIM program teaches.
    pub enum Skill("skill") {
        /// Medical terminology.
        MedicalTerminology,
        /// Anatomy, physiology and pathophysiology.
        AnatomyAndPhysiology,
        /// Clinical classification and coding (ICD-10-CM/PCS, CPT, HCPCS).
        CodingAndClassification,
        /// Electronic health records and health IT systems.
        EhrAndHealthIt,
        /// Data analytics, statistics and reporting.
        DataAnalytics,
        /// Health information exchange and interoperability standards.
        HealthInformationExchange,
        /// Privacy, security and compliance (HIPAA).
        PrivacySecurityAndCompliance,
        /// Revenue cycle management and reimbursement.
        RevenueCycle,
        /// Leadership and management.
        LeadershipAndManagement,
        /// Data structure, content and information governance.
        InformationGovernance,
        /// Health law and ethics.
        HealthLaw,
        /// Clinical documentation integrity.
        ClinicalDocumentationIntegrity,
    }
}

/// A set of [`Skill`]s, stored as a bit set: copying and comparing it is free.
///
/// In JSON it is an array of skill names, written in declaration order; duplicates in input are
/// harmless.
///
/// ```
/// use himkit::{Skill, SkillSet};
///
/// let covered: SkillSet = [Skill::CodingAndClassification, Skill::RevenueCycle].into_iter().collect();
/// let wanted: SkillSet = [Skill::CodingAndClassification, Skill::DataAnalytics].into_iter().collect();
/// assert_eq!(covered.intersection(wanted).len(), 1);
/// assert!(covered.contains(Skill::RevenueCycle));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SkillSet(VocabularySet<Skill>);

impl SkillSet {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        Self(VocabularySet::new())
    }

    /// Every skill.
    #[must_use]
    pub fn all() -> Self {
        Self(VocabularySet::all())
    }

    /// Adds a skill; returns whether it was new.
    pub fn insert(&mut self, skill: Skill) -> bool {
        self.0.insert(skill)
    }

    /// Removes a skill; returns whether it was there.
    pub fn remove(&mut self, skill: Skill) -> bool {
        self.0.remove(skill)
    }

    /// Whether the set holds `skill`.
    #[must_use]
    pub fn contains(self, skill: Skill) -> bool {
        self.0.contains(skill)
    }

    /// The skills in both sets.
    #[must_use]
    pub fn intersection(self, other: SkillSet) -> SkillSet {
        Self(self.0.intersection(other.0))
    }

    /// The skills in either set.
    #[must_use]
    pub fn union(self, other: SkillSet) -> SkillSet {
        Self(self.0.union(other.0))
    }

    /// The skills of `self` that `other` lacks.
    #[must_use]
    pub fn difference(self, other: SkillSet) -> SkillSet {
        Self(self.0.difference(other.0))
    }

    /// How many skills the set holds.
    #[must_use]
    pub fn len(self) -> usize {
        self.0.len()
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// The skills, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = Skill> {
        self.0.iter()
    }
}

impl FromIterator<Skill> for SkillSet {
    fn from_iter<I: IntoIterator<Item = Skill>>(skills: I) -> Self {
        Self(skills.into_iter().collect())
    }
}

impl Extend<Skill> for SkillSet {
    fn extend<I: IntoIterator<Item = Skill>>(&mut self, skills: I) {
        self.0.extend(skills);
    }
}

impl fmt::Display for SkillSet {
    /// The names joined by `, `; `none` for the empty set.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        let names: Vec<&str> = self.iter().map(Skill::as_str).collect();
        f.write_str(&names.join(", "))
    }
}

impl Serialize for SkillSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for SkillSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let skills = Vec::<Skill>::deserialize(deserializer)?;
        Ok(skills.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations_behave_like_sets() {
        let mut set = SkillSet::new();
        assert!(set.insert(Skill::HealthLaw));
        assert!(!set.insert(Skill::HealthLaw));
        assert_eq!(set.len(), 1);
        assert!(set.remove(Skill::HealthLaw));
        assert!(set.is_empty());
        assert_eq!(SkillSet::all().len(), Skill::all().count());
    }

    #[test]
    fn names_round_trip() {
        for skill in Skill::all() {
            assert_eq!(skill.to_string().parse::<Skill>().unwrap(), skill);
        }
        let error = "coding".parse::<Skill>().unwrap_err().to_string();
        assert!(error.contains("expected one of: medical-terminology"), "{error}");
    }

    #[test]
    fn json_is_a_list_of_names() {
        let set: SkillSet =
            serde_json::from_str(r#"["revenue-cycle", "medical-terminology", "revenue-cycle"]"#).unwrap();
        assert_eq!(
            serde_json::to_string(&set).unwrap(),
            r#"["medical-terminology","revenue-cycle"]"#
        );
    }
}
