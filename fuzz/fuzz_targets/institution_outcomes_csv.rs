//! Untrusted bytes as an institution outcome file (IPEDS Outcome Measures or Graduation Rates,
//! a College Scorecard institution file), in both modes.
#![no_main]

use himkit::io::{ReadOptions, read_institution_outcomes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let year = Some(himkit::Year::new(2023).expect("a valid year"));
    let strict = read_institution_outcomes("outcomes.csv", data, year, &ReadOptions::default());
    let lenient = read_institution_outcomes("outcomes.csv", data, year, &ReadOptions::lenient());
    if let Ok(strict) = strict {
        let lenient = lenient.expect("what strict mode reads, lenient mode reads");
        assert!(lenient.skipped.is_empty());
        assert_eq!(strict.items, lenient.items);
        for row in &strict.items {
            // Every figure read is the whole institution's.
            for rate in [&row.award_rate_6_years, &row.graduation_rate, &row.completion_rate]
                .into_iter()
                .flatten()
            {
                assert!(rate.scope().is_none_or(|scope| scope == himkit::program::Scope::Institution));
            }
        }
    }
});
