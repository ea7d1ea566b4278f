//! Repairing a model whose lists repeat an id (hand-edited files, crafted links, old bugs), so
//! every item has its own id and an edit addressed by id reaches the item the person sees.
//!
//! The first item holding an id keeps it, and so does everything that refers to that id: a
//! reference cannot say which of two holders it meant, and `compute` has always read it as the
//! first. Each later holder gets a new id, one above the highest of its kind in any option (so
//! it is not mistaken for another option's item when options are compared). The results are the
//! same before and after, because nothing referred to the later holders.

use std::collections::HashSet;

use super::scenario::{Model, ScenarioId};

/// Gives every repeated id after its first holder a new one; one sentence per change, in the
/// order made, for the person opening the model.
pub fn repair_duplicate_ids(model: &mut Model) -> Vec<String> {
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

    for scenario in &mut model.scenarios {
        let option = quoted(&scenario.name);
        let mut notice = |kind: &str, position: usize, name: &str, old: u32, new: u32| {
            notices.push(format!(
                "In option {option}, {kind} {} ({}) had the same id, {old}, as an earlier \
                 {kind}; it is now id {new}.",
                position.saturating_add(1),
                quoted(name)
            ));
        };
        let ids: Vec<u32> = scenario.partners.iter().map(|p| p.id.0).collect();
        for (position, _) in renumber(&ids) {
            if let Some(partner) = scenario.partners.get_mut(position) {
                let new = claim(&mut partner_ids);
                notice("partner", position, &partner.name, partner.id.0, new);
                partner.id.0 = new;
            }
        }
        let ids: Vec<u32> = scenario.pools.iter().map(|p| p.id.0).collect();
        for (position, _) in renumber(&ids) {
            if let Some(pool) = scenario.pools.get_mut(position) {
                let new = claim(&mut pool_ids);
                notice("pool", position, &pool.name, pool.id.0, new);
                pool.id.0 = new;
            }
        }
        let ids: Vec<u32> = scenario.contributions.iter().map(|c| c.id.0).collect();
        for (position, _) in renumber(&ids) {
            if let Some(contribution) = scenario.contributions.get_mut(position) {
                let new = claim(&mut contribution_ids);
                notice(
                    "contribution",
                    position,
                    &contribution.name,
                    contribution.id.0,
                    new,
                );
                contribution.id.0 = new;
            }
        }
        let ids: Vec<u32> = scenario.lines.iter().map(|l| l.id.0).collect();
        for (position, _) in renumber(&ids) {
            if let Some(line) = scenario.lines.get_mut(position) {
                let new = claim(&mut line_ids);
                notice("spending line", position, &line.name, line.id.0, new);
                line.id.0 = new;
            }
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
