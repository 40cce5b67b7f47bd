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

const USAGE: &str = "usage: build-catalog --hd FILE --completions FILE [--ic FILE] [--ic-ay FILE] \
                     [--scorecard-fos FILE] [--scorecard-institutions FILE]... [--accreditation FILE] \
                     [--outcome-measures FILE] [--graduation-rates FILE] \
                     [--cip LIST] [--format json|csv] [--lenient] [--year YYYY] [--ic-year YYYY] \
                     [--scorecard-year YYYY] [--scorecard-release LABEL] [--outcome-measures-year YYYY] \
                     [--graduation-rates-year YYYY]\n\
                     --cip takes CIP codes separated by commas (default 51.0706,51.0707; also 51.0713, 51.2706).\n\
                     --scorecard-institutions may be given more than once (tuition from one file, earnings from another);\n\
                     the n-th --scorecard-release names the n-th such file's release, the others take the year in their name.\n\
                     Without --hd and --completions it builds the catalogue embedded in himkit.";

#[derive(Default)]
struct Options {
    hd: Option<String>,
    completions: Option<String>,
    ic: Option<String>,
    ic_ay: Option<String>,
    scorecard_fos: Option<String>,
    scorecard_institutions: Vec<String>,
    accreditation: Option<String>,
    outcome_measures: Option<String>,
    graduation_rates: Option<String>,
    outcome_measures_year: Option<Year>,
    graduation_rates_year: Option<Year>,
    cips: Option<Vec<CipCode>>,
    csv: bool,
    lenient: bool,
    year: Option<Year>,
    ic_year: Option<Year>,
    scorecard_year: Option<Year>,
    /// The n-th names the release of the n-th institution file.
    scorecard_releases: Vec<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("build-catalog: {message}");
            ExitCode::from(2)
        }
    }
}

fn parse_year(flag: &str, value: &str) -> Result<Year, String> {
    value.parse().map_err(|error| format!("{flag}: {error}"))
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || common::value_of(&mut args, &arg);
        match arg.as_str() {
            "--hd" => options.hd = Some(value()?),
            "--completions" => options.completions = Some(value()?),
            "--ic" => options.ic = Some(value()?),
            "--ic-ay" => options.ic_ay = Some(value()?),
            "--scorecard-fos" => options.scorecard_fos = Some(value()?),
            "--scorecard-institutions" => options.scorecard_institutions.push(value()?),
            "--outcome-measures" => options.outcome_measures = Some(value()?),
            "--graduation-rates" => options.graduation_rates = Some(value()?),
            "--outcome-measures-year" => options.outcome_measures_year = Some(parse_year(&arg, &value()?)?),
            "--graduation-rates-year" => options.graduation_rates_year = Some(parse_year(&arg, &value()?)?),
            "--accreditation" => options.accreditation = Some(value()?),
            "--cip" => {
                let list = value()?;
                let cips = list
                    .split(',')
                    .map(str::trim)
                    .filter(|cip| !cip.is_empty())
                    .map(|cip| cip.parse::<CipCode>().map_err(|error| format!("--cip: {error}")))
                    .collect::<Result<Vec<_>, _>>()?;
                options.cips = Some(cips);
            }
            "--format" => match value()?.as_str() {
                "json" => options.csv = false,
                "csv" => options.csv = true,
                other => return Err(format!("--format: {other:?} is not json or csv")),
            },
            "--lenient" => options.lenient = true,
            "--year" => options.year = Some(parse_year(&arg, &value()?)?),
            "--ic-year" => options.ic_year = Some(parse_year(&arg, &value()?)?),
            "--scorecard-year" => options.scorecard_year = Some(parse_year(&arg, &value()?)?),
            "--scorecard-release" => options.scorecard_releases.push(value()?),
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(options)
}

fn run() -> Result<(), String> {
    let options = parse_options()?;
    let (catalog, summary) = match (&options.hd, &options.completions) {
        (None, None) => {
            let others = [
                &options.ic,
                &options.ic_ay,
                &options.scorecard_fos,
                &options.accreditation,
                &options.outcome_measures,
                &options.graduation_rates,
            ];
            if others.iter().any(|file| file.is_some())
                || !options.scorecard_institutions.is_empty()
                || options.cips.is_some()
            {
                return Err(format!("--hd FILE and --completions FILE are required\n{USAGE}"));
            }
            eprintln!("{USAGE}\n\nNo files given: writing the catalogue embedded in himkit.\n");
            let dataset = Dataset::national().map_err(|error| error.to_string())?;
            let summary = Dataset::national_summary().map_err(|error| error.to_string())?;
            (dataset.catalog().clone(), summary)
        }
        (Some(hd), Some(completions)) => build(&options, hd, completions)?,
        (None, Some(_)) => return Err("--hd FILE is required with --completions".to_owned()),
        (Some(_), None) => return Err("--completions FILE is required with --hd".to_owned()),
    };
    eprint!("{summary}");
    let text = if options.csv {
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
    if options.lenient {
        inputs = inputs.with_read_options(ReadOptions::lenient());
    }
    if let Some(cips) = &options.cips {
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
            .or_else(|| himkit::io::year_in_file_name(path))
            .ok_or_else(|| {
                format!(
                    "--scorecard-fos {path}: the file name has no year; give the year the outcomes describe with --scorecard-year YYYY"
                )
            })?;
        inputs = inputs.with_field_of_study((path, open("--scorecard-fos", path)?), fos_year);
    }
    if options.scorecard_releases.len() > options.scorecard_institutions.len() {
        return Err(format!(
            "--scorecard-release is given {} times for {} --scorecard-institutions files: each names one file's release, in order",
            options.scorecard_releases.len(),
            options.scorecard_institutions.len()
        ));
    }
    for (index, path) in options.scorecard_institutions.iter().enumerate() {
        let release = options
            .scorecard_releases
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
    if let Some(path) = &options.accreditation {
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
