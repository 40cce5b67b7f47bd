//! A catalogue of programs with unique ids, and its JSON form.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::value::RawValue;

use crate::error::Location;
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::program::Program;
use crate::value::ProgramId;

/// A set of programs whose ids are unique, in the order given.
///
/// ```
/// use himkit::Catalog;
///
/// let text = himkit::Dataset::embedded()?.catalog().to_json()?;
/// let catalog = Catalog::from_json_str("programs.json", &text)?;
/// assert!(catalog.get("lakeside-cc-hit-aas").is_some());
///
/// let bad = r#"[{"id": "Bad Id"}]"#;
/// let error = Catalog::from_json_str("mine.json", bad).unwrap_err();
/// assert!(error.to_string().starts_with("mine.json line 1"));
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(transparent)]
pub struct Catalog {
    programs: Vec<Program>,
}

impl Catalog {
    /// Creates a catalogue.
    ///
    /// # Errors
    /// [`ErrorKind::DuplicateProgramId`](crate::ErrorKind::DuplicateProgramId) if two programs share
    /// an id (the places are list indices).
    pub fn new(programs: Vec<Program>) -> Result<Self> {
        let mut seen: HashMap<&ProgramId, usize> = HashMap::with_capacity(programs.len());
        for (index, program) in programs.iter().enumerate() {
            if let Some(first) = seen.insert(program.id(), index) {
                let place = |index: usize| Location {
                    path: Some(format!("[{index}]")),
                    ..Location::default()
                };
                return Err(Error::duplicate_program_id(
                    program.id().as_str(),
                    place(first),
                    place(index),
                ));
            }
        }
        Ok(Self { programs })
    }

    /// Reads a JSON array of program objects. `source` names the input in error messages (a
    /// file name, say). A UTF-8 byte-order mark at the start, as Windows editors save a file,
    /// is accepted.
    ///
    /// # Errors
    /// [`ErrorKind::Malformed`](crate::ErrorKind::Malformed) for malformed JSON,
    /// [`ErrorKind::UnknownName`](crate::ErrorKind::UnknownName) for a name outside a vocabulary
    /// and [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) for another refused value, located at
    /// the line, column and path to the field (`[3].outcomes.graduation_rate`);
    /// [`ErrorKind::DuplicateProgramId`](crate::ErrorKind::DuplicateProgramId) with the lines of
    /// both programs.
    pub fn from_json_str(source: &str, text: &str) -> Result<Self> {
        Self::from_json_str_with_limits(source, text, &Limits::default())
    }

    /// [`Catalog::from_json_str`] with your own [`Limits`] on the document's size and the number
    /// of programs. Nesting deeper than 128 levels is refused whatever the limits.
    ///
    /// # Errors
    /// As [`Catalog::from_json_str`], and [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge)
    /// naming the bound the document exceeds.
    pub fn from_json_str_with_limits(source: &str, text: &str, limits: &Limits) -> Result<Self> {
        // Windows editors start a UTF-8 file with a byte-order mark; it is not part of the JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.len() > limits.max_json_bytes {
            return Err(Error::too_large(
                Location {
                    line: Some(1),
                    column: Some(1),
                    ..Location::in_source(source)
                },
                format!(
                    "the document has {} bytes, more than the limit of {} (Limits::max_json_bytes)",
                    text.len(),
                    limits.max_json_bytes
                ),
            ));
        }
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let too_many = std::cell::Cell::new(false);
        let elements = read_elements(&mut deserializer, limits.max_programs, &too_many)
            .and_then(|elements| deserializer.end().map(|()| elements))
            .map_err(|error| {
                let location = Location::in_json(source, &error, (1, 1), None);
                let error = Error::json(location.clone(), error);
                if too_many.get() {
                    Error::too_large(location, error.reason())
                } else {
                    error
                }
            })?;
        let mut programs = Vec::with_capacity(elements.len());
        for (index, element) in elements.iter().enumerate() {
            let mut deserializer = serde_json::Deserializer::from_str(element.get());
            let program: Program = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
                // Positions are computed only for the error: scanning the text for every element
                // would make loading quadratic. serde's are relative to the element's start.
                let origin = position_in(text, element.get());
                let path = error.path().to_string();
                let path = if path == "." {
                    format!("[{index}]")
                } else {
                    format!("[{index}].{path}")
                };
                let error = error.into_inner();
                Error::json(Location::in_json(source, &error, origin, Some(path)), error)
            })?;
            programs.push(program);
        }
        Self::new(programs).map_err(|mut error| {
            for place in error.duplicate_places_mut() {
                place.source = Some(source.to_owned());
                place.line = place
                    .path
                    .as_deref()
                    .and_then(|path| path.trim_matches(['[', ']']).parse::<usize>().ok())
                    .and_then(|index| elements.get(index))
                    .map(|element| position_in(text, element.get()).0 as u64);
            }
            error
        })
    }

    /// The catalogue as a pretty-printed JSON array.
    ///
    /// # Errors
    /// Only if serialization fails, which valid programs do not cause.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(&self.programs).map_err(|error| Error::json(Location::default(), error))
    }

    /// The program with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|program| program.id().as_str() == id)
    }

    /// The programs, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Program> {
        self.programs.iter()
    }

    /// The programs as a slice.
    #[must_use]
    pub fn programs(&self) -> &[Program] {
        &self.programs
    }

    /// How many programs there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.programs.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.programs.is_empty()
    }

    /// The programs, taken out.
    #[must_use]
    pub fn into_programs(self) -> Vec<Program> {
        self.programs
    }
}

impl<'a> IntoIterator for &'a Catalog {
    type Item = &'a Program;
    type IntoIter = std::slice::Iter<'a, Program>;

    fn into_iter(self) -> Self::IntoIter {
        self.programs.iter()
    }
}

/// The elements of a JSON array, kept as raw text; more than `max` is refused before the rest
/// is read.
fn read_elements<'de>(
    deserializer: &mut serde_json::Deserializer<serde_json::de::StrRead<'de>>,
    max: usize,
    too_many: &std::cell::Cell<bool>,
) -> std::result::Result<Vec<&'de RawValue>, serde_json::Error> {
    use serde::Deserializer as _;
    use serde::de::{Error as _, SeqAccess, Visitor};

    struct Elements<'a> {
        max: usize,
        too_many: &'a std::cell::Cell<bool>,
    }

    impl<'de> Visitor<'de> for Elements<'_> {
        type Value = Vec<&'de RawValue>;

        fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            formatter.write_str("a JSON array of program objects")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Self::Value, A::Error> {
            let mut elements = Vec::new();
            while let Some(element) = seq.next_element::<&'de RawValue>()? {
                if elements.len() >= self.max {
                    self.too_many.set(true);
                    return Err(A::Error::custom(format!(
                        "the catalogue has more than {} programs (Limits::max_programs)",
                        self.max
                    )));
                }
                elements.push(element);
            }
            Ok(elements)
        }
    }

    deserializer.deserialize_seq(Elements { max, too_many })
}

/// The 1-based line and column where `part`, a slice of `whole`, begins.
fn position_in(whole: &str, part: &str) -> (usize, usize) {
    let offset = (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len());
    let before = whole.get(..offset).unwrap_or_default();
    let line = before
        .bytes()
        .filter(|byte| *byte == b'\n')
        .count()
        .saturating_add(1);
    let line_start = before.rfind('\n').map_or(0, |newline| newline.saturating_add(1));
    let column = before.get(line_start..).map_or(0, str::len).saturating_add(1);
    (line, column)
}
