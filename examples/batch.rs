//! Ranks one catalogue for many students at once with `Selector::rank_many`, keeping each
//! student's top entries, and says how long it took.
//!
//! ```text
//! cargo run --release --example batch
//! cargo run --release --example batch -- --programs programs.json --profiles 10000 --top 10
//! cargo run --release --example batch -- --national
//! ```
//!
//! The students are `StudentProfile::example` for each state in turn (Alabama, Alaska, …).
//! Without `--programs` the embedded illustrative catalogue is ranked; `--national` ranks the
//! national catalogue of real programs (`Dataset::national`).

#[macro_use]
#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;
use std::time::Instant;

use himkit::{Selector, StudentProfile, UsState};

/// Ranks one catalogue for many students at once (the example profile of each state in
/// turn), keeping each one's best entries (10 without --top), and says how long it took
#[derive(clap::Parser, Debug)]
#[command(name = "batch")]
struct Options {
    #[command(flatten)]
    programs: common::flags::Programs,
    #[command(flatten)]
    national: common::flags::National,
    /// How many students to rank for
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    profiles: usize,
    #[command(flatten)]
    top: common::flags::Top,
}

/// Without `--top`, each student's best 10 are kept.
const DEFAULT_TOP: usize = 10;

fn main() -> ExitCode {
    match run(&clap::Parser::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("batch: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    let programs = options.programs.programs.as_deref();
    let national = options.national.national;
    if national && programs.is_some() {
        return Err("--national and --programs choose different catalogues; give one".to_owned());
    }
    let count = options.profiles;
    let top = options.top.top.map_or(DEFAULT_TOP, std::num::NonZeroUsize::get);
    let (catalog, dataset) = common::load_catalog(programs, !national)?;
    let selector = Selector::new(&catalog, dataset.wages());
    let states: Vec<UsState> = UsState::all().collect();
    let profiles: Vec<StudentProfile> = states
        .iter()
        .cycle()
        .take(count)
        .map(|state| StudentProfile::example(*state))
        .collect();
    let start = Instant::now();
    let rankings = selector.rank_many(&profiles, top);
    let elapsed = start.elapsed();
    let mut entries = 0usize;
    let mut failed = 0usize;
    let mut best = 0.0f64;
    for ranking in &rankings {
        match ranking {
            Ok(ranking) => {
                entries += ranking.entries().len();
                best = ranking
                    .entries()
                    .first()
                    .map_or(best, |entry| best.max(entry.score()));
            }
            Err(_) => failed += 1,
        }
    }
    let seconds = elapsed.as_secs_f64();
    let mut out = String::new();
    outln!(
        out,
        "{} profiles x {} programs, top {top} each: {:.1} ms, {:.1} million programs ranked per second",
        profiles.len(),
        selector.programs().len(),
        seconds * 1e3,
        (profiles.len() * selector.programs().len()) as f64 / seconds.max(f64::MIN_POSITIVE) / 1e6
    );
    outln!(
        out,
        "{entries} entries kept, {failed} profiles failed, best score {best:.4}"
    );
    common::emit(&out)
}
