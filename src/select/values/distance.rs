//! The value of where a program is studied: the distance from the student's home to the campus.

use super::reading::{Reading, Shown, Value};
use crate::program::{DeliveryMode, DeliveryState, Program};
use crate::select::distance::CampusDistance;
use crate::select::facts::Student;
use crate::value::SpherePoint;

/// [`Criterion::Distance`](crate::select::Criterion::Distance): great-circle miles from the
/// home ZIP code to the campus, for study that may happen there.
pub(crate) struct Distance;

/// What the distance keeps of a program: the campus's point, and whether the program is
/// studied online (where distance does not apply).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DistanceCell {
    campus: Option<SpherePoint>,
    online: bool,
}

/// Why a program has no distance.
const ONLINE: &str = "online study: distance does not apply";
const NO_ZIP: &str = "no home ZIP code to measure from";
const NO_COORDINATES: &str = "the campus's coordinates are unknown";

impl Value for Distance {
    type Cell = DistanceCell;
    type Text = ();

    fn prepare(program: &Program) -> (DistanceCell, ()) {
        let online = matches!(
            program.delivery(),
            DeliveryState::Known(delivery) if delivery.mode() == DeliveryMode::Online
        );
        let campus = program.institution().coordinates().map(SpherePoint::new);
        (DistanceCell { campus, online }, ())
    }

    fn raw(cell: DistanceCell, (): &(), student: &Student<'_>) -> Option<f64> {
        let (_, home) = student.zip.filter(|_| !cell.online)?;
        Some(SpherePoint::miles(home.chord_squared(cell.campus?)))
    }

    fn read<'a>(cell: DistanceCell, (): &'a (), student: &Student<'_>) -> Reading<'a> {
        if cell.online {
            return Reading::Missing(Shown::Text(ONLINE));
        }
        let Some((zip, home)) = student.zip else {
            return Reading::Missing(Shown::Text(NO_ZIP));
        };
        let Some(campus) = cell.campus else {
            return Reading::Missing(Shown::Text(NO_COORDINATES));
        };
        let miles = SpherePoint::miles(home.chord_squared(campus));
        Reading::Value {
            raw: miles,
            shown: Shown::Distance(CampusDistance::new(miles, zip)),
        }
    }
}
