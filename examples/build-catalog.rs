//! Builds the national HIM catalogue from IPEDS and College Scorecard files and writes it to
//! standard output in the crate's program format (JSON, or the catalogue CSV), which
//! `select --programs FILE` reads back; a summary of what is unknown and every row not joined
//! goes to standard error.
//!
//! ```text
//! cargo run --example build-catalog -- --hd hd2024.csv --completions c2024_a.csv \
//!     --ic ic2022.csv --ic-ay ic2022_ay.csv --format csv > programs.csv
//! cargo run --example build-catalog -- --hd hd2024.csv --completions c2024_a.csv \
//!     --outcome-measures om2023.csv --graduation-rates drvgr2023.csv \
//!     --scorecard-institutions Most-Recent-Cohorts-Institution_2025.csv > programs.json
//! cargo run --example select -- --programs programs.csv
//! ```
//!
//! Years are read from the file names (`hd2024.csv` is 2024) unless given: `--year` for HD and
//! Completions, `--ic-year` for IC and `IC_AY`, `--scorecard-year` for the field-of-study
//! outcomes, `--scorecard-release` for the institution files (the n-th names the n-th file's
//! release), `--outcome-measures-year` and `--graduation-rates-year` for the outcome files
//! whose columns do not say (the usual extracts' do: `TOTAL_COHORT_2015`, `GR2023`). Without any flag it builds the
//! catalogue from the files embedded in himkit (`Dataset::national`) and prints this usage on
//! standard error.

#[allow(unused_macros)] // `outln!` is for the examples that print tables.
#[path = "common/mod.rs"]
mod common;

use std::fs::File;
use std::io::BufReader;
use std::process::ExitCode;

use himkit::io::{BuildSummary, CatalogInputs, ReadOptions, write_catalog_csv};
use himkit::value::CipCode;
use himkit::{Catalog, Dataset, Year};

/// Builds the national HIM catalogue from IPEDS and College Scorecard files and writes it to
/// standard output (JSON, or the catalogue CSV); a summary of what is unknown and every row not
/// joined goes to standard error. Without --hd and --completions it writes the catalogue
/// embedded in himkit
#[derive(clap::Parser, Debug)]
#[allow(clippy::doc_markdown)] // The comments are the --help text, where backticks would show.
#[command(
    name = "build-catalog",
    override_usage = "build-catalog [--hd FILE --completions FILE [OPTIONS]]"
)]
struct Options {
    /// IPEDS Institutional Characteristics HD (the institutions)
    #[arg(long, value_name = "FILE", requires = "completions")]
    hd: Option<String>,
    /// IPEDS Completions C_A (the awards by CIP code and award level)
    #[arg(long, value_name = "FILE", requires = "hd")]
    completions: Option<String>,
    /// IPEDS IC (distance education)
    #[arg(long, value_name = "FILE")]
    ic: Option<String>,
    /// IPEDS IC_AY (tuition and fees)
    #[arg(long, value_name = "FILE")]
    ic_ay: Option<String>,
    /// College Scorecard field-of-study outcomes (median earnings and debt)
    #[arg(long, value_name = "FILE")]
    scorecard_fos: Option<String>,
    /// A College Scorecard institution file (tuition, earnings); may be given more than once,
    /// tuition from one release and earnings from another
    #[arg(long, value_name = "FILE")]
    scorecard_institutions: Vec<String>,
    #[command(flatten)]
    accreditation: common::flags::Accreditation,
    /// IPEDS Outcome Measures (the institution's completion rate)
    #[arg(long, value_name = "FILE")]
    outcome_measures: Option<String>,
    /// IPEDS Graduation Rates (the institution's graduation rate)
    #[arg(long, value_name = "FILE")]
    graduation_rates: Option<String>,
    /// The CIP codes to build, separated by commas (default 51.0706,51.0707; also 51.0713,
    /// 51.2706)
    #[arg(long, value_name = "LIST", value_parser = cip_list)]
    cip: Option<CipList>,
    /// What to write: the crate's program JSON, or the catalogue CSV
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    lenient: common::flags::Lenient,
    /// The collection year of HD and Completions (without it, the year in the Completions
    /// file's name)
    #[arg(long, value_name = "YYYY")]
    year: Option<Year>,
    /// The year of IC and IC_AY (without it, the year in each file's name)
    #[arg(long, value_name = "YYYY")]
    ic_year: Option<Year>,
    #[command(flatten)]
    scorecard_year: common::flags::ScorecardYear,
    /// The release of a --scorecard-institutions file (e.g. 2021-22): the n-th names the n-th
    /// file's release, the others take the year in their name
    #[arg(long, value_name = "LABEL")]
    scorecard_release: Vec<String>,
    /// The year of the Outcome Measures file, where its columns do not say
    #[arg(long, value_name = "YYYY")]
    outcome_measures_year: Option<Year>,
    /// The year of the Graduation Rates file, where its columns do not say
    #[arg(long, value_name = "YYYY")]
    graduation_rates_year: Option<Year>,
}

/// What `build-catalog` writes.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// A JSON array of programs, as the library writes a catalogue.
    Json,
    /// The catalogue CSV, one program a row.
    Csv,
}

/// CIP codes given as one list separated by commas.
#[derive(Clone, Debug)]
struct CipList(Vec<CipCode>);

fn cip_list(list: &str) -> Result<CipList, String> {
    list.split(',')
        .map(str::trim)
        .filter(|cip| !cip.is_empty())
        .map(|cip| cip.parse::<CipCode>().map_err(|error| error.to_string()))
        .collect::<Result<Vec<_>, _>>()
        .map(CipList)
}

fn main() -> ExitCode {
    match run(&clap::Parser::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("build-catalog: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    let (catalog, summary) = match (&options.hd, &options.completions) {
        (None, None) => {
            let others = [
                &options.ic,
                &options.ic_ay,
                &options.scorecard_fos,
                &options.accreditation.accreditation,
                &options.outcome_measures,
                &options.graduation_rates,
            ];
            let usage = common::flags::usage::<Options>();
            if others.iter().any(|file| file.is_some())
                || !options.scorecard_institutions.is_empty()
                || options.cip.is_some()
            {
                return Err(format!("--hd FILE and --completions FILE are required\n{usage}"));
            }
            eprintln!("{usage}\n\nNo files given: writing the catalogue embedded in himkit.\n");
            let dataset = Dataset::national().map_err(|error| error.to_string())?;
            let summary = Dataset::national_summary().map_err(|error| error.to_string())?;
            (dataset.catalog().clone(), summary)
        }
        (Some(hd), Some(completions)) => build(options, hd, completions)?,
        (None, Some(_)) => return Err("--hd FILE is required with --completions".to_owned()),
        (Some(_), None) => return Err("--completions FILE is required with --hd".to_owned()),
    };
    eprint!("{summary}");
    let text = if options.format == Format::Csv {
        let mut bytes = Vec::new();
        write_catalog_csv(&catalog, &mut bytes).map_err(|error| error.to_string())?;
        String::from_utf8(bytes).map_err(|error| error.to_string())?
    } else {
        let mut json = catalog.to_json().map_err(|error| error.to_string())?;
        json.push('\n');
        json
    };
    common::emit(&text)
}

/// An error of the file given with `flag`, prefixed with the flag.
fn failed(flag: &'static str) -> impl Fn(himkit::Error) -> String {
    move |error| format!("{flag}: {error}")
}

/// Opens `path`, named by `flag` in errors.
fn open(flag: &str, path: &str) -> Result<BufReader<File>, String> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|error| format!("{flag} {path}: {error}"))
}

/// The year given with `year_flag`, else the one in the file name.
fn year_of(given: Option<Year>, flag: &str, path: &str, year_flag: &str) -> Result<Year, String> {
    given
        .or_else(|| himkit::io::year_in_file_name(path))
        .ok_or_else(|| {
            format!(
                "{flag} {path}: the file name has no year; give the collection year with {year_flag} YYYY"
            )
        })
}

fn build(options: &Options, hd: &str, completions: &str) -> Result<(Catalog, BuildSummary), String> {
    let year = year_of(options.year, "--completions", completions, "--year")?;
    let mut inputs = CatalogInputs::new(
        (hd, open("--hd", hd)?),
        (completions, open("--completions", completions)?),
        year,
    );
    if options.lenient.lenient {
        inputs = inputs.with_read_options(ReadOptions::lenient());
    }
    if let Some(CipList(cips)) = &options.cip {
        inputs = inputs.with_cips(cips.iter().copied()).map_err(failed("--cip"))?;
    }
    if let Some(path) = &options.ic {
        let ic_year = year_of(options.ic_year, "--ic", path, "--ic-year")?;
        inputs = inputs.with_distance((path, open("--ic", path)?), ic_year);
    }
    if let Some(path) = &options.ic_ay {
        let ic_year = year_of(options.ic_year, "--ic-ay", path, "--ic-year")?;
        inputs = inputs.with_charges((path, open("--ic-ay", path)?), ic_year);
    }
    if let Some(path) = &options.scorecard_fos {
        let fos_year = options
            .scorecard_year
            .scorecard_year
            .or_else(|| himkit::io::year_in_file_name(path))
            .ok_or_else(|| {
                format!(
                    "--scorecard-fos {path}: the file name has no year; give the year the outcomes describe with --scorecard-year YYYY"
                )
            })?;
        inputs = inputs.with_field_of_study((path, open("--scorecard-fos", path)?), fos_year);
    }
    if options.scorecard_release.len() > options.scorecard_institutions.len() {
        return Err(format!(
            "--scorecard-release is given {} times for {} --scorecard-institutions files: each names one file's release, in order",
            options.scorecard_release.len(),
            options.scorecard_institutions.len()
        ));
    }
    for (index, path) in options.scorecard_institutions.iter().enumerate() {
        let release = options
            .scorecard_release
            .get(index)
            .cloned()
            .or_else(|| himkit::io::year_in_file_name(path).map(|year| year.to_string()))
            .ok_or_else(|| {
                format!(
                    "--scorecard-institutions {path}: the file name has no year; name the release with --scorecard-release (e.g. 2021-22)"
                )
            })?;
        inputs = inputs
            .with_scorecard_institutions((path, open("--scorecard-institutions", path)?), &release)
            .map_err(failed("--scorecard-release"))?;
    }
    if let Some(path) = &options.accreditation.accreditation {
        inputs = inputs.with_accreditation_list((path, open("--accreditation", path)?));
    }
    // Their years come from their columns or file names unless given.
    if let Some(path) = &options.outcome_measures {
        inputs = inputs.with_institution_outcomes(
            (path, open("--outcome-measures", path)?),
            options.outcome_measures_year,
        );
    }
    if let Some(path) = &options.graduation_rates {
        inputs = inputs.with_institution_outcomes(
            (path, open("--graduation-rates", path)?),
            options.graduation_rates_year,
        );
    }
    let built = inputs.build().map_err(|error| error.to_string())?;
    Ok((built.catalog, built.summary))
}
