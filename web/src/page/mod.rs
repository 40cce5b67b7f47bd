//! The page: server-rendered HTML that works without JavaScript (the form is a GET of `/`),
//! with a script that re-ranks live as the controls move, and static assets served from the
//! binary. Pages are rendered on the CPU workers; the page without a query is rendered once.

mod chart;
mod compare;
mod exclusions;
mod explain;
pub(crate) mod form;
mod labels;
mod map;
mod projection;
mod render;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::header::{CACHE_CONTROL, RETRY_AFTER};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, PreEscaped, html};

use crate::encoding::{Coding, compress_now};
use crate::error::ApiError;
use crate::{AppState, SharedState};
use form::ProfileForm;

/// The page's routes: `/`, `/compare`, `/explain`, `/excluded`, the script's redrawn table,
/// the static files and the icon.
pub(crate) fn routes() -> Router<SharedState> {
    Router::new()
        .route("/", get(index))
        .route("/compare", get(compare_page))
        .route("/explain", get(explain_page))
        .route("/excluded", get(excluded_page))
        .route("/fragments/ranking", get(ranking_fragments))
        .route("/static/{file}", get(asset))
        .route("/favicon.ico", get(favicon))
}

async fn asset(State(state): State<SharedState>, Path(file): Path<String>, headers: HeaderMap) -> Response {
    let coding = Coding::negotiate(&headers);
    state
        .assets
        .get(&format!("/static/{file}"), coding)
        .unwrap_or_else(|| {
            (
                StatusCode::NOT_FOUND,
                Html(
                    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\
                     <body><p>No such file (an older version of the page may have named it). \
                     <a href=\"/\">Back to the program finder</a>.</p></body></html>",
                ),
            )
                .into_response()
        })
}

async fn favicon(State(state): State<SharedState>, headers: HeaderMap) -> Response {
    state.assets.favicon(Coding::negotiate(&headers))
}

/// A page's HTML around `body`.
fn page_html(title: &str, body: &Markup, state: &AppState) -> String {
    render::layout(title, body, state.data.source(), &state.assets).into_string()
}

/// The wage chart's HTML; the same for every request, so the server renders it once.
#[must_use]
pub(crate) fn wage_chart_html(wages: &[himkit::WageStatistics]) -> String {
    chart::wage_chart(wages).into_string()
}

/// The form's profile and how many programs to show, or every problem with either.
fn profile_and_shown(form: &ProfileForm) -> Result<(himkit::StudentProfile, usize), Vec<String>> {
    match (form.to_profile(), form.shown_count()) {
        (Ok(profile), Ok(shown)) => Ok((profile, shown)),
        (Err(mut problems), Err(problem)) => {
            problems.push(problem);
            Err(problems)
        }
        (Err(problems), Ok(_)) => Err(problems),
        (Ok(_), Err(problem)) => Err(vec![problem]),
    }
}

/// The ranking page for `query`: the form, and the ranking for its profile (the example
/// profile before a submission), the exclusions counted by reason, how stable the top is, and
/// the wage chart.
pub(crate) fn render_index(state: &AppState, query: Option<&str>) -> (StatusCode, String) {
    let form = ProfileForm::from_query(query);
    let selector = state.data.selector();
    let (status, results) = match profile_and_shown(&form) {
        Err(problems) => (StatusCode::UNPROCESSABLE_ENTITY, render::problems(&problems)),
        Ok((profile, shown)) => match selector.rank_top(&profile, shown) {
            Ok(ranking) => {
                let stability = if ranking.entries().len() >= 2 {
                    selector.sensitivity(&profile, 3, 20.0).ok()
                } else {
                    None
                };
                (
                    StatusCode::OK,
                    html! {
                        (render::results(&form, &ranking, selector, &map::figure(&ranking, selector, &profile, &state.assets.map.path)))
                        @if let Some(stability) = &stability { (render::stability(stability)) }
                    },
                )
            }
            Err(error) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                render::problems(&[error.to_string()]),
            ),
        },
    };
    let body = html! {
        (render::profile_form(&form, status == StatusCode::UNPROCESSABLE_ENTITY))
        (results)
        section.wages aria-labelledby="wages-heading" {
            h2 #wages-heading { "What HIM jobs pay" }
            (PreEscaped(&state.wages_html))
        }
    };
    (status, page_html("HIM program finder", &body, state))
}

/// A page made on a CPU worker by `render` from the state and the query, compressed there.
async fn on_worker(
    state: SharedState,
    query: Option<String>,
    headers: &HeaderMap,
    render: fn(&AppState, Option<&str>) -> (StatusCode, String),
) -> Response {
    let coding = Coding::negotiate(headers);
    let job = Arc::clone(&state);
    let rendered = state
        .pool
        .run(move || {
            let (status, html) = render(&job, query.as_deref());
            compress_now(status, "text/html; charset=utf-8", html.into_bytes(), coding)
        })
        .await;
    rendered.unwrap_or_else(|error| error_page(&error, &state))
}

/// A refusal by the server (busy, failed) as a small page, with `Retry-After` when busy.
fn error_page(error: &ApiError, state: &AppState) -> Response {
    let body = html! {
        section #results.problems role="alert" aria-labelledby="problems-heading" {
            h2 #problems-heading { "The page could not be made" }
            p { (error.message) }
            p { a href="/" { "Back to the program finder" } }
        }
    };
    let mut response = (error.status, Html(page_html("HIM program finder", &body, state))).into_response();
    if error.status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(crate::error::RETRY_AFTER_SECONDS));
    }
    response
}

/// `GET /`: without a query, the page rendered at start-up; with one, a page made for it.
async fn index(State(state): State<SharedState>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    if query.as_deref().is_none_or(str::is_empty) {
        if let Some((status, home)) = state.home.get() {
            return home.response(*status, Coding::negotiate(&headers));
        }
    }
    on_worker(state, query, &headers, render_index).await
}

/// `GET /compare?id=…&id=…&<profile>`: the chosen programs side by side.
async fn compare_page(
    State(state): State<SharedState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    on_worker(state, query, &headers, |state, query| {
        let form = ProfileForm::from_query(query);
        let selector = state.data.selector();
        let ids: Vec<&str> = form.ids.iter().map(String::as_str).collect();
        let outcome = form.to_profile().and_then(|profile| {
            selector
                .compare(&profile, &ids)
                .map_err(|error| vec![error.to_string()])
        });
        let (status, body) = match outcome {
            Ok(comparison) => (StatusCode::OK, compare::comparison(&form, &comparison, selector)),
            Err(problems) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                html! {
                    (render::problems(&problems))
                    p { a href=(form.href("/", &[])) { "← Back to the ranking" } }
                },
            ),
        };
        (
            status,
            page_html("Compare programs — HIM program finder", &body, state),
        )
    })
    .await
}

/// The value of `key` in `query`, the first if repeated.
fn query_value(query: Option<&str>, key: &str) -> Option<String> {
    form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(found, _)| found == key)
        .map(|(_, value)| value.into_owned())
}

/// A page about one ranking of the profile in `query`: `render` gets the form and the full
/// ranking; a refused profile is a 422 with its problems.
fn ranking_page(
    state: &AppState,
    query: Option<&str>,
    title: &str,
    render: impl FnOnce(&ProfileForm, &himkit::Ranking) -> (StatusCode, Markup),
) -> (StatusCode, String) {
    let form = ProfileForm::from_query(query);
    let outcome = form.to_profile().and_then(|profile| {
        state
            .data
            .selector()
            .rank(&profile)
            .map_err(|error| vec![error.to_string()])
    });
    let (status, body) = match outcome {
        Ok(ranking) => render(&form, &ranking),
        Err(problems) => (StatusCode::UNPROCESSABLE_ENTITY, render::problems(&problems)),
    };
    (status, page_html(title, &body, state))
}

/// `GET /explain?<profile>&id=…`: one program's explanation (the script loads it into the
/// ranking page).
async fn explain_page(
    State(state): State<SharedState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    on_worker(state, query, &headers, |state, query| {
        let id = query_value(query, "id").unwrap_or_default();
        ranking_page(
            state,
            query,
            "Explanation — HIM program finder",
            |form, ranking| {
                let status = if state.data.selector().program(&id).is_some() {
                    StatusCode::OK
                } else {
                    StatusCode::NOT_FOUND
                };
                (status, explain::page(form, ranking, state.data.selector(), &id))
            },
        )
    })
    .await
}

/// `GET /excluded?<profile>&reason=…`: the programs one reason excluded (the script loads the
/// list into the ranking page).
async fn excluded_page(
    State(state): State<SharedState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    const TITLE: &str = "Excluded programs — HIM program finder";
    on_worker(state, query, &headers, |state, query| {
        let reason = query_value(query, "reason").unwrap_or_default();
        // Checked before the ranking, which an unknown reason would not use.
        if exclusions::label(&reason).is_none() {
            let problem = format!("reason: {reason:?} is not a reason the page groups exclusions by");
            return (
                StatusCode::NOT_FOUND,
                page_html(TITLE, &render::problems(&[problem]), state),
            );
        }
        ranking_page(state, query, TITLE, |form, ranking| {
            (
                StatusCode::OK,
                exclusions::list(form, ranking, state.data.selector(), &reason),
            )
        })
    })
    .await
}

/// What `/fragments/ranking` answers: the parts of the ranking page that change with the
/// profile, rendered as the page renders them, for the script to put in place.
#[derive(Debug, serde::Serialize)]
struct RankingFragments {
    /// The table's rows (`tbody` elements), best first.
    rows: String,
    /// The ids of the programs in `rows`, in order.
    ids: Vec<String>,
    /// The summary line's text.
    summary: String,
    /// The legend's items.
    legend: String,
    /// The map of the programs shown (empty when there is none to draw).
    map: String,
}

/// `GET /fragments/ranking?<profile>`: for the script, as the controls move, the table's rows,
/// the summary and the legend for the form's profile, read by the form's own rules (so the
/// script builds no profile and words no rule of its own); a refused form is a 422 with its
/// problems, `{"problems": […]}`. It ranks without the exclusions' reasons, on the request's
/// task, as `POST /api/rank?exclusions=none` does: a moving slider waits for no CPU worker.
async fn ranking_fragments(
    State(state): State<SharedState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let form = ProfileForm::from_query(query.as_deref());
    let selector = state.data.selector();
    let ranked = profile_and_shown(&form).and_then(|(profile, shown)| {
        selector
            .rank_top(&profile, shown)
            .map(|ranking| (ranking, profile))
            .map_err(|error| vec![error.to_string()])
    });
    let (status, answer) = match ranked {
        Ok((ranking, profile)) => (
            StatusCode::OK,
            serde_json::to_vec(&RankingFragments {
                rows: render::rows(&form, &ranking, selector).into_string(),
                ids: ranking
                    .entries()
                    .iter()
                    .map(|entry| entry.id().to_string())
                    .collect(),
                summary: render::summary(&ranking).into_string(),
                legend: render::legend(&ranking).into_string(),
                map: map::figure(&ranking, selector, &profile, &state.assets.map.path).into_string(),
            }),
        ),
        Err(problems) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            serde_json::to_vec(&serde_json::json!({ "problems": problems })),
        ),
    };
    match answer {
        Ok(bytes) => {
            let mut response = compress_now(status, "application/json", bytes, Coding::negotiate(&headers));
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
        Err(error) => {
            ApiError::internal(format!("the answer could not be serialized: {error}")).into_response()
        }
    }
}
