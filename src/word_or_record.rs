//! Serde support for a field that holds either a record (a JSON object) or one word naming a
//! state in which the record is not known (`"unknown"`, `"not-verified"` …).
//!
//! The record is read by its own `Deserialize`, so its errors keep their field paths and
//! messages; a word is read by the state's parser, whose error names the accepted words.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A value that is either a record `R` or a word parsed by `parse_word`.
pub(crate) fn deserialize<'de, D, R, T>(
    deserializer: D,
    what: &'static str,
    parse_word: fn(&str) -> Result<T, String>,
    from_record: fn(R) -> T,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    R: Deserialize<'de>,
{
    struct WordOrRecord<R, T> {
        what: &'static str,
        parse_word: fn(&str) -> Result<T, String>,
        from_record: fn(R) -> T,
        record: PhantomData<R>,
    }

    impl<'de, R: Deserialize<'de>, T> Visitor<'de> for WordOrRecord<R, T> {
        type Value = T;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(formatter, "{}", self.what)
        }

        fn visit_str<E: de::Error>(self, word: &str) -> Result<T, E> {
            (self.parse_word)(word).map_err(E::custom)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            R::deserialize(de::value::MapAccessDeserializer::new(map)).map(self.from_record)
        }
    }

    deserializer.deserialize_any(WordOrRecord {
        what,
        parse_word,
        from_record,
        record: PhantomData,
    })
}
