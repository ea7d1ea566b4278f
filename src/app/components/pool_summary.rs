//! One pool, year by year: income against planned and forecast spend, the variance and the
//! balance left.

use yew::prelude::*;

use super::money_cell::MoneyCell;
use super::table_region::TableRegion;
use crate::app::bidi::name;
use crate::model::PoolResults;

#[derive(Properties, PartialEq)]
pub struct PoolSummaryProps {
    pub pool: PoolResults,
}

#[function_component(PoolSummary)]
pub fn pool_summary(props: &PoolSummaryProps) -> Html {
    let pool = &props.pool;
    let rows = pool.years.iter().map(|year| {
        html! {
            <tr class="pb-table__row" key={year.year.start_year()}>
                <th scope="row" class="pb-table__header">{ year.year.to_string() }</th>
                <MoneyCell amount={year.income} />
                <MoneyCell amount={year.planned_spend} />
                <MoneyCell amount={year.forecast_spend} />
                <MoneyCell amount={year.variance} />
                <MoneyCell amount={year.balance} />
            </tr>
        }
    });
    html! {
        <TableRegion label={format!("{}: income and spending by year", pool.name)}>
            <table class="pb-table">
                <caption class="pb-table__caption">{ name(&pool.name) }{ ": income and spending by year" }</caption>
                <thead>
                    <tr class="pb-table__row">
                        <th scope="col" class="pb-table__header">{ "Financial year" }</th>
                        <th scope="col" class="pb-table__header pb-table__header--numeric">{ "Income" }</th>
                        <th scope="col" class="pb-table__header pb-table__header--numeric">{ "Planned spend" }</th>
                        <th scope="col" class="pb-table__header pb-table__header--numeric">{ "Forecast spend" }</th>
                        <th scope="col" class="pb-table__header pb-table__header--numeric">{ "Variance" }</th>
                        <th scope="col" class="pb-table__header pb-table__header--numeric">{ "Balance" }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </TableRegion>
    }
}
