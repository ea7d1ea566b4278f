//! The only code that calls browser APIs: mounting, storage, keyboard
//! shortcuts, focus, the address's fragment and query, the clipboard, downloading and reading
//! files, talking to a host page when embedded, and the simulation's worker.

pub mod address;
pub mod cells;
pub mod clipboard;
pub mod embed;
pub mod files;
mod keys;
pub mod storage;
pub mod worker;

pub use keys::{listen_for_history_keys, HistoryKey};

/// Mounts component `C` into `#app`, replacing what is there: the static "Loading…" text
/// index.html shows, or the first screen (`src/first.rs`) the modeller takes over from.
pub fn mount<C>()
where
    C: yew::BaseComponent<Properties = ()>,
{
    mount_with::<C>(());
}

/// `mount` for a component with properties.
pub fn mount_with<C: yew::BaseComponent>(props: C::Properties) {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<C>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<C>::with_props(props).render();
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

/// Moves focus to the element with this id once the current update has rendered it.
pub fn focus_soon(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let id = id.to_string();
        gloo::timers::callback::Timeout::new(0, move || focus(&id)).forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Runs `then` once the next frame has been painted: an animation frame, then a zero timeout
/// (which the browser runs after that frame). Natively it never runs.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let frame = Closure::once_into_js(move || {
            gloo::timers::callback::Timeout::new(0, then).forget();
        });
        let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = then;
}

/// Runs `then` once the next frame has been painted and the browser has nothing more pressing
/// to do: an animation frame, then an idle callback (at most 500 ms later, so it always runs),
/// or a zero timeout in browsers without idle callbacks (Safari). For work the person does not
/// need in the frame that shows their edit (the checklist), so that the frame, and whatever
/// they type next, comes first. Natively it never runs.
pub fn after_paint_when_idle(then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let frame = Closure::once_into_js(move || {
            let window = gloo::utils::window();
            let idle =
                js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
            if !idle {
                gloo::timers::callback::Timeout::new(0, then).forget();
                return;
            }
            let run = Closure::once_into_js(then);
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(500);
            let _ = window.request_idle_callback_with_options(run.unchecked_ref(), &options);
        });
        let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = then;
}

/// A callback waiting to run: dropping it (or `cancel`) stops it running.
pub struct Timer {
    #[cfg(target_arch = "wasm32")]
    _timeout: gloo::timers::callback::Timeout,
}

/// Runs `then` once, `ms` milliseconds from now, unless the returned `Timer` is dropped first.
/// Natively it never runs.
pub fn after(ms: u32, then: impl FnOnce() + 'static) -> Timer {
    #[cfg(target_arch = "wasm32")]
    {
        Timer {
            _timeout: gloo::timers::callback::Timeout::new(ms, then),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (ms, then);
        Timer {}
    }
}

/// Runs `then` as soon as the browser has handled what is waiting (input, painting): a message
/// posted to itself, which, unlike a zero timeout, browsers do not delay by 4 ms when chained.
/// For long work done in slices (the simulation). Natively it never runs.
pub fn soon(then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let Ok(channel) = web_sys::MessageChannel::new() else {
            gloo::timers::callback::Timeout::new(0, then).forget();
            return;
        };
        let port = channel.port1();
        let run = Closure::once_into_js(then);
        port.set_onmessage(Some(run.unchecked_ref()));
        if channel
            .port2()
            .post_message(&wasm_bindgen::JsValue::NULL)
            .is_err()
        {
            port.set_onmessage(None);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = then;
}

/// Milliseconds since 1970 by the browser's clock (0 natively).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// Opens the browser's print dialogue (the board paper: see styles/print.css).
pub fn print() {
    if let Err(problem) = gloo::utils::window().print() {
        web_sys::console::error_1(&problem);
    }
}

/// The `page` query parameter (`?page=help`), which picks the help or accessibility page.
/// Plain links and a full page load keep these pages simple; the work is autosaved anyway.
pub fn requested_page() -> Option<String> {
    query_value("page")
}

/// Whether the address asks for the comparison of options first (`?embed=1&view=compare`): how
/// an intranet article embeds a fixed comparison.
pub fn requested_comparison() -> bool {
    query_value("view").as_deref() == Some("compare")
}

/// The value of `name` in the address's query (`?embed=1&page=help`), if present.
fn query_value(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let search = gloo::utils::window().location().search().ok()?;
        search
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
            .map(str::to_string)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}
