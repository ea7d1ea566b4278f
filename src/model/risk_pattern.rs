//! The seven risk-share patterns people choose from (pro rata counts twice: uncapped and
//! capped), and the rule each one makes. Used where a rule is chosen in the editor and by the
//! stress test, which shows a pool's exposure under every pattern side by side.

use super::money::{Money, Percent};
use super::partner::Partner;
use super::risk::{PartnerShare, RiskShare, Split, TierBearer, TierLimit};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RiskPattern {
    NoSharing,
    ProRata,
    ProRataCapped,
    Fixed,
    Host,
    Tiered,
    Steps,
}

impl RiskPattern {
    pub const ALL: [RiskPattern; 7] = [
        RiskPattern::NoSharing,
        RiskPattern::ProRata,
        RiskPattern::ProRataCapped,
        RiskPattern::Fixed,
        RiskPattern::Host,
        RiskPattern::Tiered,
        RiskPattern::Steps,
    ];

    /// The patterns a tiered or ordered-steps rule can end with.
    pub const SPLITS: [RiskPattern; 5] = [
        RiskPattern::NoSharing,
        RiskPattern::ProRata,
        RiskPattern::ProRataCapped,
        RiskPattern::Fixed,
        RiskPattern::Host,
    ];

    /// A stable key for form values.
    pub fn key(self) -> &'static str {
        match self {
            RiskPattern::NoSharing => "no_sharing",
            RiskPattern::ProRata => "pro_rata",
            RiskPattern::ProRataCapped => "pro_rata_capped",
            RiskPattern::Fixed => "fixed",
            RiskPattern::Host => "host",
            RiskPattern::Tiered => "tiered",
            RiskPattern::Steps => "steps",
        }
    }

    pub fn from_key(key: &str) -> Option<RiskPattern> {
        RiskPattern::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The pattern as offered in a list of whole rules.
    pub fn label(self) -> &'static str {
        match self {
            RiskPattern::NoSharing => "No sharing: each commissioner carries its own lines",
            RiskPattern::ProRata => "Pro rata to contributions",
            RiskPattern::ProRataCapped => "Pro rata, capped at each partner's contribution",
            RiskPattern::Fixed => "Fixed percentages, such as 50:50",
            RiskPattern::Host => "The host carries it all",
            RiskPattern::Tiered => "Tiered: the first part on one partner, the rest shared",
            RiskPattern::Steps => "Ordered steps: net off, use the reserve, then share",
        }
    }

    /// The pattern as the last step of a tiered or ordered-steps rule.
    pub fn split_label(self) -> &'static str {
        match self {
            RiskPattern::NoSharing => "Each commissioner carries its own lines",
            RiskPattern::Fixed => "Fixed percentages",
            RiskPattern::Host => "The host carries it",
            other => other.label(),
        }
    }

    /// A short name for table headings: "Pro rata, capped".
    pub fn short_label(self) -> &'static str {
        match self {
            RiskPattern::NoSharing => "No sharing",
            RiskPattern::ProRata => "Pro rata",
            RiskPattern::ProRataCapped => "Pro rata, capped",
            RiskPattern::Fixed => "Fixed percentages",
            RiskPattern::Host => "Host bears",
            RiskPattern::Tiered => "Tiered",
            RiskPattern::Steps => "Ordered steps",
        }
    }

    pub fn of(rule: &RiskShare) -> RiskPattern {
        match rule {
            RiskShare::NoSharing => RiskPattern::NoSharing,
            RiskShare::ProRata { capped: false } => RiskPattern::ProRata,
            RiskShare::ProRata { capped: true } => RiskPattern::ProRataCapped,
            RiskShare::FixedPercentages { .. } => RiskPattern::Fixed,
            RiskShare::HostBears => RiskPattern::Host,
            RiskShare::Tiered { .. } => RiskPattern::Tiered,
            RiskShare::OrderedSteps { .. } => RiskPattern::Steps,
        }
    }

    pub fn of_split(split: &Split) -> RiskPattern {
        RiskPattern::of(&split.as_risk_share())
    }

    /// The rule for this pattern, keeping what can be kept from `current`: its fixed shares,
    /// and a tiered or ordered rule's last step. New fixed shares are equal between `partners`;
    /// a new tier is the first £250,000 on the host.
    pub fn rule(self, current: &RiskShare, partners: &[Partner]) -> RiskShare {
        let current_split = match current {
            RiskShare::Tiered { rest, .. } => rest.clone(),
            RiskShare::OrderedSteps { then } => then.clone(),
            other => Split::of(other).unwrap_or(Split::ProRata { capped: false }),
        };
        match self {
            RiskPattern::Tiered => match current {
                RiskShare::Tiered { .. } => current.clone(),
                _ => RiskShare::Tiered {
                    limit: TierLimit::Amount {
                        amount: Money::pounds(250_000),
                    },
                    bearer: TierBearer::Host,
                    rest: current_split,
                },
            },
            RiskPattern::Steps => RiskShare::OrderedSteps {
                then: current_split,
            },
            RiskPattern::Fixed => RiskShare::FixedPercentages {
                shares: current
                    .fixed_shares()
                    .map(<[PartnerShare]>::to_vec)
                    .unwrap_or_else(|| equal_shares(partners)),
            },
            split => split.split(&current_split, partners).as_risk_share(),
        }
    }

    /// The last step of a tiered or ordered rule for this pattern; tiered and ordered steps,
    /// which cannot be a last step, give pro rata.
    pub fn split(self, current: &Split, partners: &[Partner]) -> Split {
        match self {
            RiskPattern::NoSharing => Split::NoSharing,
            RiskPattern::ProRataCapped => Split::ProRata { capped: true },
            RiskPattern::Fixed => Split::FixedPercentages {
                shares: current
                    .shares()
                    .map(<[PartnerShare]>::to_vec)
                    .unwrap_or_else(|| equal_shares(partners)),
            },
            RiskPattern::Host => Split::HostBears,
            RiskPattern::ProRata | RiskPattern::Tiered | RiskPattern::Steps => {
                Split::ProRata { capped: false }
            }
        }
    }
}

impl Split {
    /// A whole rule that is also a basic split; `None` for tiered and ordered rules.
    pub fn of(rule: &RiskShare) -> Option<Split> {
        match rule {
            RiskShare::NoSharing => Some(Split::NoSharing),
            RiskShare::ProRata { capped } => Some(Split::ProRata { capped: *capped }),
            RiskShare::FixedPercentages { shares } => Some(Split::FixedPercentages {
                shares: shares.clone(),
            }),
            RiskShare::HostBears => Some(Split::HostBears),
            RiskShare::Tiered { .. } | RiskShare::OrderedSteps { .. } => None,
        }
    }
}

/// Equal shares to the hundredth of a per cent, summing to exactly 100: 33.34, 33.33, 33.33.
pub fn equal_shares(partners: &[Partner]) -> Vec<PartnerShare> {
    let count = i64::try_from(partners.len()).unwrap_or(i64::MAX).max(1);
    let each = 10_000 / count;
    let mut left_over = 10_000 - each * count;
    partners
        .iter()
        .map(|p| {
            let extra = i64::from(left_over > 0);
            left_over -= extra;
            PartnerShare {
                partner: p.id,
                percent: Percent::from_hundredths(each + extra),
            }
        })
        .collect()
}
