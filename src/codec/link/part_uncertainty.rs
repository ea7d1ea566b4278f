//! Optional part 4: ranges on forecasts and the simulation's settings (model::uncertainty).
//! Results are not carried: the simulation is recomputed from these, so links stay short.

use super::rules::{
    read_choice, read_money, read_outturn, read_percent, write_choice, write_money, write_outturn,
};
use super::wire::{BodyError, Read, Reader, Writer};
use crate::model::uncertainty::{LineRange, PoolDriver, Shape, Threshold, Uncertainty};
use crate::model::{FinancialYear, LineId, Model, PartnerId, PoolId};

const SHAPES: [Shape; 2] = [Shape::Pert, Shape::Triangular];

pub(super) fn present(model: &Model) -> bool {
    !model.uncertainty.is_default()
}

pub(super) fn write(w: &mut Writer, model: &Model) {
    let u = &model.uncertainty;
    write_choice(w, &u.shape, &SHAPES);
    w.number(u.draws);
    w.number(u.seed);
    w.count(u.ranges.len());
    for range in &u.ranges {
        w.number(range.line.0);
        w.number(range.year.map_or(0, |y| u32::from(y.0) + 1));
        for outturn in [range.low, range.likely, range.high] {
            write_outturn(w, outturn);
        }
    }
    w.count(u.drivers.len());
    for driver in &u.drivers {
        w.number(driver.pool.0);
        for percent in [driver.low, driver.likely, driver.high] {
            w.decimal(percent.as_decimal());
        }
    }
    w.count(u.thresholds.len());
    for threshold in &u.thresholds {
        w.number(threshold.partner.0);
        write_money(w, threshold.amount);
    }
}

pub(super) fn read(r: &mut Reader, model: &mut Model) -> Read<()> {
    let shape = read_choice(r, &SHAPES, "the simulation's distribution")?;
    let draws = r.number("the simulation's number of draws")?;
    let seed = r.number("the simulation's seed")?;
    let mut ranges = Vec::new();
    for _ in 0..r.count("the number of ranges")? {
        let line = LineId(r.number("a range's line")?);
        let year = match r.number::<u32>("a range's year")? {
            0 => None,
            n => Some(FinancialYear(
                u16::try_from(n - 1).map_err(|_| BodyError::Malformed("a range's year"))?,
            )),
        };
        let low = read_outturn(r)?;
        let likely = read_outturn(r)?;
        let high = read_outturn(r)?;
        ranges.push(LineRange {
            line,
            year,
            low,
            likely,
            high,
        });
    }
    let mut drivers = Vec::new();
    for _ in 0..r.count("the number of shared drivers")? {
        let what = "a shared driver";
        drivers.push(PoolDriver {
            pool: PoolId(r.number(what)?),
            low: read_percent(r, what)?,
            likely: read_percent(r, what)?,
            high: read_percent(r, what)?,
        });
    }
    let mut thresholds = Vec::new();
    for _ in 0..r.count("the number of thresholds")? {
        let what = "a partner's threshold";
        thresholds.push(Threshold {
            partner: PartnerId(r.number(what)?),
            amount: read_money(r, what)?,
        });
    }
    model.uncertainty = Uncertainty {
        shape,
        draws,
        seed,
        ranges,
        drivers,
        thresholds,
    };
    Ok(())
}
