//! Copying text with the Clipboard API. Some browsers (and some intranet frames) refuse it, so
//! the result is reported and the caller shows the text to copy by hand instead.

use yew::Callback;

/// Copies `text`; `done` receives whether the browser accepted it.
pub fn copy(text: &str, done: Callback<bool>) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;

        // Outside a secure context (an intranet page over plain http) `navigator.clipboard` is
        // undefined in every engine: calling it would throw, and the button would do nothing.
        let navigator = gloo::utils::window().navigator();
        let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .ok()
            .filter(|c| !c.is_undefined() && !c.is_null());
        let Some(clipboard) = clipboard else {
            done.emit(false);
            return;
        };
        let promise = clipboard
            .unchecked_into::<web_sys::Clipboard>()
            .write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        done.emit(false);
    }
}
