//! JSON's errors as himkit's: one rule for `serde_json`'s positions, and the model's own error
//! given back whole when serde refused a value because the model did.

use std::cell::Cell;

use super::{Detail, Error, ErrorKind, Location};

thread_local! {
    /// The model's error behind the serde error last made on this thread by
    /// [`Error::into_serde`]. serde keeps only an error's text, so the reader that called serde
    /// takes it from here (see [`Error::json`]).
    static REFUSAL: Cell<Option<Error>> = const { Cell::new(None) };
}

/// Implements `Deserialize` for a model type `$type` through its raw form `$raw` and its
/// `TryFrom<$raw>`, as `#[serde(try_from = "…")]` would, but handing serde the model's error by
/// [`Error::into_serde`], so a reader gives back that error (its kind, field and value) rather
/// than only its text.
macro_rules! deserialize_by_try_from {
    ($type:ty, $raw:ty) => {
        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = <$raw as serde::Deserialize<'de>>::deserialize(deserializer)?;
                <$type>::try_from(raw).map_err($crate::error::Error::into_serde)
            }
        }
    };
}

pub(crate) use deserialize_by_try_from;

impl Error {
    /// serde's error for this refusal, for a `Deserialize` impl of the model. serde keeps only
    /// the text; the error itself is kept aside on this thread, so that [`Error::json`], given
    /// serde's error, gives back this one (its kind, field and value) at serde's position.
    pub(crate) fn into_serde<E: serde::de::Error>(self) -> E {
        let serde_error = E::custom(&self);
        REFUSAL.with(|refusal| refusal.set(Some(self)));
        serde_error
    }

    /// A JSON document that could not be read, at `location`: the model's own error where the
    /// model refused a value (an unknown name stays [`ErrorKind::UnknownName`], whichever
    /// door it came through); otherwise serde's, [`ErrorKind::Invalid`] for a value of the
    /// wrong type and [`ErrorKind::Malformed`] for broken syntax, with serde's own position
    /// left out of the message, since the location has it.
    pub(crate) fn json(location: Location, error: serde_json::Error) -> Self {
        let message = error.to_string();
        let message = match message.rfind(" at line ") {
            Some(cut) => message.get(..cut).unwrap_or(&message).to_owned(),
            None => message,
        };
        let kind = match error.classify() {
            serde_json::error::Category::Io => ErrorKind::Io,
            serde_json::error::Category::Data => ErrorKind::Invalid,
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => ErrorKind::Malformed,
        };
        // Taken whatever happens, so nothing outlives the reading it belongs to. Only a
        // refusal whose text serde passed on unchanged is this error's: one left by an
        // earlier reading, or replaced by serde's own, is not.
        let refusal = REFUSAL.with(Cell::take);
        if let Some(refusal) =
            refusal.filter(|refusal| kind == ErrorKind::Invalid && refusal.to_string() == message)
        {
            return refusal.at(location);
        }
        Self::new(
            kind,
            Some(location),
            Detail::Json {
                message,
                error: std::sync::Arc::new(error),
            },
        )
    }
}

impl Location {
    /// Where `serde_json` found `error` in `source`, by one rule for every JSON reader: a line of
    /// 0 is `serde_json`'s "no position known", so neither line nor column is given; a column of
    /// 0 (the start of a line, before its first character) is column 1. `origin` is the 1-based
    /// line and column at which the text serde read begins in the document (`(1, 1)` when it
    /// read the whole), so the position is the document's.
    pub(crate) fn in_json(
        source: &str,
        error: &serde_json::Error,
        origin: (usize, usize),
        path: Option<String>,
    ) -> Self {
        let (line, column) = match error.line() {
            0 => (None, None),
            line => {
                let column = error.column().max(1);
                let column = if line == 1 {
                    origin.1.saturating_add(column).saturating_sub(1)
                } else {
                    column
                };
                (
                    Some(origin.0.saturating_add(line).saturating_sub(1) as u64),
                    Some(column as u64),
                )
            }
        };
        Self {
            source: Some(source.to_owned()),
            line,
            column,
            path,
            ..Self::default()
        }
    }
}
