//! `view.html`'s wasm: a shared model, read-only, for a host page's iframe (docs/embedding.md).
//! The same library as the modeller, but only the read-only view is reached from here, so the
//! link decoder, the engine, the results and the comparison are all it carries.

fn main() {
    pooled_budgets::platform::mount::<pooled_budgets::app::components::embed_view::Viewer>();
}
