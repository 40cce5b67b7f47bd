//! The examples' command lines: every example answers `--help` with its usage and status 0,
//! and the flags they share mean the same in each (`--top 0` is refused alike).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code.

use std::process::{Command, Output};

/// Every example, by name; the test checks that none in `examples/` is missing.
const EXAMPLES: [&str; 6] = ["batch", "build-catalog", "catalog", "compare", "select", "wages"];

/// Runs an example through cargo, with the features this test was built with, so that cargo
/// finds the examples already built by the same `cargo test` and only checks them.
fn run_example(name: &str, args: &[&str]) -> Output {
    let features: Vec<&str> = [
        cfg!(feature = "xlsx").then_some("xlsx"),
        cfg!(feature = "parallel").then_some("parallel"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut command = Command::new(env!("CARGO"));
    command.current_dir(env!("CARGO_MANIFEST_DIR")).args([
        "run",
        "--quiet",
        "--no-default-features",
        "--example",
        name,
    ]);
    if !features.is_empty() {
        command.args(["--features", &features.join(",")]);
    }
    command.arg("--").args(args).output().unwrap()
}

#[test]
fn every_example_is_listed() {
    let mut found: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    found.sort();
    assert_eq!(found, EXAMPLES);
}

#[test]
fn help_prints_the_usage_and_exits_0_in_every_example() {
    for name in EXAMPLES {
        for flag in ["--help", "-h"] {
            let output = run_example(name, &[flag]);
            let stdout = String::from_utf8_lossy(&output.stdout);
            assert_eq!(
                output.status.code(),
                Some(0),
                "{name} {flag}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(
                stdout.contains(&format!("Usage: {name} ")),
                "{name} {flag}: {stdout}"
            );
            assert!(stdout.contains("-h, --help"), "{name} {flag}: {stdout}");
        }
    }
}

#[test]
fn a_flag_means_the_same_in_every_example_that_takes_it() {
    for name in ["batch", "select"] {
        let output = run_example(name, &["--top", "0"]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("invalid value '0' for '--top <N>': \"0\" is not a positive whole number"),
            "{name}: {stderr}"
        );
    }
    for name in ["select", "compare"] {
        let output = run_example(name, &["--illustrative", "--programs", "programs.json"]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("'--illustrative' cannot be used with '--programs"),
            "{name}: {stderr}"
        );
    }
    let output = run_example("wages", &["--nonsense"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unexpected argument '--nonsense'"));
}

/// `wages --state` shows one state's embedded figures beside the nation's, and says which
/// occupations the state has no figure for.
#[test]
fn wages_shows_a_state_beside_the_nation() {
    let output = run_example("wages", &["--state", "OH"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line_of = |area: &str, soc: &str| {
        stdout
            .lines()
            .find(|line| line.starts_with(soc) && line.contains(area))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    assert!(line_of("Ohio", "29-9021").contains("$70,620"), "{stdout}");
    assert!(
        line_of("United States", "29-9021").contains("$67,310"),
        "{stdout}"
    );
    assert!(line_of("Ohio", "29-2072").contains("$51,420"), "{stdout}");
    assert!(line_of("Ohio", "11-9111").contains("$105,040"), "{stdout}");

    let output = run_example("wages", &["--state", "GU"]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("29-9021: the embedded wages have no Guam figure"),
        "{stdout}"
    );
    assert!(
        line_of_any(&stdout, "29-9021")
            .iter()
            .all(|line| !line.contains("Guam")),
        "{stdout}"
    );

    let output = run_example("wages", &["--state", "ZZ"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("\"ZZ\" is not a known state"));
}

/// The table's lines of one occupation (not the notes under the table).
fn line_of_any(stdout: &str, soc: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|line| line.starts_with(&format!("{soc} ")))
        .map(str::to_owned)
        .collect()
}

#[test]
fn select_prints_the_accreditation_lists_report_with_variant_matches_and_candidates() {
    let output = run_example(
        "select",
        &[
            "--accreditation",
            "tests/fixtures/cahiim_directory_variants.csv",
            "--top",
            "1",
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with(
            "accreditation list tests/fixtures/cahiim_directory_variants.csv: applied to 20 programs \
             (17 by name variant); 7 rows matched no program, 2 more than one\n  \
             line 2: matched Cuyahoga Community College District (UNITID 202356) by name variant \
             (note in parentheses, suffix District)\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "\n  line 23 (Wallace State Community College): no certificate program of an institution of this \
             name in AL; could be (add its UNITID to the row):\n      UNITID 101295 George C Wallace State \
             Community College-Hanceville, Hanceville, AL: certificate, associate (same city; shares \"wallace\")\n"
        ),
        "{stderr}"
    );
}

#[test]
fn select_shows_each_campus_s_distance_from_the_home_zip_code() {
    let profile = "tests/fixtures/profile_cincinnati_30_miles.json";
    let output = run_example("select", &["--profile", profile, "--top", "20"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("miles from 45202; helped most:"), "{stdout}");
    assert!(
        stdout.contains("Beckfield College-Florence, KY           9.6 miles from 45202"),
        "{stdout}"
    );
    assert!(stdout.contains("campus-too-far"), "{stdout}");
    // The JSON names the distance, and --explain says it and the tuition charged.
    let output = run_example("select", &["--profile", profile, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let gateway = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["id"].as_str().unwrap().contains("-157438-"))
        .unwrap();
    assert_eq!(gateway["distance_from"], "45202");
    assert_eq!(gateway["residency"], "out-of-state");
    let id = gateway["id"].as_str().unwrap();
    let output = run_example("select", &["--profile", profile, "--explain", id]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Campus: Florence, KY (12.2 miles from 45202)"),
        "{stdout}"
    );
    assert!(stdout.contains("out-of-state"), "{stdout}");
}

/// The national program line 2 of the fixture list names.
const CUYAHOGA: &str = "cuyahoga-community-college-district-202356-510707-aw3";

/// One program's cell of a row of `compare`'s table (the label, then 30-character columns),
/// its lines joined and every space left out, so that where the column wrapped does not
/// matter.
fn compare_cell(stdout: &str, label: &str, column: usize) -> String {
    let start = 28 + column * 31;
    stdout
        .lines()
        .skip_while(|line| !line.starts_with(&format!("{label} ")))
        .enumerate()
        .take_while(|(at, line)| *at == 0 || line.starts_with(' '))
        .map(|(_, line)| line.chars().skip(start).take(30).collect::<String>())
        .collect::<String>()
        .split_whitespace()
        .collect()
}

#[test]
fn select_and_compare_say_where_each_status_came_from() {
    let list = "tests/fixtures/cahiim_directory_variants.csv";
    let output = run_example("select", &["--accreditation", list, "--explain", CUYAHOGA]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains(
            "\naccreditation: CAHIIM continuing accreditation — from tests/fixtures/cahiim_directory_variants.csv \
             line 2, last confirmed 2025-06-30, next review 2029\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "\nRHIT: eligible through CAHIIM continuing accreditation (from \
             tests/fixtures/cahiim_directory_variants.csv line 2)\n"
        ),
        "{stdout}"
    );

    // The table's legend names the list and the rows of the programs shown that it gave.
    let output = run_example("select", &["--accreditation", list, "--top", "11"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(
            "\naccreditation from the list tests/fixtures/cahiim_directory_variants.csv for 1 program shown \
             (ohio-state-university-main-campus-204796-510706-aw5 line 5); --explain ID cites the row and the \
             dates\n"
        ),
        "{stdout}"
    );

    // compare takes --accreditation as select does, and shows each status with its source.
    let other = "southwest-wisconsin-technical-college-239910-510707-aw3";
    let output = run_example("compare", &["--accreditation", list, CUYAHOGA, other]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with(&format!("accreditation list {list}: applied to 20 programs")),
        "{stderr}"
    );
    assert_eq!(
        compare_cell(&stdout, "accreditation", 0),
        "CAHIIMcontinuingaccreditation—fromtests/fixtures/cahiim_directory_variants.csvline2,lastconfirmed\
         2025-06-30,nextreview2029",
        "{stdout}"
    );
    assert_eq!(
        compare_cell(&stdout, "accreditation", 1),
        "notverified(checktheCAHIIMprogramdirectory)",
        "{stdout}"
    );
    // Without the list, the same program is not verified.
    let output = run_example("compare", &[CUYAHOGA, other]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        compare_cell(&stdout, "accreditation", 0),
        "notverified(checktheCAHIIMprogramdirectory)",
        "{stdout}"
    );
}
