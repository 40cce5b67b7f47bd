//! Cuts the all-industry rows of the HIM occupations (11-9111, 29-9021, 29-2072; 29-2071 where an
//! older file has it) from a BLS OEWS national file and a state file, read by himkit's own OEWS
//! reader, and writes them in himkit's reference layout into `data/oews_him_national.csv` and
//! `data/oews_him_state.csv`. A row of the same occupation, period, area and industry as one
//! already in the table replaces it where it stands; a new one goes after the table's last row of
//! its occupation; every other row is kept as it is, so running it twice changes nothing.
//!
//! Run by `scripts/embed_wages.sh`, which gives the current release's files and their citations.
//!
//! ```text
//! himkit-embed-wages --data DIR
//!     --national FILE --national-confidence LEVEL --national-source TEXT
//!     --state FILE --state-confidence LEVEL --state-source TEXT
//! ```
//!
//! LEVEL is `confirmed` (the file as BLS publishes it) or `third-party` (a copy or conversion
//! made by someone else); an unconfirmed figure is never embedded, so there is no third choice.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use himkit::io::{OewsOptions, read_oews_path};
use himkit::wage::{Area, Employment, Unpublished, Wage};
use himkit::{HimOccupation, WageStatistics};

/// The columns of himkit's reference wage tables, in order.
const HEADER: [&str; 15] = [
    "soc",
    "occupation",
    "period",
    "area",
    "naics",
    "industry",
    "employment",
    "annual_mean",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "confidence",
    "source",
];

/// The NAICS code and title of BLS's all-industry rows.
const CROSS_INDUSTRY: (&str, &str) = ("000000", "Cross-industry");

/// One OEWS file to embed, with what the embedded rows say about where they come from.
struct Input {
    file: PathBuf,
    confidence: String,
    source: String,
}

/// Which table a file's rows go into: the nation's or the states'.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    National,
    State,
}

impl Scope {
    fn table(self) -> &'static str {
        match self {
            Self::National => "oews_him_national.csv",
            Self::State => "oews_him_state.csv",
        }
    }

    fn flag(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::State => "state",
        }
    }
}

/// One row in the reference layout, with the cells that identify it.
struct Line {
    key: [String; 4],
    soc: String,
    text: String,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("embed-wages: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut flags: HashMap<String, String> = HashMap::new();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let name = flag
            .strip_prefix("--")
            .ok_or_else(|| format!("unexpected argument {flag:?}; every argument is a --flag VALUE pair"))?;
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        flags.insert(name.to_owned(), value);
    }
    let mut take = |name: &str| flags.remove(name).ok_or_else(|| format!("--{name} is required"));
    let data = PathBuf::from(take("data")?);
    let mut inputs = Vec::new();
    for scope in [Scope::National, Scope::State] {
        let flag = scope.flag();
        let input = Input {
            file: PathBuf::from(take(flag)?),
            confidence: take(&format!("{flag}-confidence"))?,
            source: take(&format!("{flag}-source"))?,
        };
        if !matches!(input.confidence.as_str(), "confirmed" | "third-party") {
            return Err(format!(
                "--{flag}-confidence {:?} is neither confirmed nor third-party (an unconfirmed figure is never embedded)",
                input.confidence
            ));
        }
        inputs.push((scope, input));
    }
    if let Some(unknown) = flags.keys().next() {
        return Err(format!("unknown flag --{unknown}"));
    }
    for (scope, input) in &inputs {
        let rows = read(*scope, input)?;
        let lines = rows
            .iter()
            .map(|row| line(row, input))
            .collect::<Result<Vec<_>, _>>()?;
        let path = data.join(scope.table());
        let existing = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => format!("{}\n", HEADER.join(",")),
            Err(error) => return Err(format!("{}: {error}", path.display())),
        };
        let (merged, replaced, added) = merge(&path, &existing, lines)?;
        std::fs::write(&path, merged).map_err(|error| format!("{}: {error}", path.display()))?;
        println!(
            "{}: {} rows from {} ({replaced} replaced, {added} added)",
            path.display(),
            replaced + added,
            input.file.display()
        );
    }
    Ok(())
}

/// The all-industry rows of the HIM occupations in `input`, each checked to be of `scope`.
fn read(scope: Scope, input: &Input) -> Result<Vec<WageStatistics>, String> {
    let mut options = OewsOptions::new();
    options.occupations = HimOccupation::all().map(HimOccupation::soc).collect();
    options.industries = vec![CROSS_INDUSTRY.0.parse().map_err(|error| format!("{error}"))?];
    let outcome = read_oews_path(&input.file, &options).map_err(|error| error.to_string())?;
    if outcome.items.is_empty() {
        return Err(format!(
            "{}: no all-industry rows for the HIM occupations",
            input.file.display()
        ));
    }
    for row in &outcome.items {
        let fits = match scope {
            Scope::National => *row.area() == Area::National,
            Scope::State => matches!(row.area(), Area::State { .. }),
        };
        if !fits {
            return Err(format!(
                "{}: the {} row for {} is not a {} figure; give the {} file as --{}",
                input.file.display(),
                row.area(),
                row.occupation(),
                scope.flag(),
                scope.flag(),
                scope.flag()
            ));
        }
    }
    Ok(outcome.items)
}

/// A wage cell: dollars, `>=` and the threshold for a top-coded wage, `*` for BLS's "not
/// available", empty for a figure the file does not give.
fn wage_cell(wage: Wage) -> String {
    match wage {
        Wage::Amount(amount) => amount.dollars().to_string(),
        Wage::AtLeast { at_least } => format!(">={}", at_least.dollars()),
        Wage::Unavailable {
            unavailable: Unpublished::NotAvailable,
        } => "*".to_owned(),
        Wage::Unavailable { .. } => String::new(),
    }
}

fn employment_cell(employment: Employment) -> String {
    match employment {
        Employment::Count(count) => count.to_string(),
        Employment::Unavailable {
            unavailable: Unpublished::NotAvailable,
        } => "**".to_owned(),
        Employment::Unavailable { .. } => String::new(),
    }
}

/// `row` in the reference layout.
fn line(row: &WageStatistics, input: &Input) -> Result<Line, String> {
    let area = match row.area() {
        Area::National => "US".to_owned(),
        Area::State { state } => state.code().to_owned(),
        other => {
            return Err(format!(
                "{}: {other} is neither the nation nor a state",
                input.file.display()
            ));
        }
    };
    let soc = row.occupation().to_string();
    let period = row.period().to_string();
    let mut cells = vec![
        soc.clone(),
        row.occupation_title().to_owned(),
        period.clone(),
        area.clone(),
        CROSS_INDUSTRY.0.to_owned(),
        CROSS_INDUSTRY.1.to_owned(),
        employment_cell(row.employment()),
        wage_cell(row.mean()),
    ];
    cells.extend(row.percentiles().iter().map(|(_, wage)| wage_cell(wage)));
    cells.push(input.confidence.clone());
    cells.push(input.source.clone());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(&cells).map_err(|error| error.to_string())?;
    let bytes = writer.into_inner().map_err(|error| error.to_string())?;
    let text = String::from_utf8(bytes).map_err(|error| error.to_string())?;
    Ok(Line {
        key: [soc.clone(), period, area, CROSS_INDUSTRY.0.to_owned()],
        soc,
        text: text.trim_end_matches('\n').to_owned(),
    })
}

/// The identifying cells (soc, period, area, naics) of one line of an existing table.
fn key_of(path: &Path, number: usize, text: &str) -> Result<[String; 4], String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let place = || format!("{} line {number}", path.display());
    if !reader
        .read_record(&mut record)
        .map_err(|error| format!("{}: {error}", place()))?
    {
        return Err(format!("{}: an empty line", place()));
    }
    let cell = |index: usize| {
        record
            .get(index)
            .map(str::to_owned)
            .ok_or_else(|| format!("{}: fewer than {} cells", place(), HEADER.len()))
    };
    Ok([cell(0)?, cell(2)?, cell(3)?, cell(4)?])
}

/// `existing` with `lines` merged in: each replaces the line of the same key where it stands,
/// or goes after the last line of its occupation (at the end if there is none). Returns the
/// text and how many lines were replaced and added.
fn merge(path: &Path, existing: &str, lines: Vec<Line>) -> Result<(String, usize, usize), String> {
    let mut existing_lines = existing.lines();
    let header = existing_lines.next().unwrap_or_default();
    if header != HEADER.join(",") {
        return Err(format!(
            "{}: the header is not himkit's reference layout ({})",
            path.display(),
            HEADER.join(",")
        ));
    }
    let mut incoming: HashMap<[String; 4], Line> = HashMap::new();
    let mut order = Vec::new();
    for line in lines {
        if incoming.contains_key(&line.key) {
            return Err(format!(
                "two rows for {} in the file to embed",
                line.key.join(" ")
            ));
        }
        order.push(line.key.clone());
        incoming.insert(line.key.clone(), line);
    }
    let mut out: Vec<(String, String)> = Vec::new();
    let mut replaced = 0;
    for (index, text) in existing_lines.enumerate() {
        let key = key_of(path, index + 2, text)?;
        if let Some(line) = incoming.remove(&key) {
            out.push((line.soc, line.text));
            replaced += 1;
        } else {
            out.push((key[0].clone(), text.to_owned()));
        }
    }
    let mut added = 0;
    for key in order {
        let Some(line) = incoming.remove(&key) else {
            continue;
        };
        let at = out
            .iter()
            .rposition(|(soc, _)| *soc == line.soc)
            .map_or(out.len(), |last| last + 1);
        out.insert(at, (line.soc, line.text));
        added += 1;
    }
    let mut text = format!("{header}\n");
    for (_, line) in out {
        text.push_str(&line);
        text.push('\n');
    }
    Ok((text, replaced, added))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    /// A row in the reference layout whose source cell is `source`.
    fn line(soc: &str, period: &str, area: &str, source: &str) -> Line {
        Line {
            key: [
                soc.to_owned(),
                period.to_owned(),
                area.to_owned(),
                "000000".to_owned(),
            ],
            soc: soc.to_owned(),
            text: format!("{soc},X,{period},{area},000000,Cross-industry,1,1,1,1,1,1,1,confirmed,{source}"),
        }
    }

    fn table(rows: &[&str]) -> String {
        let mut text = format!("{}\n", HEADER.join(","));
        for row in rows {
            text.push_str(row);
            text.push('\n');
        }
        text
    }

    #[test]
    fn rows_replace_their_own_and_new_ones_follow_their_occupation() {
        let existing = table(&[
            "11-9111,M,2023-05,US,000000,Cross-industry,,,,,110680,,,confirmed,a",
            "11-9111,M,2024-05,US,000000,Cross-industry,,,,,117960,,,third-party,b",
            "11-9111,M,2024-05,US,622100,Hospitals,1,,,,,,,confirmed,c",
            "29-9021,T,2024-05,US,000000,Cross-industry,,,,,67310,,,third-party,d",
        ]);
        let incoming = vec![
            line("11-9111", "2024-05", "US", "11-9111 2024 new"),
            line("11-9111", "2025-05", "US", "11-9111 2025 new"),
            line("29-2072", "2025-05", "US", "29-2072 2025 new"),
        ];
        let (merged, replaced, added) = merge(Path::new("t.csv"), &existing, incoming).unwrap();
        assert_eq!((replaced, added), (1, 2));
        let lines: Vec<&str> = merged.lines().collect();
        assert!(lines[2].ends_with(",11-9111 2024 new"), "{}", lines[2]);
        // The industry row stays; the new year follows the occupation's last row.
        assert_eq!(
            lines[3],
            "11-9111,M,2024-05,US,622100,Hospitals,1,,,,,,,confirmed,c"
        );
        assert!(lines[4].ends_with(",11-9111 2025 new"), "{}", lines[4]);
        assert!(lines[6].ends_with(",29-2072 2025 new"), "{}", lines[6]);
        // Running again with the same rows changes nothing.
        let again = vec![
            line("11-9111", "2024-05", "US", "11-9111 2024 new"),
            line("11-9111", "2025-05", "US", "11-9111 2025 new"),
            line("29-2072", "2025-05", "US", "29-2072 2025 new"),
        ];
        let (twice, replaced, added) = merge(Path::new("t.csv"), &merged, again).unwrap();
        assert_eq!((twice, replaced, added), (merged, 3, 0));
    }

    #[test]
    fn a_foreign_header_and_duplicate_rows_are_refused() {
        let error = merge(Path::new("t.csv"), "soc,median\n", Vec::new()).unwrap_err();
        assert!(
            error.starts_with("t.csv: the header is not himkit's reference layout"),
            "{error}"
        );
        let twice = vec![
            line("11-9111", "2024-05", "OH", "a"),
            line("11-9111", "2024-05", "OH", "b"),
        ];
        let error = merge(Path::new("t.csv"), &table(&[]), twice).unwrap_err();
        assert_eq!(
            error,
            "two rows for 11-9111 2024-05 OH 000000 in the file to embed"
        );
    }
}
