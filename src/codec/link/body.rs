//! The body of a version 1 link: the model in a compact binary form, before compression.
//! docs/link-format.md describes every field in the order written here.

use super::diff::{read_list, write_list, ListLimit};
use super::items::{
    read_contributions, read_lines, read_partners, read_pools, read_ring_fences,
    write_contributions, write_lines, write_partners, write_pools, write_ring_fences,
};
use super::wire::{BodyError, Read, Reader, Writer};
use crate::model::limits::{self, Limited};
use crate::model::{
    AmountRule, FinancialYear, Horizon, MinimumRule, Model, RingFenceRequirement, RiskShare,
    Scenario, ScenarioId, Split,
};

/// Writes the model. With `differences`, scenarios after the first are written as edits to the
/// first; without, every scenario is written in full (as edits to nothing) — both read alike.
pub(super) fn write_model(model: &Model, selected: ScenarioId, differences: bool) -> Vec<u8> {
    let mut w = Writer::default();
    w.number(model.schema_version);
    w.string(&model.name);
    w.number(model.base_scenario.0);
    w.number(selected.0);
    w.count(model.scenarios.len());
    let empty = Scenario {
        id: ScenarioId(0),
        name: String::new(),
        description: String::new(),
        horizon: Horizon::new(FinancialYear(0), 0),
        partners: Vec::new(),
        pools: Vec::new(),
        contributions: Vec::new(),
        lines: Vec::new(),
        ring_fences: Vec::new(),
    };
    for (index, scenario) in model.scenarios.iter().enumerate() {
        let base = match model.scenarios.first() {
            Some(first) if differences && index > 0 => first,
            _ => &empty,
        };
        write_scenario(&mut w, scenario, base);
    }
    w.finish()
}

pub(super) fn read_model(bytes: &[u8]) -> Read<(Model, ScenarioId)> {
    let mut r = Reader::new(bytes)?;
    let schema_version = r.number("the format version of the model")?;
    let name = r.string("the model's name")?;
    let base_scenario = ScenarioId(r.number("the base scenario")?);
    let selected = ScenarioId(r.number("the selected scenario")?);
    let count = r.count("the number of scenarios")?;
    limits::at_most(Limited::Options, count, None).map_err(BodyError::OverLimit)?;
    let mut scenarios: Vec<Scenario> = Vec::new();
    for option in 0..count {
        let scenario = read_scenario(&mut r, scenarios.first(), option)?;
        scenarios.push(scenario);
    }
    if !r.is_at_end() {
        return Err(BodyError::Malformed("data follows the model"));
    }
    let model = Model {
        schema_version,
        name,
        scenarios,
        base_scenario,
    };
    Ok((model, selected))
}

// Adding a field to a scenario or the model fails to compile here: add it to the format too.
const _: fn(&Model) = |m| {
    let Model {
        schema_version: _,
        name: _,
        scenarios: _,
        base_scenario: _,
    } = m;
};
const _: fn(&Scenario) = |s| {
    let Scenario {
        id: _,
        name: _,
        description: _,
        horizon: Horizon { start: _, years: _ },
        partners: _,
        pools: _,
        contributions: _,
        lines: _,
        ring_fences: _,
    } = s;
};

fn write_scenario(w: &mut Writer, scenario: &Scenario, base: &Scenario) {
    let start = scenario.horizon.start.0;
    w.number(scenario.id.0);
    w.string(&scenario.name);
    w.string(&scenario.description);
    w.number(start);
    w.number(scenario.horizon.years);
    let (old, new) = (&base.partners, &scenario.partners);
    write_list(w, old, new, |a, b| a.id == b.id, write_partners);
    write_list(
        w,
        &base.pools,
        &scenario.pools,
        |a, b| a.id == b.id,
        write_pools,
    );
    let (old, new) = (&base.contributions, &scenario.contributions);
    write_list(
        w,
        old,
        new,
        |a, b| a.id == b.id,
        |w, items| write_contributions(w, items, start),
    );
    let (old, new) = (&base.lines, &scenario.lines);
    write_list(
        w,
        old,
        new,
        |a, b| a.id == b.id,
        |w, items| write_lines(w, items, start),
    );
    let same_fence = |a: &RingFenceRequirement, b: &RingFenceRequirement| {
        a.pool == b.pool && a.ring_fence == b.ring_fence
    };
    let (old, new) = (&base.ring_fences, &scenario.ring_fences);
    write_list(w, old, new, same_fence, |w, items| {
        write_ring_fences(w, items, start)
    });
}

fn read_scenario(r: &mut Reader, base: Option<&Scenario>, option: usize) -> Read<Scenario> {
    let limit = |what| ListLimit { what, option };
    let id = ScenarioId(r.number("a scenario's id")?);
    let name = r.string("a scenario's name")?;
    let description = r.string("a scenario's description")?;
    let start: u16 = r.number("a scenario's first year")?;
    let years = r.number("a scenario's number of years")?;
    let partners = read_list(
        r,
        base.map_or(&[], |b| &b.partners),
        "the partners",
        limit(Limited::Partners),
        read_partners,
        |p| (0, p.name.len() + p.short_name.len()),
    )?;
    let pools = read_list(
        r,
        base.map_or(&[], |b| &b.pools),
        "the pools",
        limit(Limited::Pools),
        read_pools,
        |p| (risk_share_entries(&p.risk_share), p.name.len()),
    )?;
    let contributions = read_list(
        r,
        base.map_or(&[], |b| &b.contributions),
        "the contributions",
        limit(Limited::Contributions),
        |r, n| read_contributions(r, n, start),
        |c| (rule_entries(&c.rule), c.name.len()),
    )?;
    let lines = read_list(
        r,
        base.map_or(&[], |b| &b.lines),
        "the spending lines",
        limit(Limited::Lines),
        |r, n| read_lines(r, n, start),
        |l| {
            let shares = l.risk_share.as_ref().map_or(0, risk_share_entries);
            (l.forecast.len() + shares, l.name.len())
        },
    )?;
    let ring_fences = read_list(
        r,
        base.map_or(&[], |b| &b.ring_fences),
        "the ring-fences",
        limit(Limited::RingFences),
        |r, n| read_ring_fences(r, n, start),
        |f| match &f.minimum {
            MinimumRule::Amount { rule } => (rule_entries(rule), 0),
            MinimumRule::ShareOfStream { .. } => (0, 0),
        },
    )?;
    Ok(Scenario {
        id,
        name,
        description,
        horizon: Horizon::new(FinancialYear(start), years),
        partners,
        pools,
        contributions,
        lines,
        ring_fences,
    })
}

fn rule_entries(rule: &AmountRule) -> usize {
    match rule {
        AmountRule::PerYear { amounts } => amounts.len(),
        _ => 0,
    }
}

fn risk_share_entries(rule: &RiskShare) -> usize {
    match rule {
        RiskShare::FixedPercentages { shares }
        | RiskShare::Tiered {
            rest: Split::FixedPercentages { shares },
            ..
        }
        | RiskShare::OrderedSteps {
            then: Split::FixedPercentages { shares },
        } => shares.len(),
        _ => 0,
    }
}
