//! The simulation's own wasm, run in a dedicated Web Worker (docs/uncertainty.md, "Where it
//! runs"). assets/simulation-worker-loader.js starts it and calls [`simulate`] with each
//! request the page posts; the page's wasm holds none of the simulation's engine. Everything
//! here is a thin wrapper: the request is a link body (`codec::link::link_body`), the answer
//! the results in `codec::simulation_wire`'s form.

use pooled_budgets::codec::link::model_from_body;
use pooled_budgets::codec::simulation_wire::encode_results;
use pooled_budgets::model::uncertainty::simulate_every_option;
use wasm_bindgen::prelude::*;

/// Least time between two progress messages: often enough for a smooth bar, rarely enough
/// that the page is not kept busy reading them.
const PROGRESS_MS: f64 = 50.0;

fn main() {}

/// Simulates every option of the model in `request` (a link body), calling
/// `progress(done, total)` at most every [`PROGRESS_MS`]; the results' bytes, or the problem
/// in words (thrown as a string).
#[wasm_bindgen]
pub fn simulate(request: &[u8], progress: &js_sys::Function) -> Result<Vec<u8>, String> {
    let (model, _) = model_from_body(request).map_err(|error| {
        format!("The simulation could not read the model it was given ({error}). Reload the page and run it again.")
    })?;
    let mut last = f64::NEG_INFINITY;
    let runs = simulate_every_option(&model, |done, total| {
        let now = now_ms();
        if now - last >= PROGRESS_MS || done == total {
            last = now;
            let _ = progress.call2(
                &JsValue::NULL,
                &JsValue::from_f64(done as f64),
                &JsValue::from_f64(total as f64),
            );
        }
    })?;
    Ok(encode_results(&runs))
}

fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
