//! The page's address: reading and clearing the `#` fragment a share link carries, and the
//! address to put in front of a new link. The fragment never reaches any server.

/// The fragment without its `#`, if there is one.
#[cfg(target_arch = "wasm32")]
pub fn fragment() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    let hash = hash.trim_start_matches('#');
    (!hash.is_empty()).then(|| hash.to_string())
}

/// Removes the fragment from the address bar without reloading, so a reload does not open the
/// shared model a second time.
#[cfg(target_arch = "wasm32")]
pub fn clear_fragment() {
    let window = gloo::utils::window();
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let _ = history.replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&format!("{path}{search}")),
    );
}

/// This page's address without any fragment or query: what a share link starts with.
#[cfg(target_arch = "wasm32")]
pub fn base_address() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// The modeller's own address from any page beside it: this page's address with a last
/// segment of `view.html` (the shared-model viewer, docs/embedding.md) taken off, so the
/// folder's `index.html` answers.
pub fn app_address() -> String {
    let here = base_address();
    match here.strip_suffix("view.html") {
        Some(folder) => folder.to_string(),
        None => here,
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn fragment() -> Option<String> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub fn clear_fragment() {}

#[cfg(not(target_arch = "wasm32"))]
pub fn base_address() -> String {
    String::new()
}

/// Calls `on_link` with the new fragment whenever the address's fragment changes while the
/// page is open (a link pasted into the address bar of an open modeller does not reload it).
/// Listens until the returned listener is dropped.
pub fn listen_for_fragment(on_link: yew::Callback<String>) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
        // A fragment naming an element on the page is in-page navigation (the error summary's
        // and checklist's links to fields), not a share link.
        let in_page = |id: &str| gloo::utils::document().get_element_by_id(id).is_some();
        if let Some(fragment) = fragment().filter(|f| !in_page(f)) {
            clear_fragment();
            on_link.emit(fragment);
        }
    })
}
