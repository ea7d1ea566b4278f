//! Options based on another option (issue #15). A linked option holds only its overrides — the
//! fields and cells it sets itself, the items it adds or leaves out, and its own order when it
//! has one — and takes everything else from its base, so a correction to the base flows into
//! every option that has not changed that figure. In memory each option is kept resolved (full
//! figures), so compute, compare and the editor read it like any other; the overrides are what
//! is saved, and what the option is rebuilt from whenever its base changes.

use core::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::contribution::{Contribution, ContributionId};
use super::order::{self, KeyNumber, KeySet, Places};
use super::partner::{Partner, PartnerId};
use super::pool::{Pool, PoolId};
use super::scenario::{Model, Scenario, ScenarioId};
use super::spend::{LineId, RingFence, RingFenceRequirement, SpendLine};
use super::year::{FinancialYear, Horizon};

/// What makes an option linked: the option it is based on, and what it changes there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub based_on: ScenarioId,
    #[serde(default, skip_serializing_if = "Overrides::is_empty")]
    pub overrides: Overrides,
}

/// One field of an item, or one year's cell of a line's budget or forecast, named as in the
/// saved format: `risk_share`, `budget 2025/26`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Field {
    pub name: String,
    pub year: Option<FinancialYear>,
}

impl Field {
    pub fn whole(name: &str) -> Field {
        Field {
            name: name.to_string(),
            year: None,
        }
    }

    pub fn cell(name: &str, year: FinancialYear) -> Field {
        Field {
            name: name.to_string(),
            year: Some(year),
        }
    }
}

impl From<Field> for String {
    fn from(field: Field) -> String {
        match field.year {
            Some(year) => format!("{} {year}", field.name),
            None => field.name,
        }
    }
}

impl TryFrom<String> for Field {
    type Error = String;

    fn try_from(text: String) -> Result<Field, String> {
        match text.split_once(' ') {
            None => Ok(Field::whole(&text)),
            Some((name, year)) => {
                let year = FinancialYear::try_from(year.to_string()).map_err(|_| {
                    format!("“{text}” names no field: a year is written like 2025/26")
                })?;
                Ok(Field::cell(name, year))
            }
        }
    }
}

/// A ring-fenced minimum has no id: it is known by its pool, its kind and, when a pool has
/// several of one kind, which one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FenceKey {
    pub pool: PoolId,
    pub ring_fence: RingFence,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub nth: u32,
}

impl KeyNumber for FenceKey {
    fn number(self) -> u128 {
        (u128::from(self.pool.0) << 64)
            | (u128::from(self.ring_fence as u8) << 32)
            | u128::from(self.nth)
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// An item kind an option can override field by field.
pub trait Linkable: Clone + PartialEq + Debug {
    type Key: Copy + Ord + Debug + Serialize + DeserializeOwned + KeyNumber;
    /// Fields set whole, by their saved names, in the order share links number them (a new
    /// field goes at the end).
    const FIELDS: &'static [&'static str];
    /// Fields set one year at a time (numbered after `FIELDS` in links).
    const CELLS: &'static [&'static str] = &[];
    fn keys(items: &[Self]) -> Vec<Self::Key>;
    fn plain_differing(a: &Self, b: &Self, out: &mut Vec<Field>);
    fn plain_take(&mut self, from: &Self, name: &str) -> bool;
    /// The fields and cells in which `a` and `b` differ.
    fn differing(a: &Self, b: &Self) -> Vec<Field> {
        let mut out = Vec::new();
        Self::plain_differing(a, b, &mut out);
        out
    }
    /// Sets `field` to `from`'s value; false if there is no such field.
    fn take(&mut self, from: &Self, field: &Field) -> bool {
        field.year.is_none() && self.plain_take(from, &field.name)
    }
}

macro_rules! plain_fields {
    ($($field:ident),* $(,)?) => {
        const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
        fn plain_differing(a: &Self, b: &Self, out: &mut Vec<Field>) {
            $(if a.$field != b.$field {
                out.push(Field::whole(stringify!($field)));
            })*
        }
        fn plain_take(&mut self, from: &Self, name: &str) -> bool {
            match name {
                $(stringify!($field) => self.$field = from.$field.clone(),)*
                _ => return false,
            }
            true
        }
    };
}

impl Linkable for Partner {
    type Key = PartnerId;
    plain_fields!(name, short_name, kind, baseline_budget, baseline_growth);
    fn keys(items: &[Self]) -> Vec<PartnerId> {
        items.iter().map(|i| i.id).collect()
    }
}

impl Linkable for Pool {
    type Key = PoolId;
    plain_fields!(name, pool_type, host, risk_share, underspend, reserve);
    fn keys(items: &[Self]) -> Vec<PoolId> {
        items.iter().map(|i| i.id).collect()
    }
}

impl Linkable for Contribution {
    type Key = ContributionId;
    plain_fields!(name, partner, pool, stream, obligation, rule);
    fn keys(items: &[Self]) -> Vec<ContributionId> {
        items.iter().map(|i| i.id).collect()
    }
}

impl Linkable for RingFenceRequirement {
    type Key = FenceKey;
    plain_fields!(minimum);
    fn keys(items: &[Self]) -> Vec<FenceKey> {
        let mut keys: Vec<FenceKey> = Vec::with_capacity(items.len());
        for item in items {
            let nth = keys
                .iter()
                .filter(|k| k.pool == item.pool && k.ring_fence == item.ring_fence)
                .count();
            keys.push(FenceKey {
                pool: item.pool,
                ring_fence: item.ring_fence,
                nth: u32::try_from(nth).unwrap_or(u32::MAX),
            });
        }
        keys
    }
}

impl Linkable for SpendLine {
    type Key = LineId;
    plain_fields!(
        name,
        reference,
        pool,
        commissioner,
        provider,
        stream,
        first_year,
        last_year,
        savings,
        ring_fence,
        risk_share,
        notes,
    );
    const CELLS: &'static [&'static str] = &["budget", "forecast"];

    fn keys(items: &[Self]) -> Vec<LineId> {
        items.iter().map(|i| i.id).collect()
    }

    /// A budget or forecast differs cell by cell (a grid cell is one override); when either
    /// list is out of year order or repeats a year, which a valid line never does, it differs
    /// as a whole, so resolving gives it back exactly.
    fn differing(a: &Self, b: &Self) -> Vec<Field> {
        let mut out = Vec::new();
        Self::plain_differing(a, b, &mut out);
        cells(&a.budget, &b.budget, |e| e.year, "budget", &mut out);
        cells(&a.forecast, &b.forecast, |e| e.year, "forecast", &mut out);
        out
    }

    fn take(&mut self, from: &Self, field: &Field) -> bool {
        match (field.name.as_str(), field.year) {
            ("budget", None) => self.budget = from.budget.clone(),
            ("forecast", None) => self.forecast = from.forecast.clone(),
            ("budget", Some(year)) => take_cell(&mut self.budget, &from.budget, year, |e| e.year),
            ("forecast", Some(year)) => {
                take_cell(&mut self.forecast, &from.forecast, year, |e| e.year)
            }
            (name, None) => return self.plain_take(from, name),
            _ => return false,
        }
        true
    }
}

fn in_year_order<T>(entries: &[T], year: impl Fn(&T) -> FinancialYear) -> bool {
    entries.windows(2).all(|w| match w {
        [a, b] => year(a) < year(b),
        _ => true,
    })
}

fn cells<T: PartialEq>(
    a: &[T],
    b: &[T],
    year: impl Fn(&T) -> FinancialYear + Copy,
    name: &str,
    out: &mut Vec<Field>,
) {
    if a == b {
        return;
    }
    if !in_year_order(a, year) || !in_year_order(b, year) {
        out.push(Field::whole(name));
        return;
    }
    let mut years: Vec<FinancialYear> = a.iter().chain(b).map(year).collect();
    order::sort_by_key(&mut years, |y| u64::from(y.0));
    years.dedup();
    for y in years {
        if a.iter().find(|e| year(e) == y) != b.iter().find(|e| year(e) == y) {
            out.push(Field::cell(name, y));
        }
    }
}

/// Sets one year's entry of `to` to `from`'s (or none), keeping the years in order.
fn take_cell<T: Clone>(
    to: &mut Vec<T>,
    from: &[T],
    year_of: FinancialYear,
    year: impl Fn(&T) -> FinancialYear,
) {
    to.retain(|e| year(e) != year_of);
    if let Some(entry) = from.iter().find(|e| year(e) == year_of) {
        let at = to.partition_point(|e| year(e) < year_of);
        to.insert(at, entry.clone());
    }
}

/// An item of the base whose fields this option sets (only `fields` count), or, in `added`,
/// an item only this option has (whole).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: DeserializeOwned"))]
pub struct Changed<T: Linkable> {
    pub key: T::Key,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    pub item: T,
}

/// What an option changes in one list of its base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: DeserializeOwned"))]
pub struct Changes<T: Linkable> {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<Changed<T>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<Changed<T>>,
    /// The base's items this option leaves out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<T::Key>,
    /// The option's own order of its items, when it is not the base's (with added items last).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<T::Key>>,
}

impl<T: Linkable> Default for Changes<T> {
    fn default() -> Self {
        Changes {
            changed: Vec::new(),
            added: Vec::new(),
            removed: Vec::new(),
            order: None,
        }
    }
}

impl<T: Linkable> Changes<T> {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.order.is_none()
    }

    /// How many overrides these are, each counted as the editor lists them.
    fn count(&self) -> usize {
        self.changed.iter().map(|c| c.fields.len()).sum::<usize>()
            + self.added.len()
            + self.removed.len()
            + usize::from(self.order.is_some())
    }
}

/// Everything a linked option changes in its base.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overrides {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    #[serde(default, skip_serializing_if = "Changes::is_empty")]
    pub partners: Changes<Partner>,
    #[serde(default, skip_serializing_if = "Changes::is_empty")]
    pub pools: Changes<Pool>,
    #[serde(default, skip_serializing_if = "Changes::is_empty")]
    pub contributions: Changes<Contribution>,
    #[serde(default, skip_serializing_if = "Changes::is_empty")]
    pub lines: Changes<SpendLine>,
    #[serde(default, skip_serializing_if = "Changes::is_empty")]
    pub ring_fences: Changes<RingFenceRequirement>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.horizon.is_none()
            && self.partners.is_empty()
            && self.pools.is_empty()
            && self.contributions.is_empty()
            && self.lines.is_empty()
            && self.ring_fences.is_empty()
    }

    /// How many separate overrides (fields, cells, items added or left out, orders).
    pub fn count(&self) -> usize {
        usize::from(self.horizon.is_some())
            + self.partners.count()
            + self.pools.count()
            + self.contributions.count()
            + self.lines.count()
            + self.ring_fences.count()
    }
}

/// The order resolving gives a list: the base's items not left out, then the added ones.
fn natural_order<T: Linkable>(base_keys: &[T::Key], changes: &Changes<T>) -> Vec<T::Key> {
    let added: Vec<T::Key> = changes.added.iter().map(|a| a.key).collect();
    let left_out = KeySet::of(changes.removed.iter().chain(&added).copied());
    base_keys
        .iter()
        .filter(|k| !left_out.contains(**k))
        .copied()
        .chain(added.iter().copied())
        .collect()
}

fn list_resolve<T: Linkable>(base: &[T], changes: &Changes<T>) -> Vec<T> {
    let base_keys = T::keys(base);
    // Lists of hundreds of schemes are matched by lookup.
    let left_out = KeySet::of(
        changes
            .removed
            .iter()
            .copied()
            .chain(changes.added.iter().map(|a| a.key)),
    );
    let changed_at = Places::of(changes.changed.iter().map(|c| c.key));
    let mut items: Vec<(T::Key, T)> = Vec::with_capacity(base.len() + changes.added.len());
    let first = Places::of(base_keys.iter().copied());
    for (at, (key, item)) in base_keys.iter().zip(base).enumerate() {
        if left_out.contains(*key) {
            continue;
        }
        let mut item = item.clone();
        // A key names its first holder (a list repeating an id is repaired on opening).
        let changed = changed_at
            .get(*key)
            .filter(|_| first.get(*key) == Some(at))
            .and_then(|at| changes.changed.get(at));
        if let Some(changed) = changed {
            for field in &changed.fields {
                item.take(&changed.item, field);
            }
        }
        items.push((*key, item));
    }
    items.extend(changes.added.iter().map(|a| (a.key, a.item.clone())));
    if let Some(order) = &changes.order {
        let place = Places::of(order.iter().copied());
        order::sort_by_key(&mut items, |(key, _)| {
            place.get(*key).map_or(u64::MAX, |at| at as u64)
        });
    }
    items.into_iter().map(|(_, item)| item).collect()
}

fn list_differences<T: Linkable>(base: &[T], option: &[T], keep: &Changes<T>) -> Changes<T> {
    let base_keys = T::keys(base);
    let option_keys = T::keys(option);
    let in_option = KeySet::of(option_keys.iter().copied());
    let base_at = Places::of(base_keys.iter().copied());
    let was_added = KeySet::of(keep.added.iter().map(|a| a.key));
    let kept_at = Places::of(keep.changed.iter().map(|c| c.key));
    let mut changes = Changes {
        removed: base_keys
            .iter()
            .filter(|k| !in_option.contains(**k))
            .copied()
            .collect(),
        ..Changes::default()
    };
    // The k-th holder of a key in the option is matched with the k-th in the base (a list
    // repeating an id, before it is repaired, is then read back as it was).
    let mut holders = Places::default();
    let base_nth = |key: &T::Key, nth: usize| {
        base_keys
            .iter()
            .zip(base)
            .filter(|(k, _)| *k == key)
            .nth(nth)
            .map(|(_, item)| item)
    };
    for (key, item) in option_keys.iter().zip(option) {
        let nth = holders.count(*key);
        let base_item = if nth == 0 {
            base_at.get(*key).and_then(|i| base.get(i))
        } else {
            base_nth(key, nth)
        };
        if nth > 0 && base_item.is_some_and(|b| b == item) {
            continue;
        }
        match base_item {
            Some(base_item) if !was_added.contains(*key) => {
                let mut fields = T::differing(base_item, item);
                if let Some(kept) = kept_at.get(*key).and_then(|at| keep.changed.get(at)) {
                    for field in &kept.fields {
                        let covered = fields.contains(field)
                            || (field.year.is_some()
                                && fields
                                    .iter()
                                    .any(|f| f.name == field.name && f.year.is_none()));
                        if !covered {
                            fields.push(field.clone());
                        }
                    }
                }
                if !fields.is_empty() {
                    fields.sort();
                    changes.changed.push(Changed {
                        key: *key,
                        fields,
                        item: item.clone(),
                    });
                }
            }
            _ => changes.added.push(Changed {
                key: *key,
                fields: Vec::new(),
                item: item.clone(),
            }),
        }
    }
    if natural_order(&base_keys, &changes) != option_keys {
        changes.order = Some(option_keys);
    }
    changes
}

/// What `option` changes in `base`: every field and cell that differs, the items it adds and
/// leaves out, and its order if that is its own.
pub fn differences(base: &Scenario, option: &Scenario) -> Overrides {
    differences_keeping(base, option, &Overrides::default())
}

/// As [`differences`], also keeping every field `keep` sets even where it now equals the base
/// (an override stays until "Use the base's value" drops it).
pub fn differences_keeping(base: &Scenario, option: &Scenario, keep: &Overrides) -> Overrides {
    Overrides {
        horizon: (option.horizon != base.horizon || keep.horizon.is_some())
            .then_some(option.horizon),
        partners: list_differences(&base.partners, &option.partners, &keep.partners),
        pools: list_differences(&base.pools, &option.pools, &keep.pools),
        contributions: list_differences(
            &base.contributions,
            &option.contributions,
            &keep.contributions,
        ),
        lines: list_differences(&base.lines, &option.lines, &keep.lines),
        ring_fences: list_differences(&base.ring_fences, &option.ring_fences, &keep.ring_fences),
    }
}

/// The base with `overrides` applied: its figures as the option has them. The option's own
/// id, name and description are not overrides; the result has the base's.
pub fn resolve(base: &Scenario, overrides: &Overrides) -> Scenario {
    Scenario {
        id: base.id,
        name: base.name.clone(),
        description: base.description.clone(),
        horizon: overrides.horizon.unwrap_or(base.horizon),
        partners: list_resolve(&base.partners, &overrides.partners),
        pools: list_resolve(&base.pools, &overrides.pools),
        contributions: list_resolve(&base.contributions, &overrides.contributions),
        lines: list_resolve(&base.lines, &overrides.lines),
        ring_fences: list_resolve(&base.ring_fences, &overrides.ring_fences),
        link: None,
    }
}

/// `option` rebuilt from `base` and its own overrides (its id, name and link kept).
fn rebuilt(base: &Scenario, option: &Scenario, overrides: &Overrides) -> Scenario {
    Scenario {
        id: option.id,
        name: option.name.clone(),
        description: option.description.clone(),
        link: option.link.clone(),
        ..resolve(base, overrides)
    }
}

/// Why the options' links cannot be followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainProblem {
    /// Option (by position) is based on an id no option has.
    MissingBase { option: String, base: ScenarioId },
    /// These options are based on each other in a loop (names in order).
    Loop(Vec<String>),
    /// An override names a field this version does not know.
    UnknownField { option: String, field: String },
}

impl core::fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ChainProblem::MissingBase { option, base } => write!(
                f,
                "Option ‘{option}’ is based on option {}, which is not in the model. Make ‘{option}’ independent, or link it to an option that is there.",
                base.0
            ),
            ChainProblem::Loop(names) => write!(
                f,
                "Options {} are based on each other in a loop, so none of them has a base to start from. Make one of them independent.",
                quoted(names, " → ")
            ),
            ChainProblem::UnknownField { option, field } => write!(
                f,
                "Option ‘{option}’ changes a field this version does not know (“{field}”). Open the model with the version that made it."
            ),
        }
    }
}

/// Option names in quotes, joined by `between`: "‘A’ → ‘B’".
pub fn quoted(names: &[String], between: &str) -> String {
    names
        .iter()
        .map(|n| format!("‘{n}’"))
        .collect::<Vec<_>>()
        .join(between)
}

/// The option `id` is based on, if it is linked.
pub fn base_of(model: &Model, id: ScenarioId) -> Option<ScenarioId> {
    model
        .scenario(id)
        .and_then(|s| s.link.as_ref())
        .map(|l| l.based_on)
}

/// The options based directly on `id`.
pub fn dependents(model: &Model, id: ScenarioId) -> Vec<ScenarioId> {
    model
        .scenarios
        .iter()
        .filter(|s| s.link.as_ref().is_some_and(|l| l.based_on == id))
        .map(|s| s.id)
        .collect()
}

/// Whether `id` is `ancestor` or based on it, directly or through other options.
pub fn depends_on(model: &Model, id: ScenarioId, ancestor: ScenarioId) -> bool {
    let mut at = Some(id);
    for _ in 0..=model.scenarios.len() {
        match at {
            Some(current) if current == ancestor => return true,
            Some(current) => at = base_of(model, current),
            None => return false,
        }
    }
    false
}

fn name_of(model: &Model, id: ScenarioId) -> String {
    model
        .scenario(id)
        .map_or_else(|| format!("option {}", id.0), |s| s.name.clone())
}

/// The first problem with the options' links, if any: a base that is not there, or a loop.
pub fn chain_problem(model: &Model) -> Option<ChainProblem> {
    chain_problem_at(model).map(|(_, problem)| problem)
}

/// The first problem with the options' links and the position of the option whose "based on"
/// has it (the option whose base is missing, or the first option found in a loop).
pub fn chain_problem_at(model: &Model) -> Option<(usize, ChainProblem)> {
    for (position, scenario) in model.scenarios.iter().enumerate() {
        let Some(link) = &scenario.link else { continue };
        if model.scenario(link.based_on).is_none() {
            return Some((
                position,
                ChainProblem::MissingBase {
                    option: scenario.name.clone(),
                    base: link.based_on,
                },
            ));
        }
        // Follow the chain: more steps than options means it loops.
        let mut path = vec![scenario.id];
        let mut at = link.based_on;
        loop {
            if let Some(start) = path.iter().position(|p| *p == at) {
                let mut names: Vec<String> = path
                    .get(start..)
                    .unwrap_or_default()
                    .iter()
                    .map(|id| name_of(model, *id))
                    .collect();
                names.push(name_of(model, at));
                return Some((position, ChainProblem::Loop(names)));
            }
            path.push(at);
            match base_of(model, at) {
                Some(next) => at = next,
                None => break,
            }
        }
    }
    None
}

fn unknown_field<T: Linkable>(changes: &Changes<T>) -> Option<String> {
    changes
        .changed
        .iter()
        .flat_map(|c| c.fields.iter())
        .find(|f| match f.year {
            None => !T::FIELDS.contains(&f.name.as_str()) && !T::CELLS.contains(&f.name.as_str()),
            Some(_) => !T::CELLS.contains(&f.name.as_str()),
        })
        .map(|f| String::from(f.clone()))
}

fn unknown_in(overrides: &Overrides) -> Option<String> {
    unknown_field(&overrides.partners)
        .or_else(|| unknown_field(&overrides.pools))
        .or_else(|| unknown_field(&overrides.contributions))
        .or_else(|| unknown_field(&overrides.lines))
        .or_else(|| unknown_field(&overrides.ring_fences))
}

/// The linked options in an order where each comes after its base.
pub(crate) fn in_chain_order(model: &Model) -> Vec<ScenarioId> {
    let mut done: Vec<ScenarioId> = Vec::new();
    let linked: Vec<ScenarioId> = model
        .scenarios
        .iter()
        .filter(|s| s.link.is_some())
        .map(|s| s.id)
        .collect();
    for _ in 0..linked.len() {
        for id in &linked {
            let ready = base_of(model, *id)
                .is_some_and(|base| base_of(model, base).is_none() || done.contains(&base));
            if ready && !done.contains(id) {
                done.push(*id);
            }
        }
    }
    done
}

/// Fills every linked option's figures from its base and overrides (a model just read from a
/// file or link holds only the overrides), and writes its overrides again in their one form
/// (each changed item whole, as the option has it). Refuses a model whose links cannot be
/// followed.
pub fn materialise(model: &mut Model) -> Result<(), ChainProblem> {
    fill(model)?;
    for id in in_chain_order(model) {
        record_overrides(model, id);
    }
    Ok(())
}

/// As `materialise`, with the overrides left as they were read: the same options and figures
/// (an option's overrides say what it changes, never what it holds). For the first screen
/// (`src/first.rs`), which never writes them and so need not carry the code that works them
/// out again. The modeller saves overrides in their one form, so for what it saved the model
/// is exactly what `materialise` makes (tests/app_persistence.rs).
pub fn fill(model: &mut Model) -> Result<(), ChainProblem> {
    if let Some(problem) = chain_problem(model) {
        return Err(problem);
    }
    for scenario in &model.scenarios {
        if let Some(field) = scenario
            .link
            .as_ref()
            .and_then(|l| unknown_in(&l.overrides))
        {
            return Err(ChainProblem::UnknownField {
                option: scenario.name.clone(),
                field,
            });
        }
    }
    for id in in_chain_order(model) {
        rebuild(model, id);
    }
    Ok(())
}

/// Rebuilds option `id` from its base and its stored overrides.
fn rebuild(model: &mut Model, id: ScenarioId) {
    let Some(option) = model.scenario(id) else {
        return;
    };
    let Some(link) = &option.link else { return };
    let Some(base) = model.scenario(link.based_on) else {
        return;
    };
    let fresh = rebuilt(base, option, &link.overrides);
    if let Some(slot) = model.scenarios.iter_mut().find(|s| s.id == id) {
        *slot = fresh.into();
    }
}

/// After option `id` was edited: if it is linked, what it changes in its base is worked out
/// again (fields it already set stay set); then every option based on it, directly or through
/// others, is rebuilt, so a correction to a base reaches them all at once.
pub fn after_edit(model: &mut Model, id: ScenarioId) {
    record_overrides(model, id);
    refresh_dependents(model, id);
}

/// After option `id`'s items (or its base's) were given new ids (`repair`): its overrides are
/// worked out again from its figures as they now are. Overrides of ids it no longer has are
/// dropped, and an item it added is matched by id again, so no override means another item.
pub(crate) fn rekey_overrides(model: &mut Model, id: ScenarioId) {
    let Some(option) = model.scenario(id) else {
        return;
    };
    let Some(link) = &option.link else { return };
    let Some(base) = model.scenario(link.based_on) else {
        return;
    };
    let mut keep = link.overrides.clone();
    fn clean<T: Linkable>(keep: &mut Changes<T>, base: &[T], option: &[T]) {
        let in_base = KeySet::of(T::keys(base));
        let in_option = KeySet::of(T::keys(option));
        keep.changed
            .retain(|c| in_base.contains(c.key) && in_option.contains(c.key));
        keep.added.retain(|a| !in_base.contains(a.key));
    }
    clean(&mut keep.partners, &base.partners, &option.partners);
    clean(&mut keep.pools, &base.pools, &option.pools);
    clean(
        &mut keep.contributions,
        &base.contributions,
        &option.contributions,
    );
    clean(&mut keep.lines, &base.lines, &option.lines);
    clean(
        &mut keep.ring_fences,
        &base.ring_fences,
        &option.ring_fences,
    );
    let overrides = differences_keeping(base, option, &keep);
    set_overrides(model, id, overrides);
}

fn record_overrides(model: &mut Model, id: ScenarioId) {
    let Some(option) = model.scenario(id) else {
        return;
    };
    let Some(link) = &option.link else { return };
    let Some(base) = model.scenario(link.based_on) else {
        return;
    };
    let overrides = differences_keeping(base, option, &link.overrides);
    set_overrides(model, id, overrides);
}

fn set_overrides(model: &mut Model, id: ScenarioId, overrides: Overrides) {
    if let Some(link) = model
        .scenarios
        .iter_mut()
        .find(|s| s.id == id)
        .and_then(|s| s.link.as_mut())
    {
        link.overrides = overrides;
    }
}

/// Rebuilds every option based on `id`, nearest first (each keeps its overrides' items as it
/// now has them, so the model equals itself saved and read back). Loops were refused when made, but the
/// walk stops after as many steps as there are options whatever happens.
pub fn refresh_dependents(model: &mut Model, id: ScenarioId) {
    let mut queue = dependents(model, id);
    let mut steps = 0;
    while let Some(next) = queue.first().copied() {
        queue.remove(0);
        steps += 1;
        if steps > model.scenarios.len() {
            break;
        }
        rebuild(model, next);
        record_overrides(model, next);
        queue.extend(dependents(model, next));
    }
}

/// Makes `id` a full set of figures again (it keeps the figures it has).
pub fn make_independent(model: &mut Model, id: ScenarioId) {
    if let Some(scenario) = model.scenarios.iter_mut().find(|s| s.id == id) {
        scenario.link = None;
    }
}

/// Bases `id` on `base`, keeping its figures: its overrides are what differs from `base`.
/// Refused when `base` is `id` or based on it (that would be a loop).
pub fn link_to(model: &mut Model, id: ScenarioId, base: ScenarioId) -> Result<(), ChainProblem> {
    if depends_on(model, base, id) {
        let mut names = vec![name_of(model, id), name_of(model, base)];
        if base != id {
            names.push(name_of(model, id));
        }
        return Err(ChainProblem::Loop(names));
    }
    let (Some(option), Some(base_scenario)) = (model.scenario(id), model.scenario(base)) else {
        return Err(ChainProblem::MissingBase {
            option: name_of(model, id),
            base,
        });
    };
    let overrides = differences(base_scenario, option);
    if let Some(scenario) = model.scenarios.iter_mut().find(|s| s.id == id) {
        scenario.link = Some(Link {
            based_on: base,
            overrides,
        });
    }
    Ok(())
}

/// One override, as the "Changes in this option" panel lists it and can drop it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Override {
    Horizon,
    Field(ItemRef, Field),
    Added(ItemRef),
    Removed(ItemRef),
    Order(ListKind),
}

/// An item of an option, by kind and key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemRef {
    Partner(PartnerId),
    Pool(PoolId),
    Contribution(ContributionId),
    Line(LineId),
    RingFence(FenceKey),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKind {
    Partners,
    Pools,
    Contributions,
    Lines,
    RingFences,
}

fn list_overrides<T: Linkable>(
    changes: &Changes<T>,
    item: impl Fn(T::Key) -> ItemRef,
    kind: ListKind,
    out: &mut Vec<Override>,
) {
    for changed in &changes.changed {
        for field in &changed.fields {
            out.push(Override::Field(item(changed.key), field.clone()));
        }
    }
    out.extend(changes.added.iter().map(|a| Override::Added(item(a.key))));
    out.extend(changes.removed.iter().map(|k| Override::Removed(item(*k))));
    if changes.order.is_some() {
        out.push(Override::Order(kind));
    }
}

/// Every override, in the order the panel lists them.
pub fn overrides_list(overrides: &Overrides) -> Vec<Override> {
    let mut out = Vec::new();
    if overrides.horizon.is_some() {
        out.push(Override::Horizon);
    }
    list_overrides(
        &overrides.partners,
        ItemRef::Partner,
        ListKind::Partners,
        &mut out,
    );
    list_overrides(&overrides.pools, ItemRef::Pool, ListKind::Pools, &mut out);
    list_overrides(
        &overrides.contributions,
        ItemRef::Contribution,
        ListKind::Contributions,
        &mut out,
    );
    list_overrides(&overrides.lines, ItemRef::Line, ListKind::Lines, &mut out);
    list_overrides(
        &overrides.ring_fences,
        ItemRef::RingFence,
        ListKind::RingFences,
        &mut out,
    );
    out
}

/// Whether `overrides` set this field (or this cell, or its whole list) of `item`.
pub fn is_overridden(overrides: &Overrides, item: ItemRef, field: &Field) -> bool {
    fn check<T: Linkable>(changes: &Changes<T>, key: T::Key, field: &Field) -> bool {
        changes.changed.iter().any(|c| {
            c.key == key
                && c.fields.iter().any(|f| {
                    f == field || (f.name == field.name && f.year.is_none() && field.year.is_some())
                })
        })
    }
    match item {
        ItemRef::Partner(k) => check(&overrides.partners, k, field),
        ItemRef::Pool(k) => check(&overrides.pools, k, field),
        ItemRef::Contribution(k) => check(&overrides.contributions, k, field),
        ItemRef::Line(k) => check(&overrides.lines, k, field),
        ItemRef::RingFence(k) => check(&overrides.ring_fences, k, field),
    }
}

fn drop_in<T: Linkable>(changes: &mut Changes<T>, key: T::Key, what: &Override) {
    match what {
        Override::Field(_, field) => {
            for changed in changes.changed.iter_mut().filter(|c| c.key == key) {
                changed
                    .fields
                    .retain(|f| f != field && !(field.year.is_none() && f.name == field.name));
            }
            changes.changed.retain(|c| !c.fields.is_empty());
        }
        Override::Added(_) => changes.added.retain(|a| a.key != key),
        Override::Removed(_) => changes.removed.retain(|k| *k != key),
        Override::Horizon | Override::Order(_) => {}
    }
}

/// Drops one override of option `id` ("Use the base's value"): the option takes that figure,
/// item or order from its base again, and every option based on it follows. Returns false if
/// the option is not linked.
pub fn use_base(model: &mut Model, id: ScenarioId, what: &Override) -> bool {
    let Some(link) = model
        .scenarios
        .iter_mut()
        .find(|s| s.id == id)
        .and_then(|s| s.link.as_mut())
    else {
        return false;
    };
    let o = &mut link.overrides;
    match what {
        Override::Horizon => o.horizon = None,
        Override::Order(kind) => match kind {
            ListKind::Partners => o.partners.order = None,
            ListKind::Pools => o.pools.order = None,
            ListKind::Contributions => o.contributions.order = None,
            ListKind::Lines => o.lines.order = None,
            ListKind::RingFences => o.ring_fences.order = None,
        },
        Override::Field(item, _) | Override::Added(item) | Override::Removed(item) => match item {
            ItemRef::Partner(k) => drop_in(&mut o.partners, *k, what),
            ItemRef::Pool(k) => drop_in(&mut o.pools, *k, what),
            ItemRef::Contribution(k) => drop_in(&mut o.contributions, *k, what),
            ItemRef::Line(k) => drop_in(&mut o.lines, *k, what),
            ItemRef::RingFence(k) => drop_in(&mut o.ring_fences, *k, what),
        },
    }
    rebuild(model, id);
    record_overrides(model, id);
    refresh_dependents(model, id);
    true
}

/// The model as saved: each linked option's lists left empty (it holds only its overrides;
/// [`materialise`] fills them again on reading).
pub fn saved_form(model: &Model) -> Model {
    let mut saved = model.clone();
    for scenario in saved.scenarios.iter_mut().filter(|s| s.link.is_some()) {
        scenario.partners.clear();
        scenario.pools.clear();
        scenario.contributions.clear();
        scenario.lines.clear();
        scenario.ring_fences.clear();
    }
    saved
}
