//! Pools: the shared pots partners pay into, who hosts each, and the rules for sharing its
//! over- and underspends.

use core::fmt;
use serde::{Deserialize, Serialize};

use super::money::Money;
use super::partner::PartnerId;
use super::risk::{RiskShare, UnderspendTreatment};
use crate::model::saved_names::saved_names;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PoolId(pub u32);

impl super::order::KeyNumber for PoolId {
    fn number(self) -> u128 {
        u128::from(self.0)
    }
}

/// How the money is held (section 75): one pot, budgets kept separate but planned together, or
/// one partner commissioning for all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PoolType {
    Pooled,
    Aligned,
    LeadCommissioner,
}

saved_names!(PoolType {
    Pooled => "pooled",
    Aligned => "aligned",
    LeadCommissioner => "lead_commissioner",
});

impl PoolType {
    pub fn label(self) -> &'static str {
        match self {
            PoolType::Pooled => "Pooled budget",
            PoolType::Aligned => "Aligned budget",
            PoolType::LeadCommissioner => "Lead commissioner",
        }
    }
}

impl fmt::Display for PoolType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A contingency (risk) reserve that the ordered-steps risk share draws on before partners pay.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContingencyReserve {
    /// Already held at the start of the horizon.
    #[serde(default)]
    pub opening: Money,
    /// Set aside from the pool's income each year before anything is spent.
    #[serde(default)]
    pub set_aside_per_year: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pool {
    pub id: PoolId,
    pub name: String,
    pub pool_type: PoolType,
    /// The partner that hosts the pool (lead commissioner); it bears whatever cannot be shared.
    pub host: PartnerId,
    /// Applies to the variance on every line without its own risk share.
    pub risk_share: RiskShare,
    pub underspend: UnderspendTreatment,
    #[serde(default)]
    pub reserve: ContingencyReserve,
}

impl Pool {
    pub fn new(id: u32, name: &str, host: PartnerId, risk_share: RiskShare) -> Pool {
        Pool {
            id: PoolId(id),
            name: name.to_string(),
            pool_type: PoolType::Pooled,
            host,
            risk_share,
            underspend: UnderspendTreatment::ReturnedProRata,
            reserve: ContingencyReserve::default(),
        }
    }
}
