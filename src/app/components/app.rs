//! The app: the page chrome around one of three pages (the modeller, help, the accessibility
//! statement); the modeller wires the one reducer, autosave and keyboard shortcuts, and lays
//! out inputs on one side and live results on the other.

use yew::prelude::*;

use super::accessibility_page::AccessibilityPage;
use super::checklist::Checklist;
use super::compare_view::CompareView;
use super::contributions_editor::ContributionsEditor;
use super::embed_view::EmbedView;
use super::error_summary::ErrorSummary;
use super::files_panel::FilesPanel;
use super::help_page::HelpPage;
use super::lines_editor::LinesEditor;
use super::models_panel::ModelsPanel;
use super::options_bar::OptionsBar;
use super::page_footer::PageFooter;
use super::page_header::PageHeader;
use super::partners_editor::PartnersEditor;
use super::plan_editor::PlanEditor;
use super::pools_editor::PoolsEditor;
use super::results_panel::ResultsPanel;
use super::ring_fences_editor::RingFencesEditor;
use super::share_panel::SharePanel;
use super::toolbar::Toolbar;
use crate::app::bidi::message;
use crate::app::persistence;
use crate::app::state::{Action, EditorState};
use crate::codec::library::Library;
use crate::model::user_text::isolate;
use crate::model::{templates, Model};
use crate::platform;

/// Whether the last change reached the browser's storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    NotSaved(String),
}

#[function_component(App)]
pub fn app() -> Html {
    // Inside a host page's iframe: no page chrome (src/app/components/embed_view.rs).
    if *use_memo((), |_| platform::embed::requested()) {
        return html! { <EmbedView /> };
    }
    let page = use_memo((), |_| platform::requested_page());
    let content = match page.as_deref() {
        Some("help") => html! { <HelpPage /> },
        Some("accessibility") => html! { <AccessibilityPage /> },
        _ => html! { <Workspace /> },
    };
    html! {
        <>
            <PageHeader />
            <main class="pb-main" id="main" tabindex="-1">{ content }</main>
            <PageFooter />
        </>
    }
}

/// The modeller itself: the saved models, toolbar, inputs and live results.
#[function_component(Workspace)]
pub fn workspace() -> Html {
    let opened = use_memo((), |_| {
        let mut opened = persistence::open_library();
        if let Some(fragment) = platform::address::fragment() {
            platform::address::clear_fragment();
            persistence::open_shared(&mut opened, &fragment);
        }
        opened
    });
    let notice = use_state(|| opened.notice.clone());
    let library = use_state(|| opened.library.clone());
    let editor = use_reducer(|| {
        let state = EditorState::new(opened.model.clone());
        match opened.option {
            Some(option) => state.reduce(Action::Open(option)),
            None => state,
        }
    });
    let save_status = use_state(|| SaveStatus::Saved);
    {
        // After every change: save the open model, and its name in the list.
        let (library, save_status) = (library.clone(), save_status.clone());
        use_effect_with(editor.model.clone(), move |model| {
            let mut updated = (*library).clone();
            let renamed = updated.rename(updated.open, &model.name);
            save_status.set(match persistence::save(&updated, model) {
                Ok(()) => SaveStatus::Saved,
                Err(problem) => SaveStatus::NotSaved(problem.0),
            });
            if renamed {
                library.set(updated);
            }
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
    // Switching models: update the list, then load the model with a fresh history.
    let switch_to = {
        let (library, editor, notice) = (library.clone(), editor.clone(), notice.clone());
        move |updated: Library, model: Model| {
            library.set(updated);
            notice.set(None);
            editor.dispatch(Action::Load(model));
        }
    };
    let on_open = {
        let (library, notice, switch_to) = (library.clone(), notice.clone(), switch_to.clone());
        Callback::from(move |id: u32| match persistence::read_model(id) {
            Ok(model) => {
                let mut updated = (*library).clone();
                updated.open = id;
                switch_to(updated, model);
            }
            Err(message) => notice.set(Some(message)),
        })
    };
    // Adds a model to the list and opens it; false (with a notice saying why) if it could not
    // be saved, and then nothing changes.
    let add_and_open = {
        let (library, notice, switch_to) = (library.clone(), notice.clone(), switch_to.clone());
        move |model: Model| -> bool {
            let mut updated = (*library).clone();
            match persistence::add(&mut updated, &model) {
                Ok(()) => {
                    switch_to(updated, model);
                    true
                }
                Err(problem) => {
                    notice.set(Some(problem.0));
                    false
                }
            }
        }
    };
    let on_duplicate = {
        let (library, editor, notice, add_and_open) = (
            library.clone(),
            editor.clone(),
            notice.clone(),
            add_and_open.clone(),
        );
        Callback::from(move |id: u32| {
            let source = if id == library.open {
                Ok(editor.model.clone())
            } else {
                persistence::read_model(id)
            };
            match source {
                Ok(mut model) => {
                    model.name = format!("Copy of {}", model.name);
                    add_and_open(model);
                }
                Err(message) => notice.set(Some(message)),
            }
        })
    };
    let on_new = {
        let add_and_open = add_and_open.clone();
        Callback::from(move |index: usize| {
            let model = templates::all()
                .into_iter()
                .nth(index)
                .map_or_else(templates::blank, |t| t.model);
            add_and_open(model);
        })
    };
    let on_delete = {
        let (library, notice, switch_to, add_and_open) = (
            library.clone(),
            notice.clone(),
            switch_to.clone(),
            add_and_open.clone(),
        );
        Callback::from(move |id: u32| {
            let mut updated = (*library).clone();
            if let Err(problem) = persistence::delete(&mut updated, id) {
                notice.set(Some(problem.0));
                return;
            }
            if id != updated.open {
                library.set(updated);
                return;
            }
            // The open model went: open the next one, or start afresh if none is left.
            let next = updated.models.first().map(|e| e.id);
            match next.map(|next| (next, persistence::read_model(next))) {
                Some((next, Ok(model))) => {
                    updated.open = next;
                    switch_to(updated, model);
                }
                _ => {
                    library.set(updated);
                    add_and_open(persistence::starter());
                }
            }
        })
    };
    // A model file: opened as a new model, like a shared link.
    let on_import = {
        let (notice, add_and_open) = (notice.clone(), add_and_open.clone());
        Callback::from(move |model: Model| {
            let name = isolate(&model.name);
            if add_and_open(model) {
                notice.set(Some(format!(
                    "Opened ‘{name}’ from the file as a new model. Your other models are unchanged."
                )));
            }
        })
    };
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
        let (pending, library, editor, notice) = (
            pending_link.clone(),
            library.clone(),
            editor.clone(),
            notice.clone(),
        );
        use_effect_with((*pending_link).clone(), move |fragment| {
            if let Some(fragment) = fragment {
                let mut opened = persistence::Opened {
                    library: (*library).clone(),
                    model: editor.model.clone(),
                    option: None,
                    notice: None,
                };
                persistence::open_shared(&mut opened, fragment);
                if let Some(option) = opened.option {
                    library.set(opened.library);
                    editor.dispatch(Action::Load(opened.model));
                    editor.dispatch(Action::Open(option));
                }
                notice.set(opened.notice);
                pending.set(None);
            }
        });
    }
    // The comparison replaces the editor and results until "Back to editing".
    let comparing = use_state(|| false);
    let on_compare = {
        let comparing = comparing.clone();
        Callback::from(move |()| comparing.set(true))
    };
    let on_close_compare = {
        let comparing = comparing.clone();
        Callback::from(move |()| {
            comparing.set(false);
            platform::focus_soon("compare-open");
        })
    };
    let notice = match &*notice {
        Some(notice) => {
            html! { <div class="pb-notice pb-notice--warning" role="alert"><p>{ message(notice) }</p></div> }
        }
        None => html! {},
    };
    if *comparing {
        // The comparison has the screen to itself (it must fit 1280×800), and its own heading.
        return html! {
            <>
                { notice }
                <CompareView editor={editor.clone()} on_close={on_close_compare} />
            </>
        };
    }
    html! {
        <>
            <h1>{ "Pooled budget modeller" }</h1>
            <p class="pb-lede">
                { "Model how partners pool money for shared health and care services, \
                   what each pool pays for, and who carries an over- or underspend." }
            </p>
            { notice }
            <Toolbar editor={editor.clone()} save_status={(*save_status).clone()} />
            <ErrorSummary editor={editor.clone()} />
            <div class="pb-workspace">
                <div class="pb-workspace__inputs">
                    <ModelsPanel library={(*library).clone()} editor={editor.clone()}
                        on_open={on_open} on_duplicate={on_duplicate} on_delete={on_delete} on_new={on_new} />
                    <OptionsBar editor={editor.clone()} on_compare={on_compare} />
                    <Checklist editor={editor.clone()} />
                    <PlanEditor editor={editor.clone()} />
                    <PartnersEditor editor={editor.clone()} />
                    <PoolsEditor editor={editor.clone()} />
                    <ContributionsEditor editor={editor.clone()} />
                    <LinesEditor editor={editor.clone()} />
                    <RingFencesEditor editor={editor.clone()} />
                    <SharePanel editor={editor.clone()} />
                    <FilesPanel editor={editor.clone()} on_import={on_import} />
                </div>
                <div class="pb-workspace__results">
                    <ResultsPanel editor={editor.clone()} />
                </div>
            </div>
        </>
    }
}
