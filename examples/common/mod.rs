//! What the examples share: the flags that mean the same in every example, reading the user's
//! files with errors that name them, and output that survives a closed pipe (`| head`).
#![allow(dead_code)] // Each example uses a part.

pub(crate) mod flags;

/// Appends a formatted line to a `String`.
macro_rules! outln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Writes `text` to standard output; a reader that stopped early (a closed pipe) is not an
/// error worth a message.
pub(crate) fn emit(text: &str) -> Result<(), String> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("writing output: {error}"))
        }
        _ => Ok(()),
    }
}

use std::path::Path;

use himkit::{Catalog, Dataset, StudentProfile, UsState};

/// The catalogue and wage data to work on: the user's programs file (JSON, or CSV by its
/// extension) if given, else the embedded illustrative catalogue; the embedded BLS figures
/// either way.
pub(crate) fn load_dataset(programs: Option<&str>) -> Result<(Catalog, Dataset), String> {
    load_catalog(programs, true)
}

/// As [`load_dataset`], with the embedded national catalogue of real programs unless
/// `illustrative`.
pub(crate) fn load_catalog(programs: Option<&str>, illustrative: bool) -> Result<(Catalog, Dataset), String> {
    let dataset = if illustrative || programs.is_some() {
        Dataset::embedded()
    } else {
        Dataset::national()
    }
    .map_err(|error| error.to_string())?;
    let catalog = match programs {
        Some(path) if path.to_ascii_lowercase().ends_with(".csv") => {
            let file = std::fs::File::open(path).map_err(|error| format!("{path}: {error}"))?;
            himkit::io::read_catalog_csv(
                path,
                std::io::BufReader::new(file),
                &himkit::io::Limits::default(),
            )
            .map_err(|error| error.to_string())?
        }
        Some(path) => {
            let text = read(path)?;
            Catalog::from_json_str(path, &text).map_err(|error| error.to_string())?
        }
        None => dataset.catalog().clone(),
    };
    Ok((catalog, dataset))
}

/// The user's profile if given, else the documented example profile (a student in Ohio).
pub(crate) fn load_profile(path: Option<&str>) -> Result<StudentProfile, String> {
    match path {
        Some(path) => {
            let text = read(path)?;
            StudentProfile::from_json_str(path, &text).map_err(|error| error.to_string())
        }
        None => Ok(StudentProfile::example(UsState::Ohio)),
    }
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(Path::new(path)).map_err(|error| format!("{path}: {error}"))
}

/// "1 program", "2 programs": a count and its noun, in the singular for one.
pub(crate) fn count(number: usize, singular: &str, plural: &str) -> String {
    if number == 1 {
        format!("1 {singular}")
    } else {
        format!("{number} {plural}")
    }
}

/// Cuts `text` to `width` characters, marking the cut.
pub(crate) fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Attaches College Scorecard outcomes from `path` to `catalog`; the outcome year is `year`, or
/// the first four-digit year in the file name.
pub(crate) fn attach_scorecard(
    catalog: &Catalog,
    path: &str,
    year: Option<himkit::Year>,
) -> Result<Catalog, String> {
    let year = match year {
        Some(year) => year,
        None => himkit::io::year_in_file_name(path).ok_or_else(|| {
            format!(
                "{path}: the file name has no year; give the year the outcomes describe with --scorecard-year"
            )
        })?,
    };
    let file = std::fs::File::open(path).map_err(|error| format!("{path}: {error}"))?;
    let attachment = himkit::io::attach_scorecard(
        catalog,
        path,
        std::io::BufReader::new(file),
        year,
        &himkit::io::ReadOptions::default(),
    )
    .map_err(|error| error.to_string())?;
    eprintln!(
        "scorecard: outcomes attached to {} programs; {} had no matching row; {} lack a UNITID or CIP code",
        attachment.attached.len(),
        attachment.unmatched.len(),
        attachment.unidentified.len()
    );
    Ok(attachment.catalog)
}

/// Applies the accreditation list at `path` (the CSV kept from CAHIIM's directory that
/// `build-catalog --accreditation` reads) to `catalog`, and reports on standard error how many
/// programs it names and every row it could not apply.
#[allow(dead_code)] // Not every example that includes this module takes --accreditation.
pub(crate) fn apply_accreditation(catalog: &Catalog, path: &str) -> Result<Catalog, String> {
    let file = std::fs::File::open(path).map_err(|error| format!("--accreditation {path}: {error}"))?;
    let applied = himkit::io::apply_accreditation_list(
        catalog,
        path,
        std::io::BufReader::new(file),
        &himkit::io::ReadOptions::default(),
    )
    .map_err(|error| error.to_string())?;
    eprintln!("accreditation list {path}: {applied}");
    Ok(applied.catalog)
}
