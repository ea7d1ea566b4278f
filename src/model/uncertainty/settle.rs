//! Settling one draw: only the figures the simulation records, by the engine's own code.
//!
//! [`compute`](crate::model::compute) prepares a scenario (ids resolved, contributions and each
//! line's plan and forecast worked out), settles every pool year by year, checks ring-fences and
//! adds up each partner's figures into a whole [`Results`](crate::model::Results), names and
//! all. A draw changes only the forecasts of the lines with a range (or in a pool with a shared
//! driver), so [`DrawSettler`] prepares the working scenario once, settles the pools with
//! nothing drawn once, and in each draw changes the drawn forecasts, settles again only the
//! pools they are in (with `compute`'s [`settle_pool`], so the risk-share rules exist once) and
//! adds up each partner's share of the variance and net cost over the pools, as `compute` does.
//! Nothing is looked up by id and no name is copied per draw. The figures are those `compute` gives for the same
//! working scenario, to the penny (the tests in `equivalence.rs` check it on random models).

use crate::model::compute::{
    prepare, settle_pool, too_large, ComputeError, Prepared, SettledPoolYear,
};
use crate::model::money::{Money, OverflowAt};
use crate::model::scenario::Scenario;

/// One draw's figures: what [`Samples::record`](super::summary::Samples::record) keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct DrawFigures {
    pub partners: Vec<PartnerFigures>,
    pub pools: Vec<PoolFigures>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct PartnerFigures {
    /// Over the horizon.
    pub variance_share: Money,
    pub net_cost: Money,
    /// Per year: share of the variance, net cost.
    pub by_year: Vec<(Money, Money)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct PoolFigures {
    /// Per year: forecast over (+) or under (−) spend.
    pub variance: Vec<Money>,
    /// Whether some year's overspend took the whole contingency reserve.
    pub reserve_used_up: bool,
}

/// A pool's years, settled.
struct SettledPool {
    /// Whether a forecast in it is drawn: then it is settled again in every draw.
    drawn: bool,
    years: Vec<SettledPoolYear>,
    variance: Vec<Money>,
}

/// The working scenario, prepared once, and what stays the same from draw to draw.
pub(super) struct DrawSettler {
    prepared: Prepared,
    pools: Vec<SettledPool>,
    partner_names: Vec<String>,
    figures: DrawFigures,
}

impl DrawSettler {
    /// Prepares `working` and settles the pools none of whose lines are in `drawn_lines`
    /// (positions in the scenario's lines; a line is there if any year of it is drawn).
    pub fn new(working: &Scenario, drawn_lines: &[bool]) -> Result<DrawSettler, ComputeError> {
        let prepared = prepare(working)?;
        let mut pools = Vec::with_capacity(prepared.pools.len());
        for pool in &prepared.pools {
            let drawn = pool
                .line_positions()
                .any(|at| drawn_lines.get(at).copied().unwrap_or(false));
            pools.push(SettledPool {
                drawn,
                years: Vec::with_capacity(prepared.years.len()),
                variance: Vec::with_capacity(prepared.years.len()),
            });
        }
        let years = prepared.years.len();
        let mut settler = DrawSettler {
            partner_names: working.partners.iter().map(|p| p.name.clone()).collect(),
            figures: DrawFigures {
                partners: working
                    .partners
                    .iter()
                    .map(|_| PartnerFigures {
                        by_year: vec![(Money::ZERO, Money::ZERO); years],
                        ..PartnerFigures::default()
                    })
                    .collect(),
                pools: Vec::new(),
            },
            prepared,
            pools,
        };
        // The pools with nothing drawn, once and for all.
        settler.settle_pools(false)?;
        Ok(settler)
    }

    /// Where line `line` (its position in the scenario's lines) is: its pool's position among
    /// the prepared pools and its position in that pool's lines.
    pub fn position_of(&self, line: usize) -> Option<(usize, usize)> {
        self.prepared
            .pools
            .iter()
            .enumerate()
            .find_map(|(pool, prepared)| {
                prepared
                    .line_positions()
                    .position(|at| at == line)
                    .map(|within| (pool, within))
            })
    }

    /// The prepared working option, where a draw sets its forecasts
    /// ([`Prepared::set_forecast`], at positions from [`Self::position_of`]).
    pub fn prepared_mut(&mut self) -> &mut Prepared {
        &mut self.prepared
    }

    /// Settles the draw: the pools with drawn forecasts again, then every partner's figures.
    pub fn settle(&mut self) -> Result<&DrawFigures, ComputeError> {
        self.settle_pools(true)?;
        let years = &self.prepared.years;
        for partner in &mut self.figures.partners {
            partner.by_year.fill((Money::ZERO, Money::ZERO));
        }
        // Each partner's share of the variance and net cost per year, added up in the pools'
        // order as `compute` adds them; only the two figures recorded (`compute` also adds
        // contributions and the gap and unallocated shares, which no draw records).
        for pool in &self.pools {
            for (offset, settled) in pool.years.iter().enumerate() {
                let fail = || too_large("A partner's total", years, OverflowAt(offset));
                for (position, partner) in self.figures.partners.iter_mut().enumerate() {
                    let Some((variance, net)) = partner.by_year.get_mut(offset) else {
                        continue;
                    };
                    let add = |sum: Money, figures: &[Money]| {
                        sum.checked_add(figures.get(position).copied().unwrap_or(Money::ZERO))
                    };
                    *variance = add(*variance, &settled.variance_shares).ok_or_else(fail)?;
                    *net = add(*net, &settled.net_cost).ok_or_else(fail)?;
                }
            }
        }
        for (at, partner) in self.figures.partners.iter_mut().enumerate() {
            let fail = || {
                let name = self.partner_names.get(at).map_or("", String::as_str);
                ComputeError::TooLarge(format!("The total for partner '{name}'"))
            };
            partner.variance_share =
                Money::checked_sum(partner.by_year.iter().map(|y| y.0)).ok_or_else(fail)?;
            partner.net_cost =
                Money::checked_sum(partner.by_year.iter().map(|y| y.1)).ok_or_else(fail)?;
        }
        self.figures
            .pools
            .resize_with(self.pools.len(), Default::default);
        for (figures, pool) in self.figures.pools.iter_mut().zip(&self.pools) {
            figures.variance.clone_from(&pool.variance);
            figures.reserve_used_up = pool
                .years
                .iter()
                .any(|y| used_up(y.reserve_drawn, y.reserve_closing));
        }
        Ok(&self.figures)
    }

    /// Settles the pools whose `drawn` is `drawn`.
    fn settle_pools(&mut self, drawn: bool) -> Result<(), ComputeError> {
        let Prepared {
            years,
            partner_count,
            pools,
        } = &self.prepared;
        for (prepared, settled) in pools.iter().zip(&mut self.pools) {
            if settled.drawn != drawn {
                continue;
            }
            settled.years.clear();
            settled.variance.clear();
            settle_pool(prepared, years, *partner_count, |_, year| {
                // As `compute` works them out for its results, so an overflow fails alike.
                settled.variance.push(year.variance()?);
                year.balance()?;
                settled.years.push(year);
                Some(())
            })?;
        }
        Ok(())
    }

    /// Every draw's figures from a whole [`Results`](crate::model::Results) (the tests compare
    /// the two paths with it).
    #[cfg(test)]
    pub fn figures_of(results: &crate::model::Results) -> DrawFigures {
        DrawFigures {
            partners: results
                .partner_totals
                .iter()
                .map(|totals| PartnerFigures {
                    variance_share: totals.variance_share,
                    net_cost: totals.net_cost,
                    by_year: totals
                        .by_year
                        .iter()
                        .map(|y| (y.variance_share, y.net_cost))
                        .collect(),
                })
                .collect(),
            pools: results
                .pools
                .iter()
                .map(|pool| PoolFigures {
                    variance: pool.years.iter().map(|y| y.variance).collect(),
                    reserve_used_up: pool
                        .years
                        .iter()
                        .any(|y| used_up(y.reserve.drawn, y.reserve.closing)),
                })
                .collect(),
        }
    }
}

/// Whether a year's overspend took the whole reserve: something was drawn and nothing is left.
fn used_up(drawn: Money, closing: Money) -> bool {
    drawn.is_positive() && closing.is_zero()
}
