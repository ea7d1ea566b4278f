//! Spending lines (schemes and services a pool pays for), their forecast outturn, and the
//! ring-fenced minimums some of that spending must meet.

use core::fmt;
use serde::{Deserialize, Serialize};

use super::contribution::{AmountRule, FundingStream};
use super::money::{Money, OverflowAt, Percent};
use super::partner::{is_zero_percent, PartnerId};
use super::pool::PoolId;
use super::risk::RiskShare;
use super::year::{FinancialYear, Horizon};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LineId(pub u32);

/// A ring-fence a line's spending counts towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RingFence {
    /// The minimum for adult social care out of the NHS contribution.
    AdultSocialCare,
    /// The minimum for NHS-commissioned out-of-hospital services.
    OutOfHospital,
}

impl RingFence {
    pub fn label(self) -> &'static str {
        match self {
            RingFence::AdultSocialCare => "Adult social care minimum",
            RingFence::OutOfHospital => "NHS out-of-hospital services minimum",
        }
    }
}

impl fmt::Display for RingFence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The forecast outturn of a line in one year, against its planned spend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outturn {
    #[default]
    AsPlanned,
    /// Over (positive) or under (negative) plan by a percentage of planned spend.
    VariancePercent { percent: Percent },
    /// Over (positive) or under (negative) plan by an amount.
    VarianceAmount { amount: Money },
}

impl Outturn {
    /// Forecast spend given planned spend; `None` if too large.
    pub fn forecast(self, planned: Money) -> Option<Money> {
        match self {
            Outturn::AsPlanned => Some(planned),
            Outturn::VariancePercent { percent } => planned.checked_grow(percent),
            Outturn::VarianceAmount { amount } => planned.checked_add(amount),
        }
    }

    pub fn describe(self) -> String {
        use super::format::{format_money, format_percent, MoneyStyle};
        match self {
            Outturn::AsPlanned => "as planned".to_string(),
            Outturn::VariancePercent { percent } => {
                format!("{} against plan", format_percent(percent))
            }
            Outturn::VarianceAmount { amount } => {
                format!("{} against plan", format_money(amount, MoneyStyle::EXACT))
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearForecast {
    pub year: FinancialYear,
    pub outturn: Outturn,
}

/// A scheme or service paid for from a pool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpendLine {
    pub id: LineId,
    pub name: String,
    pub pool: PoolId,
    /// The partner that commissions the service; bears its variance under "no sharing".
    pub commissioner: PartnerId,
    /// Gross budget in the horizon's first year, before integration savings.
    pub base_budget: Money,
    /// Yearly growth of the gross budget, compounded and rounded each year.
    #[serde(default, skip_serializing_if = "is_zero_percent")]
    pub growth: Percent,
    /// Saving from integration (removing duplication) as a percentage of each year's gross budget.
    #[serde(default, skip_serializing_if = "is_zero_percent")]
    pub savings: Percent,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ring_fence: Option<RingFence>,
    /// Years not listed are forecast as planned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forecast: Vec<YearForecast>,
    /// This line's own risk share; its variance then never touches the pool's rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_share: Option<RiskShare>,
}

/// One line's plan in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinePlan {
    pub gross: Money,
    pub savings: Money,
    pub planned: Money,
}

impl SpendLine {
    pub fn new(
        id: u32,
        name: &str,
        pool: PoolId,
        commissioner: PartnerId,
        base_budget: Money,
    ) -> SpendLine {
        SpendLine {
            id: LineId(id),
            name: name.to_string(),
            pool,
            commissioner,
            base_budget,
            growth: Percent::ZERO,
            savings: Percent::ZERO,
            ring_fence: None,
            forecast: Vec::new(),
            risk_share: None,
        }
    }

    /// Gross, saving and planned spend per year: gross grows at `growth` (rounded each year);
    /// saving = round(gross × savings%); planned = gross − saving.
    pub fn plan(&self, horizon: Horizon) -> Result<Vec<LinePlan>, OverflowAt> {
        let gross = self
            .base_budget
            .compounded(self.growth, horizon.years().count())?;
        gross
            .into_iter()
            .enumerate()
            .map(|(year, gross)| {
                let savings = gross
                    .checked_percent(self.savings)
                    .ok_or(OverflowAt(year))?;
                let planned = gross.checked_sub(savings).ok_or(OverflowAt(year))?;
                Ok(LinePlan {
                    gross,
                    savings,
                    planned,
                })
            })
            .collect()
    }

    /// The outturn entered for `year`; the first entry wins if a year is listed twice.
    pub fn outturn(&self, year: FinancialYear) -> Outturn {
        self.forecast
            .iter()
            .find(|entry| entry.year == year)
            .map_or(Outturn::AsPlanned, |entry| entry.outturn)
    }
}

/// A minimum that tagged spending in a pool must reach each year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RingFenceRequirement {
    pub pool: PoolId,
    pub ring_fence: RingFence,
    pub minimum: MinimumRule,
}

/// How a ring-fenced minimum is set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MinimumRule {
    /// A set amount per year, by any amount rule (a percentage-of-baseline rule uses the host's
    /// baseline).
    Amount { rule: AmountRule },
    /// A percentage of the pool's income from one funding stream, e.g. a share of the NHS
    /// minimum contribution.
    ShareOfStream {
        stream: FundingStream,
        percent: Percent,
    },
}

impl MinimumRule {
    pub fn describe(&self) -> String {
        match self {
            MinimumRule::Amount { rule } => rule.describe(),
            MinimumRule::ShareOfStream { stream, percent } => {
                format!(
                    "{} of {}",
                    super::format::format_percent(*percent),
                    stream.label()
                )
            }
        }
    }
}
