//! One Completions row joined with the institution's IC, `IC_AY` and Scorecard rows into a
//! program's facts, each with its source.

use std::collections::{BTreeMap, HashMap};

use super::facts::{self, CostBasis, annual_charges, is_graduate};
use super::outcomes::InstitutionFigures;
use super::{BuildSummary, Rows, index, national_program_id};
use crate::error::Result;
use crate::io::ipeds::{IpedsCharges, IpedsCompletion, IpedsDistance, IpedsValue, academic_year_of_file};
use crate::io::scorecard_institution::ScorecardInstitution;
use crate::program::AccreditationState;
use crate::program::AwardLevel;
use crate::program::{
    Cost, CostState, DeliveryState, Discipline, Institution, LengthBasis, ProgramSpec, Source, SourceFile,
    SourcedField,
};
use crate::program::{Outcome, Outcomes, Scope};
use crate::value::{Text, Unitid, Year};

/// The optional files, indexed by UNITID, and what every program shares.
pub(super) struct Joiner<'a> {
    year: Year,
    period: String,
    size_note: Text,
    distance: Option<(HashMap<Unitid, &'a IpedsDistance>, Year)>,
    charges: Option<(HashMap<Unitid, &'a IpedsCharges>, Year)>,
    /// Each Scorecard institution file's rows, and its release.
    scorecard: Vec<(HashMap<Unitid, &'a ScorecardInstitution>, String)>,
    pub(super) figures: InstitutionFigures<'a>,
}

impl<'a> Joiner<'a> {
    pub(super) fn new(inputs: &Rows<'a>, summary: &mut BuildSummary) -> Result<Self> {
        let year = inputs.year;
        Ok(Self {
            year,
            period: year.get().to_string(),
            size_note: Text::new(&format!(
                "IPEDS C{year}_A: awards conferred from July {} to June {year}, first majors",
                year.get().saturating_sub(1)
            ))?,
            distance: inputs
                .distance
                .map(|(rows, year)| (index(rows, |row| row.unitid, SourceFile::IpedsIc, summary), year)),
            charges: inputs.charges.map(|(rows, year)| {
                (
                    index(rows, |row| row.unitid, SourceFile::IpedsIcAy, summary),
                    year,
                )
            }),
            scorecard: inputs
                .scorecard_institutions
                .iter()
                .map(|(rows, release)| {
                    (
                        index(
                            rows.iter().filter(|row| row.branch.is_none()),
                            |row| row.unitid,
                            SourceFile::ScorecardInstitution,
                            summary,
                        ),
                        release.to_string(),
                    )
                })
                .collect(),
            figures: InstitutionFigures::new(&inputs.institution_outcomes, summary),
        })
    }

    /// The program of `row` at `institution` (named `name` in HD), in the field `field`.
    pub(super) fn spec(
        &self,
        row: &IpedsCompletion,
        name: &str,
        institution: Institution,
        field: (&str, Discipline),
        summary: &mut BuildSummary,
    ) -> Result<ProgramSpec> {
        let award = row.award_level;
        let degree_level = award.degree_level();
        let months = award.typical_months();
        let mut sources = BTreeMap::new();
        for (field, file) in [
            (SourcedField::Institution, SourceFile::IpedsHd),
            (SourcedField::AwardLevel, SourceFile::IpedsCompletions),
            (SourcedField::ProgramSize, SourceFile::IpedsCompletions),
        ] {
            sources.insert(field, Source::new(file, &self.period)?);
        }
        let delivery = self.delivery(row.unitid, &mut sources, summary)?;
        let cost = self.cost(row.unitid, award, months, &mut sources, summary)?;
        let mut outcomes = Outcomes {
            program_size: self.program_size(row.total, summary),
            ..Outcomes::default()
        };
        self.figures.attach(row.unitid, &mut outcomes, summary);
        Ok(ProgramSpec {
            id: national_program_id(name, row.unitid, row.cip, award)?,
            name: format!("{}, {}", field.0, award.label()),
            institution,
            degree_level,
            award_level: Some(award),
            discipline: field.1,
            cip: Some(row.cip),
            delivery,
            accreditation: AccreditationState::NotVerified,
            cost,
            length_months: months,
            length_basis: LengthBasis::TypicalForLevel,
            professional_practice_experience: None,
            // IPEDS and Scorecard say nothing of either.
            career_support: None,
            skills: None,
            outcomes,
            sources,
        })
    }

    fn program_size(&self, total: IpedsValue<u32>, summary: &mut BuildSummary) -> Outcome<u32> {
        match total {
            IpedsValue::Value(count) => {
                if count == 0 {
                    summary.zero_awards = summary.zero_awards.saturating_add(1);
                }
                Outcome::Reported {
                    value: count,
                    year: self.year,
                    scope: Scope::Program,
                    note: Some(self.size_note.clone()),
                }
            }
            missing => {
                summary.awards_not_reported = summary.awards_not_reported.saturating_add(1);
                if missing == IpedsValue::NotApplicable {
                    Outcome::NotApplicable
                } else {
                    Outcome::NotReported
                }
            }
        }
    }

    fn delivery(
        &self,
        unitid: Unitid,
        sources: &mut BTreeMap<SourcedField, Source>,
        summary: &mut BuildSummary,
    ) -> Result<DeliveryState> {
        let ic_row = self
            .distance
            .as_ref()
            .and_then(|(rows, year)| Some((*rows.get(&unitid)?, *year)));
        let delivery = facts::delivery(ic_row.map(|(row, _)| row));
        let counter = match (&delivery, ic_row) {
            (DeliveryState::Known(_), _) => &mut summary.delivery_online,
            (DeliveryState::InstitutionOffersDistancePrograms, _) => {
                &mut summary.delivery_institution_offers_distance
            }
            (DeliveryState::NoDistancePrograms, _) => &mut summary.delivery_no_distance,
            (_, Some(_)) => &mut summary.delivery_unknown_not_reported,
            (_, None) => &mut summary.delivery_unknown_no_row,
        };
        *counter = counter.saturating_add(1);
        if let (Some((_, year)), false) = (ic_row, delivery == DeliveryState::Unknown) {
            sources.insert(
                SourcedField::Delivery,
                Source::new(SourceFile::IpedsIc, &academic_year_of_file(year.get()))?,
            );
        }
        Ok(delivery)
    }

    /// The program's cost, and how it was decided; records the source of an estimate.
    fn cost(
        &self,
        unitid: Unitid,
        award: AwardLevel,
        months: u16,
        sources: &mut BTreeMap<SourcedField, Source>,
        summary: &mut BuildSummary,
    ) -> Result<CostState> {
        let (cost, basis) = self.cost_and_basis(unitid, award, months, sources)?;
        let counter = match basis {
            CostBasis::IcAy => &mut summary.cost_estimated_ipeds,
            CostBasis::Scorecard => &mut summary.cost_estimated_scorecard,
            CostBasis::NoChargesRow | CostBasis::NoFile => &mut summary.cost_unknown_no_row,
            CostBasis::ChargeMissing => &mut summary.cost_unknown_charge_missing,
        };
        *counter = counter.saturating_add(1);
        Ok(cost)
    }

    fn cost_and_basis(
        &self,
        unitid: Unitid,
        award: AwardLevel,
        months: u16,
        sources: &mut BTreeMap<SourcedField, Source>,
    ) -> Result<(CostState, CostBasis)> {
        let mut basis = CostBasis::NoFile;
        if let Some((rows, year)) = &self.charges {
            basis = CostBasis::NoChargesRow;
            if let Some(row) = rows.get(&unitid) {
                basis = CostBasis::ChargeMissing;
                if let Some(annual) = annual_charges(row, award) {
                    let academic_year = academic_year_of_file(year.get());
                    let source = format!("IPEDS IC{}_AY", year.get());
                    sources.insert(
                        SourcedField::Cost,
                        Source::new(SourceFile::IpedsIcAy, &academic_year)?,
                    );
                    return Ok((
                        CostState::Known(Cost::estimated(
                            annual.0,
                            annual.1,
                            months,
                            &source,
                            &academic_year,
                        )?),
                        CostBasis::IcAy,
                    ));
                }
            }
        }
        // The first Scorecard file that gives both charges.
        let scorecard = self.scorecard.iter().find_map(|(rows, release)| {
            let row = rows.get(&unitid).filter(|_| !is_graduate(award))?;
            Some((
                (*row.tuition_in_state.value()?, *row.tuition_out_of_state.value()?),
                release,
            ))
        });
        {
            if let Some((annual, release)) = scorecard {
                sources.insert(
                    SourcedField::Cost,
                    Source::new(SourceFile::ScorecardInstitution, release)?,
                );
                let source =
                    format!("College Scorecard institution file {release} (TUITIONFEE_IN, TUITIONFEE_OUT)");
                return Ok((
                    CostState::Known(Cost::estimated(annual.0, annual.1, months, &source, release)?),
                    CostBasis::Scorecard,
                ));
            }
        }
        Ok((CostState::Unknown, basis))
    }
}
