//! `himkit-web`: serves the himkit page and JSON API.
//!
//! ```text
//! cargo run -p himkit-web                                   # http://127.0.0.1:8080
//! cargo run -p himkit-web -- --listen 0.0.0.0:3000 --programs mine.csv --oews national_M2024_dl.xlsx
//! cargo run -p himkit-web -- --accreditation cahiim_programs.csv          # the national catalogue, accreditation applied
//! ```
//!
//! A file that cannot be read, or holds an invalid value, stops the start with status 2 and
//! the library's message.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use himkit_web::data::{Data, DataFiles};
use himkit_web::{Config, app, serve};

// A ranking answer is built from many small strings (every exclusion's reasons), and the
// system allocator spent about a quarter of its time in malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Serves the himkit page and JSON API: the national catalogue of real programs and the
/// embedded BLS wage figures, or the files given
#[derive(clap::Parser, Debug)]
#[command(name = "himkit-web")]
struct Options {
    /// The address to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080", value_parser = address)]
    listen: SocketAddr,
    /// The programs to serve: a JSON array of programs, or a catalogue CSV (by its .csv
    /// extension)
    #[arg(long, value_name = "FILE.json|FILE.csv")]
    programs: Option<PathBuf>,
    /// A BLS OEWS workbook or CSV for the wage figures (filtered to the HIM occupations)
    #[arg(long, value_name = "FILE.xlsx|FILE.csv")]
    oews: Option<PathBuf>,
    /// Apply a CAHIIM accreditation list (the CSV kept from CAHIIM's program directory) to the
    /// programs; the rows it cannot apply are logged, and the page names the list
    #[arg(long, value_name = "FILE.csv")]
    accreditation: Option<PathBuf>,
}

fn address(text: &str) -> Result<SocketAddr, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not an address like 127.0.0.1:8080"))
}

fn main() -> ExitCode {
    let options = <Options as clap::Parser>::parse();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_target(false)
        .init();
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("himkit-web: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    let data = Data::load(&DataFiles {
        programs: options.programs.as_deref(),
        oews: options.oews.as_deref(),
        accreditation: options.accreditation.as_deref(),
    })?;
    let programs = data.catalog().len();
    let config = Config::default();
    let app = app(data, config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("starting the runtime: {error}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(options.listen)
            .await
            .map_err(|error| format!("--listen {}: {error}", options.listen))?;
        let address = listener.local_addr().map_err(|error| error.to_string())?;
        tracing::info!("serving {programs} programs on http://{address}/ (Ctrl-C to stop)");
        serve(listener, app, config, shutdown_signal())
            .await
            .map_err(|error| error.to_string())
    })
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!("cannot listen for Ctrl-C: {error}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!("cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("Ctrl-C received"),
        () = terminate => tracing::info!("SIGTERM received"),
    }
}
