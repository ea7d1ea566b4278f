//! The engine inside the browser: `make bench` builds this into wasm with the app's release
//! profile and `wasm-opt -Oz`, and `scripts/bench-browser.mjs` times `LargeModel::compute` with
//! `performance.now()` in Chromium. It also hands the browser the large model's share link, which
//! is how the load, edit and memory benchmarks open that model in the app. Not part of the app's
//! bundle: Trunk builds only the `pooled-budgets` binary.

use pooled_budgets::codec::link::encode_link;
use pooled_budgets::model::fixtures::limits_model;
use pooled_budgets::model::{compute, large_model, Scenario};
use wasm_bindgen::prelude::*;

fn main() {}

/// The large example model's base scenario, built once so that timing covers compute alone.
#[wasm_bindgen]
pub struct LargeModel {
    scenario: Option<Scenario>,
    link: String,
}

#[wasm_bindgen]
impl LargeModel {
    #[wasm_bindgen(constructor)]
    pub fn new() -> LargeModel {
        let model = large_model();
        LargeModel {
            scenario: model.base().cloned(),
            link: encode_link(&model, model.base_scenario),
        }
    }

    /// Computes the base scenario `times` times; returns how many computed without an error,
    /// which keeps the work from being optimised away and lets the caller check it.
    pub fn compute(&self, times: u32) -> u32 {
        let Some(scenario) = &self.scenario else {
            return 0;
        };
        (0..times)
            .map(|_| u32::from(compute(std::hint::black_box(scenario)).is_ok()))
            .sum()
    }

    /// The share link (the text after `#`) that opens the large model in the app.
    pub fn link(&self) -> String {
        self.link.clone()
    }
}

/// The share link of the model at the size limits (`model::limits`): `make bench` times opening
/// it in the app, which must take under 3 s.
#[wasm_bindgen]
pub fn limits_link() -> String {
    let model = limits_model();
    encode_link(&model, model.base_scenario)
}

impl Default for LargeModel {
    fn default() -> LargeModel {
        LargeModel::new()
    }
}

/// The link of a one-option model (the reference model's base, or the large model's) with a
/// range on every line (−5%, +2%, +15% against plan, every year) and the default 5,000 draws:
/// `make bench` times the simulation of it in the app.
#[wasm_bindgen]
pub fn simulation_link(large: bool) -> String {
    use pooled_budgets::model::fixtures::{reference_model, with_ranges_on_every_line};
    let model = with_ranges_on_every_line(if large {
        large_model()
    } else {
        reference_model()
    });
    encode_link(&model, model.base_scenario)
}
