//! The excluded programs: on the ranking page as counts by reason (hundreds of programs are
//! excluded on the national catalogue, and a reader first wants to know why), each reason's
//! list on its own page, which the script loads into the ranking page when the reason is
//! opened.

use himkit::select::ExclusionReason;
use himkit::{Ranking, Selector};
use maud::{Markup, html};

use super::form::ProfileForm;

/// The reasons a program can be excluded for, as the page groups them: the key (the ranking
/// JSON's `constraint` tag) and the label.
const REASONS: [(&str, &str); 15] = [
    ("degree-level", "Degree level not among those wanted"),
    ("delivery-mode", "Delivery not among those accepted"),
    (
        "not-online",
        "Online study only, and the institution offers no distance education",
    ),
    (
        "cannot-enrol-from-state",
        "Cannot enrol students from the home state",
    ),
    (
        "campus-out-of-reach",
        "Campus in a state that is neither home nor a relocation state",
    ),
    (
        "campus-too-far",
        "Campus farther than the distance limit, outside the relocation states",
    ),
    (
        "not-accredited",
        "Not accredited in a way that counts for credentials",
    ),
    (
        "not-eligible-for-credential",
        "Graduates not eligible for the target credential",
    ),
    ("too-expensive", "Total cost above the limit"),
    ("too-long", "Longer than the limit"),
    ("no-practice-experience", "No professional practice experience"),
    (
        "missing-criterion",
        "A criterion without a value, which the profile excludes on",
    ),
    ("nothing-to-score", "No weighted criterion has a value"),
    ("unknown", "An unknown answer, which the profile leaves out"),
    ("other", "Other reasons"),
];

/// The group key of a reason.
fn key(reason: &ExclusionReason) -> &'static str {
    match reason {
        ExclusionReason::DegreeLevel { .. } => "degree-level",
        ExclusionReason::DeliveryMode { .. } => "delivery-mode",
        ExclusionReason::NotOnline => "not-online",
        ExclusionReason::CannotEnrolFromState { .. } => "cannot-enrol-from-state",
        ExclusionReason::CampusOutOfReach { .. } => "campus-out-of-reach",
        ExclusionReason::CampusTooFar { .. } => "campus-too-far",
        ExclusionReason::NotAccredited { .. } => "not-accredited",
        ExclusionReason::NotEligibleForCredential { .. } => "not-eligible-for-credential",
        ExclusionReason::TooExpensive { .. } => "too-expensive",
        ExclusionReason::TooLong { .. } => "too-long",
        ExclusionReason::NoPracticeExperience => "no-practice-experience",
        ExclusionReason::MissingCriterion { .. } => "missing-criterion",
        ExclusionReason::NothingToScore => "nothing-to-score",
        ExclusionReason::Unknown { .. } => "unknown",
        // A reason a later library adds is still counted and listed.
        _ => "other",
    }
}

/// The label of a group key, `None` for a key the page does not know.
pub(super) fn label(key: &str) -> Option<&'static str> {
    REASONS
        .iter()
        .find(|(known, _)| *known == key)
        .map(|(_, label)| *label)
}

/// How many excluded programs each reason left out, most first (a program excluded for two
/// reasons counts under both).
#[must_use]
pub(super) fn counts(ranking: &Ranking) -> Vec<(&'static str, usize)> {
    let mut counts = [0_usize; REASONS.len()];
    for exclusion in ranking.exclusions() {
        let mut seen = [false; REASONS.len()];
        for reason in exclusion.reasons() {
            let group = key(reason);
            let Some(index) = REASONS.iter().position(|(known, _)| *known == group) else {
                continue;
            };
            if let (Some(seen), Some(count)) = (seen.get_mut(index), counts.get_mut(index)) {
                if !*seen {
                    *seen = true;
                    *count += 1;
                }
            }
        }
    }
    let mut found: Vec<(&'static str, usize)> = REASONS
        .iter()
        .zip(counts)
        .filter(|(_, count)| *count > 0)
        .map(|((key, _), count)| (*key, count))
        .collect();
    found.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    found
}

/// The link to the list of the programs `key` excluded under `form`'s profile.
fn list_href(form: &ProfileForm, key: &str) -> String {
    form.href("/excluded", &[("reason", key)])
}

/// The ranking page's exclusions: their count, and the count for each reason, each opening to
/// its list.
#[must_use]
pub(super) fn summary(form: &ProfileForm, ranking: &Ranking) -> Markup {
    let excluded = ranking.excluded_count();
    html! {
        section.exclusions #exclusions aria-labelledby="exclusions-heading" {
            h3 #exclusions-heading { "Excluded programs (" (excluded) ")" }
            @if excluded > 0 {
                p.meta { "By reason; a program can be left out for more than one. Open a reason to list its programs with every reason." }
                ul.reasons {
                    @for (key, count) in counts(ranking) {
                        li {
                            details.reason {
                                summary { (label(key).unwrap_or(key)) ": " strong { (count) } }
                                div.reason-list {
                                    a href=(list_href(form, key)) { "List the " (count) " programs" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The programs excluded for `key`, each with every reason.
#[must_use]
pub(super) fn list(form: &ProfileForm, ranking: &Ranking, selector: &Selector, key_wanted: &str) -> Markup {
    let label = label(key_wanted).unwrap_or(key_wanted);
    let excluded: Vec<_> = ranking
        .exclusions()
        .iter()
        .filter(|exclusion| exclusion.reasons().iter().any(|reason| key(reason) == key_wanted))
        .collect();
    html! {
        section #results aria-labelledby="excluded-heading" {
            h2 #excluded-heading { "Excluded: " (label) " (" (excluded.len()) ")" }
            p { a href=(form.href("/", &[])) { "← Back to the ranking" } }
            ul.excluded-list {
                @for exclusion in excluded {
                    li {
                        @if let Some(program) = selector.program(exclusion.id().as_str()) {
                            strong { (program.name()) } ", " (program.institution().name()) " "
                        }
                        code { (exclusion.id()) } ": "
                        (exclusion.reasons().iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
                    }
                }
            }
        }
    }
}
