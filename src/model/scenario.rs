//! Scenarios (a named, complete set of inputs) and the model that holds several of them, one
//! the base the others are compared against. This is the shape saved to JSON files.

use super::format::{MoneyDisplay, MoneyStyle};
use serde::{Deserialize, Serialize};

use super::contribution::Contribution;
use super::cow_rc::CowRc;
use super::linked::Link;
use super::paper::BoardPaper;
use super::partner::{Partner, PartnerId};
use super::pool::{Pool, PoolId};
use super::spend::{RingFenceRequirement, SpendLine};
use super::uncertainty::Uncertainty;
use super::year::Horizon;
use crate::model::saved_names::saved_names;

/// The version of the saved format. Raise it when a change would make older readers misread a
/// file; see `docs/model-format.md` for the migration policy.
/// The saved model's format (docs/model-format.md, "Versions and migration"):
/// - 2: a line's budget is an amount per year (with first and last years, reference, provider,
///   funding source and notes), forecasts may be typed as spend, and the model says how
///   forecasts are typed. Version 1 is migrated on reading (`codec::saved`).
/// - 3 (issue #14): how money is shown (`money_display`) and the board paper's title block
///   (`paper`).
/// - 4 (issue #15): an option may be based on another and hold only its overrides (`link`).
/// - 5 (issue #16): ranges on forecasts and the simulation's settings (`uncertainty`).
///
/// Each of 3–5 only adds optional fields, which an older file lacks and reads as their
/// defaults; the version still rises, so that an older modeller refuses a newer file rather
/// than dropping what it cannot read when it saves again.
pub const SCHEMA_VERSION: u32 = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ScenarioId(pub u32);

/// One option a board might choose: every partner, pool, contribution and spending line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: ScenarioId,
    /// "Option A: 50:50 risk share".
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub horizon: Horizon,
    #[serde(default)]
    pub partners: Vec<Partner>,
    #[serde(default)]
    pub pools: Vec<Pool>,
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    #[serde(default)]
    pub lines: Vec<SpendLine>,
    #[serde(default)]
    pub ring_fences: Vec<RingFenceRequirement>,
    /// The option this one is based on, and what it changes there (`model::linked`). Its
    /// lists above are then kept resolved in memory, and saved empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
}

impl Scenario {
    /// An option with nothing in it yet.
    pub fn empty(id: ScenarioId, name: &str, horizon: Horizon) -> Scenario {
        Scenario {
            id,
            name: name.to_string(),
            description: String::new(),
            horizon,
            partners: Vec::new(),
            pools: Vec::new(),
            contributions: Vec::new(),
            lines: Vec::new(),
            ring_fences: Vec::new(),
            link: None,
        }
    }

    pub fn partner(&self, id: PartnerId) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    pub fn pool(&self, id: PoolId) -> Option<&Pool> {
        self.pools.iter().find(|p| p.id == id)
    }
}

/// Everything a user works on: several scenarios, one of them the base.
/// How the person types a forecast: the spend in the year (the outturn), or the over- or
/// underspend against plan. Each forecast keeps the kind it was typed as; this decides how
/// new typing is read, and what the grid offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ForecastEntry {
    /// Over (+) or under (−) plan, as an amount or a percentage (how version 1 read forecasts).
    #[default]
    Variance,
    /// The forecast spend in the year.
    Spend,
}

saved_names!(ForecastEntry {
    Variance => "variance",
    Spend => "spend",
});

impl ForecastEntry {
    pub fn is_variance(&self) -> bool {
        *self == ForecastEntry::Variance
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub schema_version: u32,
    pub name: String,
    /// Shared between copies of the model until changed (`CowRc`): an edit copies only the
    /// option it changes.
    pub scenarios: Vec<CowRc<Scenario>>,
    pub base_scenario: ScenarioId,
    #[serde(default, skip_serializing_if = "ForecastEntry::is_variance")]
    pub forecast_entry: ForecastEntry,
    /// The board paper's title block (docs/model-format.md).
    #[serde(default, skip_serializing_if = "BoardPaper::is_default")]
    pub paper: BoardPaper,
    /// Ranges on forecasts and the simulation's settings (schema version 5).
    #[serde(default, skip_serializing_if = "Uncertainty::is_default")]
    pub uncertainty: Uncertainty,
    /// How money is shown: pounds, £000 or £m, and negatives with a minus sign or in brackets.
    #[serde(default, skip_serializing_if = "MoneyDisplay::is_default")]
    pub money_display: MoneyDisplay,
}

impl Model {
    /// The one money formatter for this model's tables, charts and board paper.
    pub fn money_style(&self) -> MoneyStyle {
        self.money_display.style()
    }

    pub fn scenario(&self, id: ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().map(|s| &**s).find(|s| s.id == id)
    }

    /// The base scenario, if its id names one.
    pub fn base(&self) -> Option<&Scenario> {
        self.scenario(self.base_scenario)
    }

    /// Option `id`, or the first option if no option has that id (a stale id): the option the
    /// modeller shows for `id`.
    pub fn scenario_or_first(&self, id: ScenarioId) -> Option<&CowRc<Scenario>> {
        self.scenarios
            .iter()
            .find(|s| s.id == id)
            .or_else(|| self.scenarios.first())
    }
}
