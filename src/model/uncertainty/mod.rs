//! Uncertainty: ranges on forecasts, and a Monte Carlo simulation of what each partner bears
//! under an option's risk-share rules (docs/uncertainty.md explains it for finance leads).
//!
//! A range says "this line's forecast for a year is somewhere from *low* to *high*, most likely
//! *likely*", typed as forecasts are (spend, or a variance in pounds or per cent). A shared
//! driver is a range of percentages applied to every line of a pool in the same draw, so lines
//! that move together (demand pressures usually do) do so in the simulation. Each draw picks a
//! forecast spend for every line with a range, rounds it to the penny, and settles the option
//! with the real engine ([`compute`](super::compute)), so every draw is exact to the penny; the
//! results are percentiles of what each partner bears over the draws.
//!
//! Ranges belong to the model, not to one option: they describe what may happen, which does not
//! depend on the rule chosen, so every option is simulated under the same ranges (and the same
//! draws, from the same seed) and the options can be compared fairly.

mod every_option;
mod sample;
mod settle;
mod share;
mod simulate;
mod summary;

use serde::{Deserialize, Serialize};

use super::money::{Money, Percent};
use super::partner::PartnerId;
use super::pool::PoolId;
use super::spend::{LineId, Outturn};
use super::year::FinancialYear;

pub use every_option::{merge_shares, simulate_every_option, simulate_share};
pub use sample::{triangular_quantile, Draws, Shape};
pub use share::{PartFailure, PartOutcome, PartRecord, Share};
pub use simulate::{check_ranges, Simulation, SimulationError};
pub use summary::{
    histogram, percentile, Bin, PartnerSpread, PoolSpread, SimulationResults, Spread, YearSpread,
};

/// The number of draws unless the user chooses another.
pub const DEFAULT_DRAWS: u32 = 5_000;
/// Fewest draws allowed: below this the 10th and 90th percentiles move by more than a user
/// would accept from one seed to the next.
pub const MIN_DRAWS: u32 = 1_000;
/// Most draws allowed: four times the default, and the simulation of the largest model stays
/// within a minute on an old laptop.
pub const MAX_DRAWS: u32 = 20_000;
/// The seed a new model starts with. Any seed is as good as any other; a fixed one means two
/// people who open the same model see the same figures.
pub const DEFAULT_SEED: u64 = 1;

/// Everything the simulation needs besides the options themselves; saved with the model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uncertainty {
    #[serde(default, skip_serializing_if = "Shape::is_pert")]
    pub shape: Shape,
    #[serde(default = "default_draws", skip_serializing_if = "is_default_draws")]
    pub draws: u32,
    #[serde(default = "default_seed", skip_serializing_if = "is_default_seed")]
    pub seed: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<LineRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drivers: Vec<PoolDriver>,
    /// "The chance that a partner pays more than …": per partner, the amount typed; a partner
    /// without one is compared with its planned contributions over the horizon.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<Threshold>,
}

impl Default for Uncertainty {
    fn default() -> Uncertainty {
        Uncertainty {
            shape: Shape::Pert,
            draws: DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
            ranges: Vec::new(),
            drivers: Vec::new(),
            thresholds: Vec::new(),
        }
    }
}

impl Uncertainty {
    pub fn is_default(&self) -> bool {
        *self == Uncertainty::default()
    }

    /// Whether there is anything to simulate.
    pub fn has_ranges(&self) -> bool {
        !self.ranges.is_empty() || !self.drivers.is_empty()
    }

    /// The threshold typed for `partner`, if any.
    pub fn threshold(&self, partner: PartnerId) -> Option<Money> {
        self.thresholds
            .iter()
            .find(|t| t.partner == partner)
            .map(|t| t.amount)
    }
}

fn default_draws() -> u32 {
    DEFAULT_DRAWS
}

fn is_default_draws(draws: &u32) -> bool {
    *draws == DEFAULT_DRAWS
}

fn default_seed() -> u64 {
    DEFAULT_SEED
}

fn is_default_seed(seed: &u64) -> bool {
    *seed == DEFAULT_SEED
}

/// A line's forecast as a range. With `year`, for that year only; without, for every year the
/// line runs. A range for one year takes precedence over the line's range for every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRange {
    pub line: LineId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<FinancialYear>,
    pub low: Outturn,
    pub likely: Outturn,
    pub high: Outturn,
}

/// A shared driver: in each draw one percentage is picked from this range and every line of
/// the pool is moved by it, in every year (a pressure that lasts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolDriver {
    pub pool: PoolId,
    pub low: Percent,
    pub likely: Percent,
    pub high: Percent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threshold {
    pub partner: PartnerId,
    pub amount: Money,
}
