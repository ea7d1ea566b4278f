//! The schemes (spending lines) as a grid: one row per scheme, a column per detail and per
//! year's budget, forecast and variance, in its own scrolling region with the header row and
//! scheme names kept in view. Each row is a `SchemeRow` with narrow props, so an edit redraws
//! the row it changed; the rarer settings open in `SchemeDetails`.

mod cell;
mod columns;
mod details;
mod forecast_switch;
mod row;

use std::rc::Rc;

use yew::prelude::*;

use self::columns::{cell_id, grid_columns, heading, heading_id, row_prefix, GridColumn};
use self::details::{SchemeDetails, HEADING_ID};
use self::forecast_switch::ForecastSwitch;
use self::row::{ChangedCells, GridChoices, SchemeRow};
use crate::app::fields::Editor;
use crate::app::state::Action;
use crate::model::edit::Edit;
use crate::model::linked;
use crate::model::schemes::SchemeColumn;
use crate::model::{changed_cells, FinancialYear, LineId, Scenario};
use crate::platform;

pub use self::columns::cell_id as grid_cell_id;
pub use self::row::parse_forecast;

const REGION_ID: &str = "scheme-grid-region";
const HELP_ID: &str = "scheme-grid-help";

#[derive(Properties, PartialEq)]
pub struct SchemeGridProps {
    pub editor: Editor,
    /// A block of cells pasted into a cell: (the cell's row, its column, the clipboard text).
    pub on_paste_block: Callback<(usize, SchemeColumn, String)>,
    /// More buttons for the bar above the grid (the schemes CSV out and in).
    #[prop_or_default]
    pub tools: Html,
}

#[function_component(SchemeGrid)]
pub fn scheme_grid(props: &SchemeGridProps) -> Html {
    let editor = &props.editor;
    let dispatcher = editor.dispatcher();
    // None: every year of the plan.
    let one_year = use_state(|| None::<FinancialYear>);
    // The scheme whose details are open, and where focus goes back to.
    let details = use_state(|| None::<(LineId, String)>);
    // Rows get callbacks that never change, so a new callback from the parent (or a new
    // closure here) never redraws them all.
    let paste_target = use_mut_ref(|| props.on_paste_block.clone());
    *paste_target.borrow_mut() = props.on_paste_block.clone();
    let on_paste_block = (*use_memo((), move |()| {
        Callback::from(move |block| paste_target.borrow().emit(block))
    }))
    .clone();
    let on_details = {
        let setter = details.setter();
        (*use_memo((), move |()| {
            Callback::from(move |opened: (LineId, String)| {
                setter.set(Some(opened));
                platform::focus_soon(HEADING_ID);
            })
        }))
        .clone()
    };
    let scenario = editor.scenario();
    let choices = use_memo(scenario.map(choices).unwrap_or_default(), |c| c.clone());
    let all_years: Vec<FinancialYear> = scenario
        .map(|s| s.horizon.years().collect())
        .unwrap_or_default();
    let shown: Vec<FinancialYear> = match *one_year {
        Some(year) if all_years.contains(&year) => vec![year],
        _ => all_years.clone(),
    };
    let years = use_memo(shown, |y| y.clone());
    let open_line = (*details)
        .as_ref()
        .filter(|(id, _)| scenario.is_some_and(|s| s.lines.iter().any(|l| l.id == *id)))
        .cloned();
    // The scheme whose details were open is gone (removed there, an undo): close them, and
    // keep focus in the grid rather than lose it to the page.
    let gone = details.is_some() && open_line.is_none();
    {
        let details = details.clone();
        use_effect_with(gone, move |gone| {
            if *gone {
                details.set(None);
                platform::focus_soon(REGION_ID);
            }
        });
    }
    let Some(scenario) = scenario else {
        return html! {};
    };
    let si = editor.scenario_index();
    let entry = editor.model.forecast_entry;
    let on_close = {
        let details = details.clone();
        let back = open_line.as_ref().map(|(_, back)| back.clone());
        Callback::from(move |()| {
            details.set(None);
            platform::focus_soon(back.as_deref().unwrap_or(REGION_ID));
        })
    };
    let on_add = {
        let (editor, new_row) = (editor.clone(), scenario.lines.len());
        Callback::from(move |_: MouseEvent| {
            editor.dispatch(Action::Edit(Edit::AddLine));
            platform::cells::focus_cell_soon(&cell_id(si, new_row, SchemeColumn::Name));
        })
    };
    let on_years = {
        let one_year = one_year.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let year = select.value().parse::<u16>().ok();
                one_year.set(year.map(FinancialYear::starting));
            }
        })
    };
    let columns = grid_columns(&years);
    // A linked option's cells set here rather than taken from its base, row by row.
    let changed: Vec<(LineId, ChangedCells)> = linked::base_of(&editor.model, scenario.id)
        .and_then(|base| editor.model.scenario(base))
        .map(|base| changed_cells(base, scenario))
        .unwrap_or_default()
        .into_iter()
        .map(|(line, cells)| (line, Rc::new(cells)))
        .collect();
    let rows = scenario.lines.iter().enumerate().map(|(index, line)| {
        let changed = changed
            .iter()
            .find(|(id, _)| *id == line.id)
            .map(|(_, cells)| cells.clone());
        let prefix = row_prefix(si, index);
        let errors: Vec<(String, AttrValue)> = editor
            .field_errors
            .range(prefix.clone()..)
            .take_while(|(field, _)| field.starts_with(&prefix))
            .map(|(field, e)| (field.clone(), AttrValue::from(e.sentence())))
            .collect();
        html! {
            <SchemeRow key={line.id.0} line={line.clone()} {index} scenario_index={si}
                choices={choices.clone()} years={years.clone()} forecast_entry={entry} {errors}
                dispatcher={dispatcher.clone()} on_details={on_details.clone()}
                on_paste_block={on_paste_block.clone()} {changed} />
        }
    });
    html! {
        <section class="pb-section" aria-labelledby="lines-heading">
            <h2 id="lines-heading" class="pb-section__title">{ "Schemes" }</h2>
            <p class="pb-section__lede">
                { "The schemes and services each pool pays for: a row each, with its budget and forecast for each year." }
            </p>
            <div class="pb-grid-tools">
                <ForecastSwitch {entry} dispatcher={dispatcher.clone()} />
                <div class="pb-field pb-grid-tools__years">
                    <label class="pb-field__label" for="scheme-grid-years">{ "Years shown" }</label>
                    <select id="scheme-grid-years" class="pb-select" onchange={on_years}>
                        <option value="" selected={one_year.is_none()}>{ "All years" }</option>
                        { for all_years.iter().map(|y| html! {
                            <option value={y.start_year().to_string()} selected={*one_year == Some(*y)}>{ y.to_string() }</option>
                        }) }
                    </select>
                </div>
                { props.tools.clone() }
            </div>
            <p id={HELP_ID} class="pb-field__hint pb-grid-help">
                { "Amounts in pounds. Arrow keys move between cells. Type to replace a cell, or press Enter or F2 to change it. \
                   Enter keeps it and moves down; Tab moves right; Escape puts back what was there. \
                   Alt+Enter opens a scheme's details. A block pasted from a spreadsheet fills from the cell you paste into." }
            </p>
            <div class="pb-grid-wrap" id={REGION_ID} role="region" aria-labelledby="scheme-grid-caption" tabindex="0">
                <table class="pb-grid" aria-describedby={HELP_ID}>
                    <caption id="scheme-grid-caption" class="pb-visually-hidden">
                        { format!("Schemes: {} of them, budgets and forecasts in pounds", scenario.lines.len()) }
                    </caption>
                    <thead>
                        <tr>
                            { for columns.iter().map(|&column| header(column, entry)) }
                            <th scope="col" class="pb-grid__header">
                                <span class="pb-visually-hidden">{ "Details" }</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if scenario.lines.is_empty() {
                <p class="pb-grid-help">{ "No schemes yet." }</p>
            }
            if let Some((line, _)) = open_line {
                <SchemeDetails editor={editor.clone()} {line} on_close={on_close} />
            }
            <button type="button" class="pb-button pb-button--secondary" onclick={on_add}>{ "Add scheme" }</button>
        </section>
    }
}

fn header(column: GridColumn, entry: crate::model::ForecastEntry) -> Html {
    let class = match column {
        GridColumn::Typed(SchemeColumn::Name) => "pb-grid__header pb-grid__header--name",
        GridColumn::Typed(
            SchemeColumn::Budget(_) | SchemeColumn::Forecast(_) | SchemeColumn::Savings,
        )
        | GridColumn::Variance(_) => "pb-grid__header pb-grid__header--numeric",
        GridColumn::Typed(_) => "pb-grid__header",
    };
    html! { <th scope="col" id={heading_id(column)} {class}>{ heading(column, entry) }</th> }
}

fn choices(scenario: &Scenario) -> GridChoices {
    GridChoices {
        pools: scenario
            .pools
            .iter()
            .map(|p| (p.id.0.to_string(), p.name.clone()))
            .collect(),
        partners: scenario
            .partners
            .iter()
            .map(|p| (p.id.0.to_string(), p.full_label().to_string()))
            .collect(),
    }
}
