//! The year a federal file's name carries (`hd2024.csv`, `c2024_a.csv`,
//! `Most-Recent-Cohorts-Institution_2025.csv`): the readers, the `build-catalog` example and the
//! Python bindings all take a file's year from its name when it is not given.

use std::path::Path;

use crate::value::Year;

/// The first four-digit year (1900 to 2100) standing alone in the file name of `path`: NCES and
/// the Department of Education name their files by year (`hd2024.csv` is 2024, `ic2022_ay.csv`
/// is 2022), and the readers use this year when a file's year is not given. The directories are
/// not read (`2023/hd2024.csv` is 2024); digits run together are not a year (`12024.csv` has
/// none), and neither is a name without one.
///
/// ```
/// use himkit::Year;
/// use himkit::io::year_in_file_name;
///
/// assert_eq!(year_in_file_name("data/hd2024.csv"), Some(Year::new(2024)?));
/// assert_eq!(year_in_file_name("scorecard_2021-22.csv"), Some(Year::new(2021)?));
/// assert_eq!(year_in_file_name("2023/programs.csv"), None);
/// assert_eq!(year_in_file_name("c12024_a.csv"), None);
/// # Ok::<(), himkit::Error>(())
/// ```
#[must_use]
pub fn year_in_file_name(path: impl AsRef<Path>) -> Option<Year> {
    year_in_text(path.as_ref().file_name()?.to_str()?)
}

/// The first four-digit year (1900 to 2100) standing alone in `name` (`2021-22`: 2021).
pub(crate) fn year_in_text(name: &str) -> Option<Year> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|start| {
        let digits = name.get(start..start.saturating_add(4))?;
        let bounded = start == 0 || !bytes.get(start.wrapping_sub(1))?.is_ascii_digit();
        let after = bytes
            .get(start.saturating_add(4))
            .is_none_or(|byte| !byte.is_ascii_digit());
        if bounded && after && digits.bytes().all(|byte| byte.is_ascii_digit()) {
            digits.parse::<u16>().ok().and_then(|year| Year::new(year).ok())
        } else {
            None
        }
    })
}
