//! "Show amounts in" pounds, £000 or £m, and negatives with a minus sign or in brackets: one
//! model-wide choice, kept with the model and undoable, that every table, chart and the board
//! paper follow (CSV exports stay in pounds).

use yew::prelude::*;

use super::select_field::SelectField;
use crate::app::fields::Dispatcher;
use crate::app::state::Action;
use crate::model::{MoneyDisplay, MoneyUnit, NegativeStyle};

#[derive(Properties, PartialEq)]
pub struct MoneyDisplayFieldProps {
    pub display: MoneyDisplay,
    pub dispatcher: Dispatcher,
    /// Keeps the ids apart when the control is on the page twice (results and comparison).
    pub id: AttrValue,
}

#[function_component(MoneyDisplayField)]
pub fn money_display_field(props: &MoneyDisplayFieldProps) -> Html {
    let display = props.display;
    let on_unit = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |key: String| {
            if let Some(unit) = MoneyUnit::from_key(&key) {
                dispatcher.dispatch(Action::MoneyDisplay(MoneyDisplay { unit, ..display }));
            }
        })
    };
    let on_negatives = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |key: String| {
            if let Some(negatives) = NegativeStyle::from_key(&key) {
                dispatcher.dispatch(Action::MoneyDisplay(MoneyDisplay {
                    negatives,
                    ..display
                }));
            }
        })
    };
    let units: Vec<(String, String)> = MoneyUnit::ALL
        .iter()
        .map(|u| (u.key().to_string(), u.label().to_string()))
        .collect();
    let negatives: Vec<(String, String)> = NegativeStyle::ALL
        .iter()
        .map(|n| (n.key().to_string(), n.label().to_string()))
        .collect();
    html! {
        <div class="pb-money-display">
            <SelectField id={format!("{}-unit", props.id)} label="Show amounts in"
                options={units} selected={display.unit.key()} on_change={on_unit} />
            <SelectField id={format!("{}-negatives", props.id)} label="Negative amounts"
                options={negatives} selected={display.negatives.key()} on_change={on_negatives} />
        </div>
    }
}
