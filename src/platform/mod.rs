//! The only code that calls browser APIs: mounting, the panic hook, storage, keyboard
//! shortcuts, focus, the address's fragment and query, the clipboard, and downloading and
//! reading files. (Later: postMessage.)

pub mod address;
pub mod clipboard;
pub mod files;
mod keys;
mod panic;
pub mod storage;

pub use keys::{listen_for_history_keys, HistoryKey};
pub use panic::install_panic_hook;

/// Mounts component `C` into `#app`, replacing the static "Loading…" text index.html shows.
pub fn mount<C>()
where
    C: yew::BaseComponent<Properties = ()>,
{
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<C>::with_root(root).render();
        }
        None => {
            yew::Renderer::<C>::new().render();
        }
    }
}

/// Moves keyboard focus to the element with this id (the error summary, a field).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The `page` query parameter (`?page=help`), which picks the help or accessibility page.
/// Plain links and a full page load keep these pages simple; the work is autosaved anyway.
pub fn requested_page() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let search = gloo::utils::window().location().search().ok()?;
        search
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("page="))
            .map(str::to_string)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
