//! What `compute` produces: plain data the UI renders directly. Every `Vec<Money>` "per partner"
//! is in the order of `Results::partners` (the scenario's partner order).

use serde::{Deserialize, Serialize};

use super::contribution::FundingStream;
use super::money::Money;
use super::partner::PartnerId;
use super::pool::PoolId;
use super::scenario::ScenarioId;
use super::spend::{LineId, RingFence};
use super::year::FinancialYear;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub scenario: ScenarioId,
    pub scenario_name: String,
    pub years: Vec<FinancialYear>,
    pub partners: Vec<PartnerHeading>,
    pub pools: Vec<PoolResults>,
    /// One per partner, across the whole horizon.
    pub partner_totals: Vec<PartnerTotals>,
    pub ring_fences: Vec<RingFenceCheck>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerHeading {
    pub id: PartnerId,
    pub name: String,
    pub short_name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolResults {
    pub pool: PoolId,
    pub name: String,
    pub host: PartnerId,
    /// The pool's lines; every `PoolYear::lines` is in this order.
    pub lines: Vec<LineHeading>,
    pub years: Vec<PoolYear>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineHeading {
    pub id: LineId,
    pub name: String,
    pub commissioner: PartnerId,
}

/// One pool in one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolYear {
    pub year: FinancialYear,
    /// Contributions by partner.
    pub income_by_partner: Vec<Money>,
    /// Contributions by funding stream, for the streams this pool receives, in
    /// `FundingStream::ALL` order.
    pub income_by_stream: Vec<StreamIncome>,
    pub contributions: Money,
    /// Underspend carried forward from last year.
    pub carried_in: Money,
    /// Contributions plus carried-in underspend.
    pub income: Money,
    pub lines: Vec<LineYear>,
    pub planned_spend: Money,
    pub forecast_spend: Money,
    /// Forecast − planned spend: positive is an overspend.
    pub variance: Money,
    /// Planned spend and contingency set aside above the income (zero when the plan is funded).
    pub funding_gap: Money,
    /// Income above planned spend and contingency set aside (zero when there is a funding gap).
    pub unallocated_income: Money,
    /// Income − contingency set aside − forecast spend: positive is money left over.
    pub balance: Money,
    /// How each group's overspend was shared: the pool's rule first, then lines with their own.
    pub settlements: Vec<Settlement>,
    pub underspend: UnderspendResult,
    pub reserve: ReserveMovement,
    /// Each partner's share of the forecast variance alone: overspend paid (positive) less
    /// underspend returned.
    pub variance_shares: Vec<Money>,
    /// What each partner pays towards the funding gap under the agreement (zero without a gap).
    pub gap_shares: Vec<Money>,
    /// What each partner gets back of the unallocated income under the agreement (negative:
    /// returned, or set against its share of an overspend; zero without unallocated income).
    pub unallocated_shares: Vec<Money>,
    /// Each partner's net cost: contribution plus its gap, variance and unallocated shares.
    pub net_cost: Vec<Money>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct StreamIncome {
    pub stream: FundingStream,
    pub amount: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineYear {
    pub line: LineId,
    pub gross: Money,
    pub savings: Money,
    pub planned: Money,
    pub forecast: Money,
    pub variance: Money,
}

/// How one group's overspend was settled. `line` is `None` for the pool's own rule, which also
/// covers income the plan leaves unspent (an underspend) or a plan that spends more than the
/// income (an overspend borne as if by the host's line).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settlement {
    pub line: Option<LineId>,
    pub overspend: Money,
    pub underspend: Money,
    /// Overspend cancelled by underspend in the same group (ordered steps only).
    pub netted: Money,
    pub reserve_drawn: Money,
    /// The first tier of a tiered rule, borne by the host or commissioner.
    pub first_tier: Money,
    /// Overspend paid by each partner.
    pub shares: Vec<Money>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnderspendResult {
    /// Underspend left after any netting, before treatment.
    pub total: Money,
    /// Paid back to each partner (negative amounts).
    pub returned: Vec<Money>,
    pub carried_forward: Money,
    pub held_as_contingency: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReserveMovement {
    pub opening: Money,
    pub set_aside: Money,
    pub drawn: Money,
    /// Underspend held as contingency this year.
    pub added: Money,
    pub closing: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerTotals {
    pub partner: PartnerId,
    pub contributions: Money,
    pub gap_share: Money,
    pub variance_share: Money,
    pub unallocated_share: Money,
    pub net_cost: Money,
    pub by_year: Vec<PartnerYear>,
}

/// One partner in one year, across all pools.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerYear {
    pub year: FinancialYear,
    pub contributions: Money,
    pub gap_share: Money,
    pub variance_share: Money,
    pub unallocated_share: Money,
    pub net_cost: Money,
}

/// Whether a ring-fenced minimum is met by planned spend on tagged lines.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RingFenceCheck {
    pub pool: PoolId,
    pub ring_fence: RingFence,
    pub year: FinancialYear,
    pub required: Money,
    pub planned: Money,
    pub forecast: Money,
    pub met: bool,
    /// How far planned spend falls short of the minimum (zero when met).
    pub shortfall: Money,
}

impl Results {
    /// Position of a partner in every per-partner list.
    pub fn partner_index(&self, id: PartnerId) -> Option<usize> {
        self.partners.iter().position(|p| p.id == id)
    }
}
