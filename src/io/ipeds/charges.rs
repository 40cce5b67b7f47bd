//! IPEDS `IC_AY`: tuition and required fees by academic year.

use std::io::Read;

use super::{Flagged, IpedsOptions, IpedsValue};
use crate::error::{Location, Result};
use crate::io::federal_table::{FederalTable, Row, read_table};
use crate::io::read::ReadOutcome;
use crate::io::table::{CellError, Columns};
use crate::value::{Money, Unitid};

/// One published charge for a full-time student for the academic year: tuition and required
/// fees, each with its imputation flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Charge {
    /// Tuition (`TUITIONn`, flag `XTUITn`).
    pub tuition: Flagged<Money>,
    /// Required fees (`FEEn`, flag `XFEEn`).
    pub fees: Flagged<Money>,
}

impl Charge {
    /// Tuition and required fees together, when both are values. Otherwise the tuition's
    /// missing state, or, if tuition is a value, the fees' state: a charge whose fees are
    /// unknown is not the tuition alone.
    #[must_use]
    pub(crate) fn total(&self) -> IpedsValue<Money> {
        match (self.tuition.value, self.fees.value) {
            (IpedsValue::Value(tuition), IpedsValue::Value(fees)) => tuition
                .checked_add(fees)
                .map_or(IpedsValue::NotAvailable, IpedsValue::Value),
            (IpedsValue::Value(_), missing) | (missing, _) => missing,
        }
    }
}

/// One institution's charges from an IPEDS `IC_AY` file, per year of full-time study.
///
/// Institutions that charge by program (most clock-hour schools) are not in `IC_AY` at all:
/// their absence means "charged by program", not "free".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub(crate) struct IpedsCharges {
    /// `UNITID`.
    pub unitid: Unitid,
    /// Undergraduate, in-district (`TUITION1`, `FEE1`).
    pub in_district: Charge,
    /// Undergraduate, in-state (`TUITION2`, `FEE2`).
    pub in_state: Charge,
    /// Undergraduate, out-of-state (`TUITION3`, `FEE3`).
    pub out_of_state: Charge,
    /// Graduate, in-district (`TUITION5`, `FEE5`).
    pub graduate_in_district: Charge,
    /// Graduate, in-state (`TUITION6`, `FEE6`).
    pub graduate_in_state: Charge,
    /// Graduate, out-of-state (`TUITION7`, `FEE7`).
    pub graduate_out_of_state: Charge,
}

/// The columns of one charge: tuition and fees, each with its flag column if the file has it.
struct ChargeColumns {
    /// `TUITION{n}` and `FEE{n}`, named in errors.
    tuition_name: String,
    fees_name: String,
    tuition: Option<usize>,
    tuition_flag: Option<(usize, String)>,
    fees: Option<usize>,
    fees_flag: Option<(usize, String)>,
}

impl ChargeColumns {
    fn find(columns: &Columns, header: &Location, number: u8, required: bool) -> Result<Self> {
        let tuition = format!("TUITION{number}");
        let fees = format!("FEE{number}");
        let (tuition_index, fees_index) = if required {
            (
                Some(columns.require(&tuition, header)?),
                Some(columns.require(&fees, header)?),
            )
        } else {
            (columns.find(&tuition), columns.find(&fees))
        };
        Ok(Self {
            tuition: tuition_index,
            tuition_flag: columns.find_any(&[&format!("XTUIT{number}"), &format!("X{tuition}")]),
            fees: fees_index,
            fees_flag: columns.find_any(&[&format!("X{fees}")]),
            tuition_name: tuition,
            fees_name: fees,
        })
    }

    fn read(&self, row: &Row<'_>) -> std::result::Result<Charge, CellError> {
        Ok(Charge {
            tuition: money(row, self.tuition, self.tuition_flag.as_ref(), &self.tuition_name)?,
            fees: money(row, self.fees, self.fees_flag.as_ref(), &self.fees_name)?,
        })
    }
}

fn money(
    row: &Row<'_>,
    index: Option<usize>,
    flag: Option<&(usize, String)>,
    column: &str,
) -> std::result::Result<Flagged<Money>, CellError> {
    let Some(index) = index else {
        return Ok(Flagged {
            value: IpedsValue::NotReported,
            flag: None,
        });
    };
    let value = row
        .number(index, column)?
        .try_map(|dollars| Money::new(dollars).map_err(|error| CellError::from_error(column, error)))?;
    Ok(Flagged {
        value,
        flag: match flag {
            Some((index, name)) => row.flag(Some(*index), name)?,
            None => None,
        },
    })
}

struct IcAy {
    unitid: usize,
    charges: [ChargeColumns; 6],
}

impl FederalTable for IcAy {
    type Item = IpedsCharges;
    type Options = IpedsOptions;

    fn columns(columns: &Columns, header: &Location) -> Result<Self> {
        Ok(Self {
            unitid: columns.require("UNITID", header)?,
            charges: [
                ChargeColumns::find(columns, header, 1, false)?,
                ChargeColumns::find(columns, header, 2, true)?,
                ChargeColumns::find(columns, header, 3, true)?,
                ChargeColumns::find(columns, header, 5, false)?,
                ChargeColumns::find(columns, header, 6, false)?,
                ChargeColumns::find(columns, header, 7, false)?,
            ],
        })
    }

    fn unitid_column(&self) -> usize {
        self.unitid
    }

    fn parse(&self, unitid: Unitid, row: &Row<'_>) -> std::result::Result<Option<IpedsCharges>, CellError> {
        let [
            in_district,
            in_state,
            out_of_state,
            graduate_in_district,
            graduate_in_state,
            graduate_out_of_state,
        ] = &self.charges;
        Ok(Some(IpedsCharges {
            unitid,
            in_district: in_district.read(row)?,
            in_state: in_state.read(row)?,
            out_of_state: out_of_state.read(row)?,
            graduate_in_district: graduate_in_district.read(row)?,
            graduate_in_state: graduate_in_state.read(row)?,
            graduate_out_of_state: graduate_out_of_state.read(row)?,
        }))
    }
}

/// Reads an IPEDS `IC_AY` file (`ic2022_ay.csv`): tuition and required fees per year for
/// full-time students. `UNITID`, `TUITION2`, `FEE2`, `TUITION3` and `FEE3` are required; the
/// in-district (`1`) and graduate (`5`, `6`, `7`) charges are read where present (not reported
/// where absent). Each value's imputation flag (`XTUIT2`, `XFEE2` …) is kept where the file has
/// it; `.` (not applicable) is a state, never a number.
///
/// The file does not name its academic year: the file of collection year 2022 (`IC2022_AY`) is
/// academic year 2022-23 ([`academic_year_of_file`](super::academic_year_of_file)), which is
/// what [`CatalogInputs::with_charges`](crate::io::CatalogInputs::with_charges) records.
///
/// # Errors
/// [`ErrorKind::Malformed`](crate::ErrorKind::Malformed) for a missing required column or, in strict mode, the
/// first bad row; [`ErrorKind::Io`](crate::ErrorKind::Io) if reading fails.
pub(crate) fn read_ipeds_charges(
    source: &str,
    reader: impl Read,
    options: &IpedsOptions,
) -> Result<ReadOutcome<IpedsCharges>> {
    read_table::<IcAy>(source, reader, options)
}
