//! Lists the embedded programs with their accreditation, credential eligibility and outcomes,
//! then the embedded BLS wage figures and projections.
//!
//! ```text
//! cargo run --example catalog                  # the illustrative catalogue, wages, projections
//! cargo run --example catalog -- --state OH    # the real programs of one state (national catalogue)
//! cargo run --example catalog -- --national    # every real program, and what is unknown
//! ```

#[macro_use]
#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use himkit::program::LengthBasis;
use himkit::{Credential, Dataset, Eligibility, Program, UsState, WageStatistics};

/// Lists the embedded programs with their accreditation, credential eligibility and outcomes,
/// then the embedded BLS wage figures and projections
#[derive(clap::Parser, Debug)]
#[command(name = "catalog")]
struct Options {
    /// List the real programs of one state (the national catalogue), as its two-letter code
    #[arg(long, value_name = "XX")]
    state: Option<UsState>,
    #[command(flatten)]
    national: common::flags::National,
}

fn main() -> ExitCode {
    match run(&clap::Parser::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("catalog: {error}");
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    let state = options.state;
    let national = options.national.national;
    if national || state.is_some() {
        return list_national(state);
    }
    let dataset = Dataset::embedded().map_err(|error| error.to_string())?;
    let mut out = String::new();
    let out = &mut out;
    outln!(
        out,
        "Programs ({}; illustrative, fictional institutions)\n",
        dataset.catalog().len()
    );
    for program in dataset.catalog() {
        print_program(out, program);
    }

    outln!(out, "BLS wage figures (national, annual)\n");
    outln!(
        out,
        "{:<8} {:<8} {:<30} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}  confidence",
        "SOC",
        "period",
        "industry",
        "jobs",
        "mean",
        "p10",
        "p25",
        "median",
        "p75",
        "p90"
    );
    for wages in dataset.wages() {
        print_wages(out, wages);
    }

    outln!(out, "\nBLS employment projections\n");
    for outlook in dataset.outlooks() {
        outln!(
            out,
            "{} {:<58} {}  growth {:>5.1}%  {}  ({})",
            outlook.occupation(),
            outlook.occupation_title(),
            outlook.period(),
            outlook.growth_percent(),
            if outlook.is_growing() {
                "growing"
            } else {
                "not growing"
            },
            outlook.provenance().confidence,
        );
    }
    common::emit(out)
}

/// The national catalogue's programs, of one state or all, and what building it left unknown.
fn list_national(state: Option<UsState>) -> Result<(), String> {
    let dataset = Dataset::national().map_err(|error| error.to_string())?;
    let summary = Dataset::national_summary().map_err(|error| error.to_string())?;
    let programs: Vec<&Program> = dataset
        .catalog()
        .iter()
        .filter(|program| state.is_none_or(|state| program.institution().state() == state))
        .collect();
    let mut out = String::new();
    let out = &mut out;
    let place = state.map_or_else(|| "the United States".to_owned(), |state| state.to_string());
    outln!(
        out,
        "Real programs in {place}: {} (national catalogue from IPEDS 2024 and College Scorecard; \
         accreditation not verified: check the CAHIIM program directory)\n",
        programs.len()
    );
    if state.is_none() {
        outln!(out, "{summary}");
    }
    for program in programs {
        print_program(out, program);
    }
    common::emit(out)
}

fn print_program(out: &mut String, program: &Program) {
    outln!(out, "{}  [{}]", program, program.id());
    let accreditation = program.accreditation();
    let length = match program.length_basis() {
        LengthBasis::Program => String::new(),
        LengthBasis::TypicalForLevel => " (typical for the level)".to_owned(),
    };
    let level = match program.award_level() {
        Some(award) => format!("{} ({})", program.degree_level(), award.label()),
        None => program.degree_level().to_string(),
    };
    outln!(
        out,
        "  {level} · {} · {} · {} months{length}",
        program.discipline(),
        program.delivery(),
        program.length_months()
    );
    outln!(out, "  cost: {}", program.cost());
    outln!(out, "  accreditation: {accreditation}");
    for credential in [Credential::Rhit, Credential::Rhia] {
        let verdict = match program.eligibility(credential) {
            // The accreditation it rests on, with its source, is on the line above.
            Eligibility::Eligible { .. } => "eligible".to_owned(),
            Eligibility::NotEligible { reasons } => {
                let reasons: Vec<String> = reasons.iter().map(ToString::to_string).collect();
                format!("not eligible: {}", reasons.join("; "))
            }
            Eligibility::Unknown { reason } => format!("unknown: {reason}"),
            other => format!("{other:?}"),
        };
        outln!(out, "  {}: {verdict}", credential.abbreviation());
    }
    let outcomes = program.outcomes();
    outln!(
        out,
        "  graduation {} · employment {} · exam pass {}",
        outcomes.graduation_rate,
        outcomes.employment_rate,
        outcomes.exam_pass_rate
    );
    outln!(
        out,
        "  median debt {} · median earnings {}",
        outcomes.median_debt,
        outcomes.median_earnings
    );
    if !outcomes.program_size.is_not_reported() {
        outln!(out, "  awards conferred: {}", outcomes.program_size);
    }
    let institution = [
        (
            "completion (IPEDS Outcome Measures, any award within 6 years)",
            outcomes.institution_completion_rate.to_string(),
        ),
        (
            "graduation (IPEDS Graduation Rates, 150% of normal time)",
            outcomes.institution_graduation_rate.to_string(),
        ),
        (
            "median earnings 10 years after entry (College Scorecard)",
            outcomes.institution_median_earnings.to_string(),
        ),
    ];
    if outcomes.has_institution_figures() {
        // The whole institution's figures, never the program's own: said on every line.
        for (what, figure) in institution {
            outln!(out, "  institution {what}: {figure}");
        }
    }
    let sources: Vec<String> = program
        .sources()
        .iter()
        .map(|(field, source)| format!("{field} {source}"))
        .collect();
    if !sources.is_empty() {
        outln!(out, "  sources: {}", sources.join(", "));
    }
    outln!(out);
}

fn print_wages(out: &mut String, wages: &WageStatistics) {
    let industry = wages
        .industry()
        .map_or("all industries", |industry| industry.title.as_str());
    let industry: String = industry.chars().take(30).collect();
    let cell = |wage: himkit::Wage| {
        wage.lower_bound()
            .map_or_else(|| "–".to_owned(), |money| money.to_string())
    };
    let percentiles = wages.percentiles();
    outln!(
        out,
        "{:<8} {:<8} {:<30} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}  {}",
        wages.occupation(),
        wages.period().label(),
        industry,
        wages
            .employment()
            .count()
            .map_or_else(|| "–".to_owned(), |count| count.to_string()),
        cell(wages.mean()),
        cell(percentiles.get(himkit::wage::Percentile::P10)),
        cell(percentiles.get(himkit::wage::Percentile::P25)),
        cell(percentiles.median()),
        cell(percentiles.get(himkit::wage::Percentile::P75)),
        cell(percentiles.get(himkit::wage::Percentile::P90)),
        wages.provenance().confidence,
    );
}
