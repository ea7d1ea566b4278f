//! "Forecasts are typed as": forecast spend in the year, or over- or underspend against plan.
//! A model-wide choice, undoable; each forecast keeps the kind it was typed as.

use yew::prelude::*;

use crate::app::fields::Dispatcher;
use crate::app::state::Action;
use crate::model::ForecastEntry;

/// A view function, not a component: the grid's tools draw it (issue #18).
pub fn forecast_switch(entry: ForecastEntry, dispatcher: &Dispatcher) -> Html {
    let current = entry;
    let choice = |entry: ForecastEntry, id: &'static str, label: &'static str| {
        let dispatcher = dispatcher.clone();
        let on_change = Callback::from(move |_: Event| {
            dispatcher.dispatch(Action::ForecastEntry(entry));
        });
        html! {
            <div class="pb-radios__item">
                <input class="pb-radios__input" type="radio" name="forecast-entry" {id}
                    value={id} checked={current == entry} onchange={on_change} />
                <label class="pb-radios__label" for={id}>{ label }</label>
            </div>
        }
    };
    html! {
        <fieldset class="pb-radios pb-grid-tools__switch" id="forecast-entry">
            <legend class="pb-field__label">{ "Forecasts are typed as" }</legend>
            { choice(ForecastEntry::Spend, "forecast-entry-spend", "Forecast spend in the year") }
            { choice(ForecastEntry::Variance, "forecast-entry-variance", "Over- or underspend against plan") }
        </fieldset>
    }
}
