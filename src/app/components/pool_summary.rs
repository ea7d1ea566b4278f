//! One pool, year by year: income against planned spend (a funding gap or unallocated income
//! where they differ), forecast spend, the variance and the balance left; and who bears each
//! year's funding gap or receives its unallocated income under the agreement.

use yew::prelude::*;

use super::money_cell::{money_cell, money_head, style_note};
use super::table_region::table_region;
use crate::app::bidi::name;
use crate::model::{Money, MoneyStyle, PoolResults, PoolYear};

#[derive(Properties, PartialEq)]
pub struct PoolSummaryProps {
    pub pool: PoolResults,
    /// Partners' names, in the order of every per-partner list.
    pub partners: Vec<String>,
    pub style: MoneyStyle,
}

type Pick = fn(&PoolYear) -> Money;

#[function_component(PoolSummary)]
pub fn pool_summary(props: &PoolSummaryProps) -> Html {
    let (pool, style) = (&props.pool, props.style);
    let any = |pick: Pick| pool.years.iter().any(|y| !pick(y).is_zero());
    let mut columns: Vec<(&str, Pick)> = vec![
        ("Income", |y| y.income),
        ("Planned spend", |y| y.planned_spend),
    ];
    if any(|y| y.funding_gap) {
        columns.push(("Funding gap", |y| y.funding_gap));
    }
    if any(|y| y.unallocated_income) {
        columns.push(("Unallocated income", |y| y.unallocated_income));
    }
    columns.extend([
        ("Forecast spend", (|y| y.forecast_spend) as Pick),
        ("Variance", |y| y.variance),
        ("Balance", |y| y.balance),
    ]);
    let rows = pool.years.iter().map(|year| {
        html! {
            <tr class="pb-table__row" key={year.year.start_year()}>
                <th scope="row" class="pb-table__header">{ year.year.to_string() }</th>
                { for columns.iter().map(|(_, pick)| money_cell(pick(year), style)) }
            </tr>
        }
    });
    let label = format!("{}: income and spending by year", pool.name);
    let positions: Vec<String> = pool
        .years
        .iter()
        .filter_map(|year| position(year, &props.partners, style))
        .collect();
    html! {
        { table_region(label, html! { <>
            <table class="pb-table">
                <caption class="pb-table__caption">
                    { name(&pool.name) }{ ": income and spending by year" }{ style_note(style) }
                </caption>
                <thead>
                    <tr class="pb-table__row">
                        <th scope="col" class="pb-table__header">{ "Financial year" }</th>
                        { for columns.iter().map(|(head, _)| money_head(style, head)) }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            if !positions.is_empty() {
                <ul class="pb-pool-position">
                    { for positions.into_iter().map(|text| html! { <li>{ text }</li> }) }
                </ul>
            }
        </> }) }
    }
}

/// "2025/26: funding gap of £12.3m (planned spend above income), borne under the pool's risk
/// share as an overspend on the host's lines: LBX £8.6m, ICB £3.7m." Or the same for
/// unallocated income; `None` when the year has neither.
fn position(year: &PoolYear, partners: &[String], style: MoneyStyle) -> Option<String> {
    let (what, amount, shares, how) = if year.funding_gap.is_positive() {
        (
            "funding gap",
            year.funding_gap,
            &year.gap_shares,
            "planned spend above income; borne under the pool's risk share, as an overspend on the host's lines",
        )
    } else if year.unallocated_income.is_positive() {
        (
            "unallocated income",
            year.unallocated_income,
            &year.unallocated_shares,
            "income above planned spend; treated as the pool treats an underspend",
        )
    } else {
        return None;
    };
    let who: Vec<String> = partners
        .iter()
        .zip(shares)
        .filter(|(_, share)| !share.is_zero())
        .map(|(partner, share)| format!("{partner} {}", style.amount(*share)))
        .collect();
    let who = if who.is_empty() {
        " (carried forward or held as contingency, not paid to or by any partner this year)"
            .to_string()
    } else {
        format!(": {}", who.join(", "))
    };
    Some(format!(
        "{}: {what} of {} ({how}){who}.",
        year.year,
        style.amount(amount)
    ))
}
