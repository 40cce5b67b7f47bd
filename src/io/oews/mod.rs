//! BLS Occupational Employment and Wage Statistics flat files, as published.

use std::io::Read;
use std::path::Path;

#[cfg(feature = "xlsx")]
mod xlsx;
#[cfg(feature = "xlsx")]
pub use xlsx::read_oews_xlsx;

use super::read::{Mode, ReadOutcome};
use super::table::{CellError, Columns, CsvRecords, whole_number};
use crate::error::Location;
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::value::{Confidence, Money, NaicsCode, ReferencePeriod, SocCode, Text, UsState};
use crate::wage::{
    Area, Employment, Industry, Ownership, Provenance, Unpublished, Wage, WagePercentiles, WageStatistics,
    WageStatisticsSpec,
};

/// What to read from an OEWS file, and how.
///
/// Filters are applied while reading, before a row is parsed beyond its filter columns, so a
/// filtered read of the 400 000-row all-data file keeps only the rows asked for in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct OewsOptions {
    /// The reference period; `None` reads it from the file name (`national_M2024_dl.xlsx` is
    /// May 2024).
    pub period: Option<ReferencePeriod>,
    /// Keep only these occupations (`OCC_CODE`); empty keeps all.
    pub occupations: Vec<SocCode>,
    /// Keep only these areas, by `AREA` code as published (`99` for the nation in area files, a
    /// state FIPS code, an MSA code); empty keeps all.
    pub areas: Vec<String>,
    /// Keep only these industries (`NAICS`); empty keeps all.
    pub industries: Vec<NaicsCode>,
    /// Strict or lenient.
    pub mode: Mode,
    /// The annual top-code threshold that `#` stands for; `None` uses the threshold BLS
    /// published for the period: $208,000 for May 2021, $239,200 from May 2022 on.
    pub top_code: Option<Money>,
    /// Bounds on field length and row width.
    pub limits: Limits,
}

impl OewsOptions {
    /// Options that keep every row, in strict mode.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
}

/// The annual wage BLS's `#` marker stands for ("at least"), for the periods himkit has a
/// source for: $208,000 for May 2021, $239,200 from May 2022 on (read in the May 2023 files;
/// that it applied from May 2022 is third-party). For other periods pass
/// `OewsOptions::top_code`.
#[must_use]
pub(crate) fn top_code(period: ReferencePeriod) -> Option<Money> {
    match period.year() {
        2021 => Money::new(208_000).ok(),
        year if year >= 2022 => Money::new(239_200).ok(),
        _ => None,
    }
}

/// The reference period a BLS file name states: `national_M2024_dl`, `state_M2023_dl`,
/// `MSA_M2022_dl`, `all_data_M_2024` (all May of that year), or `oesm24nat` (May 2024).
#[must_use]
pub(crate) fn period_from_file_name(name: &str) -> Option<ReferencePeriod> {
    let stem = Path::new(name).file_stem()?.to_str()?.to_ascii_lowercase();
    let four_digits = |text: &str| -> Option<u16> {
        let digits = text.get(..4)?;
        digits
            .bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    for (position, _) in stem.match_indices('m') {
        let after = stem.get(position.saturating_add(1)..)?;
        let after = after.strip_prefix('_').unwrap_or(after);
        if let Some(year) = four_digits(after) {
            return ReferencePeriod::may(year).ok();
        }
    }
    let rest = stem.strip_prefix("oesm")?;
    let two: u16 = rest.get(..2)?.parse().ok()?;
    ReferencePeriod::may(two.saturating_add(2000)).ok()
}

/// The columns a row is read from.
struct Layout {
    occupation: usize,
    title: usize,
    employment: usize,
    mean: usize,
    percentiles: [(usize, &'static str); 5],
    area: Option<usize>,
    area_title: Option<usize>,
    area_type: Option<usize>,
    primary_state: Option<usize>,
    naics: Option<usize>,
    naics_title: Option<usize>,
    ownership: Option<usize>,
}

impl Layout {
    fn new(columns: &Columns, header: &Location) -> Result<Self> {
        let percentile = |name: &'static str| columns.require(name, header).map(|index| (index, name));
        Ok(Self {
            occupation: columns.require("OCC_CODE", header)?,
            title: columns.require("OCC_TITLE", header)?,
            employment: columns.require("TOT_EMP", header)?,
            mean: columns.require("A_MEAN", header)?,
            percentiles: [
                percentile("A_PCT10")?,
                percentile("A_PCT25")?,
                percentile("A_MEDIAN")?,
                percentile("A_PCT75")?,
                percentile("A_PCT90")?,
            ],
            area: columns.find("AREA"),
            area_title: columns.find("AREA_TITLE").or_else(|| columns.find("AREA_NAME")),
            area_type: columns.find("AREA_TYPE"),
            primary_state: columns.find("PRIM_STATE").or_else(|| columns.find("ST")),
            naics: columns.find("NAICS"),
            naics_title: columns.find("NAICS_TITLE"),
            ownership: columns.find("OWN_CODE"),
        })
    }
}

/// The filters as the raw text they are compared with.
struct Filters {
    occupations: Vec<String>,
    areas: Vec<String>,
    industries: Vec<String>,
}

impl Filters {
    fn new(options: &OewsOptions) -> Self {
        Self {
            occupations: options.occupations.iter().map(ToString::to_string).collect(),
            areas: options.areas.iter().map(|area| area.trim().to_owned()).collect(),
            industries: options.industries.iter().map(ToString::to_string).collect(),
        }
    }

    /// Whether a row passes, looking only at its filter columns.
    fn keep<'a>(&self, layout: &Layout, cell: impl Fn(usize) -> Option<&'a [u8]>) -> bool {
        let matches = |wanted: &[String], index: Option<usize>| {
            wanted.is_empty()
                || index
                    .and_then(&cell)
                    .is_some_and(|value| wanted.iter().any(|w| w.as_bytes() == value.trim_ascii()))
        };
        matches(&self.occupations, Some(layout.occupation))
            && matches(&self.areas, layout.area)
            && matches(&self.industries, layout.naics)
    }
}

/// Reads one row. `cell` gives a column's text (empty for a missing cell).
struct RowReader<'a> {
    layout: &'a Layout,
    period: ReferencePeriod,
    top_code: Option<Money>,
    provenance: &'a Provenance,
}

impl RowReader<'_> {
    fn wage(&self, column: &str, text: &str) -> std::result::Result<Wage, CellError> {
        match text.trim() {
            "" => Ok(Wage::NOT_IN_SOURCE),
            "*" | "**" => Ok(Wage::Unavailable { unavailable: Unpublished::NotAvailable }),
            "#" => self.top_code.map(|at_least| Wage::AtLeast { at_least }).ok_or_else(|| {
                CellError::new(
                    column,
                    format!(
                        "\"#\" (top-coded) but himkit has no top-code threshold for {}; set OewsOptions::top_code",
                        self.period.label()
                    ),
                )
            }),
            other => {
                let dollars = whole_number(column, other)?;
                Money::new(dollars).map(Wage::Amount).map_err(|error| CellError::from_error(column, error))
            }
        }
    }

    fn read<'t>(&self, cell: impl Fn(usize) -> &'t str) -> std::result::Result<WageStatistics, CellError> {
        let layout = self.layout;
        let text = |column: &str, index: usize| {
            Text::new(cell(index)).map_err(|error| CellError::from_error(column, error))
        };
        let occupation: SocCode = cell(layout.occupation)
            .trim()
            .parse()
            .map_err(|error| CellError::from_error("OCC_CODE", error))?;
        let employment = match cell(layout.employment).trim() {
            "" => Employment::Unavailable {
                unavailable: Unpublished::NotInSource,
            },
            "*" | "**" => Employment::Unavailable {
                unavailable: Unpublished::NotAvailable,
            },
            other => {
                let count = whole_number("TOT_EMP", other)?;
                Employment::Count(
                    u32::try_from(count)
                        .map_err(|_| CellError::new("TOT_EMP", format!("{other:?} is too large")))?,
                )
            }
        };
        let mut wages = [Wage::NOT_IN_SOURCE; 5];
        for (slot, (index, column)) in wages.iter_mut().zip(layout.percentiles) {
            *slot = self.wage(column, cell(index))?;
        }
        let [p10, p25, median, p75, p90] = wages;
        let percentiles = WagePercentiles::new(p10, p25, median, p75, p90).map_err(|error| {
            let column = error.field().map_or("A_MEDIAN", column_of_percentile);
            CellError::from_error(column, error)
        })?;
        Ok(WageStatistics::new(WageStatisticsSpec {
            occupation,
            occupation_title: text("OCC_TITLE", layout.title)?,
            area: self.area(&cell)?,
            industry: self.industry(&cell)?,
            ownership: match layout.ownership.map(&cell).map(str::trim) {
                None | Some("") => None,
                Some(code) => {
                    let code = whole_number("OWN_CODE", code)?;
                    Some(Ownership::new(code).map_err(|error| CellError::from_error("OWN_CODE", error))?)
                }
            },
            period: self.period,
            employment,
            mean: self.wage("A_MEAN", cell(layout.mean))?,
            percentiles,
            provenance: self.provenance.clone(),
        }))
    }

    fn area<'t>(&self, cell: &impl Fn(usize) -> &'t str) -> std::result::Result<Area, CellError> {
        let layout = self.layout;
        let area_code = layout.area.map(|index| cell(index).trim());
        let title = |code: &str| {
            let title = layout.area_title.map_or(code, |index| cell(index));
            Text::new(title).map_err(|error| CellError::from_error("AREA_TITLE", error))
        };
        let area_type = match layout.area_type.map(|index| cell(index).trim()) {
            Some(kind) if !kind.is_empty() => kind,
            // National files may carry no area columns at all; area code 99 is the nation.
            _ if area_code.is_none_or(|code| code == "99" || code == "U.S." || code.is_empty()) => "1",
            _ => {
                return Err(CellError::new(
                    "AREA_TYPE",
                    "is missing, so the area cannot be told apart",
                ));
            }
        };
        let code_number = |code: Option<&str>| -> std::result::Result<u32, CellError> {
            let code = code.unwrap_or("");
            let number = whole_number("AREA", code)?;
            u32::try_from(number).map_err(|_| CellError::new("AREA", format!("{code:?} is too large")))
        };
        match area_type {
            "1" => Ok(Area::National),
            "2" | "3" => {
                let by_code = layout
                    .primary_state
                    .map(|index| cell(index).trim())
                    .filter(|code| !code.is_empty());
                let state = if let Some(code) = by_code {
                    code.parse::<UsState>()
                        .map_err(|error| CellError::from_error("PRIM_STATE", error))?
                } else {
                    let fips = code_number(area_code)?;
                    u8::try_from(fips)
                        .ok()
                        .and_then(UsState::from_fips)
                        .ok_or_else(|| {
                            CellError::new(
                                "AREA",
                                format!("{fips} is not the FIPS code of a state or territory"),
                            )
                        })?
                };
                Ok(Area::State { state })
            }
            "4" => {
                let code = code_number(area_code)?;
                Ok(Area::Metropolitan {
                    code,
                    title: title(&code.to_string())?,
                })
            }
            "6" => {
                let code = code_number(area_code)?;
                Ok(Area::Nonmetropolitan {
                    code,
                    title: title(&code.to_string())?,
                })
            }
            other => Err(CellError::new(
                "AREA_TYPE",
                format!(
                    "{other:?} is not an OEWS area type (1 U.S., 2 state, 3 territory, 4 MSA, 6 nonmetropolitan)"
                ),
            )),
        }
    }

    fn industry<'t>(
        &self,
        cell: &impl Fn(usize) -> &'t str,
    ) -> std::result::Result<Option<Industry>, CellError> {
        let Some(index) = self.layout.naics else {
            return Ok(None);
        };
        let code = cell(index).trim();
        if code.is_empty() {
            return Ok(None);
        }
        let naics: NaicsCode = code
            .parse()
            .map_err(|error| CellError::from_error("NAICS", error))?;
        if naics.is_cross_industry() {
            return Ok(None);
        }
        let title = self.layout.naics_title.map_or(code, |index| cell(index));
        Ok(Some(Industry {
            naics,
            title: Text::new(title).map_err(|error| CellError::from_error("NAICS_TITLE", error))?,
        }))
    }
}

fn column_of_percentile(field: &str) -> &'static str {
    match field.rsplit('.').next().unwrap_or_default() {
        "p10" => "A_PCT10",
        "p25" => "A_PCT25",
        "p75" => "A_PCT75",
        "p90" => "A_PCT90",
        _ => "A_MEDIAN",
    }
}

fn resolve_period(source: &str, options: &OewsOptions) -> Result<ReferencePeriod> {
    options
        .period
        .or_else(|| period_from_file_name(source))
        .ok_or_else(|| {
            Error::malformed(
                Location::in_source(source),
                "the reference period is unknown: give it in OewsOptions::period or keep BLS's file name \
                 (e.g. national_M2024_dl.csv)",
            )
        })
}

fn provenance(source: &str) -> Result<Provenance> {
    Ok(Provenance {
        source: Text::new(&format!("BLS OEWS file {source}"))?,
        confidence: Confidence::Confirmed,
        note: None,
    })
}

/// Reads an OEWS table saved as CSV (the BLS workbook's data sheet, or a mirror of it).
/// `source` names the input in errors and, unless [`OewsOptions::period`] is set, gives the
/// reference period through its file name.
///
/// Columns are matched by name, case-insensitively; columns himkit does not use are ignored.
/// `OCC_CODE`, `OCC_TITLE`, `TOT_EMP`, `A_MEAN` and `A_PCT10` … `A_PCT90` are required; area,
/// industry and ownership columns are read where present. Markers become states: `*` and `**`
/// "not available", `#` top-coded ([`Wage::AtLeast`]), an empty cell "not in source".
///
/// # Errors
/// An error located at the line and column for a missing required column, a malformed row or a
/// refused value (in strict mode), or for an unknown reference period; [`ErrorKind::Io`](crate::ErrorKind::Io) if reading
/// fails.
pub fn read_oews_csv<R: Read>(
    source: &str,
    reader: R,
    options: &OewsOptions,
) -> Result<ReadOutcome<WageStatistics>> {
    let period = resolve_period(source, options)?;
    let provenance = provenance(source)?;
    let mut csv = CsvRecords::new(source, reader, &options.limits, csv::Trim::None);
    let header_location = Location::line_of(source, Some(1));
    let names = csv.header()?;
    let columns = Columns::new(&names);
    let layout = Layout::new(&columns, &header_location)?;
    let filters = Filters::new(options);
    let rows = RowReader {
        layout: &layout,
        period,
        top_code: options.top_code.or_else(|| top_code(period)),
        provenance: &provenance,
    };
    let mut outcome = ReadOutcome::new();
    let mut record = csv::ByteRecord::new();
    while csv.read_bytes(&mut record, options.mode, &mut outcome)? {
        if !filters.keep(&layout, |index| record.get(index)) {
            outcome.filtered = outcome.filtered.saturating_add(1);
            continue;
        }
        let location = Location::line_of(source, csv.line());
        let text: Vec<&str> = record
            .iter()
            .map(|bytes| std::str::from_utf8(bytes).unwrap_or("\u{FFFD}"))
            .collect();
        let result = if text.iter().any(|cell| cell.contains('\u{FFFD}')) {
            Err(CellError::new("", "the row is not valid UTF-8"))
        } else {
            rows.read(|index| text.get(index).copied().unwrap_or(""))
        };
        match result {
            Ok(statistics) => outcome.items.push(statistics),
            Err(problem) => outcome.skip_or_fail(options.mode, problem.into_error(location))?,
        }
    }
    Ok(outcome)
}

/// Reads an OEWS file by its extension: `.xlsx` as a workbook (with the default `xlsx`
/// feature), anything else as CSV.
///
/// # Errors
/// As [`read_oews_csv`]; [`ErrorKind::Io`](crate::ErrorKind::Io) if the file cannot be opened.
pub fn read_oews_path(path: &Path, options: &OewsOptions) -> Result<ReadOutcome<WageStatistics>> {
    let source = path.display().to_string();
    let is_xlsx = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        #[cfg(feature = "xlsx")]
        {
            let file = std::fs::File::open(path).map_err(|error| Error::io(source.clone(), error))?;
            return read_oews_xlsx(&source, std::io::BufReader::new(file), options);
        }
        #[cfg(not(feature = "xlsx"))]
        return Err(Error::malformed(
            Location::in_source(source),
            "reading .xlsx needs himkit's `xlsx` feature; save the sheet as CSV or enable the feature",
        ));
    }
    let file = std::fs::File::open(path).map_err(|error| Error::io(source.clone(), error))?;
    read_oews_csv(&source, std::io::BufReader::with_capacity(1 << 16, file), options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_give_the_reference_period() {
        for (name, year) in [
            ("national_M2024_dl.xlsx", 2024),
            ("state_M2023_dl.csv", 2023),
            ("MSA_M2022_dl.xlsx", 2022),
            ("all_data_M_2024.xlsx", 2024),
            ("oesm24nat.zip", 2024),
        ] {
            assert_eq!(
                period_from_file_name(name),
                Some(ReferencePeriod::may(year).unwrap()),
                "{name}"
            );
        }
        assert_eq!(period_from_file_name("wages.csv"), None);
    }
}
