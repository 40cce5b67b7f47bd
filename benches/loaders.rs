//! Loader speed: reading a generated OEWS CSV of 400 000 rows (the size of the all-data file),
//! in full and filtered to the HIM occupations.
//!
//! The national catalogue: reading full-size generated IPEDS files (a 300,000-row `C_A` in the
//! published layout, HD, IC and `IC_AY` of 6,000 institutions) and building the catalogue
//! (`cargo bench --bench loaders -- national`; the files are generated in memory).
//!
//! Catalogue loading: a generated pretty-JSON catalogue of 900 and 14 400 programs beside the
//! CSV of the same programs (`cargo bench --bench loaders -- catalog`), to show linear growth;
//! the JSON is kept as `himkit-bench/programs-N.json` in the system temp directory.
//!
//! `cargo bench --bench loaders`. The OEWS file is written once to the system temp directory
//! (`himkit-bench/all_data_M_2024.csv`); `scripts/loaders_peer.sh` times pandas on the same file and
//! measures peak memory of a filtered read.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use himkit::Catalog;
use himkit::io::{OewsOptions, read_catalog_csv, read_oews_csv, write_catalog_csv};

mod common;
mod national;

const ROWS: usize = 400_000;

const HEADER: &str = "AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,NAICS_TITLE,I_GROUP,OWN_CODE,OCC_CODE,OCC_TITLE,O_GROUP,\
TOT_EMP,EMP_PRSE,JOBS_1000,LOC_QUOTIENT,PCT_TOTAL,PCT_RPT,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,\
H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY";

/// The generated file: rows cycle through 800 occupation codes (three of them HIM) over the
/// national, state and metropolitan areas, with thousands separators and the markers BLS uses.
fn generated_file() -> PathBuf {
    let directory = std::env::temp_dir().join("himkit-bench");
    let path = directory.join("all_data_M_2024.csv");
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&directory).unwrap();
    let mut text = String::with_capacity(90 << 20);
    text.push_str(HEADER);
    text.push('\n');
    let him = ["11-9111", "29-9021", "29-2072"];
    for row in 0..ROWS {
        let occupation = if row % 800 < 3 {
            him[row % 800].to_owned()
        } else {
            format!("{:02}-{:04}", 11 + row % 43, 1000 + row % 797)
        };
        let (area, title, kind, state) = match row % 3 {
            0 => ("99".to_owned(), "U.S.".to_owned(), 1, "US"),
            1 => ("39".to_owned(), "Ohio".to_owned(), 2, "OH"),
            _ => (
                format!("{}", 10_000 + row % 900),
                "Columbus, OH".to_owned(),
                4,
                "OH",
            ),
        };
        let base = 30_000 + (row % 97) * 1_000;
        let wage = |step: usize| {
            let value = base + step * 9_000;
            format!("\"{},{:03}\"", value / 1000, value % 1000)
        };
        let top = if row % 251 == 0 { "#".to_owned() } else { wage(4) };
        let employment = if row % 113 == 0 {
            "**".to_owned()
        } else {
            format!("\"{},{:03}\"", 1 + row % 90, row % 1000)
        };
        writeln!(
            text,
            "{area},\"{title}\",{kind},{state},000000,Cross-industry,cross-industry,1235,{occupation},\"Occupation {row}\",detailed,\
{employment},2.1,1.5,0.9,,,{h:.2},{mean},0.8,14.0,18.0,24.0,31.0,40.0,{p10},{p25},{p50},{p75},{top},,",
            h = base as f64 / 2080.0,
            mean = wage(2),
            p10 = wage(0),
            p25 = wage(1),
            p50 = wage(2),
            p75 = wage(3),
        )
        .unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn loaders(c: &mut Criterion) {
    let path = generated_file();
    let bytes = std::fs::read(&path).unwrap();
    let source = "all_data_M_2024.csv";
    let mut group = c.benchmark_group("oews csv 400k rows");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    let mut filtered = OewsOptions::new();
    filtered.occupations = ["11-9111", "29-9021", "29-2072"]
        .iter()
        .map(|code| code.parse().unwrap())
        .collect();
    let rows = read_oews_csv(source, bytes.as_slice(), &filtered)
        .unwrap()
        .items
        .len();
    eprintln!(
        "{} MB, {ROWS} rows, {rows} HIM rows kept by the filter",
        bytes.len() / 1_000_000
    );
    group.bench_function("filtered to the HIM occupations", |b| {
        b.iter(|| read_oews_csv(source, black_box(bytes.as_slice()), &filtered).unwrap());
    });
    group.bench_function("full validated read", |b| {
        b.iter(|| read_oews_csv(source, black_box(bytes.as_slice()), &OewsOptions::new()).unwrap());
    });
    group.finish();
}

fn catalogs(c: &mut Criterion) {
    let mut group = c.benchmark_group("catalog");
    group.sample_size(10);
    for programs in [900usize, 14_400] {
        let catalog = common::national_catalog(programs);
        let json = catalog.to_json().unwrap();
        let mut csv = Vec::new();
        write_catalog_csv(&catalog, &mut csv).unwrap();
        // One timed load of each first, so that a slow loader shows without waiting for its samples.
        let start = Instant::now();
        assert_eq!(Catalog::from_json_str("programs.json", &json).unwrap(), catalog);
        let json_once = start.elapsed();
        let start = Instant::now();
        assert_eq!(
            read_catalog_csv("programs.csv", csv.as_slice(), &himkit::io::Limits::default())
                .unwrap()
                .len(),
            programs
        );
        let csv_once = start.elapsed();
        // Kept for the batch example: `cargo run --release --example batch -- --programs FILE`.
        let directory = std::env::temp_dir().join("himkit-bench");
        std::fs::create_dir_all(&directory).unwrap();
        std::fs::write(directory.join(format!("programs-{programs}.json")), &json).unwrap();
        eprintln!(
            "{programs} programs: JSON {} KB loaded once in {json_once:?}, CSV {} KB in {csv_once:?}",
            json.len() / 1_000,
            csv.len() / 1_000
        );
        group.throughput(Throughput::Elements(programs as u64));
        group.bench_function(BenchmarkId::new("json", programs), |b| {
            b.iter(|| Catalog::from_json_str("programs.json", black_box(&json)).unwrap());
        });
        group.bench_function(BenchmarkId::new("csv", programs), |b| {
            b.iter(|| {
                read_catalog_csv(
                    "programs.csv",
                    black_box(csv.as_slice()),
                    &himkit::io::Limits::default(),
                )
                .unwrap()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, loaders, catalogs, national::national);
criterion_main!(benches);
