//! What the server serves: the catalogue, the wage figures and the selector prepared from them.
//!
//! This is the one place where the data source is chosen: [`Data::load`] takes the embedded
//! dataset unless the command line names other files. To serve another catalogue by default,
//! change `default_dataset`.

use std::path::Path;

use himkit::io::{OewsOptions, ReadOptions, apply_accreditation_list, read_catalog_csv, read_oews_path};
use himkit::{Catalog, Dataset, HimOccupation, Selector, WageStatistics};

/// The files that replace or amend the default dataset; `None` keeps the default.
#[derive(Debug, Clone, Copy, Default)]
pub struct DataFiles<'a> {
    /// The programs: a JSON array of programs, or a catalogue CSV by its `.csv` extension.
    pub programs: Option<&'a Path>,
    /// The wage figures: a BLS OEWS workbook or CSV.
    pub oews: Option<&'a Path>,
    /// A CAHIIM accreditation list applied to the programs.
    pub accreditation: Option<&'a Path>,
}

/// The served data, prepared once at start-up and shared by every request.
#[derive(Debug)]
pub struct Data {
    catalog: Catalog,
    wages: Vec<WageStatistics>,
    selector: Selector,
    source: String,
}

/// The dataset served when no file is named: the national catalogue of real HIM programs
/// (IPEDS 2024 completions, with IC2022 and `IC2022_AY` for delivery and cost) and the BLS wage
/// figures that ship with himkit; with what the page says of it.
fn default_dataset() -> Result<(Dataset, String), String> {
    let dataset = Dataset::national().map_err(|error| error.to_string())?;
    Ok((
        dataset,
        "the national HIM catalogue embedded in himkit (IPEDS 2024 programs, costs estimated from \
         IPEDS tuition and fees)"
            .to_owned(),
    ))
}

impl Data {
    /// Loads the default dataset, with the programs of `files.programs` (a JSON array of
    /// programs, or a catalogue CSV by its `.csv` extension) and the wage figures of
    /// `files.oews` (a BLS OEWS workbook or CSV, filtered to the HIM occupations) in place of
    /// the defaults when given, and the CAHIIM list of `files.accreditation` (the CSV
    /// `build-catalog --accreditation` reads) applied to the programs. The list's report (how
    /// many programs it names, every row it could not apply) is logged, and the page names
    /// the list.
    ///
    /// # Errors
    /// The library's message for a file that cannot be read or holds an invalid value.
    pub fn load(files: &DataFiles<'_>) -> Result<Self, String> {
        let (dataset, national) = default_dataset()?;
        // What the page says of the programs and of their accreditation: the embedded
        // catalogue's is not verified; a file of programs says its own.
        let (mut catalog, programs, mut accreditation) = match files.programs {
            Some(path) => (
                read_programs(path)?,
                format!("programs from {}", file_name(path)),
                None,
            ),
            None => (
                dataset.catalog().clone(),
                national,
                Some("accreditation not verified".to_owned()),
            ),
        };
        if let Some(path) = files.accreditation {
            let (applied, matched) = apply_accreditation(&catalog, path)?;
            catalog = applied;
            accreditation = Some(format!(
                "accreditation from {} ({matched} {} matched)",
                file_name(path),
                if matched == 1 { "program" } else { "programs" }
            ));
        }
        let source = match accreditation {
            Some(accreditation) => format!("{programs}; {accreditation}"),
            None => programs,
        };
        let oews = files.oews;
        let wages = match oews {
            Some(path) => {
                let mut options = OewsOptions::new();
                options.occupations = HimOccupation::all().map(HimOccupation::soc).collect();
                let outcome = read_oews_path(path, &options).map_err(|error| error.to_string())?;
                if outcome.items.is_empty() {
                    return Err(format!(
                        "{}: no rows for the HIM occupations (11-9111, 29-9021, 29-2072, 29-2071)",
                        path.display()
                    ));
                }
                outcome.items
            }
            None => dataset.wages().to_vec(),
        };
        Ok(Self::new(catalog, wages, source))
    }

    /// Serves `catalog` and `wages`; `source` says where they came from, for the page.
    #[must_use]
    pub fn new(catalog: Catalog, wages: Vec<WageStatistics>, source: String) -> Self {
        let selector = Selector::new(&catalog, &wages);
        Self {
            catalog,
            wages,
            selector,
            source,
        }
    }

    /// The programs, in the catalogue's order.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The wage figures.
    #[must_use]
    pub fn wages(&self) -> &[WageStatistics] {
        &self.wages
    }

    /// The selector prepared from the catalogue and the wage figures.
    #[must_use]
    pub fn selector(&self) -> &Selector {
        &self.selector
    }

    /// Where the programs come from, in words.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// The file's name only: the page should not show the server's directories.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// `catalog` with the accreditation list at `path` applied, and how many programs it matched;
/// the rows it could not apply are logged with their lines. Each applied status cites the
/// list by its file name only (the page shows it, and should not show the server's
/// directories) and its line.
fn apply_accreditation(catalog: &Catalog, path: &Path) -> Result<(Catalog, usize), String> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|error| format!("--accreditation {name}: {error}"))?;
    let applied = apply_accreditation_list(
        catalog,
        &file_name(path),
        std::io::BufReader::new(file),
        &ReadOptions::default(),
    )
    .map_err(|error| format!("--accreditation {name}: {error}"))?;
    tracing::info!("accreditation list {name}: {applied}");
    let matched = applied.matched.len();
    Ok((applied.catalog, matched))
}

fn read_programs(path: &Path) -> Result<Catalog, String> {
    let name = path.display().to_string();
    let is_csv = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("csv"));
    if is_csv {
        let file = std::fs::File::open(path).map_err(|error| format!("{name}: {error}"))?;
        read_catalog_csv(
            &name,
            std::io::BufReader::new(file),
            &himkit::io::Limits::default(),
        )
        .map_err(|error| error.to_string())
    } else {
        let text = std::fs::read_to_string(path).map_err(|error| format!("{name}: {error}"))?;
        Catalog::from_json_str(&name, &text).map_err(|error| error.to_string())
    }
}
