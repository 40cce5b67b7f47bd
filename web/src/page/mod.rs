//! The page: server-rendered HTML that works without JavaScript (the form is a GET of `/`),
//! with a script that only enhances it, and static assets served from the binary.

mod chart;
mod compare;
pub mod form;
mod labels;
mod render;

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, PreEscaped, html};

use crate::SharedState;
use form::ProfileForm;

const CSS: &str = include_str!("../../static/app.css");
const JS: &str = include_str!("../../static/app.js");

/// How many ranked programs the page shows.
const PAGE_TOP: usize = 50;

/// The page's routes: `/`, `/compare` and the two static assets.
pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/", get(index))
        .route("/compare", get(compare_page))
        .route(
            "/static/app.css",
            get(|| async { asset(CSS, "text/css; charset=utf-8") }),
        )
        .route(
            "/static/app.js",
            get(|| async { asset(JS, "text/javascript; charset=utf-8") }),
        )
}

fn asset(text: &'static str, content_type: &'static str) -> Response {
    (
        [
            (CONTENT_TYPE, content_type),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        text,
    )
        .into_response()
}

fn page(status: StatusCode, title: &str, body: &Markup, state: &SharedState) -> Response {
    (
        status,
        Html(render::layout(title, body, state.data.source()).into_string()),
    )
        .into_response()
}

/// The wage chart's HTML; the same for every request, so the server renders it once.
#[must_use]
pub fn wage_chart_html(wages: &[himkit::WageStatistics]) -> String {
    chart::wage_chart(wages).into_string()
}

/// `GET /`: the form, and the ranking for its profile (the example profile before a submission).
async fn index(State(state): State<SharedState>, RawQuery(query): RawQuery) -> Response {
    let form = ProfileForm::from_query(query.as_deref());
    let selector = state.data.selector();
    let (status, results) = match form.to_profile() {
        Err(problems) => (StatusCode::UNPROCESSABLE_ENTITY, render::problems(&problems)),
        Ok(profile) => match selector.rank_top(&profile, PAGE_TOP) {
            Ok(ranking) => {
                let stability = if ranking.entries().len() >= 2 {
                    selector.sensitivity(&profile, 3, 20.0).ok()
                } else {
                    None
                };
                (
                    StatusCode::OK,
                    html! {
                        (render::results(&form, &ranking, selector))
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
        (render::profile_form(&form))
        (results)
        section.wages aria-labelledby="wages-heading" {
            h2 #wages-heading { "What HIM jobs pay" }
            (PreEscaped(&state.wages_html))
        }
    };
    page(status, "HIM program finder", &body, &state)
}

/// `GET /compare?id=…&id=…&<profile>`: the chosen programs side by side.
async fn compare_page(State(state): State<SharedState>, RawQuery(query): RawQuery) -> Response {
    let form = ProfileForm::from_query(query.as_deref());
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
                p { a href=(format!("/?{}", form.query())) { "← Back to the ranking" } }
            },
        ),
    };
    page(status, "Compare programs — HIM program finder", &body, &state)
}
