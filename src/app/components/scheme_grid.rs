//! The schemes (spending lines) as a grid: one row per scheme, a column per detail and per
//! year's budget, forecast and variance, in its own scrolling region with the header row and
//! scheme names kept in view. Each row is a `SchemeRow` with narrow props, so an edit redraws
//! the row it changed; the rarer settings open in `SchemeDetails`. Only the rows near what is
//! in view are drawn (`window`): moving past them by key, a link to a cell or adding a scheme
//! draws the rows there first.

mod cell;
mod columns;
mod details;
mod forecast_switch;
mod row;
mod window;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use self::cell::Step;
use self::columns::{cell_id, cell_row, grid_columns, heading, heading_id, row_prefix, GridColumn};
use self::details::{SchemeDetails, HEADING_ID};
use self::forecast_switch::forecast_switch;
use self::row::{GridChoices, SchemeRow};
use self::window::{Span, Viewport};
use super::changes_panel::link_notes;
use crate::app::fields::Editor;
use crate::app::state::Action;
use crate::model::edit::Edit;
use crate::model::schemes::SchemeColumn;
use crate::model::{FinancialYear, LineId, Scenario, SpendLine};
use crate::platform;
use crate::platform::cells;

pub use self::columns::cell_id as grid_cell_id;
pub use self::row::{parse_forecast, ChangedCells, ChangedRow};

const REGION_ID: &str = "scheme-grid-region";
const HELP_ID: &str = "scheme-grid-help";

/// How the checklist's and error summary's links reach a cell of the grid, which may be in a
/// row not drawn now: the modeller provides it as a context, the grid fills it in.
#[derive(Clone, Default)]
pub struct GridLinks(Rc<RefCell<Option<Callback<String, bool>>>>);

impl PartialEq for GridLinks {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl GridLinks {
    /// If `id` names a cell of the grid, draws its row, focuses it (which scrolls it into view)
    /// and says true; else false (the link then does what a link does).
    pub fn reveal(&self, id: &str) -> bool {
        let reveal = self.0.borrow().clone();
        reveal.is_some_and(|reveal| reveal.emit(id.to_string()))
    }

    /// A link's click handler: a link to a grid cell reveals it instead of following the
    /// fragment (whose cell may not be drawn, and would then be read as a share link).
    pub fn on_click(links: Option<GridLinks>, id: String) -> Callback<MouseEvent> {
        Callback::from(move |event: MouseEvent| {
            if links.as_ref().is_some_and(|links| links.reveal(&id)) {
                event.prevent_default();
            }
        })
    }
}

/// What the grid draws, kept between renders and read by its listeners.
struct Scroller {
    /// The box as last measured; None until it first is.
    viewport: Option<Viewport>,
    /// The rows drawn around the view (see `window::runs` for the rest).
    drawn: Span,
    /// The scheme whose row last had focus: it stays drawn.
    focused: Option<LineId>,
    /// How many rows the grid has.
    rows: usize,
    /// The editor as last drawn, for moves between rows.
    editor: Option<Editor>,
    /// A cell to focus once its row is drawn (row, cell id): a scheme just added, or a cell a
    /// link points to. Its row stays drawn until then, whatever the scrolling does meanwhile.
    pending: Option<(usize, String)>,
}

impl Scroller {
    fn row_height(&self) -> f64 {
        self.viewport
            .map(|v| v.row)
            .filter(|row| *row >= 1.0)
            .unwrap_or(window::ROW_ESTIMATE)
    }
}

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
    let region = use_node_ref();
    let scroller = use_mut_ref(|| Scroller {
        viewport: None,
        drawn: Span {
            start: 0,
            end: window::FIRST_DRAWN,
        },
        focused: None,
        rows: 0,
        editor: None,
        pending: None,
    });
    let redraw = use_force_update();
    // Focuses the cell `id` in row `row`, drawing that row first if it is not drawn now.
    let reveal = {
        let (scroller, redraw) = (scroller.clone(), redraw.clone());
        (*use_memo((), move |()| {
            Rc::new(move |row: usize, id: String| {
                if cells::focus_cell(&id) {
                    return;
                }
                {
                    let mut scroller = scroller.borrow_mut();
                    scroller.drawn = window::around_row(row, scroller.drawn);
                    scroller.pending = Some((row, id));
                }
                redraw.force_update();
            }) as Rc<dyn Fn(usize, String)>
        }))
        .clone()
    };
    // Up and Down (and Enter) from row `row`: to the next row that has the cell, drawn or not.
    let on_move = {
        let (scroller, reveal) = (scroller.clone(), reveal.clone());
        (*use_memo((), move |()| {
            Callback::from(move |(row, column, step): (usize, SchemeColumn, Step)| {
                let editor = scroller.borrow().editor.clone();
                let Some(editor) = editor else { return };
                let Some(scenario) = editor.scenario() else {
                    return;
                };
                if let Some(at) = next_row(&scenario.lines, row, column, step) {
                    reveal(at, cell_id(editor.scenario_index(), at, column));
                }
            })
        }))
        .clone()
    };
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
    let lines: &[SpendLine] = scenario.map_or(&[], |s| s.lines.as_slice());
    let count = lines.len();
    let (runs, row_height) = {
        let mut scroller = scroller.borrow_mut();
        scroller.rows = count;
        scroller.editor = Some(editor.clone());
        let focused = scroller
            .focused
            .and_then(|id| lines.iter().position(|l| l.id == id));
        let keep: Vec<usize> = focused
            .into_iter()
            .chain(scroller.pending.as_ref().map(|(row, _)| *row))
            .collect();
        (
            window::runs(scroller.drawn, &keep, count),
            scroller.row_height(),
        )
    };
    // The rows not drawn, as (where the gap starts, how many rows it stands for).
    let mut gaps = Vec::with_capacity(3);
    let mut next = 0;
    for run in &runs {
        if run.start > next {
            gaps.push((next, run.start - next));
        }
        next = run.end;
    }
    if count > next {
        gaps.push((next, count - next));
    }
    {
        // After each drawing, the cell waiting for focus (`reveal`), once its row is drawn. A
        // scheme just added is not yet in the lines of a drawing the add itself asks for.
        let scroller = scroller.clone();
        use_effect(move || {
            let pending = scroller.borrow_mut().pending.take();
            if let Some((row, id)) = pending {
                if !cells::focus_cell(&id) && row >= scroller.borrow().rows {
                    scroller.borrow_mut().pending = Some((row, id));
                }
            }
        });
    }
    let spacer_refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    {
        let heights: Vec<u64> = gaps
            .iter()
            .map(|(_, rows)| (*rows as f64 * row_height).round() as u64)
            .collect();
        let spacer_refs = spacer_refs.clone();
        use_effect_with(heights, move |heights| {
            for (node, height) in spacer_refs.iter().zip(heights) {
                if let Some(element) = node.cast::<web_sys::Element>() {
                    cells::set_height(&element, *height as f64);
                }
            }
        });
    }
    {
        // Measures the box now and whenever it scrolls or changes size, and draws other rows
        // when the view has moved past half the margin of those drawn.
        let (scroller, redraw, region) = (scroller.clone(), redraw.clone(), region.clone());
        use_effect_with((), move |()| {
            let boxed = region.clone();
            let on_box = move || {
                let Some(element) = boxed.cast::<web_sys::Element>() else {
                    return;
                };
                let measured = cells::measure_grid(&element);
                let viewport = Viewport {
                    scroll_top: measured.scroll_top,
                    height: measured.height,
                    head: measured.head,
                    row: measured.row,
                };
                let mut scroller = scroller.borrow_mut();
                let first = scroller.viewport.is_none();
                scroller.viewport = Some(viewport);
                let view = viewport.in_view();
                if first || !window::covers(scroller.drawn, view, scroller.rows) {
                    let drawn = window::around(view);
                    if drawn != scroller.drawn {
                        scroller.drawn = drawn;
                        drop(scroller);
                        redraw.force_update();
                    }
                }
            };
            let watch = region.cast::<web_sys::Element>().map(|element| {
                on_box();
                cells::watch_grid(&element, on_box)
            });
            move || drop(watch)
        });
    }
    {
        // Links from the checklist and the error summary reach the grid's cells through this.
        let links = use_context::<GridLinks>();
        let (reveal, scroller) = (reveal.clone(), scroller.clone());
        use_effect_with((), move |()| {
            let reveal_cell = Callback::from(move |id: String| {
                let Some((option, row)) = cell_row(&id) else {
                    return false;
                };
                let here = scroller.borrow().editor.as_ref().is_some_and(|e| {
                    e.scenario_index() == option && row < e.scenario().map_or(0, |s| s.lines.len())
                });
                if here {
                    reveal(row, id);
                }
                here
            });
            if let Some(links) = &links {
                *links.0.borrow_mut() = Some(reveal_cell);
            }
            move || {
                if let Some(links) = links {
                    links.0.borrow_mut().take();
                }
            }
        });
    }
    let Some(scenario) = scenario else {
        return html! {};
    };
    let si = editor.scenario_index();
    let entry = editor.model.forecast_entry;
    let unit = editor.model.money_display.unit;
    let on_close = {
        let details = details.clone();
        let back = open_line.as_ref().map(|(_, back)| back.clone());
        Callback::from(move |()| {
            details.set(None);
            platform::focus_soon(back.as_deref().unwrap_or(REGION_ID));
        })
    };
    let on_add = {
        let (editor, new_row, reveal) = (editor.clone(), scenario.lines.len(), reveal.clone());
        Callback::from(move |_: MouseEvent| {
            editor.dispatch(Action::Edit(Edit::AddLine));
            reveal(new_row, cell_id(si, new_row, SchemeColumn::Name));
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
    // The row that has focus stays drawn when the box scrolls away from it.
    let on_focus_in = {
        let (scroller, editor, redraw) = (scroller.clone(), editor.clone(), redraw.clone());
        Callback::from(move |event: FocusEvent| {
            let Some(lines) = editor.scenario().map(|s| &s.lines) else {
                return;
            };
            let row = cells::row_index_of(&event).and_then(|index| index.checked_sub(2));
            let Some(id) = row.and_then(|row| Some(lines.get(row)?.id)) else {
                return;
            };
            let mut scroller = scroller.borrow_mut();
            let before = scroller.focused.replace(id);
            // The rows kept for the last focus, away from the view, are no longer needed.
            let kept_apart = before.filter(|before| *before != id).is_some_and(|before| {
                lines
                    .iter()
                    .position(|l| l.id == before)
                    .is_some_and(|at| at < scroller.drawn.start || at >= scroller.drawn.end)
            });
            drop(scroller);
            if kept_apart {
                redraw.force_update();
            }
        })
    };
    // A linked option's cells set here rather than taken from its base, row by row.
    let notes = link_notes(&editor.model, scenario.id);
    let changed: &[(LineId, ChangedCells)] = notes.as_ref().map_or(&[], |n| &n.cells);
    let row_html = |index: usize, line: &SpendLine| {
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
                choices={choices.clone()} years={years.clone()} forecast_entry={entry} {unit} {errors}
                dispatcher={dispatcher.clone()} on_details={on_details.clone()}
                on_paste_block={on_paste_block.clone()} on_move={on_move.clone()} {changed} />
        }
    };
    let width = columns.len() + 1;
    let spacer = |slot: usize, (start, _): (usize, usize)| {
        html! {
            <tr key={format!("gap-{start}")} class="pb-grid__spacer" aria-hidden="true">
                <td colspan={width.to_string()} ref={spacer_refs[slot.min(2)].clone()}></td>
            </tr>
        }
    };
    let mut body: Vec<Html> =
        Vec::with_capacity(runs.iter().map(|r| r.end - r.start).sum::<usize>() + 3);
    let mut gap_slots = gaps.iter().copied().enumerate().peekable();
    for run in &runs {
        while let Some((slot, gap)) = gap_slots.next_if(|(_, (start, _))| *start < run.start) {
            body.push(spacer(slot, gap));
        }
        for index in run.start..run.end {
            body.push(row_html(index, &scenario.lines[index]));
        }
    }
    for (slot, gap) in gap_slots {
        body.push(spacer(slot, gap));
    }
    html! {
        <section class="pb-section" aria-labelledby="lines-heading">
            <h2 id="lines-heading" class="pb-section__title">{ "Schemes" }</h2>
            <p class="pb-section__lede">
                { "The schemes and services each pool pays for: a row each, with its budget and forecast for each year." }
            </p>
            <div class="pb-grid-tools">
                { forecast_switch(entry, &dispatcher) }
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
            <div class="pb-grid-wrap" id={REGION_ID} role="region" aria-labelledby="scheme-grid-caption" tabindex="0"
                ref={region}>
                <table class="pb-grid" aria-describedby={HELP_ID} aria-rowcount={(count + 1).to_string()}>
                    <caption id="scheme-grid-caption" class="pb-visually-hidden">
                        { format!("Schemes: {} of them, budgets and forecasts in pounds", scenario.lines.len()) }
                    </caption>
                    <thead>
                        <tr aria-rowindex="1">
                            { for columns.iter().map(|&column| header(column, entry, unit)) }
                            <th scope="col" class="pb-grid__header">
                                <span class="pb-visually-hidden">{ "Details" }</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody onfocusin={on_focus_in}>{ for body }</tbody>
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

/// The row an arrow key (Up or Down, or Enter) moves to from `row` in `column`: the next one that
/// has that cell (a scheme not running in a year has no budget or forecast cell for it).
fn next_row(lines: &[SpendLine], row: usize, column: SchemeColumn, step: Step) -> Option<usize> {
    let has = |line: &SpendLine| match column {
        SchemeColumn::Budget(year) | SchemeColumn::Forecast(year) => line.runs_in(year),
        _ => true,
    };
    match step {
        Step::Up => (0..row.min(lines.len())).rev().find(|&at| has(&lines[at])),
        Step::Down => (row + 1..lines.len()).find(|&at| has(&lines[at])),
        Step::Left | Step::Right | Step::Details => None,
    }
}

fn header(
    column: GridColumn,
    entry: crate::model::ForecastEntry,
    unit: crate::model::MoneyUnit,
) -> Html {
    let class = match column {
        GridColumn::Typed(SchemeColumn::Name) => "pb-grid__header pb-grid__header--name",
        GridColumn::Typed(
            SchemeColumn::Budget(_) | SchemeColumn::Forecast(_) | SchemeColumn::Savings,
        )
        | GridColumn::Variance(_) => "pb-grid__header pb-grid__header--numeric",
        GridColumn::Typed(_) => "pb-grid__header",
    };
    html! { <th scope="col" id={heading_id(column)} {class}>{ heading(column, entry, unit) }</th> }
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
