//! Compares 2 to 10 programs side by side for a student profile, on the national catalogue
//! of real programs (or `--illustrative`, or `--programs FILE`).
//!
//! ```text
//! cargo run --example compare
//! cargo run --example compare -- --illustrative lakeside-cc-hit-aas summit-online-him-bs keystone-him-bs
//! cargo run --example compare -- --profile me.json --programs mine.json ID ID
//! cargo run --example compare -- --accreditation cahiim.csv
//! ```
//!
//! Run with no ids, it compares the three best programs of the `select` example's default
//! profile. A value longer than its column (an institution's completion rate with its scope
//! and source, say) continues on the next lines rather than being cut. Each program's
//! accreditation is shown with where it came from: with `--accreditation`, the list and line.

#[macro_use]
#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use himkit::Selector;
use himkit::select::{Comparison, ComparisonCell};

/// Width of the label column and of each program column.
const LABEL: usize = 27;
const CELL: usize = 30;

/// Compares 2 to 10 programs side by side for a student profile (with no ids, the profile's
/// best three)
#[derive(clap::Parser, Debug)]
#[command(name = "compare")]
struct Options {
    #[command(flatten)]
    catalogue: common::flags::NationalByDefault,
    #[command(flatten)]
    accreditation: common::flags::Accreditation,
    #[command(flatten)]
    profile: common::flags::Profile,
    /// The ids of the programs to compare (2 to 10)
    #[arg(value_name = "ID")]
    ids: Vec<String>,
}

fn main() -> ExitCode {
    match run(clap::Parser::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("compare: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(options: Options) -> Result<(), String> {
    let Options {
        catalogue,
        accreditation,
        profile,
        mut ids,
    } = options;
    let programs_path = catalogue.programs.programs;
    let illustrative = catalogue.illustrative;
    let profile_path = profile.profile;
    let (mut catalog, dataset) = common::load_catalog(programs_path.as_deref(), illustrative)?;
    if let Some(path) = &accreditation.accreditation {
        catalog = common::apply_accreditation(&catalog, path)?;
    }
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
        .map_err(|error| format!("{error}\n{}", common::flags::usage::<Options>()))?;
    common::emit(&table(&comparison))
}

/// The comparison as a table: the programs' ranks and accreditation, each criterion's values
/// and normalised scores, payback, and each exclusion's reasons.
fn table(comparison: &Comparison) -> String {
    let mut out = String::new();
    let line = |label: &str, cells: Vec<String>| table_row(label, &cells);
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
    outln!(
        out,
        "{}",
        line(
            "accreditation",
            comparison.accreditation.iter().map(ToString::to_string).collect()
        )
    );
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
    out
}

/// `text` in lines of at most `width` characters, broken between words (a word longer than
/// the width, a file's path say, is broken across lines).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<Vec<char>> = text
        .split_whitespace()
        .map(|word| word.chars().collect())
        .collect();
    let pieces = chars.iter().flat_map(|word| {
        word.chunks(width.max(1))
            .map(|piece| piece.iter().collect::<String>())
    });
    for word in pieces {
        let needed = current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if !current.is_empty() && needed > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// One row of the table: each cell wrapped to its column, the label on the first line.
fn table_row(label: &str, cells: &[String]) -> String {
    let wrapped: Vec<Vec<String>> = cells.iter().map(|cell| wrap(cell, CELL)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut lines = Vec::with_capacity(height);
    for row in 0..height {
        let label = if row == 0 {
            common::fit(label, LABEL)
        } else {
            String::new()
        };
        let mut text = label.clone();
        text.push_str(&" ".repeat(LABEL.saturating_sub(label.chars().count())));
        for cell in &wrapped {
            let part = cell.get(row).map_or("", String::as_str);
            text.push(' ');
            text.push_str(part);
            text.push_str(&" ".repeat(CELL.saturating_sub(part.chars().count())));
        }
        lines.push(text.trim_end().to_owned());
    }
    lines.join("\n")
}
