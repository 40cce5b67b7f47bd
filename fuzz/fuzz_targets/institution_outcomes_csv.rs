//! Untrusted bytes as a College Scorecard institution file, in both modes.
#![no_main]

use himkit::io::{IpedsOptions, Mode, read_scorecard_institutions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = IpedsOptions::new();
    let strict = read_scorecard_institutions("institutions.csv", data, &options);
    options.mode = Mode::Lenient;
    let lenient = read_scorecard_institutions("institutions.csv", data, &options);
    if let Ok(strict) = strict {
        let lenient = lenient.expect("what strict mode reads, lenient mode reads");
        assert!(lenient.skipped.is_empty());
        assert_eq!(strict.items, lenient.items);
    }
});
