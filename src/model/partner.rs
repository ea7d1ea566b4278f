//! Partners: the councils, NHS bodies and others who put money into pools and carry their risk.

use core::fmt;
use serde::{Deserialize, Serialize};

use super::money::{Money, Percent};
use crate::model::saved_names::saved_names;

/// A partner's stable id; references use ids so partners can be reordered or removed safely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnerId(pub u32);

impl super::order::KeyNumber for PartnerId {
    fn number(self) -> u128 {
        u128::from(self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartnerKind {
    Council,
    IntegratedCareBoard,
    NhsTrust,
    PublicHealth,
    VoluntarySector,
    Other,
}

saved_names!(PartnerKind {
    Council => "council",
    IntegratedCareBoard => "integrated_care_board",
    NhsTrust => "nhs_trust",
    PublicHealth => "public_health",
    VoluntarySector => "voluntary_sector",
    Other => "other",
});

impl PartnerKind {
    pub fn label(self) -> &'static str {
        match self {
            PartnerKind::Council => "Council",
            PartnerKind::IntegratedCareBoard => "Integrated care board",
            PartnerKind::NhsTrust => "NHS trust",
            PartnerKind::PublicHealth => "Public health",
            PartnerKind::VoluntarySector => "Voluntary sector",
            PartnerKind::Other => "Other",
        }
    }
}

impl fmt::Display for PartnerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub id: PartnerId,
    /// As the partner is legally named: "London Borough of Hackney".
    pub name: String,
    /// For table headings and charts: "LBH".
    pub short_name: String,
    pub kind: PartnerKind,
    /// The partner's own budget that "percentage of baseline" contributions are taken from, in
    /// the horizon's first year. `None` when no contribution needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_budget: Option<Money>,
    /// Yearly growth of that baseline, compounded and rounded each year.
    #[serde(default, skip_serializing_if = "is_zero_percent")]
    pub baseline_growth: Percent,
}

impl Partner {
    pub fn new(id: u32, name: &str, short_name: &str, kind: PartnerKind) -> Partner {
        Partner {
            id: PartnerId(id),
            name: name.to_string(),
            short_name: short_name.to_string(),
            kind,
            baseline_budget: None,
            baseline_growth: Percent::ZERO,
        }
    }

    /// The full name if there is one, else the short name: what forms and menus show.
    pub fn full_label(&self) -> &str {
        if self.name.trim().is_empty() {
            &self.short_name
        } else {
            &self.name
        }
    }

    /// The short name if there is one, else the full name: what tables and sentences use.
    pub fn label(&self) -> &str {
        if self.short_name.trim().is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }
}

pub(crate) fn is_zero_percent(percent: &Percent) -> bool {
    *percent == Percent::ZERO
}
