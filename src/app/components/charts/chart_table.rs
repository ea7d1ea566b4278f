//! A chart's data as a table: a row per category, a column per series, exact amounts, and
//! optionally totals for each row and each column.

use yew::prelude::*;

use crate::app::bidi::name;
use crate::app::charts::data::ChartData;
use crate::app::components::money_cell::{money_cell, money_head, rounding_footnote, style_note};
use crate::app::components::table_region::table_region;
use crate::model::{Money, MoneyStyle};

fn total_cell(total: Option<Money>, style: MoneyStyle) -> Html {
    match total {
        Some(amount) => money_cell(amount, style),
        None => {
            html! { <td class="pb-table__cell pb-table__cell--numeric">{ "Too large to add up" }</td> }
        }
    }
}

/// The table, captioned `caption`; with `total_column` a "Total" column (what a stacked bar adds
/// up to), with `total_row` a total row under that heading, e.g. "All partners". A view
/// function rather than a component: only `ChartFrame` draws it, and each component costs wasm.
pub fn chart_table(
    caption: &str,
    data: &ChartData,
    total_column: bool,
    total_row: Option<&str>,
) -> Html {
    let style = data.style;
    let rows = data.categories.iter().enumerate().map(|(c, category)| {
        html! {
            <tr class="pb-table__row">
                <th scope="row" class="pb-table__header">{ name(&category.name) }</th>
                { for (0..data.series.len()).map(|s| money_cell(data.amount(c, s), style)) }
                if total_column { { total_cell(data.category_total(c), style) } }
            </tr>
        }
    });
    let total_row = total_row.map(|heading| {
        html! {
            <tr class="pb-table__row pb-table__row--total">
                <th scope="row" class="pb-table__header">{ heading.to_string() }</th>
                { for (0..data.series.len()).map(|s| total_cell(data.series_total(s), style)) }
                if total_column {
                    { total_cell(data.total(), style) }
                }
            </tr>
        }
    });
    // Each total row's and column's rounded parts against its rounded total.
    let footnote = if total_row.is_some() {
        let columns: Vec<(&str, Vec<Money>, Money)> = (0..data.series.len())
            .filter_map(|s| {
                let parts = (0..data.categories.len())
                    .map(|c| data.amount(c, s))
                    .collect();
                Some((data.series.get(s)?.as_str(), parts, data.series_total(s)?))
            })
            .collect();
        rounding_footnote(style, &columns)
    } else {
        html! {}
    };
    html! {
        { table_region(caption.to_string(), html! { <>
            <table class="pb-table">
                <caption class="pb-table__caption">{ caption.to_string() }{ style_note(style) }</caption>
                <thead>
                    <tr class="pb-table__row">
                        <th scope="col" class="pb-table__header">{ &data.category_heading }</th>
                        { for data.series.iter().map(|name| money_head(style, name)) }
                        if total_column { { money_head(style, "Total") } }
                    </tr>
                </thead>
                <tbody>{ for rows }{ for total_row }</tbody>
            </table>
            { footnote }
        </> }) }
    }
}
