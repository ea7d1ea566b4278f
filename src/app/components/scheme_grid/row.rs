//! One scheme's row. A component of its own with narrow props (the line, its position, shared
//! option lists, its own errors and the reducer's dispatcher), so Yew skips every row whose
//! data did not change; it builds its callbacks from the dispatcher itself.

use std::rc::Rc;

use yew::prelude::*;

use super::cell::{grid_select, GridInput, Step};
use super::columns::{
    cell_id, details_button_id, grid_columns, heading, typed_columns, GridColumn,
};
use crate::app::bidi;
use crate::app::components::changed_mark::FieldChange;
use crate::app::fields::{dispatch_commit, money_text, percent_text, Dispatcher};
use crate::app::state::Action;
use crate::model::edit::{Edit, LineField};
use crate::model::linked::Override;
use crate::model::schemes::SchemeColumn;
use crate::model::user_text::isolate;
use crate::model::MoneyUnit;
use crate::model::{
    format_money, format_percent, limits, FinancialYear, ForecastEntry, FundingStream, LineId,
    Money, MoneyStyle, Outturn, PartnerId, Percent, PoolId, RingFence, ScenarioId, SpendLine,
};
use crate::platform::cells;

/// The pools and partners the selects offer, as (value, label); built once per change to
/// them and shared by every row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GridChoices {
    pub pools: Vec<(String, String)>,
    pub partners: Vec<(String, String)>,
}

/// Turns a cell's text into a change to its line, or a message completing "<label> …".
type ParseCell = Box<dyn Fn(&str) -> Result<LineField, String>>;

#[derive(Properties, PartialEq)]
pub struct SchemeRowProps {
    pub line: SpendLine,
    /// Position in the option's list of lines (for field ids and moving between rows).
    pub index: usize,
    pub scenario_index: usize,
    pub choices: Rc<GridChoices>,
    /// The years shown.
    pub years: Rc<Vec<FinancialYear>>,
    pub forecast_entry: ForecastEntry,
    /// The model's unit, which the budget and forecast cells show and read.
    pub unit: MoneyUnit,
    /// This row's field errors, by DOM id.
    pub errors: Vec<(String, AttrValue)>,
    pub dispatcher: Dispatcher,
    /// Open the row's details; the id is where focus goes back when they close.
    pub on_details: Callback<(LineId, String)>,
    pub on_paste_block: Callback<(usize, SchemeColumn, String)>,
    /// Up or Down from this row's cell in a column: the grid finds the row, which it may have
    /// to draw first.
    pub on_move: Callback<(usize, SchemeColumn, Step)>,
    /// In a linked option, the cells this row sets itself, with their words.
    #[prop_or_default]
    pub changed: Option<ChangedCells>,
}

/// A row's cells a linked option sets itself, each with the override and its words.
#[derive(Debug, PartialEq)]
pub struct ChangedRow {
    pub option: ScenarioId,
    pub cells: Vec<(SchemeColumn, Override, String)>,
}

pub type ChangedCells = Rc<ChangedRow>;

#[function_component(SchemeRow)]
pub fn scheme_row(props: &SchemeRowProps) -> Html {
    let line = &props.line;
    let (id, index, si) = (line.id, props.index, props.scenario_index);
    let unit = props.unit;
    let name = line.name.trim();
    let row_name = if name.is_empty() {
        format!("row {}", index + 1)
    } else {
        name.to_string()
    };
    let label = |column: SchemeColumn| {
        format!(
            "{}, {row_name}",
            heading(GridColumn::Typed(column), props.forecast_entry, props.unit)
        )
    };
    let error = |dom_id: &str| {
        props
            .errors
            .iter()
            .find(|(field, _)| field == dom_id)
            .map(|(_, e)| e.clone())
    };
    let on_step = |column: SchemeColumn| {
        let (years, on_details, on_move) = (
            props.years.clone(),
            props.on_details.clone(),
            props.on_move.clone(),
        );
        Callback::from(move |step: Step| match step {
            Step::Details => on_details.emit((id, cell_id(si, index, column))),
            Step::Up | Step::Down => on_move.emit((index, column, step)),
            Step::Left | Step::Right => step_along(si, index, &years, column, step),
        })
    };
    let on_paste = |column: SchemeColumn| {
        props
            .on_paste_block
            .reform(move |text: String| (index, column, text))
    };
    let dispatch_edit = |field: fn(&str) -> Option<LineField>| {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |value: String| {
            if let Some(field) = field(&value) {
                dispatcher.dispatch(Action::Edit(Edit::Line(id, field)));
            }
        })
    };
    // In a linked option, the marker of a cell set here rather than taken from the base.
    let change_in = |column: SchemeColumn| {
        let row = props.changed.as_ref()?;
        row.cells
            .iter()
            .find(|(c, ..)| *c == column)
            .map(|(_, what, text)| FieldChange {
                option: row.option,
                what: what.clone(),
                text: AttrValue::from(text.clone()),
                dispatcher: props.dispatcher.clone(),
            })
    };
    // A text cell whose text `parse` turns into a change to the line, or a message.
    let text_cell = |column: SchemeColumn, value: AttrValue, numeric: bool, parse: ParseCell| {
        let dom_id = cell_id(si, index, column);
        let sentence_label = match column {
            SchemeColumn::Forecast(year) if props.forecast_entry == ForecastEntry::Spend => {
                format!("Forecast spend for {} in {year}", isolate(&row_name))
            }
            SchemeColumn::Forecast(year) => {
                format!("Forecast for {} in {year}", isolate(&row_name))
            }
            SchemeColumn::Budget(year) => format!("Budget for {} in {year}", isolate(&row_name)),
            other => format!("{} of {}", other.heading(), isolate(&row_name)),
        };
        let on_commit = dispatch_commit(
            &props.dispatcher,
            dom_id.clone(),
            sentence_label,
            move |text| parse(text).map(|field| Action::Edit(Edit::Line(id, field))),
        );
        let on_cancel = {
            let (dispatcher, dom_id) = (props.dispatcher.clone(), dom_id.clone());
            Callback::from(move |()| dispatcher.dispatch(Action::FieldValid(dom_id.clone())))
        };
        let changed = change_in(column);
        html! {
            <GridInput id={dom_id.clone()} label={label(column)} {value} {numeric} {changed}
                error={error(&dom_id)} {on_commit} {on_cancel}
                on_step={on_step(column)} on_paste_block={on_paste(column)} />
        }
    };
    let select_cell = |column: SchemeColumn,
                       options: &[(String, String)],
                       selected: String,
                       missing: Option<(&str, u32)>,
                       on_change: Callback<String>| {
        let dom_id = cell_id(si, index, column);
        let held = options.iter().any(|(value, _)| *value == selected);
        let problem = match missing {
            Some((kind, _)) if !held => Some(AttrValue::from(format!(
                "The {kind} chosen here is not one of the {kind}s"
            ))),
            _ => None,
        };
        grid_select(
            dom_id,
            label(column),
            options,
            &selected,
            missing.map(|(kind, number)| format!("Missing {kind} (id {number})")),
            problem,
            change_in(column),
            on_change,
            on_step(column),
            on_paste(column),
        )
    };
    let horizon_years: &[FinancialYear] = &props.years;
    let planned_in = |year: FinancialYear| planned(line, year);
    let cells = grid_columns(horizon_years).into_iter().map(|column| match column {
        GridColumn::Variance(year) => variance_cell(line, year, planned_in(year)),
        GridColumn::Typed(column) => {
            let cell = match column {
                SchemeColumn::Reference => text_cell(column, line.reference.clone().into(), false,
                    Box::new(|t| words(t, LineField::Reference))),
                SchemeColumn::Name => text_cell(column, line.name.clone().into(), false,
                    Box::new(|t| words(t, LineField::Name))),
                SchemeColumn::Provider => text_cell(column, line.provider.clone().into(), false,
                    Box::new(|t| words(t, LineField::Provider))),
                SchemeColumn::Savings => text_cell(column, percent_text(line.savings), true,
                    Box::new(|t| Percent::parse(t).map(LineField::Savings).map_err(|e| e.to_string()))),
                SchemeColumn::Pool => select_cell(column, &props.choices.pools, line.pool.0.to_string(),
                    Some(("pool", line.pool.0)),
                    dispatch_edit(|v| v.parse().ok().map(|n| LineField::Pool(PoolId(n))))),
                SchemeColumn::Commissioner => select_cell(column, &props.choices.partners,
                    line.commissioner.0.to_string(), Some(("partner", line.commissioner.0)),
                    dispatch_edit(|v| v.parse().ok().map(|n| LineField::Commissioner(PartnerId(n))))),
                SchemeColumn::Stream => select_cell(column, &stream_options(), stream_key(line.stream), None,
                    dispatch_edit(|v| Some(LineField::Stream(stream_from_key(v))))),
                SchemeColumn::RingFence => select_cell(column, &ring_fence_options(),
                    ring_fence_key(line.ring_fence).to_string(), None,
                    dispatch_edit(|v| Some(LineField::RingFence(ring_fence_from_key(v))))),
                SchemeColumn::Budget(year) if line.runs_in(year) => text_cell(column, money_text(line.budget_in(year), unit), true,
                    Box::new(move |t| Money::parse_entered(t, unit).map(|m| LineField::Budget(year, m)).map_err(|e| e.to_string()))),
                SchemeColumn::Forecast(year) if line.runs_in(year) => {
                    let entry = props.forecast_entry;
                    text_cell(column, forecast_text(line.outturn(year), planned_in(year), entry, unit), true,
                        Box::new(move |t| parse_forecast(t, entry, unit).map(|o| LineField::Forecast(year, o))))
                }
                SchemeColumn::Budget(_) | SchemeColumn::Forecast(_) => not_running(),
            };
            if column == SchemeColumn::Name {
                html! { <th scope="row" class="pb-grid__cell pb-grid__cell--name">{ cell }</th> }
            } else {
                html! { <td class="pb-grid__cell">{ cell }</td> }
            }
        }
    });
    let details_id = details_button_id(si, index);
    let on_details = {
        let (on_details, details_id) = (props.on_details.clone(), details_id.clone());
        Callback::from(move |_: MouseEvent| on_details.emit((id, details_id.clone())))
    };
    html! {
        <tr class="pb-grid__row" aria-rowindex={(index + 2).to_string()}>
            { for cells }
            <td class="pb-grid__cell">
                <button type="button" id={details_id} class="pb-button pb-button--secondary pb-button--small"
                    onclick={on_details}>
                    { "Details" }<span class="pb-visually-hidden">{ " for " }{ bidi::name(&row_name) }</span>
                </button>
            </td>
        </tr>
    }
}

/// A name, reference or provider: kept as typed (trimmed), refused over the length limit.
fn words(text: &str, field: fn(String) -> LineField) -> Result<LineField, String> {
    let text = text.trim();
    match limits::name_too_long(text) {
        Some(message) => Err(message),
        None => Ok(field(text.to_string())),
    }
}

/// Moves focus along row `row` from `column`, left or right as `step` asks: past cells that are
/// not there (a year the scheme does not run), stopping at the grid's edges.
fn step_along(si: usize, row: usize, years: &[FinancialYear], column: SchemeColumn, step: Step) {
    let columns = typed_columns(years);
    let Some(here) = columns.iter().position(|c| *c == column) else {
        return;
    };
    let onward: Box<dyn Iterator<Item = &SchemeColumn>> = if step == Step::Left {
        Box::new(columns[..here].iter().rev())
    } else {
        Box::new(columns.iter().skip(here + 1))
    };
    for next in onward {
        if cells::focus_cell(&cell_id(si, row, *next)) {
            return;
        }
    }
}

/// Planned spend in `year`: the gross budget less integration savings (zero if not running).
fn planned(line: &SpendLine, year: FinancialYear) -> Option<Money> {
    let gross = if line.runs_in(year) {
        line.budget_in(year)
    } else {
        Money::ZERO
    };
    gross.checked_sub(gross.checked_percent(line.savings)?)
}

fn not_running() -> Html {
    html! { <span class="pb-grid__off">{ "Not running" }</span> }
}

/// The forecast as the cell shows it: forecast spend, or the over/underspend, as the model
/// says forecasts are typed; blank when as planned.
/// Spend is in the model's `unit`; an over/underspend keeps its "£" and pence, which
/// [`Money::parse_entered`] reads back as pounds in any unit.
fn forecast_text(
    outturn: Outturn,
    planned: Option<Money>,
    entry: ForecastEntry,
    unit: MoneyUnit,
) -> AttrValue {
    let amount = |m: Option<Money>| m.map(|m| money_text(m, unit)).unwrap_or_default();
    match (outturn, entry) {
        (Outturn::AsPlanned, _) => AttrValue::default(),
        (Outturn::Spend { amount: spend }, ForecastEntry::Spend) => money_text(spend, unit),
        (Outturn::VariancePercent { percent }, ForecastEntry::Variance) => {
            format!("{}%", percent_text(percent)).into()
        }
        (Outturn::VarianceAmount { amount: variance }, ForecastEntry::Variance) => {
            format_money(variance, MoneyStyle::EXACT).into()
        }
        (outturn, ForecastEntry::Spend) => amount(planned.and_then(|p| outturn.forecast(p))),
        (outturn, ForecastEntry::Variance) => match planned.and_then(|p| outturn.variance(p)) {
            Some(variance) => format_money(variance, MoneyStyle::EXACT).into(),
            None => AttrValue::default(),
        },
    }
}

/// What was typed in a forecast cell: blank is as planned; with forecasts typed as spend, an
/// amount of at least zero; else a percentage of planned spend ("5%") or an amount, a minus
/// sign for an underspend. Amounts are read in `unit`, the model's ([`Money::parse_entered`]).
pub fn parse_forecast(
    text: &str,
    entry: ForecastEntry,
    unit: MoneyUnit,
) -> Result<Outturn, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Outturn::AsPlanned);
    }
    match entry {
        ForecastEntry::Spend => {
            let amount = Money::parse_entered(text, unit).map_err(|e| e.to_string())?;
            if amount.is_negative() {
                Err(
                    "cannot be negative; to type an underspend, switch ‘Forecasts are typed \
                     as’ to over/underspend"
                        .to_string(),
                )
            } else {
                Ok(Outturn::Spend { amount })
            }
        }
        ForecastEntry::Variance if text.ends_with('%') => Percent::parse(text)
            .map(|percent| Outturn::VariancePercent { percent })
            .map_err(|e| e.to_string()),
        ForecastEntry::Variance => Money::parse_entered(text, unit)
            .map(|amount| Outturn::VarianceAmount { amount })
            .map_err(|e| e.to_string()),
    }
}

/// The variance in `year`, shown: "£50,000.00 over (5%)", "£20,000.00 under (2%)", "On plan".
fn variance_cell(line: &SpendLine, year: FinancialYear, planned: Option<Money>) -> Html {
    if !line.runs_in(year) {
        return html! { <td class="pb-grid__cell pb-grid__cell--shown">{ not_running() }</td> };
    }
    let variance = planned.and_then(|p| Some((p, line.outturn(year).variance(p)?)));
    let text = match variance {
        None => "Too large to show".to_string(),
        Some((_, v)) if v.is_zero() => "On plan".to_string(),
        Some((planned, v)) => {
            let size = format_money(v.abs(), MoneyStyle::EXACT);
            let side = if v.is_negative() { "under" } else { "over" };
            match v.abs().percent_of(planned) {
                Some(p) => format!("{size} {side} ({})", format_percent(p)),
                None => format!("{size} {side}"),
            }
        }
    };
    html! { <td class="pb-grid__cell pb-grid__cell--shown">{ text }</td> }
}

fn stream_options() -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "Not set".to_string())];
    options.extend(
        FundingStream::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| (i.to_string(), s.label().to_string())),
    );
    options
}

fn stream_key(stream: Option<FundingStream>) -> String {
    stream
        .and_then(|s| FundingStream::ALL.iter().position(|x| *x == s))
        .map(|i| i.to_string())
        .unwrap_or_default()
}

fn stream_from_key(key: &str) -> Option<FundingStream> {
    key.parse::<usize>()
        .ok()
        .and_then(|i| FundingStream::ALL.get(i).copied())
}

fn ring_fence_options() -> Vec<(String, String)> {
    vec![
        ("none".to_string(), "No".to_string()),
        (
            "adult_social_care".to_string(),
            "Adult social care".to_string(),
        ),
        (
            "out_of_hospital".to_string(),
            "NHS out-of-hospital".to_string(),
        ),
    ]
}

fn ring_fence_key(tag: Option<RingFence>) -> &'static str {
    match tag {
        None => "none",
        Some(RingFence::AdultSocialCare) => "adult_social_care",
        Some(RingFence::OutOfHospital) => "out_of_hospital",
    }
}

fn ring_fence_from_key(key: &str) -> Option<RingFence> {
    match key {
        "adult_social_care" => Some(RingFence::AdultSocialCare),
        "out_of_hospital" => Some(RingFence::OutOfHospital),
        _ => None,
    }
}
