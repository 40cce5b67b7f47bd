//! The `himkit-web` binary: a bad file at start-up exits with status 2 and the library's
//! message; SIGTERM stops it gracefully.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // Test code.

use std::io::{BufReader, Read};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

const BINARY: &str = env!("CARGO_BIN_EXE_himkit-web");

fn start_with(args: &[&str]) -> std::process::Output {
    Command::new(BINARY).args(args).output().unwrap()
}

#[test]
fn a_bad_file_at_start_up_exits_2_with_the_library_message() {
    let directory = std::env::temp_dir().join(format!("himkit-web-test-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let bad = directory.join("programs.json");
    std::fs::write(&bad, "[{\"id\": \"Not An Id\"}]").unwrap();
    let output = start_with(&["--listen", "127.0.0.1:0", "--programs", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("programs.json line 1"), "{stderr}");
    assert!(stderr.contains("field [0].id"), "{stderr}");

    let missing = directory.join("missing.csv");
    let output = start_with(&["--programs", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.csv"));

    let oews = directory.join("oews.csv");
    std::fs::write(&oews, "OCC_CODE,OCC_TITLE\n29-9021,x\n").unwrap();
    let output = start_with(&["--oews", oews.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("oews.csv"), "{stderr}");

    let output = start_with(&["--listen", "nowhere"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("'nowhere' for '--listen <ADDR>'") && stderr.contains("is not an address"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn help_prints_the_usage_and_exits_0() {
    for flag in ["--help", "-h"] {
        let output = start_with(&[flag]);
        assert_eq!(output.status.code(), Some(0), "{flag}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("Usage: himkit-web [OPTIONS]"), "{stdout}");
        for option in ["--listen <ADDR>", "--programs", "--oews", "--accreditation"] {
            assert!(stdout.contains(option), "{option} missing from {stdout}");
        }
    }
    let output = start_with(&["--top", "3"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unexpected argument '--top'"));
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_gracefully() {
    let (mut child, mut stdout, address) = spawn(&["--listen", "127.0.0.1:0"]);
    let answer = get(&address, "/api/wages");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still running after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("SIGTERM received"), "{rest}");
}

/// Starts the binary with `args`, waits for its address, and returns the child and address.
fn spawn(args: &[&str]) -> (std::process::Child, BufReader<std::process::ChildStdout>, String) {
    common::spawn_binary(Path::new(BINARY), args)
}

fn get(address: &str, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    std::io::Write::write_all(
        &mut stream,
        format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn it_serves_a_catalogue_csv_and_an_oews_file_given_at_start_up() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let catalogue = fixtures.join("catalog.csv");
    let oews = fixtures.join("national_M2024_dl.csv");
    let (mut child, _stdout, address) = spawn(&[
        "--listen",
        "127.0.0.1:0",
        "--programs",
        catalogue.to_str().unwrap(),
        "--oews",
        oews.to_str().unwrap(),
    ]);
    let programs = get(&address, "/api/programs");
    let wages = get(&address, "/api/wages");
    let page = get(&address, "/");
    child.kill().unwrap();
    child.wait().unwrap();

    let body = programs.split("\r\n\r\n").nth(1).unwrap();
    let programs: serde_json::Value = serde_json::from_str(body).unwrap();
    let expected = himkit::io::read_catalog_csv(
        "catalog.csv",
        std::fs::File::open(&catalogue).unwrap(),
        &himkit::io::Limits::default(),
    )
    .unwrap();
    assert_eq!(programs.as_array().unwrap().len(), expected.len());
    assert!(wages.starts_with("HTTP/1.1 200"));
    assert!(
        wages.contains("\"label\":\"May 2024\"") || wages.contains("2024"),
        "{wages}"
    );
    assert!(page.starts_with("HTTP/1.1 200"));
    assert!(
        page.contains("Programs: programs from catalog.csv."),
        "the page names its data source"
    );
    assert!(
        !page.contains(catalogue.to_str().unwrap()),
        "but not the server's directories"
    );
}

#[test]
fn an_accreditation_list_is_applied_to_the_served_programs_and_named_on_the_page() {
    use himkit::program::AccreditationState;
    use himkit_web::data::{Data, DataFiles};

    let directory = std::env::temp_dir().join(format!("himkit-web-accreditation-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let list = directory.join("cahiim.csv");
    std::fs::write(
        &list,
        "Institution_Name,City,State,UNITID,Degree_Level,Status,Last_Confirmed,Next_Review_Year\n\
         Alabama State University,Montgomery,AL,100724,baccalaureate,continuing-accreditation,2024-05-01,2030\n\
         Nowhere College,Columbus,OH,,associate,continuing-accreditation,2024-01-01,\n",
    )
    .unwrap();
    let data = Data::load(&DataFiles {
        accreditation: Some(&list),
        ..DataFiles::default()
    })
    .unwrap();
    let program = data
        .catalog()
        .get("alabama-state-university-100724-510706-aw5")
        .unwrap();
    assert!(
        matches!(program.accreditation(), AccreditationState::Known(_)),
        "{:?}",
        program.accreditation()
    );
    let others = data
        .catalog()
        .iter()
        .filter(|program| matches!(program.accreditation(), AccreditationState::Known(_)))
        .count();
    assert_eq!(others, 1, "the list names one program");
    assert!(
        data.source()
            .ends_with("; accreditation from cahiim.csv (1 program matched)"),
        "{}",
        data.source()
    );
    assert!(!data.source().contains("not verified"), "{}", data.source());

    // A list that cannot be read stops the start with status 2, naming the flag and the file.
    let missing = directory.join("missing-list.csv");
    let output = start_with(&[
        "--listen",
        "127.0.0.1:0",
        "--accreditation",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--accreditation") && stderr.contains("missing-list.csv"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&directory).unwrap();
}
