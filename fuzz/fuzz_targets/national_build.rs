//! Untrusted bytes as the federal files of the national catalogue (HD, Completions, IC and
//! `IC_AY`, separated by NUL bytes), built strictly and leniently.
#![no_main]

use himkit::io::{CatalogInputs, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(4, |byte| *byte == 0);
    let hd = parts.next().unwrap_or_default();
    let completions = parts.next().unwrap_or_default();
    let distance = parts.next();
    let charges = parts.next();
    let year = himkit::Year::new(2024).expect("a valid year");
    let build = |options: ReadOptions| {
        let mut inputs = CatalogInputs::new(("hd.csv", hd), ("c_a.csv", completions), year)
            .with_read_options(options);
        if let Some(distance) = distance {
            inputs = inputs.with_distance(("ic.csv", distance), year);
        }
        if let Some(charges) = charges {
            inputs = inputs.with_charges(("ic_ay.csv", charges), year);
        }
        inputs.build()
    };
    let strict = build(ReadOptions::default());
    let lenient = build(ReadOptions::lenient());
    if let Ok(strict) = strict {
        assert!(strict.summary.skipped.is_empty(), "strict mode skips nothing");
        let lenient = lenient.expect("what strict mode builds, lenient mode builds");
        assert!(lenient.summary.skipped.is_empty());
        assert_eq!(strict.catalog, lenient.catalog);
    }
});
