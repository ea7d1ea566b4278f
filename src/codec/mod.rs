//! Versioned formats a model travels in: the browser's autosave (and, later, share links,
//! JSON files and CSV exports). Pure: no browser APIs.

pub mod embed_config;
pub mod library;
pub mod link;
pub mod saved;
