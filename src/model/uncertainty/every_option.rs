//! The whole run the page asks for: every option of the model simulated in turn, under the
//! same ranges and seed, with progress along the way. The simulation's worker runs this
//! (src/worker.rs), in one piece or split between workers ([`simulate_share`], then
//! [`merge_shares`]); native tests call it directly.

use super::share::{PartFailure, PartOutcome, PartRecord, Share};
use super::{Simulation, SimulationResults};
use crate::model::scenario::Model;

/// Draws between progress reports: small enough that a report comes every few milliseconds
/// even on the large model, large enough that reporting costs nothing.
const CHUNK: u32 = 25;

/// Simulates every option of `model`, calling `progress(done, total)` (draws over all options)
/// as it goes. Every option is checked before the first draw, so a problem in the last option
/// is reported at once. The error is the option's name and the problem, in words.
pub fn simulate_every_option(
    model: &Model,
    progress: impl FnMut(u64, u64),
) -> Result<Vec<(String, SimulationResults)>, String> {
    let finished = run(model, Share::WHOLE, progress).map_err(|failure| failure.message)?;
    Ok(finished
        .into_iter()
        .map(|(name, simulation)| (name, simulation.results()))
        .collect())
}

/// As [`simulate_every_option`], settling only `share`'s draws of each option: what the share
/// recorded, for [`merge_shares`]. `progress` counts the share's draws.
pub fn simulate_share(model: &Model, share: Share, progress: impl FnMut(u64, u64)) -> PartOutcome {
    let finished = run(model, share, progress)?;
    Ok(finished
        .into_iter()
        .map(|(_, simulation)| simulation.record())
        .collect())
}

/// Every option's results from what each part of a split run gave back (part `k` of
/// `parts.len()` at `parts[k]`): exactly what [`simulate_every_option`] gives, figures or the
/// problem it meets first.
pub fn merge_shares(
    model: &Model,
    parts: Vec<PartOutcome>,
) -> Result<Vec<(String, SimulationResults)>, String> {
    let mut records = Vec::with_capacity(parts.len());
    let mut first: Option<PartFailure> = None;
    for part in parts {
        match part {
            Ok(record) => records.push(record),
            Err(failure) => {
                if first
                    .as_ref()
                    .is_none_or(|f| (failure.option, failure.draw) < (f.option, f.draw))
                {
                    first = Some(failure);
                }
            }
        }
    }
    if let Some(failure) = first {
        return Err(failure.message);
    }
    let mut finished = Vec::with_capacity(model.scenarios.len());
    for (at, option) in model.scenarios.iter().enumerate() {
        let option_records: Option<Vec<PartRecord>> = records
            .iter_mut()
            .map(|record| record.get_mut(at).map(std::mem::take))
            .collect();
        // Every part started every option, so this one starts too (its problem, were there
        // one, is not formatted here: that would change how the page's wasm is compiled).
        let merged = Simulation::new(model, option.id)
            .ok()
            .zip(option_records)
            .and_then(|(mut simulation, parts)| simulation.merge(&parts).map(|()| simulation));
        let Some(simulation) = merged else {
            return Err(format!(
                "{}: the simulation's workers gave back draws that do not fit together. Reload the page and run it again.",
                option.name
            ));
        };
        finished.push((option.name.clone(), simulation.results()));
    }
    Ok(finished)
}

/// Every option of `model` simulated for `share`, in turn, by name.
fn run(
    model: &Model,
    share: Share,
    mut progress: impl FnMut(u64, u64),
) -> Result<Vec<(String, Simulation)>, PartFailure> {
    let mut queue = Vec::with_capacity(model.scenarios.len());
    for (at, option) in model.scenarios.iter().enumerate() {
        match Simulation::for_share(model, option.id, share) {
            Ok(simulation) => queue.push((option.name.clone(), simulation)),
            Err(error) => {
                return Err(PartFailure {
                    option: at as u32,
                    draw: 0,
                    message: format!("{}: {error}", option.name),
                })
            }
        }
    }
    let total: u64 = queue.iter().map(|(_, s)| u64::from(s.total())).sum();
    let mut before = 0;
    let mut finished = Vec::with_capacity(queue.len());
    for (at, (name, mut simulation)) in queue.into_iter().enumerate() {
        progress(before, total);
        while !simulation.is_done() {
            if let Err(error) = simulation.run(CHUNK) {
                return Err(PartFailure {
                    option: at as u32,
                    draw: simulation.drawn() + 1,
                    message: format!("{name}: {error}"),
                });
            }
            progress(before + u64::from(simulation.done()), total);
        }
        before += u64::from(simulation.done());
        finished.push((name, simulation));
    }
    Ok(finished)
}
