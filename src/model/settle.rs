//! Applying risk-share rules to one pool in one year: sharing overspends, drawing on the
//! contingency reserve and treating underspends. Partners are positions, resolved once by
//! `compute`, so nothing here looks anything up by id.

use rust_decimal::Decimal;

use super::money::Money;
use super::partner::PartnerId;
use super::risk::{RiskShare, Split, TierBearer, TierLimit, UnderspendTreatment};
use super::split::split;

/// A basic sharing rule with partners resolved to positions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Basic {
    Commissioner,
    ProRata {
        capped: bool,
    },
    /// Fixed percentages as one weight per partner position (missing partners weigh zero).
    Weights(Vec<Decimal>),
    Host,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Resolved {
    Basic(Basic),
    Tiered {
        limit: TierLimit,
        bearer: TierBearer,
        rest: Basic,
    },
    Ordered {
        then: Basic,
    },
}

/// Why a rule could not be resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unresolved {
    /// A fixed percentage names a partner that is not in the scenario.
    MissingPartner,
    /// One partner's fixed percentages add up to more than a `Decimal` holds (a partner listed
    /// twice at absurd percentages; `validate` reports both).
    TooLarge,
}

/// Resolves partner ids in `rule`.
pub(crate) fn resolve(
    rule: &RiskShare,
    index_of: &impl Fn(PartnerId) -> Option<usize>,
    partner_count: usize,
) -> Result<Resolved, Unresolved> {
    Ok(match rule {
        RiskShare::Tiered {
            limit,
            bearer,
            rest,
        } => Resolved::Tiered {
            limit: *limit,
            bearer: *bearer,
            rest: resolve_split(rest, index_of, partner_count)?,
        },
        RiskShare::OrderedSteps { then } => Resolved::Ordered {
            then: resolve_split(then, index_of, partner_count)?,
        },
        RiskShare::NoSharing => Resolved::Basic(Basic::Commissioner),
        RiskShare::ProRata { capped } => Resolved::Basic(Basic::ProRata { capped: *capped }),
        RiskShare::HostBears => Resolved::Basic(Basic::Host),
        RiskShare::FixedPercentages { shares } => Resolved::Basic(resolve_split(
            &Split::FixedPercentages {
                shares: shares.clone(),
            },
            index_of,
            partner_count,
        )?),
    })
}

fn resolve_split(
    rule: &Split,
    index_of: &impl Fn(PartnerId) -> Option<usize>,
    partner_count: usize,
) -> Result<Basic, Unresolved> {
    Ok(match rule {
        Split::NoSharing => Basic::Commissioner,
        Split::ProRata { capped } => Basic::ProRata { capped: *capped },
        Split::HostBears => Basic::Host,
        Split::FixedPercentages { shares } => {
            let mut weights = vec![Decimal::ZERO; partner_count];
            for share in shares {
                let position = index_of(share.partner).ok_or(Unresolved::MissingPartner)?;
                if let Some(weight) = weights.get_mut(position) {
                    // A negative percentage is a validation problem; here it simply weighs nothing.
                    // A partner listed twice has its percentages added.
                    *weight = weight
                        .checked_add(share.percent.as_decimal().max(Decimal::ZERO))
                        .ok_or(Unresolved::TooLarge)?;
                }
            }
            Basic::Weights(weights)
        }
    })
}

/// What is known about the pool this year, the same for every group in it.
pub(crate) struct PoolYearContext<'a> {
    /// Each partner's contributions to the pool this year.
    pub contributions: &'a [Money],
    pub host: usize,
}

/// One group's position: the pool's own rule (lines without a rule, plus unspent income) or a
/// single line with its own rule.
pub(crate) struct GroupPosition<'a> {
    /// Overspend on the group's lines, by commissioning partner.
    pub overspend_by_commissioner: &'a [Money],
    pub overspend: Money,
    /// Underspend on the group's lines (as a positive amount).
    pub underspend: Money,
    pub planned: Money,
}

/// How one group's overspend was settled, for results and explanations.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct GroupOutcome {
    pub shares: Vec<Money>,
    pub netted: Money,
    pub reserve_drawn: Money,
    pub first_tier: Money,
    /// Underspend still to be treated by the pool's underspend rule.
    pub underspend_left: Money,
}

/// Settles a group's overspend by `rule`. `reserve` is the pool's contingency reserve, drawn on
/// only by ordered steps. `None` means an amount was too large.
pub(crate) fn settle_group(
    rule: &Resolved,
    group: &GroupPosition<'_>,
    pool: &PoolYearContext<'_>,
    reserve: &mut Money,
) -> Option<GroupOutcome> {
    let mut outcome = GroupOutcome {
        shares: vec![Money::ZERO; pool.contributions.len()],
        netted: Money::ZERO,
        reserve_drawn: Money::ZERO,
        first_tier: Money::ZERO,
        underspend_left: group.underspend,
    };
    match rule {
        Resolved::Basic(basic) => share(basic, group.overspend, group, pool, &mut outcome.shares)?,
        Resolved::Tiered {
            limit,
            bearer,
            rest,
        } => {
            let limit = match limit {
                TierLimit::Amount { amount } => *amount,
                TierLimit::PercentOfPlanned { percent } => {
                    group.planned.checked_percent(*percent)?
                }
            };
            let first = group.overspend.min(limit.max(Money::ZERO));
            let first_rule = match bearer {
                TierBearer::Host => Basic::Host,
                TierBearer::Commissioner => Basic::Commissioner,
            };
            share(&first_rule, first, group, pool, &mut outcome.shares)?;
            let remainder = group.overspend.checked_sub(first)?;
            share(rest, remainder, group, pool, &mut outcome.shares)?;
            outcome.first_tier = first;
        }
        Resolved::Ordered { then } => {
            outcome.netted = group.overspend.min(group.underspend);
            let net = group.overspend.checked_sub(group.underspend)?;
            if net.is_positive() {
                let drawn = net.min((*reserve).max(Money::ZERO));
                *reserve = reserve.checked_sub(drawn)?;
                share(
                    then,
                    net.checked_sub(drawn)?,
                    group,
                    pool,
                    &mut outcome.shares,
                )?;
                outcome.reserve_drawn = drawn;
                outcome.underspend_left = Money::ZERO;
            } else {
                outcome.underspend_left = net.negate();
            }
        }
    }
    Some(outcome)
}

/// Where a pool's underspend went this year.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct UnderspendOutcome {
    /// Paid back to each partner (negative: it reduces their net cost).
    pub returned: Vec<Money>,
    pub carried_forward: Money,
    pub held_as_contingency: Money,
}

/// Treats `underspend` (a positive amount). A carried-forward underspend in the horizon's last
/// year has nowhere to go, so it is returned pro rata.
pub(crate) fn treat_underspend(
    treatment: UnderspendTreatment,
    underspend: Money,
    last_year: bool,
    pool: &PoolYearContext<'_>,
) -> Option<UnderspendOutcome> {
    let mut outcome = UnderspendOutcome {
        returned: vec![Money::ZERO; pool.contributions.len()],
        carried_forward: Money::ZERO,
        held_as_contingency: Money::ZERO,
    };
    match treatment {
        UnderspendTreatment::CarriedForward if !last_year => outcome.carried_forward = underspend,
        UnderspendTreatment::HeldAsContingency => outcome.held_as_contingency = underspend,
        UnderspendTreatment::ReturnedProRata | UnderspendTreatment::CarriedForward => {
            let no_overspend = GroupPosition {
                overspend_by_commissioner: &[],
                overspend: Money::ZERO,
                underspend: Money::ZERO,
                planned: Money::ZERO,
            };
            let basic = Basic::ProRata { capped: false };
            share(
                &basic,
                underspend.negate(),
                &no_overspend,
                pool,
                &mut outcome.returned,
            )?;
        }
    }
    Some(outcome)
}

/// Adds `amount` shared by `rule` into `out` (one slot per partner). Whenever the rule's weights
/// add up to nothing (no contributions, no overspending commissioner), the host bears it, so no
/// penny is ever lost.
fn share(
    rule: &Basic,
    amount: Money,
    group: &GroupPosition<'_>,
    pool: &PoolYearContext<'_>,
    out: &mut [Money],
) -> Option<()> {
    if amount.is_zero() {
        return Some(());
    }
    let parts = match rule {
        Basic::Host => None,
        Basic::Commissioner => split(amount, &as_weights(group.overspend_by_commissioner)).ok(),
        Basic::ProRata { capped: true } if amount.is_positive() => {
            Some(share_capped(amount, pool.contributions, pool.host)?)
        }
        Basic::ProRata { .. } => split(amount, &as_weights(pool.contributions)).ok(),
        Basic::Weights(weights) => split(amount, weights).ok(),
    };
    match parts {
        Some(parts) => {
            for (slot, part) in out.iter_mut().zip(parts) {
                *slot = slot.checked_add(part)?;
            }
        }
        None => {
            let slot = out.get_mut(pool.host)?;
            *slot = slot.checked_add(amount)?;
        }
    }
    Some(())
}

/// Pro rata with nobody paying more than its contribution: split, fix anyone over their cap at
/// the cap, and split what is left among the rest again. The host takes anything left over once
/// everyone is at their cap.
fn share_capped(amount: Money, caps: &[Money], host: usize) -> Option<Vec<Money>> {
    let mut given = vec![Money::ZERO; caps.len()];
    let mut open: Vec<bool> = caps.iter().map(|cap| cap.is_positive()).collect();
    let mut remaining = amount;
    // Each pass closes at least one partner, so this ends within caps.len() + 1 passes.
    for _ in 0..=caps.len() {
        if remaining.is_zero() {
            break;
        }
        let weights: Vec<Decimal> = caps
            .iter()
            .zip(&open)
            .map(|(cap, open)| {
                if *open {
                    cap.as_decimal()
                } else {
                    Decimal::ZERO
                }
            })
            .collect();
        let Ok(parts) = split(remaining, &weights) else {
            break;
        };
        let mut closed_any = false;
        for (((slot, part), cap), open) in
            given.iter_mut().zip(&parts).zip(caps).zip(open.iter_mut())
        {
            if *open && slot.checked_add(*part)? > *cap {
                remaining = remaining.checked_sub(cap.checked_sub(*slot)?)?;
                *slot = *cap;
                *open = false;
                closed_any = true;
            }
        }
        if !closed_any {
            for (slot, part) in given.iter_mut().zip(parts) {
                *slot = slot.checked_add(part)?;
            }
            remaining = Money::ZERO;
        }
    }
    if !remaining.is_zero() {
        let slot = given.get_mut(host)?;
        *slot = slot.checked_add(remaining)?;
    }
    Some(given)
}

fn as_weights(amounts: &[Money]) -> Vec<Decimal> {
    amounts
        .iter()
        .map(|m| m.as_decimal().max(Decimal::ZERO))
        .collect()
}
