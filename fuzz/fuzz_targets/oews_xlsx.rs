//! Untrusted bytes read as an OEWS workbook.
#![no_main]

use himkit::io::{Mode, OewsOptions, read_oews_xlsx};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = OewsOptions::new();
    options.period = Some(himkit::value::ReferencePeriod::may(2024).expect("a valid period"));
    options.mode = Mode::Lenient;
    let _ = read_oews_xlsx("fuzz.xlsx", std::io::Cursor::new(data), &options);
});
