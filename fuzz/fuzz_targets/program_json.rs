//! Untrusted program JSON: a catalogue file and a single program. Any input must give a value
//! or an error, and a value must survive a JSON round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(catalog) = himkit::Catalog::from_json_str("fuzz.json", text) {
        let json = catalog.to_json().expect("a valid catalogue serializes");
        let back =
            himkit::Catalog::from_json_str("again.json", &json).expect("a serialized catalogue reads back");
        assert_eq!(back, catalog);
    }
    let _ = serde_json::from_str::<himkit::Program>(text);
});
