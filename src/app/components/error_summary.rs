//! The GOV.UK error summary: "There is a problem", a link to each field whose text could not be
//! used, with the same words as beside the field. It takes focus when a new problem appears.

use yew::prelude::*;

use crate::app::bidi::message;
use crate::app::components::scheme_grid::GridLinks;
use crate::app::fields::{FieldErrors, Shared};
use crate::platform;

const SUMMARY_ID: &str = "error-summary";

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// Fields whose typed text could not be used (shared: an edit that leaves them as they were
    /// does not draw the summary again).
    pub errors: Shared<FieldErrors>,
}

#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let errors = &props.errors;
    let links = use_context::<GridLinks>();
    let shown = use_mut_ref(|| 0usize);
    {
        let count = errors.len();
        use_effect_with(count, move |count| {
            if *count > *shown.borrow() {
                platform::focus(SUMMARY_ID);
            }
            *shown.borrow_mut() = *count;
        });
    }
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="pb-error-summary" id={SUMMARY_ID} tabindex="-1" aria-labelledby="error-summary-title">
            <h2 class="pb-error-summary__title" id="error-summary-title">{ "There is a problem" }</h2>
            <p>{ "The model keeps using the last figures that made sense until these are put right." }</p>
            <ul class="pb-error-summary__list">
                { for errors.values().map(|e| {
                    let onclick = GridLinks::on_click(links.clone(), e.field.clone());
                    html! { <li><a href={format!("#{}", e.field)} {onclick}>{ message(&e.sentence()) }</a></li> }
                }) }
            </ul>
        </div>
    }
}
