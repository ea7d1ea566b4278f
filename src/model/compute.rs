//! `compute(scenario)`: contributions, planned and forecast spend, and the settlement of each
//! pool's variance, year by year. Ids are resolved to positions once; after that everything is
//! plain `Vec`s, which keeps the large model well under a millisecond.

use core::fmt;
use std::collections::HashMap;
use std::hash::Hash;

use super::contribution::FundingStream;
use super::money::{Money, OverflowAt};
use super::partner::PartnerId;
use super::pool::{ContingencyReserve, PoolId};
use super::results::{
    LineHeading, LineYear, PartnerHeading, PartnerTotals, PartnerYear, PoolResults, PoolYear,
    ReserveMovement, Results, RingFenceCheck, Settlement, StreamIncome, UnderspendResult,
};
use super::risk::UnderspendTreatment;
use super::scenario::Scenario;
use super::settle::{
    resolve, settle_group, treat_underspend, GroupPosition, PoolYearContext, Resolved,
    UnderspendOutcome, Unresolved,
};
use super::spend::{LineId, MinimumRule, RingFence};
use super::year::{FinancialYear, MAX_HORIZON_YEARS};

/// Why a scenario could not be computed. `validate` reports the same problems in more detail;
/// compute only refuses what it cannot work around.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ComputeError {
    /// Names the amount, e.g. "Contribution 'ICB minimum' in 2029/30".
    TooLarge(String),
    /// Names what refers to something that is not in the scenario.
    MissingReference(String),
    /// The horizon has more years than the model allows.
    HorizonTooLong(u32),
}

impl fmt::Display for ComputeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ComputeError::TooLarge(what) => write!(f, "{what} is too large to compute"),
            ComputeError::MissingReference(what) => f.write_str(what),
            ComputeError::HorizonTooLong(years) => write!(
                f,
                "The plan covers {years} years; it can cover at most {MAX_HORIZON_YEARS}"
            ),
        }
    }
}

impl std::error::Error for ComputeError {}

#[derive(PartialEq)]
struct PreparedContribution {
    partner: usize,
    stream: FundingStream,
    amounts: Vec<Money>,
}

impl PreparedContribution {
    /// The amount in the year at `offset` (none: zero).
    fn amount_in(&self, offset: usize) -> Money {
        self.amounts.get(offset).copied().unwrap_or(Money::ZERO)
    }
}

/// A line with its commissioner resolved and its plan and forecast worked out for every year.
/// `at` is its position in the scenario's lines. Owned (no borrow of the scenario), so the
/// simulation can keep it between draws and change a year's forecast with [`set_forecast`].
///
/// [`set_forecast`]: Prepared::set_forecast
#[derive(PartialEq)]
pub(crate) struct PreparedLine {
    at: usize,
    id: LineId,
    ring_fence: Option<RingFence>,
    commissioner: usize,
    years: Vec<LineYear>,
    rule: Option<Resolved>,
}

/// Everything a pool's results are worked out from (with the years and the number of partners):
/// equal inputs give equal results, which is what lets [`compute_reusing`] keep a pool's.
#[derive(PartialEq)]
pub(crate) struct PreparedPool {
    id: PoolId,
    name: String,
    host_id: PartnerId,
    host: usize,
    reserve: ContingencyReserve,
    underspend: UnderspendTreatment,
    rule: Resolved,
    contributions: Vec<PreparedContribution>,
    lines: Vec<PreparedLine>,
}

/// A scenario ready to settle: ids resolved to positions, contributions and each line's plan
/// and forecast worked out. [`compute`] settles it once; the simulation keeps one, changes the
/// drawn forecasts and settles only the pools whose forecasts it draws
/// (`model::uncertainty::settle`), with the same [`settle_pool`].
pub(crate) struct Prepared {
    pub years: Vec<FinancialYear>,
    pub partner_count: usize,
    pub pools: Vec<PreparedPool>,
}

impl PreparedPool {
    /// The scenario positions of the pool's lines, in the pool's order.
    pub fn line_positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.lines.iter().map(|line| line.at)
    }
}

impl Prepared {
    /// Sets the forecast spend of line `line` of pool `pool` (positions in the pool's lines) in
    /// the year at `offset`, as `compute` would find it for an outturn typed as that spend.
    /// `None` if the position is not there or the variance is too large.
    pub fn set_forecast(
        &mut self,
        pool: usize,
        line: usize,
        offset: usize,
        forecast: Money,
    ) -> Option<()> {
        let line_year = self
            .pools
            .get_mut(pool)?
            .lines
            .get_mut(line)?
            .years
            .get_mut(offset)?;
        line_year.variance = forecast.checked_sub(line_year.planned)?;
        line_year.forecast = forecast;
        Some(())
    }
}

/// Computes one scenario. Never panics, whatever the input; invalid references and amounts too
/// large to hold are errors that name the item.
pub fn compute(scenario: &Scenario) -> Result<Results, ComputeError> {
    compute_reusing(scenario, None).map(|(results, _)| results)
}

/// What a scenario's results were worked out from, kept so the next computation of it (after an
/// edit) can reuse the results of every pool whose inputs did not change.
pub struct ComputedFrom(Prepared);

/// `compute(scenario)`, reusing from `last` (an earlier computation's results and what they were
/// worked out from) each pool whose inputs are equal to this scenario's: the pool itself, its
/// contributions, its lines' plans and forecasts, the years and the number of partners. Settling
/// a pool is a pure function of those, so the figures are exactly those of computing afresh
/// (`tests/model_compute.rs` checks it edit by edit); an edit to one pool of ten settles one.
/// Also returns what these results were worked out from, for the next time.
pub fn compute_reusing(
    scenario: &Scenario,
    last: Option<(&Results, &ComputedFrom)>,
) -> Result<(Results, ComputedFrom), ComputeError> {
    let prepared = prepare(scenario)?;
    let Prepared {
        years,
        partner_count,
        pools,
    } = &prepared;
    let last = last.filter(|(_, ComputedFrom(before))| {
        before.years == *years && before.partner_count == *partner_count
    });
    let pool_results = pools
        .iter()
        .enumerate()
        .map(|(at, pool)| {
            let kept = last.and_then(|(results, ComputedFrom(before))| {
                let same = before.pools.get(at).is_some_and(|p| p == pool);
                same.then(|| results.pools.get(at)).flatten()
            });
            match kept {
                Some(kept) => Ok(PoolResults {
                    lines: line_headings(scenario, pool),
                    ..kept.clone()
                }),
                None => compute_pool(scenario, pool, years, *partner_count),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let ring_fences = check_ring_fences(scenario, pools, &pool_results, years)?;
    let partner_totals = total_by_partner(scenario, &pool_results, years)?;

    let results = Results {
        scenario: scenario.id,
        scenario_name: scenario.name.clone(),
        years: years.clone(),
        partners: scenario
            .partners
            .iter()
            .map(|p| PartnerHeading {
                id: p.id,
                name: p.name.clone(),
                short_name: p.short_name.clone(),
            })
            .collect(),
        pools: pool_results,
        partner_totals,
        ring_fences,
    };
    Ok((results, ComputedFrom(prepared)))
}

/// Resolves `scenario`'s ids and works out contributions and each line's plan and forecast.
pub(crate) fn prepare(scenario: &Scenario) -> Result<Prepared, ComputeError> {
    let horizon = scenario.horizon;
    if horizon.years > MAX_HORIZON_YEARS {
        return Err(ComputeError::HorizonTooLong(horizon.years));
    }
    let years: Vec<FinancialYear> = horizon.years().collect();
    let partner_count = scenario.partners.len();
    let partner_index = first_positions(scenario.partners.iter().map(|p| p.id));
    let pool_index = first_positions(scenario.pools.iter().map(|p| p.id));
    let index_of = |id: PartnerId| partner_index.get(&id).copied();

    let mut pools = Vec::with_capacity(scenario.pools.len());
    for pool in &scenario.pools {
        let host = index_of(pool.host).ok_or_else(|| {
            missing(format!(
                "The host of pool '{}' is not one of the partners",
                pool.name
            ))
        })?;
        let rule = resolve(&pool.risk_share, &index_of, partner_count)
            .map_err(|e| unresolved(e, &format!("pool '{}'", pool.name)))?;
        pools.push(PreparedPool {
            id: pool.id,
            name: pool.name.clone(),
            host_id: pool.host,
            host,
            reserve: pool.reserve,
            underspend: pool.underspend,
            rule,
            contributions: Vec::new(),
            lines: Vec::new(),
        });
    }

    for contribution in &scenario.contributions {
        let what = || format!("Contribution '{}'", contribution.name);
        let partner = index_of(contribution.partner).ok_or_else(|| {
            missing(format!(
                "{} is paid by a partner that is not in the scenario",
                what()
            ))
        })?;
        let pool = pool_index
            .get(&contribution.pool)
            .and_then(|&i| pools.get_mut(i))
            .ok_or_else(|| {
                missing(format!(
                    "{} is paid into a pool that is not in the scenario",
                    what()
                ))
            })?;
        let amounts = contribution
            .rule
            .amounts(horizon, scenario.partners.get(partner))
            .map_err(|at| too_large(&what(), &years, at))?;
        pool.contributions.push(PreparedContribution {
            partner,
            stream: contribution.stream,
            amounts,
        });
    }

    for (at, line) in scenario.lines.iter().enumerate() {
        let what = || format!("Spending line '{}'", line.name);
        let commissioner = index_of(line.commissioner).ok_or_else(|| {
            missing(format!(
                "{} is commissioned by a partner that is not in the scenario",
                what()
            ))
        })?;
        let pool = pool_index
            .get(&line.pool)
            .and_then(|&i| pools.get_mut(i))
            .ok_or_else(|| {
                missing(format!(
                    "{} is in a pool that is not in the scenario",
                    what()
                ))
            })?;
        let rule = match &line.risk_share {
            Some(rule) => Some(
                resolve(rule, &index_of, partner_count)
                    .map_err(|e| unresolved(e, &format!("spending line '{}'", line.name)))?,
            ),
            None => None,
        };
        let plan = line
            .plan(horizon)
            .map_err(|at| too_large(&what(), &years, at))?;
        let mut line_years = Vec::with_capacity(plan.len());
        for ((offset, plan), year) in plan.into_iter().enumerate().zip(&years) {
            let forecast = line
                .outturn(*year)
                .forecast(plan.planned)
                .ok_or_else(|| too_large(&what(), &years, OverflowAt(offset)))?;
            let variance = forecast
                .checked_sub(plan.planned)
                .ok_or_else(|| too_large(&what(), &years, OverflowAt(offset)))?;
            line_years.push(LineYear {
                line: line.id,
                gross: plan.gross,
                savings: plan.savings,
                planned: plan.planned,
                forecast,
                variance,
            });
        }
        pool.lines.push(PreparedLine {
            at,
            id: line.id,
            ring_fence: line.ring_fence,
            commissioner,
            years: line_years,
            rule,
        });
    }
    Ok(Prepared {
        years,
        partner_count,
        pools,
    })
}

fn compute_pool(
    scenario: &Scenario,
    pool: &PreparedPool,
    years: &[FinancialYear],
    partner_count: usize,
) -> Result<PoolResults, ComputeError> {
    let mut pool_years = Vec::with_capacity(years.len());
    settle_pool(pool, years, partner_count, |offset, settled| {
        let year = years.get(offset).copied()?;
        pool_years.push(pool_year(pool, offset, year, settled)?);
        Some(())
    })?;
    Ok(PoolResults {
        pool: pool.id,
        name: pool.name.clone(),
        host: pool.host_id,
        lines: line_headings(scenario, pool),
        years: pool_years,
    })
}

/// The names and commissioners of a pool's lines, from the scenario.
fn line_headings(scenario: &Scenario, pool: &PreparedPool) -> Vec<LineHeading> {
    pool.lines
        .iter()
        .filter_map(|line| scenario.lines.get(line.at))
        .map(|line| LineHeading {
            id: line.id,
            name: line.name.clone(),
            commissioner: line.commissioner,
        })
        .collect()
}

/// Settles `pool` year by year, carrying underspend and the reserve from one year to the next,
/// and hands each year's settlement to `each` with the year's offset. An overflow, here or in
/// `each`, is an error naming the pool and the year.
pub(crate) fn settle_pool(
    pool: &PreparedPool,
    years: &[FinancialYear],
    partner_count: usize,
    mut each: impl FnMut(usize, SettledPoolYear) -> Option<()>,
) -> Result<(), ComputeError> {
    let mut carried_in = Money::ZERO;
    let mut reserve = pool.reserve.opening;
    for offset in 0..years.len() {
        let fail = || too_large(&format!("Pool '{}'", pool.name), years, OverflowAt(offset));
        let last_year = offset + 1 == years.len();
        let settled = settle_pool_year(
            pool,
            offset,
            last_year,
            partner_count,
            carried_in,
            &mut reserve,
        )
        .ok_or_else(fail)?;
        carried_in = settled.treated.carried_forward;
        each(offset, settled).ok_or_else(fail)?;
    }
    Ok(())
}

/// One pool's year, settled: what `compute` reports of it besides the lines and the income by
/// stream, which [`pool_year`] adds.
pub(crate) struct SettledPoolYear {
    pub income_by_partner: Vec<Money>,
    contributions: Money,
    carried_in: Money,
    income: Money,
    set_aside: Money,
    planned_spend: Money,
    forecast_spend: Money,
    unallocated: Money,
    settlements: Vec<Settlement>,
    underspend_total: Money,
    treated: UnderspendOutcome,
    reserve_opening: Money,
    pub reserve_drawn: Money,
    pub reserve_closing: Money,
    pub variance_shares: Vec<Money>,
    pub gap_shares: Vec<Money>,
    pub unallocated_shares: Vec<Money>,
    pub net_cost: Vec<Money>,
}

impl SettledPoolYear {
    /// Forecast over (+) or under (−) spend; `None` if too large.
    pub fn variance(&self) -> Option<Money> {
        self.forecast_spend.checked_sub(self.planned_spend)
    }

    /// Income less the contingency set aside and forecast spend; `None` if too large.
    pub fn balance(&self) -> Option<Money> {
        self.income
            .checked_sub(self.set_aside)?
            .checked_sub(self.forecast_spend)
    }
}

/// One pool's year as `compute` reports it; `None` if an amount overflowed.
fn pool_year(
    pool: &PreparedPool,
    offset: usize,
    year: FinancialYear,
    settled: SettledPoolYear,
) -> Option<PoolYear> {
    let mut by_stream = [Money::ZERO; FundingStream::ALL.len()];
    let mut stream_present = [false; FundingStream::ALL.len()];
    for contribution in &pool.contributions {
        let amount = contribution.amount_in(offset);
        add_at(&mut by_stream, contribution.stream.index(), amount)?;
        *stream_present.get_mut(contribution.stream.index())? = true;
    }
    let lines = pool
        .lines
        .iter()
        .map(|line| line.years.get(offset).copied())
        .collect::<Option<Vec<_>>>()?;
    Some(PoolYear {
        year,
        income_by_stream: FundingStream::ALL
            .iter()
            .zip(by_stream.iter().zip(stream_present))
            .filter(|(_, (_, present))| *present)
            .map(|(stream, (amount, _))| StreamIncome {
                stream: *stream,
                amount: *amount,
            })
            .collect(),
        variance: settled.variance()?,
        balance: settled.balance()?,
        income_by_partner: settled.income_by_partner,
        contributions: settled.contributions,
        carried_in: settled.carried_in,
        income: settled.income,
        lines,
        planned_spend: settled.planned_spend,
        forecast_spend: settled.forecast_spend,
        funding_gap: settled.unallocated.min(Money::ZERO).negate(),
        unallocated_income: settled.unallocated.max(Money::ZERO),
        settlements: settled.settlements,
        underspend: UnderspendResult {
            total: settled.underspend_total,
            returned: settled.treated.returned,
            carried_forward: settled.treated.carried_forward,
            held_as_contingency: settled.treated.held_as_contingency,
        },
        reserve: ReserveMovement {
            opening: settled.reserve_opening,
            set_aside: settled.set_aside,
            drawn: settled.reserve_drawn,
            added: settled.treated.held_as_contingency,
            closing: settled.reserve_closing,
        },
        variance_shares: settled.variance_shares,
        gap_shares: settled.gap_shares,
        unallocated_shares: settled.unallocated_shares,
        net_cost: settled.net_cost,
    })
}

/// Settles one pool's year; `None` if an amount overflowed.
fn settle_pool_year(
    pool: &PreparedPool,
    offset: usize,
    last_year: bool,
    partner_count: usize,
    carried_in: Money,
    reserve: &mut Money,
) -> Option<SettledPoolYear> {
    let mut income_by_partner = vec![Money::ZERO; partner_count];
    for contribution in &pool.contributions {
        let amount = contribution.amount_in(offset);
        add_at(&mut income_by_partner, contribution.partner, amount)?;
    }
    let contributions = Money::checked_sum(income_by_partner.iter().copied())?;
    let income = contributions.checked_add(carried_in)?;
    let set_aside = pool.reserve.set_aside_per_year;
    let reserve_opening = *reserve;
    *reserve = reserve.checked_add(set_aside)?;

    let mut planned_spend = Money::ZERO;
    let mut forecast_spend = Money::ZERO;
    // The pool's own rule covers lines without a rule of their own.
    let mut pool_overspend = vec![Money::ZERO; partner_count];
    let (mut over, mut under, mut pool_planned) = (Money::ZERO, Money::ZERO, Money::ZERO);
    for line in &pool.lines {
        let line_year = line.years.get(offset)?;
        planned_spend = planned_spend.checked_add(line_year.planned)?;
        forecast_spend = forecast_spend.checked_add(line_year.forecast)?;
        if line.rule.is_none() {
            pool_planned = pool_planned.checked_add(line_year.planned)?;
            if line_year.variance.is_positive() {
                add_at(&mut pool_overspend, line.commissioner, line_year.variance)?;
                over = over.checked_add(line_year.variance)?;
            } else {
                under = under.checked_sub(line_year.variance)?;
            }
        }
    }
    // The plan's position: income the plan leaves unspent is unallocated income; a plan spending
    // more than the income has a funding gap. Neither is a forecast over- or underspend, so each
    // partner's part of it is reported apart from its share of the variance (see `plan_shares`).
    let unallocated = income.checked_sub(set_aside)?.checked_sub(planned_spend)?;
    let context = PoolYearContext {
        contributions: &income_by_partner,
        host: pool.host,
    };
    let forecast_only = GroupPosition {
        overspend_by_commissioner: &pool_overspend,
        overspend: over,
        underspend: under,
        planned: pool_planned,
    };
    // What partners would pay for the forecast variance alone, on a copy of the reserve.
    let variance_only = if unallocated.is_zero() {
        None
    } else {
        let mut reserve_copy = *reserve;
        Some(settle_year(
            pool,
            offset,
            &forecast_only,
            &context,
            &mut reserve_copy,
            last_year,
        )?)
    };
    // The agreement's rule for the plan's position: unallocated income is treated as the pool
    // treats an underspend, and a funding gap is shared as an overspend on a line the host
    // commissions, both under the pool's own rule.
    if unallocated.is_positive() {
        under = under.checked_add(unallocated)?;
    } else if unallocated.is_negative() {
        add_at(&mut pool_overspend, pool.host, unallocated.negate())?;
        over = over.checked_sub(unallocated)?;
    }
    let pool_group = GroupPosition {
        overspend_by_commissioner: &pool_overspend,
        overspend: over,
        underspend: under,
        planned: pool_planned,
    };
    let settled = settle_year(pool, offset, &pool_group, &context, reserve, last_year)?;
    let settlements = settled.settlements;
    let treated = settled.treated;
    let underspend_total = settled.underspend_total;
    let reserve_drawn = Money::checked_sum(settlements.iter().map(|s| s.reserve_drawn))?;
    *reserve = reserve.checked_add(treated.held_as_contingency)?;

    // Everything partners pay beyond their contributions, then the part the plan's position
    // accounts for: the difference from what the forecast variance alone would cost them.
    let all_shares = settled.shares;
    let (variance_shares, plan_shares) = match variance_only {
        None => (all_shares, vec![Money::ZERO; partner_count]),
        Some(variance_only) => {
            let mut plan = all_shares;
            for (share, variance) in plan.iter_mut().zip(&variance_only.shares) {
                *share = share.checked_sub(*variance)?;
            }
            (variance_only.shares, plan)
        }
    };
    let zeros = || vec![Money::ZERO; partner_count];
    let (gap_shares, unallocated_shares) = if unallocated.is_negative() {
        (plan_shares, zeros())
    } else {
        (zeros(), plan_shares)
    };
    let mut net_cost = Vec::with_capacity(income_by_partner.len());
    for (paid, ((variance, gap), unallocated)) in income_by_partner.iter().zip(
        variance_shares
            .iter()
            .zip(&gap_shares)
            .zip(&unallocated_shares),
    ) {
        net_cost.push(
            paid.checked_add(*variance)?
                .checked_add(*gap)?
                .checked_add(*unallocated)?,
        );
    }

    Some(SettledPoolYear {
        income_by_partner,
        contributions,
        carried_in,
        income,
        set_aside,
        planned_spend,
        forecast_spend,
        unallocated,
        settlements,
        underspend_total,
        treated,
        reserve_opening,
        reserve_drawn,
        reserve_closing: *reserve,
        variance_shares,
        gap_shares,
        unallocated_shares,
        net_cost,
    })
}

/// The settlement of one pool's year: each group's overspend shared, then the underspend
/// treated. `shares` is what each partner pays beyond its contributions.
struct SettledYear {
    settlements: Vec<Settlement>,
    underspend_total: Money,
    treated: UnderspendOutcome,
    shares: Vec<Money>,
}

fn settle_year(
    pool: &PreparedPool,
    offset: usize,
    pool_group: &GroupPosition<'_>,
    context: &PoolYearContext<'_>,
    reserve: &mut Money,
    last_year: bool,
) -> Option<SettledYear> {
    let partner_count = context.contributions.len();
    let mut settlements = Vec::with_capacity(1);
    let outcome = settle_group(&pool.rule, pool_group, context, reserve)?;
    let mut underspend_total = outcome.underspend_left;
    settlements.push(settlement(None, pool_group, outcome));

    for line in &pool.lines {
        let Some(rule) = &line.rule else { continue };
        let line_year = line.years.get(offset)?;
        let mut line_overspend = vec![Money::ZERO; partner_count];
        let overspend = line_year.variance.max(Money::ZERO);
        add_at(&mut line_overspend, line.commissioner, overspend)?;
        let group = GroupPosition {
            overspend_by_commissioner: &line_overspend,
            overspend,
            underspend: line_year.variance.min(Money::ZERO).negate(),
            planned: line_year.planned,
        };
        let outcome = settle_group(rule, &group, context, reserve)?;
        underspend_total = underspend_total.checked_add(outcome.underspend_left)?;
        settlements.push(settlement(Some(line.id), &group, outcome));
    }

    let treated = treat_underspend(pool.underspend, underspend_total, last_year, context)?;
    let mut shares = treated.returned.clone();
    for settled in &settlements {
        for (total, share) in shares.iter_mut().zip(&settled.shares) {
            *total = total.checked_add(*share)?;
        }
    }
    Some(SettledYear {
        settlements,
        underspend_total,
        treated,
        shares,
    })
}

fn settlement(
    line: Option<super::spend::LineId>,
    group: &GroupPosition<'_>,
    outcome: super::settle::GroupOutcome,
) -> Settlement {
    Settlement {
        line,
        overspend: group.overspend,
        underspend: group.underspend,
        netted: outcome.netted,
        reserve_drawn: outcome.reserve_drawn,
        first_tier: outcome.first_tier,
        shares: outcome.shares,
    }
}

fn check_ring_fences(
    scenario: &Scenario,
    pools: &[PreparedPool],
    results: &[PoolResults],
    years: &[FinancialYear],
) -> Result<Vec<RingFenceCheck>, ComputeError> {
    let mut checks = Vec::new();
    for requirement in &scenario.ring_fences {
        let found = pools
            .iter()
            .zip(results)
            .find(|(pool, _)| pool.id == requirement.pool);
        let Some((pool, result)) = found else {
            return Err(missing(format!(
                "The {} requirement is for a pool that is not in the scenario",
                requirement.ring_fence.label()
            )));
        };
        let what = format!(
            "The {} for pool '{}'",
            requirement.ring_fence.label(),
            pool.name
        );
        let required: Vec<Money> = match &requirement.minimum {
            MinimumRule::Amount { rule } => rule
                .amounts(scenario.horizon, scenario.partners.get(pool.host))
                .map_err(|at| too_large(&what, years, at))?,
            MinimumRule::ShareOfStream { stream, percent } => result
                .years
                .iter()
                .enumerate()
                .map(|(offset, pool_year)| {
                    let income = pool_year
                        .income_by_stream
                        .iter()
                        .find(|s| s.stream == *stream)
                        .map_or(Money::ZERO, |s| s.amount);
                    income
                        .checked_percent(*percent)
                        .ok_or_else(|| too_large(&what, years, OverflowAt(offset)))
                })
                .collect::<Result<_, _>>()?,
        };
        for (offset, (pool_year, required)) in result.years.iter().zip(required).enumerate() {
            let (mut planned, mut forecast) = (Money::ZERO, Money::ZERO);
            for (line, line_year) in pool.lines.iter().zip(&pool_year.lines) {
                if line.ring_fence == Some(requirement.ring_fence) {
                    let sums = planned
                        .checked_add(line_year.planned)
                        .zip(forecast.checked_add(line_year.forecast));
                    (planned, forecast) =
                        sums.ok_or_else(|| too_large(&what, years, OverflowAt(offset)))?;
                }
            }
            let shortfall = required
                .checked_sub(planned)
                .ok_or_else(|| too_large(&what, years, OverflowAt(offset)))?
                .max(Money::ZERO);
            checks.push(RingFenceCheck {
                pool: requirement.pool,
                ring_fence: requirement.ring_fence,
                year: pool_year.year,
                required,
                planned,
                forecast,
                met: shortfall.is_zero(),
                shortfall,
            });
        }
    }
    Ok(checks)
}

fn total_by_partner(
    scenario: &Scenario,
    pools: &[PoolResults],
    years: &[FinancialYear],
) -> Result<Vec<PartnerTotals>, ComputeError> {
    let mut by_partner: Vec<Vec<PartnerYear>> = scenario
        .partners
        .iter()
        .map(|_| years.iter().map(|year| empty_partner_year(*year)).collect())
        .collect();
    for pool in pools {
        for (offset, pool_year) in pool.years.iter().enumerate() {
            let figures = PoolYearShares {
                contributions: &pool_year.income_by_partner,
                gap_shares: &pool_year.gap_shares,
                variance_shares: &pool_year.variance_shares,
                unallocated_shares: &pool_year.unallocated_shares,
                net_cost: &pool_year.net_cost,
            };
            add_to_partners(&mut by_partner, offset, &figures, years)?;
        }
    }
    scenario
        .partners
        .iter()
        .zip(by_partner)
        .map(|(partner, by_year)| {
            let overall = over_horizon(&partner.name, &by_year)?;
            Ok(PartnerTotals {
                partner: partner.id,
                contributions: overall.contributions,
                gap_share: overall.gap_share,
                variance_share: overall.variance_share,
                unallocated_share: overall.unallocated_share,
                net_cost: overall.net_cost,
                by_year,
            })
        })
        .collect()
}

fn empty_partner_year(year: FinancialYear) -> PartnerYear {
    PartnerYear {
        year,
        contributions: Money::ZERO,
        gap_share: Money::ZERO,
        variance_share: Money::ZERO,
        unallocated_share: Money::ZERO,
        net_cost: Money::ZERO,
    }
}

/// One pool's year, per partner: what partners' totals add up.
struct PoolYearShares<'a> {
    contributions: &'a [Money],
    gap_shares: &'a [Money],
    variance_shares: &'a [Money],
    unallocated_shares: &'a [Money],
    net_cost: &'a [Money],
}

/// Adds one pool's year (at `offset`) to every partner's figures for that year.
fn add_to_partners(
    by_partner: &mut [Vec<PartnerYear>],
    offset: usize,
    pool_year: &PoolYearShares<'_>,
    years: &[FinancialYear],
) -> Result<(), ComputeError> {
    for (position, partner_years) in by_partner.iter_mut().enumerate() {
        let Some(total) = partner_years.get_mut(offset) else {
            continue;
        };
        let add = |sum: Money, figures: &[Money]| {
            sum.checked_add(figures.get(position).copied().unwrap_or(Money::ZERO))
        };
        let added = (|| {
            Some(PartnerYear {
                year: total.year,
                contributions: add(total.contributions, pool_year.contributions)?,
                gap_share: add(total.gap_share, pool_year.gap_shares)?,
                variance_share: add(total.variance_share, pool_year.variance_shares)?,
                unallocated_share: add(total.unallocated_share, pool_year.unallocated_shares)?,
                net_cost: add(total.net_cost, pool_year.net_cost)?,
            })
        })();
        *total = added.ok_or_else(|| too_large("A partner's total", years, OverflowAt(offset)))?;
    }
    Ok(())
}

/// A partner's figures over the horizon.
struct OverHorizon {
    contributions: Money,
    gap_share: Money,
    variance_share: Money,
    unallocated_share: Money,
    net_cost: Money,
}

/// The sums of a partner's years; `name` names it if one is too large.
fn over_horizon(name: &str, by_year: &[PartnerYear]) -> Result<OverHorizon, ComputeError> {
    let overall = |pick: fn(&PartnerYear) -> Money| {
        Money::checked_sum(by_year.iter().map(pick))
            .ok_or_else(|| ComputeError::TooLarge(format!("The total for partner '{name}'")))
    };
    Ok(OverHorizon {
        contributions: overall(|y| y.contributions)?,
        gap_share: overall(|y| y.gap_share)?,
        variance_share: overall(|y| y.variance_share)?,
        unallocated_share: overall(|y| y.unallocated_share)?,
        net_cost: overall(|y| y.net_cost)?,
    })
}

/// Positions by id; if an id is repeated the first wins (`validate` reports the repeat).
fn first_positions<Id: Copy + Eq + Hash>(ids: impl Iterator<Item = Id>) -> HashMap<Id, usize> {
    let mut positions = HashMap::new();
    for (position, id) in ids.enumerate() {
        positions.entry(id).or_insert(position);
    }
    positions
}

pub(crate) fn add_at(slots: &mut [Money], position: usize, amount: Money) -> Option<()> {
    let slot = slots.get_mut(position)?;
    *slot = slot.checked_add(amount)?;
    Some(())
}

/// A risk share that could not be resolved; `whose` is "pool 'BCF'" or "spending line 'X'".
fn unresolved(error: Unresolved, whose: &str) -> ComputeError {
    match error {
        Unresolved::MissingPartner => missing(format!(
            "The risk share of {whose} names a partner that is not in the scenario"
        )),
        Unresolved::TooLarge => ComputeError::TooLarge(format!(
            "The fixed percentages of the risk share of {whose}"
        )),
    }
}

fn missing(message: String) -> ComputeError {
    ComputeError::MissingReference(message)
}

pub(crate) fn too_large(what: &str, years: &[FinancialYear], at: OverflowAt) -> ComputeError {
    match years.get(at.0) {
        Some(year) => ComputeError::TooLarge(format!("{what} in {year}")),
        None => ComputeError::TooLarge(what.to_string()),
    }
}
