//! Starts the application on a random loopback port for a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // Test code.
#![allow(dead_code)] // Each test file uses a part.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};

use axum::Router;
use himkit_web::data::Data;
use himkit_web::{Config, app, serve};
use tokio::sync::oneshot;

/// A server running in the test's runtime; stops when dropped.
pub(crate) struct Server {
    pub address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Server {
    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Sends the shutdown signal and waits for `serve` to return.
    pub(crate) async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.unwrap().unwrap();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The application over the illustrative catalogue (its fictional programs are the ones the
/// tests name) with `config`.
pub(crate) async fn start(config: Config) -> Server {
    let dataset = himkit::Dataset::embedded().unwrap();
    let data = Data::new(
        dataset.catalog().clone(),
        dataset.wages().to_vec(),
        "the illustrative catalogue".to_owned(),
    );
    start_router(app(data, config).unwrap(), config).await
}

/// The application as `himkit-web` starts without arguments: the national catalogue.
pub(crate) async fn start_default(config: Config) -> Server {
    let data = Data::load(&himkit_web::data::DataFiles::default()).unwrap();
    start_router(app(data, config).unwrap(), config).await
}

/// The list of 29 rows the library's tests apply (`tests/fixtures`): line 2 names
/// [`CUYAHOGA`], line 11 the University of Cincinnati's bachelor's program.
pub(crate) const ACCREDITATION_LIST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/cahiim_directory_variants.csv"
);

/// The national program that line 2 of [`ACCREDITATION_LIST`] names.
pub(crate) const CUYAHOGA: &str = "cuyahoga-community-college-district-202356-510707-aw3";

/// The application as `himkit-web --accreditation` starts: the national catalogue with
/// [`ACCREDITATION_LIST`] applied.
pub(crate) async fn start_with_accreditation_list(config: Config) -> Server {
    let data = Data::load(&himkit_web::data::DataFiles {
        accreditation: Some(Path::new(ACCREDITATION_LIST)),
        ..himkit_web::data::DataFiles::default()
    })
    .unwrap();
    start_router(app(data, config).unwrap(), config).await
}

/// Any router, served as the binary serves.
pub(crate) async fn start_router(router: Router, config: Config) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve(listener, router, config, async move {
        let _ = stopped.await;
    }));
    Server {
        address,
        stop: Some(stop),
        task: Some(task),
    }
}

/// Starts the server binary at `binary` with `args` and waits for the line that names its
/// address; returns the child, the rest of its standard output, and the address
/// (`127.0.0.1:port`).
pub(crate) fn spawn_binary(binary: &Path, args: &[&str]) -> (Child, BufReader<ChildStdout>, String) {
    let mut child = Command::new(binary)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("{}: {error}", binary.display()));
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    (child, stdout, address)
}
