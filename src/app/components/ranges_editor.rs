//! Where ranges are typed: for each spending line of the open option, a low, most likely and
//! high forecast, for every year at once or for one year; and for each pool a shared driver.
//! Typed as forecasts are (the model's "Forecasts are typed as" switch): an amount of spend,
//! or an over/underspend in pounds or as a percentage ("5%").

use yew::prelude::*;

use super::scheme_grid::parse_forecast;
use super::select_field::SelectField;
use super::table_region::table_region;
use crate::app::fields::EditorDispatcher;
use crate::app::state::Action;
use crate::model::uncertainty::{check_ranges, LineRange, PoolDriver, Uncertainty};
use crate::model::{
    format_money, FinancialYear, ForecastEntry, LineId, MoneyStyle, Outturn, Percent, PoolId,
    Scenario,
};

#[derive(Properties, PartialEq)]
pub struct RangesEditorProps {
    pub scenario: Scenario,
    pub uncertainty: Uncertainty,
    pub forecast_entry: ForecastEntry,
    pub dispatcher: EditorDispatcher,
}

/// Which of a range's three values.
#[derive(Clone, Copy, PartialEq)]
enum Point {
    Low,
    Likely,
    High,
}

impl Point {
    const ALL: [Point; 3] = [Point::Low, Point::Likely, Point::High];

    fn label(self) -> &'static str {
        match self {
            Point::Low => "Low",
            Point::Likely => "Most likely",
            Point::High => "High",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Point::Low => "low",
            Point::Likely => "likely",
            Point::High => "high",
        }
    }
}

#[function_component(RangesEditor)]
pub fn ranges_editor(props: &RangesEditorProps) -> Html {
    // None: ranges for every year; Some(year): that year's own ranges.
    let year = use_state(|| None::<FinancialYear>);
    let errors = use_state(Vec::<(String, String)>::new);
    let scenario = &props.scenario;
    let mut years = vec![("all".to_string(), "Every year".to_string())];
    years.extend(
        scenario
            .horizon
            .years()
            .map(|y| (y.0.to_string(), format!("{y} only"))),
    );
    let on_year = {
        let year = year.clone();
        Callback::from(move |value: String| year.set(value.parse::<u16>().ok().map(FinancialYear)))
    };
    let typed_as = match props.forecast_entry {
        ForecastEntry::Spend => {
            "forecast spend in pounds, or over/under plan as a percentage (5%, −2%)"
        }
        ForecastEntry::Variance => {
            "over- or underspend against plan, in pounds or as a percentage (5%, −2%)"
        }
    };
    let rows = scenario.lines.iter().map(|line| {
        let range = props
            .uncertainty
            .ranges
            .iter()
            .find(|r| r.line == line.id && r.year == *year)
            .copied();
        let cells = Point::ALL.iter().map(|point| {
            let id = format!("range-{}-{}-{}", line.id.0, year_key(*year), point.key());
            let value = range.map_or(String::new(), |r| outturn_text(pick(&r, *point)));
            let error = errors.iter().find(|(field, _)| *field == id).map(|(_, e)| e.clone());
            let on_change = {
                let (dispatcher, errors, uncertainty) =
                    (props.dispatcher.clone(), errors.clone(), props.uncertainty.clone());
                let (line_id, point, year, entry, id) =
                    (line.id, *point, *year, props.forecast_entry, id.clone());
                Callback::from(move |e: Event| {
                    let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                        return;
                    };
                    let mut kept: Vec<(String, String)> =
                        errors.iter().filter(|(f, _)| *f != id).cloned().collect();
                    match parse_point(&input.value(), entry) {
                        Ok(outturn) => {
                            errors.set(kept);
                            let next = with_point(&uncertainty, line_id, year, point, outturn);
                            dispatcher.dispatch(Action::Uncertainty(next));
                        }
                        Err(message) => {
                            kept.push((id.clone(), format!("{}: {message}", point.label())));
                            errors.set(kept);
                        }
                    }
                })
            };
            let error_id = format!("{id}-error");
            html! {
                <td class="pb-table__cell pb-table__cell--numeric">
                    <input class="pb-input pb-input--amount" id={id.clone()} type="text" inputmode="decimal"
                        aria-label={format!("{} forecast for {}", point.label(), line.name)}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={error.is_some().then(|| error_id.clone())}
                        value={value} onchange={on_change} />
                    if let Some(error) = error {
                        <span class="pb-field__error" id={error_id}>{ error }</span>
                    }
                </td>
            }
        });
        let on_clear = {
            let (dispatcher, uncertainty, line_id, year) =
                (props.dispatcher.clone(), props.uncertainty.clone(), line.id, *year);
            Callback::from(move |_: MouseEvent| {
                let mut next = uncertainty.clone();
                next.ranges.retain(|r| !(r.line == line_id && r.year == year));
                dispatcher.dispatch(Action::Uncertainty(next));
            })
        };
        let pool = scenario
            .pools
            .iter()
            .find(|p| p.id == line.pool)
            .map_or(String::new(), |p| p.name.clone());
        html! {
            <tr>
                <th scope="row" class="pb-table__cell">{ line.name.clone() }</th>
                <td class="pb-table__cell">{ pool }</td>
                { for cells }
                <td class="pb-table__cell">
                    if range.is_some() {
                        <button type="button" class="pb-button pb-button--secondary pb-button--small" onclick={on_clear}
                            aria-label={format!("Clear the range for {}", line.name)}>{ "Clear" }</button>
                    }
                </td>
            </tr>
        }
    });
    let caption = match *year {
        None => "Ranges for every year the line runs".to_string(),
        Some(y) => format!("Ranges for {y} (these take precedence over every-year ranges)"),
    };
    let problem = check_ranges(scenario, &props.uncertainty).err();
    html! {
        <div class="pb-ranges">
            if let Some(problem) = problem {
                <div class="pb-notice pb-notice--warning" role="status" id="ranges-problem"><p>{ problem.to_string() }</p></div>
            }
            <p class="pb-note">{ format!("Type each range as {typed_as}: low, most likely and high. A line without a range keeps its forecast in every draw.") }</p>
            <SelectField id="ranges-year" label="Ranges for" options={years}
                selected={year_key(*year)} on_change={on_year} />
            { table_region(caption.clone(), html! { <>
                <table class="pb-table">
                    <caption class="pb-table__caption">{ caption }</caption>
                    <thead><tr>
                        <th scope="col" class="pb-table__cell">{ "Line" }</th>
                        <th scope="col" class="pb-table__cell">{ "Pool" }</th>
                        { for Point::ALL.iter().map(|p| html! { <th scope="col" class="pb-table__cell pb-table__cell--numeric">{ p.label() }</th> }) }
                        <th scope="col" class="pb-table__cell"><span class="pb-visually-hidden">{ "Actions" }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </> }) }
            { drivers(props, &errors) }
        </div>
    }
}

fn drivers(props: &RangesEditorProps, errors: &UseStateHandle<Vec<(String, String)>>) -> Html {
    let rows = props.scenario.pools.iter().map(|pool| {
        let driver = props.uncertainty.drivers.iter().find(|d| d.pool == pool.id).copied();
        let cells = Point::ALL.iter().map(|point| {
            let id = format!("driver-{}-{}", pool.id.0, point.key());
            let value = driver.map_or(String::new(), |d| {
                format!("{}%", match point {
                    Point::Low => d.low,
                    Point::Likely => d.likely,
                    Point::High => d.high,
                })
            });
            let error = errors.iter().find(|(field, _)| *field == id).map(|(_, e)| e.clone());
            let on_change = {
                let (dispatcher, errors, uncertainty) =
                    (props.dispatcher.clone(), errors.clone(), props.uncertainty.clone());
                let (pool_id, point, id) = (pool.id, *point, id.clone());
                Callback::from(move |e: Event| {
                    let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                        return;
                    };
                    let mut kept: Vec<(String, String)> =
                        errors.iter().filter(|(f, _)| *f != id).cloned().collect();
                    let text = input.value();
                    if text.trim().is_empty() {
                        errors.set(kept);
                        let mut next = uncertainty.clone();
                        next.drivers.retain(|d| d.pool != pool_id);
                        dispatcher.dispatch(Action::Uncertainty(next));
                        return;
                    }
                    match Percent::parse(text.trim()) {
                        Ok(percent) => {
                            errors.set(kept);
                            dispatcher.dispatch(Action::Uncertainty(with_driver(&uncertainty, pool_id, point, percent)));
                        }
                        Err(message) => {
                            kept.push((id.clone(), format!("{}: {message}", point.label())));
                            errors.set(kept);
                        }
                    }
                })
            };
            let error_id = format!("{id}-error");
            html! {
                <td class="pb-table__cell pb-table__cell--numeric">
                    <input class="pb-input pb-input--short" id={id.clone()} type="text" inputmode="decimal"
                        aria-label={format!("{} shared driver for {}", point.label(), pool.name)}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={error.is_some().then(|| error_id.clone())}
                        value={value} onchange={on_change} />
                    if let Some(error) = error {
                        <span class="pb-field__error" id={error_id}>{ error }</span>
                    }
                </td>
            }
        });
        html! {
            <tr>
                <th scope="row" class="pb-table__cell">{ pool.name.clone() }</th>
                { for cells }
            </tr>
        }
    });
    let caption = "Shared drivers: one percentage per draw moves every line of the pool";
    html! {
        <>
            <p class="pb-note">{ "A shared driver is a range applied to every line of a pool in the same draw, in every year, on top of each line's own range: lines that move together, as demand pressures usually do. Leave blank for none. Without one, lines move independently, which understates how bad a bad year can be." }</p>
            { table_region(caption, html! { <>
                <table class="pb-table">
                    <caption class="pb-table__caption">{ caption }</caption>
                    <thead><tr>
                        <th scope="col" class="pb-table__cell">{ "Pool" }</th>
                        { for Point::ALL.iter().map(|p| html! { <th scope="col" class="pb-table__cell pb-table__cell--numeric">{ format!("{} (%)", p.label()) }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </> }) }
        </>
    }
}

/// A range's value: a percentage is always over/under plan (it cannot be a spend); otherwise
/// as forecasts are typed.
fn parse_point(text: &str, entry: ForecastEntry) -> Result<Outturn, String> {
    let text = text.trim();
    if text.ends_with('%') {
        return Percent::parse(text)
            .map(|percent| Outturn::VariancePercent { percent })
            .map_err(|e| e.to_string());
    }
    // Ranges are typed in pounds, as their labels say.
    parse_forecast(text, entry, crate::model::MoneyUnit::Pounds).map_err(|e| match entry {
        ForecastEntry::Spend => {
            format!("{e}; or type a percentage over or under plan, like 5% or −2%")
        }
        ForecastEntry::Variance => e,
    })
}

fn year_key(year: Option<FinancialYear>) -> String {
    year.map_or("all".to_string(), |y| y.0.to_string())
}

fn pick(range: &LineRange, point: Point) -> Outturn {
    match point {
        Point::Low => range.low,
        Point::Likely => range.likely,
        Point::High => range.high,
    }
}

/// A range's value as typed: "5%", "−£20,000.00", "£1,050,000.00"; blank when as planned.
fn outturn_text(outturn: Outturn) -> String {
    match outturn {
        Outturn::AsPlanned => String::new(),
        Outturn::VariancePercent { percent } => format!("{percent}%"),
        Outturn::VarianceAmount { amount } | Outturn::Spend { amount } => {
            format_money(amount, MoneyStyle::EXACT)
        }
    }
}

/// `uncertainty` with one value of a line's range set. A new range starts with all three
/// values equal to the one typed, so it is a valid range at once.
fn with_point(
    uncertainty: &Uncertainty,
    line: LineId,
    year: Option<FinancialYear>,
    point: Point,
    value: Outturn,
) -> Uncertainty {
    let mut next = uncertainty.clone();
    match next
        .ranges
        .iter_mut()
        .find(|r| r.line == line && r.year == year)
    {
        Some(range) => match point {
            Point::Low => range.low = value,
            Point::Likely => range.likely = value,
            Point::High => range.high = value,
        },
        None => next.ranges.push(LineRange {
            line,
            year,
            low: value,
            likely: value,
            high: value,
        }),
    }
    next
}

fn with_driver(
    uncertainty: &Uncertainty,
    pool: PoolId,
    point: Point,
    value: Percent,
) -> Uncertainty {
    let mut next = uncertainty.clone();
    match next.drivers.iter_mut().find(|d| d.pool == pool) {
        Some(driver) => match point {
            Point::Low => driver.low = value,
            Point::Likely => driver.likely = value,
            Point::High => driver.high = value,
        },
        None => next.drivers.push(PoolDriver {
            pool,
            low: value,
            likely: value,
            high: value,
        }),
    }
    next
}
