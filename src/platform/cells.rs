//! What the scheme grid needs from the browser: moving focus between cells, the caret in the
//! cell being typed in, the text of a paste (a block of cells from a spreadsheet), and the size
//! and scroll position of its scrolling box (it draws only the rows near what is in view).

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

/// The grid's scrolling box as drawn now, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridBox {
    /// How far the box is scrolled down.
    pub scroll_top: f64,
    /// The height of its visible part.
    pub height: f64,
    /// The height of its header row (`thead`).
    pub head: f64,
    /// The smallest height of the first few drawn rows (`tr.pb-grid__row`); 0 if none is drawn.
    pub row: f64,
}

/// Measures the grid's scrolling box `region`.
pub fn measure_grid(region: &web_sys::Element) -> GridBox {
    let height = |e: &web_sys::Element| e.get_bounding_client_rect().height();
    let head = region
        .query_selector("thead")
        .ok()
        .flatten()
        .map_or(0.0, |head| height(&head));
    let mut row = region
        .query_selector("tbody > tr.pb-grid__row")
        .ok()
        .flatten();
    let (mut smallest, mut seen) = (f64::INFINITY, 0);
    while let Some(element) = row {
        if seen == 5 {
            break;
        }
        if element.class_list().contains("pb-grid__row") {
            smallest = smallest.min(height(&element));
            seen += 1;
        }
        row = element.next_element_sibling();
    }
    GridBox {
        scroll_top: f64::from(region.scroll_top()),
        height: f64::from(region.client_height()),
        head,
        row: if smallest.is_finite() { smallest } else { 0.0 },
    }
}

/// Calls `on_change` whenever the scrolling box `region` is scrolled or changes size, until the
/// returned value is dropped.
pub struct GridWatch {
    _scroll: gloo::events::EventListener,
    resize: Option<(
        web_sys::ResizeObserver,
        wasm_bindgen::closure::Closure<dyn FnMut()>,
    )>,
}

impl Drop for GridWatch {
    fn drop(&mut self) {
        if let Some((observer, _)) = &self.resize {
            observer.disconnect();
        }
    }
}

pub fn watch_grid(region: &web_sys::Element, on_change: impl Fn() + 'static) -> GridWatch {
    let on_change = std::rc::Rc::new(on_change);
    let on_resize = {
        let on_change = on_change.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || on_change())
    };
    let resize = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())
        .ok()
        .map(|observer| {
            observer.observe(region);
            (observer, on_resize)
        });
    GridWatch {
        // Passive (gloo's default): it never delays scrolling.
        _scroll: gloo::events::EventListener::new(region, "scroll", move |_| on_change()),
        resize,
    }
}

/// Sets the height of `element` (an empty row standing in for rows not drawn), through the
/// CSS object model: an inline `style` attribute would break the content security policy.
pub fn set_height(element: &web_sys::Element, pixels: f64) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.style().set_property(
            "height",
            &format!("{}px", crate::model::decimals(pixels, 2)),
        );
    }
}

/// The `aria-rowindex` of the table row holding the event's target (1 is the header row).
pub fn row_index_of(event: &web_sys::Event) -> Option<usize> {
    event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("tr[aria-rowindex]")
        .ok()??
        .get_attribute("aria-rowindex")?
        .parse()
        .ok()
}
