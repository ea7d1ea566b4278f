//! The plan's position worth a warning: a pool whose planned spend (and contingency set aside)
//! is more than its income in a year has a funding gap, to be closed before the agreement is
//! signed or borne by someone by agreement. A warning never stops the results.

use super::format::MoneyStyle;
use super::money::Money;
use super::pool::PoolId;
use super::results::Results;
use super::user_text::isolate;
use super::year::FinancialYear;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingGapWarning {
    pub pool: PoolId,
    pub year: FinancialYear,
    pub gap: Money,
    /// "'Better Care Fund' has a funding gap of £12.3m in 2025/26: …", amounts in `style`.
    pub message: String,
}

/// One warning per pool and year with a funding gap, pool by pool, year by year.
pub fn funding_gap_warnings(results: &Results, style: MoneyStyle) -> Vec<FundingGapWarning> {
    let mut warnings = Vec::new();
    for pool in &results.pools {
        for year in pool.years.iter().filter(|y| y.funding_gap.is_positive()) {
            let set_aside = if year.reserve.set_aside.is_zero() {
                String::new()
            } else {
                format!(
                    " and {} set aside for contingency",
                    style.amount(year.reserve.set_aside)
                )
            };
            let message = format!(
                "{} has a funding gap of {} in {}: planned spend of {}{set_aside} is more than its income of {}. \
                 Close the gap before the agreement is signed, or agree who bears it; until then the results share it under the pool's risk share, \
                 shown apart from the variance.",
                isolate(&format!("'{}'", pool.name)),
                style.amount(year.funding_gap),
                year.year,
                style.amount(year.planned_spend),
                style.amount(year.income),
            );
            warnings.push(FundingGapWarning {
                pool: pool.pool,
                year: year.year,
                gap: year.funding_gap,
                message,
            });
        }
    }
    warnings
}
