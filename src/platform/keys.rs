//! Keyboard shortcuts for the whole page: Ctrl+Z undo, Ctrl+Shift+Z (or Ctrl+Y) redo.
//! Inside a text field that still holds uncommitted typing, the browser's own undo of that
//! typing comes first.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::Callback;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryKey {
    Undo,
    Redo,
}

/// Listens until the returned listener is dropped.
pub fn listen_for_history_keys(on_key: Callback<HistoryKey>) -> EventListener {
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
            return;
        }
        let key = match (event.key().to_lowercase().as_str(), event.shift_key()) {
            ("z", false) => HistoryKey::Undo,
            ("z", true) | ("y", false) => HistoryKey::Redo,
            _ => return,
        };
        if typing_uncommitted(event) {
            return;
        }
        event.prevent_default();
        on_key.emit(key);
    })
}

/// True when the key was pressed in a text field whose text differs from the value the model
/// holds (set by `TextField` as `data-committed`).
fn typing_uncommitted(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| {
            input
                .get_attribute("data-committed")
                .is_some_and(|committed| committed != input.value())
        })
}
