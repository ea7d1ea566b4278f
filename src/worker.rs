//! The simulation's own wasm, run in a dedicated Web Worker (docs/uncertainty.md, "Where it
//! runs"). assets/simulation-worker-loader.js starts it and calls [`simulate`] with each
//! request the page posts, or splits the run between nested workers of the same script, each
//! calling [`simulate_part`], and calls [`merge_parts`] on what they give back; the page's
//! wasm holds none of the simulation's engine. Everything here is a thin wrapper: the request
//! is a link body (`codec::link::link_body`), the answer the results in
//! `codec::simulation_wire`'s form.

use pooled_budgets::codec::link::model_from_body;
use pooled_budgets::codec::simulation_part::{decode_part, encode_part};
use pooled_budgets::codec::simulation_wire::encode_results;
use pooled_budgets::model::uncertainty::{
    merge_shares, simulate_every_option, simulate_share, Share,
};
use pooled_budgets::model::Model;
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
    let model = read(request)?;
    let runs = simulate_every_option(&model, throttled(progress))?;
    Ok(encode_results(&runs))
}

/// Part `part` of a run split `of` ways: every random number, but only this part's draws
/// settled; `progress(done, total)` counts them. The part's draws, or where it stopped, as
/// bytes for [`merge_parts`].
#[wasm_bindgen]
pub fn simulate_part(
    request: &[u8],
    part: u32,
    of: u32,
    progress: &js_sys::Function,
) -> Result<Vec<u8>, String> {
    let model = read(request)?;
    let share = Share::new(part, of).ok_or_else(|| format!("There is no part {part} of {of}."))?;
    Ok(encode_part(&simulate_share(
        &model,
        share,
        throttled(progress),
    )))
}

/// The results' bytes of the run in `request` from its parts' bytes (part `k` at `parts[k]`),
/// exactly as [`simulate`] would give them, or the problem it would meet first, in words.
#[wasm_bindgen]
pub fn merge_parts(request: &[u8], parts: &js_sys::Array) -> Result<Vec<u8>, String> {
    let model = read(request)?;
    let outcomes = parts
        .iter()
        .map(|bytes| decode_part(&js_sys::Uint8Array::new(&bytes).to_vec()))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| {
            "The simulation's workers gave back something it could not read. Reload the page and run it again.".to_string()
        })?;
    let runs = merge_shares(&model, outcomes)?;
    Ok(encode_results(&runs))
}

fn read(request: &[u8]) -> Result<Model, String> {
    model_from_body(request).map(|(model, _)| model).map_err(|error| {
        format!("The simulation could not read the model it was given ({error}). Reload the page and run it again.")
    })
}

/// `progress` called at most every [`PROGRESS_MS`], and at the end.
fn throttled(progress: &js_sys::Function) -> impl FnMut(u64, u64) + '_ {
    let mut last = f64::NEG_INFINITY;
    move |done, total| {
        let now = now_ms();
        if now - last >= PROGRESS_MS || done == total {
            last = now;
            let _ = progress.call2(
                &JsValue::NULL,
                &JsValue::from_f64(done as f64),
                &JsValue::from_f64(total as f64),
            );
        }
    }
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
