//! "How bad could it get, and how likely?": the simulation's settings, the ranges, a run with
//! progress and a cancel button, and the results for every option side by side. The draws run in
//! a Web Worker with its own wasm (src/worker.rs, started on the first run and kept for the
//! next; Cancel stops it), so the page keeps answering the keyboard and mouse while it runs and
//! its own wasm holds none of the simulation's engine. Results are not saved: they are
//! recomputed from the ranges and seed, which are.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use super::money_cell::money_cell;
use super::ranges_editor::RangesEditor;
use super::select_field::SelectField;
use super::table_region::table_region;
use super::text_field::{FieldWidth, TextField};
use crate::app::fields::{money_text, use_dispatcher, Editor};
use crate::app::state::Action;
use crate::codec::link::link_body;
use crate::codec::simulation_csv::simulation_csv;
use crate::codec::simulation_wire::decode_results;
use crate::model::uncertainty::{
    histogram, PartnerSpread, PoolSpread, Shape, SimulationResults, Spread, Threshold, Uncertainty,
    MAX_DRAWS, MIN_DRAWS,
};
use crate::model::{
    decimals, format_money, format_percent, Model, Money, MoneyStyle, MoneyUnit, NegativeStyle,
    PartnerId,
};
use crate::platform;
use crate::platform::worker::{SimulationWorker, WorkerMessage, CANNOT_START};

/// Whole pounds: percentiles of thousands of draws are estimates, and pennies would claim a
/// precision they do not have (each draw itself is settled to the penny). Typed thresholds.
const WHOLE: MoneyStyle = MoneyStyle {
    unit: MoneyUnit::Pounds,
    negative: NegativeStyle::Minus,
    pence: false,
};

/// The model's unit and negatives, in whole pounds rather than pence (see [`WHOLE`]).
fn results_style(model: &Model) -> MoneyStyle {
    MoneyStyle {
        pence: false,
        ..model.money_style()
    }
}

#[derive(Properties, PartialEq)]
pub struct UncertaintyPanelProps {
    pub editor: Editor,
}

/// A finished run: the model it was for, and each option's results.
#[derive(Clone, PartialEq)]
struct Finished {
    model: Rc<Model>,
    runs: Rc<Vec<(String, SimulationResults)>>,
}

/// Where a run is, for the progress bar.
#[derive(Clone, Copy, PartialEq)]
struct Progress {
    done: u64,
    total: u64,
}

enum Status {
    Idle,
    Running(Progress),
    Cancelled,
    Failed(String),
}

/// When the worker's answer cannot be read (a worker from another release, cached).
const UNREADABLE: &str = "The simulation's results could not be read: the page and its worker \
    may be from different releases. Reload the page and run it again; nothing you typed is lost.";

/// The simulation's worker, once started, and the model of the run it is doing, if any.
#[derive(Default)]
struct Runner {
    worker: Option<SimulationWorker>,
    running: Option<Rc<Model>>,
}

#[function_component(UncertaintyPanel)]
pub fn uncertainty_panel(props: &UncertaintyPanelProps) -> Html {
    let editor = &props.editor;
    let model = &editor.model;
    let settings = &model.uncertainty;
    // Stable, so the ranges editor is not drawn again (and what is being typed in it put back)
    // each time a run reports its progress.
    let dispatcher = use_dispatcher(editor);
    let status = use_state(|| Status::Idle);
    let finished = use_state(|| None::<Finished>);
    let runner = use_mut_ref(Runner::default);
    // How much of the options' details is drawn, in steps (two an option: its tables, then
    // its chart): after a run, one more step per frame, so that the results never hold the
    // page up for long in one go.
    let revealed = use_state(|| 0usize);
    let ranges_open = use_state(|| false);
    // None: over the plan; Some(i): the plan's i-th year.
    let period = use_state(|| None::<usize>);

    let set = {
        let dispatcher = dispatcher.clone();
        let settings = settings.clone();
        move |change: &dyn Fn(&mut Uncertainty)| {
            let mut next = settings.clone();
            change(&mut next);
            dispatcher.dispatch(Action::Uncertainty(next));
        }
    };
    let on_shape = {
        let set = set.clone();
        Callback::from(move |value: String| {
            let shape = if value == "triangular" {
                Shape::Triangular
            } else {
                Shape::Pert
            };
            set(&|u: &mut Uncertainty| u.shape = shape);
        })
    };
    let number_error = use_state(|| None::<(String, String)>);
    let on_number = |field: &'static str| {
        let (set, number_error) = (set.clone(), number_error.clone());
        Callback::from(move |typed: String| {
            let text: String = typed.chars().filter(|c| !matches!(c, ',' | ' ')).collect();
            match (field, text.parse::<u64>()) {
                ("draws", Ok(n)) if (u64::from(MIN_DRAWS)..=u64::from(MAX_DRAWS)).contains(&n) => {
                    number_error.set(None);
                    set(&|u: &mut Uncertainty| u.draws = n as u32);
                }
                ("draws", _) => number_error.set(Some((
                    "simulation-draws".into(),
                    format!("Type a whole number of draws from {MIN_DRAWS} to {MAX_DRAWS}, for example 5000."),
                ))),
                (_, Ok(seed)) => {
                    number_error.set(None);
                    set(&|u: &mut Uncertainty| u.seed = seed);
                }
                (_, Err(_)) => number_error.set(Some((
                    "simulation-seed".into(),
                    "Type the seed as a whole number of at least 0, for example 2026.".into(),
                ))),
            }
        })
    };
    let on_draws = on_number("draws");
    let on_seed = on_number("seed");

    let on_run = {
        let (status, finished, runner, revealed, model) = (
            status.clone(),
            finished.clone(),
            runner.clone(),
            revealed.clone(),
            model.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let model = Rc::new(model.clone());
            let total = u64::from(model.uncertainty.draws) * model.scenarios.len() as u64;
            let mut state = runner.borrow_mut();
            if state.worker.is_none() {
                let hear = hear(
                    Rc::downgrade(&runner),
                    status.clone(),
                    finished.clone(),
                    revealed.clone(),
                );
                match SimulationWorker::start(hear) {
                    Ok(worker) => state.worker = Some(worker),
                    Err(_) => {
                        status.set(Status::Failed(CANNOT_START.to_string()));
                        return;
                    }
                }
            }
            let posted = state
                .worker
                .as_ref()
                .map(|worker| worker.post(&link_body(&model, model.base_scenario)));
            if let Some(Err(_)) = posted {
                state.worker = None;
                status.set(Status::Failed(CANNOT_START.to_string()));
                return;
            }
            state.running = Some(model);
            status.set(Status::Running(Progress { done: 0, total }));
        })
    };
    let on_cancel = {
        let (runner, status) = (runner.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let mut state = runner.borrow_mut();
            // Stopping the worker is the only way to stop its draws; the next run starts another.
            state.worker = None;
            state.running = None;
            status.set(Status::Cancelled);
        })
    };
    {
        // After a run, draw one more step of the options' details each frame.
        let revealed = revealed.clone();
        let steps = finished.as_ref().map_or(0, |f| 2 * f.runs.len());
        use_effect_with((*revealed, steps), move |&(shown, steps)| {
            if shown < steps {
                platform::after_next_paint(move || revealed.set(shown + 1));
            }
        });
    }
    let running = matches!(*status, Status::Running(_));
    let count = settings.ranges.len() + settings.drivers.len();
    let on_toggle = {
        let ranges_open = ranges_open.clone();
        Callback::from(move |_: MouseEvent| ranges_open.set(!*ranges_open))
    };
    let scenario = editor.scenario().cloned();
    let error_for = |id: &str| {
        number_error
            .as_ref()
            .filter(|(f, _)| f == id)
            .map(|(_, m)| m.clone())
    };

    html! {
        <section class="pb-uncertainty" aria-labelledby="uncertainty-heading" id="uncertainty">
            <h3 id="uncertainty-heading">{ "Ranges: how bad could it get, and how likely?" }</h3>
            <p>{ "Give forecasts a low, most likely and high value. The simulation draws thousands of possible years from those ranges, settles each one by every option's rules to the penny, and shows what each partner bears in a typical year (the median, P50), a good one (P10) and a bad one (P90)." }</p>
            <div class="pb-stress__controls">
                <SelectField id="simulation-shape" label="Distribution"
                    hint={AttrValue::from("Three-point: most draws near the most likely value. Triangular: more weight on the extremes.")}
                    options={vec![("pert".to_string(), Shape::Pert.label().to_string()), ("triangular".to_string(), Shape::Triangular.label().to_string())]}
                    selected={if settings.shape == Shape::Triangular { "triangular" } else { "pert" }} on_change={on_shape} />
                { number_field("simulation-draws", "Draws", &format!("From {MIN_DRAWS} to {MAX_DRAWS}"), settings.draws.to_string(), error_for("simulation-draws"), on_draws) }
                { number_field("simulation-seed", "Seed", "The same seed gives the same figures, for anyone", settings.seed.to_string(), error_for("simulation-seed"), on_seed) }
            </div>
            <button type="button" class="pb-button pb-button--secondary" aria-expanded={if *ranges_open { "true" } else { "false" }}
                aria-controls="ranges-editor" onclick={on_toggle}>
                { format!("{} ranges ({count} set)", if *ranges_open { "Hide" } else { "Edit" }) }
            </button>
            <div id="ranges-editor" hidden={!*ranges_open}>
                if *ranges_open {
                    if let Some(scenario) = scenario {
                        <RangesEditor scenario={scenario} uncertainty={settings.clone()}
                            forecast_entry={model.forecast_entry} dispatcher={dispatcher.clone()} />
                    }
                }
            </div>
            { thresholds(settings, &finished, &set, &number_error) }
            <div class="pb-uncertainty__run">
                <button type="button" class="pb-button" id="simulation-run" onclick={on_run} disabled={running}>
                    { "Run the simulation" }
                </button>
                if running {
                    <button type="button" class="pb-button pb-button--secondary" id="simulation-cancel" onclick={on_cancel}>{ "Cancel" }</button>
                }
            </div>
            { status_view(&status) }
            if let Some(done) = &*finished {
                { results_view(done, model, &period, *revealed) }
            }
        </section>
    }
}

/// A whole-number setting. A `TextField`, which keeps what is typed until it is committed: the
/// panel is drawn again often while a run reports its progress, and a plain input would be
/// put back to the model's value each time, losing what was being typed.
fn number_field(
    id: &str,
    label: &str,
    hint: &str,
    value: String,
    error: Option<String>,
    on_commit: Callback<String>,
) -> Html {
    html! {
        <TextField id={id.to_string()} label={label.to_string()} hint={hint.to_string()} value={value}
            error={error} width={FieldWidth::Amount} inputmode="numeric" {on_commit} />
    }
}

/// What to do with each thing the worker says. The runner is held weakly: the worker belongs to the runner, so a strong reference here
/// would keep both alive (and the worker drawing) after the panel has gone.
fn hear(
    runner: Weak<RefCell<Runner>>,
    status: UseStateHandle<Status>,
    finished: UseStateHandle<Option<Finished>>,
    revealed: UseStateHandle<usize>,
) -> impl Fn(WorkerMessage) + 'static {
    move |message| {
        let Some(runner) = runner.upgrade() else {
            return;
        };
        heard(message, &runner, &status, &finished, &revealed);
    }
}

fn heard(
    message: WorkerMessage,
    runner: &RefCell<Runner>,
    status: &UseStateHandle<Status>,
    finished: &UseStateHandle<Option<Finished>>,
    revealed: &UseStateHandle<usize>,
) {
    match message {
        WorkerMessage::Ready => {}
        WorkerMessage::Progress { done, total } => {
            if runner.borrow().running.is_some() {
                status.set(Status::Running(Progress { done, total }));
            }
        }
        WorkerMessage::Done(bytes) => {
            let Some(model) = runner.borrow_mut().running.take() else {
                return;
            };
            match decode_results(&bytes) {
                Some(runs) => {
                    revealed.set(0);
                    finished.set(Some(Finished {
                        model,
                        runs: Rc::new(runs),
                    }));
                    status.set(Status::Idle);
                }
                None => status.set(Status::Failed(UNREADABLE.to_string())),
            }
        }
        WorkerMessage::Failed(problem) => {
            runner.borrow_mut().running = None;
            status.set(Status::Failed(problem));
        }
        WorkerMessage::Broken(_) => {
            let dead = {
                let mut state = runner.borrow_mut();
                state.running = None;
                state.worker.take()
            };
            status.set(Status::Failed(CANNOT_START.to_string()));
            // Dropped once this event is over, not from inside its own handler; the next run
            // starts a fresh worker.
            platform::soon(move || drop(dead));
        }
    }
}

fn status_view(status: &Status) -> Html {
    match status {
        Status::Idle => html! { <div role="status" class="pb-uncertainty__status"></div> },
        Status::Running(progress) => {
            let text = format!(
                "Simulating: {} of {} draws",
                group(progress.done),
                group(progress.total)
            );
            html! {
                <div class="pb-uncertainty__status">
                    <progress id="simulation-progress" max={progress.total.to_string()} value={progress.done.to_string()}
                        aria-label="Simulation progress" aria-valuetext={text.clone()}></progress>
                    <p role="status">{ text }</p>
                </div>
            }
        }
        Status::Cancelled => html! {
            <div role="status" class="pb-uncertainty__status"><p>{ "Cancelled. Nothing has changed; run it again when ready." }</p></div>
        },
        Status::Failed(message) => html! {
            <div class="pb-notice pb-notice--warning" role="alert"><p>{ message.clone() }</p></div>
        },
    }
}

fn group(n: u64) -> String {
    format_money(Money::pounds(n as i64), WHOLE)
        .trim_start_matches('£')
        .to_string()
}

/// Per partner, the amount above which "pays more than" counts; blank is its planned
/// contributions.
fn thresholds(
    settings: &Uncertainty,
    finished: &UseStateHandle<Option<Finished>>,
    set: &(impl Fn(&dyn Fn(&mut Uncertainty)) + Clone + 'static),
    error: &UseStateHandle<Option<(String, String)>>,
) -> Html {
    let Some(done) = finished.as_ref() else {
        return html! {};
    };
    let Some((_, first)) = done.runs.first() else {
        return html! {};
    };
    let fields = first.partners.iter().map(|p| {
        let id = format!("threshold-{}", p.partner.0);
        let typed = settings.threshold(p.partner);
        let partner = p.partner;
        let message = error
            .as_ref()
            .filter(|(f, _)| *f == id)
            .map(|(_, m)| m.clone());
        let (set, error) = (set.clone(), error.clone());
        let field_id = id.clone();
        // Kept as typed until it is committed (a `TextField`): the panel is drawn again while a
        // run reports its progress. Blank is the partner's planned contributions.
        let on_commit = Callback::from(move |text: String| {
            let text = text.trim();
            let amount = if text.is_empty() {
                None
            } else {
                match Money::parse(text) {
                    Ok(amount) => Some(amount),
                    Err(_) => {
                        error.set(Some((
                            field_id.clone(),
                            "Type an amount in pounds, like 1,250,000, or leave it blank for the partner's planned contributions.".to_string(),
                        )));
                        return;
                    }
                }
            };
            error.set(None);
            set(&|u: &mut Uncertainty| {
                u.thresholds.retain(|t| t.partner != partner);
                if let Some(amount) = amount {
                    u.thresholds.push(Threshold { partner, amount });
                }
            });
        });
        html! {
            <TextField id={id} label={format!("{}: pays more than, in pounds", p.name)}
                hint={format!("Blank: its planned contributions, {}", format_money(p.threshold, WHOLE))}
                value={typed.map_or(AttrValue::default(), |m| money_text(m, MoneyUnit::Pounds))} prefix="£"
                error={message} width={FieldWidth::Amount} inputmode="decimal" {on_commit} />
        }
    });
    html! {
        <fieldset class="pb-fieldset pb-stress__controls">
            <legend class="pb-fieldset__legend">{ "The chance a partner pays more than… (net cost over the plan; blank: its planned contributions)" }</legend>
            { for fields }
        </fieldset>
    }
}

/// The results: the side-by-side table first, then the options' details up to step
/// `revealed` (option `i`'s tables at step `2i + 1`, its chart at `2i + 2`).
fn results_view(
    done: &Finished,
    model: &Model,
    period: &UseStateHandle<Option<usize>>,
    revealed: usize,
) -> Html {
    let stale = *done.model != *model;
    let style = results_style(model);
    let Some((_, first)) = done.runs.first() else {
        return html! {};
    };
    let money = |amount: Money| money_cell(amount, style);
    let options: Vec<&String> = done.runs.iter().map(|(name, _)| name).collect();
    // Partners with nothing at stake in any option (no contribution, no share, in every draw)
    // are left out, and the note says how many.
    let idle = |id: PartnerId| {
        done.runs.iter().all(|(_, r)| {
            r.partners.iter().filter(|q| q.partner == id).all(|q| {
                let n = &q.net_cost;
                n.lowest.is_zero() && n.highest.is_zero()
            })
        })
    };
    let shown: Vec<&PartnerSpread> = first.partners.iter().filter(|p| !idle(p.partner)).collect();
    let left_out = first.partners.len() - shown.len();
    let partner_rows = shown.iter().map(|p| {
        let cells = done.runs.iter().map(|(_, r)| {
            let spread = r.partners.iter().find(|q| q.partner == p.partner);
            match spread {
                Some(s) => html! { <>{ money(s.net_cost.p50) }{ money(s.net_cost.p90) }
                    <td class="pb-table__cell pb-table__cell--numeric">{ format_percent(s.chance_over_threshold) }</td></> },
                None => html! { <td class="pb-table__cell" colspan="3">{ "Not in this option" }</td> },
            }
        });
        html! { <tr><th scope="row" class="pb-table__cell">{ p.name.clone() }</th>{ for cells }</tr> }
    });
    let side_caption = format!(
        "Each partner's net cost over the plan, by option: median (P50), a bad year (P90), and the chance it pays more than its threshold. {} draws each, seed {}, {} distribution. {}",
        group(u64::from(first.draws)),
        first.seed,
        first.shape.label(),
        style.note()
    );
    let on_csv = {
        let runs = done.runs.clone();
        Callback::from(move |_: MouseEvent| {
            let bytes = simulation_csv(&runs);
            let _ = platform::files::download("simulation-percentiles.csv", "text/csv", &bytes);
        })
    };
    html! {
        <div class="pb-uncertainty__results" id="simulation-results">
            if stale {
                <div class="pb-notice" role="status"><p>{ "The model has changed since this run: these figures are for the model as it was. Run the simulation again to bring them up to date." }</p></div>
            }
            { table_region(side_caption.clone(), html! { <>
                <table class="pb-table" id="simulation-side-by-side">
                    <caption class="pb-table__caption">{ side_caption }</caption>
                    <thead>
                        <tr>
                            <td class="pb-table__cell"></td>
                            { for options.iter().map(|name| html! { <th scope="colgroup" colspan="3" class="pb-table__cell">{ (*name).clone() }</th> }) }
                        </tr>
                        <tr>
                            <th scope="col" class="pb-table__cell">{ "Partner" }</th>
                            { for options.iter().map(|_| html! { <>
                                <th scope="col" class="pb-table__cell pb-table__cell--numeric">{ style.head("P50") }</th>
                                <th scope="col" class="pb-table__cell pb-table__cell--numeric">{ style.head("P90") }</th>
                                <th scope="col" class="pb-table__cell pb-table__cell--numeric">{ "Chance above threshold" }</th>
                            </> }) }
                        </tr>
                    </thead>
                    <tbody>{ for partner_rows }</tbody>
                </table>
            </> }) }
            if left_out > 0 {
                <p class="pb-note">{ format!("{left_out} partners with nothing at stake in any option are not shown.") }</p>
            }
            { period_field(first, period) }
            { for done.runs.iter().enumerate().take(revealed.div_ceil(2)).map(|(at, (name, results))| option_detail(at, name, results, style, **period, revealed > 2 * at + 1)) }
            <button type="button" class="pb-button pb-button--secondary" onclick={on_csv}>{ "Download the percentiles (CSV)" }</button>
        </div>
    }
}

/// The period the option tables show: the whole plan or one year.
fn period_field(first: &SimulationResults, period: &UseStateHandle<Option<usize>>) -> Html {
    let mut options = vec![("all".to_string(), "Over the plan".to_string())];
    options.extend(
        first
            .years
            .iter()
            .enumerate()
            .map(|(i, year)| (i.to_string(), year.to_string())),
    );
    let selected = period.map_or("all".to_string(), |i| i.to_string());
    let on_change = {
        let period = period.clone();
        Callback::from(move |value: String| period.set(value.parse::<usize>().ok()))
    };
    html! {
        <SelectField id="simulation-period" label="Years shown in each option's tables"
            hint={AttrValue::from("The chance above the threshold and the chart are over the plan.")}
            options={options} selected={selected} on_change={on_change} />
    }
}

/// One option: each partner's percentiles of its share of variance and net cost, the pools'
/// variance and reserve, and (with `chart`) a chart of the first partner's net cost.
fn option_detail(
    at: usize,
    name: &str,
    results: &SimulationResults,
    style: MoneyStyle,
    period: Option<usize>,
    chart: bool,
) -> Html {
    let money = |amount: Money| money_cell(amount, style);
    let spread_cells = |s: &Spread| html! { <>{ money(s.p10) }{ money(s.p50) }{ money(s.p90) }{ money(s.mean) }</> };
    let when = match period.and_then(|i| results.years.get(i)) {
        Some(year) => format!("in {year}"),
        None => "over the plan".to_string(),
    };
    // The figures for the period chosen: the plan's total, or one year's.
    let partner_spreads = |p: &PartnerSpread| match period.and_then(|i| p.by_year.get(i)) {
        Some(year) => (year.variance_share, year.net_cost),
        None if period.is_some() => (Spread::default(), Spread::default()),
        None => (p.variance_share, p.net_cost),
    };
    let pool_spread = |p: &PoolSpread| match period.and_then(|i| p.by_year.get(i)) {
        Some((_, spread)) => *spread,
        None => p.variance,
    };
    let caption = format!(
        "{name}: each partner {when} (P10 a good year, P90 a bad one). {}",
        style.note()
    );
    let pools_caption = format!(
        "{name}: each pool's forecast variance {when}, an overspend above zero. {}",
        style.note()
    );
    html! {
        <details class="pb-uncertainty__option" open={at == 0}>
            <summary>{ format!("{name}: percentiles, pools and chart") }</summary>
            { table_region(caption.clone(), html! { <>
                <table class="pb-table">
                    <caption class="pb-table__caption">{ caption }</caption>
                    <thead>
                        <tr>
                            <td class="pb-table__cell"></td>
                            <th scope="colgroup" colspan="4" class="pb-table__cell">{ "Share of variance" }</th>
                            <th scope="colgroup" colspan="4" class="pb-table__cell">{ "Net cost" }</th>
                        </tr>
                        <tr>
                            <th scope="col" class="pb-table__cell">{ "Partner" }</th>
                            { for ["P10", "P50", "P90", "Mean", "P10", "P50", "P90", "Mean"].iter().map(|h| html! { <th scope="col" class="pb-table__cell pb-table__cell--numeric">{ style.head(h) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for results.partners.iter().filter(|p| !(p.net_cost.lowest.is_zero() && p.net_cost.highest.is_zero())).map(|p| html! {
                            <tr><th scope="row" class="pb-table__cell">{ p.name.clone() }</th>
                                { spread_cells(&partner_spreads(p).0) }{ spread_cells(&partner_spreads(p).1) }</tr>
                        }) }
                    </tbody>
                </table>
            </> }) }
            { table_region(pools_caption.clone(), html! { <>
                <table class="pb-table">
                    <caption class="pb-table__caption">{ pools_caption }</caption>
                    <thead><tr>
                        <th scope="col" class="pb-table__cell">{ "Pool" }</th>
                        { for ["P10", "P50", "P90", "Mean"].iter().map(|h| html! { <th scope="col" class="pb-table__cell pb-table__cell--numeric">{ style.head(h) }</th> }) }
                        <th scope="col" class="pb-table__cell pb-table__cell--numeric">{ "Chance the reserve is used up" }</th>
                    </tr></thead>
                    <tbody>
                        { for results.pools.iter().map(|p| html! {
                            <tr><th scope="row" class="pb-table__cell">{ p.name.clone() }</th>
                                { spread_cells(&pool_spread(p)) }
                                <td class="pb-table__cell pb-table__cell--numeric">{ p.chance_reserve_used_up.map_or("No reserve".to_string(), format_percent) }</td></tr>
                        }) }
                    </tbody>
                </table>
            </> }) }
            { for results.partners.iter().filter(|_| chart).find(|p| !p.net_cost_draws.is_empty()).map(|p| net_cost_chart(&format!("simulation-chart-{at}"), name, p, style)) }
        </details>
    }
}

/// A histogram of one partner's net cost over the draws: SVG bars, a sentence saying what it
/// shows, and the same counts as a table.
fn net_cost_chart(id: &str, option: &str, partner: &PartnerSpread, style: MoneyStyle) -> Html {
    const BINS: usize = 20;
    const WIDTH: f64 = 640.0;
    const HEIGHT: f64 = 200.0;
    let bins = histogram(&partner.net_cost_draws, BINS);
    let most = bins.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let bar = WIDTH / BINS as f64;
    let whole = |m: Money| style.amount(m);
    let title = format!(
        "{option}: {}'s net cost over the plan, in {} draws",
        partner.name,
        partner.net_cost_draws.len()
    );
    let description = format!(
        "Half of the draws fall between {} and {}; in one draw in ten it is above {}. The bars count the draws in each band of net cost, from {} to {}.",
        whole(partner.net_cost.p10.min(partner.net_cost.p50)),
        whole(partner.net_cost.p90.max(partner.net_cost.p50)),
        whole(partner.net_cost.p90),
        whole(partner.net_cost.lowest),
        whole(partner.net_cost.highest),
    );
    let title_id = format!("{id}-title");
    let description_id = format!("{id}-description");
    html! {
        <figure class="pb-chart" id={id.to_string()}>
            <figcaption class="pb-chart__caption">
                <h4 class="pb-chart__title" id={title_id.clone()}>{ title.clone() }</h4>
                <p class="pb-chart__description" id={description_id.clone()}>{ description }</p>
            </figcaption>
            <svg class="pb-histogram" viewBox={format!("0 0 {} {}", decimals(WIDTH, 0), decimals(HEIGHT + 2.0, 0))} role="img"
                aria-labelledby={title_id} aria-describedby={description_id}>
                { for bins.iter().enumerate().map(|(at, b)| {
                    let h = HEIGHT * f64::from(b.count) / f64::from(most);
                    html! {
                        <rect class="pb-histogram__bar" x={decimals(at as f64 * bar + 1.0, 1)} y={decimals(HEIGHT - h, 1)}
                            width={decimals(bar - 2.0, 1)} height={decimals(h, 1)}>
                            <title>{ format!("{} to {}: {} draws", whole(b.from), whole(b.to), b.count) }</title>
                        </rect>
                    }
                }) }
                <line class="pb-histogram__axis" x1="0" x2={decimals(WIDTH, 0)} y1={decimals(HEIGHT, 0)} y2={decimals(HEIGHT, 0)} />
            </svg>
            <details class="pb-chart__table">
                <summary>{ "Show as a table" }</summary>
                <table class="pb-table">
                    <caption class="pb-table__caption">{ title }</caption>
                    <thead><tr>
                        <th scope="col" class="pb-table__cell">{ "Net cost from" }</th>
                        <th scope="col" class="pb-table__cell">{ "to" }</th>
                        <th scope="col" class="pb-table__cell pb-table__cell--numeric">{ "Draws" }</th>
                    </tr></thead>
                    <tbody>
                        { for bins.iter().map(|b| html! { <tr>
                            <td class="pb-table__cell pb-table__cell--numeric">{ whole(b.from) }</td>
                            <td class="pb-table__cell pb-table__cell--numeric">{ whole(b.to) }</td>
                            <td class="pb-table__cell pb-table__cell--numeric">{ b.count }</td>
                        </tr> }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
