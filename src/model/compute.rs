//! `compute(scenario)`: contributions, planned and forecast spend, and the settlement of each
//! pool's variance, year by year. Ids are resolved to positions once; after that everything is
//! plain `Vec`s, which keeps the large model well under a millisecond.

use core::fmt;
use std::collections::HashMap;
use std::hash::Hash;

use super::contribution::FundingStream;
use super::money::{Money, OverflowAt};
use super::partner::PartnerId;
use super::pool::Pool;
use super::results::{
    LineHeading, LineYear, PartnerHeading, PartnerTotals, PartnerYear, PoolResults, PoolYear,
    ReserveMovement, Results, RingFenceCheck, Settlement, StreamIncome, UnderspendResult,
};
use super::scenario::Scenario;
use super::settle::{
    resolve, settle_group, treat_underspend, GroupPosition, PoolYearContext, Resolved,
    UnderspendOutcome, Unresolved,
};
use super::spend::{MinimumRule, SpendLine};
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

struct PreparedContribution {
    partner: usize,
    stream: FundingStream,
    amounts: Vec<Money>,
}

struct PreparedLine<'a> {
    source: &'a SpendLine,
    commissioner: usize,
    years: Vec<LineYear>,
    rule: Option<Resolved>,
}

struct PreparedPool<'a> {
    source: &'a Pool,
    host: usize,
    rule: Resolved,
    contributions: Vec<PreparedContribution>,
    lines: Vec<PreparedLine<'a>>,
}

/// Computes one scenario. Never panics, whatever the input; invalid references and amounts too
/// large to hold are errors that name the item.
pub fn compute(scenario: &Scenario) -> Result<Results, ComputeError> {
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
            source: pool,
            host,
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

    for line in &scenario.lines {
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
            source: line,
            commissioner,
            years: line_years,
            rule,
        });
    }

    let pool_results = pools
        .iter()
        .map(|pool| compute_pool(pool, &years, partner_count))
        .collect::<Result<Vec<_>, _>>()?;
    let ring_fences = check_ring_fences(scenario, &pools, &pool_results, &years)?;
    let partner_totals = total_by_partner(scenario, &pool_results, &years)?;

    Ok(Results {
        scenario: scenario.id,
        scenario_name: scenario.name.clone(),
        years,
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
    })
}

fn compute_pool(
    pool: &PreparedPool<'_>,
    years: &[FinancialYear],
    partner_count: usize,
) -> Result<PoolResults, ComputeError> {
    let mut carried_in = Money::ZERO;
    let mut reserve = pool.source.reserve.opening;
    let mut pool_years = Vec::with_capacity(years.len());
    for (offset, year) in years.iter().enumerate() {
        let fail = || {
            too_large(
                &format!("Pool '{}'", pool.source.name),
                years,
                OverflowAt(offset),
            )
        };
        let last_year = offset + 1 == years.len();
        let pool_year = compute_pool_year(
            pool,
            offset,
            *year,
            last_year,
            partner_count,
            carried_in,
            &mut reserve,
        )
        .ok_or_else(fail)?;
        carried_in = pool_year.underspend.carried_forward;
        pool_years.push(pool_year);
    }
    Ok(PoolResults {
        pool: pool.source.id,
        name: pool.source.name.clone(),
        host: pool.source.host,
        lines: pool
            .lines
            .iter()
            .map(|line| LineHeading {
                id: line.source.id,
                name: line.source.name.clone(),
                commissioner: line.source.commissioner,
            })
            .collect(),
        years: pool_years,
    })
}

/// One pool's year; `None` if an amount overflowed.
fn compute_pool_year(
    pool: &PreparedPool<'_>,
    offset: usize,
    year: FinancialYear,
    last_year: bool,
    partner_count: usize,
    carried_in: Money,
    reserve: &mut Money,
) -> Option<PoolYear> {
    let mut income_by_partner = vec![Money::ZERO; partner_count];
    let mut by_stream = [Money::ZERO; FundingStream::ALL.len()];
    let mut stream_present = [false; FundingStream::ALL.len()];
    for contribution in &pool.contributions {
        let amount = contribution
            .amounts
            .get(offset)
            .copied()
            .unwrap_or(Money::ZERO);
        add_at(&mut income_by_partner, contribution.partner, amount)?;
        add_at(&mut by_stream, contribution.stream.index(), amount)?;
        *stream_present.get_mut(contribution.stream.index())? = true;
    }
    let contributions = Money::checked_sum(income_by_partner.iter().copied())?;
    let income = contributions.checked_add(carried_in)?;
    let set_aside = pool.source.reserve.set_aside_per_year;
    let reserve_opening = *reserve;
    *reserve = reserve.checked_add(set_aside)?;

    let mut lines = Vec::with_capacity(pool.lines.len());
    let mut planned_spend = Money::ZERO;
    let mut forecast_spend = Money::ZERO;
    // The pool's own rule covers lines without a rule of their own.
    let mut pool_overspend = vec![Money::ZERO; partner_count];
    let (mut over, mut under, mut pool_planned) = (Money::ZERO, Money::ZERO, Money::ZERO);
    for line in &pool.lines {
        let line_year = *line.years.get(offset)?;
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
        lines.push(line_year);
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
            &lines,
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
    let settled = settle_year(pool, &lines, &pool_group, &context, reserve, last_year)?;
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
            let plan = all_shares
                .iter()
                .zip(&variance_only.shares)
                .map(|(all, variance)| all.checked_sub(*variance))
                .collect::<Option<Vec<_>>>()?;
            (variance_only.shares, plan)
        }
    };
    let zeros = || vec![Money::ZERO; partner_count];
    let (gap_shares, unallocated_shares) = if unallocated.is_negative() {
        (plan_shares, zeros())
    } else {
        (zeros(), plan_shares)
    };
    let net_cost = income_by_partner
        .iter()
        .zip(
            variance_shares
                .iter()
                .zip(&gap_shares)
                .zip(&unallocated_shares),
        )
        .map(|(paid, ((variance, gap), unallocated))| {
            paid.checked_add(*variance)?
                .checked_add(*gap)?
                .checked_add(*unallocated)
        })
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
        income_by_partner,
        contributions,
        carried_in,
        income,
        lines,
        planned_spend,
        forecast_spend,
        variance: forecast_spend.checked_sub(planned_spend)?,
        funding_gap: unallocated.min(Money::ZERO).negate(),
        unallocated_income: unallocated.max(Money::ZERO),
        balance: income.checked_sub(set_aside)?.checked_sub(forecast_spend)?,
        settlements,
        underspend: UnderspendResult {
            total: underspend_total,
            returned: treated.returned,
            carried_forward: treated.carried_forward,
            held_as_contingency: treated.held_as_contingency,
        },
        reserve: ReserveMovement {
            opening: reserve_opening,
            set_aside,
            drawn: reserve_drawn,
            added: treated.held_as_contingency,
            closing: *reserve,
        },
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
    pool: &PreparedPool<'_>,
    lines: &[LineYear],
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

    for (line, line_year) in pool.lines.iter().zip(lines) {
        let Some(rule) = &line.rule else { continue };
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
        settlements.push(settlement(Some(line.source.id), &group, outcome));
    }

    let treated = treat_underspend(pool.source.underspend, underspend_total, last_year, context)?;
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
    pools: &[PreparedPool<'_>],
    results: &[PoolResults],
    years: &[FinancialYear],
) -> Result<Vec<RingFenceCheck>, ComputeError> {
    let mut checks = Vec::new();
    for requirement in &scenario.ring_fences {
        let found = pools
            .iter()
            .zip(results)
            .find(|(pool, _)| pool.source.id == requirement.pool);
        let Some((pool, result)) = found else {
            return Err(missing(format!(
                "The {} requirement is for a pool that is not in the scenario",
                requirement.ring_fence.label()
            )));
        };
        let what = format!(
            "The {} for pool '{}'",
            requirement.ring_fence.label(),
            pool.source.name
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
                if line.source.ring_fence == Some(requirement.ring_fence) {
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
    let empty_year = |year: &FinancialYear| PartnerYear {
        year: *year,
        contributions: Money::ZERO,
        gap_share: Money::ZERO,
        variance_share: Money::ZERO,
        unallocated_share: Money::ZERO,
        net_cost: Money::ZERO,
    };
    let mut by_partner: Vec<Vec<PartnerYear>> = scenario
        .partners
        .iter()
        .map(|_| years.iter().map(empty_year).collect())
        .collect();
    for pool in pools {
        for (offset, pool_year) in pool.years.iter().enumerate() {
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
                        contributions: add(total.contributions, &pool_year.income_by_partner)?,
                        gap_share: add(total.gap_share, &pool_year.gap_shares)?,
                        variance_share: add(total.variance_share, &pool_year.variance_shares)?,
                        unallocated_share: add(
                            total.unallocated_share,
                            &pool_year.unallocated_shares,
                        )?,
                        net_cost: add(total.net_cost, &pool_year.net_cost)?,
                    })
                })();
                *total = added
                    .ok_or_else(|| too_large("A partner's total", years, OverflowAt(offset)))?;
            }
        }
    }
    scenario
        .partners
        .iter()
        .zip(by_partner)
        .map(|(partner, by_year)| {
            let overall = |pick: fn(&PartnerYear) -> Money| {
                Money::checked_sum(by_year.iter().map(pick)).ok_or_else(|| {
                    ComputeError::TooLarge(format!("The total for partner '{}'", partner.name))
                })
            };
            Ok(PartnerTotals {
                partner: partner.id,
                contributions: overall(|y| y.contributions)?,
                gap_share: overall(|y| y.gap_share)?,
                variance_share: overall(|y| y.variance_share)?,
                unallocated_share: overall(|y| y.unallocated_share)?,
                net_cost: overall(|y| y.net_cost)?,
                by_year,
            })
        })
        .collect()
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

fn too_large(what: &str, years: &[FinancialYear], at: OverflowAt) -> ComputeError {
    match years.get(at.0) {
        Some(year) => ComputeError::TooLarge(format!("{what} in {year}")),
        None => ComputeError::TooLarge(what.to_string()),
    }
}
