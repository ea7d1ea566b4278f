//! Undo, redo, starting again from a template, and whether the work is saved.

use yew::prelude::*;

use super::app::SaveStatus;
use super::select_field::SelectField;
use crate::app::fields::Editor;
use crate::app::state::Action;
use crate::model::templates;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub editor: Editor,
    pub save_status: SaveStatus,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let editor = &props.editor;
    let chosen = use_state(|| String::from("0"));
    let act = |action: Action| {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| editor.dispatch(action.clone()))
    };
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |value: String| chosen.set(value))
    };
    let on_start = {
        let (editor, chosen) = (editor.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| {
            let index = chosen.parse::<usize>().unwrap_or(0);
            let model = match templates::all().into_iter().nth(index) {
                Some(template) => template.model,
                None => templates::blank(),
            };
            editor.dispatch(Action::Replace(model));
        })
    };
    // The templates, then a blank model (any index past the templates).
    let options: Vec<(String, String)> = templates::TITLES
        .iter()
        .chain(std::iter::once(&"A blank model"))
        .enumerate()
        .map(|(i, title)| (i.to_string(), title.to_string()))
        .collect();
    html! {
        <div class="pb-toolbar">
            <div class="pb-toolbar__group" role="group" aria-label="History">
                <button type="button" class="pb-button pb-button--secondary" disabled={!editor.can_undo()}
                    onclick={act(Action::Undo)} aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                <button type="button" class="pb-button pb-button--secondary" disabled={!editor.can_redo()}
                    onclick={act(Action::Redo)} aria-keyshortcuts="Control+Shift+Z">{ "Redo" }</button>
            </div>
            <div class="pb-toolbar__group pb-toolbar__start">
                <SelectField id="template" label="Start again from" options={options}
                    selected={(*chosen).clone()} on_change={on_choose} />
                <button type="button" class="pb-button pb-button--secondary" onclick={on_start}>{ "Start" }</button>
            </div>
            <p class="pb-toolbar__status" role="status">
                { match &props.save_status {
                    SaveStatus::Saved => html! { { "All changes saved in this browser" } },
                    SaveStatus::NotSaved(why) => html! { <strong class="pb-toolbar__warning">{ why }</strong> },
                } }
            </p>
            if let Some(notice) = &editor.notice {
                <p class="pb-toolbar__notice" role="alert">{ notice }</p>
            }
        </div>
    }
}
