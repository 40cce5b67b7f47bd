//! Untrusted College Scorecard field-of-study CSV, read and attached to the embedded catalogue
//! in both modes.
#![no_main]

use std::sync::OnceLock;

use himkit::io::{ReadOptions, attach_scorecard};
use libfuzzer_sys::fuzz_target;

/// Loaded once: parsing the embedded dataset for every input would dominate the run.
fn dataset() -> &'static himkit::Dataset {
    static DATASET: OnceLock<himkit::Dataset> = OnceLock::new();
    DATASET.get_or_init(|| himkit::Dataset::embedded().expect("the embedded dataset loads"))
}

fuzz_target!(|data: &[u8]| {
    let year = himkit::Year::new(2024).expect("a valid year");
    let catalog = dataset().catalog();
    let strict = attach_scorecard(catalog, "fuzz.csv", data, year, &ReadOptions::default());
    let lenient = attach_scorecard(catalog, "fuzz.csv", data, year, &ReadOptions::lenient());
    if let Ok(strict) = strict {
        let lenient = lenient.expect("what strict mode reads, lenient mode reads");
        assert_eq!(strict.catalog, lenient.catalog);
    }
});
