//! Files: saving bytes the modeller made as a download (a Blob, an object URL and a
//! `<a download>` click, which needs no server), and reading the file someone chose in a file
//! input. What the bytes mean is `crate::codec`'s business.

use yew::Callback;

/// What reading a chosen file gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRead {
    Read(Vec<u8>),
    /// Larger than the caller's limit, so not read: its size in bytes.
    TooLarge(u64),
    /// The browser could not read it (moved, deleted, or access refused).
    Failed,
}

/// Why a download did not start, in words for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DownloadProblem(pub String);

fn refused() -> DownloadProblem {
    DownloadProblem(
        "This browser did not let the modeller save the file. Check that downloads are allowed for this site, then try again."
            .to_string(),
    )
}

/// Offers `bytes` as a download named `file_name`, of type `mime`.
#[cfg(target_arch = "wasm32")]
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadProblem> {
    use wasm_bindgen::JsCast;

    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| refused())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| refused())?;
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(refused)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or_else(refused)?;
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // Revoked a little later: some browsers start reading the URL after click() returns.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Reads the file chosen in `input` (the first, if several), unless it is larger than
/// `max_bytes`, and clears the input so choosing the same file again reads it again.
#[cfg(target_arch = "wasm32")]
pub fn read_chosen(input: &web_sys::HtmlInputElement, max_bytes: usize, done: Callback<FileRead>) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    let size = file.size();
    if size > max_bytes as f64 {
        done.emit(FileRead::TooLarge(size as u64));
        return;
    }
    let promise = file.array_buffer();
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buffer) => FileRead::Read(js_sys::Uint8Array::new(&buffer).to_vec()),
            Err(_) => FileRead::Failed,
        });
    });
}

// Natively (server-side rendered component tests) there is no browser to download to or read
// from.
#[cfg(not(target_arch = "wasm32"))]
pub fn download(_file_name: &str, _mime: &str, _bytes: &[u8]) -> Result<(), DownloadProblem> {
    Err(refused())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn read_chosen(
    _input: &web_sys::HtmlInputElement,
    _max_bytes: usize,
    done: Callback<FileRead>,
) {
    done.emit(FileRead::Failed);
}
