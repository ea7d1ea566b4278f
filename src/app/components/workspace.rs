//! The modeller page: the recovery page after a stop, else the saved models, toolbar, inputs
//! and live results. Owns the one reducer, autosave (safe with several tabs open: see
//! `crate::app::persistence`), listening to other tabs, and asking before unsaved work is left.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::changes_panel::{link_notes, linked_changes};
use super::checklist::Checklist;
use super::compare_view::CompareView;
use super::contributions_editor::ContributionsEditor;
use super::error_summary::ErrorSummary;
use super::files_panel::FilesPanel;
use super::models_panel::ModelsPanel;
use super::options_bar::OptionsBar;
use super::partners_editor::PartnersEditor;
use super::plan_editor::PlanEditor;
use super::pools_editor::PoolsEditor;
use super::recovery_page::RecoveryPage;
use super::results_panel::ResultsPanel;
use super::ring_fences_editor::RingFencesEditor;
use super::scheme_grid::GridLinks;
use super::scheme_transfer::Schemes;
use super::share_panel::SharePanel;
use super::toolbar::{SaveStatus, Toolbar};
use super::unsaved_question::{
    Conflict, ConflictChoice, ConflictNotice, UnsavedChoice, UnsavedQuestion,
};
use crate::app::bidi::{message, name};
use crate::app::fields::{
    use_dispatcher, use_open_scenario, use_shared, use_stable_callback, use_test_panic,
    OpenScenario,
};
use crate::app::persistence::{self, Browser, Elsewhere, Opened, SaveProblem, Session};
use crate::app::state::{Action, EditorState};
use crate::codec::library::{Library, MODELS_OPEN_KEY, TAB_OPEN_KEY};
use crate::codec::model_file;
use crate::model::user_text::isolate;
use crate::model::{naming, repair_duplicate_ids, templates, Model};
use crate::platform;

/// Autosave writes this long after a change unless another follows (the edits pause)…
const SAVE_QUIET_MS: f64 = 500.0;
/// …and never later than this after the first change not yet saved.
const SAVE_AT_MOST_MS: f64 = 5_000.0;

/// How the modeller starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// The recovery page: the last start never finished, or the modeller stopped.
    Recovery,
    Normal,
    /// One model, opened from the recovery page, never saved.
    ReadOnly(u32),
}

#[function_component(Workspace)]
pub fn workspace() -> Html {
    let start = use_state(|| {
        let asked = platform::requested_page().as_deref() == Some("recovery");
        if asked || persistence::stopped_last_time(&Browser, platform::now_ms()) {
            Start::Recovery
        } else {
            Start::Normal
        }
    });
    match *start {
        Start::Recovery => {
            let on_open_read_only = {
                let start = start.clone();
                Callback::from(move |id| {
                    persistence::started(&Browser);
                    start.set(Start::ReadOnly(id));
                })
            };
            let on_continue = {
                let start = start.clone();
                Callback::from(move |()| {
                    persistence::started(&Browser);
                    start.set(Start::Normal);
                })
            };
            html! { <RecoveryPage {on_open_read_only} {on_continue} /> }
        }
        start => html! { <Modeller {start} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ModellerProps {
    start: Start,
}

/// What the person asked for that would leave unsaved work behind, kept while they are asked.
#[derive(Clone, Debug, PartialEq)]
enum Leave {
    Open(u32),
    New(usize),
    Import(Model),
    Link(String),
}

impl Leave {
    fn words(&self) -> &'static str {
        match self {
            Leave::Open(_) => "open another model",
            Leave::New(_) => "create a new model",
            Leave::Import(_) => "open the model file",
            Leave::Link(_) => "open the shared link",
        }
    }
}

/// Counts other tabs' changes to storage, so each one runs an effect with this render's state.
#[derive(Default, PartialEq)]
struct Ticks(u32);

impl Reducible for Ticks {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Ticks(self.0.wrapping_add(1)))
    }
}

fn opened_at_start(start: Start) -> Opened {
    if let Start::ReadOnly(id) = start {
        if let Ok(opened) = persistence::open_read_only(&Browser, id) {
            return opened;
        }
    }
    persistence::starting(&Browser, platform::now_ms());
    let tab_open = platform::storage::tab_read(TAB_OPEN_KEY).and_then(|t| t.parse().ok());
    // A first visit's template is written once its figures are painted (the autosave below).
    let mut opened = persistence::open_library_unwritten(&Browser, tab_open);
    if let Some(fragment) = platform::address::fragment() {
        platform::address::clear_fragment();
        persistence::open_shared(&Browser, &mut opened, &fragment);
    }
    opened
}

/// The list as the models panel shows it: ids and names, not revisions (which change on every
/// save and would redraw the panel for nothing).
fn same_list(a: &Library, b: &Library) -> bool {
    a.models.len() == b.models.len()
        && a.models
            .iter()
            .zip(&b.models)
            .all(|(x, y)| x.id == y.id && x.name == y.name)
}

#[function_component(Modeller)]
fn modeller(props: &ModellerProps) -> Html {
    let opened = use_memo(props.start, |start| opened_at_start(*start));
    use_test_panic();
    // This tab's session: read and written by effects and listeners, never stale.
    let session = use_mut_ref(|| opened.session.clone());
    // What the models panel shows.
    let library = use_state(|| opened.session.library.clone());
    let open_id = use_state_eq(|| opened.session.open);
    // The model as last saved or read: an unchanged model is never written again. `None` when
    // the model is not saved anywhere yet (storage refused it at start-up).
    let saved_model = use_mut_ref(|| {
        let unsaved = opened.session.open == 0 && opened.session.read_only.is_none();
        (!unsaved).then(|| opened.model.clone())
    });
    let notices = use_state(|| opened.notices.clone());
    let editor = use_reducer(|| {
        let state = EditorState::new(opened.model.clone());
        match opened.option {
            Some(option) => state.reduce(Action::Open(option)),
            None => state,
        }
    });
    let save_status = use_state_eq(|| match &opened.session.read_only {
        Some(why) => SaveStatus::ReadOnly(why.clone()),
        None => SaveStatus::Saved,
    });
    let conflict = use_state_eq(|| None::<Conflict>);
    let leaving = use_state(|| None::<Leave>);
    let downloaded = use_state(|| None::<String>);
    let unsaved = use_mut_ref(|| Rc::new(Cell::new(false)));
    unsaved.borrow().set(save_status.unsaved());

    // Shows the session's list and open model, and remembers the model for this tab.
    let show_session = {
        let (library, open_id, session) = (library.clone(), open_id.clone(), session.clone());
        move |next: Session| {
            if !same_list(&library, &next.library) {
                library.set(next.library.clone());
            }
            open_id.set(next.open);
            if next.read_only.is_none() {
                platform::storage::tab_write(TAB_OPEN_KEY, &next.open.to_string());
            }
            *session.borrow_mut() = next;
        }
    };
    {
        // The start finished once its first frame is painted: forget any earlier stop, and
        // remember this tab's model. After the paint, when idle, so the figures are not kept
        // waiting for three storage writes (docs/benchmarks.md, 2).
        let (show_session, session) = (show_session.clone(), session.clone());
        use_effect_with((), move |_| {
            platform::after_paint_when_idle(move || {
                persistence::started(&Browser);
                let current = session.borrow().clone();
                show_session(current);
            });
        });
    }
    // The editor as last drawn, and a change waiting to be saved (the timer that saves it, and
    // when the first change not yet saved was made).
    let latest = use_mut_ref(|| editor.clone());
    *latest.borrow_mut() = editor.clone();
    let waiting = use_mut_ref(|| None::<(platform::Timer, f64)>);
    // Writes the change that is waiting, now; the status it leaves, or None if nothing waited.
    // Called when the timer runs, when the page is hidden or left, and before anything that
    // reads or replaces this model in storage (opening another, another tab's change).
    let flush: Rc<dyn Fn() -> Option<SaveStatus>> = {
        let (waiting, latest, session, saved_model, save_status, conflict, show_session) = (
            waiting.clone(),
            latest.clone(),
            session.clone(),
            saved_model.clone(),
            save_status.clone(),
            conflict.clone(),
            show_session.clone(),
        );
        let unsaved = unsaved.borrow().clone();
        Rc::new(move || {
            waiting.borrow_mut().take()?;
            let editor = latest.borrow().clone();
            save_now(
                &editor.model,
                &session,
                &saved_model,
                &save_status,
                &conflict,
                &show_session,
                &unsaved,
            )
            .or_else(|| {
                // Back to what was saved (an undo): nothing to write.
                save_status.set(SaveStatus::Saved);
                unsaved.set(false);
                Some(SaveStatus::Saved)
            })
        })
    };
    // Listeners that outlive this render call the newest `flush`, which sees the newest state.
    let flush_ref = use_mut_ref(|| None::<Rc<dyn Fn() -> Option<SaveStatus>>>);
    *flush_ref.borrow_mut() = Some(flush.clone());
    let flush_latest = {
        let flush_ref = flush_ref.clone();
        move || {
            let flush = flush_ref.borrow().clone();
            flush.and_then(|flush| flush())
        }
    };
    {
        // After every change: save the open model once the edits pause, unless another tab got
        // there first. Writing the whole model (JSON, then localStorage) took longer than all
        // the rest of an edit of a large model (docs/benchmarks.md, 4), so an edit never waits
        // for it: the toolbar says "Saving…" until it is written.
        let (waiting, latest, session, saved_model, save_status, conflict, show_session) = (
            waiting.clone(),
            latest.clone(),
            session.clone(),
            saved_model.clone(),
            save_status.clone(),
            conflict.clone(),
            show_session.clone(),
        );
        let flush_latest = flush_latest.clone();
        let unsaved = unsaved.borrow().clone();
        use_effect_with(
            (editor.generation, editor.model_version),
            move |&(_, version)| {
                let deferred =
                    version > 0 && conflict.is_none() && session.borrow().read_only.is_none();
                if !deferred {
                    // A model just opened (written only if it never was), or a save that cannot
                    // happen (read-only, another tab's change waiting for an answer): settled
                    // now, as it writes nothing.
                    waiting.borrow_mut().take();
                    let never_written = {
                        let current = session.borrow();
                        current.open == 0 && current.read_only.is_none()
                    };
                    let save = move || {
                        let editor = latest.borrow().clone();
                        save_now(
                            &editor.model,
                            &session,
                            &saved_model,
                            &save_status,
                            &conflict,
                            &show_session,
                            &unsaved,
                        );
                    };
                    if version == 0 && never_written {
                        // A first visit's template (or one storage refused at start): written
                        // once its figures are painted, then as any save. An edit before then
                        // is saved by its own timer, and this finds nothing left to write.
                        platform::after_paint_when_idle(save);
                    } else {
                        save();
                    }
                    return;
                }
                let now = platform::now_ms();
                let first = waiting.borrow().as_ref().map_or(now, |(_, first)| *first);
                let wait = (first + SAVE_AT_MOST_MS - now).clamp(0.0, SAVE_QUIET_MS);
                let timer = platform::after(wait as u32, move || {
                    flush_latest();
                });
                *waiting.borrow_mut() = Some((timer, first));
                save_status.set(SaveStatus::Saving);
                unsaved.set(true);
            },
        );
    }
    {
        // Hiding or leaving the page writes what is waiting (the page may never run again).
        let flush_latest = flush_latest.clone();
        use_effect_with((), move |_| {
            let listeners = platform::storage::when_page_hidden(move || {
                flush_latest();
            });
            move || drop(listeners)
        });
    }
    {
        // Closing or reloading the tab: what is waiting is written first, and the browser asks
        // before leaving only if a change is still not saved.
        let unsaved = unsaved.borrow().clone();
        let flush_latest = flush_latest.clone();
        use_effect_with((), move |_| {
            let listener = platform::storage::ask_before_leaving(move || {
                flush_latest();
                unsaved.get()
            });
            move || drop(listener)
        });
    }
    {
        let editor = editor.clone();
        use_effect_with((), move |_| {
            let listener = platform::listen_for_history_keys(Callback::from(move |key| {
                editor.dispatch(match key {
                    platform::HistoryKey::Undo => Action::Undo,
                    platform::HistoryKey::Redo => Action::Redo,
                });
            }));
            move || drop(listener)
        });
    }

    // Opens a model read from storage: a fresh history, nothing to save.
    let load = {
        let (editor, saved_model, save_status, conflict, waiting) = (
            editor.clone(),
            saved_model.clone(),
            save_status.clone(),
            conflict.clone(),
            waiting.clone(),
        );
        move |model: Model, read_only: Option<String>| {
            // Whatever was waiting to be saved was written or given up before this.
            waiting.borrow_mut().take();
            *saved_model.borrow_mut() = Some(model.clone());
            conflict.set(None);
            save_status.set(match read_only {
                Some(why) => SaveStatus::ReadOnly(why),
                None => SaveStatus::Saved,
            });
            editor.dispatch(Action::Load(model));
        }
    };
    let switch_to = {
        let (session, notices, load, show_session) = (
            session.clone(),
            notices.clone(),
            load.clone(),
            show_session.clone(),
        );
        move |id: u32| {
            let current = session.borrow().clone();
            match persistence::switch(&Browser, &current, id) {
                Ok((next, model, repairs)) => {
                    notices.set(repairs);
                    load(model, next.read_only.clone());
                    show_session(next);
                }
                Err(message) => notices.set(vec![message]),
            }
        }
    };
    // Adds a model to the list and opens it; false (with a notice saying why) if it could not
    // be saved, and then nothing changes.
    let add_and_open = {
        let (session, notices, load, show_session) = (
            session.clone(),
            notices.clone(),
            load.clone(),
            show_session.clone(),
        );
        move |model: Model| -> bool {
            let current = session.borrow().clone();
            match persistence::add(&Browser, &current, &model) {
                Ok(next) => {
                    notices.set(Vec::new());
                    load(model, None);
                    show_session(next);
                    true
                }
                Err(problem) => {
                    notices.set(vec![problem.message()]);
                    false
                }
            }
        }
    };
    // Does what the person asked for that leaves this model.
    let leave = {
        let (switch_to, add_and_open, notices, editor, session, load, show_session) = (
            switch_to.clone(),
            add_and_open.clone(),
            notices.clone(),
            editor.clone(),
            session.clone(),
            load.clone(),
            show_session.clone(),
        );
        move |what: Leave| match what {
            Leave::Open(id) => switch_to(id),
            Leave::New(index) => {
                let model = templates::all()
                    .into_iter()
                    .nth(index)
                    .map_or_else(templates::blank, |t| t.model);
                add_and_open(model);
            }
            Leave::Import(mut model) => {
                let name = isolate(&model.name);
                let repairs = repair_duplicate_ids(&mut model);
                if add_and_open(model) {
                    notices.set(
                        std::iter::once(format!(
                            "Opened ‘{name}’ from the file as a new model. Your other models are unchanged."
                        ))
                        .chain(repairs)
                        .collect(),
                    );
                }
            }
            Leave::Link(fragment) => {
                let mut opened = Opened {
                    session: session.borrow().clone(),
                    model: editor.model.clone(),
                    option: None,
                    notices: Vec::new(),
                };
                persistence::open_shared(&Browser, &mut opened, &fragment);
                if let Some(option) = opened.option {
                    load(opened.model, opened.session.read_only.clone());
                    editor.dispatch(Action::Open(option));
                    show_session(opened.session);
                }
                notices.set(opened.notices);
            }
        }
    };
    // Leaves at once when everything is saved; otherwise asks first.
    let guard = {
        let (leave, leaving, downloaded, save_status, flush) = (
            leave.clone(),
            leaving.clone(),
            downloaded.clone(),
            save_status.clone(),
            flush.clone(),
        );
        move |what: Leave| {
            let status = flush().unwrap_or_else(|| (*save_status).clone());
            if status.unsaved() {
                downloaded.set(None);
                leaving.set(Some(what));
            } else {
                leave(what);
            }
        }
    };
    let on_open = {
        let guard = guard.clone();
        Callback::from(move |id: u32| guard(Leave::Open(id)))
    };
    let on_open = use_stable_callback(on_open);
    let on_new = {
        let guard = guard.clone();
        Callback::from(move |index: usize| guard(Leave::New(index)))
    };
    let on_new = use_stable_callback(on_new);
    let on_import = {
        let guard = guard.clone();
        Callback::from(move |model: Model| guard(Leave::Import(model)))
    };
    let on_import = use_stable_callback(on_import);
    let on_duplicate = {
        let (session, editor, notices, add_and_open, flush) = (
            session.clone(),
            editor.clone(),
            notices.clone(),
            add_and_open.clone(),
            flush.clone(),
        );
        Callback::from(move |id: u32| {
            flush();
            let source = if id == session.borrow().open {
                Ok(editor.model.clone())
            } else {
                persistence::read_model(&Browser, id).map(|(model, _)| model)
            };
            match source {
                Ok(mut model) => {
                    let library = session.borrow().library.clone();
                    model.name = naming::copy_name(&model.name, |name| {
                        library.models.iter().any(|m| m.name == name)
                    });
                    add_and_open(model);
                }
                Err(message) => notices.set(vec![message]),
            }
        })
    };
    let on_duplicate = use_stable_callback(on_duplicate);
    // Opens the first other model, or a new one when none is left.
    let open_another = {
        let (session, switch_to, add_and_open) =
            (session.clone(), switch_to.clone(), add_and_open.clone());
        move || {
            let next = session.borrow().library.models.first().map(|e| e.id);
            match next {
                Some(next) => switch_to(next),
                None => {
                    add_and_open(persistence::starter());
                }
            }
        }
    };
    let on_delete = {
        let (session, notices, show_session, open_another, flush) = (
            session.clone(),
            notices.clone(),
            show_session.clone(),
            open_another.clone(),
            flush.clone(),
        );
        Callback::from(move |id: u32| {
            flush();
            let current = session.borrow().clone();
            match persistence::delete(&Browser, &current, id) {
                Ok(next) => {
                    show_session(next);
                    if id == current.open {
                        open_another();
                    }
                }
                Err(problem) => notices.set(vec![problem.message()]),
            }
        })
    };
    let on_delete = use_stable_callback(on_delete);
    // Another tab changed storage: follow it, or ask when it collides with unsaved work here.
    let ticks = use_reducer(Ticks::default);
    {
        let dispatcher = ticks.dispatcher();
        use_effect_with((), move |_| {
            let listener = platform::storage::listen_for_other_tabs(Callback::from(move |_| {
                dispatcher.dispatch(())
            }));
            move || drop(listener)
        });
    }
    {
        let (session, save_status, conflict, editor, load, show_session, notices) = (
            session.clone(),
            save_status.clone(),
            conflict.clone(),
            editor.clone(),
            load.clone(),
            show_session.clone(),
            notices.clone(),
        );
        let flush = flush.clone();
        use_effect_with(ticks.0, move |&tick| {
            let follow = move || {
                // A change waiting here is written first: if the other tab changed this model too,
                // that write is refused and the person is asked which to keep.
                let save_status = flush().unwrap_or_else(|| (*save_status).clone());
                let current = session.borrow().clone();
                match persistence::changed_elsewhere(&Browser, &current) {
                    None => {}
                    Some(Elsewhere::Listed(library)) => {
                        show_session(Session { library, ..current })
                    }
                    Some(Elsewhere::Deleted(library)) => {
                        conflict.set(Some(Conflict::DeletedElsewhere));
                        show_session(Session { library, ..current });
                    }
                    Some(Elsewhere::Changed(library, revision)) => {
                        let theirs = persistence::read_model(&Browser, current.open);
                        match theirs {
                            Ok((model, _)) if !save_status.unsaved() && conflict.is_none() => {
                                let (open, name) = (editor.open, isolate(&model.name));
                                load(model, current.read_only.clone());
                                editor.dispatch(Action::Open(open));
                                notices.set(vec![format!(
                                "‘{name}’ was changed in another tab: this tab now shows those changes."
                            )]);
                                show_session(Session {
                                    library,
                                    revision,
                                    ..current
                                });
                            }
                            _ => {
                                conflict.set(Some(Conflict::ChangedElsewhere));
                                show_session(Session { library, ..current });
                            }
                        }
                    }
                }
            };
            if tick == 0 {
                // On opening: anything another tab wrote between this tab's reading storage
                // and its listening for changes, looked for once the first frame is painted.
                platform::after_paint_when_idle(follow);
            } else {
                follow();
            }
        });
    }
    // A link pasted into the address bar while the modeller is open.
    let pending_link = use_state(|| None::<String>);
    {
        let pending_link = pending_link.clone();
        use_effect_with((), move |_| {
            let listener =
                platform::address::listen_for_fragment(Callback::from(move |fragment| {
                    pending_link.set(Some(fragment));
                }));
            move || drop(listener)
        });
    }
    {
        let (pending, guard) = (pending_link.clone(), guard.clone());
        use_effect_with((*pending_link).clone(), move |fragment| {
            if let Some(fragment) = fragment {
                guard(Leave::Link(fragment.clone()));
                pending.set(None);
            }
        });
    }
    let on_conflict = {
        let (conflict, editor, switch_to, add_and_open, open_another, session) = (
            conflict.clone(),
            editor.clone(),
            switch_to.clone(),
            add_and_open.clone(),
            open_another.clone(),
            session.clone(),
        );
        Callback::from(move |choice: ConflictChoice| {
            let Some(what) = *conflict else { return };
            match (what, choice) {
                (Conflict::ChangedElsewhere, ConflictChoice::TakeTheirs) => {
                    let open = session.borrow().open;
                    switch_to(open);
                }
                (Conflict::DeletedElsewhere, ConflictChoice::TakeTheirs) => open_another(),
                (what, ConflictChoice::KeepMine) => {
                    let mut model = editor.model.clone();
                    if what == Conflict::ChangedElsewhere {
                        model.name = format!("{} (this tab’s copy)", model.name);
                    }
                    let open = editor.open;
                    if add_and_open(model) {
                        editor.dispatch(Action::Open(open));
                    }
                }
            }
        })
    };
    let on_unsaved = {
        let (leaving, downloaded, leave, editor) = (
            leaving.clone(),
            downloaded.clone(),
            leave.clone(),
            editor.clone(),
        );
        Callback::from(move |choice: UnsavedChoice| match choice {
            UnsavedChoice::Download => {
                let file_name = model_file::file_name(&editor.model.name, "json");
                let text = model_file::encode(&editor.model);
                downloaded.set(Some(
                    match platform::files::download(&file_name, "application/json", text.as_bytes())
                    {
                        Ok(()) => {
                            format!("Made ‘{file_name}’: find it in your browser’s downloads.")
                        }
                        Err(problem) => problem.0,
                    },
                ));
            }
            UnsavedChoice::Discard => {
                if let Some(what) = (*leaving).clone() {
                    leaving.set(None);
                    leave(what);
                }
            }
            UnsavedChoice::Stay => leaving.set(None),
        })
    };
    // Results first: the first frame draws the page's heading, toolbar and results, without the
    // inputs column (the options bar, the checklist and the long editor), which follows once
    // that frame is painted and the browser is idle, so a cold load shows the figures sooner
    // (docs/benchmarks.md, 2).
    // Natively (server-side rendered tests) there is no later frame: the editor is drawn at once.
    let editor_drawn = use_state_eq(|| !cfg!(target_arch = "wasm32"));
    {
        let editor_drawn = editor_drawn.clone();
        use_effect_with((), move |_| {
            platform::after_paint_when_idle(move || editor_drawn.set(true))
        });
    }
    // How the checklist's and error summary's links reach a cell in a row the grid does not draw.
    let grid_links = use_memo((), |()| GridLinks::default());
    // The open option, one copy per change, for every component that shows it.
    let open_scenario = OpenScenario(use_open_scenario(&editor));
    // For the sections with narrow props: a dispatcher that never changes, and the field errors
    // shared (the same pointer while they are equal).
    let dispatcher = use_dispatcher(&editor);
    let field_errors = use_shared(&editor.field_errors);
    // The comparison replaces the editor and results until "Back to editing".
    let comparing = use_state(|| false);
    let on_compare = {
        let comparing = comparing.clone();
        Callback::from(move |()| comparing.set(true))
    };
    let on_compare = use_stable_callback(on_compare);
    let on_close_compare = {
        let comparing = comparing.clone();
        Callback::from(move |()| {
            comparing.set(false);
            platform::focus_soon("compare-open");
        })
    };
    let model_name = AttrValue::from(editor.model.name.clone());
    // Models, files and sharing: shown when asked for, remembered for this tab.
    let models_open =
        use_state(|| platform::storage::tab_read(MODELS_OPEN_KEY).as_deref() == Some("1"));
    let questions = html! {
        <>
            if let Some(what) = *conflict {
                <ConflictNotice conflict={what} model_name={model_name.clone()} on_choose={on_conflict} />
            }
            if let (Some(what), SaveStatus::NotSaved(why)) = (&*leaving, &*save_status) {
                <UnsavedQuestion model_name={model_name.clone()} why={why.clone()} action={what.words()}
                    downloaded={(*downloaded).clone().map(AttrValue::from)} on_choose={on_unsaved} />
            }
        </>
    };
    let notice = if notices.is_empty() {
        html! {}
    } else {
        html! {
            <div class="pb-notice pb-notice--warning" role="alert">
                { for notices.iter().map(|n| html! { <p>{ message(n) }</p> }) }
            </div>
        }
    };
    if *comparing {
        // The comparison has the screen to itself (it must fit 1280×800), and its own heading.
        return html! {
            <>
                { notice }
                { questions }
                <CompareView editor={editor.clone()} on_close={on_close_compare} />
            </>
        };
    }
    let toggle_models = {
        let models_open = models_open.clone();
        Callback::from(move |_: MouseEvent| {
            let open = !*models_open;
            platform::storage::tab_write(MODELS_OPEN_KEY, if open { "1" } else { "0" });
            models_open.set(open);
        })
    };
    html! {
        <ContextProvider<GridLinks> context={(*grid_links).clone()}>
        <ContextProvider<OpenScenario> context={open_scenario}>
            <h1>{ "Pooled budget modeller" }</h1>
            // The first screen: which model is open, then everything that manages models
            // behind one control, then where to go on the page.
            <div class="pb-opened">
                { opened_name(&editor.model) }
                <button type="button" class="pb-button pb-button--secondary pb-opened__toggle" id="models-toggle"
                    aria-expanded={if *models_open { "true" } else { "false" }} aria-controls="model-management"
                    onclick={toggle_models}>
                    { "Models and files" }
                </button>
            </div>
            { notice }
            { questions }
            // Drawn only while shown: a closed panel costs the first load nothing.
            <div class="pb-management" id="model-management" hidden={!*models_open}>
                if *models_open {
                    <ModelsPanel library={(*library).clone()} open_id={*open_id}
                        model_name={model_name.clone()} errors={field_errors.clone()} editor={dispatcher.clone()}
                        on_open={on_open} on_duplicate={on_duplicate} on_delete={on_delete} on_new={on_new} />
                    <SharePanel editor={dispatcher.clone()}
                        version={(editor.generation, editor.model_version)} />
                    <FilesPanel editor={dispatcher.clone()}
                        several_options={editor.model.scenarios.len() > 1} on_import={on_import} />
                }
            </div>
            { jump_nav() }
            <Toolbar can_undo={editor.can_undo()} can_redo={editor.can_redo()}
                notice={editor.notice.clone().map(AttrValue::from)} save_status={(*save_status).clone()}
                dispatcher={editor.dispatcher()} />
            <ErrorSummary errors={field_errors.clone()} />
            <div class="pb-workspace">
                <div class="pb-workspace__inputs">
                    if *editor_drawn {
                        <OptionsBar editor={editor.clone()} on_compare={on_compare} />
                        { linked_changes(&editor.model, editor.open, &editor.dispatcher()) }
                        <Checklist editor={editor.clone()} />
                        if let Some(scenario) = editor.scenario() {
                            <PlanEditor scenario_index={editor.scenario_index()}
                                name={AttrValue::from(scenario.name.clone())} horizon={scenario.horizon}
                                errors={field_errors.clone()} editor={dispatcher.clone()}
                                changed={link_notes(&editor.model, editor.open).and_then(|n| n.horizon(&editor.dispatcher()))} />
                        }
                        <PartnersEditor editor={editor.clone()} />
                        <PoolsEditor editor={editor.clone()} />
                        <ContributionsEditor editor={editor.clone()} />
                        <RingFencesEditor editor={editor.clone()} />
                    }
                </div>
                <div class="pb-workspace__results">
                    <ResultsPanel editor={editor.clone()} />
                </div>
            </div>
            // The scheme grid takes the page's full width: a plan's schemes have a column for
            // every year's budget and forecast.
            if *editor_drawn {
                <div class="pb-workspace__schemes" id="schemes">
                    <Schemes editor={editor.clone()} />
                </div>
            }
        </ContextProvider<OpenScenario>>
        </ContextProvider<GridLinks>>
    }
}

/// Where to go on the page: the modeller's sections (the first screen draws it too).
pub fn jump_nav() -> Html {
    html! {
        <nav class="pb-jump" aria-label="On this page">
            <ul class="pb-jump__list">
                <li><a href="#results-heading">{ "Results" }</a></li>
                <li><a href="#options-heading">{ "Options" }</a></li>
                <li><a href="#checklist-heading">{ "Checklist" }</a></li>
                <li><a href="#plan-heading">{ "The plan" }</a></li>
                <li><a href="#partners-heading">{ "Partners" }</a></li>
                <li><a href="#pools-heading">{ "Pools" }</a></li>
                <li><a href="#contributions-heading">{ "Contributions" }</a></li>
                <li><a href="#lines-heading">{ "Schemes" }</a></li>
            </ul>
        </nav>
    }
}

/// Which model is open, and its status ("Draft for the board"): the first line of the modeller
/// and of the first screen (`first_screen`).
pub fn opened_name(model: &Model) -> Html {
    let status = model.paper.status.trim();
    html! {
        <p class="pb-opened__name">
            <span class="pb-opened__label">{ "Open model: " }</span>
            <strong>{ name(&model.name) }</strong>
            if !status.is_empty() {
                <span class="pb-opened__status">{ name(status) }</span>
            }
        </p>
    }
}

/// Saves `model` as the open model unless it is what was saved last (None) or another tab's
/// change is waiting for an answer; says how it went in the toolbar, and returns that.
fn save_now(
    model: &Model,
    session: &Rc<RefCell<Session>>,
    saved_model: &Rc<RefCell<Option<Model>>>,
    save_status: &UseStateHandle<SaveStatus>,
    conflict: &UseStateHandle<Option<Conflict>>,
    show_session: &impl Fn(Session),
    unsaved: &Cell<bool>,
) -> Option<SaveStatus> {
    if saved_model.borrow().as_ref() == Some(model) {
        return None;
    }
    let status = if let Some(conflict) = **conflict {
        let problem = match conflict {
            Conflict::ChangedElsewhere => SaveProblem::ChangedElsewhere,
            Conflict::DeletedElsewhere => SaveProblem::DeletedElsewhere,
        };
        SaveStatus::NotSaved(problem.message())
    } else {
        let current = session.borrow().clone();
        match persistence::save(&Browser, &current, model) {
            Ok(next) => {
                *saved_model.borrow_mut() = Some(model.clone());
                show_session(next);
                SaveStatus::Saved
            }
            Err(problem) => {
                match problem {
                    SaveProblem::ChangedElsewhere => conflict.set(Some(Conflict::ChangedElsewhere)),
                    SaveProblem::DeletedElsewhere => conflict.set(Some(Conflict::DeletedElsewhere)),
                    SaveProblem::Refused(_) => {}
                }
                SaveStatus::NotSaved(problem.message())
            }
        }
    };
    unsaved.set(status.unsaved());
    save_status.set(status.clone());
    Some(status)
}
