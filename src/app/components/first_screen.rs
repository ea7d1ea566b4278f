//! The first screen of a plain visit (docs/maintainers.md, "The first screen"): drawn by the
//! small first wasm (`src/first.rs`) from the model the modeller is about to open, while the
//! modeller's own wasm loads. It is the modeller's page as its first frame shows it — the
//! header, the open model's name, what each partner pays, the footer — with nothing to use yet
//! but links, and a line saying the editor is on its way. The modeller replaces it when it
//! starts (`crate::platform::mount` empties `#app`).

use std::rc::Rc;

use yew::prelude::*;

use super::page_footer::page_footer;
use super::page_header::page_header;
use super::results_panel::partners_first;
use super::workspace::opened_name;
use crate::model::{compute, Model};

#[derive(Properties, PartialEq)]
pub struct FirstScreenProps {
    pub model: Rc<Model>,
}

/// The first screen of `model`'s base option. An option that cannot be computed shows no
/// figures: the modeller explains why when it opens.
#[function_component(FirstScreen)]
pub fn first_screen(props: &FirstScreenProps) -> Html {
    let model = &props.model;
    let results = model
        .scenario_or_first(model.base_scenario)
        .and_then(|scenario| compute(scenario).ok())
        .map(Rc::new);
    html! {
        <>
            { page_header() }
            <main class="pb-main" id="main" tabindex="-1" aria-busy="true">
                <h1>{ "Pooled budget modeller" }</h1>
                <div class="pb-opened">{ opened_name(model) }</div>
                <div class="pb-workspace">
                    // Where the editor will be. The loader's line (index.html's id): if the
                    // modeller cannot start, loader.js says so here.
                    <div class="pb-workspace__inputs">
                        <p class="pb-loading" id="pb-loading" role="status">{ "Loading the editor…" }</p>
                    </div>
                    <div class="pb-workspace__results">
                        <section class="pb-results" aria-labelledby="results-heading">
                            <h2 id="results-heading" class="pb-section__title">{ "Results" }</h2>
                            if let Some(results) = results {
                                { partners_first(&results, model.money_style()) }
                            }
                        </section>
                    </div>
                </div>
            </main>
            { page_footer() }
        </>
    }
}
