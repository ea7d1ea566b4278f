//! Live results for the open scenario, recomputed whenever the model changes: what each partner
//! pays, each pool year by year, and the ring-fence checks. If the model cannot be computed
//! (say, a contribution names a removed pool), the last results are kept on screen and the
//! reason is given.

use std::rc::Rc;

use yew::prelude::*;

use super::charts::results_charts::ResultsCharts;
use super::partner_summary::{year_span, PartnerSummary};
use super::pool_summary::PoolSummary;
use super::ring_fence_checks::RingFenceChecks;
use crate::app::fields::Editor;
use crate::model::{compute, Results};

#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    pub editor: Editor,
}

#[function_component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let scenario = props.editor.scenario().cloned();
    let computed = use_memo(scenario, |scenario| match scenario {
        Some(s) => compute(s).map(Rc::new).map_err(|e| e.to_string()),
        None => Err("There is no option to compute.".to_string()),
    });
    let last_good = use_mut_ref(|| None::<Rc<Results>>);
    let (results, problem) = match &*computed {
        Ok(results) => {
            *last_good.borrow_mut() = Some(Rc::clone(results));
            (Some(Rc::clone(results)), None)
        }
        Err(message) => (last_good.borrow().clone(), Some(message.clone())),
    };
    html! {
        <section class="pb-results" aria-labelledby="results-heading" tabindex="0">
            <h2 id="results-heading" class="pb-section__title">{ "Results" }</h2>
            if let Some(problem) = problem {
                <div class="pb-notice pb-notice--warning" role="alert">
                    <p>{ format!("These results are from before your last change, which cannot be computed: {problem}") }</p>
                </div>
            }
            if let Some(results) = results {
                <p class="pb-note">
                    { format!("{}, {}. ", results.scenario_name, year_span(&results)) }
                    { "Amounts in pounds. A positive variance is an overspend; a minus sign (−) marks an underspend or money returned to a partner." }
                </p>
                <PartnerSummary results={Rc::clone(&results)} />
                { for results.pools.iter().map(|pool| html! { <PoolSummary key={pool.pool.0} pool={pool.clone()} /> }) }
                <RingFenceChecks results={Rc::clone(&results)} />
                <ResultsCharts results={Rc::clone(&results)} />
            }
        </section>
    }
}
