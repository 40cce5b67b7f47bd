//! The map of the programs shown: a server-rendered SVG over the state outlines
//! (`static/states.svg`), a dot per campus coloured by its best program's band, the student's
//! ZIP code marked and the distance limit drawn as a ring; with a caption and the same places
//! as a table, for a screen reader, and the programs it cannot draw (Puerto Rico and the other
//! territories, campuses without coordinates) listed under it, so that nothing is dropped
//! unsaid.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use himkit::select::Band;
use himkit::value::Coordinates;
use himkit::{Program, Ranking, Selector, StudentProfile};
use maud::{Markup, html};

use super::projection::{HEIGHT, WIDTH, project};

/// Great-circle miles of a radian on the Earth, as the library measures distances.
const EARTH_RADIUS_MILES: f64 = 3_958.8;

/// One campus on the map: where it is drawn, and the shown programs it offers.
struct Campus<'a> {
    at: (f64, f64),
    place: String,
    programs: Vec<(u32, &'a Program, Band)>,
}

/// A circle of a distance limit around home, as drawn.
struct Ring {
    path: String,
    /// `[left, top, right, bottom]` in the map box.
    bounds: [f64; 4],
}

/// The circle of `miles` around `centre`, a point every 5 degrees of bearing, in the map box;
/// `None` when part of it falls outside the map (a limit wider than the map shows).
fn ring(centre: Coordinates, miles: f64) -> Option<Ring> {
    let (latitude, longitude) = (centre.latitude().to_radians(), centre.longitude().to_radians());
    let angle = miles / EARTH_RADIUS_MILES;
    let mut path = String::new();
    let mut bounds = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
    for step in 0..72 {
        let bearing = f64::from(step * 5).to_radians();
        let to_latitude = latitude
            .sin()
            .mul_add(angle.cos(), latitude.cos() * angle.sin() * bearing.cos())
            .asin();
        let to_longitude = longitude
            + (bearing.sin() * angle.sin() * latitude.cos())
                .atan2(angle.cos() - latitude.sin() * to_latitude.sin());
        // Back into -180..180 degrees.
        let to_longitude = (to_longitude.to_degrees() + 540.0).rem_euclid(360.0) - 180.0;
        let point = Coordinates::new(to_latitude.to_degrees(), to_longitude).ok()?;
        let (x, y) = project(point)?;
        bounds = [
            bounds[0].min(x),
            bounds[1].min(y),
            bounds[2].max(x),
            bounds[3].max(y),
        ];
        let _ = write!(path, "{}{x:.1},{y:.1}", if step == 0 { "M" } else { "L" });
    }
    path.push('Z');
    Some(Ring { path, bounds })
}

/// The part of the map box shown: `[left, top, width, height]`.
type View = [f64; 4];

/// The whole map, or, with a ring, the ring with a margin around it (at least a twelfth of the
/// map's width, so that a small limit keeps its surroundings), in the map's proportions.
fn view(ring: Option<&Ring>) -> View {
    let Some(ring) = ring else {
        return [0.0, 0.0, WIDTH, HEIGHT];
    };
    let [left, top, right, bottom] = ring.bounds;
    let margin = (right - left).max(bottom - top) * 0.3;
    let width = ((right - left) + 2.0 * margin)
        .max((bottom - top + 2.0 * margin) * WIDTH / HEIGHT)
        .clamp(WIDTH / 12.0, WIDTH);
    let height = width * HEIGHT / WIDTH;
    let x = (f64::midpoint(left, right) - width / 2.0).clamp(0.0, WIDTH - width);
    let y = (f64::midpoint(top, bottom) - height / 2.0).clamp(0.0, HEIGHT - height);
    [x, y, width, height]
}

/// Whether `at` is inside `view`.
fn within(view: View, at: (f64, f64)) -> bool {
    let [x, y, width, height] = view;
    (x..=x + width).contains(&at.0) && (y..=y + height).contains(&at.1)
}

/// Why a program is not drawn: its campus has no coordinates.
const NO_COORDINATES: &str = "campus coordinates unknown";

/// A program that cannot be drawn, with its rank and why.
type NotDrawn<'a> = (u32, &'a Program, &'static str);

/// The shown programs' campuses, by place, and the programs that cannot be drawn.
fn campuses<'a>(
    ranking: &Ranking,
    selector: &'a Selector,
) -> (BTreeMap<String, Campus<'a>>, Vec<NotDrawn<'a>>) {
    let mut campuses: BTreeMap<String, Campus<'_>> = BTreeMap::new();
    let mut not_drawn = Vec::new();
    for entry in ranking.entries() {
        let Some(program) = selector.program(entry.id().as_str()) else {
            continue;
        };
        let institution = program.institution();
        let Some(point) = institution.coordinates() else {
            not_drawn.push((entry.rank(), program, NO_COORDINATES));
            continue;
        };
        let Some(at) = project(point) else {
            not_drawn.push((entry.rank(), program, "outside the map's states"));
            continue;
        };
        let key = format!("{:.1},{:.1},{}", at.0, at.1, institution.name());
        campuses
            .entry(key)
            .or_insert_with(|| Campus {
                at,
                place: format!(
                    "{}, {}, {}",
                    institution.name(),
                    institution.city(),
                    institution.state()
                ),
                programs: Vec::new(),
            })
            .programs
            .push((entry.rank(), program, entry.band()));
    }
    (campuses, not_drawn)
}

/// The map of `ranking`'s entries for `profile`, or nothing when none of them has coordinates
/// and the profile has no home ZIP code (a catalogue without coordinates, such as the
/// illustrative one). `outlines` is the path of the state outlines.
#[must_use]
pub(super) fn figure(
    ranking: &Ranking,
    selector: &Selector,
    profile: &StudentProfile,
    outlines: &str,
) -> Markup {
    let (campuses, not_drawn) = campuses(ranking, selector);
    let home = profile.home_zip();
    if campuses.is_empty() && home.is_none() && not_drawn.iter().all(|(_, _, why)| *why == NO_COORDINATES) {
        return html! {};
    }
    let marker = home.and_then(|zip| Some((zip, project(zip.point())?)));
    let limit = profile.spec().max_distance_miles;
    let circle = home
        .zip(limit)
        .map(|(zip, miles)| (miles, ring(zip.point(), miles)));
    let view = view(circle.as_ref().and_then(|(_, ring)| ring.as_ref()));
    let zoomed = view[2] < WIDTH;
    // Sizes in the map box's units, so that dots and marks look the same at any zoom.
    let unit = view[2] / WIDTH;
    let shown = ranking.entries().len();
    let best = |campus: &Campus<'_>| {
        campus
            .programs
            .iter()
            .map(|(_, _, band)| *band)
            .min()
            .unwrap_or(Band::Weaker)
    };
    // Weaker bands first, so that the strongest dots are drawn on top.
    let (mut drawing, off_view): (Vec<&Campus<'_>>, Vec<&Campus<'_>>) =
        campuses.values().partition(|campus| within(view, campus.at));
    drawing.sort_by_key(|campus| std::cmp::Reverse(best(campus)));
    html! {
        figure.map #map aria-labelledby="map-caption" {
            svg viewBox=(format!("{:.1} {:.1} {:.1} {:.1}", view[0], view[1], view[2], view[3])) role="img" aria-labelledby="map-caption" {
                use href=(format!("{outlines}#outline")) {}
                @if let Some((_, Some(ring))) = &circle {
                    path.ring d=(ring.path) {}
                }
                @for campus in &drawing {
                    circle class=(format!("dot band-{}", best(campus))) cx=(format!("{:.1}", campus.at.0)) cy=(format!("{:.1}", campus.at.1)) r=(format!("{:.2}", 6.0 * unit)) {
                        title { (campus.place) ": " (ranks(&campus.programs)) }
                    }
                }
                @if let Some((zip, (x, y))) = marker {
                    @let arm = 12.0 * unit;
                    path.home d=(format!("M{:.2},{:.2}l{arm:.2},{arm:.2}m0,-{arm:.2}l-{arm:.2},{arm:.2}", x - arm / 2.0, y - arm / 2.0)) {
                        title { "Home: ZIP code " (zip) }
                    }
                }
            }
            figcaption #map-caption {
                "Where the " (shown) " programs shown are: a dot per campus, coloured by its best program's band (strong, good, weaker)"
                @if let Some(zip) = home {
                    "; the cross is home, ZIP code " (zip)
                    @match &circle {
                        Some((miles, Some(_))) => { ", and the ring the " (miles) "-mile limit" }
                        Some((miles, None)) => { "; the " (miles) "-mile limit reaches past the map and is not drawn" }
                        None => {}
                    }
                    @if marker.is_none() { " (outside the map's states, not drawn)" }
                }
                @if zoomed {
                    ". The map is zoomed to the ring"
                    @if !off_view.is_empty() {
                        "; off this view: " (off_view.iter().map(|campus| format!("{} ({})", campus.place, ranks(&campus.programs))).collect::<Vec<_>>().join("; "))
                    }
                    "."
                } @else {
                    ". Alaska and Hawaii are drawn in the insets at the bottom left."
                }
            }
            (not_drawn_and_table(&not_drawn, &campuses))
        }
    }
}

/// The programs the map cannot draw, and the map's places as a table.
fn not_drawn_and_table(not_drawn: &[NotDrawn<'_>], campuses: &BTreeMap<String, Campus<'_>>) -> Markup {
    html! {
        @if !not_drawn.is_empty() {
            p.not-drawn {
                "Not on the map: "
                @for (index, (rank, program, why)) in not_drawn.iter().enumerate() {
                    @if index > 0 { "; " }
                    (rank) ". " (program.institution().name()) ", " (program.institution().state()) " (" (why) ")"
                }
                "."
            }
        }
        details.map-table {
            summary { "The map as a table" }
            table {
                thead { tr { th scope="col" { "Campus" } th scope="col" { "Programs shown (rank, band)" } } }
                tbody {
                    @for campus in campuses.values() {
                        tr { td { (campus.place) } td { (ranks(&campus.programs)) } }
                    }
                }
            }
        }
    }
}

/// `rank 1 (strong), rank 4 (good)`, best first.
fn ranks(programs: &[(u32, &Program, Band)]) -> String {
    let mut sorted: Vec<&(u32, &Program, Band)> = programs.iter().collect();
    sorted.sort_by_key(|(rank, _, _)| *rank);
    sorted
        .iter()
        .map(|(rank, program, band)| format!("{rank}. {} ({band})", program.name()))
        .collect::<Vec<_>>()
        .join("; ")
}
