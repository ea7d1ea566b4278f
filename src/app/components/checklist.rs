//! The completeness checklist: everything the model still needs, each a link to its field.
//! Problems come from `validate`, so the checklist and the engine always agree.

use yew::prelude::*;

use crate::app::bidi::message;
use crate::app::fields::Editor;
use crate::model::{validate_model_fields, validate_scenario};

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub editor: Editor,
}

#[function_component(Checklist)]
pub fn checklist(props: &ChecklistProps) -> Html {
    let model = props.editor.model.clone();
    let open = props.editor.scenario_index();
    // The model's own fields and the open option only: the other options are not on screen.
    let problems = use_memo((model, open), |(model, open)| {
        let mut problems = validate_model_fields(model);
        if let Some(scenario) = model.scenarios.get(*open) {
            problems.extend(validate_scenario(scenario, *open));
        }
        problems
    });
    html! {
        <section class="pb-section pb-checklist" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading" class="pb-section__title">{ "Checklist" }</h2>
            if problems.is_empty() {
                <p class="pb-checklist__done"><span aria-hidden="true">{ "✓ " }</span>{ "Everything the model needs is filled in and consistent." }</p>
            } else {
                <p>{ format!("{} {} to put right:", problems.len(), if problems.len() == 1 { "thing" } else { "things" }) }</p>
                <ul class="pb-checklist__list">
                    { for problems.iter().map(|p| html! {
                        <li><a href={format!("#{}", p.path.to_dom_id())}>{ message(&p.message) }</a></li>
                    }) }
                </ul>
            }
        </section>
    }
}
