//! The reader of the Department of Education's tables, IPEDS and College Scorecard alike: one
//! row per institution (or per institution and program), found by UNITID, each text value
//! decoded on its own, and the rows of institutions not wanted passed over before they are
//! parsed. What each file's cells mean stays with its reader ([`ipeds`](super::ipeds),
//! [`scorecard_institution`](super::scorecard_institution)).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::Read;

use super::read::{Mode, ReadOptions, ReadOutcome};
use super::table::{CellError, Columns, CsvRecords};
use crate::error::{Location, Result};
use crate::limits::Limits;
use crate::value::Unitid;

/// What every reader of a federal table is told: strictness, bounds, and the institutions
/// wanted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct TableOptions {
    /// Strict (the default) or lenient.
    pub(crate) mode: Mode,
    /// Bounds on field length and row width.
    pub(crate) limits: Limits,
    /// Only rows of these institutions; `None` reads every row.
    pub(crate) unitids: Option<BTreeSet<Unitid>>,
}

impl From<ReadOptions> for TableOptions {
    /// Every institution's rows, read as `options` say.
    fn from(options: ReadOptions) -> Self {
        Self {
            mode: options.mode,
            limits: options.limits,
            unitids: None,
        }
    }
}

/// The options one kind of federal table is read with: the shared [`TableOptions`], and the
/// file's own settings beside them.
pub(crate) trait FileOptions {
    /// The shared options.
    fn table(&self) -> &TableOptions;
}

/// Who controls an institution: IPEDS HD's `CONTROL`, which College Scorecard repeats with
/// the same codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Control {
    /// `1`: public.
    Public,
    /// `2`: private not-for-profit.
    PrivateNonprofit,
    /// `3`: private for-profit.
    PrivateForProfit,
}

impl Control {
    /// The control with code `code`.
    pub(crate) fn from_code(code: u64) -> Option<Self> {
        match code {
            1 => Some(Self::Public),
            2 => Some(Self::PrivateNonprofit),
            3 => Some(Self::PrivateForProfit),
            _ => None,
        }
    }
}

/// Decodes one value: UTF-8 if the bytes are valid UTF-8, else Windows-1252 (NCES's files of
/// 2020–2022).
pub(crate) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().map(|byte| windows_1252(*byte)).collect()),
    }
}

/// One Windows-1252 byte as a character. 0x80–0x9F follow the Windows-1252 table (not
/// Latin-1's control characters); its five unassigned bytes become U+FFFD.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž', '\u{FFFD}',
        '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH
            .get(usize::from(byte.wrapping_sub(0x80)))
            .copied()
            .unwrap_or('\u{FFFD}'),
        other => char::from(other),
    }
}

/// One record's cells, for the readers' parsers.
pub(crate) struct Row<'r> {
    record: &'r csv::ByteRecord,
}

impl<'r> Row<'r> {
    /// The whole record.
    pub(crate) fn record(&self) -> &'r csv::ByteRecord {
        self.record
    }

    /// The raw (trimmed) bytes of column `index`; empty for a short row.
    pub(crate) fn bytes(&self, index: usize) -> &'r [u8] {
        self.record.get(index).unwrap_or_default().trim_ascii()
    }

    /// The text of column `index`, decoded.
    pub(crate) fn text(&self, index: usize) -> Cow<'r, str> {
        decode(self.bytes(index))
    }

    /// A required, non-empty text value.
    pub(crate) fn required_text(&self, index: usize, column: &str) -> std::result::Result<String, CellError> {
        let text = self.text(index);
        if text.is_empty() {
            return Err(CellError::new(column, "the value is empty; it is required"));
        }
        Ok(text.into_owned())
    }

    /// The UNITID in column `index`.
    pub(crate) fn unitid(&self, index: usize) -> std::result::Result<Unitid, CellError> {
        self.text(index)
            .parse()
            .map_err(|error| CellError::from_error("UNITID", error))
    }
}

/// A reader of one kind of federal table: the columns it needs, which rows it wants, and how a
/// row becomes an item.
pub(crate) trait FederalTable: Sized {
    /// What one row becomes.
    type Item;
    /// The options the file is read with: the shared ones, and the file's own.
    type Options: FileOptions;

    /// Finds the columns, refusing a header without a required one.
    fn columns(columns: &Columns, header: &Location) -> Result<Self>;

    /// The UNITID column, for the UNITID filter.
    fn unitid_column(&self) -> usize;

    /// The row's UNITID, for the UNITID filter and the item; `Ok(None)` passes the row over.
    fn unitid(&self, row: &Row<'_>) -> std::result::Result<Option<Unitid>, CellError> {
        row.unitid(self.unitid_column()).map(Some)
    }

    /// Whether the row is wanted, from its raw bytes, before the rest is parsed (the CIP
    /// filter of Completions). The UNITID filter is applied by the caller.
    fn wanted(&self, _row: &Row<'_>, _options: &Self::Options) -> bool {
        true
    }

    /// Parses a wanted row of institution `unitid`; `Ok(None)` passes it over (a Completions
    /// total).
    fn parse(&self, unitid: Unitid, row: &Row<'_>) -> std::result::Result<Option<Self::Item>, CellError>;
}

/// Reads a whole federal table with `T`.
pub(crate) fn read_table<T: FederalTable>(
    source: &str,
    reader: impl Read,
    options: &T::Options,
) -> Result<ReadOutcome<T::Item>> {
    let shared = options.table();
    let mode = shared.mode;
    let mut csv = CsvRecords::new(source, reader, &shared.limits, csv::Trim::None);
    let place = |line: Option<u64>| Location::line_of(source, line);
    let header = csv.header()?;
    let table = T::columns(&Columns::new(&header), &place(Some(1)))?;
    let wants = |unitid: &Unitid| shared.unitids.as_ref().is_none_or(|set| set.contains(unitid));
    let mut outcome = ReadOutcome::new();
    let mut record = csv::ByteRecord::new();
    while csv.read_bytes(&mut record, mode, &mut outcome)? {
        let row = Row { record: &record };
        if !table.wanted(&row, options) {
            outcome.filtered = outcome.filtered.saturating_add(1);
            continue;
        }
        let parsed = table.unitid(&row).and_then(|unitid| match unitid {
            Some(unitid) if wants(&unitid) => table.parse(unitid, &row),
            Some(_) => {
                outcome.filtered = outcome.filtered.saturating_add(1);
                Ok(None)
            }
            None => Ok(None),
        });
        match parsed {
            Ok(Some(item)) => outcome.items.push(item),
            Ok(None) => {}
            Err(problem) => outcome.skip_or_fail(mode, problem.into_error(place(csv.line())))?,
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_not_latin_1() {
        assert_eq!(decode(b"Rutgers\x96Newark"), "Rutgers–Newark");
        assert_eq!(decode(b"Pe\xf1alver"), "Peñalver");
        assert_eq!(decode(b"\x80\x81\x9f"), "€\u{FFFD}Ÿ");
        assert_eq!(decode("Peñalver".as_bytes()), "Peñalver");
        for byte in 0..=0x7F_u8 {
            assert_eq!(windows_1252(byte), char::from(byte));
        }
        for byte in 0xA0..=0xFF_u8 {
            assert_eq!(windows_1252(byte), char::from(byte));
        }
    }
}
