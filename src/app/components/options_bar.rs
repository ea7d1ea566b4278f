//! The options (scenarios) in the model: which one is being edited, which is the base the
//! others are compared against, and copying, reordering and deleting them.

use yew::prelude::*;

use super::select_field::SelectField;
use crate::app::bidi::name;
use crate::app::fields::{on_click, Dispatcher};
use crate::app::state::Action;
use crate::model::edit::{Direction, ModelEdit};
use crate::model::ScenarioId;

/// Narrow props: an edit within the open option does not draw the bar again.
#[derive(Properties, PartialEq)]
pub struct OptionsBarProps {
    /// Every option: its id and name.
    pub options: Vec<(ScenarioId, String)>,
    pub open: ScenarioId,
    pub base: ScenarioId,
    pub dispatcher: Dispatcher,
    /// Opens the comparison of the options side by side.
    pub on_compare: Callback<()>,
}

#[function_component(OptionsBar)]
pub fn options_bar(props: &OptionsBarProps) -> Html {
    let editor = &props.dispatcher;
    let confirming = use_state(|| false);
    let Some((open_id, open_name)) = props
        .options
        .iter()
        .find(|(id, _)| *id == props.open)
        .cloned()
    else {
        return html! {};
    };
    let base = props.base;
    let options: Vec<(String, String)> = props
        .options
        .iter()
        .map(|(id, name)| {
            let tag = if *id == base { " (base)" } else { "" };
            (id.0.to_string(), format!("{name}{tag}"))
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
    let only_one = props.options.len() <= 1;
    let compare = {
        let on_compare = props.on_compare.clone();
        Callback::from(move |_: MouseEvent| on_compare.emit(()))
    };
    html! {
        <section class="pb-section pb-options" aria-labelledby="options-heading">
            <h2 id="options-heading" class="pb-section__title">{ "Options" }</h2>
            <p class="pb-section__lede">{ "Each option is a full set of figures and rules. The base is the one the others are compared against." }</p>
            <SelectField id="open-option" label="Option being edited" options={options}
                selected={open_id.0.to_string()} on_change={on_switch} />
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
                if *confirming {
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
