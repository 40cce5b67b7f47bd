//! Untrusted catalogue CSV; an accepted catalogue must survive a CSV round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(catalog) = himkit::io::read_catalog_csv("fuzz.csv", data, &himkit::io::Limits::default()) {
        let mut bytes = Vec::new();
        himkit::io::write_catalog_csv(&catalog, &mut bytes).expect("a catalogue writes");
        let back = himkit::io::read_catalog_csv("again.csv", bytes.as_slice(), &himkit::io::Limits::default())
            .expect("a written catalogue reads back");
        assert_eq!(back, catalog);
    }
});
