//! Schemes in and out as tables: a block pasted into the scheme grid from Excel, LibreOffice or
//! Google Sheets, a schemes CSV imported, and the schemes CSV exported. Nothing changes until
//! the person has seen a preview of what will ("42 rows: 40 new schemes, 2 changed; 3 cells
//! could not be read …") and accepted it; accepting is one undo step, cancelling changes nothing.

use yew::prelude::*;

use crate::app::bidi::message;
use crate::app::fields::{use_open_scenario, Shared};
use crate::app::state::{Action, EditorState};
use crate::codec::model_file::{self, MAX_FILE_BYTES};
use crate::codec::schemes_csv::{read_schemes_csv, schemes_csv};
use crate::codec::table::parse_clipboard;
use crate::model::schemes::{plan_import, plan_paste, PasteOptions, PastePlan, SchemeColumn};
use crate::model::CowRc;
use crate::model::{decimals, ForecastEntry, MoneyUnit, Scenario};
use crate::platform;
use crate::platform::files::FileRead;

pub const PREVIEW_HEADING_ID: &str = "scheme-preview-heading";
/// Where focus goes back to when the preview closes.
const GRID_REGION_ID: &str = "scheme-grid-region";
const IMPORT_INPUT_ID: &str = "schemes-file";
const CSV_TYPE: &str = "text/csv;charset=utf-8";
/// Unreadable cells listed one by one before "and N more".
const LISTED: usize = 12;

/// Where a table of schemes came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Pasted into the grid: the focused cell's row (0 is the first scheme; the row after the
    /// last adds schemes) and column.
    Paste {
        row: usize,
        column: SchemeColumn,
        text: String,
    },
    /// A CSV file chosen to import.
    Import { file_name: String, text: String },
}

/// A table waiting for the person's answer in the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub source: Source,
}

#[derive(Properties, PartialEq)]
pub struct SchemeTransferProps {
    pub model_name: AttrValue,
    /// The open option (shared: compared by pointer).
    pub scenario: Shared<Option<CowRc<Scenario>>>,
    pub forecast_entry: ForecastEntry,
    /// The model's unit: bare figures are read in it unless the person or a heading says.
    pub model_unit: MoneyUnit,
    pub dispatcher: UseReducerDispatcher<EditorState>,
    /// The table waiting for an answer, if any (set by the grid's paste or the import here).
    pub pending: Option<Pending>,
    pub on_pending: Callback<Option<Pending>>,
}

/// The plan for `pending` read with `unit` (None: as the headings say, else pounds).
fn plan_for(
    scenario: &Scenario,
    pending: &Pending,
    forecast_entry: ForecastEntry,
    (unit, model_unit): (Option<MoneyUnit>, MoneyUnit),
) -> Result<PastePlan, String> {
    let options = PasteOptions {
        unit,
        model_unit,
        forecast_entry,
    };
    match &pending.source {
        Source::Paste { row, column, text } => {
            let table = parse_clipboard(text).map_err(|e| e.to_string())?;
            let columns = SchemeColumn::all(scenario);
            let at = columns.iter().position(|c| c == column).unwrap_or(0);
            Ok(plan_paste(
                scenario,
                *row,
                at,
                table.rows(),
                &columns,
                options,
            ))
        }
        Source::Import { text, .. } => {
            let table = read_schemes_csv(text).map_err(|e| e.to_string())?;
            Ok(plan_import(scenario, table.rows(), options))
        }
    }
}

#[function_component(SchemeTransfer)]
pub fn scheme_transfer(props: &SchemeTransferProps) -> Html {
    // The unit the person chose in the preview; `None`: as the headings say, else the model's.
    let chosen = use_state(|| None::<MoneyUnit>);
    let status = use_state(String::new);
    let plan = use_memo(
        (
            props.scenario.clone(),
            props.pending.clone(),
            props.forecast_entry,
            (*chosen, props.model_unit),
        ),
        |(scenario, pending, entry, units)| {
            let scenario = scenario.as_ref()?;
            pending
                .as_ref()
                .map(|p| plan_for(scenario, p, *entry, *units))
        },
    );
    // The preview takes focus when it opens, so a screen reader reads what will happen.
    {
        let open = props.pending.is_some();
        use_effect_with(open, move |open| {
            if *open {
                platform::focus(PREVIEW_HEADING_ID);
            }
        });
    }

    let close = {
        let (on_pending, chosen) = (props.on_pending.clone(), chosen.clone());
        move || {
            chosen.set(None);
            on_pending.emit(None);
        }
    };
    let on_accept = {
        let (plan, dispatcher, status, close) = (
            plan.clone(),
            props.dispatcher.clone(),
            status.clone(),
            close.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(Ok(plan)) = plan.as_ref() {
                if let Some(edit) = plan.edit() {
                    dispatcher.dispatch(Action::Edit(edit));
                    status.set(format!(
                        "Done: {}. Undo takes it all back in one step.",
                        plan.summary()
                    ));
                }
            }
            close();
            platform::focus(GRID_REGION_ID);
        })
    };
    let on_cancel = {
        let (status, close) = (status.clone(), close.clone());
        Callback::from(move |_: MouseEvent| {
            status.set("Nothing was changed.".to_string());
            close();
            platform::focus(GRID_REGION_ID);
        })
    };
    let on_unit = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                chosen.set(MoneyUnit::from_saved_name(&select.value()));
            }
        })
    };
    let on_export = {
        let (scenario, model_name, status) = (
            props.scenario.clone(),
            props.model_name.clone(),
            status.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(scenario) = scenario.as_ref() else {
                return;
            };
            let file_name =
                model_file::file_name(&format!("{} {} schemes", model_name, scenario.name), "csv");
            let text = schemes_csv(scenario);
            status.set(
                match platform::files::download(&file_name, CSV_TYPE, text.as_bytes()) {
                    Ok(()) => format!(
                        "Made ‘{file_name}’ ({} schemes): find it in your browser’s downloads.",
                        scenario.lines.len()
                    ),
                    Err(problem) => problem.0,
                },
            );
        })
    };
    let on_read = {
        let (on_pending, status) = (props.on_pending.clone(), status.clone());
        Callback::from(move |(file_name, read): (String, FileRead)| {
            match read {
            FileRead::Read(bytes) => match model_file::text_of(&bytes) {
                Ok(text) => {
                    status.set(String::new());
                    on_pending.emit(Some(Pending {
                        source: Source::Import {
                            file_name,
                            text: text.into_owned(),
                        },
                    }));
                }
                Err(problem) => status.set(format!("‘{file_name}’ was not read: {problem}")),
            },
            FileRead::TooLarge(size) => status.set(format!(
                "‘{file_name}’ is {} MB; a schemes file can be up to {} MB. Choose a smaller file.",
                decimals(size as f64 / (1024.0 * 1024.0), 1),
                MAX_FILE_BYTES / (1024 * 1024)
            )),
            FileRead::Failed => status.set(
                "The browser could not read the file. Check that it is still where it was, then choose it again.".to_string(),
            ),
        }
        })
    };
    let on_choose = Callback::from(move |e: Event| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            let name = input
                .files()
                .and_then(|files| files.get(0))
                .map(|file| file.name())
                .unwrap_or_default();
            let on_read = on_read.clone();
            platform::files::read_chosen(
                &input,
                MAX_FILE_BYTES,
                Callback::from(move |read| on_read.emit((name.clone(), read))),
            );
            // Choosing the same file again (after putting it right) must read it again.
            input.set_value("");
        }
    });

    html! {
        <div class="pb-schemes-transfer">
            <div class="pb-files__actions">
                <button type="button" class="pb-button pb-button--secondary" onclick={on_export}>
                    { "Export schemes (.csv)" }
                </button>
                <label class="pb-button pb-button--secondary pb-file-button" for={IMPORT_INPUT_ID}>
                    { "Import schemes (.csv)" }
                </label>
                <input class="pb-visually-hidden-file" id={IMPORT_INPUT_ID} type="file"
                    accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
                    aria-describedby="schemes-file-hint" onchange={on_choose} />
            </div>
            <p class="pb-field__hint" id="schemes-file-hint">
                { "Export writes one row per scheme with a column for each year's budget and forecast; Excel opens it. Import reads that file, or any CSV with a heading row (columns are matched by their headings), and shows what it will change first. You can also paste rows copied from Excel straight into the grid." }
            </p>
            if let (Some(pending), Some(plan)) = (props.pending.as_ref(), plan.as_ref()) {
                { preview(pending, plan, on_unit, on_accept, on_cancel) }
            }
            <p role="status" class="pb-note">{ (*status).clone() }</p>
        </div>
    }
}

fn preview(
    pending: &Pending,
    plan: &Result<PastePlan, String>,
    on_unit: Callback<Event>,
    on_accept: Callback<MouseEvent>,
    on_cancel: Callback<MouseEvent>,
) -> Html {
    let title = match &pending.source {
        Source::Paste { .. } => "Paste these rows?".to_string(),
        Source::Import { file_name, .. } => format!("Import ‘{file_name}’?"),
    };
    let (summary, details, can_apply) = match plan {
        Err(problem) => (problem.clone(), html! {}, false),
        Ok(plan) => {
            let more = plan.unreadable.len().saturating_sub(LISTED);
            let details = html! {
                <>
                    if !plan.unreadable.is_empty() {
                        <h4 class="pb-preview__subtitle">{ "Cells that could not be read" }</h4>
                        <ul class="pb-preview__list">
                            { for plan.unreadable.iter().take(LISTED).map(|cell| html! {
                                <li>{ message(&cell.to_string()) }</li>
                            }) }
                            if more > 0 {
                                <li>{ format!("and {more} more") }</li>
                            }
                        </ul>
                    }
                    if !plan.ignored_columns.is_empty() {
                        <h4 class="pb-preview__subtitle">{ "Columns not read" }</h4>
                        <ul class="pb-preview__list">
                            { for plan.ignored_columns.iter().map(|c| html! { <li>{ message(c) }</li> }) }
                        </ul>
                    }
                    if !plan.notes.is_empty() {
                        <ul class="pb-preview__list">
                            { for plan.notes.iter().map(|n| html! { <li>{ message(n) }</li> }) }
                        </ul>
                    }
                </>
            };
            (plan.summary(), details, plan.edit().is_some())
        }
    };
    let accept_label = match &pending.source {
        Source::Paste { .. } => "Paste them",
        Source::Import { .. } => "Import them",
    };
    html! {
        <section class="pb-preview" role="region" aria-labelledby={PREVIEW_HEADING_ID}>
            <h3 class="pb-preview__title" id={PREVIEW_HEADING_ID} tabindex="-1">{ title }</h3>
            <p class="pb-preview__summary">{ message(&summary) }</p>
            { details }
            { unit_choice(plan.as_ref().map_or(MoneyUnit::Pounds, |p| p.unit), on_unit) }
            <div class="pb-files__actions">
                if can_apply {
                    <button type="button" class="pb-button" onclick={on_accept}>{ accept_label }</button>
                }
                <button type="button" class="pb-button pb-button--secondary" onclick={on_cancel}>
                    { if can_apply { "Cancel: change nothing" } else { "Close" } }
                </button>
            </div>
        </section>
    }
}

/// Which unit the table's figures are in, asked before anything changes: starts at the unit
/// they were read in (the headings', else the model's) and says what "1,250" becomes.
fn unit_choice(unit: MoneyUnit, on_change: Callback<Event>) -> Html {
    let means = |u: MoneyUnit| {
        crate::model::format_money(
            crate::model::Money::parse_in("1250", u).unwrap_or_default(),
            crate::model::MoneyStyle::EXACT,
        )
    };
    html! {
        <div class="pb-field">
            <label class="pb-field__label" for="scheme-preview-unit">{ "The figures in this table are in" }</label>
            <p class="pb-field__hint" id="scheme-preview-unit-hint">
                { format!("Read as {}: 1,250 means {}.", unit.symbol(), means(unit)) }
            </p>
            <select class="pb-select" id="scheme-preview-unit" aria-describedby="scheme-preview-unit-hint" onchange={on_change}>
                { for MoneyUnit::ALL.iter().map(|u| html! {
                    <option value={u.saved_name()} selected={*u == unit}>{ u.label() }</option>
                }) }
            </select>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SchemesProps {
    pub editor: crate::app::fields::Editor,
}

/// The scheme grid with the schemes CSV out and in above it, and the preview of a pasted block
/// or an imported file between the two.
#[function_component(Schemes)]
pub fn schemes(props: &SchemesProps) -> Html {
    let pending = use_state(|| None::<Pending>);
    let on_pending = {
        let pending = pending.clone();
        Callback::from(move |next: Option<Pending>| pending.set(next))
    };
    let on_paste_block = {
        let on_pending = on_pending.clone();
        Callback::from(move |(row, column, text): (usize, SchemeColumn, String)| {
            on_pending.emit(Some(Pending {
                source: Source::Paste { row, column, text },
            }))
        })
    };
    let editor = &props.editor;
    let scenario = use_open_scenario(editor);
    if scenario.is_none() {
        return html! {};
    }
    let tools = html! {
        <SchemeTransfer model_name={AttrValue::from(editor.model.name.clone())}
            {scenario} forecast_entry={editor.model.forecast_entry} model_unit={editor.model.money_display.unit}
            dispatcher={editor.dispatcher()} pending={(*pending).clone()} {on_pending} />
    };
    html! {
        <super::scheme_grid::SchemeGrid editor={editor.clone()} {on_paste_block} {tools} />
    }
}
