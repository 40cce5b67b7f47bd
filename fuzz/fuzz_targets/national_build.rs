//! Untrusted bytes as each IPEDS file (HD, IC, IC_AY, Completions), in both modes.
#![no_main]

use himkit::io::{
    IpedsOptions, Mode, ReadOutcome, read_ipeds_charges, read_ipeds_completions, read_ipeds_distance,
    read_ipeds_institutions,
};
use libfuzzer_sys::fuzz_target;

/// Reads `data` strictly and leniently with `read`; a strict success must be a lenient success
/// with the same items and nothing skipped.
fn both_modes<T: PartialEq + std::fmt::Debug>(
    data: &[u8],
    options: &IpedsOptions,
    read: impl Fn(&[u8], &IpedsOptions) -> himkit::Result<ReadOutcome<T>>,
) {
    let strict = read(data, options);
    let mut lenient_options = options.clone();
    lenient_options.mode = Mode::Lenient;
    let lenient = read(data, &lenient_options);
    if let Ok(strict) = strict {
        assert!(strict.skipped.is_empty(), "strict mode skips nothing");
        let lenient = lenient.expect("what strict mode reads, lenient mode reads");
        assert!(lenient.skipped.is_empty());
        assert_eq!(strict.items, lenient.items);
    }
}

fuzz_target!(|data: &[u8]| {
    let mut options = IpedsOptions::new();
    both_modes(data, &options, |data, options| read_ipeds_institutions("hd.csv", data, options));
    both_modes(data, &options, |data, options| read_ipeds_distance("ic.csv", data, options));
    both_modes(data, &options, |data, options| read_ipeds_charges("ic_ay.csv", data, options));
    both_modes(data, &options, |data, options| read_ipeds_completions("c_a.csv", data, options));

    options.cip_prefixes = vec!["51.07".to_owned()];
    options.mode = Mode::Lenient;
    if let Ok(read) = read_ipeds_completions("c_a.csv", data, &options) {
        for row in &read.items {
            assert!(row.cip.to_string().starts_with("51.07"), "the CIP filter holds: {row:?}");
        }
    }
});
