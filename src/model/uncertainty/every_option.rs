//! The whole run the page asks for: every option of the model simulated in turn, under the
//! same ranges and seed, with progress along the way. The simulation's worker runs this
//! (src/worker.rs); native tests call it directly.

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
    mut progress: impl FnMut(u64, u64),
) -> Result<Vec<(String, SimulationResults)>, String> {
    let mut queue = Vec::with_capacity(model.scenarios.len());
    for option in &model.scenarios {
        match Simulation::new(model, option.id) {
            Ok(simulation) => queue.push((option.name.clone(), simulation)),
            Err(error) => return Err(format!("{}: {error}", option.name)),
        }
    }
    let total: u64 = queue.iter().map(|(_, s)| u64::from(s.total())).sum();
    let mut before = 0;
    let mut finished = Vec::with_capacity(queue.len());
    for (name, mut simulation) in queue {
        progress(before, total);
        while !simulation.is_done() {
            if let Err(error) = simulation.run(CHUNK) {
                return Err(format!("{name}: {error}"));
            }
            progress(before + u64::from(simulation.done()), total);
        }
        before += u64::from(simulation.done());
        finished.push((name, simulation.results()));
    }
    Ok(finished)
}
