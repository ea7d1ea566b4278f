//! What the scheme grid needs from the browser: moving focus between cells, the caret in the
//! cell being typed in, and the text of a paste (a block of cells from a spreadsheet).

use wasm_bindgen::JsCast;

fn input_of(event: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

/// Focuses the cell with this id, with its text selected so that typing replaces it (as in a
/// spreadsheet); false if there is no such cell (a year the scheme does not run, no such row).
pub fn focus_cell(id: &str) -> bool {
    let Some(element) = gloo::utils::document().get_element_by_id(id) else {
        return false;
    };
    let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else {
        return false;
    };
    let _ = element.focus();
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    }
    true
}

/// Where the caret is in the text input the event came from: (at the start, at the end), both
/// false while a range is selected that is not the whole text.
pub fn caret_at_edges(event: &web_sys::Event) -> (bool, bool) {
    let Some(input) = input_of(event) else {
        return (true, true);
    };
    let length = u32::try_from(input.value().encode_utf16().count()).unwrap_or(u32::MAX);
    let start = input.selection_start().ok().flatten().unwrap_or(0);
    let end = input.selection_end().ok().flatten().unwrap_or(length);
    (start == 0 && end == 0, start == length && end == length)
}

/// Puts the caret at the end of the input's text (starting to edit with Enter or F2).
pub fn caret_to_end(event: &web_sys::Event) {
    if let Some(input) = input_of(event) {
        let length = u32::try_from(input.value().encode_utf16().count()).unwrap_or(u32::MAX);
        let _ = input.set_selection_range(length, length);
    }
}

/// Puts `text` back in the input (Escape) and selects it.
pub fn restore_text(event: &web_sys::Event, text: &str) {
    if let Some(input) = input_of(event) {
        input.set_value(text);
        input.select();
    }
}

/// The pasted text, if it is a block of cells (it holds a tab or a line break); the browser's
/// own paste is then stopped. A single value is left to paste as usual (`None`).
pub fn pasted_block(event: &web_sys::Event) -> Option<String> {
    let text = event
        .dyn_ref::<web_sys::ClipboardEvent>()?
        .clipboard_data()?
        .get_data("text/plain")
        .ok()?;
    if text
        .trim_end_matches(['\r', '\n'])
        .contains(['\t', '\n', '\r'])
    {
        event.prevent_default();
        Some(text)
    } else {
        None
    }
}

/// Whether an element with this id is in the page.
pub fn exists(id: &str) -> bool {
    gloo::utils::document().get_element_by_id(id).is_some()
}

/// `focus_cell` once the current update has drawn the cell (a row just added).
pub fn focus_cell_soon(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let id = id.to_string();
        gloo::timers::callback::Timeout::new(0, move || {
            focus_cell(&id);
        })
        .forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}
