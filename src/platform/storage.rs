//! localStorage, as plain strings. What the strings mean (the versioned format) is
//! `crate::codec::saved`'s business; this only says whether the browser kept them.

/// Why the browser would not keep or give back the data, in words for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageProblem(pub String);

/// Reads the value under `key`; `Ok(None)` when nothing has been saved yet.
#[cfg(target_arch = "wasm32")]
pub fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    local_storage()?.get_item(key).map_err(|_| unavailable())
}

#[cfg(target_arch = "wasm32")]
pub fn write(key: &str, value: &str) -> Result<(), StorageProblem> {
    local_storage()?.set_item(key, value).map_err(|_| {
        StorageProblem(
            "Your work is not being saved: this browser's storage is full. Remove models you no longer need, or keep this tab open."
                .into(),
        )
    })
}

#[cfg(target_arch = "wasm32")]
pub fn remove(key: &str) -> Result<(), StorageProblem> {
    local_storage()?.remove_item(key).map_err(|_| unavailable())
}

/// The browser's storage, if it lets us have it. Private browsing and locked-down policies
/// can refuse it (some by throwing), so every failure becomes a message, never a crash.
#[cfg(target_arch = "wasm32")]
fn local_storage() -> Result<web_sys::Storage, StorageProblem> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(unavailable)
}

#[cfg(target_arch = "wasm32")]
fn unavailable() -> StorageProblem {
    StorageProblem(
        "Your work is not being saved: this browser is not letting the modeller use its storage (private browsing, or storage switched off). The modeller still works; keep this tab open until you have finished."
            .into(),
    )
}

// Natively (server-side rendered component tests) there is no browser storage: nothing is
// saved and nothing is found, as in a browser with a fresh profile.
#[cfg(not(target_arch = "wasm32"))]
pub fn read(_key: &str) -> Result<Option<String>, StorageProblem> {
    Ok(None)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn write(_key: &str, _value: &str) -> Result<(), StorageProblem> {
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn remove(_key: &str) -> Result<(), StorageProblem> {
    Ok(())
}

/// Every key this browser holds for the page's origin (to find saved models when the index
/// is lost). Empty if storage is refused.
#[cfg(target_arch = "wasm32")]
pub fn keys() -> Vec<String> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn keys() -> Vec<String> {
    Vec::new()
}

/// This tab's own storage (sessionStorage): which model the tab has open, so a reload
/// reopens it while another tab works on another model.
#[cfg(target_arch = "wasm32")]
pub fn tab_read(key: &str) -> Option<String> {
    gloo::utils::window()
        .session_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

#[cfg(target_arch = "wasm32")]
pub fn tab_write(key: &str, value: &str) {
    if let Some(storage) = gloo::utils::window().session_storage().ok().flatten() {
        let _ = storage.set_item(key, value);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn tab_read(_key: &str) -> Option<String> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub fn tab_write(_key: &str, _value: &str) {}

/// Calls `on_change` with the key (`None` when storage was cleared) whenever another tab of
/// this site changes storage. A tab never hears its own writes.
pub fn listen_for_other_tabs(
    on_change: yew::Callback<Option<String>>,
) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
        use wasm_bindgen::JsCast;
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            on_change.emit(event.key());
        }
    })
}

/// While `unsaved()` says so, closing or reloading the tab asks the browser's "Leave site?"
/// question first. Listens until the returned listener is dropped.
pub fn ask_before_leaving(unsaved: impl Fn() -> bool + 'static) -> gloo::events::EventListener {
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(
        &gloo::utils::window(),
        "beforeunload",
        options,
        move |event| {
            if unsaved() {
                event.prevent_default();
                if let Some(event) =
                    wasm_bindgen::JsCast::dyn_ref::<web_sys::BeforeUnloadEvent>(event)
                {
                    event.set_return_value("Your changes are not saved.");
                }
            }
        },
    )
}

/// Calls `on_hidden` when the page is being left or hidden (`pagehide`, and `visibilitychange`
/// to hidden): the last moment at which a write to storage is sure to happen, so a change
/// waiting to be saved is written then. Listens until the returned listeners are dropped.
pub fn when_page_hidden(on_hidden: impl Fn() + 'static) -> [gloo::events::EventListener; 2] {
    let on_hidden = std::rc::Rc::new(on_hidden);
    let on_pagehide = on_hidden.clone();
    let window = gloo::utils::window();
    let document = gloo::utils::document();
    [
        gloo::events::EventListener::new(&window, "pagehide", move |_| on_pagehide()),
        gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
            if gloo::utils::document().hidden() {
                on_hidden();
            }
        }),
    ]
}
