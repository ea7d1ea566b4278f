//! Starter templates: realistic pools a finance lead can begin from, each with three options to
//! compare. Figures are illustrative (the titles say so), drawn from the reference model so
//! every template passes `validate` (tested in tests/model_templates.rs).

use super::contribution::AmountRule;
use super::fixtures::{reference_base, reference_model};
use super::linked::{Changed, Changes, Field, Link, Overrides};
use super::paper::{BoardPaper, ILLUSTRATIVE};
use super::partner::PartnerId;
use super::pool::PoolId;
use super::risk::RiskShare;
use super::scenario::{ForecastEntry, Model, Scenario, ScenarioId, SCHEMA_VERSION};
use super::spend::MinimumRule;
use super::year::FinancialYear;

pub struct Template {
    pub title: &'static str,
    pub model: Model,
}

/// Titles in the order `all` returns them, for menus that need no models.
pub const TITLES: [&str; 4] = [
    "Better Care Fund pool (illustrative figures)",
    "Integrated children's 0-19 health pool (illustrative figures)",
    "Place-based locality pool (illustrative figures)",
    "Three pools together: City and Hackney (illustrative figures)",
];

pub fn all() -> Vec<Template> {
    let reference = reference_model();
    let Some(base) = reference.base().cloned() else {
        return Vec::new();
    };
    let bcf = better_care_fund(&base);
    // The 0-19 pool is hosted by the NHS trust and runs five years from 2022/23.
    let children = single_pool(
        &base,
        PoolId(2),
        Some(PartnerId(3)),
        Some(FinancialYear(2022)),
    );
    let locality = single_pool(&base, PoolId(3), None, None);
    let [bcf_title, children_title, locality_title, all_title] = TITLES;
    vec![
        Template {
            title: bcf_title,
            model: bcf,
        },
        Template {
            title: children_title,
            model: options("Integrated children's 0-19 health pool", &children),
        },
        Template {
            title: locality_title,
            model: options("North Hackney locality pool", &locality),
        },
        Template {
            title: all_title,
            model: Model {
                paper: illustrative(),
                ..reference
            },
        },
    ]
}

/// The first template alone (what a first visit opens), without building the others or the
/// reference model's other options.
pub fn first() -> Option<Model> {
    Some(better_care_fund(&reference_base()))
}

fn better_care_fund(base: &Scenario) -> Model {
    options(
        "Better Care Fund",
        &single_pool(base, PoolId(1), None, None),
    )
}

/// A template's board paper says its figures are illustrative, on the first screen and in print,
/// until someone types another status.
fn illustrative() -> BoardPaper {
    BoardPaper {
        status: ILLUSTRATIVE.to_string(),
        ..BoardPaper::default()
    }
}

/// Option A keeps the pool's own rule; B shares pro rata; C leaves it all with the host. B and
/// C are based on A (issue #15): each holds only its rule, so a correction to A reaches both.
fn options(name: &str, scenario: &Scenario) -> Model {
    let rules = [
        ("Option A: as agreed", None),
        (
            "Option B: pro rata",
            Some(RiskShare::ProRata { capped: false }),
        ),
        ("Option C: host bears", Some(RiskShare::HostBears)),
    ];
    let scenarios = rules
        .into_iter()
        .zip(1..)
        .map(|((title, rule), id)| {
            let mut option = scenario.clone();
            option.id = ScenarioId(id);
            option.name = title.to_string();
            if let Some(rule) = rule {
                option.link = Some(rule_only(&mut option, rule));
            }
            option.into()
        })
        .collect();
    Model {
        schema_version: SCHEMA_VERSION,
        name: name.to_string(),
        scenarios,
        base_scenario: ScenarioId(1),
        forecast_entry: ForecastEntry::Spend,
        paper: illustrative(),
        uncertainty: Default::default(),
        money_display: Default::default(),
    }
}

/// Gives every pool of `option` (a copy of option 1) `rule`, and returns its link to option 1:
/// the pools whose rule changed, with only `risk_share` overridden. This is what
/// `linked::link_to` finds by comparing the two options (tests/model_templates.rs checks it for
/// every template); built directly, a first visit does not compare two whole options before its
/// figures show (docs/benchmarks.md, 2).
fn rule_only(option: &mut Scenario, rule: RiskShare) -> Link {
    let mut pools = Changes::default();
    for pool in &mut option.pools {
        if pool.risk_share != rule {
            pool.risk_share = rule.clone();
            pools.changed.push(Changed {
                key: pool.id,
                fields: vec![Field::whole("risk_share")],
                item: pool.clone(),
            });
        }
    }
    Link {
        based_on: ScenarioId(1),
        overrides: Overrides {
            pools,
            ..Overrides::default()
        },
    }
}

/// `base` cut down to one pool and the partners it involves, optionally with another host and
/// starting in another year (explicit per-year amounts and forecasts move with it).
fn single_pool(
    base: &Scenario,
    pool: PoolId,
    host: Option<PartnerId>,
    start: Option<FinancialYear>,
) -> Scenario {
    let mut s = base.clone();
    s.pools.retain(|p| p.id == pool);
    s.contributions.retain(|c| c.pool == pool);
    s.lines.retain(|l| l.pool == pool);
    s.ring_fences.retain(|r| r.pool == pool);
    if let Some(host) = host {
        for p in &mut s.pools {
            p.host = host;
        }
    }
    let involved = |id: PartnerId, s: &Scenario| {
        s.pools.iter().any(|p| p.host == id)
            || s.contributions.iter().any(|c| c.partner == id)
            || s.lines.iter().any(|l| l.commissioner == id)
            || s.pools
                .iter()
                .filter_map(|p| p.risk_share.fixed_shares())
                .any(|shares| shares.iter().any(|sh| sh.partner == id))
    };
    let keep: Vec<PartnerId> = s
        .partners
        .iter()
        .map(|p| p.id)
        .filter(|id| involved(*id, &s))
        .collect();
    s.partners.retain(|p| keep.contains(&p.id));
    if let Some(start) = start {
        move_to(&mut s, start);
    }
    s
}

fn move_to(s: &mut Scenario, start: FinancialYear) {
    let offset = i32::from(start.0) - i32::from(s.horizon.start.0);
    let shift = |year: &mut FinancialYear| {
        year.0 = u16::try_from(i32::from(year.0) + offset).unwrap_or(year.0);
    };
    s.horizon.start = start;
    let rules =
        s.contributions
            .iter_mut()
            .map(|c| &mut c.rule)
            .chain(
                s.ring_fences
                    .iter_mut()
                    .filter_map(|r| match &mut r.minimum {
                        MinimumRule::Amount { rule } => Some(rule),
                        MinimumRule::ShareOfStream { .. } => None,
                    }),
            );
    for rule in rules {
        if let AmountRule::PerYear { amounts } = rule {
            amounts.iter_mut().for_each(|a| shift(&mut a.year));
        }
    }
    for line in &mut s.lines {
        line.forecast.iter_mut().for_each(|f| shift(&mut f.year));
        line.budget.iter_mut().for_each(|b| shift(&mut b.year));
        line.first_year.iter_mut().for_each(shift);
        line.last_year.iter_mut().for_each(shift);
    }
}

/// A model with nothing in it yet: one option over three years from 2025/26.
pub fn blank() -> Model {
    Model {
        schema_version: SCHEMA_VERSION,
        name: "New pooled budget".to_string(),
        scenarios: vec![Scenario::empty(
            ScenarioId(1),
            "Option A",
            super::year::Horizon::new(FinancialYear(2025), 3),
        )
        .into()],
        base_scenario: ScenarioId(1),
        forecast_entry: ForecastEntry::Spend,
        paper: BoardPaper::default(),
        uncertainty: Default::default(),
        money_display: Default::default(),
    }
}
