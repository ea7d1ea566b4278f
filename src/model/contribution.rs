//! Contributions: what each partner pays into a pool, from which funding stream, and the rule
//! that sets the amount in each year.

use core::fmt;
use serde::{Deserialize, Serialize};

use super::money::{Money, OverflowAt, Percent};
use super::partner::{Partner, PartnerId};
use super::pool::PoolId;
use super::year::{FinancialYear, Horizon};
use crate::model::saved_names::saved_names;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContributionId(pub u32);

impl super::order::KeyNumber for ContributionId {
    fn number(self) -> u128 {
        u128::from(self.0)
    }
}

/// Where the money comes from. Each stream has its own national rules and uplift.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FundingStream {
    NhsMinimum,
    /// iBCF, now the Local Authority Better Care Grant.
    BetterCareGrant,
    DisabledFacilitiesGrant,
    DischargeFund,
    AdditionalVoluntary,
    Other,
}

saved_names!(FundingStream {
    NhsMinimum => "nhs_minimum",
    BetterCareGrant => "better_care_grant",
    DisabledFacilitiesGrant => "disabled_facilities_grant",
    DischargeFund => "discharge_fund",
    AdditionalVoluntary => "additional_voluntary",
    Other => "other",
});

impl FundingStream {
    pub fn label(self) -> &'static str {
        match self {
            FundingStream::NhsMinimum => "NHS minimum contribution",
            FundingStream::BetterCareGrant => "iBCF / Better Care Grant",
            FundingStream::DisabledFacilitiesGrant => "Disabled Facilities Grant",
            FundingStream::DischargeFund => "Discharge fund",
            FundingStream::AdditionalVoluntary => "Additional voluntary contribution",
            FundingStream::Other => "Other",
        }
    }

    /// Position in [`FundingStream::ALL`]; results list income by stream in this order.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for FundingStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Obligation {
    Mandatory,
    Voluntary,
}

saved_names!(Obligation {
    Mandatory => "mandatory",
    Voluntary => "voluntary",
});

impl Obligation {
    /// The word the editor and the comparison show (also the saved name).
    pub fn label(self) -> &'static str {
        match self {
            Obligation::Mandatory => "mandatory",
            Obligation::Voluntary => "voluntary",
        }
    }
}

/// One year's amount in an explicit per-year rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearAmount {
    pub year: FinancialYear,
    pub amount: Money,
}

/// How an amount is set for each year of the horizon.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AmountRule {
    /// The same cash every year (flat cash).
    Fixed { amount: Money },
    /// `base` in the first year, then uplifted by `uplift` each year (rounded each year).
    Uplift { base: Money, uplift: Percent },
    /// Amounts typed for each year; a year without one counts as zero (and `validate` says so).
    PerYear { amounts: Vec<YearAmount> },
    /// A percentage of the paying partner's baseline budget, which grows at the partner's
    /// baseline growth rate.
    PercentOfBaseline { percent: Percent },
}

impl AmountRule {
    /// The amount in each year of `horizon`. `baseline_owner` is the partner whose baseline a
    /// percentage-of-baseline rule uses; without one (or without a baseline) that rule gives zero.
    pub fn amounts(
        &self,
        horizon: Horizon,
        baseline_owner: Option<&Partner>,
    ) -> Result<Vec<Money>, OverflowAt> {
        let years = horizon.years().count();
        match self {
            AmountRule::Fixed { amount } => Ok(vec![*amount; years]),
            AmountRule::Uplift { base, uplift } => base.compounded(*uplift, years),
            AmountRule::PerYear { amounts } => Ok(horizon
                .years()
                .map(|year| {
                    amounts
                        .iter()
                        .find(|entry| entry.year == year)
                        .map_or(Money::ZERO, |entry| entry.amount)
                })
                .collect()),
            AmountRule::PercentOfBaseline { percent } => {
                let Some((baseline, growth)) = baseline_owner
                    .and_then(|p| p.baseline_budget.map(|budget| (budget, p.baseline_growth)))
                else {
                    return Ok(vec![Money::ZERO; years]);
                };
                let series = baseline.compounded(growth, years)?;
                series
                    .into_iter()
                    .enumerate()
                    .map(|(year, amount)| amount.checked_percent(*percent).ok_or(OverflowAt(year)))
                    .collect()
            }
        }
    }

    /// The rule in words for comparisons: "£1,000,000 uplifted 5.66% a year".
    pub fn describe(&self) -> String {
        use super::format::{format_money, format_percent, MoneyStyle};
        let money = |m: &Money| format_money(*m, MoneyStyle::EXACT);
        match self {
            AmountRule::Fixed { amount } => format!("{} a year (flat cash)", money(amount)),
            AmountRule::Uplift { base, uplift } => {
                format!(
                    "{} uplifted {} a year",
                    money(base),
                    format_percent(*uplift)
                )
            }
            AmountRule::PerYear { amounts } => {
                let parts: Vec<String> = amounts
                    .iter()
                    .map(|entry| format!("{} {}", entry.year, money(&entry.amount)))
                    .collect();
                format!("amounts per year ({})", parts.join(", "))
            }
            AmountRule::PercentOfBaseline { percent } => {
                format!("{} of baseline budget", format_percent(*percent))
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub id: ContributionId,
    /// What finance leads call it: "NHS minimum contribution", "ICB additional".
    pub name: String,
    pub partner: PartnerId,
    pub pool: PoolId,
    pub stream: FundingStream,
    pub obligation: Obligation,
    pub rule: AmountRule,
}
