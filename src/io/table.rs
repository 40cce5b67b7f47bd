//! Tables with named columns: header matching and cell parsing shared by the CSV and XLSX
//! readers.

use std::collections::VecDeque;
use std::io::Read;

use super::read::{Mode, ReadOutcome};
use crate::error::Location;
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Limits;

/// The positions of named columns in a header, matched case-insensitively and ignoring
/// surrounding white space.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    names: Vec<String>,
}

impl Columns {
    pub(crate) fn new(header: &[impl AsRef<str>]) -> Self {
        Self {
            names: header
                .iter()
                .map(|name| name.as_ref().trim().to_ascii_uppercase())
                .collect(),
        }
    }

    /// The index of `name`, if present.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.names
            .iter()
            .position(|candidate| candidate.eq_ignore_ascii_case(name))
    }

    /// The index of `name`, or an error naming the missing column.
    pub(crate) fn require(&self, name: &str, location: &Location) -> Result<usize> {
        self.find(name).ok_or_else(|| {
            Error::malformed(
                location.clone(),
                format!("the required column {name} is missing from the header"),
            )
        })
    }

    /// Every column named `prefix` followed by a four-digit year (`GR2023`), with its index.
    pub(crate) fn all_prefixed_years(&self, prefix: &str) -> Vec<(u16, usize)> {
        self.names
            .iter()
            .enumerate()
            .filter_map(|(index, name)| {
                let year = name.strip_prefix(prefix)?;
                let year = (year.len() == 4 && year.bytes().all(|byte| byte.is_ascii_digit()))
                    .then(|| year.parse::<u16>().ok())??;
                Some((year, index))
            })
            .collect()
    }

    /// The first column named `prefix` followed by a four-digit year (`TOTAL_COHORT_2015`),
    /// with its year.
    pub(crate) fn find_prefixed_year(&self, prefix: &str) -> Option<(usize, u16)> {
        self.all_prefixed_years(prefix)
            .into_iter()
            .next()
            .map(|(year, index)| (index, year))
    }

    /// The first of `names` that is present.
    pub(crate) fn find_any(&self, names: &[&str]) -> Option<(usize, String)> {
        names
            .iter()
            .find_map(|name| self.find(name).map(|index| (index, (*name).to_owned())))
    }
}

/// A refusal of one cell: the column's name and what is wrong with its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellError {
    pub(crate) column: String,
    problem: Problem,
}

/// What is wrong with a cell's value.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    /// A rule of the file's layout, in words (`"x" is not a whole number`).
    Layout(String),
    /// The model refused the value; its error becomes the located error's cause.
    Model(Error),
}

impl CellError {
    pub(crate) fn new(column: &str, message: impl Into<String>) -> Self {
        Self {
            column: column.to_owned(),
            problem: Problem::Layout(message.into()),
        }
    }

    /// From a model refusal, which the located error keeps as its cause.
    pub(crate) fn from_error(column: &str, error: Error) -> Self {
        Self {
            column: column.to_owned(),
            problem: Problem::Model(error),
        }
    }

    /// The located error: an [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) at the
    /// column, or the model's error there.
    pub(crate) fn into_error(self, location: Location) -> Error {
        let location = if self.column.is_empty() {
            location
        } else {
            location.in_column(self.column)
        };
        match self.problem {
            Problem::Layout(message) => Error::at_location(ErrorKind::Invalid, location, message),
            Problem::Model(error) => error.at(location),
        }
    }
}

/// Parses a whole number that may carry thousands separators (`1,234`).
pub(crate) fn whole_number(column: &str, text: &str) -> std::result::Result<u64, CellError> {
    let digits: String = text.trim().chars().filter(|c| *c != ',').collect();
    // Spreadsheets hand integers over as floats; accept "394910.0" but not "12.5".
    let digits = digits.strip_suffix(".0").unwrap_or(&digits);
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(CellError::new(
            column,
            format!("{:?} is not a whole number", text.trim()),
        ));
    }
    digits
        .parse()
        .map_err(|_| CellError::new(column, format!("{:?} is too large", text.trim())))
}

/// A `csv` failure as himkit's error: reading failures as [`ErrorKind::Io`], a record past the
/// limits as [`ErrorKind::TooLarge`], anything else as [`ErrorKind::Malformed`] at the line it
/// happened, with a message in himkit's words where the crate's own would not help.
/// `record_start` is where the record being read began (the `csv` crate gives no position with
/// reading failures).
pub(crate) fn csv_error(source: &str, error: &csv::Error, record_start: Option<&csv::Position>) -> Error {
    csv_error_at(
        source,
        error,
        error.position().or(record_start).map(csv::Position::line),
    )
}

/// [`csv_error`] at a line the caller has already worked out.
fn csv_error_at(source: &str, error: &csv::Error, line: Option<u64>) -> Error {
    let location = Location::line_of(source, line);
    match error.kind() {
        csv::ErrorKind::Io(io) => match io
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<RecordTooLong>())
        {
            Some(too_long) => Error::too_large(location, too_long.to_string()),
            None => Error::io(source, std::io::Error::new(io.kind(), io.to_string())),
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Error::malformed(
            location,
            format!("the row has {len} fields where the header has {expected_len}"),
        ),
        _ => Error::malformed(location, error.to_string()),
    }
}

/// A CSV file read record by record within [`Limits`]: a record that outgrows the field bounds
/// (a quote left open in a huge file, say) is refused after a bounded read, and every record is
/// checked against the bounds before a reader sees it.
pub(crate) struct CsvRecords<'s, R> {
    csv: csv::Reader<RecordBudget<R>>,
    source: &'s str,
    limits: Limits,
    line: Option<u64>,
}

/// What [`CsvRecords`] found next.
pub(crate) enum Next {
    /// A record within the bounds.
    Record,
    /// A record that cannot be read (the wrong number of fields, text that is not UTF-8, a
    /// field past the bounds); reading may go on with the next one.
    Malformed(Error),
    /// The end of the file.
    End,
}

impl<'s, R: Read> CsvRecords<'s, R> {
    pub(crate) fn new(source: &'s str, reader: R, limits: &Limits, trim: csv::Trim) -> Self {
        Self {
            csv: csv::ReaderBuilder::new()
                .trim(trim)
                .from_reader(RecordBudget::new(reader, limits)),
            source,
            limits: *limits,
            line: None,
        }
    }

    /// The physical line (counted from 1, the header being line 1) on which the record last
    /// read starts, as an editor shows it.
    ///
    /// The `csv` crate counts a CRLF line end only once the next record has begun, so its own
    /// line for a record of a CRLF file is one too low (rust-csv issue 395); the record's start
    /// is then the pending line feed, which [`RecordBudget`] has seen.
    pub(crate) fn line(&self) -> Option<u64> {
        self.line
    }

    fn physical_line(&mut self, position: Option<&csv::Position>) -> Option<u64> {
        let position = position?;
        let pending_line_feed = self.csv.get_mut().is_line_feed(position.byte());
        Some(position.line().saturating_add(u64::from(pending_line_feed)))
    }

    /// The header's column names; bytes that are not UTF-8 become U+FFFD, so such a name
    /// matches no known column.
    pub(crate) fn header(&mut self) -> Result<Vec<String>> {
        let names = self
            .csv
            .byte_headers()
            .map_err(|error| csv_error(self.source, &error, Some(&csv::Position::new())))?
            .iter()
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .collect();
        self.csv.get_mut().next_record();
        Ok(names)
    }

    /// Reads the next record as bytes.
    pub(crate) fn next_bytes(&mut self, record: &mut csv::ByteRecord) -> Result<Next> {
        let read = self.csv.read_byte_record(record);
        self.settle(read, record)
    }

    /// Reads the next record as text.
    pub(crate) fn next_text(&mut self, record: &mut csv::StringRecord) -> Result<Next> {
        let read = self.csv.read_record(record);
        self.settle(read, record.as_byte_record())
    }

    /// The next well-formed record as bytes, past malformed ones (each kept in `outcome` as a
    /// skipped row when `mode` is lenient, else returned as the error); `false` at the end.
    pub(crate) fn read_bytes<T>(
        &mut self,
        record: &mut csv::ByteRecord,
        mode: Mode,
        outcome: &mut ReadOutcome<T>,
    ) -> Result<bool> {
        loop {
            match self.next_bytes(record)? {
                Next::End => return Ok(false),
                Next::Malformed(error) => outcome.skip_or_fail(mode, error)?,
                Next::Record => return Ok(true),
            }
        }
    }

    /// [`CsvRecords::read_bytes`] for a record read as text.
    pub(crate) fn read_text<T>(
        &mut self,
        record: &mut csv::StringRecord,
        mode: Mode,
        outcome: &mut ReadOutcome<T>,
    ) -> Result<bool> {
        loop {
            match self.next_text(record)? {
                Next::End => return Ok(false),
                Next::Malformed(error) => outcome.skip_or_fail(mode, error)?,
                Next::Record => return Ok(true),
            }
        }
    }

    fn settle(&mut self, read: csv::Result<bool>, record: &csv::ByteRecord) -> Result<Next> {
        let start = match &read {
            Err(error) => error.position().or(record.position()),
            Ok(_) => record.position(),
        };
        self.line = self.physical_line(start);
        match read {
            Ok(false) => Ok(Next::End),
            // After a reading failure the `csv` reader stops, so it ends the read.
            Err(error) if error.is_io_error() => Err(csv_error_at(self.source, &error, self.line)),
            Err(error) => {
                self.csv.get_mut().next_record();
                Ok(Next::Malformed(csv_error_at(self.source, &error, self.line)))
            }
            Ok(true) => {
                self.csv.get_mut().next_record();
                let location = || Location::line_of(self.source, self.line);
                Ok(match self.limits.check_record(record, location) {
                    Ok(()) => Next::Record,
                    Err(error) => Next::Malformed(error),
                })
            }
        }
    }
}

/// Counts the bytes read since the last record ended, and fails once they exceed
/// `max_record_bytes`, or what `max_fields` fields of `max_field_bytes` each can take when every
/// byte is a quote (written twice) with the separators and surrounding quotes if that is less,
/// plus the reader's read-ahead.
///
/// It also notes where the line feeds it passes on are, from the start of the record being read
/// to what the `csv` reader has read ahead, so that [`CsvRecords::line`] can tell a record that
/// starts at the line feed of a CRLF.
struct RecordBudget<R> {
    inner: R,
    budget: u64,
    spent: u64,
    /// Bytes passed on so far.
    offset: u64,
    /// Offsets of the line feeds passed on at or after the start of the record being read.
    line_feeds: VecDeque<u64>,
}

/// The most line feeds [`RecordBudget`] keeps note of at once. Only a record with more line
/// feeds inside its quotes than this can push the next record's start out of the notes, and then
/// a CRLF file's line for that record is one low, as the `csv` crate's own is.
const MAX_LINE_FEEDS: usize = 1 << 16;

/// What the `csv` crate may already hold of the next record when the last one ends.
const READ_AHEAD: u64 = 1 << 16;

impl<R> RecordBudget<R> {
    fn new(inner: R, limits: &Limits) -> Self {
        let widest_field = u64::try_from(limits.max_field_bytes)
            .unwrap_or(u64::MAX)
            .saturating_mul(2)
            .saturating_add(3);
        let budget = u64::try_from(limits.max_fields)
            .unwrap_or(u64::MAX)
            .saturating_mul(widest_field)
            .min(u64::try_from(limits.max_record_bytes).unwrap_or(u64::MAX))
            .saturating_add(READ_AHEAD);
        Self {
            inner,
            budget,
            spent: 0,
            offset: 0,
            line_feeds: VecDeque::new(),
        }
    }

    /// Whether the byte at `offset` is a line feed; forgets the line feeds before it, since
    /// records are asked about in file order.
    fn is_line_feed(&mut self, offset: u64) -> bool {
        while self
            .line_feeds
            .front()
            .is_some_and(|&line_feed| line_feed < offset)
        {
            self.line_feeds.pop_front();
        }
        self.line_feeds.front() == Some(&offset)
    }

    /// Starts counting for the next record.
    fn next_record(&mut self) {
        self.spent = 0;
    }
}

impl<R: Read> Read for RecordBudget<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if self.spent > self.budget {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                RecordTooLong { budget: self.budget },
            ));
        }
        let read = self.inner.read(buffer)?;
        let read_bytes = u64::try_from(read).unwrap_or(u64::MAX);
        let offset = self.offset;
        if let Some(passed) = buffer.get(..read) {
            let room = MAX_LINE_FEEDS.saturating_sub(self.line_feeds.len());
            self.line_feeds.extend(
                memchr::memchr_iter(b'\n', passed)
                    .take(room)
                    .map(|index| offset.saturating_add(u64::try_from(index).unwrap_or(u64::MAX))),
            );
        }
        self.offset = offset.saturating_add(read_bytes);
        self.spent = self.spent.saturating_add(read_bytes);
        Ok(read)
    }
}

/// The reading failure [`RecordBudget`] reports.
#[derive(Debug)]
struct RecordTooLong {
    budget: u64,
}

impl std::fmt::Display for RecordTooLong {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            formatter,
            "the record goes on for more than {} bytes, more than one record may take \
             (Limits::max_record_bytes, or Limits::max_fields fields of Limits::max_field_bytes \
             bytes; is a quote left open?)",
            self.budget
        )
    }
}

impl std::error::Error for RecordTooLong {}
