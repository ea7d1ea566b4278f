//! What the draws add up to: percentiles, means and chances, per partner and per pool.
//!
//! Percentiles are by nearest rank: the p-th percentile of n draws sorted from lowest to
//! highest is draw number ⌈p × n ÷ 100⌉, so it is always a figure one draw actually produced,
//! exact to the penny. The mean is the exact sum over n, rounded to the penny by the model's
//! one rounding rule.

use rust_decimal::Decimal;

use super::sample::Shape;
use super::settle::DrawFigures;
use super::share::{PartRecord, Share};
use super::Uncertainty;
use crate::model::money::{round_half_away_from_zero, round_to_penny, Money, Percent};
use crate::model::partner::PartnerId;
use crate::model::pool::PoolId;
use crate::model::results::Results;
use crate::model::year::FinancialYear;

/// Lowest, 10th, 50th and 90th percentiles, highest, and the mean of one figure over the draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spread {
    pub lowest: Money,
    pub p10: Money,
    pub p50: Money,
    pub p90: Money,
    pub highest: Money,
    pub mean: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearSpread {
    pub year: FinancialYear,
    pub variance_share: Spread,
    pub net_cost: Spread,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerSpread {
    pub partner: PartnerId,
    pub name: String,
    pub short_name: String,
    /// Over the horizon.
    pub variance_share: Spread,
    pub net_cost: Spread,
    pub by_year: Vec<YearSpread>,
    /// Net cost over the horizon above which a draw counts as "pays more than".
    pub threshold: Money,
    /// Whether the threshold was typed (otherwise it is the planned contributions).
    pub threshold_typed: bool,
    /// The share of draws whose net cost is above the threshold.
    pub chance_over_threshold: Percent,
    /// Every draw's net cost over the horizon, lowest first (for the chart).
    pub net_cost_draws: Vec<Money>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolSpread {
    pub pool: PoolId,
    pub name: String,
    /// Forecast over (+) or under (−) spend over the horizon.
    pub variance: Spread,
    pub by_year: Vec<(FinancialYear, Spread)>,
    /// With a contingency reserve: the share of draws in which some year's overspend takes the
    /// whole reserve. `None` when the pool has no reserve.
    pub chance_reserve_used_up: Option<Percent>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimulationResults {
    pub draws: u32,
    pub seed: u64,
    pub shape: Shape,
    pub years: Vec<FinancialYear>,
    pub partners: Vec<PartnerSpread>,
    pub pools: Vec<PoolSpread>,
}

/// Every draw's figures, gathered as they come.
pub(super) struct Samples {
    years: Vec<FinancialYear>,
    partners: Vec<(PartnerId, String, String, Money, bool)>,
    pools: Vec<(PoolId, String, bool)>,
    /// Per partner: horizon variance share, horizon net cost, then per year the two; in pence
    /// (integers sort many times faster than decimals, and every amount is whole pence).
    partner_draws: Vec<Vec<Vec<i64>>>,
    /// Per pool: horizon variance, then per year; in pence.
    pool_draws: Vec<Vec<Vec<i64>>>,
    reserve_used_up: Vec<u32>,
    count: usize,
    /// One draw's figures in pence, in the order of the series above (reused from draw to draw).
    values: Vec<i64>,
}

impl Samples {
    pub fn new(planned: &Results, settings: &Uncertainty, capacity: usize) -> Samples {
        let years = planned.years.clone();
        let series = 2 + 2 * years.len();
        let partners = planned
            .partners
            .iter()
            .zip(&planned.partner_totals)
            .map(|(heading, totals)| {
                let typed = settings.threshold(heading.id);
                (
                    heading.id,
                    heading.name.clone(),
                    heading.short_name.clone(),
                    typed.unwrap_or(totals.contributions),
                    typed.is_some(),
                )
            })
            .collect();
        let pools = planned
            .pools
            .iter()
            .map(|pool| {
                let has_reserve = pool
                    .years
                    .iter()
                    .any(|y| y.reserve.opening.is_positive() || y.reserve.set_aside.is_positive());
                (pool.pool, pool.name.clone(), has_reserve)
            })
            .collect();
        let empty = |n: usize| {
            (0..n)
                .map(|_| Vec::with_capacity(capacity))
                .collect::<Vec<_>>()
        };
        Samples {
            partner_draws: (0..planned.partners.len()).map(|_| empty(series)).collect(),
            pool_draws: (0..planned.pools.len())
                .map(|_| empty(1 + years.len()))
                .collect(),
            reserve_used_up: vec![0; planned.pools.len()],
            years,
            partners,
            pools,
            count: 0,
            values: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.count
    }

    /// Adds one draw's figures; `None` (and nothing added) if one is beyond ±£92 trillion.
    pub fn record(&mut self, figures: &DrawFigures) -> Option<()> {
        // In pence first, so a draw is recorded whole or not at all.
        let values = &mut self.values;
        values.clear();
        for partner in &figures.partners {
            values.push(pence(partner.variance_share)?);
            values.push(pence(partner.net_cost)?);
            for (variance_share, net_cost) in &partner.by_year {
                values.push(pence(*variance_share)?);
                values.push(pence(*net_cost)?);
            }
        }
        for pool in &figures.pools {
            values.push(pence(Money::checked_sum(pool.variance.iter().copied())?)?);
            for variance in &pool.variance {
                values.push(pence(*variance)?);
            }
        }
        let series_count: usize = self
            .partner_draws
            .iter()
            .chain(&self.pool_draws)
            .map(Vec::len)
            .sum();
        if values.len() != series_count {
            return None;
        }
        let mut values = values.iter();
        for series in self.partner_draws.iter_mut().chain(&mut self.pool_draws) {
            for draws in series {
                draws.push(values.next().copied().unwrap_or(0));
            }
        }
        for (used_up, pool) in self.reserve_used_up.iter_mut().zip(&figures.pools) {
            *used_up += u32::from(pool.reserve_used_up);
        }
        self.count += 1;
        Some(())
    }

    /// What this part recorded (see [`PartRecord`]).
    pub fn into_record(self) -> PartRecord {
        PartRecord {
            count: self.count as u32,
            series: self
                .partner_draws
                .into_iter()
                .chain(self.pool_draws)
                .flatten()
                .collect(),
            reserve_used_up: self.reserve_used_up,
        }
    }

    /// Adds the draws of `parts` (part `k` of `parts.len()` settled the draws whose index leaves
    /// `k` over), back in draw order, as if they had been recorded here one by one; `None` (and
    /// nothing added) unless the parts have the shape and counts such a split gives.
    pub fn interleave(&mut self, parts: &[PartRecord]) -> Option<()> {
        let series_count = self
            .partner_draws
            .iter()
            .chain(&self.pool_draws)
            .map(Vec::len)
            .sum::<usize>();
        if parts.is_empty() {
            return None;
        }
        let total: usize = parts.iter().map(|p| p.count as usize).sum();
        let fits = |(k, part): (usize, &PartRecord)| {
            let share = Share::new(k as u32, parts.len() as u32)?;
            (share.count(total as u32) == part.count
                && part.series.len() == series_count
                && part.series.iter().all(|s| s.len() == part.count as usize)
                && part.reserve_used_up.len() == self.reserve_used_up.len())
            .then_some(())
        };
        parts.iter().enumerate().try_for_each(fits)?;
        let mut at = 0;
        for series in self.partner_draws.iter_mut().chain(&mut self.pool_draws) {
            for draws in series {
                draws.reserve(total);
                for index in 0..total {
                    let part = parts.get(index % parts.len())?;
                    draws.push(*part.series.get(at)?.get(index / parts.len())?);
                }
                at += 1;
            }
        }
        for part in parts {
            for (used_up, more) in self.reserve_used_up.iter_mut().zip(&part.reserve_used_up) {
                *used_up += more;
            }
        }
        self.count += total;
        Some(())
    }

    pub fn summarise(&self, seed: u64, shape: Shape) -> SimulationResults {
        let n = self.count;
        let partners = self
            .partners
            .iter()
            .zip(&self.partner_draws)
            .map(|((id, name, short_name, threshold, typed), series)| {
                let sorted: Vec<Vec<i64>> = series.iter().map(|s| sorted(s)).collect();
                let limit = pence(*threshold).unwrap_or(i64::MAX);
                let over = series
                    .get(1)
                    .map_or(0, |net| net.iter().filter(|v| **v > limit).count());
                PartnerSpread {
                    partner: *id,
                    name: name.clone(),
                    short_name: short_name.clone(),
                    variance_share: spread(sorted.first()),
                    net_cost: spread(sorted.get(1)),
                    by_year: self
                        .years
                        .iter()
                        .enumerate()
                        .map(|(at, year)| YearSpread {
                            year: *year,
                            variance_share: spread(sorted.get(2 + 2 * at)),
                            net_cost: spread(sorted.get(3 + 2 * at)),
                        })
                        .collect(),
                    threshold: *threshold,
                    threshold_typed: *typed,
                    chance_over_threshold: share_of(over, n),
                    net_cost_draws: sorted
                        .get(1)
                        .map(|s| s.iter().map(|p| Money::from_pence(*p)).collect())
                        .unwrap_or_default(),
                }
            })
            .collect();
        let pools = self
            .pools
            .iter()
            .zip(&self.pool_draws)
            .zip(&self.reserve_used_up)
            .map(|(((id, name, has_reserve), series), used_up)| {
                let sorted: Vec<Vec<i64>> = series.iter().map(|s| sorted(s)).collect();
                PoolSpread {
                    pool: *id,
                    name: name.clone(),
                    variance: spread(sorted.first()),
                    by_year: self
                        .years
                        .iter()
                        .enumerate()
                        .map(|(at, year)| (*year, spread(sorted.get(1 + at))))
                        .collect(),
                    chance_reserve_used_up: has_reserve.then(|| share_of(*used_up as usize, n)),
                }
            })
            .collect();
        SimulationResults {
            draws: n as u32,
            seed,
            shape,
            years: self.years.clone(),
            partners,
            pools,
        }
    }
}

fn sorted(values: &[i64]) -> Vec<i64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted
}

/// The p-th percentile (0 < p ≤ 100) of values sorted lowest first, by nearest rank; zero for
/// no values.
pub fn percentile(sorted: &[Money], p: u32) -> Money {
    let n = sorted.len();
    if n == 0 {
        return Money::ZERO;
    }
    let rank = (p as usize * n).div_ceil(100).clamp(1, n);
    sorted.get(rank - 1).copied().unwrap_or(Money::ZERO)
}

fn spread(sorted: Option<&Vec<i64>>) -> Spread {
    let sorted = sorted.map_or(&[][..], |s| s.as_slice());
    let n = sorted.len();
    let at = |p: u32| {
        let rank = (p as usize * n).div_ceil(100).clamp(1, n.max(1));
        Money::from_pence(sorted.get(rank - 1).copied().unwrap_or(0))
    };
    let sum: i128 = sorted.iter().map(|p| i128::from(*p)).sum();
    let mean = Decimal::try_from_i128_with_scale(sum, 2)
        .ok()
        .filter(|_| n > 0)
        .and_then(|sum| sum.checked_div(Decimal::from(n as u64)))
        .map_or(Money::ZERO, |mean| {
            Money::from_decimal(round_to_penny(mean))
        });
    Spread {
        lowest: Money::from_pence(sorted.first().copied().unwrap_or(0)),
        p10: at(10),
        p50: at(50),
        p90: at(90),
        highest: Money::from_pence(sorted.last().copied().unwrap_or(0)),
        mean,
    }
}

/// An amount in whole pence, if it fits. Money is held to the penny (two decimal places), so
/// that is the decimal's integer mantissa; anything else is multiplied out.
fn pence(amount: Money) -> Option<i64> {
    use rust_decimal::prelude::ToPrimitive;
    let amount = amount.as_decimal();
    if amount.scale() == 2 {
        return i64::try_from(amount.mantissa()).ok();
    }
    amount.checked_mul(Decimal::ONE_HUNDRED)?.to_i64()
}

/// `count` of `n` as a percentage to one decimal place.
fn share_of(count: usize, n: usize) -> Percent {
    if n == 0 {
        return Percent::ZERO;
    }
    let exact = Decimal::from(count as u64 * 100) / Decimal::from(n as u64);
    Percent::new(round_half_away_from_zero(exact, 1))
}

/// One bar of a histogram: draws from `from` up to (not including) `to`; the last bar includes
/// its `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bin {
    pub from: Money,
    pub to: Money,
    pub count: u32,
}

/// `bins` bars of equal width (to the penny) from the lowest to the highest of `sorted`; none
/// if the span is too large to divide.
pub fn histogram(sorted: &[Money], bins: usize) -> Vec<Bin> {
    let (Some(&lowest), Some(&highest)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let bins = bins.max(1);
    let count = Decimal::from(bins as u64);
    let Some(span) = highest.checked_sub(lowest) else {
        return Vec::new();
    };
    let width = round_to_penny((span.as_decimal() / count).max(Decimal::new(1, 2)));
    let edge = |at: usize| {
        width
            .checked_mul(Decimal::from(at as u64))
            .and_then(|offset| lowest.as_decimal().checked_add(offset))
    };
    let mut out = Vec::with_capacity(bins);
    for at in 0..bins {
        let (Some(from), Some(next)) = (edge(at), edge(at + 1)) else {
            return Vec::new();
        };
        let to = if at + 1 == bins {
            highest.as_decimal()
        } else {
            next
        };
        out.push(Bin {
            from: Money::from_decimal(from),
            to: Money::from_decimal(to),
            count: 0,
        });
    }
    for value in sorted {
        let offset = value
            .checked_sub(lowest)
            .and_then(|d| d.as_decimal().checked_div(width))
            .and_then(|o| rust_decimal::prelude::ToPrimitive::to_usize(&o.floor()))
            .unwrap_or(bins - 1)
            .min(bins - 1);
        if let Some(bin) = out.get_mut(offset) {
            bin.count += 1;
        }
    }
    out
}
