//! The app: the page chrome around one of three pages (the modeller, help, the accessibility
//! statement); the modeller wires the one reducer, autosave and keyboard shortcuts, and lays
//! out inputs on one side and live results on the other.

use yew::prelude::*;

use super::accessibility_page::AccessibilityPage;
use super::checklist::Checklist;
use super::contributions_editor::ContributionsEditor;
use super::error_summary::ErrorSummary;
use super::help_page::HelpPage;
use super::lines_editor::LinesEditor;
use super::page_footer::PageFooter;
use super::page_header::PageHeader;
use super::partners_editor::PartnersEditor;
use super::plan_editor::PlanEditor;
use super::pools_editor::PoolsEditor;
use super::results_panel::ResultsPanel;
use super::toolbar::Toolbar;
use crate::app::state::{Action, EditorState};
use crate::codec::saved;
use crate::model::templates;
use crate::platform;

/// Whether the last change reached the browser's storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    NotSaved(String),
}

#[function_component(App)]
pub fn app() -> Html {
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

/// The modeller itself: toolbar, inputs and live results.
#[function_component(Workspace)]
fn workspace() -> Html {
    let load_notice = use_state(|| None::<String>);
    let editor = {
        let load_notice = load_notice.clone();
        use_reducer(move || {
            let (model, notice) = restore();
            if notice.is_some() {
                load_notice.set(notice);
            }
            EditorState::new(model)
        })
    };
    let save_status = use_state(|| SaveStatus::Saved);
    {
        let save_status = save_status.clone();
        use_effect_with(editor.model.clone(), move |model| {
            let status = match platform::storage::write(saved::STORAGE_KEY, &saved::encode(model)) {
                Ok(()) => SaveStatus::Saved,
                Err(problem) => SaveStatus::NotSaved(problem.0),
            };
            save_status.set(status);
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
    html! {
        <>
                <h1>{ "Pooled budget modeller" }</h1>
                <p class="pb-lede">
                    { "Model how partners pool money for shared health and care services, \
                       what each pool pays for, and who carries an over- or underspend." }
                </p>
                if let Some(notice) = &*load_notice {
                    <div class="pb-notice pb-notice--warning" role="alert"><p>{ notice }</p></div>
                }
                <Toolbar editor={editor.clone()} save_status={(*save_status).clone()} />
                <ErrorSummary editor={editor.clone()} />
                <div class="pb-workspace">
                    <div class="pb-workspace__inputs">
                        <Checklist editor={editor.clone()} />
                        <PlanEditor editor={editor.clone()} />
                        <PartnersEditor editor={editor.clone()} />
                        <PoolsEditor editor={editor.clone()} />
                        <ContributionsEditor editor={editor.clone()} />
                        <LinesEditor editor={editor.clone()} />
                    </div>
                    <div class="pb-workspace__results">
                        <ResultsPanel editor={editor.clone()} />
                    </div>
                </div>
        </>
    }
}

/// The saved model if there is one, else the first template. A saved model that cannot be
/// read is moved aside (never overwritten) and the person is told.
fn restore() -> (crate::model::Model, Option<String>) {
    let fallback = || templates::all().into_iter().next().map(|t| t.model);
    let start = || fallback().unwrap_or_else(crate::model::small_model);
    match platform::storage::read(saved::STORAGE_KEY) {
        Ok(Some(text)) => match saved::decode(&text) {
            Ok(model) => (model, None),
            Err(error) => {
                let _ = platform::storage::write(saved::UNREADABLE_KEY, &text);
                (start(), Some(error.to_string()))
            }
        },
        // Storage switched off: the toolbar's save status says so after the first save.
        Ok(None) | Err(_) => (start(), None),
    }
}
