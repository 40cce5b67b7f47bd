use std::fmt;

use serde::Serialize;

use crate::error::{Error, Result};

/// Non-empty text of at most [`Text::MAX_CHARS`] characters, trimmed of surrounding white space,
/// with no control characters: names, reasons and notes.
///
/// ```
/// use himkit::value::Text;
///
/// let name = Text::new("  Lakeside Community College ")?;
/// assert_eq!(name.as_str(), "Lakeside Community College");
/// assert!(Text::new("   ").is_err());
/// # Ok::<(), himkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct Text(String);

impl Text {
    /// The longest text accepted, in characters.
    pub const MAX_CHARS: usize = 1_000;

    /// Creates a text.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) if the text is empty after trimming, longer than [`Text::MAX_CHARS`], or
    /// contains control characters (tabs and line breaks included).
    pub fn new(text: &str) -> Result<Self> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(Error::invalid_text("text", text, "is empty"));
        }
        if trimmed.chars().count() > Self::MAX_CHARS {
            return Err(Error::invalid_text(
                "text",
                text,
                format!("is longer than {} characters", Self::MAX_CHARS),
            ));
        }
        if trimmed.chars().any(char::is_control) {
            return Err(Error::invalid_text("text", text, "contains a control character"));
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A text written in the crate itself: `Text::new` of it succeeds, which the unit tests of
    /// the code that writes it check, so it is built without a `Result` to handle.
    pub(crate) fn written(text: &'static str) -> Self {
        debug_assert!(Self::new(text).is_ok(), "{text:?}");
        Self(text.to_owned())
    }
}

crate::error::deserialize_by_try_from!(Text, String);

impl TryFrom<String> for Text {
    type Error = Error;

    fn try_from(text: String) -> Result<Self> {
        Text::new(&text)
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0
    }
}

impl std::str::FromStr for Text {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        Text::new(text)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_long_and_control_text() {
        assert_eq!(Text::new("").unwrap_err().to_string(), "text: \"\" is empty");
        assert!(Text::new(&"x".repeat(1_001)).is_err());
        assert!(Text::new(&"x".repeat(1_000)).is_ok());
        assert!(Text::new("a\tb").is_err());
        assert!(Text::new("line\nbreak").is_err());
    }
}
