//! Repairing a model whose lists repeat an id (hand-edited files, crafted links, old bugs), so
//! every item has its own id and an edit addressed by id reaches the item the person sees.
//!
//! The first item holding an id keeps it, and so does everything that refers to that id: a
//! reference cannot say which of two holders it meant, and `compute` has always read it as the
//! first. Each later holder gets a new id, one above the highest of its kind in any option (so
//! it is not mistaken for another option's item when options are compared). The results are the
//! same before and after, because nothing referred to the later holders.

use std::collections::{HashMap, HashSet};

use super::linked;
use super::scenario::{Model, ScenarioId};

/// The new ids one option's items were given, by (old id, which holder of it: 1 for the
/// second…).
#[derive(Clone, Default)]
struct Renumbered {
    partners: HashMap<(u32, usize), u32>,
    pools: HashMap<(u32, usize), u32>,
    contributions: HashMap<(u32, usize), u32>,
    lines: HashMap<(u32, usize), u32>,
}

impl Renumbered {
    fn is_empty(&self) -> bool {
        self.partners.is_empty()
            && self.pools.is_empty()
            && self.contributions.is_empty()
            && self.lines.is_empty()
    }
}

/// Gives each later holder of an id in `items` a new one: the one its base gave the same holder
/// (`from_base`) when this option does not already use it, else a fresh one from `used`.
fn repair_list<T>(
    items: &mut [T],
    id: impl Fn(&mut T) -> &mut u32,
    name: impl Fn(&T) -> &str,
    used: &mut HashSet<u32>,
    from_base: &HashMap<(u32, usize), u32>,
    mut notice: impl FnMut(usize, &str, u32, u32),
) -> HashMap<(u32, usize), u32> {
    let mut held: HashSet<u32> = items.iter_mut().map(|item| *id(item)).collect();
    let mut seen: HashMap<u32, usize> = HashMap::new();
    let mut done = HashMap::new();
    for (position, item) in items.iter_mut().enumerate() {
        let old = *id(item);
        let holder = seen.entry(old).or_insert(0);
        let nth = *holder;
        *holder += 1;
        if nth == 0 {
            continue;
        }
        let new = match from_base.get(&(old, nth)) {
            Some(new) if !held.contains(new) => *new,
            _ => claim(used),
        };
        held.insert(new);
        notice(position, name(item), old, new);
        *id(item) = new;
        done.insert((old, nth), new);
    }
    done
}

/// Whether `repair_duplicate_ids` has anything to do: two options with one id, or two items of
/// one list in an option (partners, pools, contributions, schemes) with one id.
pub fn has_duplicate_ids(model: &Model) -> bool {
    fn repeats(mut ids: impl Iterator<Item = u32>) -> bool {
        let mut seen = HashSet::new();
        !ids.all(|id| seen.insert(id))
    }
    repeats(model.scenarios.iter().map(|s| s.id.0))
        || model.scenarios.iter().any(|s| {
            repeats(s.partners.iter().map(|p| p.id.0))
                || repeats(s.pools.iter().map(|p| p.id.0))
                || repeats(s.contributions.iter().map(|c| c.id.0))
                || repeats(s.lines.iter().map(|l| l.id.0))
        })
}

/// Gives every repeated id after its first holder a new one; one sentence per change, in the
/// order made, for the person opening the model.
pub fn repair_duplicate_ids(model: &mut Model) -> Vec<String> {
    if !has_duplicate_ids(model) {
        return Vec::new();
    }
    let mut notices = Vec::new();
    let option_ids: Vec<u32> = model.scenarios.iter().map(|s| s.id.0).collect();
    for (position, new) in renumber(&option_ids) {
        if let Some(scenario) = model.scenarios.get_mut(position) {
            notices.push(format!(
                "Option {} ({}) had the same id, {}, as an earlier option; it is now id {new}.",
                position.saturating_add(1),
                quoted(&scenario.name),
                scenario.id.0,
            ));
            scenario.id = ScenarioId(new);
        }
    }

    let options = &model.scenarios;
    let mut partner_ids: HashSet<u32> = options
        .iter()
        .flat_map(|s| &s.partners)
        .map(|p| p.id.0)
        .collect();
    let mut pool_ids: HashSet<u32> = options
        .iter()
        .flat_map(|s| &s.pools)
        .map(|p| p.id.0)
        .collect();
    let mut contribution_ids: HashSet<u32> = options
        .iter()
        .flat_map(|s| &s.contributions)
        .map(|c| c.id.0)
        .collect();
    let mut line_ids: HashSet<u32> = options
        .iter()
        .flat_map(|s| &s.lines)
        .map(|l| l.id.0)
        .collect();

    // Bases before the options based on them: an item a linked option has from its base is
    // renumbered as its base's is (the k-th holder of an id in both gets the same new id), so
    // the option still follows its base there rather than seeming to leave out one item and
    // add another.
    let mut order: Vec<usize> = (0..model.scenarios.len())
        .filter(|at| model.scenarios.get(*at).is_some_and(|s| s.link.is_none()))
        .collect();
    for id in linked::in_chain_order(model) {
        if let Some(at) = model.scenarios.iter().position(|s| s.id == id) {
            order.push(at);
        }
    }
    // And any option whose links cannot be followed (a loop, a missing base: refused on
    // reading, but repair must not depend on that), on its own.
    for at in 0..model.scenarios.len() {
        if !order.contains(&at) {
            order.push(at);
        }
    }
    let mut renumbered: HashMap<ScenarioId, Renumbered> = HashMap::new();
    for at in order {
        let Some(scenario) = model.scenarios.get(at) else {
            continue;
        };
        let from_base = scenario
            .link
            .as_ref()
            .and_then(|l| renumbered.get(&l.based_on))
            .cloned()
            .unwrap_or_default();
        let Some(scenario) = model.scenarios.get_mut(at) else {
            continue;
        };
        let option = quoted(&scenario.name);
        let mut notice = |kind: &str, position: usize, name: &str, old: u32, new: u32| {
            notices.push(format!(
                "In option {option}, {kind} {} ({}) had the same id, {old}, as an earlier \
                 {kind}; it is now id {new}.",
                position.saturating_add(1),
                quoted(name)
            ));
        };
        let done = Renumbered {
            partners: repair_list(
                &mut scenario.partners,
                |p| &mut p.id.0,
                |p| &p.name,
                &mut partner_ids,
                &from_base.partners,
                |position, name, old, new| notice("partner", position, name, old, new),
            ),
            pools: repair_list(
                &mut scenario.pools,
                |p| &mut p.id.0,
                |p| &p.name,
                &mut pool_ids,
                &from_base.pools,
                |position, name, old, new| notice("pool", position, name, old, new),
            ),
            contributions: repair_list(
                &mut scenario.contributions,
                |c| &mut c.id.0,
                |c| &c.name,
                &mut contribution_ids,
                &from_base.contributions,
                |position, name, old, new| notice("contribution", position, name, old, new),
            ),
            lines: repair_list(
                &mut scenario.lines,
                |l| &mut l.id.0,
                |l| &l.name,
                &mut line_ids,
                &from_base.lines,
                |position, name, old, new| notice("spending line", position, name, old, new),
            ),
        };
        let repaired = !done.is_empty();
        let id = scenario.id;
        renumbered.insert(id, done);
        // A linked option's overrides are keyed by id: worked out again from its repaired
        // figures, so none points at an id it no longer has or now means another item.
        if repaired
            || renumbered
                .get(&linked::base_of(model, id).unwrap_or(id))
                .is_some_and(|r| !r.is_empty())
        {
            linked::rekey_overrides(model, id);
        }
    }
    notices
}

/// An id not in `used`: one above the highest, or, if that would pass `u32::MAX`, the lowest
/// free one from 1. Also how new items get their ids (`edit`), so none is ever reused.
pub(crate) fn fresh_id(used: &HashSet<u32>) -> u32 {
    match used.iter().max() {
        None => 1,
        Some(&max) if max < u32::MAX => max + 1,
        // A set of u32s cannot hold every value from 1 up, so the search ends.
        Some(_) => (1..=u32::MAX).find(|id| !used.contains(id)).unwrap_or(0),
    }
}

/// A fresh id, marked as used.
fn claim(used: &mut HashSet<u32>) -> u32 {
    let id = fresh_id(used);
    used.insert(id);
    id
}

/// The positions of ids already held by an earlier item, each with a fresh id for it (fresh
/// among `ids`; callers that need ids fresh across options use [`claim`] instead).
fn renumber(ids: &[u32]) -> Vec<(usize, u32)> {
    let mut used: HashSet<u32> = ids.iter().copied().collect();
    let mut seen = HashSet::new();
    let mut changes = Vec::new();
    for (position, id) in ids.iter().enumerate() {
        if !seen.insert(*id) {
            changes.push((position, claim(&mut used)));
        }
    }
    changes
}

/// ‘Name’ in quotes, cut to 40 characters; "unnamed" when empty.
fn quoted(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        return "unnamed".to_string();
    }
    let mut short: String = name.chars().take(40).collect();
    if name.chars().nth(40).is_some() {
        short.push('…');
    }
    format!("‘{short}’")
}
