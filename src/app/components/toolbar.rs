//! Undo, redo, and whether the work is saved.

use yew::prelude::*;

use super::app::SaveStatus;
use crate::app::bidi::message;
use crate::app::fields::{on_click, Editor};
use crate::app::state::Action;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub editor: Editor,
    pub save_status: SaveStatus,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let editor = &props.editor;
    let act = |action: Action| on_click(editor, action);
    html! {
        <div class="pb-toolbar">
            <div class="pb-toolbar__group" role="group" aria-label="History">
                <button type="button" class="pb-button pb-button--secondary" disabled={!editor.can_undo()}
                    onclick={act(Action::Undo)} aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                <button type="button" class="pb-button pb-button--secondary" disabled={!editor.can_redo()}
                    onclick={act(Action::Redo)} aria-keyshortcuts="Control+Shift+Z">{ "Redo" }</button>
            </div>
            <p class="pb-toolbar__status" role="status">
                { match &props.save_status {
                    SaveStatus::Saved => html! { { "All changes saved in this browser" } },
                    SaveStatus::NotSaved(why) => html! { <strong class="pb-toolbar__warning">{ why }</strong> },
                } }
            </p>
            if let Some(notice) = &editor.notice {
                <p class="pb-toolbar__notice" role="alert">{ message(notice) }</p>
            }
        </div>
    }
}
