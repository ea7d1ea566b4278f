//! Running the simulation for one option, a slice at a time, so a page can show progress and
//! stay responsive between slices.

use core::fmt;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::sample::{Draws, Shape};
use super::settle::DrawSettler;
use super::share::{PartRecord, Share};
use super::summary::{Samples, SimulationResults};
use super::{LineRange, Uncertainty, MAX_DRAWS, MIN_DRAWS};
use crate::model::compute::{compute, too_large, ComputeError};
use crate::model::format::{format_money, format_percent, MoneyStyle};
use crate::model::money::{Money, OverflowAt, Percent};
use crate::model::scenario::{Model, Scenario, ScenarioId};
use crate::model::spend::{Outturn, YearForecast};
use crate::model::year::FinancialYear;

#[cfg(test)]
#[path = "equivalence.rs"]
mod equivalence;

/// Why a simulation cannot start or stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimulationError {
    /// The option named is not in the model.
    NoSuchOption,
    /// The number of draws is outside [`MIN_DRAWS`]..=[`MAX_DRAWS`].
    Draws(u32),
    /// Nothing has a range.
    NoRanges,
    /// A range is not low ≤ likely ≤ high, or reaches a negative spend: what, in words.
    Range(String),
    /// An amount too large to draw (over £90 trillion in pence).
    TooLarge(String),
    /// A draw could not be settled.
    Compute { draw: u32, error: ComputeError },
}

impl fmt::Display for SimulationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SimulationError::NoSuchOption => f.write_str("That option is no longer in the model."),
            SimulationError::Draws(draws) => write!(
                f,
                "{draws} draws is outside what the simulation allows: choose from {MIN_DRAWS} to {MAX_DRAWS}."
            ),
            SimulationError::NoRanges => f.write_str(
                "No forecast has a range yet. Give at least one line a low, likely and high forecast, or a pool a shared driver.",
            ),
            SimulationError::Range(what) => f.write_str(what),
            SimulationError::TooLarge(what) => write!(f, "{what} is too large to simulate."),
            SimulationError::Compute { draw, error } => {
                write!(f, "Draw {draw} could not be settled: {error}.")
            }
        }
    }
}

impl std::error::Error for SimulationError {}

/// One line-year whose forecast is drawn: where its forecast sits in the working copy and in
/// the settler's prepared copy, and its range as forecast spend in pence.
struct Slot {
    line: usize,
    forecast: usize,
    /// The year's offset in the horizon.
    offset: usize,
    /// The line's pool and its position in the pool, in the settler.
    pool: usize,
    within: usize,
    low: f64,
    likely: f64,
    high: f64,
    /// Index into the simulation's drivers, if the line's pool has one.
    driver: Option<usize>,
}

struct Driver {
    /// Fractions (5% is 0.05).
    low: f64,
    likely: f64,
    high: f64,
}

/// A simulation of one option under the model's ranges: create it, call [`Simulation::run`]
/// until [`Simulation::is_done`], then [`Simulation::results`]. Created for a [`Share`], it
/// draws every random number but settles only that share's draws ([`Simulation::record`]).
pub struct Simulation {
    /// The option with every drawn forecast as a spend: the draw in full, as `compute` would
    /// settle it (the tests do, to check the settler against it).
    working: Scenario,
    settler: DrawSettler,
    slots: Vec<Slot>,
    drivers: Vec<Driver>,
    /// Each driver's factor in the current draw (reused from draw to draw).
    factors: Vec<f64>,
    draws: Draws,
    shape: Shape,
    /// Draws in the whole run.
    total: u32,
    /// Draws made so far, this share's or not.
    drawn: u32,
    share: Share,
    samples: Samples,
    seed: u64,
}

impl Simulation {
    /// Checks the ranges against option `scenario` and prepares the draws.
    pub fn new(model: &Model, scenario: ScenarioId) -> Result<Simulation, SimulationError> {
        Simulation::for_share(model, scenario, Share::WHOLE)
    }

    /// As [`Simulation::new`], settling only `share`'s draws.
    pub fn for_share(
        model: &Model,
        scenario: ScenarioId,
        share: Share,
    ) -> Result<Simulation, SimulationError> {
        let option = model
            .scenario(scenario)
            .ok_or(SimulationError::NoSuchOption)?;
        let settings = &model.uncertainty;
        if !(MIN_DRAWS..=MAX_DRAWS).contains(&settings.draws) {
            return Err(SimulationError::Draws(settings.draws));
        }
        if !settings.has_ranges() {
            return Err(SimulationError::NoRanges);
        }
        let (working, mut slots, drivers) = prepare(option, settings)?;
        // The plan itself, settled once: its contributions are the default thresholds.
        let planned =
            compute(option).map_err(|error| SimulationError::Compute { draw: 0, error })?;
        let mut drawn_lines = vec![false; working.lines.len()];
        for slot in &slots {
            if let Some(drawn) = drawn_lines.get_mut(slot.line) {
                *drawn = true;
            }
        }
        // The working copy differs from the option only in forecasts, which the plan settled
        // above already reached: this fails only as that would have.
        let settler = DrawSettler::new(&working, &drawn_lines)
            .map_err(|error| SimulationError::Compute { draw: 0, error })?;
        for slot in &mut slots {
            // Every line of a scenario that computes is in one of its pools.
            (slot.pool, slot.within) =
                settler
                    .position_of(slot.line)
                    .ok_or_else(|| SimulationError::Compute {
                        draw: 0,
                        error: ComputeError::MissingReference(
                            "A line with a range is in no pool".to_string(),
                        ),
                    })?;
        }
        Ok(Simulation {
            samples: Samples::new(&planned, settings, share.count(settings.draws) as usize),
            working,
            settler,
            slots,
            factors: Vec::with_capacity(drivers.len()),
            drivers,
            draws: Draws::new(settings.seed),
            shape: settings.shape,
            total: settings.draws,
            drawn: 0,
            share,
            seed: settings.seed,
        })
    }

    /// The draws this simulation settles: all of them, or its share's.
    pub fn total(&self) -> u32 {
        self.share.count(self.total)
    }

    /// The draws settled so far.
    pub fn done(&self) -> u32 {
        self.samples.len() as u32
    }

    /// The draws made so far, this share's or not: a draw that fails is draw `drawn() + 1`.
    pub fn drawn(&self) -> u32 {
        self.drawn
    }

    pub fn is_done(&self) -> bool {
        self.drawn >= self.total
    }

    /// Runs up to `count` more draws (of the whole run, its share's or not).
    pub fn run(&mut self, count: u32) -> Result<(), SimulationError> {
        for _ in 0..count.min(self.total - self.drawn.min(self.total)) {
            self.draw()?;
        }
        Ok(())
    }

    fn draw(&mut self) -> Result<(), SimulationError> {
        let draw = self.drawn + 1;
        // Another share's draw: only its random numbers, so the stream stays in step.
        let settles = self.share.takes(self.drawn);
        self.factors.clear();
        for d in &self.drivers {
            let factor = 1.0 + self.draws.three_point(self.shape, d.low, d.likely, d.high);
            self.factors.push(factor);
        }
        for slot in &self.slots {
            let mut pence = self
                .draws
                .three_point(self.shape, slot.low, slot.likely, slot.high);
            if !settles {
                continue;
            }
            if let Some(factor) = slot.driver.and_then(|d| self.factors.get(d)) {
                pence *= factor;
            }
            // Checked when prepared: the highest value, moved by the largest driver, fits.
            let amount = Money::from_pence(pence.round().max(0.0) as i64);
            if let Some(entry) = self
                .working
                .lines
                .get_mut(slot.line)
                .and_then(|line| line.forecast.get_mut(slot.forecast))
            {
                entry.outturn = Outturn::Spend { amount };
            }
            self.settler
                .prepared_mut()
                .set_forecast(slot.pool, slot.within, slot.offset, amount)
                .ok_or_else(|| SimulationError::Compute {
                    draw,
                    error: line_too_large(&self.working, slot),
                })?;
        }
        if settles {
            let figures = self
                .settler
                .settle()
                .map_err(|error| SimulationError::Compute { draw, error })?;
            self.samples.record(figures).ok_or_else(|| {
                SimulationError::TooLarge(format!("A partner's or pool's total in draw {draw}"))
            })?;
        }
        self.drawn = draw;
        Ok(())
    }

    /// The percentiles over the draws settled so far.
    pub fn results(&self) -> SimulationResults {
        self.samples.summarise(self.seed, self.shape)
    }

    /// What this simulation's share recorded, for [`Simulation::merge`] in another.
    pub fn record(self) -> PartRecord {
        self.samples.into_record()
    }

    /// Takes in every part's record (part `k` of `parts.len()` at `parts[k]`), in draw order,
    /// so that [`Simulation::results`] are exactly those of one run settling every draw. For a
    /// simulation of the whole run that has not drawn yet; `None` (and nothing taken in) if
    /// the parts are not such a split of this run.
    pub fn merge(&mut self, parts: &[PartRecord]) -> Option<()> {
        let whole = self.share == Share::WHOLE && self.drawn == 0;
        let all = parts.iter().map(|p| u64::from(p.count)).sum::<u64>() == u64::from(self.total);
        if !(whole && all) {
            return None;
        }
        self.samples.interleave(parts)?;
        self.drawn = self.total;
        Some(())
    }
}

/// Whether the model's ranges can be simulated for `option`: the first problem, in words (as
/// [`Simulation::new`] would report it), without settling anything.
pub fn check_ranges(option: &Scenario, settings: &Uncertainty) -> Result<(), SimulationError> {
    prepare(option, settings).map(|_| ())
}

/// A working copy of the option with a forecast entry for every drawn line-year, and where
/// each is.
fn prepare(
    option: &Scenario,
    settings: &Uncertainty,
) -> Result<(Scenario, Vec<Slot>, Vec<Driver>), SimulationError> {
    let mut working = option.clone();
    let mut drivers = Vec::new();
    let mut driver_of_pool = Vec::new();
    for driver in &settings.drivers {
        let Some(pool) = option.pools.iter().find(|p| p.id == driver.pool) else {
            continue;
        };
        if !(driver.low <= driver.likely && driver.likely <= driver.high) {
            return Err(SimulationError::Range(format!(
                "The shared driver of pool '{}' must go from low to high: low {}, likely {}, high {}. Put the three in order.",
                pool.name,
                format_percent(driver.low),
                format_percent(driver.likely),
                format_percent(driver.high)
            )));
        }
        if driver.low.as_decimal() < Decimal::from(-100)
            || driver.high.as_decimal() > Decimal::from(1000)
        {
            return Err(SimulationError::Range(format!(
                "The shared driver of pool '{}' must stay between −100% and +1,000%.",
                pool.name
            )));
        }
        driver_of_pool.push((driver.pool, drivers.len()));
        drivers.push(Driver {
            low: fraction(driver.low),
            likely: fraction(driver.likely),
            high: fraction(driver.high),
        });
    }
    let horizon = option.horizon;
    let mut slots = Vec::new();
    for (at, line) in option.lines.iter().enumerate() {
        let driver = driver_of_pool
            .iter()
            .find(|(pool, _)| *pool == line.pool)
            .map(|(_, d)| *d);
        let plan = line.plan(horizon).map_err(|_| {
            SimulationError::TooLarge(format!("The budget of line '{}'", line.name))
        })?;
        for (offset, (year, plan)) in horizon.years().zip(plan).enumerate() {
            if !line.runs_in(year) {
                continue;
            }
            let range = range_for(settings, line.id, year);
            if range.is_none() && driver.is_none() {
                continue;
            }
            let planned = plan.planned;
            let spend = |outturn: Outturn, which: &str| -> Result<f64, SimulationError> {
                let amount = outturn.forecast(planned).ok_or_else(|| {
                    SimulationError::TooLarge(format!(
                        "The {which} forecast of '{}' in {year}",
                        line.name
                    ))
                })?;
                if amount.is_negative() {
                    return Err(SimulationError::Range(format!(
                        "The {which} forecast of '{}' in {year} is a spend below zero ({}). A forecast spend cannot be negative: raise the {which} value.",
                        line.name,
                        format_money(amount, MoneyStyle::EXACT)
                    )));
                }
                pence(amount).ok_or_else(|| {
                    SimulationError::TooLarge(format!(
                        "The {which} forecast of '{}' in {year}",
                        line.name
                    ))
                })
            };
            let (low, likely, high) = match range {
                Some(range) => (
                    spend(range.low, "low")?,
                    spend(range.likely, "most likely")?,
                    spend(range.high, "high")?,
                ),
                None => {
                    let point = spend(line.outturn(year), "")?;
                    (point, point, point)
                }
            };
            if !(low <= likely && likely <= high) {
                return Err(SimulationError::Range(format!(
                    "The range of '{}' in {year} must go from low to high, as forecast spend: low {}, most likely {}, high {}. Put the three in order.",
                    line.name,
                    format_pence(low),
                    format_pence(likely),
                    format_pence(high)
                )));
            }
            // The largest value a draw can reach must still fit in pence (i64) exactly.
            let most = drivers
                .get(driver.unwrap_or(usize::MAX))
                .map_or(1.0, |d| 1.0 + d.high.max(0.0));
            if high * most > 9.0e15 {
                return Err(SimulationError::TooLarge(format!(
                    "The high forecast of '{}' in {year}",
                    line.name
                )));
            }
            let Some(entry) = working.lines.get_mut(at) else {
                continue;
            };
            let forecast = match entry.forecast.iter().position(|f| f.year == year) {
                Some(found) => found,
                None => {
                    entry.forecast.push(YearForecast {
                        year,
                        outturn: Outturn::AsPlanned,
                    });
                    entry.forecast.len() - 1
                }
            };
            slots.push(Slot {
                line: at,
                forecast,
                offset,
                pool: 0,
                within: 0,
                low,
                likely,
                high,
                driver,
            });
        }
    }
    Ok((working, slots, drivers))
}

/// What `compute` reports when a drawn forecast's variance is too large to hold.
fn line_too_large(working: &Scenario, slot: &Slot) -> ComputeError {
    let name = working
        .lines
        .get(slot.line)
        .map_or("", |line| line.name.as_str());
    let years: Vec<FinancialYear> = working.horizon.years().collect();
    too_large(
        &format!("Spending line '{name}'"),
        &years,
        OverflowAt(slot.offset),
    )
}

/// The range for a line in a year: the one typed for that year, else the one for every year.
fn range_for(
    settings: &Uncertainty,
    line: crate::model::spend::LineId,
    year: FinancialYear,
) -> Option<LineRange> {
    let mut every_year = None;
    for range in settings.ranges.iter().filter(|r| r.line == line) {
        match range.year {
            Some(y) if y == year => return Some(*range),
            None => every_year = Some(*range),
            Some(_) => {}
        }
    }
    every_year
}

/// An amount in pence, as a float; exact, since a float holds every integer up to 2^53.
fn pence(amount: Money) -> Option<f64> {
    let pence = amount
        .as_decimal()
        .checked_mul(Decimal::ONE_HUNDRED)?
        .trunc()
        .to_i64()?;
    (pence.unsigned_abs() < 1 << 53).then_some(pence as f64)
}

fn format_pence(pence: f64) -> String {
    format_money(Money::from_pence(pence as i64), MoneyStyle::EXACT)
}

/// A percentage as a fraction, through whole ten-thousandths of a per cent so that the
/// conversion is the same on every target.
fn fraction(percent: Percent) -> f64 {
    // Checked when prepared: −100% to +1,000%, so this always fits.
    let units = percent
        .as_decimal()
        .checked_mul(Decimal::from(10_000))
        .and_then(|units| units.round().to_i64())
        .unwrap_or(0);
    units as f64 / 1_000_000.0
}
