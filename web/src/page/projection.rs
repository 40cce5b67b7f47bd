//! d3's Albers USA projection, in the page's map box: the lower 48 states on an Albers
//! equal-area conic, Alaska and Hawaii as insets below them. The map's outlines
//! (`static/states.svg`) are drawn by d3 itself (`scripts/geo/states_svg.mjs`); the server
//! places campuses and the student's ZIP code with this one, and a test holds it to d3's
//! answers for points in every part of the layout.

use himkit::value::Coordinates;

/// The map box's width and height, as the outlines are drawn.
pub(crate) const WIDTH: f64 = 975.0;
pub(crate) const HEIGHT: f64 = 610.0;

/// The scale and the centre of the lower 48 in the box, as the outlines are drawn.
const SCALE: f64 = 1300.0;
const CENTRE: (f64, f64) = (487.5, 305.0);
/// How far inside an inset's box a point must be, as d3 keeps it.
const EPSILON: f64 = 1e-6;

/// One Albers equal-area conic, translated into the box and clipped to its part of it.
#[derive(Debug, Clone, Copy)]
struct Conic {
    n: f64,
    c: f64,
    r0: f64,
    /// The rotation of longitudes, in radians.
    rotate: f64,
    scale: f64,
    dx: f64,
    dy: f64,
    /// `[left, top, right, bottom]`.
    clip: [f64; 4],
}

impl Conic {
    /// d3's `conicEqualArea().parallels(parallels).rotate([rotate, 0]).center(center)
    /// .scale(scale).translate(translate).clipExtent(clip)`, angles in degrees.
    fn new(
        parallels: (f64, f64),
        rotate: f64,
        center: (f64, f64),
        scale: f64,
        translate: (f64, f64),
        clip: [f64; 4],
    ) -> Self {
        let (south, north) = (parallels.0.to_radians(), parallels.1.to_radians());
        let n = f64::midpoint(south.sin(), north.sin());
        let c = south.sin().mul_add(2.0f64.mul_add(n, -south.sin()), 1.0);
        let r0 = c.sqrt() / n;
        let mut conic = Self {
            n,
            c,
            r0,
            rotate: rotate.to_radians(),
            scale,
            dx: 0.0,
            dy: 0.0,
            clip,
        };
        // The centre, unrotated, lands on the translation.
        let (x, y) = conic.raw(center.0.to_radians(), center.1.to_radians());
        conic.dx = scale.mul_add(-x, translate.0);
        conic.dy = scale.mul_add(y, translate.1);
        conic
    }

    fn raw(&self, lambda: f64, phi: f64) -> (f64, f64) {
        let r = 2.0f64.mul_add(-self.n * phi.sin(), self.c).sqrt() / self.n;
        let angle = lambda * self.n;
        (r * angle.sin(), r.mul_add(-angle.cos(), self.r0))
    }

    /// The point in the box, `None` outside this conic's part of it.
    fn project(&self, longitude: f64, latitude: f64) -> Option<(f64, f64)> {
        let pi = std::f64::consts::PI;
        let mut lambda = longitude.to_radians() + self.rotate;
        if lambda > pi {
            lambda -= 2.0 * pi;
        } else if lambda < -pi {
            lambda += 2.0 * pi;
        }
        let (x, y) = self.raw(lambda, latitude.to_radians());
        let point = (self.scale.mul_add(x, self.dx), self.scale.mul_add(-y, self.dy));
        let [left, top, right, bottom] = self.clip;
        let inside = point.0.is_finite()
            && point.1.is_finite()
            && (left..=right).contains(&point.0)
            && (top..=bottom).contains(&point.1);
        inside.then_some(point)
    }
}

/// The three conics of Albers USA, in the order d3 tries them.
fn conics() -> [Conic; 3] {
    let (k, (x, y)) = (SCALE, CENTRE);
    [
        Conic::new(
            (29.5, 45.5),
            96.0,
            (-0.6, 38.7),
            k,
            (x, y),
            [x - 0.455 * k, y - 0.238 * k, x + 0.455 * k, y + 0.238 * k],
        ),
        // Alaska.
        Conic::new(
            (55.0, 65.0),
            154.0,
            (-2.0, 58.5),
            0.35 * k,
            (x - 0.307 * k, y + 0.201 * k),
            [
                x - 0.425 * k + EPSILON,
                y + 0.120 * k + EPSILON,
                x - 0.214 * k - EPSILON,
                y + 0.234 * k - EPSILON,
            ],
        ),
        // Hawaii.
        Conic::new(
            (8.0, 18.0),
            157.0,
            (-3.0, 19.9),
            k,
            (x - 0.205 * k, y + 0.212 * k),
            [
                x - 0.214 * k + EPSILON,
                y + 0.166 * k + EPSILON,
                x - 0.115 * k - EPSILON,
                y + 0.234 * k - EPSILON,
            ],
        ),
    ]
}

/// Where `point` is drawn in the map box; `None` for a place the layout does not show (Puerto
/// Rico and the other territories, anywhere abroad).
pub(crate) fn project(point: Coordinates) -> Option<(f64, f64)> {
    conics()
        .iter()
        .find_map(|conic| conic.project(point.longitude(), point.latitude()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_places_points_where_d3_does() {
        let fixture = include_str!("../../tests/fixtures/albers_usa_points.csv");
        let mut checked = 0;
        for line in fixture.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            let [name, longitude, latitude, x, y] = cells.as_slice() else {
                panic!("{line}");
            };
            let point = Coordinates::new(latitude.parse().unwrap(), longitude.parse().unwrap()).unwrap();
            match (project(point), x.parse::<f64>().ok(), y.parse::<f64>().ok()) {
                (Some((got_x, got_y)), Some(x), Some(y)) => {
                    assert!(
                        (got_x - x).abs() < 0.01 && (got_y - y).abs() < 0.01,
                        "{name}: ({got_x}, {got_y})"
                    );
                }
                (None, None, None) => {}
                (got, ..) => panic!("{name}: {got:?}, d3 says {x:?}, {y:?}"),
            }
            checked += 1;
        }
        assert_eq!(checked, 13);
    }
}
