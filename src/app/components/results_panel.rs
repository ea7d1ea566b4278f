//! Live results for the open scenario, recomputed whenever the model changes: what each partner
//! pays, each pool year by year, and the ring-fence checks. If the option cannot be computed
//! (say, a contribution names a removed pool), the reason is given, with the option's last
//! results from before the change that broke it — never another option's or another model's.

use std::rc::Rc;

use yew::prelude::*;

use super::charts::results_charts::ResultsCharts;
use super::money_display_field::money_display_field;
use super::partner_summary::{year_span, PartnerSummary};
use super::pool_summary::PoolSummary;
use super::ring_fence_checks::ring_fence_checks;
use crate::app::bidi::{message, name};
use crate::app::fields::{open_results, use_open_scenario, use_when_idle, Editor, Shared};
use crate::model::{MoneyStyle, Results, ScenarioId};

/// Whose results were kept: the editor's generation (another model opened) and the option.
type Owner = (u32, Option<ScenarioId>);

#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    pub editor: Editor,
    /// The unit and negatives control; a shared, read-only model shows them as published.
    #[prop_or(true)]
    pub money_control: bool,
}

#[function_component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    // Computed once per change to the option (compared, not copied, on other renders), and
    // shared, so the tables below are drawn again only when the results change.
    let scenario = use_open_scenario(&props.editor);
    let computed = use_memo(scenario, |scenario| open_results(scenario));
    // Results carried over belong to one option of one opened model: opening another model or
    // option forgets them, so its figures are never shown as this one's.
    let owner = (
        props.editor.generation,
        props.editor.scenario().map(|s| s.id),
    );
    let last_good = use_mut_ref(|| None::<(Owner, Rc<Results>)>);
    let (results, problem) = match &**computed {
        Ok(results) => {
            *last_good.borrow_mut() = Some((owner, Rc::clone(results)));
            (Some(Rc::clone(results)), None)
        }
        Err(reason) => {
            let kept = last_good
                .borrow()
                .as_ref()
                .and_then(|(kept_for, results)| (*kept_for == owner).then(|| Rc::clone(results)));
            (kept, Some(reason.clone()))
        }
    };
    let problem = problem.map(|problem| {
        if results.is_some() {
            format!("These results are from before your last change, which cannot be computed: {problem}")
        } else {
            format!("This option cannot be computed: {problem}")
        }
    });
    // What each partner pays is the first screen. Each pool's table, the ring-fence checks and
    // the charts are below it, out of view: they follow once it is painted and the browser is
    // idle, on a cold load and after each edit (docs/maintainers.md, "After the paint, when
    // idle").
    let detailed = use_when_idle(results.clone().map(Shared::from)).flatten();
    let style = props.editor.model.money_style();
    html! {
        <section class="pb-results" aria-labelledby="results-heading" tabindex="0">
            <h2 id="results-heading" class="pb-section__title">{ "Results" }</h2>
            if let Some(problem) = problem {
                <div class="pb-notice pb-notice--warning" role="alert">
                    <p>{ message(&problem) }</p>
                </div>
            }
            if props.money_control {
                { money_display_field("results-money", props.editor.model.money_display, &props.editor.dispatcher()) }
            }
            if let Some(results) = results {
                { partners_first(&results, style) }
                if let Some(detailed) = detailed {
                    <ResultsDetail results={detailed.rc()} {style} />
                }
            }
        </section>
    }
}

/// The first of the results: which option and years, how to read the signs, and what each
/// partner pays. The modeller's results panel and the first screen (`first_screen`) both start
/// with it.
pub fn partners_first(results: &Rc<Results>, style: MoneyStyle) -> Html {
    html! {
        <>
            <p class="pb-note">
                { name(&results.scenario_name) }{ format!(", {}. ", year_span(results)) }
                { "A positive variance is a forecast overspend and a negative one an underspend; a negative share is money returned to a partner. \
                   A funding gap (planned spend above income) and unallocated income (income above planned spend) are the plan's, not a variance, and are shown apart." }
            </p>
            <PartnerSummary results={Rc::clone(results)} {style} />
        </>
    }
}

#[derive(Properties)]
struct ResultsDetailProps {
    results: Rc<Results>,
    style: MoneyStyle,
}

crate::results_props_eq!(ResultsDetailProps, style);

/// Below what each partner pays: each pool year by year, the ring-fence checks and the charts.
#[function_component(ResultsDetail)]
fn results_detail(props: &ResultsDetailProps) -> Html {
    let (results, style) = (&props.results, props.style);
    let partner_names: Vec<String> = results
        .partners
        .iter()
        .map(|p| {
            let short = p.short_name.trim();
            if short.is_empty() {
                p.name.clone()
            } else {
                short.to_string()
            }
        })
        .collect();
    html! {
        <>
            { for results.pools.iter().map(|pool| html! {
                <PoolSummary key={pool.pool.0} pool={pool.clone()} partners={partner_names.clone()} {style} />
            }) }
            { ring_fence_checks(results, style) }
            <ResultsCharts results={Rc::clone(results)} {style} />
        </>
    }
}
