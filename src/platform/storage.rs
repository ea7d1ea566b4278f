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
