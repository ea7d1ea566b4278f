//! The scenario's name and the years it covers. The year lists offer exactly what validation
//! allows; a plan outside that (from an old file or a link) shows its own value, with the error.

use yew::prelude::*;

use super::select_field::SelectField;
use super::text_field::TextField;
use crate::app::fields::{error_for, name_commit, problem_at, scenario_path, Editor};
use crate::app::state::Action;
use crate::model::edit::Edit;
use crate::model::{FinancialYear, Horizon, FIRST_START_YEAR, LAST_START_YEAR, MAX_HORIZON_YEARS};

#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {
    pub editor: Editor,
}

#[function_component(PlanEditor)]
pub fn plan_editor(props: &PlanEditorProps) -> Html {
    let editor = &props.editor;
    let Some(scenario) = editor.scenario() else {
        return html! {};
    };
    let root = scenario_path(editor.scenario_index());
    let name_id = root.field("name").to_dom_id();
    let horizon = scenario.horizon;
    let (start_path, years_path) = (
        root.field("horizon").field("start"),
        root.field("horizon").field("years"),
    );
    let start_error = !(FIRST_START_YEAR..=LAST_START_YEAR).contains(&horizon.start.start_year());
    let years_error = !(1..=MAX_HORIZON_YEARS).contains(&horizon.years);
    let set_horizon = |change: fn(Horizon, u32) -> Horizon| {
        let editor = editor.clone();
        Callback::from(move |value: String| {
            if let Ok(n) = value.parse::<u32>() {
                editor.dispatch(Action::Edit(Edit::Horizon(change(horizon, n))));
            }
        })
    };
    html! {
        <section class="pb-section" aria-labelledby="plan-heading">
            <h2 id="plan-heading" class="pb-section__title">{ "The plan" }</h2>
            <div class="pb-card__fields">
                <TextField id={name_id.clone()} label="Option name" hint="For example, Option A: 50:50 risk share"
                    value={AttrValue::from(scenario.name.clone())} error={error_for(editor, &name_id)}
                    on_commit={name_commit(editor, name_id.clone(), "Option name".into(), Edit::Rename)} />
                <SelectField id={start_path.to_dom_id()} label="First financial year"
                    options={choices(FIRST_START_YEAR..=LAST_START_YEAR, horizon.start.start_year(), |y| FinancialYear::starting(y).to_string())} selected={horizon.start.start_year().to_string()}
                    error={start_error.then(|| problem_at(editor, &start_path)).flatten()}
                    on_change={set_horizon(|h, y| match u16::try_from(y) {
                        Ok(y) => Horizon::new(FinancialYear::starting(y), h.years),
                        Err(_) => h,
                    })} />
                <SelectField id={years_path.to_dom_id()} label="Number of years"
                    options={choices(1..=MAX_HORIZON_YEARS, horizon.years, |n| n.to_string())} selected={horizon.years.to_string()}
                    error={years_error.then(|| problem_at(editor, &years_path)).flatten()}
                    on_change={set_horizon(|h, n| Horizon::new(h.start, n))} />
            </div>
        </section>
    }
}

/// Every value validation allows, and the plan's own if it is outside them, in order.
fn choices<T: Copy + Ord + ToString>(
    allowed: impl Iterator<Item = T>,
    current: T,
    label: fn(T) -> String,
) -> Vec<(String, String)> {
    let mut values: Vec<T> = allowed.collect();
    if !values.contains(&current) {
        values.push(current);
        values.sort_unstable();
    }
    values
        .into_iter()
        .map(|v| (v.to_string(), label(v)))
        .collect()
}
