//! The options (scenarios) in the model: which one is being edited, which is the base the
//! others are compared against, and copying, reordering and deleting them.

use yew::prelude::*;

use super::select_field::SelectField;
use crate::app::bidi::name;
use crate::app::fields::{on_click, Editor};
use crate::app::state::Action;
use crate::model::edit::{Direction, ModelEdit};
use crate::model::linked;
use crate::model::ScenarioId;

#[derive(Properties, PartialEq)]
pub struct OptionsBarProps {
    pub editor: Editor,
    /// Opens the comparison of the options side by side.
    pub on_compare: Callback<()>,
}

/// The open option's "based on" control ("Make independent" when it is linked, the choice of
/// a base when not): where the checklist sends a problem with an option's base.
pub const BASED_ON_ID: &str = "based-on";

#[function_component(OptionsBar)]
pub fn options_bar(props: &OptionsBarProps) -> Html {
    let editor = &props.editor;
    let confirming = use_state(|| false);
    let Some(open) = editor.scenario() else {
        return html! {};
    };
    let (open_id, open_name) = (open.id, open.name.clone());
    let base = editor.model.base_scenario;
    let options: Vec<(String, String)> = editor
        .model
        .scenarios
        .iter()
        .map(|s| {
            let tag = if s.id == base { " (base)" } else { "" };
            (s.id.0.to_string(), format!("{}{tag}", s.name))
        })
        .collect();
    let on_switch = {
        let (editor, confirming) = (editor.clone(), confirming.clone());
        Callback::from(move |value: String| {
            if let Ok(n) = value.parse::<u32>() {
                confirming.set(false);
                editor.dispatch(Action::Open(ScenarioId(n)));
            }
        })
    };
    let act = |edit: ModelEdit| on_click(editor, Action::Options(edit));
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let delete = {
        let (editor, confirming) = (editor.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            editor.dispatch(Action::Options(ModelEdit::Remove(open_id)));
        })
    };
    let only_one = editor.model.scenarios.len() <= 1;
    let model = &editor.model;
    let based_on = linked::base_of(model, open_id).and_then(|b| model.scenario(b));
    // Options this one could be based on: any but itself and those based on it (a loop).
    let link_choices: Vec<(String, String)> = model
        .scenarios
        .iter()
        .filter(|s| !linked::depends_on(model, s.id, open_id))
        .map(|s| (s.id.0.to_string(), s.name.clone()))
        .collect();
    let dependents: Vec<String> = linked::dependents(model, open_id)
        .iter()
        .filter_map(|d| model.scenario(*d))
        .map(|s| format!("‘{}’", s.name))
        .collect();
    let link_target = use_state(|| None::<u32>);
    let chosen = link_target
        .filter(|t| link_choices.iter().any(|(v, _)| *v == t.to_string()))
        .or_else(|| link_choices.first().and_then(|(v, _)| v.parse().ok()));
    let on_link_choice = {
        let link_target = link_target.clone();
        Callback::from(move |value: String| link_target.set(value.parse().ok()))
    };
    let link = {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(target) = chosen {
                editor.dispatch(Action::Options(ModelEdit::LinkTo(
                    open_id,
                    ScenarioId(target),
                )));
            }
        })
    };
    let delete_freeing = {
        let (editor, confirming) = (editor.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            editor.dispatch(Action::Options(ModelEdit::RemoveFreeing(open_id)));
        })
    };
    let compare = {
        let on_compare = props.on_compare.clone();
        Callback::from(move |_: MouseEvent| on_compare.emit(()))
    };
    html! {
        <section class="pb-section pb-options" aria-labelledby="options-heading">
            <h2 id="options-heading" class="pb-section__title">{ "Options" }</h2>
            <p class="pb-section__lede">{ "Each option is a full set of figures and rules, or is based on another option and holds only what it changes. The base is the one the others are compared against." }</p>
            <SelectField id="open-option" label="Option being edited" options={options}
                selected={open_id.0.to_string()} on_change={on_switch} />
            <div class="pb-link-status">
                if let Some(base_option) = based_on {
                    <p id="link-status">{ "Based on ‘" }{ name(&base_option.name) }{ "’: a correction there reaches this option, except where this option changes it. A copy is linked like this." }</p>
                    <button type="button" id={BASED_ON_ID} aria-describedby="link-status"
                        class="pb-button pb-button--secondary pb-button--small"
                        onclick={act(ModelEdit::MakeIndependent(open_id))}>{ "Make independent" }</button>
                } else if !link_choices.is_empty() {
                    <p id="link-status">{ "Independent: a full set of figures of its own." }</p>
                    <SelectField id={BASED_ON_ID} label="Base this option on" options={link_choices.clone()}
                        selected={chosen.map(|c| c.to_string()).unwrap_or_default()} on_change={on_link_choice} />
                    <button type="button" class="pb-button pb-button--secondary pb-button--small" onclick={link}>
                        { "Link to this option" }
                    </button>
                }
            </div>
            <div class="pb-item-actions">
                <button type="button" class="pb-button pb-button--secondary pb-button--small"
                    onclick={act(ModelEdit::Duplicate(open_id))}>{ "Copy this option" }</button>
                <button type="button" class="pb-button pb-button--secondary pb-button--small"
                    onclick={act(ModelEdit::AddBlank(open_id))}>{ "Add a blank option" }</button>
                <button type="button" class="pb-button pb-button--secondary pb-button--small" disabled={open_id == base}
                    onclick={act(ModelEdit::SetBase(open_id))}>{ "Make this the base" }</button>
                <button type="button" class="pb-button pb-button--secondary pb-button--small"
                    onclick={act(ModelEdit::Move(open_id, Direction::Up))}>{ "Move earlier" }</button>
                <button type="button" class="pb-button pb-button--secondary pb-button--small"
                    onclick={act(ModelEdit::Move(open_id, Direction::Down))}>{ "Move later" }</button>
                <button type="button" class="pb-button pb-button--warning pb-button--small" disabled={only_one} onclick={ask}>
                    { "Delete this option" }
                </button>
                if *confirming && !dependents.is_empty() {
                    <div class="pb-confirm" role="alertdialog" aria-labelledby="delete-option-title">
                        <p class="pb-confirm__title" id="delete-option-title">
                            { dependents.join(", ") }{ if dependents.len() == 1 { " is" } else { " are" } }
                            { " based on ‘" }{ name(&open_name) }{ "’. Make " }{ if dependents.len() == 1 { "it" } else { "them" } }
                            { " independent (keeping every figure) and delete ‘" }{ name(&open_name) }{ "’? You can undo this." }
                        </p>
                        <button type="button" class="pb-button pb-button--warning" onclick={delete_freeing}>
                            { "Make independent and delete ‘" }{ name(&open_name) }{ "’" }
                        </button>
                        <button type="button" class="pb-button pb-button--secondary" onclick={keep.clone()}>{ "Keep it" }</button>
                    </div>
                } else if *confirming {
                    <div class="pb-confirm" role="alertdialog" aria-labelledby="delete-option-title">
                        <p class="pb-confirm__title" id="delete-option-title">{ "Delete ‘" }{ name(&open_name) }{ "’? You can undo this." }</p>
                        <button type="button" class="pb-button pb-button--warning" onclick={delete}>{ "Delete ‘" }{ name(&open_name) }{ "’" }</button>
                        <button type="button" class="pb-button pb-button--secondary" onclick={keep}>{ "Keep it" }</button>
                    </div>
                }
            </div>
            <button type="button" class="pb-button" id="compare-open" onclick={compare}>
                { "Compare options side by side" }
            </button>
        </section>
    }
}
