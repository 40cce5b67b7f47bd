//! BLS OEWS workbooks (`.xlsx`), read with calamine: rows are assembled cell by cell and go
//! through the same row reader as the CSV files.

use super::{Filters, Layout, OewsOptions, RowReader, provenance, resolve_period, top_code};
use crate::error::{Error, Location, Result};
use crate::io::read::ReadOutcome;
use crate::io::table::Columns;
use crate::value::ReferencePeriod;
use crate::wage::{Provenance, WageStatistics};

/// Reads an OEWS workbook (`.xlsx`) as BLS publishes it, from any seekable reader (a file, bytes
/// in memory): the first sheet whose header row has `OCC_CODE` (the "Field Descriptions" sheet
/// is skipped). `source` names the workbook in errors and, unless [`OewsOptions::period`] is
/// set, gives the reference period (`national_M2024_dl.xlsx` is May 2024). Cells stream from
/// the reader, so a filtered read keeps only the matching rows in memory. See [`read_oews_csv`](super::read_oews_csv) for columns and
/// markers; errors name the sheet and row. A cell past [`Limits`](super::Limits) (beyond
/// `max_fields` columns, or longer than `max_field_bytes`) ends the read in either mode, since a
/// row is assembled cell by cell.
///
/// # Errors
/// As [`read_oews_csv`](super::read_oews_csv); [`ErrorKind::Io`](crate::ErrorKind::Io) if the file cannot be opened or is not a workbook;
/// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) naming the bound for a cell past the
/// limits.
pub fn read_oews_xlsx<RS: std::io::Read + std::io::Seek>(
    source: &str,
    reader: RS,
    options: &OewsOptions,
) -> Result<ReadOutcome<WageStatistics>> {
    use calamine::{Reader, Xlsx};

    let source = source.to_owned();
    let period = resolve_period(&source, options)?;
    let provenance = provenance(&source)?;
    let io_error = |error: calamine::XlsxError| Error::io(source.clone(), std::io::Error::other(error));
    let mut workbook: Xlsx<RS> = Xlsx::new(reader).map_err(io_error)?;
    for sheet in workbook.sheet_names() {
        let mut cells = workbook.worksheet_cells_reader(&sheet).map_err(io_error)?;
        let mut reader = SheetReader {
            source: &source,
            sheet: &sheet,
            options,
            filters: Filters::new(options),
            period,
            provenance: &provenance,
            layout: None,
            outcome: ReadOutcome::new(),
        };
        let mut current: Option<u32> = None;
        let mut row: Vec<String> = Vec::new();
        let mut is_data_sheet = true;
        while let Some(cell) = cells.next_cell().map_err(io_error)? {
            let (row_number, column) = cell.get_position();
            if let Some(previous) = current.filter(|previous| *previous != row_number) {
                let keep_going = reader.row(previous, &row)?;
                row.clear();
                if !keep_going {
                    is_data_sheet = false;
                    break;
                }
            }
            current = Some(row_number);
            let column = column as usize;
            let refuse = |column: Option<usize>, message: String| {
                Error::too_large(
                    Location {
                        source: Some(source.clone()),
                        sheet: Some(sheet.clone()),
                        line: Some(u64::from(row_number).saturating_add(1)),
                        column: column
                            .map(|column| u64::try_from(column).unwrap_or(u64::MAX).saturating_add(1)),
                        ..Location::default()
                    },
                    message,
                )
            };
            if column >= options.limits.max_fields {
                return Err(refuse(
                    None,
                    format!(
                        "a cell in column {} is beyond the limit of {} columns (Limits::max_fields)",
                        column.saturating_add(1),
                        options.limits.max_fields
                    ),
                ));
            }
            if row.len() <= column {
                row.resize(column.saturating_add(1), String::new());
            }
            let text = cell_text(cell.get_value());
            if text.len() > options.limits.max_field_bytes {
                return Err(refuse(
                    Some(column),
                    format!(
                        "a cell of {} bytes is longer than the limit of {} (Limits::max_field_bytes)",
                        text.len(),
                        options.limits.max_field_bytes
                    ),
                ));
            }
            if let Some(slot) = row.get_mut(column) {
                *slot = text;
            }
        }
        if let (true, Some(last)) = (is_data_sheet, current) {
            is_data_sheet = reader.row(last, &row)?;
        }
        if is_data_sheet && reader.layout.is_some() {
            return Ok(reader.outcome);
        }
    }
    Err(Error::malformed(
        Location::in_source(source),
        "no sheet has a header row with OCC_CODE",
    ))
}

/// A spreadsheet cell as the text a CSV export would hold.
fn cell_text(value: &calamine::DataRef<'_>) -> String {
    use calamine::DataRef;
    match value {
        DataRef::Int(number) => number.to_string(),
        DataRef::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{number:.0}"),
        DataRef::Float(number) => number.to_string(),
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => text.clone(),
        DataRef::SharedString(text) => (*text).to_owned(),
        DataRef::Bool(value) => value.to_string().to_ascii_uppercase(),
        DataRef::DateTime(value) => value.as_f64().to_string(),
        DataRef::Error(error) => format!("#{error:?}"),
        DataRef::Empty => String::new(),
    }
}

/// The state of reading one worksheet: its header once seen, and what was read.
struct SheetReader<'a> {
    source: &'a str,
    sheet: &'a str,
    options: &'a OewsOptions,
    filters: Filters,
    period: ReferencePeriod,
    provenance: &'a Provenance,
    layout: Option<Layout>,
    outcome: ReadOutcome<WageStatistics>,
}

impl SheetReader<'_> {
    /// Takes one row; returns `false` if the first row shows this is not a data sheet.
    fn row(&mut self, row_number: u32, cells: &[String]) -> Result<bool> {
        let location = Location {
            source: Some(self.source.to_owned()),
            sheet: Some(self.sheet.to_owned()),
            line: Some(u64::from(row_number) + 1),
            ..Location::default()
        };
        let Some(layout) = &self.layout else {
            let columns = Columns::new(cells);
            if columns.find("OCC_CODE").is_none() {
                return Ok(false);
            }
            self.layout = Some(Layout::new(&columns, &location)?);
            return Ok(true);
        };
        if cells.iter().all(String::is_empty) {
            return Ok(true);
        }
        if !self
            .filters
            .keep(layout, |index| cells.get(index).map(String::as_bytes))
        {
            self.outcome.filtered = self.outcome.filtered.saturating_add(1);
            return Ok(true);
        }
        let rows = RowReader {
            layout,
            period: self.period,
            top_code: self.options.top_code.or_else(|| top_code(self.period)),
            provenance: self.provenance,
        };
        match rows.read(|index| cells.get(index).map_or("", String::as_str)) {
            Ok(statistics) => self.outcome.items.push(statistics),
            Err(problem) => self
                .outcome
                .skip_or_fail(self.options.mode, problem.into_error(location))?,
        }
        Ok(true)
    }
}
