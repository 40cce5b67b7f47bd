//! Untrusted OEWS CSV, strict and lenient, with and without a filter.
#![no_main]

use himkit::io::{Mode, OewsOptions, read_oews_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = OewsOptions::new();
    options.period = Some(himkit::value::ReferencePeriod::may(2024).expect("a valid period"));
    let strict = read_oews_csv("fuzz.csv", data, &options);
    options.mode = Mode::Lenient;
    let lenient = read_oews_csv("fuzz.csv", data, &options);
    // A strict read that succeeds skips nothing, and lenient mode keeps the same rows.
    if let (Ok(strict), Ok(lenient)) = (&strict, &lenient) {
        assert!(strict.skipped.is_empty());
        assert_eq!(strict.items, lenient.items);
    }
    options.occupations = vec!["29-9021".parse().expect("a valid code")];
    let _ = read_oews_csv("fuzz.csv", data, &options);
});
