//! The JSON API: rank, programs, compare, wages and the OpenAPI document.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use himkit::{StudentProfile, UsState};
use serde::Deserialize;

use crate::SharedState;
use crate::encoding::{Coding, compress_now};
use crate::error::{ApiError, from_json};

/// A route of the API. The router is built from [`ApiRoute::ALL`], and the OpenAPI document is
/// checked against the same list, so the two cannot drift apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiRoute {
    /// `POST /api/rank`.
    Rank,
    /// `GET /api/programs`.
    Programs,
    /// `GET /api/programs/{id}`.
    Program,
    /// `POST /api/compare`.
    Compare,
    /// `GET /api/wages`.
    Wages,
    /// `GET /api/openapi.json`.
    OpenApi,
}

impl ApiRoute {
    /// Every route.
    pub const ALL: [ApiRoute; 6] = [
        ApiRoute::Rank,
        ApiRoute::Programs,
        ApiRoute::Program,
        ApiRoute::Compare,
        ApiRoute::Wages,
        ApiRoute::OpenApi,
    ];

    /// The HTTP method, lowercase as in OpenAPI.
    #[must_use]
    pub fn method(self) -> &'static str {
        match self {
            Self::Rank | Self::Compare => "post",
            Self::Programs | Self::Program | Self::Wages | Self::OpenApi => "get",
        }
    }

    /// The path, in the router's and OpenAPI's `{param}` form.
    #[must_use]
    pub fn path(self) -> &'static str {
        match self {
            Self::Rank => "/api/rank",
            Self::Programs => "/api/programs",
            Self::Program => "/api/programs/{id}",
            Self::Compare => "/api/compare",
            Self::Wages => "/api/wages",
            Self::OpenApi => "/api/openapi.json",
        }
    }

    fn handler(self) -> MethodRouter<SharedState> {
        match self {
            Self::Rank => post(rank),
            Self::Programs => get(programs),
            Self::Program => get(program),
            Self::Compare => post(compare),
            Self::Wages => get(wages),
            Self::OpenApi => get(openapi),
        }
    }
}

/// The API's routes.
pub(crate) fn routes() -> Router<SharedState> {
    ApiRoute::ALL.into_iter().fold(Router::new(), |router, route| {
        router.route(route.path(), route.handler())
    })
}

/// A JSON response from text already serialized.
fn json_text(text: impl IntoResponse) -> Response {
    let mut response = text.into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// `value` serialized, into a buffer of `capacity` bytes to start with (the answer's usual
/// size, so that it is not grown a dozen times).
fn to_json_bytes<T: serde::Serialize + ?Sized>(value: &T, capacity: usize) -> Result<Vec<u8>, ApiError> {
    let mut bytes = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut bytes, value)
        .map_err(|error| ApiError::internal(format!("the answer could not be serialized: {error}")))?;
    Ok(bytes)
}

/// `value` as a JSON answer.
fn to_json<T: serde::Serialize + ?Sized>(value: &T, capacity: usize) -> Result<Response, ApiError> {
    Ok(json_text(Bytes::from(to_json_bytes(value, capacity)?)))
}

/// Refuses a weight above [`MAX_WEIGHT`](crate::limits::MAX_WEIGHT), as the OpenAPI document
/// says and as the page's form does.
///
/// # Errors
/// 422 naming the weight.
fn within_max_weight(what: &str, profile: &StudentProfile) -> Result<(), ApiError> {
    crate::limits::check_weights(profile).map_err(|problem| ApiError::invalid(format!("{what}: {problem}")))
}

/// Refuses a body that does not say it is JSON (`application/json`, parameters allowed): a form
/// or plain text is not read as JSON by accident.
///
/// # Errors
/// 415 naming the type received.
fn require_json(headers: &HeaderMap) -> Result<(), ApiError> {
    let declared = headers
        .get(CONTENT_TYPE)
        .map(|value| value.to_str().unwrap_or("(not text)"));
    let is_json = declared.is_some_and(|value| {
        value
            .split(';')
            .next()
            .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
    });
    if is_json {
        Ok(())
    } else {
        Err(ApiError::unsupported_media_type(format!(
            "the body must be JSON with Content-Type: application/json; it was {}",
            declared.map_or_else(|| "not given".to_owned(), |value| format!("{value:?}"))
        )))
    }
}

/// The value of `top` in a query string: `default` when absent, else 1 to `max`.
///
/// # Errors
/// 422 naming the value and the rule.
pub(crate) fn top_from_query(query: Option<&str>, default: usize, max: usize) -> Result<usize, ApiError> {
    let Some(query) = query else {
        return Ok(default);
    };
    match form_urlencoded::parse(query.as_bytes()).find(|(key, _)| key == "top") {
        None => Ok(default),
        Some((_, value)) => value
            .parse::<usize>()
            .ok()
            .filter(|top| (1..=max).contains(top))
            .ok_or_else(|| {
                ApiError::invalid(format!("top: {value:?} is not a whole number from 1 to {max}"))
            }),
    }
}

/// Whether a ranking answer lists the excluded programs (`exclusions=all`, the default: the
/// crate's ranking JSON) or only counts them (`exclusions=none`).
///
/// # Errors
/// 422 naming the value and the words accepted.
pub(crate) fn exclusions_from_query(query: Option<&str>) -> Result<bool, ApiError> {
    let found =
        query.and_then(|query| form_urlencoded::parse(query.as_bytes()).find(|(key, _)| key == "exclusions"));
    match found {
        None => Ok(true),
        Some((_, value)) if value == "all" => Ok(true),
        Some((_, value)) if value == "none" => Ok(false),
        Some((_, value)) => Err(ApiError::invalid(format!(
            "exclusions: {value:?} is not \"all\" or \"none\""
        ))),
    }
}

/// `POST /api/rank?top=N&exclusions=all|none`: the body is a profile in the crate's JSON form;
/// the answer is the ranking in the crate's JSON form, with the best `top` programs and every
/// exclusion (or, with `exclusions=none`, their count as `excluded`).
async fn rank(
    State(state): State<SharedState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let config = &state.config;
    let top = top_from_query(query.as_deref(), config.default_top, config.max_top)?;
    let with_exclusions = exclusions_from_query(query.as_deref())?;
    require_json(&headers)?;
    let profile: StudentProfile = from_json("profile", &body)?;
    within_max_weight("profile", &profile)?;
    if !with_exclusions {
        // A ranking without the exclusions' reasons takes about a millisecond on the national
        // catalogue: it runs on the request's task, so the API stays quick when the CPU
        // workers are busy with pages.
        let ranking = state.data.selector().rank_top(&profile, top)?;
        return to_json(&ranking.with_exclusions_counted(), 1 << 16);
    }
    // Every exclusion's reasons, about 100 KB on the national catalogue: a CPU job, compressed
    // there too.
    let coding = Coding::negotiate(&headers);
    let job = Arc::clone(&state);
    state
        .pool
        .run(move || {
            let ranking = job.data.selector().rank_top(&profile, top)?;
            let bytes = to_json_bytes(&ranking, 1 << 17)?;
            Ok(compress_now(StatusCode::OK, "application/json", bytes, coding))
        })
        .await?
}

async fn programs(State(state): State<SharedState>, headers: HeaderMap) -> Response {
    state
        .programs_json
        .response(StatusCode::OK, Coding::negotiate(&headers))
}

async fn program(State(state): State<SharedState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let program = state
        .data
        .selector()
        .program(&id)
        .ok_or_else(|| ApiError::not_found(format!("no program with id {id:?} in the catalogue")))?;
    to_json(program, 1 << 12)
}

/// The body of `POST /api/compare`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareRequest {
    /// 2 to 10 program ids.
    ids: Vec<String>,
    /// The profile; the documented example profile (a student in Ohio) when absent.
    #[serde(default)]
    profile: Option<StudentProfile>,
}

async fn compare(
    State(state): State<SharedState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    require_json(&headers)?;
    let request: CompareRequest = from_json("request", &body)?;
    if let Some(profile) = &request.profile {
        within_max_weight("request: profile", profile)?;
    }
    let profile = request
        .profile
        .unwrap_or_else(|| StudentProfile::example(UsState::Ohio));
    // A comparison ranks the whole catalogue: a CPU job.
    let job = Arc::clone(&state);
    state
        .pool
        .run(move || {
            let ids: Vec<&str> = request.ids.iter().map(String::as_str).collect();
            let comparison = job.data.selector().compare(&profile, &ids)?;
            to_json(&comparison, 1 << 14)
        })
        .await?
}

async fn wages(State(state): State<SharedState>, headers: HeaderMap) -> Response {
    state
        .wages_json
        .response(StatusCode::OK, Coding::negotiate(&headers))
}

async fn openapi(State(state): State<SharedState>, headers: HeaderMap) -> Response {
    state
        .openapi_json
        .response(StatusCode::OK, Coding::negotiate(&headers))
}

/// Unknown routes: a JSON 404 under `/api/`, a small page elsewhere.
pub(crate) async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        ApiError::not_found(format!("no route {}", uri.path())).into_response()
    } else {
        (
            StatusCode::NOT_FOUND,
            Html(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\
                 <body><p>No such page. <a href=\"/\">Back to the program finder</a>.</p></body></html>",
            ),
        )
            .into_response()
    }
}
