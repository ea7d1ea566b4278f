//! What each partner puts in, its share of any over- or underspend, and its net cost, across
//! the whole horizon.

use std::rc::Rc;

use yew::prelude::*;

use super::money_cell::MoneyCell;
use super::table_region::TableRegion;
use crate::app::bidi::name;
use crate::model::{Money, Results};

#[derive(Properties, PartialEq)]
pub struct PartnerSummaryProps {
    pub results: Rc<Results>,
}

#[function_component(PartnerSummary)]
pub fn partner_summary(props: &PartnerSummaryProps) -> Html {
    let results = &props.results;
    let span = year_span(results);
    let total = |pick: fn(&crate::model::PartnerTotals) -> Money| {
        Money::checked_sum(results.partner_totals.iter().map(pick))
    };
    let rows = results
        .partners
        .iter()
        .zip(&results.partner_totals)
        .map(|(partner, totals)| {
            html! {
                <tr class="pb-table__row" key={partner.id.0}>
                    <th scope="row" class="pb-table__header">{ name(&partner.name) }</th>
                    <MoneyCell amount={totals.contributions} />
                    <MoneyCell amount={totals.variance_share} />
                    <MoneyCell amount={totals.net_cost} />
                </tr>
            }
        });
    let total_row = match (
        total(|t| t.contributions),
        total(|t| t.variance_share),
        total(|t| t.net_cost),
    ) {
        (Some(contributions), Some(variance), Some(net)) => html! {
            <tr class="pb-table__row pb-table__row--total">
                <th scope="row" class="pb-table__header">{ "All partners" }</th>
                <MoneyCell amount={contributions} />
                <MoneyCell amount={variance} />
                <MoneyCell amount={net} />
            </tr>
        },
        _ => html! {},
    };
    html! {
        <TableRegion label={format!("What each partner pays, {span}")}>
            <table class="pb-table">
                <caption class="pb-table__caption">{ format!("What each partner pays, {span}") }</caption>
                <thead>
                    <tr class="pb-table__row">
                        <th scope="col" class="pb-table__header">{ "Partner" }</th>
                        <th scope="col" class="pb-table__header pb-table__header--numeric">{ "Contributions" }</th>
                        <th scope="col" class="pb-table__header pb-table__header--numeric">{ "Share of variance" }</th>
                        <th scope="col" class="pb-table__header pb-table__header--numeric">{ "Net cost" }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }{ total_row }</tbody>
            </table>
        </TableRegion>
    }
}

/// "2025/26 to 2029/30", or the single year.
pub fn year_span(results: &Results) -> String {
    crate::model::year_span(&results.years)
}
