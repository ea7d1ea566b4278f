//! Running inside a host page's iframe (docs/embedding.md): whether the app is embedded, the
//! `embed-config.json` file next to `index.html`, and the two messages exchanged with the host:
//!
//! - the app sends `{type: "pooled-budgets:height", height}` to its parent whenever its height
//!   changes, so the host can size the iframe to fit;
//! - the host may send `{type: "pooled-budgets:hello"}`, which the app answers with its height.
//!
//! Messages go only to an origin listed in `embed-config.json` (never `"*"`), and a message from
//! any other origin, or from any window other than the parent, is ignored.

#[cfg(target_arch = "wasm32")]
use crate::codec::embed_config::EmbedConfig;

/// The config file, fetched from the same folder as `index.html` (`connect-src 'self'`).
pub const CONFIG_FILE: &str = "embed-config.json";
pub const HEIGHT_MESSAGE: &str = "pooled-budgets:height";
pub const HELLO_MESSAGE: &str = "pooled-budgets:hello";

/// Whether to show the embedded view: `?embed=1`, or the page is inside a frame.
pub fn requested() -> bool {
    super::query_value("embed").is_some_and(|v| v == "1") || framed()
}

#[cfg(target_arch = "wasm32")]
fn framed() -> bool {
    let window = gloo::utils::window();
    match window.top() {
        Ok(Some(top)) => wasm_bindgen::JsValue::from(top) != wasm_bindgen::JsValue::from(window),
        // A browser that will not even say which window is on top has put us in a frame.
        _ => true,
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn framed() -> bool {
    false
}

/// Marks the page as embedded (`<html class="pb-embedded">`, for the compact layout) and, when
/// framed, starts telling a trusted host page the app's height. Call once; the listeners last
/// as long as the page.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1("pb-embedded");
    }
    if framed() {
        wasm_bindgen_futures::spawn_local(async {
            if let Some(config) = load_config().await {
                talk_to_host(config);
            }
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn start() {}

/// The config file, or `None` (with a console warning saying how to fix it) when it is missing
/// or unreadable: then no host is trusted and the iframe keeps the height the host gave it.
#[cfg(target_arch = "wasm32")]
async fn load_config() -> Option<EmbedConfig> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let warn =
        |message: &str| web_sys::console::warn_1(&format!("pooled-budgets: {message}").into());
    let fetched = JsFuture::from(gloo::utils::window().fetch_with_str(CONFIG_FILE)).await;
    let response = fetched.ok()?.dyn_into::<web_sys::Response>().ok()?;
    if !response.ok() {
        warn(&format!(
            "{CONFIG_FILE} was not found next to index.html (HTTP {}), so the app will not \
             send its height to the host page. Copy it from the release; see docs/embedding.md.",
            response.status()
        ));
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    match crate::codec::embed_config::decode(&text) {
        Ok((config, problems)) => {
            problems.iter().for_each(|p| warn(p));
            Some(config)
        }
        Err(problem) => {
            warn(&problem);
            None
        }
    }
}

/// Sends the height to the parent whenever it changes, once the parent's origin is known and
/// trusted: from `document.referrer` at once, or from a trusted `hello` message.
#[cfg(target_arch = "wasm32")]
fn talk_to_host(config: EmbedConfig) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let from_referrer = crate::codec::embed_config::origin_of(&gloo::utils::document().referrer())
        .filter(|origin| config.trusts(origin));
    let host: Rc<RefCell<Option<String>>> = Rc::new(RefCell::new(from_referrer));

    let send_height = {
        let (host, parent) = (Rc::clone(&host), parent.clone());
        move || {
            let Some(origin) = host.borrow().clone() else {
                return;
            };
            let _ = parent.post_message(&height_message(), &origin);
        }
    };

    let on_resize = Closure::<dyn FnMut()>::new(send_height.clone());
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        gloo::utils::document().document_element(),
    ) {
        observer.observe(&root);
        // The observer, its callback and the message listener last for the life of the page.
        std::mem::forget(observer);
    }
    on_resize.forget();

    gloo::events::EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let origin = event.origin();
        let from_parent = event
            .source()
            .is_some_and(|source| JsValue::from(source) == JsValue::from(&parent));
        if !from_parent
            || !config.trusts(&origin)
            || message_type(&event.data()) != Some(HELLO_MESSAGE.to_string())
        {
            return;
        }
        *host.borrow_mut() = Some(origin);
        send_height();
    })
    .forget();
}

/// `{type: "pooled-budgets:height", height}`: the document's height in whole CSS pixels.
#[cfg(target_arch = "wasm32")]
fn height_message() -> wasm_bindgen::JsValue {
    let height = gloo::utils::document()
        .document_element()
        .map_or(0.0, |root| root.get_bounding_client_rect().height().ceil());
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    message.into()
}

#[cfg(target_arch = "wasm32")]
fn message_type(data: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(data, &"type".into()).ok()?.as_string()
}
