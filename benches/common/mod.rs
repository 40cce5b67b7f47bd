//! A generated national-size catalogue for the benches: the embedded illustrative programs
//! replicated with varied states, costs, lengths and outcome rates.
#![allow(dead_code)] // Each bench uses a different part of this module.

use himkit::program::{Cost, CostState};
use himkit::{Catalog, Outcome, Program, Rate, UsState, Year};

/// A small deterministic generator (xorshift64*), so that every run uses the same data.
pub(crate) struct Random(pub u64);

impl Random {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `rows` programs: the embedded catalogue's programs in turn, each copy with its own id, a
/// campus state drawn from the 50 states and DC, its cost scaled by 0.5 to 2 (an unknown cost
/// stays unknown), a length of 9 to 60 months, and every reported rate redrawn in [0.4, 1].
pub(crate) fn national_catalog(rows: usize) -> Catalog {
    let dataset = himkit::Dataset::embedded().unwrap();
    let originals = dataset.catalog().programs();
    let states: Vec<UsState> = UsState::all().collect();
    let mut random = Random(0x5EED_0900);
    let programs = (0..rows)
        .map(|index| {
            let original = &originals[index % originals.len()];
            let mut spec = original.to_spec();
            spec.id = format!("{}-{index:05}", original.id()).parse().unwrap();
            let state = states[random.next() as usize % states.len()];
            spec.institution = himkit::Institution::new(
                spec.institution.name(),
                state,
                spec.institution.city(),
                spec.institution.unitid(),
            )
            .unwrap();
            let factor = 0.5 + 1.5 * random.unit();
            let scale = |money: himkit::Money| himkit::Money::new((money.as_f64() * factor) as u64).unwrap();
            if let CostState::Known(cost) = &spec.cost {
                let in_state = scale(cost.total(himkit::program::Residency::InState));
                let out = scale(cost.total(himkit::program::Residency::OutOfState));
                spec.cost = CostState::Known(Cost::total_only(in_state, out));
            }
            spec.length_months = 9 + (random.next() % 52) as u16;
            for outcome in [
                &mut spec.outcomes.graduation_rate,
                &mut spec.outcomes.employment_rate,
                &mut spec.outcomes.exam_pass_rate,
            ] {
                if let Outcome::Reported { year, .. } = outcome {
                    let year: Year = *year;
                    *outcome = Outcome::reported(Rate::new(0.4 + 0.6 * random.unit()).unwrap(), year);
                }
            }
            Program::new(spec).unwrap()
        })
        .collect();
    Catalog::new(programs).unwrap()
}
