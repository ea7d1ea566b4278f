//! The app shell: header, main landmark, footer; for now the main area shows the example
//! pooled budget's results (the editor replaces this with the user's own model).

use std::rc::Rc;

use yew::prelude::*;

use super::page_footer::PageFooter;
use super::page_header::PageHeader;
use super::partner_summary::{year_span, PartnerSummary};
use super::pool_summary::PoolSummary;
use crate::model::{compute, fixtures, Model, Results};

#[function_component(App)]
pub fn app() -> Html {
    let example = use_memo((), |_| example_results(&fixtures::reference_model()));
    html! {
        <>
            <PageHeader />
            <main class="pb-main" id="main" tabindex="-1">
                <h1>{ "Pooled budget modeller" }</h1>
                <p class="pb-lede">
                    { "Model how partners pool money for shared health and care services, \
                       what each pool pays for, and who carries an over- or underspend." }
                </p>
                { example_section(&example) }
            </main>
            <PageFooter />
        </>
    }
}

/// The base scenario's results, or a sentence saying why there are none.
fn example_results(model: &Model) -> Result<(String, Rc<Results>), String> {
    let base = model.base().ok_or("The example has no base scenario.")?;
    let results = compute(base).map_err(|e| e.to_string())?;
    Ok((model.name.clone(), Rc::new(results)))
}

fn example_section(example: &Result<(String, Rc<Results>), String>) -> Html {
    match example {
        Ok((model_name, results)) => html! {
            <section aria-labelledby="example-heading">
                <h2 id="example-heading">{ format!("Example: {model_name}") }</h2>
                <p class="pb-note">
                    { format!("{} — {}. Illustrative figures, not any organisation's real budget. ",
                        results.scenario_name, year_span(results)) }
                    { "Amounts are in pounds. A positive variance is an overspend; a minus sign (−) \
                       marks an underspend or money returned to a partner." }
                </p>
                <PartnerSummary results={Rc::clone(results)} />
                { for results.pools.iter().map(|pool| html! {
                    <PoolSummary key={pool.pool.0} pool={pool.clone()} />
                }) }
            </section>
        },
        Err(message) => html! { <p class="pb-note">{ message.clone() }</p> },
    }
}
