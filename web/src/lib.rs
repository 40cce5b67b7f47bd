//! himkit on the web: a page for prospective HIM students and their advisors, and an HTTP JSON
//! API for other tools, over the himkit library.
//!
//! [`app`] builds the whole application (routes and the protective layers); [`serve`] runs it
//! on a listener until a shutdown signal, then lets requests in flight finish. The binary
//! `himkit-web` parses the command line, loads the [`data::Data`] and calls both.

pub mod api;
mod assets;
pub mod data;
mod encoding;
mod error;
mod layers;
pub mod limits;
pub mod openapi;
mod page;
mod pool;

use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::assets::Assets;
use crate::data::Data;
use crate::encoding::Encoded;
use crate::pool::CpuPool;

pub use crate::layers::harden;

/// The server's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// The largest request body accepted, in bytes (413 past it).
    pub body_limit: usize,
    /// The longest a client may take to send a request's body once its headers are in (408
    /// past it). The body is read before the request takes a slot, so slow senders hold
    /// connections but no slot.
    pub body_timeout: Duration,
    /// The longest a request may take once its body is read (408 past it).
    pub request_timeout: Duration,
    /// The longest a client may take to send a request's headers before the connection is
    /// closed.
    pub header_timeout: Duration,
    /// How many connections are open at once; past it, new connections wait in the listener's
    /// backlog until one closes.
    pub max_connections: usize,
    /// How many requests are worked on at once.
    pub concurrency: usize,
    /// How many CPU jobs (a page, a ranking with every exclusion, a comparison) run at once:
    /// one per core by default.
    pub cpu_workers: usize,
    /// The longest a request waits for a slot or a CPU worker before it is refused with 503
    /// and `Retry-After`.
    pub queue_timeout: Duration,
    /// How many requests may wait for a slot, and how many for a CPU worker; one more is
    /// refused with 503 at once.
    pub queue_limit: usize,
    /// How long requests in flight may go on after a shutdown signal.
    pub shutdown_grace: Duration,
    /// The most ranked programs `POST /api/rank?top=N` returns.
    pub max_top: usize,
    /// How many ranked programs `POST /api/rank` returns without `top`.
    pub default_top: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            body_limit: 64 * 1024,
            body_timeout: Duration::from_secs(2),
            request_timeout: Duration::from_secs(10),
            header_timeout: Duration::from_secs(10),
            max_connections: 2048,
            concurrency: 256,
            cpu_workers: std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
            queue_timeout: Duration::from_secs(1),
            queue_limit: 1024,
            shutdown_grace: Duration::from_secs(10),
            max_top: 200,
            default_top: 20,
        }
    }
}

/// What every handler shares.
#[derive(Debug)]
pub(crate) struct AppState {
    /// The served data.
    pub data: Data,
    /// The limits.
    pub config: Config,
    /// `GET /api/programs`, serialized and compressed once.
    pub programs_json: Encoded,
    /// `GET /api/wages`, serialized and compressed once.
    pub wages_json: Encoded,
    /// `GET /api/openapi.json`, compressed once.
    pub openapi_json: Encoded,
    /// The page's wage chart, rendered once.
    pub wages_html: String,
    /// The static files.
    pub assets: Assets,
    /// `GET /` without a query, rendered and compressed once (it is the same page for everyone).
    pub home: OnceLock<(StatusCode, Encoded)>,
    /// The CPU workers.
    pub pool: CpuPool,
}

/// The shared state handlers receive.
pub(crate) type SharedState = Arc<AppState>;

/// The application: every route, behind [`harden`]'s layers.
///
/// # Errors
/// If the catalogue or the wage figures cannot be serialized, which validated values do not
/// cause, or the OpenAPI document lacks a part the server fills in.
pub fn app(data: Data, config: Config) -> Result<Router, String> {
    let openapi_json = openapi::document(data.catalog())?;
    let programs_json = serde_json::to_vec(data.catalog().programs()).map_err(|error| error.to_string())?;
    let wages_json = serde_json::to_vec(data.wages()).map_err(|error| error.to_string())?;
    let wages_html = page::wage_chart_html(data.wages());
    let state = Arc::new(AppState {
        data,
        config,
        programs_json: Encoded::new("application/json", programs_json),
        wages_json: Encoded::new("application/json", wages_json),
        openapi_json: Encoded::new("application/json", openapi_json),
        wages_html,
        assets: Assets::new(),
        home: OnceLock::new(),
        pool: CpuPool::new(config.cpu_workers, config.queue_limit, config.queue_timeout),
    });
    let (status, html) = page::render_index(&state, None);
    let _ = state.home.set((
        status,
        Encoded::new("text/html; charset=utf-8", html.into_bytes()),
    ));
    let router = api::routes()
        .merge(page::routes())
        .fallback(api::not_found)
        .with_state(state);
    Ok(harden(router, &config))
}

/// Serves `app` on `listener` until `shutdown` completes, then stops accepting connections and
/// waits up to [`Config::shutdown_grace`] for requests in flight. At most
/// [`Config::max_connections`] connections are open at once.
///
/// # Errors
/// None so far: a failed accept is logged and the loop goes on.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    config: Config,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let connections = Arc::new(Semaphore::new(config.max_connections.max(1)));
    loop {
        // At the cap, the next connection waits in the listener's backlog until one closes.
        let permit = tokio::select! {
            permit = Arc::clone(&connections).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_closed) => break,
            },
            () = &mut shutdown => break,
        };
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(error) => {
                        // Out of file descriptors and the like: wait a little, go on.
                        tracing::warn!("accept failed: {error}");
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        continue;
                    }
                };
                if let Err(error) = stream.set_nodelay(true) {
                    tracing::debug!("set_nodelay failed: {error}");
                }
                let connection = http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(config.header_timeout)
                    .serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    if let Err(error) = connection.await {
                        tracing::debug!("connection ended: {error}");
                    }
                    drop(permit);
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    tracing::info!("shutting down: waiting for requests in flight");
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(config.shutdown_grace) => {
            tracing::warn!("requests still in flight after {:?}; stopping", config.shutdown_grace);
        }
    }
    Ok(())
}
