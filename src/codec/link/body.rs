//! The body of a link (format 3; formats 1 and 2 are read too): the model in a compact binary form, before compression.
//! docs/link-format.md describes every field in the order written here.

use super::diff::{read_list, write_list, ListLimit};
use super::items::{
    read_contributions, read_lines, read_partners, read_pools, read_ring_fences,
    write_contributions, write_lines, write_partners, write_pools, write_ring_fences,
};
use super::linked_part::options_as_written;
use super::parts::{read_parts, write_parts};
use super::rules::{read_choice, write_choice, FORECAST_ENTRIES};
use super::wire::{BodyError, Read, Reader, Writer};
use crate::model::limits::{self, Limited};
use crate::model::{
    AmountRule, FinancialYear, ForecastEntry, Horizon, MinimumRule, Model, RingFenceRequirement,
    RiskShare, Scenario, ScenarioId, Split, SCHEMA_VERSION,
};

/// Writes the model. With `differences`, scenarios after the first are written as edits to the
/// first; without, every scenario is written in full (as edits to nothing) — both read alike.
pub(super) fn write_model(model: &Model, selected: ScenarioId, differences: bool) -> Vec<u8> {
    let mut w = Writer::default();
    // The body is always in the current format, whatever version the model was read from.
    w.number(SCHEMA_VERSION);
    w.string(&model.name);
    w.number(model.base_scenario.0);
    w.number(selected.0);
    write_choice(&mut w, &model.forecast_entry, &FORECAST_ENTRIES);
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
        link: None,
    };
    // A linked option's lists are written empty here; optional part 3 carries its overrides.
    let written = options_as_written(model);
    for (index, scenario) in written.scenarios.iter().enumerate() {
        let base = match written.scenarios.first() {
            Some(first) if differences && index > 0 && scenario.link.is_none() => first,
            _ => &empty,
        };
        write_scenario(&mut w, scenario, base);
    }
    write_parts(&mut w, model);
    w.finish()
}

/// Reads a body of link format `version` (1, 2 or 3) into a model of the current schema version.
pub(super) fn read_model(bytes: &[u8], version: u32) -> Read<(Model, ScenarioId)> {
    let mut r = Reader::new(bytes)?;
    // The model's own format version is in the body; what is read is always migrated to the
    // current one (a version 1 link's lines get a budget per year).
    let _schema_version: u32 = r.number("the format version of the model")?;
    let name = r.string("the model's name")?;
    let base_scenario = ScenarioId(r.number("the base scenario")?);
    let selected = ScenarioId(r.number("the selected scenario")?);
    let forecast_entry = if version >= 2 {
        read_choice(&mut r, &FORECAST_ENTRIES, "how forecasts are typed")?
    } else {
        ForecastEntry::Variance
    };
    let count = r.count("the number of scenarios")?;
    limits::at_most(Limited::Options, count, None).map_err(BodyError::OverLimit)?;
    let mut scenarios: Vec<Scenario> = Vec::new();
    for option in 0..count {
        let scenario = read_scenario(&mut r, scenarios.first(), option, version)?;
        scenarios.push(scenario);
    }
    let mut model = Model {
        schema_version: SCHEMA_VERSION,
        name,
        scenarios: scenarios.into_iter().map(Into::into).collect(),
        base_scenario,
        forecast_entry,
        paper: Default::default(),
        uncertainty: Default::default(),
        // Read from its optional part (tag 1) when the link has one.
        money_display: Default::default(),
    };
    if version >= 3 {
        read_parts(&mut r, &mut model)?;
    }
    if !r.is_at_end() {
        return Err(BodyError::Malformed("data follows the model"));
    }
    Ok((model, selected))
}

// Adding a field to a scenario or the model fails to compile here: add it to the format too.
const _: fn(&Model) = |m| {
    let Model {
        schema_version: _,
        name: _,
        scenarios: _,
        base_scenario: _,
        forecast_entry: _,
        paper: _,       // optional part 2 (parts.rs)
        uncertainty: _, // optional part 4 (link/parts.rs)
        // Optional part, tag 1 (parts.rs).
        money_display: _,
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
        link: _,
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
        |w, items| write_lines(w, items, scenario.horizon),
    );
    let same_fence = |a: &RingFenceRequirement, b: &RingFenceRequirement| {
        a.pool == b.pool && a.ring_fence == b.ring_fence
    };
    let (old, new) = (&base.ring_fences, &scenario.ring_fences);
    write_list(w, old, new, same_fence, |w, items| {
        write_ring_fences(w, items, start)
    });
}

fn read_scenario(
    r: &mut Reader,
    base: Option<&Scenario>,
    option: usize,
    version: u32,
) -> Read<Scenario> {
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
        |r, n| read_lines(r, n, Horizon::new(FinancialYear(start), years), version),
        |l| {
            let shares = l.risk_share.as_ref().map_or(0, risk_share_entries);
            let text = l.name.len() + l.reference.len() + l.provider.len() + l.notes.len();
            (l.forecast.len() + l.budget.len() + shares, text)
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
        link: None,
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
