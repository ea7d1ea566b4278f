//! "Show amounts in" pounds, £000 or £m, and negatives with a minus sign or in brackets: one
//! model-wide choice, kept with the model and undoable, that every table, chart and the board
//! paper follow (CSV exports stay in pounds).

use yew::prelude::*;

use super::select_field::SelectField;
use crate::app::fields::Dispatcher;
use crate::app::state::Action;
use crate::model::{MoneyDisplay, MoneyUnit, NegativeStyle};

/// The two choices; `id` keeps the ids apart when the control is on the page twice (results and
/// comparison). A view function, not a component: its two selects are components already, and
/// draw again only when `display` changes (issue #18).
pub fn money_display_field(id: &str, display: MoneyDisplay, dispatcher: &Dispatcher) -> Html {
    let on_unit = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |key: String| {
            if let Some(unit) = MoneyUnit::from_saved_name(&key) {
                dispatcher.dispatch(Action::MoneyDisplay(MoneyDisplay { unit, ..display }));
            }
        })
    };
    let on_negatives = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |key: String| {
            if let Some(negatives) = NegativeStyle::from_saved_name(&key) {
                dispatcher.dispatch(Action::MoneyDisplay(MoneyDisplay {
                    negatives,
                    ..display
                }));
            }
        })
    };
    let units: Vec<(String, String)> = MoneyUnit::ALL
        .iter()
        .map(|u| (u.saved_name().to_string(), u.label().to_string()))
        .collect();
    let negatives: Vec<(String, String)> = NegativeStyle::ALL
        .iter()
        .map(|n| (n.saved_name().to_string(), n.label().to_string()))
        .collect();
    html! {
        <div class="pb-money-display">
            <SelectField id={format!("{id}-unit")} label="Show amounts in"
                options={units} selected={display.unit.saved_name()} on_change={on_unit} />
            <SelectField id={format!("{id}-negatives")} label="Negative amounts"
                options={negatives} selected={display.negatives.saved_name()} on_change={on_negatives} />
        </div>
    }
}
