//! Federal readers' speed: a generated IPEDS Completions `C_A` of 300 000 rows in the published
//! layout (an imputation flag before each of 30 counts, quoted CIPCODE, CRLF; about 50 MB, the
//! size of the national file), read filtered to the HIM CIP codes and in full.
//!
//! `cargo bench --bench federal`. The file is written once to the system temp directory
//! (`himkit-bench/c_a_full.csv`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use himkit::io::{IpedsOptions, read_ipeds_completions};

const ROWS: u32 = 300_000;

/// The counts of the published file after `AWLEVEL`, each preceded by its flag column.
const COUNTS: [&str; 30] = [
    "CTOTALT", "CTOTALM", "CTOTALW", "CAIANT", "CAIANM", "CAIANW", "CASIAT", "CASIAM", "CASIAW", "CBKAAT",
    "CBKAAM", "CBKAAW", "CHISPT", "CHISPM", "CHISPW", "CNHPIT", "CNHPIM", "CNHPIW", "CWHITT", "CWHITM",
    "CWHITW", "C2MORT", "C2MORM", "C2MORW", "CUNKNT", "CUNKNM", "CUNKNW", "CNRALT", "CNRALM", "CNRALW",
];

/// The generated file: 6 000 institutions; one row in 60 is HIM (51.0706 or 51.0707), the
/// others cycle over other six-digit CIP codes; award levels and majors vary; one row in 500 is
/// a grand total (`99`).
fn generated_file() -> PathBuf {
    let directory = std::env::temp_dir().join("himkit-bench");
    let path = directory.join("c_a_full.csv");
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&directory).unwrap();
    let mut text = String::with_capacity(52 << 20);
    text.push_str("UNITID,CIPCODE,MAJORNUM,AWLEVEL");
    for count in COUNTS {
        write!(text, ",X{count},{count}").unwrap();
    }
    text.push_str("\r\n");
    let levels = [2, 3, 5, 6, 7, 21, 20, 8, 4, 17];
    for row in 0..ROWS {
        let cip = if row % 500 == 0 {
            "99".to_owned()
        } else if row % 60 == 0 {
            format!("51.070{}", 6 + row % 2)
        } else {
            format!("{:02}.{:04}", 1 + row % 54, row % 9_999)
        };
        write!(
            text,
            "{},\"{cip}\",{},{}",
            100_000 + row % 6_000,
            1 + row % 2,
            levels[(row % 10) as usize]
        )
        .unwrap();
        for count in 0..30 {
            write!(text, ",R,{}", (row + count) % 50).unwrap();
        }
        text.push_str("\r\n");
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn completions(c: &mut Criterion) {
    let bytes = std::fs::read(generated_file()).unwrap();
    let source = "c_a_full.csv";
    let mut him = IpedsOptions::new();
    him.cip_prefixes = vec!["51.0706".to_owned(), "51.0707".to_owned()];
    let kept = read_ipeds_completions(source, bytes.as_slice(), &him)
        .unwrap()
        .items
        .len();
    eprintln!(
        "{} MB, {ROWS} rows, {kept} HIM rows kept by the filter",
        bytes.len() / 1_000_000
    );
    let mut group = c.benchmark_group("ipeds completions 300k rows");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("filtered to HIM", |b| {
        b.iter(|| read_ipeds_completions(source, black_box(bytes.as_slice()), &him).unwrap());
    });
    group.bench_function("full read", |b| {
        b.iter(|| read_ipeds_completions(source, black_box(bytes.as_slice()), &IpedsOptions::new()).unwrap());
    });
    group.finish();
}

criterion_group!(benches, completions);
criterion_main!(benches);
