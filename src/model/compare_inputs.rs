//! The inputs that differ between two scenarios, in words, matching items by id:
//! "NHS minimum contribution uplift: 5.66% → 3.9%".

use super::contribution::{AmountRule, Contribution};
use super::format::{format_money, format_percent, MoneyStyle};
use super::linked::{self, Field, ItemRef, Link, Linkable, Override};
use super::money::{Money, Percent};
use super::partner::Partner;
use super::pool::Pool;
use super::scenario::{Model, Scenario};
use super::schemes::SchemeColumn;
use super::spend::LineId;
use super::spend::{RingFenceRequirement, SpendLine};

/// Collects sentences; `field` adds one when a value differs.
struct Changes<'a> {
    sentences: Vec<String>,
    base: &'a Scenario,
    other: &'a Scenario,
}

impl Changes<'_> {
    fn field<T: PartialEq>(
        &mut self,
        label: &str,
        before: &T,
        after: &T,
        show: impl Fn(&T) -> String,
    ) {
        if before != after {
            self.sentences
                .push(format!("{label}: {} → {}", show(before), show(after)));
        }
    }

    fn partner_name(&self, id: super::partner::PartnerId) -> String {
        self.other
            .partner(id)
            .or_else(|| self.base.partner(id))
            .map_or_else(
                || "an unknown partner".to_string(),
                |p| p.label().to_string(),
            )
    }

    fn pool_name(&self, id: super::pool::PoolId) -> String {
        self.other
            .pool(id)
            .or_else(|| self.base.pool(id))
            .map_or_else(|| "an unknown pool".to_string(), |p| p.name.clone())
    }
}

fn money(amount: &Money) -> String {
    format_money(*amount, MoneyStyle::EXACT)
}

fn percent(value: &Percent) -> String {
    format_percent(*value)
}

pub(crate) fn describe_input_changes(base: &Scenario, other: &Scenario) -> Vec<String> {
    let mut changes = Changes {
        sentences: Vec::new(),
        base,
        other,
    };
    changes.field("Plan", &base.horizon, &other.horizon, |h| h.to_string());
    matched(
        &mut changes,
        &base.partners,
        &other.partners,
        |p| p.id,
        |p| p.name.clone(),
        "Partner",
        partner_changes,
    );
    matched(
        &mut changes,
        &base.pools,
        &other.pools,
        |p| p.id,
        |p| p.name.clone(),
        "Pool",
        pool_changes,
    );
    matched(
        &mut changes,
        &base.contributions,
        &other.contributions,
        |c| c.id,
        |c| c.name.clone(),
        "Contribution",
        contribution_changes,
    );
    matched(
        &mut changes,
        &base.lines,
        &other.lines,
        |l| l.id,
        |l| l.name.clone(),
        "Spending line",
        line_changes,
    );
    matched(
        &mut changes,
        &base.ring_fences,
        &other.ring_fences,
        |r| (r.pool, r.ring_fence),
        |r| r.ring_fence.label().to_string(),
        "Ring-fence",
        ring_fence_changes,
    );
    changes.sentences
}

/// Pairs items by key; reports additions and removals, and calls `each` for pairs.
fn matched<'a, T, K: PartialEq>(
    changes: &mut Changes<'a>,
    base: &'a [T],
    other: &'a [T],
    key: impl Fn(&T) -> K,
    name: impl Fn(&T) -> String,
    kind: &str,
    each: fn(&mut Changes<'a>, &T, &T),
) {
    for before in base {
        match other.iter().find(|after| key(after) == key(before)) {
            Some(after) => each(changes, before, after),
            None => changes
                .sentences
                .push(format!("{kind} removed: {}", name(before))),
        }
    }
    for after in other {
        if !base.iter().any(|before| key(before) == key(after)) {
            changes
                .sentences
                .push(format!("{kind} added: {}", name(after)));
        }
    }
}

fn partner_changes(changes: &mut Changes<'_>, before: &Partner, after: &Partner) {
    let label = after.label().to_string();
    changes.field(&format!("{label} name"), &before.name, &after.name, |n| {
        n.clone()
    });
    // Named by its full name: the short name is the label, and is what changed.
    changes.field(
        &format!("{} short name", after.name),
        &before.short_name,
        &after.short_name,
        |n| n.clone(),
    );
    changes.field(&format!("{label} kind"), &before.kind, &after.kind, |k| {
        k.label().to_string()
    });
    changes.field(
        &format!("{label} baseline budget"),
        &before.baseline_budget,
        &after.baseline_budget,
        |b| b.as_ref().map_or_else(|| "none".to_string(), money),
    );
    changes.field(
        &format!("{label} baseline growth"),
        &before.baseline_growth,
        &after.baseline_growth,
        percent,
    );
}

fn pool_changes(changes: &mut Changes<'_>, before: &Pool, after: &Pool) {
    let label = after.name.clone();
    changes.field(&format!("{label} name"), &before.name, &after.name, |n| {
        n.clone()
    });
    changes.field(
        &format!("{label} type"),
        &before.pool_type,
        &after.pool_type,
        |t| t.label().to_string(),
    );
    let (base_host, other_host) = (
        changes.partner_name(before.host),
        changes.partner_name(after.host),
    );
    changes.field(&format!("{label} host"), &base_host, &other_host, |n| {
        n.clone()
    });
    let base_rule = before.risk_share.describe(&changes.base.partners);
    let other_rule = after.risk_share.describe(&changes.other.partners);
    changes.field(
        &format!("{label} risk share"),
        &base_rule,
        &other_rule,
        |r| r.clone(),
    );
    changes.field(
        &format!("{label} underspend"),
        &before.underspend,
        &after.underspend,
        |u| u.label().to_string(),
    );
    changes.field(
        &format!("{label} opening reserve"),
        &before.reserve.opening,
        &after.reserve.opening,
        money,
    );
    changes.field(
        &format!("{label} contingency set aside each year"),
        &before.reserve.set_aside_per_year,
        &after.reserve.set_aside_per_year,
        money,
    );
}

fn contribution_changes(changes: &mut Changes<'_>, before: &Contribution, after: &Contribution) {
    let label = after.name.clone();
    changes.field(&format!("{label} name"), &before.name, &after.name, |n| {
        n.clone()
    });
    let (base_payer, other_payer) = (
        changes.partner_name(before.partner),
        changes.partner_name(after.partner),
    );
    changes.field(
        &format!("{label} paid by"),
        &base_payer,
        &other_payer,
        |n| n.clone(),
    );
    let (base_pool, other_pool) = (
        changes.pool_name(before.pool),
        changes.pool_name(after.pool),
    );
    changes.field(&format!("{label} pool"), &base_pool, &other_pool, |n| {
        n.clone()
    });
    changes.field(
        &format!("{label} funding stream"),
        &before.stream,
        &after.stream,
        |s| s.label().to_string(),
    );
    changes.field(
        &format!("{label} obligation"),
        &before.obligation,
        &after.obligation,
        |o| o.label().to_string(),
    );
    rule_changes(changes, &label, &before.rule, &after.rule);
}

/// Field by field when the rule kind is the same, so a changed uplift reads as just that.
fn rule_changes(changes: &mut Changes<'_>, label: &str, before: &AmountRule, after: &AmountRule) {
    match (before, after) {
        (AmountRule::Fixed { amount: a }, AmountRule::Fixed { amount: b }) => {
            changes.field(label, a, b, money)
        }
        (AmountRule::Uplift { base: a, uplift: x }, AmountRule::Uplift { base: b, uplift: y }) => {
            changes.field(&format!("{label} base"), a, b, money);
            changes.field(&format!("{label} uplift"), x, y, percent);
        }
        (
            AmountRule::PercentOfBaseline { percent: a },
            AmountRule::PercentOfBaseline { percent: b },
        ) => {
            changes.field(&format!("{label} percentage of baseline"), a, b, percent);
        }
        _ => changes.field(label, before, after, |rule| rule.describe()),
    }
}

fn line_changes(changes: &mut Changes<'_>, before: &SpendLine, after: &SpendLine) {
    let label = after.name.clone();
    changes.field(&format!("{label} name"), &before.name, &after.name, |n| {
        n.clone()
    });
    let (base_pool, other_pool) = (
        changes.pool_name(before.pool),
        changes.pool_name(after.pool),
    );
    changes.field(&format!("{label} pool"), &base_pool, &other_pool, |n| {
        n.clone()
    });
    let (base_by, other_by) = (
        changes.partner_name(before.commissioner),
        changes.partner_name(after.commissioner),
    );
    changes.field(&format!("{label} commissioner"), &base_by, &other_by, |n| {
        n.clone()
    });
    for (name, a, b) in [
        ("reference", &before.reference, &after.reference),
        ("provider", &before.provider, &after.provider),
        ("notes", &before.notes, &after.notes),
    ] {
        changes.field(&format!("{label} {name}"), a, b, |t| {
            if t.is_empty() {
                "none".to_string()
            } else {
                t.clone()
            }
        });
    }
    changes.field(
        &format!("{label} funding source"),
        &before.stream,
        &after.stream,
        |s| s.map_or_else(|| "not set".to_string(), |s| s.label().to_string()),
    );
    for (name, a, b) in [
        ("first year", before.first_year, after.first_year),
        ("last year", before.last_year, after.last_year),
    ] {
        changes.field(&format!("{label} {name}"), &a, &b, |y| {
            y.map_or_else(|| "not set".to_string(), |y| y.to_string())
        });
    }
    for year in changes.base.horizon.years().chain(
        changes
            .other
            .horizon
            .years()
            .filter(|y| !changes.base.horizon.contains(*y)),
    ) {
        let (a, b) = (before.budget_in(year), after.budget_in(year));
        changes.field(&format!("{label} budget {year}"), &a, &b, money);
    }
    changes.field(
        &format!("{label} integration savings"),
        &before.savings,
        &after.savings,
        percent,
    );
    changes.field(
        &format!("{label} ring-fence"),
        &before.ring_fence,
        &after.ring_fence,
        |r| r.map_or_else(|| "none".to_string(), |r| r.label().to_string()),
    );
    for year in changes.base.horizon.years().chain(
        changes
            .other
            .horizon
            .years()
            .filter(|y| !changes.base.horizon.contains(*y)),
    ) {
        let (a, b) = (before.outturn(year), after.outturn(year));
        changes.field(&format!("{label} forecast {year}"), &a, &b, |o| {
            o.describe()
        });
    }
    let describe = |rule: &Option<super::risk::RiskShare>, partners: &[Partner]| {
        rule.as_ref().map_or_else(
            || "the pool's risk share".to_string(),
            |r| r.describe(partners),
        )
    };
    let (a, b) = (
        describe(&before.risk_share, &changes.base.partners),
        describe(&after.risk_share, &changes.other.partners),
    );
    changes.field(&format!("{label} risk share"), &a, &b, |r| r.clone());
}

fn ring_fence_changes(
    changes: &mut Changes<'_>,
    before: &RingFenceRequirement,
    after: &RingFenceRequirement,
) {
    let label = format!(
        "{} in {}",
        after.ring_fence.label(),
        changes.pool_name(after.pool)
    );
    changes.field(&label, &before.minimum, &after.minimum, |m| m.describe());
}

/// Each override of a linked option, in words, as "What differs from the base" and the "Changes
/// in this option" panel list them: what the option's figure would be without that override
/// (its base's), and what it is. An override that now equals the base says so.
pub fn describe_overrides(base: &Scenario, option: &Scenario) -> Vec<(Override, String)> {
    let Some(link) = &option.link else {
        return Vec::new();
    };
    linked::overrides_list(&link.overrides)
        .into_iter()
        .map(|what| {
            let sentences = match &what {
                Override::Field(item, field) => one_field(base, option, *item, field)
                    .map(|(before, after)| describe_input_changes(&before, &after)),
                _ => None,
            }
            .unwrap_or_else(|| without_one(base, option, link, &what));
            let text = if sentences.is_empty() {
                format!(
                    "{}: set in this option, the same as the base now",
                    label(option, &what)
                )
            } else {
                sentences.join("; ")
            };
            (what, text)
        })
        .collect()
}

/// The option cut down to the one item `item` (its partners and pools kept, for names), as it
/// is (`after`) and with `field` as the base has it (`before`): describing the pair costs what
/// the item does, not the whole option, for each of hundreds of overridden cells.
fn one_field(
    base: &Scenario,
    option: &Scenario,
    item: ItemRef,
    field: &Field,
) -> Option<(Scenario, Scenario)> {
    fn reverted<T: Linkable>(own: &T, base: &T, field: &Field) -> T {
        let mut item = own.clone();
        item.take(base, field);
        item
    }
    fn find<T: Linkable>(items: &[T], key: T::Key) -> Option<&T> {
        T::keys(items)
            .iter()
            .position(|k| *k == key)
            .and_then(|at| items.get(at))
    }
    fn swapped<T: Linkable>(items: &[T], key: T::Key, by: T) -> Vec<T> {
        let keys = T::keys(items);
        items
            .iter()
            .zip(keys)
            .map(|(i, k)| if k == key { by.clone() } else { i.clone() })
            .collect()
    }
    let mut after = Scenario {
        contributions: Vec::new(),
        lines: Vec::new(),
        ring_fences: Vec::new(),
        link: None,
        partners: option.partners.clone(),
        pools: option.pools.clone(),
        ..Scenario::empty(option.id, &option.name, option.horizon)
    };
    let mut before = after.clone();
    match item {
        ItemRef::Partner(k) => {
            let own = reverted(find(&option.partners, k)?, find(&base.partners, k)?, field);
            before.partners = swapped(&option.partners, k, own);
        }
        ItemRef::Pool(k) => {
            let own = reverted(find(&option.pools, k)?, find(&base.pools, k)?, field);
            before.pools = swapped(&option.pools, k, own);
        }
        ItemRef::Contribution(k) => {
            let own = find(&option.contributions, k)?;
            before.contributions = vec![reverted(own, find(&base.contributions, k)?, field)];
            after.contributions = vec![own.clone()];
        }
        ItemRef::Line(k) => {
            let own = find(&option.lines, k)?;
            before.lines = vec![reverted(own, find(&base.lines, k)?, field)];
            after.lines = vec![own.clone()];
        }
        ItemRef::RingFence(k) => {
            let own = find(&option.ring_fences, k)?;
            before.ring_fences = vec![reverted(own, find(&base.ring_fences, k)?, field)];
            after.ring_fences = vec![own.clone()];
        }
    }
    Some((before, after))
}

/// The sentences for one override the slow way: the whole option with it dropped, compared.
fn without_one(base: &Scenario, option: &Scenario, link: &Link, what: &Override) -> Vec<String> {
    // The option with this one override dropped: its base's figure there.
    let without = Scenario {
        link: Some(Link {
            based_on: base.id,
            overrides: link.overrides.clone(),
        }),
        ..option.clone()
    };
    let mut pair = Model {
        schema_version: 0,
        name: String::new(),
        scenarios: vec![base.clone().into(), without.into()],
        base_scenario: base.id,
        forecast_entry: Default::default(),
        paper: Default::default(),
        uncertainty: Default::default(),
        money_display: Default::default(),
    };
    linked::use_base(&mut pair, option.id, what);
    let before = pair.scenarios.get(1).map_or(base, |s| &**s);
    describe_input_changes(before, option)
}

/// What an override is about, when no value differs to describe it by.
fn label(option: &Scenario, what: &Override) -> String {
    let item = |item: &ItemRef| match item {
        ItemRef::Partner(id) => option
            .partner(*id)
            .map_or_else(|| "A partner".to_string(), |p| p.label().to_string()),
        ItemRef::Pool(id) => option
            .pool(*id)
            .map_or_else(|| "A pool".to_string(), |p| p.name.clone()),
        ItemRef::Contribution(id) => option
            .contributions
            .iter()
            .find(|c| c.id == *id)
            .map_or_else(|| "A contribution".to_string(), |c| c.name.clone()),
        ItemRef::Line(id) => option
            .lines
            .iter()
            .find(|l| l.id == *id)
            .map_or_else(|| "A spending line".to_string(), |l| l.name.clone()),
        ItemRef::RingFence(key) => key.ring_fence.label().to_string(),
    };
    match what {
        Override::Horizon => "Plan years".to_string(),
        Override::Field(of, field) => {
            format!(
                "{} {}",
                item(of),
                String::from(field.clone()).replace('_', " ")
            )
        }
        Override::Added(of) => format!("{} (added)", item(of)),
        Override::Removed(of) => format!("{} (left out)", item(of)),
        Override::Order(_) => "Order".to_string(),
    }
}

/// One grid cell a linked option sets: its column, the override's field, and its words.
pub type ChangedCell = (SchemeColumn, Field, String);

/// The scheme grid's cells a linked option sets itself, line by line, each with the override
/// that sets it (the field as saved: a year's cell, or a whole list) and its words:
/// "changed from base: £1,200,000.00 → £1,350,000.00". Empty for an independent option.
pub fn changed_cells(base: &Scenario, option: &Scenario) -> Vec<(LineId, Vec<ChangedCell>)> {
    let Some(link) = &option.link else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for changed in &link.overrides.lines.changed {
        let (Some(own), Some(was)) = (
            option.lines.iter().find(|l| l.id == changed.key),
            base.lines.iter().find(|l| l.id == changed.key),
        ) else {
            continue;
        };
        let text = |before: String, after: String| format!("changed from base: {before} → {after}");
        let words = |t: &String| {
            if t.is_empty() {
                "none".to_string()
            } else {
                t.clone()
            }
        };
        let mut cells = Vec::new();
        for field in &changed.fields {
            match (field.name.as_str(), field.year) {
                ("name", _) => cells.push((
                    SchemeColumn::Name,
                    field.clone(),
                    text(words(&was.name), words(&own.name)),
                )),
                ("reference", _) => cells.push((
                    SchemeColumn::Reference,
                    field.clone(),
                    text(words(&was.reference), words(&own.reference)),
                )),
                ("provider", _) => cells.push((
                    SchemeColumn::Provider,
                    field.clone(),
                    text(words(&was.provider), words(&own.provider)),
                )),
                ("pool", _) => {
                    let pool = |id| {
                        option
                            .pool(id)
                            .or_else(|| base.pool(id))
                            .map_or_else(|| format!("pool {}", id.0), |p| p.name.clone())
                    };
                    cells.push((
                        SchemeColumn::Pool,
                        field.clone(),
                        text(pool(was.pool), pool(own.pool)),
                    ));
                }
                ("commissioner", _) => {
                    let partner = |id| {
                        option
                            .partner(id)
                            .or_else(|| base.partner(id))
                            .map_or_else(|| format!("partner {}", id.0), |p| p.label().to_string())
                    };
                    cells.push((
                        SchemeColumn::Commissioner,
                        field.clone(),
                        text(partner(was.commissioner), partner(own.commissioner)),
                    ));
                }
                ("stream", _) => {
                    let stream = |s: Option<super::contribution::FundingStream>| {
                        s.map_or_else(|| "not set".to_string(), |s| s.label().to_string())
                    };
                    cells.push((
                        SchemeColumn::Stream,
                        field.clone(),
                        text(stream(was.stream), stream(own.stream)),
                    ));
                }
                ("ring_fence", _) => {
                    let fence = |f: Option<super::spend::RingFence>| {
                        f.map_or_else(|| "none".to_string(), |f| f.label().to_string())
                    };
                    cells.push((
                        SchemeColumn::RingFence,
                        field.clone(),
                        text(fence(was.ring_fence), fence(own.ring_fence)),
                    ));
                }
                ("savings", _) => cells.push((
                    SchemeColumn::Savings,
                    field.clone(),
                    text(percent(&was.savings), percent(&own.savings)),
                )),
                ("budget", year) => {
                    for year in year.map_or_else(|| option.horizon.years().collect(), |y| vec![y]) {
                        cells.push((
                            SchemeColumn::Budget(year),
                            field.clone(),
                            text(money(&was.budget_in(year)), money(&own.budget_in(year))),
                        ));
                    }
                }
                ("forecast", year) => {
                    for year in year.map_or_else(|| option.horizon.years().collect(), |y| vec![y]) {
                        cells.push((
                            SchemeColumn::Forecast(year),
                            field.clone(),
                            text(was.outturn(year).describe(), own.outturn(year).describe()),
                        ));
                    }
                }
                _ => {}
            }
        }
        out.push((changed.key, cells));
    }
    out
}
