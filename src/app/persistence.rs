//! Keeping models in this browser, safely when several tabs are open: opening the library at
//! start-up (rebuilding a damaged index from the models present, migrating what earlier
//! versions saved), saving the open model after every change without ever overwriting a newer
//! save from another tab, and adding, switching, deleting and recovering models.
//!
//! Every write reads the stored index first and merges into it, so no tab writes from a stale
//! copy. Nothing readable is ever discarded: text that cannot be read is moved aside under a
//! key of its own. Formats come from `crate::codec`; storage is behind `Store`, which the
//! browser (`Browser`) and the native tests (a map) both provide.

use crate::codec::library::{
    self, IndexProblem, Library, CRASHED_KEY, INDEX_KEY, OPENING_KEY, UNREADABLE_PREFIX,
};
use crate::codec::link::decode_link;
use crate::codec::saved;
use crate::model::user_text::isolate;
use crate::model::{
    has_duplicate_ids, limits, naming, repair_duplicate_ids, templates, Model, ScenarioId,
};
use crate::platform::storage::{self, StorageProblem};

/// Somewhere to keep strings by key: the browser's localStorage, or a map in the tests.
pub trait Store {
    fn read(&self, key: &str) -> Result<Option<String>, StorageProblem>;
    fn write(&self, key: &str, value: &str) -> Result<(), StorageProblem>;
    fn remove(&self, key: &str) -> Result<(), StorageProblem>;
    /// Every key held (empty if storage is refused).
    fn keys(&self) -> Vec<String>;
}

/// Writes `model` under `key` as saved JSON (through a buffer kept between saves).
fn write_model<S: Store>(store: &S, key: &str, model: &Model) -> Result<(), StorageProblem> {
    saved::with_encoded(model, |text| store.write(key, text))
}

/// This browser's localStorage (`crate::platform::storage`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Browser;

impl Store for Browser {
    fn read(&self, key: &str) -> Result<Option<String>, StorageProblem> {
        storage::read(key)
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageProblem> {
        storage::write(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageProblem> {
        storage::remove(key)
    }
    fn keys(&self) -> Vec<String> {
        storage::keys()
    }
}

/// What this tab knows of the library and of its open model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The list of models as last read from storage (for showing; writes re-read it).
    pub library: Library,
    /// The model this tab has open.
    pub open: u32,
    /// The open model's revision when this tab last saved or read it.
    pub revision: u64,
    /// Why this tab must not write (a newer version's index, or opened read-only after a
    /// crash); `None` when it saves as usual.
    pub read_only: Option<String>,
}

impl Session {
    /// A session that writes nothing: for a model shown but not kept.
    fn read_only(library: Library, why: String) -> Session {
        Session {
            library,
            open: 0,
            revision: 0,
            read_only: Some(why),
        }
    }
}

/// What the modeller opens with.
pub struct Opened {
    pub session: Session,
    pub model: Model,
    /// The option to open, when a link chose one.
    pub option: Option<ScenarioId>,
    /// What the person should know: a damaged index rebuilt, an unreadable model kept aside,
    /// a repaired model, a refused link.
    pub notices: Vec<String>,
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveProblem {
    /// The browser refused, or this tab is read-only: the message says which.
    Refused(String),
    /// Another tab saved this model since this tab last saw it.
    ChangedElsewhere,
    /// Another tab deleted this model.
    DeletedElsewhere,
}

impl SaveProblem {
    /// The status line's words.
    pub fn message(&self) -> String {
        match self {
            SaveProblem::Refused(why) => why.clone(),
            SaveProblem::ChangedElsewhere => "Not saved: this model was changed in another tab. Choose below which version to keep.".into(),
            SaveProblem::DeletedElsewhere => "Not saved: this model was deleted in another tab. Choose below whether to keep it.".into(),
        }
    }
}

/// A model to start from when there is none: the first template.
pub fn starter() -> Model {
    templates::first().unwrap_or_else(templates::blank)
}

const NEWER_INDEX: &str = "Your saved models were last changed by a newer version of the modeller. This version shows them read-only so it cannot damage them: nothing you change here is saved. Open the newer version to carry on, or download a model file to keep a change.";

/// The index as stored, repaired if it needs to be, and whether this tab may write to it.
struct IndexRead {
    library: Library,
    read_only: Option<String>,
    notices: Vec<String>,
}

/// Ids of the models present in storage, whatever the index says, lowest first.
fn stored_ids<S: Store>(store: &S) -> Vec<u32> {
    let mut ids: Vec<u32> = store
        .keys()
        .iter()
        .filter_map(|k| library::id_of_key(k))
        .collect();
    crate::model::order::sort_by_key(&mut ids, |id| u64::from(*id));
    ids
}

/// The name to list model `id` under: its own, or a description if it cannot be read.
fn listed_name<S: Store>(store: &S, id: u32) -> String {
    match read_model(store, id) {
        Ok((model, _)) => model.name,
        Err(_) => format!("Unreadable model (saved as number {id})"),
    }
}

/// Moves `text` aside under a key of its own (never over an earlier one); returns the key.
pub fn keep_aside<S: Store>(store: &S, text: &str) -> Result<String, StorageProblem> {
    let taken: Vec<String> = store.keys();
    let key = (1u32..)
        .map(|n| format!("{UNREADABLE_PREFIX}{n}"))
        .find(|k| !taken.contains(k))
        .unwrap_or_else(|| format!("{UNREADABLE_PREFIX}0"));
    store.write(&key, text)?;
    Ok(key)
}

/// Reads the index; lists models present in storage but missing from it; rebuilds it from the
/// models present (keeping a damaged one aside first) when it cannot be used. Writes only to
/// repair, and never when a newer version wrote it.
fn read_index<S: Store>(store: &S) -> IndexRead {
    let mut notices = Vec::new();
    let text = match store.read(INDEX_KEY) {
        Ok(text) => text,
        // Storage refused: nothing to read; saving will say so.
        Err(_) => {
            return IndexRead {
                library: Library::empty(),
                read_only: None,
                notices,
            }
        }
    };
    let ids = stored_ids(store);
    let (mut library, read_only) = match text.as_deref().map(library::decode) {
        Some(Ok(library)) => (library, None),
        Some(Err(IndexProblem::Newer(_))) => (Library::empty(), Some(NEWER_INDEX.to_string())),
        Some(Err(_)) if ids.is_empty() => (Library::empty(), None),
        Some(Err(problem)) => {
            let kept = text.as_deref().map(|t| keep_aside(store, t));
            let what = match problem {
                IndexProblem::Empty => "was empty",
                _ => "could not be read",
            };
            notices.push(match kept {
                Some(Ok(key)) => format!("The list of your saved models {what}, so it has been rebuilt from the models saved in this browser. The old list is kept under ‘{key}’."),
                _ => format!("The list of your saved models {what}, so it has been rebuilt from the models saved in this browser."),
            });
            (Library::empty(), None)
        }
        None => (Library::empty(), None),
    };
    let missing: Vec<u32> = ids
        .iter()
        .copied()
        .filter(|id| library.entry(*id).is_none())
        .collect();
    for id in &missing {
        library.models.push(library::Entry {
            id: *id,
            name: listed_name(store, *id),
            revision: 0,
        });
    }
    library.next_id = library.fresh_id(&ids);
    if !missing.is_empty() && read_only.is_none() {
        if text.is_some() && notices.is_empty() {
            notices.push(format!(
                "Found {} saved model{} missing from the list of your models, and listed {} again.",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                if missing.len() == 1 { "it" } else { "them" }
            ));
        }
        let _ = store.write(INDEX_KEY, &library::encode(&library));
    }
    IndexRead {
        library,
        read_only,
        notices,
    }
}

/// Model `id` as saved, with any repairs made to it (duplicate ids renumbered, each with a
/// sentence saying so), or why it cannot be opened, in words. A model beyond the size limits
/// (saved before they existed, or by hand) is not opened, so it cannot freeze the tab; it stays
/// saved, and the recovery page (`?page=recovery`) downloads it.
pub fn read_model<S: Store>(store: &S, id: u32) -> Result<(Model, Vec<String>), String> {
    match store.read(&library::model_key(id)) {
        Ok(Some(text)) => {
            let mut model = saved::decode(&text).map_err(|e| e.to_string())?;
            limits::check(&model).map_err(|e| {
                format!("{e} To get a copy, download it from the recovery page (add ?page=recovery to the address).")
            })?;
            let repairs = repair_duplicate_ids(&mut model);
            Ok((model, repairs))
        }
        Ok(None) => Err("That model is no longer saved in this browser.".to_string()),
        Err(problem) => Err(problem.0),
    }
}

/// Opens the library at start-up: this tab's model (`tab_open`, kept across a reload), else
/// the one opened last, else the first readable one; a template when there are none.
pub fn open_library<S: Store>(store: &S, tab_open: Option<u32>) -> Opened {
    open_library_with(store, tab_open, true)
}

/// As `open_library`, except that on a first visit (nothing saved at all) the template is
/// returned not yet written (`session.open` is 0): `save` writes it as a new model. The
/// modeller writes it once the template's figures are painted, so a first visit does not wait
/// for serialising and storing a model nobody has changed (docs/benchmarks.md, 2).
pub fn open_library_unwritten<S: Store>(store: &S, tab_open: Option<u32>) -> Opened {
    open_library_with(store, tab_open, false)
}

fn open_library_with<S: Store>(store: &S, tab_open: Option<u32>, write_first: bool) -> Opened {
    let IndexRead {
        library,
        read_only,
        mut notices,
    } = read_index(store);
    if library.models.is_empty() {
        if let Some(why) = read_only {
            notices.push(why.clone());
            return Opened {
                session: Session::read_only(library, why),
                model: starter(),
                option: None,
                notices,
            };
        }
        return first_library(store, notices, write_first);
    }
    let order = first_choice(&library, tab_open)
        .into_iter()
        .chain(library.models.iter().map(|e| e.id));
    let mut failed: Vec<(u32, String)> = Vec::new();
    for id in order {
        if failed.iter().any(|(f, _)| *f == id) {
            continue;
        }
        match read_model(store, id) {
            Ok((model, repairs)) => {
                notices.extend(failed_messages(&library, &failed));
                notices.extend(repairs);
                if let Some(why) = &read_only {
                    notices.push(why.clone());
                }
                let session = Session {
                    revision: library.revision_of(id).unwrap_or(0),
                    open: id,
                    library,
                    read_only,
                };
                return Opened {
                    session,
                    model,
                    option: None,
                    notices,
                };
            }
            Err(message) => failed.push((id, message)),
        }
    }
    // Nothing listed can be read: keep them all as they are and start a new model beside them.
    notices.extend(failed_messages(&library, &failed));
    let model = starter();
    let session = Session {
        library,
        open: 0,
        revision: 0,
        read_only,
    };
    match add(store, &session, &model) {
        Ok(session) => Opened {
            session,
            model,
            option: None,
            notices,
        },
        Err(problem) => {
            notices.push(problem.message());
            Opened {
                session,
                model,
                option: None,
                notices,
            }
        }
    }
}

/// The model a start tries first: this tab's (`tab_open`, kept across a reload), else the one
/// opened last, else the first listed.
fn first_choice(library: &Library, tab_open: Option<u32>) -> Option<u32> {
    let listed = |id: u32| library.entry(id).map(|e| e.id);
    tab_open
        .and_then(listed)
        .or_else(|| listed(library.open))
        .or_else(|| library.models.first().map(|e| e.id))
}

/// The model a start would open, read without writing anything, for the first screen
/// (`src/first.rs`) to draw while the modeller loads: the same model `open_library_unwritten`
/// opens, whenever that start is a plain one. `None` when it is not — a stop to recover from,
/// a damaged or newer index, models missing from it, an earlier build's single model, a model
/// that needs repairing, is too large or was saved in format 1 — so that the first screen never
/// shows what the modeller would not, and the modeller says what happened itself. `now` is
/// milliseconds since 1970.
pub fn peek<S: Store>(store: &S, tab_open: Option<u32>, now: f64) -> Option<Model> {
    if stopped_last_time(store, now) {
        return None;
    }
    let ids = stored_ids(store);
    let library = match store.read(INDEX_KEY).ok()?.as_deref().map(library::decode) {
        Some(Ok(library)) => library,
        // As `read_index`: an index with no models behind it is ignored, without a word.
        None | Some(Err(IndexProblem::Empty | IndexProblem::Unreadable)) if ids.is_empty() => {
            Library::empty()
        }
        Some(Err(_)) | None => return None,
    };
    if ids.iter().any(|id| library.entry(*id).is_none()) {
        return None;
    }
    if library.models.is_empty() {
        // A first visit: the template, unless an earlier build's model is there to adopt.
        return match store.read(saved::STORAGE_KEY) {
            Ok(None) => Some(starter()),
            _ => None,
        };
    }
    let text = store
        .read(&library::model_key(first_choice(&library, tab_open)?))
        .ok()??;
    let model = saved::decode_recent(&text)?;
    limits::check(&model).ok()?;
    (!has_duplicate_ids(&model)).then_some(model)
}

fn failed_messages(library: &Library, failed: &[(u32, String)]) -> Vec<String> {
    failed
        .iter()
        .map(|(id, message)| {
            let name = library
                .name_of(*id)
                .map_or_else(|| "A saved model".to_string(), isolate);
            format!("‘{name}’ could not be opened: {message} It is kept, unchanged.")
        })
        .collect()
}

/// No models yet: adopt the single model the first builds saved, if any, else a template.
fn first_library<S: Store>(store: &S, mut notices: Vec<String>, write_first: bool) -> Opened {
    let earlier = store.read(saved::STORAGE_KEY).ok().flatten();
    let model = match earlier.as_deref().map(saved::decode) {
        Some(Ok(model)) => model,
        Some(Err(error)) => {
            if let Some(text) = &earlier {
                let _ = keep_aside(store, text);
            }
            notices.push(error.to_string());
            starter()
        }
        None => starter(),
    };
    let session = Session {
        library: Library::empty(),
        open: 0,
        revision: 0,
        read_only: None,
    };
    if earlier.is_none() && !write_first {
        // Nothing of the person's to keep: the caller's first `save` writes the template.
        return Opened {
            session,
            model,
            option: None,
            notices,
        };
    }
    let session = match add(store, &session, &model) {
        Ok(session) => {
            if earlier.is_some() {
                let _ = store.remove(saved::STORAGE_KEY);
            }
            session
        }
        // Storage refused: work in this tab only; each save tries again and says why not.
        Err(_) => session,
    };
    Opened {
        session,
        model,
        option: None,
        notices,
    }
}

/// The index to write into: read now, never a stale copy. Refuses when a newer version wrote it.
fn index_for_writing<S: Store>(store: &S) -> Result<Library, SaveProblem> {
    let IndexRead {
        library, read_only, ..
    } = read_index(store);
    match read_only {
        Some(why) => Err(SaveProblem::Refused(why)),
        None => Ok(library),
    }
}

/// Saves `model` as this tab's open model, unless another tab saved or deleted it since this
/// tab last saw it. Returns the session with the new revision.
pub fn save<S: Store>(store: &S, session: &Session, model: &Model) -> Result<Session, SaveProblem> {
    if let Some(why) = &session.read_only {
        return Err(SaveProblem::Refused(why.clone()));
    }
    if session.open == 0 {
        // Not saved anywhere yet (storage refused it before): keep it as a new model now.
        return add(store, session, model);
    }
    let mut library = index_for_writing(store)?;
    match library.revision_of(session.open) {
        None => return Err(SaveProblem::DeletedElsewhere),
        Some(revision) if revision != session.revision => {
            return Err(SaveProblem::ChangedElsewhere)
        }
        Some(_) => {}
    }
    let refused = |p: StorageProblem| SaveProblem::Refused(p.0);
    write_model(store, &library::model_key(session.open), model).map_err(refused)?;
    library.rename(session.open, &model.name);
    let revision = library.bump(session.open).unwrap_or(0);
    store
        .write(INDEX_KEY, &library::encode(&library))
        .map_err(refused)?;
    Ok(Session {
        library,
        open: session.open,
        revision,
        read_only: None,
    })
}

/// Adds `model` as a new model (a fresh id, never one used before) and opens it in this tab.
pub fn add<S: Store>(store: &S, session: &Session, model: &Model) -> Result<Session, SaveProblem> {
    if let Some(why) = &session.read_only {
        return Err(SaveProblem::Refused(why.clone()));
    }
    let mut library = index_for_writing(store)?;
    let id = library.add_avoiding(&model.name, &stored_ids(store));
    let refused = |p: StorageProblem| SaveProblem::Refused(p.0);
    write_model(store, &library::model_key(id), model).map_err(refused)?;
    let revision = library.bump(id).unwrap_or(0);
    library.open = id;
    if let Err(problem) = store.write(INDEX_KEY, &library::encode(&library)) {
        // Not listed, so not kept: take the model back out rather than leave a stray.
        let _ = store.remove(&library::model_key(id));
        return Err(refused(problem));
    }
    Ok(Session {
        library,
        open: id,
        revision,
        read_only: None,
    })
}

/// Opens saved model `id` in this tab (and remembers it as the one opened last).
pub fn switch<S: Store>(
    store: &S,
    session: &Session,
    id: u32,
) -> Result<(Session, Model, Vec<String>), String> {
    let (model, repairs) = read_model(store, id)?;
    let mut library = match &session.read_only {
        Some(_) => session.library.clone(),
        None => index_for_writing(store).unwrap_or_else(|_| session.library.clone()),
    };
    let revision = library.revision_of(id).unwrap_or(0);
    if session.read_only.is_none() && library.open != id {
        library.open = id;
        let _ = store.write(INDEX_KEY, &library::encode(&library));
    }
    let next = Session {
        library,
        open: id,
        revision,
        read_only: session.read_only.clone(),
    };
    Ok((next, model, repairs))
}

/// Deletes model `id` from the browser. Its key goes first, so a failure never leaves an
/// index entry pointing at nothing.
pub fn delete<S: Store>(store: &S, session: &Session, id: u32) -> Result<Session, SaveProblem> {
    if let Some(why) = &session.read_only {
        return Err(SaveProblem::Refused(why.clone()));
    }
    let mut library = index_for_writing(store)?;
    let refused = |p: StorageProblem| SaveProblem::Refused(p.0);
    store.remove(&library::model_key(id)).map_err(refused)?;
    library.remove(id);
    store
        .write(INDEX_KEY, &library::encode(&library))
        .map_err(refused)?;
    Ok(Session {
        library,
        ..session.clone()
    })
}

/// What another tab's change to storage means for this tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// The list changed (a model added, renamed or deleted); this tab's model did not.
    Listed(Library),
    /// This tab's model was saved by another tab: its new revision.
    Changed(Library, u64),
    /// This tab's model was deleted by another tab.
    Deleted(Library),
}

/// Reads what another tab changed. Writes nothing: a damaged index is repaired by the next save.
pub fn changed_elsewhere<S: Store>(store: &S, session: &Session) -> Option<Elsewhere> {
    let text = store.read(INDEX_KEY).ok().flatten()?;
    let library = library::decode(&text).ok()?;
    if library == session.library {
        return None;
    }
    Some(match library.revision_of(session.open) {
        _ if session.open == 0 => Elsewhere::Listed(library),
        None => Elsewhere::Deleted(library),
        Some(revision) if revision != session.revision => Elsewhere::Changed(library, revision),
        Some(_) => Elsewhere::Listed(library),
    })
}

/// Opens a shared link's model as a new model beside the saved ones (never over them). A bad
/// link changes nothing and says what is wrong and what to do.
pub fn open_shared<S: Store>(store: &S, opened: &mut Opened, fragment: &str) {
    match decode_link(fragment) {
        Ok((mut model, option)) => {
            let repairs = repair_duplicate_ids(&mut model);
            // Two models of one name could not be told apart in the list.
            let library = &opened.session.library;
            model.name = naming::from_link_name(&model.name, |name| {
                library.models.iter().any(|m| m.name == name)
            });
            let notice = match add(store, &opened.session, &model) {
                Ok(session) => {
                    opened.session = session;
                    format!(
                        "Opened the shared model ‘{}’ as a new model. Your other models are unchanged.",
                        isolate(&model.name)
                    )
                }
                Err(problem) => {
                    // Shown, not yet kept anywhere: the next save tries again, as a new model.
                    opened.session.open = 0;
                    opened.session.revision = 0;
                    format!(
                        "Opened the shared model ‘{}’. {}",
                        model.name,
                        problem.message()
                    )
                }
            };
            opened.notices.push(notice);
            opened.notices.extend(repairs);
            opened.model = model;
            opened.option = Some(option);
        }
        Err(error) => {
            opened
                .notices
                .push(format!("{error} Your saved models are unchanged."));
        }
    }
}

/// How long a start may take before a marker it left counts as a start that never finished
/// (rather than another tab starting at the same moment, as when a browser restores its tabs).
pub const START_GRACE_MS: u64 = 20_000;

/// Whether the last start never finished or the modeller stopped with an error: then the
/// recovery page opens instead of the same model again. `now` is milliseconds since 1970.
pub fn stopped_last_time<S: Store>(store: &S, now: f64) -> bool {
    let crashed = matches!(store.read(CRASHED_KEY), Ok(Some(_)));
    let now = whole_ms(now);
    // Whole milliseconds; earlier versions wrote the same number as a float's text.
    let unfinished = match store.read(OPENING_KEY) {
        Ok(Some(started)) => started
            .split('.')
            .next()
            .unwrap_or_default()
            .parse::<u64>()
            .map_or(true, |at| at > now || now - at >= START_GRACE_MS),
        _ => false,
    };
    crashed || unfinished
}

/// Notes that a start is under way, and when (cleared by `started`).
pub fn starting<S: Store>(store: &S, now: f64) {
    let _ = store.write(OPENING_KEY, &whole_ms(now).to_string());
}

/// A time in whole milliseconds since 1970 (0 for none before it), written and read as an
/// integer: formatting or parsing an `f64` would add about 30 KiB to the page's wasm.
fn whole_ms(ms: f64) -> u64 {
    // `as` saturates, and a NaN becomes 0.
    ms.max(0.0) as u64
}

/// The start finished and the model is on screen: forget any earlier stop.
pub fn started<S: Store>(store: &S) {
    let _ = store.remove(OPENING_KEY);
    let _ = store.remove(CRASHED_KEY);
}

/// The library for the recovery page: listed from the index and the models present, with
/// nothing opened.
pub fn recovery_list<S: Store>(store: &S) -> Library {
    read_index(store).library
}

/// The stored text of model `id`, exactly as saved (for downloading from the recovery page,
/// even when this version cannot read it).
pub fn raw_model<S: Store>(store: &S, id: u32) -> Option<String> {
    store.read(&library::model_key(id)).ok().flatten()
}

/// Opens model `id` without ever writing to it (the recovery page's "Open read-only").
pub fn open_read_only<S: Store>(store: &S, id: u32) -> Result<Opened, String> {
    let library = recovery_list(store);
    let (model, notices) = read_model(store, id)?;
    let why = "Opened read-only after the modeller stopped: nothing you change is saved. Reload the page to carry on as usual.".to_string();
    let mut session = Session::read_only(library, why);
    session.open = id;
    Ok(Opened {
        session,
        model,
        option: None,
        notices,
    })
}
