//! The OpenAPI 3.1 document of the JSON API, written by hand and embedded in the binary.

/// The document served at `GET /api/openapi.json`.
pub const DOCUMENT: &str = include_str!("../static/openapi.json");
