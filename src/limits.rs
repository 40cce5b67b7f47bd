//! Bounds on what one input may cost. They live below the model and the readers alike, since
//! both the JSON catalogue parser and every file reader enforce them.

/// Bounds on what one input may cost, so that hostile or broken files are refused with an
/// error that names the bound instead of exhausting memory. Raise them where your data needs it.
///
/// ```
/// use himkit::io::Limits;
///
/// let mut limits = Limits::default();
/// limits.max_programs = 5_000_000;
/// assert_eq!(limits.max_field_bytes, 65_536);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// The longest field (CSV cell) accepted, in bytes. Default: 64 KiB.
    pub max_field_bytes: usize,
    /// The most fields a CSV row may have. Default: 4,096 (OEWS files have 32, College
    /// Scorecard's institution file about 3,300).
    pub max_fields: usize,
    /// The most input one CSV record may take, in bytes, so that a quote left open in a huge
    /// file is refused after a bounded read. Default: 16 MiB (a Scorecard institution row, the
    /// widest published, takes about 30 KiB).
    pub max_record_bytes: usize,
    /// The most programs one catalogue may hold. Default: 1,000,000.
    pub max_programs: usize,
    /// The largest JSON document accepted, in bytes. Default: 256 MiB.
    pub max_json_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_field_bytes: 1 << 16,
            max_fields: 4_096,
            max_record_bytes: 16 << 20,
            max_programs: 1_000_000,
            max_json_bytes: 256 << 20,
        }
    }
}
