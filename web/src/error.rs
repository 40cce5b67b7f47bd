//! Errors as the API returns them: `{"error": {"status": 422, "message": "…"}}`.

use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The seconds a refused client is told to wait (`Retry-After`).
pub(crate) const RETRY_AFTER_SECONDS: u64 = 1;

/// An error with the HTTP status it answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    /// The status.
    pub status: StatusCode,
    /// What was wrong, in the library's words where the library refused it.
    pub message: String,
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    status: u16,
    message: &'a str,
}

impl ApiError {
    /// An error with `status` and `message`.
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    /// 400: the request cannot be read (malformed JSON, a wrong type).
    pub(crate) fn malformed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: no such program or route.
    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// 422: a well-formed request with a value the rules refuse.
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }

    /// 415: a body that is not `application/json`.
    pub(crate) fn unsupported_media_type(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, message)
    }

    /// 500: the handler failed.
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// The JSON body.
    #[must_use]
    pub(crate) fn body(&self) -> String {
        serde_json::to_string(&Body {
            error: Inner {
                status: self.status.as_u16(),
                message: &self.message,
            },
        })
        .unwrap_or_else(|_| {
            format!(
                "{{\"error\":{{\"status\":{},\"message\":\"\"}}}}",
                self.status.as_u16()
            )
        })
    }
}

impl From<himkit::Error> for ApiError {
    fn from(error: himkit::Error) -> Self {
        let status = match error.kind() {
            himkit::ErrorKind::UnknownProgram => StatusCode::NOT_FOUND,
            himkit::ErrorKind::Io => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        Self::new(status, error.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
            self.body(),
        )
            .into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
        }
        response
    }
}

/// Reads a JSON body into `T`: syntax errors and truncated bodies are 400, a value the rules
/// refuse (a negative weight, an unknown degree level, a wrong type) is 422, each with the
/// field's path and the library's message. A whole number written with a fraction (`5.0`) is
/// read as that number, as JSON Schema counts it an integer.
///
/// # Errors
/// As above.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T, ApiError> {
    let (error, is_data) = match exactly::<T>(what, bytes) {
        Ok(value) => return Ok(value),
        Err(refused) => refused,
    };
    if is_data {
        // Only on a refusal, so that the usual body is read once and its errors keep their
        // line and column.
        let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| error.clone())?;
        if whole_numbers(&mut value) {
            if let Ok(read) = serde_path_to_error::deserialize(value) {
                return Ok(read);
            }
        }
    }
    Err(error)
}

/// Turns every number with a zero fraction (within the range floats hold exactly) into an
/// integer; whether any was.
fn whole_numbers(value: &mut serde_json::Value) -> bool {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match value {
        serde_json::Value::Number(number) if number.is_f64() => {
            let Some(float) = number.as_f64() else {
                return false;
            };
            if float.fract() != 0.0 || float.abs() > EXACT {
                return false;
            }
            let whole = if float < 0.0 {
                serde_json::Value::from(float as i64)
            } else {
                serde_json::Value::from(float as u64)
            };
            *value = whole;
            true
        }
        // Every number is visited: counted, not `any`, which would stop at the first.
        serde_json::Value::Array(items) => {
            items
                .iter_mut()
                .map(whole_numbers)
                .filter(|changed| *changed)
                .count()
                > 0
        }
        serde_json::Value::Object(fields) => {
            fields
                .values_mut()
                .map(whole_numbers)
                .filter(|changed| *changed)
                .count()
                > 0
        }
        _ => false,
    }
}

/// Reads `bytes` into `T` as they are; a refusal says whether it was about a value (rather than
/// the syntax).
fn exactly<T: serde::de::DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T, (ApiError, bool)> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let inner = error.inner();
        let message = inner.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
        let field = error.path().to_string();
        let text = match (inner.line(), field.as_str()) {
            (0, _) => format!("{what}: {message}"),
            (line, ".") => format!("{what} line {line}, column {}: {message}", inner.column()),
            (line, field) => format!(
                "{what} line {line}, column {}, field {field}: {message}",
                inner.column()
            ),
        };
        if inner.is_data() {
            (ApiError::invalid(text), true)
        } else {
            (ApiError::malformed(text), false)
        }
    })?;
    deserializer.end().map_err(|error| {
        (
            ApiError::malformed(format!(
                "{what} line {}, column {}: trailing characters after the JSON value",
                error.line(),
                error.column()
            )),
            false,
        )
    })?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_number_with_a_fraction_is_read_as_an_integer() {
        let profile: himkit::StudentProfile = from_json(
            "profile",
            br#"{"home_state": "KS", "max_total_cost": 19472.0, "max_length_months": 24.0}"#,
        )
        .unwrap();
        assert_eq!(
            profile.spec().max_total_cost,
            Some(himkit::Money::new(19_472).unwrap())
        );
        assert_eq!(profile.spec().max_length_months, Some(24));
        let mut value: serde_json::Value = serde_json::from_str(r#"{"max_total_cost": 19472.0, "relocation_states": ["FM"], "require_practice_experience": true, "home_state": "KS"}"#).unwrap();
        assert!(whole_numbers(&mut value));
        let read: Result<himkit::StudentProfile, _> = serde_path_to_error::deserialize(value);
        assert!(read.is_ok(), "{read:?}");
        // A true fraction is still refused, with its place.
        let error =
            from_json::<himkit::StudentProfile>("profile", br#"{"home_state": "KS", "max_total_cost": 5.5}"#)
                .unwrap_err();
        assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            error.message.starts_with(
                "profile line 1, column 42, field max_total_cost: invalid type: floating point `5.5`"
            ),
            "{}",
            error.message
        );
    }
}
