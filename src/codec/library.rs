//! The list of models kept in this browser: each model is saved under its own key (so an edit
//! rewrites one model, not all of them) and this index names them and says which is open.

use serde::{Deserialize, Serialize};

/// The index's own format version, separate from the model schema.
pub const LIBRARY_FORMAT: u32 = 1;
pub const INDEX_KEY: &str = "pooled-budgets.index";

/// Where model `id` is saved.
pub fn model_key(id: u32) -> String {
    format!("pooled-budgets.model.{id}")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u32,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub format: u32,
    /// The model being worked on.
    pub open: u32,
    pub models: Vec<Entry>,
}

impl Library {
    /// A library holding one model, open.
    pub fn with_first(name: &str) -> Library {
        Library {
            format: LIBRARY_FORMAT,
            open: 1,
            models: vec![Entry {
                id: 1,
                name: name.to_string(),
            }],
        }
    }

    /// Adds a model named `name` and returns its id. Ids are never reused while the library
    /// exists, so a stale key can never be mistaken for a new model.
    pub fn add(&mut self, name: &str) -> u32 {
        let id = self
            .models
            .iter()
            .map(|e| e.id)
            .max()
            .map_or(1, |max| max.saturating_add(1));
        self.models.push(Entry {
            id,
            name: name.to_string(),
        });
        id
    }

    pub fn remove(&mut self, id: u32) {
        self.models.retain(|e| e.id != id);
    }

    /// Records `name` for model `id`; true if it changed.
    pub fn rename(&mut self, id: u32, name: &str) -> bool {
        match self.models.iter_mut().find(|e| e.id == id) {
            Some(entry) if entry.name != name => {
                entry.name = name.to_string();
                true
            }
            _ => false,
        }
    }

    pub fn name_of(&self, id: u32) -> Option<&str> {
        self.models
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.as_str())
    }
}

pub fn encode(library: &Library) -> String {
    serde_json::to_string(library).unwrap_or_default()
}

/// `None` when the text is not a library this version can read; the caller then keeps the
/// models it can find rather than discarding anything.
pub fn decode(text: &str) -> Option<Library> {
    serde_json::from_str::<Library>(text)
        .ok()
        .filter(|l| l.format <= LIBRARY_FORMAT)
}
