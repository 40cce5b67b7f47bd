//! Compares 2 to 10 programs side by side for a student profile.
//!
//! ```text
//! cargo run --example compare -- lakeside-cc-hit-aas summit-online-him-bs keystone-him-bs
//! cargo run --example compare -- --profile me.json --programs mine.json ID ID
//! ```
//!
//! Run with no ids, it compares the three best programs of the `select` example's default
//! profile.

#[macro_use]
#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use himkit::Selector;
use himkit::select::ComparisonCell;

/// Width of the label column and of each program column.
const LABEL: usize = 27;
const CELL: usize = 30;

const USAGE: &str = "usage: compare [--programs FILE] [--profile FILE] ID ID [ID…] (2 to 10 ids)";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("compare: {message}");
            ExitCode::from(2)
        }
    }
}

/// The programs file, the profile file and the ids.
type Arguments = (Option<String>, Option<String>, Vec<String>);

fn parse_arguments() -> Result<Arguments, String> {
    let mut programs_path = None;
    let mut profile_path = None;
    let mut ids: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--programs" => programs_path = Some(common::value_of(&mut args, &arg)?),
            "--profile" => profile_path = Some(common::value_of(&mut args, &arg)?),
            "--help" | "-h" => return Err(USAGE.to_owned()),
            flag if flag.starts_with("--") => return Err(format!("unknown argument {flag:?}\n{USAGE}")),
            _ => ids.push(arg),
        }
    }
    Ok((programs_path, profile_path, ids))
}

fn run() -> Result<(), String> {
    let (programs_path, profile_path, mut ids) = parse_arguments()?;
    let (catalog, dataset) = common::load_dataset(programs_path.as_deref())?;
    let profile = common::load_profile(profile_path.as_deref())?;
    let selector = Selector::new(&catalog, dataset.wages());
    if ids.is_empty() {
        let ranking = selector
            .rank_top(&profile, 3)
            .map_err(|error| error.to_string())?;
        ids = ranking
            .entries()
            .iter()
            .map(|entry| entry.id().to_string())
            .collect();
    }
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let comparison = selector
        .compare(&profile, &ids)
        .map_err(|error| format!("{error}\n{USAGE}"))?;

    let mut out = String::new();
    let line = |label: &str, cells: Vec<String>| -> String {
        let mut text = common::fit(label, LABEL);
        text.push_str(&" ".repeat(LABEL.saturating_sub(text.chars().count())));
        for cell in cells {
            let cell = common::fit(&cell, CELL);
            let pad = CELL.saturating_sub(cell.chars().count());
            text.push(' ');
            text.push_str(&cell);
            text.push_str(&" ".repeat(pad));
        }
        text.trim_end().to_owned()
    };
    outln!(
        out,
        "{}",
        line(
            "criterion (weight)",
            comparison.ids.iter().map(ToString::to_string).collect()
        )
    );
    let ranks = comparison
        .ranks
        .iter()
        .zip(&comparison.scores)
        .map(|(rank, score)| {
            rank.zip(*score).map_or_else(
                || "excluded".to_owned(),
                |(rank, score)| format!("rank {rank}, score {score:.3}"),
            )
        })
        .collect();
    outln!(out, "{}", line("ranking", ranks));
    for row in &comparison.rows {
        let (values, scores): (Vec<String>, Vec<String>) = row
            .cells
            .iter()
            .map(|cell| match cell {
                ComparisonCell::Value {
                    shown,
                    normalised,
                    behind_best,
                } if *behind_best > 0.0 => (
                    shown.clone(),
                    format!("  {normalised:.2}, {behind_best:.2} behind the best"),
                ),
                ComparisonCell::Value {
                    shown, normalised, ..
                } => (shown.clone(), format!("  {normalised:.2}, best")),
                ComparisonCell::NotAvailable { why } => (format!("n/a: {why}"), String::new()),
            })
            .unzip();
        outln!(
            out,
            "{}",
            line(&format!("{} ({:.2})", row.criterion, row.weight), values)
        );
        outln!(out, "{}", line("", scores));
    }
    outln!(
        out,
        "{}",
        line(
            "payback",
            comparison.payback.iter().map(ToString::to_string).collect()
        )
    );
    for (id, reasons) in comparison.ids.iter().zip(&comparison.exclusions) {
        for reason in reasons {
            outln!(out, "{id} is excluded: {reason}");
        }
    }
    outln!(
        out,
        "\n(each value's normalised score from 0 to 1, and its gap to the best of these programs)"
    );
    common::emit(&out)
}
