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

const USAGE: &str = "usage: himkit-web [--listen ADDR] [--programs FILE.json|FILE.csv] [--oews FILE.xlsx|FILE.csv] \
     [--accreditation FILE.csv]\n--accreditation applies a CAHIIM accreditation list (the CSV build-catalog reads) to the programs served.";

struct Options {
    listen: SocketAddr,
    programs: Option<PathBuf>,
    oews: Option<PathBuf>,
    accreditation: Option<PathBuf>,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
        programs: None,
        oews: None,
        accreditation: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--listen" => {
                let text = value()?;
                options.listen = text
                    .parse()
                    .map_err(|_| format!("--listen: {text:?} is not an address like 127.0.0.1:8080"))?;
            }
            "--programs" => options.programs = Some(PathBuf::from(value()?)),
            "--oews" => options.oews = Some(PathBuf::from(value()?)),
            "--accreditation" => options.accreditation = Some(PathBuf::from(value()?)),
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_target(false)
        .init();
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("himkit-web: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let options = parse_options()?;
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
