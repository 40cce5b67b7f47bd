//! The server's one rule on a profile beyond the library's: the largest weight. The form, the
//! API and the OpenAPI document all read it from here, so that the page and the API accept and
//! refuse the same profiles.

use himkit::StudentProfile;

/// The largest weight the server accepts.
///
/// The library's own rule is that the weights' sum is finite (only their proportions count).
/// JSON Schema cannot bound a sum, so the API's document bounds each weight instead: with the
/// few criteria there are, a sum of weights this size stays finite, and a client that keeps to
/// the document is never refused for its weights. The form keeps to the same bound, so that a
/// bookmark of the page and a request to the API are answered alike.
pub const MAX_WEIGHT: f64 = 1_000_000.0;

/// Refuses a profile with a weight above [`MAX_WEIGHT`].
///
/// # Errors
/// The first such weight, named with its value and the bound, in the library's way
/// (`weights.total-cost: 2000000 is above …`).
pub fn check_weights(profile: &StudentProfile) -> Result<(), String> {
    let weights = profile.spec().weights.iter().flatten();
    match weights.into_iter().find(|(_, weight)| **weight > MAX_WEIGHT) {
        Some((criterion, weight)) => Err(format!(
            "weights.{criterion}: {weight} is above {MAX_WEIGHT}, the largest weight accepted (only their proportions count)"
        )),
        None => Ok(()),
    }
}
