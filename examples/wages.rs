//! The wage distribution of the HIM occupations, as a table and a text bar chart.
//!
//! ```text
//! cargo run --example wages                                  # the embedded BLS figures
//! cargo run --example wages -- --state OH                     # Ohio's figures beside the nation's
//! cargo run --example wages -- --oews national_M2024_dl.xlsx  # a real OEWS file (XLSX or CSV)
//! cargo run --example wages -- --oews state_M2024_dl.csv --area 39 --soc 29-9021 --lenient
//! cargo run --example wages -- --oews wages-renamed.csv --period 2024-05
//! ```
//!
//! Without `--soc`, the HIM occupations are shown (11-9111, 29-9021, 29-2072, 29-2071).

#[macro_use]
#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use himkit::io::{Mode, OewsOptions, read_oews_path};
use himkit::value::{ReferencePeriod, SocCode};
use himkit::wage::{Area, Percentile};
use himkit::{Dataset, HimOccupation, Money, UsState, Wage, WageStatistics};

/// The wage distribution of the HIM occupations, as a table and a text bar chart (the
/// embedded BLS figures unless --oews)
#[derive(clap::Parser, Debug)]
#[command(name = "wages")]
struct Options {
    /// Read a BLS OEWS file (XLSX or CSV) instead of the embedded figures
    #[arg(long, value_name = "FILE")]
    oews: Option<PathBuf>,
    /// The survey's reference month, for a file whose name does not say it
    #[arg(long, value_name = "YYYY-MM", requires = "oews", value_parser = reference_period)]
    period: Option<ReferencePeriod>,
    /// The wage BLS top-codes in the file, in whole dollars, for a file that does not say it
    #[arg(long, value_name = "DOLLARS", requires = "oews", value_parser = top_code)]
    top_code: Option<Money>,
    /// Keep only the rows of this area code (may be given more than once)
    #[arg(long, value_name = "CODE", requires = "oews")]
    area: Vec<String>,
    /// Keep only this occupation's rows, by SOC code (may be given more than once; without it,
    /// the HIM occupations)
    #[arg(long, value_name = "CODE")]
    soc: Vec<SocCode>,
    /// Show this state's (or DC's or a territory's) embedded figures beside the nation's, by
    /// postal code
    #[arg(long, value_name = "CODE", conflicts_with = "oews")]
    state: Option<UsState>,
    #[command(flatten)]
    lenient: common::flags::Lenient,
}

const BAR: usize = 50;

fn main() -> ExitCode {
    match run(clap::Parser::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wages: {message}");
            ExitCode::from(2)
        }
    }
}

fn reference_period(period: &str) -> Result<ReferencePeriod, String> {
    period
        .parse()
        .map_err(|_| "give the survey's reference month as YYYY-MM (e.g. 2024-05)".to_owned())
}

fn top_code(dollars: &str) -> Result<Money, String> {
    dollars
        .parse::<u64>()
        .ok()
        .and_then(|dollars| Money::new(dollars).ok())
        .ok_or_else(|| "give whole dollars (e.g. 239200)".to_owned())
}

fn run(arguments: Options) -> Result<(), String> {
    let file = arguments.oews;
    let mut options = OewsOptions::new();
    options.period = arguments.period;
    options.top_code = arguments.top_code;
    options.areas = arguments.area;
    options.occupations = arguments.soc;
    if arguments.lenient.lenient {
        options.mode = Mode::Lenient;
    }
    if options.occupations.is_empty() {
        options.occupations = HimOccupation::all().map(HimOccupation::soc).collect();
    }
    let mut out = String::new();
    let mut notes = String::new();
    let rows: Vec<WageStatistics> = if let Some(path) = &file {
        let outcome = read_oews_path(path, &options).map_err(|error| in_flags(&error.to_string()))?;
        for skipped in &outcome.skipped {
            eprintln!("skipped {}", in_flags(&skipped.to_string()));
        }
        outcome.items
    } else {
        embedded(&options, arguments.state, &mut notes)?
    };
    if rows.is_empty() {
        return Err("no rows match the filters".to_owned());
    }
    let top = rows
        .iter()
        .filter_map(|w| {
            w.percentiles()
                .iter()
                .filter_map(|(_, wage)| wage.lower_bound())
                .max()
        })
        .max()
        .unwrap_or(Money::ZERO)
        .as_f64()
        .max(1.0);
    outcomeln(&mut out, &rows, top);
    outln!(
        out,
        "\nbar: '-' 10th to 90th percentile, '=' 25th to 75th, '|' median; scale $0 to {}",
        Money::new(top as u64).unwrap_or(Money::ZERO)
    );
    out.push_str(&notes);
    common::emit(&out)
}

/// The library names its options; on the command line they are flags.
fn in_flags(message: &str) -> String {
    message
        .replace(
            "set OewsOptions::top_code",
            "give the top code with --top-code DOLLARS",
        )
        .replace(
            "give it in OewsOptions::period or keep BLS's file name",
            "give its reference month with --period YYYY-MM, or keep BLS's file name",
        )
}

/// Per occupation, the embedded national all-industry figures with the most percentiles, the
/// most recent of those; with a state, its latest figure first (or a line saying it has none).
fn embedded(
    options: &OewsOptions,
    state: Option<UsState>,
    notes: &mut String,
) -> Result<Vec<WageStatistics>, String> {
    let dataset = Dataset::embedded().map_err(|error| error.to_string())?;
    let mut rows = Vec::new();
    for soc in &options.occupations {
        if let Some(state) = state {
            if let Some(wages) = dataset.latest_wages(*soc, &Area::State { state }) {
                rows.push(wages.clone());
            } else {
                outln!(
                    notes,
                    "{soc}: the embedded wages have no {} figure; the nation's follows",
                    state.name()
                );
            }
        }
        let national = dataset
            .wages()
            .iter()
            .filter(|w| w.occupation() == *soc && w.industry().is_none() && *w.area() == Area::National)
            .max_by_key(|w| (known(w), w.period()));
        rows.extend(national.cloned());
    }
    Ok(rows)
}

fn known(wages: &WageStatistics) -> usize {
    wages
        .percentiles()
        .iter()
        .filter(|(_, wage)| wage.lower_bound().is_some())
        .count()
}

fn outcomeln(out: &mut String, rows: &[WageStatistics], top: f64) {
    outln!(
        out,
        "{:<8} {:<30} {:<22} {:<9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "SOC",
        "occupation",
        "area / industry",
        "period",
        "p10",
        "p25",
        "median",
        "p75",
        "p90"
    );
    for wages in rows {
        let percentiles = wages.percentiles();
        let cell = |percentile| show(percentiles.get(percentile));
        let place = wages
            .industry()
            .map_or_else(|| wages.area().to_string(), |industry| industry.title.to_string());
        outln!(
            out,
            "{:<8} {:<30} {:<22} {:<9} {:>9} {:>9} {:>9} {:>9} {:>9}",
            wages.occupation(),
            common::fit(wages.occupation_title(), 30),
            common::fit(&place, 22),
            wages.period().label(),
            cell(Percentile::P10),
            cell(Percentile::P25),
            cell(Percentile::Median),
            cell(Percentile::P75),
            cell(Percentile::P90),
        );
        outln!(
            out,
            "{:9}{}  ({})",
            "",
            bar(wages, top),
            wages.provenance().confidence
        );
    }
}

fn show(wage: Wage) -> String {
    match wage {
        Wage::Amount(money) => money.to_string(),
        Wage::AtLeast { at_least } => format!("≥{at_least}"),
        Wage::Unavailable { .. } => "–".to_owned(),
    }
}

fn bar(wages: &WageStatistics, top: f64) -> String {
    let position = |percentile| {
        wages
            .percentiles()
            .get(percentile)
            .lower_bound()
            .map(|money| ((money.as_f64() / top) * BAR as f64).round() as usize)
    };
    let mut line = vec![' '; BAR + 1];
    let mut fill = |from: Option<usize>, to: Option<usize>, mark: char| {
        if let (Some(from), Some(to)) = (from, to) {
            for slot in line.iter_mut().take(to + 1).skip(from) {
                *slot = mark;
            }
        }
    };
    fill(position(Percentile::P10), position(Percentile::P90), '-');
    fill(position(Percentile::P25), position(Percentile::P75), '=');
    if let Some(median) = position(Percentile::Median) {
        if let Some(slot) = line.get_mut(median) {
            *slot = '|';
        }
    }
    line.into_iter().collect::<String>().trim_end().to_owned()
}
