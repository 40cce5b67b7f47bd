//! Full-size IPEDS files generated in memory in the published layouts, the institutions'
//! outcome files at the size of the extracts users have (and Outcome Measures as published),
//! and the national catalogue read and built from them.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput};
use himkit::io::{CatalogInputs, ReadOptions, read_institution_outcomes};

/// Rows of the generated Completions file, and institutions of the generated HD, IC and `IC_AY`.
const COMPLETION_ROWS: usize = 300_000;
const INSTITUTIONS: usize = 6_000;

/// The count columns of a published `C_A` file after its four keys, each preceded by its
/// imputation flag column (`XCTOTALT`).
const COUNT_COLUMNS: &[&str] = &[
    "CTOTALT", "CTOTALM", "CTOTALW", "CAIANT", "CAIANM", "CAIANW", "CASIAT", "CASIAM", "CASIAW", "CBKAAT",
    "CBKAAM", "CBKAAW", "CHISPT", "CHISPM", "CHISPW", "CNHPIT", "CNHPIM", "CNHPIW", "CWHITT", "CWHITM",
    "CWHITW", "C2MORT", "C2MORM", "C2MORW", "CUNKNT", "CUNKNM", "CUNKNW", "CNRALT", "CNRALM", "CNRALW",
];

/// The published header of `name` in data/federal, for files generated in its layout.
fn header_of(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/federal")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    text.trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .to_owned()
}

fn unitid(index: usize) -> usize {
    100_000 + index * 97
}

/// HD in the 2024 layout (72 columns, UTF-8 with a BOM, CRLF), one row per institution.
fn generated_hd() -> Vec<u8> {
    let header = header_of("hd2024_him.csv");
    let columns: Vec<&str> = header.split(',').collect();
    let states = ["OH", "TX", "CA", "NY", "FL", "PA", "IL", "GA", "NC", "MI"];
    let mut text = format!("\u{feff}{header}\r\n");
    for index in 0..INSTITUTIONS {
        let cells: Vec<String> = columns
            .iter()
            .map(|column| match *column {
                "UNITID" => unitid(index).to_string(),
                "INSTNM" => format!("\"Institution {index} of Health Sciences, Main Campus\""),
                "CITY" => format!("City {}", index % 700),
                "STABBR" => states[index % states.len()].to_owned(),
                "ZIP" => format!("{:05}-{:04}", 10_000 + index, index % 10_000),
                "WEBADDR" => format!("www.institution{index}.edu/"),
                "CONTROL" | "ICLEVEL" => (1 + index % 3).to_string(),
                "CYACTIVE" => "1".to_owned(),
                "CLOSEDAT" | "DEATHYR" => "-2".to_owned(),
                _ => (index % 9).to_string(),
            })
            .collect();
        text.push_str(&cells.join(","));
        text.push_str("\r\n");
    }
    text.into_bytes()
}

/// IC in the 2022 layout (136 columns): distance flags varied, other columns small codes.
fn generated_ic() -> Vec<u8> {
    let header = header_of("ic2022_him.csv");
    let columns: Vec<&str> = header.split(',').collect();
    let mut text = format!("{header}\n");
    for index in 0..INSTITUTIONS {
        let cells: Vec<String> = columns
            .iter()
            .map(|column| match column.trim() {
                "UNITID" => unitid(index).to_string(),
                "DISTPGS" => ["1", "0", "-1"][index % 3].to_owned(),
                "DISTCRS" => "1".to_owned(),
                "DISTNCED" => if index % 50 == 0 { "1" } else { "2" }.to_owned(),
                _ => (index % 3).to_string(),
            })
            .collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    text.into_bytes()
}

/// `IC_AY` in the 2022 layout (235 columns, each value after its quoted imputation flag); one
/// institution in 12 has no row, as clock-hour schools have none, and one in 40 has `.`
/// (not applicable) everywhere.
fn generated_ic_ay() -> Vec<u8> {
    let header = header_of("ic2022_ay_him.csv");
    let columns: Vec<&str> = header.split(',').collect();
    let mut text = format!("{header}\n");
    for index in (0..INSTITUTIONS).filter(|index| index % 12 != 0) {
        let cells: Vec<String> = columns
            .iter()
            .map(|column| match column.trim() {
                "UNITID" => unitid(index).to_string(),
                name if name.starts_with('X') => "\"R\"".to_owned(),
                _ if index % 40 == 0 => ".".to_owned(),
                _ => (1_000 + (index * 37) % 20_000).to_string(),
            })
            .collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    text.into_bytes()
}

/// Completions in the published layout (keys, then each count after its flag; CIPCODE quoted;
/// CRLF): 300,000 rows over the institutions, 1.5% of them in 51.07 (HIM, HIT, coding,
/// administration), a tenth of them second majors.
fn generated_completions() -> Vec<u8> {
    let mut text = String::with_capacity(56 << 20);
    text.push_str("UNITID,CIPCODE,MAJORNUM,AWLEVEL");
    for column in COUNT_COLUMNS {
        write!(text, ",X{column},{column}").unwrap();
    }
    text.push_str("\r\n");
    let him = ["51.0706", "51.0707", "51.0713", "51.0701"];
    let levels = [3, 5, 2, 21, 1, 7, 6, 20, 4, 8, 17];
    for row in 0..COMPLETION_ROWS {
        let institution = unitid(row % INSTITUTIONS);
        let cip = if row % 67 == 0 {
            him[(row / 67) % him.len()].to_owned()
        } else {
            format!("{:02}.{:04}", 1 + row % 54, (row * 7) % 10_000)
        };
        let major = if row % 10 == 9 { 2 } else { 1 };
        let level = levels[(row / INSTITUTIONS) % levels.len()];
        write!(text, "{institution},\"{cip}\",{major},{level}").unwrap();
        for column in 0..COUNT_COLUMNS.len() {
            let count = (row + column * 13) % 40;
            write!(text, ",R,{count}").unwrap();
        }
        text.push_str("\r\n");
    }
    text.into_bytes()
}

/// Rows of the generated outcome files: as many as the Outcome Measures and Graduation Rates
/// extracts (6,050 institutions, 50 more than the generated HD) and the Scorecard one (6,429).
const OUTCOME_ROWS: usize = 6_050;
const SCORECARD_ROWS: usize = 6_429;

/// A whole percentage, or an empty cell for one row in `gap`.
fn percent(index: usize, salt: usize, gap: usize) -> String {
    if index % gap == 0 {
        String::new()
    } else {
        ((index * salt) % 101).to_string()
    }
}

/// The Outcome Measures extract (`TOTAL_COHORT_2015`, whole percentages, no line end after
/// the last row).
fn generated_outcome_measures() -> Vec<u8> {
    let mut text = String::from("UnitID,Institution Name,TOTAL_COHORT_2015,PCT_AWARD_6YRS,PCT_AWARD_4YEARS");
    for index in 0..OUTCOME_ROWS {
        write!(
            text,
            "\n{},\"Institution {index}, Campus\",{},{},{}",
            unitid(index),
            if index % 23 == 0 {
                String::new()
            } else {
                (50 + index % 9_000).to_string()
            },
            percent(index, 37, 23),
            percent(index, 31, 23),
        )
        .unwrap();
    }
    text.into_bytes()
}

/// Outcome Measures as published: one row per institution and cohort (`OMCHRT`), each measure
/// after its imputation flag.
fn generated_published_outcome_measures() -> Vec<u8> {
    const MEASURES: &[&str] = &[
        "OMACHRT", "OMEXCLS", "OMAWDN4", "OMAWDP4", "OMAWDN6", "OMAWDP6", "OMAWDN8", "OMAWDP8", "OMENRTR",
        "OMENRAP", "OMENRUN", "OMENRYP",
    ];
    let mut text = String::from("UNITID,OMCHRT");
    for measure in MEASURES {
        write!(text, ",X{measure},{measure}").unwrap();
    }
    text.push_str("\r\n");
    for index in 0..OUTCOME_ROWS {
        for cohort in [10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42, 50] {
            write!(text, "{},{cohort}", unitid(index)).unwrap();
            for (column, measure) in MEASURES.iter().enumerate() {
                let value = if measure.contains('P') {
                    (index * 7 + column) % 101
                } else {
                    (index + cohort * 13 + column) % 5_000
                };
                write!(text, ",R,{value}").unwrap();
            }
            text.push_str("\r\n");
        }
    }
    text.into_bytes()
}

/// The Graduation Rates extract: `PGRyyyy` and `GRyyyy` for 2023 back to 2016, newest first.
fn generated_graduation_rates() -> Vec<u8> {
    let mut text = String::from("UnitID,INSTITUTION");
    for year in (2016..=2023).rev() {
        write!(text, ",PGR{year},GR{year}").unwrap();
    }
    for index in 0..OUTCOME_ROWS {
        write!(text, "\n{},Institution {index}", unitid(index)).unwrap();
        for year in (2016..=2023).rev() {
            write!(
                text,
                ",{},{}",
                percent(index + year, 29, 11),
                percent(index + year, 41, 17)
            )
            .unwrap();
        }
    }
    text.into_bytes()
}

/// The Scorecard earnings extract: dollars written as floats, `NULL` and `PrivacySuppressed`.
fn generated_scorecard_earnings() -> Vec<u8> {
    let mut text = String::from("UNITID,INSTNM,STABBR,MD_EARN_WNE_P10,MD_EARN_WNE_P6\n");
    for index in 0..SCORECARD_ROWS {
        let earnings = |base: usize| match index % 31 {
            0 => "NULL".to_owned(),
            1 => "PrivacySuppressed".to_owned(),
            _ => format!("{}.0", base + (index * 13) % 40_000),
        };
        writeln!(
            text,
            "{},Institution {index},OH,{},{}",
            unitid(index),
            earnings(25_000),
            earnings(20_000)
        )
        .unwrap();
    }
    text.into_bytes()
}

pub(crate) fn national(c: &mut Criterion) {
    let hd = generated_hd();
    let ic = generated_ic();
    let ic_ay = generated_ic_ay();
    let completions = generated_completions();
    let total = hd.len() + ic.len() + ic_ay.len() + completions.len();
    let year = himkit::Year::new(2024).unwrap();
    let ic_year = himkit::Year::new(2022).unwrap();
    let ipeds = || {
        CatalogInputs::new(
            ("hd2024.csv", hd.as_slice()),
            ("c2024_a.csv", completions.as_slice()),
            year,
        )
        .with_distance(("ic2022.csv", ic.as_slice()), ic_year)
        .with_charges(("ic2022_ay.csv", ic_ay.as_slice()), ic_year)
    };
    let read_and_build = || ipeds().build().unwrap();
    let built = read_and_build();
    let outcome_measures = generated_outcome_measures();
    let graduation_rates = generated_graduation_rates();
    let earnings = generated_scorecard_earnings();
    let with_outcomes = || {
        ipeds()
            .with_institution_outcomes(
                ("ipeds_om2023_award_rates.csv", outcome_measures.as_slice()),
                None,
            )
            .with_institution_outcomes(("ipeds_gr_150_2016_2023.csv", graduation_rates.as_slice()), None)
            .with_scorecard_institutions(
                ("scorecard_institution_earnings_2025.csv", earnings.as_slice()),
                "2025",
            )
            .unwrap()
            .build()
            .unwrap()
    };
    let built_with_outcomes = with_outcomes();
    eprintln!(
        "C_A {:.1} MB, {COMPLETION_ROWS} rows; HD {:.1} MB; IC {:.1} MB; IC_AY {:.1} MB; {} programs at {} institutions, {} of them with an unknown cost",
        completions.len() as f64 / 1e6,
        hd.len() as f64 / 1e6,
        ic.len() as f64 / 1e6,
        ic_ay.len() as f64 / 1e6,
        built.summary.programs,
        built.summary.institutions,
        built.summary.cost_unknown(),
    );
    let summary = &built_with_outcomes.summary;
    eprintln!(
        "outcome files: OM {:.2} MB, GR {:.2} MB, Scorecard {:.2} MB; programs with a completion rate {}, a graduation rate {}, earnings {}; institutions without outcomes {}",
        outcome_measures.len() as f64 / 1e6,
        graduation_rates.len() as f64 / 1e6,
        earnings.len() as f64 / 1e6,
        summary.institution_completion_rates,
        summary.institution_graduation_rates,
        summary.institution_earnings,
        summary.institutions_without_outcomes.len(),
    );
    let mut group = c.benchmark_group("national catalogue from full-size IPEDS files");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("HD, C_A, IC and IC_AY read and built", |b| {
        b.iter(|| black_box(read_and_build()));
    });
    let with_outcome_bytes = total + outcome_measures.len() + graduation_rates.len() + earnings.len();
    group.throughput(Throughput::Bytes(with_outcome_bytes as u64));
    group.bench_function(
        "HD, C_A, IC, IC_AY and the outcome files (OM, GR, Scorecard earnings) read and built",
        |b| b.iter(|| black_box(with_outcomes())),
    );
    let published = generated_published_outcome_measures();
    eprintln!(
        "Outcome Measures as published: {:.1} MB, {} rows",
        published.len() as f64 / 1e6,
        OUTCOME_ROWS * 13
    );
    group.throughput(Throughput::Bytes(published.len() as u64));
    group.bench_function("Outcome Measures as published read", |b| {
        b.iter(|| {
            let read = read_institution_outcomes(
                "om2023.csv",
                black_box(published.as_slice()),
                None,
                &ReadOptions::default(),
            )
            .unwrap();
            assert_eq!(read.items.len(), OUTCOME_ROWS);
            read
        });
    });
    group.finish();
}
