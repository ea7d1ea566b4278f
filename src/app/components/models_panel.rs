//! The models kept in this browser: which one is open, its name, and opening, duplicating,
//! deleting (after asking) and starting new ones from a template or blank.

use yew::prelude::*;

use super::select_field::SelectField;
use super::text_field::TextField;
use crate::app::bidi::name;
use crate::app::fields::{commit_action, error_in, EditorDispatcher, FieldErrors, Shared};
use crate::app::state::Action;
use crate::codec::library::Library;
use crate::model::{limits, templates};

#[derive(Properties, PartialEq)]
pub struct ModelsPanelProps {
    pub library: Library,
    /// The model this tab has open.
    pub open_id: u32,
    /// The open model's name (narrow props: an edit to its figures does not draw the panel).
    pub model_name: AttrValue,
    pub errors: Shared<FieldErrors>,
    pub editor: EditorDispatcher,
    pub on_open: Callback<u32>,
    pub on_duplicate: Callback<u32>,
    pub on_delete: Callback<u32>,
    /// Index into the templates; past the end means a blank model.
    pub on_new: Callback<usize>,
}

#[function_component(ModelsPanel)]
pub fn models_panel(props: &ModelsPanelProps) -> Html {
    let chosen = use_state(|| 0usize);
    let confirm_delete = use_state(|| None::<u32>);
    let editor = &props.editor;
    let name_id = "model-name";
    let on_rename = commit_action(editor, name_id.to_string(), "Model name".into(), |text| {
        let name = text.trim();
        if name.is_empty() {
            Err("cannot be blank: give the model a name, like Better Care Fund 2025/26".into())
        } else if let Some(problem) = limits::name_too_long(name) {
            Err(problem)
        } else {
            Ok(Action::RenameModel(name.to_string()))
        }
    });
    let templates: Vec<(String, String)> = templates::TITLES
        .iter()
        .chain(std::iter::once(&"A blank model"))
        .enumerate()
        .map(|(i, title)| (i.to_string(), title.to_string()))
        .collect();
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |v: String| chosen.set(v.parse().unwrap_or(0)))
    };
    let on_create = {
        let (on_new, chosen) = (props.on_new.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| on_new.emit(*chosen))
    };
    let open_id = props.open_id;
    html! {
        <section class="pb-section pb-models" aria-labelledby="models-heading">
            <h2 id="models-heading" class="pb-section__title">{ "Your models" }</h2>
            <TextField id={name_id} label="Name of the open model" value={props.model_name.clone()}
                error={error_in(&props.errors, name_id)} on_commit={on_rename} />
            <ul class="pb-models__list">
                { for props.library.models.iter().map(|entry| {
                    let id = entry.id;
                    let is_open = id == open_id;
                    let emit = |cb: &Callback<u32>| { let cb = cb.clone(); Callback::from(move |_: MouseEvent| cb.emit(id)) };
                    let ask = { let confirm = confirm_delete.clone(); Callback::from(move |_: MouseEvent| confirm.set(Some(id))) };
                    let keep = { let confirm = confirm_delete.clone(); Callback::from(move |_: MouseEvent| confirm.set(None)) };
                    let delete = {
                        let (confirm, on_delete) = (confirm_delete.clone(), props.on_delete.clone());
                        Callback::from(move |_: MouseEvent| { confirm.set(None); on_delete.emit(id); })
                    };
                    html! {
                        <li class="pb-models__item" key={id}>
                            <span class="pb-models__name">
                                { name(&entry.name) }
                                if is_open { <strong>{ " (open)" }</strong> }
                            </span>
                            if !is_open {
                                <button type="button" class="pb-button pb-button--secondary pb-button--small" onclick={emit(&props.on_open)}>
                                    { "Open" }<span class="pb-visually-hidden">{ format!(" {}", entry.name) }</span>
                                </button>
                            }
                            <button type="button" class="pb-button pb-button--secondary pb-button--small" onclick={emit(&props.on_duplicate)}>
                                { "Duplicate" }<span class="pb-visually-hidden">{ format!(" {}", entry.name) }</span>
                            </button>
                            <button type="button" class="pb-button pb-button--warning pb-button--small" onclick={ask}>
                                { "Delete" }<span class="pb-visually-hidden">{ format!(" {}", entry.name) }</span>
                            </button>
                            if *confirm_delete == Some(id) {
                                <div class="pb-confirm" role="alertdialog" aria-labelledby={format!("delete-{id}")}>
                                    <p class="pb-confirm__title" id={format!("delete-{id}")}>
                                        { "Delete ‘" }{ name(&entry.name) }{ "’ from this browser? This cannot be undone." }
                                    </p>
                                    <button type="button" class="pb-button pb-button--warning" onclick={delete}>{ "Delete ‘" }{ name(&entry.name) }{ "’" }</button>
                                    <button type="button" class="pb-button pb-button--secondary" onclick={keep}>{ "Keep it" }</button>
                                </div>
                            }
                        </li>
                    }
                }) }
            </ul>
            <div class="pb-toolbar__group pb-toolbar__start">
                <SelectField id="template" label="Start a new model from" options={templates}
                    selected={chosen.to_string()} on_change={on_choose} />
                <button type="button" class="pb-button pb-button--secondary" onclick={on_create}>{ "Create" }</button>
            </div>
        </section>
    }
}
