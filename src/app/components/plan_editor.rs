//! The scenario's name and the years it covers.

use yew::prelude::*;

use super::select_field::SelectField;
use super::text_field::TextField;
use crate::app::fields::{error_for, name_commit, scenario_path, Editor};
use crate::app::state::Action;
use crate::model::edit::Edit;
use crate::model::{FinancialYear, Horizon, MAX_HORIZON_YEARS};

/// The first financial years offered: from 2015/16 to 2039/40.
const FIRST_START: u16 = 2015;
const LAST_START: u16 = 2039;

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
                <SelectField id={root.field("horizon").field("start").to_dom_id()} label="First financial year"
                    options={(FIRST_START..=LAST_START).map(|y| (y.to_string(), FinancialYear::starting(y).to_string())).collect::<Vec<_>>()}
                    selected={horizon.start.start_year().to_string()}
                    on_change={set_horizon(|h, y| Horizon::new(FinancialYear::starting(u16::try_from(y).unwrap_or(FIRST_START)), h.years))} />
                <SelectField id={root.field("horizon").field("years").to_dom_id()} label="Number of years"
                    options={(1..=MAX_HORIZON_YEARS).map(|n| (n.to_string(), n.to_string())).collect::<Vec<_>>()}
                    selected={horizon.years.to_string()}
                    on_change={set_horizon(|h, n| Horizon::new(h.start, n))} />
            </div>
        </section>
    }
}
