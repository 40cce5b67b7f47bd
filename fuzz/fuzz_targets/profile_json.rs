//! Untrusted profile JSON, then a ranking of the national catalogue (real campuses, with
//! coordinates, so that home ZIP codes and distance limits are exercised) with whatever it
//! accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = serde_json::from_str::<himkit::StudentProfile>(text) else {
        return;
    };
    let dataset = himkit::Dataset::national().expect("the national dataset loads");
    let selector = himkit::Selector::new(dataset.catalog(), dataset.wages());
    let ranking = selector.rank(&profile).expect("a valid profile ranks");
    assert_eq!(
        ranking.entries().len() + ranking.exclusions().len(),
        dataset.catalog().len()
    );
    for entry in ranking.entries() {
        assert!((0.0..=1.0).contains(&entry.score()));
        if let (Some(distance), Some(limit)) = (entry.distance(), profile.spec().max_distance_miles) {
            let program = selector.program(entry.id().as_str()).expect("a ranked program is in the catalogue");
            let relocating = profile.spec().relocation_states.contains(&program.institution().state());
            // A program that may be online is kept with its location flagged.
            let flagged = entry
                .flags()
                .iter()
                .any(|flag| flag.constraint == himkit::select::Constraint::Location);
            // Shown to the tenth of a mile.
            assert!(relocating || flagged || distance.miles() <= limit + 0.05);
        }
    }
});
