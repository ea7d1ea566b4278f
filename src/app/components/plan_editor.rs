//! The scenario's name and the years it covers. The year lists offer exactly what validation
//! allows; a plan outside that (from an old file or a link) shows its own value, with the error.

use yew::prelude::*;

use super::changed_mark::FieldChange;
use super::select_field::SelectField;
use super::text_field::TextField;
use crate::app::fields::{
    error_in, name_commit, scenario_path, EditorDispatcher, FieldErrors, Shared,
};
use crate::app::state::Action;
use crate::model::edit::Edit;
use crate::model::{
    validate_scenario, FieldPath, FinancialYear, Horizon, FIRST_START_YEAR, LAST_START_YEAR,
    MAX_HORIZON_YEARS,
};

/// Narrow props: only an edit to the option's name or years draws the plan again.
#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {
    pub scenario_index: usize,
    /// The open option's name.
    pub name: AttrValue,
    pub horizon: Horizon,
    /// Fields whose typed text could not be used.
    pub errors: Shared<FieldErrors>,
    pub editor: EditorDispatcher,
    /// In a linked option, its own plan years rather than its base's.
    #[prop_or_default]
    pub changed: Option<FieldChange>,
}

#[function_component(PlanEditor)]
pub fn plan_editor(props: &PlanEditorProps) -> Html {
    let editor = &props.editor;
    let root = scenario_path(props.scenario_index);
    let name_id = root.field("name").to_dom_id();
    let horizon = props.horizon;
    // Validation's words about a year out of range (it is asked only then: it checks the whole
    // option).
    let problem_at = |path: &FieldPath| {
        editor
            .with_scenario(|scenario| {
                validate_scenario(scenario, props.scenario_index)
                    .into_iter()
                    .find(|p| &p.path == path)
                    .map(|p| AttrValue::from(p.message))
            })
            .flatten()
    };
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
                    value={props.name.clone()} error={error_in(&props.errors, &name_id)}
                    on_commit={name_commit(editor, name_id.clone(), "Option name".into(), Edit::Rename)} />
                <SelectField id={start_path.to_dom_id()} label="First financial year"
                    options={choices(FIRST_START_YEAR..=LAST_START_YEAR, horizon.start.start_year(), |y| FinancialYear::starting(y).to_string())} selected={horizon.start.start_year().to_string()}
                    error={start_error.then(|| problem_at(&start_path)).flatten()}
                    on_change={set_horizon(|h, y| match u16::try_from(y) {
                        Ok(y) => Horizon::new(FinancialYear::starting(y), h.years),
                        Err(_) => h,
                    })} />
                <SelectField id={years_path.to_dom_id()} label="Number of years"
                    options={choices(1..=MAX_HORIZON_YEARS, horizon.years, |n| n.to_string())} selected={horizon.years.to_string()}
                    error={years_error.then(|| problem_at(&years_path)).flatten()}
                    on_change={set_horizon(|h, n| Horizon::new(h.start, n))}
                    changed={props.changed.clone()} />
            </div>
        </section>
    }
}

/// Every value validation allows, and the plan's own if it is outside them, in order.
fn choices<T: Copy + PartialEq + Into<u64> + ToString>(
    allowed: impl Iterator<Item = T>,
    current: T,
    label: fn(T) -> String,
) -> Vec<(String, String)> {
    let mut values: Vec<T> = allowed.collect();
    if !values.contains(&current) {
        values.push(current);
        crate::model::order::sort_by_key(&mut values, |v| (*v).into());
    }
    values
        .into_iter()
        .map(|v| (v.to_string(), label(v)))
        .collect()
}
