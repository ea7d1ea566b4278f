//! Keeping models in this browser: opening the library at start-up (migrating what earlier
//! versions saved), saving the open model after every change, and opening, duplicating and
//! deleting models. Formats are `crate::codec`'s; storage calls go through `crate::platform`.
//! Nothing readable is ever discarded: text that cannot be read is moved aside, not deleted.

use crate::codec::library::{self, Library};
use crate::codec::link::decode_link;
use crate::codec::saved;
use crate::model::user_text::isolate;
use crate::model::{templates, Model, ScenarioId};
use crate::platform::storage::{self, StorageProblem};

/// What the modeller opens with.
pub struct Opened {
    pub library: Library,
    pub model: Model,
    /// The option to open, when a link chose one.
    pub option: Option<ScenarioId>,
    /// Something the person should know (a saved model that could not be read).
    pub notice: Option<String>,
}

/// A model to start from when there is none: the first template.
pub fn starter() -> Model {
    templates::all()
        .into_iter()
        .next()
        .map_or_else(templates::blank, |t| t.model)
}

pub fn open_library() -> Opened {
    let index = storage::read(library::INDEX_KEY).ok().flatten();
    let Some(mut library) = index.as_deref().and_then(library::decode) else {
        return first_library();
    };
    if library.models.is_empty() {
        return first_library();
    }
    let open = if library.name_of(library.open).is_some() {
        library.open
    } else {
        library.models.first().map_or(1, |e| e.id)
    };
    library.open = open;
    match read_model(open) {
        Ok(model) => Opened {
            library,
            model,
            option: None,
            notice: None,
        },
        Err(message) => {
            // Keep the unreadable model where it is; open a fresh one beside it.
            let model = starter();
            library.open = library.add(&model.name);
            let _ = save(&library, &model);
            Opened {
                library,
                model,
                option: None,
                notice: Some(message),
            }
        }
    }
}

/// No index yet: adopt the single model an earlier version saved, if any, else a template.
fn first_library() -> Opened {
    let earlier = storage::read(saved::STORAGE_KEY).ok().flatten();
    let (model, notice) = match earlier.as_deref().map(saved::decode) {
        Some(Ok(model)) => (model, None),
        Some(Err(error)) => {
            let _ = earlier.map(|text| storage::write(saved::UNREADABLE_KEY, &text));
            (starter(), Some(error.to_string()))
        }
        None => (starter(), None),
    };
    let library = Library::with_first(&model.name);
    if save(&library, &model).is_ok() && notice.is_none() {
        let _ = storage::remove(saved::STORAGE_KEY);
    }
    Opened {
        library,
        model,
        option: None,
        notice,
    }
}

/// Opens a shared link's model as a new model beside the saved ones (never over them). A bad
/// link changes nothing and says what is wrong and what to do.
pub fn open_shared(opened: &mut Opened, fragment: &str) {
    match decode_link(fragment) {
        Ok((model, option)) => {
            let saved = add(&mut opened.library, &model);
            opened.notice = Some(match saved {
                Ok(()) => format!(
                    "Opened the shared model ‘{}’ as a new model. Your other models are unchanged.",
                    isolate(&model.name)
                ),
                Err(problem) => format!(
                    "Opened the shared model ‘{}’. {}",
                    isolate(&model.name),
                    problem.0
                ),
            });
            opened.model = model;
            opened.option = Some(option);
        }
        Err(error) => {
            opened.notice = Some(format!("{error} Your saved models are unchanged."));
        }
    }
}

/// Model `id` as saved, or why it cannot be opened, in words.
pub fn read_model(id: u32) -> Result<Model, String> {
    match storage::read(&library::model_key(id)) {
        Ok(Some(text)) => saved::decode(&text).map_err(|e| e.to_string()),
        Ok(None) => Err("That model is no longer saved in this browser.".to_string()),
        Err(problem) => Err(problem.0),
    }
}

/// Saves `model` as the library's open model, and the index with its name.
pub fn save(library: &Library, model: &Model) -> Result<(), StorageProblem> {
    storage::write(&library::model_key(library.open), &saved::encode(model))?;
    storage::write(library::INDEX_KEY, &library::encode(library))
}

/// Adds `model` to the library as a new model and opens it.
pub fn add(library: &mut Library, model: &Model) -> Result<(), StorageProblem> {
    library.open = library.add(&model.name);
    save(library, model)
}

/// Deletes model `id` from the browser.
pub fn delete(library: &mut Library, id: u32) -> Result<(), StorageProblem> {
    library.remove(id);
    storage::remove(&library::model_key(id))?;
    storage::write(library::INDEX_KEY, &library::encode(library))
}
