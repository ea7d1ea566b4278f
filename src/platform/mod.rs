//! The only code that calls browser APIs: mounting, the panic hook, and (later) storage,
//! the URL, clipboard, downloads and postMessage.

mod panic;

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
