//! Untrusted bytes as an accreditation list applied to the national catalogue, strictly and
//! leniently: no row is reported twice, every name-variant match is one of the matches, and
//! what strict mode applies, lenient mode applies alike.
#![no_main]

use std::sync::OnceLock;

use himkit::io::{AccreditationMatches, ReadOptions, apply_accreditation_list};
use libfuzzer_sys::fuzz_target;

static CATALOG: OnceLock<himkit::Catalog> = OnceLock::new();

fn check(applied: &AccreditationMatches) {
    for found in &applied.by_variant {
        assert_eq!(applied.matched.get(&found.program), Some(&found.line), "a variant match is a match");
    }
    let mut lines: Vec<u64> = applied.matched.values().copied().collect();
    lines.extend(applied.unmatched.iter().chain(&applied.ambiguous).map(|entry| entry.line));
    let rows = lines.len();
    lines.sort_unstable();
    lines.dedup();
    assert_eq!(lines.len(), rows, "each row is applied, unmatched or ambiguous once");
}

fuzz_target!(|data: &[u8]| {
    let catalog = CATALOG.get_or_init(|| {
        himkit::Dataset::national().expect("the embedded catalogue builds").catalog().clone()
    });
    let strict = apply_accreditation_list(catalog, "fuzz.csv", data, &ReadOptions::default());
    let lenient = apply_accreditation_list(catalog, "fuzz.csv", data, &ReadOptions::lenient());
    if let Ok(lenient) = &lenient {
        check(lenient);
    }
    if let Ok(strict) = strict {
        check(&strict);
        let lenient = lenient.expect("what strict mode applies, lenient mode applies");
        assert!(lenient.skipped.is_empty());
        assert_eq!(strict.matched, lenient.matched);
    }
});
