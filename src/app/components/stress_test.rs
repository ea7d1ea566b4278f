//! The stress test: "what if every line overspends by 5%?" One control sets the forecast over-
//! or underspend on every line of an option, or of one of its pools; the tables show each
//! partner's share of the variance as forecast and under the stress, then the same stress
//! under every risk-share pattern side by side, so a board can see which rule is fairest.

use yew::prelude::*;

use super::compare_view::difference;
use super::money_cell::{money_cell, money_head, style_note};
use super::select_field::SelectField;
use super::table_region::table_region;
use crate::app::bidi::name;
use crate::app::fields::Editor;
use crate::model::{
    format_percent, meaningful_percent, stress, Money, MoneyStyle, Percent, PoolId, ScenarioId,
    StressResult, StressScope, PERCENT_NOT_SHOWN, STRESS_MAX_PERCENT, STRESS_MIN_PERCENT,
};

#[derive(Properties, PartialEq)]
pub struct StressTestProps {
    pub editor: Editor,
}

#[function_component(StressTest)]
pub fn stress_test(props: &StressTestProps) -> Html {
    let model = &props.editor.model;
    let option = use_state(|| props.editor.open);
    let scope = use_state(|| StressScope::AllPools);
    let percent = use_state(|| 5_i64);
    let scenario = model
        .scenarios
        .iter()
        .find(|s| s.id == *option)
        .or_else(|| model.scenarios.first());
    let Some(scenario) = scenario else {
        return html! {};
    };
    let variance = Percent::from_hundredths(*percent * 100);
    let result = use_memo(
        (scenario.clone(), *scope, variance),
        |(scenario, scope, variance)| {
            stress(scenario, *scope, *variance).map_err(|e| e.to_string())
        },
    );

    let options: Vec<(String, String)> = model
        .scenarios
        .iter()
        .map(|s| (s.id.0.to_string(), s.name.clone()))
        .collect();
    let on_option = {
        let (option, scope) = (option.clone(), scope.clone());
        Callback::from(move |value: String| {
            if let Ok(n) = value.parse::<u32>() {
                option.set(ScenarioId(n));
                scope.set(StressScope::AllPools);
            }
        })
    };
    let mut scopes = vec![("all".to_string(), "Every pool".to_string())];
    scopes.extend(
        scenario
            .pools
            .iter()
            .map(|p| (p.id.0.to_string(), p.name.clone())),
    );
    let scope_key = match *scope {
        StressScope::AllPools => "all".to_string(),
        StressScope::Pool(id) => id.0.to_string(),
    };
    let on_scope = {
        let scope = scope.clone();
        Callback::from(move |value: String| {
            scope.set(
                value
                    .parse::<u32>()
                    .map_or(StressScope::AllPools, |n| StressScope::Pool(PoolId(n))),
            );
        })
    };
    let on_percent = {
        let percent = percent.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Ok(value) = input.value().parse::<i64>() {
                    percent.set(value.clamp(STRESS_MIN_PERCENT, STRESS_MAX_PERCENT));
                }
            }
        })
    };
    let described = describe(*percent);
    html! {
        <section class="pb-stress" aria-labelledby="stress-heading">
            <h3 id="stress-heading">{ "Stress test: what if spending is over or under plan?" }</h3>
            <p>{ "Sets the forecast on every spending line, in every year, to the same percentage over or under plan, then shows who carries it." }</p>
            <div class="pb-stress__controls">
                <SelectField id="stress-option" label="Option" options={options}
                    selected={option.0.to_string()} on_change={on_option} />
                <SelectField id="stress-scope" label="Lines in" options={scopes}
                    selected={scope_key} on_change={on_scope} />
                <div class="pb-field">
                    <label class="pb-field__label" for="stress-percent">{ "Forecast against plan, on every line" }</label>
                    <div class="pb-stress__range">
                        <span aria-hidden="true">{ format!("\u{2212}{}%", -STRESS_MIN_PERCENT) }</span>
                        <input type="range" class="pb-range" id="stress-percent"
                            min={STRESS_MIN_PERCENT.to_string()} max={STRESS_MAX_PERCENT.to_string()} step="1"
                            value={percent.to_string()} aria-valuetext={described.clone()} oninput={on_percent} />
                        <span aria-hidden="true">{ format!("+{STRESS_MAX_PERCENT}%") }</span>
                        <output class="pb-stress__value" for="stress-percent">{ described }</output>
                    </div>
                </div>
            </div>
            { match &*result {
                Ok(result) => exposure_tables(&scenario.name, result, model.money_style()),
                Err(message) => html! { <div class="pb-notice pb-notice--warning" role="alert"><p>{ message }</p></div> },
            } }
        </section>
    }
}

/// "+5% (overspend)", "−10% (underspend)", "0% (as planned)".
fn describe(percent: i64) -> String {
    let value = describe_percent(Percent::from_hundredths(percent * 100));
    match percent.signum() {
        1 => format!("{value} (overspend)"),
        -1 => format!("{value} (underspend)"),
        _ => format!("{value} (as planned)"),
    }
}

fn exposure_tables(option: &str, result: &StressResult, style: MoneyStyle) -> Html {
    let total = &result.total_variance;
    let summary = format!(
        "{option}: with {} {} against plan, the forecast variance over the period is {} (as forecast: {}).",
        result.scope,
        describe_percent(result.variance),
        style.amount(total.other),
        style.amount(total.base),
    );
    let money = |amount: Money| money_cell(amount, style);
    let own_caption = "Each partner's share of the forecast variance, by this option's rules";
    // Partners with nothing in the stressed pools under any rule are left out.
    let partners: Vec<_> = result
        .partners
        .iter()
        .filter(|p| {
            !(p.contributions.is_zero()
                && p.exposure.base.is_zero()
                && p.exposure.other.is_zero()
                && p.by_pattern.iter().all(|m| m.is_zero()))
        })
        .collect();
    // The figures the percentages compare are shares of the variance, so their scale is the
    // largest share (as forecast or under the stress), not a contribution.
    let largest = partners
        .iter()
        .map(|p| p.exposure.largest())
        .max()
        .unwrap_or(Money::ZERO);
    let any_not_shown = partners.iter().any(|p| {
        let change = &p.exposure;
        !change.is_zero() && meaningful_percent(change.amount, change.base, largest).is_none()
    });
    // This option's own table (the one the board paper prints) leaves out partners with nothing
    // under its rule; the table of every pattern keeps them, since some patterns give them a share.
    let own: Vec<_> = partners
        .iter()
        .filter(|p| {
            !(p.contributions.is_zero() && p.exposure.base.is_zero() && p.exposure.other.is_zero())
        })
        .collect();
    let left_out = partners.len() - own.len();
    let own_rows = own.iter().map(|p| {
        html! {
            <tr class="pb-table__row" key={p.partner.0}>
                <th scope="row" class="pb-table__header">{ name(&p.name) }</th>
                { money(p.contributions) }
                { money(p.exposure.base) }
                { money(p.exposure.other) }
                { difference(&p.exposure, ("more", "less"), style, largest) }
            </tr>
        }
    });
    let patterns_caption =
        "Each partner's share of the stressed forecast variance under each risk-share pattern";
    let pattern_rows = partners.iter().map(|p| {
        html! {
            <tr class="pb-table__row" key={p.partner.0}>
                <th scope="row" class="pb-table__header">{ name(&p.name) }</th>
                { for p.by_pattern.iter().map(|amount| money(*amount)) }
            </tr>
        }
    });
    html! {
        <>
            <p class="pb-stress__summary" role="status">{ summary }</p>
            { table_region(own_caption, html! { <>
                <table class="pb-table" id="stress-own">
                    <caption class="pb-table__caption">
                        { own_caption }{ style_note(style) }
                        <span class="pb-table__caption-note">{ "A funding gap or unallocated income is not a variance and is left out." }</span>
                        if any_not_shown { <span class="pb-table__caption-note">{ PERCENT_NOT_SHOWN }</span> }
                    </caption>
                    <thead>
                        <tr class="pb-table__row">
                            <th scope="col" class="pb-table__header">{ "Partner" }</th>
                            { money_head(style, "Contributions") }
                            { money_head(style, "As forecast") }
                            { money_head(style, "Under the stress") }
                            { money_head(style, "Difference") }
                        </tr>
                    </thead>
                    <tbody>{ for own_rows }</tbody>
                </table>
            </> }) }
            if left_out > 0 {
                <p class="pb-note">{ match left_out {
                    1 => "1 partner with nothing under this option's rule is not shown.".to_string(),
                    n => format!("{n} partners with nothing under this option's rule are not shown."),
                } }</p>
            }
            // On screen only: the board paper keeps to three pages with this option's own rule.
            <div class="pb-stress__patterns">
            { table_region(patterns_caption, html! { <>
                <table class="pb-table" id="stress-patterns">
                    <caption class="pb-table__caption">{ patterns_caption }{ style_note(style) }</caption>
                    <thead>
                        <tr class="pb-table__row">
                            <th scope="col" class="pb-table__header">{ "Partner" }</th>
                            { for result.patterns.iter().map(|pattern| html! {
                                <th scope="col" class="pb-table__header pb-table__header--numeric pb-stress__pattern">
                                    { pattern.short_label() }
                                    if result.current == Some(*pattern) { <span class="pb-stress__current">{ " (this option's rule)" }</span> }
                                    { format!(" ({})", style.unit.symbol()) }
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>{ for pattern_rows }</tbody>
                </table>
            </> }) }
            <p class="pb-note">
                { "Each pattern replaces the rule of every stressed pool and of its lines. Fixed percentages keep this option's \
                   shares, or split equally between the partners that contribute; tiered keeps this option's tier, or puts the \
                   first £250,000 on the host; ordered steps and the tier's remainder share pro rata unless this option says otherwise." }
            </p>
            </div>
        </>
    }
}

fn describe_percent(percent: Percent) -> String {
    let text = format_percent(percent);
    if percent > Percent::ZERO {
        format!("+{text}")
    } else {
        text
    }
}
