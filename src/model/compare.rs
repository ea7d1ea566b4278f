//! `compare(base, other)`: how one scenario's results differ from another's, per partner, pool
//! and year, and which inputs differ, in words ("NHS minimum contribution uplift: 5.66% → 3.9%").

use serde::{Deserialize, Serialize};

use super::compare_inputs::{describe_input_changes, describe_overrides};
use super::compute::{compute, ComputeError};
use super::format::{format_report_percent, meaningful_percent, MoneyStyle};
use super::money::{Money, Percent};
use super::partner::PartnerId;
use super::pool::PoolId;
use super::results::{PartnerTotals, PartnerYear, PoolResults, PoolYear, Results};
use super::scenario::Scenario;
use super::year::FinancialYear;

/// One figure in the base and the other scenario, and the difference (other − base) as an
/// amount and as a percentage of the base (`None` when the base is zero).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub base: Money,
    pub other: Money,
    pub amount: Money,
    pub percent: Option<Percent>,
}

impl Change {
    pub fn between(base: Money, other: Money) -> Option<Change> {
        let amount = other.checked_sub(base)?;
        Some(Change {
            base,
            other,
            amount,
            percent: amount.percent_of(base.abs()),
        })
    }

    /// Nothing in either: a partner or pool in neither scenario.
    pub fn none() -> Change {
        Change {
            base: Money::ZERO,
            other: Money::ZERO,
            amount: Money::ZERO,
            percent: None,
        }
    }

    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    /// The difference with its sign, exact: "+£12,000.00", "−£3,500.50", "£0.00".
    pub fn signed_amount(&self) -> String {
        self.signed_amount_in(MoneyStyle::EXACT)
    }

    /// The difference with its sign as a table figure in `style`: "+12", "(4)", "0".
    pub fn signed_amount_in(&self, style: MoneyStyle) -> String {
        let text = style.figure(self.amount);
        let shows_nothing = text.chars().all(|c| !c.is_ascii_digit() || c == '0');
        if self.amount.is_positive() && !shows_nothing {
            format!("+{text}")
        } else {
            text
        }
    }

    /// The direction in words, with the percentage when there is one: "more (+2.5%)",
    /// "less (−1.25%)", "no change". `more` and `less` fit the figure: "higher", "lower".
    pub fn direction(&self, more: &str, less: &str) -> String {
        self.worded(more, less, self.percent.map(Some))
    }

    /// As [`Change::direction`], in a table whose largest figure is `largest`: "more (n/a)"
    /// where the base is zero or under 1% of it ([`meaningful_percent`]).
    pub fn direction_in_table(&self, more: &str, less: &str, largest: Money) -> String {
        let percent = meaningful_percent(self.amount, self.base, largest);
        self.worded(more, less, Some(percent))
    }

    /// `percent`: `None` leaves it out, `Some(None)` says "n/a".
    fn worded(&self, more: &str, less: &str, percent: Option<Option<Percent>>) -> String {
        let word = if self.amount.is_positive() {
            more
        } else if self.amount.is_negative() {
            less
        } else {
            return "no change".to_string();
        };
        match percent {
            Some(Some(percent)) => {
                let text = format_report_percent(percent);
                let sign = if self.amount.is_positive() && !text.starts_with("under") {
                    "+"
                } else {
                    ""
                };
                format!("{word} ({sign}{text})")
            }
            Some(None) => format!("{word} (n/a)"),
            None => word.to_string(),
        }
    }

    /// The larger in size of the base and the other figure.
    pub fn largest(&self) -> Money {
        self.base.abs().max(self.other.abs())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub base: Results,
    pub other: Results,
    pub partners: Vec<PartnerComparison>,
    pub pools: Vec<PoolComparison>,
    pub years: Vec<YearComparison>,
    /// Inputs that differ, in words, e.g. "Better Care Fund risk share: host bears → pro rata
    /// to contributions".
    pub input_changes: Vec<String>,
}

/// A partner across the horizon. A partner in only one scenario counts as zero in the other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerComparison {
    pub partner: PartnerId,
    pub name: String,
    pub contributions: Change,
    pub gap_share: Change,
    pub variance_share: Change,
    pub unallocated_share: Change,
    pub net_cost: Change,
    /// The same figures in each year.
    pub by_year: Vec<PartnerYearComparison>,
}

/// One partner's figures in one year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerYearComparison {
    pub year: FinancialYear,
    pub contributions: Change,
    pub gap_share: Change,
    pub variance_share: Change,
    pub unallocated_share: Change,
    pub net_cost: Change,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolComparison {
    pub pool: PoolId,
    pub name: String,
    pub by_year: Vec<PoolYearComparison>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolYearComparison {
    pub year: FinancialYear,
    pub income: Change,
    pub funding_gap: Change,
    pub unallocated_income: Change,
    pub forecast_spend: Change,
    pub variance: Change,
    pub balance: Change,
}

/// Net cost to all partners together in one year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearComparison {
    pub year: FinancialYear,
    pub net_cost: Change,
}

/// Computes both scenarios and compares them, matching partners and pools by id and years by
/// financial year.
pub fn compare(base: &Scenario, other: &Scenario) -> Result<Comparison, ComputeError> {
    let base_results = compute(base)?;
    let other_results = compute(other)?;
    let too_large = || ComputeError::TooLarge("The difference between the scenarios".to_string());
    let years = union_years(&base_results.years, &other_results.years);

    let mut partner_ids: Vec<PartnerId> = base_results.partners.iter().map(|p| p.id).collect();
    for partner in &other_results.partners {
        if !partner_ids.contains(&partner.id) {
            partner_ids.push(partner.id);
        }
    }
    let mut partners = Vec::with_capacity(partner_ids.len());
    for id in partner_ids {
        partners.push(
            compare_partner(id, &base_results, &other_results, &years).ok_or_else(too_large)?,
        );
    }

    let mut pool_ids: Vec<PoolId> = base_results.pools.iter().map(|p| p.pool).collect();
    for pool in &other_results.pools {
        if !pool_ids.contains(&pool.pool) {
            pool_ids.push(pool.pool);
        }
    }
    let mut pools = Vec::with_capacity(pool_ids.len());
    for id in pool_ids {
        pools.push(compare_pool(id, &base_results, &other_results, &years).ok_or_else(too_large)?);
    }

    let year_totals = years
        .iter()
        .map(|year| {
            let total = |results: &Results| {
                Money::checked_sum(
                    results
                        .partner_totals
                        .iter()
                        .flat_map(|t| t.by_year.iter())
                        .filter(|y| y.year == *year)
                        .map(|y| y.net_cost),
                )
            };
            Some(YearComparison {
                year: *year,
                net_cost: Change::between(total(&base_results)?, total(&other_results)?)?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(too_large)?;

    Ok(Comparison {
        // An option based on the base differs from it by its overrides: those, in words.
        input_changes: match &other.link {
            Some(link) if link.based_on == base.id => describe_overrides(base, other)
                .into_iter()
                .map(|(_, text)| text)
                .collect(),
            _ => describe_input_changes(base, other),
        },
        base: base_results,
        other: other_results,
        partners,
        pools,
        years: year_totals,
    })
}

fn union_years(base: &[FinancialYear], other: &[FinancialYear]) -> Vec<FinancialYear> {
    let mut years: Vec<FinancialYear> = base.iter().chain(other).copied().collect();
    super::order::sort_by_key(&mut years, |y| u64::from(y.0));
    years.dedup();
    years
}

fn compare_partner(
    id: PartnerId,
    base: &Results,
    other: &Results,
    years: &[FinancialYear],
) -> Option<PartnerComparison> {
    let base_totals = base.partner_totals.iter().find(|t| t.partner == id);
    let other_totals = other.partner_totals.iter().find(|t| t.partner == id);
    let name = other
        .partners
        .iter()
        .chain(&base.partners)
        .find(|p| p.id == id)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let total = |field: fn(&PartnerTotals) -> Money| {
        Change::between(
            base_totals.map_or(Money::ZERO, field),
            other_totals.map_or(Money::ZERO, field),
        )
    };
    let by_year = years
        .iter()
        .map(|year| {
            let (b, o) = (
                partner_year(base_totals, *year),
                partner_year(other_totals, *year),
            );
            let change = |field: fn(&PartnerYear) -> Money| {
                Change::between(b.map_or(Money::ZERO, field), o.map_or(Money::ZERO, field))
            };
            Some(PartnerYearComparison {
                year: *year,
                contributions: change(|y| y.contributions)?,
                gap_share: change(|y| y.gap_share)?,
                variance_share: change(|y| y.variance_share)?,
                unallocated_share: change(|y| y.unallocated_share)?,
                net_cost: change(|y| y.net_cost)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(PartnerComparison {
        partner: id,
        name,
        contributions: total(|t| t.contributions)?,
        gap_share: total(|t| t.gap_share)?,
        variance_share: total(|t| t.variance_share)?,
        unallocated_share: total(|t| t.unallocated_share)?,
        net_cost: total(|t| t.net_cost)?,
        by_year,
    })
}

fn compare_pool(
    id: PoolId,
    base: &Results,
    other: &Results,
    years: &[FinancialYear],
) -> Option<PoolComparison> {
    let base_pool = base.pools.iter().find(|p| p.pool == id);
    let other_pool = other.pools.iter().find(|p| p.pool == id);
    let name = other_pool
        .or(base_pool)
        .map(|p| p.name.clone())
        .unwrap_or_default();

    let figure = |pool_year: Option<&PoolYear>, field: fn(&PoolYear) -> Money| {
        pool_year.map_or(Money::ZERO, field)
    };
    let by_year = years
        .iter()
        .map(|year| {
            let (b, o) = (pool_year(base_pool, *year), pool_year(other_pool, *year));
            Some(PoolYearComparison {
                year: *year,
                income: Change::between(figure(b, |y| y.income), figure(o, |y| y.income))?,
                funding_gap: Change::between(
                    figure(b, |y| y.funding_gap),
                    figure(o, |y| y.funding_gap),
                )?,
                unallocated_income: Change::between(
                    figure(b, |y| y.unallocated_income),
                    figure(o, |y| y.unallocated_income),
                )?,
                forecast_spend: Change::between(
                    figure(b, |y| y.forecast_spend),
                    figure(o, |y| y.forecast_spend),
                )?,
                variance: Change::between(figure(b, |y| y.variance), figure(o, |y| y.variance))?,
                balance: Change::between(figure(b, |y| y.balance), figure(o, |y| y.balance))?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(PoolComparison {
        pool: id,
        name,
        by_year,
    })
}

fn pool_year(pool: Option<&PoolResults>, year: FinancialYear) -> Option<&PoolYear> {
    pool.and_then(|p| p.years.iter().find(|y| y.year == year))
}

fn partner_year(totals: Option<&PartnerTotals>, year: FinancialYear) -> Option<&PartnerYear> {
    totals.and_then(|t| t.by_year.iter().find(|y| y.year == year))
}
