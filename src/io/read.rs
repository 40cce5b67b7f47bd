//! What every reader is told and what it gives back: strict or lenient reading within
//! [`Limits`], and the items, skipped rows and filtered count of a read. A leaf of the `io`
//! module, so that each reader takes these without importing the module that declares it.

use crate::error::{Error, ErrorKind, Location, Result};
use crate::limits::Limits;

impl Limits {
    /// Checks one CSV record against the field bounds; `location` is only built for a refusal.
    pub(super) fn check_record(
        &self,
        record: &csv::ByteRecord,
        location: impl FnOnce() -> Location,
    ) -> Result<()> {
        let refuse = |message: String| Error::too_large(location(), message);
        if record.len() > self.max_fields {
            return Err(refuse(format!(
                "the row has {} fields, more than the limit of {} (Limits::max_fields)",
                record.len(),
                self.max_fields
            )));
        }
        if let Some(field) = record.iter().find(|field| field.len() > self.max_field_bytes) {
            return Err(refuse(format!(
                "a field of {} bytes is longer than the limit of {} (Limits::max_field_bytes)",
                field.len(),
                self.max_field_bytes
            )));
        }
        Ok(())
    }
}

/// How a reader reads: strict or lenient, within which limits.
///
/// ```
/// use himkit::io::{Mode, ReadOptions};
///
/// let mut options = ReadOptions::default();
/// options.mode = Mode::Lenient;
/// options.limits.max_field_bytes = 4_096;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Strict (the default) or lenient.
    pub mode: Mode,
    /// Bounds on what one input may cost.
    pub limits: Limits,
}

impl ReadOptions {
    /// Lenient reading within the default limits.
    #[must_use]
    pub fn lenient() -> Self {
        Self {
            mode: Mode::Lenient,
            limits: Limits::default(),
        }
    }
}

/// How a reader treats a bad row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Stop at the first bad row with an error that says where and why. The default.
    #[default]
    Strict,
    /// Skip bad rows, and report each one.
    Lenient,
}

impl<T> ReadOutcome<T> {
    pub(super) fn new() -> Self {
        Self {
            items: Vec::new(),
            skipped: Vec::new(),
            filtered: 0,
        }
    }

    /// Records a refused row as skipped in lenient mode; in strict mode, or for a failure to
    /// read, returns the error.
    pub(super) fn skip_or_fail(&mut self, mode: Mode, error: Error) -> Result<()> {
        match mode {
            Mode::Lenient if error.kind() != ErrorKind::Io => {
                self.skipped.push(error);
                Ok(())
            }
            _ => Err(error),
        }
    }
}

/// What a reader read: the items, the rows it skipped (always empty in strict mode), and how
/// many rows its filters passed over. It serializes with each skipped row's error as its
/// message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReadOutcome<T> {
    /// The items read, in file order.
    pub items: Vec<T>,
    /// The rows skipped, in file order: each one's error, the one strict mode would have
    /// stopped with, with the row's [location](crate::Error::location).
    #[serde(serialize_with = "error_messages")]
    pub skipped: Vec<Error>,
    /// How many rows the reader's filters passed over before reading them (the occupations,
    /// areas and industries of [`OewsOptions`](super::OewsOptions), say): nothing is wrong with them.
    pub filtered: usize,
}

/// The errors of a report's skipped rows, serialized as their messages (`oews.csv line 17,
/// column A_MEDIAN: …`): what a reader of the report needs, in the form every format can hold.
pub(crate) fn error_messages<S: serde::Serializer>(
    errors: &[Error],
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.collect_seq(errors.iter().map(ToString::to_string))
}
