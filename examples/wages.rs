//! The wage distribution of the HIM occupations, as a table and a text bar chart.
//!
//! ```text
//! cargo run --example wages                                  # the embedded BLS figures
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
use himkit::wage::Percentile;
use himkit::{Dataset, HimOccupation, Money, Wage, WageStatistics};

const USAGE: &str = "usage: wages [--oews FILE [--period YYYY-MM] [--top-code DOLLARS] [--area CODE]... \
                     [--soc CODE]... [--lenient]]";
const BAR: usize = 50;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wages: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut file: Option<PathBuf> = None;
    let mut options = OewsOptions::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--oews" => file = Some(PathBuf::from(common::value_of(&mut args, &arg)?)),
            "--area" => options.areas.push(common::value_of(&mut args, &arg)?),
            "--soc" => {
                let code = common::value_of(&mut args, &arg)?;
                options
                    .occupations
                    .push(code.parse().map_err(|error| format!("--soc: {error}"))?);
            }
            "--period" => {
                let period = common::value_of(&mut args, &arg)?;
                options.period = Some(period.parse().map_err(|_| {
                    format!(
                        "--period {period:?}: give the survey's reference month as YYYY-MM (e.g. 2024-05)"
                    )
                })?);
            }
            "--top-code" => {
                let dollars = common::value_of(&mut args, &arg)?;
                options.top_code = Some(
                    dollars
                        .parse::<u64>()
                        .ok()
                        .and_then(|dollars| Money::new(dollars).ok())
                        .ok_or_else(|| format!("--top-code {dollars:?}: give whole dollars (e.g. 239200)"))?,
                );
            }
            "--lenient" => options.mode = Mode::Lenient,
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    if options.occupations.is_empty() {
        options.occupations = HimOccupation::all().map(HimOccupation::soc).collect();
    }
    let mut out = String::new();
    let rows: Vec<WageStatistics> = if let Some(path) = &file {
        let outcome = read_oews_path(path, &options).map_err(|error| in_flags(&error.to_string()))?;
        for skipped in &outcome.skipped {
            eprintln!("skipped {}", in_flags(&skipped.to_string()));
        }
        outcome.items
    } else {
        embedded(&options)?
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
/// most recent of those.
fn embedded(options: &OewsOptions) -> Result<Vec<WageStatistics>, String> {
    let dataset = Dataset::embedded().map_err(|error| error.to_string())?;
    Ok(options
        .occupations
        .iter()
        .filter_map(|soc| {
            dataset
                .wages()
                .iter()
                .filter(|w| w.occupation() == *soc && w.industry().is_none())
                .max_by_key(|w| (known(w), w.period()))
                .cloned()
        })
        .collect())
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
