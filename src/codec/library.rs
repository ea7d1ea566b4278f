//! The list of models kept in this browser: each model is saved under its own key (so an edit
//! rewrites one model, not all of them) and this index names them, counts each one's saves
//! (its revision, so two tabs never overwrite each other's work unseen) and remembers the
//! next id to give out (so an id is never reused, even after a deletion).

use serde::{Deserialize, Serialize};

/// The index's own format version, separate from the model schema. Version 1 indexes written
/// by earlier builds lack `next_id` and the revisions; they read as revision 0.
pub const LIBRARY_FORMAT: u32 = 1;
pub const INDEX_KEY: &str = "pooled-budgets.index";
/// What every model's key starts with; the id follows.
pub const MODEL_KEY_PREFIX: &str = "pooled-budgets.model.";

/// Where model `id` is saved.
pub fn model_key(id: u32) -> String {
    format!("{MODEL_KEY_PREFIX}{id}")
}

/// The id in a model's key, if `key` is one.
pub fn id_of_key(key: &str) -> Option<u32> {
    let digits = key.strip_prefix(MODEL_KEY_PREFIX)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|id| *id > 0)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u32,
    pub name: String,
    /// How many times this model has been saved; each save checks it has not moved on.
    #[serde(default)]
    pub revision: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub format: u32,
    /// The model opened last, in any tab: where a new tab starts.
    pub open: u32,
    pub models: Vec<Entry>,
    /// The lowest id never given out. Zero in indexes written before it was kept.
    #[serde(default)]
    pub next_id: u32,
}

/// Why the stored index cannot be used as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexProblem {
    /// Not an index this or any version wrote (damaged, or not JSON).
    Unreadable,
    /// An index listing no models.
    Empty,
    /// Written by a newer version of the modeller: read it, never write over it.
    Newer(u32),
}

impl Library {
    /// An empty library: what a rebuild starts from.
    pub fn empty() -> Library {
        Library {
            format: LIBRARY_FORMAT,
            open: 0,
            models: Vec::new(),
            next_id: 1,
        }
    }

    /// A library holding one model, open.
    pub fn with_first(name: &str) -> Library {
        let mut library = Library::empty();
        library.open = library.add(name);
        library
    }

    /// The id the next added model gets: above every id listed, every id in `taken` (model keys
    /// found in storage) and every id given out before.
    pub fn fresh_id(&self, taken: &[u32]) -> u32 {
        self.models
            .iter()
            .map(|e| e.id)
            .chain(taken.iter().copied())
            .map(|id| id.saturating_add(1))
            .chain([self.next_id, 1])
            .max()
            .unwrap_or(1)
    }

    /// Adds a model named `name` and returns its id. Ids are never reused while the library
    /// exists, so a stale key can never be mistaken for a new model.
    pub fn add(&mut self, name: &str) -> u32 {
        self.add_avoiding(name, &[])
    }

    /// Adds a model named `name` with an id above every id in `taken` too.
    pub fn add_avoiding(&mut self, name: &str, taken: &[u32]) -> u32 {
        let id = self.fresh_id(taken);
        self.next_id = id.saturating_add(1);
        self.models.push(Entry {
            id,
            name: name.to_string(),
            revision: 0,
        });
        id
    }

    pub fn remove(&mut self, id: u32) {
        self.next_id = self.fresh_id(&[]);
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

    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.models.iter().find(|e| e.id == id)
    }

    pub fn name_of(&self, id: u32) -> Option<&str> {
        self.entry(id).map(|e| e.name.as_str())
    }

    /// Model `id`'s revision, if it is listed.
    pub fn revision_of(&self, id: u32) -> Option<u64> {
        self.entry(id).map(|e| e.revision)
    }

    /// Records one more save of model `id`; returns the new revision.
    pub fn bump(&mut self, id: u32) -> Option<u64> {
        let entry = self.models.iter_mut().find(|e| e.id == id)?;
        entry.revision = entry.revision.saturating_add(1);
        Some(entry.revision)
    }
}

pub fn encode(library: &Library) -> String {
    serde_json::to_string(library).unwrap_or_default()
}

/// The stored index, or why it cannot be used; the caller then rebuilds the list from the
/// model keys present rather than discarding anything.
pub fn decode(text: &str) -> Result<Library, IndexProblem> {
    #[derive(Deserialize)]
    struct Format {
        format: u32,
    }
    let format = serde_json::from_str::<Format>(text)
        .map_err(|_| IndexProblem::Unreadable)?
        .format;
    if format > LIBRARY_FORMAT {
        return Err(IndexProblem::Newer(format));
    }
    let library = serde_json::from_str::<Library>(text).map_err(|_| IndexProblem::Unreadable)?;
    if library.models.is_empty() {
        return Err(IndexProblem::Empty);
    }
    Ok(library)
}

/// Set while the modeller opens a model at start-up and cleared once it has shown it: still
/// there at the next start means the last start never finished (a crash or a freeze).
pub const OPENING_KEY: &str = "pooled-budgets.opening";
/// Set by the loader (assets/loader.js) when the wasm traps: the modeller stopped with an error.
pub const CRASHED_KEY: &str = "pooled-budgets.crashed";
/// Unreadable values are moved to keys starting with this, each under its own number.
pub const UNREADABLE_PREFIX: &str = "pooled-budgets.unreadable.";
/// A test-only switch (tests/e2e): when it holds "render", the modeller panics while drawing,
/// so the browser tests can see the crash message and the recovery page for real.
pub const TEST_PANIC_KEY: &str = "pooled-budgets.test-panic";
/// This tab's open model (sessionStorage): a reload reopens it, whatever other tabs opened.
pub const TAB_OPEN_KEY: &str = "pooled-budgets.tab-open";
/// sessionStorage: "1" while this tab shows "Models and files" (the models, share and files panels).
pub const MODELS_OPEN_KEY: &str = "pooled-budgets.tab-models-open";
