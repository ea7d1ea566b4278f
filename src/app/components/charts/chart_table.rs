//! A chart's data as a table: a row per category, a column per series, exact amounts, and
//! optionally totals for each row and each column.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::charts::data::ChartData;
use crate::app::components::money_cell::MoneyCell;
use crate::app::components::table_region::TableRegion;
use crate::model::Money;

#[derive(Properties, PartialEq)]
pub struct ChartTableProps {
    pub caption: AttrValue,
    pub data: Rc<ChartData>,
    /// Add a "Total" column (what a stacked bar adds up to).
    #[prop_or_default]
    pub total_column: bool,
    /// Add a total row with this heading, e.g. "All partners".
    #[prop_or_default]
    pub total_row: Option<AttrValue>,
}

fn total_cell(total: Option<Money>) -> Html {
    match total {
        Some(amount) => html! { <MoneyCell amount={amount} /> },
        None => {
            html! { <td class="pb-table__cell pb-table__cell--numeric">{ "Too large to add up" }</td> }
        }
    }
}

#[function_component(ChartTable)]
pub fn chart_table(props: &ChartTableProps) -> Html {
    let data = &props.data;
    let rows = data.categories.iter().enumerate().map(|(c, category)| {
        html! {
            <tr class="pb-table__row">
                <th scope="row" class="pb-table__header">{ &category.name }</th>
                { for (0..data.series.len()).map(|s| html! { <MoneyCell amount={data.amount(c, s)} /> }) }
                if props.total_column { { total_cell(data.category_total(c)) } }
            </tr>
        }
    });
    let total_row = props.total_row.as_ref().map(|heading| {
        html! {
            <tr class="pb-table__row pb-table__row--total">
                <th scope="row" class="pb-table__header">{ heading.clone() }</th>
                { for (0..data.series.len()).map(|s| total_cell(data.series_total(s))) }
                if props.total_column {
                    { total_cell(data.total()) }
                }
            </tr>
        }
    });
    html! {
        <TableRegion label={props.caption.clone()}>
            <table class="pb-table">
                <caption class="pb-table__caption">{ props.caption.clone() }</caption>
                <thead>
                    <tr class="pb-table__row">
                        <th scope="col" class="pb-table__header">{ &data.category_heading }</th>
                        { for data.series.iter().map(|name| html! {
                            <th scope="col" class="pb-table__header pb-table__header--numeric">{ name }</th>
                        }) }
                        if props.total_column {
                            <th scope="col" class="pb-table__header pb-table__header--numeric">{ "Total" }</th>
                        }
                    </tr>
                </thead>
                <tbody>{ for rows }{ for total_row }</tbody>
            </table>
        </TableRegion>
    }
}
