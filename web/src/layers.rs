//! The protective layers around every route: panics become 500s, limits on body size, time and
//! concurrent work, security headers, and JSON bodies for the errors the layers produce.

use std::any::Any;

use axum::Router;
use axum::body::Body;
use axum::http::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS};
use axum::http::{HeaderValue, Response, StatusCode};
use axum::middleware::map_response;
use axum::response::IntoResponse;
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::Config;
use crate::error::ApiError;

/// The page's Content-Security-Policy: scripts and styles only from the server's own static
/// files, no inline script or style, no framing, forms only to the server itself.
pub const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Wraps `router` in the server's layers, outermost first:
/// a panic in a handler becomes a logged 500 with a JSON body (the server goes on); error
/// responses that the layers or the router make without a body get the JSON error body;
/// `Content-Security-Policy`, `X-Content-Type-Options: nosniff` and `Referrer-Policy` on every
/// response; a request timeout (408); a bound on requests worked on at once; and a body limit
/// (413).
pub fn harden(router: Router, config: &Config) -> Router {
    let limits = *config;
    // `Router::layer` wraps the routes, so the last layer added is the outermost. Each step
    // turns the responses back into `Response<Body>`, which the error-body step needs.
    router
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(
            ServiceBuilder::new()
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    config.request_timeout,
                ))
                .layer(GlobalConcurrencyLimitLayer::new(config.concurrency.max(1))),
        )
        .layer(map_response(move |response: Response<Body>| async move {
            error_body(response, &limits)
        }))
        .layer(
            ServiceBuilder::new()
                .layer(CatchPanicLayer::custom(panic_response))
                .layer(SetResponseHeaderLayer::overriding(
                    X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(CONTENT_SECURITY_POLICY_VALUE),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    REFERRER_POLICY,
                    HeaderValue::from_static("no-referrer"),
                )),
        )
}

/// A handler's panic: logged with its message, answered with a 500.
#[allow(clippy::needless_pass_by_value)] // The signature `CatchPanicLayer::custom` takes.
fn panic_response(payload: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!("a request handler panicked: {message}");
    ApiError::internal("internal error: the request's handler failed; it was logged and the server goes on")
        .into_response()
}

/// Gives an error response made by a layer or by the router (empty or plain text: 405, 408,
/// 413 …) the JSON error body, keeping its status and headers (`Allow` on a 405).
fn error_body(response: Response<Body>, limits: &Config) -> Response<Body> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let typed = response.headers().get(CONTENT_TYPE).is_some_and(|value| {
        value
            .to_str()
            .is_ok_and(|value| value.starts_with("application/json") || value.starts_with("text/html"))
    });
    if typed {
        return response;
    }
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            format!("request body too large: the limit is {} bytes", limits.body_limit)
        }
        StatusCode::REQUEST_TIMEOUT => format!(
            "request timeout: the request was not read and answered within {} s",
            limits.request_timeout.as_secs_f64()
        ),
        StatusCode::METHOD_NOT_ALLOWED => {
            "method not allowed on this route (the Allow header names the methods it answers to)".to_owned()
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported media type".to_owned(),
        other => other.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response::from_parts(parts, Body::from(ApiError::new(status, message).body()))
}
