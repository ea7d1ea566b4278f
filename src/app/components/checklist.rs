//! The completeness checklist: everything the model still needs, each a link to its field.
//! Problems come from `validate`, so the checklist and the engine always agree.

use yew::prelude::*;

use crate::app::bidi::message;
use crate::app::components::options_bar::BASED_ON_ID;
use crate::app::components::scheme_grid::{grid_cell_id as cell_id, GridLinks};
use std::rc::Rc;

use crate::app::fields::{open_results, use_open_scenario, Editor, Shared};
use crate::app::state::Action;
use crate::model::edit::{Edit, LineField};
use crate::model::forecast_checks::{forecast_warnings, ForecastWarning, WarningKind};
use crate::model::plan_checks::{funding_gap_warnings, FundingGapWarning};
use crate::model::schemes::SchemeColumn;
use crate::model::{
    format_money, validate_model_fields, validate_scenario, CowRc, MoneyStyle, Outturn, Problem,
    Scenario,
};
use crate::platform;

/// What validation says of the open option: its problems, its forecasts to look at again, and
/// its pool years with a funding gap.
type Checked = (Vec<Problem>, Vec<ForecastWarning>, Vec<FundingGapWarning>);

fn check(scenario: &Shared<Option<CowRc<Scenario>>>, open: usize, style: MoneyStyle) -> Checked {
    match &**scenario {
        Some(scenario) => (
            validate_scenario(scenario, open),
            forecast_warnings(scenario),
            // The results panel's results: the option is not computed a second time.
            match &*open_results(&Some(scenario.clone())) {
                Ok(results) => funding_gap_warnings(results, style),
                Err(_) => Vec::new(),
            },
        ),
        None => (Vec::new(), Vec::new(), Vec::new()),
    }
}

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub editor: Editor,
}

#[function_component(Checklist)]
pub fn checklist(props: &ChecklistProps) -> Html {
    let links = use_context::<GridLinks>();
    let link = |id: String| {
        let onclick = GridLinks::on_click(links.clone(), id.clone());
        (format!("#{id}"), onclick)
    };
    let model = &props.editor.model;
    let open = props.editor.scenario_index();
    // The model's own fields and the open option only: the other options are not on screen.
    // The option is checked again only when it changed, and then once the edit's frame is
    // painted and the browser is idle: the results show first, and the checklist follows
    // (validating a large option is a good part of an edit's time: docs/benchmarks.md, 4).
    let scenario = use_open_scenario(&props.editor);
    let style = model.money_style();
    let checked = use_state(|| {
        Rc::new((
            (scenario.clone(), open, style),
            check(&scenario, open, style),
        ))
    });
    // The option as last edited: a check still waiting when another edit comes is dropped.
    let latest = use_mut_ref(|| None);
    {
        let checked = checked.clone();
        let latest = latest.clone();
        use_effect_with((scenario, open, style), move |key| {
            if checked.0 != *key {
                *latest.borrow_mut() = Some(key.clone());
                let key = key.clone();
                platform::after_paint_when_idle(move || {
                    if latest.borrow().as_ref() != Some(&key) {
                        return;
                    }
                    let found = check(&key.0, key.1, key.2);
                    checked.set(Rc::new((key, found)));
                });
            }
        });
    }
    let checked = &checked.1;
    let mut problems = validate_model_fields(model);
    problems.extend(checked.0.iter().cloned());
    let (problems, warnings, gaps) = (&problems, &checked.1, &checked.2);
    let model_rows: Vec<crate::model::LineId> = props
        .editor
        .scenario()
        .map(|s| s.lines.iter().map(|l| l.id).collect())
        .unwrap_or_default();
    html! {
        <section class="pb-section pb-checklist" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading" class="pb-section__title">{ "Checklist" }</h2>
            if problems.is_empty() && gaps.is_empty() {
                <p class="pb-checklist__done"><span aria-hidden="true">{ "✓ " }</span>{ "Everything the model needs is filled in and consistent." }</p>
            } else if problems.is_empty() {
                <p>{ "Everything the model needs is filled in, but the plan is not funded: see the funding gap below." }</p>
            } else {
                <p>{ format!("{} {} to put right:", problems.len(), if problems.len() == 1 { "thing" } else { "things" }) }</p>
                <ul class="pb-checklist__list">
                    { for problems.iter().map(|p| {
                        let (href, onclick) = match p.path.based_on_of() {
                            Some(at) => based_on_link(&props.editor, at),
                            None => link(p.path.to_dom_id()),
                        };
                        html! { <li><a {href} {onclick}>{ message(&p.message) }</a></li> }
                    }) }
                </ul>
            }
            if !gaps.is_empty() {
                <h3 class="pb-checklist__subtitle" id="checklist-funding-gaps">
                    { format!("{} {} with a funding gap", gaps.len(), if gaps.len() == 1 { "pool year" } else { "pool years" }) }
                </h3>
                <ul class="pb-checklist__list pb-checklist__warnings">
                    { for gaps.iter().map(|gap| html! {
                        <li><a href="#results-heading">{ message(&gap.message) }</a></li>
                    }) }
                </ul>
            }
            if !warnings.is_empty() {
                <h3 class="pb-checklist__subtitle" id="checklist-warnings">
                    { format!("{} {} to check", warnings.len(), if warnings.len() == 1 { "forecast" } else { "forecasts" }) }
                </h3>
                <p class="pb-field__hint">{ "Warnings do not stop the results; each asks you to look again." }</p>
                <ul class="pb-checklist__list pb-checklist__warnings">
                    { for warnings.iter().map(|w| {
                        let row = model_rows.iter().position(|id| *id == w.line).unwrap_or(0);
                        let target = cell_id(open, row, SchemeColumn::Forecast(w.year));
                        let fix = match w.kind {
                            WarningKind::LooksLikeSpend(amount) => {
                                let dispatcher = props.editor.dispatcher();
                                let (line, year) = (w.line, w.year);
                                let onclick = Callback::from(move |_: MouseEvent| {
                                    dispatcher.dispatch(Action::Edit(Edit::Line(
                                        line,
                                        LineField::Forecast(year, Outturn::Spend { amount }),
                                    )));
                                });
                                html! {
                                    <>
                                        <button type="button" class="pb-button pb-button--small" {onclick}>
                                            { format!("Yes: use {} as the forecast spend", format_money(amount, MoneyStyle::EXACT)) }
                                        </button>
                                        <a href="#forecast-entry">{ "How forecasts are typed" }</a>
                                    </>
                                }
                            }
                            WarningKind::LargeVariance => html! {},
                        };
                        let (href, onclick) = link(target);
                        html! {
                            <li><a {href} {onclick}>{ message(&w.message) }</a>{ " " }{ fix }</li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

/// A link to what option `at` is based on: opens that option, then focuses its "based on"
/// control in the options bar (the option's fields have none).
fn based_on_link(editor: &Editor, at: usize) -> (String, Callback<MouseEvent>) {
    let option = editor.model.scenarios.get(at).map(|s| s.id);
    let dispatcher = editor.dispatcher();
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        if let Some(option) = option {
            dispatcher.dispatch(Action::Open(option));
        }
        platform::focus_soon(BASED_ON_ID);
    });
    (format!("#{BASED_ON_ID}"), onclick)
}
