//! The reconciliation identity every computed pool year satisfies, to the penny. The tests check
//! it on every example model and on random models; docs/model-format.md states it.

use super::money::Money;
use super::results::{PoolYear, Results};

/// Where results fail to reconcile: the pool, the year and which identity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreconciled {
    pub pool: String,
    pub year: String,
    pub what: &'static str,
}

impl Results {
    /// Checks every pool year:
    /// - net cost = contributions + gap share + variance share + unallocated share, per partner;
    /// - funding gap − unallocated income = planned spend + set aside − income, and at most one
    ///   of the two is not zero;
    /// - Σ net cost + carried in + reserve drawn = forecast spend + set aside + carried forward +
    ///   held as contingency.
    ///
    /// Sums too large to hold are not checked (compute refuses such amounts).
    pub fn reconcile(&self) -> Result<(), Unreconciled> {
        for pool in &self.pools {
            for year in &pool.years {
                if let Some(what) = unreconciled(year) {
                    return Err(Unreconciled {
                        pool: pool.name.clone(),
                        year: year.year.to_string(),
                        what,
                    });
                }
            }
        }
        Ok(())
    }
}

fn unreconciled(year: &PoolYear) -> Option<&'static str> {
    let partners = year.income_by_partner.len();
    let lengths = [
        year.gap_shares.len(),
        year.variance_shares.len(),
        year.unallocated_shares.len(),
        year.net_cost.len(),
    ];
    if lengths.iter().any(|&n| n != partners) {
        return Some("one figure per partner");
    }
    for (i, paid) in year.income_by_partner.iter().enumerate() {
        let parts = [
            year.gap_shares.get(i),
            year.variance_shares.get(i),
            year.unallocated_shares.get(i),
        ];
        let sum = parts
            .into_iter()
            .flatten()
            .try_fold(*paid, |sum, part| sum.checked_add(*part));
        if sum.is_some() && sum != year.net_cost.get(i).copied() {
            return Some("net cost = contributions + gap + variance + unallocated shares");
        }
    }
    let position = year.funding_gap.checked_sub(year.unallocated_income);
    let shortfall = year
        .planned_spend
        .checked_add(year.reserve.set_aside)
        .and_then(|m| m.checked_sub(year.income));
    if position.is_some() && shortfall.is_some() && position != shortfall {
        return Some("funding gap − unallocated income = planned + set aside − income");
    }
    if year.funding_gap.is_negative()
        || year.unallocated_income.is_negative()
        || !(year.funding_gap.is_zero() || year.unallocated_income.is_zero())
    {
        return Some("a funding gap or unallocated income, never both, never negative");
    }
    let came_in = Money::checked_sum(year.net_cost.iter().copied())
        .and_then(|m| m.checked_add(year.carried_in))
        .and_then(|m| m.checked_add(year.reserve.drawn));
    let went_out = year
        .forecast_spend
        .checked_add(year.reserve.set_aside)
        .and_then(|m| m.checked_add(year.underspend.carried_forward))
        .and_then(|m| m.checked_add(year.underspend.held_as_contingency));
    if came_in.is_some() && went_out.is_some() && came_in != went_out {
        return Some("Σ net cost + carried in + reserve drawn = forecast spend + set aside + carried forward + held");
    }
    None
}
