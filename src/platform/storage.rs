//! localStorage, as plain strings. What the strings mean (the versioned format) is
//! `crate::codec::saved`'s business; this only says whether the browser kept them.

#[cfg(target_arch = "wasm32")]
use gloo::storage::{LocalStorage, Storage};

/// Why the browser would not keep or give back the data, in words for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageProblem(pub String);

/// Reads the value under `key`; `Ok(None)` when nothing has been saved yet.
#[cfg(target_arch = "wasm32")]
pub fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    let storage = LocalStorage::raw();
    storage.get_item(key).map_err(|_| {
        StorageProblem(
            "This browser is not letting the modeller read saved work (private browsing, or storage switched off)."
                .into(),
        )
    })
}

#[cfg(target_arch = "wasm32")]
pub fn write(key: &str, value: &str) -> Result<(), StorageProblem> {
    LocalStorage::raw().set_item(key, value).map_err(|_| {
        StorageProblem(
            "Your work is not being saved: this browser's storage is full or switched off. Export the model to a file to keep it."
                .into(),
        )
    })
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
