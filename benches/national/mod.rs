//! Full-size IPEDS files generated in memory in the published layouts, and the national
//! catalogue read and built from them.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput};
use himkit::io::CatalogInputs;

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

pub fn national(c: &mut Criterion) {
    let hd = generated_hd();
    let ic = generated_ic();
    let ic_ay = generated_ic_ay();
    let completions = generated_completions();
    let total = hd.len() + ic.len() + ic_ay.len() + completions.len();
    let year = himkit::Year::new(2024).unwrap();
    let ic_year = himkit::Year::new(2022).unwrap();
    let read_and_build = || {
        CatalogInputs::new(
            ("hd2024.csv", hd.as_slice()),
            ("c2024_a.csv", completions.as_slice()),
            year,
        )
        .with_distance(("ic2022.csv", ic.as_slice()), ic_year)
        .with_charges(("ic2022_ay.csv", ic_ay.as_slice()), ic_year)
        .build()
        .unwrap()
    };
    let built = read_and_build();
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
    let mut group = c.benchmark_group("national catalogue from full-size IPEDS files");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("HD, C_A, IC and IC_AY read and built", |b| {
        b.iter(|| black_box(read_and_build()));
    });
    group.finish();
}
