//! Move up, move down and remove, for one item in a list. Removing something that other
//! parts of the scenario use first says what depends on it and asks; everything is undoable.

use yew::prelude::*;

use crate::app::bidi;
use crate::app::fields::{on_click, EditorDispatcher};
use crate::app::state::Action;
use crate::model::edit::{dependents, Direction, Edit, Item};

#[derive(Properties, PartialEq)]
pub struct ItemActionsProps {
    pub item: Item,
    /// The item's name, so each button says what it acts on: "Remove Reablement".
    pub name: AttrValue,
    pub editor: EditorDispatcher,
}

#[function_component(ItemActions)]
pub fn item_actions(props: &ItemActionsProps) -> Html {
    let confirming = use_state(Vec::<String>::new);
    let item = props.item;
    let dispatch = |edit: Edit| on_click(&props.editor, Action::Edit(edit));
    let on_remove = {
        let editor = props.editor.clone();
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            let used_by = editor
                .with_scenario(|s| dependents(s, item))
                .unwrap_or_default();
            if used_by.is_empty() {
                editor.dispatch(Action::Edit(Edit::Remove(item)));
            } else {
                confirming.set(used_by);
            }
        })
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(Vec::new()))
    };
    let on_confirm = {
        let confirming = confirming.clone();
        let editor = props.editor.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(Vec::new());
            editor.dispatch(Action::Edit(Edit::Remove(item)));
        })
    };
    let name = &props.name;
    html! {
        <div class="pb-item-actions">
            <button type="button" class="pb-button pb-button--secondary pb-button--small"
                onclick={dispatch(Edit::Move(item, Direction::Up))}>
                { "Move up" }<span class="pb-visually-hidden">{ format!(" {name}") }</span>
            </button>
            <button type="button" class="pb-button pb-button--secondary pb-button--small"
                onclick={dispatch(Edit::Move(item, Direction::Down))}>
                { "Move down" }<span class="pb-visually-hidden">{ format!(" {name}") }</span>
            </button>
            <button type="button" class="pb-button pb-button--warning pb-button--small" onclick={on_remove}>
                { "Remove" }<span class="pb-visually-hidden">{ format!(" {name}") }</span>
            </button>
            if !confirming.is_empty() {
                <div class="pb-confirm" role="alertdialog" aria-labelledby={format!("confirm-{}", item_key(item))}>
                    <p id={format!("confirm-{}", item_key(item))} class="pb-confirm__title">
                        { "Removing ‘" }{ bidi::name(name) }{ "’ also removes:" }
                    </p>
                    <ul class="pb-confirm__list">
                        { for confirming.iter().map(|d| html! { <li>{ d }</li> }) }
                    </ul>
                    <button type="button" class="pb-button pb-button--warning" onclick={on_confirm}>
                        { "Remove ‘" }{ bidi::name(name) }{ "’ and these" }
                    </button>
                    { " " }
                    <button type="button" class="pb-button pb-button--secondary" onclick={on_cancel}>{ "Keep it" }</button>
                </div>
            }
        </div>
    }
}

fn item_key(item: Item) -> String {
    match item {
        Item::Partner(id) => format!("partner-{}", id.0),
        Item::Pool(id) => format!("pool-{}", id.0),
        Item::Contribution(id) => format!("contribution-{}", id.0),
        Item::Line(id) => format!("line-{}", id.0),
    }
}
