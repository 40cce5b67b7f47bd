//! Where an accreditation status came from: the accreditation list it was read from, as the
//! user named it, and the row.

use std::fmt;
use std::num::NonZeroU64;

use serde::{Deserialize, Serialize};

use super::ProgramField;
use crate::error::{Error, Result};
use crate::value::Text;

/// The accreditation list (and its row) an [`Accreditation`](super::Accreditation) was read
/// from, so that whoever reads the status can tell where it came from and check it again.
///
/// [`apply_accreditation_list`](crate::io::apply_accreditation_list) records one on every
/// status it applies: the list's name as the caller gave it (`cahiim.csv`, or the path given
/// on a command line) and the row's line, counted from the header (line 1).
///
/// In JSON, inside the accreditation: `"source": {"list": "cahiim.csv", "line": 12}`; `line`
/// may be left out for a list whose rows are not numbered.
///
/// ```
/// use std::num::NonZeroU64;
///
/// use himkit::program::AccreditationSource;
///
/// let source = AccreditationSource::new("cahiim.csv", NonZeroU64::new(12))?;
/// assert_eq!(source.list(), "cahiim.csv");
/// assert_eq!(source.to_string(), "cahiim.csv line 12");
/// assert!(AccreditationSource::new("  ", None).is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "SourceRecord")]
pub struct AccreditationSource {
    list: Text,
    line: Option<NonZeroU64>,
}

/// The JSON form of an [`AccreditationSource`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRecord {
    list: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
}

impl AccreditationSource {
    /// A source: the list named `list` (a file name, or any name the user knows the list by),
    /// at `line` where the row is known.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) naming `accreditation.source.list` if
    /// the name is empty, longer than [`Text::MAX_CHARS`] or holds a control character.
    pub fn new(list: &str, line: Option<NonZeroU64>) -> Result<Self> {
        Ok(Self {
            list: Text::new(list)
                .map_err(|error| error.in_field(ProgramField::AccreditationSourceList.path()))?,
            line,
        })
    }

    /// The source of a row read from the list named `list`, at `line` (0 when the reader does
    /// not know it): the name as given, with control characters left out and cut to its last
    /// [`Text::MAX_CHARS`] characters (the file name's end), or "accreditation list" when
    /// nothing is left, so that a list is never refused for its name.
    pub(crate) fn of_row(list: &str, line: u64) -> Self {
        let kept: Vec<char> = list.trim().chars().filter(|c| !c.is_control()).collect();
        let tail: String = kept
            .iter()
            .skip(kept.len().saturating_sub(Text::MAX_CHARS))
            .collect();
        Self {
            list: Text::new(&tail).unwrap_or_else(|_| Text::written("accreditation list")),
            line: NonZeroU64::new(line),
        }
    }

    /// The list's name, as the user gave it.
    #[must_use]
    pub fn list(&self) -> &str {
        self.list.as_str()
    }

    /// The row's line in the list (the header is line 1), where known.
    #[must_use]
    pub fn line(&self) -> Option<NonZeroU64> {
        self.line
    }
}

crate::error::deserialize_by_try_from!(AccreditationSource, SourceRecord);

impl TryFrom<SourceRecord> for AccreditationSource {
    type Error = Error;

    fn try_from(record: SourceRecord) -> Result<Self> {
        let line = match record.line {
            None => None,
            Some(line) => Some(NonZeroU64::new(line).ok_or_else(|| {
                Error::invalid(
                    ProgramField::AccreditationSourceLine.path(),
                    line,
                    "is not a line number (the header is line 1)",
                )
            })?),
        };
        Self::new(&record.list, line)
    }
}

impl From<AccreditationSource> for SourceRecord {
    fn from(source: AccreditationSource) -> Self {
        Self {
            list: source.list.into(),
            line: source.line.map(NonZeroU64::get),
        }
    }
}

impl fmt::Display for AccreditationSource {
    /// `cahiim.csv line 12`, or `cahiim.csv` when the line is not known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.list.as_str())?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rows_source_keeps_any_name_it_is_given() {
        assert_eq!(
            AccreditationSource::of_row("cahiim.csv", 3).to_string(),
            "cahiim.csv line 3"
        );
        assert_eq!(
            AccreditationSource::of_row("", 0).to_string(),
            "accreditation list"
        );
        assert_eq!(AccreditationSource::of_row("a\tb.csv", 2).list(), "ab.csv");
        let long = format!("{}end.csv", "x".repeat(Text::MAX_CHARS));
        let kept = AccreditationSource::of_row(&long, 2);
        assert!(kept.list().ends_with("end.csv"));
        assert_eq!(kept.list().chars().count(), Text::MAX_CHARS);
    }

    #[test]
    fn json_refuses_line_zero_and_an_empty_name_naming_the_field() {
        let error = serde_json::from_str::<AccreditationSource>(r#"{"list": "cahiim.csv", "line": 0}"#)
            .map_err(|error| Error::json(crate::error::Location::default(), error));
        assert_eq!(
            error
                .err()
                .and_then(|error| error.field().map(str::to_owned))
                .as_deref(),
            Some("accreditation.source.line")
        );
        let error = serde_json::from_str::<AccreditationSource>(r#"{"list": " "}"#)
            .map_err(|error| Error::json(crate::error::Location::default(), error));
        assert_eq!(
            error
                .err()
                .and_then(|error| error.field().map(str::to_owned))
                .as_deref(),
            Some("accreditation.source.list")
        );
    }
}
