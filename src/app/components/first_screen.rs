//! The first screen of a plain visit (docs/maintainers.md, "The first screen"): drawn by the
//! small first wasm (`src/first.rs`) from the model the modeller is about to open, while the
//! modeller's own wasm loads. It is the modeller's page as its first frame shows it — the
//! header, the open model's name, the page's index, the toolbar, what each partner pays, the
//! footer — with nothing to use yet but links (undo and redo disabled), and the toolbar's status
//! saying the editor is on its way. The modeller replaces it when it starts
//! (`crate::platform::mount` empties `#app`), its figures where they were.

use std::rc::Rc;

use yew::prelude::*;

use super::page_footer::page_footer;
use super::page_header::page_header;
use super::results_panel::partners_first;
use super::toolbar::toolbar_view;
use super::workspace::{jump_nav, opened_name};
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
                // The modeller's first lines, their controls not there or disabled yet, so that
                // the figures do not move when it takes over.
                <div class="pb-opened pb-opened--waiting">{ opened_name(model) }</div>
                { jump_nav() }
                // The status line has the loader's id (index.html's): if the modeller cannot
                // start, loader.js says so here.
                { toolbar_view(None, None, html! {
                    <p class="pb-toolbar__status" id="pb-loading" role="status">{ "Loading the editor…" }</p>
                }, None) }
                <div class="pb-workspace">
                    <div class="pb-workspace__inputs"></div>
                    <div class="pb-workspace__results">
                        <section class="pb-results" aria-labelledby="results-heading">
                            <h2 id="results-heading" class="pb-section__title">{ "Results" }</h2>
                            // Where "Show amounts in" and "Negative amounts" will be.
                            <div class="pb-money-display pb-money-display--waiting"></div>
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
