//! Errors as the API returns them: `{"error": {"status": 422, "message": "…"}}`.

use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error with the HTTP status it answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
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
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    /// 400: the request cannot be read (malformed JSON, a wrong type).
    pub fn malformed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: no such program or route.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// 422: a well-formed request with a value the rules refuse.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }

    /// 415: a body that is not `application/json`.
    pub fn unsupported_media_type(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, message)
    }

    /// 500: the handler failed.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// The JSON body.
    #[must_use]
    pub fn body(&self) -> String {
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
        let status = match &error {
            himkit::Error::UnknownProgram { .. } => StatusCode::NOT_FOUND,
            himkit::Error::Io { .. } => StatusCode::INTERNAL_SERVER_ERROR,
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
                .insert(RETRY_AFTER, HeaderValue::from(crate::pool::RETRY_AFTER_SECONDS));
        }
        response
    }
}

/// Reads a JSON body into `T`: syntax errors and truncated bodies are 400, a value the rules
/// refuse (a negative weight, an unknown degree level, a wrong type) is 422, each with the
/// field's path and the library's message.
///
/// # Errors
/// As above.
pub fn from_json<T: serde::de::DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T, ApiError> {
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
            ApiError::invalid(text)
        } else {
            ApiError::malformed(text)
        }
    })?;
    deserializer.end().map_err(|error| {
        ApiError::malformed(format!(
            "{what} line {}, column {}: trailing characters after the JSON value",
            error.line(),
            error.column()
        ))
    })?;
    Ok(value)
}
