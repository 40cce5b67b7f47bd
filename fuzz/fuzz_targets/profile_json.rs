//! Untrusted profile JSON, then a ranking of the embedded catalogue with whatever it accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = serde_json::from_str::<himkit::StudentProfile>(text) else {
        return;
    };
    let dataset = himkit::Dataset::embedded().expect("the embedded dataset loads");
    let selector = himkit::Selector::new(dataset.catalog(), dataset.wages());
    let ranking = selector.rank(&profile).expect("a valid profile ranks");
    assert_eq!(
        ranking.entries().len() + ranking.exclusions().len(),
        dataset.catalog().len()
    );
    for entry in ranking.entries() {
        assert!((0.0..=1.0).contains(&entry.score()));
    }
});
