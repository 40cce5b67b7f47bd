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

/// Serde `with` support for an `Option<T>` whose `None` is written as the word `"unknown"` and
/// whose `Some` is `T`'s own form (an object or a list), read by `T`'s own `Deserialize`.
pub(crate) mod unknown_or {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{self, MapAccess, SeqAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[allow(clippy::ref_option)] // The signature serde's `with` requires.
    pub(crate) fn serialize<T: Serialize, S: Serializer>(
        value: &Option<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => value.serialize(serializer),
            None => serializer.serialize_str("unknown"),
        }
    }

    /// What a known value looks like, for the message that refuses anything else.
    pub(crate) trait KnownForm {
        /// `"a list of skills"`, say.
        const FORM: &'static str;
    }

    pub(crate) fn deserialize<'de, T: Deserialize<'de> + KnownForm, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        struct UnknownOr<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de> + KnownForm> Visitor<'de> for UnknownOr<T> {
            type Value = Option<T>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(formatter, "{} or \"unknown\"", T::FORM)
            }

            fn visit_str<E: de::Error>(self, word: &str) -> Result<Option<T>, E> {
                if word.trim().eq_ignore_ascii_case("unknown") {
                    Ok(None)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(word), &self))
                }
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<T>, A::Error> {
                T::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Some)
            }
        }

        deserializer.deserialize_any(UnknownOr(PhantomData))
    }
}
