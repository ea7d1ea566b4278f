//! Risk share: the rules that say who pays for an overspend and what happens to an underspend.
//! This file holds the rules as entered; `settle.rs` applies them to a pool's year.

use serde::{Deserialize, Serialize};

use super::format::{format_money, format_percent, MoneyStyle};
use super::money::{Money, Percent};
use super::partner::{Partner, PartnerId};
use crate::model::saved_names::saved_names;

/// One partner's fixed percentage of a variance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerShare {
    pub partner: PartnerId,
    pub percent: Percent,
}

/// What fixed percentages add up to; `None` if the total is too large to hold (only absurd
/// percentages get there: each must be at most 100%).
pub fn total_percent(shares: &[PartnerShare]) -> Option<Percent> {
    shares
        .iter()
        .try_fold(rust_decimal::Decimal::ZERO, |total, share| {
            total.checked_add(share.percent.as_decimal())
        })
        .map(Percent::new)
}

/// How a pool's (or one line's) overspend is shared between partners.
///
/// The variance of a line in a year is forecast outturn − planned spend (positive = overspend).
/// A pool's rule covers every line without its own rule, plus income the plan leaves unspent;
/// a line's own rule covers that line's variance alone.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RiskShare {
    /// Each line's commissioner carries that line's overspend.
    NoSharing,
    /// In proportion to each partner's contribution to the pool that year; if `capped`, nobody
    /// pays more than its contribution and the excess goes to the others pro rata (the host takes
    /// what is left when everyone is at their cap).
    ProRata { capped: bool },
    /// Fixed percentages that must total 100%, e.g. 50:50.
    FixedPercentages { shares: Vec<PartnerShare> },
    /// The host carries all of it.
    HostBears,
    /// The first `limit` falls on `bearer`, the rest is shared by `rest`.
    Tiered {
        limit: TierLimit,
        bearer: TierBearer,
        rest: Split,
    },
    /// First overspends and underspends inside the group are netted off, then the contingency
    /// reserve is drawn on, then what remains is shared by `then`.
    OrderedSteps { then: Split },
}

/// The basic ways of sharing an amount, used on their own or as the last step of a tiered or
/// ordered-steps rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Split {
    NoSharing,
    ProRata { capped: bool },
    FixedPercentages { shares: Vec<PartnerShare> },
    HostBears,
}

/// How big the first tier of a tiered risk share is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TierLimit {
    /// The first £X of overspend.
    Amount { amount: Money },
    /// The first X% of the group's planned spend that year.
    PercentOfPlanned { percent: Percent },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TierBearer {
    Host,
    /// The commissioners of the overspending lines, in proportion to their overspend.
    Commissioner,
}

saved_names!(TierBearer {
    Host => "host",
    Commissioner => "commissioner",
});

/// What happens to an underspend (after any netting in ordered steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnderspendTreatment {
    /// Paid back to partners in proportion to their contributions that year.
    ReturnedProRata,
    /// Added to next year's pool income; in the horizon's last year it is returned pro rata.
    CarriedForward,
    /// Added to the pool's contingency reserve, which ordered steps draw on in later years.
    HeldAsContingency,
}

saved_names!(UnderspendTreatment {
    ReturnedProRata => "returned_pro_rata",
    CarriedForward => "carried_forward",
    HeldAsContingency => "held_as_contingency",
});

impl UnderspendTreatment {
    pub fn label(self) -> &'static str {
        match self {
            UnderspendTreatment::ReturnedProRata => "returned pro rata",
            UnderspendTreatment::CarriedForward => "carried forward",
            UnderspendTreatment::HeldAsContingency => "held as contingency",
        }
    }
}

impl Split {
    /// The same rule as a whole risk share, so both are applied by one piece of code.
    pub fn as_risk_share(&self) -> RiskShare {
        match self {
            Split::NoSharing => RiskShare::NoSharing,
            Split::ProRata { capped } => RiskShare::ProRata { capped: *capped },
            Split::FixedPercentages { shares } => RiskShare::FixedPercentages {
                shares: shares.clone(),
            },
            Split::HostBears => RiskShare::HostBears,
        }
    }

    pub fn shares(&self) -> Option<&[PartnerShare]> {
        match self {
            Split::FixedPercentages { shares } => Some(shares),
            _ => None,
        }
    }
}

impl RiskShare {
    /// Every fixed-percentage list in the rule, including a tiered or ordered rule's last step.
    pub fn fixed_shares(&self) -> Option<&[PartnerShare]> {
        match self {
            RiskShare::FixedPercentages { shares } => Some(shares),
            RiskShare::Tiered { rest, .. } => rest.shares(),
            RiskShare::OrderedSteps { then } => then.shares(),
            _ => None,
        }
    }

    /// The rule in words, naming partners by short name: "fixed percentages (LBH 50%, ICB 50%)".
    pub fn describe(&self, partners: &[Partner]) -> String {
        match self {
            RiskShare::NoSharing => "no sharing (commissioner bears)".to_string(),
            RiskShare::ProRata { capped: false } => "pro rata to contributions".to_string(),
            RiskShare::ProRata { capped: true } => {
                "pro rata to contributions, capped at each contribution".to_string()
            }
            RiskShare::FixedPercentages { shares } => {
                let parts: Vec<String> = shares
                    .iter()
                    .map(|share| {
                        let name = partners
                            .iter()
                            .find(|p| p.id == share.partner)
                            .map_or("an unknown partner", |p| p.label());
                        format!("{name} {}", format_percent(share.percent))
                    })
                    .collect();
                format!("fixed percentages ({})", parts.join(", "))
            }
            RiskShare::HostBears => "host bears".to_string(),
            RiskShare::Tiered {
                limit,
                bearer,
                rest,
            } => {
                let first = match limit {
                    TierLimit::Amount { amount } => format_money(*amount, MoneyStyle::EXACT),
                    TierLimit::PercentOfPlanned { percent } => {
                        format!("{} of planned spend", format_percent(*percent))
                    }
                };
                let who = match bearer {
                    TierBearer::Host => "the host",
                    TierBearer::Commissioner => "the commissioner",
                };
                let rest = rest.as_risk_share().describe(partners);
                format!("tiered (first {first} on {who}, then {rest})")
            }
            RiskShare::OrderedSteps { then } => {
                let then = then.as_risk_share().describe(partners);
                format!("net off underspends, draw on the reserve, then {then}")
            }
        }
    }
}

impl RiskShare {
    /// Drops `partner` from any fixed shares this rule names (when the partner is removed).
    pub fn forget_partner(&mut self, partner: PartnerId) {
        match self {
            RiskShare::FixedPercentages { shares } => shares.retain(|s| s.partner != partner),
            RiskShare::Tiered { rest: split, .. } | RiskShare::OrderedSteps { then: split } => {
                split.forget_partner(partner)
            }
            RiskShare::NoSharing | RiskShare::ProRata { .. } | RiskShare::HostBears => {}
        }
    }
}

impl Split {
    pub fn forget_partner(&mut self, partner: PartnerId) {
        if let Split::FixedPercentages { shares } = self {
            shares.retain(|s| s.partner != partner);
        }
    }
}
