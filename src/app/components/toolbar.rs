//! Undo, redo, and whether the work is saved.

use yew::prelude::*;

use crate::app::bidi::message;
use crate::app::fields::{on_click, Dispatcher};
use crate::app::state::Action;

/// Whether the last change reached the browser's storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// A change is waiting to be written: autosave writes once the edits pause (or the page is
    /// left), so an edit never waits for storage.
    Saving,
    /// Nothing has changed, and this tab does not save (why, in words).
    ReadOnly(String),
    /// A change is not saved (why, in words): switching away asks first.
    NotSaved(String),
}

impl SaveStatus {
    /// Whether leaving now, without writing what is waiting first, would lose a change.
    pub fn unsaved(&self) -> bool {
        matches!(self, SaveStatus::NotSaved(_) | SaveStatus::Saving)
    }
}

/// Narrow props: an edit that leaves undo, redo, the notice and the save status as they were
/// does not draw the toolbar again.
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub can_undo: bool,
    pub can_redo: bool,
    /// Why the last action could not be done.
    pub notice: Option<AttrValue>,
    pub save_status: SaveStatus,
    pub dispatcher: Dispatcher,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let act = |action: Action| on_click(&props.dispatcher, action);
    let status = match &props.save_status {
        SaveStatus::Saved => html! { { "All changes saved in this browser" } },
        SaveStatus::Saving => html! { { "Saving…" } },
        SaveStatus::ReadOnly(why) | SaveStatus::NotSaved(why) => {
            html! { <strong class="pb-toolbar__warning">{ why }</strong> }
        }
    };
    toolbar_view(
        props.can_undo.then(|| act(Action::Undo)),
        props.can_redo.then(|| act(Action::Redo)),
        html! { <p class="pb-toolbar__status" role="status">{ status }</p> },
        props.notice.as_ref(),
    )
}

/// The toolbar: undo and redo (disabled without their action), then `status` (the status line).
/// The first screen (`first_screen.rs`) draws it too, with both disabled, while the modeller
/// loads, so the page does not move when the modeller takes over.
pub fn toolbar_view(
    undo: Option<Callback<MouseEvent>>,
    redo: Option<Callback<MouseEvent>>,
    status: Html,
    notice: Option<&AttrValue>,
) -> Html {
    html! {
        <div class="pb-toolbar">
            <div class="pb-toolbar__group" role="group" aria-label="History">
                <button type="button" class="pb-button pb-button--secondary" disabled={undo.is_none()}
                    onclick={undo} aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                <button type="button" class="pb-button pb-button--secondary" disabled={redo.is_none()}
                    onclick={redo} aria-keyshortcuts="Control+Shift+Z">{ "Redo" }</button>
            </div>
            { status }
            if let Some(notice) = notice {
                <p class="pb-toolbar__notice" role="alert">{ message(notice) }</p>
            }
        </div>
    }
}
