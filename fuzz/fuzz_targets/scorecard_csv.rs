//! Untrusted College Scorecard CSV, read and attached to the embedded catalogue.
#![no_main]

use std::sync::OnceLock;

use himkit::io::{Mode, ScorecardOptions, attach_scorecard, read_scorecard_csv};
use libfuzzer_sys::fuzz_target;

/// Loaded once: parsing the embedded dataset for every input would dominate the run.
fn dataset() -> &'static himkit::Dataset {
    static DATASET: OnceLock<himkit::Dataset> = OnceLock::new();
    DATASET.get_or_init(|| himkit::Dataset::embedded().expect("the embedded dataset loads"))
}

fuzz_target!(|data: &[u8]| {
    let mut options = ScorecardOptions::new(himkit::Year::new(2024).expect("a valid year"));
    let _ = read_scorecard_csv("fuzz.csv", data, &options);
    options.mode = Mode::Lenient;
    if let Ok(outcome) = read_scorecard_csv("fuzz.csv", data, &options) {
        attach_scorecard(dataset().catalog(), &outcome.items).expect("attaching valid records works");
    }
});
