//! Forecasts that are allowed but look wrong: the checklist's warnings. A warning never stops
//! the results; it asks the person to look again. Errors (a negative forecast spend) are
//! `validate`'s.

use super::format::{format_money, format_percent, MoneyStyle};
use super::money::{Money, Percent};
use super::scenario::Scenario;
use super::spend::{LineId, Outturn};
use super::user_text::isolate;
use super::year::FinancialYear;

/// Variance above this share of planned spend is worth a second look.
pub const LARGE_VARIANCE_PERCENT: i64 = 25;
/// A variance typed as an amount between these shares of planned spend is probably the
/// forecast spend itself, typed while forecasts were read as over/underspends.
pub const LOOKS_LIKE_SPEND_PERCENT: (i64, i64) = (80, 120);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// The variance is more than 25% of the year's planned spend.
    LargeVariance,
    /// A variance typed as an amount close to the planned spend: was the spend typed instead?
    /// Holds the amount typed, to offer it as the forecast spend.
    LooksLikeSpend(Money),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForecastWarning {
    pub line: LineId,
    pub year: FinancialYear,
    pub kind: WarningKind,
    pub message: String,
}

/// Every warning for the forecasts of `scenario`'s lines, line by line, year by year.
pub fn forecast_warnings(scenario: &Scenario) -> Vec<ForecastWarning> {
    let mut warnings = Vec::new();
    for line in &scenario.lines {
        let Ok(plans) = line.plan(scenario.horizon) else {
            continue;
        };
        for (year, plan) in scenario.horizon.years().zip(plans) {
            let outturn = line.outturn(year);
            if outturn == Outturn::AsPlanned || plan.planned.is_zero() {
                continue;
            }
            let Some(variance) = outturn.variance(plan.planned) else {
                continue;
            };
            let share = variance.abs().percent_of(plan.planned);
            let name = isolate(&line.name);
            let planned = format_money(plan.planned, MoneyStyle::EXACT);
            if let (Outturn::VarianceAmount { amount }, Some(share)) = (outturn, share) {
                let (low, high) = LOOKS_LIKE_SPEND_PERCENT;
                if share >= Percent::from_hundredths(low * 100)
                    && share <= Percent::from_hundredths(high * 100)
                {
                    let typed = format_money(amount, MoneyStyle::EXACT);
                    warnings.push(ForecastWarning {
                        line: line.id,
                        year,
                        kind: WarningKind::LooksLikeSpend(amount),
                        message: format!(
                            "The {year} forecast for {name} is an overspend of {typed} on planned spend of {planned}. Was {typed} the forecast spend, typed as an over- or underspend?"
                        ),
                    });
                    continue;
                }
            }
            if share.is_some_and(|s| s > Percent::from_hundredths(LARGE_VARIANCE_PERCENT * 100)) {
                let word = if variance.is_negative() {
                    "underspend"
                } else {
                    "overspend"
                };
                warnings.push(ForecastWarning {
                    line: line.id,
                    year,
                    kind: WarningKind::LargeVariance,
                    message: format!(
                        "The {year} forecast for {name} is an {word} of {} ({} of planned spend of {planned}); check it is right.",
                        format_money(variance.abs(), MoneyStyle::EXACT),
                        format_percent(share.unwrap_or(Percent::ZERO)),
                    ),
                });
            }
        }
    }
    warnings
}
