//! A scheme's rarer settings, one keystroke from its row (the "Details" button or Alt+Enter):
//! its own risk share, notes, first and last years, filling its budgets from a first year and
//! growth, and moving or removing it. Escape or "Close" returns focus to the row.

use yew::prelude::*;

use super::super::changed_mark::FieldChange;
use super::super::changes_panel::link_notes;
use super::super::item_actions::ItemActions;
use super::super::risk_share_field::RiskShareField;
use super::super::select_field::SelectField;
use super::super::text_field::{FieldWidth, TextField};
use super::columns::row_path;
use crate::app::bidi;
use crate::app::fields::{commit, error_for, Editor};
use crate::app::state::{Action, FieldError};
use crate::model::edit::{Edit, Item, LineField};
use crate::model::linked::ItemRef;
use crate::model::user_text::isolate;
use crate::model::{FinancialYear, LineId, Money, Percent, RiskShare};

pub const HEADING_ID: &str = "scheme-details-heading";

#[derive(Properties, PartialEq)]
pub struct SchemeDetailsProps {
    pub editor: Editor,
    pub line: LineId,
    pub on_close: Callback<()>,
}

#[function_component(SchemeDetails)]
pub fn scheme_details(props: &SchemeDetailsProps) -> Html {
    let fill_amount = use_state(String::new);
    let fill_growth = use_state(String::new);
    let editor = &props.editor;
    let Some(scenario) = editor.scenario() else {
        return html! {};
    };
    let Some((index, line)) = scenario
        .lines
        .iter()
        .enumerate()
        .find(|(_, l)| l.id == props.line)
    else {
        return html! {};
    };
    let id = line.id;
    let path = row_path(editor.scenario_index(), index);
    let field_id = |f: &str| path.field(f).to_dom_id();
    let name = &line.name;
    let dispatch_line = |make: fn(&str) -> Option<LineField>| {
        let editor = editor.clone();
        Callback::from(move |value: String| {
            if let Some(field) = make(&value) {
                editor.dispatch(Action::Edit(Edit::Line(id, field)));
            }
        })
    };
    let years = |none: &str| {
        let mut options = vec![(String::new(), none.to_string())];
        options.extend(
            scenario
                .horizon
                .years()
                .map(|y| (y.start_year().to_string(), y.to_string())),
        );
        options
    };
    let year_key =
        |year: Option<FinancialYear>| year.map(|y| y.start_year().to_string()).unwrap_or_default();
    fn year_of(value: &str) -> Option<FinancialYear> {
        value.parse::<u16>().ok().map(FinancialYear::starting)
    }
    let (amount_id, growth_id) = (field_id("fill_first"), field_id("fill_growth"));
    let unit = editor.model.money_display.unit;
    let on_fill = {
        let (editor, amount, growth) = (editor.clone(), fill_amount.clone(), fill_growth.clone());
        let (amount_id, growth_id) = (amount_id.clone(), growth_id.clone());
        let label = isolate(name);
        Callback::from(move |_: MouseEvent| {
            let first = Money::parse_entered(&amount, unit)
                .map_err(|e| (amount_id.clone(), "First year's budget", e.to_string()));
            let rate = if growth.trim().is_empty() {
                Ok(Percent::ZERO)
            } else {
                Percent::parse(&growth)
                    .map_err(|e| (growth_id.clone(), "Growth each year", e.to_string()))
            };
            match (first, rate) {
                (Ok(first), Ok(rate)) => {
                    editor.dispatch(Action::FieldValid(amount_id.clone()));
                    editor.dispatch(Action::FieldValid(growth_id.clone()));
                    editor.dispatch(Action::Edit(Edit::Line(
                        id,
                        LineField::FillBudget(first, rate),
                    )));
                }
                (first, rate) => {
                    for (field, what, message) in [first.err(), rate.err()].into_iter().flatten() {
                        editor.dispatch(Action::FieldInvalid(FieldError {
                            field,
                            label: format!("{what} for {label}"),
                            message,
                        }));
                    }
                }
            }
        })
    };
    let keep = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |text: String| state.set(text))
    };
    let on_close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let on_keydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(());
            }
        })
    };
    let notes_id = field_id("notes");
    // In a linked option, the rarer settings it sets itself rather than taking from the base.
    let notes = link_notes(&editor.model, editor.open);
    let reducer = editor.dispatcher();
    let change = |field: &str| {
        notes
            .as_ref()
            .and_then(|n| n.field(ItemRef::Line(id), field, &reducer))
    };
    html! {
        <section class="pb-grid-details" aria-labelledby={HEADING_ID} onkeydown={on_keydown}>
            <h3 id={HEADING_ID} class="pb-grid-details__title" tabindex="-1">
                { "Details of " }{ bidi::name(name) }
            </h3>
            <div class="pb-card__fields">
                <SelectField id={field_id("first_year")} label="First year it runs"
                    options={years("From the plan's first year")} selected={year_key(line.first_year)}
                    changed={change("first_year")}
                    on_change={dispatch_line(|v| Some(LineField::FirstYear(year_of(v))))} />
                <SelectField id={field_id("last_year")} label="Last year it runs"
                    options={years("To the plan's last year")} selected={year_key(line.last_year)}
                    changed={change("last_year")}
                    on_change={dispatch_line(|v| Some(LineField::LastYear(year_of(v))))} />
                <TextField id={notes_id.clone()} label="Notes" value={AttrValue::from(line.notes.clone())}
                    error={error_for(editor, &notes_id)} changed={change("notes")}
                    on_commit={commit(editor, notes_id.clone(), format!("Notes on {}", isolate(name)),
                        move |text| Ok(Edit::Line(id, LineField::Notes(text.trim().to_string()))))} />
            </div>
            <fieldset class="pb-grid-details__fill">
                <legend class="pb-card__subtitle">{ "Fill budgets: first year plus growth" }</legend>
                <TextField id={amount_id.clone()} label={format!("First year's budget, {}", unit.entry_words())} prefix={unit.symbol()}
                    value={AttrValue::from((*fill_amount).clone())} width={FieldWidth::Amount} inputmode="decimal"
                    error={error_for(editor, &amount_id)} on_commit={keep(&fill_amount)} />
                <TextField id={growth_id.clone()} label="Growth each year, in per cent" suffix="%"
                    value={AttrValue::from((*fill_growth).clone())} width={FieldWidth::Short} inputmode="decimal"
                    error={error_for(editor, &growth_id)} on_commit={keep(&fill_growth)} />
                <button type="button" class="pb-button pb-button--secondary" onclick={on_fill}>
                    { "Fill budgets" }<span class="pb-visually-hidden">{ " of " }{ bidi::name(name) }</span>
                </button>
            </fieldset>
            { risk_share(editor, &path, line, change("risk_share")) }
            <ItemActions item={Item::Line(id)} name={AttrValue::from(name.clone())} editor={editor.clone()} />
            <button type="button" class="pb-button" onclick={on_close}>
                { "Close details" }
            </button>
        </section>
    }
}

/// A line normally follows its pool's risk share; it can have its own (say, a fixed-share
/// line whose variance does not change what the other partners pay).
fn risk_share(
    editor: &Editor,
    path: &crate::model::FieldPath,
    line: &crate::model::SpendLine,
    changed: Option<FieldChange>,
) -> Html {
    let Some(scenario) = editor.scenario() else {
        return html! {};
    };
    let id = line.id;
    let pool_rule = scenario
        .pool(line.pool)
        .map(|p| p.risk_share.clone())
        .unwrap_or(RiskShare::ProRata { capped: false });
    let on_choice = {
        let editor = editor.clone();
        Callback::from(move |value: String| {
            let rule = (value == "own").then(|| pool_rule.clone());
            editor.dispatch(Action::Edit(Edit::Line(id, LineField::RiskShare(rule))));
        })
    };
    html! {
        <>
            <SelectField id={path.field("risk_share").field("source").to_dom_id()} label="Who carries this scheme's overspend"
                options={vec![("pool".to_string(), "As the pool's rule says".to_string()),
                              ("own".to_string(), "This scheme has its own rule".to_string())]}
                selected={if line.risk_share.is_some() { "own" } else { "pool" }} on_change={on_choice}
                {changed} />
            if let Some(rule) = &line.risk_share {
                <RiskShareField path={path.field("risk_share")} label={format!("This scheme's rule for {}", isolate(&line.name))}
                    rule={rule.clone()} partners={scenario.partners.clone()} editor={editor.clone()}
                    to_edit={Callback::from(move |rule| Edit::Line(id, LineField::RiskShare(Some(rule))))} />
            }
        </>
    }
}
