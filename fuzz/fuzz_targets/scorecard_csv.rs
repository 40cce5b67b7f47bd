//! Untrusted College Scorecard CSV, read and attached to the embedded catalogue.
#![no_main]

use himkit::io::{Mode, ScorecardOptions, attach_scorecard, read_scorecard_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = ScorecardOptions::new(himkit::Year::new(2024).expect("a valid year"));
    let _ = read_scorecard_csv("fuzz.csv", data, &options);
    options.mode = Mode::Lenient;
    if let Ok(outcome) = read_scorecard_csv("fuzz.csv", data, &options) {
        let dataset = himkit::Dataset::embedded().expect("the embedded dataset loads");
        attach_scorecard(dataset.catalog(), &outcome.items).expect("attaching valid records works");
    }
});
