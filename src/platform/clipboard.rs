//! Copying text with the Clipboard API. Some browsers (and some intranet frames) refuse it, so
//! the result is reported and the caller shows the text to copy by hand instead.

use yew::Callback;

/// Copies `text`; `done` receives whether the browser accepted it.
pub fn copy(text: &str, done: Callback<bool>) {
    #[cfg(target_arch = "wasm32")]
    {
        let clipboard = gloo::utils::window().navigator().clipboard();
        let promise = clipboard.write_text(text);
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
