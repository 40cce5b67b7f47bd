//! The protective layers around every route: security headers, panics become 500s,
//! compression, JSON bodies for the errors the layers produce, the request body read with its
//! own deadline before the request takes a slot, a bounded wait for a slot, and a time limit.

use std::any::Any;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{
    CONNECTION, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY,
    X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, Response, StatusCode};
use axum::middleware::{self, Next, map_response};
use axum::response::IntoResponse;
use http_body_util::BodyExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::Config;
use crate::encoding::Negotiated;
use crate::error::ApiError;
use crate::pool::Gate;

/// The page's Content-Security-Policy: scripts and styles only from the server's own static
/// files, no inline script or style, no framing, forms only to the server itself.
pub(crate) const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Wraps `router` in the server's layers, outermost first:
/// `Content-Security-Policy`, `X-Content-Type-Options: nosniff` and `Referrer-Policy` on every
/// response (the 500 of a panic included); a panic in a handler becomes a logged 500 with a
/// JSON body (the server goes on); br or gzip for the answers not compressed already; error
/// responses that the layers or the router make without a body get the JSON error body; the
/// request body is read within [`Config::body_timeout`] (408) and [`Config::body_limit`] (413)
/// before the request takes a slot; at most [`Config::concurrency`] requests are worked on at
/// once, and one that gets no slot within [`Config::queue_timeout`] (or finds
/// [`Config::queue_limit`] waiting) is refused with 503 and `Retry-After`; a request that is not
/// answered within [`Config::request_timeout`] gets 408.
pub fn harden(router: Router, config: &Config) -> Router {
    let limits = *config;
    let slots = Arc::new(Gate::new(
        config.concurrency,
        config.queue_limit,
        config.queue_timeout,
        "every request slot",
    ));
    // `Router::layer` wraps the routes, so the last layer added is the outermost. Each step
    // turns the responses back into `Response<Body>`, which the error-body step needs.
    router
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.request_timeout,
        ))
        .layer(middleware::from_fn_with_state(slots, admit))
        .layer(middleware::from_fn_with_state(limits, read_body))
        .layer(map_response(move |response: Response<Body>| async move {
            error_body(response, &limits)
        }))
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Fastest)
                .compress_when(DefaultPredicate::new().and(NotNegotiated)),
        )
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
        ))
}

/// Leaves alone the answers whose coding the server chose itself (compressed once at start-up,
/// or on a CPU worker).
#[derive(Debug, Clone, Copy)]
struct NotNegotiated;

impl Predicate for NotNegotiated {
    fn should_compress<B>(&self, response: &Response<B>) -> bool
    where
        B: http_body::Body,
    {
        response.extensions().get::<Negotiated>().is_none()
    }
}

/// Waits, within the bound, for one of the request slots.
async fn admit(State(slots): State<Arc<Gate>>, request: Request, next: Next) -> Response<Body> {
    match slots.enter().await {
        Ok(permit) => {
            let response = next.run(request).await;
            drop(permit);
            response
        }
        Err(error) => error.into_response(),
    }
}

/// Why a body could not be read.
enum Unread {
    TooLarge,
    Broken(axum::Error),
}

/// Reads the whole body, refusing it past `limit` bytes.
async fn collect(mut body: Body, limit: usize) -> Result<Bytes, Unread> {
    let mut first: Option<Bytes> = None;
    let mut rest: Vec<u8> = Vec::new();
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame.map_err(Unread::Broken)?.into_data() else {
            continue;
        };
        let read = first.as_ref().map_or(0, Bytes::len).saturating_add(rest.len());
        if read.saturating_add(data.len()) > limit {
            return Err(Unread::TooLarge);
        }
        // Most bodies come in one piece, which is kept as it is.
        match &first {
            None => first = Some(data),
            Some(piece) => {
                if rest.is_empty() {
                    rest.extend_from_slice(piece);
                }
                rest.extend_from_slice(&data);
            }
        }
    }
    Ok(if rest.is_empty() {
        first.unwrap_or_default()
    } else {
        Bytes::from(rest)
    })
}

/// Reads the request's body within its own deadline, before the request takes a slot, so that
/// clients that send slowly hold a connection each but no slot and no worker.
async fn read_body(State(limits): State<Config>, request: Request, next: Next) -> Response<Body> {
    let (parts, body) = request.into_parts();
    let announced = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let over = |length: u64| usize::try_from(length).map_or(true, |length| length > limits.body_limit);
    let read = if announced.is_some_and(over) {
        Err(Unread::TooLarge)
    } else {
        match tokio::time::timeout(limits.body_timeout, collect(body, limits.body_limit)).await {
            Ok(read) => read,
            Err(_elapsed) => {
                return closing(ApiError::new(
                    StatusCode::REQUEST_TIMEOUT,
                    format!(
                        "request timeout: the request body was not received within {} s",
                        limits.body_timeout.as_secs_f64()
                    ),
                ));
            }
        }
    };
    match read {
        Ok(bytes) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        Err(Unread::TooLarge) => closing(too_large(&limits)),
        Err(Unread::Broken(error)) => closing(ApiError::malformed(format!(
            "the request body could not be read: {error}"
        ))),
    }
}

/// An error after which the connection is closed: the rest of the body is never read.
fn closing(error: ApiError) -> Response<Body> {
    let mut response = error.into_response();
    response
        .headers_mut()
        .insert(CONNECTION, HeaderValue::from_static("close"));
    response
}

fn too_large(limits: &Config) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("request body too large: the limit is {} bytes", limits.body_limit),
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

/// Gives an error response made by a layer or by the router (empty or plain text: 405, 408 …)
/// the JSON error body, keeping its status and headers (`Allow` on a 405).
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
        StatusCode::PAYLOAD_TOO_LARGE => too_large(limits).message,
        StatusCode::REQUEST_TIMEOUT => format!(
            "request timeout: the request was not answered within {} s",
            limits.request_timeout.as_secs_f64()
        ),
        StatusCode::METHOD_NOT_ALLOWED => {
            "method not allowed on this route (the Allow header names the methods it answers to)".to_owned()
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported media type".to_owned(),
        other => other.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response::from_parts(parts, Body::from(ApiError::new(status, message).body()))
}
