//! Files: the whole model as a `.json` file to keep or send, opening such a file as a new
//! model, and CSV exports for spreadsheets. A file with problems is listed problem by problem
//! (each with its field) and changes nothing until the person chooses to open it.

use yew::prelude::*;

use crate::app::bidi::message;
use crate::app::fields::EditorDispatcher;
use crate::app::state::EditorState;
use crate::codec::csv;
use crate::codec::model_file::{self, FileProblem, Opened, MAX_FILE_BYTES};
use crate::model::{compute, Model};
use crate::platform;
use crate::platform::files::FileRead;

const PROBLEMS_ID: &str = "file-problems";
const INPUT_ID: &str = "model-file";
const CSV_TYPE: &str = "text/csv;charset=utf-8";

#[derive(Properties, PartialEq)]
pub struct FilesPanelProps {
    /// Reads the model as it is when a file is made (narrow props: an edit does not draw the
    /// panel again).
    pub editor: EditorDispatcher,
    /// Whether the model has more than one option (a comparison can be exported).
    pub several_options: bool,
    /// Opens a model read from a file as a new model beside the saved ones.
    pub on_import: Callback<Model>,
}

/// What the last file chosen turned out to be, while it needs the person's attention.
#[derive(Clone, PartialEq)]
enum Chosen {
    None,
    Refused(Vec<FileProblem>),
    Incomplete(Box<Model>, Vec<FileProblem>),
}

#[function_component(FilesPanel)]
pub fn files_panel(props: &FilesPanelProps) -> Html {
    let chosen = use_state(|| Chosen::None);
    let status = use_state(String::new);
    // Each file read moves focus to its problems, if it has any.
    let reads = use_state(|| 0u32);
    {
        let has_problems = *chosen != Chosen::None;
        use_effect_with(*reads, move |_| {
            if has_problems {
                platform::focus(PROBLEMS_ID);
            }
        });
    }

    let save = {
        let status = status.clone();
        move |file_name: String, mime: &'static str, bytes: Vec<u8>| {
            status.set(match platform::files::download(&file_name, mime, &bytes) {
                Ok(()) => format!("Made ‘{file_name}’: find it in your browser’s downloads."),
                Err(problem) => problem.0,
            });
        }
    };
    let on_save_model = {
        let (editor, save) = (props.editor.clone(), save.clone());
        Callback::from(move |_: MouseEvent| {
            let file = editor.with_state(|state| {
                (
                    model_file::file_name(&state.model.name, "json"),
                    model_file::encode(&state.model).into_bytes(),
                )
            });
            if let Some((file_name, bytes)) = file {
                save(file_name, "application/json", bytes);
            }
        })
    };
    let csv_export = |suffix: &'static str, write: fn(&EditorState) -> Result<Vec<u8>, String>| {
        let (editor, save, status) = (props.editor.clone(), save.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let made = editor.with_state(|state| {
                let name = model_file::file_name(&format!("{} {suffix}", state.model.name), "csv");
                (name, write(state))
            });
            match made {
                Some((file_name, Ok(bytes))) => save(file_name, CSV_TYPE, bytes),
                Some((_, Err(problem))) => {
                    status.set(format!("The CSV file was not made: {problem}."))
                }
                None => {}
            }
        })
    };
    let on_partner_csv = csv_export("partner results", |editor| {
        open_results(editor).map(|r| csv::partner_results(&r))
    });
    let on_pool_csv = csv_export("pool results", |editor| {
        open_results(editor).map(|r| csv::pool_results(&r))
    });
    let on_comparison_csv = csv_export("comparison", |editor| {
        csv::comparison(&editor.model).map_err(|e| e.to_string())
    });

    let on_read = {
        let (chosen, reads, status, on_import) = (
            chosen.clone(),
            reads.clone(),
            status.clone(),
            props.on_import.clone(),
        );
        Callback::from(move |read: FileRead| {
            let opened = match read {
                FileRead::Read(bytes) => model_file::decode(&bytes),
                FileRead::TooLarge(size) => model_file::refuse_size(size),
                FileRead::Failed => Opened::Refused(vec![FileProblem::whole_file(
                    "The browser could not read the file. Check that it is still where it was, then choose it again.".to_string(),
                )]),
            };
            status.set(String::new());
            match opened {
                Opened::Model(model) => {
                    chosen.set(Chosen::None);
                    on_import.emit(model);
                }
                Opened::Incomplete(model, problems) => {
                    chosen.set(Chosen::Incomplete(Box::new(model), problems))
                }
                Opened::Refused(problems) => chosen.set(Chosen::Refused(problems)),
            }
            reads.set(reads.wrapping_add(1));
        })
    };
    let on_choose = Callback::from(move |e: Event| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            platform::files::read_chosen(&input, MAX_FILE_BYTES, on_read.clone());
        }
    });
    let on_open_anyway = {
        let (chosen, on_import) = (chosen.clone(), props.on_import.clone());
        Callback::from(move |_: MouseEvent| {
            if let Chosen::Incomplete(model, _) = &*chosen {
                on_import.emit((**model).clone());
            }
            chosen.set(Chosen::None);
        })
    };
    let on_cancel = {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| {
            chosen.set(Chosen::None);
            // The list and its buttons go: keep keyboard focus where another file can be chosen.
            platform::focus(INPUT_ID);
        })
    };

    let several_options = props.several_options;
    html! {
        <section class="pb-section pb-files" aria-labelledby="files-heading">
            <h2 id="files-heading" class="pb-section__title">{ "Files" }</h2>
            <p class="pb-section__lede">{ "Save the whole model as a file to keep, or to send when a link is too long. It opens in the modeller on any computer. CSV files open in Excel." }</p>
            <div class="pb-files__actions">
                <button type="button" class="pb-button pb-button--secondary" onclick={on_save_model}>{ "Download model file (.json)" }</button>
            </div>
            <div class="pb-field">
                <label class="pb-field__label" for={INPUT_ID}>{ "Open a model file (.json)" }</label>
                <div class="pb-field__hint" id="model-file-hint">
                    { format!("It opens as a new model beside your saved ones: nothing is overwritten. Files up to {} MB.", MAX_FILE_BYTES / (1024 * 1024)) }
                </div>
                <input class="pb-files__input" id={INPUT_ID} type="file" accept=".json,application/json"
                    aria-describedby="model-file-hint" onchange={on_choose} />
            </div>
            { problems_view(&chosen, on_open_anyway, on_cancel) }
            <h3 class="pb-files__subtitle">{ "Export figures (CSV)" }</h3>
            <div class="pb-files__actions">
                <button type="button" class="pb-button pb-button--secondary" onclick={on_partner_csv}>{ "Partner results (.csv)" }</button>
                <button type="button" class="pb-button pb-button--secondary" onclick={on_pool_csv}>{ "Pool results (.csv)" }</button>
                if several_options {
                    <button type="button" class="pb-button pb-button--secondary" onclick={on_comparison_csv}>{ "Comparison of options (.csv)" }</button>
                }
            </div>
            if !several_options {
                <p class="pb-note">{ "Add a second option to export a comparison of options." }</p>
            }
            <p role="status" class="pb-note">{ (*status).clone() }</p>
        </section>
    }
}

/// The open option's results, or why they cannot be computed.
fn open_results(editor: &EditorState) -> Result<crate::model::Results, String> {
    let scenario = editor
        .scenario()
        .ok_or_else(|| "there is no option to compute".to_string())?;
    compute(scenario).map_err(|e| e.to_string())
}

fn problems_view(
    chosen: &Chosen,
    on_open_anyway: Callback<MouseEvent>,
    on_cancel: Callback<MouseEvent>,
) -> Html {
    let (title, intro, problems) = match chosen {
        Chosen::None => return html! {},
        Chosen::Refused(problems) => (
            "The file could not be opened".to_string(),
            "Nothing has changed: the open model and your saved models are as they were.",
            problems,
        ),
        Chosen::Incomplete(model, problems) => (
            format!(
                "‘{}’ has {} {} to put right",
                model.name,
                problems.len(),
                if problems.len() == 1 { "thing" } else { "things" }
            ),
            "Nothing has changed yet. You can open it as a new model and put these right there (the checklist lists them), or choose another file.",
            problems,
        ),
    };
    html! {
        <div class="pb-error-summary pb-files__problems" id={PROBLEMS_ID} tabindex="-1" role="alert"
            aria-labelledby="file-problems-title">
            <h3 class="pb-error-summary__title" id="file-problems-title">{ title }</h3>
            <p>{ intro }</p>
            <ul class="pb-error-summary__list pb-files__problem-list">
                { for problems.iter().map(|p| html! {
                    <li>
                        if !p.field.is_empty() {
                            <strong>{ capitalised(&p.field) }</strong>
                            if let Some(path) = &p.json_path {
                                <span class="pb-files__path">{ " (" }<code>{ path }</code>{ ")" }</span>
                            }
                            { ": " }
                        }
                        { message(&p.message) }
                    </li>
                }) }
            </ul>
            if matches!(chosen, Chosen::Incomplete(..)) {
                <div class="pb-files__actions">
                    <button type="button" class="pb-button" onclick={on_open_anyway}>{ "Open it as a new model" }</button>
                    <button type="button" class="pb-button pb-button--secondary" onclick={on_cancel}>{ "Don’t open it" }</button>
                </div>
            }
        </div>
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
