//! Spending lines (schemes and services a pool pays for), their forecast outturn, and the
//! ring-fenced minimums some of that spending must meet.

use core::fmt;
use serde::{Deserialize, Serialize};

use super::contribution::{AmountRule, FundingStream, YearAmount};
use super::money::{Money, OverflowAt, Percent};
use super::partner::{is_zero_percent, PartnerId};
use super::pool::PoolId;
use super::risk::RiskShare;
use super::year::{FinancialYear, Horizon};
use crate::model::saved_names::saved_names;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LineId(pub u32);

impl super::order::KeyNumber for LineId {
    fn number(self) -> u128 {
        u128::from(self.0)
    }
}

/// A ring-fence a line's spending counts towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RingFence {
    /// The minimum for adult social care out of the NHS contribution.
    AdultSocialCare,
    /// The minimum for NHS-commissioned out-of-hospital services.
    OutOfHospital,
}

saved_names!(RingFence {
    AdultSocialCare => "adult_social_care",
    OutOfHospital => "out_of_hospital",
});

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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outturn {
    #[default]
    AsPlanned,
    /// Over (positive) or under (negative) plan by a percentage of planned spend.
    VariancePercent { percent: Percent },
    /// Over (positive) or under (negative) plan by an amount.
    VarianceAmount { amount: Money },
    /// The forecast spend in the year itself (the outturn), typed as such; the variance is
    /// this less the planned spend. Never negative (validation refuses it).
    Spend { amount: Money },
}

impl Outturn {
    /// Forecast spend given planned spend; `None` if too large.
    pub fn forecast(self, planned: Money) -> Option<Money> {
        match self {
            Outturn::AsPlanned => Some(planned),
            Outturn::VariancePercent { percent } => planned.checked_grow(percent),
            Outturn::VarianceAmount { amount } => planned.checked_add(amount),
            Outturn::Spend { amount } => Some(amount),
        }
    }

    /// Over (positive) or under (negative) plan given planned spend; `None` if too large.
    pub fn variance(self, planned: Money) -> Option<Money> {
        self.forecast(planned)?.checked_sub(planned)
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
            Outturn::Spend { amount } => {
                format!("forecast spend {}", format_money(amount, MoneyStyle::EXACT))
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
    /// The plan's own scheme reference ("BCF-07"), as in the national template's "Scheme ID".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    pub pool: PoolId,
    /// The partner that commissions the service; bears its variance under "no sharing".
    pub commissioner: PartnerId,
    /// Who delivers the service (free text: "Homerton Healthcare").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    /// The funding stream the scheme is paid from ("source of funding"), where the plan says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<FundingStream>,
    /// Gross budget for each year, before integration savings. A year not listed has no budget.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<YearAmount>,
    /// The first year the scheme runs (a non-recurrent scheme); none: from the horizon's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_year: Option<FinancialYear>,
    /// The last year the scheme runs; none: to the horizon's end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year: Option<FinancialYear>,
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
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// One line's plan in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinePlan {
    pub gross: Money,
    pub savings: Money,
    pub planned: Money,
}

impl SpendLine {
    /// Sets `year`'s forecast: one entry per year, in year order; "as planned" is the absence
    /// of an entry.
    pub fn set_forecast(&mut self, year: FinancialYear, outturn: Outturn) {
        self.forecast.retain(|f| f.year != year);
        if outturn != Outturn::AsPlanned {
            self.forecast.push(YearForecast { year, outturn });
            super::order::sort_by_key(&mut self.forecast, |f| u64::from(f.year.0));
        }
    }

    /// A line with the same gross budget, `each_year`, in every year of `horizon`.
    pub fn new(
        id: u32,
        name: &str,
        pool: PoolId,
        commissioner: PartnerId,
        each_year: Money,
        horizon: Horizon,
    ) -> SpendLine {
        SpendLine {
            id: LineId(id),
            name: name.to_string(),
            reference: String::new(),
            pool,
            commissioner,
            provider: String::new(),
            stream: None,
            budget: horizon
                .years()
                .map(|year| YearAmount {
                    year,
                    amount: each_year,
                })
                .collect(),
            first_year: None,
            last_year: None,
            savings: Percent::ZERO,
            ring_fence: None,
            forecast: Vec::new(),
            risk_share: None,
            notes: String::new(),
        }
    }

    /// Budgets for every year of `horizon`: `first` in its first year, growing at `growth` a
    /// year, compounded and rounded to the penny each year (how schema version 1 stored a line,
    /// and the editor's "first year plus growth" fill).
    pub fn grown_budget(
        first: Money,
        growth: Percent,
        horizon: Horizon,
    ) -> Result<Vec<YearAmount>, OverflowAt> {
        let series = first.compounded(growth, horizon.years().count())?;
        Ok(horizon
            .years()
            .zip(series)
            .map(|(year, amount)| YearAmount { year, amount })
            .collect())
    }

    /// Whether the scheme runs in `year` (between its first and last years, if set).
    pub fn runs_in(&self, year: FinancialYear) -> bool {
        self.first_year.is_none_or(|first| year >= first)
            && self.last_year.is_none_or(|last| year <= last)
    }

    /// The gross budget typed for `year` (zero if none), whether or not the scheme runs then.
    pub fn budget_in(&self, year: FinancialYear) -> Money {
        self.budget
            .iter()
            .find(|entry| entry.year == year)
            .map_or(Money::ZERO, |entry| entry.amount)
    }

    /// Sets the gross budget for `year`, keeping the list in year order.
    pub fn set_budget(&mut self, year: FinancialYear, amount: Money) {
        match self.budget.iter_mut().find(|entry| entry.year == year) {
            Some(entry) => entry.amount = amount,
            None => {
                self.budget.push(YearAmount { year, amount });
                super::order::sort_by_key(&mut self.budget, |entry| u64::from(entry.year.0));
            }
        }
    }

    /// Gross, saving and planned spend per year of `horizon`: the year's gross budget (zero in
    /// a year the scheme does not run); saving = round(gross × savings%); planned = gross −
    /// saving.
    pub fn plan(&self, horizon: Horizon) -> Result<Vec<LinePlan>, OverflowAt> {
        horizon
            .years()
            .enumerate()
            .map(|(at, year)| {
                let gross = if self.runs_in(year) {
                    self.budget_in(year)
                } else {
                    Money::ZERO
                };
                let savings = gross.checked_percent(self.savings).ok_or(OverflowAt(at))?;
                let planned = gross.checked_sub(savings).ok_or(OverflowAt(at))?;
                Ok(LinePlan {
                    gross,
                    savings,
                    planned,
                })
            })
            .collect()
    }

    /// The outturn entered for `year`; the first entry wins if a year is listed twice. A year
    /// the scheme does not run is always as planned (nothing planned, nothing spent).
    pub fn outturn(&self, year: FinancialYear) -> Outturn {
        if !self.runs_in(year) {
            return Outturn::AsPlanned;
        }
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
