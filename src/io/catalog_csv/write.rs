//! Writing a catalogue as CSV, one row per program, in the column order of
//! `CATALOG_COLUMNS`.

use std::io::Write;

use super::{CATALOG_COLUMNS, OCCASIONAL_COLUMNS, SEPARATOR};
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::program::{Accreditation, AccreditationSource, AccreditationState};
use crate::program::{CostState, DeliveryState, Residency};
use crate::program::{Outcome, Scope};
use crate::value::{Money, Rate};

fn outcome_cells<T: std::fmt::Display>(
    outcome: &Outcome<T>,
    show: impl Fn(&T) -> String,
) -> (String, String) {
    match outcome {
        Outcome::Reported {
            value,
            year,
            scope,
            note,
        } => (
            match scope {
                Scope::Program => format!("{}@{year}", show(value)),
                other => format!("{}@{year}@{other}", show(value)),
            },
            note.as_ref().map(ToString::to_string).unwrap_or_default(),
        ),
        Outcome::Suppressed { reason } => (format!("suppressed: {reason}"), String::new()),
        Outcome::NotAvailable => ("not-available".to_owned(), String::new()),
        Outcome::NotApplicable => ("not-applicable".to_owned(), String::new()),
        _ => ("not-reported".to_owned(), String::new()),
    }
}

/// The cost columns: basis, credits, in-state and out-of-state (per credit, total, or a year's
/// figure for an estimate), and the estimate's months, source and academic year.
fn cost_cells(cost: &CostState) -> [String; 7] {
    let Some(cost) = cost.known() else {
        return [
            "unknown".to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
    };
    let dollars = |money: Money| money.dollars().to_string();
    if let Some(estimate) = cost.estimate() {
        return [
            "estimate".to_owned(),
            String::new(),
            dollars(estimate.annual_in_state()),
            dollars(estimate.annual_out_of_state()),
            estimate.months().to_string(),
            estimate.source().to_owned(),
            estimate.academic_year().to_owned(),
        ];
    }
    let per_credit = |residency| {
        cost.per_credit_rate(residency)
            .unwrap_or_else(|| cost.total(residency))
    };
    [
        if cost.credits().is_some() {
            "per-credit"
        } else {
            "total"
        }
        .to_owned(),
        cost.credits()
            .map(|credits| credits.to_string())
            .unwrap_or_default(),
        dollars(per_credit(Residency::InState)),
        dollars(per_credit(Residency::OutOfState)),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// Writes a catalogue as CSV, one row per program and every column the README documents
/// (`award_level`, the accreditation source and the institution figures only when a program
/// has one, so that a catalogue without them keeps its layout); reading it back with [`read_catalog_csv`](super::read_catalog_csv) gives the
/// same catalogue.
///
/// # Errors
/// [`ErrorKind::Io`](crate::ErrorKind::Io) if writing fails.
#[allow(clippy::too_many_lines)] // One cell per column, in column order.
pub fn write_catalog_csv<W: Write>(catalog: &Catalog, writer: W) -> Result<()> {
    let io = |error: csv::Error| Error::io("catalogue CSV", std::io::Error::other(error));
    let mut csv = csv::Writer::from_writer(writer);
    let with_award_level = catalog.iter().any(|program| program.award_level().is_some());
    let with_institution = catalog
        .iter()
        .any(|program| program.outcomes().has_institution_figures());
    let with_coordinates = catalog
        .iter()
        .any(|program| program.institution().coordinates().is_some());
    let with_source = catalog.iter().any(|program| {
        program
            .accreditation()
            .known()
            .is_some_and(|accreditation| accreditation.source().is_some())
    });
    let written = |column: &str| {
        !OCCASIONAL_COLUMNS.contains(&column)
            || match column {
                "award_level" => with_award_level,
                "latitude" | "longitude" => with_coordinates,
                "accreditation_source" | "accreditation_source_line" => with_source,
                _ => with_institution,
            }
    };
    csv.write_record(CATALOG_COLUMNS.iter().filter(|column| written(column)))
        .map_err(io)?;
    let join = |items: Vec<String>| items.join(&SEPARATOR.to_string());
    for program in catalog {
        let accreditation = program.accreditation();
        let source = accreditation.known().and_then(Accreditation::source);
        let cost = program.cost();
        let support = program.career_support();
        let outcomes = program.outcomes();
        let flag = |flag: Option<bool>| flag.map_or_else(|| "unknown".to_owned(), |flag| flag.to_string());
        let rate = |rate: &Rate| rate.get().to_string();
        let money = |money: &Money| money.dollars().to_string();
        let (graduation, graduation_note) = outcome_cells(&outcomes.graduation_rate, rate);
        let (employment, employment_note) = outcome_cells(&outcomes.employment_rate, rate);
        let (pass, pass_note) = outcome_cells(&outcomes.exam_pass_rate, rate);
        let (debt, debt_note) = outcome_cells(&outcomes.median_debt, money);
        let (earnings, earnings_note) = outcome_cells(&outcomes.median_earnings, money);
        let (size, size_note) = outcome_cells(&outcomes.program_size, ToString::to_string);
        let (completion, completion_note) = outcome_cells(&outcomes.institution_completion_rate, rate);
        let (graduation_150, graduation_150_note) =
            outcome_cells(&outcomes.institution_graduation_rate, rate);
        let (institution_earnings, institution_earnings_note) =
            outcome_cells(&outcomes.institution_median_earnings, money);
        let cost_cells = cost_cells(cost);
        let delivery = program.delivery();
        let known_delivery = delivery.known();
        let coordinates = program.institution().coordinates();
        let row: Vec<String> = vec![
            program.id().to_string(),
            program.name().to_owned(),
            program.institution().name().to_owned(),
            program.institution().state().to_string(),
            program.institution().city().to_owned(),
            program
                .institution()
                .unitid()
                .map(|id| id.to_string())
                .unwrap_or_default(),
            coordinates
                .map(|point| point.latitude().to_string())
                .unwrap_or_default(),
            coordinates
                .map(|point| point.longitude().to_string())
                .unwrap_or_default(),
            program.degree_level().to_string(),
            program
                .award_level()
                .map(|level| level.to_string())
                .unwrap_or_default(),
            program.discipline().to_string(),
            program.cip().map(|cip| cip.to_string()).unwrap_or_default(),
            match (known_delivery, delivery) {
                (Some(known), _) => known.mode().to_string(),
                (None, DeliveryState::InstitutionOffersDistancePrograms) => {
                    "institution-offers-distance-programs".to_owned()
                }
                (None, DeliveryState::NoDistancePrograms) => "no-distance-programs".to_owned(),
                (None, _) => "unknown".to_owned(),
            },
            known_delivery
                .map(|known| known.distance_share().get().to_string())
                .unwrap_or_default(),
            join(
                known_delivery
                    .map(|known| {
                        known
                            .unavailable_states()
                            .map(|state| state.to_string())
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
            accreditation
                .known()
                .map(|a| a.accreditor().name().to_owned())
                .unwrap_or_default(),
            match accreditation {
                AccreditationState::Known(a) => a.status().to_string(),
                AccreditationState::NotVerified => "not-verified".to_owned(),
                _ => String::new(),
            },
            accreditation
                .known()
                .map(|a| a.last_confirmed().to_string())
                .unwrap_or_default(),
            accreditation
                .known()
                .and_then(Accreditation::next_review_year)
                .map(|year| year.to_string())
                .unwrap_or_default(),
            source.map(|source| source.list().to_owned()).unwrap_or_default(),
            source
                .and_then(AccreditationSource::line)
                .map(|line| line.to_string())
                .unwrap_or_default(),
            cost_cells[0].clone(),
            cost_cells[1].clone(),
            cost_cells[2].clone(),
            cost_cells[3].clone(),
            cost_cells[4].clone(),
            cost_cells[5].clone(),
            cost_cells[6].clone(),
            program.length_months().to_string(),
            if program.length_basis().is_program() {
                String::new()
            } else {
                program.length_basis().to_string()
            },
            program
                .professional_practice_experience()
                .map_or_else(|| "unknown".to_owned(), |flag| flag.to_string()),
            flag(support.map(|support| support.job_placement)),
            flag(support.map(|support| support.alumni_network)),
            flag(support.map(|support| support.industry_networking)),
            program.skills().map_or_else(
                || "unknown".to_owned(),
                |skills| join(skills.iter().map(|skill| skill.to_string()).collect()),
            ),
            graduation,
            graduation_note,
            employment,
            employment_note,
            pass,
            pass_note,
            debt,
            debt_note,
            earnings,
            earnings_note,
            size,
            size_note,
            completion,
            completion_note,
            graduation_150,
            graduation_150_note,
            institution_earnings,
            institution_earnings_note,
            join(
                program
                    .sources()
                    .iter()
                    .map(|(field, source)| format!("{field}={}@{}", source.file, source.period))
                    .collect(),
            ),
        ];
        let cells = CATALOG_COLUMNS
            .iter()
            .zip(row)
            .filter(|(column, _)| written(column))
            .map(|(_, cell)| cell);
        csv.write_record(cells).map_err(io)?;
    }
    csv.flush().map_err(|error| Error::io("catalogue CSV", error))
}
